"""The main window driven as a user would: drops, Digest, Cancel, Save, History, settings, models.

Most tests inject a fast fake run function; one runs the real engine on the tiny models.
"""

from __future__ import annotations

import json
import itertools
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

# The offscreen platform plugin cannot pass a top-level window's size limits on and says so for
# every window with a layout; it is the test platform talking, not the app.

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QPushButton, QTabWidget, QTextEdit

from desktop.ui.main_window import MainWindow
from desktop.ui.reading import FILES_LANE
from models.documents.export import safe_file_stem
from desktop.ui.settings import AppSettings
from models.common.types import Digest, DigestOptions


def open_seed(window: MainWindow, fakes) -> None:
    assert fakes.open(window, fakes.seed_article) is not None
    assert window.article is not None


def run_digest(qtbot, window: MainWindow, timeout: int = 5000) -> Digest:
    with qtbot.waitSignal(window.digest_shown, timeout=timeout) as blocker:
        qtbot.mouseClick(window.findChild(QPushButton, "digestButton"), Qt.MouseButton.LeftButton)
    return blocker.args[0]


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def history_written(qtbot, window: MainWindow) -> list:
    """The history's entries once what the window was writing there is written (off the GUI thread)."""
    from desktop.ui.documents import HISTORY_LANE

    qtbot.waitUntil(lambda: not window.runner.busy(HISTORY_LANE), timeout=5000)
    return window.history().entries()


def history_menu_entries(qtbot, window: MainWindow) -> list[QAction]:
    """Open the History menu as the user does; the past digests it lists, once listed."""
    from PySide6.QtCore import QPoint

    menu = window.history_menu
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(lambda: any(action.data() for action in menu.actions()), timeout=5000)
    entries = [action for action in menu.actions() if action.data()]
    menu.hide()
    return entries


# -- the window and its parts ------------------------------------------------------------------
def test_window_has_named_widgets_and_starts_empty(make_window) -> None:
    window = make_window()
    for cls, name in [
        (QTextEdit, "originalView"),
        (QTextEdit, "summaryView"),
        (QTextEdit, "russianView"),
        (QTextEdit, "arabicView"),
        (QPushButton, "digestButton"),
        (QPushButton, "cancelButton"),
        (QProgressBar, "progressBar"),
        (QAction, "openAction"),
        (QAction, "saveAction"),
    ]:
        assert window.findChild(cls, name) is not None, name
    tabs = window.findChild(QTabWidget, "resultTabs")
    titles = [tabs.tabText(index) for index in range(tabs.count()) if tabs.isTabVisible(index)]
    assert titles == ["Summary", "Русский", "العربية"]
    assert not window.findChild(QPushButton, "digestButton").isEnabled()  # no article yet
    assert not window.findChild(QPushButton, "cancelButton").isEnabled()
    assert not window.findChild(QAction, "saveAction").isEnabled()
    assert window.findChild(QAction, "openAction").shortcut().toString() == "Ctrl+O"
    assert window.findChild(QAction, "saveAction").shortcut().toString() == "Ctrl+S"
    assert "Ctrl+Return" in [seq.toString() for seq in window.window_actions.digest_action.shortcuts()]
    assert window.window_actions.cancel_action.shortcut().toString() == "Esc"
    assert not window.workspace.banner.isVisible()


def test_drop_on_window_opens_the_article(make_window, fakes, drop, qtbot) -> None:
    window = make_window()
    accepted_drag, accepted_drop = drop(window, [fakes.seed_article])
    assert accepted_drag and accepted_drop
    qtbot.waitUntil(lambda: window.article is not None, timeout=5000)  # read off the GUI thread
    assert window.workspace.original_pane.view.toPlainText().startswith(window.article.text[:40])
    assert "Russian ambassador" in window.workspace.original_pane.title_label.text()
    assert "Russian ambassador" in window.windowTitle()
    assert window.findChild(QPushButton, "digestButton").isEnabled()
    assert "Opened russia-us-syria.txt" in status(window)


