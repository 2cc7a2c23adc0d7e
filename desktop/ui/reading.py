"""Reading comfort: every reading pane zoomed at once, a Find bar for the pane being read, Copy
This Text and Copy Digest, Print and Export PDF, and the light or dark appearance.

:class:`ReadingTools` owns the actions of these (:class:`ReadingActions`) and acts on the
views it is given; the window hands it the digest shown and its runner, on which a PDF is
written (never on the GUI thread). Zoom and appearance are remembered in the settings.
"""

from __future__ import annotations

import atexit
import html
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from desktop.ui.language import TranslationContext
from desktop.ui.panes import MAX_ZOOM, MIN_ZOOM, FileDropTextView
from desktop.ui.window_action import choice_actions, window_action
from models.common import languages

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from desktop.ui.runner import BackgroundRunner
    from desktop.ui.settings import AppSettings
    from models.common.types import Digest

ReadingAids = TranslationContext("ReadingAids")

#: The Find bar's highlight layer in the views (the linked sentences have their own).
FIND_LAYER = "find"
#: The lane PDFs are written on: never behind a digest.
FILES_LANE = "files"
#: More matches than this are not highlighted one by one (the count still says how many).
_MAX_MATCHES = 5000
#: The appearances of View › Appearance.
APPEARANCES = ("system", "light", "dark")


