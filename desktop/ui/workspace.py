"""The main window's central widget: the options row, the message banner, the progress row, the
list of articles, and the article and its digest side by side, their sentences linked.

:class:`Workspace` lays these out and shows the article it is given (the window asks, and
follows ``entry_shown``); the window connects the parts' signals to its verbs. What is shown
is the workspace's own business, so it connects the View menu's actions itself: Link Sentences
(remembered in the settings), Next Flag and Previous Flag (through its
:class:`~desktop.ui.linking.SentenceLinker`), and zoom, Find, copy, print and PDF (through its
:class:`~desktop.ui.reading.ReadingTools`, on the pane being read); it follows the article queue for the progress
row, the texts of the digest shown as they come and its failure; and it keeps its layout and
the options row in the settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.ui.language import translate
from desktop.ui.linking import SentenceLinker, flag_count_text, place_name
from desktop.ui.notices import ModelsAdvice, models_advice, show_digest_failure, show_missing_models, show_models_found
from desktop.ui.option_bar import OptionBar
from desktop.ui.panes import (
    FileDropTextView,
    GeneratedPane,
    MessageBanner,
    OriginalPane,
    SecondaryLabel,
    digest_info,
    digest_info_tooltip,
)
from desktop.ui.progress_row import ProgressRow
from desktop.ui.queue_panel import QueuePanel
from desktop.ui.reading import FindBar, ReadingTools
from desktop.ui.runner import MODELS_LANE
from models.common.types import Article, Digest, DigestError, PartialText

if TYPE_CHECKING:
    from desktop.ui.actions import WindowActions
    from desktop.ui.article_queue import ArticleEntry, ArticleQueue
    from desktop.ui.documents import DigestHistory
    from desktop.ui.review import ReviewController
    from desktop.ui.runner import BackgroundRunner
    from desktop.ui.settings import AppSettings

#: How long "Models found — press Digest" stays (a digest started or another check clears it sooner).
MODELS_FOUND_SHOWN_MS = 30_000


class Workspace(QWidget):
    """Options row, banner and progress row on top; below, a splitter with the original
    article (left) and the generated texts (right); under the tabs, how many sentences are
    flagged to check and a line about the digest.

    ``actions``, ``settings`` and ``show_status`` (the window's, all optional) give the View
    menu's actions and the buttons' to connect, the store of the Link Sentences choice, the layout and the
    options, and where to say which flag Next Flag reached; with ``runner``, ``engine`` and
    ``history`` too, the generated texts can be corrected (:attr:`review`).

    It shows one of the queue's articles at a time (:meth:`show_entry`, or a click in the
    list) and shows it again when its state or digest changes, or the first one when it is
    taken off the list.

    Signals:
        files_dropped(list): files dropped on any of the text views.
        text_dropped(str): text dropped on any of the text views.
        entry_shown(object): this :class:`ArticleEntry` (or None) is now shown.
    """

    files_dropped = Signal(list)
    text_dropped = Signal(str)
    entry_shown = Signal(object)

    def __init__(
        self, queue: ArticleQueue, actions: WindowActions | None = None, settings: AppSettings | None = None,
        show_status: Callable[[str], object] | None = None, parent: QWidget | None = None,
        runner: BackgroundRunner | None = None, engine: Callable[[], object] | None = None, history: DigestHistory | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        #: The engine and the history corrections go through (see :attr:`review`).
        self._engine, self._history = engine, history
        #: Editing the digest shown, and passing the edits on (with an engine and a history).
        self.review: ReviewController | None = None
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
        self.digest_info_label = SecondaryLabel(max_lines=2)
        self.digest_info_label.setObjectName("digestInfo")
        self.digest_info_label.hide()
        # The count stands under the tabs, not in their corner: the tabs keep the pane's width.
        self.flag_count_label = QLabel("")
        self.flag_count_label.setObjectName("flagCount")
        bold = self.flag_count_label.font()
        bold.setBold(True)
        self.flag_count_label.setFont(bold)
        self.flag_count_label.hide()
        self.linker = SentenceLinker(self.original_pane.view, self.generated_pane, self.generated_pane.views_by_key(), self)
        generated_side = QWidget()
        generated_layout = QVBoxLayout(generated_side)
        generated_layout.setContentsMargins(0, 0, 0, 0)
        generated_layout.addWidget(self.generated_pane, 1)
        under_tabs = QHBoxLayout()
        under_tabs.setSpacing(12)
        under_tabs.addWidget(self.flag_count_label, 0, Qt.AlignmentFlag.AlignTop)
        under_tabs.addWidget(self.digest_info_label, 1)
        generated_layout.addLayout(under_tabs)
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
        self.find_bar = FindBar()
        layout.addWidget(self.find_bar)
        #: The reading view last clicked or typed in (Find and Copy This Text act on it).
        self._reading_view: FileDropTextView | None = None
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.generated_pane.currentChanged.connect(self._on_tab_changed)
        self._settings = settings
        self._show_status = show_status
        self._queue = queue
        #: The article shown (see :meth:`show_entry`), with its digest or what it has so far.
        self.entry: ArticleEntry | None = None
        #: Its state and digest when it was shown (a change shows it again).
        self._shown: tuple[object, Digest | None] = (None, None)
        self.queue_panel.entry_chosen.connect(self.show_entry)
        queue.entries_changed.connect(self._on_queue_entries_changed)
        queue.entry_changed.connect(self._on_queue_entry_changed)
        queue.entry_revised.connect(self._on_queue_entry_revised)
        queue.partial.connect(self._on_queue_partial)
        queue.digest_failed.connect(self._on_queue_digest_failed)
        self.option_bar.options_changed.connect(self._on_option_bar_options_changed)
        #: The line under the tabs and its tooltip, said again when the interface's language changes.
        self._info: Callable[[], tuple[str, str]] = lambda: ("", "")
        #: What the models check found missing last, and for what: (profile, languages, article
        #: language), to tell models found since from models no longer needed.
        self._missing_for: tuple[object, ...] | None = None
        #: Counts the models checks answered: only the latest one's advice is shown.
        self._checks = 0
        self._found_timer = QTimer(self)
        self._found_timer.setSingleShot(True)
        self._found_timer.setInterval(MODELS_FOUND_SHOWN_MS)
        self._found_timer.timeout.connect(lambda: self.banner.clear("success"))
        #: The number of sentences flagged in the digest shown.
        self._flag_count = 0
        if actions is not None:
            self.connect_actions(actions)
        self.retranslate()

    def retranslate(self) -> None:
        """The flag count, its tooltip and the line under the tabs in the interface's language."""
        self.flag_count_label.setToolTip(translate(
            "Workspace", "Sentences underlined in amber are worth checking: F8 goes to the next, Shift+F8 to the previous"))
        self.flag_count_label.setText(flag_count_text(self._flag_count))
        self.digest_info_label.set_full_text(*self._info())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_info(self, info: Callable[[], tuple[str, str]]) -> None:
        """Show the line under the tabs that ``info`` says (with its tooltip)."""
        self._info = info
        self.digest_info_label.set_full_text(*info())
        self.digest_info_label.show()

    def connect_actions(self, actions: WindowActions) -> None:
        """Link Sentences (checked as the settings say), Next Flag and Previous Flag act here;
        the Digest, Cancel, Save All and Cancel All buttons trigger their actions."""
        enabled = self._settings.link_sentences if self._settings is not None else True
        actions.link_action.setChecked(enabled)
        self.linker.set_enabled(enabled)
        actions.link_action.toggled.connect(self._on_link_action_toggled)
        actions.next_flag_action.triggered.connect(self._on_next_flag_action_triggered)
        actions.previous_flag_action.triggered.connect(self._on_previous_flag_action_triggered)
        self.option_bar.digest_clicked.connect(actions.digest_action.trigger)
        self.option_bar.cancel_clicked.connect(actions.cancel_action.trigger)
        self.queue_panel.save_all_button.clicked.connect(actions.save_all_action.trigger)
        self.queue_panel.cancel_all_button.clicked.connect(actions.cancel_all_action.trigger)
        if self._runner is not None and self._settings is not None:
            views = [self.original_pane.view, *self.generated_pane.views_by_key().values()]
            self.reading_tools = ReadingTools(
                actions.reading, self.find_bar, views, self.reading_view, lambda: self.entry.digest if self.entry else None,
                self._runner, self._settings, self._say, self)
            if self._engine is not None and self._history is not None:
                from desktop.ui.review import ReviewController

                self.review = ReviewController(self, self._queue, actions.review, self._engine, self._history, self._settings,
                                               self._show_status, self._runner, self)

    def reading_view(self) -> tuple[FileDropTextView, str]:
        """The pane a reader means now, with its name: the one last clicked or typed in, else
        the tab shown."""
        view = self._reading_view
        if view is None:
            current = self.generated_pane.currentWidget()
            view = current if isinstance(current, FileDropTextView) else self.original_pane.view
        if view is self.original_pane.view:
            return view, translate("Workspace", "the article")
        key = next((key for key, each in self.generated_pane.views_by_key().items() if each is view), "summary")
        return view, place_name(key)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, FileDropTextView) and (new is self.original_pane.view or self.generated_pane.isAncestorOf(new)):
            self._reading_view = new

    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        if self._reading_view is not None and self._reading_view is not self.original_pane.view:
            current = self.generated_pane.currentWidget()
            self._reading_view = current if isinstance(current, FileDropTextView) else None

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

    # -- the settings ------------------------------------------------------------------------
    def restore_settings(self) -> None:
        """The splitter's sizes, the languages, the full-article box and the profile as last left."""
        if self._settings is None:
            return
        if not self.splitter.restoreState(self._settings.splitter_state):
            self.splitter.setSizes([240, 560, 640])  # the articles list shows once there are several
        self.option_bar.set_options(self._settings.languages, self._settings.translate_article)
        self.option_bar.show_profile(self._settings.profile)

    def splitter_state(self) -> QByteArray:
        """The splitter's sizes, to keep in the settings when the window closes."""
        return self.splitter.saveState()

    @Slot()
    def _on_option_bar_options_changed(self) -> None:
        if self._settings is not None:
            self._settings.languages = self.option_bar.options().languages
            self._settings.translate_article = self.option_bar.full_article_checked

    # -- the queue's news --------------------------------------------------------------------
    @Slot()
    def _on_queue_entries_changed(self) -> None:
        if self.entry is not None and self.entry not in self._queue.entries:  # the one shown was removed
            self.show_entry(self._queue.entries[0] if self._queue.entries else None)

    @Slot(object)
    def _on_queue_entry_changed(self, entry: ArticleEntry) -> None:
        from desktop.ui.article_queue import EntryState

        if entry.state is EntryState.DIGESTING:
            self.banner.clear("success")  # "Models found — press Digest": it was pressed
            if not self.progress_row.isVisible():
                self.progress_row.start(entry.step or translate("ArticleQueue", "Waiting for the engine…"))
            self.progress_row.set_progress(entry.progress, entry.step)
        elif not self._queue.running:
            self.progress_row.stop()
        if entry is self.entry and (entry.state is not self._shown[0] or entry.digest is not self._shown[1]):
            self.show_entry(entry)

    @Slot(object)
    def _on_queue_entry_revised(self, entry: ArticleEntry) -> None:
        """The digest shown was corrected (an edit, a re-translation, back-translations): the
        texts that changed are replaced in place, the reader's place and undo kept elsewhere."""
        if entry is self.entry and entry.digest is not None:
            previous, self._shown = self._shown[1], (entry.state, entry.digest)
            self.show_digest(entry.digest, with_article=False, previous=previous)

    @Slot(object, object)
    def _on_queue_partial(self, entry: ArticleEntry, part: PartialText) -> None:
        if entry is self.entry and entry.digest is None:
            self.show_progress(entry.parts, entry.requested_keys(), stopped=False)

    @Slot(object, object)
    def _on_queue_digest_failed(self, entry: ArticleEntry, error: DigestError) -> None:
        if entry is self.entry:
            show_digest_failure(self.banner, error)

    def show_model_problems(self, problems: list[str], models_dir: str | None) -> None:
        """Warn in the banner about the models the options need but lack; then, off the GUI
        thread, learn what to advise (the folders a chosen models folder lacks, another
        profile whose models are there) and say it too. No problems: no warning, and "Models
        found — press Digest" once if the same digest lacked models at the last check."""
        from desktop.ui.engine_link import models_language

        self._checks += 1
        self._found_timer.stop()
        self.banner.clear("success")
        options = self.option_bar.options()
        language = models_language(self.entry.article if self.entry is not None else None)
        wanted = (self.option_bar.profile, options.languages, language)
        missing_before, self._missing_for = self._missing_for, (wanted if problems else None)
        if not problems:
            self.banner.clear("warning")
            if missing_before == wanted:
                show_models_found(self.banner)
                self._found_timer.start()
            return
        show_missing_models(self.banner, problems, models_dir)
        if self._runner is None:
            return
        check = self._checks
        task = self._runner.run("advise on missing models", lambda state: models_advice(wanted[0], models_dir, options, language),
                                lane=MODELS_LANE)
        task.finished.connect(lambda advice: self._on_models_advice(check, problems, models_dir, advice))

    def _on_models_advice(self, check: int, problems: list[str], models_dir: str | None, advice: ModelsAdvice) -> None:
        if check == self._checks and self.banner.kind == "warning":  # still the latest check's warning
            show_missing_models(self.banner, problems, models_dir, advice)

    def show_article(self, article: Article | None) -> None:
        """Show ``article`` on the left and empty the generated side (back on its first tab
        for another article). The article shown already (its digest starting) is not set
        again: the reader's place in it is kept."""
        self.linker.set_digest(None)
        self.flag_count_label.hide()
        another = self.original_pane.show_article(article)
        self.generated_pane.show_digest(None)
        if another:
            self.generated_pane.setCurrentIndex(0)
        self.digest_info_label.hide()

    def show_digest(self, digest: Digest, *, with_article: bool, previous: Digest | None = None) -> None:
        """Show ``digest``'s texts and the line about it, its sentences linked and its flags
        counted; its article on the left too if ``with_article``. ``previous``: the digest shown,
        which ``digest`` revises (only the texts that changed are set again)."""
        self.linker.set_digest(None)
        if with_article:
            self.original_pane.show_article(digest.article)
        self.generated_pane.show_digest(digest, previous)
        self._show_info(lambda: (digest_info(digest), digest_info_tooltip(digest)))
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
            self._show_info(lambda: (translate(
                "Workspace", "Incomplete: the digest was cancelled. What was written before is shown; it is not in the history."), ""))
        else:
            self._show_info(lambda: (translate(
                "Workspace", "Still digesting: texts marked … are not finished (the summary may still change)."), ""))

    @Slot(object)
    def show_entry(self, entry: ArticleEntry | None) -> None:
        """Show one of the window's articles: its digest, or what its digest has written so far
        (while it runs, or after a cancel), or only the article, and why it failed if it did;
        selected in the list."""
        from desktop.ui.article_queue import EntryState

        self.entry = entry
        self._shown = (entry.state, entry.digest) if entry is not None else (None, None)
        self.banner.clear("error")
        self.queue_panel.select(entry)
        if entry is None or entry.article is None:
            self.show_article(None)
        elif entry.digest is not None:
            self.show_digest(entry.digest, with_article=True)
        else:
            self.show_article(entry.article)
            if entry.parts or entry.state is EntryState.DIGESTING:
                self.show_progress(entry.parts, entry.requested_keys(), stopped=entry.state is EntryState.CANCELLED)
        if entry is not None and entry.state is EntryState.FAILED and entry.reason:
            show_digest_failure(self.banner, DigestError(entry.reason))
        self.entry_shown.emit(entry)
