"""The main window's actions and its menu bar.

:class:`WindowActions` makes every ``QAction`` of the window (names, shortcuts, tips) and
:func:`build_menu_bar` lays them out in File, View, Digest, History and Help. Neither connects
an action to anything: the window connects each ``triggered`` signal to its own slot, except
the View menu's, which the :class:`~desktop.ui.workspace.Workspace` connects (they act on
what it shows).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from desktop.ui.option_bar import profile_label, profile_tip
from models.common.paths import APP_DISPLAY_NAME
from models.inventory.catalog import PROFILES


def _action(window: QWidget, name: str, text: str, shortcuts: tuple[QKeySequence, ...] = (), tip: str = "") -> QAction:
    """A QAction of ``window``, with its shortcuts working even while the menu bar is hidden."""
    action = QAction(text, window)
    action.setObjectName(name)
    unique: dict[str, QKeySequence] = {}
    for sequence in shortcuts:  # a standard key may equal the explicit one (Quit is Ctrl+Q)
        if not sequence.isEmpty():
            unique.setdefault(sequence.toString(), sequence)
    if unique:
        action.setShortcuts(list(unique.values()))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    window.addAction(action)
    return action


class WindowActions:
    """Every action of the main window, made with the window as their parent.

    ``profile_group`` holds one checkable action per model profile (``profile_actions``,
    keyed by profile name; each action's data is its profile).
    """

    def __init__(self, window: QWidget) -> None:
        key = QKeySequence
        self.open_action = _action(
            window, "openAction", "&Open…", (key(key.StandardKey.Open),), "Open one or more article files"
        )
        self.paste_action = _action(
            window, "pasteArticleAction", "&New from Clipboard", (key(key.StandardKey.Paste), key("Ctrl+Shift+V")),
            "Make an article of the copied text, or open the copied link or files",
        )
        self.save_all_action = _action(
            window, "saveAllAction", "Save &All Digests…", (key("Ctrl+Alt+S"),), "Save every finished digest in a folder"
        )
        self.save_action = _action(
            window, "saveAction", "&Save Digest As…", (key(key.StandardKey.Save),),
            "Save the digest as text, Markdown, HTML, JSON or Word",
        )
        self.quit_action = _action(window, "quitAction", "&Quit", (key(key.StandardKey.Quit), key("Ctrl+Q")))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.digest_action = _action(
            window, "digestAction", "&Digest", (key("Ctrl+Return"), key("Ctrl+Enter")),
            "Summarise and translate the article",
        )
        self.cancel_action = _action(
            window, "cancelAction", "&Cancel", (key(Qt.Key.Key_Escape),), "Stop the running digest"
        )
        self.cancel_all_action = _action(
            window, "cancelAllAction", "Cancel &All", (key("Shift+Escape"),),
            "Stop the running digest and take every waiting article off the queue",
        )
        self.choose_models_action = _action(
            window, "chooseModelsAction", "Choose &Models Folder…", tip="Pick the folder that holds the downloaded models"
        )
        self.manage_models_action = _action(
            window, "manageModelsAction", "Manage &Models…",
            tip="See which models are installed; download, verify or remove them",
        )
        self.history_action = _action(
            window, "historyAction", "Show &History…", (key("Ctrl+H"),), "Reopen a past digest"
        )
        self.shortcuts_action = _action(
            window, "shortcutsAction", "&Keyboard Shortcuts", (key(key.StandardKey.HelpContents),)
        )
        self.link_action = _action(
            window, "linkSentencesAction", "&Link Sentences", (key("Ctrl+L"),),
            "Point at a sentence to light up the sentences it is linked to in the other pane",
        )
        self.link_action.setCheckable(True)
        self.link_action.setChecked(True)
        self.next_flag_action = _action(
            window, "nextFlagAction", "&Next Flag", (key(Qt.Key.Key_F8),), "Go to the next sentence flagged to check"
        )
        self.previous_flag_action = _action(
            window, "previousFlagAction", "&Previous Flag", (key("Shift+F8"),), "Go to the previous sentence flagged to check"
        )
        self.about_action = _action(window, "aboutAction", f"&About {APP_DISPLAY_NAME}")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.profile_group = QActionGroup(window)
        self.profile_group.setExclusive(True)
        self.profile_actions: dict[str, QAction] = {}
        for name in PROFILES:
            action = QAction(f"{profile_label(name)}: {profile_tip(name)}", window)
            action.setObjectName(f"profile{name.capitalize()}Action")
            action.setCheckable(True)
            action.setData(name)
            self.profile_group.addAction(action)
            self.profile_actions[name] = action

    def shortcut_actions(self) -> list[QAction]:
        """The actions the Keyboard Shortcuts dialog lists, in its order."""
        return [self.open_action, self.paste_action, self.save_action, self.save_all_action, self.digest_action,
                self.cancel_action, self.cancel_all_action, self.link_action,
                self.next_flag_action, self.previous_flag_action, self.history_action, self.shortcuts_action,
                self.quit_action]

    def check_profile(self, profile: str) -> None:
        """Check the Model Profile menu's entry for ``profile`` (nothing for an unknown one)."""
        action = self.profile_actions.get(profile)
        if action is not None:
            action.setChecked(True)

    def set_busy(self, busy: bool) -> None:
        """Disable what must not change while a digest runs; enable Cancel."""
        self.cancel_action.setEnabled(busy)
        self.cancel_all_action.setEnabled(busy)
        self.profile_group.setEnabled(not busy)
        self.choose_models_action.setEnabled(not busy)
        self.manage_models_action.setEnabled(not busy)


def build_menu_bar(bar: QMenuBar, actions: WindowActions, recent_menu: QMenu, history_menu: QMenu) -> None:
    """File (with ``recent_menu`` as Open Recent), View, Digest (with Model Profile), ``history_menu``, Help."""
    file_menu = bar.addMenu("&File")
    file_menu.setObjectName("fileMenu")
    file_menu.addAction(actions.open_action)
    file_menu.addMenu(recent_menu)
    file_menu.addAction(actions.paste_action)
    file_menu.addSeparator()
    file_menu.addAction(actions.save_action)
    file_menu.addAction(actions.save_all_action)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit_action)

    view_menu = bar.addMenu("&View")
    view_menu.setObjectName("viewMenu")
    view_menu.addAction(actions.link_action)
    view_menu.addSeparator()
    view_menu.addAction(actions.next_flag_action)
    view_menu.addAction(actions.previous_flag_action)

    digest_menu = bar.addMenu("&Digest")
    digest_menu.setObjectName("digestMenu")
    digest_menu.addAction(actions.digest_action)
    digest_menu.addAction(actions.cancel_action)
    digest_menu.addAction(actions.cancel_all_action)
    digest_menu.addSeparator()
    profile_menu = digest_menu.addMenu("Model &Profile")
    for action in actions.profile_actions.values():
        profile_menu.addAction(action)
    digest_menu.addAction(actions.manage_models_action)
    digest_menu.addAction(actions.choose_models_action)

    bar.addMenu(history_menu)

    help_menu = bar.addMenu("&Help")
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(actions.shortcuts_action)
    help_menu.addAction(actions.about_action)
