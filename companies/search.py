"""Full-text search over postings in German and English (PostgreSQL, GIN-indexed)."""

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from companies.models import Posting, PostingSkill


def refresh_search_vectors(postings: QuerySet[Posting]) -> None:
    """Recompute the stored search vector: title (A) over skills (B) over description (C)."""
    skills = (
        PostingSkill.objects.filter(posting=OuterRef("pk"))
        .order_by()
        .values("posting")
        .annotate(text=StringAgg(Concat("skill__label_de", Value(" "), "skill__label_en"), " "))
        .values("text")
    )
    skill_text = Coalesce(
        Subquery(skills, output_field=TextField()), Value(""), output_field=TextField()
    )
    postings.update(
        search_vector=SearchVector("title", config="german", weight="A")
        + SearchVector("title", config="english", weight="A")
        + SearchVector(skill_text, config="german", weight="B")
        + SearchVector(skill_text, config="english", weight="B")
        + SearchVector("description_de", config="german", weight="C")
        + SearchVector("description_en", config="english", weight="C")
    )


def search_query(text: str) -> SearchQuery:
    """What people type, as in a search engine ("quoted phrases", -excluded), in both languages."""
    return SearchQuery(text, config="german", search_type="websearch") | SearchQuery(
        text, config="english", search_type="websearch"
    )
