"""models.documents.read: every format and encoding read back, limits, clear errors, fuzzing."""

from __future__ import annotations

import io
import os
import sys
import time
import zipfile
from datetime import timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.models._document_samples import (
    ARABIC_PARAGRAPHS,
    ENGLISH_PARAGRAPHS,
    RUSSIAN_PARAGRAPHS,
    WESTERN_PARAGRAPHS,
    make_docx,
    make_pdf,
)
from models.documents import read as documents
from models.documents.read import (
    FILE_DIALOG_FILTER,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    SUPPORTED_EXTENSIONS,
    DocumentError,
    read_article,
)
from models.common.types import Article, DigestError

SEED = Path(__file__).resolve().parents[2] / "seeds" / "russia-us-syria.txt"


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def joined(paragraphs: tuple[str, ...]) -> str:
    return "\n\n".join(paragraphs)


def error_for(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        read_article(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(path.name + ": ") or message.startswith(str(path))
    return message


# --------------------------------------------------------------------------- constants


def test_supported_extensions_and_dialog_filter() -> None:
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
    name_filter, rest = FILE_DIALOG_FILTER.split(";;")
    assert name_filter.startswith("Articles (") and rest == "All files (*)"
    for extension in SUPPORTED_EXTENSIONS:
        assert f"*{extension}" in name_filter
    assert issubclass(DocumentError, DigestError)


# --------------------------------------------------------------------------- plain text


def test_seed_article_reads_with_title_and_paragraphs() -> None:
    article = read_article(SEED)
    assert article.title == "Russian ambassador says military cooperation with US in Syria"
    assert article.language == "en"
    assert article.notices == ()
    assert article.encoding == "utf-8"
    assert article.source_path == str(SEED)
    # Short lines inside a block stay paragraphs of their own (not glued to the next).
    assert "3 min read" in article.paragraphs
    assert "20 December, 2021" in article.paragraphs
    assert "\n\n\n" not in article.text


@pytest.mark.parametrize(
    ("paragraphs", "encoding", "recorded", "language"),
    [
        (RUSSIAN_PARAGRAPHS, "cp1251", "cp1251", "ru"),
        (ARABIC_PARAGRAPHS, "iso8859_6", "iso8859-6", "ar"),
        (ARABIC_PARAGRAPHS, "cp1256", "cp1256", "ar"),
        (WESTERN_PARAGRAPHS, "cp1252", "cp1252", "en"),
        (RUSSIAN_PARAGRAPHS, "koi8_r", "koi8-r", "ru"),
        (RUSSIAN_PARAGRAPHS, "utf-8", "utf-8", "ru"),
        (ARABIC_PARAGRAPHS, "utf-8-sig", "utf-8-sig", "ar"),
        (RUSSIAN_PARAGRAPHS, "utf-16", "utf-16", "ru"),  # with a BOM (little-endian here)
        (ARABIC_PARAGRAPHS, "utf-16", "utf-16", "ar"),
        (ENGLISH_PARAGRAPHS, "utf-16-le", "utf-16-le", "en"),  # no BOM
        (ENGLISH_PARAGRAPHS, "utf-16-be", "utf-16-be", "en"),  # no BOM
    ],
)
def test_txt_encodings_decode_without_mojibake(
    tmp_path: Path, paragraphs: tuple[str, ...], encoding: str, recorded: str, language: str
) -> None:
    text = "\r\n\r\n".join(paragraphs)  # Windows line ends as well
    path = write(tmp_path, "article.txt", text, encoding)
    article = read_article(path)
    assert article.text == joined(paragraphs)
    assert article.encoding == recorded
    assert article.language == language
    assert article.title == paragraphs[0]


def test_utf16_big_endian_bom(tmp_path: Path) -> None:
    data = b"\xfe\xff" + joined(RUSSIAN_PARAGRAPHS).encode("utf-16-be")
    article = read_article(write(tmp_path, "be.txt", data))
    assert article.text == joined(RUSSIAN_PARAGRAPHS)


def test_russian_and_arabic_articles_are_told_they_go_through_english_and_others_what_is_supported(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "ru.txt", joined(RUSSIAN_PARAGRAPHS)))
    assert article.language == "ru"
    assert article.notices == (
        "The article looks like Russian; it will be machine-translated into English before summarising.",
    )
    assert article.text == joined(RUSSIAN_PARAGRAPHS)  # read as written: translating is the digest's work
    arabic = read_article(write(tmp_path, "ar.txt", joined(ARABIC_PARAGRAPHS)))
    assert arabic.notices and "Arabic" in arabic.notices[0] and "into English" in arabic.notices[0]
    french = documents.article_from_text(
        "Le gouvernement a annoncé lundi une nouvelle réforme des retraites. Les syndicats ont appelé à la grève "
        "dans tout le pays, et les négociations reprendront la semaine prochaine à Paris."
    )
    assert french.language == "fr"
    assert french.notices == (
        "The article looks like French; the summary may be poor: only articles in English, Russian and Arabic "
        "are supported (Russian and Arabic ones are machine-translated into English first).",
    )


def test_the_language_notices_are_wordings_with_language_codes_a_window_can_say(tmp_path: Path) -> None:
    from models.inventory import catalog

    russian = read_article(write(tmp_path, "ru.txt", joined(RUSSIAN_PARAGRAPHS)))
    assert russian.notices[0].sentences == ((catalog.LANGUAGE_TRANSLATED_FIRST, {"language": "ru"}),)
    french = documents.article_from_text(
        "Le gouvernement a annoncé lundi une nouvelle réforme des retraites. Les syndicats ont appelé à la grève "
        "dans tout le pays, et les négociations reprendront la semaine prochaine à Paris."
    )
    assert french.notices[0].sentences == (
        (
            catalog.LANGUAGE_NOT_SUPPORTED,
            {
                "language_name": "French",
                "languages": list(catalog.article_languages()),
                "translated_languages": [code for code in catalog.article_languages() if code != "en"],
            },
        ),
    )
    assert set(catalog.LANGUAGE_NOTICE_TEMPLATES) <= set(documents.ARTICLE_NOTICE_TEMPLATES)


def test_detect_language_after_warm_up() -> None:
    documents.warm_up()
    documents.warm_up()  # idempotent
    assert documents.detect_language(joined(RUSSIAN_PARAGRAPHS)) == "ru"
    assert documents.detect_language(joined(ARABIC_PARAGRAPHS)) == "ar"
    assert documents.detect_language(joined(ENGLISH_PARAGRAPHS)) == "en"
    assert documents.detect_language("12345 67890 " * 20) is None
    assert documents.language_name("de") == "German" and documents.language_name("xx") == "xx"


def test_short_text_has_no_language_and_no_notice(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "short.txt", "Привет"))
    assert article.language is None
    assert article.notices == ()
    assert article.title == "Привет"


