"""Where a generated sentence came from, shown: a mark in the margin beside each sentence a
person wrote or chose, and the words a tooltip says about it.

A sentence's origin (:data:`~models.common.types.EDITED`, :data:`~models.common.types.ALTERNATIVE`)
and whether its English changed after it was edited come from the digest's
:attr:`~models.common.types.Digest.revisions`. The marks stand in a strip of the view's own
(its viewport moved aside by :data:`MARGIN` pixels, on the side its lines start), so they
never cover the text nor the flags' wavy underlines and linked-sentence highlights: an edited
sentence is a blue bar, an alternative chosen a purple one, and an edit whose English changed
since a dashed bar (a sentence that starts or ends inside a line takes that line's lower or
upper half, so two sentences on one line keep their own marks); the sentence's own text is in
the same ink, a layer of the view's highlights (:data:`REVISIONS_LAYER`) beside the flags'
underlines. Each mark follows its sentence while the text is typed in (it is held by text
cursors), until the next revision places the marks again.
"""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from desktop.ui.language import TranslationContext
from desktop.ui.panes import is_dark
from models.common.types import ALTERNATIVE, EDITED, MACHINE

RevisionMarks = TranslationContext("RevisionMarks")

#: The strip's width beside the text, and the bar's width in it.
MARGIN = 9
BAR = 4
#: What a mark shows: a sentence edited, an alternative chosen, an edit whose English changed since.
EDITED_MARK, CHOSEN_MARK, STALE_MARK = "edited", "chosen", "stale"
#: Each mark's colour on a light base, and on a dark one; and its text's ink.
_COLOURS = {EDITED_MARK: ("#1e6fd9", "#6aa7ff"), CHOSEN_MARK: ("#8e24aa", "#ce93d8"), STALE_MARK: ("#1e6fd9", "#6aa7ff")}
_INKS = {EDITED_MARK: ("#17457f", "#a9c9ff"), CHOSEN_MARK: ("#5e1a78", "#e1bee7"), STALE_MARK: ("#17457f", "#a9c9ff")}
#: The views' highlight layer of the revised sentences' ink.
REVISIONS_LAYER = "revisions"
#: The longest stretch of a text a tooltip quotes.
_QUOTED = 300


def mark_kind(origin: str, source_changed: bool) -> str | None:
    """The mark of a sentence of this origin (None: the model's own, unmarked)."""
    if source_changed:
        return STALE_MARK
    if origin == EDITED:
        return EDITED_MARK
    if origin == ALTERNATIVE:
        return CHOSEN_MARK
    return None


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1].rstrip() + "…"


def origin_line(origin: str, machine: str, source_changed: bool) -> str:
    """What a tooltip says of a sentence's origin, as "Label: text" ("" for the model's own)."""
    if source_changed:
        return RevisionMarks.tr(
            "English changed: you edited this sentence before its English changed; the new machine translation is "
            "“{machine}” (right-click the sentence to use it)").format(machine=_quote(machine))
    if origin == MACHINE:
        return ""
    if origin == ALTERNATIVE:
        return RevisionMarks.tr("Chosen alternative: the model first wrote “{machine}”").format(machine=_quote(machine))
    if not machine.strip():
        return RevisionMarks.tr("Edited: written by you")
    return RevisionMarks.tr("Edited: the model wrote “{machine}”").format(machine=_quote(machine))


