"""Save All: every finished digest in one folder, in one format, and optionally each new one too.

Files are named from the articles' titles, made safe, and never collide or replace a file
(:func:`models.documents.export.write_digest_in_folder`); each is written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.ui.language import TranslationContext, translate
from desktop.ui.settings import AppSettings
from models.common.types import Digest, DigestError

SaveAll = TranslationContext("SaveAll")


class SaveAllDialog(QDialog):
    """Asks for a folder and a format, and whether to save each new digest there automatically."""

    def __init__(self, settings: AppSettings, count: int, parent: QWidget | None = None) -> None:
        from models.documents.export import EXPORT_FORMATS

        super().__init__(parent)
        self.setObjectName("saveAllDialog")
        self.setWindowTitle(SaveAll.tr("Save All Digests"))
        self.folder_edit = QLineEdit(settings.save_all_folder or settings.last_folder or str(Path.home()))
        self.folder_edit.setObjectName("saveAllFolder")
        browse = QPushButton(SaveAll.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("saveAllFormat")
        for fmt, (extension, label) in EXPORT_FORMATS.items():
            self.format_combo.addItem(f"{label} ({extension})", fmt)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(settings.save_all_format)))
        self.auto_box = QCheckBox(SaveAll.tr("Also save each new digest in this folder automatically"))
        self.auto_box.setObjectName("autoSaveBox")
        self.auto_box.setChecked(settings.auto_save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(SaveAll.tr("Save %n Digests", "", count))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(SaveAll.tr("Folder:"), folder_row)
        layout.addRow(SaveAll.tr("Format:"), self.format_combo)
        layout.addRow(self.auto_box)
        layout.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    @property
    def folder(self) -> str:
        return self.folder_edit.text().strip()

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @Slot()
    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, SaveAll.tr("Save Digests In"), self.folder or str(Path.home()))
        if folder:
            self.folder_edit.setText(folder)


def save_digests(digests: Iterable[Digest], folder: str, fmt: str) -> tuple[list[Path], list[str]]:
    """Write each digest in ``folder``; returns the files written and one line per failure."""
    from models.documents.export import write_digest_in_folder

    written: list[Path] = []
    problems: list[str] = []
    if not Path(folder).is_dir():
        return [], [SaveAll.tr("{folder} is not a folder").format(folder=folder)]
    for digest in digests:
        try:
            written.append(write_digest_in_folder(digest, folder, fmt))
        except DigestError as error:
            problems.append(str(error))
    return written, problems


def ask_and_save_all(parent: QWidget, digests: list[Digest], settings: AppSettings, report: Callable[[str], None]) -> list[Path]:
    """Ask where and how, then save ``digests``; the choice (and auto-save) is remembered.
    With no digests, ``report`` is told there is nothing to save yet."""
    if not digests:
        report(translate("MainWindow", "Nothing to save yet: no digest is finished."))
        return []
    dialog = SaveAllDialog(settings, len(digests), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.folder:
        return []
    settings.save_all_folder, settings.save_all_format = dialog.folder, dialog.fmt
    settings.auto_save = dialog.auto_box.isChecked()
    written, problems = save_digests(digests, dialog.folder, dialog.fmt)
    message = SaveAll.tr("Saved %n digests in {folder}.", "", len(written)).format(folder=dialog.folder)
    if problems:
        message += " " + SaveAll.tr("%n could not be saved: {problem}", "", len(problems)).format(problem=problems[0])
    report(message)
    return written


def auto_save(digest: Digest, settings: AppSettings) -> list[str]:
    """Save a digest just finished in the Save All folder when auto-save is on; returns the
    status line's note about it (nothing when auto-save is off)."""
    if not settings.auto_save:
        return []
    written, problems = save_digests([digest], settings.save_all_folder, settings.save_all_format)
    if written:
        return [SaveAll.tr("Saved as {name}.").format(name=written[0].name)]
    return [SaveAll.tr("Not saved automatically: {problem}").format(problem=problems[0])]
