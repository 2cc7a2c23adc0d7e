"""The list of the window's articles beside the original: each one's state, one click to show it.

It shows what an :class:`~desktop.ui.article_queue.ArticleQueue` holds and changes its order
or contents when the user asks (drag to reorder, Delete to remove, the context menu); it
appears once there is more than one article. Rows follow the queue one at a time (an entry
added, removed or changed touches its own row only), so a drop of 200 articles adds 200 rows,
not 200 lists. Failed rows are red, a red that reads on the palette shown (light or dark).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.article_queue import ArticleEntry, ArticleQueue, EntryState
from desktop.ui.documents import CannotOpen
from desktop.ui.language import translate, say_step
from desktop.ui.panes import is_dark

_ENTRY_ROLE = Qt.ItemDataRole.UserRole
#: A marker before each state, so the list reads at a glance without colour.
_STATE_MARKS = {
    EntryState.READING: "…",
    EntryState.NEW: "○",
    EntryState.WAITING: "◌",
    EntryState.DIGESTING: "▶",
    EntryState.DONE: "✓",
    EntryState.FAILED: "✗",
    EntryState.CANCELLED: "■",
    EntryState.UNREADABLE: "✗",
}
#: States shown in red.
_FAILED_STATES = (EntryState.FAILED, EntryState.UNREADABLE)


def failed_colour(palette: QPalette) -> QColor:
    """The red of failed rows: dark on a light palette, light on a dark one (both read at a
    contrast of 4.5:1 or more on the list's base and alternate colours)."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#a11d1d")


def entry_status(entry: ArticleEntry) -> str:
    """The entry's state in a few words: "Digesting 40% · Summarising 1/1", "Failed: …"."""
    if entry.state is EntryState.DIGESTING:
        status = translate("QueuePanel", "Digesting {percent}%").format(percent=round(entry.progress * 100))
        return f"{status} · {say_step(entry.step)}" if entry.step else status
    if entry.state in _FAILED_STATES:
        # The list names the article already: "Cannot open x.txt: binary data" reads "Could not be
        # opened: binary data", said in the language shown now.
        reason = entry.failure.said_reason() if isinstance(entry.failure, CannotOpen) else entry.reason
        if not reason:
            return entry.state.label
        if entry.state is EntryState.UNREADABLE:
            return translate("QueuePanel", "Could not be opened: {reason}").format(reason=reason)
        return translate("QueuePanel", "Failed: {reason}").format(reason=reason)
    if entry.state is EntryState.CANCELLED:
        return translate("QueuePanel", "Cancelled (incomplete)") if entry.parts else entry.state.label
    return entry.state.label


class QueuePanel(QWidget):
    """The articles list, with Save All and Cancel All under it.

    Signals:
        entry_chosen(object): the user picked this :class:`ArticleEntry` to look at.
        digest_requested(object): the user asked to digest this entry (context menu).
    """

    entry_chosen = Signal(object)
    digest_requested = Signal(object)

    def __init__(self, queue: ArticleQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.queue = queue
        #: Each entry's row.
        self._items: dict[ArticleEntry, QListWidgetItem] = {}
        self.heading = QLabel()
        self.heading.setObjectName("queueHeading")
        self.list = QListWidget()
        self.list.setObjectName("articleList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        self.list.itemClicked.connect(self._on_list_item_activated)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.model().rowsMoved.connect(self._on_list_rows_moved)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, context=Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        self.save_all_button = QPushButton()
        self.save_all_button.setObjectName("saveAllButton")
        self.cancel_all_button = QPushButton()
        self.cancel_all_button.setObjectName("cancelAllButton")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.save_all_button)
        buttons.addWidget(self.cancel_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        queue.entries_added.connect(self._on_queue_entries_added)
        queue.entry_removed.connect(self._on_queue_entry_removed)
        queue.entries_reordered.connect(self.refresh)
        queue.entry_changed.connect(self._on_queue_entry_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons, the heading and every entry's state in the interface's language."""
        self.save_all_button.setText(translate("QueuePanel", "Save All…"))
        self.save_all_button.setToolTip(translate("QueuePanel", "Save every finished digest in a folder"))
        self.cancel_all_button.setText(translate("QueuePanel", "Cancel All"))
        self.cancel_all_button.setToolTip(
            translate("QueuePanel", "Stop the running digest and take every waiting article off the queue")
        )
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for entry, item in self._items.items():  # the red that reads on the new palette
                self._show_entry(item, entry)
        super().changeEvent(event)

    # -- showing ---------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Rebuild the list from the queue (order, entries), keeping the selection."""
        selected = self.selected_entry()
        self.list.clear()
        self._items.clear()
        for row, entry in enumerate(self.queue.entries):
            self._insert(entry, row)
            if entry is selected:
                self.list.setCurrentItem(self._items[entry])
        self._update_summary()
        self.setVisible(len(self.queue.entries) > 1)

    def _insert(self, entry: ArticleEntry, row: int) -> None:
        item = QListWidgetItem()
        item.setData(_ENTRY_ROLE, entry)
        self.list.insertItem(row, item)
        self._items[entry] = item
        self._show_entry(item, entry)

    @Slot(list, int)
    def _on_queue_entries_added(self, entries: list[ArticleEntry], first_row: int) -> None:
        for offset, entry in enumerate(entries):
            self._insert(entry, first_row + offset)
        self._update_summary()
        self.setVisible(len(self.queue.entries) > 1)

    @Slot(object, int)
    def _on_queue_entry_removed(self, entry: ArticleEntry, row: int) -> None:
        item = self._items.pop(entry, None)
        if item is not None:
            self.list.takeItem(self.list.row(item))
        self._update_summary()
        self.setVisible(len(self.queue.entries) > 1)

    def select(self, entry: ArticleEntry | None) -> None:
        """Highlight ``entry`` (the one the window shows)."""
        item = self.item_of(entry) if entry is not None else None
        if item is not None:
            self.list.setCurrentItem(item)
        else:
            self.list.clearSelection()

    def selected_entry(self) -> ArticleEntry | None:
        item = self.list.currentItem()
        return item.data(_ENTRY_ROLE) if item is not None else None

    def item_of(self, entry: ArticleEntry) -> QListWidgetItem | None:
        return self._items.get(entry)

    def _show_entry(self, item: QListWidgetItem, entry: ArticleEntry) -> None:
        status = entry_status(entry)
        item.setText(f"{_STATE_MARKS[entry.state]} {entry.title}\n    {status}")
        item.setToolTip("\n".join(filter(None, (entry.title, entry.source, status))))
        palette = self.list.palette()
        item.setForeground(failed_colour(palette) if entry.state in _FAILED_STATES else palette.text().color())

    def _update_summary(self) -> None:
        entries = self.queue.entries
        done = waiting = failed = unreadable = 0
        for entry in entries:  # one pass: this runs for every change of every entry
            state = entry.state
            if state is EntryState.DONE:
                done += entry.finished
            elif state is EntryState.WAITING or (state is EntryState.READING and entry.queue_when_read):
                waiting += 1
            elif state is EntryState.FAILED:
                failed += 1
            elif state is EntryState.UNREADABLE:
                unreadable += 1
        parts = [self.tr("%n articles", "", len(entries)), self.tr("%n digested", "", done)]
        if waiting:
            parts.append(self.tr("%n waiting", "", waiting))
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        if unreadable:
            parts.append(self.tr("%n could not be opened", "", unreadable))
        self.heading.setText(" · ".join(parts))
        self.save_all_button.setEnabled(done > 0)
        self.cancel_all_button.setEnabled(self.queue.running or waiting > 0)

    @Slot(object)
    def _on_queue_entry_changed(self, entry: ArticleEntry) -> None:
        item = self.item_of(entry)
        if item is not None:
            self._show_entry(item, entry)
        self._update_summary()

    # -- the user's changes ----------------------------------------------------------------------
    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.entry_chosen.emit(item.data(_ENTRY_ROLE))

    @Slot()
    def _on_list_rows_moved(self) -> None:
        self._items = {self.list.item(row).data(_ENTRY_ROLE): self.list.item(row) for row in range(self.list.count())}
        self.queue.set_order(list(self._items))

    @Slot()
    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.queue.remove(entry)

    def move_selected(self, delta: int) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.queue.move(entry, self.queue.entries.index(entry) + delta)
            self.select(entry)

    @Slot(QPoint)
    def _on_list_context_menu_requested(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        self.list.setCurrentItem(item)
        entry: ArticleEntry = item.data(_ENTRY_ROLE)
        menu = QMenu(self)
        digest = menu.addAction(translate("QueuePanel", "Digest"))
        digest.setEnabled(entry.article is not None and not entry.queued)
        digest.triggered.connect(lambda: self.digest_requested.emit(entry))
        menu.addSeparator()
        menu.addAction(translate("QueuePanel", "Move Up")).triggered.connect(lambda: self.move_selected(-1))
        menu.addAction(translate("QueuePanel", "Move Down")).triggered.connect(lambda: self.move_selected(1))
        menu.addSeparator()
        remove = menu.addAction(translate("QueuePanel", "Remove"))
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.triggered.connect(self.remove_selected)
        menu.exec(self.list.viewport().mapToGlobal(position))