def test_whitespace_nul_and_bidi_controls_are_cleaned(tmp_path: Path) -> None:
    raw = (
        "  Title\u00a0here  \n\n\n\n"
        "First\u202e paragraph\x00 with\ttabs   and \u200fmarks\u2066.\n \t \n"
        "Second\u200e paragraph.\u2069\x0c\n"
    )
    article = read_article(write(tmp_path, "messy.txt", raw))
    assert article.text == "Title here\n\nFirst paragraph with tabs and marks.\n\nSecond paragraph."
    assert article.title == "Title here"


def test_hard_wrapped_prose_is_rejoined(tmp_path: Path) -> None:
    wrapped = (
        "Diplomats from both countries met in Geneva on Tuesday to resume\n"
        "negotiations over the ceasefire, officials said. The talks had been\n"
        "suspended for three months.\n"
        "\n"
        "A second paragraph follows here.\n"
    )
    article = read_article(write(tmp_path, "wrapped.txt", wrapped))
    assert article.paragraphs == (
        "Diplomats from both countries met in Geneva on Tuesday to resume negotiations over the "
        "ceasefire, officials said. The talks had been suspended for three months.",
        "A second paragraph follows here.",
    )


def test_long_first_paragraph_gives_its_first_sentence_as_title(tmp_path: Path) -> None:
    text = "Talks resumed in Geneva today. " + "The delegations spoke at length about many matters. " * 10
    article = read_article(write(tmp_path, "long.txt", text))
    assert article.title == "Talks resumed in Geneva today."


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "UPPER.TXT", joined(ENGLISH_PARAGRAPHS)))
    assert article.text == joined(ENGLISH_PARAGRAPHS)


