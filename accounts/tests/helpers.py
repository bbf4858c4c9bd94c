import re

from django.core.mail import EmailMessage


def path_in_email(message: EmailMessage, marker: str) -> str:
    """The path of the first link in an email's text that contains ``marker``."""
    match = re.search(rf"https?://[^/\s]+(/\S*{re.escape(marker)}\S*)", str(message.body))
    assert match, f"no link with {marker!r} in:\n{message.body}"
    return match.group(1)
