"""The window tells the truth and stays responsive, driven as a user would: nothing is read,
listed or written on the GUI thread (a slow reader, a slow folder walk, a slow history, slow
writes: a 10 ms timer keeps ticking and the work runs on another thread), Digest keeps an
article's place in the list, an article that cannot be opened says so (not "the digest
failed") and a batch ends with a summary, a drop of 200 articles builds each row once, the
History menu and dialog never wait on the disk, the model check never waits behind a digest,
and failed rows read on a dark palette."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from desktop.ui.article_queue import EntryState
from desktop.ui.documents import HISTORY_LANE
from desktop.ui.menus import HISTORY_MENU_ENTRIES
from tests.desktop.test_queue import write_articles
from tests.desktop.ticks import Ticks

#: What the offscreen platform says when a menu pops up: the test platform talking, not the app.
MENU_SHOWN_OFFSCREEN = r"^This plugin does not support (raise\(\)|grabbing the keyboard)$"
#: How long the slow stand-ins below take: far longer than any stall allowed.
SLOW_S = 0.6
#: The longest the GUI event loop may go without running (the issue's goal is 100 ms; a busy
#: test machine gets some slack, still far below SLOW_S).
MAX_GAP_S = 0.2


@pytest.fixture
def ticks(qtbot) -> Iterator[Callable[[], Ticks]]:
    made: list[Ticks] = []

    def start() -> Ticks:
        made.append(Ticks())
        return made[-1]

    yield start
    for each in made:
        each.stop()


def slow(record: list[str], function: Callable) -> Callable:
    """``function``, taking :data:`SLOW_S` longer, noting the thread it ran on in ``record``."""

    def wrapper(*args, **kwargs):
        record.append(threading.current_thread().name)
        time.sleep(SLOW_S)
        return function(*args, **kwargs)

    return wrapper


def status(window) -> str:
    return window.statusBar().currentMessage()


# -- nothing read on the GUI thread ---------------------------------------------------------------
def test_a_file_opened_alone_is_read_off_the_gui_thread(make_window, fakes, drop, qtbot, ticks, monkeypatch) -> None:
    from models.documents import read

    threads: list[str] = []
    monkeypatch.setattr(read, "read_article", slow(threads, read.read_article))
    window = make_window()
    ticking = ticks()
    drop(window, [fakes.seed_article])  # a drop of one file
    qtbot.waitUntil(lambda: window.entry is not None, timeout=5000)
    assert window.entry.state is EntryState.READING  # listed and shown while it is read
    qtbot.waitUntil(lambda: window.article is not None, timeout=5000)
    assert ticking.longest() < MAX_GAP_S
    assert threads and threading.main_thread().name not in threads
    assert status(window).startswith("Opened russia-us-syria.txt")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args: ([str(fakes.seed_article)], "")))
    ticking = ticks()
    window.window_actions.open_action.trigger()  # File › Open, one file
    qtbot.waitUntil(lambda: len(threads) == 2 and window.queue.entries[-1].article is not None, timeout=5000)
    assert ticking.longest() < MAX_GAP_S and threading.main_thread().name not in threads


def test_digest_pressed_while_the_article_is_read_digests_it_once_read(make_window, fakes, qtbot, monkeypatch) -> None:
    from models.documents import read

    monkeypatch.setattr(read, "read_article", slow([], read.read_article))
    window = make_window()
    window.open_file(str(fakes.seed_article))
    button = window.findChild(QPushButton, "digestButton")
    assert button.isEnabled()
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert status(window) == "Queued: it will be digested once it is read."
        assert not button.isEnabled()  # asked once
    assert window.entry.state is EntryState.DONE


def test_a_folder_is_looked_through_off_the_gui_thread(make_window, fakes, drop, qtbot, ticks, tmp_path, monkeypatch) -> None:
    from models.documents import inputs, read

    walks: list[str] = []
    looks: list[str] = []
    monkeypatch.setattr(read, "expand_article_paths", slow(walks, read.expand_article_paths))
    monkeypatch.setattr(inputs, "classify_input", slow(looks, inputs.classify_input))
    window = make_window()
    folder = tmp_path / "today"
    write_articles(folder, 3)
    ticking = ticks()
    drop(window, [folder])
    qtbot.waitUntil(lambda: len(window.queue.entries) == 3, timeout=5000)
    assert ticking.longest() < MAX_GAP_S
    assert walks and looks and threading.main_thread().name not in walks + looks


def test_a_digest_is_kept_and_auto_saved_off_the_gui_thread(make_window, fakes, qtbot, ticks, tmp_path, monkeypatch) -> None:
    from models.documents import export, history

    kept: list[str] = []
    saved: list[str] = []
    monkeypatch.setattr(history.History, "add", slow(kept, history.History.add))
    monkeypatch.setattr(export, "write_digest_in_folder", slow(saved, export.write_digest_in_folder))
    window = make_window()
    window.settings.auto_save, window.settings.save_all_folder, window.settings.save_all_format = True, str(tmp_path), "md"
    assert fakes.open(window, fakes.seed_article)
    ticking = ticks()
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        window.start_digest()
    qtbot.waitUntil(lambda: "Saved as" in status(window), timeout=5000)
    assert ticking.longest() < MAX_GAP_S
    assert kept and saved and threading.main_thread().name not in kept + saved
    assert status(window).startswith("Digest ready in") and len(list(tmp_path.glob("*.md"))) == 1
    qtbot.waitUntil(lambda: not window.runner.busy(HISTORY_LANE), timeout=5000)
    assert len(window.history().entries()) == 1


def test_a_save_is_written_off_the_gui_thread_and_its_failure_still_said(
    make_window, fakes, qtbot, ticks, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui import save_dialog

    writes: list[str] = []
    monkeypatch.setattr(save_dialog, "atomic_write_bytes", slow(writes, save_dialog.atomic_write_bytes))
    window = make_window()
    assert fakes.open(window, fakes.seed_article)
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        window.start_digest()
    target = tmp_path / "digest.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "Markdown (*.md)")))
    ticking = ticks()
    window.window_actions.save_action.trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Saved the digest to"), timeout=5000)
    assert ticking.longest() < MAX_GAP_S and writes and threading.main_thread().name not in writes
    assert fakes.english in target.read_text(encoding="utf-8")

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *rest: warnings.append(text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(tmp_path / "gone" / "d.md"), "")))
    window.window_actions.save_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "Could not save d.md" in warnings[0] and status(window).startswith("Could not save d.md")


def test_closing_the_window_never_loses_a_digest_being_kept(make_window, fakes, qtbot, monkeypatch) -> None:
    from models.documents import history

    monkeypatch.setattr(history.History, "add", slow([], history.History.add))
    window = make_window()
    assert fakes.open(window, fakes.seed_article)
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        window.start_digest()
    root = window.history().root
    window.close()  # while the history is still being written
    assert len(history.History(root).entries()) == 1


# -- the history ---------------------------------------------------------------------------------
@pytest.mark.qt_log_ignore(MENU_SHOWN_OFFSCREEN)
def test_the_history_menu_and_dialog_never_wait_on_the_disk(make_window, fakes, qtbot, ticks, monkeypatch) -> None:
    from models.documents import history

    window = make_window()
    assert fakes.open(window, fakes.seed_article)
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        window.start_digest()
    qtbot.waitUntil(lambda: not window.runner.busy(HISTORY_LANE), timeout=5000)
    listings: list[tuple[str, int | None]] = []
    entries = history.History.entries

    def slow_entries(self, limit=None):  # as slow as 10,000 entries without their index
        listings.append((threading.current_thread().name, limit))
        time.sleep(SLOW_S)
        return entries(self, limit)

    monkeypatch.setattr(history.History, "entries", slow_entries)
    menu = window.history_menu
    ticking = ticks()
    started = time.perf_counter()
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    assert time.perf_counter() - started < MAX_GAP_S
    # What it listed before shows at once; the latest are listed again meanwhile, off the GUI thread.
    listed = [action.text() for action in menu.actions() if action.data()]
    assert len(listed) == 1 and listed[0].startswith(window.article.title), listed
    qtbot.waitUntil(lambda: bool(listings) and not window.runner.busy(HISTORY_LANE), timeout=5000)
    assert listings == [(f"{HISTORY_LANE}-lane", HISTORY_MENU_ENTRIES)]
    menu.hide()
    assert ticking.longest() < MAX_GAP_S

    ticking = ticks()
    window.findChild(QAction, "historyAction").trigger()
    dialog = window.history_dialog
    assert dialog.isVisible() and not dialog.listed and "Reading the history" in dialog.empty_label.text()
    qtbot.waitUntil(lambda: dialog.listed, timeout=5000)
    assert ticking.longest() < MAX_GAP_S
    assert listings[-1] == (f"{HISTORY_LANE}-lane", None) and dialog.list.count() == 1

    loads: list[str] = []
    monkeypatch.setattr(history.History, "load", slow(loads, history.History.load))
    ticking = ticks()
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        dialog.open_button.click()
    assert ticking.longest() < MAX_GAP_S and loads == [f"{HISTORY_LANE}-lane"]
    assert "Reopened the digest" in status(window)


def test_a_history_entry_that_cannot_be_read_says_why(make_window, fakes, qtbot) -> None:
    window = make_window()
    window.open_history_entry("20200101T000000-000001Z-gone")
    qtbot.waitUntil(lambda: status(window).startswith("Cannot open that digest from the history:"), timeout=5000)
    assert window.entry is None


# -- the model check ---------------------------------------------------------------------------------
def test_the_model_check_never_waits_behind_a_digest(make_window, fakes, qtbot) -> None:
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    assert fakes.open(window, fakes.seed_article)
    window.start_digest()
    assert looping.started.wait(2)
    with qtbot.waitSignal(window.model_check_finished, timeout=2000):  # answered while the digest runs
        window.engine_link.refresh()
    assert window.digesting
    window.window_actions.cancel_all_action.trigger()


# -- the queue tells the truth ---------------------------------------------------------------------------
def test_digest_keeps_the_article_in_its_place_in_the_list(make_window, fakes, qtbot, tmp_path) -> None:
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    first, second, third = (fakes.open(window, path) for path in write_articles(tmp_path, 3))
    panel = window.workspace.queue_panel
    rows = lambda: [panel.list.item(row).data(Qt.ItemDataRole.UserRole).title for row in range(panel.list.count())]  # noqa: E731
    order = ["Article number 1", "Article number 2", "Article number 3"]
    assert rows() == order
    qtbot.mouseClick(window.findChild(QPushButton, "digestButton"), Qt.MouseButton.LeftButton)  # the third, shown
    assert looping.started.wait(2) and window.queue.running_entry.article is third
    assert [entry.article for entry in window.queue.entries] == [first, second, third] and rows() == order
    window.workspace.show_entry(window.queue.entries[0])
    window.start_digest()  # the first waits its turn, where it is
    assert status(window) == "Queued: 1 article before it."
    assert [entry.article for entry in window.queue.entries] == [first, second, third] and rows() == order
    window.window_actions.cancel_all_action.trigger()


def test_a_batch_says_what_could_not_be_opened_and_sums_up(make_window, fakes, drop, qtbot, tmp_path) -> None:
    window = make_window(check=lambda *args: ["Summary model: not installed"])
    paths = write_articles(tmp_path, 4)
    bad = tmp_path / "broken.txt"
    bad.write_bytes((Path(__file__).resolve().parents[2] / "resources" / "app-icon-256.png").read_bytes())
    paths.insert(1, bad)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    drop(window, paths)
    qtbot.waitUntil(lambda: len(window.queue.entries) == 5 and all(e.state is not EntryState.READING for e in window.queue.entries),
                    timeout=10_000)
    why = "looks like binary data, not text (no text encoding fits)"
    summary = f"4 articles opened (not digested: models are missing). Cannot open broken.txt: {why}"
    # The status bar says the batch's first line, then ends with its summary (not the last failure alone).
    qtbot.waitUntil(lambda: status(window) == summary, timeout=2000)
    assert said == ["5 articles opened (not digested: models are missing).", summary]
    failed = window.queue.entries[1]
    assert failed.state is EntryState.UNREADABLE
    assert window.workspace.queue_panel.item_of(failed).text().endswith(f"Could not be opened: {why}")
    window.workspace.show_entry(failed)
    banner = window.workspace.banner
    assert banner.isVisible() and banner.kind == "error"
    assert "This article could not be opened." in banner.label.text() and "The digest failed" not in banner.label.text()


def test_a_drop_of_200_articles_builds_each_row_once(make_window, fakes, drop, qtbot, ticks, tmp_path, monkeypatch) -> None:
    from desktop.ui.queue_panel import QueuePanel

    built: list[int] = []
    show_entry = QueuePanel._show_entry  # noqa: SLF001
    monkeypatch.setattr(QueuePanel, "_show_entry", lambda self, item, entry: built.append(1) or show_entry(self, item, entry))
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    folder = tmp_path / "many"
    write_articles(folder, 250)
    ticking = ticks()
    drop(window, [folder])
    qtbot.waitUntil(lambda: len(window.queue.entries) == 200, timeout=10_000)
    qtbot.waitUntil(lambda: all(entry.state is not EntryState.READING for entry in window.queue.entries), timeout=60_000)
    # Each row built when added and once per change of its entry (queued, read, waiting; one digesting),
    # never the whole list again per entry added (200 entries: 20,000 rows).
    assert len(built) <= 200 * 5, len(built)
    assert ticking.longest() < 0.5  # the reads hold the interpreter too on two cores; the bench measures this drop
    assert "200 articles queued" in status(window) or window.queue.running
    window.window_actions.cancel_all_action.trigger()


def test_failed_rows_read_on_a_dark_palette(make_window, fakes, drop, qtbot, tmp_path) -> None:
    from desktop.ui.reading import apply_appearance

    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    window = make_window()
    drop(window, [*write_articles(tmp_path, 1), bad])
    qtbot.waitUntil(lambda: len(window.queue.entries) == 2 and window.queue.entries[1].state is EntryState.UNREADABLE, timeout=5000)
    item = window.workspace.queue_panel.item_of(window.queue.entries[1])
    app = QApplication.instance()
    try:
        for appearance in ("light", "dark"):
            apply_appearance(app, appearance)
            palette = window.workspace.queue_panel.list.palette()
            for role in (palette.ColorRole.Base, palette.ColorRole.AlternateBase):
                ratio = contrast(item.foreground().color(), palette.color(role))
                assert ratio >= 4.5, (appearance, role, item.foreground().color().name(), palette.color(role).name(), ratio)
    finally:
        apply_appearance(app, "system")


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
