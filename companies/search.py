"""Posting search: full text in German and English (GIN-indexed) and the denormalised fields that
keep facets and filters to one scan of the posting table."""

from django.contrib.postgres.aggregates import ArrayAgg, StringAgg
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, Concat

from companies.models import Posting, PostingLanguage, PostingSkill

Posting_sites = Posting.sites.through


def refresh_search_fields(postings: QuerySet[Posting]) -> None:
    """Recompute what search reads: the text vector (title A, skills B, description C), the
    towns and districts of the sites, the required languages and how many skills of each kind. Call after a posting or its skills,
    languages or sites changed."""
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
    districts = (
        Posting_sites.objects.filter(posting=OuterRef("pk"))
        .order_by()
        .values("posting")
        .annotate(districts=ArrayAgg("companysite__town__district", distinct=True))
        .values("districts")  # type: ignore[misc]  # an annotation the plugin does not see
    )
    towns = (
        Posting_sites.objects.filter(posting=OuterRef("pk"))
        .order_by()
        .values("posting")
        .annotate(towns=ArrayAgg("companysite__town_id", distinct=True))
        .values("towns")  # type: ignore[misc]
    )
    languages = (
        PostingLanguage.objects.filter(posting=OuterRef("pk"))
        .order_by()
        .values("posting")
        .annotate(codes=ArrayAgg("language", distinct=True))
        .values("codes")
    )
    empty: Value = Value([], output_field=ArrayField(CharField()))
    postings.update(
        search_vector=SearchVector("title", config="german", weight="A")
        + SearchVector("title", config="english", weight="A")
        + SearchVector(skill_text, config="german", weight="B")
        + SearchVector(skill_text, config="english", weight="B")
        + SearchVector("description_de", config="german", weight="C")
        + SearchVector("description_en", config="english", weight="C"),
        districts=Coalesce(Subquery(districts), empty),
        language_codes=Coalesce(Subquery(languages), empty),
        town_ids=Coalesce(Subquery(towns), Value([], output_field=ArrayField(IntegerField()))),
        must_have_count=_skill_count(required=True),
        nice_to_have_count=_skill_count(required=False),
    )


def _skill_count(*, required: bool) -> Coalesce:
    counts = (
        PostingSkill.objects.filter(posting=OuterRef("pk"), is_required=required)
        .order_by()
        .values("posting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def search_query(text: str) -> SearchQuery:
    """What people type, as in a search engine ("quoted phrases", -excluded), in both languages."""
    return SearchQuery(text, config="german", search_type="websearch") | SearchQuery(
        text, config="english", search_type="websearch"
    )
