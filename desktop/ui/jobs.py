"""Background digests: one long-lived worker thread that owns the engine, and its GUI-side controller.

The shape follows ARCHITECTURE.md:

- :class:`InferenceWorker` lives on a :class:`~PySide6.QtCore.QThread` for the life of the
  window. It owns the engine (through its run function), so models load once and jobs run one
  at a time, in the order they were submitted.
- :class:`JobController` lives on the GUI thread. It submits a :class:`JobRequest` through a
  queued signal, re-emits the worker's results from ``@Slot`` methods (so they reach the
  window on the GUI thread) and drops the results of stale jobs.
- Cancelling sets the job's :class:`~models.common.types.CancelToken` directly from the GUI thread;
  a cancel *signal* would only reach a busy worker after the job ended.
- Progress is throttled on the worker side (at most one report per ``PROGRESS_INTERVAL_S``).

Only plain immutable data crosses the threads: the request and the digest are frozen
dataclasses, messages are strings. The run function is injectable so tests of the threading
finish in milliseconds. The default, :class:`EngineRunner`, hands each job to the engine in a
child process (:mod:`models.digest.process`), so this process never imports torch and the
worker thread only waits on a pipe; the controller starts that process once the window
shows (``warm_up``), has it load the models when an article is opened (``preload_models``)
and stops it on ``shutdown``.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import time
import weakref
from dataclasses import dataclass
from typing import Callable, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from models.common.types import Article, CancelToken, Cancelled, Digest, DigestError, DigestOptions, ModelUnavailable, Progress

log = logging.getLogger(__name__)

#: The worker reports progress at most this often (seconds); the first report always goes through.
PROGRESS_INTERVAL_S = 0.05


@dataclass(frozen=True)
class JobRequest:
    """One digest to make: what to digest, with which options and which models."""

    job_id: int
    article: Article
    options: DigestOptions
    profile: str = "quality"
    models_dir: str | None = None


@dataclass(frozen=True)
class CheckRequest:
    """Which models to look for: the check runs on the worker thread (it may import the hub client)."""

    check_id: int
    profile: str
    models_dir: str | None
    options: DigestOptions


class RunFunction(Protocol):
    """Makes a digest on the worker thread: reports progress, honours the token, returns or raises.

    Raises :class:`~models.common.types.Cancelled` when cancelled, :class:`~models.common.types.DigestError`
    (one-line message) when the job cannot be done.
    """

    def __call__(self, request: JobRequest, progress: Callable[[Progress], None], cancel: CancelToken) -> Digest: ...


CheckFunction = Callable[[str, "str | None", DigestOptions], list[str]]


class EngineRunner:
    """The default run function: the engine in a child process (:class:`models.digest.process.DigestProcess`).

    The child keeps its models loaded between jobs and rebuilds its engine when the profile
    or models folder changes. Running it in a process, not on the worker thread, keeps the
    window's event loop free of the GIL stalls of importing torch and loading models, and a
    crash in native code from closing the window.
    """

    def __init__(self) -> None:
        self._process: object | None = None

    def _engine_process(self):  # noqa: ANN202 - an DigestProcess, imported lazily
        if self._process is None:
            self._process = _engine_process_module().DigestProcess()
        return self._process

    def __call__(self, request: JobRequest, progress: Callable[[Progress], None], cancel: CancelToken) -> Digest:
        config = _engine_process_module().PipelineConfig(profile=request.profile, models_dir=request.models_dir)
        return self._engine_process().digest(request.article, request.options, config=config, progress=progress, cancel=cancel)

    def preload_models(self, profile: str, models_dir: str | None, options: DigestOptions) -> None:
        """Start loading the models a digest with these settings needs (an article was opened)."""
        config = _engine_process_module().PipelineConfig(profile=profile, models_dir=models_dir)
        self._engine_process().preload(config, options)  # type: ignore[attr-defined]

    def warm(self) -> None:
        """Start the engine process now, so the first digest does not wait for torch to import."""
        self._engine_process().start()  # type: ignore[attr-defined]

    def close(self) -> None:
        """Stop the engine process (and free its models); a later job starts a new one."""
        if self._process is not None:
            self._process.close()  # type: ignore[attr-defined]


def _engine_process_module():  # noqa: ANN202 - models.digest.process
    """The engine's process module (``DigestProcess``, ``PipelineConfig``); a missing or broken
    engine is a :class:`DigestError` the window shows, not a crash."""
    try:
        import models.digest.process as engine_process
    except ImportError as error:
        raise DigestError(f"The digest engine is not available ({error})") from error
    return engine_process


def check_models(profile: str, models_dir: str | None, options: DigestOptions) -> list[str]:
    """Problems that would stop a digest (missing models), from the engine; cheap, no torch.

    Never raises: a failure to check is itself reported as a problem.
    """
    try:
        from models.digest.pipeline import DigestPipeline, PipelineConfig
    except ImportError as error:
        return [f"The digest engine is not available ({error})."]
    try:
        engine = DigestPipeline(PipelineConfig(profile=profile, models_dir=models_dir))
        return [str(problem) for problem in engine.check(options)]
    except Exception as error:  # noqa: BLE001 - shown to the user, never fatal
        log.exception("checking the models failed")
        return [f"Could not check the models: {error}"]


class _ThrottledProgress:
    """The progress callback handed to the run function: throttles, then emits on the worker."""

    def __init__(self, job_id: int, emit: Callable[[int, float, str], None], interval_s: float) -> None:
        self._job_id = job_id
        self._emit = emit
        self._interval_s = interval_s
        self._last = float("-inf")

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self._last < self._interval_s:
            return
        self._last = now
        fraction = min(max(float(progress.fraction), 0.0), 1.0)
        self._emit(self._job_id, fraction, str(progress.step))


class InferenceWorker(QObject):
    """Runs digest jobs one at a time on its own thread, with the engine it keeps.

    Move it to a QThread and call :meth:`run_job` through a queued connection.

    Signals:
        check_finished(int, object): a check's id and its problems (a tuple of one-line strings).
        job_started(int): the job with this id has begun (earlier ones are done).
        job_progress(int, float, str): job id, fraction 0..1, current step; throttled.
        job_finished(int, object): job id and its :class:`~models.common.types.Digest`.
        job_failed(int, str, str): job id, error kind (``"unavailable"`` for missing models,
            ``"error"`` otherwise) and a one-line message.
        job_cancelled(int): the job with this id stopped because it was cancelled.
    """

    check_finished = Signal(int, object)
    job_started = Signal(int)
    job_progress = Signal(int, float, str)
    job_finished = Signal(int, object)
    job_failed = Signal(int, str, str)
    job_cancelled = Signal(int)

    def __init__(
        self,
        run: RunFunction | None = None,
        check: CheckFunction | None = None,
        progress_interval_s: float = PROGRESS_INTERVAL_S,
    ) -> None:
        super().__init__()
        self._run: RunFunction = run if run is not None else EngineRunner()
        self._check: CheckFunction = check if check is not None else check_models
        self._progress_interval_s = progress_interval_s

    @Slot(object)
    def run_preload(self, task: Callable[[], object]) -> None:
        """Run a warm-up ``task`` (e.g. loading the documents' language model); never raises."""
        try:
            task()
        except Exception:  # noqa: BLE001 - a failed warm-up only costs time later
            log.exception("preloading failed")

    @Slot(object)
    def run_check(self, request: CheckRequest) -> None:
        """Look for the models a digest would need; never raises."""
        try:
            problems = tuple(str(problem) for problem in self._check(request.profile, request.models_dir, request.options))
        except Exception as error:  # noqa: BLE001 - reported, never fatal
            log.exception("checking the models failed")
            problems = (f"Could not check the models: {_one_line(error)}",)
        self.check_finished.emit(request.check_id, problems)

    @Slot(object, object)
    def run_job(self, request: JobRequest, cancel: CancelToken) -> None:
        """Run one job to its end; every outcome becomes exactly one signal. Never raises."""
        job_id = request.job_id
        if cancel.cancelled:  # cancelled while it waited in the queue
            self.job_cancelled.emit(job_id)
            return
        self.job_started.emit(job_id)
        progress = _ThrottledProgress(job_id, self.job_progress.emit, self._progress_interval_s)
        try:
            digest = self._run(request, progress, cancel)
        except Cancelled:
            self.job_cancelled.emit(job_id)
        except ModelUnavailable as error:
            self.job_failed.emit(job_id, "unavailable", _one_line(error))
        except DigestError as error:
            if cancel.cancelled:
                self.job_cancelled.emit(job_id)
            else:
                self.job_failed.emit(job_id, "error", _one_line(error))
        except Exception as error:  # noqa: BLE001 - a bug in a job must not kill the thread
            log.exception("digest job %d failed", job_id)
            self.job_failed.emit(job_id, "error", f"Unexpected error: {error.__class__.__name__}: {_one_line(error)}")
        else:
            if cancel.cancelled:
                self.job_cancelled.emit(job_id)
            else:
                self.job_finished.emit(job_id, digest)


def _shutdown_at_exit(ref: weakref.ReferenceType[JobController]) -> Callable[[], None]:
    def shutdown() -> None:
        controller = ref()
        if controller is not None:
            try:
                controller.shutdown()
            except RuntimeError:  # the C++ objects are already gone
                pass

    return shutdown


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or error.__class__.__name__


class JobController(QObject):
    """Submits digests to the worker thread and reports the current job's outcome on the GUI thread.

    At most one job is *current*: submitting a new one or cancelling retires the previous one,
    whose late results are dropped. The worker may still be finishing a retired job; the next
    job then waits in its queue (``worker_busy`` says so).

    Signals:
        check_finished(list): the latest model check's problems (empty: every model is there).
        job_started(int): the current job has started running on the worker.
        progress_changed(float, str): the current job's fraction (0..1) and step text.
        job_finished(object): the current job's :class:`~models.common.types.Digest`.
        job_failed(str, str): the current job failed: kind (``"unavailable"``/``"error"``) and message.
        job_cancelled(): the current job was cancelled (emitted at once, on request).
        busy_changed(bool): whether a current job exists.
    """

    check_finished = Signal(list)
    job_started = Signal(int)
    progress_changed = Signal(float, str)
    job_finished = Signal(object)
    job_failed = Signal(str, str)
    job_cancelled = Signal()
    busy_changed = Signal(bool)

    _submit = Signal(object, object)
    _submit_check = Signal(object)
    _submit_preload = Signal(object)

    def __init__(
        self, run: RunFunction | None = None, check: CheckFunction | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._check_ids = itertools.count(1)
        self._latest_check: int | None = None
        self._current: int | None = None
        self._token: CancelToken | None = None
        self._outstanding: set[int] = set()
        self._thread = QThread()
        self._thread.setObjectName("InferenceThread")
        self._run = run if run is not None else EngineRunner()
        self._worker = InferenceWorker(self._run, check)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._submit.connect(self._worker.run_job)
        self._submit_check.connect(self._worker.run_check)
        self._submit_preload.connect(self._worker.run_preload)
        self._worker.check_finished.connect(self._on_worker_check_finished)
        self._worker.job_started.connect(self._on_worker_job_started)
        self._worker.job_progress.connect(self._on_worker_job_progress)
        self._worker.job_finished.connect(self._on_worker_job_finished)
        self._worker.job_failed.connect(self._on_worker_job_failed)
        self._worker.job_cancelled.connect(self._on_worker_job_cancelled)
        self._shut_down = False
        self._thread.start()
        # A QThread destroyed while running aborts the process: if the app exits without
        # closing the window (sys.exit from a script, an error before the event loop),
        # stop the thread on the way out.
        self._atexit = _shutdown_at_exit(weakref.ref(self))
        atexit.register(self._atexit)

    # -- queries -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether a current job exists (submitted, neither finished, failed nor cancelled)."""
        return self._current is not None

    @property
    def current_job(self) -> int | None:
        return self._current

    @property
    def worker_busy(self) -> bool:
        """Whether the worker still has any job, current or retired, to finish."""
        return bool(self._outstanding)

    @property
    def checking(self) -> bool:
        """Whether a model check is waiting for its answer."""
        return self._latest_check is not None

    @property
    def thread(self) -> QThread:
        return self._thread

    # -- commands ------------------------------------------------------------------------------
    def submit(
        self, article: Article, options: DigestOptions, *, profile: str = "quality", models_dir: str | None = None
    ) -> int:
        """Queue a digest and make it the current job (cancelling any current one); returns its id."""
        if self._shut_down:
            raise RuntimeError("the job controller has been shut down")
        if self._current is not None:
            self.cancel()
        job_id = next(self._ids)
        self._current = job_id
        self._token = CancelToken()
        self._outstanding.add(job_id)
        request = JobRequest(job_id=job_id, article=article, options=options, profile=profile, models_dir=models_dir)
        self._submit.emit(request, self._token)
        self.busy_changed.emit(True)
        return job_id

    def request_check(self, profile: str, models_dir: str | None, options: DigestOptions) -> int:
        """Ask the worker which models are missing; only the latest check's answer is reported."""
        if self._shut_down:
            return 0
        check_id = next(self._check_ids)
        self._latest_check = check_id
        self._submit_check.emit(CheckRequest(check_id, profile, models_dir, options))
        return check_id

    def preload(self, task: Callable[[], object]) -> None:
        """Run ``task`` on the worker thread when it is free (warm-ups; its result is ignored)."""
        if not self._shut_down:
            self._submit_preload.emit(task)

    def warm_up(self) -> None:
        """Get the engine ready ahead of the first job, when the run function can (``warm()``)."""
        warm = getattr(self._run, "warm", None)
        if warm is not None:
            self.preload(warm)

    def preload_models(self, profile: str, models_dir: str | None, options: DigestOptions) -> None:
        """Have the engine load the models these settings need, when the run function can
        (``preload_models()``): called when an article is opened, so Digest does not wait on them."""
        preload = getattr(self._run, "preload_models", None)
        if preload is not None:
            self.preload(lambda: preload(profile, models_dir, options))

    def cancel(self) -> bool:
        """Cancel the current job; the window is usable at once. Returns whether there was one."""
        if self._current is None:
            return False
        if self._token is not None:
            self._token.cancel()
        log.debug("job %d cancelled", self._current)
        self._retire()
        self.job_cancelled.emit()
        return True

    def shutdown(self) -> None:
        """Cancel any job, stop the thread and wait for it (never ``terminate()``). Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        atexit.unregister(self._atexit)
        if self._token is not None:
            self._token.cancel()
        self._current = None
        self._thread.quit()
        self._thread.wait()
        close = getattr(self._run, "close", None)
        if close is not None:
            try:
                close()
            except Exception:  # noqa: BLE001 - never block closing the window
                log.exception("stopping the engine failed")

    # -- worker results (GUI thread) -----------------------------------------------------------
    def _retire(self) -> None:
        self._current = None
        self._token = None
        self.busy_changed.emit(False)

    def _is_current(self, job_id: int) -> bool:
        if job_id == self._current:
            return True
        log.debug("dropping a result of stale job %d (current: %s)", job_id, self._current)
        return False

    @Slot(int, object)
    def _on_worker_check_finished(self, check_id: int, problems: tuple[str, ...]) -> None:
        if check_id != self._latest_check:
            return
        self._latest_check = None
        self.check_finished.emit(list(problems))

    @Slot(int)
    def _on_worker_job_started(self, job_id: int) -> None:
        if self._is_current(job_id):
            self.job_started.emit(job_id)

    @Slot(int, float, str)
    def _on_worker_job_progress(self, job_id: int, fraction: float, step: str) -> None:
        if self._is_current(job_id):
            self.progress_changed.emit(fraction, step)

    @Slot(int, object)
    def _on_worker_job_finished(self, job_id: int, digest: Digest) -> None:
        self._outstanding.discard(job_id)
        if self._is_current(job_id):
            self._retire()
            self.job_finished.emit(digest)

    @Slot(int, str, str)
    def _on_worker_job_failed(self, job_id: int, kind: str, message: str) -> None:
        self._outstanding.discard(job_id)
        if self._is_current(job_id):
            self._retire()
            self.job_failed.emit(kind, message)

    @Slot(int)
    def _on_worker_job_cancelled(self, job_id: int) -> None:
        self._outstanding.discard(job_id)
        if self._is_current(job_id):  # cancelled by someone else than cancel() (e.g. shutdown)
            self._retire()
            self.job_cancelled.emit()

