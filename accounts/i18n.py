"""Texts that staff and companies write twice, in German and English: which one a reader sees,
the help for the small Markdown subset those texts may use, and the spelling-insensitive key
under which typed words (skills, towns) are looked up."""

import unicodedata

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MARKDOWN_SUBSET_HELP = _(
    "Markdown: **bold**, *italic*, “- ” for list items, [link text](https://…), "
    "“### ” for a subheading. Leave an empty line between paragraphs."
)


def text_language(german: str, english: str) -> str:
    """Which of two translations to show: the reader's language, else the one that exists."""
    if get_language() == "en":
        return "en" if english.strip() or not german.strip() else "de"
    return "de" if german.strip() or not english.strip() else "en"


def normalize_label(text: str) -> str:
    """Lower-case, umlauts and ß spelled out, accents and extra spaces dropped:
    "Schweißen" and "schweissen", "Bürokommunikation" and "Buerokommunikation" meet."""
    text = text.casefold().strip()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(character for character in text if not unicodedata.combining(character))
    return " ".join(text.split())
