"""The window's dialogs: About (models, licences, attribution), keyboard shortcuts, digest history."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, Signal, Slot, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.common.paths import APP_DISPLAY_NAME
from models.common.text import valid_unicode
from models.inventory.catalog import DEFAULT_PROFILE, PROFILES, task_label


def app_version() -> str:
    """The installed package's version, or a note that this is a source checkout."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("article-digest")
    except (ImportError, PackageNotFoundError):
        return "development version"


def about_html(profile: str = DEFAULT_PROFILE, models_dir: str | None = None) -> str:
    """The About box's text: what the app does, every catalogued model with licence and attribution."""
    parts = [
        f"<h2>{APP_DISPLAY_NAME}</h2>",
        f"<p>Version {html.escape(app_version())}</p>",
        "<p>Summarises a news article and translates the summary (and, if asked, the whole article) "
        "into Russian and Arabic, on this computer, with open models from the Hugging Face Hub.</p>",
        "<p>Machine summaries and translations can be wrong: check anything that matters against the original.</p>",
    ]
    attributions: dict[str, None] = {}
    for name, specs in PROFILES.items():
        marker = " (in use)" if name == profile else ""
        parts.append(f"<h3>{html.escape(name.capitalize())} profile{marker}</h3>")
        parts.append('<table cellspacing="0" cellpadding="3">')
        parts.append("<tr><th align='left'>Task</th><th align='left'>Model</th><th align='left'>Licence</th>"
                     "<th align='right'>Size</th><th align='left'>Quality</th></tr>")
        for task, spec in specs.items():
            link = f"https://huggingface.co/{spec.repo_id}"
            parts.append(
                "<tr>"
                f"<td>{html.escape(task_label(task))}</td>"
                f"<td>{html.escape(spec.name)}<br><a href='{html.escape(link)}'>{html.escape(spec.repo_id)}</a></td>"
                f"<td>{html.escape(spec.licence)}</td>"
                f"<td align='right'>{spec.size_mb:,} MB</td>"
                f"<td>{html.escape(spec.quality_note)}</td>"
                "</tr>"
            )
            attributions[spec.attribution] = None
        parts.append("</table>")
    parts.append("<h3>Attribution</h3><ul>")
    parts.extend(f"<li>{html.escape(text)}</li>" for text in attributions)
    parts.append("</ul>")
    folder = models_dir or "the default models folder"
    parts.append(f"<p>Models are read from {html.escape(folder)}.</p>")
    parts.append(
        f"<p style='color: gray'>Qt {html.escape(qVersion())} · PySide6 {html.escape(PYSIDE_VERSION)} · "
        f"Python {html.escape(platform.python_version())}</p>"
    )
    return "\n".join(parts)


class AboutDialog(QDialog):
    """About Article Digest: the models of every profile, their licences and attribution."""

    def __init__(self, profile: str = DEFAULT_PROFILE, models_dir: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_DISPLAY_NAME}")
        self.browser = QTextBrowser()
        self.browser.setObjectName("aboutText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(about_html(profile, models_dir))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 560)


class ShortcutsDialog(QDialog):
    """A table of the window's actions and their keyboard shortcuts."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        rows = [
            (action.text().replace("&", ""), " or ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in action.shortcuts()))
            for action in actions
            if action.shortcuts()
        ]
        rows.append(("Open a file", "Drop it anywhere on the window"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 380)


@dataclass(frozen=True)
class HistoryRow:
    """One past digest as the history dialog lists it."""

    entry_id: str
    title: str
    created: str
    source_path: str | None = None


def history_row(entry: Any) -> HistoryRow:
    """A :class:`HistoryRow` from a history entry (an object with attributes, or a mapping).

    Whatever the entry holds (a damaged file can put a number where the title should be, or
    a lone surrogate in it), the row's fields are valid text, ``source_path`` text or None.
    """

    def field(name: str) -> str:
        value = entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)
        return "" if value is None else valid_unicode(value if isinstance(value, str) else str(value))

    return HistoryRow(
        entry_id=field("id") or field("entry_id"),  # a history entry, or a row already
        title=field("title") or "Untitled article",
        created=field("created"),
        source_path=field("source_path") or None,
    )


def short_created(created: str) -> str:
    """``2021-12-20T10:11:12+00:00`` -> ``2021-12-20 10:11``."""
    return created.replace("T", " ")[:16]


class HistoryDialog(QDialog):
    """Past digests, newest first; opening one shows it in the window.

    Signals:
        entry_chosen(str): the id of the digest the user asked to open.
    """

    entry_chosen = Signal(str)

    def __init__(self, rows: Sequence[HistoryRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("History")
        self.list = QListWidget()
        self.list.setObjectName("historyList")
        for row in rows:
            row = history_row(row)  # text in every field, even from a damaged entry
            item = QListWidgetItem(f"{row.title}\n{short_created(row.created)}")
            item.setData(Qt.ItemDataRole.UserRole, row.entry_id)
            if row.source_path:
                item.setToolTip(row.source_path)
            self.list.addItem(item)
        self.empty_label = QLabel("No digests yet. Every finished digest is kept here.")
        self.empty_label.setVisible(not rows)
        self.list.setVisible(bool(rows))
        self.list.itemActivated.connect(self._on_list_item_activated)
        if rows:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton("Open")
        self.open_button.setObjectName("historyOpenButton")
        self.open_button.setEnabled(bool(rows))
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_open_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 420)

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.entry_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    @Slot()
    def _on_open_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._on_list_item_activated(item)
