"""Correcting a digest in the window, driven as a user drives it: typing in the panes, the
Edit menu, the sentence's context menu and Alt+Down, the History, Save.

The engine is :class:`tests.desktop.review_fakes.ReviewEngine`: the engine's own revision code
(:mod:`models.digest.revise`) over transliterating fake models, so "only the changed sentence
is translated again" is what the engine really did, and a translation reads back into English
exactly, unless a test plants a change.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from desktop.ui import review as review_module
from desktop.ui.back_translation import BACK_TRANSLATION_DELAY_MS
from desktop.ui.revision_marks import CHOSEN_MARK, EDITED_MARK, STALE_MARK
from models.common.flags import FlagKind
from models.common.types import ALTERNATIVE, EDITED, MACHINE
from models.digest.revise import missing_back_translations, sentences
from models.documents.history import History
from tests.desktop.review_fakes import SUMMARY, SUMMARY_SENTENCES, ReviewEngine, to_english, to_language

S = SUMMARY_SENTENCES
#: What Qt's offscreen platform says when a menu or a tooltip is shown (a real screen never does).
SHOWN_OFFSCREEN = r"^This plugin does not support (raise\(\)|grabbing the keyboard)$"
pytestmark = pytest.mark.qt_log_ignore(SHOWN_OFFSCREEN)


@pytest.fixture
def make_review_window(qtbot, fakes, monkeypatch):
    """``make(engine=None, settings=None)``: a shown window over a :class:`ReviewEngine` (edits
    committed 300 ms after the typing pauses); closed (lanes joined) at the end."""
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(review_module, "COMMIT_IDLE_MS", 300)
    made = []

    def make(engine: ReviewEngine | None = None, settings=None):
        engine = engine or ReviewEngine()
        window = MainWindow(engine=engine, check=fakes.no_problems, settings=settings)
        qtbot.addWidget(window)
        made.append(window)
        with qtbot.waitSignal(window.model_check_finished, timeout=5000):
            window.show()
        qtbot.waitExposed(window)
        return window, engine

    yield make
    for window in made:
        window.close()
        assert not fakes.lane_threads_alive()


def digested(qtbot, fakes, window, engine: ReviewEngine, *, back_translated: bool = True):
    """The seed article opened and digested; with ``back_translated``, once its
    back-translation is in too."""
    fakes.open(window, fakes.seed_article)
    window.start_digest()
    qtbot.waitUntil(lambda: window.entry is not None and window.entry.finished, timeout=10_000)
    if back_translated:
        qtbot.waitUntil(lambda: "back-translate" in engine.calls and not missing_back_translations(window.digest), timeout=10_000)
    return window.entry


def views(window):
    return window.workspace.generated_pane.views_by_key()


def review(window):
    return window.workspace.review


def select(view, text: str, occurrence: int = 0) -> None:
    """Select ``text`` in ``view`` as a mouse drag would (the first, or a later, occurrence)."""
    shown = view.shown_text()
    start = -1
    for _ in range(occurrence + 1):
        start = shown.index(text, start + 1)
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def type_text(view, text: str) -> None:
    """Type ``text`` into ``view`` key by key, as a keyboard of its script does (``QTest``'s own
    key clicks know Latin-1 only)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(view, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_over(qtbot, view, old: str, new: str) -> None:
    """Select ``old`` in ``view`` and type ``new`` in its place, key by key."""
    view.setFocus()
    select(view, old)
    type_text(view, new)


def settled(qtbot, window, timeout: int = 10_000) -> None:
    """Wait until what was typed is committed and no summary is being translated."""
    qtbot.waitUntil(lambda: not review(window).has_pending() and not review(window).revising(), timeout=timeout)


def sentence_views(window, key: str):
    return sentences(window.digest, key)


# -- the English summary's edits travel ---------------------------------------------------------


def test_editing_a_summary_sentence_translates_only_that_sentence_again(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    entry = digested(qtbot, fakes, window, engine)
    before = dict(window.digest.summary_translations)
    summary_view = views(window)["summary"]
    assert not summary_view.isReadOnly() and summary_view.document().isUndoAvailable() is False
    engine.pipeline.translated.clear()

    type_over(qtbot, summary_view, "illegal", "unlawful")
    assert engine.calls.count("revise") == 0  # typing is not committed key by key
    settled(qtbot, window)

    edited = S[1].replace("illegal", "unlawful")
    assert window.digest.summary == SUMMARY.replace(S[1], edited)
    assert engine.calls.count("revise") == 1
    assert engine.pipeline.translated == [edited, edited]  # once into Russian, once into Arabic: nothing else
    for language in ("ru", "ar"):
        text = window.digest.summary_translations[language]
        assert text == before[language].replace(to_language(S[1], language), to_language(edited, language))
        assert views(window)[f"summary:{language}"].shown_text() == text  # shown in place
        assert [item.origin for item in sentence_views(window, f"summary:{language}")] == [MACHINE] * 3
    # The summary's own provenance: the edited sentence is marked in the margin, the others are not.
    assert [item.origin for item in sentence_views(window, "summary")] == [MACHINE, EDITED, MACHINE]
    start = window.digest.summary.index(edited)
    assert review(window).margins[summary_view].marks() == [(start, start + len(edited), EDITED_MARK)]
    # Undo is the pane's own: it takes the typing back, and the summary's translation follows.
    assert summary_view.document().isUndoAvailable()
    summary_view.setFocus()
    qtbot.keyClick(summary_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)
    assert window.digest.summary == SUMMARY
    assert window.digest.summary_translations == before
    assert entry.digest is window.digest


def test_an_arabic_edit_survives_an_edit_of_the_summary_elsewhere(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    arabic = views(window)["summary:ar"]
    first = to_language(S[0], "ar")
    mine = first.replace(to_language("Syria", "ar"), "سوريا")  # the reader writes the country's name properly
    type_over(qtbot, arabic, first, mine)
    settled(qtbot, window)
    assert window.digest.summary_translations["ar"].startswith(mine)
    assert [item.origin for item in sentence_views(window, "summary:ar")] == [EDITED, MACHINE, MACHINE]
    assert review(window).margins[arabic].marks()[0][2] == EDITED_MARK

    type_over(qtbot, views(window)["summary"], "12 months", "a year")
    settled(qtbot, window)
    arabic_text = window.digest.summary_translations["ar"]
    assert arabic_text.startswith(mine)  # the edit is kept, byte for byte
    assert arabic_text.endswith(to_language(S[2].replace("12 months", "a year"), "ar"))
    assert arabic.shown_text() == arabic_text
    assert [item.origin for item in sentence_views(window, "summary:ar")] == [EDITED, MACHINE, MACHINE]


def test_an_edited_translation_whose_english_changes_is_kept_and_offers_the_new_one(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    russian = views(window)["summary:ru"]
    second = to_language(S[1], "ru")
    mine = second.replace(to_language("illegal", "ru"), "незаконным")
    type_over(qtbot, russian, second, mine)
    settled(qtbot, window)

    type_over(qtbot, views(window)["summary"], "illegal", "unlawful")  # the English of that very sentence
    settled(qtbot, window)
    views_now = sentence_views(window, "summary:ru")
    assert views_now[1].text == mine and views_now[1].source_changed  # never overwritten without asking
    new_machine = to_language(S[1].replace("illegal", "unlawful"), "ru")
    assert views_now[1].machine == new_machine
    assert review(window).margins[russian].marks()[0][2] == STALE_MARK

    # The sentence's context menu offers the new translation; taking it is one undoable edit.
    window.workspace.generated_pane.setCurrentWidget(russian)
    point = russian.cursorRect(cursor_at(russian, russian.shown_text().index(mine) + 3)).center()
    chosen = in_context_menu(qtbot, russian, point, "revertSentenceMenuAction")
    assert chosen.replace("&", "") == "Use the New Translation"
    qtbot.waitUntil(lambda: new_machine in window.digest.summary_translations["ru"], timeout=5000)
    assert [item.origin for item in sentence_views(window, "summary:ru")] == [MACHINE] * 3
    assert russian.shown_text() == window.digest.summary_translations["ru"]


def cursor_at(view, index: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(index)
    return cursor


def in_context_menu(qtbot, view, point: QPoint, name: str) -> str:
    """Open ``view``'s context menu at ``point`` (a real right-click's event) and trigger its
    action named ``name``; returns its text."""
    from PySide6.QtGui import QContextMenuEvent

    picked: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        action = menu.findChild(type(menu.menuAction()), name)
        if action is None or not action.isEnabled():  # still being filled
            QTimer.singleShot(20, pick)
            return
        picked.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(0, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(picked), timeout=5000)
    return picked[0]


# -- alternatives, revert -----------------------------------------------------------------------------


def test_alt_down_lists_alternatives_with_their_back_translations_and_choosing_one_marks_it(
    make_review_window, fakes, qtbot
) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    arabic = views(window)["summary:ar"]
    window.workspace.generated_pane.setCurrentWidget(arabic)
    arabic.setFocus()
    arabic.setTextCursor(cursor_at(arabic, arabic.shown_text().index(to_language(S[1], "ar")) + 2))
    qtbot.keyClick(arabic, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.objectName() == "alternativesMenu"
    qtbot.waitUntil(lambda: any(action.objectName() == "alternative1Action" for action in menu.actions()), timeout=5000)
    lines = [action.text() for action in menu.actions() if action.text()]
    entries = [action for action in menu.actions() if action.objectName().startswith("alternative")]
    assert 1 <= len(entries) <= 4
    # Each entry is followed by its back-translation, so an English reader chooses by meaning.
    texts = [action.toolTip().split("\n")[0] for action in entries]  # whole in the tooltip; cut to fit in the menu
    for number, (action, text) in enumerate(zip(entries, texts), start=1):
        assert action.text().startswith(f"{number}. {text[:20]}")
        under = f"In English: “{to_english(text, 'ar')}”"
        assert action.toolTip().split("\n")[1] == under
        assert under.startswith(lines[lines.index(action.text()) + 1].strip().rstrip("…"))
    assert to_language(S[1], "ar") not in texts  # never the sentence itself
    menu.close()
    # Asked again, they are remembered: no second trip to the engine, and the entries are there at once.
    calls = engine.calls.count("alternatives")
    menu = review(window).show_alternatives()
    again = [action for action in menu.actions() if action.objectName().startswith("alternative")]
    assert [action.text() for action in again] == [action.text() for action in entries]
    assert engine.calls.count("alternatives") == calls
    again[1].trigger()
    menu.close()

    qtbot.waitUntil(lambda: texts[1] in window.digest.summary_translations["ar"], timeout=5000)
    chosen = sentence_views(window, "summary:ar")[1]
    assert chosen.origin == ALTERNATIVE and chosen.text == texts[1]
    assert chosen.back_translation == to_english(texts[1], "ar")  # it came with its back-translation
    assert chosen.machine == to_language(S[1], "ar")  # what the model wrote is kept beside it
    assert arabic.shown_text() == window.digest.summary_translations["ar"]
    assert [mark[2] for mark in review(window).margins[arabic].marks()] == [CHOSEN_MARK]
    # The pane's Undo takes the choice back: the model's sentence again.
    arabic.setFocus()
    qtbot.keyClick(arabic, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)
    assert [item.origin for item in sentence_views(window, "summary:ar")] == [MACHINE] * 3
    assert review(window).margins[arabic].marks() == []


def test_revert_sentence_and_revert_all_put_the_machine_text_back_undoably(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    russian = views(window)["summary:ru"]
    machine = window.digest.summary_translations["ru"]
    window.workspace.generated_pane.setCurrentWidget(russian)
    type_over(qtbot, russian, to_language("Syria", "ru"), "Сирии")
    type_over(qtbot, russian, to_language("July", "ru"), "июле")
    settled(qtbot, window)
    assert [item.origin for item in sentence_views(window, "summary:ru")] == [EDITED, MACHINE, EDITED]
    actions = window.window_actions.review

    russian.setTextCursor(cursor_at(russian, 3))
    assert actions.revert_sentence_action.isEnabled()
    actions.revert_sentence_action.trigger()
    assert [item.origin for item in sentence_views(window, "summary:ru")] == [MACHINE, MACHINE, EDITED]
    assert russian.shown_text() == window.digest.summary_translations["ru"]
    assert window.digest.summary_translations["ru"].startswith(to_language(S[0], "ru"))

    assert actions.revert_all_action.isEnabled()
    actions.revert_all_action.trigger()
    assert window.digest.summary_translations["ru"] == machine
    assert russian.shown_text() == machine
    assert review(window).margins[russian].marks() == []
    # Revert All was an edit of the pane: Undo takes it back, and the edit is the reader's again.
    russian.setFocus()
    qtbot.keyClick(russian, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)
    assert [item.origin for item in sentence_views(window, "summary:ru")] == [MACHINE, MACHINE, EDITED]


# -- back-translation -----------------------------------------------------------------------------------


def test_a_planted_number_change_is_flagged_by_the_back_translation_and_shown_on_hover(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    engine.planted["12"] = "21"  # the model that reads Russian and Arabic back gets the number wrong
    digested(qtbot, fakes, window, engine)
    assert engine.calls.index("back-translate") > engine.calls.index("digest")  # after the digest, never in it
    assert window.digest.back_translate
    flagged = [flag for flag in window.digest.alignments["summary:ar"].flags if flag.check == FlagKind.BACK_TRANSLATION]
    assert len(flagged) == 1
    text = window.digest.summary_translations["ar"]
    assert flagged[0].target[0] == text.index(to_language(S[2], "ar"))
    assert "12" in str(flagged[0].reason)
    assert window.workspace.flag_count_label.text() == "2 sentences to check"  # the Russian one too

    # Pointing at it shows the flag, and the back-translation beside the English it translates.
    arabic = views(window)["summary:ar"]
    window.workspace.generated_pane.setCurrentWidget(arabic)
    linker = window.workspace.linker
    point = arabic.cursorRect(cursor_at(arabic, flagged[0].target[0] + 3)).center()
    lines = linker.tooltip_at(arabic, point).split("\n")
    assert lines[0].startswith("Meaning may differ: ")
    assert f"English summary: {S[2]}" in lines
    assert f"Back-translation: {S[2].replace('12', '21')}" in lines


def test_full_translations_are_back_translated_after_the_summaries_one_text_at_a_time(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    window.workspace.option_bar.full_article_box.setChecked(True)
    digested(qtbot, fakes, window, engine)
    assert engine.back_translated == [["summary:ru", "summary:ar"], ["article:ru"], ["article:ar"]]
    article = window.digest.generated_text("article:ar")
    view = sentence_views(window, "article:ar")[3]
    assert view.back_translation == to_english(article[view.target[0]:view.target[1]], "ar")
    # Pointing at a full translation's sentence shows its English beside its back-translation.
    arabic = views(window)["article:ar"]
    window.workspace.generated_pane.setCurrentWidget(arabic)
    point = arabic.cursorRect(cursor_at(arabic, view.target[0] + 2)).center()
    lines = window.workspace.linker.tooltip_at(arabic, point).split("\n")
    assert f"English: {view.english}" in lines and f"Back-translation: {view.back_translation}" in lines


def test_back_translation_can_be_switched_off_and_is_remembered(make_review_window, fakes, qtbot) -> None:
    from desktop.ui.settings import AppSettings

    window, engine = make_review_window()
    action = window.window_actions.review.back_translate_action
    assert action.isChecked() and action in window.findChild(QMenu, "viewMenu").actions()
    action.trigger()
    assert not action.isChecked() and AppSettings().back_translate is False
    digested(qtbot, fakes, window, engine, back_translated=False)
    qtbot.wait(BACK_TRANSLATION_DELAY_MS + 300)
    assert "back-translate" not in engine.calls and not window.digest.back_translations
    action.trigger()  # on again: the digest shown is back-translated now
    qtbot.waitUntil(lambda: not missing_back_translations(window.digest), timeout=5000)


# -- provenance: history, closing, export -----------------------------------------------------------------


def test_edits_are_kept_in_the_history_and_a_reopened_digest_shows_them_with_undo_fresh(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    arabic = views(window)["summary:ar"]
    first = to_language(S[0], "ar")
    mine = "قال أنتونوف إن روسيا والولايات المتحدة تعملان معاً لمنع الحوادث في سوريا."
    type_over(qtbot, arabic, first, mine)
    settled(qtbot, window)
    qtbot.waitUntil(lambda: _history_digest().summary_translations["ar"].startswith(mine), timeout=5000)
    [item] = History().entries()
    kept = History().load(item.id)
    assert kept.revisions["summary:ar"].sentences[0].origin == EDITED
    assert kept.back_translations["summary:ar"]  # saved with it

    window.close()
    again, _engine = make_review_window()
    again.open_history_entry(item.id)
    qtbot.waitUntil(lambda: again.digest is not None, timeout=5000)
    shown = views(again)["summary:ar"]
    assert shown.shown_text().startswith(mine)
    assert review(again).margins[shown].marks()[0][2] == EDITED_MARK
    assert not shown.document().isUndoAvailable()  # undo starts fresh
    assert not shown.isReadOnly()


def _history_digest():
    [item] = History().entries()
    return History().load(item.id)


def test_closing_with_edits_still_being_typed_keeps_them_in_the_history(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    type_over(qtbot, views(window)["summary:ru"], to_language("July", "ru"), "июле")
    type_over(qtbot, views(window)["summary"], "12 months", "a year")  # the summary too, translated on the way out
    assert review(window).has_pending()
    window.close()  # at once: nothing committed yet
    kept = _history_digest()
    assert "июле" in kept.summary_translations["ru"]
    assert kept.summary.endswith("a year.")
    assert kept.summary_translations["ar"].endswith(to_language("for a year.", "ar"))
    assert [sentence.origin for sentence in kept.revisions["summary:ru"].sentences] == [MACHINE, MACHINE, EDITED]


def test_export_shows_the_edits(make_review_window, fakes, qtbot, monkeypatch, tmp_path) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    type_over(qtbot, views(window)["summary:ru"], to_language("July", "ru"), "июле")
    path = tmp_path / "digest.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))
    window.save_digest()  # what was just typed is committed first
    qtbot.waitUntil(path.exists, timeout=5000)
    html = path.read_text(encoding="utf-8")
    assert "июле" in html and "edited" in html


def test_saving_while_the_summary_is_translated_saves_the_last_finished_digest_and_says_so(
    make_review_window, fakes, qtbot, monkeypatch, tmp_path
) -> None:
    import threading

    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    engine.gate = threading.Event()  # the engine holds the revision
    type_over(qtbot, views(window)["summary"], "12 months", "a year")
    qtbot.waitUntil(lambda: review(window).revising(), timeout=5000)
    assert views(window)["summary:ru"].isReadOnly() and views(window)["summary"].isReadOnly()
    path = tmp_path / "digest.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    window.save_digest()
    qtbot.waitUntil(path.exists, timeout=5000)
    text = path.read_text(encoding="utf-8")
    assert "12 months" in text and "a year" not in text  # consistent: the summary and its translations agree
    assert to_language(S[2], "ru") in text
    qtbot.waitUntil(lambda: any(message.startswith("Saved the digest to") for message in said), timeout=5000)
    assert "before your last edit of the summary" in [message for message in said if message.startswith("Saved")][0]
    engine.gate.set()
    settled(qtbot, window)
    assert not views(window)["summary:ru"].isReadOnly()
    assert window.digest.summary.endswith("a year.")


# -- bad input ------------------------------------------------------------------------------------------------


def test_emptying_a_pane_is_refused_and_loses_nothing(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    russian = views(window)["summary:ru"]
    before = window.digest.summary_translations["ru"]
    russian.setFocus()
    qtbot.keyClick(russian, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(russian, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.workspace.banner.isVisible(), timeout=5000)
    assert "Your edit would leave the Russian summary empty." in window.workspace.banner.label.text()
    assert window.digest.summary_translations["ru"] == before  # the digest as it was
    qtbot.keyClick(russian, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # and the text back with Undo
    assert russian.shown_text() == before


def test_a_huge_paste_is_refused_with_its_size_and_rich_text_comes_in_plain(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    summary_view = views(window)["summary"]
    summary_view.setFocus()
    summary_view.setTextCursor(cursor_at(summary_view, len(summary_view.shown_text())))
    huge = QMimeData()
    huge.setText(" More words." * 16_667)  # about 200,000 characters
    summary_view.insertFromMimeData(huge)
    qtbot.waitUntil(lambda: window.workspace.banner.isVisible(), timeout=5000)
    said = window.workspace.banner.label.text()
    assert re.search(r"Your edit would make the English summary 200,\d{3} characters long; it may be 10,000 at most", said)
    assert window.digest.summary == SUMMARY and "revise" not in engine.calls
    qtbot.keyClick(summary_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)

    russian = views(window)["summary:ru"]
    russian.setFocus()
    russian.setTextCursor(cursor_at(russian, len(russian.shown_text())))
    rich = QMimeData()
    rich.setHtml("<p><b>Жирный</b> <span style='color:red'>текст</span>.</p>")
    rich.setText("Жирный текст.")
    russian.insertFromMimeData(rich)
    settled(qtbot, window)
    assert window.digest.summary_translations["ru"].endswith("Жирный текст.")
    assert not window.workspace.banner.isVisible()  # the refusal's message went once the edit was applied
    fragment = russian.document().toHtml()
    assert "font-weight:700" not in fragment and "color:#ff0000" not in fragment


# -- links follow the sentence ---------------------------------------------------------------------------------


def test_links_follow_the_sentences_of_an_edited_text(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    arabic = views(window)["summary:ar"]
    window.workspace.generated_pane.setCurrentWidget(arabic)
    type_over(qtbot, arabic, to_language(S[0], "ar"), "جملة أطول بكثير من الجملة التي كتبها النموذج في البداية، بكلمات كثيرة.")
    settled(qtbot, window)
    linker = window.workspace.linker
    third = window.digest.summary_translations["ar"].index(to_language(S[2], "ar"))
    hit = linker.hit(arabic, third + 5)
    assert hit.sentence == (third, third + len(to_language(S[2], "ar")))
    summary = window.digest.summary
    assert hit.english == ((summary.index(S[2]), summary.index(S[2]) + len(S[2])),)
    assert hit.linked  # and on to the article's sentences


def test_an_engine_that_cannot_revise_leaves_the_panes_read_only(make_window, fakes, qtbot) -> None:
    window = make_window(run=fakes.fast_run)  # a digest without its sentence structure (an old history entry)
    fakes.open(window, fakes.seed_article)
    window.start_digest()
    qtbot.waitUntil(lambda: window.digest is not None, timeout=5000)
    assert all(view.isReadOnly() for view in views(window).values())
    assert not window.window_actions.review.edit_text_action.isEnabled()


def test_right_clicking_a_translated_sentence_offers_its_alternatives(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    russian = views(window)["summary:ru"]
    window.workspace.generated_pane.setCurrentWidget(russian)
    third = to_language(S[2], "ru")
    point = russian.cursorRect(cursor_at(russian, russian.shown_text().index(third) + 4)).center()
    chosen = in_context_menu(qtbot, russian, point, "alternative1Action")  # once the engine has found them
    alternative = to_language(f"Indeed, {S[2]}", "ru")
    assert chosen.startswith("1. ")
    qtbot.waitUntil(lambda: alternative in window.digest.summary_translations["ru"], timeout=5000)
    assert sentence_views(window, "summary:ru")[2].origin == ALTERNATIVE


def test_edit_text_goes_into_the_text_shown(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    action = window.window_actions.review.edit_text_action
    assert not action.isEnabled() and action in window.findChild(QMenu, "editMenu").actions()
    digested(qtbot, fakes, window, engine)
    pane = window.workspace.generated_pane
    pane.setCurrentWidget(pane.language_views["ar"])
    window.workspace.original_pane.view.setFocus()
    assert action.isEnabled() and action.shortcut().toString() == "F2"
    action.trigger()
    assert QApplication.focusWidget() is pane.language_views["ar"]
    assert window.statusBar().currentMessage().startswith("Editing the Arabic summary: type to correct it.")


def test_a_shortcut_acts_on_what_was_just_typed(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    russian = views(window)["summary:ru"]
    type_over(qtbot, russian, to_language("July", "ru"), "июле")
    assert review(window).has_pending()
    qtbot.keyClick(russian, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)  # Copy Digest
    assert not review(window).has_pending()
    qtbot.waitUntil(lambda: "июле" in QApplication.clipboard().text(), timeout=5000)


def test_a_digest_queued_while_back_translating_is_not_held_up(make_review_window, fakes, qtbot) -> None:
    import threading

    window, engine = make_review_window()
    engine.gate = threading.Event()  # back-translation never ends on its own
    first = digested(qtbot, fakes, window, engine, back_translated=False)
    qtbot.waitUntil(lambda: "back-translate" in engine.calls, timeout=5000)
    window.show_article(first.article)  # the same article again, a new entry: digested at once
    second = window.start_digest()
    qtbot.waitUntil(lambda: second.finished, timeout=5000)
    assert "digest" in engine.calls[engine.calls.index("back-translate"):]  # it did not wait for the back-translation
    assert not first.digest.back_translations  # which was cancelled
    engine.gate.set()


def test_reverting_a_summary_sentence_carries_the_models_sentence_into_the_translations(make_review_window, fakes, qtbot) -> None:
    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)
    before = dict(window.digest.summary_translations)
    summary_view = views(window)["summary"]
    type_over(qtbot, summary_view, "illegal", "unlawful")
    settled(qtbot, window)
    assert window.digest.summary != SUMMARY
    summary_view.setTextCursor(cursor_at(summary_view, window.digest.summary.index("unlawful")))
    action = window.window_actions.review.revert_sentence_action
    assert action.isEnabled()
    action.trigger()
    settled(qtbot, window)
    assert window.digest.summary == SUMMARY and summary_view.shown_text() == SUMMARY
    assert window.digest.summary_translations == before
    assert [item.origin for item in sentence_views(window, "summary")] == [MACHINE] * 3
    assert review(window).margins[summary_view].marks() == []


def test_a_summary_edit_the_engine_cannot_translate_is_kept_in_the_pane_and_said(make_review_window, fakes, qtbot) -> None:
    from models.common.types import DigestError

    window, engine = make_review_window()
    digested(qtbot, fakes, window, engine)

    def fail(*args, **kwargs):
        raise DigestError("the translation model could not be loaded")

    engine.revise_summary = fail
    summary_view = views(window)["summary"]
    type_over(qtbot, summary_view, "12 months", "a year")
    qtbot.waitUntil(lambda: window.workspace.banner.isVisible(), timeout=5000)
    assert "could not be translated: the translation model could not be loaded" in window.workspace.banner.label.text()
    assert window.digest.summary == SUMMARY  # the digest as it was
    assert summary_view.shown_text().endswith("for a year.") and not summary_view.isReadOnly()  # nothing lost
    assert review(window).has_pending()  # tried again when the pane is left or the window closes
