"""The window's panes: the original article (left), the generated texts (right), the message banner.

Every text view here opens a dropped file instead of pasting its URL (a plain ``QTextEdit``
inserts the URL as text). Views of right-to-left languages lay out right to left through
the document's default :class:`~PySide6.QtGui.QTextOption`, so a paragraph that starts with
a Latin name or a number still reads as Arabic, and each language gets a font that covers
its script.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QMimeData, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextLayout,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.language import Reading, TranslationContext, isolate, language_name, say, task_title, translate
from models.common import languages
from models.common.languages import ENGLISH
from models.common.types import Article, Digest, PartialText, alignment_key

Panes = TranslationContext("Panes")

_READING_POINT_SIZE = 11.0
#: Line height of the reading views, in percent of the font's: easier on the eye than Qt's 100.
LINE_HEIGHT_PERCENT = 135


def dropped_paths(mime: QMimeData) -> list[str]:
    """Local paths (or, for other URLs, the URL text) of what was dropped; empty when no URLs."""
    if not mime.hasUrls():
        return []
    paths: list[str] = []
    for url in mime.urls():
        if url.isLocalFile():
            paths.append(url.toLocalFile())
        elif not url.isEmpty():
            paths.append(_without_credentials(url))
    return paths


def _without_credentials(url: QUrl) -> str:
    """A dropped link as text, without a user name or password it may carry (never shown or sent on)."""
    text = url.toString()
    if not url.userInfo():
        return text
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(text)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark one (its text backgrounds dark): the one test of it, for
    the colours that must read on both (highlights, marks, failed rows)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


#: Zoom steps, in points added to the reading size, and their bounds (View › Zoom In/Out).
MIN_ZOOM, MAX_ZOOM = -5, 20


def reading_font(language: str = "en", base: QFont | None = None, zoom: int = 0) -> QFont:
    """A font for reading ``language`` whose families cover its script (with fallbacks),
    ``zoom`` points larger than the reading size (smaller when negative)."""
    font = QFont(base) if base is not None else QFont()
    entry = languages.language(language) or languages.LANGUAGES[ENGLISH]
    # The table's script names are Qt's writing systems' names ("Latin", "Cyrillic", "Arabic").
    system = getattr(QFontDatabase.WritingSystem, entry.script.name, QFontDatabase.WritingSystem.Latin)
    installed = QFontDatabase.families(system)
    available = set(installed)
    families = [name for name in entry.fonts if name in available]
    if not families:
        families = [name for name in installed if not QFontDatabase.isPrivateFamily(name)][:1]
    if families:
        font.setFamilies(families)
    size = base.pointSizeF() if base is not None and base.pointSizeF() > 0 else _READING_POINT_SIZE
    font.setPointSizeF((max(size, _READING_POINT_SIZE) + zoom) * entry.font_scale)
    return font


class FileDropTextView(QTextEdit):
    """A read-only text view that opens files dropped on it instead of pasting their URLs, and
    takes dropped text as a new article.

    Its highlights come in named layers (:meth:`set_highlights`): the linked sentences and the
    Find bar's matches each keep their own, shown together.

    Signals:
        files_dropped(list): the paths (or URLs) of files dropped on the view.
        text_dropped(str): text dropped on the view (a selection dragged from a browser).
        zoom_requested(int): Ctrl+wheel asked for this many zoom steps (every pane zooms together).
        copy_text_requested(): the context menu's Copy This Text was chosen.
        context_menu_opening(object, object): this context menu (a QMenu, its standard actions
            in) is about to open at this point of the viewport: a slot may add to it.
    """

    files_dropped = Signal(list)
    text_dropped = Signal(str)
    zoom_requested = Signal(int)
    copy_text_requested = Signal()
    context_menu_opening = Signal(object, object)

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.zoom = 0
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._base_font = QFont(self.font())
        self._placeholder = ""
        self.set_language(language)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - Qt override
        """What the view says while empty, wrapped to its width (:meth:`paintEvent`)."""
        self._placeholder = text
        self.viewport().update()

    def placeholderText(self) -> str:  # noqa: N802 - Qt override
        return self._placeholder

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._placeholder or not self.document().isEmpty():
            return
        # QTextEdit draws its own placeholder on one line, cut off at the pane's edge (Qt 6.11):
        # ours wraps, on the side the view's lines start.
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.setFont(self.font())
        margin = round(self.document().documentMargin())
        alignment = QStyle.visualAlignment(self.layoutDirection(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        painter.drawText(self.viewport().rect().adjusted(margin, margin, -margin, -margin),
                         int(alignment) | int(Qt.TextFlag.TextWordWrap), self._placeholder)
        painter.end()

    def set_language(self, language: str) -> None:
        """Show text of ``language``: a font that covers its script, right to left for Arabic."""
        self.language = language
        self.setFont(reading_font(language, self._base_font, self.zoom))
        if languages.is_right_to_left(language):
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        else:
            self.unsetLayoutDirection()  # the interface's own direction
        self._apply_text_option()

    def set_zoom(self, zoom: int) -> None:
        """Read at ``zoom`` points above the reading size."""
        self.zoom = zoom
        self.setFont(reading_font(self.language, self._base_font, zoom))

    def set_highlights(self, layer: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Show ``selections`` as the highlights of ``layer`` ("links", "find"), beside the
        other layers' (later layers are painted over earlier ones)."""
        if not selections and not self._layers.get(layer):
            return
        self._layers[layer] = list(selections)
        self.setExtraSelections([selection for kept in self._layers.values() for selection in kept])

    def highlights_of(self, layer: str) -> list[QTextEdit.ExtraSelection]:
        """The highlights ``layer`` shows now."""
        return list(self._layers.get(layer, ()))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoom_requested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        self.context_menu_opening.emit(menu, event.pos())
        menu.addSeparator()
        copy_all = menu.addAction(Panes.tr("Copy This Text"))
        copy_all.setObjectName("copyThisTextMenuAction")
        copy_all.setEnabled(bool(self.toPlainText()))
        copy_all.triggered.connect(self.copy_text_requested)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _apply_text_option(self) -> None:
        option = QTextOption(self.document().defaultTextOption())
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if languages.is_right_to_left(self.language):
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        else:
            option.setTextDirection(Qt.LayoutDirection.LeftToRight)
            option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        self.document().setDefaultTextOption(option)

    def set_text(self, text: str) -> None:
        """Show ``text`` (plain, paragraphs separated by blank lines) from the top."""
        self.setPlainText(text)
        self._apply_text_option()
        if text:
            self._space_lines()
        self.document().clearUndoRedoStacks()  # a text just shown: nothing of it to undo (not even its line spacing)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def shown_text(self) -> str:
        """The text shown, character for character as set (``toPlainText`` would turn no-break
        spaces into spaces)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def replace_text(self, text: str) -> None:
        """Show ``text`` in place of the text shown, keeping the reader's place: only the stretch
        that differs is replaced (a revised digest: a sentence translated again). The view's
        undo history ends there (what the reader typed before referred to the old text)."""
        import os

        shown = self.shown_text()
        if shown == text:
            return
        if not shown:
            self.set_text(text)
            return
        prefix = len(os.path.commonprefix([shown, text]))
        suffix = len(os.path.commonprefix([shown[prefix:][::-1], text[prefix:][::-1]]))

        def position(index: int) -> int:  # a document counts UTF-16 code units
            return len(shown[:index].encode("utf-16-le")) // 2

        scroll = self.verticalScrollBar().value()
        undo = self.isUndoRedoEnabled()
        self.setUndoRedoEnabled(False)
        cursor = QTextCursor(self.document())
        cursor.setPosition(position(prefix))
        cursor.setPosition(position(len(shown) - suffix), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text[prefix : len(text) - suffix])
        self._space_lines()
        self.setUndoRedoEnabled(undo)
        self.verticalScrollBar().setValue(scroll)

    def _space_lines(self, start: int = 0) -> None:
        """Every paragraph from position ``start`` on at the reading views' line height
        (:data:`LINE_HEIGHT_PERCENT`)."""
        block_format = QTextBlockFormat()
        block_format.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        # All in one edit block, the cursor's move included: outside one, moving it to the end
        # lays the whole text out first (to know where the end is on screen), and the new line
        # height then lays it out again.
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(block_format)
        cursor.endEditBlock()

    def show_growing_text(self, text: str) -> None:
        """Show ``text``, which usually extends what is shown (a translation arriving paragraph
        by paragraph): then only the new end is added, so the reader's place is kept."""
        shown = self.shown_text()  # not toPlainText: a no-break space in it would never match
        if text == shown:
            return  # each update of a digest in progress comes with every text, most unchanged
        if not shown or not text.startswith(shown):
            self.set_text(text)
            return
        scroll = self.verticalScrollBar().value()
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        end = cursor.position()
        cursor.insertText(text[len(shown):])
        self._space_lines(end)  # the new paragraphs only: a long translation's whole text took 25 ms a step
        self.verticalScrollBar().setValue(scroll)

    # -- drops and pastes: files open, URLs are never inserted as text --------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        paths = dropped_paths(source)
        if paths:
            self.files_dropped.emit(paths)
            return
        super().insertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        elif event.mimeData().hasText() and event.source() is not self:  # not a selection dragged within the view
            event.acceptProposedAction()
            self.text_dropped.emit(event.mimeData().text())
        else:
            super().dropEvent(event)