# --------------------------------------------------------------------------- markdown


def test_markdown_markup_is_dropped(tmp_path: Path) -> None:
    source = (
        '---\ntitle: "Geneva talks: day one"\nauthor: Desk\n---\n\n'
        "# Talks resume in *Geneva*\n\n"
        'Diplomats **met** on _Tuesday_ to resume [negotiations](https://example.com/n "t").\n'
        "They spoke for hours.\n\n"
        "![A photo of the venue](venue.jpg)\n\n"
        "## Background\n\n"
        "- First point with `code`\n- Second point\n\n"
        "> A quoted remark.\n\n"
        "```python\nprint('hello')\n```\n\n"
        "| Side | Delegates |\n|---|---|\n| East | 4 |\n\n"
        '<div class="note"><p>Raw <b>HTML</b> note.</p><script>bad()</script></div>\n'
    )
    article = read_article(write(tmp_path, "story.md", source))
    assert article.title == "Geneva talks: day one"  # front matter wins over the heading
    assert article.paragraphs == (
        "Talks resume in Geneva",
        "Diplomats met on Tuesday to resume negotiations. They spoke for hours.",
        "Background",
        "First point with code",
        "Second point",
        "A quoted remark.",
        "print('hello')",
        "Side | Delegates",
        "East | 4",
        "Raw HTML note.",
    )
    for markup in ("*", "**", "[", "](", "#", "```", "venue.jpg", "photo", "bad()", "---", "author"):
        assert markup not in article.text


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "story.markdown", "# Talks *resume*\n\nBody text here.\n"))
    assert article.title == "Talks resume"
    assert article.text == "Talks resume\n\nBody text here."


def test_markdown_in_cp1251(tmp_path: Path) -> None:
    source = "# Переговоры\n\n" + joined(RUSSIAN_PARAGRAPHS)
    article = read_article(write(tmp_path, "ru.md", source, "cp1251"))
    assert article.encoding == "cp1251"
    assert article.title == "Переговоры"
    assert article.paragraphs[1:] == RUSSIAN_PARAGRAPHS


