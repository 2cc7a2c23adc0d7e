"""The window's articles and its digest queue: many articles in, one digest at a time.

Every article the user brings (a file, a folder's files, a link, pasted or dropped text) is an
:class:`ArticleEntry`. Reading one runs off the GUI thread, on a runner lane (a page fetch or a
long PDF never holds up the window); digesting runs on the ``engine`` lane, one article after
another, with the models the engine keeps loaded. :class:`ArticleQueue` holds the entries in the
order the user sees them, which is also the order they are digested in (Digest never moves an
article: it waits behind the waiting articles above it), moves each through its states, and says
what changed; it never shows anything itself (the window and the queue panel do). It is the only code that changes an entry
(its state, progress, digest…): the window and the panel ask it to and follow ``entry_changed``
(a test scans ``desktop/`` for writes elsewhere).

A failed article never stops the queue: the next waiting one starts. Cancel stops the current
digest and keeps what it had published (marked incomplete, not a finished digest); Cancel All
also takes every waiting article off the queue.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from desktop.ui.language import translate
from desktop.ui.runner import BackgroundRunner, Task
from models.common.job_state import JobState
from models.common.types import ENGLISH, Article, Digest, DigestError, DigestOptions, PartialText, alignment_key

if TYPE_CHECKING:
    from desktop.ui.engine_link import DigestEngine

log = logging.getLogger(__name__)

#: The lane articles are read (and pages fetched) on, beside the engine's.
READING_LANE = "reading"


class EntryState(enum.Enum):
    """Where an article is on its way to a digest."""

    # The values are what the articles list shows, marked for lupdate (shown through translate()).
    READING = QT_TRANSLATE_NOOP("ArticleQueue", "Reading…")
    NEW = QT_TRANSLATE_NOOP("ArticleQueue", "Not digested")
    WAITING = QT_TRANSLATE_NOOP("ArticleQueue", "Waiting")
    DIGESTING = QT_TRANSLATE_NOOP("ArticleQueue", "Digesting")
    DONE = QT_TRANSLATE_NOOP("ArticleQueue", "Done")
    FAILED = QT_TRANSLATE_NOOP("ArticleQueue", "Failed")
    #: Its article could not be read (its ``reason`` says why; there is nothing to digest).
    UNREADABLE = QT_TRANSLATE_NOOP("ArticleQueue", "Could not be opened")
    CANCELLED = QT_TRANSLATE_NOOP("ArticleQueue", "Cancelled")

    @property
    def label(self) -> str:
        """The state in the interface's language."""
        return translate("ArticleQueue", self.value)


@dataclass(eq=False)
class ArticleEntry:
    """One article in the window: where it came from, its article once read, and its digest
    (or the texts published so far, while it is made or after a cancel)."""

    label: str
    source: str = ""
    article: Article | None = None
    state: EntryState = EntryState.NEW
    progress: float = 0.0
    step: str = ""
    #: Why reading or digesting failed (one line, in the interface's language when it failed).
    reason: str = ""
    #: The error itself, so the list can say it again in another language.
    failure: DigestError | None = None
    digest: Digest | None = None
    #: The generated texts published before the digest ended, by alignment key.
    parts: dict[str, PartialText] = field(default_factory=dict)
    #: What the digest was asked for when the article was queued.
    options: DigestOptions | None = None
    config: Any = None
    #: Whether the digest should start as soon as the article is read.
    queue_when_read: bool = False

    @property
    def title(self) -> str:
        """What the list and the window title call it."""
        if self.article is not None:
            return self.article.title or translate("ArticleQueue", "Untitled article")
        return self.label

    @property
    def finished(self) -> bool:
        return self.state is EntryState.DONE and self.digest is not None

    @property
    def queued(self) -> bool:
        """Whether it waits for its digest or is being digested."""
        return self.state in (EntryState.WAITING, EntryState.DIGESTING)

    def requested_keys(self) -> list[str]:
        """The texts its digest was asked for (summary, each summary translation, the article's)."""
        from models.inventory.catalog import needs_english_translation

        options = self.options or DigestOptions()
        keys = [alignment_key("summary")] + [alignment_key("summary", code) for code in options.languages]
        source = self.article.language if self.article is not None else None
        if needs_english_translation(source):  # a Russian or Arabic article is read in English first
            keys.insert(0, alignment_key("article", ENGLISH))
        if options.translate_article:
            keys += [alignment_key("article", code) for code in options.languages if code != source]
        return keys