class FindBar(QWidget):
    """Find in one reading view: a field, "2 of 7", Previous, Next and Close. Every match is
    highlighted in its own layer of the view (the linked sentences keep theirs) and the current
    one is selected and scrolled to. Esc closes it, Return finds the next, Shift+Return the
    previous.

    Signals:
        closed(): the bar was closed (its highlights are gone).
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view: FileDropTextView | None = None
        self._place = ""
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_field_changed)
        self.field.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.previous_button = QToolButton()
        self.previous_button.setObjectName("findPreviousButton")
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.previous_button.clicked.connect(lambda: self.find(forward=False))
        self.next_button = QToolButton()
        self.next_button.setObjectName("findNextButton")
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.clicked.connect(lambda: self.find(forward=True))
        self.close_button = QToolButton()
        self.close_button.setObjectName("findCloseButton")
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(ReadingAids.tr("Find in {place}").format(place=self._place) if self._place else ReadingAids.tr("Find"))
        self.previous_button.setToolTip(ReadingAids.tr("Previous match (Shift+F3)"))
        self.next_button.setToolTip(ReadingAids.tr("Next match (F3)"))
        self.close_button.setToolTip(ReadingAids.tr("Close the Find bar (Esc)"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_on(self, view: FileDropTextView, place: str) -> None:
        """Show the bar for ``view`` (``place``: its name, "the article", "Summary"…), the
        field focused with its text selected, and the matches marked."""
        if view is not self.view:
            self._clear_highlights()
            if self.view is not None:
                self.view.textChanged.disconnect(self._on_view_changed)
            self.view = view
            view.textChanged.connect(self._on_view_changed)
        self._place = place
        self.retranslate()
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search(keep_position=True)

    def find(self, forward: bool = True) -> None:
        """Go to the next (or previous) match, around the end."""
        if not self._matches:
            self._search(keep_position=True)
            if not self._matches:
                return
        step = 1 if forward else -1
        self._current = (self._current + step) % len(self._matches)
        self._show_current()

    @Slot()
    def close_bar(self) -> None:
        self._clear_highlights()
        self.hide()
        if self.view is not None:
            self.view.setFocus()
        self.closed.emit()

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_match(self) -> int:
        """The current match's number from 1 (0: none)."""
        return self._current + 1 if self._matches else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.field:
            if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
                event.accept()  # Esc closes the bar here, not Cancel the digest
                return True
            if event.type() == QEvent.Type.KeyPress:
                if event.key() == Qt.Key.Key_Escape:
                    self.close_bar()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.find(forward=not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                    return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_field_changed(self, _text: str) -> None:
        self._search(keep_position=True)

    @Slot()
    def _on_view_changed(self) -> None:
        if self.isVisible():
            self._search(keep_position=True)

    def _search(self, keep_position: bool) -> None:
        """Find every match of the field's text in the view (case-insensitive) and go to the
        first one at or after the view's cursor."""
        self._matches, self._current = [], -1
        view, text = self.view, self.field.text()
        if view is None or not text:
            self._clear_highlights()
            self._show_count()
            return
        document = view.document()
        cursor = QTextCursor(document)
        while len(self._matches) < _MAX_MATCHES:
            cursor = document.find(text, cursor)
            if cursor.isNull():
                break
            self._matches.append(QTextCursor(cursor))
        if self._matches:
            start = view.textCursor().selectionStart() if keep_position else 0
            self._current = next((index for index, match in enumerate(self._matches) if match.selectionStart() >= start), 0)
            self._show_current()
        else:
            self._clear_highlights()
            self._show_count()

    def _show_current(self) -> None:
        view = self.view
        if view is None:
            return
        every, current = QTextCharFormat(), QTextCharFormat()
        every.setBackground(QColor(255, 213, 79, 110))
        current.setBackground(QColor(255, 152, 0, 170))
        selections = []
        for index, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            selection.format = current if index == self._current else every
            selections.append(selection)
        view.set_highlights(FIND_LAYER, selections)
        chosen = QTextCursor(self._matches[self._current])
        view.setTextCursor(chosen)
        view.ensureCursorVisible()
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(ReadingAids.tr("No matches"))
        else:
            self.count_label.setText(ReadingAids.tr("{current} of {total}").format(
                current=self._current + 1, total=f"{len(self._matches)}{'+' if len(self._matches) >= _MAX_MATCHES else ''}"))

    def _clear_highlights(self) -> None:
        if self.view is not None:
            self.view.set_highlights(FIND_LAYER, [])


class ReadingActions:
    """The actions of reading comfort, with the window as their parent (so their shortcuts work
    everywhere in it): View › Zoom In/Out/Reset, Find, Find Next/Previous, Copy This Text, Copy
    Digest, File › Print and Export PDF, and View › Appearance."""

    def __init__(self, window: QWidget) -> None:
        key = QKeySequence

        action = partial(window_action, window)

        self.zoom_in_action = action("zoomInAction", key(key.StandardKey.ZoomIn), key("Ctrl+="), key("Ctrl++"))
        self.zoom_out_action = action("zoomOutAction", key(key.StandardKey.ZoomOut), key("Ctrl+-"))
        self.zoom_reset_action = action("zoomResetAction", key("Ctrl+0"))
        self.find_action = action("findAction", key(key.StandardKey.Find), key("Ctrl+F"))
        self.find_next_action = action("findNextAction", key(key.StandardKey.FindNext), key("F3"))
        self.find_previous_action = action("findPreviousAction", key(key.StandardKey.FindPrevious), key("Shift+F3"))
        self.copy_text_action = action("copyTextAction", key("Ctrl+Shift+C"))
        self.copy_digest_action = action("copyDigestAction", key("Ctrl+Alt+C"))
        self.print_action = action("printAction", key(key.StandardKey.Print), key("Ctrl+P"))
        self.export_pdf_action = action("exportPdfAction", key("Ctrl+Shift+P"))
        self.appearance_group, self.appearance_actions = choice_actions(window, "appearance", APPEARANCES)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            (self.zoom_in_action, ReadingAids.tr("Zoom &In")), (self.zoom_out_action, ReadingAids.tr("Zoom &Out")),
            (self.zoom_reset_action, ReadingAids.tr("&Actual Size")), (self.find_action, ReadingAids.tr("&Find…")),
            (self.find_next_action, ReadingAids.tr("Find &Next")), (self.find_previous_action, ReadingAids.tr("Find Pre&vious")),
            (self.copy_text_action, ReadingAids.tr("Copy This &Text")), (self.copy_digest_action, ReadingAids.tr("Copy &Digest")),
            (self.print_action, ReadingAids.tr("&Print…")), (self.export_pdf_action, ReadingAids.tr("Export &PDF…")),
            (self.appearance_actions["system"], ReadingAids.tr("Follow the &System")),
            (self.appearance_actions["light"], ReadingAids.tr("&Light")), (self.appearance_actions["dark"], ReadingAids.tr("&Dark")),
        )
        for item, text in texts:
            item.setText(text)
        self.copy_text_action.setStatusTip(ReadingAids.tr("Copy the whole text of the pane being read"))
        self.copy_digest_action.setStatusTip(ReadingAids.tr("Copy the summary and every translation, with headings, as text and HTML"))

    def set_digest_shown(self, shown: bool) -> None:
        """Copy Digest, Print and Export PDF act on the digest shown: enabled while there is one."""
        for action in (self.copy_digest_action, self.print_action, self.export_pdf_action):
            action.setEnabled(shown)

    def view_menu_actions(self) -> list[QAction | None]:
        """The View menu's part, in order (None: a separator)."""
        return [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, None, self.find_action,
                self.find_next_action, self.find_previous_action, None, self.copy_text_action, self.copy_digest_action]

    def file_menu_actions(self) -> list[QAction]:
        return [self.print_action, self.export_pdf_action]


