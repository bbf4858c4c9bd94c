"""Rules of matching that span postings and talents: merging skill concepts, counting what
the matches pages show, and the weekly digest."""

from collections.abc import Iterable
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from accounts.emails import email_people
from companies.models import Posting, PostingSkill
from companies.search import refresh_search_fields
from matching.models import DigestLog, MatchingWeights
from matching.queries import top_postings_for_talent
from talents.models import Consent, TalentProfile, TalentSkill
from taxonomy.esco import unique_labels
from taxonomy.models import Skill

# The job runs hourly: an hour of slack keeps "weekly" from drifting by an hour every week.
DIGEST_INTERVAL = timedelta(days=7) - timedelta(hours=1)
DIGEST_THRESHOLD = 70.0  # of 100 points: above what a posting without any must-have met can reach
DIGEST_SIZE = 5


def count_matches(*, side: str, shown: int = 0, acted_on: int = 0) -> None:
    """Add to today's counts of matches shown and acted on (one statement, safe under
    concurrency: two requests never lose each other's counts)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO matching_matchcount (day, side, shown, acted_on) VALUES (%s, %s, %s, %s)
            ON CONFLICT (day, side) DO UPDATE
            SET shown = matching_matchcount.shown + excluded.shown,
                acted_on = matching_matchcount.acted_on + excluded.acted_on
            """,
            [timezone.localdate(), side, shown, acted_on],
        )


def send_match_digests() -> int:
    """Email each talent who consented to the digest the best new postings of the week (at
    least DIGEST_THRESHOLD points), once a week. Idempotent: a talent emailed within the week
    waits, and a posting is announced once (only postings published since the last digest).
    Returns the number of emails queued."""
    now = timezone.now()
    weights = MatchingWeights.current()
    digest_consent = Subquery(
        Consent.objects.filter(user=OuterRef("user"), kind=Consent.Kind.DIGEST)
        .order_by("-at", "-pk")
        .values("given")[:1]
    )
    due = (
        TalentProfile.objects.filter(user__is_active=True)
        .annotate(consent=digest_consent)
        .filter(consent=True)
        .filter(Q(digest_log__isnull=True) | Q(digest_log__sent_at__lte=now - DIGEST_INTERVAL))
        .select_related("user", "digest_log")
        .order_by("pk")
    )
    sent = 0
    for profile in due:
        log = getattr(profile, "digest_log", None)
        since = log.sent_at if log else now - timedelta(days=7)
        new = Posting.objects.published().filter(published_at__gt=since, published_at__lte=now)
        ranked = [
            row
            for row in top_postings_for_talent(profile, k=DIGEST_SIZE, weights=weights, among=new)
            if row.total >= DIGEST_THRESHOLD
        ]
        with transaction.atomic():
            DigestLog.objects.update_or_create(profile=profile, defaults={"sent_at": now})
            if not ranked:
                continue
            postings = Posting.objects.select_related("company").in_bulk(
                [row.posting_id for row in ranked]
            )
            email_people(
                [profile.user],
                template="matching/email/digest",
                context={
                    "matches": [(postings[row.posting_id], row.total) for row in ranked],
                },
            )
        sent += 1
    return sent


def merge_skills(*, keep: Skill, duplicates: Iterable[Skill]) -> int:
    """Fold duplicate concepts into ``keep`` and delete them; returns how many were merged.

    Postings' requirements and talents' skills move to ``keep``; where a posting or a talent
    already has ``keep`` (or several of the duplicates), one row remains with the highest level,
    required if any of them was. Narrower concepts of a duplicate move under ``keep``, the
    duplicates' labels become synonyms of ``keep`` (so that what people typed still finds it), and
    ``keep`` takes over an ESCO URI it lacks, so that the next import does not bring the duplicate
    back. The search fields of the postings concerned are recomputed."""
    with transaction.atomic():
        duplicate_ids = {skill.pk for skill in duplicates} - {keep.pk}
        if not duplicate_ids:
            return 0
        # Fresh rows, locked: what an admin page showed a minute ago may have changed.
        skills = Skill.objects.select_for_update().in_bulk([keep.pk, *duplicate_ids])
        keep.refresh_from_db()
        merged = [skills[pk] for pk in sorted(duplicate_ids) if pk in skills]
        if not merged:
            return 0
        merged_ids = [skill.pk for skill in merged]

        posting_ids = _move_posting_skills(keep=keep, merged_ids=merged_ids)
        _move_talent_skills(keep=keep, merged_ids=merged_ids)
        Skill.objects.filter(broader_id__in=merged_ids).exclude(pk=keep.pk).update(broader=keep)
        keep.broader_id = _broader_outside(keep=keep, merged=merged)
        keep.alternative_labels = unique_labels(
            [
                *keep.alternative_labels,
                *(label for skill in merged for label in (skill.label_de, skill.label_en)),
                *(label for skill in merged for label in skill.alternative_labels),
            ],
            besides=[keep.label_de, keep.label_en],
        )
        uri = keep.concept_uri or next((s.concept_uri for s in merged if s.concept_uri), None)
        Skill.objects.filter(pk__in=merged_ids).delete()  # frees the URI for keep
        keep.concept_uri = uri
        keep.save()  # derives the lookup keys from the labels
        refresh_search_fields(Posting.objects.filter(pk__in=posting_ids))
    return len(merged)