@pytest.mark.parametrize("view_name", ["originalView", "summaryView", "arabicView"])
def test_drop_on_a_text_pane_opens_the_file_instead_of_pasting_its_url(make_window, fakes, drop, qtbot, view_name) -> None:
    window = make_window()
    view = window.findChild(QTextEdit, view_name)
    accepted_drag, accepted_drop = drop(view.viewport(), [fakes.seed_article])
    assert accepted_drag and accepted_drop
    qtbot.waitUntil(lambda: window.article is not None, timeout=5000)
    assert window.article.source_path
    assert "file://" not in view.toPlainText()
    assert window.workspace.original_pane.view.toPlainText().startswith(window.article.text[:40])


def test_pasting_a_file_url_into_a_pane_opens_the_file(make_window, fakes, qtbot) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fakes.seed_article))])
    assert window.workspace.generated_pane.summary_view.canInsertFromMimeData(mime)
    window.workspace.generated_pane.summary_view.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: window.article is not None, timeout=5000)
    assert window.workspace.generated_pane.summary_view.toPlainText() == ""


def test_bad_drops_give_a_message_and_keep_the_window_usable(make_window, fakes, drop, qtbot, tmp_path) -> None:
    window = make_window()
    open_seed(window, fakes)
    article = window.article

    folder = tmp_path / "a folder"
    folder.mkdir()
    drop(window, [folder])
    qtbot.waitUntil(lambda: "'a folder' holds no articles" in status(window), timeout=5000)

    binary = tmp_path / "image.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    drop(window.workspace.original_pane.view.viewport(), [binary])
    qtbot.waitUntil(lambda: ".bin files are not supported" in status(window), timeout=5000)

    disguised = tmp_path / "binary.txt"  # a PNG under a text file's name
    disguised.write_bytes((Path(__file__).resolve().parents[2] / "resources" / "app-icon-256.png").read_bytes())
    drop(window, [disguised])
    qtbot.waitUntil(lambda: status(window).startswith("Cannot open binary.txt: looks like binary data"), timeout=5000)

    drop(window, [tmp_path / "missing.txt"])
    qtbot.waitUntil(lambda: "does not exist" in status(window), timeout=5000)

    assert window.article is article  # the open article stays; those that could not be opened say why in the list
    reasons = [window.workspace.queue_panel.item_of(entry).text() for entry in window.queue.entries[1:]]
    assert len(reasons) == 3 and all("Could not be opened: " in reason for reason in reasons), reasons
    assert window.isVisible()
    assert window.findChild(QPushButton, "digestButton").isEnabled()


# -- digesting -------------------------------------------------------------------------------------
def test_digest_shows_rising_progress_and_fills_every_tab(make_window, fakes, qtbot) -> None:
    window = make_window(run=fakes.fast_run)
    open_seed(window, fakes)
    values: list[int] = []
    steps: list[str] = []
    window.workspace.progress_row.progress_bar.valueChanged.connect(values.append)
    busy_seen: list[bool] = []

    def sample() -> bool:
        busy_seen.append(window.workspace.progress_row.isVisible())
        steps.append(window.workspace.progress_row.step_label.text())
        return window.digest is not None

    qtbot.mouseClick(window.findChild(QPushButton, "digestButton"), Qt.MouseButton.LeftButton)
    assert window.findChild(QPushButton, "cancelButton").isEnabled()
    assert not window.findChild(QPushButton, "digestButton").isEnabled()
    assert not window.workspace.option_bar.language_boxes["ru"].isEnabled()  # options locked while running
    qtbot.waitUntil(sample, timeout=5000)
    assert any(busy_seen)
    assert len([value for value in values if 0 < value < 1000]) >= 3
    assert values == sorted(values)
    assert any(step.startswith("Step ") for step in steps)
    assert window.workspace.generated_pane.summary_view.toPlainText() == fakes.english
    assert window.workspace.generated_pane.language_views["ru"].toPlainText() == fakes.russian
    assert window.workspace.generated_pane.language_views["ar"].toPlainText() == fakes.arabic
    assert not window.workspace.progress_row.isVisible()
    assert window.findChild(QAction, "saveAction").isEnabled()
    assert window.findChild(QPushButton, "digestButton").isEnabled()
    assert status(window).startswith("Digest ready in")
    entries = history_written(qtbot, window)
    assert len(entries) == 1 and entries[0].title == window.article.title


