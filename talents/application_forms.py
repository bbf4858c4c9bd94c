"""Forms for CVs and applications, and the check every uploaded CV passes (by content, never by
its name or the type the browser claims)."""

import re
import zlib
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from talents.models import Application

CV_MAX_BYTES = 5 * 1024 * 1024
CV_MAX_MEGABYTES = CV_MAX_BYTES // (1024 * 1024)

PDF_HEADER = b"%PDF-"
PDF_END = b"%%EOF"

# PDF syntax, as far as the screen for active content needs it. A name is a slash and anything up
# to whitespace or a delimiter; "#4A" inside a name spells a byte in hex.
_SPACE = rb"[\x00\t\n\x0c\r ]"
_NAME = rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]+)"
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
NAME = re.compile(_NAME)
# A name and the name right after it, as in "/S /JavaScript": an action's type.
NAME_PAIR = re.compile(_NAME + rb"(?=" + _SPACE + rb"*" + _NAME + rb")")
# A name followed by a string or a reference, as in "/JS (app.alert(1))" or "/JS 12 0 R".
NAME_WITH_VALUE = re.compile(
    _NAME + _SPACE + rb"*(?:\(|<[^<]|\d+" + _SPACE + rb"+\d+" + _SPACE + rb"+R)"
)
STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
# What makes a reader run code or start a program: these action types, and a script's /JS key.
ACTIVE_ACTION_TYPES = {b"JavaScript", b"Launch"}
SCRIPT_KEY = b"JS"
# Object streams (PDF 1.5) hold dictionaries compressed, where a plain scan cannot see them; they
# are small, so more than this, decompressed, is a zip bomb rather than a CV.
OBJECT_STREAMS_MAX_BYTES = 32 * 1024 * 1024


class UncheckablePDF(Exception):
    """The PDF's compressed objects are too large to screen."""


def _decoded(name: bytes) -> bytes:
    return HEX_ESCAPE.sub(lambda match: bytes([int(match[1], 16)]), name)


# A comment runs from % to the end of the line and counts as white space: "/S%x\n/JavaScript"
# is "/S /JavaScript" to a reader. The screen reads the file with comments as spaces, too.
COMMENT = re.compile(rb"%[^\r\n]*")


def _runs_something(data: bytes) -> bool:
    return _runs_something_plain(data) or _runs_something_plain(COMMENT.sub(b" ", data))


def _runs_something_plain(data: bytes) -> bool:
    # Names inside strings (a link to ".../Web/JavaScript") are not actions, so only an action
    # type (/S /JavaScript, /S /Launch) or a /JS key with a value counts.
    for pair in NAME_PAIR.finditer(data):
        if _decoded(pair[1]) == b"S" and _decoded(pair[2]) in ACTIVE_ACTION_TYPES:
            return True
    return any(_decoded(match[1]) == SCRIPT_KEY for match in NAME_WITH_VALUE.finditer(data))


def _object_streams(data: bytes) -> list[bytes]:
    """The decompressed contents of the PDF's object streams (/Type /ObjStm, with /First)."""
    contents, budget, position = [], OBJECT_STREAMS_MAX_BYTES, 0
    # One pass from start to end: streams do not nest, so each search starts where the last stream
    # ended (linear, whatever the file contains).
    while start := STREAM_START.search(data, position):
        end = data.find(b"endstream", start.end())
        if end < 0:
            break
        dictionary = data[position : start.start()].rsplit(b"obj", 1)[-1]
        position = end + len(b"endstream")
        names = {_decoded(name) for name in NAME.findall(dictionary)}
        if not names & {b"ObjStm", b"First"}:
            continue  # a page, a font or an image: no dictionaries inside
        filters = names & {b"ASCIIHexDecode", b"ASCII85Decode", b"LZWDecode", b"RunLengthDecode"}
        if filters:
            raise UncheckablePDF  # object streams in filters we do not unpack: refuse, not skip
        try:
            content = zlib.decompressobj().decompress(data[start.end() : end], budget + 1)
        except zlib.error:
            continue  # not Flate-compressed, or broken: a reader cannot read objects from it either
        budget -= len(content)
        if budget < 0:
            raise UncheckablePDF
        contents.append(content)
    return contents


def has_active_content(data: bytes) -> bool:
    """Does the PDF run JavaScript or start a program (a launch action), written plainly or
    inside a compressed object stream?

    A cheap screen, not a parser: it catches what PDF writers and ordinary tools produce, not a
    determined attacker (other filters, broken syntax). CVs are therefore only ever delivered as
    downloads, never shown inline by the portal. Raises UncheckablePDF for zip bombs."""
    return _runs_something(data) or any(
        _runs_something(content) for content in _object_streams(data)
    )


def validate_cv(upload: UploadedFile) -> None:
    """A PDF of at most 5 MB without active content, judged by what the file contains (never by
    its name or the type the browser sent)."""
    upload.seek(0)
    data = upload.read(CV_MAX_BYTES + 1)
    upload.seek(0)
    if len(data) > CV_MAX_BYTES:
        raise forms.ValidationError(
            _("The file is larger than %(megabytes)s MB. Please upload a smaller PDF."),
            code="too_large",
            params={"megabytes": CV_MAX_MEGABYTES},
        )
    if not data.startswith(PDF_HEADER) or PDF_END not in data[-1024:]:
        raise forms.ValidationError(
            _("This file is not a PDF. Please save your CV as a PDF and upload that."),
            code="not_pdf",
        )
    try:
        active = has_active_content(data)
    except UncheckablePDF as error:
        raise forms.ValidationError(
            _("We could not check this PDF. Please export or print your CV again as a PDF."),
            code="uncheckable",
        ) from error
    if active:
        raise forms.ValidationError(
            _(
                "This PDF contains scripts or actions that start programs, which we do not accept "
                "for safety. Please export or print your CV again as a plain PDF."
            ),
            code="active_content",
        )


def cv_field(**kwargs: Any) -> forms.FileField:
    return forms.FileField(
        label=_("CV (PDF)"),
        validators=[validate_cv],
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
        **kwargs,
    )


def size_hint() -> str:
    # Built per request, in the language of the request (a lazy string cannot be %-formatted).
    return _("A PDF of at most %(megabytes)s MB.") % {"megabytes": CV_MAX_MEGABYTES}


class CVForm(forms.Form):
    """A talent uploads (or replaces) the CV kept in the profile."""

    cv = cv_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cv"].help_text = size_hint()


class ApplicationForm(forms.Form):
    """A message and the CV: the one in the profile, or one uploaded for this application."""

    message = forms.CharField(
        label=_("Message to the company (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    cv = cv_field(required=False)

    def __init__(self, *args: Any, has_profile_cv: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_profile_cv = has_profile_cv
        self.fields["cv"].help_text = size_hint()
        if has_profile_cv:
            self.fields["cv"].label = _("Send a different CV (optional)")
            self.fields["cv"].help_text = " ".join(
                [str(_("Only for this application; your profile keeps its CV.")), size_hint()]
            )

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean() or {}
        if not self.has_profile_cv and not cleaned_data.get("cv") and "cv" not in self.errors:
            self.add_error("cv", _("Please add your CV as a PDF."))
        return cleaned_data


class StatusForm(forms.Form):
    """A recruiter moves an application along (or declines it)."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (status, Application.Status(status).label) for status in Application.RECRUITER_STATUSES
        ],
    )
