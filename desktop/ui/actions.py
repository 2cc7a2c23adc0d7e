"""The main window's actions and its menu bar.

:class:`WindowActions` makes every ``QAction`` of the window (names, shortcuts, tips) and
:func:`build_menu_bar` lays them out in File, Edit, View, Digest, History and Help. Neither
connects an action to anything: the window connects each ``triggered`` signal to its own slot,
except the View menu's, which the :class:`~desktop.ui.workspace.Workspace` connects (they act
on what it shows), and the Edit menu's and Back-Translate's, which the
:class:`~desktop.ui.review.ReviewController` connects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from desktop.ui.language import UI_LANGUAGES, app_display_name, translate
from desktop.ui.option_bar import profile_label, profile_tip
from desktop.ui.reading import ReadingActions
from desktop.ui.review import ReviewActions
from desktop.ui.window_action import choice_actions, window_action
from models.inventory.catalog import PROFILES

if TYPE_CHECKING:
    from desktop.ui.article_queue import ArticleEntry


def _say(action: QAction, text: str, tip: str = "") -> None:
    action.setText(text)
    action.setStatusTip(tip)
    action.setToolTip(tip or text.replace("&", ""))


class WindowActions:
    """Every action of the main window, made with the window as their parent.

    ``profile_group`` holds one checkable action per model profile (``profile_actions``,
    keyed by profile name; each action's data is its profile); ``language_group`` one per
    interface language (``language_actions``, keyed by language code, named in itself).
    :meth:`retranslate` sets their texts in the interface's language; :meth:`update` enables
    what can be done now.
    """

    def __init__(self, window: QWidget) -> None:
        key = QKeySequence
        self.open_action = window_action(window, "openAction", key(key.StandardKey.Open))
        self.paste_action = window_action(window, "pasteArticleAction", key(key.StandardKey.Paste), key("Ctrl+Shift+V"))
        self.save_all_action = window_action(window, "saveAllAction", key("Ctrl+Alt+S"))
        self.save_action = window_action(window, "saveAction", key(key.StandardKey.Save))
        self.quit_action = window_action(window, "quitAction", key(key.StandardKey.Quit), key("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.digest_action = window_action(window, "digestAction", key("Ctrl+Return"), key("Ctrl+Enter"))
        self.cancel_action = window_action(window, "cancelAction", key(Qt.Key.Key_Escape))
        self.cancel_all_action = window_action(window, "cancelAllAction", key("Shift+Escape"))
        self.choose_models_action = window_action(window, "chooseModelsAction")
        self.manage_models_action = window_action(window, "manageModelsAction")
        self.history_action = window_action(window, "historyAction", key("Ctrl+H"))
        self.shortcuts_action = window_action(window, "shortcutsAction", key(key.StandardKey.HelpContents))
        self.link_action = window_action(window, "linkSentencesAction", key("Ctrl+L"))
        self.link_action.setCheckable(True)
        self.link_action.setChecked(True)
        self.next_flag_action = window_action(window, "nextFlagAction", key(Qt.Key.Key_F8))
        self.previous_flag_action = window_action(window, "previousFlagAction", key("Shift+F8"))
        self.about_action = window_action(window, "aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.profile_group, self.profile_actions = choice_actions(window, "profile", PROFILES)
        self.language_group, self.language_actions = choice_actions(window, "language", UI_LANGUAGES)
        for code, native in UI_LANGUAGES.items():
            self.language_actions[code].setText(native)  # each language named in itself, never translated
        #: Zoom, Find, Copy, Print, Export PDF and Appearance (acted on by the workspace).
        self.reading = ReadingActions(window)
        #: Edit Text, Undo, Redo, Revert, Alternatives, and View › Back-Translate (acted on by the review controller).
        self.review = ReviewActions(window)
        self.retranslate()

    def retranslate(self) -> None:
        """Every action's text and tip in the interface's language."""
        _say(self.open_action, translate("WindowActions", "&Open…"), translate("WindowActions", "Open one or more article files"))
        _say(self.paste_action, translate("WindowActions", "&New from Clipboard"),
             translate("WindowActions", "Make an article of the copied text, or open the copied link or files"))
        _say(self.save_all_action, translate("WindowActions", "Save &All Digests…"),
             translate("WindowActions", "Save every finished digest in a folder"))
        _say(self.save_action, translate("WindowActions", "&Save Digest As…"),
             translate("WindowActions", "Save the digest as text, Markdown, HTML, JSON or Word"))
        _say(self.quit_action, translate("WindowActions", "&Quit"))
        _say(self.digest_action, translate("WindowActions", "&Digest"), translate("WindowActions", "Summarise and translate the article"))
        _say(self.cancel_action, translate("WindowActions", "&Cancel"), translate("WindowActions", "Stop the running digest"))
        _say(self.cancel_all_action, translate("WindowActions", "Cancel &All"),
             translate("WindowActions", "Stop the running digest and take every waiting article off the queue"))
        _say(self.choose_models_action, translate("WindowActions", "Choose &Models Folder…"),
             translate("WindowActions", "Pick the folder that holds the downloaded models"))
        _say(self.manage_models_action, translate("WindowActions", "Manage &Models…"),
             translate("WindowActions", "See which models are installed; download, verify or remove them"))
        _say(self.history_action, translate("WindowActions", "Show &History…"), translate("WindowActions", "Reopen a past digest"))
        _say(self.shortcuts_action, translate("WindowActions", "&Keyboard Shortcuts"))
        _say(self.link_action, translate("WindowActions", "&Link Sentences"),
             translate("WindowActions", "Point at a sentence to light up the sentences it is linked to in the other pane"))
        _say(self.next_flag_action, translate("WindowActions", "&Next Flag"),
             translate("WindowActions", "Go to the next sentence flagged to check"))
        _say(self.previous_flag_action, translate("WindowActions", "&Previous Flag"),
             translate("WindowActions", "Go to the previous sentence flagged to check"))
        _say(self.about_action, translate("WindowActions", "&About {app}").format(app=app_display_name()))
        for name, action in self.profile_actions.items():
            action.setText(translate("WindowActions", "{profile}: {tip}").format(profile=profile_label(name), tip=profile_tip(name)))
        self.reading.retranslate()
        self.review.retranslate()

    def shortcut_actions(self) -> list[QAction]:
        """The actions the Keyboard Shortcuts dialog lists, in its order."""
        reading, review = self.reading, self.review
        return [self.open_action, self.paste_action, self.save_action, self.save_all_action, reading.print_action,
                reading.export_pdf_action, review.edit_text_action, review.alternatives_action, self.digest_action,
                self.cancel_action, self.cancel_all_action, self.link_action, self.next_flag_action, self.previous_flag_action, reading.find_action, reading.find_next_action,
                reading.find_previous_action, reading.copy_text_action, reading.copy_digest_action, reading.zoom_in_action,
                reading.zoom_out_action, reading.zoom_reset_action, self.history_action, self.shortcuts_action,
                self.quit_action]

    def check_profile(self, profile: str) -> None:
        """Check the Model Profile menu's entry for ``profile`` (nothing for an unknown one)."""
        action = self.profile_actions.get(profile)
        if action is not None:
            action.setChecked(True)

    def update(self, shown: ArticleEntry | None, entries: Sequence[ArticleEntry], *, busy: bool, models_missing: bool) -> bool:
        """Enable what can be done now, with the article ``shown`` among ``entries``, while a
        digest runs (``busy``) or not, with models missing or not; returns whether Digest can run."""
        can_digest = shown is not None and not shown.queued and shown.article is not None and not models_missing
        self.digest_action.setEnabled(can_digest)
        self.save_action.setEnabled(shown is not None and shown.digest is not None)
        self.reading.set_digest_shown(shown is not None and shown.digest is not None)
        self.save_all_action.setEnabled(any(entry.finished for entry in entries))
        self.set_busy(busy)
        return can_digest

    def set_busy(self, busy: bool) -> None:
        """Disable what must not change while a digest runs; enable Cancel."""
        self.cancel_action.setEnabled(busy)
        self.cancel_all_action.setEnabled(busy)
        self.profile_group.setEnabled(not busy)
        self.choose_models_action.setEnabled(not busy)
        self.manage_models_action.setEnabled(not busy)


#: Each menu's title by its object name, marked for lupdate and looked up when shown.
_MENU_TITLES = {
    "fileMenu": QT_TRANSLATE_NOOP("Menus", "&File"),
    "editMenu": QT_TRANSLATE_NOOP("Menus", "&Edit"),
    "viewMenu": QT_TRANSLATE_NOOP("Menus", "&View"),
    "languageMenu": QT_TRANSLATE_NOOP("Menus", "&Language"),
    "appearanceMenu": QT_TRANSLATE_NOOP("Menus", "&Appearance"),
    "digestMenu": QT_TRANSLATE_NOOP("Menus", "&Digest"),
    "profileMenu": QT_TRANSLATE_NOOP("Menus", "Model &Profile"),
    "helpMenu": QT_TRANSLATE_NOOP("Menus", "&Help"),
}


def _menu(parent: QMenuBar | QMenu, name: str) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName(name)
    parent.addMenu(menu)
    return menu


def build_menu_bar(bar: QMenuBar, actions: WindowActions, recent_menu: QMenu, history_menu: QMenu) -> None:
    """File (with ``recent_menu`` as Open Recent), Edit, View (with Language), Digest (with
    Model Profile), ``history_menu``, Help."""
    file_menu = _menu(bar, "fileMenu")
    file_menu.addAction(actions.open_action)
    file_menu.addMenu(recent_menu)
    file_menu.addAction(actions.paste_action)
    file_menu.addSeparator()
    file_menu.addAction(actions.save_action)
    file_menu.addAction(actions.save_all_action)
    file_menu.addSeparator()
    for action in actions.reading.file_menu_actions():
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit_action)

    edit_menu = _menu(bar, "editMenu")
    for action in actions.review.edit_menu_actions():
        if action is None:
            edit_menu.addSeparator()
        else:
            edit_menu.addAction(action)

    view_menu = _menu(bar, "viewMenu")
    view_menu.addAction(actions.link_action)
    view_menu.addAction(actions.review.back_translate_action)
    view_menu.addSeparator()
    view_menu.addAction(actions.next_flag_action)
    view_menu.addAction(actions.previous_flag_action)
    view_menu.addSeparator()
    for action in actions.reading.view_menu_actions():
        if action is None:
            view_menu.addSeparator()
        else:
            view_menu.addAction(action)
    view_menu.addSeparator()
    appearance_menu = _menu(view_menu, "appearanceMenu")
    for action in actions.reading.appearance_actions.values():
        appearance_menu.addAction(action)
    language_menu = _menu(view_menu, "languageMenu")
    for action in actions.language_actions.values():
        language_menu.addAction(action)

    digest_menu = _menu(bar, "digestMenu")
    digest_menu.addAction(actions.digest_action)
    digest_menu.addAction(actions.cancel_action)
    digest_menu.addAction(actions.cancel_all_action)
    digest_menu.addSeparator()
    profile_menu = _menu(digest_menu, "profileMenu")
    for action in actions.profile_actions.values():
        profile_menu.addAction(action)
    digest_menu.addAction(actions.manage_models_action)
    digest_menu.addAction(actions.choose_models_action)

    bar.addMenu(history_menu)

    help_menu = _menu(bar, "helpMenu")
    help_menu.addAction(actions.shortcuts_action)
    help_menu.addAction(actions.about_action)
    retranslate_menus(bar)


def retranslate_menus(bar: QMenuBar) -> None:
    """The titles of the menus :func:`build_menu_bar` made, in the interface's language (Open
    Recent and History title themselves)."""
    for menu in bar.findChildren(QMenu):
        title = _MENU_TITLES.get(menu.objectName())
        if title is not None:
            menu.setTitle(translate("Menus", title))