def test_keyboard_shortcuts_digest_and_cancel(make_window, fakes, qtbot) -> None:
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    open_seed(window, fakes)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    window.workspace.original_pane.view.setFocus()  # the shortcut works while reading the article, too
    qtbot.keyClick(window.workspace.original_pane.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert looping.started.wait(2)
    assert window.digesting
    qtbot.keyClick(window.workspace.original_pane.view, Qt.Key.Key_Escape)
    assert not window.digesting
    assert looping.stopped.wait(1)


def test_full_article_translations_get_their_own_tabs(make_window, fakes, qtbot) -> None:
    window = make_window(run=fakes.fast_run)
    open_seed(window, fakes)
    window.workspace.option_bar.full_article_box.setChecked(True)
    run_digest(qtbot, window)
    tabs = window.workspace.generated_pane
    for code in ("ru", "ar"):
        view = window.workspace.generated_pane.article_views[code]
        assert tabs.isTabVisible(tabs.indexOf(view))
        assert view.toPlainText().startswith(("Полный перевод", "الترجمة الكاملة"))
    window.workspace.option_bar.full_article_box.setChecked(False)
    run_digest(qtbot, window)
    assert not any(tabs.isTabVisible(tabs.indexOf(view)) for view in window.workspace.generated_pane.article_views.values())


def test_unticked_language_is_not_requested(make_window, fakes, qtbot) -> None:
    seen: list[DigestOptions] = []

    def run(request, state):
        seen.append(request.options)
        return fakes.fake_digest(request)

    window = make_window(run=run)
    open_seed(window, fakes)
    window.workspace.option_bar.language_boxes["ru"].setChecked(False)
    run_digest(qtbot, window)
    assert seen == [DigestOptions(languages=("ar",), translate_article=False)]
    assert window.workspace.generated_pane.language_views["ru"].toPlainText() == ""
    assert "not requested" in window.workspace.generated_pane.language_views["ru"].placeholderText()


def test_cancel_mid_run_stops_within_a_second_and_leaves_the_window_usable(make_window, fakes, qtbot) -> None:
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    open_seed(window, fakes)
    qtbot.mouseClick(window.findChild(QPushButton, "digestButton"), Qt.MouseButton.LeftButton)
    assert looping.started.wait(2)
    qtbot.waitUntil(lambda: window.workspace.progress_row.progress_bar.value() > 0, timeout=2000)
    begin = time.monotonic()
    qtbot.mouseClick(window.findChild(QPushButton, "cancelButton"), Qt.MouseButton.LeftButton)
    assert window.findChild(QPushButton, "digestButton").isEnabled()
    assert not window.findChild(QPushButton, "cancelButton").isEnabled()
    assert not window.workspace.progress_row.isVisible()
    assert status(window) == "Digest cancelled."
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=1000)
    assert looping.stopped.is_set()
    assert time.monotonic() - begin < 1.0
    assert window.digest is None
    assert window.workspace.generated_pane.summary_view.toPlainText() == ""
    # Usable: the next digest runs (the fake loops again; cancel it at once).
    qtbot.mouseClick(window.findChild(QPushButton, "digestButton"), Qt.MouseButton.LeftButton)
    assert window.digesting


def test_stale_result_of_a_retired_job_is_dropped(make_window, fakes, qtbot) -> None:
    release, running = threading.Event(), threading.Event()
    calls = itertools.count(1)

    def run(request, state):
        if next(calls) == 1:  # deaf to cancel: its digest arrives after it was retired
            running.set()
            assert release.wait(5)
            return fakes.fake_digest(request, summary="STALE")
        return fakes.fake_digest(request, summary="fresh")

    window = make_window(run=run)
    open_seed(window, fakes)
    shown: list[Digest] = []
    window.digest_shown.connect(shown.append)
    window.start_digest()
    assert running.wait(2)
    window.window_actions.cancel_action.trigger()
    window.start_digest()
    release.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=2000)
    qtbot.wait(50)
    assert [digest.summary for digest in shown] == ["fresh"]
    assert window.workspace.generated_pane.summary_view.toPlainText() == "fresh"


