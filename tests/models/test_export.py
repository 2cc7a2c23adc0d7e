"""models.documents.export: every format written and read back, overwrite refusal, atomic writes under SIGKILL."""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from models.documents import export
from models.documents.export import (
    EXPORT_DIALOG_FILTER,
    EXPORT_FORMATS,
    ExportError,
    ExportExistsError,
    atomic_write_bytes,
    format_for_path,
    render_digest,
    write_digest,
)
from models.common.types import Article, Digest, DigestError, ModelCredit

SUMMARY = "Diplomats met in Geneva to resume talks.\n\nA second meeting is planned for <Friday> & beyond."
RU_SUMMARY = "Дипломаты встретились в Женеве, чтобы возобновить переговоры."
AR_SUMMARY = "التقى الدبلوماسيون في جنيف لاستئناف المحادثات."
AR_ARTICLE = "الفقرة الأولى من المقال.\n\nالفقرة الثانية من المقال."
RU_ARTICLE = "Первый абзац статьи.\n\nВторой абзац статьи."
CREATED = "2024-05-01T12:30:00+02:00"


def make_digest(*, article_translations: bool = True) -> Digest:
    article = Article(
        title="Talks <resume> in Geneva & *elsewhere*",
        text="Original text.\n\nSecond paragraph.",
        source_path="/home/user/news/geneva.txt",
        language="en",
    )
    return Digest(
        article=article,
        summary=SUMMARY,
        summary_translations={"ar": AR_SUMMARY, "ru": RU_SUMMARY},
        article_translations={"ru": RU_ARTICLE, "ar": AR_ARTICLE} if article_translations else {},
        models=(
            ModelCredit("summary", "sshleifer/distilbart-cnn-12-6", "Apache-2.0"),
            ModelCredit("translation-ru", "Helsinki-NLP/opus-mt-en-ru", "CC-BY-4.0"),
            ModelCredit("translation-ar", "Helsinki-NLP/opus-mt-en-ar", "CC-BY-4.0"),
        ),
        seconds=12.34,
        created=CREATED,
    )


def test_formats_and_dialog_filter() -> None:
    assert list(EXPORT_FORMATS) == ["txt", "md", "html", "json", "docx"]
    for fmt, (extension, label) in EXPORT_FORMATS.items():
        assert extension == f".{fmt}" and label
        assert f"(*{extension})" in EXPORT_DIALOG_FILTER
        assert format_for_path(f"/x/digest{extension.upper()}") == fmt
    assert format_for_path("a.htm") == "html" and format_for_path("a.markdown") == "md"


def test_unknown_format_or_extension_is_a_clear_error() -> None:
    with pytest.raises(ExportError, match=r"digest\.pdf.*'\.pdf'.*\.txt"):
        format_for_path("digest.pdf")
    with pytest.raises(ExportError, match="no extension"):
        format_for_path("digest")
    with pytest.raises(ExportError, match="unknown export format 'rtf'"):
        render_digest(make_digest(), "rtf")
    assert issubclass(ExportError, DigestError)


def assert_common_content(text: str, digest: Digest) -> None:
    """What every export holds: title pieces, source, date, models, all texts, language names."""
    for expected in (
        "/home/user/news/geneva.txt",
        "2024-05-01 12:30+02:00",
        "sshleifer/distilbart-cnn-12-6",
        "Helsinki-NLP/opus-mt-en-ar",
        "CC-BY-4.0",
        "Diplomats met in Geneva to resume talks.",
        RU_SUMMARY,
        AR_SUMMARY,
        "Первый абзац статьи.",
        "Второй абзац статьи.",
        "الفقرة الثانية من المقال.",
        "Russian (Русский)",
        "Arabic (العربية)",
        "Summary (English)",
    ):
        assert expected in text, expected
    # Russian comes before Arabic (LANGUAGE_NAMES order), summaries before the article translations.
    assert text.index(RU_SUMMARY) < text.index(AR_SUMMARY) < text.index("Первый абзац") < text.index("الفقرة الأولى")


def test_txt_export(tmp_path: Path) -> None:
    digest = make_digest()
    path = write_digest(digest, tmp_path / "digest.txt")
    text = path.read_text(encoding="utf-8")
    assert_common_content(text, digest)
    assert text.startswith("Talks <resume> in Geneva & *elsewhere*\n====")
    assert "A second meeting is planned for <Friday> & beyond." in text


def test_md_export_escapes_markup_and_marks_rtl(tmp_path: Path) -> None:
    digest = make_digest()
    text = write_digest(digest, tmp_path / "digest.md").read_text(encoding="utf-8")
    assert_common_content(text, digest)
    assert text.startswith("# Talks \\<resume\\> in Geneva & \\*elsewhere\\*\n")
    assert "\\<Friday\\>" in text
    assert f'<div dir="rtl" lang="ar">\n\n{AR_SUMMARY}\n\n</div>' in text

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(text)
    assert "<h1>Talks &lt;resume&gt; in Geneva &amp; *elsewhere*</h1>" in rendered
    assert f"<p>{AR_SUMMARY}</p>" in rendered  # still Markdown inside the RTL block


