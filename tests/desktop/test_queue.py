"""Many articles in the window, driven as a user would: drops of files, folders, links and text,
paste, the queue's list, results shown as they come, Cancel, Cancel All, Save All, auto-save, a
digest reopened from the history."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

import pytest

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from desktop.ui.article_queue import EntryState
from desktop.ui.documents import HISTORY_LANE
from desktop.ui.main_window import MainWindow
from models.common.types import DigestOptions, PartialText

SEED_TEXT = (Path(__file__).resolve().parents[2] / "seeds" / "russia-us-syria.txt").read_text(encoding="utf-8")


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def write_articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles (the seed under other titles) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = folder / f"article-{number}.txt"
        path.write_text(f"Article number {number}\n\n{SEED_TEXT}", encoding="utf-8")
        paths.append(path)
    return paths


def click_entry(qtbot, window: MainWindow, entry) -> None:
    item = window.workspace.queue_panel.item_of(entry)
    rect = window.workspace.queue_panel.list.visualItemRect(item)
    qtbot.mouseClick(window.workspace.queue_panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def states(window: MainWindow) -> list[EntryState]:
    return [entry.state for entry in window.queue.entries]


# -- many files, a folder ----------------------------------------------------------------------
def test_five_files_with_one_bad_give_four_digests_and_one_clear_failure(make_window, fakes, drop, qtbot, tmp_path) -> None:
    window = make_window(run=fakes.fast_run)
    paths = write_articles(tmp_path, 4)
    bad = tmp_path / "broken.txt"
    bad.write_bytes((Path(__file__).resolve().parents[2] / "resources" / "app-icon-256.png").read_bytes())
    paths.insert(2, bad)
    drop(window, paths)
    qtbot.waitUntil(lambda: len(window.queue.entries) == 5 and window.workspace.queue_panel.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: all(state in (EntryState.DONE, EntryState.UNREADABLE) for state in states(window)), timeout=15000)
    assert states(window).count(EntryState.DONE) == 4
    [failed] = [entry for entry in window.queue.entries if entry.state is EntryState.UNREADABLE]
    assert failed.source == str(bad) and "binary" in failed.reason
    # It could not be opened, in the same words everywhere: the list, the status bar's summary, the banner.
    row = window.workspace.queue_panel.item_of(failed).text()
    assert "Could not be opened: looks like binary data" in row and "Failed" not in row
    assert not window.digesting
    qtbot.waitUntil(lambda: not window.runner.busy(HISTORY_LANE), timeout=5000)
    assert len(window.history().entries()) == 4
    heading = window.workspace.queue_panel.heading.text()
    assert "4 digested" in heading and "1 could not be opened" in heading and "failed" not in heading
    click_entry(qtbot, window, failed)
    banner = window.workspace.banner.label.text()
    assert window.workspace.banner.isVisible() and "This article could not be opened." in banner
    assert "Cannot open broken.txt: looks like binary data" in banner and "digest failed" not in banner.lower()
    # Clicking an entry shows that article and its digest.
    third = window.queue.entries[3]
    click_entry(qtbot, window, third)
    assert window.article.title == "Article number 3"
    assert window.workspace.generated_pane.summary_view.toPlainText() == fakes.english


def test_a_dropped_folder_queues_its_articles_only(make_window, fakes, drop, qtbot, tmp_path) -> None:
    window = make_window(run=fakes.fast_run)
    folder = tmp_path / "today"
    write_articles(folder, 3)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.txt").write_text("Hidden\n\nNot an article the user meant.", encoding="utf-8")
    drop(window, [folder])
    qtbot.waitUntil(lambda: len(window.queue.entries) == 3, timeout=5000)  # the folder is looked through off the GUI thread
    assert [entry.label for entry in window.queue.entries] == ["article-1.txt", "article-2.txt", "article-3.txt"]
    assert "3 articles queued" in status(window)
    qtbot.waitUntil(lambda: states(window) == [EntryState.DONE] * 3, timeout=10000)


def test_the_queue_can_be_reordered_and_entries_removed(make_window, fakes, drop, qtbot, tmp_path) -> None:
    release = threading.Event()
    order: list[str] = []

    def run(request, state):
        order.append(request.article.title)
        assert release.wait(5)
        return fakes.fake_digest(request)

    window = make_window(run=run)
    drop(window, write_articles(tmp_path, 4))
    # Every article read: one still being read when the first digest ends is passed over for
    # the next one read (the queue does not wait on a read), which would not test the order.
    qtbot.waitUntil(
        lambda: window.digesting and len(window.queue.waiting()) == 3
        and all(entry.state is not EntryState.READING for entry in window.queue.entries),
        timeout=5000,
    )
    last = window.queue.entries[3]
    window.workspace.queue_panel.select(last)
    window.workspace.queue_panel.move_selected(-2)  # the fourth goes second: it is digested next
    second = window.queue.entries[2]
    window.workspace.queue_panel.select(second)
    qtbot.keyClick(window.workspace.queue_panel.list, Qt.Key.Key_Delete)
    assert second not in window.queue.entries
    release.set()
    qtbot.waitUntil(lambda: not window.digesting and not window.queue.waiting(), timeout=10000)
    assert order == ["Article number 1", "Article number 4", "Article number 3"]


# -- text and links --------------------------------------------------------------------------
def test_dropped_and_pasted_text_become_articles(make_window, fakes, qtbot, drop_data) -> None:
    window = make_window(run=fakes.fast_run)
    mime = QMimeData()
    mime.setText("Dropped headline\n\n" + SEED_TEXT)
    assert all(drop_data(window.workspace.original_pane.view.viewport(), mime))
    qtbot.waitUntil(lambda: window.article is not None, timeout=5000)
    assert window.article.title == "Dropped headline"
    assert window.window_actions.digest_action.isEnabled()

    QGuiApplication.clipboard().setText("Pasted headline\n\n" + SEED_TEXT)
    window.activateWindow()
    window.workspace.generated_pane.summary_view.setFocus()  # a read-only pane has focus: Ctrl+V still makes an article
    qtbot.keyClick(window.workspace.generated_pane.summary_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.article is not None and window.article.title == "Pasted headline", timeout=5000)
    assert len(window.queue.entries) == 2

    QGuiApplication.clipboard().setText("   ")
    window.window_actions.paste_action.trigger()
    assert "clipboard holds no text" in status(window)
    QGuiApplication.clipboard().setText("\x00\x01\x02 binary")
    window.window_actions.paste_action.trigger()
    qtbot.waitUntil(lambda: window.queue.entries[-1].state is EntryState.UNREADABLE, timeout=5000)
    assert status(window).startswith("Cannot use that text as an article: it ")


def test_text_too_long_to_be_an_article_says_so_once_with_its_subject(make_window, fakes, qtbot) -> None:
    window = make_window(run=fakes.fast_run)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    QGuiApplication.clipboard().setText(("A sentence of the long pasted text goes on here. " * 5000)[:250_000])
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.queue.entries and window.queue.entries[-1].state is EntryState.UNREADABLE, timeout=10_000)
    # One message: why not, with its subject; never "Made an article" first.
    [message] = [message for message in said if message]
    assert message.startswith("Cannot use that text as an article: it is too long (") and "the limit is 200,000" in message


class _Pages(http.server.BaseHTTPRequestHandler):
    """A news site on 127.0.0.1: one article page, and one page far too large."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/news/article.html":
            paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in SEED_TEXT.split("\n\n")[1:])
            body = f"<html><head><title>Fetched headline</title></head><body><article><h1>Fetched headline</h1>{paragraphs}</article></body></html>".encode()
        elif self.path == "/huge.html":
            body = b"<html><body>" + b"<p>Too much.</p>" * (7 * 1024 * 1024 // 15) + b"</body></html>"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading a page too large: as it should

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_dropped_link_is_fetched_and_bad_links_say_why(make_window, fakes, qtbot, site, drop_data) -> None:
    window = make_window(run=fakes.fast_run)
    mime = QMimeData()
    mime.setUrls([QUrl(f"{site}/news/article.html")])
    assert all(drop_data(window, mime))
    qtbot.waitUntil(lambda: window.article is not None, timeout=10000)
    assert window.article.title == "Fetched headline"
    assert window.article.source_path == f"{site}/news/article.html"
    assert "Russian ambassador" not in window.article.title and "Antonov" in window.article.text

    for url, reason in ((f"{site}/huge.html", "too large"), (f"http://127.0.0.1:{closed_port()}/news", "127.0.0.1")):
        mime = QMimeData()
        mime.setUrls([QUrl(url)])
        before = len(window.queue.entries)
        assert all(drop_data(window.workspace.generated_pane.summary_view.viewport(), mime))
        qtbot.waitUntil(lambda: len(window.queue.entries) > before and window.queue.entries[-1].state is EntryState.UNREADABLE,
                        timeout=20000)
        assert reason in window.queue.entries[-1].reason, window.queue.entries[-1].reason
        assert "\n" not in status(window) and status(window).startswith("Cannot open")
    assert window.isVisible()


# -- results as they come, cancel --------------------------------------------------------------
def test_the_summary_shows_before_the_translations_are_done(open_article, make_window, fakes, qtbot) -> None:
    release = threading.Event()

    def run(request, state):
        state.publish(PartialText("summary", "The ambassador", complete=False))
        state.publish(PartialText("summary", fakes.english, complete=True))
        state.publish(PartialText("summary:ru", fakes.russian, complete=True))
        assert release.wait(5)
        return fakes.fake_digest(request)

    window = make_window(run=run)
    assert open_article(window, fakes.seed_article)
    window.start_digest()
    qtbot.waitUntil(lambda: window.workspace.generated_pane.language_views["ru"].toPlainText() == fakes.russian, timeout=5000)
    assert window.workspace.generated_pane.summary_view.toPlainText() == fakes.english
    tabs = window.workspace.generated_pane
    assert tabs.tabText(tabs.indexOf(window.workspace.generated_pane.summary_view)) == "Summary"
    assert tabs.tabText(tabs.indexOf(window.workspace.generated_pane.language_views["ar"])).endswith("…")  # still coming
    assert "Still being written" in window.workspace.generated_pane.language_views["ar"].placeholderText()
    assert window.digest is None and not window.window_actions.save_action.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: window.digest is not None, timeout=5000)
    assert not tabs.tabText(tabs.indexOf(window.workspace.generated_pane.language_views["ar"])).endswith("…")
    assert window.workspace.generated_pane.language_views["ar"].toPlainText() == fakes.arabic