def test_opening_another_article_while_digesting_lets_the_digest_finish_in_its_own_entry(open_article, make_window, fakes, qtbot, tmp_path) -> None:
    release = threading.Event()

    def run(request, state):
        assert release.wait(5)
        return fakes.fake_digest(request)

    window = make_window(run=run)
    open_seed(window, fakes)
    seed_entry = window.entry
    window.start_digest()
    other = tmp_path / "other.txt"
    other.write_text("Another title\n\nA second article, short but real enough to open.", encoding="utf-8")
    assert open_article(window, other)
    assert window.digesting and window.article.title == "Another title"
    release.set()
    qtbot.waitUntil(lambda: seed_entry.digest is not None, timeout=3000)
    # The finished digest went to its own article, not into the one on screen.
    assert window.article.title == "Another title" and window.digest is None
    assert window.workspace.generated_pane.summary_view.toPlainText() == ""
    assert "ready in" in status(window) and "Russian ambassador" in status(window)
    window.workspace.queue_panel.entry_chosen.emit(seed_entry)
    assert window.workspace.generated_pane.summary_view.toPlainText() == fakes.english


def test_the_article_is_not_set_again_while_it_digests_so_the_readers_place_is_kept(make_window, fakes, qtbot, tmp_path) -> None:
    from models.common.types import PartialText

    def run(request, state):
        for step in range(1, 4):
            state.report(step / 4, f"Step {step}/3")
            time.sleep(0.06)
        state.publish(PartialText("summary", fakes.english, complete=True))
        time.sleep(0.06)
        return fakes.fake_digest(request)

    window = make_window(run=run)
    open_seed(window, fakes)
    view = window.workspace.original_pane.view
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0
    document = view.document()
    changes: list[tuple[int, int, int]] = []
    document.contentsChange.connect(lambda at, removed, added: changes.append((at, removed, added)))
    run_digest(qtbot, window)  # queued, digesting, its summary shown as it comes, done
    assert window.workspace.generated_pane.summary_view.toPlainText() == fakes.english
    assert view.document() is document and changes == []  # never set again, never laid out again
    assert bar.value() == place
    # Another article starts at its top.
    other = tmp_path / "other.txt"
    other.write_text("Another title\n\n" + "A paragraph of another article.\n\n" * 80, encoding="utf-8")
    assert window.open_file(str(other))
    qtbot.waitUntil(lambda: window.article is not None and window.article.title == "Another title", timeout=10_000)
    assert bar.value() == 0 and changes


def test_a_failing_digest_shows_the_error_and_keeps_the_window_usable(make_window, fakes, qtbot) -> None:
    from models.common.types import DigestError, ModelUnavailable

    errors = iter([DigestError("The article is too short to summarise"), ModelUnavailable("Summary model gone")])

    def run(request, state):
        raise next(errors)

    window = make_window(run=run)
    open_seed(window, fakes)
    with qtbot.waitSignal(window.digest_failed, timeout=2000):
        window.start_digest()
    assert window.workspace.banner.isVisible() and window.workspace.banner.kind == "error"
    assert "too short to summarise" in window.workspace.banner.label.text()
    assert "too short to summarise" in status(window)
    assert window.findChild(QPushButton, "digestButton").isEnabled()
    with qtbot.waitSignal(window.digest_failed, timeout=2000):
        window.start_digest()
    assert window.workspace.banner.choose_button.isVisible()
    assert "Summary model gone" in window.workspace.banner.label.text()


