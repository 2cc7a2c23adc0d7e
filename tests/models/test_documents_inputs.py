"""The other ways an article comes in besides one file: text pasted or dropped
(:func:`article_from_text`), and the files and folders a user drops or names
(:func:`expand_article_paths`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.documents.read import (
    MAX_TEXT_CHARS,
    DocumentError,
    article_from_text,
    expand_article_paths,
    read_article,
)
from tests.models._document_samples import ENGLISH_PARAGRAPHS, RUSSIAN_PARAGRAPHS

PASTED = "Talks resume in Geneva\n\n" + "\n\n".join(ENGLISH_PARAGRAPHS) + "\n"


# --------------------------------------------------------------------------- pasted text


def test_pasted_text_reads_as_the_same_text_saved_to_a_file(tmp_path: Path) -> None:
    saved = tmp_path / "talks.txt"
    saved.write_text(PASTED, encoding="utf-8")
    pasted = article_from_text(PASTED)
    from_file = read_article(saved)
    assert pasted.title == "Talks resume in Geneva" == from_file.title
    assert pasted.text == from_file.text
    assert pasted.paragraphs == ("Talks resume in Geneva", *ENGLISH_PARAGRAPHS)
    assert pasted.source_path is None and pasted.language == "en"
    assert article_from_text(PASTED, source="https://example.com/talks").source_path == "https://example.com/talks"


def test_pasted_text_is_cleaned_like_a_file() -> None:
    messy = "\ufeff  Talks\u00a0resume \u202ein Geneva \r\n" + "Cafe\u0301 owners\x00 said the talks\x07 went well.\u2028" + ENGLISH_PARAGRAPHS[0]
    article = article_from_text(messy)
    assert article.title == "Talks resume in Geneva"
    assert "Café owners said the talks went well." in article.text  # NFC, controls and NUL gone
    assert not any(char in article.text for char in "\ufeff\u202e\x00\x07\r")
    lone = article_from_text("Lone \ud800 surrogate in a title\n\n" + ENGLISH_PARAGRAPHS[0])
    assert lone.title == "Lone \ufffd surrogate in a title"
    lone.text.encode("utf-8")  # valid Unicode: the tokenizers take it


def test_the_title_is_the_first_line_or_its_first_sentence() -> None:
    long_first_line = " ".join(ENGLISH_PARAGRAPHS)  # a whole paragraph, no title line
    article = article_from_text(long_first_line + "\n\n" + RUSSIAN_PARAGRAPHS[0])
    assert article.title == ENGLISH_PARAGRAPHS[0]
    assert article_from_text("\n\n   \nFirst real line\nThe rest of the article follows here.").title == "First real line"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "has no text"),
        (" \n\t\u3000\n ", "has no text"),
        ("\x00\x01\x02\x03\x04 binary \x05\x06\x07\x08" * 200, "looks like binary data"),
        ("a" * 200_000, "does not look like prose"),
        (" ".join(["word"] * 40_000), "does not look like prose"),
        ("A sentence of ten words or so, to make it long. " * (MAX_TEXT_CHARS // 40), "is too long"),
    ],
    ids=["empty", "whitespace", "binary", "one-word", "no-sentence-ends", "too-long"],
)
def test_pasted_text_is_refused_as_a_file_would_be(text: str, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        article_from_text(text)
    message = str(caught.value)
    assert message.startswith("Pasted text: ") and reason in message and "\n" not in message
    with pytest.raises(DocumentError, match=f"^dropped.txt: {reason}"):
        article_from_text(text, source="dropped.txt")


def test_something_that_is_not_text_is_refused() -> None:
    with pytest.raises(DocumentError, match="^Pasted text: is not text"):
        article_from_text(b"bytes" * 10)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- folders


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text.", encoding="utf-8")


def test_a_folder_gives_its_articles_in_name_order_with_a_note_on_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    make_tree(
        folder,
        [
            "b.md", "A.TXT", "c.PDF", "d.html", "e.htm", "f.docx", "g.markdown", "link.url", "page.webloc",
            "photo.jpg", "notes.csv", "Makefile",  # not articles
            ".hidden.txt", ".git/config.txt",  # hidden: skipped without a word
            "2024/01/old.txt", "2024/new.txt", "z-last.txt",
        ],
    )  # fmt: skip
    os.symlink(folder, folder / "loop")  # a link back up is not followed
    articles, notes = expand_article_paths([folder])
    assert [path.relative_to(folder).as_posix() for path in articles] == [
        "2024/01/old.txt", "2024/new.txt", "A.TXT", "b.md", "c.PDF", "d.html", "e.htm", "f.docx", "g.markdown",
        "link.url", "page.webloc", "z-last.txt",
    ]  # fmt: skip
    assert all(path.is_relative_to(folder) for path in articles)  # as given, not resolved
    assert notes == ["3 files in 'news' are not articles and were skipped"]


def test_files_stay_as_given_and_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    make_tree(folder, ["one.txt", "two.txt"])
    given = [tmp_path / "missing.txt", tmp_path / "tool.exe", folder, str(folder / "one.txt")]
    articles, notes = expand_article_paths(given)
    # Files are kept whatever they are (reading them says what is wrong); a file a folder
    # gives again is listed once, where it first came.
    assert articles == [tmp_path / "missing.txt", tmp_path / "tool.exe", folder / "one.txt", folder / "two.txt", folder / "one.txt"]
    assert notes == []


def test_past_the_limit_the_rest_are_left_out_with_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    make_tree(folder, [f"{number:03}.txt" for number in range(12)])
    articles, notes = expand_article_paths([folder], limit=5)
    assert [path.name for path in articles] == ["000.txt", "001.txt", "002.txt", "003.txt", "004.txt"]
    assert notes == ["only the first 5 of 12 articles are taken (the limit is 5); the other 7 were left out"]


def test_folders_with_nothing_to_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pictures = tmp_path / "pictures"
    make_tree(pictures, ["a.png", ".DS_Store"])
    articles, notes = expand_article_paths([empty, pictures])
    assert articles == []
    assert len(notes) == 3
    assert notes[0].startswith("'empty' holds no articles (.txt, .md") and notes[0].endswith(".url, .webloc)")
    assert notes[1] == "1 file in 'pictures' is not an article and was skipped"
    assert notes[2].startswith("'pictures' holds no articles (")
    if os.geteuid() != 0:  # root lists anything
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o000)
        try:
            articles, notes = expand_article_paths([locked])
            assert articles == [] and notes == ["could not open the folder 'locked': Permission denied"]
        finally:
            locked.chmod(0o700)