# --------------------------------------------------------------------------- html

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Talks resume in Geneva | World News</title>
<meta property="og:title" content="Talks resume in Geneva">
<script>var advert = "BUY NOW CHEAP FLIGHTS";</script>
<style>body {{ color: red }}</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<div class="advert">Advertisement: cheap flights to Paris</div>
<article><h1>Talks resume in Geneva</h1>
{body}
</article>
<footer><p>Copyright 2024 World News. All rights reserved. Privacy policy.</p></footer>
<script>trackUser();</script>
</body></html>"""


def page(paragraphs: tuple[str, ...], charset: str = "utf-8") -> str:
    import html

    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return ARTICLE_PAGE.format(charset=charset, body=body)


def test_html_article_without_nav_ads_scripts_footer(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "page.html", page(ENGLISH_PARAGRAPHS)))
    assert article.title == "Talks resume in Geneva"
    for paragraph in ENGLISH_PARAGRAPHS:
        assert paragraph in article.paragraphs
    for noise in ("Home", "Subscribe", "BUY NOW", "Advertisement", "Copyright", "trackUser", "color"):
        assert noise not in article.text
    assert article.language == "en"


def test_html_in_declared_cp1251(tmp_path: Path) -> None:
    path = write(tmp_path, "ru.htm", page(RUSSIAN_PARAGRAPHS, charset="windows-1251"), "cp1251")
    article = read_article(path)
    assert article.encoding == "cp1251"
    for paragraph in RUSSIAN_PARAGRAPHS:
        assert paragraph in article.paragraphs
    assert article.language == "ru"


def test_html_without_an_article_is_a_clear_error(tmp_path: Path) -> None:
    nav_only = (
        "<html><head><title>Home</title><script>x()</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/w'>World news</a></nav>"
        "<footer>Copyright 2024. All rights reserved.</footer></body></html>"
    )
    message = error_for(write(tmp_path, "nav.html", nav_only))
    assert "no article text" in message


def test_large_page_with_inline_scripts_is_slimmed_first(tmp_path: Path) -> None:
    script = "<script>" + "var tracker = 'x';" * 100_000 + "</script>"
    html = page(ENGLISH_PARAGRAPHS).replace("<body>", "<body>" + script)
    assert len(html) > documents._HTML_PRECHECK_CHARS
    article = read_article(write(tmp_path, "big.html", html))
    assert article.title == "Talks resume in Geneva"
    for paragraph in ENGLISH_PARAGRAPHS:
        assert paragraph in article.paragraphs
    assert "tracker" not in article.text


def test_page_far_over_the_text_limit_is_refused_before_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = tuple(f"Paragraph {n} says something different about the talks." for n in range(20_000))
    import trafilatura

    def not_called(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura ran on a page far over the limit")

    monkeypatch.setattr(trafilatura, "bare_extraction", not_called)
    assert "too long" in error_for(write(tmp_path, "huge.html", page(paragraphs)))


# --------------------------------------------------------------------------- docx


def test_docx_paragraphs_table_and_core_title(tmp_path: Path) -> None:
    data = make_docx(
        ENGLISH_PARAGRAPHS,
        title="Talks resume in Geneva",
        heading="Geneva",
        table=[["Side", "Delegates"], ["East", "4"]],
    )
    article = read_article(write(tmp_path, "report.docx", data))
    assert article.title == "Talks resume in Geneva"
    assert article.paragraphs == ("Geneva", *ENGLISH_PARAGRAPHS, "Side | Delegates", "East | 4")
    assert article.encoding is None


def test_docx_without_core_title_uses_its_heading(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "ru.docx", make_docx(RUSSIAN_PARAGRAPHS, heading="Переговоры в Женеве")))
    assert article.title == "Переговоры в Женеве"
    assert article.paragraphs[1:] == RUSSIAN_PARAGRAPHS
    assert article.language == "ru"


def test_corrupt_docx_is_a_clear_error(tmp_path: Path) -> None:
    data = make_docx(ENGLISH_PARAGRAPHS)
    assert "not a valid .docx" in error_for(write(tmp_path, "cut.docx", data[: len(data) // 2]))
    assert "not a valid .docx" in error_for(write(tmp_path, "text.docx", "just some text"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert "not a Word document" in error_for(write(tmp_path, "zip.docx", buffer.getvalue()))


def test_docx_zip_bomb_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_docx(ENGLISH_PARAGRAPHS)
    monkeypatch.setattr(documents, "MAX_UNPACKED_BYTES", 1000)
    assert "too large once unpacked" in error_for(write(tmp_path, "bomb.docx", data))
    monkeypatch.setattr(documents, "MAX_UNPACKED_BYTES", 10**9)
    monkeypatch.setattr(documents, "MAX_DOCX_BODY_BYTES", 100)
    assert "too large once unpacked" in error_for(write(tmp_path, "bomb.docx", data))


# --------------------------------------------------------------------------- pdf

PDF_LINES = [
    "Diplomats from both countries met in Geneva on Tuesday to resume the",
    "negotiations over the ceasefire, officials said on Wednesday morning.",
    "The talks (suspended for months) focused on humanitarian corridors.",
    "Café owners said “yes”.",
]


def test_pdf_text_layer_and_metadata_title(tmp_path: Path) -> None:
    path = write(tmp_path, "report.pdf", make_pdf([PDF_LINES, PDF_LINES[2:]], title="Talks resume in Geneva"))
    article = read_article(path)
    assert article.title == "Talks resume in Geneva"
    assert article.paragraphs == (
        " ".join(PDF_LINES),
        " ".join(PDF_LINES[2:]),
    )
    assert article.language == "en"


def test_pdf_without_metadata_title_uses_first_line(tmp_path: Path) -> None:
    lines = ["Geneva talks", "", *PDF_LINES]
    article = read_article(write(tmp_path, "untitled.pdf", make_pdf([lines], title="Microsoft Word - draft.docx")))
    assert article.title == "Geneva talks"


def test_pdf_without_text_layer_says_so(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, "scan.pdf", make_pdf([None, None])))
    assert "has no text layer (scanned?)" in message


def test_broken_pdf_is_a_clear_error(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"))
    assert "PDF" in message


def test_pdf_page_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_PDF_PAGES", 2)
    message = error_for(write(tmp_path, "long.pdf", make_pdf([PDF_LINES] * 3)))
    assert "3 pages" in message and "limit is 2" in message


def test_pdf_page_with_too_many_drawing_instructions_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_PDF_PAGE_CONTENT_BYTES", 2000)
    long_page = [f"Line {n} of a page that holds far too much." for n in range(100)]
    article = read_article(write(tmp_path, "mixed.pdf", make_pdf([PDF_LINES, long_page])))
    assert article.paragraphs == (" ".join(PDF_LINES),)
    assert article.notices == ("1 of 2 pages were too complex to read and were skipped.",)
    assert article.notices[0].sentences == ((documents.PDF_PAGES_TOO_COMPLEX, {"skipped": 1, "pages": 2}),)
    assert "too complex" in error_for(write(tmp_path, "only.pdf", make_pdf([long_page])))


def test_pdf_reading_stops_at_the_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(0, 1000, 15))  # every look at the clock: 15 s later
    monkeypatch.setattr(documents, "_clock", lambda: float(next(clock)))
    monkeypatch.setattr(documents, "PDF_TIME_BUDGET_S", 20.0)
    article = read_article(write(tmp_path, "slow.pdf", make_pdf([PDF_LINES, PDF_LINES[:2], PDF_LINES[2:]])))
    assert article.paragraphs == (" ".join(PDF_LINES),)
    assert article.notices == ("Only the first 1 of 3 pages were read: the PDF is slow to read.",)
    assert article.notices[0].sentences == ((documents.PDF_READ_CUT_SHORT, {"read": 1, "pages": 3}),)


def test_a_pdfs_notices_are_wordings_a_window_can_say_and_read_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from pypdf import PageObject

    real_extract = PageObject.extract_text
    calls: list[int] = []

    def second_page_broken(page: PageObject, *args: object, **kwargs: object) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise ValueError("broken content stream")
        return real_extract(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", second_page_broken)
    article = read_article(write(tmp_path, "flaky.pdf", make_pdf([PDF_LINES, PDF_LINES[:2], PDF_LINES[2:]])))
    [notice] = article.notices
    assert notice == "1 of 3 pages could not be read and were skipped."  # the CLI's "note:" line, as before
    assert notice.sentences == ((documents.PDF_PAGES_UNREADABLE, {"failed": 1, "pages": 3}),)
    assert notice.template in documents.ARTICLE_NOTICE_TEMPLATES
    # An article crosses the engine's pipe pickled: its notices keep their sentences.
    copy = pickle.loads(pickle.dumps(article))
    assert copy == article and copy.notices[0].sentences == notice.sentences


# --------------------------------------------------------------------------- limits and errors


def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    assert "is empty" in error_for(write(tmp_path, "empty.txt", b""))
    assert "no text" in error_for(write(tmp_path, "blank.txt", " \n\t\r\n \u00a0\u202e \n"))
    assert "no text" in error_for(write(tmp_path, "blank.md", "# \n\n![only](image.png)\n"))


def test_file_over_size_limit_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: no 20 MB written
        stream.truncate(MAX_FILE_BYTES + 1)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "open", no_reading)
    message = error_for(path)
    assert "too large" in message and "20 MB" in message


def test_text_over_length_limit(tmp_path: Path) -> None:
    words = ("word " * ((MAX_TEXT_CHARS // 5) + 10)).strip()
    message = error_for(write(tmp_path, "long.txt", words))
    assert "too long" in message and f"{MAX_TEXT_CHARS:,}" in message
    fits = "Word after word. " * ((MAX_TEXT_CHARS // 17) - 10)  # prose: sentences end
    assert len(read_article(write(tmp_path, "fits.txt", fits)).text) <= MAX_TEXT_CHARS


def test_unsupported_missing_folder_and_special_files(tmp_path: Path) -> None:
    assert "unsupported file type '.exe'" in error_for(write(tmp_path, "tool.exe", "MZ"))
    assert "unsupported file type (no extension)" in error_for(write(tmp_path, "README", "text"))
    assert "file not found" in error_for(tmp_path / "missing.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "is a folder" in error_for(folder)
    if hasattr(os, "mkfifo"):  # reading a FIFO would block forever
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        assert "not a regular file" in error_for(fifo)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "secret")
    path.chmod(0)
    try:
        assert "permission denied" in error_for(path)
    finally:
        path.chmod(0o600)


def test_binary_data_with_a_text_extension(tmp_path: Path) -> None:
    png_like = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    assert "binary data" in error_for(write(tmp_path, "image.txt", png_like))
    mostly_nul = b"\x00" * 5000 + b"hello" + b"\x00\x01\x02" * 100
    assert "binary data" in error_for(write(tmp_path, "nul.md", mostly_nul))
    assert "binary data" in error_for(write(tmp_path, "nul.html", mostly_nul))


def test_a_few_nul_bytes_are_stripped(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "nul.txt", "Hello\x00 world.\x00\n\nSecond\x00 line."))
    assert article.text == "Hello world.\n\nSecond line."


def test_bad_argument_types_raise_document_error() -> None:
    with pytest.raises(DocumentError):
        read_article(42)  # type: ignore[arg-type]


def test_unexpected_failures_are_wrapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(path: Path, data: bytes) -> None:
        raise RuntimeError("parser bug\nwith two lines")

    monkeypatch.setitem(documents._READERS, ".txt", explode)
    message = error_for(write(tmp_path, "any.txt", "text"))
    assert "RuntimeError: parser bug with two lines" in message


# --------------------------------------------------------------------------- hostile text


def make_pdf_with_tounicode(lines: list[str], mapping: dict[bytes, str]) -> bytes:
    """A one-page PDF drawn with Helvetica whose ToUnicode map sends each byte of ``mapping``
    to the UTF-16 code units given in hex: ``{b"a": "D800"}`` makes every "a" a lone surrogate."""
    pairs = "\n".join(f"<{code.hex().upper()}> <{target}>" for code, target in mapping.items())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test def 1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")
    content = b"BT /F1 11 Tf 14 TL 72 720 Td " + b" T* ".join(b"(" + line.encode("latin-1") + b") Tj" for line in lines) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


SURROGATE_PDF_LINES = ["Russia and the US held talks about Syria on Friday.", "Both sides want calm, officials said."]


def test_pdf_whose_tounicode_map_yields_lone_surrogates(tmp_path: Path) -> None:
    path = write(tmp_path, "surrogates.pdf", make_pdf_with_tounicode(SURROGATE_PDF_LINES, {b"a": "D800"}))
    article = read_article(path)
    assert "Russi\ufffd \ufffdnd the US" in article.text
    article.text.encode("utf-8")  # valid Unicode: every encoder (and tokenizer) takes it
    article.title.encode("utf-8")


def test_every_reader_output_is_made_valid_unicode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.documents.read import _Extracted

    def reader(path: Path, data: bytes) -> _Extracted:
        return _Extracted(paragraphs=["Lone \udc80 surrogate in a paragraph."], title="Title \ud800")

    for extension in SUPPORTED_EXTENSIONS:
        monkeypatch.setitem(documents._READERS, extension, reader)
        article = read_article(write(tmp_path, f"any{extension}", "x"))
        assert article.text == "Lone \ufffd surrogate in a paragraph." and article.title == "Title \ufffd"
    # A file name with a byte that is not UTF-8 (kept by Python as a surrogate).
    name = os.fsdecode(b"caf\xe9.txt")
    monkeypatch.undo()
    article = read_article(write(tmp_path, name, "Short text, no title line at all, and no full stop"))
    article.source_path.encode("utf-8")  # type: ignore[union-attr]
    article.title.encode("utf-8")


def test_text_that_is_not_prose_is_refused_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    message = error_for(write(tmp_path, "one-word.txt", "a" * 200_000))
    assert "does not look like prose: its longest word has 200,000 characters" in message
    message = error_for(write(tmp_path, "one-line.txt", " ".join(["word"] * 30_000)))
    assert "does not look like prose" in message and "149,999 characters without ending a sentence" in message
    assert time.monotonic() - started < 5
    # Prose with one long URL, and text written without spaces, still read.
    url = "https://example.com/" + "x" * 2_000
    prose = SEED.read_text(encoding="utf-8") + f"\n\nThe report is at {url} for anyone to read.\n"
    assert url in read_article(write(tmp_path, "url.txt", prose)).text
    chinese = "俄罗斯驻美国大使表示，两国在叙利亚的军事合作是有效的。" * 100
    assert read_article(write(tmp_path, "zh.txt", chinese)).text == chinese


def test_a_web_page_named_pdf_is_one_clear_error(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>"
    message = error_for(write(tmp_path, "page.pdf", page))
    assert "is a web page, not a PDF" in message


def test_the_module_imports_no_qt_and_no_parsers() -> None:
    import subprocess

    heavy = (
        "PySide6",
        "trafilatura",
        "pypdf",
        "docx",
        "py3langid",
        "lxml",
        "charset_normalizer",
        "markdown_it",
        "torch",
    )
    code = (
        "import sys, models.documents.read, models.documents.export, models.documents.history; "
        f"bad = [m for m in {heavy!r} if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=SEED.parents[1])
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- fuzzing

# Reproducible by default; FUZZ_EXAMPLES=5000 FUZZ_RANDOM=1 explores further (a local soak).
FUZZ_SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=not os.environ.get("FUZZ_RANDOM"),
    database=None,
)


@pytest.fixture(scope="module", autouse=True)
def warm_parsers(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Import the parsers and load the language model once, so deadlines measure reading only."""
    folder = tmp_path_factory.mktemp("warm")
    read_article(write(folder, "a.html", page(ENGLISH_PARAGRAPHS)))
    read_article(write(folder, "a.pdf", make_pdf([PDF_LINES])))
    read_article(write(folder, "a.docx", make_docx(ENGLISH_PARAGRAPHS)))
    read_article(write(folder, "a.md", "# T\n\nBody."))


