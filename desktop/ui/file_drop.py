"""Files dropped anywhere on a widget: an event filter that accepts drags of file URLs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent

from desktop.ui.panes import dropped_paths


class FileDropFilter(QObject):
    """Install on a widget that accepts drops: drags that carry URLs are accepted, others
    refused, and a drop of URLs is reported instead of reaching the widget.

    Signals:
        files_dropped(list): the local paths (or URLs) dropped, never empty.
    """

    files_dropped = Signal(list)

    @classmethod
    def install_on(cls, widget: QObject) -> FileDropFilter:
        """A new filter, a child of ``widget``, installed on it."""
        drop_filter = cls(widget)
        widget.installEventFilter(drop_filter)
        return drop_filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = dropped_paths(event.mimeData())
            if not paths:
                event.ignore()
                return True
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
            return True
        return super().eventFilter(watched, event)
