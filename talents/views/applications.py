"""(Work in progress.)"""

from django.http import Http404, HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


apply = my_applications = application_withdraw = pipeline = application_detail = _todo
cv_upload = profile_cv = application_cv = _todo