def _move_posting_skills(*, keep: Skill, merged_ids: list[int]) -> set[int]:
    """One requirement per posting on ``keep``; returns the postings that had a duplicate."""
    rows = PostingSkill.objects.select_for_update().filter(skill_id__in=[keep.pk, *merged_ids])
    by_posting: dict[int, list[PostingSkill]] = {}
    for row in rows.order_by("pk"):
        by_posting.setdefault(row.posting_id, []).append(row)
    surviving: list[PostingSkill] = []
    dropped: list[int] = []
    for group in by_posting.values():
        if all(row.skill_id == keep.pk for row in group):
            continue
        # The row already on keep survives, else the oldest; it asks for the most any row asked.
        survivor = next((row for row in group if row.skill_id == keep.pk), group[0])
        survivor.skill_id = keep.pk
        survivor.level = max(row.level for row in group)
        survivor.is_required = any(row.is_required for row in group)
        surviving.append(survivor)
        dropped.extend(row.pk for row in group if row is not survivor)
    # Deleted first: the unique (posting, skill) constraint would refuse the survivors otherwise.
    PostingSkill.objects.filter(pk__in=dropped).delete()
    PostingSkill.objects.bulk_update(surviving, ["skill", "level", "is_required"])
    return {row.posting_id for row in surviving}


def _move_talent_skills(*, keep: Skill, merged_ids: list[int]) -> None:
    """One entry per talent on ``keep``, at the highest level the talent gave."""
    rows = TalentSkill.objects.select_for_update().filter(skill_id__in=[keep.pk, *merged_ids])
    by_profile: dict[int, list[TalentSkill]] = {}
    for row in rows.order_by("pk"):
        by_profile.setdefault(row.profile_id, []).append(row)
    surviving: list[TalentSkill] = []
    dropped: list[int] = []
    for group in by_profile.values():
        if all(row.skill_id == keep.pk for row in group):
            continue
        survivor = next((row for row in group if row.skill_id == keep.pk), group[0])
        survivor.skill_id = keep.pk
        survivor.level = max(row.level for row in group)
        surviving.append(survivor)
        dropped.extend(row.pk for row in group if row is not survivor)
    TalentSkill.objects.filter(pk__in=dropped).delete()
    TalentSkill.objects.bulk_update(surviving, ["skill", "level"])


def _broader_outside(*, keep: Skill, merged: list[Skill]) -> int | None:
    """Keep's broader concept after the merge: keep's own, or a duplicate's if keep had none;
    where that is a duplicate, the duplicate's broader concept instead. Never keep itself nor
    one of its narrower concepts (the hierarchy stays free of cycles)."""
    broader_of = {skill.pk: skill.broader_id for skill in merged}
    candidates = [keep.broader_id, *broader_of.values()]
    for candidate in candidates:
        broader_id, seen = candidate, set()
        while broader_id in broader_of and broader_id not in seen:
            seen.add(broader_id)
            broader_id = broader_of[broader_id]
        if broader_id is not None and not _is_within(broader_id, top=keep.pk):
            return broader_id
    return None


def _is_within(skill_id: int, *, top: int) -> bool:
    """Whether the skill is ``top`` or lies below it (at most a few levels in ESCO)."""
    seen: set[int] = set()
    current: int | None = skill_id
    while current is not None and current not in seen:
        if current == top:
            return True
        seen.add(current)
        current = Skill.objects.filter(pk=current).values_list("broader_id", flat=True).first()
    return False
