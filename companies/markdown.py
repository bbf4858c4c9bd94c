"""Descriptions are written in a small, safe Markdown subset and sanitised before display."""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Paragraphs, emphasis, lists, links and level-3/4 headings: enough for an opening, nothing that
# could break the page or its accessibility (no raw HTML, no images, no tables).
_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(
    ["image", "html_inline", "html_block"]
)
_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code"}


def render_markdown(text: str, *, top_heading: int = 3) -> SafeString:
    """Markdown → sanitised HTML. Headings shift down to h3, below the page's h1/h2.

    A page whose only heading above the text is its h1 (the legal pages) passes
    ``top_heading=2``, so that its sections are h2 and no heading level is skipped.
    """
    if top_heading not in (2, 3):
        raise ValueError(f"top_heading must be 2 or 3, not {top_heading!r}")
    html = _PARSER.render(text or "")
    for level in range(1, top_heading):
        html = html.replace(f"<h{level}>", f"<h{top_heading}>")
        html = html.replace(f"</h{level}>", f"</h{top_heading}>")
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS | {f"h{level}" for level in range(top_heading, 3)},
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 – sanitised by nh3 just above  # nosec B308 B703
