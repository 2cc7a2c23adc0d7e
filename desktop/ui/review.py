"""Correcting a digest in the window, and passing the corrections on.

Every generated text of a finished digest (the English summary, its translations, the full
translations) can be edited in place: typing in its pane, or Edit › Edit Text (F2). The
:class:`ReviewController` commits what was typed once the typing pauses (:data:`COMMIT_IDLE_MS`)
or the pane is left, never per keystroke, through :mod:`models.digest.revise`:

- a translation's edit is pure string work (:func:`~models.digest.revise.edit_translation`,
  milliseconds, on the GUI thread): the sentences whose text changed are marked edited, with
  what the model wrote kept beside them;
- the English summary's edit goes to the engine (``revise_summary`` on the runner's engine
  lane): only its new and changed sentences are translated again into each language; every
  other sentence keeps its translation byte for byte, and any edit made to it (an edit whose
  English changed is kept, marked, with the new machine translation offered beside it). While
  it runs (about a second) the summary and its translations are read-only.

Each commit replaces the entry's digest through :meth:`ArticleQueue.revise`; the workspace shows
the texts that changed in place, and the digest goes over its history entry
(:meth:`History.replace`, on the history's lane) a moment later, so closing the window loses no
edit (what is still being typed or translated is committed and kept on the way out). Undo and
Redo are each pane's own; Revert Sentence and Revert All put the machine's text back (undoable
too); a translated sentence's alternatives (:mod:`desktop.ui.alternatives`) replace it marked
as chosen. Revised sentences are marked in the panes' margins (:mod:`desktop.ui.revision_marks`).

Back-translation (View › Back-Translate for Checking: :mod:`desktop.ui.back_translation`) runs
once a digest is shown and again after each edit; the user's own requests to the engine (a
summary's edit, alternatives) stop it and it starts again after them. Its results are applied
as edits are, and kept with the digest; pointing at a sentence shows its back-translation
beside its English.
"""

from __future__ import annotations

import threading
from functools import partial
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QWidget

from desktop.ui.alternatives import AlternativesSection
from desktop.ui.back_translation import BackTranslator, failure_reason
from desktop.ui.documents import HISTORY_LANE
from desktop.ui.language import TranslationContext, language_name
from desktop.ui.linking import TextPositions, sentence_at
from desktop.ui.revision_marks import RevisionMargin, mark_kind, origin_line
from desktop.ui.window_action import window_action
from models.common.types import ENGLISH, MACHINE, Cancelled, Digest, DigestError

if TYPE_CHECKING:
    from desktop.ui.article_queue import ArticleEntry, ArticleQueue
    from desktop.ui.documents import DigestHistory
    from desktop.ui.panes import FileDropTextView
    from desktop.ui.runner import BackgroundRunner, Task
    from desktop.ui.settings import AppSettings
    from desktop.ui.workspace import Workspace
    from models.common.types import TextRange
    from models.digest.revise import Alternative, SentenceView

Review = TranslationContext("Review")

#: An edit is committed once the typing has paused this long (or its pane is left).
COMMIT_IDLE_MS = 1500
#: A revised digest goes over its history entry this long after its last change.
KEEP_DELAY_MS = 800
#: How long the last history write waits, on the way out, for a summary still being translated.
CLOSE_WAIT_S = 4.5
#: An edited translation of the summary may be this many times as long as the summary may be.
SUMMARY_TRANSLATION_FACTOR = 3


@runtime_checkable
class RevisingEngine(Protocol):
    """What correcting a digest asks of the engine (:class:`models.digest.process.DigestProcess`).
    An engine without it (a test's digest-only fake) leaves digests as they are."""

    def revise_summary(self, digest: Digest, edited_summary: str, config: Any = None, state: Any = None) -> Digest: ...

    def back_translate(self, digest: Digest, config: Any = None, state: Any = None, keys: list[str] | None = None) -> Digest: ...

    def alternatives(self, language: str, english: str, count: int = 4, config: Any = None, state: Any = None,
                     exclude: tuple[str, ...] = ()) -> list[Alternative]: ...


