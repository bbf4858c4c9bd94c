"""The ESCO skill pillar (European Skills, Competences, Qualifications and Occupations), imported
from the official CSV download into our shared skill list.

ESCO publishes one folder per language; we read the German and the English skills files and the
broader relations of the skill pillar, put side by side in one folder:

- ``skills_de.csv``, ``skills_en.csv``: one row per concept (conceptUri, preferredLabel, altLabels
  with one synonym per line, and columns we do not need);
- ``broaderRelationsSkillPillar.csv`` (ESCO 1.2 adds a language: ``..._en.csv``): conceptUri →
  broaderUri, also towards skill groups, which are not skills and are skipped.
"""

import csv
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from accounts.i18n import normalize_label
from taxonomy.models import Skill

SKILL_FILES = {"de": "skills_de.csv", "en": "skills_en.csv"}
RELATION_FILE_PATTERNS = ["broaderRelationsSkillPillar.csv", "broaderRelationsSkillPillar_*.csv"]
# ESCO lists up to a few dozen synonyms per concept and language; more only slows lookups down.
MAX_ALTERNATIVE_LABELS = 40
LABEL_LENGTH = 200  # Skill's label and synonym columns
BATCH_SIZE = 1000
UPDATED_FIELDS = ["concept_uri", "label_de", "label_en", "alternative_labels", "lookup_keys"]


# An import normalizes each of its few hundred thousand labels several times (checks, duplicates,
# lookup keys); remembering the results makes it several times faster. Emptied after each import.
_normalized = functools.cache(normalize_label)


class EscoFileError(Exception):
    """A file of the download is missing or is not what we expect."""


@dataclass(frozen=True)
class EscoConcept:
    uri: str
    label_de: str
    label_en: str
    alternative_labels: tuple[str, ...]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    linked: int = 0  # curated concepts that got their ESCO URI (counted in updated too)
    broader_links: int = 0


def lookup_keys_for(label_de: str, label_en: str, alternative_labels: Iterable[str]) -> list[str]:
    """The lookup keys Skill.save() derives from these labels, for writes that bypass save()."""
    labels = [label_de, label_en, *alternative_labels]
    return sorted({_normalized(label) for label in labels if label.strip()})


def unique_labels(
    labels: Iterable[str], *, besides: Iterable[str] = (), limit: int | None = None
) -> list[str]:
    """The labels in their order, each spelling once: a label whose normalized form repeats an
    earlier one, or one of ``besides`` (the preferred labels), is left out."""
    seen = {_normalized(label) for label in besides}
    result = []
    for label in labels:
        key = _normalized(label)
        if not key or key in seen:
            continue
        seen.add(key)
        result.append(label.strip())
        if limit is not None and len(result) == limit:
            break
    return result


def _fits(label: str) -> bool:
    # Normalizing spells out umlauts and ß, so the key can be longer than the label.
    return len(label) <= LABEL_LENGTH and len(_normalized(label)) <= LABEL_LENGTH


def _rows(path: Path, columns: set[str]) -> Iterator[dict[str, str]]:
    if not path.is_file():
        raise EscoFileError(f"{path} is missing.")
    # utf-8-sig: tolerate a byte-order mark; newline="": synonyms are line breaks inside quotes.
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        if missing := columns - set(reader.fieldnames or []):
            raise EscoFileError(f"{path.name} has no column {', '.join(sorted(missing))}.")
        yield from reader


def read_concepts(folder: Path, *, limit: int | None = None) -> list[EscoConcept]:
    """The concepts of both skills files, German and English labels side by side."""
    preferred: dict[str, dict[str, str]] = {}  # uri → language → label, in file order
    synonyms: dict[str, dict[str, list[str]]] = {}
    for language, filename in SKILL_FILES.items():
        for row in _rows(folder / filename, {"conceptUri", "preferredLabel", "altLabels"}):
            uri = row["conceptUri"].strip()
            if not uri:
                continue
            preferred.setdefault(uri, {})[language] = row["preferredLabel"].strip()
            synonyms.setdefault(uri, {})[language] = (row["altLabels"] or "").splitlines()
    concepts = []
    for uri in list(preferred)[:limit]:
        labels = preferred[uri]
        # A concept not (yet) translated keeps the other language's label rather than none.
        label_de = labels.get("de") or labels.get("en", "")
        label_en = labels.get("en") or label_de
        if not _fits(label_de) or not _fits(label_en):
            continue  # never seen in ESCO; would not fit our columns
        alternatives = [
            label
            for language in SKILL_FILES
            for label in synonyms[uri].get(language, [])
            if _fits(label)
        ]
        concepts.append(
            EscoConcept(
                uri=uri,
                label_de=label_de,
                label_en=label_en,
                alternative_labels=tuple(
                    unique_labels(
                        alternatives, besides=[label_de, label_en], limit=MAX_ALTERNATIVE_LABELS
                    )
                ),
            )
        )
    return concepts