def test_cancel_keeps_what_was_written_marked_incomplete_and_out_of_history(open_article, make_window, fakes, qtbot) -> None:
    def run(request, state):
        state.publish(PartialText("summary", fakes.english, complete=True))
        while True:
            state.raise_if_interrupted()
            state.report(0.5, "Translating summary to Russian")
            threading.Event().wait(0.01)

    window = make_window(run=run)
    assert open_article(window, fakes.seed_article)
    window.start_digest()
    qtbot.waitUntil(lambda: window.workspace.generated_pane.summary_view.toPlainText() == fakes.english, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.entry.state is EntryState.CANCELLED
    assert window.workspace.generated_pane.summary_view.toPlainText() == fakes.english  # kept
    assert "Incomplete" in window.workspace.digest_info_label.text()
    assert "cancelled before" in window.workspace.generated_pane.language_views["ru"].placeholderText()
    assert window.digest is None and not window.window_actions.save_action.isEnabled()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=2000)
    assert window.history().entries() == []


def test_cancel_mid_queue_goes_on_and_cancel_all_empties_it(make_window, fakes, drop, qtbot, tmp_path) -> None:
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    drop(window, write_articles(tmp_path, 4))
    qtbot.waitUntil(lambda: window.digesting and len(window.queue.waiting()) == 3, timeout=5000)
    first = window.queue.running_entry
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Cancel: the current one stops, the next starts
    assert first.state is EntryState.CANCELLED
    qtbot.waitUntil(lambda: window.queue.running_entry is window.queue.entries[1], timeout=3000)
    cancel_all = window.workspace.queue_panel.cancel_all_button
    assert cancel_all.isEnabled()
    qtbot.mouseClick(cancel_all, Qt.MouseButton.LeftButton)
    assert not window.digesting and window.queue.waiting() == []
    # An article still being read when Cancel All came stays off the queue once it is read.
    expected = [EntryState.CANCELLED, EntryState.CANCELLED, EntryState.NEW, EntryState.NEW]
    qtbot.waitUntil(lambda: states(window) == expected, timeout=3000)
    assert not window.digesting and window.queue.waiting() == []
    assert "taken off the queue" in status(window)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=3000)