class ReviewActions:
    """The Edit menu's actions, and View › Back-Translate for Checking, with the window as their
    parent (their shortcuts work everywhere in it); the :class:`ReviewController` acts on them."""

    def __init__(self, window: QWidget) -> None:
        key = QKeySequence

        action = partial(window_action, window)

        self.edit_text_action = action("editTextAction", key("F2"))
        self.undo_action = action("undoEditAction", *key.keyBindings(key.StandardKey.Undo))
        self.redo_action = action("redoEditAction", *key.keyBindings(key.StandardKey.Redo))  # Ctrl+Y and Ctrl+Shift+Z
        self.revert_sentence_action = action("revertSentenceAction")
        self.revert_all_action = action("revertAllAction")
        self.alternatives_action = action("alternativesAction", key("Alt+Down"))
        self.use_new_translation_action = action("useNewTranslationAction")
        self.back_translate_action = action("backTranslateAction")
        self.back_translate_action.setCheckable(True)
        self.retranslate()

    def retranslate(self) -> None:
        """Every action's text and tip in the interface's language."""
        for item, text, tip in (
            (self.edit_text_action, Review.tr("&Edit Text"), Review.tr("Type in the text shown to correct it")),
            (self.undo_action, Review.tr("&Undo Typing"), Review.tr("Undo the last change in the pane being edited")),
            (self.redo_action, Review.tr("&Redo Typing"), Review.tr("Redo what was undone in the pane being edited")),
            (self.revert_sentence_action, Review.tr("Revert &Sentence"),
             Review.tr("Put back what the model wrote for the sentence at the cursor")),
            (self.revert_all_action, Review.tr("Revert &All in This Text"),
             Review.tr("Put back what the model wrote for every sentence of the text shown")),
            (self.alternatives_action, Review.tr("Alternative &Translations…"),
             Review.tr("Other translations of the sentence at the cursor, each translated back into English")),
            (self.use_new_translation_action, Review.tr("Use the &New Translation"),
             Review.tr("Replace your edit of the sentence at the cursor by the translation of its new English")),
            (self.back_translate_action, Review.tr("&Back-Translate for Checking"),
             Review.tr("Translate every Russian and Arabic sentence back into English, and flag those whose meaning may differ")),
        ):
            item.setText(text)
            item.setStatusTip(tip)
            item.setToolTip(tip)

    def edit_menu_actions(self) -> list[QAction | None]:
        """The Edit menu, in order (None: a separator)."""
        return [self.edit_text_action, None, self.undo_action, self.redo_action, None, self.revert_sentence_action,
                self.revert_all_action, None, self.alternatives_action, self.use_new_translation_action]


def text_name(key: str) -> str:
    """A generated text as a sentence names it: "the English summary", "the Russian summary",
    "the Arabic full text"."""
    kind, _, code = key.partition(":")
    if not code:
        return Review.tr("the English summary")
    if kind == "summary":
        return Review.tr("the {language} summary").format(language=language_name(code))
    return Review.tr("the {language} full text").format(language=language_name(code))


def _summary_text(key: str) -> bool:
    """Whether ``key`` is the English summary or one of its translations (what a summary's
    revision changes)."""
    return key == "summary" or key.startswith("summary:")


def _is_translation(key: str) -> bool:
    language = key.partition(":")[2]
    return bool(language) and language != ENGLISH


def merged_revision(current: Digest, revised: Digest) -> Digest:
    """``revised`` (the English summary's edit carried into its translations, made by the
    engine from an earlier state of ``current``) with what changed in ``current`` meanwhile:
    the article's translations and their edits, and back-translations made since. Pure."""
    from models.digest.revise import carry_back_translations

    def kept(made: dict, now: dict) -> dict:
        return {**{key: value for key, value in made.items() if _summary_text(key)},
                **{key: value for key, value in now.items() if not _summary_text(key)}}

    merged = replace(
        revised, article_translations=current.article_translations, english_translation=current.english_translation,
        alignments=kept(dict(revised.alignments), dict(current.alignments)),
        revisions=kept(dict(revised.revisions), dict(current.revisions)),
        back_translations=kept(dict(revised.back_translations), dict(current.back_translations)),
        back_translate=current.back_translate or revised.back_translate,
    )
    return carry_back_translations(merged, current)


def keep_revised(history: Any, digest: Digest, entry_id: str | None) -> str:
    """Put ``digest`` over its entry in ``history`` (``entry_id``, else the entry of the same
    article made at the same time), or add it when it has none; returns the entry's id. On the
    history's lane."""
    from models.documents.history import HistoryError

    if entry_id:
        try:
            return history.replace(entry_id, digest).id
        except HistoryError:
            pass
    wanted = (digest.article.title, digest.created, digest.article.source_path)
    for item in history.entries():
        if (item.title, item.created, item.source_path) == wanted:
            return history.replace(item.id, digest).id
    return history.add(digest).id


