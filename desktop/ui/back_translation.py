"""Back-translation for checking: every Russian and Arabic sentence of the digest shown
translated back into English by the engine, after the digest is shown and never before it.

View › Back-Translate for Checking (on by default, remembered in the settings) switches it.
:class:`BackTranslator` starts a job a moment after the digest shown appears or changes (a
burst of changes starts one), for the sentences that lack one: the summary's translations first
(together: their models run side by side), then each full translation on its own, so a job that
is stopped loses little. It never runs while a digest runs or waits (a digest queued stops it)
nor while the user's own request is on the engine (a summary's edit, alternatives: their
controller says so through ``busy`` and stops it with :meth:`BackTranslator.cancel`). Its result
is carried into the digest as the user left it meanwhile
(:func:`models.digest.revise.carry_back_translations`), and handed to ``apply``. The flag it
raises, "Meaning may differ", shows and counts as the other flags do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction

from desktop.ui.language import TranslationContext
from models.common.types import Cancelled, Digest, ModelUnavailable

if TYPE_CHECKING:
    from desktop.ui.article_queue import ArticleEntry, ArticleQueue
    from desktop.ui.runner import BackgroundRunner, Task
    from desktop.ui.settings import AppSettings

BackTranslation = TranslationContext("BackTranslation")

#: Back-translation starts this long after a digest is shown or revised.
BACK_TRANSLATION_DELAY_MS = 400


def failure_reason(error: Exception) -> str:
    """Why an engine request failed, on one line in the interface's language where it can be
    (a missing model is said as the banner says it)."""
    if isinstance(error, ModelUnavailable):
        from desktop.ui.notices import short_problem

        return short_problem(error.args[0] if error.args else str(error))
    return " ".join(str(error).split())


class BackTranslator(QObject):
    """Back-translation of the digest shown (see the module docstring).

    ``action`` is View › Back-Translate for Checking; ``shown`` gives the entry shown;
    ``engine`` the engine (None when it cannot back-translate) and ``config`` its settings;
    ``apply(entry, digest)`` takes a digest with new back-translations; ``busy`` says whether
    the engine is wanted for something else now; ``say`` speaks in the status bar.
    """

    def __init__(
        self, action: QAction, settings: AppSettings, queue: ArticleQueue, shown: Callable[[], ArticleEntry | None],
        engine: Callable[[], Any], config: Callable[[], Any], runner: BackgroundRunner,
        apply: Callable[[ArticleEntry, Digest], None], busy: Callable[[], bool], say: Callable[..., None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._action, self._settings, self._queue, self._shown = action, settings, queue, shown
        self._engine, self._config, self._runner, self._apply, self._busy, self._say = engine, config, runner, apply, busy, say
        self._job: tuple[ArticleEntry, Task] | None = None
        #: A failure stops it until it is switched off and on again (a missing model, say).
        self._stopped = self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BACK_TRANSLATION_DELAY_MS)
        self._timer.timeout.connect(self._start)
        action.setChecked(settings.back_translate)
        action.toggled.connect(self._on_action_toggled)
        queue.entry_changed.connect(self._on_queue_entry_changed)

    @property
    def on(self) -> bool:
        """Whether View › Back-Translate for Checking is on."""
        return self._action.isChecked()

    @property
    def running(self) -> bool:
        return self._job is not None

    @Slot(bool)
    def _on_action_toggled(self, checked: bool) -> None:
        self._settings.back_translate = checked
        if checked:
            self._stopped = False
            self._say(BackTranslation.tr(
                "Back-translation is on: every Russian and Arabic sentence is translated back into English for checking."))
            self.schedule()
        else:
            self.cancel()
            self._say(BackTranslation.tr("Back-translation is off (the back-translations made are kept)."))

    @Slot(object)
    def _on_queue_entry_changed(self, entry: ArticleEntry) -> None:
        from desktop.ui.article_queue import EntryState

        if entry.state in (EntryState.WAITING, EntryState.DIGESTING):
            self.cancel()  # a digest goes first
        elif not self._queue.running:
            self.schedule()

    @Slot()
    def schedule(self, *_args: object) -> None:
        """Back-translate what the digest shown lacks, in a moment (when it is on)."""
        if self.on and not self._closed:
            self._timer.start()

    def cancel(self) -> None:
        """Stop the job under way (its work is lost; the next one does it again)."""
        self._timer.stop()
        if self._job is not None:
            _entry, task = self._job
            self._job = None
            task.cancel()

    def close(self) -> None:
        """On the way out: start nothing more (the runner stops the job under way)."""
        self._closed = True
        self._timer.stop()

    @Slot()
    def _start(self) -> None:
        entry = self._shown()
        digest = entry.digest if entry is not None else None
        if not self.on or self._closed or self._stopped or digest is None or self._job is not None or self._busy():
            return
        if self._queue.running or self._queue.waiting():
            return
        from models.digest.revise import missing_back_translations

        engine = self._engine()
        missing = list(missing_back_translations(digest)) if engine is not None else []
        if not missing:
            return
        # The summary's translations together, then each full translation on its own.
        keys = [key for key in missing if key.startswith("summary:")] or missing[:1]
        config = self._config()
        task = self._runner.run("back-translate", lambda state: engine.back_translate(digest, config, state, keys))
        self._job = (entry, task)
        task.finished.connect(lambda done: self._on_done(entry, task, done))
        task.failed.connect(lambda error: self._on_failed(task, error))
        task.cancelled.connect(lambda: self._on_failed(task, None))

    def _on_done(self, entry: ArticleEntry, task: Task, done: Digest) -> None:
        from models.digest.revise import carry_back_translations

        if self._job is not None and self._job[1] is task:
            self._job = None
        current = entry.digest
        if current is None or current.created != done.created:  # digested again meanwhile
            return
        merged = carry_back_translations(current, done)
        if (merged.back_translations, merged.back_translate) != (current.back_translations, current.back_translate):
            before = current.flag_count
            self._apply(entry, merged)
            if merged.flag_count > before and entry is self._shown():
                self._say(BackTranslation.tr("Back-translation done: check the sentences flagged “Meaning may differ”."), 8000)
        self.schedule()  # what was edited meanwhile, and the next text, lack theirs

    def _on_failed(self, task: Task, error: Exception | None) -> None:
        if self._job is not None and self._job[1] is task:
            self._job = None
        if error is None or isinstance(error, Cancelled):
            return
        self._stopped = True
        self._say(BackTranslation.tr("Back-translation stopped: {reason}").format(reason=failure_reason(error)))