class SectionCollector(HTMLParser):
    """Collects each element's attributes with the text inside it, for the HTML export test."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[list[tuple[str, dict[str, str | None]]], str]] = []
        self.meta_charset: str | None = None
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta" and "charset" in attributes:
            self.meta_charset = attributes["charset"]
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag not in ("meta", "br", "link"):
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((list(self.stack), data.strip()))

    def ancestors_of(self, text: str) -> list[tuple[str, dict[str, str | None]]]:
        for stack, data in self.texts:
            if data == text:
                return stack
        raise AssertionError(f"{text!r} not found in the page")


def test_html_export_is_escaped_with_lang_and_rtl(tmp_path: Path) -> None:
    digest = make_digest()
    raw = write_digest(digest, tmp_path / "digest.html").read_text(encoding="utf-8")
    assert_common_content(raw.replace("&lt;", "<").replace("&amp;", "&"), digest)
    assert "<resume>" not in raw and "<Friday>" not in raw  # escaped, not markup
    page = SectionCollector()
    page.feed(raw)
    assert page.meta_charset == "utf-8" and page.html_lang == "en"
    title_holders = [stack[-1][0] for stack, data in page.texts if data == "Talks <resume> in Geneva & *elsewhere*"]
    assert title_holders == ["title", "h1"]

    def section_of(text: str) -> dict[str, str | None]:
        sections = [attrs for tag, attrs in page.ancestors_of(text) if tag == "section"]
        assert sections, text
        return sections[-1]

    for arabic in (AR_SUMMARY, "الفقرة الأولى من المقال.", "الفقرة الثانية من المقال."):
        assert section_of(arabic) == {"class": "digest-part", "lang": "ar", "dir": "rtl"}
    assert section_of(RU_SUMMARY) == {"class": "digest-part", "lang": "ru"}
    assert section_of("Diplomats met in Geneva to resume talks.") == {"class": "digest-part", "lang": "en"}


def test_json_export_is_the_digest_dict(tmp_path: Path) -> None:
    digest = make_digest()
    raw = write_digest(digest, tmp_path / "digest.json").read_bytes()
    assert AR_SUMMARY.encode("utf-8") in raw  # not \\u-escaped
    data = json.loads(raw.decode("utf-8"))
    assert data == digest.to_json_dict()
    assert Digest.from_json_dict(data).to_json_dict() == digest.to_json_dict()


def test_docx_export_reopens_with_rtl_arabic(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    digest = make_digest()
    document = docx.Document(str(write_digest(digest, tmp_path / "digest.docx")))
    assert document.core_properties.title == digest.article.title
    paragraphs = {paragraph.text: paragraph for paragraph in document.paragraphs}
    assert_common_content("\n".join(paragraphs), digest)
    for text in (AR_SUMMARY, "الفقرة الأولى من المقال."):
        properties = paragraphs[text]._p.pPr
        assert properties is not None and properties.find(qn("w:bidi")) is not None
        assert all(run._r.rPr.find(qn("w:rtl")) is not None for run in paragraphs[text].runs)
    ltr = paragraphs[RU_SUMMARY]._p.pPr
    assert ltr is None or ltr.find(qn("w:bidi")) is None
    assert paragraphs["Summary in Arabic (العربية)"].style.name == "Heading 1"


def test_export_without_article_translations_or_models(tmp_path: Path) -> None:
    digest = Digest(article=Article(title="Short", text="x"), summary="Only a summary.", created=CREATED)
    for fmt in EXPORT_FORMATS:
        path = write_digest(digest, tmp_path / f"plain.{fmt}")
        assert path.stat().st_size > 0
    text = (tmp_path / "plain.txt").read_text(encoding="utf-8")
    assert "Only a summary." in text and "Article in" not in text and "Models" not in text
    assert "(not from a file)" in text


def test_explicit_format_overrides_the_extension(tmp_path: Path) -> None:
    path = write_digest(make_digest(), tmp_path / "digest.data", "json")
    assert json.loads(path.read_text(encoding="utf-8"))["summary"] == SUMMARY


def test_overwrite_is_refused_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "digest.txt"
    path.write_text("precious", encoding="utf-8")
    with pytest.raises(ExportExistsError, match="digest.txt already exists") as caught:
        write_digest(make_digest(), path)
    assert isinstance(caught.value, FileExistsError) and isinstance(caught.value, DigestError)
    assert path.read_text(encoding="utf-8") == "precious"
    write_digest(make_digest(), path, overwrite=True)
    assert RU_SUMMARY in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.txt"]  # no temporary left


def test_unwritable_destination_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write .*missing"):
        write_digest(make_digest(), tmp_path / "missing" / "digest.txt")


# --------------------------------------------------------------------------- atomic writes


def test_atomic_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "file.bin"
    atomic_write_bytes(path, b"one")
    assert path.read_bytes() == b"one"
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
        path.chmod(0o640)
    atomic_write_bytes(path, b"two")
    assert path.read_bytes() == b"two"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    with pytest.raises(FileExistsError):
        atomic_write_bytes(path, b"three", overwrite=False)
    assert path.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_atomic_write_removes_its_temporary_on_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(b"old")

    def failing_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(path, b"new" * 1000)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_atomic_write_without_overwrite_when_hard_links_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(export.os, "link", no_links)
    path = tmp_path / "file.bin"
    atomic_write_bytes(path, b"first", overwrite=False)
    with pytest.raises(FileExistsError):
        atomic_write_bytes(path, b"second", overwrite=False)
    assert path.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


WRITER = Path(__file__).with_name("_writer_child.py")


def test_killed_writer_leaves_old_or_new_content_whole(tmp_path: Path) -> None:
    """SIGKILL a process rewriting a file in a loop, at random moments: never a torn file."""
    size = 4 * 1024 * 1024
    old, first, second = b"old content", b"A" * size, b"B" * size
    target = tmp_path / "target.bin"
    target.write_bytes(old)
    rng = random.Random(20240501)
    outcomes: dict[str, int] = {"old": 0, "A": 0, "B": 0}
    killed_mid_write = 0
    for round_number in range(30):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(target), str(size)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            if round_number % 3:  # two rounds in three: let it get going first
                assert child.stdout is not None
                child.stdout.readline()
            time.sleep(rng.uniform(0, 0.05))
        finally:
            child.kill()
            child.wait(timeout=30)
        content = target.read_bytes()
        assert content in (old, first, second), f"round {round_number}: torn file of {len(content)} bytes"
        outcomes["old" if content == old else chr(content[0])] += 1
        leftovers = [p for p in tmp_path.iterdir() if p.name != "target.bin"]
        killed_mid_write += bool(leftovers)
        for leftover in leftovers:  # what a killed writer leaves: its temporary, never the target
            assert leftover.name.startswith(".target.bin.") and leftover.name.endswith(".tmp")
            leftover.unlink()
    # The test means something only if kills landed mid-write and writes did complete.
    assert killed_mid_write > 0
    assert outcomes["A"] + outcomes["B"] > 0, outcomes
    print(f"outcomes {outcomes}, killed mid-write {killed_mid_write} of 30")


def flagged_digest() -> Digest:
    """The sample digest with a flag on its Arabic summary and on the second Russian article paragraph."""
    from dataclasses import replace

    from models.common.types import Alignment, SentenceFlag, SentenceLink

    arabic_flag = SentenceFlag((0, len(AR_SUMMARY)), "numbers", "The number 12,000 in the source is missing here.")
    second = RU_ARTICLE.index("Второй")
    russian_flags = (
        SentenceFlag((second, len(RU_ARTICLE)), "untranslated", "This looks untranslated."),
        SentenceFlag((second, len(RU_ARTICLE)), "repetition", "A phrase repeats."),
    )
    return replace(
        make_digest(),
        alignments={
            "summary:ar": Alignment("summary", (SentenceLink((0, len(AR_SUMMARY)), ((0, 40),)),), (arabic_flag,)),
            "article:ru": Alignment("article", (), russian_flags),
        },
    )


def test_flags_are_listed_under_the_digest_in_text_and_markdown() -> None:
    digest = flagged_digest()
    text = render_digest(digest, "txt").decode("utf-8")
    listed = text.split("Sentences to check (2)\n" + "-" * 22 + "\n\n", 1)[1]
    assert listed == (
        f"[Summary in Arabic (العربية)] {AR_SUMMARY}\n"
        "  - Numbers: The number 12,000 in the source is missing here.\n\n"
        "[Article in Russian (Русский)] Второй абзац статьи.\n"
        "  - Untranslated: This looks untranslated.\n"
        "  - Repetition: A phrase repeats.\n"
    )
    markdown = render_digest(digest, "md").decode("utf-8")
    assert "## Sentences to check (2)" in markdown
    assert f'<span dir="rtl" lang="ar">{AR_SUMMARY}</span>' in markdown
    assert "Sentences to check" not in render_digest(make_digest(), "txt").decode("utf-8")


def test_html_marks_each_flagged_sentence_with_its_reasons() -> None:
    page = render_digest(flagged_digest(), "html").decode("utf-8")
    assert page.count('<mark class="flag"') == 2
    assert f'<mark class="flag" title="Numbers: The number 12,000 in the source is missing here.">{AR_SUMMARY}</mark>' in page
    assert (
        '<p>Первый абзац статьи.</p>\n<p><mark class="flag" title="Untranslated: This looks untranslated.&#10;'
        'Repetition: A phrase repeats.">Второй абзац статьи.</mark></p>'
    ) in page
    assert "<p>Diplomats met in Geneva to resume talks.</p>" in page  # unflagged text as before


def revised_digest() -> Digest:
    """The sample digest with its Arabic summary edited by hand and the second Russian sentence
    chosen among the alternatives (the machine's texts kept beside them), and a flag on the edit."""
    from dataclasses import replace

    from models.common.types import Alignment, SentenceFlag, SentenceLink, SentenceRevision, TextRevision

    ru_first = RU_SUMMARY.split(",")[0] + "."
    ru = f"{ru_first} Переговоры продолжатся."
    second = (len(ru_first) + 1, len(ru))
    arabic = (0, len(AR_SUMMARY))
    flag = SentenceFlag(arabic, "numbers", "The number 12,000 in the source is missing here.")
    return replace(
        make_digest(),
        summary_translations={"ar": AR_SUMMARY, "ru": ru},
        alignments={
            "summary:ar": Alignment("summary", (SentenceLink(arabic, ((0, 40),)),), (flag,)),
            "summary:ru": Alignment("summary", (SentenceLink((0, len(ru_first)), ((0, 40),)), SentenceLink(second, ((41, 80),)))),
        },
        revisions={
            "summary:ar": TextRevision("التقى الدبلوماسيون.", (SentenceRevision(arabic, "edited", "التقى الدبلوماسيون."),)),
            "summary:ru": TextRevision(
                f"{ru_first} Переговоры возобновятся.",
                (SentenceRevision((0, len(ru_first)), "machine", ru_first), SentenceRevision(second, "alternative", "Переговоры возобновятся.")),
            ),
        },
    )


def test_html_marks_edited_and_chosen_sentences_with_what_the_model_wrote() -> None:
    page = render_digest(revised_digest(), "html").decode("utf-8")
    assert (
        '<span class="edited" data-origin="edited" title="Edited by hand; the model wrote: التقى الدبلوماسيون.">'
        f'<mark class="flag" title="Numbers: The number 12,000 in the source is missing here.">{AR_SUMMARY}</mark></span>'
    ) in page
    assert (
        '<span class="edited" data-origin="alternative" title="Chosen among the model&#x27;s alternative translations; '
        'the model wrote: Переговоры возобновятся.">Переговоры продолжатся.</span>'
    ) in page
    assert page.count('class="edited"') == 2
    assert "<dt>Revised</dt><dd>1 sentence edited by hand, 1 chosen among the model&#x27;s alternatives</dd>" in page


def test_text_and_markdown_export_the_published_text(tmp_path: Path) -> None:
    digest = revised_digest()
    for fmt in ("txt", "md"):
        text = render_digest(digest, fmt).decode("utf-8")
        assert "Переговоры продолжатся." in text and "возобновятся" not in text
        assert "1 sentence edited by hand, 1 chosen among the model's alternatives" in text.replace("\\", "")


def test_docx_underlines_edited_sentences_with_a_comment(tmp_path: Path) -> None:
    import docx

    path = write_digest(revised_digest(), tmp_path / "revised.docx")
    document = docx.Document(str(path))
    marked = [(run.text, run.font.underline) for paragraph in document.paragraphs for run in paragraph.runs if run.font.underline]
    assert [text for text, _ in marked] == ["Переговоры продолжатся.", AR_SUMMARY]
    assert [comment.text for comment in document.comments] == [
        "Chosen among the model's alternative translations; the model wrote: Переговоры возобновятся.",
        "Edited by hand; the model wrote: التقى الدبلوماسيون.",
    ]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert f"{RU_SUMMARY.split(',')[0]}. Переговоры продолжатся." in texts and AR_SUMMARY in texts


def test_json_keeps_the_machine_and_the_published_text_of_each_sentence() -> None:
    data = json.loads(render_digest(revised_digest(), "json"))
    ar = data["revisions"]["summary:ar"]
    assert ar["machine_text"] == "التقى الدبلوماسيون."
    assert ar["sentences"] == [
        {"target": [0, len(AR_SUMMARY)], "origin": "edited", "text": AR_SUMMARY, "machine": "التقى الدبلوماسيون."}
    ]
    assert [item["origin"] for item in data["revisions"]["summary:ru"]["sentences"]] == ["machine", "alternative"]
    assert Digest.from_json_dict(data).revisions == revised_digest().revisions
