"""Rules of the skill list that span postings and talents."""

from collections.abc import Iterable

from django.db import transaction

from companies.models import Posting, PostingSkill, Skill
from companies.search import refresh_search_fields
from matching.esco import unique_labels
from talents.models import TalentSkill


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