# -- saving ------------------------------------------------------------------------------------
def answer_save_all(folder: Path, fmt: str, auto_save: bool) -> list[str]:
    """Fill in the Save All dialog once it opens and press Save; returns what it offered."""
    offered: list[str] = []

    def fill() -> None:
        dialog = next(widget for widget in QApplication.topLevelWidgets() if widget.objectName() == "saveAllDialog" and widget.isVisible())
        dialog.findChild(QLineEdit, "saveAllFolder").setText(str(folder))
        combo = dialog.findChild(QComboBox, "saveAllFormat")
        combo.setCurrentIndex(combo.findData(fmt))
        dialog.findChild(QCheckBox, "autoSaveBox").setChecked(auto_save)
        save = next(button for button in dialog.findChildren(QPushButton) if button.text().startswith("Save "))
        offered.append(save.text())
        save.click()

    QTimer.singleShot(200, fill)
    return offered


def test_save_all_names_files_from_titles_never_overwrites_and_auto_save_saves_the_next(
    open_article, make_window, fakes, drop, qtbot, tmp_path
) -> None:
    window = make_window(run=fakes.fast_run)
    sources = tmp_path / "in"
    paths = write_articles(sources, 2)
    paths[1].write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")  # two articles with one title
    drop(window, paths)
    qtbot.waitUntil(lambda: states(window) == [EntryState.DONE] * 2, timeout=10000)
    out = tmp_path / "out"
    out.mkdir()
    (out / "Article number 1.md").write_text("mine: keep me", encoding="utf-8")
    offered = answer_save_all(out, "md", auto_save=True)
    window.window_actions.save_all_action.trigger()
    assert offered == ["Save 2 Digests"]
    qtbot.waitUntil(lambda: "Saved 2 digests" in status(window), timeout=5000)  # written off the GUI thread
    assert (out / "Article number 1.md").read_text(encoding="utf-8") == "mine: keep me"
    written = sorted(path.name for path in out.iterdir())
    assert written == ["Article number 1 (2).md", "Article number 1 (3).md", "Article number 1.md"]
    assert fakes.english in (out / "Article number 1 (2).md").read_text(encoding="utf-8")
    assert "Saved 2 digests" in status(window)

    third = write_articles(tmp_path / "more", 3)[2]
    assert open_article(window, third)
    window.start_digest()
    qtbot.waitUntil(lambda: "Saved as Article number 3.md" in status(window), timeout=5000)
    assert (out / "Article number 3.md").exists()
    assert not list(out.glob("*.tmp*")) and not list(out.glob(".*"))


