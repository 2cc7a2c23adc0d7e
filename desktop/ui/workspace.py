"""The main window's central widget: the options row, the message banner, the progress row, the
list of articles, and the article and its digest side by side, their sentences linked.

:class:`Workspace` lays these out and shows what it is given; the window keeps the state
(which article, which digest) and connects the parts' signals. What is shown is the
workspace's own business, so it connects the View menu's actions itself: Link Sentences
(remembered in the settings), Next Flag and Previous Flag (through its
:class:`~desktop.ui.linking.SentenceLinker`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.ui.language import translate
from desktop.ui.linking import SentenceLinker, flag_count_text
from desktop.ui.option_bar import OptionBar
from desktop.ui.panes import GeneratedPane, MessageBanner, OriginalPane, digest_info
from desktop.ui.progress_row import ProgressRow
from desktop.ui.queue_panel import QueuePanel
from models.common.types import Article, Digest, PartialText

if TYPE_CHECKING:
    from desktop.ui.actions import WindowActions
    from desktop.ui.article_queue import ArticleEntry, ArticleQueue
    from desktop.ui.settings import AppSettings


class Workspace(QWidget):
    """Options row, banner and progress row on top; below, a splitter with the original
    article (left) and the generated texts with a line about the digest (right); beside the
    tabs, how many sentences are flagged to check.

    ``actions``, ``settings`` and ``show_status`` (the window's, all optional) give the View
    menu's actions to connect, the store of the Link Sentences choice, and where to say
    which flag Next Flag reached.

    Signals:
        files_dropped(list): files dropped on any of the text views.
        text_dropped(str): text dropped on any of the text views.
    """

    files_dropped = Signal(list)
    text_dropped = Signal(str)

    def __init__(
        self, queue: ArticleQueue, actions: WindowActions | None = None, settings: AppSettings | None = None,
        show_status: Callable[[str], object] | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.queue_panel = QueuePanel(queue)
        self.option_bar = OptionBar()
        self.banner = MessageBanner()
        self.progress_row = ProgressRow()
        self.original_pane = OriginalPane()
        self.original_pane.files_dropped.connect(self.files_dropped)
        self.original_pane.text_dropped.connect(self.text_dropped)
        self.generated_pane = GeneratedPane()
        self.generated_pane.files_dropped.connect(self.files_dropped)
        self.generated_pane.text_dropped.connect(self.text_dropped)
        self.digest_info_label = QLabel("")
        self.digest_info_label.setObjectName("digestInfo")
        self.digest_info_label.setWordWrap(True)
        self.digest_info_label.setEnabled(False)  # greyed: secondary information
        self.digest_info_label.hide()
        self.flag_count_label = QLabel("")
        self.flag_count_label.setObjectName("flagCount")
        self.flag_count_label.setContentsMargins(8, 0, 6, 0)
        self.flag_count_label.hide()
        self.generated_pane.setCornerWidget(self.flag_count_label, Qt.Corner.TopRightCorner)
        self.linker = SentenceLinker(self.original_pane.view, self.generated_pane, self.generated_pane.views_by_key(), self)
        generated_side = QWidget()
        generated_layout = QVBoxLayout(generated_side)
        generated_layout.setContentsMargins(0, 0, 0, 0)
        generated_layout.addWidget(self.generated_pane, 1)
        generated_layout.addWidget(self.digest_info_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.queue_panel)
        self.splitter.addWidget(self.original_pane)
        self.splitter.addWidget(generated_side)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.option_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.splitter, 1)
        self._settings = settings
        self._show_status = show_status
        #: The line under the tabs, said again when the interface's language changes.
        self._info: Callable[[], str] = str
        #: The number of sentences flagged in the digest shown.
        self._flag_count = 0
        if actions is not None:
            self.connect_view_actions(actions)
        self.retranslate()

    def retranslate(self) -> None:
        """The flag count, its tooltip and the line under the tabs in the interface's language."""
        self.flag_count_label.setToolTip(translate(
            "Workspace", "Sentences underlined in amber are worth checking: F8 goes to the next, Shift+F8 to the previous"))
        self.flag_count_label.setText(flag_count_text(self._flag_count))
        self.digest_info_label.setText(self._info())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_info(self, info: Callable[[], str]) -> None:
        self._info = info
        self.digest_info_label.setText(info())
        self.digest_info_label.show()

    def connect_view_actions(self, actions: WindowActions) -> None:
        """Link Sentences (checked as the settings say), Next Flag and Previous Flag act here."""
        enabled = self._settings.link_sentences if self._settings is not None else True
        actions.link_action.setChecked(enabled)
        self.linker.set_enabled(enabled)
        actions.link_action.toggled.connect(self._on_link_action_toggled)
        actions.next_flag_action.triggered.connect(self._on_next_flag_action_triggered)
        actions.previous_flag_action.triggered.connect(self._on_previous_flag_action_triggered)

    @Slot(bool)
    def _on_link_action_toggled(self, checked: bool) -> None:
        self.linker.set_enabled(checked)
        if self._settings is not None:
            self._settings.link_sentences = checked
        if checked:
            self._say(translate("Workspace", "Sentences are linked: point at one to see where it comes from."))
        else:
            self._say(translate("Workspace", "Sentences are no longer linked (flags stay underlined)."))

    @Slot()
    def _on_next_flag_action_triggered(self) -> None:
        self._say(self.linker.step_flag(1))

    @Slot()
    def _on_previous_flag_action_triggered(self) -> None:
        self._say(self.linker.step_flag(-1))

    def _say(self, message: str) -> None:
        if self._show_status is not None:
            self._show_status(message)

    def show_article(self, article: Article | None) -> None:
        """Show ``article`` on the left and empty the generated side (back on its first tab)."""
        self.linker.set_digest(None)
        self.flag_count_label.hide()
        self.original_pane.show_article(article)
        self.generated_pane.show_digest(None)
        self.generated_pane.setCurrentIndex(0)
        self.digest_info_label.hide()

    def show_digest(self, digest: Digest, *, with_article: bool) -> None:
        """Show ``digest``'s texts and the line about it, its sentences linked and its flags
        counted; its article on the left too if ``with_article``."""
        self.linker.set_digest(None)
        if with_article:
            self.original_pane.show_article(digest.article)
        self.generated_pane.show_digest(digest)
        self._show_info(lambda: digest_info(digest))
        self._flag_count = digest.flag_count
        self.flag_count_label.setText(flag_count_text(digest.flag_count))
        self.flag_count_label.setVisible(digest.flag_count > 0)
        self.linker.set_digest(digest)

    def show_progress(self, parts: Mapping[str, PartialText], requested: list[str], *, stopped: bool) -> None:
        """Show a digest still being made, or stopped part way: what it has published so far,
        and what is still coming (see :meth:`GeneratedPane.show_progress`)."""
        self.linker.set_digest(None)
        self.flag_count_label.hide()
        self.generated_pane.show_progress(parts, requested, stopped=stopped)
        if stopped:
            self._show_info(lambda: translate(
                "Workspace", "Incomplete: the digest was cancelled. What was written before is shown; it is not in the history."))
        else:
            self._show_info(lambda: translate(
                "Workspace", "Still digesting: texts marked … are not finished (the summary may still change)."))

    def show_entry(self, entry: ArticleEntry | None) -> None:
        """Show one of the window's articles: its digest, or what its digest has written so far
        (while it runs, or after a cancel), or only the article; selected in the list."""
        from desktop.ui.article_queue import EntryState

        self.queue_panel.select(entry)
        if entry is None or entry.article is None:
            self.show_article(None)
        elif entry.digest is not None:
            self.show_digest(entry.digest, with_article=True)
        else:
            self.show_article(entry.article)
            if entry.parts or entry.state is EntryState.DIGESTING:
                self.show_progress(entry.parts, entry.requested_keys(), stopped=entry.state is EntryState.CANCELLED)
