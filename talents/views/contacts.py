"""(Work in progress.)"""

from django.http import Http404, HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


my_contact_requests = contact_answer = talent_directory = talent_detail = contact_request_create = (
    _todo
)