# -- saving ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "chosen_filter"), [("digest.md", "Markdown (*.md)"), ("digest", "JSON (*.json)")])
def test_save_writes_the_digest_where_the_user_chose(make_window, fakes, qtbot, tmp_path, monkeypatch, name, chosen_filter) -> None:
    window = make_window()
    open_seed(window, fakes)
    digest = run_digest(qtbot, window)
    asked: list[tuple] = []

    def fake_dialog(parent, caption, directory, filters, selected):
        asked.append((caption, directory, filters, selected))
        return str(tmp_path / name), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    window.findChild(QAction, "saveAction").trigger()
    assert asked and "Word document (*.docx)" in asked[0][2] and "Markdown (*.md)" in asked[0][2]
    assert asked[0][1].endswith(f"{safe_file_stem(digest.article.title)}.txt")
    qtbot.waitUntil(lambda: status(window).startswith("Saved the digest to"), timeout=5000)  # written off the GUI thread
    if name.endswith(".md"):
        text = (tmp_path / "digest.md").read_text(encoding="utf-8")
        assert fakes.english in text and fakes.russian in text and fakes.arabic in text
    else:
        data = json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))
        assert data["summary"] == fakes.english
        assert data["summary_translations"]["ar"] == fakes.arabic
    assert status(window).startswith("Saved the digest to")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left
    settings = AppSettings()
    assert settings.last_folder == str(tmp_path.resolve())
    # The next save starts in the remembered folder, with the format used last. A name typed
    # without extension gets one, and replacing that file is confirmed first.
    questions: list[str] = []

    def fake_question(parent, title, text, *rest):
        questions.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    window.statusBar().clearMessage()
    before = (tmp_path / ("digest.json" if name == "digest" else name)).read_bytes()
    (tmp_path / ("digest.json" if name == "digest" else name)).write_text("mine", encoding="utf-8")
    result = window.save_digest()
    assert asked[1][1].startswith(str(tmp_path.resolve()))
    assert asked[1][3] == chosen_filter
    if name == "digest":  # asked when the writer finds the file there; "No" leaves it as it was
        qtbot.waitUntil(lambda: bool(questions), timeout=5000)
        assert result == str(tmp_path / "digest.json") and questions == ["digest.json already exists. Do you want to replace it?"]
        qtbot.waitUntil(lambda: not window.runner.busy(FILES_LANE), timeout=5000)
        assert (tmp_path / "digest.json").read_text(encoding="utf-8") == "mine" and not status(window)
    else:
        assert result == str(tmp_path / name)
        qtbot.waitUntil(lambda: status(window).startswith("Saved the digest to"), timeout=5000)
        assert questions == [] and (tmp_path / name).read_bytes() == before  # the dialog itself confirmed


def test_save_replaces_a_file_atomically_and_reports_failures(make_window, fakes, qtbot, tmp_path, monkeypatch) -> None:
    window = make_window()
    open_seed(window, fakes)
    run_digest(qtbot, window)
    target = tmp_path / "digest.txt"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "Plain text (*.txt)")))
    assert window.save_digest() == str(target)
    qtbot.waitUntil(lambda: fakes.english in target.read_text(encoding="utf-8"), timeout=5000)

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *rest: warnings.append(text)))
    missing = tmp_path / "no such folder" / "digest.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(missing), "Plain text (*.txt)")))
    assert window.save_digest() == str(missing)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)  # found out off the GUI thread
    assert "Could not save digest.txt" in warnings[0]
    assert status(window).startswith("Could not save digest.txt")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    assert window.save_digest() is None  # the user cancelled the dialog


def test_safe_file_stem() -> None:
    assert safe_file_stem('A/B: "c"?') == "A B c"
    assert safe_file_stem("...") == "digest"


# -- history, recent files, settings -----------------------------------------------------------------
#: What the offscreen platform says when a menu pops up: the test platform talking, not the app.
MENU_SHOWN_OFFSCREEN = r"^This plugin does not support (raise\(\)|grabbing the keyboard)$"


@pytest.mark.qt_log_ignore(MENU_SHOWN_OFFSCREEN)
def test_history_reopens_a_past_digest(open_article, make_window, fakes, qtbot, tmp_path) -> None:
    window = make_window()
    open_seed(window, fakes)
    digest = run_digest(qtbot, window)
    other = tmp_path / "other.txt"
    other.write_text("Another title\n\nA second article, short but real enough to open.", encoding="utf-8")
    open_article(window, other)
    assert window.workspace.generated_pane.summary_view.toPlainText() == ""

    entries = history_menu_entries(qtbot, window)
    assert len(entries) == 1 and digest.article.title in entries[0].text()

    window.findChild(QAction, "historyAction").trigger()
    dialog = window.history_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.listed, timeout=5000)  # read off the GUI thread
    assert dialog.list.count() == 1
    with qtbot.waitSignal(window.digest_shown, timeout=2000):
        dialog.open_button.click()
    assert window.workspace.generated_pane.summary_view.toPlainText() == fakes.english
    assert window.article.title == digest.article.title
    assert window.workspace.generated_pane.language_views["ar"].toPlainText() == fakes.arabic
    assert "Reopened the digest" in status(window)