class ArticleQueue(QObject):
    """The window's articles, in order, and the digest queue over them (see the module docstring).

    ``engine`` returns the digest engine (made on first use); ``runner`` runs the work.

    Signals:
        entries_changed(): an entry was added, removed or moved (after the signal below that says which).
        entries_added(list, int): these entries were put in the list, the first at this row
            and the rest after it (a folder's articles come in one go: the list is built once).
        entry_removed(object, int): this entry was taken off the list from this row.
        entries_reordered(): entries were moved (the list's order changed, not its contents).
        entry_changed(object): an entry's state, progress or step changed.
        entry_revised(object): an entry's finished digest was replaced by its revision (an edit,
            a re-translation, back-translations): the same digest, corrected; its state is unchanged.
        partial(object, object): an entry's digest published a :class:`PartialText`.
        digest_finished(object): an entry's digest is done (its ``digest`` is set).
        digest_failed(object, object): an entry failed, with the :class:`DigestError`.
        article_read(object): an entry's article has been read (its ``article`` is set).
        read_failed(object): an entry's article could not be read (its ``reason`` says why).
    """

    entries_changed = Signal()
    entries_added = Signal(list, int)
    entry_removed = Signal(object, int)
    entries_reordered = Signal()
    entry_changed = Signal(object)
    entry_revised = Signal(object)
    partial = Signal(object, object)
    digest_finished = Signal(object)
    digest_failed = Signal(object, object)
    article_read = Signal(object)
    read_failed = Signal(object)

    def __init__(self, runner: BackgroundRunner, engine: Callable[[], DigestEngine], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[ArticleEntry] = []
        self._runner = runner
        self._engine = engine
        self._current: tuple[ArticleEntry, Task] | None = None

    # -- the list --------------------------------------------------------------------------------
    def add_article(self, article: Article, label: str = "", source: str = "") -> ArticleEntry:
        """An article already read, not queued."""
        entry = ArticleEntry(label or article.title, source or article.source_path or "", article)
        self._append(entry)
        return entry

    def add_digest(self, digest: Digest, shown: ArticleEntry | None = None) -> ArticleEntry:
        """A finished digest from elsewhere (the history): ``shown`` takes it if it holds the
        same article and is not queued, else it joins the list as a new entry; done either way."""
        entry = shown
        if entry is None or entry not in self.entries or entry.article != digest.article or entry.queued:
            entry = ArticleEntry(
                digest.article.title, digest.article.source_path or "", digest.article, EntryState.DONE, 1.0, digest=digest
            )
            self._append(entry)
            return entry
        entry.digest, entry.reason, entry.failure, entry.progress = digest, "", None, 1.0
        self._set_state(entry, EntryState.DONE)
        return entry

    def revise(self, entry: ArticleEntry, digest: Digest) -> None:
        """``entry``'s finished digest corrected (:mod:`models.digest.revise`): ``digest`` takes
        its place; ``entry_revised`` says so. Nothing for an entry without a digest (being
        digested again, say)."""
        if entry.digest is None or digest is entry.digest:
            return
        entry.digest = digest
        self.entry_revised.emit(entry)

    def add_reading(self, label: str, source: str, read: Callable[[JobState], Article], *, lane: str = READING_LANE) -> ArticleEntry:
        """An article still to be read by ``read`` (on ``lane``), not queued (:meth:`enqueue`
        queues it for when it is read)."""
        entry = ArticleEntry(label, source, state=EntryState.READING)
        self._append(entry)
        self._read(entry, read, lane)
        return entry

    def add_readings(
        self, articles: list[tuple[str, str, Callable[[JobState], Article]]], queue: tuple[DigestOptions, Any] | None = None,
        *, lane: str = READING_LANE,
    ) -> list[ArticleEntry]:
        """Several articles still to be read, each (label, source, read) as :meth:`add_reading`
        takes them, added in one go (the list is told once it holds them all); with ``queue``
        (options, engine config) each one's digest is queued once it is read, in the list's order."""
        entries = []
        for label, source, _ in articles:
            entry = ArticleEntry(label, source, state=EntryState.READING, queue_when_read=queue is not None)
            if queue is not None:
                entry.options, entry.config = queue
            entries.append(entry)
        first_row = len(self.entries)
        self.entries.extend(entries)
        self.entries_added.emit(entries, first_row)
        with self._runner.holding_back():
            for entry, (_label, _source, read) in zip(entries, articles):
                self._read(entry, read, lane)
        self.entries_changed.emit()
        return entries

    def _read(self, entry: ArticleEntry, read: Callable[[JobState], Article], lane: str) -> None:
        task = self._runner.run(f"read {entry.label}", read, lane=lane)
        task.finished.connect(lambda article: self._on_read(entry, article))
        task.failed.connect(lambda error: self._on_read_failed(entry, error))

    def _append(self, entry: ArticleEntry) -> None:
        self.entries.append(entry)
        self.entries_added.emit([entry], len(self.entries) - 1)
        self.entries_changed.emit()

    def remove(self, entry: ArticleEntry) -> None:
        """Take ``entry`` off the list (cancelling its digest if it is running)."""
        if entry not in self.entries:
            return
        if self.running_entry is entry:
            self.cancel_current()
        row = self.entries.index(entry)
        del self.entries[row]
        self.entry_removed.emit(entry, row)
        self.entries_changed.emit()

    def move(self, entry: ArticleEntry, to_index: int) -> None:
        """Put ``entry`` at ``to_index`` in the list (and so in the queue's order)."""
        if entry not in self.entries:
            return
        self.entries.remove(entry)
        self.entries.insert(max(0, min(to_index, len(self.entries))), entry)
        self.entries_reordered.emit()
        self.entries_changed.emit()

    def set_order(self, entries: list[ArticleEntry]) -> None:
        """The list's new order, as the user dragged it (the same entries)."""
        if sorted(map(id, entries)) == sorted(map(id, self.entries)):
            self.entries = list(entries)

    # -- the queue -------------------------------------------------------------------------------
    @property
    def running_entry(self) -> ArticleEntry | None:
        return self._current[0] if self._current is not None else None

    @property
    def running(self) -> bool:
        return self._current is not None

    def digests(self) -> list[Digest]:
        """The finished digests, in the list's order."""
        return [entry.digest for entry in self.entries if entry.digest is not None]

    def waiting(self) -> list[ArticleEntry]:
        return [entry for entry in self.entries if entry.state is EntryState.WAITING or (entry.state is EntryState.READING and entry.queue_when_read)]

    def enqueue(self, entry: ArticleEntry, options: DigestOptions, config: Any) -> int | None:
        """Digest ``entry`` with ``options`` when its turn comes: where it stands in the list,
        after the waiting articles above it (it is not moved). Returns how many articles are
        digested before it (0: it is running), or None when it was not queued now (still being
        read: it is queued once read, see :meth:`queued_when_read`; already queued; no article)."""
        entry.options, entry.config = options, config
        if entry.state is EntryState.READING:
            entry.queue_when_read = True
            self.entry_changed.emit(entry)
            return None
        if entry.article is None or entry.queued:
            return None
        self._set_state(entry, EntryState.WAITING)
        self._advance()
        if self.running_entry is entry:  # it started at once
            return 0
        return self.waiting().index(entry) + int(self.running)

    @staticmethod
    def queued_when_read(entry: ArticleEntry) -> bool:
        """Whether ``entry`` is still being read and its digest starts (or waits its turn) once it is."""
        return entry.state is EntryState.READING and entry.queue_when_read

    @staticmethod
    def can_queue_when_read(entry: ArticleEntry | None) -> bool:
        """Whether ``entry`` is still being read and not yet queued for when it is (Digest can do that)."""
        return entry is not None and entry.state is EntryState.READING and not entry.queue_when_read

    def cancel_current(self) -> bool:
        """Stop the running digest (what it published stays, marked incomplete); the queue goes on."""
        if self._current is None:
            return False
        _entry, task = self._current
        return task.cancel()  # its cancelled signal ends the entry and starts the next

    def cancel_all(self) -> int:
        """Take every waiting article off the queue and stop the running digest; returns how many."""
        waiting = self.waiting()
        for entry in waiting:
            entry.queue_when_read = False
            if entry.state is EntryState.WAITING:
                self._set_state(entry, EntryState.NEW)
        cancelled = self.cancel_current()
        return len(waiting) + int(cancelled)

    def _advance(self) -> None:
        if self._current is not None:
            return
        entry = next((entry for entry in self.entries if entry.state is EntryState.WAITING), None)
        if entry is None:
            return
        engine = self._engine()
        article, options, config = entry.article, entry.options or DigestOptions(), entry.config

        def work(state: JobState) -> Digest:
            return engine.digest(article, options, config, state)

        entry.parts, entry.digest, entry.reason, entry.failure, entry.progress = {}, None, "", None, 0.0
        task = self._runner.run(f"digest {entry.title}", work)
        self._current = (entry, task)
        self._set_state(entry, EntryState.DIGESTING, translate("ArticleQueue", "Waiting for the engine…"))
        task.started.connect(lambda: self._on_progress(entry, 0.0, translate("ArticleQueue", "Starting…")))
        task.progress.connect(lambda fraction, step: self._on_progress(entry, fraction, step))
        task.partial.connect(lambda part: self._on_partial(entry, part))
        task.finished.connect(lambda digest: self._end(entry, EntryState.DONE, digest=digest))
        task.failed.connect(lambda error: self._end(entry, EntryState.FAILED, error=error))
        task.cancelled.connect(lambda: self._end(entry, EntryState.CANCELLED))

    # -- reports -------------------------------------------------------------------------------
    def _set_state(self, entry: ArticleEntry, state: EntryState, step: str = "") -> None:
        entry.state, entry.step = state, step
        self.entry_changed.emit(entry)

    def _on_read(self, entry: ArticleEntry, article: Article) -> None:
        entry.article = article
        if entry not in self.entries:
            return
        queued = entry.queue_when_read
        entry.queue_when_read = False
        self._set_state(entry, EntryState.NEW)
        self.article_read.emit(entry)
        if queued:
            self.enqueue(entry, entry.options or DigestOptions(), entry.config)

    def _on_read_failed(self, entry: ArticleEntry, error: DigestError) -> None:
        entry.reason, entry.failure = " ".join(str(error).split()), error
        entry.queue_when_read = False
        self._set_state(entry, EntryState.UNREADABLE)
        self.read_failed.emit(entry)

    def _on_progress(self, entry: ArticleEntry, fraction: float, step: str) -> None:
        entry.progress, entry.step = max(entry.progress, fraction), step or entry.step
        self.entry_changed.emit(entry)

    def _on_partial(self, entry: ArticleEntry, part: PartialText) -> None:
        entry.parts[part.key] = part
        self.partial.emit(entry, part)

    def _end(self, entry: ArticleEntry, state: EntryState, *, digest: Digest | None = None, error: DigestError | None = None) -> None:
        if self._current is None or self._current[0] is not entry:
            return
        self._current = None
        entry.digest = digest
        entry.reason = " ".join(str(error).split()) if error is not None else ""
        entry.failure = error
        if state is EntryState.DONE:
            entry.progress = 1.0
        self._set_state(entry, state)
        if digest is not None:
            self.digest_finished.emit(entry)
        elif error is not None:
            self.digest_failed.emit(entry, error)
        self._advance()
