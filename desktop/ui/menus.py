"""The two menus whose entries change: File › Open Recent and History.

Each lists its entries afresh when it is about to show and says which one was chosen through
a signal; the window decides what choosing does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from PySide6.QtCore import QEvent, Signal, Slot
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

    A chosen file that is no longer there is dropped from the list (and ``report``, when
    given, is told so in one line).

    Signals:
        file_chosen(str): the user chose this path, which exists.
        file_missing(str): the user chose this path, which no longer exists (now dropped from the list).
    """

    file_chosen = Signal(str)
    file_missing = Signal(str)

    def __init__(
        self, settings: AppSettings, parent: QWidget | None = None, *, report: Callable[[str], object] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recentMenu")
        self._settings = settings
        self._report = report
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
        if not isinstance(action, QAction):
            return
        path = str(action.data())
        if Path(path).exists():
            self.file_chosen.emit(path)
        else:
            self._settings.remove_recent_file(path)
            if self._report is not None:
                self._report(translate("MainWindow", "Cannot open {name}: it is no longer there (removed from Open Recent).").format(
                    name=Path(path).name))
            self.file_missing.emit(path)

    @Slot()
    def _on_clear_action_triggered(self) -> None:
        self._settings.recent_files = []


class HistoryMenu(QMenu):
    """History: "Show History…", then the latest :data:`HISTORY_MENU_ENTRIES` past digests.

    ``rows`` gives the past digests, newest first, when the menu opens; it is not asked while
    the menu's parent window is hidden, so starting the app reads nothing from disk.

    Signals:
        entry_chosen(str): the user chose the past digest with this history entry id.
    """

    entry_chosen = Signal(str)

    def __init__(
        self, history_action: QAction, rows: Callable[[], Sequence[HistoryRow]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyMenu")
        self._history_action = history_action
        self._rows = rows
        self.addAction(history_action)
        self.aboutToShow.connect(self.rebuild)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("Menus", "Hi&story"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def rebuild(self) -> None:
        """List the latest past digests."""
        self.clear()
        self.addAction(self._history_action)
        window = self.parentWidget()
        if window is None or not window.isVisible():
            return
        rows = list(self._rows())[:HISTORY_MENU_ENTRIES]
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