def test_history_dialog_survives_damaged_entries(make_window, fakes, qtbot) -> None:
    import os

    from desktop.ui.dialogs import HistoryDialog, history_row

    window = make_window()
    open_seed(window, fakes)
    digest = run_digest(qtbot, window)
    history_written(qtbot, window)
    root = window.history().root
    good = digest.to_json_dict()
    damaged = {
        "20200101T000000-000001Z-number-title": {**good, "title": 5},
        "20200101T000000-000002Z-number-source": {**good, "source_path": 7},
        "20200101T000000-000003Z-a-list": [good],
    }
    for stem, data in damaged.items():
        (root / f"{stem}.json").write_text(json.dumps(data), encoding="utf-8")
    # A lone surrogate in the title (a "\ud800" escape in the file): listed, shown with U+FFFD.
    (root / "20200101T000000-000004Z-surrogate.json").write_text(
        json.dumps({**good, "title": "Lone \ud800 surrogate"}), encoding="utf-8"
    )
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "20200101T000000-000005Z-fifo.json")  # never opened: no hang

    window.findChild(QAction, "historyAction").trigger()
    dialog = window.history_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.listed, timeout=5000)
    titles = [dialog.list.item(row).text().splitlines()[0] for row in range(dialog.list.count())]
    assert titles == [digest.article.title, "Lone \ufffd surrogate"]
    assert all(dialog.list.item(row).toolTip() == good["source_path"] for row in range(2))
    dialog.close()

    # Rows made from whatever an entry holds are text: numbers where text should be, None.
    rows = [history_row({"id": 5, "title": 7, "created": None, "source_path": 3}), history_row(object())]
    assert rows[0].title == "7" and rows[0].source_path == "3" and rows[0].created == ""
    assert rows[1].title == "Untitled article" and rows[1].source_path is None
    shown = HistoryDialog(rows)
    qtbot.addWidget(shown)
    assert shown.list.count() == 2 and shown.list.item(0).toolTip() == "3"


def test_open_recent_and_settings_survive_a_restart(open_article, make_window, fakes, qtbot, tmp_path) -> None:
    window = make_window()
    open_seed(window, fakes)
    window.workspace.option_bar.language_boxes["ru"].setChecked(False)
    window.workspace.option_bar.full_article_box.setChecked(True)
    window.workspace.option_bar.profile_combo.setCurrentIndex(window.workspace.option_bar.profile_combo.findData("fast"))
    window.workspace.splitter.setSizes([300, 900])
    size = (window.minimumSizeHint().width() + 10, 500)  # fits the offscreen platform's 800x600 screen
    window.resize(*size)
    window.close()

    again = make_window()
    assert not again.workspace.option_bar.language_boxes["ru"].isChecked() and again.workspace.option_bar.language_boxes["ar"].isChecked()
    assert again.workspace.option_bar.full_article_box.isChecked()
    assert again.profile == "fast" and again.window_actions.profile_actions["fast"].isChecked()
    assert (again.size().width(), again.size().height()) == size
    assert again.workspace.splitter.sizes()[0] < again.workspace.splitter.sizes()[1]
    again.recent_menu.rebuild()
    recent = [action for action in again.recent_menu.actions() if action.data()]
    assert [action.data() for action in recent] == [str(fakes.seed_article.resolve())]
    recent[0].trigger()
    qtbot.waitUntil(lambda: again.article is not None, timeout=5000)  # read off the GUI thread
    assert again.article.source_path

    gone = tmp_path / "gone.txt"
    gone.write_text("Gone title\n\nThis file will be deleted before it is reopened.", encoding="utf-8")
    assert open_article(again, gone)
    gone.unlink()
    again.recent_menu.rebuild()
    stale = next(action for action in again.recent_menu.actions() if action.data() == str(gone.resolve()))
    stale.trigger()
    qtbot.waitUntil(lambda: "no longer there" in status(again), timeout=5000)
    assert str(gone.resolve()) not in AppSettings().recent_files


