"""Files in, articles out: read a .txt, .md, .html, .docx or .pdf file into a :class:`models.Article`.

:func:`read_article` is the one entry point for a file that every caller uses (the window and
the CLI); :func:`article_from_text` takes text pasted or dropped, and :func:`article_from_bytes`
a document fetched from the web (:mod:`models.documents.fetch`). Each either returns an
:class:`~models.Article` or raises :class:`DocumentError`, whose message is one line naming
the file (or the link, or "Pasted text") and the cause, fit to show as is; nothing else escapes.
:func:`expand_article_paths` turns the files and folders a user gives into the article files
to read, with notes on what it left out.

What reading does, whatever the format:

* checks the file before reading it: it must exist, be a regular file, have a supported
  extension and be at most :data:`MAX_FILE_BYTES`;
* decodes text formats from any common encoding (a BOM, strict UTF-8, else charset-normalizer
  with a preference for the common code pages) and refuses binary data rather than guess;
* extracts the text (markdown-it-py for Markdown, trafilatura for web pages, python-docx,
  pypdf), then cleans it: NUL bytes, other control characters and bidi controls dropped, NFC,
  whitespace collapsed, paragraphs separated by one blank line, hard-wrapped lines rejoined;
* makes every text valid Unicode (lone surrogates, which a PDF's ToUnicode map can yield,
  become U+FFFD), in one place that every format goes through;
* refuses text that is not prose (one enormous "word", or a huge run with no end of sentence)
  quickly, rather than leave the models minutes of work on it;
* takes the document's own title where the format has one, else the first short line;
* detects the language (py3langid) and adds a notice when the article is not English.

An article's notices (PDF pages left out, its language) are Wordings, so a window can say
them in its language.

Importing this module is cheap: every parser and the language model load on first use.
No Qt here.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import threading
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Iterable

from models.inventory import catalog
from models.common import languages
from models.common.text import normalise_whitespace, split_sentences, valid_unicode
from models.common.translatable import QT_TRANSLATE_NOOP
from models.common.types import Article, DigestError
from models.common.wording import Wording

__all__ = [
    "ARTICLE_NOTICE_TEMPLATES",
    "DocumentError",
    "FILE_DIALOG_FILTER",
    "FOLDER_NOTE_TEMPLATES",
    "LANGUAGE_DISPLAY_NAMES",
    "LINK_EXTENSIONS",
    "MAX_FILE_BYTES",
    "MAX_FOLDER_ARTICLES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_CHARS",
    "READ_REASON_TEMPLATES",
    "SUPPORTED_EXTENSIONS",
    "article_from_bytes",
    "article_from_text",
    "detect_language",
    "expand_article_paths",
    "language_name",
    "read_article",
    "warm_up",
]

#: File extensions read_article accepts (lower case; the check ignores case).
SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
#: Saved links (a Windows Internet Shortcut, a macOS .webloc): their page is fetched
#: (:mod:`models.documents.fetch`), so a folder's links are articles too.
LINK_EXTENSIONS: tuple[str, ...] = (".url", ".webloc")
#: A folder (or several) gives at most this many articles; the rest are left out, with a note.
MAX_FOLDER_ARTICLES = 200
#: Listing folders stops after this many entries, so a folder dropped by mistake (a home
#: folder, a whole disk) costs a moment, not minutes.
MAX_FOLDER_ENTRIES = 20_000
#: A filter string for a Qt file dialog.
FILE_DIALOG_FILTER = "Articles (" + " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS) + ");;All files (*)"

#: Files larger than this are refused before they are read.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Articles whose cleaned text is longer than this are refused (about 30,000 words).
MAX_TEXT_CHARS = 200_000
#: PDFs with more pages than this are refused (bounds time on hostile files).
MAX_PDF_PAGES = 500
#: PDF pages whose drawing instructions (decompressed) are larger than this are skipped:
#: pypdf needs a few seconds a megabyte of them, more than linearly. Real pages hold far less.
MAX_PDF_PAGE_CONTENT_BYTES = 1024 * 1024
#: Reading a PDF's pages stops after this many seconds (with a notice), so no file hangs the app.
PDF_TIME_BUDGET_S = 20.0
_clock = time.monotonic
#: A .docx whose parts unpack to more than this is refused (a zip bomb guard).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: A .docx whose text part (word/document.xml) is larger than this is refused (parse time, memory).
MAX_DOCX_BODY_BYTES = 32 * 1024 * 1024
#: "Words" (runs without a space) longer than this are not words: a run of one letter, base64.
MAX_WORD_CHARS = 1_000
#: Runs longer than this without the end of a sentence (or a line break) are not sentences.
MAX_RUN_CHARS = 3_000

# Titles longer than this are cut at a word boundary.
_MAX_TITLE_CHARS = 150
# Language detection looks at this much of the text (plenty, and bounded time).
_LANGUAGE_SAMPLE_CHARS = 10_000
# Below this many letters, or below this confidence, the language is left undetermined.
_LANGUAGE_MIN_LETTERS = 40
_LANGUAGE_MIN_CONFIDENCE = 0.5

# Bidi controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM) and stray BOMs.
_DROPPED_CHARS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]")
# What separates words, for the not-prose check: white space and the ideographic and fullwidth
# punctuation of scripts written without spaces (a Chinese clause is not one long word).
_WORD_SEPARATORS = re.compile(r"[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+")
# Where a sentence (or a line) ends, for the not-prose check: any script's full stop.
_SENTENCE_ENDS = re.compile(r"[.!?…\n\u3002\uff01\uff0e\uff1f\u061f\u06d4\u0964\u0965]")
# Control characters other than tab and line breaks.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TERMINAL_PUNCTUATION = tuple(".!?:;…\"'”»)]")

# Single-byte and legacy encodings the app's users actually have, most likely first: when
# charset-normalizer finds several nearly as plausible (short texts), the first listed wins.
_PREFERRED_ENCODINGS = (
    "utf_8",
    "ascii",
    "cp1252",
    "cp1251",
    "iso8859_6",
    "cp1256",
    "koi8_r",
    "iso8859_5",
    "mac_cyrillic",
    "latin_1",
    "iso8859_15",
    "cp1250",
)
_CHAOS_TOLERANCE = 0.1

# Why an input cannot be read: the reasons of DocumentError, Wording templates, so the window
# can say them in its language (each marked for translation where it is written).
NOT_A_FILE_PATH = QT_TRANSLATE_NOOP("Reading", "is not a file path ({error})")
NOT_TEXT = QT_TRANSLATE_NOOP("Reading", "is not text ({type})")
FILE_NOT_FOUND = QT_TRANSLATE_NOOP("Reading", "file not found")
IS_A_FOLDER = QT_TRANSLATE_NOOP("Reading", "is a folder, not a file")
NOT_A_REGULAR_FILE = QT_TRANSLATE_NOOP("Reading", "is not a regular file")
PERMISSION_DENIED = QT_TRANSLATE_NOOP("Reading", "permission denied")
CANNOT_BE_OPENED = QT_TRANSLATE_NOOP("Reading", "cannot be opened ({error})")
CANNOT_BE_READ = QT_TRANSLATE_NOOP("Reading", "cannot be read ({error})")
COULD_NOT_BE_READ = QT_TRANSLATE_NOOP("Reading", "could not be read ({error})")
UNSUPPORTED_FILE_TYPE = QT_TRANSLATE_NOOP("Reading", "unsupported file type '{extension}'; supported: {supported}")
UNSUPPORTED_NO_EXTENSION = QT_TRANSLATE_NOOP("Reading", "unsupported file type (no extension); supported: {supported}")
UNSUPPORTED_DOCUMENT_TYPE = QT_TRANSLATE_NOOP("Reading", "unsupported document type '{kind}'; supported: {supported}")
EMPTY = QT_TRANSLATE_NOOP("Reading", "is empty")
NO_TEXT = QT_TRANSLATE_NOOP("Reading", "has no text (it is empty or only whitespace)")
TOO_LARGE = QT_TRANSLATE_NOOP("Reading", "is too large ({size} MB; the limit is {limit} MB)")
TOO_LARGE_FOR_MEMORY = QT_TRANSLATE_NOOP("Reading", "is too large to read into memory")
TOO_LONG = QT_TRANSLATE_NOOP("Reading", "is too long ({length} characters of text; the limit is {limit})")
NESTED_TOO_DEEPLY = QT_TRANSLATE_NOOP("Reading", "is nested too deeply to read (corrupt?)")
NOT_PROSE_LONG_WORD = QT_TRANSLATE_NOOP("Reading", "does not look like prose: its longest word has {length} characters")
NOT_PROSE_LONG_RUN = QT_TRANSLATE_NOOP("Reading", "does not look like prose: it runs on for {length} characters without ending a sentence")
NOT_VALID_ENCODING = QT_TRANSLATE_NOOP("Reading", "is not valid {encoding} text (corrupt?)")
BINARY_DATA = QT_TRANSLATE_NOOP("Reading", "looks like binary data, not text")
BINARY_DATA_NO_ENCODING = QT_TRANSLATE_NOOP("Reading", "looks like binary data, not text (no text encoding fits)")
NO_ARTICLE_TEXT = QT_TRANSLATE_NOOP("Reading", "has no article text (only menus, scripts or an empty page?)")
NOT_A_WORD_DOCUMENT = QT_TRANSLATE_NOOP("Reading", "is not a Word document (no word/document.xml inside)")
NOT_A_DOCX_CONTAINER = QT_TRANSLATE_NOOP("Reading", "is not a valid .docx file (corrupt or not a zip container)")
NOT_A_VALID_DOCX = QT_TRANSLATE_NOOP("Reading", "is not a valid .docx file ({error})")
TOO_LARGE_UNPACKED = QT_TRANSLATE_NOOP("Reading", "is too large once unpacked ({size} MB)")
WEB_PAGE_NOT_PDF = QT_TRANSLATE_NOOP("Reading", "is a web page, not a PDF (rename it to .html to read it)")
PASSWORD_PROTECTED = QT_TRANSLATE_NOOP("Reading", "is password-protected")
NOT_A_VALID_PDF = QT_TRANSLATE_NOOP("Reading", "is not a valid PDF (corrupt?) ({error})")
PDF_WITHOUT_PAGES = QT_TRANSLATE_NOOP("Reading", "is not a valid PDF (it has no pages)")
NO_PDF_PAGE_READABLE = QT_TRANSLATE_NOOP("Reading", "is not a valid PDF (no page could be read)")
TOO_MANY_PAGES = QT_TRANSLATE_NOOP("Reading", "is too long ({pages} pages; the limit is {limit})")
PDF_TOO_COMPLEX = QT_TRANSLATE_NOOP("Reading", "is too complex to read (its pages hold too many drawing instructions)")
NO_TEXT_LAYER = QT_TRANSLATE_NOOP("Reading", "has no text layer (scanned?); only PDFs with selectable text can be read")
READ_REASON_TEMPLATES = (
    NOT_A_FILE_PATH, NOT_TEXT, FILE_NOT_FOUND, IS_A_FOLDER, NOT_A_REGULAR_FILE, PERMISSION_DENIED, CANNOT_BE_OPENED,
    CANNOT_BE_READ, COULD_NOT_BE_READ, UNSUPPORTED_FILE_TYPE, UNSUPPORTED_NO_EXTENSION, UNSUPPORTED_DOCUMENT_TYPE, EMPTY,
    NO_TEXT, TOO_LARGE, TOO_LARGE_FOR_MEMORY, TOO_LONG, NESTED_TOO_DEEPLY, NOT_PROSE_LONG_WORD, NOT_PROSE_LONG_RUN,
    NOT_VALID_ENCODING, BINARY_DATA, BINARY_DATA_NO_ENCODING, NO_ARTICLE_TEXT, NOT_A_WORD_DOCUMENT, NOT_A_DOCX_CONTAINER,
    NOT_A_VALID_DOCX, TOO_LARGE_UNPACKED, WEB_PAGE_NOT_PDF, PASSWORD_PROTECTED, NOT_A_VALID_PDF, PDF_WITHOUT_PAGES,
    NO_PDF_PAGE_READABLE, TOO_MANY_PAGES, PDF_TOO_COMPLEX, NO_TEXT_LAYER,
)  # fmt: skip

# What expand_article_paths says it left out (Wording templates too).
FOLDER_SKIPPED_ONE = QT_TRANSLATE_NOOP("Reading", "1 file in '{folder}' is not an article and was skipped")
FOLDER_SKIPPED = QT_TRANSLATE_NOOP("Reading", "{count} files in '{folder}' are not articles and were skipped")
FOLDER_HOLDS_NO_ARTICLES = QT_TRANSLATE_NOOP("Reading", "'{folder}' holds no articles ({extensions})")
FOLDER_CANNOT_BE_OPENED = QT_TRANSLATE_NOOP("Reading", "could not open the folder '{folder}': {error}")
LISTING_CUT_SHORT = QT_TRANSLATE_NOOP("Reading", "only the first {limit} files and folders were looked at: there are too many to list")
ARTICLES_CAPPED = QT_TRANSLATE_NOOP("Reading", "only the first {taken} of {total} articles are taken (the limit is {limit}); the other {left} were left out")
ARTICLES_CAPPED_AT_LEAST = QT_TRANSLATE_NOOP(
    "Reading",
    "only the first {taken} of more than {total} articles are taken (the limit is {limit}); the other {left} were left out",
)
FOLDER_NOTE_TEMPLATES = (
    FOLDER_SKIPPED_ONE, FOLDER_SKIPPED, FOLDER_HOLDS_NO_ARTICLES, FOLDER_CANNOT_BE_OPENED, LISTING_CUT_SHORT,
    ARTICLES_CAPPED, ARTICLES_CAPPED_AT_LEAST,
)  # fmt: skip


# What an article read from a PDF is told about pages left out (Wording templates too); with
# the catalogue's notices on the article's language, every notice an article may carry.
PDF_PAGES_UNREADABLE = QT_TRANSLATE_NOOP("Reading", "{failed} of {pages} pages could not be read and were skipped.")
PDF_PAGES_TOO_COMPLEX = QT_TRANSLATE_NOOP("Reading", "{skipped} of {pages} pages were too complex to read and were skipped.")
PDF_READ_CUT_SHORT = QT_TRANSLATE_NOOP("Reading", "Only the first {read} of {pages} pages were read: the PDF is slow to read.")
ARTICLE_NOTICE_TEMPLATES = (
    PDF_PAGES_UNREADABLE, PDF_PAGES_TOO_COMPLEX, PDF_READ_CUT_SHORT, *catalog.LANGUAGE_NOTICE_TEMPLATES,
)


class DocumentError(DigestError):
    """A file that cannot be read as an article; ``str()`` is "<file name>: <cause>", one line.

    ``path`` is the file as given (or the link, or a label such as "Pasted text") and
    ``reason`` the cause alone: a :class:`Wording` (its template one of
    :data:`READ_REASON_TEMPLATES`, or of ``fetch.FETCH_REASON_TEMPLATES``) when it is given
    one, so a window can say it in its language. A link is named whole: its last segment
    alone says little.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = _one_line(reason)
        name = self.path if "://" in self.path else (Path(self.path).name or self.path)
        super().__init__(f"{name}: {self.reason}")


