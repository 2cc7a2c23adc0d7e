"""The main window: open an article, digest it in the background, read and save the result.

Left, the original article; right, tabs with the English summary and its Russian and Arabic
translations (and the full translations when asked for). Files open by drop (anywhere, the
text panes included), File › Open, File › Open Recent and the command line.

The window holds the state (the open article, the digest shown, the missing models) and
changes it in answer to its actions, its widgets and its background tasks. The pieces it is
made of live in their own modules: the actions and menus (:mod:`desktop.ui.actions`,
:mod:`desktop.ui.menus`), the central widget with the options row, message banner, progress
row and panes (:mod:`desktop.ui.workspace`), dropped files (:mod:`desktop.ui.file_drop`),
opening articles and the history (:mod:`desktop.ui.documents`), the banner's texts
(:mod:`desktop.ui.notices`), saving (:mod:`desktop.ui.save_dialog`) and the dialogs
(:mod:`desktop.ui.window_dialogs`). Digests, the models check and warm-ups run on the
:class:`~desktop.ui.runner.BackgroundRunner`, off the GUI thread; digests are made by the
engine's child process (:class:`~models.digest.process.DigestProcess`). Reading documents,
exporting and the history are imported when first used, so the window shows before they load.
"""

from __future__ import annotations

import logging
from pathlib import Path
from functools import partial
from typing import TYPE_CHECKING, Callable, Protocol

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from desktop.ui.actions import WindowActions, build_menu_bar
from desktop.ui.documents import CannotOpen, DigestHistory, open_dialog_filter, read_article_file, warm_up_documents
from desktop.ui.file_drop import FileDropFilter
from desktop.ui.menus import HistoryMenu, RecentFilesMenu
from desktop.ui.notices import show_digest_failure, show_missing_models
from desktop.ui.runner import BackgroundRunner, Task
from desktop.ui.save_dialog import ask_and_save
from desktop.ui.settings import AppSettings
from desktop.ui.window_dialogs import open_about_dialog, open_history_dialog, open_models_dialog, open_shortcuts_dialog
from desktop.ui.workspace import Workspace
from models.common.paths import APP_DISPLAY_NAME
from models.common.job_state import JobState
from models.common.types import Article, Digest, DigestError, DigestOptions

if TYPE_CHECKING:
    from models.digest.pipeline import PipelineConfig
    from models.documents.history import History

log = logging.getLogger(__name__)

#: How long after the window first shows the engine process is started (see _on_first_show).
ENGINE_WARM_UP_DELAY_MS = 1000

#: Which models the options need but lack: (profile, models folder, options) -> one line each.
ModelCheck = Callable[[str, "str | None", DigestOptions], list[str]]


class DigestEngine(Protocol):
    """What the window asks of the engine: :class:`models.digest.process.DigestProcess`."""

    def start(self) -> None: ...

    def preload(self, config: PipelineConfig, options: DigestOptions) -> None: ...

    def digest(self, article: Article, options: DigestOptions, config: PipelineConfig, state: JobState) -> Digest: ...

    def close(self) -> None: ...


def missing_models(profile: str, models_dir: str | None, options: DigestOptions) -> list[str]:
    """The default :data:`ModelCheck`: the inventory's answer (no torch, no network)."""
    from models.inventory import catalog, installed

    specs = catalog.specs_for(profile)
    return installed.missing([specs[task] for task in catalog.tasks_for(options.languages)], models_dir)


def pipeline_config(profile: str, models_dir: str | None) -> PipelineConfig:
    """The engine's settings for a digest with the window's profile and models folder."""
    from models.digest.pipeline import PipelineConfig

    return PipelineConfig(profile=profile, models_dir=models_dir)