def read_or_error(name: str, data: bytes) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = read_article(path)
        except DocumentError as error:
            assert "\n" not in str(error)
        else:
            assert isinstance(result, Article)
            assert result.text.strip() and len(result.text) <= MAX_TEXT_CHARS


@pytest.mark.parametrize("extension", SUPPORTED_EXTENSIONS)
@FUZZ_SETTINGS
@given(data=st.binary(max_size=4096))
def test_fuzz_random_bytes(extension: str, data: bytes) -> None:
    read_or_error(f"fuzz{extension}", data)


@FUZZ_SETTINGS
@given(text=st.text(max_size=2000))
def test_fuzz_random_text_in_markdown_and_html(text: str) -> None:
    read_or_error("fuzz.md", text.encode("utf-8", "surrogatepass"))
    read_or_error("fuzz.html", text.encode("utf-8", "surrogatepass"))
    read_or_error("fuzz.txt", text.encode("utf-8", "surrogatepass"))


DOCX_BLOB = make_docx(ENGLISH_PARAGRAPHS, title="T", table=[["a", "b"]])
PDF_BLOB = make_pdf([PDF_LINES, None, PDF_LINES], title="T")


@pytest.mark.parametrize(("name", "blob"), [("cut.docx", DOCX_BLOB), ("cut.pdf", PDF_BLOB)])
@FUZZ_SETTINGS
@given(data=st.data())
def test_fuzz_truncated_and_damaged_containers(name: str, blob: bytes, data: st.DataObject) -> None:
    cut = data.draw(st.one_of(st.just(len(blob)), st.integers(min_value=0, max_value=len(blob))), label="cut")
    damaged = bytearray(blob[:cut])
    flips = data.draw(st.lists(st.tuples(st.integers(0, max(0, cut - 1)), st.integers(0, 255)), max_size=8))
    for position, value in flips:
        if damaged:
            damaged[position] = value
    read_or_error(name, bytes(damaged))


