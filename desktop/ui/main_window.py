"""The main window: bring articles in, digest them in the background, read and save the results.

Left, the list of articles (once there are several) and the original article; right, tabs
with the English summary and its Russian and Arabic translations (and the full translations
when asked for), filled as each text is ready.

The window holds the state (the article shown, the digest shown) and its verbs, and connects
the pieces it is made of, each in its own module (tests reach their widgets through them,
``window.workspace.option_bar.digest_button``, or by object name): articles coming in
(:mod:`desktop.ui.intake`), the articles and the digest queue, the only code that changes an
article's entry (:mod:`desktop.ui.article_queue`), the actions and menus
(:mod:`desktop.ui.actions`, :mod:`desktop.ui.menus`), the central widget, which shows an
article and follows its progress (:mod:`desktop.ui.workspace`), the models check and the
engine's process (:mod:`desktop.ui.engine_link`), the history (:mod:`desktop.ui.documents`),
saving (:mod:`desktop.ui.save_dialog`, :mod:`desktop.ui.save_all`) and the dialogs
(:mod:`desktop.ui.window_dialogs`). Background work runs on the
:class:`~desktop.ui.runner.BackgroundRunner`, off the GUI thread; what is not needed to show
the window is imported when first used.
"""

from __future__ import annotations

import logging
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop.ui.actions import WindowActions, build_menu_bar, retranslate_menus
from desktop.ui.article_queue import ArticleEntry, ArticleQueue, EntryState
from desktop.ui.documents import DigestHistory, show_open_failure, warm_up_documents
from desktop.ui.engine_link import DigestEngine, EngineLink, ModelCheck
from desktop.ui.file_drop import FileDropFilter
from desktop.ui.intake import ArticleIntake
from desktop.ui.language import UI_LANGUAGES, app_display_name, current_language, switch_language, translate
from desktop.ui.menus import HISTORY_MENU_ENTRIES, HistoryMenu, RecentFilesMenu
from desktop.ui.runner import BackgroundRunner
from desktop.ui.settings import AppSettings
from desktop.ui.workspace import Workspace
from models.common.types import Article, Digest, DigestError, DigestOptions

if TYPE_CHECKING:
    from models.documents.history import History

log = logging.getLogger(__name__)

#: How long after the window first shows the models check and the reading warm-up start: their
#: threads import modules (numpy and the language identifier: over 100 ms holding the GIL),
#: which would otherwise slow the first paint down.
FIRST_SHOW_WORK_DELAY_MS = 100

def _window_dialogs() -> ModuleType:
    """:mod:`desktop.ui.window_dialogs`, imported when a dialog is first opened."""
    from desktop.ui import window_dialogs

    return window_dialogs


