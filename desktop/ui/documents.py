"""The window's side of :mod:`models.documents`: opening article files and the digest history.

Reading gives one-line reasons fit for the status bar, in the interface's language (the
core's reasons are :class:`~models.common.wording.Wording` objects, said from the "Reading"
translations); the history is created on first use and its failures are logged and reported,
never raised. :mod:`models.documents` itself is
imported only when first needed, so the window shows before it loads.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.language import Reading, TranslationContext, say, translate
from models.common.types import Article, Cancelled, Digest, DigestError
from models.common.wording import Wording

if TYPE_CHECKING:
    from desktop.ui.dialogs import HistoryRow
    from models.documents.history import History

log = logging.getLogger(__name__)


Documents = TranslationContext("Documents")
#: The status bar's line for an article that cannot be opened, and for text that makes none.
CANNOT_OPEN = QT_TRANSLATE_NOOP("Documents", "Cannot open {name}: {reason}")
CANNOT_USE_TEXT = QT_TRANSLATE_NOOP("Documents", "Cannot use that text as an article: {reason}")


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


def warm_up_documents() -> None:
    """Load what reading the first article needs (the language identifier): about a second."""
    from models.documents.read import warm_up

    warm_up()


def open_dialog_filter() -> str:
    """The Open dialog's file-type filter: the readable formats, then all files."""
    from models.documents.read import FILE_DIALOG_FILTER

    return FILE_DIALOG_FILTER


def read_article_file(path: str) -> Article:
    """The article in the file at ``path``, read on the GUI thread under a wait cursor; raises
    :class:`CannotOpen` with the reason (see :func:`read_source`)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return read_source(path)
    finally:
        QApplication.restoreOverrideCursor()


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
            raise _refused(name, QT_TRANSLATE_NOOP("Documents", "the file does not exist."))
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


def _refused(name: str, template: str, **values: str) -> CannotOpen:
    """The window's own reason (a "Documents" template) for not opening ``name``."""
    return CannotOpen(name, Wording(template, **values), context=Documents)


def _reason_of(error: DigestError) -> str:
    """Why, alone: a reading error's reason (a Wording), else the error's one line."""
    reason = getattr(error, "reason", None)
    return reason if isinstance(reason, str) and reason else " ".join(str(error).split())


class DigestHistory:
    """The past digests (:class:`models.documents.history.History`, created on first use).

    ``report`` is told, in one line, when the history cannot be read.
    """

    def __init__(self, report: Callable[[str], None]) -> None:
        self._report = report
        self._history: History | None = None

    def store(self) -> History:
        """The history itself."""
        if self._history is None:
            from models.documents.history import History

            self._history = History()
        return self._history

    def add(self, digest: Digest) -> str:
        """Keep ``digest``; returns why it could not be kept, or an empty string."""
        try:
            self.store().add(digest)
        except Exception as error:  # noqa: BLE001 - history is a convenience, never fatal
            log.exception("adding a digest to the history failed")
            return f"{error.__class__.__name__}: {error}"
        return ""

    def keep(self, digest: Digest) -> list[str]:
        """Keep a digest just finished; returns the status line's note when it could not be kept."""
        problem = self.add(digest)
        return [translate("Documents", "(Not added to History: {problem})").format(problem=problem)] if problem else []

    def rows(self) -> list[HistoryRow]:
        """Every past digest as the History menu and dialog list it, newest first."""
        from desktop.ui.dialogs import history_row

        try:
            return [history_row(entry) for entry in self.store().entries()]
        except Exception as error:  # noqa: BLE001
            log.exception("reading the history failed")
            self._report(translate("Documents", "Cannot read the history: {error}").format(error=error))
            return []

    def reopen(self, entry_id: str, show: Callable[[Digest], object]) -> bool:
        """Hand the past digest ``entry_id`` to ``show`` and say so; False (the reason
        reported) when it cannot be read."""
        from desktop.ui.dialogs import short_created

        digest = self.load(entry_id)
        if digest is None:
            return False
        show(digest)
        self._report(translate("MainWindow", "Reopened the digest of “{title}” from {created}.").format(
            title=digest.article.title, created=short_created(digest.created)))
        return True

    def load(self, entry_id: str) -> Digest | None:
        """The past digest ``entry_id``, or ``None`` (with the reason reported)."""
        try:
            return self.store().load(entry_id)
        except Exception as error:  # noqa: BLE001
            log.exception("loading history entry %s failed", entry_id)
            self._report(translate("Documents", "Cannot open that digest from the history: {error}").format(error=error))
            return None
