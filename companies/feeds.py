"""Atom feed of new postings (placeholder; filled in by the findability work)."""

from django.contrib.syndication.views import Feed


class PostingFeed(Feed):
    title = "TalentPortal Dresden"
    link = "/"

    def items(self) -> list:
        return []