def read_broader_relations(folder: Path) -> list[tuple[str, str]]:
    """(narrower URI, broader URI) pairs of the skill pillar, in file order."""
    paths = [path for pattern in RELATION_FILE_PATTERNS for path in sorted(folder.glob(pattern))]
    if not paths:
        raise EscoFileError(f"{folder / RELATION_FILE_PATTERNS[0]} is missing.")
    rows = _rows(paths[0], {"conceptUri", "broaderUri"})
    return [(row["conceptUri"].strip(), row["broaderUri"].strip()) for row in rows]


def import_esco(*, folder: Path, limit: int | None = None) -> ImportResult:
    """Create or update our skills from the ESCO download in ``folder`` (matched by concept URI),
    then set their broader concepts. A curated skill without a URI whose German label is an ESCO
    concept's becomes that concept instead of getting a duplicate. Synonyms that people or merges
    added stay. Running it again with the same files changes nothing."""
    try:
        return _import(folder=folder, limit=limit)
    finally:
        _normalized.cache_clear()


def _import(*, folder: Path, limit: int | None) -> ImportResult:
    concepts = read_concepts(folder, limit=limit)
    relations = read_broader_relations(folder)
    result = ImportResult()
    with transaction.atomic():
        existing = list(
            Skill.objects.select_for_update()
            .only("concept_uri", "label_de", "label_en", "alternative_labels", "lookup_keys")
            .order_by("pk")
        )
        by_uri = {skill.concept_uri: skill for skill in existing if skill.concept_uri}
        curated: dict[str, Skill] = {}  # the oldest one, where several share a German label
        for skill in existing:
            if not skill.concept_uri:
                curated.setdefault(_normalized(skill.label_de), skill)
        to_create: list[Skill] = []
        to_update: list[Skill] = []
        for concept in concepts:
            match = by_uri.get(concept.uri) or curated.pop(_normalized(concept.label_de), None)
            if match is None:
                to_create.append(_skill_for(concept))
            elif _update(match, concept):
                result.linked += not match.concept_uri
                match.concept_uri = concept.uri
                to_update.append(match)
        Skill.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Skill.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=BATCH_SIZE)
        result.created, result.updated = len(to_create), len(to_update)
        result.broader_links = _set_broader(relations)
    return result


def _skill_for(concept: EscoConcept) -> Skill:
    alternatives = list(concept.alternative_labels)
    return Skill(
        concept_uri=concept.uri,
        label_de=concept.label_de,
        label_en=concept.label_en,
        alternative_labels=alternatives,
        lookup_keys=lookup_keys_for(concept.label_de, concept.label_en, alternatives),
    )


def _update(skill: Skill, concept: EscoConcept) -> bool:
    """Give the skill the concept's labels, keeping the synonyms it had; whether anything changed."""
    # Former labels (a curated spelling, an ESCO label since renamed, a merged duplicate's) stay
    # findable as synonyms.
    kept = [skill.label_de, skill.label_en, *skill.alternative_labels]
    alternatives = unique_labels(
        [*concept.alternative_labels, *kept], besides=[concept.label_de, concept.label_en]
    )
    changed = (
        skill.concept_uri != concept.uri
        or skill.label_de != concept.label_de
        or skill.label_en != concept.label_en
        or skill.alternative_labels != alternatives
    )
    skill.label_de, skill.label_en = concept.label_de, concept.label_en
    skill.alternative_labels = alternatives
    skill.lookup_keys = lookup_keys_for(skill.label_de, skill.label_en, alternatives)
    return changed


def _set_broader(relations: list[tuple[str, str]]) -> int:
    """Point each skill to its broader skill; relations to skill groups or to concepts we do not
    have are skipped. Where ESCO names several broader skills, the first URI in sort order wins,
    so that the choice does not depend on the file's order."""
    skills = {
        uri: (pk, broader_id)
        for pk, uri, broader_id in Skill.objects.filter(concept_uri__isnull=False).values_list(
            "pk", "concept_uri", "broader_id"
        )
    }
    chosen: dict[str, str] = {}
    for narrower, broader in relations:
        if narrower in skills and broader in skills and narrower != broader:
            chosen[narrower] = min(chosen.get(narrower, broader), broader)
    changed = []
    for narrower, broader in chosen.items():
        pk, current_broader_id = skills[narrower]
        broader_pk = skills[broader][0]
        if current_broader_id != broader_pk:
            changed.append(Skill(pk=pk, broader_id=broader_pk))
    Skill.objects.bulk_update(changed, ["broader"], batch_size=BATCH_SIZE)
    return len(changed)