class MainWindow(QMainWindow):
    """The app's only main window.

    ``engine`` and ``check`` replace the engine process and the models check (tests inject
    fast fakes); ``settings`` replaces the user's settings store.

    Signals:
        digest_shown(object): a :class:`~models.common.types.Digest` is now shown (new or from history).
        digest_failed(object): a digest failed with this :class:`~models.common.types.DigestError`.
        model_check_finished(list): the models the options need but lack (empty: Digest can run).
    """

    digest_shown = Signal(object)
    digest_failed = Signal(object)
    model_check_finished = Signal(list)

    def __init__(
        self, *, engine: DigestEngine | None = None, check: ModelCheck | None = None,
        settings: AppSettings | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(app_display_name())
        self.setAcceptDrops(True)
        self.settings = settings if settings is not None else AppSettings()
        self.runner = BackgroundRunner(self)
        self.engine_link = EngineLink(
            self.runner, engine, check, lambda: (self.profile, self.settings.models_dir, self.options(), self.article), self)
        self.engine_link.checked.connect(self._on_model_check_finished)
        self.queue = ArticleQueue(self.runner, self.engine_link.engine, self)
        self.intake = ArticleIntake(self.queue, self.settings, self.engine_link.request, self.show_status, self.runner, self)
        self._history = DigestHistory(self.runner, self.show_status, HISTORY_MENU_ENTRIES, self)
        self._closed = self._checked_once = False  # models are first checked once shown: the check takes a moment

        self._build_actions()
        self._build_central()
        self.statusBar().setObjectName("statusBar")
        self._restore_settings()
        self._update_actions()
        self.statusBar().showMessage(translate("MainWindow", "Open an article to begin: drop a file on the window or press Ctrl+O."))

    # -- construction ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        actions = self.window_actions = WindowActions(self)
        for action, slot in (
            (actions.open_action, lambda: self.intake.ask_and_open(self)),
            (actions.save_action, self.save_digest),
            (actions.quit_action, self.close),
            (actions.digest_action, self.start_digest),
            (actions.cancel_action, self._on_cancel_action_triggered),
            (actions.cancel_all_action, self._on_cancel_all_action_triggered),
            (actions.paste_action, self.intake.paste),
            (actions.save_all_action, self.save_all_digests),
            (actions.choose_models_action, self._on_choose_models_requested),
            (actions.manage_models_action, self._on_manage_models_requested),
            (actions.history_action, self._on_history_action_triggered),
            (actions.shortcuts_action, lambda: _window_dialogs().open_shortcuts_dialog(self, actions.shortcut_actions())),
            (actions.about_action, lambda: _window_dialogs().open_about_dialog(self, self.profile, self.settings.models_dir)),
        ):
            action.triggered.connect(slot)
        actions.profile_group.triggered.connect(lambda action: self.set_profile(str(action.data())))
        actions.language_group.triggered.connect(lambda action: self.set_interface_language(str(action.data())))
        actions.language_actions[current_language()].setChecked(True)
        self.recent_menu = RecentFilesMenu(self.settings, self)
        self.recent_menu.file_chosen.connect(self.intake.open_recent)
        self.history_menu = HistoryMenu(actions.history_action, self._history, self)
        self.history_menu.entry_chosen.connect(self.open_history_entry)
        build_menu_bar(self.menuBar(), actions, self.recent_menu, self.history_menu)

    def _build_central(self) -> None:
        workspace = self.workspace = Workspace(self.queue, self.window_actions, self.settings, self.show_status,
                                               runner=self.runner, engine=self.engine_link.engine, history=self._history)
        self.setCentralWidget(workspace)
        self.intake.listen(workspace, FileDropFilter.install_on(self))  # the drop filter: anywhere else on the window
        workspace.entry_shown.connect(self._on_entry_shown)
        workspace.queue_panel.digest_requested.connect(self._digest_entry)
        self.intake.entry_opened.connect(self._on_entry_opened)
        queue = self.queue
        queue.entries_changed.connect(self._update_actions)  # the workspace shows another entry if need be
        queue.entry_changed.connect(lambda entry: self._update_actions())
        queue.digest_finished.connect(self._on_digest_finished)
        queue.digest_failed.connect(self._on_digest_failed)
        workspace.option_bar.options_changed.connect(self.engine_link.refresh)  # the workspace keeps them in the settings
        workspace.option_bar.profile_changed.connect(self.set_profile)
        banner = workspace.banner
        banner.choose_folder_requested.connect(self._on_choose_models_requested)
        banner.retry_requested.connect(self.engine_link.refresh)
        banner.manage_models_requested.connect(self._on_manage_models_requested)

    # -- background work ---------------------------------------------------------------------------
    @property
    def digesting(self) -> bool:
        """Whether a digest is running (Cancel is possible)."""
        return self.queue.running

    @property
    def entry(self) -> ArticleEntry | None:
        """The article shown, with its digest or what it has so far."""
        return self.workspace.entry

    @property
    def article(self) -> Article | None:
        """The article shown (None while none is, or while it is still being read)."""
        return self.entry.article if self.entry is not None else None

    @property
    def digest(self) -> Digest | None:
        """The finished digest shown, if any."""
        return self.entry.digest if self.entry is not None else None

    @Slot()
    def _on_first_show(self) -> None:
        self.engine_link.refresh()
        self._history.refresh_recent()  # the History menu lists them at once when opened
        # Reading needs a language identifier (about a second): loaded now, in the background.
        self.runner.run("warm up reading", lambda state: warm_up_documents())
        # The engine's process imports torch (seconds) meanwhile; started once the window has painted.
        self.engine_link.start_later()

    def stop_background_work(self) -> None:
        """Cancel every task, stop the runner's lanes and the engine process. Idempotent."""
        self.runner.shutdown()
        self.engine_link.close()

    # -- settings, options, state shown ----------------------------------------------------------
    def _restore_settings(self) -> None:
        if not self.restoreGeometry(self.settings.geometry):
            self.resize(1200, 760)
        self.workspace.restore_settings()
        self.window_actions.check_profile(self.settings.profile)

    def _save_settings(self) -> None:
        # The options and the profile are saved as they change; the layout is saved here.
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.workspace.splitter_state()
        self.settings.sync()

    @property
    def profile(self) -> str:
        """The model profile chosen (the Models combo and the Model Profile menu agree)."""
        return self.workspace.option_bar.profile

    def options(self) -> DigestOptions:
        """The digest options the window's controls say."""
        return self.workspace.option_bar.options()

    @Slot(str)
    def set_profile(self, profile: str) -> None:
        """Digest with the models of ``profile`` from now on (remembered; the models are re-checked)."""
        self.workspace.option_bar.show_profile(profile)
        self.window_actions.check_profile(profile)
        self.settings.profile = profile
        self.engine_link.refresh()

    def _update_actions(self) -> None:
        busy, models_missing, entry = self.digesting, bool(self.engine_link.problems), self.entry
        can_digest = self.window_actions.update(entry, self.queue.entries, busy=busy, models_missing=models_missing)
        if not models_missing and self.queue.can_queue_when_read(entry):  # Digest while it is read: queued for then
            can_digest = True
            self.window_actions.digest_action.setEnabled(True)
        option_bar = self.workspace.option_bar
        option_bar.set_busy(busy)
        option_bar.set_digest_enabled(can_digest, article_open=self.article is not None, models_missing=models_missing)

    def _update_title(self) -> None:
        title = self.entry and self.entry.title
        name = app_display_name()
        self.setWindowTitle(f"{title} — {name}" if title else name)

    @Slot(str)
    def set_interface_language(self, language: str) -> None:
        """View › Language: show the interface in ``language`` from now on (remembered)."""
        app = QApplication.instance()
        if app is not None:
            switch_language(app, language, self.settings)
        self.window_actions.language_actions[current_language()].setChecked(True)
        self.show_status(translate("MainWindow", "The interface is now in {language}.").format(
            language=UI_LANGUAGES[current_language()]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.window_actions.retranslate()
            retranslate_menus(self.menuBar())
            self._update_title()
        super().changeEvent(event)

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """Show ``message`` in the status bar (and the log)."""
        log.info("%s", message)
        self.statusBar().showMessage(message, timeout_ms)

    # -- models ----------------------------------------------------------------------------------
    @Slot(list)
    def _on_model_check_finished(self, problems: list[str]) -> None:
        problems = self.engine_link.problems  # as kept: a Wording loses its template through the signal
        self.workspace.show_model_problems(problems, self.settings.models_dir)
        self._update_actions()
        self.model_check_finished.emit(problems)

    @Slot()
    def _on_choose_models_requested(self) -> None:
        _window_dialogs().choose_models_folder(self, self.settings, self.show_status, self.engine_link.refresh)

    @Slot()
    def _on_manage_models_requested(self) -> None:
        self.models_dialog = _window_dialogs().open_models_dialog(self, self.settings, self.profile, self.engine_link.refresh, self.runner)

    # -- articles in --------------------------------------------------------------------------------
    @Slot(str)
    def open_file(self, path: str) -> bool:
        """Show the article at ``path``, read off the GUI thread (the status bar says why if it cannot be)."""
        return self.intake.open_file(path)

    @Slot(list)
    def open_dropped(self, sources: list[str]) -> bool:
        """Open what was dropped: a file, several (queued for digesting), a folder, links."""
        return self.intake.open_sources(sources)

    def show_article(self, article: Article) -> None:
        """Add ``article`` to the list and show it (a running digest goes on in its own entry)."""
        self._on_entry_opened(self.queue.add_article(article))

    @Slot(object)
    def _on_entry_opened(self, entry: ArticleEntry) -> None:
        if entry is not self.entry:
            self.workspace.show_entry(entry)
        if entry.state is EntryState.NEW and not self.digesting:
            self.engine_link.preload_for(entry.article)  # a digest is likely next: the engine loads its models meanwhile

    @Slot(object)
    def _on_entry_shown(self, entry: ArticleEntry | None) -> None:
        if entry is not None and entry.digest is not None:
            self.digest_shown.emit(entry.digest)
        show_open_failure(self.workspace.banner, entry)  # if it could not be opened (not a digest that failed)
        self.engine_link.recheck_for(self.article)  # a Russian or Arabic article needs one more model
        self._update_title()
        self._update_actions()

    # -- digesting -------------------------------------------------------------------------------
    @Slot()
    def start_digest(self) -> ArticleEntry | None:
        """Queue the shown article for digesting (it starts at once when nothing else runs)."""
        return self._digest_entry(self.entry)

    @Slot(object)
    def _digest_entry(self, entry: ArticleEntry | None) -> ArticleEntry | None:
        request = self.engine_link.request()
        if entry is None or (entry.article is None and entry.state is not EntryState.READING):
            self.show_status(translate("MainWindow", "Open an article first: drop a file on the window or press Ctrl+O."))
            return None
        if request is None:
            self.show_status(translate("MainWindow", "Cannot digest: some models are not installed (see the message above)."))
            return None
        ahead = self.queue.enqueue(entry, *request)
        if self.queue.queued_when_read(entry):
            self.show_status(translate("MainWindow", "Queued: it will be digested once it is read."))
        elif ahead is None:  # already queued
            return None
        elif ahead:
            self.show_status(self.tr("Queued: %n articles before it.", "", ahead))
        else:
            self.show_status(translate("MainWindow", "Digesting… press Esc to cancel."))
        return entry

    @Slot()
    def _on_cancel_action_triggered(self) -> None:
        if self.queue.cancel_current():
            self.show_status(translate("MainWindow", "Digest cancelled."))

    @Slot()
    def _on_cancel_all_action_triggered(self) -> None:
        count = self.queue.cancel_all()
        if count:
            self.show_status(self.tr("Cancelled: %n articles taken off the queue.", "", count))

    @Slot(object)
    def _on_digest_finished(self, entry: ArticleEntry) -> None:
        from desktop.ui.save_all import keep_and_auto_save

        keep_and_auto_save(entry, entry is self.entry, self._history.keep, self.settings, self.runner, self.show_status)

    @Slot(object, object)
    def _on_digest_failed(self, entry: ArticleEntry, error: DigestError) -> None:
        # The workspace says why in the banner when the article is shown.
        self.show_status(translate("MainWindow", "Digest failed: {reason}").format(reason=" ".join(str(error).split())))
        self.digest_failed.emit(error)

    def show_digest(self, digest: Digest) -> None:
        """Show ``digest`` (a past one: it joins the list as a finished article); enables Save."""
        entry = self.queue.add_digest(digest, self.entry)  # the list says it is done, Save All counts it
        if entry is not self.entry:  # a new entry (the one shown, taking it, is shown again by the workspace)
            self.workspace.show_entry(entry)

    @Slot()
    def save_digest(self) -> str | None:
        """Ask where to save the digest and write it there atomically; returns the path or ``None``."""
        from desktop.ui.save_dialog import ask_and_save

        review = self.workspace.review  # what was typed is committed; a summary being translated is said
        return ask_and_save(self, review.digest_to_save(), self.settings, review.noting(self.show_status), self.runner)

    @Slot()
    def save_all_digests(self) -> bool:
        """Ask for a folder and format, then save every finished digest there (never overwriting)."""
        from desktop.ui.save_all import ask_and_save_all

        return ask_and_save_all(self, self.queue.digests(), self.settings, self.show_status, self.runner)

    # -- history and help ------------------------------------------------------------------------
    def history(self) -> History:
        """The digest history (created on first use; the window touches it on its own lane only)."""
        return self._history.store()

    @Slot()
    def _on_history_action_triggered(self) -> None:
        self.history_dialog = _window_dialogs().open_history_dialog(self, self._history, self.open_history_entry)

    @Slot(str)
    def open_history_entry(self, entry_id: str) -> None:
        """Show the past digest ``entry_id`` once read, off the GUI thread (the status bar says why if it cannot be)."""
        self._history.reopen(entry_id, self.show_digest)

    # -- showing and closing ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._checked_once:
            self._checked_once = True
            QTimer.singleShot(FIRST_SHOW_WORK_DELAY_MS, self._on_first_show)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._closed:
            self._closed = True
            self.hide()  # at once: stopping the engine takes seconds while it loads a model
            self.workspace.progress_row.stop()
            try:
                self._save_settings()
            except Exception:  # noqa: BLE001 - never block closing
                log.exception("saving the settings failed")
            self.stop_background_work()
        event.accept()
