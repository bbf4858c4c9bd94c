import json

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from companies.models import Posting
from companies.structured_data import job_posting_data

register = template.Library()

# Inside <script> only these could end the element or start markup; as JSON escapes they read
# the same to a parser (the same escapes as Django's json_script).
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def job_posting_jsonld(context: template.Context, posting: Posting) -> SafeString:
    """{% job_posting_jsonld posting %}: the posting's schema.org JobPosting as a JSON-LD data
    block (not executed, so the Content-Security-Policy does not apply), nothing if not live."""
    base_url = context["request"].build_absolute_uri("/").rstrip("/")
    data = job_posting_data(posting, base_url=base_url)
    if data is None:
        return SafeString("")
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # The per-response nonce of the Content-Security-Policy: every inline <script> carries it.
    nonce = escape(getattr(context["request"], "csp_nonce", ""))
    return mark_safe(f'<script type="application/ld+json" nonce="{nonce}">{text}</script>')  # noqa: S308 – escaped above  # nosec B308 B703