def docx_with_body(body: bytes) -> bytes:
    """DOCX_BLOB with its word/document.xml replaced (a valid zip around a hostile part)."""
    source = zipfile.ZipFile(io.BytesIO(DOCX_BLOB))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = body if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, part)
    return buffer.getvalue()


@FUZZ_SETTINGS
@given(data=st.data())
def test_fuzz_docx_with_damaged_document_xml(data: st.DataObject) -> None:
    xml = zipfile.ZipFile(io.BytesIO(DOCX_BLOB)).read("word/document.xml")
    cut = data.draw(st.integers(0, len(xml)), label="cut")
    insert = data.draw(st.binary(max_size=64), label="insert")
    read_or_error("xml.docx", docx_with_body(xml[:cut] + insert + xml[cut + len(insert) :]))


@FUZZ_SETTINGS
@given(data=st.data())
def test_fuzz_pdf_with_damaged_content_stream(data: st.DataObject) -> None:
    start = PDF_BLOB.index(b"BT ")
    end = PDF_BLOB.index(b" ET", start)
    position = data.draw(st.integers(start, end), label="position")
    insert = data.draw(st.binary(min_size=1, max_size=32) | st.sampled_from([b"(", b")", b"[", b"<<", b"\\", b"Tj"]))
    read_or_error("stream.pdf", PDF_BLOB[:position] + insert + PDF_BLOB[position:])


