"""Save Digest As: ask where and in which format, then write the file atomically.

The formats and their rendering come from :mod:`models.documents.export` (imported when first
saving, so the window shows without it); the digest is rendered and its bytes go to disk on
the runner's files lane (never on the GUI thread, never behind a digest), through the core's
one atomic writer, :func:`models.common.atomic.atomic_write_bytes`, so a failed save leaves the
old file as it was. A file is replaced only when the user said so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.ui.language import translate
from desktop.ui.reading import FILES_LANE
from desktop.ui.runner import BackgroundRunner
from desktop.ui.settings import AppSettings
from models.common.atomic import atomic_write_bytes
from models.common.types import Digest, DigestError

#: Where the format used last is remembered (the next save offers it first).
LAST_FORMAT_KEY = "files/last_export_format"


def ask_and_save(
    parent: QWidget, digest: Digest | None, settings: AppSettings, report: Callable[[str], None], runner: BackgroundRunner
) -> str | None:
    """Ask for a file name and format, then have ``digest`` written there on ``runner``'s files
    lane; returns the path it goes to, or ``None`` (with no digest, ``report`` is told there
    is nothing to save yet).

    The dialog starts in the folder saved to last, with the format used last. A name typed
    without an extension gets the chosen format's, and replacing an existing file of that
    name is confirmed first (the dialog itself confirmed any other name). ``report`` is told
    the outcome in one line once the file is written (nothing when the user cancels); a
    failure is also shown in a message box. The folder and format are remembered in
    ``settings`` after a save.
    """
    if digest is None:
        report(translate("MainWindow", "Nothing to save yet: digest an article first."))
        return None
    from models.documents import export

    formats = dict(export.EXPORT_FORMATS)
    filters = {f"{label} (*.{extension.lstrip('.')})": fmt for fmt, (extension, label) in formats.items()}
    last_format = str(settings.store.value(LAST_FORMAT_KEY, "") or "")
    selected = next((name for name, fmt in filters.items() if fmt == last_format), next(iter(filters)))
    folder = settings.last_folder or str(Path.home())
    default_extension = formats[filters[selected]][0].lstrip(".")
    suggested = str(Path(folder) / f"{export.safe_file_stem(digest.article.title)}.{default_extension}")
    path, chosen_filter = QFileDialog.getSaveFileName(parent, translate("SaveDialog", "Save Digest"), suggested, ";;".join(filters), selected)
    if not path:
        return None
    fmt = filters.get(chosen_filter) or filters[selected]
    confirmed = bool(Path(path).suffix)  # the dialog confirmed replacing the name it gave
    if not confirmed:
        path = f"{path}.{formats[fmt][0].lstrip('.')}"
    try:
        fmt = export.format_for_path(path)
    except DigestError:  # an extension no format claims: the chosen filter's format
        pass
    _save(parent, digest, path, fmt, settings, report, runner, overwrite=confirmed)
    return path


def write_digest_file(digest: Digest, path: str, fmt: str, overwrite: bool) -> str | None:
    """Render ``digest`` as ``fmt`` and write it at ``path`` atomically (on a lane's thread);
    returns the folder written in, or None when a file is there and ``overwrite`` is False.
    Raises :class:`DigestError` saying why it could not be written."""
    from models.documents import export

    try:
        atomic_write_bytes(path, bytes(export.render_digest(digest, fmt)), overwrite=overwrite)
    except FileExistsError:
        return None
    except (OSError, DigestError, ValueError) as error:
        reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
        raise DigestError(reason) from error
    return str(Path(path).resolve().parent)


def _save(
    parent: QWidget, digest: Digest, path: str, fmt: str, settings: AppSettings, report: Callable[[str], None],
    runner: BackgroundRunner, *, overwrite: bool,
) -> None:
    name = Path(path).name

    def written(folder: str | None) -> None:
        if folder is None:  # a file of that name is there: replaced only if the user says so
            if _confirm_replace(parent, name):
                _save(parent, digest, path, fmt, settings, report, runner, overwrite=True)
            return
        settings.last_folder = folder
        settings.store.setValue(LAST_FORMAT_KEY, fmt)
        report(translate("SaveDialog", "Saved the digest to {path}").format(path=path))

    def failed(error: Exception) -> None:
        reason = str(error)
        report(translate("SaveDialog", "Could not save {name}: {reason}").format(name=name, reason=reason))
        QMessageBox.warning(parent, translate("SaveDialog", "Could Not Save"),
                            translate("SaveDialog", "Could not save {name}:\n{reason}").format(name=name, reason=reason))

    task = runner.run(f"save {name}", lambda state: write_digest_file(digest, path, fmt, overwrite), lane=FILES_LANE,
                      finish=True)
    task.finished.connect(written)
    task.failed.connect(failed)


def _confirm_replace(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent, translate("SaveDialog", "Replace File?"),
        translate("SaveDialog", "{name} already exists. Do you want to replace it?").format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
