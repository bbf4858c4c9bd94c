"""Matching's figures for the impact report (talentportal.reports): counts only."""

from datetime import date

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from matching.models import MatchCount


def matches_shown_and_acted_on(start: date, end: date) -> list[tuple[str, int]]:
    """Matches shown on the matches pages in the period and how often people went on from
    there to apply or to ask for contact. One query."""
    talent = Q(side=MatchCount.Side.TALENT)
    company = Q(side=MatchCount.Side.COMPANY)
    totals = MatchCount.objects.filter(day__gte=start, day__lte=end).aggregate(
        talent_shown=Coalesce(Sum("shown", filter=talent), 0),
        talent_acted=Coalesce(Sum("acted_on", filter=talent), 0),
        company_shown=Coalesce(Sum("shown", filter=company), 0),
        company_acted=Coalesce(Sum("acted_on", filter=company), 0),
    )
    return [
        (_("Openings shown to talents"), totals["talent_shown"]),
        (_("Applications started from a match"), totals["talent_acted"]),
        (_("Talents shown to companies"), totals["company_shown"]),
        (_("Contact requests started from a match"), totals["company_acted"]),
    ]
