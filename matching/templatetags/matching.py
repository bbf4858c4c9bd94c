from django import template
from django.utils.translation import get_language

from matching.scoring import Reason

register = template.Library()


@register.filter
def reason_text(reason: Reason) -> str:
    """The reason as a sentence in the page's language."""
    return reason.text(get_language() or "de")


@register.filter
def skill_label(labels: tuple[str, str]) -> str:
    """A (German, English) label pair in the page's language."""
    german, english = labels
    return english if (get_language() or "de").startswith("en") else german