# -- models ------------------------------------------------------------------------------------------
def test_missing_models_are_named_and_a_models_folder_can_be_chosen(make_window, fakes, qtbot, tmp_path, monkeypatch) -> None:
    good_folder = tmp_path / "models"
    good_folder.mkdir()
    calls: list[tuple[str, str | None, DigestOptions]] = []

    def check(profile, models_dir, options, article_language):
        calls.append((profile, models_dir, options))
        if models_dir == str(good_folder):
            return []
        return ["Summary model: sshleifer/distilbart-cnn-12-6 is not installed (looked in /nowhere/summarize, the Hugging Face cache)"]

    window = make_window(check=check)
    open_seed(window, fakes)
    assert window.workspace.banner.isVisible()
    assert "1 model is missing" in window.workspace.banner.label.text()
    assert "distilbart-cnn-12-6 is not installed" in window.workspace.banner.label.text()
    assert "/nowhere" not in window.workspace.banner.label.text()  # the searched places go to the tooltip
    assert "looked in /nowhere/summarize" in window.workspace.banner.toolTip()
    assert not window.findChild(QPushButton, "digestButton").isEnabled()
    window.start_digest()  # refused, with a reason
    assert "models are not installed" in status(window)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(good_folder)))
    with qtbot.waitSignal(window.model_check_finished, timeout=2000):
        qtbot.mouseClick(window.workspace.banner.choose_button, Qt.MouseButton.LeftButton)
    assert window.workspace.banner.kind == "success"  # "Models found — press Digest"
    assert "Models found" in window.workspace.banner.label.text()
    assert window.findChild(QPushButton, "digestButton").isEnabled()
    assert AppSettings().models_dir == str(good_folder)
    assert calls[-1][1] == str(good_folder)
    # Options changes re-check with the new options.
    with qtbot.waitSignal(window.model_check_finished, timeout=2000):
        window.workspace.option_bar.language_boxes["ar"].setChecked(False)
    assert calls[-1][2].languages == ("ru",)


def test_a_failing_check_is_shown_not_fatal(make_window, fakes) -> None:
    def check(profile, models_dir, options, article_language):
        raise RuntimeError("disk on fire")

    window = make_window(check=check)
    assert window.workspace.banner.isVisible()
    assert "Could not check the models: disk on fire" in window.workspace.banner.label.text()


def test_real_engine_with_tiny_models(open_article, make_window, fakes, qtbot, tiny_models_dir, tmp_path) -> None:
    settings = AppSettings()
    settings.models_dir = str(tiny_models_dir)
    window = make_window(run=None, check=None, settings=settings)
    assert window.engine_link.problems == [], window.engine_link.problems
    # The window's part, not the engine's speed, is under test here: a short article.
    short = tmp_path / "short.txt"
    paragraphs = fakes.seed_article.read_text(encoding="utf-8").split("\n\n")
    short.write_text("\n\n".join(paragraphs[:1] + paragraphs[6:8]), encoding="utf-8")
    assert open_article(window, short)
    values: list[int] = []
    window.workspace.progress_row.progress_bar.valueChanged.connect(values.append)
    digest = run_digest(qtbot, window, timeout=180_000)
    assert digest.summary.strip()
    assert window.workspace.generated_pane.summary_view.toPlainText() == digest.summary
    for code in ("ru", "ar"):
        assert window.workspace.generated_pane.language_views[code].toPlainText() == digest.summary_translations[code]
        assert digest.summary_translations[code].strip()
    assert len(values) >= 2 and values == sorted(values)
    assert any(credit.model_id for credit in digest.models)
    assert len(history_written(qtbot, window)) == 1