def apply_appearance(app: QApplication, appearance: str) -> None:
    """Show the app light, dark, or as the system is. Where the platform does not switch its
    own colours (Qt asks it to), the Fusion style's palette is set to match."""
    hints = app.styleHints()
    if appearance == "system":
        hints.unsetColorScheme()
        app.setPalette(app.style().standardPalette())
        return
    wanted = Qt.ColorScheme.Dark if appearance == "dark" else Qt.ColorScheme.Light
    hints.setColorScheme(wanted)
    if hints.colorScheme() != wanted:
        app.setPalette(_dark_palette() if appearance == "dark" else app.style().standardPalette())


def _dark_palette() -> QPalette:
    palette = QPalette()
    dark, darker, text, disabled = QColor(45, 45, 48), QColor(30, 30, 32), QColor(232, 232, 232), QColor(128, 128, 128)
    for role, colour in (
        (QPalette.ColorRole.Window, dark), (QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Base, darker),
        (QPalette.ColorRole.AlternateBase, dark), (QPalette.ColorRole.ToolTipBase, darker),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, dark),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.BrightText, QColor(255, 99, 71)),
        (QPalette.ColorRole.Link, QColor(110, 170, 255)), (QPalette.ColorRole.Highlight, QColor(64, 120, 200)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)), (QPalette.ColorRole.PlaceholderText, disabled),
    ):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


#: The clipboard data this module set last (see :func:`put_on_clipboard`).
_clipboard_data: list[QMimeData] = []


def put_on_clipboard(mime: QMimeData) -> None:
    """Put ``mime`` on the clipboard (which takes it over)."""
    QGuiApplication.clipboard().setMimeData(mime)
    if not _clipboard_data:
        atexit.register(_leave_clipboard_to_qt)
    _clipboard_data[:] = [mime]


def _leave_clipboard_to_qt() -> None:
    """At exit, the same text in data Qt made itself, when the clipboard still holds ours:
    PySide6 6.11 crashes tearing down a clipboard that holds a QMimeData made in Python (seen
    with the offscreen platform). The HTML flavour goes; the text stays for other apps."""
    import shiboken6

    app = QGuiApplication.instance()
    if app is None or not _clipboard_data or not shiboken6.Shiboken.isValid(_clipboard_data[0]):
        return  # something else was copied since: Qt deleted ours
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(clipboard.text())
    _clipboard_data.clear()


