"""Save All: every finished digest in one folder, in one format, and optionally each new one too.

Files are named from the articles' titles, made safe, and never collide or replace a file
(:func:`models.documents.export.write_digest_in_folder`); each is written atomically, on the
runner's files lane (never on the GUI thread, never behind a digest).
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

from desktop.ui.article_queue import ArticleEntry
from desktop.ui.language import TranslationContext, translate
from desktop.ui.reading import FILES_LANE
from desktop.ui.runner import BackgroundRunner
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
    """Write each digest in ``folder`` (on a lane's thread); returns the files written and one
    line per failure."""
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


def _save_later(
    runner: BackgroundRunner, digests: list[Digest], folder: str, fmt: str, saved: Callable[[list[Path], list[str]], object]
) -> None:
    """:func:`save_digests` on ``runner``'s files lane; ``saved`` gets what it returns (an
    unexpected failure is one problem)."""
    task = runner.run(f"save {len(digests)} digests", lambda state: save_digests(digests, folder, fmt), lane=FILES_LANE,
                      finish=True)
    task.finished.connect(lambda result: saved(*result))
    task.failed.connect(lambda error: saved([], [str(error)]))


def ask_and_save_all(
    parent: QWidget, digests: list[Digest], settings: AppSettings, report: Callable[[str], None], runner: BackgroundRunner
) -> bool:
    """Ask where and how, then save ``digests`` (``report`` is told once they are written);
    the choice (and auto-save) is remembered. With no digests, ``report`` is told there is
    nothing to save yet. Returns whether they are being saved."""
    if not digests:
        report(translate("MainWindow", "Nothing to save yet: no digest is finished."))
        return False
    dialog = SaveAllDialog(settings, len(digests), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.folder:
        return False
    folder = dialog.folder
    settings.save_all_folder, settings.save_all_format = folder, dialog.fmt
    settings.auto_save = dialog.auto_box.isChecked()

    def saved(written: list[Path], problems: list[str]) -> None:
        message = SaveAll.tr("Saved %n digests in {folder}.", "", len(written)).format(folder=folder)
        if problems:
            message += " " + SaveAll.tr("%n could not be saved: {problem}", "", len(problems)).format(problem=problems[0])
        report(message)

    _save_later(runner, list(digests), folder, dialog.fmt, saved)
    return True


def auto_save(digest: Digest, settings: AppSettings, runner: BackgroundRunner, noted: Callable[[list[str]], object]) -> None:
    """Save a digest just finished in the Save All folder when auto-save is on (on the files
    lane); ``noted`` then gets the status line's note about it (never called when auto-save is off)."""
    if not settings.auto_save:
        return

    def saved(written: list[Path], problems: list[str]) -> None:
        if written:
            noted([SaveAll.tr("Saved as {name}.").format(name=written[0].name)])
        else:
            noted([SaveAll.tr("Not saved automatically: {problem}").format(problem=problems[0])])

    _save_later(runner, [digest], settings.save_all_folder, settings.save_all_format, saved)


def keep_and_auto_save(
    entry: ArticleEntry, shown: bool, keep: Callable[[Digest, Callable[[list[str]], object]], object], settings: AppSettings,
    runner: BackgroundRunner, report: Callable[[str], None],
) -> None:
    """``entry``'s digest is finished (``shown``: it is the article shown): ``report`` says so at
    once; ``keep`` keeps it in the history and it is auto-saved (both off the GUI thread), and
    what they have to say (a failure, the file's name) is added to the line when they are done."""
    digest = entry.digest
    seconds = f"{digest.seconds:.1f}"
    if shown:
        ready = translate("MainWindow", "Digest ready in {seconds} s.").format(seconds=seconds)
    else:
        ready = translate("MainWindow", "Digest of “{title}” ready in {seconds} s.").format(title=entry.title, seconds=seconds)
    report(ready)
    notes: list[str] = []

    def noted(more: list[str]) -> None:
        notes.extend(more)
        report(" ".join([ready, *notes]))

    keep(digest, noted)
    auto_save(digest, settings, runner, noted)
