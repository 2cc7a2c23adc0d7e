"""Articles coming into the window: files, folders, links, pasted and dropped text.

One file opened alone is read at once and shown, waiting for Digest, as before. Several at
once (files, a folder's articles, File › Open with many chosen) are read on the reading lane
and queued for digesting one after another. A link (dropped from the browser's address bar,
pasted, or in a .url/.webloc file) is fetched on the reading lane; text becomes an article
through the same cleaning and limits as a file. Nothing is fetched that the user did not
drop, paste or open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.article_queue import ArticleEntry, ArticleQueue
from desktop.ui.documents import CannotOpen, article_from_text, open_dialog_filter, read_article_file, read_source
from desktop.ui.language import Reading, say, translate
from desktop.ui.panes import dropped_paths
from desktop.ui.settings import AppSettings
from models.common.types import DigestOptions

#: What to queue a digest with: (options, engine config), or None when it cannot run now.
DigestRequest = Callable[[], "tuple[DigestOptions, Any] | None"]
#: Pasted text's label in the list is its first line, cut to this many characters.
_LABEL_CHARS = 60


def _is_link(text: str) -> bool:
    from models.documents.fetch import is_link

    return is_link(text)


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return (line[: _LABEL_CHARS - 1] + "…") if len(line) > _LABEL_CHARS else (line or translate("ArticleIntake", "Pasted text"))


class ArticleIntake(QObject):
    """Turns what the user brings into entries of ``queue`` (see the module docstring).

    ``request`` says what to digest with when articles are queued on arrival; ``report``
    gets one status line (also why an article could not be read).

    Signals:
        entry_opened(object): show this :class:`ArticleEntry` (the first of what was brought).
    """

    entry_opened = Signal(object)

    def __init__(
        self, queue: ArticleQueue, settings: AppSettings, request: DigestRequest, report: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._settings, self._request, self._report = queue, settings, request, report
        queue.read_failed.connect(self._on_queue_read_failed)

    def listen(self, *sources: QObject) -> None:
        """Open what is dropped on each of ``sources`` (objects with ``files_dropped(list)`` and
        ``text_dropped(str)`` signals: the workspace's views, the window's drop filter)."""
        for source in sources:
            source.files_dropped.connect(self.open_sources)
            source.text_dropped.connect(self.open_text)

    @Slot(object)
    def _on_queue_read_failed(self, entry: ArticleEntry) -> None:
        self._report(entry.reason)

    def open_file(self, path: str) -> bool:
        """Read the article at ``path`` now and show it; on failure say why."""
        try:
            article = read_article_file(path)
        except CannotOpen as error:
            self._report(str(error))
            return False
        self.entry_opened.emit(self._queue.add_article(article, source=path))
        self._settings.add_recent_file(str(Path(path).resolve()))
        self._settings.last_folder = str(Path(path).resolve().parent)
        words = len(article.text.split())
        self._report(self.tr("Opened {name} (%n words). Press Digest (Ctrl+Return) to summarise and translate it.", "", words)
                     .format(name=Path(path).name))
        return True

    def open_sources(self, sources: list[str]) -> bool:
        """Open what was dropped or chosen: one file alone is shown; a link is fetched and
        shown; several articles (or a folder's) are read and queued for digesting."""
        if not sources:
            self._report(translate("ArticleIntake", "Nothing to open: drop an article file, a folder, a link or some text."))
            return False
        from models.documents.inputs import InputKind, classify_input
        from models.documents.read import expand_article_paths

        # One stat, on the GUI thread, like open_file's reading and the folders' listing below.
        if len(sources) == 1 and classify_input(sources[0]) not in (InputKind.WEB_LINK, InputKind.FOLDER):
            return self.open_file(sources[0])

        links = [source for source in sources if _is_link(source)]
        paths, left_out = expand_article_paths([source for source in sources if not _is_link(source)])
        # The notes are clauses (the CLI prints each on a line of its own): one line here.
        notes = "; ".join(say(note, Reading) for note in left_out)
        found = [*links, *map(str, paths)]
        if not found:
            self._report(notes or translate("ArticleIntake", "Nothing to open: no article files there."))
            return False
        request = self._request() if len(found) > 1 else None
        entries = [self._read_later(source_label(source), source, request) for source in found]
        self.entry_opened.emit(entries[0])
        if len(found) > 1:
            if request is not None:
                opened = self.tr("%n articles queued for digesting.", "", len(found))
            else:
                opened = self.tr("%n articles opened (not digested: models are missing).", "", len(found))
            self._report(f"{opened} {notes}".strip())
        elif links:
            self._report(translate("ArticleIntake", "Fetching {source}…").format(source=source_label(found[0])))
        else:
            self._report(translate("ArticleIntake", "Reading {name}…").format(name=Path(found[0]).name))
        return True

    def ask_and_open(self, parent: QWidget) -> bool:
        """File › Open: the articles the user chooses (one is shown, several are queued)."""
        start = self._settings.last_folder or str(Path.home())
        paths, _selected = QFileDialog.getOpenFileNames(parent, translate("MainWindow", "Open Articles"), start, open_dialog_filter())
        return self.open_sources(paths) if paths else False

    def open_text(self, text: str) -> ArticleEntry | None:
        """Make an article of ``text`` (pasted or dropped) and show it."""
        if not text.strip():
            self._report(translate("ArticleIntake", "Nothing to open: the text is empty."))
            return None
        if _is_link(text.strip()):
            self.open_sources([text.strip()])
            return None
        entry = self._queue.add_reading(_first_line(text), "", lambda state: article_from_text(text))
        self.entry_opened.emit(entry)
        self._report(translate("ArticleIntake", "Made an article of the text. Press Digest (Ctrl+Return) to summarise and translate it."))
        return entry

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

    def _read_later(self, label: str, source: str, request: tuple[DigestOptions, Any] | None) -> ArticleEntry:
        entry = self._queue.add_reading(label, source, lambda state: read_source(source, state.is_interruption_requested))
        if request is not None:
            self._queue.enqueue(entry, *request)
        return entry


def source_label(source: str) -> str:
    """A link's host and path, short; a file's name."""
    if _is_link(source):
        from urllib.parse import urlsplit

        parts = urlsplit(source)
        return f"{parts.hostname or ''}{parts.path if len(parts.path) < 40 else parts.path[:39] + '…'}"
    return Path(source).name
