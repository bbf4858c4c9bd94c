"""Bookmark buttons and the "save this search" form, for pages of other apps:
{% load saved %} in templates/talents/saved/includes/*.html."""

from django import template

from companies.models import Company, Posting
from talents.models import Bookmark
from talents.saved_forms import SavedSearchForm
from talents.services.saved import clean_search_query, describe_search, town_names

register = template.Library()


@register.simple_tag(takes_context=True)
def is_bookmarked(
    context: template.Context, posting: Posting | None = None, company: Company | None = None
) -> bool:
    """{% is_bookmarked posting=posting company=None as bookmarked %}"""
    user = context["request"].user
    return user.is_authenticated and (
        Bookmark.objects.filter(
            user=user, posting=posting or None, company=company or None
        ).exists()
    )


@register.simple_tag
def save_search_form(query_string: str) -> SavedSearchForm:
    """{% save_search_form query_string as save_form %}: the form, named after the search."""
    query = clean_search_query(query_string)
    towns = town_names() if "town=" in query or "near=" in query else {}
    name = ", ".join(describe_search(query, towns))[:100]
    return SavedSearchForm(initial={"query": query, "name": name}, auto_id="save-search-%s")
