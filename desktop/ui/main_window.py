"""The main window: bring articles in, digest them in the background, read and save the results.

Left, the list of articles (once there are several) and the original article; right, tabs
with the English summary and its Russian and Arabic translations (and the full translations
when asked for), filled as each text is ready. Articles come by drop (files, folders, links,
text; anywhere, the text panes included), paste, File › Open, File › Open Recent and the
command line (:mod:`desktop.ui.intake`); they are digested one after another
(:mod:`desktop.ui.article_queue`).

The window holds the state (the open article, the digest shown, the missing models) and
changes it in answer to its actions, its widgets and its background tasks. The pieces it is
made of live in their own modules: the actions and menus (:mod:`desktop.ui.actions`,
:mod:`desktop.ui.menus`), the central widget with the options row, message banner, progress
row and panes (:mod:`desktop.ui.workspace`), dropped files (:mod:`desktop.ui.file_drop`),
opening articles and the history (:mod:`desktop.ui.documents`), the models check and the
engine's process (:mod:`desktop.ui.engine_link`), the banner's texts
(:mod:`desktop.ui.notices`), saving (:mod:`desktop.ui.save_dialog`) and the dialogs
(:mod:`desktop.ui.window_dialogs`). Digests, the models check and warm-ups run on the
:class:`~desktop.ui.runner.BackgroundRunner`, off the GUI thread; digests are made by the
engine's child process (:class:`~models.digest.process.DigestProcess`). Reading documents,
exporting, saving, the dialogs and the history are imported when first used, so the window shows before they load.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QWidget

from desktop.ui.actions import WindowActions, build_menu_bar, retranslate_menus
from desktop.ui.article_queue import ArticleEntry, ArticleQueue, EntryState
from desktop.ui.documents import DigestHistory, open_dialog_filter, warm_up_documents
from desktop.ui.engine_link import DigestEngine, EngineLink, ModelCheck, models_language, pipeline_config
from desktop.ui.file_drop import FileDropFilter
from desktop.ui.intake import ArticleIntake
from desktop.ui.language import UI_LANGUAGES, app_display_name, current_language, switch_language, translate
from desktop.ui.menus import HistoryMenu, RecentFilesMenu
from desktop.ui.notices import show_digest_failure, show_missing_models
from desktop.ui.runner import BackgroundRunner
from desktop.ui.settings import AppSettings
from desktop.ui.workspace import Workspace
from models.common.types import Article, Digest, DigestError, DigestOptions, PartialText

if TYPE_CHECKING:
    from models.digest.pipeline import PipelineConfig
    from models.documents.history import History

log = logging.getLogger(__name__)

#: How long after the window first shows the engine process is started (see _on_first_show).
ENGINE_WARM_UP_DELAY_MS = 1000
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
        self.engine_link = EngineLink(self.runner, engine, check, self)
        self.engine_link.checked.connect(self._on_model_check_finished)
        self.queue = ArticleQueue(self.runner, self.engine, self)
        self.intake = ArticleIntake(self.queue, self.settings, self._digest_request, self.show_status, self)
        #: The article shown, with its digest or what it has so far.
        self.entry: ArticleEntry | None = None
        #: The state and digest of the entry when it was last shown (a change shows it again).
        self._shown: tuple[EntryState | None, Digest | None] = (None, None)
        self._history = DigestHistory(self.show_status)
        self._closed = False
        self._checked_once = False  # models are first checked once shown: the check takes a moment

        self._build_actions()
        self._build_central()
        self.statusBar().setObjectName("statusBar")
        self._restore_settings()
        self._update_actions()
        self.statusBar().showMessage(translate("MainWindow", "Open an article to begin: drop a file on the window or press Ctrl+O."))

    # -- construction ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        actions = self.window_actions = WindowActions(self)
        # The window's own names for its actions (tests and readers use them).
        self.open_action, self.save_action, self.quit_action = actions.open_action, actions.save_action, actions.quit_action
        self.digest_action, self.cancel_action = actions.digest_action, actions.cancel_action
        self.cancel_all_action, self.paste_action, self.save_all_action = actions.cancel_all_action, actions.paste_action, actions.save_all_action
        self.choose_models_action, self.manage_models_action = actions.choose_models_action, actions.manage_models_action
        self.history_action, self.shortcuts_action = actions.history_action, actions.shortcuts_action
        self.about_action, self.profile_actions = actions.about_action, actions.profile_actions
        for action, slot in (
            (self.open_action, self._on_open_action_triggered),
            (self.save_action, self.save_digest),
            (self.quit_action, self.close),
            (self.digest_action, self.start_digest),
            (self.cancel_action, self._on_cancel_action_triggered),
            (self.cancel_all_action, self._on_cancel_all_action_triggered),
            (self.paste_action, self.intake.paste),
            (self.save_all_action, self.save_all_digests),
            (self.choose_models_action, self._on_choose_models_requested),
            (self.manage_models_action, self._on_manage_models_requested),
            (self.history_action, self._on_history_action_triggered),
            (self.shortcuts_action, lambda: _window_dialogs().open_shortcuts_dialog(self, actions.shortcut_actions())),
            (self.about_action, lambda: _window_dialogs().open_about_dialog(self, self.profile, self.settings.models_dir)),
        ):
            action.triggered.connect(slot)
        actions.profile_group.triggered.connect(lambda action: self.set_profile(str(action.data())))
        actions.language_group.triggered.connect(lambda action: self.set_interface_language(str(action.data())))
        actions.language_actions[current_language()].setChecked(True)
        self.recent_menu = RecentFilesMenu(self.settings, self)
        self.recent_menu.file_chosen.connect(self.open_file)
        self.recent_menu.file_missing.connect(
            lambda path: self.show_status(
                translate("MainWindow", "Cannot open {name}: it is no longer there (removed from Open Recent).").format(
                    name=Path(path).name))
        )
        self.history_menu = HistoryMenu(self.history_action, self._history.rows, self)
        self.history_menu.entry_chosen.connect(self.open_history_entry)
        build_menu_bar(self.menuBar(), actions, self.recent_menu, self.history_menu)

    def _build_central(self) -> None:
        workspace = self.workspace = Workspace(self.queue, self.window_actions, self.settings, self.show_status)
        self.setCentralWidget(workspace)
        workspace.files_dropped.connect(self.open_dropped)
        workspace.text_dropped.connect(self.intake.open_text)
        drop_filter = FileDropFilter.install_on(self)  # anywhere else on the window
        drop_filter.files_dropped.connect(self.open_dropped)
        drop_filter.text_dropped.connect(self.intake.open_text)
        self.queue_panel = workspace.queue_panel
        self.queue_panel.entry_chosen.connect(self.show_entry)
        self.queue_panel.digest_requested.connect(self._digest_entry)
        self.queue_panel.save_all_button.clicked.connect(self.save_all_action.trigger)
        self.queue_panel.cancel_all_button.clicked.connect(self.cancel_all_action.trigger)
        self.intake.entry_opened.connect(self._on_entry_opened)
        queue = self.queue
        queue.entries_changed.connect(self._on_queue_entries_changed)
        queue.entry_changed.connect(self._on_queue_entry_changed)
        queue.partial.connect(self._on_queue_partial)
        queue.digest_finished.connect(self._on_digest_finished)
        queue.digest_failed.connect(self._on_digest_failed)
        queue.read_failed.connect(lambda entry: self.show_status(entry.reason))
        self.option_bar, self.banner, self.progress_row = workspace.option_bar, workspace.banner, workspace.progress_row
        self.option_bar.options_changed.connect(self._on_option_bar_options_changed)
        self.option_bar.profile_changed.connect(self.set_profile)
        self.option_bar.digest_clicked.connect(self.digest_action.trigger)
        self.option_bar.cancel_clicked.connect(self.cancel_action.trigger)
        self.banner.choose_folder_requested.connect(self._on_choose_models_requested)
        self.banner.retry_requested.connect(self.refresh_model_check)
        self.banner.manage_models_requested.connect(self._on_manage_models_requested)
        # Short names for tests and for readers of this class.
        self.splitter, self.original_pane, self.generated_pane = workspace.splitter, workspace.original_pane, workspace.generated_pane
        self.language_boxes, self.full_article_box = self.option_bar.language_boxes, self.option_bar.full_article_box
        self.profile_combo = self.option_bar.profile_combo
        self.digest_button, self.cancel_button = self.option_bar.digest_button, self.option_bar.cancel_button
        self.progress_bar, self.step_label = self.progress_row.progress_bar, self.progress_row.step_label
        self.original_view, self.summary_view = self.original_pane.view, self.generated_pane.summary_view
        self.language_views, self.article_views = self.generated_pane.language_views, self.generated_pane.article_views

    # -- background work ---------------------------------------------------------------------------
    @property
    def digesting(self) -> bool:
        """Whether a digest is running (Cancel is possible)."""
        return self.queue.running

    @property
    def article(self) -> Article | None:
        """The article shown (None while none is, or while it is still being read)."""
        return self.entry.article if self.entry is not None else None

    @property
    def digest(self) -> Digest | None:
        """The finished digest shown, if any."""
        return self.entry.digest if self.entry is not None else None

    def engine(self) -> DigestEngine:
        """The digest engine: its child process, made on first use (it starts on its own)."""
        return self.engine_link.engine()

    @property
    def model_problems(self) -> list[str]:
        """The models the options need but lack, one line each (empty: Digest can run)."""
        return self.engine_link.problems

    @property
    def models_checked(self) -> bool:
        """Whether the first answer about missing models has arrived."""
        return self.engine_link.answered

    @Slot()
    def refresh_model_check(self) -> None:
        """Find out, off the GUI thread, which models the current options need but lack."""
        if not self._closed:
            self.engine_link.check(self.profile, self.settings.models_dir, self.options(), models_language(self.article))

    @Slot()
    def _on_first_show(self) -> None:
        self.refresh_model_check()
        # Reading needs a language identifier (about a second): loaded now, in the background.
        self.runner.run("warm up reading", lambda state: warm_up_documents())
        # The engine's process imports torch (seconds) meanwhile; started once the window has painted.
        QTimer.singleShot(ENGINE_WARM_UP_DELAY_MS, self._start_engine)

    @Slot()
    def _start_engine(self) -> None:
        if not self._closed:
            self.engine_link.start_engine()

    def stop_background_work(self) -> None:
        """Cancel every task, stop the runner's lanes and the engine process. Idempotent."""
        self.runner.shutdown()
        self.engine_link.close()

    # -- settings, options, state shown ----------------------------------------------------------
    def _restore_settings(self) -> None:
        if not self.restoreGeometry(self.settings.geometry):
            self.resize(1200, 760)
        if not self.splitter.restoreState(self.settings.splitter_state):
            self.splitter.setSizes([240, 560, 640])  # the articles list shows once there are several
        self.option_bar.set_options(self.settings.languages, self.settings.translate_article)
        self.option_bar.show_profile(self.settings.profile)
        self.window_actions.check_profile(self.settings.profile)

    def _save_settings(self) -> None:
        # The options and the profile are saved as they change; the layout is saved here.
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()

    @property
    def profile(self) -> str:
        """The model profile chosen (the Models combo and the Model Profile menu agree)."""
        return self.option_bar.profile

    def options(self) -> DigestOptions:
        """The digest options the window's controls say."""
        return self.option_bar.options()

    @Slot(str)
    def set_profile(self, profile: str) -> None:
        """Digest with the models of ``profile`` from now on (remembered; the models are re-checked)."""
        self.option_bar.show_profile(profile)
        self.window_actions.check_profile(profile)
        self.settings.profile = profile
        self.refresh_model_check()

    @Slot()
    def _on_option_bar_options_changed(self) -> None:
        self.settings.languages = self.options().languages
        self.settings.translate_article = self.option_bar.full_article_checked
        self.refresh_model_check()

    def _update_actions(self) -> None:
        busy = self.digesting
        queued = self.entry is not None and self.entry.queued
        can_digest = not queued and self.article is not None and not self.model_problems
        self.digest_action.setEnabled(can_digest)
        self.save_action.setEnabled(self.digest is not None)
        self.save_all_action.setEnabled(any(entry.finished for entry in self.queue.entries))
        self.window_actions.set_busy(busy)
        self.option_bar.set_busy(busy)
        self.option_bar.set_digest_enabled(
            can_digest, article_open=self.article is not None, models_missing=bool(self.model_problems)
        )

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
        if self.model_problems:
            show_missing_models(self.banner, self.model_problems, self.settings.models_dir)
        else:
            self.banner.clear("warning")
        self._update_actions()
        self.model_check_finished.emit(self.model_problems)

    @Slot()
    def _on_choose_models_requested(self) -> None:
        start = self.settings.models_dir or self.settings.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, translate("MainWindow", "Choose Models Folder"), start)
        if not folder:
            return
        self.settings.models_dir = folder
        self.settings.sync()
        self.show_status(translate("MainWindow", "Models folder: {folder}").format(folder=folder))
        self.refresh_model_check()

    @Slot()
    def _on_manage_models_requested(self) -> None:
        self.models_dialog = _window_dialogs().open_models_dialog(self, self.settings, self.profile, self.refresh_model_check, self.runner)

    # -- articles in --------------------------------------------------------------------------------
    @Slot(str)
    def open_file(self, path: str) -> bool:
        """Read the article at ``path`` and show it; on failure show why and keep the current one."""
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
        self.show_entry(entry)
        if entry.state is EntryState.NEW and not self.digesting and not self.model_problems and self.models_checked:
            # A digest is likely next: the engine loads its models meanwhile.
            self.engine_link.preload(pipeline_config(self.profile, self.settings.models_dir), self.options(), models_language(entry.article))

    @Slot(object)
    def show_entry(self, entry: ArticleEntry | None) -> None:
        """Show ``entry``: its article, and its digest or what the digest has written so far."""
        self.entry = entry
        self._shown = (entry.state, entry.digest) if entry is not None else (None, None)
        self.banner.clear("error")
        self.workspace.show_entry(entry)
        if entry is not None and entry.digest is not None:
            self.digest_shown.emit(entry.digest)
        if entry is not None and entry.state is EntryState.FAILED and entry.reason:
            show_digest_failure(self.banner, DigestError(entry.reason))
        if self.models_checked and models_language(self.article) != self.engine_link.checked_language:
            self.refresh_model_check()  # a Russian or Arabic article needs one more model
        self._update_title()
        self._update_actions()

    @Slot()
    def _on_open_action_triggered(self) -> None:
        start = self.settings.last_folder or str(Path.home())
        paths, _selected = QFileDialog.getOpenFileNames(self, translate("MainWindow", "Open Articles"), start, open_dialog_filter())
        if paths:
            self.open_dropped(paths)

    # -- digesting -------------------------------------------------------------------------------
    def _digest_request(self) -> tuple[DigestOptions, PipelineConfig] | None:
        """What a digest queued now is made with; None while models are missing."""
        if self.model_problems:
            return None
        return self.options(), pipeline_config(self.profile, self.settings.models_dir)

    @Slot()
    def start_digest(self) -> ArticleEntry | None:
        """Queue the shown article for digesting (it starts at once when nothing else runs)."""
        return self._digest_entry(self.entry)

    @Slot(object)
    def _digest_entry(self, entry: ArticleEntry | None) -> ArticleEntry | None:
        request = self._digest_request()
        if entry is None or entry.article is None:
            self.show_status(translate("MainWindow", "Open an article first: drop a file on the window or press Ctrl+O."))
            return None
        if request is None:
            self.show_status(translate("MainWindow", "Cannot digest: some models are not installed (see the message above)."))
            return None
        if entry.queued:
            return None
        self.queue.enqueue(entry, *request)
        ahead = len(self.queue.waiting()) - 1 + int(self.queue.running_entry is not entry)
        if ahead:
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

    @Slot()
    def _on_queue_entries_changed(self) -> None:
        if self.entry is not None and self.entry not in self.queue.entries:  # the one shown was removed
            self.show_entry(self.queue.entries[0] if self.queue.entries else None)
        self._update_actions()

    @Slot(object)
    def _on_queue_entry_changed(self, entry: ArticleEntry) -> None:
        if entry.state is EntryState.DIGESTING:
            if not self.progress_row.isVisible():
                self.progress_row.start(entry.step or translate("ArticleQueue", "Waiting for the engine…"))
            self.progress_row.set_progress(entry.progress, entry.step)
        elif not self.digesting:
            self.progress_row.stop()
        if entry is self.entry and (entry.state is not self._shown[0] or entry.digest is not self._shown[1]):
            self.show_entry(entry)
        self._update_actions()

    @Slot(object, object)
    def _on_queue_partial(self, entry: ArticleEntry, part: PartialText) -> None:
        if entry is self.entry and entry.digest is None:
            self.workspace.show_progress(entry.parts, entry.requested_keys(), stopped=False)

    @Slot(object)
    def _on_digest_finished(self, entry: ArticleEntry) -> None:
        seconds = f"{entry.digest.seconds:.1f}"
        if entry is self.entry:
            ready = translate("MainWindow", "Digest ready in {seconds} s.").format(seconds=seconds)
        else:
            ready = translate("MainWindow", "Digest of “{title}” ready in {seconds} s.").format(title=entry.title, seconds=seconds)
        from desktop.ui.save_all import auto_save

        notes = [ready, *self._history.keep(entry.digest)]
        self.show_status(" ".join([*notes, *auto_save(entry.digest, self.settings)]))

    @Slot(object, object)
    def _on_digest_failed(self, entry: ArticleEntry, error: DigestError) -> None:
        if entry is self.entry:
            show_digest_failure(self.banner, error)
        self.show_status(translate("MainWindow", "Digest failed: {reason}").format(reason=" ".join(str(error).split())))
        self.digest_failed.emit(error)

    def show_digest(self, digest: Digest) -> None:
        """Show ``digest`` (a past one: it joins the list as a finished article); enables Save."""
        entry = self.queue.add_digest(digest, self.entry)  # the list says it is done, Save All counts it
        if entry is not self.entry:  # a new entry (the one shown, taking it, is shown again by _on_queue_entry_changed)
            self.show_entry(entry)

    @Slot()
    def save_digest(self) -> str | None:
        """Ask where to save the digest and write it there atomically; returns the path or ``None``."""
        if self.digest is None:
            self.show_status(translate("MainWindow", "Nothing to save yet: digest an article first."))
            return None
        from desktop.ui.save_dialog import ask_and_save

        return ask_and_save(self, self.digest, self.settings, self.show_status)

    @Slot()
    def save_all_digests(self) -> list[Path]:
        """Ask for a folder and format, then save every finished digest there (never overwriting)."""
        digests = [entry.digest for entry in self.queue.entries if entry.digest is not None]
        if not digests:
            self.show_status(translate("MainWindow", "Nothing to save yet: no digest is finished."))
            return []
        from desktop.ui.save_all import ask_and_save_all

        return ask_and_save_all(self, digests, self.settings, self.show_status)

    # -- history and help ------------------------------------------------------------------------
    def history(self) -> History:
        """The digest history (created on first use)."""
        return self._history.store()

    @Slot()
    def _on_history_action_triggered(self) -> None:
        self.history_dialog = _window_dialogs().open_history_dialog(self, self._history.rows(), self.open_history_entry)

    @Slot(str)
    def open_history_entry(self, entry_id: str) -> bool:
        """Show the past digest ``entry_id``."""
        from desktop.ui.dialogs import short_created

        digest = self._history.load(entry_id)
        if digest is None:
            return False
        self.show_digest(digest)
        self.show_status(translate("MainWindow", "Reopened the digest of “{title}” from {created}.").format(
            title=digest.article.title, created=short_created(digest.created)))
        return True

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
            self.progress_row.stop()
            try:
                self._save_settings()
            except Exception:  # noqa: BLE001 - never block closing
                log.exception("saving the settings failed")
            self.stop_background_work()
        event.accept()
