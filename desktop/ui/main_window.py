"""The main window: open an article, digest it in the background, read and save the result.

Left, the original article; right, tabs with the English summary and its Russian and Arabic
translations (and the full translations when asked for). Files open by drop (anywhere,
the text panes included), File › Open, File › Open Recent and the command line. Digests run
on the :class:`~desktop.ui.jobs.JobController`'s worker thread; the window only shows their
progress and results. Documents, export and history come from :mod:`desktop.documents`,
:mod:`desktop.export` and :mod:`desktop.history`, imported when first needed so the window
shows fast.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QElapsedTimer, QIODevice, QSaveFile, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.jobs import CheckFunction, JobController, RunFunction
from desktop.ui.panes import GeneratedPane, MessageBanner, OriginalPane, digest_info, dropped_paths
from desktop.ui.settings import AppSettings
from models.catalog import PROFILES
from models.types import LANGUAGE_NAMES, Article, Digest, DigestError, DigestOptions

log = logging.getLogger(__name__)

APP_DISPLAY_NAME = "Article Digest"

#: How many past digests the History menu lists (the dialog lists them all).
HISTORY_MENU_ENTRIES = 10
#: How long after the window first shows the engine process is started (see _on_first_show).
ENGINE_WARM_UP_DELAY_MS = 1000
#: Used for the file dialog until desktop.documents provides its own filter.
_FALLBACK_OPEN_FILTER = "All files (*)"
_PROFILE_LABELS = {"quality": "Quality", "fast": "Fast"}
_PROFILE_TIPS = {
    "quality": "Larger models: better summaries and translations, slower",
    "fast": "Smaller models: quicker on slow computers, rougher results",
}


def write_file_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through QSaveFile: the old file stays intact until commit.

    Raises :class:`OSError` with Qt's explanation when anything fails (nothing is left behind).
    """
    save_file = QSaveFile(path)
    if not save_file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(save_file.errorString())
    written = save_file.write(QByteArray(data))
    if written != len(data):
        message = save_file.errorString()
        save_file.cancelWriting()
        save_file.commit()  # discards the temporary file
        raise OSError(message or "could not write the whole file")
    if not save_file.commit():
        raise OSError(save_file.errorString())


def _warm_up_documents() -> None:
    import desktop.documents as documents

    warm_up = getattr(documents, "warm_up", None)
    if callable(warm_up):
        warm_up()


def _short_problem(problem: str) -> str:
    """An engine message without its list of searched places (that goes to the tooltip)."""
    return problem.split(" (looked in ", 1)[0]


