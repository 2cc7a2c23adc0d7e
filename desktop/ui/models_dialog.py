"""The Models dialog: what each task's model is, whether it is on disk, and getting it there.

Downloads run on the background runner's download lane (:mod:`desktop.ui.runner`), one task
per model, never on the GUI thread. Cancel cancels those tasks; the partial files stay, so the
next Download resumes where this one stopped. Everything else that touches the disk (reading
each model's state, Verify's hashing, Remove, checking a chosen folder) runs on the runner's
models lane: the table says "Checking…" until the states arrive, and the line under it says
what is being done while the buttons wait.

The models that translate Russian and Arabic articles into English are needed only for such
articles: their rows say so, and a box under the table (ticked by default, remembered in the
settings) says whether Download gets them too.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.language import Models, app_display_name, isolate, language_name, listed, say, task_title, translate
from desktop.ui.runner import DOWNLOAD_LANE, MODELS_LANE, BackgroundRunner, Task
from desktop.ui.settings import AppSettings
from models.inventory import downloads, installed
from models.inventory.catalog import ModelSpec, only_for_articles_in, specs_for
from models.inventory.installed import ModelStatus
from models.common import languages
from models.common.job_state import JobState
from models.common.types import DigestError
from models.common.units import format_bytes

_STATE_LABELS = {
    "installed": QT_TRANSLATE_NOOP("ModelsDialog", "Installed"),
    "missing": QT_TRANSLATE_NOOP("ModelsDialog", "Missing"),
    "partial": QT_TRANSLATE_NOOP("ModelsDialog", "Partly downloaded"),
    "broken": QT_TRANSLATE_NOOP("ModelsDialog", "Broken"),
    "downloading": QT_TRANSLATE_NOOP("ModelsDialog", "Downloading…"),
    "checking": QT_TRANSLATE_NOOP("ModelsDialog", "Checking…"),
}


def _state_label(state: str) -> str:
    return translate("ModelsDialog", _STATE_LABELS[state])


def _cancelling() -> str:
    return translate("ModelsDialog", "Cancelling…")


def _offline_reason() -> str:
    """Why Download is off: the summary line's last sentence and the button's tooltip."""
    return translate("ModelsDialog", "Offline mode (HF_HUB_OFFLINE) is on, so only folders can be used.")


def _resumes_next_time() -> str:
    return translate("ModelsDialog", "Cancelled; the download resumes next time")


def _naming_once(spec: ModelSpec, message: str) -> str:
    """``message`` about ``spec``'s model, naming the model once: as it is when it names the
    model already ("could not download Helsinki-NLP/…: …"), else after the model's id."""
    if spec.repo_id in message or spec.name in message:
        return message
    return f"{spec.repo_id}: {message}"


def _read_statuses(specs: list[ModelSpec], models_dir: str | None, state: JobState) -> dict[str, ModelStatus]:
    """Every model's state on disk, by repository id (on a lane's thread: it walks folders)."""
    statuses = {}
    for spec in specs:
        state.raise_if_interrupted()
        statuses[spec.repo_id] = installed.status(spec, models_dir)
    return statuses


def _size(size_bytes: float, about: bool = False) -> str:
    """A size as the dialog shows it ("~476 MB"), kept in its order inside a right-to-left sentence."""
    return isolate(("~" if about else "") + format_bytes(size_bytes))


def _articles_in(codes: list[str | None]) -> str:
    """"articles in Russian" (the language table's ``articles_in``, said whole: Russian and
    Arabic decline the words around a language's name, so one name is never slotted into a
    sentence here), or for several languages "articles in: Russian and Arabic"."""
    wanted = [code for code in languages.LANGUAGES if code in codes]
    entry = languages.language(wanted[0]) if len(wanted) == 1 else None
    if entry is not None and entry.articles_in:
        return translate("ModelsDialog", entry.articles_in)
    return translate("ModelsDialog", "articles in {languages}").format(languages=listed([language_name(code) for code in wanted]))


def _articles_needing(specs: list[ModelSpec]) -> str:
    """The articles that alone need ``specs`` (see :func:`_articles_in`)."""
    return _articles_in([only_for_articles_in(spec.task) for spec in specs])