# -- reasons a window can say in its language ---------------------------------------------------
def test_a_reading_errors_reason_keeps_its_sentences_and_reads_the_same_english(tmp_path: Path) -> None:
    from models.common.wording import Wording
    from models.documents.fetch import FETCH_REASON_TEMPLATES

    cases = {
        write(tmp_path, "empty.txt", b""): ("is empty", {}),
        write(tmp_path, "notes.xyz", "Some text."): (
            "unsupported file type '.xyz'; supported: .txt, .md, .markdown, .html, .htm, .docx, .pdf",
            {"extension": ".xyz", "supported": ", ".join(SUPPORTED_EXTENSIONS)},
        ),
        write(tmp_path, "long.txt", "word " * 50_000): (
            "is too long (249,999 characters of text; the limit is 200,000)", {"length": "249,999", "limit": "200,000"},
        ),
    }
    for path, (english, values) in cases.items():
        with pytest.raises(DocumentError) as caught:
            read_article(path)
        error = caught.value
        assert str(error) == f"{path.name}: {english}"
        assert isinstance(error.reason, Wording) and error.reason == english
        [(template, kept)] = error.reason.sentences
        assert template in documents.READ_REASON_TEMPLATES + FETCH_REASON_TEMPLATES and kept == values


def test_a_reasons_values_are_kept_on_one_line_as_the_plain_text_was() -> None:
    from models.common.wording import Wording

    error = DocumentError("report.pdf", Wording(documents.NOT_A_VALID_PDF, error="PdfReadError: bad\n   xref\ttable"))
    assert error.reason == "is not a valid PDF (corrupt?) (PdfReadError: bad xref table)"
    assert error.reason.sentences == ((documents.NOT_A_VALID_PDF, {"error": "PdfReadError: bad xref table"}),)
    assert str(DocumentError("a.txt", "two\n  lines")) == "a.txt: two lines"  # plain text still works


def test_a_folders_notes_keep_their_sentences(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("a.png", "b.png"):
        (folder / name).write_bytes(b"\x89PNG")
    paths, notes = documents.expand_article_paths([folder])
    assert paths == []
    assert notes == [
        "2 files in 'papers' are not articles and were skipped",
        "'papers' holds no articles (.txt, .md, .markdown, .html, .htm, .docx, .pdf, .url, .webloc)",
    ]
    assert [note.sentences[0][0] for note in notes] == [documents.FOLDER_SKIPPED, documents.FOLDER_HOLDS_NO_ARTICLES]
    assert all(note.template in documents.FOLDER_NOTE_TEMPLATES for note in notes)
