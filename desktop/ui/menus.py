"""The two menus whose entries change: File › Open Recent and History.

Each lists its entries when it is about to show, from what is known already (nothing is read
from disk on the GUI thread), and says which one was chosen through a signal; the window
decides what choosing does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Sequence

from PySide6.QtCore import QEvent, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.language import translate
from desktop.ui.settings import AppSettings

if TYPE_CHECKING:
    from desktop.ui.dialogs import HistoryRow

#: How many past digests the History menu lists (the History dialog lists them all).
HISTORY_MENU_ENTRIES = 10


class RecentFilesMenu(QMenu):
    """Open Recent: the settings' recent files, numbered, and "Clear Recent Files".

    Whether a chosen file is still there is for whoever opens it to find out (off the GUI
    thread): :meth:`desktop.ui.intake.ArticleIntake.open_recent` drops it from the list if not.

    Signals:
        file_chosen(str): the user chose this path.
    """

    file_chosen = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentMenu")
        self._settings = settings
        self.aboutToShow.connect(self.rebuild)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("Menus", "Open &Recent"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def rebuild(self) -> None:
        """List the recent files as the settings have them now."""
        self.clear()
        recent = self._settings.recent_files
        for index, path in enumerate(recent, start=1):
            label = f"&{index} {Path(path).name}" if index < 10 else Path(path).name
            action = self.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(self._on_file_action_triggered)
        if not recent:
            empty = self.addAction(translate("Menus", "No recent files"))
            empty.setEnabled(False)
            return
        self.addSeparator()
        clear = self.addAction(translate("Menus", "Clear Recent Files"))
        clear.triggered.connect(self._on_clear_action_triggered)

    @Slot()
    def _on_file_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.file_chosen.emit(str(action.data()))

    @Slot()
    def _on_clear_action_triggered(self) -> None:
        self._settings.recent_files = []


class RecentHistory(Protocol):
    """What the History menu lists: :class:`desktop.ui.documents.DigestHistory`."""

    recent_rows: Sequence[HistoryRow]
    rows_changed: SignalInstance

    def refresh_recent(self) -> None: ...


class HistoryMenu(QMenu):
    """History: "Show History…", then the latest :data:`HISTORY_MENU_ENTRIES` past digests.

    It shows the rows ``history`` has already listed at once (the menu never waits on the
    disk; the window has them listed once it has shown) and asks it to list them again, off
    the GUI thread, each time it opens: the rows it gets meanwhile show in the open menu. It
    asks nothing while its parent window is hidden.

    Signals:
        entry_chosen(str): the user chose the past digest with this history entry id.
    """

    entry_chosen = Signal(str)

    def __init__(self, history_action: QAction, history: RecentHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyMenu")
        self._history_action = history_action
        self._history = history
        self.addAction(history_action)
        self.aboutToShow.connect(self._on_about_to_show)
        history.rows_changed.connect(self._on_history_rows_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("Menus", "Hi&story"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def _on_about_to_show(self) -> None:
        self.rebuild()
        window = self.parentWidget()
        if window is not None and window.isVisible():
            self._history.refresh_recent()

    @Slot()
    def _on_history_rows_changed(self) -> None:
        if self.isVisible():
            self.rebuild()

    @Slot()
    def rebuild(self) -> None:
        """List the latest past digests, as last read."""
        self.clear()
        self.addAction(self._history_action)
        rows = list(self._history.recent_rows)[:HISTORY_MENU_ENTRIES]
        if not rows:
            return
        from desktop.ui.dialogs import short_created

        self.addSeparator()
        for row in rows:
            action = self.addAction(f"{row.title} — {short_created(row.created)}")
            action.setData(row.entry_id)
            action.triggered.connect(self._on_entry_action_triggered)

    @Slot()
    def _on_entry_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.entry_chosen.emit(str(action.data()))
