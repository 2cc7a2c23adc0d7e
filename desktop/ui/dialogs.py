"""The window's dialogs: About (models, licences, attribution), keyboard shortcuts, digest history."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
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

from desktop.ui.language import app_display_name, task_title, translate
from models.common.text import valid_unicode
from desktop.ui.option_bar import profile_label
from models.inventory.catalog import DEFAULT_PROFILE, PROFILES


#: The About box's last line: the libraries' names (never translated) and versions.
_VERSIONS_LINE = "<p style='color: gray'>Qt {qt} · PySide6 {pyside} · Python {python}</p>"


def app_version() -> str:
    """The installed package's version, or a note that this is a source checkout."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("article-digest")
    except (ImportError, PackageNotFoundError):
        return translate("Dialogs", "development version")


def about_html(profile: str = DEFAULT_PROFILE, models_dir: str | None = None) -> str:
    """The About box's text: what the app does, every catalogued model with licence and attribution."""
    esc = html.escape
    parts = [
        f"<h2>{esc(app_display_name())}</h2>",
        "<p>{}</p>".format(esc(translate("Dialogs", "Version {version}").format(version=app_version()))),
        "<p>{}</p>".format(esc(translate(
            "Dialogs",
            "Summarises a news article and translates the summary (and, if asked, the whole article) "
            "into Russian and Arabic, on this computer, with open models from the Hugging Face Hub.",
        ))),
        "<p>{}</p>".format(esc(translate(
            "Dialogs", "Machine summaries and translations can be wrong: check anything that matters against the original."
        ))),
    ]
    headings = [  # marked for lupdate; looked up as each table is written
        QT_TRANSLATE_NOOP("Dialogs", "Task"), QT_TRANSLATE_NOOP("Dialogs", "Model"), QT_TRANSLATE_NOOP("Dialogs", "Licence"),
        QT_TRANSLATE_NOOP("Dialogs", "Size"), QT_TRANSLATE_NOOP("Dialogs", "Quality"),
    ]
    attributions: dict[str, None] = {}
    right_to_left = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    start, end = ("right", "left") if right_to_left else ("left", "right")

    def row(cells: list[str]) -> str:
        # Qt's rich text lays a table's columns out left to right whatever the direction: in
        # a right-to-left interface they are written last first, so the first one is at the right.
        return "<tr>" + "".join(reversed(cells) if right_to_left else cells) + "</tr>"

    for name, specs in PROFILES.items():
        title = translate("Dialogs", "{profile} profile (in use)") if name == profile else translate("Dialogs", "{profile} profile")
        parts.append(f"<h3>{esc(title.format(profile=profile_label(name)))}</h3>")
        parts.append(f'<table cellspacing="0" cellpadding="3" align="{start}">')
        aligns = (start, start, start, end, start)
        parts.append(row([f"<th align='{align}'>{esc(translate('Dialogs', text))}</th>" for align, text in zip(aligns, headings)]))
        for task, spec in specs.items():
            link = f"https://huggingface.co/{spec.repo_id}"
            size = translate("Dialogs", "{size} MB").format(size=f"{spec.size_mb:,}")
            parts.append(row([
                f"<td align='{start}'>{esc(task_title(task))}</td>",
                f"<td align='{start}'>{esc(spec.name)}<br><a href='{esc(link)}'>{esc(spec.repo_id)}</a></td>",
                f"<td align='{start}'>{esc(spec.licence)}</td>",
                f"<td align='{end}'>{esc(size)}</td>",
                f"<td align='{start}'>{esc(spec.quality_note)}</td>",
            ]))
            attributions[spec.attribution] = None
        parts.append("</table>")
    parts.append(f"<h3>{esc(translate('Dialogs', 'Attribution'))}</h3><ul>")
    parts.extend(f"<li>{esc(text)}</li>" for text in attributions)
    parts.append("</ul>")
    folder = models_dir or translate("Dialogs", "the default models folder")
    parts.append("<p>{}</p>".format(esc(translate("Dialogs", "Models are read from {folder}.").format(folder=folder))))
    parts.append(_VERSIONS_LINE.format(qt=esc(qVersion()), pyside=esc(PYSIDE_VERSION), python=esc(platform.python_version())))
    return "\n".join(parts)


