"""The Models dialog: what each task's model is, whether it is on disk, and getting it there.

Downloads run on a thread of their own (:class:`DownloadWorker`), never on the GUI thread;
progress crosses as :class:`models.store.DownloadProgress` (plain frozen data). Cancel sets
a :class:`~models.types.CancelToken` directly; the partial files stay, so the next Download
resumes where this one stopped.
"""

from __future__ import annotations

import time
from typing import Sequence

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from desktop.ui.dialogs import task_label
from models import store
from models.catalog import ModelSpec, specs_for
from models.store import DownloadProgress, ModelStatus
from models.types import CancelToken, Cancelled, DigestError

_STATE_LABELS = {
    "installed": "Installed",
    "missing": "Missing",
    "partial": "Partly downloaded",
    "broken": "Broken",
    "downloading": "Downloading…",
}


#: Extra pixels per table row: two-line cells read cramped at their bare height.
_ROW_PADDING = 12


def format_bytes(size: float) -> str:
    """1234567 -> '1.2 MB', 476000000 -> '476 MB' (decimal units, as download sizes are quoted;
    a decimal only where it says something)."""
    for unit in ("B", "KB", "MB", "GB"):
        if abs(size) < 1000 or unit == "GB":
            return f"{size:,.1f} {unit}" if unit != "B" and abs(size) < 10 else f"{size:,.0f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


class DownloadWorker(QObject):
    """Downloads models one after another on its own thread.

    Signals:
        progress(object): a :class:`~models.store.DownloadProgress` for the file being fetched.
        model_finished(str, str): repository id and an error message ('' when it succeeded).
        all_finished(bool): every requested model was handled; True when cancelled.
    """

    progress = Signal(object)
    model_finished = Signal(str, str)
    all_finished = Signal(bool)

    @Slot(object, object)
    def run(self, specs: Sequence[ModelSpec], cancel: CancelToken) -> None:
        for spec in specs:
            try:
                store.download(spec, progress=self.progress.emit, cancel=cancel)
            except Cancelled:
                self.model_finished.emit(spec.repo_id, "Cancelled; the download resumes next time")
                self.all_finished.emit(True)
                return
            except DigestError as error:
                self.model_finished.emit(spec.repo_id, str(error))
                continue
            self.model_finished.emit(spec.repo_id, "")
        self.all_finished.emit(False)