#: How much of the text's colour a secondary line takes (the rest is the background's): quieter
#: than the text, far more readable than a disabled widget's grey.
SECONDARY_TEXT_WEIGHT = 0.7


def secondary_colour(palette: QPalette) -> QColor:
    """The colour of secondary lines in ``palette``: its text colour blended into its background."""
    text, back = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    weight = SECONDARY_TEXT_WEIGHT
    return QColor.fromRgbF(*(weight * a + (1 - weight) * b for a, b in zip(text.getRgbF()[:3], back.getRgbF()[:3])))


def elided_lines(text: str, font: QFont, width: int, max_lines: int, direction: Qt.LayoutDirection) -> str:
    """``text`` cut to what wraps (at word boundaries) into ``max_lines`` lines of ``width``
    pixels, its last line ending in "…" when cut."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(direction)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while len(starts) <= max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= max_lines and (max_lines > 1 or QFontMetrics(font).horizontalAdvance(text) <= width):
        return text
    last = starts[max_lines - 1] if len(starts) >= max_lines else 0
    tail = QFontMetrics(font).elidedText(text[last:], Qt.TextElideMode.ElideRight, width)
    return text[:last] + (tail[: tail.rindex("…") + 1] if "…" in tail else tail)  # Qt keeps invisible marks after it


class SecondaryLabel(QLabel):
    """A line of secondary information: in a quieter colour of the palette (not greyed out
    as if disabled), wrapped to at most ``max_lines`` lines and cut with "…" beyond them; the
    whole text (or the tooltip given) is then its tooltip. :meth:`full_text` is what it says."""

    def __init__(self, max_lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self._full = ""
        self._tip = ""
        self._laid_out = False  # until the layout gives it a width, it shows the whole text
        self.setWordWrap(max_lines > 1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored if max_lines == 1 else QSizePolicy.Policy.Preferred,
                           QSizePolicy.Policy.Preferred)
        self._recolour()

    def set_full_text(self, text: str, tooltip: str = "") -> None:
        """Say ``text`` (cut to the lines it may take); ``tooltip`` is shown on pointing at it
        (the whole text when empty and the text is cut)."""
        self._full, self._tip = text, tooltip
        self._show()

    def full_text(self) -> str:
        """The whole text, however much of it is shown."""
        return self._full

    def _show(self) -> None:
        width = self.contentsRect().width() - 2 * max(self.margin(), 0)
        shown = self._full
        if self._laid_out and width > 0 and self._full:
            shown = elided_lines(self._full, self.font(), width, self._max_lines, self.layoutDirection())
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(self._tip or (self._full if shown != self._full else ""))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._laid_out = True
        if event.size().width() != event.oldSize().width():
            self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._recolour()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange):
            self._show()

    def _recolour(self) -> None:
        """Take the quieter colour of the palette the label is shown in (light or dark)."""
        parent = self.parentWidget()
        colour = secondary_colour(parent.palette() if parent is not None else QApplication.palette(self))
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = QPalette(self.palette())
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)


class OriginalPane(QWidget):
    """The article as read: its title, what was noticed on reading, and its text.

    Signals:
        files_dropped(list): files dropped on the text view.
        text_dropped(str): text dropped on the text view.
    """

    files_dropped = Signal(list)
    text_dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("articleTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(max(title_font.pointSizeF(), 10.0) * 1.25)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.details_label = SecondaryLabel(max_lines=1)
        self.details_label.setObjectName("articleDetails")
        self.notices_label = QLabel("")
        self.notices_label.setObjectName("noticesLabel")
        self.notices_label.setWordWrap(True)
        self.notices_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.notices_label.setStyleSheet(
            "QLabel#noticesLabel { background: #fff4d6; color: #5c4400; border: 1px solid #e8c66a;"
            " border-radius: 4px; padding: 4px 6px; }"
        )
        self.notices_label.hide()
        self.view = FileDropTextView("en")
        self.view.setObjectName("originalView")
        self.view.files_dropped.connect(self.files_dropped)
        self.view.text_dropped.connect(self.text_dropped)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.notices_label)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """The placeholder and the lines about the article in the interface's language."""
        self.view.setPlaceholderText(Panes.tr("Drop an article file here, or use File › Open (Ctrl+O)."))
        self._show_title()
        self._show_notices()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_title(self) -> None:
        article = self._article
        if article is None:
            self.title_label.setText(Panes.tr("No article open"))
            self.details_label.set_full_text("")
        else:
            self.title_label.setText(article.title or translate("ArticleQueue", "Untitled article"))
            self.details_label.set_full_text(article_details(article))

    def show_article(self, article: Article | None) -> bool:
        """Show ``article`` (or the empty state for ``None``). The same text in the same
        language again (the article's digest running or done) only says the lines about it
        again: the reader's place and the text's layout are kept. Returns whether the text was set."""
        shown, self._article = self._article, article
        self._show_title()
        self._show_notices()
        if article is not None and shown is not None and (article.text, article.language) == (shown.text, shown.language):
            return False
        if article is None:
            self.view.set_text("")
            return True
        # Only the languages the app reads are laid out for (an unknown one reads as English).
        self.view.set_language(article.language if languages.language(article.language) is not None else ENGLISH)
        self.view.set_text(article.text)
        return True

    def _show_notices(self) -> None:
        """What reading found worth saying (PDF pages left out, the article's language), in the
        interface's language: the core's notices are wordings."""
        notices = list(self._article.notices) if self._article is not None else []
        self.notices_label.setText("\n".join(f"⚠ {say(notice, Reading)}" for notice in notices))
        self.notices_label.setVisible(bool(notices))