class AboutDialog(QDialog):
    """About Article Digest: the models of every profile, their licences and attribution."""

    def __init__(self, profile: str = DEFAULT_PROFILE, models_dir: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("Dialogs", "About {app}").format(app=app_display_name()))
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
        self.setWindowTitle(translate("Dialogs", "Keyboard Shortcuts"))
        either = translate("Dialogs", " or ")
        rows = [
            (action.text().replace("&", ""), either.join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in action.shortcuts()))
            for action in actions
            if action.shortcuts()
        ]
        rows.append((translate("Dialogs", "Open a file"), translate("Dialogs", "Drop it anywhere on the window")))
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([translate("Dialogs", "Action"), translate("Dialogs", "Shortcut")])
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
        title=field("title") or translate("ArticleQueue", "Untitled article"),
        created=field("created"),
        source_path=field("source_path") or None,
    )


def short_created(created: str) -> str:
    """``2021-12-20T10:11:12+00:00`` -> ``2021-12-20 10:11``."""
    return created.replace("T", " ")[:16]


#: How many rows the History dialog lists in one pass of the event loop (a few milliseconds' work).
HISTORY_ROWS_PER_PASS = 1000


class HistoryDialog(QDialog):
    """Past digests, newest first; opening one shows it in the window.

    Made without ``rows``, it says the history is being read until :meth:`set_rows` lists them.

    Signals:
        entry_chosen(str): the id of the digest the user asked to open.
    """

    entry_chosen = Signal(str)

    def __init__(self, rows: Sequence[HistoryRow] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(translate("Dialogs", "History"))
        self.list = QListWidget()
        self.list.setObjectName("historyList")
        self.list.setUniformItemSizes(True)  # every row is two lines: thousands lay out at once
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("historyEmpty")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(translate("Dialogs", "Open"))
        self.open_button.setObjectName("historyOpenButton")
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_open_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 420)
        #: Whether every row has been listed (else the history is still being read, or listed).
        self.listed = False
        self._pending: list[HistoryRow] = []
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[HistoryRow] | None) -> None:
        """List ``rows`` (None: the history is still being read). Thousands are listed a chunk
        per pass of the event loop, the newest first, so the window never waits on them;
        :attr:`listed` turns true once they all are."""
        self.list.clear()
        self.listed = False
        self._pending = list(rows or ())
        if rows is None:
            self.empty_label.setText(translate("Dialogs", "Reading the history…"))
        else:
            self.empty_label.setText(translate("Dialogs", "No digests yet. Every finished digest is kept here."))
        self.empty_label.setVisible(not rows)
        self.list.setVisible(bool(rows))
        self.open_button.setEnabled(bool(rows))
        if rows is not None:
            self._list_more()
        if rows:
            self.list.setCurrentRow(0)

    @Slot()
    def _list_more(self) -> None:
        chunk, self._pending = self._pending[:HISTORY_ROWS_PER_PASS], self._pending[HISTORY_ROWS_PER_PASS:]
        for row in chunk:
            if not isinstance(row, HistoryRow):
                row = history_row(row)  # text in every field, even from a damaged entry
            item = QListWidgetItem(f"{row.title}\n{short_created(row.created)}")
            item.setData(Qt.ItemDataRole.UserRole, row.entry_id)
            if row.source_path:
                item.setToolTip(row.source_path)
            self.list.addItem(item)
        if self._pending:
            QTimer.singleShot(0, self, self._list_more)
        else:
            self.listed = True

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.entry_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    @Slot()
    def _on_open_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._on_list_item_activated(item)