def text_mime(text: str, language: str) -> QMimeData:
    """One text as plain text and as HTML that keeps its direction and language."""
    mime = QMimeData()
    mime.setText(text)
    direction = "rtl" if languages.is_right_to_left(language) else "ltr"
    paragraphs = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in text.split("\n\n") if paragraph.strip())
    mime.setHtml(f'<div dir="{direction}" lang="{html.escape(language)}">{paragraphs}</div>')
    return mime


def digest_mime(digest: Digest) -> QMimeData:
    """The whole digest (summary, translations, flags) as the text and HTML exports write it."""
    from models.documents.export import render_digest

    mime = QMimeData()
    mime.setText(render_digest(digest, "txt").decode("utf-8"))
    mime.setHtml(render_digest(digest, "html").decode("utf-8"))
    return mime


def digest_document(digest: Digest) -> QTextDocument:
    """The digest as a Qt text document, from the HTML export: each paragraph laid out in its
    own direction and aligned to its side on the page (Qt's rich text reads a section's
    ``dir`` but not the export's CSS alignment). Safe on any thread."""
    from PySide6.QtGui import QTextBlockFormat, QTextDocument

    from models.documents.export import render_digest

    document = QTextDocument()
    document.setHtml(render_digest(digest, "html").decode("utf-8"))
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        rtl = block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        aligned = QTextBlockFormat()
        aligned.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        cursor.setPosition(block.position())
        cursor.mergeBlockFormat(aligned)
        block = block.next()
    return document