def _task_text(task: str) -> str:
    """The Task cell: what the model is for and, for one only some articles need, which."""
    only_for = only_for_articles_in(task)
    if only_for is None:
        return task_title(task)
    needed = translate("ModelsDialog", "only for {articles}").format(articles=_articles_in([only_for]))
    return f"{task_title(task)}\n{needed}"


#: Extra pixels per table row: two-line cells read cramped at their bare height.
_ROW_PADDING = 12


class ModelsDialog(QDialog):
    """Lists the profile's models with licence, size, state and disk use; Download, Cancel,
    Use folder…, Verify and Remove act on them. Download gets the missing models, the
    into-English ones only while :attr:`article_models_box` is ticked.

    The GUI thread never touches the models on disk: the states are read, and Verify, Remove and
    Use folder… do their work, on the runner's :data:`~desktop.ui.runner.MODELS_LANE`; the
    buttons wait while one of them runs (Cancel stops a Verify).

    Signals:
        models_changed(): something was installed, removed or pointed at a folder.
        downloads_finished(bool): a Download ended (True when it was cancelled); the table is current.
        refreshed(): the table shows every model's state as just read from disk.
    """

    models_changed = Signal()
    downloads_finished = Signal(bool)
    refreshed = Signal()

    COLUMNS = (
        QT_TRANSLATE_NOOP("ModelsDialog", "Task"), QT_TRANSLATE_NOOP("ModelsDialog", "Model"),
        QT_TRANSLATE_NOOP("ModelsDialog", "Licence"), QT_TRANSLATE_NOOP("ModelsDialog", "Size"),
        QT_TRANSLATE_NOOP("ModelsDialog", "State"), QT_TRANSLATE_NOOP("ModelsDialog", "On disk"),
    )

    def __init__(
        self,
        profile: str,
        models_dir: str | None = None,
        parent: QWidget | None = None,
        runner: BackgroundRunner | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        """``runner``: the window's background runner; without one the dialog makes its own.
        ``settings`` keep the box's choice (the app's own settings when not given)."""
        super().__init__(parent)
        self.setObjectName("modelsDialog")
        self.setWindowTitle(translate("ModelsDialog", "Models"))
        self._specs = list(specs_for(profile).values())
        self._models_dir = models_dir
        self._settings = settings if settings is not None else AppSettings()
        #: Each model's state as last read from disk (empty until the first read arrives).
        self._statuses: dict[str, ModelStatus] = {}
        self._own_runner = runner is None
        self._runner = runner if runner is not None else BackgroundRunner(self)
        #: The current Download's tasks, by repository id.
        self._downloads: dict[str, Task] = {}
        self._cancelled = False
        #: Every download has ended; downloads_finished waits for the states read after them.
        self._downloads_ending = False
        #: The read of the models' states under way (the models lane), if any.
        self._reading: Task | None = None
        #: The Verify, Remove or Use folder… under way (the models lane), if any, and for Verify its model.
        self._action: Task | None = None
        self._verifying: ModelSpec | None = None
        self._closing = False

        self.table = QTableWidget(len(self._specs), len(self.COLUMNS), self)
        self.table.setObjectName("modelsTable")
        self.table.setHorizontalHeaderLabels([translate("ModelsDialog", column) for column in self.COLUMNS])
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Every row holds two lines (model name, repository id): one fixed height for all.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + _ROW_PADDING)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("modelsSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.article_models_box = QCheckBox(self)
        self.article_models_box.setObjectName("articleModelsBox")
        self.article_models_box.setChecked(self._settings.download_article_models)
        self.article_models_box.setToolTip(translate(
            "ModelsDialog", "These models translate articles written in other languages into English before summarising. "
            "Leave the box unticked if you read English articles only; Download gets them later when you tick it."))
        self.article_models_box.toggled.connect(self._on_article_models_toggled)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("downloadProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("downloadLabel")
        # A failed download's reason can be long: it wraps, and can be selected to be copied.
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.download_button = QPushButton(translate("ModelsDialog", "&Download missing"), self)
        self.download_button.setObjectName("downloadButton")
        self.cancel_button = QPushButton(translate("ModelsDialog", "Cancel"), self)
        self.cancel_button.setObjectName("cancelDownloadButton")
        self.folder_button = QPushButton(translate("ModelsDialog", "Use &folder…"), self)
        self.folder_button.setObjectName("useFolderButton")
        self.verify_button = QPushButton(translate("ModelsDialog", "&Verify"), self)
        self.verify_button.setObjectName("verifyButton")
        self.remove_button = QPushButton(translate("ModelsDialog", "&Remove"), self)
        self.remove_button.setObjectName("removeButton")
        self.download_button.clicked.connect(self._on_download_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)

        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_box.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.download_button, self.cancel_button, self.folder_button, self.verify_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.article_models_box)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addLayout(buttons)
        # Tall enough to show every model's row at once (five with the into-English ones).
        rows_height = len(self._specs) * rows.defaultSectionSize() + self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(rows_height + 2 * self.table.frameWidth())
        # And with room kept for the progress bar and its line, which show once a download starts.
        progress_room = self.progress_bar.sizeHint().height() + self.fontMetrics().lineSpacing() + 2 * layout.spacing()
        self.resize(880, max(330, self.sizeHint().height() + progress_room))

        self._draw_table()
        self._update_summary()
        self.refresh()
        if self._specs:
            self.table.selectRow(0)

    # -- state ------------------------------------------------------------------------------
    @property
    def downloading(self) -> bool:
        return any(task.active for task in self._downloads.values())

    @property
    def checking(self) -> bool:
        """Whether the models' states are being read, or a Verify, Remove or Use folder… runs."""
        return any(task is not None and task.active for task in (self._reading, self._action))

    def _draw_table(self) -> None:
        """Fill the table with what the catalogue says; the State column says "Checking…"
        until the states read from disk arrive (:meth:`_show_statuses`)."""
        for row, spec in enumerate(self._specs):
            only_for = only_for_articles_in(spec.task)
            cells = (
                _task_text(spec.task),
                f"{spec.name}\n{spec.repo_id}",
                spec.licence,
                _size(spec.size_mb * 1e6, about=True),
                _state_label("checking"),
                "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != 4:
                    item.setToolTip(f"{spec.attribution}. {spec.quality_note}")
                if column == 0 and only_for is not None:
                    item.setToolTip(translate(
                        "ModelsDialog", "Needed only for {articles}: they are machine-translated into "
                        "English before summarising. English articles do not need it.").format(articles=_articles_in([only_for])))
                self.table.setItem(row, column, item)

    def refresh(self) -> None:
        """Re-read every model's state from disk, on the runner's models lane, and redraw the
        table when it arrives (:attr:`refreshed`). A read still under way is dropped for this one."""
        if self._closing:
            return
        if self._reading is not None:
            self._reading.cancel()
        specs, models_dir = list(self._specs), self._models_dir
        task = self._runner.run("read the models' states", partial(_read_statuses, specs, models_dir), lane=MODELS_LANE)
        task.finished.connect(self._on_statuses_read)
        task.failed.connect(self._on_statuses_failed)
        self._reading = task
        self._update_buttons()

    @Slot(object)
    def _on_statuses_read(self, statuses: dict[str, ModelStatus]) -> None:
        self._reading = None
        self._show_statuses(statuses)
        self._after_refresh()

    @Slot(object)
    def _on_statuses_failed(self, error: DigestError) -> None:
        self._reading = None
        self.progress_label.setText(str(error))
        self._update_summary()
        self._update_buttons()
        self._after_refresh()

    def _show_statuses(self, statuses: dict[str, ModelStatus]) -> None:
        self._statuses = statuses
        for row, spec in enumerate(self._specs):
            status = statuses[spec.repo_id]
            task = self._downloads.get(spec.repo_id)
            downloading = task is not None and task.active  # still queued or running
            state = self.table.item(row, 4)
            state.setText(_state_label("downloading" if downloading else status.state))
            state.setToolTip(status.detail)
            self.table.item(row, 5).setText(_size(status.disk_bytes) if status.disk_bytes else "—")
        self._update_summary()
        self._update_buttons()

    def _after_refresh(self) -> None:
        self.refreshed.emit()
        if self._downloads_ending and not self.downloading:
            self._downloads_ending = False
            self._finish_downloads()

    def state_of(self, repo_id: str) -> str:
        """The model's state as last read ("checking" before the first read arrives)."""
        status = self._statuses.get(repo_id)
        return status.state if status is not None else "checking"

    def _missing(self) -> list[ModelSpec]:
        """The models known not to be installed (none before the states are read)."""
        return [spec for spec in self._specs if self.state_of(spec.repo_id) not in ("installed", "checking")]

    def _missing_article_models(self) -> list[ModelSpec]:
        """The missing models needed only for articles in some language (into English)."""
        return [spec for spec in self._missing() if only_for_articles_in(spec.task) is not None]

    def to_download(self) -> list[ModelSpec]:
        """What Download gets: the missing models, less the into-English ones when the box is unticked."""
        left_out = [] if self.article_models_box.isChecked() else self._missing_article_models()
        return [spec for spec in self._missing() if spec not in left_out]

    def _update_article_models_box(self) -> None:
        article_models = self._missing_article_models()
        self.article_models_box.setVisible(bool(article_models))
        if article_models:
            self.article_models_box.setText(translate(
                "ModelsDialog", "Also download the models for {articles} (about {size})"
            ).format(articles=_articles_needing(article_models), size=_size(sum(spec.size_mb for spec in article_models) * 1e6)))

    @Slot(bool)
    def _on_article_models_toggled(self, checked: bool) -> None:
        self._settings.download_article_models = checked
        self._update_buttons()

    def _update_summary(self) -> None:
        self._update_article_models_box()
        if not self._statuses:
            self.summary_label.setText(translate("ModelsDialog", "Checking which models are on this computer…"))
            return
        missing = self._missing()
        if not missing:
            self.summary_label.setText(translate(
                "ModelsDialog", "All models are installed. {app} works offline: it does not use the network from here on."
            ).format(app=app_display_name()))
            return
        size = _size(sum(spec.size_mb for spec in missing) * 1e6)
        text = self.tr(
            "{missing} of %n models are not installed (about {size} to download). "
            "Download them from the Hugging Face Hub, or choose a folder with a copy made on another machine.",
            "", len(self._specs),
        ).format(missing=len(missing), size=size)
        if installed.hub_offline():
            text += " " + _offline_reason()
        self.summary_label.setText(text)

    def _selected_spec(self) -> ModelSpec | None:
        rows = self.table.selectionModel().selectedRows()
        return self._specs[rows[0].row()] if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        busy = self.downloading or self.checking
        spec = self._selected_spec()
        state = self.state_of(spec.repo_id) if spec is not None else None
        offline = installed.hub_offline()
        self.download_button.setEnabled(not busy and not offline and bool(self.to_download()))
        self.download_button.setToolTip(_offline_reason() if offline else "")
        self.article_models_box.setEnabled(not busy)
        self.cancel_button.setEnabled(self.downloading or self._verifying is not None)
        self.folder_button.setEnabled(not busy and spec is not None)
        self.verify_button.setEnabled(not busy and state == "installed")
        self.remove_button.setEnabled(not busy and state not in (None, "missing", "checking"))

    # -- actions ----------------------------------------------------------------------------
    @Slot()
    def _on_download_clicked(self) -> None:
        missing = self.to_download()
        if not missing or self.downloading or self.checking or installed.hub_offline():
            return
        self._cancelled = False
        self._downloads_ending = False
        for spec in missing:
            self.table.item(self._specs.index(spec), 4).setText(_state_label("downloading"))
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.progress_label.setText(translate("ModelsDialog", "Connecting to the Hugging Face Hub…"))
        self._downloads = {}
        for spec in missing:
            task = self._runner.run(f"download {spec.repo_id}", partial(downloads.download, spec), lane=DOWNLOAD_LANE)
            task.progress.connect(self._on_download_progress)
            task.finished.connect(partial(self._on_download_ended, spec, ""))
            task.failed.connect(lambda error, spec=spec: self._on_download_ended(spec, str(error)))
            task.cancelled.connect(partial(self._on_download_ended, spec, _resumes_next_time()))
            self._downloads[spec.repo_id] = task
        self._update_buttons()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self.downloading:
            self.progress_label.setText(_cancelling())
            self._cancel_downloads()
        elif self._verifying is not None and self._action is not None:
            spec = self._verifying
            self._action.cancel()
            self.progress_label.setText(translate("ModelsDialog", "Cancelled the verification of {model}.").format(model=spec.repo_id))

    def _cancel_downloads(self) -> None:
        self._cancelled = True
        for task in self._downloads.values():
            task.cancel()

    def _start_action(self, task: Task, doing: str, *, verifying: ModelSpec | None = None) -> None:
        """A Verify, Remove or Use folder… ``task`` (on the models lane) has been queued: say
        ``doing`` (with a busy bar) and keep the buttons waiting until it ends. The caller
        connects its outcomes."""
        self._action = task
        self._verifying = verifying
        task.finished.connect(self._end_action)
        task.failed.connect(self._end_action)
        task.cancelled.connect(self._end_action)
        self.progress_label.setText(doing)
        self.progress_bar.setRange(0, 0)  # busy: Verify hashes gigabytes; the others are quick
        self.progress_bar.setVisible(True)
        self._update_buttons()

    @Slot()
    def _end_action(self, *_outcome: object) -> None:
        """Runs first of a Verify's, Remove's or Use folder…'s outcome handlers."""
        self._action = None
        self._verifying = None
        self.progress_bar.setVisible(False)
        self.progress_bar.setRange(0, 1000)
        self._update_buttons()

    @Slot()
    def _on_folder_clicked(self) -> None:
        spec = self._selected_spec()
        if spec is None or self.checking:
            return
        folder = QFileDialog.getExistingDirectory(self, translate("ModelsDialog", "Folder with {model}").format(model=spec.repo_id))
        if not folder:
            return
        specs, models_dir = list(self._specs), self._models_dir

        def choose(state: JobState) -> dict[str, ModelStatus]:
            installed.choose_folder(spec, folder)  # raises ModelUnavailable when it is no model
            return _read_statuses(specs, models_dir, state)

        task = self._runner.run(f"use folder {folder} for {spec.repo_id}", choose, lane=MODELS_LANE)
        self._start_action(task, translate("ModelsDialog", "Checking {folder}…").format(folder=isolate(folder)))
        task.finished.connect(self._on_models_changed)
        task.failed.connect(self._on_folder_refused)

    @Slot(object)
    def _on_folder_refused(self, error: DigestError) -> None:
        self.progress_label.clear()
        QMessageBox.warning(self, translate("ModelsDialog", "Unusable folder"), str(error))

    @Slot(object)
    def _on_models_changed(self, statuses: dict[str, ModelStatus]) -> None:
        """A model was pointed at a folder or removed: ``statuses`` are the states since."""
        self._show_statuses(statuses)
        self.models_changed.emit()
        self.refreshed.emit()

    @Slot()
    def _on_verify_clicked(self) -> None:
        spec = self._selected_spec()
        if spec is None or self.checking:
            return
        task = self._runner.run(f"verify {spec.repo_id}", partial(downloads.verify, spec, self._models_dir), lane=MODELS_LANE)
        self._start_action(task, translate("ModelsDialog", "Verifying {model}…").format(model=spec.repo_id), verifying=spec)
        task.finished.connect(partial(self._on_verified, spec))
        task.failed.connect(lambda error, spec=spec: self._on_verified(spec, [str(error)]))

    def _on_verified(self, spec: ModelSpec, problems: list[str]) -> None:
        if problems:
            self.progress_label.setText(_naming_once(spec, "; ".join(problems)))
            QMessageBox.warning(self, translate("ModelsDialog", "Model is damaged"), f"{spec.repo_id}:\n" + "\n".join(problems))
        else:
            self.progress_label.setText(translate("ModelsDialog", "{model} is whole: every file matches.").format(model=spec.repo_id))

    @Slot()
    def _on_remove_clicked(self) -> None:
        spec = self._selected_spec()
        if spec is None or self.checking:
            return
        status = self._statuses[spec.repo_id]
        specs, models_dir = list(self._specs), self._models_dir
        if status.origin == "chosen":  # the folder is the user's: only the choice goes

            def remove(state: JobState) -> tuple[int | None, dict[str, ModelStatus]]:
                installed.choose_folder(spec, None)
                return None, _read_statuses(specs, models_dir, state)

            doing = translate("ModelsDialog", "Forgetting the folder chosen for {model}…").format(model=spec.repo_id)
        else:
            answer = QMessageBox.question(
                self, translate("ModelsDialog", "Remove model"),
                translate("ModelsDialog", "Delete {model} ({size}) from this computer?").format(
                    model=spec.repo_id, size=_size(status.disk_bytes)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

            def remove(state: JobState) -> tuple[int | None, dict[str, ModelStatus]]:
                freed = installed.remove(spec)
                return freed, _read_statuses(specs, models_dir, state)

            doing = translate("ModelsDialog", "Removing {model}…").format(model=spec.repo_id)
        task = self._runner.run(f"remove {spec.repo_id}", remove, lane=MODELS_LANE)
        self._start_action(task, doing)
        task.finished.connect(partial(self._on_removed, spec, status))
        task.failed.connect(lambda error, spec=spec: self.progress_label.setText(_naming_once(spec, str(error))))

    def _on_removed(self, spec: ModelSpec, before: ModelStatus, result: tuple[int | None, dict[str, ModelStatus]]) -> None:
        freed, statuses = result
        if freed is None:
            self.progress_label.setText(translate(
                "ModelsDialog", "{model} no longer uses {folder} (the folder itself is kept).").format(
                    model=spec.repo_id, folder=before.path))
        else:
            self.progress_label.setText(translate("ModelsDialog", "Removed {model}: {size} freed.").format(
                model=spec.repo_id, size=_size(freed)))
        self._on_models_changed(statuses)

    # -- download results ------------------------------------------------------------------
    @Slot(float, object)
    def _on_download_progress(self, fraction: float, status: str) -> None:
        self.progress_bar.setValue(round(1000 * fraction))
        self.progress_label.setText(say(status, Models))

    def _on_download_ended(self, spec: ModelSpec, error: str, *_result: object) -> None:
        if error and self._downloads[spec.repo_id].work_started:  # not the queued ones a cancel ended
            self.progress_label.setText(_naming_once(spec, error))
        else:
            self.models_changed.emit()
        if not self.downloading:
            self._downloads_ending = True
        if self._closing:  # no table to bring up to date
            if self._downloads_ending:
                self._downloads_ending = False
                self.downloads_finished.emit(self._cancelled)
            return
        self.refresh()  # downloads_finished follows the states it reads, when this was the last

    def _finish_downloads(self) -> None:
        """Every download has ended and the table shows the states since: say how it went."""
        self.progress_bar.setVisible(False)
        if not self._cancelled and not self._missing():
            self.progress_label.setText(translate("ModelsDialog", "All models downloaded and verified."))
        elif not self._cancelled and not self.to_download():
            self.progress_label.setText(translate(
                "ModelsDialog", "Downloaded and verified. The models for {articles} were left out: "
                "tick the box to download them too.").format(articles=_articles_needing(self._missing_article_models())))
        elif self._cancelled and self.progress_label.text() == _cancelling():  # cancelled before any began
            self.progress_label.setText(_resumes_next_time())
        self.downloads_finished.emit(self._cancelled)

    # -- size -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """After the layout is redone (a line says more, the progress bar or the box shows),
        the dialog grows if its wrapped lines no longer fit."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_height()
        return handled

    def _fit_height(self) -> None:
        """Grow (never shrink) to the height the layout needs at the present width: Qt sizes a
        window by its widgets' minimums, which leave out how many lines a wrapped label takes,
        so a long error would otherwise squeeze the table's rows under the lines below it."""
        layout = self.layout()
        if layout is None or not self.isVisible() or self.isMaximized() or self.isFullScreen():
            return
        needed = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(self.width()))
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- closing ----------------------------------------------------------------------------
    def _stop(self) -> None:
        """Cancel the dialog's work (a removal or a folder's check already begun completes on
        its lane, unheard) and stop the dialog's own runner, if it made one. Idempotent."""
        if self._closing:
            return
        self._closing = True
        self._cancel_downloads()
        for task in (self._reading, self._action):
            if task is not None:
                task.cancel()
        if self._own_runner:
            self._runner.shutdown()

    def done(self, result: int) -> None:
        """Closing cancels a download, a Verify and a read of the states."""
        self._stop()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Shown again after it was closed: its work starts afresh."""
        if self._closing:
            self._closing = False
            if self._own_runner:
                self._runner = BackgroundRunner(self)
            self._downloads, self._reading, self._action, self._verifying = {}, None, None, None
            self.progress_bar.setVisible(False)
            self.refresh()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """A dialog closed while hidden never reaches :meth:`done`: stop its work here too."""
        super().closeEvent(event)
        if event.isAccepted():
            self._stop()
