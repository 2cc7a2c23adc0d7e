"""Russian and Arabic articles in the window: the models they need are checked, the English
reading of the article shows as it comes and stays in its own tab, the provenance line says
the article went through English, and an Arabic original reads right to left."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.ui.article_queue import EntryState
from models.common.types import Digest, PartialText
from tests.models._document_samples import ARABIC_PARAGRAPHS, RUSSIAN_PARAGRAPHS

ENGLISH_READING = "The Russian ambassador spoke about cooperation.\n\nBoth sides want calm in Syria."


def write(tmp_path: Path, name: str, paragraphs: tuple[str, ...]) -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_a_russian_article_shows_its_english_reading_as_it_comes_and_says_where_the_summary_came_from(
    open_article, make_window, fakes, qtbot, tmp_path
) -> None:
    checked: list[str | None] = []
    release = threading.Event()

    def check(profile, models_dir, options, article_language):
        checked.append(article_language)
        return []

    def run(request, state):
        state.publish(PartialText("article:en", ENGLISH_READING.split("\n\n")[0], complete=False))
        state.publish(PartialText("article:en", ENGLISH_READING, complete=True))
        assert release.wait(5)
        plain = fakes.fake_digest(request)
        return Digest(
            article=request.article, summary=plain.summary, summary_translations=plain.summary_translations,
            seconds=0.4, translated_from="ru", english_translation=ENGLISH_READING,
        )

    window = make_window(run=run, check=check)
    assert open_article(window, write(tmp_path, "ru.txt", RUSSIAN_PARAGRAPHS))
    assert window.article.language == "ru"
    qtbot.waitUntil(lambda: checked and checked[-1] == "ru", timeout=3000)  # the ru->en model is checked too
    assert "machine-translated into English" in window.workspace.original_pane.notices_label.text()
    english = window.workspace.generated_pane.article_views["en"]
    tabs = window.workspace.generated_pane
    assert not tabs.isTabVisible(tabs.indexOf(english))

    window.start_digest()
    qtbot.waitUntil(lambda: english.toPlainText() == ENGLISH_READING, timeout=3000)
    assert tabs.isTabVisible(tabs.indexOf(english))
    assert not tabs.tabText(tabs.indexOf(english)).endswith("…")
    assert tabs.tabText(tabs.indexOf(window.workspace.generated_pane.summary_view)).endswith("…")  # the summary is still coming
    release.set()
    qtbot.waitUntil(lambda: window.digest is not None, timeout=3000)
    assert english.toPlainText() == ENGLISH_READING and tabs.isTabVisible(tabs.indexOf(english))
    info = window.workspace.digest_info_label.text()
    assert "was machine-translated into English before summarising" in info and "Russian" in info

    # An English article afterwards needs no into-English model: checked again without a language.
    open_article(window, fakes.seed_article)
    qtbot.waitUntil(lambda: checked[-1] is None, timeout=3000)
    assert not tabs.isTabVisible(tabs.indexOf(english))


def test_an_arabic_original_reads_right_to_left_and_an_english_one_left_to_right(open_article, make_window, fakes, tmp_path) -> None:
    window = make_window()
    assert open_article(window, write(tmp_path, "ar.txt", ARABIC_PARAGRAPHS))
    view = window.workspace.original_pane.view
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert open_article(window, fakes.seed_article)
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.LeftToRight
    assert view.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_missing_into_english_model_blocks_only_the_articles_that_need_it(open_article, make_window, fakes, qtbot, tmp_path) -> None:
    def check(profile, models_dir, options, article_language):
        return ["Russian to English: not installed"] if article_language == "ru" else []

    window = make_window(check=check)
    assert open_article(window, write(tmp_path, "ru.txt", RUSSIAN_PARAGRAPHS))
    qtbot.waitUntil(lambda: bool(window.engine_link.problems), timeout=3000)
    assert not window.window_actions.digest_action.isEnabled()
    assert "Russian to English" in window.workspace.banner.label.text()
    russian = window.entry
    open_article(window, fakes.seed_article)
    qtbot.waitUntil(lambda: not window.engine_link.problems, timeout=3000)
    assert window.window_actions.digest_action.isEnabled() and russian.state is EntryState.NEW