# -- history -----------------------------------------------------------------------------------
def test_a_digest_reopened_from_history_is_listed_and_counted_as_digested(open_article, make_window, fakes, qtbot, tmp_path) -> None:
    earlier = make_window(run=fakes.fast_run)  # an earlier session digests the first article
    first = write_articles(tmp_path, 2)[0]
    assert open_article(earlier, first)
    with qtbot.waitSignal(earlier.digest_shown, timeout=5000):
        earlier.start_digest()
    earlier.close()

    window = make_window(run=fakes.fast_run)
    assert open_article(window, tmp_path / "article-2.txt")  # shown, not digested
    save_all_button = window.findChild(QPushButton, "saveAllButton")
    assert not save_all_button.isEnabled()
    window.findChild(QAction, "historyAction").trigger()  # History… and Open, as the user does
    dialog = window.findChild(QDialog, "historyDialog")
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.listed, timeout=5000)  # the history is read off the GUI thread
    with qtbot.waitSignal(window.digest_shown, timeout=2000):
        dialog.findChild(QPushButton, "historyOpenButton").click()

    reopened = window.queue.entries[-1]
    assert window.entry is reopened and reopened.article.title == "Article number 1"
    panel = window.findChild(QWidget, "queuePanel")
    assert panel.isVisible()
    row = panel.item_of(reopened).text()
    assert "Done" in row and "Not digested" not in row
    assert window.findChild(QLabel, "queueHeading").text() == "2 articles · 1 digested"
    assert save_all_button.isEnabled() and window.findChild(QAction, "saveAllAction").isEnabled()


def test_a_past_digest_of_the_article_shown_marks_its_entry_digested(open_article, make_window, fakes, qtbot) -> None:
    window = make_window(run=fakes.fast_run)
    assert open_article(window, fakes.seed_article)
    entry = window.entry
    digest = fakes.fake_digest(SimpleNamespace(article=entry.article, options=DigestOptions()))
    changed = []
    window.queue.entry_changed.connect(changed.append)
    with qtbot.waitSignal(window.digest_shown, timeout=2000):
        window.show_digest(digest)
    assert window.queue.entries == [entry] and window.entry is entry  # the same article: its own entry
    assert entry.state is EntryState.DONE and entry.digest is digest and changed == [entry]
    assert window.findChild(QLabel, "queueHeading").text() == "1 article · 1 digested"
    assert window.findChild(QAction, "saveAction").isEnabled() and window.findChild(QAction, "saveAllAction").isEnabled()


def test_the_status_says_whether_a_digest_starts_now_or_waits_its_turn(open_article, make_window, fakes, qtbot, tmp_path) -> None:
    looping = fakes.LoopingRun()
    window = make_window(run=looping)
    first, second, third = write_articles(tmp_path, 3)
    assert open_article(window, first)
    assert window.start_digest() is not None
    assert status(window) == "Digesting… press Esc to cancel."
    assert open_article(window, second)
    window.start_digest()
    assert status(window) == "Queued: 1 article before it."
    assert open_article(window, third)
    window.start_digest()
    assert status(window) == "Queued: 2 articles before it."
    window.window_actions.cancel_all_action.trigger()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=3000)