def safe_file_stem(title: str, fallback: str = "digest") -> str:
    """A file name stem from an article title: no path separators or control characters."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .")
    stem = re.sub(r"\s+", " ", stem)[:80].strip()
    return stem or fallback


class MainWindow(QMainWindow):
    """The app's only main window.

    ``run`` and ``check`` replace the engine (tests inject fast fakes); ``settings`` replaces
    the user's settings store.

    Signals:
        article_opened(object): an :class:`~models.types.Article` is now shown.
        digest_shown(object): a :class:`~models.types.Digest` is now shown (new or from history).
    """

    article_opened = Signal(object)
    digest_shown = Signal(object)

    def __init__(
        self,
        *,
        run: RunFunction | None = None,
        check: CheckFunction | None = None,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setAcceptDrops(True)
        self.settings = settings if settings is not None else AppSettings()
        self.controller = JobController(run, check, parent=self)
        self.article: Article | None = None
        self.digest: Digest | None = None
        self.model_problems: list[str] = []
        self._history: Any = None
        self._closed = False
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._step_text = ""

        self._build_actions()
        self._build_menus()
        self._build_central()
        self.statusBar().setObjectName("statusBar")
        self._connect_controller()
        self._restore_settings()
        self._update_actions()
        self.statusBar().showMessage("Open an article to begin: drop a file on the window or press Ctrl+O.")
        # Which models are missing is asked on the worker thread (the check may import the hub
        # client, a few hundred milliseconds), once the window is on screen: see showEvent.
        self._checked_once = False
        #: Whether the first answer about missing models has arrived.
        self.models_checked = False

    # ------------------------------------------------------------------------------------------
    # construction
    def _action(self, name: str, text: str, slot: Any, shortcuts: tuple[QKeySequence, ...] = (), tip: str = "") -> QAction:
        action = QAction(text, self)
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
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            "openAction", "&Open…", self._on_open_action_triggered, (QKeySequence(QKeySequence.StandardKey.Open),),
            "Open an article file",
        )
        self.save_action = self._action(
            "saveAction", "&Save Digest As…", self._on_save_action_triggered, (QKeySequence(QKeySequence.StandardKey.Save),),
            "Save the digest as text, Markdown, HTML, JSON or Word",
        )
        self.quit_action = self._action(
            "quitAction", "&Quit", self.close, (QKeySequence(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")),
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.digest_action = self._action(
            "digestAction", "&Digest", self._on_digest_action_triggered,
            (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")), "Summarise and translate the article",
        )
        self.cancel_action = self._action(
            "cancelAction", "&Cancel", self._on_cancel_action_triggered, (QKeySequence(Qt.Key.Key_Escape),),
            "Stop the running digest",
        )
        self.choose_models_action = self._action(
            "chooseModelsAction", "Choose &Models Folder…", self._on_choose_models_requested,
            tip="Pick the folder that holds the downloaded models",
        )
        self.manage_models_action = self._action(
            "manageModelsAction", "Manage &Models…", self._on_manage_models_requested,
            tip="See which models are installed; download, verify or remove them",
        )
        self.history_action = self._action(
            "historyAction", "Show &History…", self._on_history_action_triggered, (QKeySequence("Ctrl+H"),),
            "Reopen a past digest",
        )
        self.shortcuts_action = self._action(
            "shortcutsAction", "&Keyboard Shortcuts", self._on_shortcuts_action_triggered,
            (QKeySequence(QKeySequence.StandardKey.HelpContents),),
        )
        self.about_action = self._action("aboutAction", "&About Article Digest", self._on_about_action_triggered)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.profile_group = QActionGroup(self)
        self.profile_group.setExclusive(True)
        self.profile_actions: dict[str, QAction] = {}
        for name in PROFILES:
            action = QAction(f"{_PROFILE_LABELS.get(name, name.capitalize())}: {_PROFILE_TIPS.get(name, '')}", self)
            action.setObjectName(f"profile{name.capitalize()}Action")
            action.setCheckable(True)
            action.setData(name)
            self.profile_group.addAction(action)
            self.profile_actions[name] = action
        self.profile_group.triggered.connect(self._on_profile_group_triggered)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        digest_menu = bar.addMenu("&Digest")
        digest_menu.setObjectName("digestMenu")
        digest_menu.addAction(self.digest_action)
        digest_menu.addAction(self.cancel_action)
        digest_menu.addSeparator()
        profile_menu = digest_menu.addMenu("Model &Profile")
        for action in self.profile_actions.values():
            profile_menu.addAction(action)
        digest_menu.addAction(self.manage_models_action)
        digest_menu.addAction(self.choose_models_action)

        self.history_menu = bar.addMenu("Hi&story")
        self.history_menu.setObjectName("historyMenu")
        self.history_menu.aboutToShow.connect(self._rebuild_history_menu)
        self._rebuild_history_menu()

        help_menu = bar.addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _build_central(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)

        options = QHBoxLayout()
        options.addWidget(QLabel("Translate into:"))
        self.language_boxes: dict[str, QCheckBox] = {}
        for code, name in LANGUAGE_NAMES.items():
            box = QCheckBox(name)
            box.setObjectName(f"{name.lower()}CheckBox")
            box.toggled.connect(self._on_options_changed)
            self.language_boxes[code] = box
            options.addWidget(box)
        self.full_article_box = QCheckBox("Translate the whole article")
        self.full_article_box.setObjectName("fullArticleCheckBox")
        self.full_article_box.setToolTip("Also translate the full text (takes much longer than the summary)")
        self.full_article_box.toggled.connect(self._on_options_changed)
        options.addSpacing(12)
        options.addWidget(self.full_article_box)
        options.addSpacing(12)
        options.addWidget(QLabel("Models:"))
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        for name in PROFILES:
            self.profile_combo.addItem(_PROFILE_LABELS.get(name, name.capitalize()), name)
            self.profile_combo.setItemData(self.profile_combo.count() - 1, _PROFILE_TIPS.get(name, ""), Qt.ItemDataRole.ToolTipRole)
        self.profile_combo.setToolTip("Which set of models digests: Quality (larger) or Fast (smaller)")
        self.profile_combo.currentIndexChanged.connect(self._on_profile_combo_changed)
        options.addWidget(self.profile_combo)
        options.addStretch(1)
        self.digest_button = QPushButton("Digest")
        self.digest_button.setObjectName("digestButton")
        self.digest_button.setToolTip("Summarise and translate (Ctrl+Return)")
        self.digest_button.setDefault(True)
        self.digest_button.clicked.connect(self.digest_action.trigger)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Stop the running digest (Esc)")
        self.cancel_button.clicked.connect(self.cancel_action.trigger)
        options.addWidget(self.digest_button)
        options.addWidget(self.cancel_button)
        layout.addLayout(options)

        self.banner = MessageBanner()
        self.banner.choose_folder_requested.connect(self._on_choose_models_requested)
        self.banner.retry_requested.connect(self.refresh_model_check)
        self.banner.manage_models_requested.connect(self._on_manage_models_requested)
        layout.addWidget(self.banner)

        self.progress_row = QWidget()
        self.progress_row.setObjectName("progressRow")
        progress = QHBoxLayout(self.progress_row)
        progress.setContentsMargins(0, 0, 0, 0)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.step_label = QLabel("")
        self.step_label.setObjectName("stepLabel")
        self.elapsed_label = QLabel("")
        self.elapsed_label.setObjectName("elapsedLabel")
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.step_label)
        progress.addWidget(self.elapsed_label)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.original_pane = OriginalPane()
        self.original_pane.files_dropped.connect(self._on_files_dropped)
        self.generated_pane = GeneratedPane(tuple(LANGUAGE_NAMES))
        self.generated_pane.files_dropped.connect(self._on_files_dropped)
        self.digest_info_label = QLabel("")
        self.digest_info_label.setObjectName("digestInfo")
        self.digest_info_label.setWordWrap(True)
        self.digest_info_label.setEnabled(False)  # greyed: secondary information
        self.digest_info_label.hide()
        generated_side = QWidget()
        generated_layout = QVBoxLayout(generated_side)
        generated_layout.setContentsMargins(0, 0, 0, 0)
        generated_layout.addWidget(self.generated_pane, 1)
        generated_layout.addWidget(self.digest_info_label)
        self.splitter.addWidget(self.original_pane)
        self.splitter.addWidget(generated_side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        # Short names for tests and for readers of this class.
        self.original_view = self.original_pane.view
        self.summary_view = self.generated_pane.summary_view
        self.language_views = self.generated_pane.language_views
        self.article_views = self.generated_pane.article_views

    def _connect_controller(self) -> None:
        self.controller.check_finished.connect(self._on_controller_check_finished)
        self.controller.job_started.connect(self._on_controller_job_started)
        self.controller.progress_changed.connect(self._on_controller_progress_changed)
        self.controller.job_finished.connect(self._on_controller_job_finished)
        self.controller.job_failed.connect(self._on_controller_job_failed)
        self.controller.job_cancelled.connect(self._on_controller_job_cancelled)
        self.controller.busy_changed.connect(self._on_controller_busy_changed)

    # ------------------------------------------------------------------------------------------
    # settings
    def _restore_settings(self) -> None:
        if not self.restoreGeometry(self.settings.geometry):
            self.resize(1200, 760)
        if not self.splitter.restoreState(self.settings.splitter_state):
            self.splitter.setSizes([560, 640])
        chosen = set(self.settings.languages)
        for code, box in self.language_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)
        self.full_article_box.blockSignals(True)
        self.full_article_box.setChecked(self.settings.translate_article)
        self.full_article_box.blockSignals(False)
        self._show_profile(self.settings.profile)

    def _save_settings(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.languages = self.options().languages
        self.settings.translate_article = self.full_article_box.isChecked()
        self.settings.profile = self.profile
        self.settings.sync()

    @property
    def profile(self) -> str:
        return str(self.profile_combo.currentData() or "quality")

    def _show_profile(self, profile: str) -> None:
        index = self.profile_combo.findData(profile)
        self.profile_combo.blockSignals(True)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)
        action = self.profile_actions.get(profile)
        if action is not None:
            action.setChecked(True)

    def options(self) -> DigestOptions:
        """The digest options the window's controls say."""
        languages = tuple(code for code, box in self.language_boxes.items() if box.isChecked())
        return DigestOptions(languages=languages, translate_article=self.full_article_box.isChecked() and bool(languages))

    # ------------------------------------------------------------------------------------------
    # state
    def _update_actions(self) -> None:
        busy = self.controller.busy
        self.digest_action.setEnabled(not busy and self.article is not None and not self.model_problems)
        self.cancel_action.setEnabled(busy)
        self.save_action.setEnabled(self.digest is not None)
        self.digest_button.setEnabled(self.digest_action.isEnabled())
        self.cancel_button.setEnabled(busy)
        for widget in (*self.language_boxes.values(), self.full_article_box, self.profile_combo):
            widget.setEnabled(not busy)
        self.profile_group.setEnabled(not busy)
        self.choose_models_action.setEnabled(not busy)
        self.manage_models_action.setEnabled(not busy)
        if self.article is None:
            self.digest_button.setToolTip("Open an article first (Ctrl+O or drop a file)")
        elif self.model_problems:
            self.digest_button.setToolTip("Some models are missing: see the message above")
        else:
            self.digest_button.setToolTip("Summarise and translate (Ctrl+Return)")

    def _update_title(self) -> None:
        if self.article is None:
            self.setWindowTitle(APP_DISPLAY_NAME)
        else:
            self.setWindowTitle(f"{self.article.title or 'Untitled article'} — {APP_DISPLAY_NAME}")

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """Show ``message`` in the status bar (and the log)."""
        log.info("%s", message)
        self.statusBar().showMessage(message, timeout_ms)

    # ------------------------------------------------------------------------------------------
    # models check
    @Slot()
    def refresh_model_check(self) -> None:
        """Ask the engine (on the worker thread) which models the current options need but lack."""
        if self._closed:
            return
        self.controller.request_check(self.profile, self.settings.models_dir, self.options())

    @Slot(list)
    def _on_controller_check_finished(self, problems: list[str]) -> None:
        self.models_checked = True
        self.model_problems = [str(problem) for problem in problems]
        if self.model_problems:
            count = len(self.model_problems)
            folder = self.settings.models_dir or "none chosen (the default locations are searched)"
            self.banner.show_message(
                "warning",
                f"{count} model{'s are' if count > 1 else ' is'} missing, so Digest cannot run yet.",
                [_short_problem(problem) for problem in self.model_problems],
                footer=f"Models folder: {folder}. Choose the folder that holds the models, "
                "or switch to the other model profile.",
                offer_models_folder=True,
                details="\n".join(self.model_problems),
            )
        else:
            self.banner.clear("warning")
        self._update_actions()

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
        from desktop.ui.models_dialog import ModelsDialog

        dialog = ModelsDialog(self.profile, self.settings.models_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.models_changed.connect(self.refresh_model_check)
        dialog.finished.connect(self.refresh_model_check)
        self.models_dialog = dialog
        dialog.open()

    @Slot()
    def _on_options_changed(self) -> None:
        self.settings.languages = self.options().languages
        self.settings.translate_article = self.full_article_box.isChecked()
        self.refresh_model_check()

    @Slot(int)
    def _on_profile_combo_changed(self, index: int) -> None:
        self._set_profile(str(self.profile_combo.itemData(index)))

    @Slot(QAction)
    def _on_profile_group_triggered(self, action: QAction) -> None:
        self._set_profile(str(action.data()))

    def _set_profile(self, profile: str) -> None:
        self._show_profile(profile)
        self.settings.profile = profile
        self.refresh_model_check()

    # ------------------------------------------------------------------------------------------
    # opening files
    def _documents(self) -> Any:
        import desktop.documents as documents

        return documents

    def open_file(self, path: str) -> bool:
        """Read the article at ``path`` and show it; on failure show why and keep the current one."""
        name = Path(path).name or path
        if re.match(r"^[a-z][a-z0-9+.-]*://", path, re.IGNORECASE):
            self.show_status(f"Cannot open {path}: only files on this computer can be opened.")
            return False
        file_path = Path(path)
        if file_path.is_dir():
            self.show_status(f"Cannot open {name}: it is a folder. Drop an article file instead.")
            return False
        if not file_path.exists():
            self.show_status(f"Cannot open {name}: the file does not exist.")
            return False
        try:
            documents = self._documents()
        except ImportError as error:
            self.show_status(f"Cannot open {name}: reading documents is not available ({error}).")
            return False
        supported = tuple(getattr(documents, "SUPPORTED_EXTENSIONS", ()))
        suffix = file_path.suffix.lower()
        if supported and suffix not in {ext.lower() if ext.startswith(".") else f".{ext.lower()}" for ext in supported}:
            listed = ", ".join(sorted(ext if ext.startswith(".") else f".{ext}" for ext in supported))
            kind = f"{suffix} files are" if suffix else "files without an extension are"
            self.show_status(f"Cannot open {name}: {kind} not supported (supported: {listed}).")
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            article = documents.read_article(path)
        except DigestError as error:
            reason = str(error)
            # The documents layer's messages usually start with the file name already.
            self.show_status(f"Cannot open {reason}" if reason.startswith(f"{name}:") else f"Cannot open {name}: {reason}")
            return False
        except Exception as error:  # noqa: BLE001 - a bad file must never crash the window
            log.exception("reading %s failed", path)
            self.show_status(f"Cannot open {name}: {error.__class__.__name__}: {error}")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.show_article(article)
        self.settings.add_recent_file(str(file_path.resolve()))
        self.settings.last_folder = str(file_path.resolve().parent)
        words = len(article.text.split())
        self.show_status(f"Opened {name} ({words:,} words). Press Digest (Ctrl+Return) to summarise and translate it.")
        return True

    def show_article(self, article: Article) -> None:
        """Show ``article`` on the left and clear the generated side (cancelling a running digest)."""
        if self.controller.busy:
            self.controller.cancel()
        self.article = article
        self.digest = None
        self.original_pane.show_article(article)
        self.generated_pane.show_digest(None)
        self.generated_pane.setCurrentIndex(0)
        self.digest_info_label.hide()
        self.banner.clear("error")
        self._update_title()
        self._update_actions()
        if not self.model_problems and self.models_checked:
            # A digest is likely next: the engine loads its models meanwhile (seconds saved).
            self.controller.preload_models(self.profile, self.settings.models_dir, self.options())
        self.article_opened.emit(article)

    @Slot(list)
    def _on_files_dropped(self, paths: list[str]) -> None:
        self.open_dropped(paths)

    def open_dropped(self, paths: list[str]) -> bool:
        """Open the first of the dropped files; say so when more were dropped."""
        if not paths:
            self.show_status("Nothing to open: drop an article file.")
            return False
        opened = self.open_file(paths[0])
        if opened and len(paths) > 1:
            self.show_status(f"Opened {Path(paths[0]).name}; the other {len(paths) - 1} dropped file(s) were ignored.")
        return opened

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_dropped(paths)

    @Slot()
    def _on_open_action_triggered(self) -> None:
        try:
            file_filter = str(getattr(self._documents(), "FILE_DIALOG_FILTER", _FALLBACK_OPEN_FILTER))
        except ImportError:
            file_filter = _FALLBACK_OPEN_FILTER
        path, _selected = QFileDialog.getOpenFileName(
            self, "Open Article", self.settings.last_folder or str(Path.home()), file_filter
        )
        if path:
            self.open_file(path)

    @Slot()
    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for index, path in enumerate(recent, start=1):
            label = f"&{index} {Path(path).name}" if index < 10 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(self._on_recent_action_triggered)
        if not recent:
            empty = self.recent_menu.addAction("No recent files")
            empty.setEnabled(False)
            return
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("Clear Recent Files")
        clear.triggered.connect(self._on_clear_recent_triggered)

    @Slot()
    def _on_recent_action_triggered(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        path = str(action.data())
        if not Path(path).exists():
            self.settings.remove_recent_file(path)
            self.show_status(f"Cannot open {Path(path).name}: it is no longer there (removed from Open Recent).")
            return
        self.open_file(path)

    @Slot()
    def _on_clear_recent_triggered(self) -> None:
        self.settings.recent_files = []

    # ------------------------------------------------------------------------------------------
    # digesting
    @Slot()
    def _on_digest_action_triggered(self) -> None:
        self.start_digest()

    def start_digest(self) -> int | None:
        """Start digesting the open article; returns the job id, or ``None`` with a reason shown."""
        if self.controller.busy:
            return None
        if self.article is None:
            self.show_status("Open an article first: drop a file on the window or press Ctrl+O.")
            return None
        if self.model_problems:
            self.show_status("Cannot digest: some models are not installed (see the message above).")
            return None
        self.banner.clear("error")
        self.progress_bar.setValue(0)
        self._set_step("Waiting for the engine…")
        self.progress_row.show()
        self._elapsed.start()
        self._tick.start()
        self._on_tick_timeout()
        job_id = self.controller.submit(
            self.article, self.options(), profile=self.profile, models_dir=self.settings.models_dir
        )
        self.show_status("Digesting… press Esc to cancel.")
        return job_id

    @Slot()
    def _on_cancel_action_triggered(self) -> None:
        if self.controller.cancel():
            self.show_status("Digest cancelled.")

    def _set_step(self, step: str) -> None:
        self._step_text = step
        self.step_label.setText(step)

    def _elapsed_text(self) -> str:
        seconds = int(self._elapsed.elapsed() / 1000) if self._elapsed.isValid() else 0
        return f"{seconds // 60}:{seconds % 60:02d}"

    @Slot()
    def _on_tick_timeout(self) -> None:
        self.elapsed_label.setText(f"· {self._elapsed_text()}")

    def _stop_progress(self) -> None:
        self._tick.stop()
        self.progress_row.hide()

    @Slot(int)
    def _on_controller_job_started(self, job_id: int) -> None:
        self._set_step("Starting…")

    @Slot(float, str)
    def _on_controller_progress_changed(self, fraction: float, step: str) -> None:
        self.progress_bar.setValue(round(fraction * 1000))
        if step:
            self._set_step(step)

    @Slot(object)
    def _on_controller_job_finished(self, digest: Digest) -> None:
        seconds = digest.seconds or (self._elapsed.elapsed() / 1000 if self._elapsed.isValid() else 0.0)
        self.progress_bar.setValue(1000)
        self._stop_progress()
        self.show_digest(digest)
        message = f"Digest ready in {seconds:.1f} s."
        history_problem = self._add_to_history(digest)
        if history_problem:
            message += f" (Not added to History: {history_problem})"
        self.show_status(message)

    @Slot(str, str)
    def _on_controller_job_failed(self, kind: str, message: str) -> None:
        self._stop_progress()
        if kind == "unavailable":
            self.banner.show_message(
                "warning", "A model could not be loaded.", [_short_problem(message)],
                footer="Choose the folder that holds the models, or switch to the other model profile.",
                offer_models_folder=True, details=message,
            )
        else:
            self.banner.show_message("error", "The digest failed.", [message], details=message)
        self.show_status(f"Digest failed: {message}")

    @Slot()
    def _on_controller_job_cancelled(self) -> None:
        self._stop_progress()

    @Slot(bool)
    def _on_controller_busy_changed(self, busy: bool) -> None:
        self._update_actions()

    def show_digest(self, digest: Digest) -> None:
        """Show ``digest`` (its article on the left, its texts on the right); enables Save."""
        if self.article is None or self.article != digest.article:
            self.article = digest.article
            self.original_pane.show_article(digest.article)
            self._update_title()
        self.digest = digest
        self.generated_pane.show_digest(digest)
        self.digest_info_label.setText(digest_info(digest))
        self.digest_info_label.show()
        self._update_actions()
        self.digest_shown.emit(digest)

    # ------------------------------------------------------------------------------------------
    # saving
    def _export(self) -> Any:
        import desktop.export as export

        return export

    @Slot()
    def _on_save_action_triggered(self) -> None:
        self.save_digest()

    def save_digest(self) -> str | None:
        """Ask where to save the digest and write it there atomically; returns the path or ``None``."""
        if self.digest is None:
            self.show_status("Nothing to save yet: digest an article first.")
            return None
        try:
            export = self._export()
            formats: dict[str, tuple[str, str]] = dict(export.EXPORT_FORMATS)
        except (ImportError, AttributeError) as error:
            self.show_status(f"Cannot save: exporting is not available ({error}).")
            return None
        filters: dict[str, str] = {}
        for fmt, (extension, label) in formats.items():
            ext = extension.lstrip(".")
            filters[f"{label} (*.{ext})"] = fmt
        filter_names = list(filters)
        last_format = str(self.settings.store.value("files/last_export_format", "") or "")
        selected = next((name for name, fmt in filters.items() if fmt == last_format), filter_names[0] if filter_names else "")
        default_ext = formats.get(filters.get(selected, ""), ("txt", ""))[0].lstrip(".")
        folder = self.settings.last_folder or str(Path.home())
        suggested = str(Path(folder) / f"{safe_file_stem(self.digest.article.title)}.{default_ext}")
        path, chosen_filter = QFileDialog.getSaveFileName(self, "Save Digest", suggested, ";;".join(filter_names), selected)
        if not path:
            return None
        fmt = filters.get(chosen_filter) or filters.get(selected) or next(iter(formats), "txt")
        if not Path(path).suffix:
            path = f"{path}.{formats[fmt][0].lstrip('.')}"
            if Path(path).exists():
                answer = QMessageBox.question(
                    self, "Replace File?", f"{Path(path).name} already exists. Do you want to replace it?",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
        try:
            fmt = export.format_for_path(path)
        except Exception:  # noqa: BLE001 - an unknown extension: use the format of the chosen filter
            pass
        name = Path(path).name
        try:
            data = export.render_digest(self.digest, fmt)
            write_file_atomically(path, bytes(data))
        except (OSError, DigestError, ValueError) as error:
            self.show_status(f"Could not save {name}: {error}")
            QMessageBox.warning(self, "Could Not Save", f"Could not save {name}:\n{error}")
            return None
        self.settings.last_folder = str(Path(path).resolve().parent)
        self.settings.store.setValue("files/last_export_format", fmt)
        self.show_status(f"Saved the digest to {path}")
        return path

    # ------------------------------------------------------------------------------------------
    # history
    def history(self) -> Any:
        """The digest history (created on first use)."""
        if self._history is None:
            from desktop.history import History

            self._history = History()
        return self._history

    def _add_to_history(self, digest: Digest) -> str:
        try:
            self.history().add(digest)
        except Exception as error:  # noqa: BLE001 - history is a convenience, never fatal
            log.exception("adding a digest to the history failed")
            return f"{error.__class__.__name__}: {error}"
        return ""

    def _history_rows(self) -> list[Any]:
        from desktop.ui.dialogs import history_row

        try:
            return [history_row(entry) for entry in self.history().entries()]
        except Exception as error:  # noqa: BLE001
            log.exception("reading the history failed")
            self.show_status(f"Cannot read the history: {error}")
            return []

    @Slot()
    def _rebuild_history_menu(self) -> None:
        self.history_menu.clear()
        self.history_menu.addAction(self.history_action)
        if self._closed or not self.isVisible():
            return  # listed when the menu opens; no disk access while the window starts
        from desktop.ui.dialogs import short_created

        rows = self._history_rows()[:HISTORY_MENU_ENTRIES]
        if rows:
            self.history_menu.addSeparator()
        for row in rows:
            action = self.history_menu.addAction(f"{row.title} — {short_created(row.created)}")
            action.setData(row.entry_id)
            action.triggered.connect(self._on_history_entry_triggered)

    @Slot()
    def _on_history_entry_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_history_entry(str(action.data()))

    @Slot()
    def _on_history_action_triggered(self) -> None:
        from desktop.ui.dialogs import HistoryDialog

        dialog = HistoryDialog(self._history_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.entry_chosen.connect(self.open_history_entry)
        self.history_dialog = dialog
        dialog.open()

    @Slot(str)
    def open_history_entry(self, entry_id: str) -> bool:
        """Show the past digest ``entry_id``."""
        from desktop.ui.dialogs import short_created

        try:
            digest = self.history().load(entry_id)
        except Exception as error:  # noqa: BLE001
            log.exception("loading history entry %s failed", entry_id)
            self.show_status(f"Cannot open that digest from the history: {error}")
            return False
        if self.controller.busy:
            self.controller.cancel()
        self.show_digest(digest)
        self.show_status(f"Reopened the digest of “{digest.article.title}” from {short_created(digest.created)}.")
        return True

    # ------------------------------------------------------------------------------------------
    # help
    @Slot()
    def _on_shortcuts_action_triggered(self) -> None:
        from desktop.ui.dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(
            [self.open_action, self.save_action, self.digest_action, self.cancel_action, self.history_action,
             self.shortcuts_action, self.quit_action],
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def _on_about_action_triggered(self) -> None:
        from desktop.ui.dialogs import AboutDialog

        dialog = AboutDialog(self.profile, self.settings.models_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._checked_once:
            self._checked_once = True
            QTimer.singleShot(0, self._on_first_show)

    @Slot()
    def _on_first_show(self) -> None:
        self.refresh_model_check()
        # Reading the first article loads a language identifier (about a second): do it now,
        # on the worker thread, rather than when the user drops a file.
        self.controller.preload(_warm_up_documents)
        # The engine's process imports torch (seconds) while the user picks a file; started a
        # moment later so the window paints first (the spawn costs the first paint ~150 ms).
        QTimer.singleShot(ENGINE_WARM_UP_DELAY_MS, self.controller.warm_up)

    # ------------------------------------------------------------------------------------------
    # closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._closed:
            self._closed = True
            # Gone from the screen at once: stopping the engine can take a few seconds when
            # it is in the middle of loading a model.
            self.hide()
            self._tick.stop()
            try:
                self._save_settings()
            except Exception:  # noqa: BLE001 - never block closing
                log.exception("saving the settings failed")
            self.controller.shutdown()
        event.accept()

