"""How the main window opens its dialogs: window-modal, deleted when closed, and imported
only when first opened, so the window shows without them.

Each ``open_…`` function opens its dialog (without waiting) and returns it;
:func:`choose_models_folder` asks for a folder and waits for the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop.ui.language import translate

if TYPE_CHECKING:
    from desktop.ui.runner import BackgroundRunner
    from desktop.ui.dialogs import AboutDialog, HistoryDialog, ShortcutsDialog
    from desktop.ui.documents import DigestHistory
    from desktop.ui.models_dialog import ModelsDialog
    from desktop.ui.settings import AppSettings

_Dialog = TypeVar("_Dialog", bound=QDialog)


def _open(dialog: _Dialog) -> _Dialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_about_dialog(parent: QWidget, profile: str, models_dir: str | None) -> AboutDialog:
    """About: what the app does, its models with their licences and attribution."""
    from desktop.ui.dialogs import AboutDialog

    return _open(AboutDialog(profile, models_dir, parent))


def open_shortcuts_dialog(parent: QWidget, actions: Iterable[QAction]) -> ShortcutsDialog:
    """Keyboard Shortcuts: the shortcuts of ``actions``, in their order."""
    from desktop.ui.dialogs import ShortcutsDialog

    return _open(ShortcutsDialog(actions, parent))


def open_history_dialog(
    parent: QWidget, history: DigestHistory, on_entry_chosen: Callable[[str], object]
) -> HistoryDialog:
    """History: every past digest, listed once ``history`` has read them (off the GUI thread:
    the dialog opens at once); ``on_entry_chosen`` gets the id of the one the user opens."""
    from shiboken6 import isValid

    from desktop.ui.dialogs import HistoryDialog

    dialog = HistoryDialog(None, parent)
    dialog.entry_chosen.connect(on_entry_chosen)
    history.list_all(lambda rows: dialog.set_rows(rows) if isValid(dialog) else None)  # closed meanwhile: nothing to list
    return _open(dialog)


def choose_models_folder(
    parent: QWidget, settings: AppSettings, report: Callable[[str], object], on_changed: Callable[[], object]
) -> str | None:
    """Choose Models Folder: ask for the folder that holds the models and keep it in
    ``settings``; ``report`` is told and ``on_changed`` called. Returns it, or None when the user cancels."""
    from pathlib import Path

    start = settings.models_dir or settings.last_folder or str(Path.home())
    folder = QFileDialog.getExistingDirectory(parent, translate("MainWindow", "Choose Models Folder"), start)
    if not folder:
        return None
    settings.models_dir = folder  # written to disk by the settings store itself, not waited for here
    report(translate("MainWindow", "Models folder: {folder}").format(folder=folder))
    on_changed()
    return folder


def open_models_dialog(
    parent: QWidget, settings: AppSettings, profile: str, on_changed: Callable[[], object], runner: BackgroundRunner
) -> ModelsDialog:
    """Manage Models (downloads run on ``runner``; the models folder and the dialog's choices
    are in ``settings``); ``on_changed`` is called when models were added or removed, and on closing."""
    from desktop.ui.models_dialog import ModelsDialog

    dialog = ModelsDialog(profile, settings.models_dir, parent, runner, settings)
    dialog.models_changed.connect(on_changed)
    dialog.finished.connect(on_changed)
    return _open(dialog)