def _check_models(check: ModelCheck, profile: str, models_dir: str | None, options: DigestOptions, state: JobState) -> list[str]:
    """``check``'s answer; a check that fails is itself the problem shown (never an exception)."""
    try:
        return [str(problem) for problem in check(profile, models_dir, options)]
    except Exception as error:  # noqa: BLE001 - shown to the user, never fatal
        log.exception("checking the models failed")
        return [f"Could not check the models: {error}"]


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
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setAcceptDrops(True)
        self.settings = settings if settings is not None else AppSettings()
        self.runner = BackgroundRunner(self)
        self._engine = engine
        self._check = check or missing_models
        self._digest_task: Task | None = None
        self._check_task: Task | None = None
        self.article: Article | None = None
        self.digest: Digest | None = None
        self.model_problems: list[str] = []
        #: Whether the first answer about missing models has arrived.
        self.models_checked = False
        self._history = DigestHistory(self.show_status)
        self._closed = False
        self._checked_once = False  # models are first checked once shown: the check takes a moment

        self._build_actions()
        self._build_central()
        self.statusBar().setObjectName("statusBar")
        self._restore_settings()
        self._update_actions()
        self.statusBar().showMessage("Open an article to begin: drop a file on the window or press Ctrl+O.")

    # -- construction ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        actions = self.window_actions = WindowActions(self)
        # The window's own names for its actions (tests and readers use them).
        self.open_action, self.save_action, self.quit_action = actions.open_action, actions.save_action, actions.quit_action
        self.digest_action, self.cancel_action = actions.digest_action, actions.cancel_action
        self.choose_models_action, self.manage_models_action = actions.choose_models_action, actions.manage_models_action
        self.history_action, self.shortcuts_action = actions.history_action, actions.shortcuts_action
        self.about_action, self.profile_actions = actions.about_action, actions.profile_actions
        for action, slot in (
            (self.open_action, self._on_open_action_triggered),
            (self.save_action, self.save_digest),
            (self.quit_action, self.close),
            (self.digest_action, self.start_digest),
            (self.cancel_action, self._on_cancel_action_triggered),
            (self.choose_models_action, self._on_choose_models_requested),
            (self.manage_models_action, self._on_manage_models_requested),
            (self.history_action, self._on_history_action_triggered),
            (self.shortcuts_action, lambda: open_shortcuts_dialog(self, actions.shortcut_actions())),
            (self.about_action, lambda: open_about_dialog(self, self.profile, self.settings.models_dir)),
        ):
            action.triggered.connect(slot)
        actions.profile_group.triggered.connect(lambda action: self.set_profile(str(action.data())))
        self.recent_menu = RecentFilesMenu(self.settings, self)
        self.recent_menu.file_chosen.connect(self.open_file)
        self.recent_menu.file_missing.connect(
            lambda path: self.show_status(f"Cannot open {Path(path).name}: it is no longer there (removed from Open Recent).")
        )
        self.history_menu = HistoryMenu(self.history_action, self._history.rows, self)
        self.history_menu.entry_chosen.connect(self.open_history_entry)
        build_menu_bar(self.menuBar(), actions, self.recent_menu, self.history_menu)

    def _build_central(self) -> None:
        workspace = self.workspace = Workspace(self.window_actions, self.settings, self.show_status)
        self.setCentralWidget(workspace)
        workspace.files_dropped.connect(self.open_dropped)
        FileDropFilter.install_on(self).files_dropped.connect(self.open_dropped)  # anywhere else on the window
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
        return self._digest_task is not None and self._digest_task.active

    def engine(self) -> DigestEngine:
        """The digest engine: its child process, made on first use (it starts on its own)."""
        if self._engine is None:
            from models.digest.process import DigestProcess

            self._engine = DigestProcess()
        return self._engine

    @Slot()
    def refresh_model_check(self) -> None:
        """Find out, off the GUI thread, which models the current options need but lack."""
        if self._closed:
            return
        if self._check_task is not None:
            self._check_task.cancel()  # only the latest answer counts
        work = partial(_check_models, self._check, self.profile, self.settings.models_dir, self.options())
        self._check_task = self.runner.run("check models", work)
        self._check_task.finished.connect(self._on_model_check_finished)

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
            engine = self.engine()
            self.runner.run("start the engine", lambda state: engine.start())

    def _preload_models(self) -> None:
        engine, config, options = self.engine(), pipeline_config(self.profile, self.settings.models_dir), self.options()
        self.runner.run("load models", lambda state: engine.preload(config, options))

    def stop_background_work(self) -> None:
        """Cancel every task, stop the runner's lanes and the engine process. Idempotent."""
        self.runner.shutdown()
        if self._engine is not None:
            try:
                self._engine.close()
            except Exception:  # noqa: BLE001 - never block closing the window
                log.exception("stopping the engine failed")

    # -- settings, options, state shown ----------------------------------------------------------
    def _restore_settings(self) -> None:
        if not self.restoreGeometry(self.settings.geometry):
            self.resize(1200, 760)
        if not self.splitter.restoreState(self.settings.splitter_state):
            self.splitter.setSizes([560, 640])
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
        can_digest = not busy and self.article is not None and not self.model_problems
        self.digest_action.setEnabled(can_digest)
        self.save_action.setEnabled(self.digest is not None)
        self.window_actions.set_busy(busy)
        self.option_bar.set_busy(busy)
        self.option_bar.set_digest_enabled(
            can_digest, article_open=self.article is not None, models_missing=bool(self.model_problems)
        )

    def _update_title(self) -> None:
        title = self.article and (self.article.title or "Untitled article")
        self.setWindowTitle(f"{title} — {APP_DISPLAY_NAME}" if title else APP_DISPLAY_NAME)

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """Show ``message`` in the status bar (and the log)."""
        log.info("%s", message)
        self.statusBar().showMessage(message, timeout_ms)

    # -- models ----------------------------------------------------------------------------------
    @Slot(object)
    def _on_model_check_finished(self, problems: list[str]) -> None:
        self.models_checked = True
        self.model_problems = [str(problem) for problem in problems]
        if self.model_problems:
            show_missing_models(self.banner, self.model_problems, self.settings.models_dir)
        else:
            self.banner.clear("warning")
        self._update_actions()
        self.model_check_finished.emit(self.model_problems)

    @Slot()
    def _on_choose_models_requested(self) -> None:
        start = self.settings.models_dir or self.settings.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Choose Models Folder", start)
        if not folder:
            return
        self.settings.models_dir = folder
        self.settings.sync()
        self.show_status(f"Models folder: {folder}")
        self.refresh_model_check()

    @Slot()
    def _on_manage_models_requested(self) -> None:
        self.models_dialog = open_models_dialog(self, self.profile, self.settings.models_dir, self.refresh_model_check, self.runner)

    # -- opening files ---------------------------------------------------------------------------
    @Slot(str)
    def open_file(self, path: str) -> bool:
        """Read the article at ``path`` and show it; on failure show why and keep the current one."""
        try:
            article = read_article_file(path)
        except CannotOpen as error:
            self.show_status(str(error))
            return False
        self.show_article(article)
        self.settings.add_recent_file(str(Path(path).resolve()))
        self.settings.last_folder = str(Path(path).resolve().parent)
        words = len(article.text.split())
        self.show_status(f"Opened {Path(path).name} ({words:,} words). Press Digest (Ctrl+Return) to summarise and translate it.")
        return True

    def show_article(self, article: Article) -> None:
        """Show ``article`` on the left and clear the generated side (cancelling a running digest)."""
        self._cancel_digest()
        self.article = article
        self.digest = None
        self.workspace.show_article(article)
        self.banner.clear("error")
        self._update_title()
        self._update_actions()
        if not self.model_problems and self.models_checked:
            self._preload_models()  # a digest is likely next: the engine loads its models meanwhile

    @Slot(list)
    def open_dropped(self, paths: list[str]) -> bool:
        """Open the first of the dropped files; say so when more were dropped."""
        if not paths:
            self.show_status("Nothing to open: drop an article file.")
            return False
        opened = self.open_file(paths[0])
        if opened and len(paths) > 1:
            self.show_status(f"Opened {Path(paths[0]).name}; the other {len(paths) - 1} dropped file(s) were ignored.")
        return opened

    @Slot()
    def _on_open_action_triggered(self) -> None:
        start = self.settings.last_folder or str(Path.home())
        path, _selected = QFileDialog.getOpenFileName(self, "Open Article", start, open_dialog_filter())
        if path:
            self.open_file(path)

    # -- digesting -------------------------------------------------------------------------------
    @Slot()
    def start_digest(self) -> Task | None:
        """Start digesting the open article; returns its task, or ``None`` with a reason shown."""
        if self.digesting:
            return None
        if self.article is None:
            self.show_status("Open an article first: drop a file on the window or press Ctrl+O.")
            return None
        if self.model_problems:
            self.show_status("Cannot digest: some models are not installed (see the message above).")
            return None
        self.banner.clear("error")
        self.progress_row.start("Waiting for the engine…")
        digest = partial(self.engine().digest, self.article, self.options(), pipeline_config(self.profile, self.settings.models_dir))
        task = self._digest_task = self.runner.run("digest", digest)
        task.started.connect(partial(self.progress_row.set_step, "Starting…"))
        task.progress.connect(self.progress_row.set_progress)
        task.finished.connect(self._on_digest_finished)
        task.failed.connect(self._on_digest_failed)
        task.cancelled.connect(self._on_digest_cancelled)
        self._update_actions()
        self.show_status("Digesting… press Esc to cancel.")
        return task

    def _cancel_digest(self) -> bool:
        return self._digest_task is not None and self._digest_task.cancel()

    @Slot()
    def _on_cancel_action_triggered(self) -> None:
        if self._cancel_digest():
            self.show_status("Digest cancelled.")

    @Slot(object)
    def _on_digest_finished(self, digest: Digest) -> None:
        seconds = digest.seconds or self.progress_row.elapsed_seconds()
        self.progress_row.set_progress(1.0)
        self.progress_row.stop()
        self.show_digest(digest)
        history_problem = self._history.add(digest)
        suffix = f" (Not added to History: {history_problem})" if history_problem else ""
        self.show_status(f"Digest ready in {seconds:.1f} s.{suffix}")

    @Slot(object)
    def _on_digest_failed(self, error: DigestError) -> None:
        self.progress_row.stop()
        show_digest_failure(self.banner, error)
        self.show_status(f"Digest failed: {' '.join(str(error).split())}")
        self._update_actions()
        self.digest_failed.emit(error)

    @Slot()
    def _on_digest_cancelled(self) -> None:
        self.progress_row.stop()
        self._update_actions()

    def show_digest(self, digest: Digest) -> None:
        """Show ``digest`` (its article on the left, its texts on the right); enables Save."""
        new_article = self.article != digest.article
        if new_article:
            self.article = digest.article
        self.digest = digest
        self.workspace.show_digest(digest, with_article=new_article)
        self._update_title()
        self._update_actions()
        self.digest_shown.emit(digest)

    @Slot()
    def save_digest(self) -> str | None:
        """Ask where to save the digest and write it there atomically; returns the path or ``None``."""
        if self.digest is None:
            self.show_status("Nothing to save yet: digest an article first.")
            return None
        return ask_and_save(self, self.digest, self.settings, self.show_status)

    # -- history and help ------------------------------------------------------------------------
    def history(self) -> History:
        """The digest history (created on first use)."""
        return self._history.store()

    @Slot()
    def _on_history_action_triggered(self) -> None:
        self.history_dialog = open_history_dialog(self, self._history.rows(), self.open_history_entry)

    @Slot(str)
    def open_history_entry(self, entry_id: str) -> bool:
        """Show the past digest ``entry_id``."""
        from desktop.ui.dialogs import short_created

        digest = self._history.load(entry_id)
        if digest is None:
            return False
        self._cancel_digest()
        self.show_digest(digest)
        self.show_status(f"Reopened the digest of “{digest.article.title}” from {short_created(digest.created)}.")
        return True

    # -- showing and closing ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._checked_once:
            self._checked_once = True
            QTimer.singleShot(0, self._on_first_show)

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
