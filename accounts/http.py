from django.http import HttpRequest

from accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """The request of a view behind @login_required: its user is a signed-in User."""

    user: User
