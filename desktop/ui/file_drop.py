"""Files, links and text dropped anywhere on a widget: an event filter that accepts such drags."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent

from desktop.ui.panes import dropped_paths


class FileDropFilter(QObject):
    """Install on a widget that accepts drops: drags that carry URLs or text are accepted,
    others refused, and the drop is reported instead of reaching the widget.

    Signals:
        files_dropped(list): the local paths (or URLs) dropped, never empty.
        text_dropped(str): text dropped (a selection dragged from a browser or an editor).
    """

    files_dropped = Signal(list)
    text_dropped = Signal(str)

    @classmethod
    def install_on(cls, widget: QObject) -> FileDropFilter:
        """A new filter, a child of ``widget``, installed on it."""
        drop_filter = cls(widget)
        widget.installEventFilter(drop_filter)
        return drop_filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            if event.mimeData().hasUrls() or event.mimeData().hasText():
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.files_dropped.emit(paths)
            elif event.mimeData().hasText():
                event.acceptProposedAction()
                self.text_dropped.emit(event.mimeData().text())
            else:
                event.ignore()
            return True
        return super().eventFilter(watched, event)