def write_pdf(digest: Digest, path: str) -> Path:
    """The digest as a PDF at ``path`` (written atomically): the HTML export laid out by Qt, so
    Arabic reads right to left and flagged sentences are marked as in the HTML. Runs on any
    thread (Qt paints PDFs off the GUI thread)."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from models.common.atomic import atomic_file

    with atomic_file(path) as temporary:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(temporary))
        printer.setDocName(digest.article.title)
        digest_document(digest).print_(printer)
        del printer  # the file is finished when the printer goes
    return Path(path)


class ReadingTools(QObject):
    """Zoom, Find, Copy, Print, Export PDF and Appearance for the window's reading views.

    ``views`` are the article's view and every generated view; ``current_view`` the one a
    reader would mean now (the last one clicked or typed in, or the tab shown) with its name;
    ``digest`` the digest shown (None: nothing to copy, print or export); ``show_status``
    where a line for the status bar goes.
    """

    def __init__(
        self,
        actions: ReadingActions,
        find_bar: FindBar,
        views: Sequence[FileDropTextView],
        current_view: Callable[[], tuple[FileDropTextView, str]],
        digest: Callable[[], Digest | None],
        runner: BackgroundRunner,
        settings: AppSettings,
        show_status: Callable[[str], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.actions, self.find_bar, self.views = actions, find_bar, list(views)
        self._current_view, self._digest, self._runner = current_view, digest, runner
        self._settings, self._show_status = settings, show_status
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, settings.zoom))
        for view in self.views:
            view.set_zoom(self.zoom)
            view.zoom_requested.connect(self.zoom_by)
            view.copy_text_requested.connect(lambda view=view: self.copy_text(view))
        actions.zoom_in_action.triggered.connect(lambda: self.zoom_by(1))
        actions.zoom_out_action.triggered.connect(lambda: self.zoom_by(-1))
        actions.zoom_reset_action.triggered.connect(lambda: self.zoom_by(-self.zoom))
        actions.find_action.triggered.connect(self.open_find)
        actions.find_next_action.triggered.connect(lambda: self._find(True))
        actions.find_previous_action.triggered.connect(lambda: self._find(False))
        actions.copy_text_action.triggered.connect(lambda: self.copy_text(None))
        actions.copy_digest_action.triggered.connect(self.copy_digest)
        actions.print_action.triggered.connect(self.print_digest)
        actions.export_pdf_action.triggered.connect(self.ask_and_export_pdf)
        actions.appearance_actions[settings.color_scheme].setChecked(True)
        actions.appearance_group.triggered.connect(self._on_appearance_chosen)
        app = QApplication.instance()
        if settings.color_scheme != "system" and isinstance(app, QApplication):
            apply_appearance(app, settings.color_scheme)  # the choice made in an earlier session
        self._update_zoom_actions()

    def _update_zoom_actions(self) -> None:
        self.actions.zoom_in_action.setEnabled(self.zoom < MAX_ZOOM)
        self.actions.zoom_out_action.setEnabled(self.zoom > MIN_ZOOM)
        self.actions.zoom_reset_action.setEnabled(self.zoom != 0)

    @Slot(int)
    def zoom_by(self, steps: int) -> None:
        """Every reading pane ``steps`` points larger (smaller when negative), remembered."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom + steps))
        if zoom == self.zoom:
            return
        self.zoom = self._settings.zoom = zoom
        for view in self.views:
            view.set_zoom(zoom)
        self._update_zoom_actions()
        self._show_status(ReadingAids.tr("Zoom: {points:+d} pt").format(points=zoom) if zoom else ReadingAids.tr("Zoom: actual size"))

    @Slot()
    def open_find(self) -> None:
        view, place = self._current_view()
        self.find_bar.open_on(view, place)

    def _find(self, forward: bool) -> None:
        if not self.find_bar.isVisible() or not self.find_bar.field.text():
            self.open_find()
            return
        self.find_bar.find(forward)

    def copy_text(self, view: FileDropTextView | None) -> None:
        """The whole text of ``view`` (the one being read when None) on the clipboard."""
        view, place = (view, "") if view is not None else self._current_view()
        text = view.toPlainText()
        if not text:
            self._show_status(ReadingAids.tr("Nothing to copy: this pane is empty."))
            return
        put_on_clipboard(text_mime(text, view.language))
        self._show_status(ReadingAids.tr("Copied the text of {place}.").format(place=place) if place else ReadingAids.tr("Copied the text."))

    @Slot()
    def copy_digest(self) -> None:
        digest = self._digest()
        if digest is None:
            return
        put_on_clipboard(digest_mime(digest))
        self._show_status(ReadingAids.tr("Copied the digest: the summary and every translation, with headings."))

    @Slot()
    def print_digest(self) -> None:
        """Print ▸ the system's print dialog, then the digest as the PDF export lays it out."""
        digest = self._digest()
        if digest is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(digest.article.title)
        dialog = QPrintDialog(printer, self.find_bar.window())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        digest_document(digest).print_(printer)
        self._show_status(ReadingAids.tr("Sent the digest to the printer."))

    @Slot()
    def ask_and_export_pdf(self) -> None:
        digest = self._digest()
        if digest is None:
            return
        from models.documents.export import safe_file_stem

        suggested = str(Path(self._settings.last_folder or Path.home()) / f"{safe_file_stem(digest.article.title)}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self.find_bar.window(), ReadingAids.tr("Export PDF"), suggested, ReadingAids.tr("PDF documents (*.pdf)"))
        if path:
            self.export_pdf(digest, path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def export_pdf(self, digest: Digest, path: str) -> None:
        """Write the PDF on the runner's files lane; the status bar says when it is written or why not."""
        self._show_status(ReadingAids.tr("Writing {name}…").format(name=Path(path).name))
        task = self._runner.run(f"export pdf {Path(path).name}", lambda _state: write_pdf(digest, path), lane=FILES_LANE)
        task.finished.connect(lambda written: self._show_status(ReadingAids.tr("Exported the digest to {path}.").format(path=written)))
        task.failed.connect(lambda error: self._show_status(
            ReadingAids.tr("Could not export the PDF: {error}").format(error=getattr(error, "strerror", None) or error)))

    @Slot(QAction)
    def _on_appearance_chosen(self, action: QAction) -> None:
        appearance = str(action.data())
        self._settings.color_scheme = appearance
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, appearance)
