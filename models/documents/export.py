"""Digests out: render a :class:`models.Digest` as text, Markdown, HTML, JSON or Word, and write
files atomically.

:func:`render_digest` turns a digest into the bytes of one format; :func:`write_digest` writes
them to a path (refusing to replace an existing file unless asked); :func:`atomic_write_bytes`
(from :mod:`models.common.atomic`, the project's one atomic-write helper) means a reader of the
target always sees the old file or the new one whole, even if the writer is killed mid-write.

Every format holds the title, the source file, the date, the models used (with licences), the
English summary, each summary translation and, when present, the article translations, with
language names from the language table (:mod:`models.common.languages`).
A Russian or Arabic article, machine-translated into English before summarising, gets a line
saying so and its English translation as a section of its own.
Right-to-left languages are marked as such where the format can say it (HTML ``dir="rtl"``,
Word bidi paragraphs, an RTL block in Markdown). No Qt here; python-docx loads only for .docx.
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from models.documents.read import language_name
from models.common.atomic import atomic_write_bytes
from models.common.paths import APP_DISPLAY_NAME
from models.common.text import paragraph_ranges, split_paragraphs
from models.common import languages
from models.common.languages import ENGLISH
from models.common.types import ALTERNATIVE, EDITED, MACHINE, Digest, DigestError, alignment_key

__all__ = [
    "EXPORT_DIALOG_FILTER",
    "EXPORT_FORMATS",
    "ExportError",
    "ExportExistsError",
    "atomic_write_bytes",
    "format_for_path",
    "printable",
    "render_digest",
    "safe_file_stem",
    "write_digest",
    "write_digest_in_folder",
]

#: Export formats: name -> (file extension, human label), in the order a menu shows them.
EXPORT_FORMATS: Mapping[str, tuple[str, str]] = {
    "txt": (".txt", "Plain text"),
    "md": (".md", "Markdown"),
    "html": (".html", "Web page (HTML)"),
    "json": (".json", "JSON"),
    "docx": (".docx", "Word document"),
}
#: A filter string for a Qt save dialog, one entry per format.
EXPORT_DIALOG_FILTER = ";;".join(f"{label} (*{ext})" for ext, label in EXPORT_FORMATS.values())

# Extensions that name a format, beyond each format's own.
_EXTENSION_FORMATS = {ext: fmt for fmt, (ext, _label) in EXPORT_FORMATS.items()} | {
    ".text": "txt",
    ".markdown": "md",
    ".htm": "html",
}


class ExportError(DigestError):
    """A digest could not be exported (unknown format, unwritable folder, disk full)."""


class ExportExistsError(ExportError, FileExistsError):
    """The export's target file exists and ``overwrite`` was not given."""