class _Revision:
    """An English summary's edit on its way through the engine: its result (or failure) is
    kept here too, for the last history write on the way out to wait for."""

    def __init__(self, entry: ArticleEntry, base: Digest, text: str) -> None:
        self.entry, self.base, self.text = entry, base, text
        self.result: Digest | None = None
        self.done = threading.Event()
        self.task: Task | None = None

    def run(self, engine: RevisingEngine, config: Any, state: Any) -> Digest:
        try:
            self.result = engine.revise_summary(self.base, self.text, config, state)
            return self.result
        finally:
            self.done.set()


class ReviewController(QObject):
    """Editing, reverting, alternatives, back-translation and keeping revised digests, for the
    generated panes of ``workspace`` (see the module docstring).

    ``engine`` returns the engine (made on first use), ``history`` is the window's history,
    ``settings`` gives the profile, the models folder and the back-translation choice, and
    ``show_status`` says things in the status bar.
    """

    def __init__(
        self, workspace: Workspace, queue: ArticleQueue, actions: ReviewActions, engine: Callable[[], Any],
        history: DigestHistory, settings: AppSettings, show_status: Callable[[str], object], runner: BackgroundRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._queue, self.actions, self._engine = workspace, queue, actions, engine
        self._history, self._settings, self._show_status, self._runner = history, settings, show_status, runner
        self.views: dict[str, FileDropTextView] = workspace.generated_pane.views_by_key()
        self._keys = {view: key for key, view in self.views.items()}
        self.margins = {view: RevisionMargin(view) for view in self.views.values()}
        #: What was typed and not yet committed, by (entry, text key).
        self._pending: dict[tuple[ArticleEntry, str], str] = {}
        #: The English summaries being translated again, by entry.
        self._revising: dict[ArticleEntry, _Revision] = {}
        self._alternatives_task: Task | None = None
        self._alternatives_found: dict[tuple[str, str, str], list[Alternative]] = {}
        self._to_keep: set[ArticleEntry] = set()
        self._history_ids: dict[ArticleEntry, str] = {}
        #: Each text's sentences and positions, with the digest they were read from.
        self._sentences: dict[str, tuple[Digest, list[SentenceView], TextPositions]] = {}
        self._applying = self._closed = self._warned = self._watching_window = self._saving_before_revision = False
        self._commit_timer = self._timer(COMMIT_IDLE_MS, self.flush)
        self._keep_timer = self._timer(KEEP_DELAY_MS, self._keep_all)
        for view in self.views.values():
            view.setUndoRedoEnabled(True)
            view.textChanged.connect(self._on_view_text_changed)
            view.cursorPositionChanged.connect(self._update_actions)
            view.undoAvailable.connect(self._update_actions)
            view.redoAvailable.connect(self._update_actions)
            view.context_menu_opening.connect(self._on_context_menu_opening)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        workspace.entry_shown.connect(self._on_entry_shown)
        workspace.generated_pane.currentChanged.connect(self._update_actions)
        queue.entry_revised.connect(self._on_entry_revised)
        for item, slot in (
            (actions.edit_text_action, self.edit_text), (actions.undo_action, lambda: self._edit_view(undo=True)),
            (actions.redo_action, lambda: self._edit_view(undo=False)), (actions.revert_sentence_action, self.revert_sentence),
            (actions.revert_all_action, self.revert_all), (actions.alternatives_action, self.show_alternatives),
            (actions.use_new_translation_action, self.revert_sentence),
        ):
            item.triggered.connect(slot)
        self.back_translator = BackTranslator(
            actions.back_translate_action, settings, queue, lambda: self.entry, self._engine_for_revision, self._config, runner,
            self._applied, lambda: bool(self._revising) or (self._alternatives_task is not None and self._alternatives_task.active),
            self._say, self)
        self._update_actions()

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _say(self, message: str, timeout_ms: int = 0) -> None:
        if timeout_ms:
            self._show_status(message, timeout_ms)
        else:
            self._show_status(message)

    # -- what is shown -----------------------------------------------------------------------------
    @property
    def entry(self) -> ArticleEntry | None:
        return self._workspace.entry

    def _digest(self) -> Digest | None:
        entry = self.entry
        return entry.digest if entry is not None else None

    def _read(self, digest: Digest, key: str) -> tuple[list[SentenceView], TextPositions]:
        """``digest``'s sentences of text ``key`` and its positions (kept while the digest is the same)."""
        from models.digest.revise import sentences

        kept = self._sentences.get(key)
        if kept is None or kept[0] is not digest:
            found = sentences(digest, key) if key in digest.alignments else []
            kept = self._sentences[key] = (digest, found, TextPositions(digest.generated_text(key)))
        return kept[1], kept[2]

    def sentences(self, digest: Digest, key: str) -> list[SentenceView]:
        """``digest``'s sentences of text ``key``, as :func:`models.digest.revise.sentences` reads them."""
        return self._read(digest, key)[0]

    def sentence_at(self, view: QTextEdit, position: int | None = None) -> SentenceView | None:
        """The sentence of ``view`` at document ``position`` (default: its text cursor)."""
        digest, key = self._digest(), self._keys.get(view)
        if digest is None or key is None:
            return None
        found, positions = self._read(digest, key)
        cursor = view.textCursor()
        if position is None:
            position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        index = positions.index(position)
        target = sentence_at([item.target for item in found], index)
        return next((item for item in found if item.target == target), None)

    def editable(self, key: str) -> bool:
        """Whether the text ``key`` of the digest shown may be edited now."""
        entry, digest = self.entry, self._digest()
        if digest is None or key not in digest.alignments or not digest.generated_text(key):
            return False
        return not (entry in self._revising and _summary_text(key))

    def _update_editable(self) -> None:
        from PySide6.QtCore import Qt

        for key, view in self.views.items():
            editable = self.editable(key)
            if editable == (not view.isReadOnly()):
                continue
            view.setReadOnly(not editable)
            if not editable:
                view.setTextInteractionFlags(
                    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._update_actions()

    def _show_marks(self) -> None:
        """Mark each view's revised sentences in its margin."""
        digest = self._digest()
        for key, view in self.views.items():
            marks = []
            revision = digest.revisions.get(key) if digest is not None else None
            if revision is not None:
                positions = TextPositions(digest.generated_text(key))
                for sentence in revision.sentences:
                    kind = mark_kind(sentence.origin, sentence.source_changed)
                    if kind is not None:
                        start, end = positions.span(sentence.target)
                        marks.append((start, end, kind, lambda said=sentence: origin_line(said.origin, said.machine, said.source_changed)))
            self.margins[view].set_marks(marks)

    @Slot(object)
    def _on_entry_shown(self, entry: ArticleEntry | None) -> None:
        window = self._workspace.window()
        if window is not self._workspace and not self._watching_window:  # nothing is edited before an entry shows
            self._watching_window = True
            window.installEventFilter(self)
            for action in window.actions():  # a shortcut (Save, Copy Digest…) acts on what was typed
                action.installEventFilter(self)
        self._update_editable()
        self._show_marks()
        self.back_translator.schedule()

    @Slot(object)
    def _on_entry_revised(self, entry: ArticleEntry) -> None:
        self._to_keep.add(entry)
        self._keep_timer.start()
        if entry is self.entry:
            self._update_editable()
            self._show_marks()
            self.back_translator.schedule()

    # -- typing ---------------------------------------------------------------------------------
    @Slot()
    def _on_view_text_changed(self) -> None:
        view = self.sender()
        entry, digest = self.entry, self._digest()
        if self._applying or digest is None or view not in self._keys or view.isReadOnly():
            return
        key = self._keys[view]
        text = view.shown_text()
        same = text.strip() == digest.summary.strip() if key == "summary" else text == digest.generated_text(key)
        if same:
            self._pending.pop((entry, key), None)
        else:
            self._pending[entry, key] = text
            self._commit_timer.start()

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old in self._keys and self._pending:
            self.flush()

    def has_pending(self, entry: ArticleEntry | None = None) -> bool:
        """Whether something typed (in ``entry``'s texts, when given) is not committed yet."""
        return any(entry is None or owner is entry for owner, _key in self._pending)

    def revising(self, entry: ArticleEntry | None = None) -> bool:
        """Whether an English summary's edit (``entry``'s, when given) is being translated."""
        return bool(self._revising) if entry is None else entry in self._revising

    @Slot()
    def flush(self, only: ArticleEntry | None = None) -> None:
        """Commit what was typed and not yet committed (in ``only``'s texts, when given): the
        translations' edits at once, the English summary's through the engine."""
        self._commit_timer.stop()
        for entry, key in sorted(self._pending, key=lambda item: item[1] == "summary"):
            if (only is not None and entry is not only) or (key == "summary" and entry in self._revising):
                continue
            text = self._pending.pop((entry, key), None)  # an earlier commit may have taken it
            if text is None:
                continue
            if key == "summary":
                self._revise_summary(entry, text)
            else:
                self._commit_translation(entry, key, text)

    def _limit(self, digest: Digest, key: str) -> int:
        from models.digest.revise import MAX_SUMMARY_CHARS, MAX_TEXT_CHARS

        if key == "summary":
            return MAX_SUMMARY_CHARS
        if key.startswith("summary:"):
            return MAX_SUMMARY_CHARS * SUMMARY_TRANSLATION_FACTOR
        return MAX_TEXT_CHARS

    def _refused(self, entry: ArticleEntry, key: str, text: str) -> str:
        """Why ``text`` cannot be ``entry``'s text ``key`` ("" when it can)."""
        if not text.strip():
            return Review.tr("Your edit would leave {text} empty.").format(text=text_name(key))
        limit = self._limit(entry.digest, key)
        if len(text) > limit:
            return Review.tr("Your edit would make {text} {count} characters long; it may be {limit} at most.").format(
                text=text_name(key), count=f"{len(text):,}", limit=f"{limit:,}")
        return ""

    def _refuse(self, reason: str) -> None:
        """Say that an edit was not applied, why, and that nothing was lost."""
        banner = self._workspace.banner
        banner.show_message("error", Review.tr("Your edit was not applied."), [reason],
                            footer=Review.tr("What you typed is still in the pane and the digest is as it was: undo (Ctrl+Z) or correct it."))
        self._warned = True
        self._say(Review.tr("Your edit was not applied: {reason}").format(reason=reason))

    def _applied(self, entry: ArticleEntry, digest: Digest) -> None:
        if self._warned:
            self._warned = False
            self._workspace.banner.clear("error")
        self._queue.revise(entry, digest)

    def _commit_translation(self, entry: ArticleEntry, key: str, text: str) -> None:
        from models.digest.revise import edit_translation

        digest = entry.digest
        if digest is None or key not in digest.alignments or text == digest.generated_text(key):
            return
        reason = self._refused(entry, key, text)
        if reason:
            self._refuse(reason)
            return
        try:
            revised = edit_translation(digest, key, text)
        except DigestError as error:
            self._refuse(" ".join(str(error).split()))
            return
        self._applied(entry, revised)

    # -- the English summary's edits, through the engine ---------------------------------------------
    def _engine_for_revision(self) -> RevisingEngine | None:
        engine = self._engine()
        return engine if isinstance(engine, RevisingEngine) else None

    def _config(self) -> Any:
        from desktop.ui.engine_link import pipeline_config

        return pipeline_config(self._settings.profile, self._settings.models_dir)

    def _revise_summary(self, entry: ArticleEntry, text: str) -> None:
        digest = entry.digest
        if digest is None or text.strip() == digest.summary.strip():
            return
        reason = self._refused(entry, "summary", text.strip())
        engine = self._engine_for_revision()
        if reason or engine is None:
            self._refuse(reason or Review.tr("This engine cannot translate an edited summary."))
            return
        self.flush(entry)  # the translations' edits first: the revision starts from them
        revision = _Revision(entry, entry.digest, text)
        self.back_translator.cancel()  # the user's request goes first
        config = self._config()
        task = revision.task = self._runner.run("revise the summary", lambda state: revision.run(engine, config, state), finish=True)
        self._revising[entry] = revision
        task.finished.connect(lambda revised: self._on_summary_revised(revision, revised))
        task.failed.connect(lambda error: self._on_summary_failed(revision, error))
        task.cancelled.connect(lambda: self._on_summary_failed(revision, None))
        languages = ", ".join(language_name(code) for code in digest.summary_translations)
        self._say(Review.tr("Translating the summary's changed sentences into {languages}…").format(languages=languages))
        self._update_editable()

    def _on_summary_revised(self, revision: _Revision, revised: Digest) -> None:
        entry = revision.entry
        self._revising.pop(entry, None)
        if self._closed:
            return  # kept on the way out (close)
        current = entry.digest
        if current is not None and current.created == revision.base.created:
            self._applied(entry, merged_revision(current, revised))
            kept = [language_name(code) for code in revised.summary_translations]
            self._say(Review.tr("The summary's changes were carried into {languages}.").format(languages=", ".join(kept)), 8000)
        self._update_editable()
        self.flush(entry)

    def _on_summary_failed(self, revision: _Revision, error: Exception | None) -> None:
        entry = revision.entry
        self._revising.pop(entry, None)
        if self._closed:
            return
        if error is not None and not isinstance(error, Cancelled):
            self._pending.setdefault((entry, "summary"), revision.text)  # still what the pane says
            self._refuse(Review.tr("The edited summary could not be translated: {reason}").format(reason=failure_reason(error)))
        self._update_editable()
        self.back_translator.schedule()

    # -- the Edit menu ---------------------------------------------------------------------------
    def reading_view(self) -> FileDropTextView | None:
        """The generated view being read (clicked last, else the tab shown)."""
        view, _place = self._workspace.reading_view()
        if view not in self._keys:
            current = self._workspace.generated_pane.currentWidget()
            view = current if current in self._keys else None
        return view

    @Slot()
    def _update_actions(self) -> None:
        actions, view = self.actions, self.reading_view()
        key = self._keys.get(view)
        editable = key is not None and self.editable(key)
        sentence = self.sentence_at(view) if editable else None
        digest = self._digest()
        revision = digest.revisions.get(key) if editable and digest is not None else None
        actions.edit_text_action.setEnabled(editable)
        actions.undo_action.setEnabled(editable and view.document().isUndoAvailable())
        actions.redo_action.setEnabled(editable and view.document().isRedoAvailable())
        actions.revert_sentence_action.setEnabled(sentence is not None and (sentence.origin != MACHINE or sentence.source_changed))
        actions.use_new_translation_action.setEnabled(sentence is not None and sentence.source_changed)
        actions.revert_all_action.setEnabled(revision is not None and bool(revision.edited or any(
            item.source_changed for item in revision.sentences)))
        actions.alternatives_action.setEnabled(sentence is not None and _is_translation(key))

    @Slot()
    def edit_text(self) -> None:
        """Edit › Edit Text: into the text shown, to type."""
        view = self.reading_view()
        key = self._keys.get(view)
        if key is None or not self.editable(key):
            if self.revising(self.entry):
                self._say(Review.tr("Wait a moment: the summary's changes are being translated."))
            else:
                self._say(Review.tr("Nothing to edit yet: digest an article first."))
            return
        self._workspace.generated_pane.setCurrentWidget(view)
        view.setFocus()
        self._say(Review.tr("Editing {text}: type to correct it. Your changes are kept as you type; Ctrl+Z undoes them.").format(
            text=text_name(key)))

    def _edit_view(self, *, undo: bool) -> None:
        view = self.reading_view()
        if view is not None and not view.isReadOnly():
            view.undo() if undo else view.redo()

    def _replace_in_view(self, view: QTextEdit, digest: Digest, key: str, target: TextRange, text: str) -> None:
        """Put ``text`` in place of ``target`` of ``view`` (showing ``digest``'s text ``key``),
        as an edit Undo takes back."""
        start, end = TextPositions(digest.generated_text(key)).span(target)
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._applying = True
        try:
            cursor.insertText(text)
        finally:
            self._applying = False

    def _sentence_for(self, view: QTextEdit | None) -> tuple[ArticleEntry, str, SentenceView] | None:
        """The sentence at ``view``'s cursor, after what was typed there is committed."""
        entry, key = self.entry, self._keys.get(view)
        if entry is None or key is None or not self.editable(key):
            return None
        self.flush(entry)
        sentence = self.sentence_at(view) if self.editable(key) else None
        return (entry, key, sentence) if sentence is not None else None

    @Slot()
    def revert_sentence(self, view: QTextEdit | None = None) -> None:
        """Revert Sentence (and Use the New Translation): the model's text for the sentence at
        the cursor of ``view`` (the pane being read), as an edit Undo takes back."""
        view = view if isinstance(view, QTextEdit) else self.reading_view()
        found = self._sentence_for(view)
        if found is None:
            return
        entry, key, sentence = found
        if sentence.origin == MACHINE and not sentence.source_changed:
            self._say(Review.tr("This sentence is the model's own: nothing to revert."))
            return
        if key == "summary":
            summary = entry.digest.summary
            text = summary[: sentence.target[0]] + sentence.machine + summary[sentence.target[1]:]
            self._replace_in_view(view, entry.digest, key, sentence.target, sentence.machine)
            self._revise_summary(entry, text)
            return
        from models.digest.revise import use_machine

        digest = entry.digest
        revised = use_machine(digest, key, sentence.target)
        self._replace_in_view(view, digest, key, sentence.target, sentence.machine)
        self._applied(entry, revised)
        self._say(Review.tr("The sentence is the model's again."), 5000)

    @Slot()
    def revert_all(self) -> None:
        """Revert All: the model's text for every sentence of the text shown (undoable)."""
        view = self.reading_view()
        entry, key = self.entry, self._keys.get(view)
        if entry is None or key is None or not self.editable(key):
            return
        self.flush(entry)
        digest = entry.digest
        revision = digest.revisions.get(key)
        if revision is None or not (revision.edited or any(item.source_changed for item in revision.sentences)):
            self._say(Review.tr("Nothing to revert: {text} is the model's own.").format(text=text_name(key)))
            return
        if key == "summary":
            self._replace_in_view(view, digest, key, (0, len(digest.summary)), revision.machine_text)
            self._revise_summary(entry, revision.machine_text)
            return
        from models.digest.revise import use_machine

        revised = digest
        for sentence in reversed(self.sentences(digest, key)):  # from the end: earlier targets stay put
            if sentence.origin != MACHINE or sentence.source_changed:
                revised = use_machine(revised, key, sentence.target)
        self._replace_in_view(view, digest, key, (0, len(digest.generated_text(key))), revised.generated_text(key))
        self._applied(entry, revised)
        self._say(Review.tr("Reverted: {text} is the model's again.").format(text=text_name(key)), 5000)

    # -- alternatives ----------------------------------------------------------------------------
    @Slot(object, object)
    def _on_context_menu_opening(self, menu: QMenu, point: QPoint) -> None:
        """A pane's context menu: the sentence's alternatives (a translation's) and Revert
        Sentence (or Use the New Translation) above the standard entries."""
        view = self.sender()
        key = self._keys.get(view)
        if key is None or not self.editable(key):
            return
        self.flush(self.entry)
        cursor = view.cursorForPosition(point)
        sentence = self.sentence_at(view, cursor.position()) if self.editable(key) else None
        if sentence is None:
            return
        first = menu.actions()[0] if menu.actions() else None
        anchor = menu.insertSeparator(first) if first is not None else menu.addSeparator()
        if sentence.origin != MACHINE or sentence.source_changed:
            revert = QAction(self.actions.use_new_translation_action.text() if sentence.source_changed
                             else self.actions.revert_sentence_action.text(), menu)
            revert.setObjectName("revertSentenceMenuAction")
            revert.triggered.connect(lambda: (view.setTextCursor(cursor), self.revert_sentence(view)))
            menu.insertAction(anchor, revert)
            anchor = menu.insertSeparator(revert) if _is_translation(key) else revert
        if _is_translation(key):
            self.alternatives_in(menu, view, key, sentence, anchor)

    @Slot()
    def show_alternatives(self) -> QMenu | None:
        """Edit › Alternative Translations (Alt+Down): a menu of the alternatives of the
        sentence at the cursor, under it; returns the menu (None when there is no sentence)."""
        view = self.reading_view()
        found = self._sentence_for(view)
        if found is None or not _is_translation(found[1]):
            self._say(Review.tr("Put the cursor in a translated sentence to see its alternative translations."))
            return None
        entry, key, sentence = found
        menu = QMenu(view)
        menu.setObjectName("alternativesMenu")
        menu.aboutToHide.connect(menu.deleteLater)
        self.alternatives_in(menu, view, key, sentence)
        menu.popup(view.viewport().mapToGlobal(view.cursorRect().bottomLeft()))
        return menu

    def alternatives_in(self, menu: QMenu, view: QTextEdit, key: str, sentence: SentenceView,
                        before: QAction | None = None) -> AlternativesSection:
        """The alternatives of ``sentence`` (text ``key``, in ``view``) as a section of ``menu``,
        found on the engine (or remembered from last time); choosing one puts it in place."""
        section = AlternativesSection(menu, before)
        menu.setObjectName(menu.objectName() or "sentenceMenu")
        entry = self.entry
        section.chosen.connect(lambda alternative: self.choose(entry, view, key, sentence, alternative))
        language = key.partition(":")[2]
        remembered = (language, sentence.english, sentence.text)
        if remembered in self._alternatives_found:
            section.show_found(self._alternatives_found[remembered])
            return section
        engine = self._engine_for_revision()
        if engine is None or not sentence.english:
            section.show_failure(Review.tr("this engine cannot find them."))
            return section
        self.back_translator.cancel()  # the user's request goes first
        config, exclude = self._config(), tuple({sentence.text, sentence.machine})
        task = self._runner.run("find alternatives",
                                lambda state: engine.alternatives(language, sentence.english, 4, config, state, exclude))
        self._alternatives_task = task

        def found(alternatives: list[Alternative]) -> None:
            self._alternatives_found[remembered] = list(alternatives)
            section.show_found(alternatives)

        def failed(error: Exception) -> None:
            section.show_failure(failure_reason(error))

        task.finished.connect(found)
        task.failed.connect(failed)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(self.back_translator.schedule)
        return section

    def choose(self, entry: ArticleEntry, view: QTextEdit, key: str, sentence: SentenceView, alternative: Alternative) -> None:
        """Put ``alternative`` in place of ``sentence`` (marked as chosen; undoable)."""
        from models.digest.revise import choose_alternative

        digest = entry.digest
        now = next((item for item in self.sentences(digest, key) if item.target == sentence.target), None) if digest else None
        if entry is not self.entry or now is None or now.text != sentence.text:
            self._say(Review.tr("The sentence changed meanwhile: open its alternatives again."))
            return
        revised = choose_alternative(digest, key, sentence.target, alternative)
        start, end = sentence.target
        grown = len(revised.generated_text(key)) - len(digest.generated_text(key))
        self._replace_in_view(view, digest, key, sentence.target, revised.generated_text(key)[start : end + grown])
        self._applied(entry, revised)
        self._say(Review.tr("Alternative chosen: the sentence now reads “{text}”.").format(text=alternative.text), 8000)

    # -- keeping revised digests in the history --------------------------------------------------------
    @Slot()
    def _keep_all(self) -> None:
        for entry in list(self._to_keep):
            self._keep(entry)
        self._to_keep.clear()

    def _keep(self, entry: ArticleEntry, revision: _Revision | None = None) -> None:
        """Put ``entry``'s digest over its history entry (on the history's lane); with
        ``revision`` (on the way out), once the summary's translation it waits for is done."""
        digest = entry.digest
        if digest is None:
            return
        known = self._history_ids.get(entry)
        store = self._history.store

        def work(state: object) -> str:
            kept = digest
            if revision is not None and revision.done.wait(CLOSE_WAIT_S) and revision.result is not None:
                kept = merged_revision(digest, revision.result)
            return keep_revised(store(), kept, known)

        task = self._runner.run("keep the revised digest", work, lane=HISTORY_LANE, finish=True)
        task.finished.connect(lambda entry_id: self._history_ids.__setitem__(entry, entry_id))
        task.failed.connect(lambda error: self._say(
            Review.tr("Your corrections could not be kept in the history: {reason}").format(reason=error)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close and watched is self._workspace.window():
            self.close()  # before the window stops its background work: the last writes are queued first
        elif event.type() == QEvent.Type.Shortcut and self._pending:
            self.flush()  # the action's own work reads the digest: with what was just typed in it
        return False

    # -- saving ---------------------------------------------------------------------------------------
    def digest_to_save(self) -> Digest | None:
        """The digest shown as it is to be saved: what was typed in its translations committed
        first. While its English summary's edit is being translated (or still typed), the
        digest as it was before that edit: every text of it agrees (see :meth:`noting`)."""
        entry = self.entry
        if entry is None:
            return None
        self.flush(entry)
        self._saving_before_revision = self.revising(entry)
        return entry.digest

    def noting(self, report: Callable[[str], object]) -> Callable[[str], None]:
        """``report``, saying too (after :meth:`digest_to_save`) that the digest was saved as it
        was before a summary edit whose translations were still being made."""
        note = Review.tr("(As it was before your last edit of the summary, whose translations were still being made: "
                         "save again in a moment for the edit.)") if self._saving_before_revision else ""
        return lambda line: report(f"{line} {note}" if note else line)

    def close(self) -> None:
        """On the way out: commit what was typed, and keep every revised digest in the history
        (a summary still being translated is waited for, within a bound). Idempotent."""
        if self._closed:
            return
        self.flush()
        self._closed = True
        self.back_translator.close()
        self._keep_timer.stop()
        for entry in self._to_keep | set(self._revising):
            self._keep(entry, self._revising.get(entry))
        self._to_keep.clear()