def _one_line(reason: str) -> str:
    """``reason`` on one line, white space collapsed; a Wording stays one, its values collapsed
    (its English then reads as the plain text collapsed would)."""
    if not isinstance(reason, Wording):
        return " ".join(str(reason).split())

    def collapsed(value: Any) -> Any:
        if isinstance(value, str):
            return re.sub(r"\s+", " ", value)
        if isinstance(value, (list, tuple)):
            return [collapsed(item) for item in value]
        return value

    return Wording.from_sentences(
        (template, {key: collapsed(value) for key, value in values.items()}) for template, values in reason.sentences
    )


@dataclass
class _Extracted:
    """What a format reader found: raw paragraphs, the document's own title, its encoding."""

    paragraphs: list[str]
    title: str | None = None
    encoding: str | None = None
    #: What the reader is told about the reading (Wordings of :data:`ARTICLE_NOTICE_TEMPLATES`).
    notices: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- entry point


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read one article file; raise :class:`DocumentError` (and nothing else) if it cannot be."""
    try:
        file_path = Path(os.fspath(path))
    except TypeError as error:
        raise DocumentError(repr(path), Wording(NOT_A_FILE_PATH, error=str(error))) from error
    try:
        return _read_article(file_path)
    except DocumentError:
        raise
    except Exception as error:  # noqa: BLE001 - the contract: DocumentError and nothing else
        raise _unexpected_failure(file_path, error) from error


def _read_article(path: Path) -> Article:
    data = _read_bytes(path)
    extracted = _READERS[path.suffix.lower()](path, data)
    # An undecodable byte of a file name is a lone surrogate.
    return _article(path, extracted, fallback_title=valid_unicode(path.stem), source=valid_unicode(os.path.abspath(path)))


def _article(label: str | Path, extracted: _Extracted, *, fallback_title: str, source: str | None) -> Article:
    """What every way in shares once a format's text is out: valid Unicode, the limits, the
    cleaning, the refusals, the title and the language. ``label`` names the input in errors."""
    extracted = _valid_unicode(extracted)
    _refuse_far_too_long(label, extracted.paragraphs)

    paragraphs = [p for p in (_clean_paragraph(p) for p in extracted.paragraphs) if p]
    text = "\n\n".join(paragraphs)
    if not text:
        raise DocumentError(label, Wording(NO_TEXT))
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(label, _too_long(len(text)))
    _refuse_non_prose(label, text)
    title = _clean_title(extracted.title) or _title_from_text(paragraphs) or _clean_title(fallback_title) or "Untitled"
    notices = list(extracted.notices)
    language = detect_language(text)
    notice = catalog.article_language_notice(language, language_name(language)) if language is not None else None
    if notice is not None:
        notices.append(notice)
    return Article(
        title=title,
        text=text,
        source_path=source,
        language=language,
        encoding=extracted.encoding,
        notices=tuple(notices),
    )


#: How pasted text is named in its errors when the caller gives no source.
PASTED_TEXT_LABEL = "Pasted text"


def article_from_text(text: str, source: str = "") -> Article:
    """Text pasted or dropped, as an article: its title is its first line (or that line's first
    sentence, when the line is a whole paragraph), and it goes through the same cleaning,
    Unicode repair, limits and refusals (empty, binary-looking, not prose, too long) as a file.

    ``source`` (a link, a file name) becomes the article's ``source_path`` and names the text
    in errors, else "Pasted text". Raises :class:`DocumentError` (one line) and nothing else.
    """
    label = source or PASTED_TEXT_LABEL
    if not isinstance(text, str):
        raise DocumentError(label, Wording(NOT_TEXT, type=type(text).__name__))
    try:
        if len(text) > MAX_FILE_BYTES:  # before any pass over it: a paste as large as a file refused
            raise DocumentError(label, _too_long(len(text)))
        text = _check_not_binary(label, _LINE_BREAKS.sub("\n", text))
        _refuse_far_too_long(label, [text])
        paragraphs = _blocks_to_paragraphs(text)
        first_line = next((line for line in text.split("\n") if line.strip()), "")
        title = _title_from_text([_clean_paragraph(valid_unicode(first_line))])
        extracted = _Extracted(paragraphs=paragraphs, title=title or None)
        return _article(label, extracted, fallback_title="", source=valid_unicode(source) or None)
    except DocumentError:
        raise
    except MemoryError as error:
        raise DocumentError(label, Wording(TOO_LARGE_FOR_MEMORY)) from error
    except Exception as error:  # noqa: BLE001 - the contract: DocumentError and nothing else
        raise DocumentError(label, Wording(COULD_NOT_BE_READ, error=_describe(error))) from error


def article_from_bytes(data: bytes, kind: str, *, source: str, charset: str | None = None, fallback_title: str = "") -> Article:
    """A document that is not a file on disk (a page fetched from ``source``, a link), read by
    the reader of ``kind`` (an extension of :data:`SUPPORTED_EXTENSIONS`, e.g. ".html") with the
    same limits and refusals as a file. ``charset`` is the encoding the server declared: it
    wins over the document's own (as in a browser), a byte-order mark over both. Raises
    :class:`DocumentError` naming ``source``, and nothing else."""
    kind = kind.lower()
    if kind not in _READERS:
        raise DocumentError(source, Wording(UNSUPPORTED_DOCUMENT_TYPE, kind=kind, supported=", ".join(SUPPORTED_EXTENSIONS)))
    try:
        if len(data) > MAX_FILE_BYTES:
            raise DocumentError(source, _too_large(len(data)))
        if not data:
            raise DocumentError(source, Wording(EMPTY))
        reader = _READERS[kind]
        extracted = reader(Path(source), data) if charset is None else reader(Path(source), data, charset)
        return _article(source, extracted, fallback_title=fallback_title, source=valid_unicode(source))
    except DocumentError as error:
        if error.path == source:
            raise
        # The readers name the path they are given: give the message the source as it is.
        raise DocumentError(source, error.reason) from error
    except Exception as error:  # noqa: BLE001 - the contract: DocumentError and nothing else
        raise _unexpected_failure(source, error) from error


# --------------------------------------------------------------------------- folders


def expand_article_paths(
    paths: Iterable[str | os.PathLike[str]], limit: int = MAX_FOLDER_ARTICLES
) -> tuple[list[Path], list[Wording]]:
    """The files to read for the files and folders a user gave (a drop, the CLI's arguments),
    and one-line notes for the user on what was left out (Wordings of
    :data:`FOLDER_NOTE_TEMPLATES`).

    A path that is not a folder stays as given, whatever it is: reading it says what is wrong
    with it. A folder gives its article files (:data:`SUPPORTED_EXTENSIONS` and
    :data:`LINK_EXTENSIONS`, in any case), and those of its subfolders: people keep articles
    in folders by date or by paper, and a dropped folder means all of it. Each folder's
    entries are taken in name order, a subfolder's files where its name sorts. Hidden files
    and folders (a leading dot; the hidden flag on Windows and macOS) are skipped without a
    word, links to folders are not followed (no loops), other files are counted in a note. A
    file a folder gives again (given already, or through a link) is listed once. Past
    ``limit`` articles in all, the rest are left out, and a note says how many.
    """
    articles: list[Path] = []
    notes: list[Wording] = []
    listed: set[str] = set()
    budget = _ListingBudget(MAX_FOLDER_ENTRIES)
    total = 0

    def add(path: Path, from_folder: bool) -> None:
        nonlocal total
        identity = os.path.normcase(os.path.abspath(path))
        if from_folder and identity in listed:
            return
        listed.add(identity)
        total += 1
        if len(articles) < limit:
            articles.append(path)

    for given in paths:
        path = Path(os.fspath(given))
        if not _is_folder(path):
            add(path, from_folder=False)
            continue
        shown = valid_unicode(path.name or str(path))
        before = total
        skipped = _add_folder(path, lambda found: add(found, from_folder=True), budget, notes)
        if skipped is None:
            continue  # a note says why
        if skipped:
            if skipped == 1:
                notes.append(Wording(FOLDER_SKIPPED_ONE, folder=shown))
            else:
                notes.append(Wording(FOLDER_SKIPPED, count=skipped, folder=shown))
        if total == before and not budget.exhausted:
            notes.append(Wording(FOLDER_HOLDS_NO_ARTICLES, folder=shown, extensions=", ".join(SUPPORTED_EXTENSIONS + LINK_EXTENSIONS)))
    if budget.exhausted:
        notes.append(Wording(LISTING_CUT_SHORT, limit=f"{budget.limit:,}"))
    if total > len(articles):
        template = ARTICLES_CAPPED_AT_LEAST if budget.exhausted else ARTICLES_CAPPED
        notes.append(
            Wording(template, taken=len(articles), total=f"{total:,}", limit=limit, left=f"{total - len(articles):,}")
        )
    return articles, notes


class _ListingBudget:
    """How many more folder entries may be looked at, across every folder of one call."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    @property
    def exhausted(self) -> bool:
        return self.left <= 0


def _add_folder(folder: Path, add: Callable[[Path], None], budget: _ListingBudget, notes: list[Wording]) -> int | None:
    """Add ``folder``'s article files (and its subfolders'), in name order; returns how many
    other visible files it holds, None when it cannot be listed (a note says why)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: (entry.name.casefold(), entry.name))
    except OSError as error:
        notes.append(Wording(FOLDER_CANNOT_BE_OPENED, folder=valid_unicode(folder.name or str(folder)), error=str(error.strerror or error)))
        return None
    skipped = 0
    for entry in entries:
        if budget.exhausted:
            break
        budget.left -= 1
        if _is_hidden(entry):
            continue
        path = folder / entry.name
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
            is_link_to_folder = not is_folder and entry.is_symlink() and entry.is_dir()
        except OSError:
            is_folder = is_link_to_folder = False
        if is_folder:
            skipped += _add_folder(path, add, budget, notes) or 0
        elif is_link_to_folder:
            continue  # not followed: a link back up would loop
        elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_EXTENSIONS + LINK_EXTENSIONS:
            add(path)
        else:
            skipped += 1
    return skipped


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long, a loop of links, a NUL: not a folder
        return False


def _is_hidden(entry: os.DirEntry[str]) -> bool:
    if entry.name.startswith("."):
        return True
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return bool(
        getattr(info, "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_HIDDEN  # Windows
        or getattr(info, "st_flags", 0) & stat.UF_HIDDEN  # macOS (chflags hidden)
    )


def _valid_unicode(extracted: _Extracted) -> _Extracted:
    """The one place every format's text passes through on its way to the engine: lone
    surrogates (a PDF's ToUnicode map can yield them; the tokenizers refuse them, and no
    encoder writes them) become U+FFFD."""
    extracted.paragraphs = [valid_unicode(paragraph) for paragraph in extracted.paragraphs]
    if extracted.title is not None:
        extracted.title = valid_unicode(str(extracted.title))
    return extracted


def _refuse_non_prose(path: str | Path, text: str) -> None:
    """Refuse text with no sentence structure to speak of, which the models would spend minutes
    on for nothing: mostly "words" of over :data:`MAX_WORD_CHARS` characters (a run of one
    letter, base64), or mostly runs of over :data:`MAX_RUN_CHARS` characters with no end of
    sentence or line (a word list on one line). A real article with one long URL or one
    run-on passage still reads."""
    if len(text) <= MAX_WORD_CHARS:
        return  # too short to hold a word or a run that long
    long_words = [len(word) for word in _WORD_SEPARATORS.split(text) if len(word) > MAX_WORD_CHARS]
    if long_words and 2 * sum(long_words) > len("".join(text.split())):
        raise DocumentError(path, Wording(NOT_PROSE_LONG_WORD, length=f"{max(long_words):,}"))
    long_runs = [len(run) for run in _SENTENCE_ENDS.split(text) if len(run) > MAX_RUN_CHARS]
    if long_runs and 2 * sum(long_runs) > len(text):
        raise DocumentError(path, Wording(NOT_PROSE_LONG_RUN, length=f"{max(long_runs):,}"))


def _describe(error: BaseException) -> str:
    message = " ".join(str(error).split())
    if len(message) > 200:
        message = message[:200] + "…"
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _unexpected_failure(source: str | os.PathLike[str], error: Exception) -> DocumentError:
    """The one-line reason for an error no reader expected (readers raise DocumentError and
    nothing else): too large for memory, nested too deeply, or the error itself, described."""
    if isinstance(error, MemoryError):
        return DocumentError(source, Wording(TOO_LARGE_FOR_MEMORY))
    if isinstance(error, RecursionError):
        return DocumentError(source, Wording(NESTED_TOO_DEEPLY))
    return DocumentError(source, Wording(COULD_NOT_BE_READ, error=_describe(error)))


def file_error(path: str | os.PathLike[str], error: OSError) -> DocumentError:
    """The one-line reason a file could not be opened, from the error opening it gave."""
    if isinstance(error, FileNotFoundError):
        return DocumentError(path, Wording(FILE_NOT_FOUND))
    if isinstance(error, IsADirectoryError):
        return DocumentError(path, Wording(IS_A_FOLDER))
    if isinstance(error, PermissionError):
        return DocumentError(path, Wording(PERMISSION_DENIED))
    return DocumentError(path, Wording(CANNOT_BE_OPENED, error=str(error.strerror or error)))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, after the checks that need no reading: exists, regular, type, size."""
    try:
        info = path.stat()
    except OSError as error:
        raise file_error(path, error) from error
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(path, Wording(IS_A_FOLDER))
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(path, Wording(NOT_A_REGULAR_FILE))
    extension = path.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        if path.suffix:
            raise DocumentError(path, Wording(UNSUPPORTED_FILE_TYPE, extension=path.suffix, supported=supported))
        raise DocumentError(path, Wording(UNSUPPORTED_NO_EXTENSION, supported=supported))
    if info.st_size > MAX_FILE_BYTES:
        raise DocumentError(path, _too_large(info.st_size))
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except PermissionError as error:
        raise DocumentError(path, Wording(PERMISSION_DENIED)) from error
    except OSError as error:
        raise DocumentError(path, Wording(CANNOT_BE_READ, error=str(error.strerror or error))) from error
    if len(data) > MAX_FILE_BYTES:  # it grew since stat()
        raise DocumentError(path, _too_large(len(data)))
    if not data:
        raise DocumentError(path, Wording(EMPTY))
    return data


def _refuse_far_too_long(path: str | Path, texts: list[str]) -> None:
    """Refuse before cleaning (linear but not free) when the visible characters alone, which
    cleaning keeps, are twice the limit."""
    visible = sum(len("".join(text.split())) for text in texts)
    if visible > 2 * MAX_TEXT_CHARS:
        raise DocumentError(path, _too_long(visible))


def _too_long(length: int) -> Wording:
    return Wording(TOO_LONG, length=f"{length:,}", limit=f"{MAX_TEXT_CHARS:,}")


def _too_large(size: int) -> Wording:
    return Wording(TOO_LARGE, size=f"{size / 1024 / 1024:.1f}", limit=str(MAX_FILE_BYTES // 1024 // 1024))


# --------------------------------------------------------------------------- text decoding


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_text(path: Path, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes: (text, encoding name). Binary data raises DocumentError.

    Order: a BOM; UTF-16 without a BOM (half its bytes NUL); the ``declared`` encoding (an
    HTML meta charset) if it decodes; strict UTF-8; then charset-normalizer's best guess,
    preferring the common code pages among near-equally plausible ones.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_not_binary(path, data.decode(encoding)), encoding
            except UnicodeDecodeError as error:
                raise DocumentError(path, Wording(NOT_VALID_ENCODING, encoding=encoding.upper())) from error

    nul_count = data.count(0)
    if nul_count * 10 > len(data) * 3:  # over 30%: UTF-16 without a BOM, or binary
        utf16 = _decode_utf16_without_bom(data)
        if utf16 is not None:
            return _check_not_binary(path, utf16[0]), utf16[1]
        raise DocumentError(path, Wording(BINARY_DATA))
    if nul_count:
        data = data.replace(b"\x00", b"")

    if declared:
        try:
            name = codecs.lookup(declared).name
            return _check_not_binary(path, data.decode(name)), name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return _check_not_binary(path, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass

    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(path, Wording(BINARY_DATA_NO_ENCODING))
    lowest = min(match.chaos for match in matches)

    def rank(match: Any) -> tuple[int, float]:
        names = [match.encoding, *match.could_be_from_charset]
        return min((_priority(name) for name in names), default=len(_PREFERRED_ENCODINGS)), match.chaos

    best = min((m for m in matches if m.chaos <= lowest + _CHAOS_TOLERANCE), key=rank)
    names = sorted([best.encoding, *best.could_be_from_charset], key=_priority)
    encoding = codecs.lookup(names[0]).name
    return _check_not_binary(path, str(best)), encoding


def _priority(name: str) -> int:
    try:
        return _PREFERRED_ENCODINGS.index(name)
    except ValueError:
        return len(_PREFERRED_ENCODINGS)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM has NUL in most even (BE) or odd (LE) bytes of Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        encoding = "utf-16-le"
    elif even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _check_not_binary(path: str | Path, text: str) -> str:
    """Refuse decoded text that is mostly control characters, NULs or replacement marks."""
    if not text:
        return text
    sample = text[:100_000]
    suspicious = sum(
        1
        for char in sample
        if (char < " " and char not in "\t\n\r\x0c") or char == "\ufffd" or "\x7f" <= char <= "\x9f"
    )
    if suspicious * 20 > len(sample):  # over 5%
        raise DocumentError(path, Wording(BINARY_DATA))
    return text


# --------------------------------------------------------------------------- cleaning


def _clean_paragraph(paragraph: str) -> str:
    """One paragraph: drop controls and bidi marks, NFC, collapse whitespace."""
    paragraph = _DROPPED_CHARS.sub("", paragraph)
    paragraph = _CONTROL_CHARS.sub(" ", paragraph)
    paragraph = unicodedata.normalize("NFC", paragraph)
    return normalise_whitespace(paragraph)


def _strip_for_blocks(text: str) -> str:
    """Normalise line breaks and drop controls before a text is split into blocks."""
    text = _LINE_BREAKS.sub("\n", text.replace("\x00", ""))
    return _DROPPED_CHARS.sub("", text)


def _blocks_to_paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, each reflowed: hard-wrapped lines rejoined, short lines kept."""
    text = _strip_for_blocks(text)
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        paragraphs.extend(_reflow(block))
    return paragraphs


def _reflow(block: str) -> list[str]:
    """Split a block of lines into paragraphs.

    A block whose lines are mostly long (at least 60% of its widest, which is 40+ characters)
    is hard-wrapped prose: its lines join, except after a short line that is followed by a
    line not starting in lower case (a paragraph's last line, a heading). In a block of short
    lines (a title and a dateline, a list), each line is its own paragraph unless it runs on
    into a line that starts in lower case.
    """
    lines = [line for line in (normalise_whitespace(raw) for raw in block.split("\n")) if line]
    if len(lines) <= 1:
        return lines
    width = max(len(line) for line in lines)

    def is_long(line: str) -> bool:
        return width >= 40 and len(line) >= 0.6 * width

    wrapped = sum(1 for line in lines[:-1] if is_long(line)) * 2 >= len(lines) - 1
    paragraphs: list[str] = []
    current = lines[0]
    for line, following in zip(lines, lines[1:]):
        continues = following[:1].islower() and not line.endswith(_TERMINAL_PUNCTUATION)
        if (wrapped and is_long(line)) or continues:
            if line.endswith("-") and following[:1].islower():
                current += following
            else:
                current += " " + following
        else:
            paragraphs.append(current)
            current = following
    paragraphs.append(current)
    return paragraphs


def _clean_title(title: str | None) -> str:
    if not title:
        return ""
    title = _clean_paragraph(title)
    if len(title) > _MAX_TITLE_CHARS:
        cut = title[:_MAX_TITLE_CHARS].rsplit(" ", 1)[0] or title[:_MAX_TITLE_CHARS]
        title = cut.rstrip(" ,;:-") + "…"
    return title


def _title_from_text(paragraphs: list[str]) -> str:
    """The first paragraph if it is short, else its first sentence, cut to a title's length."""
    if not paragraphs:
        return ""
    first = paragraphs[0]
    if len(first) > _MAX_TITLE_CHARS:
        first = (split_sentences(first) or [first])[0]
    return _clean_title(first)


# --------------------------------------------------------------------------- formats


def _read_txt(path: Path, data: bytes, declared: str | None = None) -> _Extracted:
    text, encoding = _decode_text(path, data, declared)
    _refuse_far_too_long(path, [text])
    return _Extracted(paragraphs=_blocks_to_paragraphs(text), encoding=encoding)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_TITLE = re.compile(r"^title[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _read_markdown(path: Path, data: bytes, declared: str | None = None) -> _Extracted:
    text, encoding = _decode_text(path, data, declared)
    _refuse_far_too_long(path, [text])
    text = _strip_for_blocks(text)
    title: str | None = None
    front = _FRONT_MATTER.match(text)
    if front:  # YAML front matter (Jekyll, Hugo): keep its title, drop the rest
        found = _FRONT_MATTER_TITLE.search(front.group(1))
        if found:
            title = found.group(1).strip().strip("'\"")
        text = text[front.end() :]

    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(text)
    paragraphs: list[str] = []
    first_heading: str | None = None
    row: list[str] | None = None
    heading_level = 0
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if row:
                paragraphs.append(" | ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            content = _markdown_inline_text(token.children or [])
            if row is not None:
                row.append(normalise_whitespace(content))
            else:
                paragraphs.append(content)
                if heading_level and first_heading is None and len(paragraphs) == 1:
                    first_heading = content
        elif token.type in ("fence", "code_block"):
            paragraphs.append(token.content)  # the code itself is text; its fences are not
        elif token.type == "html_block":
            paragraphs.extend(_html_fragment_text(token.content))
    return _Extracted(paragraphs=paragraphs, title=title or first_heading, encoding=encoding)


def _markdown_inline_text(children: list[Any]) -> str:
    """The text of an inline token: emphasis and link markup gone, images and raw HTML dropped."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        # image (its alt text lives in its own children), html_inline, *_open/*_close: dropped
    return "".join(parts)


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, skipping scripts and styles; blocks end paragraphs."""

    _SKIPPED = frozenset({"script", "style", "template", "noscript"})
    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = [""]
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.paragraphs.append("")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.paragraphs[-1] += data


def _html_fragment_text(fragment: str) -> list[str]:
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return [p for p in collector.paragraphs if p.strip()]


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


# Pages larger than this are slimmed and measured by lxml before trafilatura, which takes about
# a second per megabyte, so a huge page is refused or read in a moment rather than a minute.
_HTML_PRECHECK_CHARS = 1_000_000


def _slim_html(text: str) -> tuple[str, str]:
    """A large page without its scripts, styles and comments, and its visible text.

    lxml does this in C in a fraction of a second; trafilatura spends seconds per megabyte of
    inline script. Returns the page unchanged (and no text) if lxml cannot parse it.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return text, ""
    etree.strip_elements(tree, "script", "style", "noscript", "template", etree.Comment, with_tail=False)
    return lxml_html.tostring(tree, encoding="unicode"), " ".join(tree.itertext())


def _read_html(path: Path, data: bytes, declared: str | None = None) -> _Extracted:
    """A web page; ``declared`` is the charset its server gave, which wins over the page's own."""
    if declared is None:
        found = _META_CHARSET.search(data[:8192])
        declared = found.group(1).decode("ascii") if found else None
    text, encoding = _decode_text(path, data, declared)
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"\A\s*<\?xml[^>]*\?>", "", text)

    if len(text) > _HTML_PRECHECK_CHARS:
        text, visible = _slim_html(text)
        _refuse_far_too_long(path, [visible])

    import trafilatura

    options: dict[str, Any] = {"include_comments": False, "include_tables": True, "with_metadata": True}
    document = trafilatura.bare_extraction(text, **options)
    body = (getattr(document, "text", None) or "") if document is not None else ""
    if body.strip() and len(body) < 500:
        # Short output can be only a menu picked up by the fallback extractors; the precise
        # mode finds nothing on such a page, while it keeps a short real article.
        if trafilatura.bare_extraction(text, favor_precision=True, **options) is None:
            body = ""
    if not body.strip():
        raise DocumentError(path, Wording(NO_ARTICLE_TEXT))
    title = getattr(document, "title", None)
    paragraphs = _strip_for_blocks(body).split("\n")
    return _Extracted(paragraphs=paragraphs, title=title, encoding=encoding)


def _read_docx(path: Path, data: bytes, _declared: str | None = None) -> _Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            try:
                body_size = archive.getinfo("word/document.xml").file_size
            except KeyError:
                raise DocumentError(path, Wording(NOT_A_WORD_DOCUMENT)) from None
    except zipfile.BadZipFile as error:
        raise DocumentError(path, Wording(NOT_A_DOCX_CONTAINER)) from error
    if unpacked > MAX_UNPACKED_BYTES or body_size > MAX_DOCX_BODY_BYTES:
        raise DocumentError(path, Wording(TOO_LARGE_UNPACKED, size=f"{unpacked / 1024 / 1024:.0f}"))

    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except DocumentError:
        raise
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds on bad input
        raise DocumentError(path, Wording(NOT_A_VALID_DOCX, error=_describe(error))) from error

    paragraphs: list[str] = []
    styled_title: str | None = None

    def add_paragraph(paragraph: Any) -> None:
        nonlocal styled_title
        text = paragraph.text
        if styled_title is None and text.strip():
            style_name = getattr(paragraph.style, "name", "") or ""
            if style_name == "Title" or (style_name == "Heading 1" and not paragraphs):
                styled_title = text
        paragraphs.append(text)

    def add_table(table: Table) -> None:
        for table_row in table.rows:
            cells: list[str] = []
            for cell in table_row.cells:
                cell_text = normalise_whitespace(cell.text)
                if cell_text and (not cells or cells[-1] != cell_text):  # merged cells repeat
                    cells.append(cell_text)
            if cells:
                paragraphs.append(" | ".join(cells))

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            add_table(item)
        else:
            add_paragraph(item)
    core_title = None
    try:
        core_title = document.core_properties.title
    except Exception:  # noqa: BLE001 - broken core properties only cost the title
        pass
    return _Extracted(paragraphs=paragraphs, title=core_title or styled_title)


_JUNK_PDF_TITLE = re.compile(
    r"^(untitled|microsoft word - .*|.*\.(docx?|pdf|txt|rtf|odt|indd|tex|dvi|ps|html?))$", re.IGNORECASE
)


def _read_pdf(path: Path, data: bytes, _declared: str | None = None) -> _Extracted:
    head = data[:1024].lstrip().lower()
    if b"%pdf-" not in head and (
        head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or (head.startswith(b"<?xml") and b"<html" in head)
    ):
        raise DocumentError(path, Wording(WEB_PAGE_NOT_PDF))

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, Wording(PASSWORD_PROTECTED))
        page_count = len(reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as error:
        raise DocumentError(path, Wording(NOT_A_VALID_PDF, error=_describe(error))) from error
    if page_count == 0:
        raise DocumentError(path, Wording(PDF_WITHOUT_PAGES))
    if page_count > MAX_PDF_PAGES:
        raise DocumentError(path, Wording(TOO_MANY_PAGES, pages=page_count, limit=MAX_PDF_PAGES))

    pages: list[str] = []
    failed = oversized = 0
    length = 0
    started = _clock()
    for index in range(page_count):
        if _clock() - started > PDF_TIME_BUDGET_S:
            break
        try:
            page = reader.pages[index]
            contents = page.get_contents()
            if contents is not None and len(contents.get_data()) > MAX_PDF_PAGE_CONTENT_BYTES:
                oversized += 1
                continue
            page_text = page.extract_text() or ""
        except RecursionError:
            raise
        except Exception:  # noqa: BLE001 - one bad page should not lose the others
            failed += 1
            continue
        pages.append(page_text)
        length += len(page_text)
        if length > 2 * MAX_TEXT_CHARS:  # no need to read further: it is too long anyway
            break
    else:
        index = page_count
    if failed == page_count:
        raise DocumentError(path, Wording(NO_PDF_PAGE_READABLE))
    paragraphs: list[str] = []
    for page_text in pages:
        paragraphs.extend(_blocks_to_paragraphs(page_text))
    if not any(p.strip() for p in paragraphs):
        if oversized or index < page_count:
            raise DocumentError(path, Wording(PDF_TOO_COMPLEX))
        raise DocumentError(path, Wording(NO_TEXT_LAYER))
    notices: list[str] = []
    if failed:
        notices.append(Wording(PDF_PAGES_UNREADABLE, failed=failed, pages=page_count))
    if oversized:
        notices.append(Wording(PDF_PAGES_TOO_COMPLEX, skipped=oversized, pages=page_count))
    if index < page_count and length <= 2 * MAX_TEXT_CHARS:
        notices.append(Wording(PDF_READ_CUT_SHORT, read=index, pages=page_count))

    title: str | None = None
    try:
        metadata = reader.metadata
        if metadata is not None and metadata.title:
            title = str(metadata.title)
    except Exception:  # noqa: BLE001 - broken metadata only costs the title
        title = None
    if title and _JUNK_PDF_TITLE.match(title.strip()):
        title = None
    return _Extracted(paragraphs=paragraphs, title=title, notices=notices)


#: Each format's reader: (the path, named in errors; the bytes[; a declared charset]) -> its text.
_READERS: dict[str, Callable[..., _Extracted]] = {
    ".txt": _read_txt,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}


# --------------------------------------------------------------------------- language

# py3langid labels that are not ISO 639-1 codes, folded into the language they belong to.
_LANGUAGE_ALIASES = {"ary": "ar", "arz": "ar", "uzs": "uz", "wuu": "zh", "yue": "zh", "sdh": "ku", "gug": "gn"}
#: English names for the other languages a news article is likely to be in (the table's own
#: languages are named by :mod:`models.common.languages`), marked for translation: an
#: article's notice names its language. Others show by their code.
LANGUAGE_DISPLAY_NAMES = {
    "af": QT_TRANSLATE_NOOP("Language", "Afrikaans"),
    "am": QT_TRANSLATE_NOOP("Language", "Amharic"),
    "az": QT_TRANSLATE_NOOP("Language", "Azerbaijani"),
    "be": QT_TRANSLATE_NOOP("Language", "Belarusian"),
    "bg": QT_TRANSLATE_NOOP("Language", "Bulgarian"),
    "bn": QT_TRANSLATE_NOOP("Language", "Bengali"),
    "bs": QT_TRANSLATE_NOOP("Language", "Bosnian"),
    "ca": QT_TRANSLATE_NOOP("Language", "Catalan"),
    "cs": QT_TRANSLATE_NOOP("Language", "Czech"),
    "cy": QT_TRANSLATE_NOOP("Language", "Welsh"),
    "da": QT_TRANSLATE_NOOP("Language", "Danish"),
    "de": QT_TRANSLATE_NOOP("Language", "German"),
    "el": QT_TRANSLATE_NOOP("Language", "Greek"),
    "eo": QT_TRANSLATE_NOOP("Language", "Esperanto"),
    "es": QT_TRANSLATE_NOOP("Language", "Spanish"),
    "et": QT_TRANSLATE_NOOP("Language", "Estonian"),
    "eu": QT_TRANSLATE_NOOP("Language", "Basque"),
    "fa": QT_TRANSLATE_NOOP("Language", "Persian"),
    "fi": QT_TRANSLATE_NOOP("Language", "Finnish"),
    "fr": QT_TRANSLATE_NOOP("Language", "French"),
    "ga": QT_TRANSLATE_NOOP("Language", "Irish"),
    "gl": QT_TRANSLATE_NOOP("Language", "Galician"),
    "gu": QT_TRANSLATE_NOOP("Language", "Gujarati"),
    "ha": QT_TRANSLATE_NOOP("Language", "Hausa"),
    "he": QT_TRANSLATE_NOOP("Language", "Hebrew"),
    "hi": QT_TRANSLATE_NOOP("Language", "Hindi"),
    "hr": QT_TRANSLATE_NOOP("Language", "Croatian"),
    "hu": QT_TRANSLATE_NOOP("Language", "Hungarian"),
    "hy": QT_TRANSLATE_NOOP("Language", "Armenian"),
    "id": QT_TRANSLATE_NOOP("Language", "Indonesian"),
    "is": QT_TRANSLATE_NOOP("Language", "Icelandic"),
    "it": QT_TRANSLATE_NOOP("Language", "Italian"),
    "ja": QT_TRANSLATE_NOOP("Language", "Japanese"),
    "ka": QT_TRANSLATE_NOOP("Language", "Georgian"),
    "kk": QT_TRANSLATE_NOOP("Language", "Kazakh"),
    "km": QT_TRANSLATE_NOOP("Language", "Khmer"),
    "kn": QT_TRANSLATE_NOOP("Language", "Kannada"),
    "ko": QT_TRANSLATE_NOOP("Language", "Korean"),
    "ku": QT_TRANSLATE_NOOP("Language", "Kurdish"),
    "ky": QT_TRANSLATE_NOOP("Language", "Kyrgyz"),
    "la": QT_TRANSLATE_NOOP("Language", "Latin"),
    "lb": QT_TRANSLATE_NOOP("Language", "Luxembourgish"),
    "lo": QT_TRANSLATE_NOOP("Language", "Lao"),
    "lt": QT_TRANSLATE_NOOP("Language", "Lithuanian"),
    "lv": QT_TRANSLATE_NOOP("Language", "Latvian"),
    "mk": QT_TRANSLATE_NOOP("Language", "Macedonian"),
    "ml": QT_TRANSLATE_NOOP("Language", "Malayalam"),
    "mn": QT_TRANSLATE_NOOP("Language", "Mongolian"),
    "mr": QT_TRANSLATE_NOOP("Language", "Marathi"),
    "ms": QT_TRANSLATE_NOOP("Language", "Malay"),
    "mt": QT_TRANSLATE_NOOP("Language", "Maltese"),
    "my": QT_TRANSLATE_NOOP("Language", "Burmese"),
    "ne": QT_TRANSLATE_NOOP("Language", "Nepali"),
    "nl": QT_TRANSLATE_NOOP("Language", "Dutch"),
    "nn": QT_TRANSLATE_NOOP("Language", "Norwegian Nynorsk"),
    "no": QT_TRANSLATE_NOOP("Language", "Norwegian"),
    "pa": QT_TRANSLATE_NOOP("Language", "Punjabi"),
    "pl": QT_TRANSLATE_NOOP("Language", "Polish"),
    "ps": QT_TRANSLATE_NOOP("Language", "Pashto"),
    "pt": QT_TRANSLATE_NOOP("Language", "Portuguese"),
    "ro": QT_TRANSLATE_NOOP("Language", "Romanian"),
    "si": QT_TRANSLATE_NOOP("Language", "Sinhala"),
    "sk": QT_TRANSLATE_NOOP("Language", "Slovak"),
    "sl": QT_TRANSLATE_NOOP("Language", "Slovenian"),
    "so": QT_TRANSLATE_NOOP("Language", "Somali"),
    "sq": QT_TRANSLATE_NOOP("Language", "Albanian"),
    "sr": QT_TRANSLATE_NOOP("Language", "Serbian"),
    "sv": QT_TRANSLATE_NOOP("Language", "Swedish"),
    "sw": QT_TRANSLATE_NOOP("Language", "Swahili"),
    "ta": QT_TRANSLATE_NOOP("Language", "Tamil"),
    "te": QT_TRANSLATE_NOOP("Language", "Telugu"),
    "tg": QT_TRANSLATE_NOOP("Language", "Tajik"),
    "th": QT_TRANSLATE_NOOP("Language", "Thai"),
    "tk": QT_TRANSLATE_NOOP("Language", "Turkmen"),
    "tl": QT_TRANSLATE_NOOP("Language", "Tagalog"),
    "tr": QT_TRANSLATE_NOOP("Language", "Turkish"),
    "tt": QT_TRANSLATE_NOOP("Language", "Tatar"),
    "ug": QT_TRANSLATE_NOOP("Language", "Uyghur"),
    "uk": QT_TRANSLATE_NOOP("Language", "Ukrainian"),
    "ur": QT_TRANSLATE_NOOP("Language", "Urdu"),
    "uz": QT_TRANSLATE_NOOP("Language", "Uzbek"),
    "vi": QT_TRANSLATE_NOOP("Language", "Vietnamese"),
    "yo": QT_TRANSLATE_NOOP("Language", "Yoruba"),
    "zh": QT_TRANSLATE_NOOP("Language", "Chinese"),
    "zu": QT_TRANSLATE_NOOP("Language", "Zulu"),
}

_identifier: Any = None
_identifier_lock = threading.Lock()


def _language_identifier() -> Any:
    """py3langid's model, loaded once on first use (memory-mapped from its cached copy: see
    language_model), from any thread."""
    global _identifier
    with _identifier_lock:
        if _identifier is None:
            from models.documents.language_model import load_identifier

            _identifier = load_identifier()
        return _identifier


def _uncached_language_identifier(failed: Any) -> Any:
    """py3langid's model from its own file, in place of ``failed`` (one read from a damaged cached
    copy); the copy goes, so the next start makes it again."""
    global _identifier
    with _identifier_lock:
        if _identifier is failed:
            from models.documents.language_model import discard_cached_copy, packaged_identifier

            discard_cached_copy()
            _identifier = packaged_identifier()
        return _identifier


def warm_up() -> None:
    """Load the language model now rather than on the first read_article call (some 50 ms; the
    first time ever, when it makes its cached copy, about a second); for a background thread once
    the window shows. Safe to call from any thread, any number of times."""
    _language_identifier()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < _LANGUAGE_MIN_LETTERS:
        return None
    identifier = _language_identifier()
    try:
        ranking = identifier.rank(sample)
    except IndexError:  # a cached copy damaged on disk sends the DFA out of its table
        ranking = _uncached_language_identifier(identifier).rank(sample)
    scores: dict[str, float] = {}
    for label, score in ranking:
        code = _LANGUAGE_ALIASES.get(label, label)
        scores[code] = scores.get(code, 0.0) + float(score)
    code, confidence = max(scores.items(), key=lambda item: item[1])
    if confidence < _LANGUAGE_MIN_CONFIDENCE or len(code) != 2:
        return None
    return code


def language_name(code: str) -> str:
    """The English name of a language code ("ru" -> "Russian", "fr" -> "French"); unknown codes
    come back as is."""
    return languages.name(code) if languages.language(code) is not None else LANGUAGE_DISPLAY_NAMES.get(code, code)
