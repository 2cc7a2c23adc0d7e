"""The window's side of :mod:`models.documents`: opening article files and the digest history.

Reading gives one-line reasons fit for the status bar, in the interface's language (the
core's reasons are :class:`~models.common.wording.Wording` objects, said from the "Reading"
translations). The history is created on first use and touched only on its own runner lane
(:data:`HISTORY_LANE`, one thread: never behind a digest, and the history's index is never
read and written at once): keeping a digest, listing the latest for the History menu (kept
here, so the menu shows them at once), listing them all, opening one. Its failures are
logged and reported, never raised. :mod:`models.documents` itself is imported only when first
needed, so the window shows before it loads.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from desktop.ui.language import Reading, TranslationContext, say, translate
from desktop.ui.runner import BackgroundRunner
from models.common.types import Article, Cancelled, Digest, DigestError
from models.common.wording import Wording

if TYPE_CHECKING:
    from desktop.ui.article_queue import ArticleEntry
    from desktop.ui.dialogs import HistoryRow
    from desktop.ui.panes import MessageBanner
    from models.documents.history import History

log = logging.getLogger(__name__)


Documents = TranslationContext("Documents")
#: The status bar's line for an article that cannot be opened, and for text that makes none.
CANNOT_OPEN = QT_TRANSLATE_NOOP("Documents", "Cannot open {name}: {reason}")
CANNOT_USE_TEXT = QT_TRANSLATE_NOOP("Documents", "Cannot use that text as an article: it {reason}")
#: The lane the history is read and written on.
HISTORY_LANE = "history"


class CannotOpen(DigestError):
    """An article could not be opened. ``str()`` is one status-bar line saying why, in the
    interface's language when it was raised; ``name`` is the file or link and ``reason`` why
    alone, as the core wrote it (a Wording of the "Reading" templates) or the window (a
    Wording of its "Documents" ones, or plain text): :meth:`said_reason` says it in the
    interface's language of the moment, so the articles list can say it again after a switch.
    """

    def __init__(self, name: str, reason: str, *, line: str = CANNOT_OPEN, context: TranslationContext = Reading) -> None:
        self.name, self.reason, self.line, self.context = name, reason, line, context
        super().__init__(self.said())

    def said_reason(self) -> str:
        """Why, in the interface's language, on one line."""
        said = " ".join(say(self.reason, self.context).split())
        # A link's reason often starts by naming it ("https://…: the server answered 404"): once is enough.
        return said.removeprefix(f"{self.name}:").strip() if self.name else said

    def said(self) -> str:
        """The status bar's line, in the interface's language."""
        return Documents.tr(self.line).format(name=self.name, reason=self.said_reason())


class FileMissing(CannotOpen):
    """The file to open is not there (any more)."""


def show_open_failure(banner: MessageBanner, entry: ArticleEntry | None) -> None:
    """If ``entry``'s article could not be opened, say so in ``banner``, and why (said again in
    the interface's language when it changes)."""
    from desktop.ui.article_queue import EntryState

    if entry is None or entry.state is not EntryState.UNREADABLE:
        return
    error = entry.failure
    banner.show_composed(lambda: banner.show_message(
        "error", Documents.tr("This article could not be opened."),
        [error.said() if isinstance(error, CannotOpen) else entry.reason]))


def warm_up_documents() -> None:
    """Load what reading the first article needs (the language identifier): about a second."""
    from models.documents.read import warm_up

    warm_up()


def open_dialog_filter() -> str:
    """The Open dialog's file-type filter: the readable formats, then all files."""
    from models.documents.read import FILE_DIALOG_FILTER

    return FILE_DIALOG_FILTER


def read_source(source: str, is_cancelled: Callable[[], bool] | None = None) -> Article:
    """The article at ``source``: a file, a link file (.url, .webloc) or a web address, whose
    page is fetched. Raises :class:`CannotOpen` with the reason. Safe on any thread.

    Folders, missing files and unsupported extensions are refused before reading; a fetch
    stops soon after ``is_cancelled()`` turns true.
    """
    from models.documents.fetch import fetch_article, link_in_file
    from models.documents.inputs import InputKind, classify_input
    from models.documents.read import SUPPORTED_EXTENSIONS, read_article

    file_path = Path(source)
    kind = classify_input(source)  # a stat: this runs where reading the file would
    name = source if kind is InputKind.WEB_LINK else (file_path.name or source)
    try:
        if kind is InputKind.WEB_LINK:
            return fetch_article(source, is_cancelled=is_cancelled)
        if kind is InputKind.OTHER_ADDRESS:
            raise _refused(source, QT_TRANSLATE_NOOP("Documents", "only web pages (http, https) and files on this computer can be opened."))
        if kind is InputKind.FOLDER:
            raise _refused(name, QT_TRANSLATE_NOOP("Documents", "it is a folder. Drop an article file instead."))
        if kind is InputKind.MISSING:
            raise _refused(name, QT_TRANSLATE_NOOP("Documents", "the file does not exist."), error=FileMissing)
        if kind is InputKind.LINK_FILE:
            link = link_in_file(file_path)
            if link is None:
                raise _refused(name, QT_TRANSLATE_NOOP("Documents", "it holds no web address."))
            return fetch_article(link, is_cancelled=is_cancelled)
        if kind is InputKind.OTHER_FILE:
            suffix = file_path.suffix.lower()
            listed = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            if suffix:
                reason = QT_TRANSLATE_NOOP("Documents", "{extension} files are not supported (supported: {listed}).")
            else:
                reason = QT_TRANSLATE_NOOP("Documents", "files without an extension are not supported (supported: {listed}).")
            raise _refused(name, reason, extension=suffix, listed=listed)
        return read_article(source)
    except (CannotOpen, Cancelled):  # Cancelled: the window is closing, nothing to say
        raise
    except DigestError as error:
        raise CannotOpen(name, _reason_of(error)) from error
    except Exception as error:  # noqa: BLE001 - a bad file must never crash the window
        log.exception("reading %s failed", source)
        raise CannotOpen(name, f"{error.__class__.__name__}: {error}") from error


