"""(Work in progress.)"""

from django.http import Http404, HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


dashboard = profile_edit = privacy_settings = _todo
