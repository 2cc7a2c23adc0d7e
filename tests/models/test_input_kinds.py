"""models.documents.inputs: what an input is (a web link, another address, a folder, nothing,
a saved link, an article file, another file), as the window and the command line both ask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.documents import inputs
from models.documents.inputs import InputKind, classify_input, file_kind
from models.documents.read import LINK_EXTENSIONS, SUPPORTED_EXTENSIONS


@pytest.mark.parametrize(
    "text",
    ["https://example.com/news/1", "http://example.com", "  https://example.com/a?b=c  \n", "HTTPS://EXAMPLE.COM/"],
)
def test_web_links_are_told_by_their_text(text: str) -> None:
    assert classify_input(text) is InputKind.WEB_LINK


@pytest.mark.parametrize("text", ["ftp://example.com/file.txt", "file:///home/me/news.txt", "mailto://x", "Data://abc"])
def test_other_addresses_are_not_web_links(text: str) -> None:
    assert classify_input(text) is InputKind.OTHER_ADDRESS


def test_a_link_is_not_looked_up_on_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_disk(*args: object, **kwargs: object) -> None:
        raise AssertionError("the disk was looked at")

    monkeypatch.setattr(inputs.Path, "stat", no_disk)
    assert classify_input("https://example.com/") is InputKind.WEB_LINK
    assert classify_input("ftp://example.com/") is InputKind.OTHER_ADDRESS


def test_a_folder_and_nothing(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news.txt").mkdir()  # a folder whatever its name says
    assert classify_input(str(tmp_path / "news")) is InputKind.FOLDER
    assert classify_input(str(tmp_path / "news.txt")) is InputKind.FOLDER
    assert classify_input(str(tmp_path / "gone.txt")) is InputKind.MISSING
    assert classify_input(str(tmp_path / "gone.txt" / "below.txt")) is InputKind.MISSING
    assert classify_input("bad\0name.txt") is InputKind.MISSING


def test_files_by_their_extension(tmp_path: Path) -> None:
    names = {
        "story.txt": InputKind.ARTICLE_FILE,
        "story.PDF": InputKind.ARTICLE_FILE,
        "page.htm": InputKind.ARTICLE_FILE,
        "saved.url": InputKind.LINK_FILE,
        "saved.WebLoc": InputKind.LINK_FILE,
        "photo.jpg": InputKind.OTHER_FILE,
        "README": InputKind.OTHER_FILE,
    }
    for name, kind in names.items():
        (tmp_path / name).write_text("x", encoding="utf-8")
        assert classify_input(str(tmp_path / name)) is kind, name
        assert file_kind(tmp_path / name) is kind, name


def test_every_readable_and_link_extension_is_known() -> None:
    assert all(file_kind(f"a{extension}") is InputKind.ARTICLE_FILE for extension in SUPPORTED_EXTENSIONS)
    assert all(file_kind(f"a{extension}") is InputKind.LINK_FILE for extension in LINK_EXTENSIONS)


def test_file_kind_needs_no_file(tmp_path: Path) -> None:
    assert file_kind(tmp_path / "not-there.webloc") is InputKind.LINK_FILE
    assert file_kind("not-there.md") is InputKind.ARTICLE_FILE


@pytest.mark.skipif(os.name != "posix", reason="symbolic links (Windows allows them only with a privilege)")
def test_links_on_the_disk_are_followed(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "story.md").write_text("x", encoding="utf-8")
    (tmp_path / "to-folder").symlink_to(tmp_path / "folder")
    (tmp_path / "to-story.md").symlink_to(tmp_path / "story.md")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert classify_input(str(tmp_path / "to-folder")) is InputKind.FOLDER
    assert classify_input(str(tmp_path / "to-story.md")) is InputKind.ARTICLE_FILE
    assert classify_input(str(tmp_path / "broken.txt")) is InputKind.MISSING
    assert classify_input(str(tmp_path / "loop.txt")) is InputKind.MISSING


def test_a_path_that_cannot_be_looked_at_counts_as_a_file_for_the_reader_to_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(inputs.Path, "stat", denied)
    assert classify_input(str(tmp_path / "locked" / "story.docx")) is InputKind.ARTICLE_FILE
    assert classify_input(str(tmp_path / "locked" / "saved.url")) is InputKind.LINK_FILE
    assert classify_input(str(tmp_path / "locked" / "thing")) is InputKind.OTHER_FILE