def article_from_text(text: str) -> Article:
    """An article made of pasted or dropped text; raises :class:`CannotOpen` with the reason."""
    from models.documents.read import article_from_text as make_article

    try:
        return make_article(text, source="")
    except DigestError as error:
        raise CannotOpen("", _reason_of(error), line=CANNOT_USE_TEXT) from error


def _refused(name: str, template: str, *, error: type[CannotOpen] = CannotOpen, **values: str) -> CannotOpen:
    """The window's own reason (a "Documents" template) for not opening ``name``."""
    return error(name, Wording(template, **values), context=Documents)


def _reason_of(error: DigestError) -> str:
    """Why, alone: a reading error's reason (a Wording), else the error's one line."""
    reason = getattr(error, "reason", None)
    return reason if isinstance(reason, str) and reason else " ".join(str(error).split())


class DigestHistory(QObject):
    """The past digests (:class:`models.documents.history.History`, created on first use), on
    the runner's :data:`HISTORY_LANE` (see the module docstring).

    ``report`` is told, in one line, when the history cannot be read; ``recent_limit`` is how
    many of the latest digests :attr:`recent_rows` keeps.

    Signals:
        rows_changed(): :attr:`recent_rows` was listed afresh.
    """

    rows_changed = Signal()

    def __init__(self, runner: BackgroundRunner, report: Callable[[str], None], recent_limit: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._report, self._recent_limit = runner, report, recent_limit
        self._history: History | None = None
        #: The latest past digests, newest first, as last listed (:meth:`refresh_recent`).
        self.recent_rows: list[HistoryRow] = []
        #: Whether a listing of the latest is under way, and whether another is wanted after it.
        self._refreshing = self._stale = False

    def store(self) -> History:
        """The history itself (touch it on :data:`HISTORY_LANE` only, but in tests)."""
        if self._history is None:
            from models.documents.history import History

            self._history = History()
        return self._history

    def _with_store(self, work: Callable[[History], object]) -> Callable[[object], object]:
        """``work`` as the runner runs it (on :data:`HISTORY_LANE`), given the history (made,
        and its module imported, there on first use)."""
        return lambda state: work(self.store())

    def keep(self, digest: Digest, noted: Callable[[list[str]], object]) -> None:
        """Keep a digest just finished (on the history's lane); ``noted`` gets the status
        line's note when it could not be kept. The History menu's rows are listed again."""
        task = self._runner.run("keep in history", self._with_store(lambda history: history.add(digest)), lane=HISTORY_LANE,
                                finish=True)
        task.finished.connect(lambda _entry: self.refresh_recent())
        task.failed.connect(lambda error: noted([translate("Documents", "(Not added to History: {problem})").format(problem=error)]))

    def refresh_recent(self) -> None:
        """List the latest past digests again, off the GUI thread (:attr:`recent_rows`, then
        ``rows_changed``); after the one under way, if there is one."""
        if self._refreshing:
            self._stale = True
            return
        self._refreshing = True
        limit = self._recent_limit
        task = self._runner.run("list recent history", self._with_store(lambda history: _rows(history.entries(limit=limit))),
                                lane=HISTORY_LANE)
        task.finished.connect(self._on_recent_listed)
        task.failed.connect(self._on_listing_failed)
        task.cancelled.connect(self._on_listing_failed)

    def _on_recent_listed(self, rows: list[HistoryRow]) -> None:
        self._listed()
        if rows != self.recent_rows:
            self.recent_rows = rows
            self.rows_changed.emit()

    def _listed(self) -> None:
        self._refreshing = False
        if self._stale:
            self._stale = False
            self.refresh_recent()

    def _on_listing_failed(self, error: Exception | None = None) -> None:
        self._listed()
        if error is not None:
            self._report_unreadable(error)

    def _report_unreadable(self, error: Exception) -> None:
        self._report(translate("Documents", "Cannot read the history: {error}").format(error=error))

    def list_all(self, listed: Callable[[list[HistoryRow]], object]) -> None:
        """Every past digest as the History dialog lists it, newest first, handed to ``listed``
        once read (off the GUI thread); a failure is reported and lists nothing."""
        task = self._runner.run("list history", self._with_store(lambda history: _rows(history.entries())), lane=HISTORY_LANE)
        task.finished.connect(listed)
        task.failed.connect(lambda error: (self._report_unreadable(error), listed([])))

    def reopen(self, entry_id: str, show: Callable[[Digest], object]) -> None:
        """Read the past digest ``entry_id`` (off the GUI thread), hand it to ``show`` and say
        so; when it cannot be read, the status bar says why."""
        from desktop.ui.dialogs import short_created

        def shown(digest: Digest) -> None:
            show(digest)
            self._report(translate("MainWindow", "Reopened the digest of “{title}” from {created}.").format(
                title=digest.article.title, created=short_created(digest.created)))

        task = self._runner.run(f"load history entry {entry_id}", self._with_store(lambda history: history.load(entry_id)),
                                lane=HISTORY_LANE)
        task.finished.connect(shown)
        task.failed.connect(lambda error: self._report(
            translate("Documents", "Cannot open that digest from the history: {error}").format(error=error)))


def _rows(entries: list) -> list[HistoryRow]:
    """History entries as the History menu and dialog list them (on the history's lane)."""
    from desktop.ui.dialogs import history_row

    return [history_row(entry) for entry in entries]