class RevisionMargin(QWidget):
    """The strip beside ``view``'s text where its revised sentences are marked (see the module
    docstring). :meth:`set_marks` places them; pointing at one says what it is."""

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self.setObjectName("revisionMargin")
        self._view = view
        #: (start, end, kind, tooltip): the start and end held by cursors, so they follow typing.
        self._marks: list[tuple[QTextCursor, QTextCursor, str, str | Callable[[], str]]] = []
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.document().contentsChanged.connect(self.update)
        view.installEventFilter(self)
        self._place()

    def set_marks(self, marks: Sequence[tuple[int, int, str, str | Callable[[], str]]]) -> None:
        """Mark these stretches of the view's document, (start, end) in document positions,
        each with its kind (:data:`EDITED_MARK`…) and what pointing at it says (or a function
        that says it then, in the interface's language of the moment)."""
        document = self._view.document()
        placed = []
        for start, end, kind, tip in marks:
            first, last = QTextCursor(document), QTextCursor(document)
            first.setPosition(min(start, document.characterCount() - 1))
            last.setPosition(min(end, document.characterCount() - 1))
            placed.append((first, last, kind, tip))
        self._marks = placed
        self._ink()
        self.update()

    def _ink(self) -> None:
        """The marked sentences' text in their mark's ink (a highlight layer of the view's)."""
        set_highlights = getattr(self._view, "set_highlights", None)
        if set_highlights is None:
            return
        dark = is_dark(self._view.palette())
        selections = []
        for first, last, kind, _tip in self._marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(first)
            cursor.setPosition(last.position(), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            text_format = QTextCharFormat()
            text_format.setForeground(QColor(_INKS[kind][dark]))
            selection.format = text_format
            selections.append(selection)
        set_highlights(REVISIONS_LAYER, selections)

    def marks(self) -> list[tuple[int, int, str]]:
        """The marks shown now: (start, end, kind), in document positions."""
        return [(first.position(), last.position(), kind) for first, last, kind, _tip in self._marks]

    def _right_to_left(self) -> bool:
        """Whether the view's lines start at the right: its text's language, else its layout."""
        language = getattr(self._view, "language", None)
        if language is not None:
            from models.common.languages import is_right_to_left

            return is_right_to_left(language)
        return self._view.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _place(self) -> None:
        """Stand in a strip beside the viewport, on the side the view's lines start (the right
        for Arabic), whatever the interface's direction (viewport margins are not mirrored)."""
        right_to_left = self._right_to_left()
        margins = (0, 0, MARGIN, 0) if right_to_left else (MARGIN, 0, 0, 0)
        now = self._view.viewportMargins()
        if (now.left(), now.top(), now.right(), now.bottom()) != margins:
            self._view.setViewportMargins(*margins)
        viewport = self._view.viewport().geometry()
        left = viewport.right() + 1 if right_to_left else viewport.left() - MARGIN
        self.setGeometry(QRect(left, viewport.top(), MARGIN, viewport.height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._view and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutDirectionChange, QEvent.Type.Show):
            self._place()
        return False

    def _bars(self) -> list[tuple[QRect, str, str]]:
        """Each mark's bar in this strip's coordinates, with its kind and tooltip."""
        bars = []
        height = self.height()
        for first, last, kind, tip in self._marks:
            top_line, bottom_line = self._view.cursorRect(first), self._view.cursorRect(last)
            # A sentence that starts after a line's start has its lower half; one that ends
            # before a line's end, its upper half.
            top = top_line.center().y() + 1 if not _at(first, QTextCursor.MoveOperation.StartOfLine) else top_line.top()
            bottom = bottom_line.center().y() if not _at(last, QTextCursor.MoveOperation.EndOfLine) else bottom_line.bottom()
            if bottom < 0 or top > height:
                continue
            x = 2 if self._right_to_left() else MARGIN - BAR - 2  # beside the text
            bars.append((QRect(x, top, BAR, max(bottom - top, 4)), kind, tip))
        return bars

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        base = self._view.palette().color(QPalette.ColorRole.Base)
        dark = is_dark(self._view.palette())
        painter = QPainter(self)
        painter.fillRect(self.rect(), base)  # of a piece with the text beside it
        for rect, kind, _tip in self._bars():
            colour = QColor(_COLOURS[kind][dark])
            if kind == STALE_MARK:  # dashed: the English changed since the edit
                for y in range(rect.top(), rect.bottom(), 6):
                    painter.fillRect(QRect(rect.left(), y, rect.width(), min(3, rect.bottom() - y + 1)), colour)
            else:
                painter.fillRect(rect, colour)
        painter.end()

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = next((tip for rect, _kind, tip in self._bars() if rect.top() - 2 <= event.pos().y() <= rect.bottom() + 2), "")
            tip = tip() if callable(tip) else tip
            if tip:
                from desktop.ui.linking import tooltip_html

                QToolTip.showText(event.globalPos(), tooltip_html(tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _at(cursor: QTextCursor, edge: QTextCursor.MoveOperation) -> bool:
    """Whether ``cursor`` stands at the start (or end) of its line, but for spaces."""
    moved = QTextCursor(cursor)
    moved.movePosition(edge, QTextCursor.MoveMode.KeepAnchor)
    return not moved.selectedText().strip()


def margin_of(view: QTextEdit) -> RevisionMargin | None:
    """The revision margin of ``view``, if it has one."""
    return view.findChild(RevisionMargin, "revisionMargin", Qt.FindChildOption.FindDirectChildrenOnly)