def article_details(article: Article) -> str:
    """One line about an article: words, language, file name."""
    words = len(article.text.split())
    parts = [Panes.tr("%n words", "", words)]
    if article.language:
        from models.documents.read import language_name as english_language_name  # loaded with the article

        name = translate("Language", english_language_name(article.language))
        parts.append(Panes.tr("language: {language}").format(language=name))
    if article.source_path:
        from pathlib import Path

        parts.append(isolate(Path(article.source_path).name))
    return " · ".join(parts)


#: The summary tab's placeholder; a language's own tab says the table's ``placeholder``, written
#: in that language, so an empty tab already shows its script and direction.
_SUMMARY_PLACEHOLDER = QT_TRANSLATE_NOOP("Panes", "The English summary appears here after Digest (Ctrl+Return).")
#: What an empty view says, beyond its first placeholder (kept per view, so a language switch can say it again).
_EMPTY, _NOT_REQUESTED, _COMING, _STOPPED = "empty", "not-requested", "coming", "stopped"


def _object_name(code: str) -> str:
    """A language's part of its views' object names ("russianView", "arabicArticleView")."""
    return languages.name(code).lower().replace(" ", "")


class GeneratedPane(QTabWidget):
    """Tabs with the generated texts: Summary, one per language, and the full translations.

    The full-article tabs are shown only when the digest holds full translations.

    Signals:
        files_dropped(list): files dropped on any of the text views.
    """

    files_dropped = Signal(list)
    text_dropped = Signal(str)

    def __init__(self, codes: Iterable[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Each view's tab title (a function: it is said again in a new interface language).
        self._titles: dict[FileDropTextView, Callable[[], str]] = {}
        #: What each empty view says (_EMPTY, _NOT_REQUESTED, _COMING, _STOPPED).
        self._placeholders: dict[FileDropTextView, str] = {}
        #: The views whose text is still coming (their tabs are marked "…").
        self._coming: set[FileDropTextView] = set()
        self.setObjectName("resultTabs")
        self.setDocumentMode(True)
        # In a narrow window every tab stays reachable, whatever the platform's style prefers:
        # arrows scroll the tabs, whose titles are never cut ("Full text · Р…" would not say which).
        self.tabBar().setUsesScrollButtons(True)
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.summary_view = self._add_view("summary", "en", lambda: Panes.tr("Summary"))
        self.language_views: dict[str, FileDropTextView] = {}
        self.article_views: dict[str, FileDropTextView] = {}
        codes = tuple(codes if codes is not None else languages.output_languages())
        for code in codes:
            native = languages.native_name(code)
            view = self._add_view(f"{_object_name(code)}View", code, lambda native=native: native)
            self.language_views[code] = view
        for code in codes:
            native = languages.native_name(code)
            view = self._add_view(
                f"{_object_name(code)}ArticleView", code,
                lambda native=native: Panes.tr("Full text · {language}").format(language=native),
            )
            self.article_views[code] = view
            self.setTabVisible(self.indexOf(view), False)
        # A Russian or Arabic article is summarised from its machine translation into English.
        english = self._add_view("englishArticleView", ENGLISH, lambda: Panes.tr("Article in English"))
        self.article_views[ENGLISH] = english
        self.setTabVisible(self.indexOf(english), False)
        self.summary_view.setObjectName("summaryView")
        self.retranslate()

    def _add_view(self, name: str, language: str, title: Callable[[], str]) -> FileDropTextView:
        view = FileDropTextView(language)
        view.setObjectName(name)
        view.files_dropped.connect(self.files_dropped)
        view.text_dropped.connect(self.text_dropped)
        self.addTab(view, "")
        self._titles[view] = title
        self._placeholders[view] = _EMPTY
        return view

    def retranslate(self) -> None:
        """Tab titles and placeholders in the interface's language."""
        for view in self._titles:
            self._mark_tab(view, view in self._coming)
            self._say_placeholder(view, self._placeholders[view])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say_placeholder(self, view: FileDropTextView, kind: str) -> None:
        self._placeholders[view] = kind
        if kind == _NOT_REQUESTED:
            text = Panes.tr("{name} was not requested for this digest: tick it and press Digest again.").format(
                name=language_name(view.language))
        elif kind == _COMING:
            text = Panes.tr("Still being written: it appears here as soon as it is ready.")
        elif kind == _STOPPED:
            text = Panes.tr("The digest was cancelled before this text was written.")
        elif view is self.summary_view:
            text = Panes.tr(_SUMMARY_PLACEHOLDER)
        elif view in self.language_views.values():
            entry = languages.language(view.language)
            text = entry.placeholder if entry is not None else ""  # written in the tab's own language, on purpose
        else:
            text = ""
        view.setPlaceholderText(text)

    def _mark_tab(self, view: FileDropTextView, coming: bool) -> None:
        """The tab's title, with "…" while its text is still coming."""
        if coming:
            self._coming.add(view)
        else:
            self._coming.discard(view)
        index = self.indexOf(view)
        title = self._titles[view]()
        self.setTabText(index, f"{title} …" if coming else title)
        self.setTabToolTip(index, Panes.tr("{title}: still being written").format(title=title) if coming else title)

    def show_progress(self, parts: Mapping[str, PartialText], requested: Iterable[str], *, stopped: bool = False) -> None:
        """Show a digest while it is made, or as far as it got (``stopped``): each text published
        so far (the summary grows as it is decoded, a translation paragraph by paragraph), and
        for each text asked for but not yet there, that it is coming (or that it never came)."""
        wanted = set(requested)
        for key, view in self.views_by_key().items():
            part = parts.get(key)
            if key.startswith("article:"):
                self.setTabVisible(self.indexOf(view), key in wanted)
            if part is not None:
                view.show_growing_text(part.text)
            elif not view.document().isEmpty():
                view.set_text("")
            if key not in wanted:
                self._say_placeholder(view, _NOT_REQUESTED)
            elif part is None:
                self._say_placeholder(view, _STOPPED if stopped else _COMING)
            self._mark_tab(view, key in wanted and not stopped and (part is None or not part.complete))

    def views_by_key(self) -> dict[str, FileDropTextView]:
        """Every view by the :func:`~models.common.types.alignment_key` of the text it shows:
        ``summary``, ``summary:ru``, ``article:ar``…"""
        views: dict[str, FileDropTextView] = {"summary": self.summary_view}
        views.update({f"summary:{code}": view for code, view in self.language_views.items()})
        views.update({f"article:{code}": view for code, view in self.article_views.items()})
        return views

    def show_digest(self, digest: Digest | None, previous: Digest | None = None) -> None:
        """Fill the tabs from ``digest`` (or empty them for ``None``). ``previous``: the digest
        shown, of which ``digest`` is a revision: a text that did not change is left as it is
        (with the reader's place and what they are typing), one that did is replaced in place."""
        if digest is not None and previous is not None:
            for key, view in self.views_by_key().items():
                text = digest.generated_text(key)
                if text != previous.generated_text(key):
                    view.replace_text(text)
            return
        for view in self._titles:
            self._mark_tab(view, False)
        if digest is None:
            self.summary_view.set_text("")
            for view in self._titles:
                self._say_placeholder(view, _EMPTY)
            for view in (*self.language_views.values(), *self.article_views.values()):
                view.set_text("")
            for view in self.article_views.values():
                self.setTabVisible(self.indexOf(view), False)
            return
        self.summary_view.set_text(digest.summary)
        for code, view in self.language_views.items():
            text = digest.summary_translations.get(code)
            if text is None:
                view.set_text("")
                self._say_placeholder(view, _NOT_REQUESTED)
            else:
                view.set_text(text)
        for code, view in self.article_views.items():
            text = digest.generated_text(alignment_key("article", code))
            view.set_text(text)
            self.setTabVisible(self.indexOf(view), bool(text))


def model_short_name(model_id: str) -> str:
    """A model as the line under the tabs names it: its repository's own name
    ("sshleifer/distilbart-cnn-12-6" -> "distilbart-cnn-12-6")."""
    return model_id.rstrip("/").rsplit("/", 1)[-1]


def _digest_lines(digest: Digest, *, full: bool) -> list[str]:
    """What is said about a digest, a sentence or part each: how it was made (through English
    for a Russian or Arabic article), when and how fast, by which models (short names, or
    ``full`` ids with their licences), and that it is machine-made."""
    lines = []
    if digest.translated_from:
        name = language_name(digest.translated_from)
        lines.append(Panes.tr(
            "The article, in {language}, was machine-translated into English before summarising; "
            "the {language} summary is the English summary translated back."
        ).format(language=name))
    when = isolate(digest.created.replace("T", " ")[:16])
    if digest.seconds:
        lines.append(Panes.tr("Made {when} in {seconds} s").format(when=when, seconds=f"{digest.seconds:.1f}"))
    else:
        lines.append(Panes.tr("Made {when}").format(when=when))
    for credit in digest.models:
        if full:
            name = credit.model_id + (f" ({credit.licence})" if credit.licence else "")
        else:
            name = model_short_name(credit.model_id)
        lines.append(f"{task_title(credit.task)}: {isolate(name)}")
    lines.append(Panes.tr("Machine-made: check what matters against the original."))
    return lines


def digest_info(digest: Digest) -> str:
    """The line under the tabs: when and how fast the digest was made, and by which models
    (by short name: :func:`digest_info_tooltip` gives their ids and licences)."""
    lines = _digest_lines(digest, full=False)
    notice = [lines.pop(0)] if digest.translated_from else []
    machine_made = lines.pop()
    return " ".join([*notice, " · ".join(lines) + ".", machine_made])


def digest_info_tooltip(digest: Digest) -> str:
    """The line under the tabs in full, a paragraph each (rich text, so it wraps): the
    models' full ids and licences."""
    import html

    return "".join(f"<p>{html.escape(line)}</p>" for line in _digest_lines(digest, full=True))


class MessageBanner(QFrame):
    """A coloured strip above the panes for problems the user can act on (missing models, errors).

    Signals:
        choose_folder_requested(): the user pressed "Choose models folder…".
        manage_models_requested(): the user pressed "Download models…".
        retry_requested(): the user pressed "Check again".
    """

    choose_folder_requested = Signal()
    manage_models_requested = Signal()
    retry_requested = Signal()

    #: kind -> (background, text, border) colours.
    _COLOURS = {
        "warning": ("#fff4d6", "#4d3900", "#e8c66a"),
        "error": ("#fde7e7", "#6b1010", "#e59a9a"),
        "success": ("#e6f4ea", "#0d4f1c", "#9bd1a8"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.kind = ""
        self.label = QLabel()
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._render: Callable[[], None] | None = None
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseModelsButton")
        self.choose_button.clicked.connect(self.choose_folder_requested)
        self.manage_button = QPushButton()
        self.manage_button.setObjectName("manageModelsButton")
        self.manage_button.clicked.connect(self.manage_models_requested)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("checkAgainButton")
        self.retry_button.clicked.connect(self.retry_requested)
        self.close_button = QToolButton()
        self.close_button.setObjectName("closeBannerButton")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        buttons = QVBoxLayout()
        buttons.addWidget(self.manage_button)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 6, 8)
        layout.addWidget(self.label, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons, and the message shown (when it was shown by :meth:`show_composed`)."""
        self.choose_button.setText(Panes.tr("Choose models folder…"))
        self.manage_button.setText(Panes.tr("Download models…"))
        self.retry_button.setText(Panes.tr("Check again"))
        self.close_button.setToolTip(Panes.tr("Hide this message"))
        if self._render is not None and self.kind:
            self.show_composed(self._render)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_composed(self, render: Callable[[], None]) -> None:
        """Show the message ``render`` shows (through :meth:`show_message`), and show it again,
        in the new language, when the interface's language changes."""
        render()
        self._render = render

    def show_message(
        self, kind: str, heading: str, lines: Iterable[str] = (), *, footer: str = "", offer_models_folder: bool = False,
        details: str = "",
    ) -> None:
        """Show a bold ``heading``, a bullet per line and a ``footer`` (a paragraph per line);
        ``kind`` is ``"warning"``, ``"error"`` or ``"success"``.

        ``details`` (e.g. every folder that was searched) goes to the tooltip.
        """
        import html

        self._render = None  # a plain message: show_composed sets its own after this
        self.kind = kind
        parts = [f"<b>{html.escape(heading)}</b>"]
        items = [f"<li>{html.escape(line)}</li>" for line in lines]
        if items:
            parts.append(f"<ul style='margin: 2px 0 2px -24px;'>{''.join(items)}</ul>")
        parts.extend(f"<div>{html.escape(line)}</div>" for line in footer.split("\n") if line)
        text = "".join(parts)
        self.setToolTip(details)
        background, text_colour, border = self._COLOURS.get(kind, self._COLOURS["error"])
        self.setStyleSheet(
            f"QFrame#messageBanner {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"
            f" QLabel#bannerText {{ color: {text_colour}; background: transparent; border: none; }}"
        )
        self.label.setText(text)
        self.choose_button.setVisible(offer_models_folder)
        self.manage_button.setVisible(offer_models_folder)
        self.retry_button.setVisible(offer_models_folder)
        self.show()

    def clear(self, kind: str | None = None) -> None:
        """Hide the banner (only if it shows a message of ``kind``, when given)."""
        if kind is None or self.kind == kind:
            self.kind, self._render = "", None
            self.label.clear()
            self.hide()

    @Slot()
    def _on_close_button_clicked(self) -> None:
        self.clear()
