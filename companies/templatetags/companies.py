from django import template
from django.utils.safestring import SafeString

from companies.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str, top_heading: int = 3) -> SafeString:
    """{{ posting.description|markdown }}: safe HTML from the Markdown subset.

    ``{{ page.body|markdown:2 }}`` keeps level-2 headings, for pages with only an h1 above.
    """
    return render_markdown(text, top_heading=top_heading)


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters changed (pagination, sorting)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = str(value)
    return "?" + query.urlencode() if query else "?"


@register.simple_tag
def facet_count(counts: dict[str, int], key: object) -> int:
    """{% facet_count facets.type "thesis" %}: how many results an option of a facet has."""
    return counts.get(str(key), 0)