# -- text direction and fonts ------------------------------------------------------------------------
def test_arabic_reads_right_to_left_with_a_covering_font(make_window, fakes, qtbot) -> None:
    window = make_window()
    open_seed(window, fakes)
    run_digest(qtbot, window)
    arabic = window.findChild(QTextEdit, "arabicView")
    option = arabic.document().defaultTextOption()
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    # Every paragraph, even one that starts with a Latin name, lays out right to left.
    block = arabic.document().firstBlock()
    while block.isValid():
        assert block.textDirection() == Qt.LayoutDirection.RightToLeft
        block = block.next()
    arabic_families = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    assert arabic.font().families()[0] in arabic_families
    russian = window.findChild(QTextEdit, "russianView")
    assert russian.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert russian.document().defaultTextOption().textDirection() == Qt.LayoutDirection.LeftToRight
    assert russian.font().families()[0] in set(QFontDatabase.families(QFontDatabase.WritingSystem.Cyrillic))


def test_article_notices_are_shown(make_window, qtbot) -> None:
    from models.common.types import Article

    window = make_window()
    window.show_article(Article(title="Статья", text="Текст статьи на русском языке.", language="ru",
                                notices=("This article looks like Russian; the models expect English.",)))
    assert window.workspace.original_pane.notices_label.isVisible()
    assert "expect English" in window.workspace.original_pane.notices_label.text()
    window.show_article(Article(title="Plain", text="Plain English text."))
    assert not window.workspace.original_pane.notices_label.isVisible()


# -- dialogs -------------------------------------------------------------------------------------------
def test_about_lists_models_licences_and_attribution(make_window, qtbot) -> None:
    from PySide6.QtWidgets import QDialog, QTextBrowser

    from models.inventory.catalog import PROFILES

    window = make_window()
    window.window_actions.about_action.trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QTextBrowser, "aboutText").toPlainText()
    for specs in PROFILES.values():
        for spec in specs.values():
            assert spec.repo_id in text and spec.licence in text
    assert "University of Helsinki" in text and "Sam Shleifer" in text
    dialog.close()


def test_shortcuts_dialog_lists_the_menu_shortcuts(make_window, qtbot) -> None:
    from PySide6.QtWidgets import QDialog, QTableWidget

    window = make_window()
    window.window_actions.shortcuts_action.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert rows["Open…"] == "Ctrl+O"
    assert rows["Digest"].startswith("Ctrl+Return")
    assert rows["Cancel"] == "Esc"
    assert rows["Quit"] == "Ctrl+Q"  # not "Ctrl+Q or Ctrl+Q"
    dialog.close()


def test_close_while_digesting_cancels_and_joins_the_lanes(make_window, fakes, qtbot) -> None:
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    open_seed(window, fakes)
    window.start_digest()
    assert looping.started.wait(2)
    begin = time.monotonic()
    window.close()
    assert time.monotonic() - begin < 1.5
    assert not fakes.lane_threads_alive()
    assert looping.stopped.is_set()


def test_download_models_opens_the_models_dialog_and_rechecks_when_it_closes(make_window, fakes, qtbot) -> None:
    pytest.importorskip("desktop.ui.models_dialog")
    from PySide6.QtWidgets import QDialog

    calls: list[str] = []

    def check(profile, models_dir, options, article_language):
        calls.append(profile)
        return ["Summary model: sshleifer/distilbart-cnn-12-6 is not installed"]

    window = make_window(check=check)
    assert window.workspace.banner.manage_button.isVisible()
    qtbot.mouseClick(window.workspace.banner.manage_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "modelsDialog")
    assert dialog is not None and dialog.isVisible()
    before = len(calls)
    with qtbot.waitSignal(window.model_check_finished, timeout=3000):
        dialog.reject()
    assert len(calls) > before


def test_opening_an_article_has_the_engine_load_its_models(open_article, make_window, fakes, qtbot) -> None:
    window = make_window()
    engine = window.engine_link.engine()
    assert open_article(window, fakes.seed_article)
    qtbot.waitUntil(lambda: bool(engine.preloads), timeout=2000)
    [(config, options)] = engine.preloads
    assert (config.profile, config.models_dir, options) == (window.profile, window.settings.models_dir, window.options())

    # Models missing: nothing to load, nothing asked.
    missing = make_window(check=lambda profile, models_dir, options, language: ["Summary model: not installed"])
    assert open_article(missing, fakes.seed_article)
    qtbot.wait(200)
    assert missing.engine_link.engine().preloads == []
