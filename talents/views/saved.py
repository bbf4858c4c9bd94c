"""(Work in progress.)"""

from django.http import Http404, HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


bookmarks = bookmark_toggle = saved_searches = saved_search_create = saved_search_delete = _todo
