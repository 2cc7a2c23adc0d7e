"""The window's link to the engine: which models its options need but lack, and the engine's
process that digests run in.

The models check runs off the GUI thread (reading the models folder takes a moment), on a
lane of its own (:data:`CHECK_LANE`: it never waits behind a digest, a model load or a
download), and only its latest answer counts. The engine's process is made on first use; the window has it start
(importing torch takes seconds) once it has painted, and load its models when a digest is
likely next. Tests pass fast fakes for both.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Callable, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.ui.language import translate
from desktop.ui.runner import BackgroundRunner, Task
from models.common.job_state import JobState
from models.common.types import Article, Digest, DigestOptions

if TYPE_CHECKING:
    from models.digest.pipeline import PipelineConfig

log = logging.getLogger(__name__)

#: How long after the window first shows the engine process is started: importing torch and
#: loading a model hold the GIL for hundreds of milliseconds, which would slow the first paint.
ENGINE_WARM_UP_DELAY_MS = 1000

#: The lane the models check runs on: its own, so Digest is enabled without waiting for a digest.
CHECK_LANE = "checks"

#: What the window digests with now: (profile, models folder, options, the article shown).
Wanted = Callable[[], "tuple[str, str | None, DigestOptions, Article | None]"]

#: Which models the options (and the article's language) need but lack:
#: (profile, models folder, options, article language) -> one line each.
ModelCheck = Callable[[str, "str | None", DigestOptions, "str | None"], list[str]]


class DigestEngine(Protocol):
    """What the window asks of the engine: :class:`models.digest.process.DigestProcess`."""

    def start(self) -> None: ...

    def preload(self, config: PipelineConfig, options: DigestOptions, article_language: str | None = None) -> None: ...

    def digest(self, article: Article, options: DigestOptions, config: PipelineConfig, state: JobState) -> Digest: ...

    def close(self) -> None: ...


def missing_models(profile: str, models_dir: str | None, options: DigestOptions, article_language: str | None = None) -> list[str]:
    """The default :data:`ModelCheck`: the inventory's answer (no torch, no network). A Russian
    or Arabic article also needs the model that translates it into English."""
    from models.inventory import catalog, installed

    specs = catalog.specs_for(profile)
    return installed.missing([specs[task] for task in catalog.tasks_for(options.languages, article_language)], models_dir)


def pipeline_config(profile: str, models_dir: str | None) -> PipelineConfig:
    """The engine's settings for a digest with the window's profile and models folder."""
    from models.digest.pipeline import PipelineConfig

    return PipelineConfig(profile=profile, models_dir=models_dir)


def _import_pipeline() -> None:
    """Import what :func:`pipeline_config` needs (tens of milliseconds: not on the GUI thread)."""
    import models.digest.pipeline  # noqa: F401


def models_language(article: Article | None) -> str | None:
    """``article``'s language as far as the models it needs go: only a language that is
    translated into English first matters (None for the rest, and for no article)."""
    from models.inventory.catalog import needs_english_translation

    language = article.language if article is not None else None
    return language if needs_english_translation(language) else None


def _check_models(
    check: ModelCheck, profile: str, models_dir: str | None, options: DigestOptions, article_language: str | None, state: JobState
) -> list[str]:
    """``check``'s answer; a check that fails is itself the problem shown (never an exception).
    Every digest is asked for after a check: what queuing one needs is imported here first."""
    _import_pipeline()
    try:
        # Kept as they come (a Wording is a str that the banner says in the interface's language).
        return [problem if isinstance(problem, str) else str(problem) for problem in check(profile, models_dir, options, article_language)]
    except Exception as error:  # noqa: BLE001 - shown to the user, never fatal
        log.exception("checking the models failed")
        return [translate("MainWindow", "Could not check the models: {error}").format(error=error)]


class EngineLink(QObject):
    """The models check and the engine's process, for one window.

    ``wanted`` says what the window digests with now (see :data:`Wanted`): :meth:`refresh`
    checks for it, :meth:`request` queues a digest with it, :meth:`preload_for` loads its models.

    Signals:
        checked(list): the answer of the latest models check (empty: Digest can run).
    """

    checked = Signal(list)

    def __init__(
        self, runner: BackgroundRunner, engine: DigestEngine | None, check: ModelCheck | None, wanted: Wanted,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._wanted = wanted
        self._engine = engine
        self._check = check or missing_models
        self._check_task: Task | None = None
        #: The article language the latest check was for.
        self.checked_language: str | None = None
        #: The models the latest answer says are missing, one line each.
        self.problems: list[str] = []
        #: Whether any answer has arrived.
        self.answered = False
        self._closed = False

    def engine(self) -> DigestEngine:
        """The digest engine: its child process, made on first use (it starts on its own)."""
        if self._engine is None:
            from models.digest.process import DigestProcess

            self._engine = DigestProcess()
        return self._engine

    def check(self, profile: str, models_dir: str | None, options: DigestOptions, article_language: str | None) -> None:
        """Find out, off the GUI thread, which models these settings need but lack."""
        if self._check_task is not None:
            self._check_task.cancel()  # only the latest answer counts
        self.checked_language = article_language
        work = partial(_check_models, self._check, profile, models_dir, options, article_language)
        self._check_task = self._runner.run("check models", work, lane=CHECK_LANE)
        self._check_task.finished.connect(self._on_check_finished)

    @Slot()
    def refresh(self) -> None:
        """Find out, off the GUI thread, which models what the window digests with needs but lacks
        (nothing once closed)."""
        if not self._closed:
            profile, models_dir, options, article = self._wanted()
            self.check(profile, models_dir, options, models_language(article))

    def recheck_for(self, article: Article | None) -> None:
        """Check again if ``article`` needs other models than the latest answer was for (a
        Russian or Arabic article needs one more); nothing before the first answer."""
        if self.answered and models_language(article) != self.checked_language:
            self.refresh()

    def request(self) -> tuple[DigestOptions, PipelineConfig] | None:
        """What a digest queued now is made with; None while models are missing."""
        if self.problems:
            return None
        profile, models_dir, options, _article = self._wanted()
        return options, pipeline_config(profile, models_dir)

    def preload_for(self, article: Article | None) -> None:
        """Have the engine load the models a digest of ``article`` needs, once they are known
        to be there (a digest is likely next)."""
        request = self.request() if self.answered else None
        if request is not None:
            options, config = request
            self.preload(config, options, models_language(article))

    @Slot(object)
    def _on_check_finished(self, problems: list[str]) -> None:
        self.answered = True
        self.problems = list(problems)
        self.checked.emit(self.problems)

    def start_later(self, delay_ms: int = ENGINE_WARM_UP_DELAY_MS) -> None:
        """Start the engine's process in ``delay_ms`` (unless closed by then)."""
        QTimer.singleShot(delay_ms, self, self.start_engine)

    @Slot()
    def start_engine(self) -> None:
        """Start the engine's process in the background (it imports torch meanwhile); nothing once closed."""
        if self._closed:
            return
        engine = self.engine()
        self._runner.run("start the engine", lambda state: engine.start())

    def preload(self, config: PipelineConfig, options: DigestOptions, article_language: str | None) -> None:
        """Have the engine load the models a digest with these settings needs."""
        engine = self.engine()
        self._runner.run("load models", lambda state: engine.preload(config, options, article_language))

    def close(self) -> None:
        """Stop the engine's process, if it was made, and start none later. Never raises."""
        self._closed = True
        if self._engine is not None:
            try:
                self._engine.close()
            except Exception:  # noqa: BLE001 - never block closing the window
                log.exception("stopping the engine failed")
