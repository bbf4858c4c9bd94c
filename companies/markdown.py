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


def render_markdown(text: str) -> SafeString:
    """Markdown → sanitised HTML. Headings shift down to h3, below the page's h1/h2."""
    html = _PARSER.render(text or "")
    for level in (1, 2):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 – sanitised by nh3 just above