# Characters a name must not carry raw onto a terminal or into a text file: C0 and C1 controls
# (escape sequences, line breaks, tabs), DEL, the line and paragraph separators, the bidi
# controls, and lone surrogates (an undecodable byte of a file name; no encoder writes them).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by Python as a surrogate
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` (a file name, a path, a title, a message naming them) safe to print on a
    terminal or write in a text export: control characters, bidi controls and lone surrogates
    are written as escapes (ESC as ``\\x1b``, RLO as ``\\u202e``), so a name can neither
    send escape sequences to a terminal nor break a line. Everything else is kept; applying it
    twice changes nothing more."""
    return _UNPRINTABLE.sub(_escaped, text)


# --------------------------------------------------------------------------- public API


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The export format a file name asks for, from its extension; ExportError if none fits."""
    suffix = Path(os.fspath(path)).suffix.lower()
    try:
        return _EXTENSION_FORMATS[suffix]
    except KeyError:
        known = ", ".join(ext for ext, _label in EXPORT_FORMATS.values())
        shown = f"'{suffix}'" if suffix else "no extension"
        raise ExportError(
            f"cannot tell the export format of {Path(os.fspath(path)).name} ({shown}); use one of {known}"
        ) from None


def render_digest(digest: Digest, fmt: str) -> bytes:
    """The digest as the bytes of one export format (a key of :data:`EXPORT_FORMATS`)."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return renderer(digest)


def write_digest(
    digest: Digest, path: str | os.PathLike[str], fmt: str | None = None, *, overwrite: bool = False
) -> Path:
    """Write the digest to ``path`` atomically, in ``fmt`` or the format its extension names.

    Refuses to replace an existing file unless ``overwrite=True`` (:class:`ExportExistsError`);
    any other failure raises :class:`ExportError` with a one-line message. Returns the path.
    """
    target = Path(os.fspath(path))
    data = render_digest(digest, fmt or format_for_path(target))
    exists_message = f"{target.name} already exists; choose another name or allow overwriting"
    if not overwrite and target.exists():
        raise ExportExistsError(exists_message)
    try:
        return atomic_write_bytes(target, data, overwrite=overwrite)
    except FileExistsError as error:
        raise ExportExistsError(exists_message) from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {target}: {reason}") from error


# Not allowed in a file name somewhere (Windows' reserved characters; "/" everywhere), or not
# wanted in one: control characters, bidi controls (a name that reads backwards), lone surrogates.
_UNSAFE_NAME_CHARS = re.compile('[<>:"/\\\\|?*\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]')
_WINDOWS_DEVICE_NAMES = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
#: File names are kept under this many bytes (most file systems allow 255).
NAME_MAX_BYTES = 255
#: Titles longer than this many characters are cut for a file name (still readable, not a line).
_STEM_MAX_CHARS = 80


def safe_file_stem(text: str, fallback: str = "digest") -> str:
    """``text`` (an article's title, a file's name) made a file name stem that is safe anywhere:
    no separator, control or bidi character, no leading dot (hidden) or trailing dot or space
    (Windows drops them), not a Windows device name, at most 80 characters; ``fallback`` when
    nothing is left."""
    stem = _UNSAFE_NAME_CHARS.sub(" ", unicodedata.normalize("NFC", text))
    stem = " ".join(stem.split())[:_STEM_MAX_CHARS].strip(". ")
    if _WINDOWS_DEVICE_NAMES.match(stem):
        stem += "_"
    return stem or fallback


def write_digest_in_folder(digest: Digest, folder: str | os.PathLike[str], fmt: str) -> Path:
    """Write ``digest`` in ``folder`` under a new file named from its article's title ("Title.md",
    then "Title (2).md"…), atomically and never over an existing file; returns the path.
    Raises :class:`ExportError` with a one-line message."""
    data = render_digest(digest, fmt)
    extension = EXPORT_FORMATS[fmt][0]
    base = safe_file_stem(digest.article.title or Path(digest.article.source_path or "").stem)
    for number in range(1, 10_000):
        ending = extension if number == 1 else f" ({number}){extension}"
        stem = base
        while len(os.fsencode(stem + ending)) > NAME_MAX_BYTES:  # long non-Latin titles: bytes, not characters
            stem = stem[:-1].rstrip(". ")
        target = Path(os.fspath(folder)) / f"{stem}{ending}"
        try:
            return atomic_write_bytes(target, data, overwrite=False)
        except FileExistsError:
            continue
        except OSError as error:
            raise ExportError(f"cannot write {target}: {error.strerror or error}") from error
    raise ExportError(f"cannot find a free file name for {base}{extension} in {folder}")


# --------------------------------------------------------------------------- content


@dataclass(frozen=True)
class _Section:
    """One block of generated text: its heading, its language, its paragraphs and its
    alignment key (:func:`~models.common.types.alignment_key`)."""

    heading: str
    language: str
    paragraphs: tuple[str, ...]
    key: str = ""

    @property
    def rtl(self) -> bool:
        return languages.is_right_to_left(self.language)


def _language_label(code: str) -> str:
    name = language_name(code)
    native = languages.native_name(code) if languages.language(code) is not None else None
    return f"{name} ({native})" if native and native != name else name


def _ordered(translations: Mapping[str, str]) -> list[tuple[str, str]]:
    known = [code for code in languages.LANGUAGES if code in translations]
    others = sorted(code for code in translations if code not in languages.LANGUAGES)
    return [(code, translations[code]) for code in [*known, *others]]


#: The heading of a Russian or Arabic article's English translation, made before summarising.
_ENGLISH_TRANSLATION_HEADING = "Article in English (machine-translated before summarising)"
_ENGLISH_TRANSLATION_KEY = alignment_key("article", ENGLISH)


def _sections(digest: Digest) -> list[_Section]:
    """The digest's generated texts as published (a person's edits in them), in reading order."""
    sections = [_Section("Summary (English)", "en", tuple(split_paragraphs(digest.summary)), alignment_key("summary"))]
    for code, text in _ordered(digest.summary_translations):
        sections.append(_Section(f"Summary in {_language_label(code)}", code, tuple(split_paragraphs(text)), alignment_key("summary", code)))
    if digest.english_translation:
        sections.append(
            _Section(_ENGLISH_TRANSLATION_HEADING, ENGLISH, tuple(split_paragraphs(digest.english_translation)), _ENGLISH_TRANSLATION_KEY)
        )
    for code, text in _ordered(digest.article_translations):
        sections.append(_Section(f"Article in {_language_label(code)}", code, tuple(split_paragraphs(text)), alignment_key("article", code)))
    return sections


@dataclass(frozen=True)
class FlaggedSentence:
    """A generated sentence worth checking: where it is, what it says and why to check it."""

    key: str
    heading: str
    language: str
    target: tuple[int, int]
    sentence: str
    reasons: tuple[str, ...]


def _text_heading(key: str) -> tuple[str, str]:
    """(heading, language) of the generated text an alignment key names."""
    kind, _, language = key.partition(":")
    if not language:
        return "Summary (English)", "en"
    if key == _ENGLISH_TRANSLATION_KEY:
        return _ENGLISH_TRANSLATION_HEADING, ENGLISH
    return f"{'Summary' if kind == 'summary' else 'Article'} in {_language_label(language)}", language


def flagged_sentences(digest: Digest) -> list[FlaggedSentence]:
    """Every flagged sentence of ``digest``, text by text in reading order, each once with all its reasons."""
    order = ["summary", *(f"summary:{code}" for code, _ in _ordered(digest.summary_translations))]
    order += [_ENGLISH_TRANSLATION_KEY] if digest.english_translation else []
    order += [f"article:{code}" for code, _ in _ordered(digest.article_translations)]
    found = []
    for key in [key for key in order if key in digest.alignments]:
        text = digest.generated_text(key)
        heading, language = _text_heading(key)
        reasons: dict[tuple[int, int], list[str]] = {}
        for flag in digest.alignments[key].flags:
            reasons.setdefault(flag.target, []).append(flag.line)
        for target in sorted(reasons):
            found.append(FlaggedSentence(key, heading, language, target, text[target[0] : target[1]], tuple(reasons[target])))
    return found


def _display_date(created: str) -> str:
    try:
        moment = _dt.datetime.fromisoformat(created)
    except ValueError:
        return created
    return moment.isoformat(sep=" ", timespec="minutes" if moment.second == 0 else "seconds")


def _revision_note(digest: Digest) -> str:
    """"3 sentences edited by hand, 1 chosen among the model's alternatives" over every text;
    "" when nothing was."""
    origins = [sentence.origin for revision in digest.revisions.values() for sentence in revision.edited]
    edited, chosen = origins.count(EDITED), origins.count(ALTERNATIVE)
    parts = []
    if edited:
        parts.append(f"{edited} sentence{'s' if edited != 1 else ''} edited by hand")
    if chosen:
        parts.append(f"{chosen} chosen among the model's alternatives")
    return ", ".join(parts)


def _details(digest: Digest) -> list[tuple[str, str]]:
    """(label, value) lines about the digest: source, date, original language, what was
    revised by hand, time taken."""
    article = digest.article
    source = printable(article.source_path) if article.source_path else "(not from a file)"
    details = [("Source", source), ("Date", _display_date(digest.created))]
    if article.language:
        details.append(("Article language", language_name(article.language)))
    if digest.translation_note:
        details.append(("Note", digest.translation_note))
    revised = _revision_note(digest)
    if revised:
        details.append(("Revised", revised))
    if digest.seconds > 0:
        details.append(("Time taken", f"{digest.seconds:.1f} s"))
    return details


def _credits(digest: Digest) -> list[str]:
    return [
        f"{credit.task}: {credit.model_id}" + (f" (licence: {credit.licence})" if credit.licence else "")
        for credit in digest.models
    ]


# --------------------------------------------------------------------------- renderers


def _render_txt(digest: Digest) -> bytes:
    title = digest.article.title
    lines = [title, "=" * max(3, len(title)), ""]
    lines += [f"{label}: {value}" for label, value in _details(digest)]
    credits = _credits(digest)
    if credits:
        lines += ["Models:", *(f"  - {credit}" for credit in credits)]
    for section in _sections(digest):
        lines += ["", section.heading, "-" * len(section.heading), ""]
        lines.append("\n\n".join(section.paragraphs))
    flagged = flagged_sentences(digest)
    if flagged:
        heading = f"Sentences to check ({len(flagged)})"
        lines += ["", heading, "-" * len(heading), "", render_flags(digest).rstrip()]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def render_flags(digest: Digest) -> str:
    """The flagged sentences as plain text, each with its reasons ("" when none is flagged)."""
    blocks = [
        "\n".join([f"[{item.heading}] {item.sentence}", *(f"  - {reason}" for reason in item.reasons)])
        for item in flagged_sentences(digest)
    ]
    return "\n\n".join(blocks) + ("\n" if blocks else "")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])(?=\s|$)")


def _md_escape(text: str) -> str:
    """Escape text so Markdown shows it as written (no accidental emphasis, links, lists)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _render_md(digest: Digest) -> bytes:
    lines = [f"# {_md_escape(digest.article.title)}", ""]
    lines += [f"- **{label}:** {_md_escape(value)}" for label, value in _details(digest)]
    credits = _credits(digest)
    if credits:
        lines.append("- **Models:**")
        lines += [f"  - {_md_escape(credit)}" for credit in credits]
    for section in _sections(digest):
        lines += ["", f"## {_md_escape(section.heading)}", ""]
        body = "\n\n".join(_md_escape(p) for p in section.paragraphs)
        if section.rtl:  # CommonMark keeps the paragraphs between the HTML lines as Markdown
            lines += [f'<div dir="rtl" lang="{section.language}">', "", body, "", "</div>"]
        else:
            lines.append(body)
    flagged = flagged_sentences(digest)
    if flagged:
        lines += ["", f"## Sentences to check ({len(flagged)})"]
        for item in flagged:
            sentence = _md_escape(item.sentence)
            if languages.is_right_to_left(item.language):
                sentence = f'<span dir="rtl" lang="{item.language}">{sentence}</span>'
            lines += ["", f"- *{_md_escape(item.heading)}:* {sentence}", *(f"  - {_md_escape(reason)}" for reason in item.reasons)]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


_HTML_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
dl.details { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; color: #444; }
dl.details dt { font-weight: bold; }
dl.details dd { margin: 0; overflow-wrap: anywhere; }
section[dir="rtl"] { text-align: right; }
mark.flag { background: #fff0c2; text-decoration: underline wavy #d97706; }
span.edited { border-bottom: 2px solid #2563eb; }
""".strip()


def _render_html(digest: Digest) -> bytes:
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    title = esc(digest.article.title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{APP_DISPLAY_NAME}">',
        f"<title>{title}</title>",
        f"<style>\n{_HTML_STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        '<dl class="details">',
    ]
    for label, value in _details(digest):
        parts.append(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>")
    credits = _credits(digest)
    if credits:
        items = "".join(f"<li>{esc(credit)}</li>" for credit in credits)
        parts.append(f"<dt>Models</dt><dd><ul>{items}</ul></dd>")
    parts.append("</dl>")
    for section in _sections(digest):
        direction = ' dir="rtl"' if section.rtl else ""
        parts.append(f'<section class="digest-part" lang="{esc(section.language)}"{direction}>')
        # The heading is English; keep it so inside a right-to-left section.
        parts.append(f'<h2 lang="en" dir="ltr">{esc(section.heading)}</h2>')
        marks = _sentence_marks(digest, section.key)
        if not marks:
            parts += [f"<p>{esc(paragraph)}</p>" for paragraph in section.paragraphs]
        else:
            parts += _marked_paragraphs(digest.generated_text(section.key), marks)
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return ("\n".join(parts) + "\n").encode("utf-8")


@dataclass(frozen=True)
class _Mark:
    """A sentence the HTML and Word exports mark: its place in its text, why it is flagged
    (none: it is not) and, when a person edited or chose it, its origin and the model's text."""

    target: tuple[int, int]
    reasons: tuple[str, ...] = ()
    origin: str = MACHINE
    machine: str = ""

    @property
    def edited(self) -> bool:
        return self.origin != MACHINE

    @property
    def edit_note(self) -> str:
        """"Edited by hand; the model wrote: …" (or chosen among its alternatives, or written by hand)."""
        if self.origin == ALTERNATIVE:
            note = "Chosen among the model's alternative translations"
        else:
            note = "Edited by hand" if self.machine else "Written by hand"
        return note + (f"; the model wrote: {self.machine}" if self.machine else "")


def _sentence_marks(digest: Digest, key: str) -> list[_Mark]:
    """The flagged and the edited sentences of the text ``key``, in reading order (a sentence
    that would overlap the one before is left unmarked)."""
    alignment = digest.alignments.get(key)
    reasons: dict[tuple[int, int], list[str]] = {}
    for flag in alignment.flags if alignment is not None else ():
        reasons.setdefault(flag.target, []).append(flag.line)
    revision = digest.revisions.get(key)
    edited = {sentence.target: sentence for sentence in revision.edited} if revision is not None else {}
    marks, end = [], 0
    for target in sorted(set(reasons) | set(edited)):
        if target[0] < end:
            continue
        sentence = edited.get(target)
        origin, machine = (sentence.origin, sentence.machine) if sentence is not None else (MACHINE, "")
        marks.append(_Mark(target, tuple(reasons.get(target, ())), origin, machine))
        end = target[1]
    return marks


def _html_title(lines: Iterable[str]) -> str:
    """Lines as an HTML ``title`` attribute's value (a reader hovering sees one per line)."""
    return html.escape("\n".join(lines), quote=True).replace("\n", "&#10;")


def _marked_paragraphs(text: str, marks: list[_Mark]) -> list[str]:
    """``<p>`` elements of ``text`` with each flagged sentence in a ``<mark>`` whose title gives
    the reasons, and each sentence a person edited or chose in a ``<span class="edited">``
    whose title says so and what the model wrote (as a reader hovering it in a browser sees them)."""
    def plain(start: int, end: int) -> str:
        return html.escape(re.sub(r"\s+", " ", text[start:end]))

    paragraphs = []
    for start, end in paragraph_ranges(text):
        pieces, position = [], start
        for mark in (mark for mark in marks if start <= mark.target[0] and mark.target[1] <= end):
            inner = plain(*mark.target)
            if mark.reasons:
                inner = f'<mark class="flag" title="{_html_title(mark.reasons)}">{inner}</mark>'
            if mark.edited:
                inner = f'<span class="edited" data-origin="{mark.origin}" title="{_html_title([mark.edit_note])}">{inner}</span>'
            pieces += [plain(position, mark.target[0]), inner]
            position = mark.target[1]
        pieces.append(plain(position, end))
        paragraphs.append("<p>" + "".join(pieces) + "</p>")
    return paragraphs


def _render_json(digest: Digest) -> bytes:
    return (json.dumps(digest.to_json_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _render_docx(digest: Digest) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = digest.article.title
    document.core_properties.comments = f"Made by {APP_DISPLAY_NAME}"
    document.add_heading(digest.article.title, level=0)
    for label, value in _details(digest):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    credits = _credits(digest)
    if credits:
        document.add_paragraph().add_run("Models:").bold = True
        for credit in credits:
            document.add_paragraph(credit, style="List Bullet")
    for section in _sections(digest):
        document.add_heading(section.heading, level=1)
        edited = [mark for mark in _sentence_marks(digest, section.key) if mark.edited]
        if not edited:
            for text in section.paragraphs:
                paragraph = document.add_paragraph(text)
                if section.rtl:
                    _make_rtl(paragraph, section.language)
            continue
        text = digest.generated_text(section.key)
        for start, end in paragraph_ranges(text):
            paragraph = document.add_paragraph()
            position = start
            for mark in (mark for mark in edited if start <= mark.target[0] and mark.target[1] <= end):
                if position < mark.target[0]:
                    paragraph.add_run(_docx_text(text[position : mark.target[0]]))
                _edited_run(document, paragraph, _docx_text(text[mark.target[0] : mark.target[1]]), mark)
                position = mark.target[1]
            if position < end:
                paragraph.add_run(_docx_text(text[position:end]))
            if section.rtl:
                _make_rtl(paragraph, section.language)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_text(text: str) -> str:
    """A stretch of a paragraph as the other exports show it: whitespace runs as one space."""
    return re.sub(r"\s+", " ", text)


#: What an edited sentence looks like in Word: underlined in this colour (RGB), with a comment.
_DOCX_EDITED_COLOUR = "2563EB"


def _edited_run(document: Any, paragraph: Any, text: str, mark: _Mark) -> None:
    """``text``, a sentence a person edited or chose, as a run of ``paragraph`` marked as such:
    underlined in blue, with a Word comment saying so and what the model wrote (python-docx
    1.2 and later; the underline alone before)."""
    from docx.enum.text import WD_UNDERLINE
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    run.font.underline = WD_UNDERLINE.THICK
    run.font.color.rgb = RGBColor.from_string(_DOCX_EDITED_COLOUR)
    if hasattr(document, "add_comment"):
        document.add_comment(run, text=mark.edit_note, author=APP_DISPLAY_NAME, initials="AD")


_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _make_rtl(paragraph: Any, language: str) -> None:
    """Mark a python-docx paragraph and its runs right-to-left (w:bidi, w:rtl, w:lang bidi)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    # WordprocessingML fixes the order of a paragraph's properties; w:bidi goes before these.
    properties.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)
    for run in paragraph.runs:
        run_properties = run._r.get_or_add_rPr()
        run_properties.append(OxmlElement("w:rtl"))
        lang = OxmlElement("w:lang")
        lang.set(qn("w:bidi"), language)
        run_properties.append(lang)


_RENDERERS = {
    "txt": _render_txt,
    "md": _render_md,
    "html": _render_html,
    "json": _render_json,
    "docx": _render_docx,
}
