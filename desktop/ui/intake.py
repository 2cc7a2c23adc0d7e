"""Articles coming into the window: files, folders, links, pasted and dropped text.

Nothing is read, listed or looked at on the GUI thread. One article brought alone (File ›
Open, Open Recent, a drop of one file, a link, text) is listed at once, "Reading…", read off
the GUI thread (a file on the runner's files lane, never behind a digest; a link or text on
the reading lane) and shown once it is read; the article shown meanwhile stays (with none
shown, the new one is shown at once, and Digest pressed meanwhile queues it for when it is
read). One that cannot be read stays in the list, saying why, and so does the status bar.
What is dropped or chosen is sorted out on the files lane too: whether one source is a file,
a folder or a link (a look at the disk), and a folder's articles (a folder walk). Several
articles at once are read on the reading lane and queued for digesting one after another;
once all are read, the status bar sums up how many were queued and how many could not be
opened. Nothing is fetched that the user did not drop, paste or open.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.article_queue import ArticleEntry, ArticleQueue
from desktop.ui.documents import FileMissing, article_from_text, open_dialog_filter, read_source
from desktop.ui.language import Reading, say, translate
from desktop.ui.panes import dropped_paths
from desktop.ui.reading import FILES_LANE
from desktop.ui.runner import BackgroundRunner
from desktop.ui.settings import AppSettings
from models.common.job_state import JobState
from models.common.types import DigestOptions

#: What to queue a digest with: (options, engine config), or None when it cannot run now.
DigestRequest = Callable[[], "tuple[DigestOptions, Any] | None"]
#: What is done with an entry when its article is read, or cannot be.
Outcome = Callable[[ArticleEntry], None]
#: Pasted text's label in the list is its first line, cut to this many characters.
_LABEL_CHARS = 60


def _is_link(text: str) -> bool:
    from models.documents.fetch import is_link

    return is_link(text)


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return (line[: _LABEL_CHARS - 1] + "…") if len(line) > _LABEL_CHARS else (line or translate("ArticleIntake", "Pasted text"))


@dataclass
class Sources:
    """What was dropped or chosen, sorted out (on a lane's thread): one file to show, or the
    links and article files found (a folder's, in name order), and notes on what was left out."""

    single_file: str | None = None
    found: list[str] = field(default_factory=list)
    links: int = 0
    notes: list[str] = field(default_factory=list)


def sort_sources(sources: list[str]) -> Sources:
    """Which of ``sources`` are links, files and folders, and each folder's articles (a walk of
    the disk: never on the GUI thread)."""
    from models.documents.inputs import InputKind, classify_input
    from models.documents.read import expand_article_paths

    if len(sources) == 1 and classify_input(sources[0]) not in (InputKind.WEB_LINK, InputKind.FOLDER):
        return Sources(single_file=sources[0])
    links = [source for source in sources if _is_link(source)]
    paths, left_out = expand_article_paths([source for source in sources if not _is_link(source)])
    return Sources(found=[*links, *map(str, paths)], links=len(links), notes=list(left_out))


@dataclass(eq=False)
class _Batch:
    """Several articles brought at once: what the status bar sums up once all are read."""

    entries: list[ArticleEntry]
    queued: bool
    unread: set[ArticleEntry] = field(default_factory=set)
    failed: list[ArticleEntry] = field(default_factory=list)


class ArticleIntake(QObject):
    """Turns what the user brings into entries of ``queue`` (see the module docstring).

    ``request`` says what to digest with when articles are queued on arrival; ``report``
    gets one status line (also why an article could not be read); ``runner`` sorts out what
    was brought and reads it.

    Signals:
        entry_opened(object): show this :class:`ArticleEntry` (what was brought, or the first of it).
    """

    entry_opened = Signal(object)

    def __init__(
        self, queue: ArticleQueue, settings: AppSettings, request: DigestRequest, report: Callable[[str], None],
        runner: BackgroundRunner, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._settings, self._request, self._report, self._runner = queue, settings, request, report, runner
        #: What to do when an entry's article is read, or cannot be, or when it is taken off the
        #: list first: (on read, on failure, on removal).
        self._outcomes: dict[ArticleEntry, tuple[Outcome, Outcome, Outcome | None]] = {}
        #: The article brought alone last, shown once read.
        self._awaited: ArticleEntry | None = None
        queue.article_read.connect(self._on_queue_article_read)
        queue.read_failed.connect(self._on_queue_read_failed)
        queue.entry_removed.connect(self._on_queue_entry_removed)

    def listen(self, *sources: QObject) -> None:
        """Open what is dropped on each of ``sources`` (objects with ``files_dropped(list)`` and
        ``text_dropped(str)`` signals: the workspace's views, the window's drop filter)."""
        for source in sources:
            source.files_dropped.connect(self.open_sources)
            source.text_dropped.connect(self.open_text)

    # -- outcomes ----------------------------------------------------------------------------------
    def _read_later(
        self, label: str, source: str, read: Callable[[JobState], Any], on_read: Outcome, on_failure: Outcome, *,
        lane: str | None = None,
    ) -> ArticleEntry:
        entry = self._queue.add_reading(label, source, read, **({"lane": lane} if lane else {}))
        self._outcomes[entry] = (on_read, on_failure, None)
        return entry

    @Slot(object)
    def _on_queue_article_read(self, entry: ArticleEntry) -> None:
        outcome = self._outcomes.pop(entry, None)
        if outcome is not None:
            outcome[0](entry)

    @Slot(object)
    def _on_queue_read_failed(self, entry: ArticleEntry) -> None:
        outcome = self._outcomes.pop(entry, None)
        if outcome is not None:
            outcome[1](entry)

    @Slot(object, int)
    def _on_queue_entry_removed(self, entry: ArticleEntry, _row: int) -> None:
        outcome = self._outcomes.pop(entry, None)
        if outcome is not None and outcome[2] is not None:
            outcome[2](entry)

    # -- one article -------------------------------------------------------------------------------
    def _open_one(
        self, label: str, source: str, read: Callable[[JobState], Any], said: Callable[[ArticleEntry], str], *,
        lane: str | None = None, recent: bool = False,
    ) -> ArticleEntry:
        """List one article and read it; show it once read (at once when it is the only one),
        ``said`` says so; or say why it cannot be read."""

        def read_now(entry: ArticleEntry) -> None:
            if entry is self._awaited:  # the article brought last: shown (its models load meanwhile)
                self._awaited = None
                self.entry_opened.emit(entry)
            self._report(said(entry))

        def failed(entry: ArticleEntry) -> None:
            if entry is self._awaited:
                self._awaited = None
            if recent and isinstance(entry.failure, FileMissing):
                self._settings.remove_recent_file(entry.source)
                self._report(translate("MainWindow", "Cannot open {name}: it is no longer there (removed from Open Recent).").format(
                    name=entry.label))
            else:
                self._report(entry.reason)

        entry = self._awaited = self._read_later(label, source, read, read_now, failed, lane=lane)
        if len(self._queue.entries) == 1:  # no other article to show meanwhile
            self.entry_opened.emit(entry)
        return entry

    def open_file(self, path: str, *, recent: bool = False) -> bool:
        """List the article at ``path``, read it off the GUI thread and show it (see the module
        docstring); the status bar says when it is read, or why it cannot be. ``recent``: chosen
        in Open Recent (a file no longer there is dropped from it). Returns True: it is on its way."""
        name = Path(path).name or path
        self._open_one(name, path, self._reader(path), self._opened_file, lane=FILES_LANE, recent=recent)
        self._report(translate("ArticleIntake", "Reading {name}…").format(name=name))
        return True

    def open_recent(self, path: str) -> bool:
        """Open Recent: :meth:`open_file`, dropping ``path`` from the list if it is no longer there."""
        return self.open_file(path, recent=True)

    def _opened_file(self, entry: ArticleEntry) -> str:
        article = entry.article
        if entry.source and not _is_link(entry.source):
            self._settings.add_recent_file(os.path.abspath(entry.source))  # no look at the disk
            self._settings.last_folder = os.path.dirname(os.path.abspath(entry.source))
        words = len(article.text.split())
        return self.tr("Opened {name} (%n words). Press Digest (Ctrl+Return) to summarise and translate it.", "", words).format(
            name=entry.label)

    # -- what was dropped or chosen ----------------------------------------------------------------
    def open_sources(self, sources: list[str]) -> bool:
        """Open what was dropped or chosen: one file or link alone is shown; several articles
        (or a folder's) are read and queued for digesting. The sources are sorted out off the
        GUI thread; False when there is nothing to open."""
        if not sources:
            self._report(translate("ArticleIntake", "Nothing to open: drop an article file, a folder, a link or some text."))
            return False
        task = self._runner.run("sort out what was brought", lambda state: sort_sources(list(sources)), lane=FILES_LANE)
        task.finished.connect(self._on_sources_sorted)
        task.failed.connect(lambda error: self._report(str(error)))
        if len(sources) == 1:
            self._report(translate("ArticleIntake", "Opening {name}…").format(name=source_label(sources[0])))
        return True

    @Slot(object)
    def _on_sources_sorted(self, sorted_out: Sources) -> None:
        if sorted_out.single_file is not None:
            self.open_file(sorted_out.single_file)
            return
        found = sorted_out.found
        # The notes are clauses (the CLI prints each on a line of its own): one line here.
        notes = "; ".join(say(note, Reading) for note in sorted_out.notes)
        if not found:
            self._report(notes or translate("ArticleIntake", "Nothing to open: no article files there."))
            return
        if len(found) == 1:  # a link alone, or a folder's one article
            label = source_label(found[0])
            self._open_one(label, found[0], self._reader(found[0]), self._opened_file)
            if sorted_out.links:
                self._report(translate("ArticleIntake", "Fetching {source}…").format(source=label))
            else:
                self._report(translate("ArticleIntake", "Reading {name}…").format(name=label))
            return
        request = self._request()
        entries = self._queue.add_readings([(source_label(source), source, self._reader(source)) for source in found], request)
        batch = _Batch(entries, queued=request is not None, unread=set(entries))
        outcome = (partial(self._on_batch_read, batch), partial(self._on_batch_read, batch, failed=True),
                   partial(self._on_batch_read, batch, removed=True))
        self._outcomes.update((entry, outcome) for entry in entries)
        # The first article is shown at the next turn of the event loop: listing a folder's
        # articles and showing one are each a few tens of ms, and together they held it 100+ ms.
        QTimer.singleShot(0, partial(self._open_first, entries[0]))
        self._report(f"{self._opened(batch, len(found))} {notes}".strip())

    @staticmethod
    def _reader(source: str) -> Callable[[JobState], Any]:
        return lambda state: read_source(source, state.is_interruption_requested)

    def _opened(self, batch: _Batch, count: int) -> str:
        if batch.queued:
            return self.tr("%n articles queued for digesting.", "", count)
        return self.tr("%n articles opened (not digested: models are missing).", "", count)

    def _open_first(self, entry: ArticleEntry) -> None:
        if entry in self._queue.entries:  # not removed meanwhile
            self.entry_opened.emit(entry)

    def _on_batch_read(self, batch: _Batch, entry: ArticleEntry, *, failed: bool = False, removed: bool = False) -> None:
        batch.unread.discard(entry)
        if failed:
            batch.failed.append(entry)
        if removed:  # taken off the list before it was read: not counted
            batch.entries.remove(entry)
        if batch.unread or not batch.failed:
            return
        # Every article is read and some could not be: one line sums it up (each says why in the list).
        read = len(batch.entries) - len(batch.failed)
        parts = [self._opened(batch, read)] if read else []
        if len(batch.failed) == 1:
            parts.append(batch.failed[0].reason)
        else:
            parts.append(self.tr("%n could not be opened (marked ✗ in the list).", "", len(batch.failed)))
        self._report(" ".join(parts))

    def ask_and_open(self, parent: QWidget) -> bool:
        """File › Open: the articles the user chooses (one is shown, several are queued)."""
        start = self._settings.last_folder or str(Path.home())
        paths, _selected = QFileDialog.getOpenFileNames(parent, translate("MainWindow", "Open Articles"), start, open_dialog_filter())
        return self.open_sources(paths) if paths else False

    # -- text --------------------------------------------------------------------------------------
    def open_text(self, text: str) -> ArticleEntry | None:
        """Make an article of ``text`` (pasted or dropped), off the GUI thread, and show it; the
        status bar says so once it is made, or why it cannot be (one line either way)."""
        if not text.strip():
            self._report(translate("ArticleIntake", "Nothing to open: the text is empty."))
            return None
        if _is_link(text.strip()):
            self.open_sources([text.strip()])
            return None
        made = translate("ArticleIntake", "Made an article of the text. Press Digest (Ctrl+Return) to summarise and translate it.")
        return self._open_one(_first_line(text), "", lambda state: article_from_text(text), lambda entry: made)

    def paste(self) -> None:
        """File › New from Clipboard (Ctrl+V): the copied files, link or text."""
        mime = QGuiApplication.clipboard().mimeData()
        paths = dropped_paths(mime) if mime is not None else []
        if paths:
            self.open_sources(paths)
        elif mime is not None and mime.hasText() and mime.text().strip():
            self.open_text(mime.text())
        else:
            self._report(translate("ArticleIntake", "The clipboard holds no text, link or file to open."))


def source_label(source: str) -> str:
    """A link's host and path, short; a file's name."""
    if _is_link(source):
        from urllib.parse import urlsplit

        parts = urlsplit(source)
        return f"{parts.hostname or ''}{parts.path if len(parts.path) < 40 else parts.path[:39] + '…'}"
    return Path(source).name