class ModelsDialog(QDialog):
    """Lists the profile's models with licence, size, state and disk use; Download, Cancel,
    Use folder…, Verify and Remove act on them.

    Signals:
        models_changed(): something was installed, removed or pointed at a folder.
        downloads_finished(bool): a Download ended (True when it was cancelled); the table is current.
        _start_downloads(object, object): queued hand-over of (specs, cancel token) to the worker.
    """

    models_changed = Signal()
    downloads_finished = Signal(bool)
    _start_downloads = Signal(object, object)

    COLUMNS = ("Task", "Model", "Licence", "Size", "State", "On disk")

    def __init__(self, profile: str, models_dir: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelsDialog")
        self.setWindowTitle("Models")
        self.resize(880, 330)
        self._specs = list(specs_for(profile).values())
        self._models_dir = models_dir
        self._statuses: dict[str, ModelStatus] = {}
        self._cancel: CancelToken | None = None
        self._rate_mark: tuple[float, int] | None = None
        self._rate = 0.0

        self.table = QTableWidget(len(self._specs), len(self.COLUMNS), self)
        self.table.setObjectName("modelsTable")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
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
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("downloadProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("downloadLabel")

        self.download_button = QPushButton("&Download missing", self)
        self.download_button.setObjectName("downloadButton")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelDownloadButton")
        self.folder_button = QPushButton("Use &folder…", self)
        self.folder_button.setObjectName("useFolderButton")
        self.verify_button = QPushButton("&Verify", self)
        self.verify_button.setObjectName("verifyButton")
        self.remove_button = QPushButton("&Remove", self)
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
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addLayout(buttons)

        self._thread = QThread(self)
        self._thread.setObjectName("downloadThread")
        self._worker = DownloadWorker()
        self._worker.moveToThread(self._thread)
        self._start_downloads.connect(self._worker.run, Qt.ConnectionType.QueuedConnection)
        self._worker.progress.connect(self._on_worker_progress)
        self._worker.model_finished.connect(self._on_worker_model_finished)
        self._worker.all_finished.connect(self._on_worker_all_finished)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

        self.refresh()
        if self._specs:
            self.table.selectRow(0)

    # -- state ------------------------------------------------------------------------------
    @property
    def downloading(self) -> bool:
        return self._cancel is not None

    def refresh(self) -> None:
        """Re-read every model's state from disk and redraw the table."""
        for row, spec in enumerate(self._specs):
            status = store.status(spec, self._models_dir)
            self._statuses[spec.repo_id] = status
            cells = (
                task_label(spec.task),
                f"{spec.name}\n{spec.repo_id}",
                spec.licence,
                f"~{format_bytes(spec.size_mb * 1e6)}",
                _STATE_LABELS[status.state],
                format_bytes(status.disk_bytes) if status.disk_bytes else "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(status.detail if column == 4 else f"{spec.attribution}. {spec.quality_note}")
                self.table.setItem(row, column, item)
        self._update_summary()
        self._update_buttons()

    def state_of(self, repo_id: str) -> str:
        return self._statuses[repo_id].state

    def _missing(self) -> list[ModelSpec]:
        return [spec for spec in self._specs if self._statuses[spec.repo_id].state != "installed"]

    def _update_summary(self) -> None:
        missing = self._missing()
        if not missing:
            self.summary_label.setText(
                "All models are installed. Article Digest works offline: it does not use the network from here on."
            )
            return
        size = format_bytes(sum(spec.size_mb for spec in missing) * 1e6)
        text = (
            f"{len(missing)} of {len(self._specs)} models are not installed (about {size} to download). "
            "Download them from the Hugging Face Hub, or choose a folder with a copy made on another machine."
        )
        if store.hub_offline():
            text += " Offline mode (HF_HUB_OFFLINE) is on, so only folders can be used."
        self.summary_label.setText(text)

    def _selected_spec(self) -> ModelSpec | None:
        rows = self.table.selectionModel().selectedRows()
        return self._specs[rows[0].row()] if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        busy = self.downloading
        spec = self._selected_spec()
        installed = spec is not None and self._statuses[spec.repo_id].state == "installed"
        self.download_button.setEnabled(not busy and bool(self._missing()))
        self.cancel_button.setEnabled(busy)
        self.folder_button.setEnabled(not busy and spec is not None)
        self.verify_button.setEnabled(not busy and installed)
        self.remove_button.setEnabled(not busy and spec is not None and self._statuses[spec.repo_id].state != "missing")

    # -- actions ----------------------------------------------------------------------------
    @Slot()
    def _on_download_clicked(self) -> None:
        missing = self._missing()
        if not missing or self.downloading:
            return
        self._cancel = CancelToken()
        self._rate_mark, self._rate = None, 0.0
        for spec in missing:
            self.table.item(self._specs.index(spec), 4).setText(_STATE_LABELS["downloading"])
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.progress_label.setText("Connecting to the Hugging Face Hub…")
        self._update_buttons()
        self._start_downloads.emit(tuple(missing), self._cancel)

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.progress_label.setText("Cancelling…")

    @Slot()
    def _on_folder_clicked(self) -> None:
        spec = self._selected_spec()
        if spec is None:
            return
        folder = QFileDialog.getExistingDirectory(self, f"Folder with {spec.repo_id}")
        if not folder:
            return
        try:
            store.choose_folder(spec, folder)
        except DigestError as error:
            QMessageBox.warning(self, "Unusable folder", str(error))
            return
        self.refresh()
        self.models_changed.emit()

    @Slot()
    def _on_verify_clicked(self) -> None:
        spec = self._selected_spec()
        if spec is None:
            return
        problems = store.verify(spec, self._models_dir)
        if problems:
            QMessageBox.warning(self, "Model is damaged", f"{spec.repo_id}:\n" + "\n".join(problems))
        else:
            self.progress_label.setText(f"{spec.repo_id} is whole: every file matches.")

    @Slot()
    def _on_remove_clicked(self) -> None:
        spec = self._selected_spec()
        if spec is None:
            return
        status = self._statuses[spec.repo_id]
        if status.origin == "chosen":
            store.choose_folder(spec, None)
            self.progress_label.setText(f"{spec.repo_id} no longer uses {status.path} (the folder itself is kept).")
        else:
            answer = QMessageBox.question(
                self, "Remove model", f"Delete {spec.repo_id} ({format_bytes(status.disk_bytes)}) from this computer?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            freed = store.remove(spec)
            self.progress_label.setText(f"Removed {spec.repo_id}: {format_bytes(freed)} freed.")
        self.refresh()
        self.models_changed.emit()

    # -- worker results ---------------------------------------------------------------------
    @Slot(object)
    def _on_worker_progress(self, event: DownloadProgress) -> None:
        now = time.monotonic()
        if self._rate_mark is None:
            self._rate_mark = (now, event.done)
        elif now - self._rate_mark[0] >= 0.5:
            self._rate = (event.done - self._rate_mark[1]) / (now - self._rate_mark[0])
            self._rate_mark = (now, event.done)
        if event.total:
            self.progress_bar.setValue(round(1000 * event.done / event.total))
        rate = f" — {format_bytes(self._rate)}/s" if self._rate > 0 else ""
        self.progress_label.setText(
            f"{event.repo_id}: {event.filename} {format_bytes(event.file_done)} of {format_bytes(event.file_total)}; "
            f"model {format_bytes(event.done)} of {format_bytes(event.total)}{rate}"
        )

    @Slot(str, str)
    def _on_worker_model_finished(self, repo_id: str, error: str) -> None:
        if error:
            self.progress_label.setText(f"{repo_id}: {error}")
        self.refresh()
        for row, spec in enumerate(self._specs):
            if self.downloading and spec.repo_id != repo_id and self._statuses[spec.repo_id].state != "installed":
                self.table.item(row, 4).setText(_STATE_LABELS["downloading"])
        if not error:
            self.models_changed.emit()

    @Slot(bool)
    def _on_worker_all_finished(self, cancelled: bool) -> None:
        self._cancel = None
        self.progress_bar.setVisible(False)
        self.refresh()
        if not cancelled and not self._missing():
            self.progress_label.setText("All models downloaded and verified.")
        self.downloads_finished.emit(cancelled)

    # -- closing ----------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Closing cancels a download, then stops the thread and waits for it (never terminate)."""
        if self._cancel is not None:
            self._cancel.cancel()
        self._thread.quit()
        self._thread.wait()
        super().done(result)
