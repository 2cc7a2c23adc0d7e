"""A :class:`~models.digest.pipeline.DigestPipeline` in a child process, for callers that must stay responsive
(the window: its background runner calls :meth:`DigestProcess.digest` from a worker thread).

Why a process and not only a thread: importing torch and loading a model run native code
that holds Python's GIL for 200-400 ms at a time (``bench/gui_stall.py`` measured 331 ms
on the first digest), and a window whose event loop shares that GIL freezes for as long.
In a child process nothing the engine does can stall the caller. It also keeps a crash in
native code (or the kernel killing the process for memory) from taking the window, and the
article the user is working on, down with it: the caller gets a :class:`DigestError` and the
next digest starts a fresh child.

Only plain data crosses: the request (config, article, options) goes in; progress reports
and the :class:`~models.common.types.Digest`, or the typed :class:`DigestError` that stopped
it, come back. The revision operations that need models go the same way, one request each
(:meth:`DigestProcess.revise_summary`, :meth:`DigestProcess.back_translate`,
:meth:`DigestProcess.alternatives`); the pure ones (:mod:`models.digest.revise`: an edit, an
alternative chosen) need no process. The caller's :class:`~models.common.job_state.JobState` crosses by one small
adapter (:func:`_child_job_state`): in the child, the job's state reads its interruption flag
from a number in shared memory (the highest cancelled job id) at every decoding step, so a
cancel lands as fast as in process, and its progress and partial-text sinks write to the pipe. The process is started with ``spawn`` (a forked copy of a Qt process is unsafe)
and is a daemon, so it never outlives its parent.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, Any, Callable

from models.common.job_state import JobState
from models.common.types import Article, Cancelled, Digest, DigestError, DigestOptions
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.inference.memory import tune_malloc_for_engine, release_freed_memory

if TYPE_CHECKING:
    from models.digest.revise import Alternative

log = logging.getLogger(__name__)

#: After a cancel, how long to wait for the child to confirm before giving up on the job (its
#: late reply is then ignored); the child still finishes the step it is in.
CANCEL_GRACE_S = 1.0
#: How long :meth:`DigestProcess.close` waits for the child to stop before killing it.
STOP_TIMEOUT_S = 3.0
_POLL_S = 0.05
#: The job id of background model loading (digest jobs count from 1).
_PRELOAD_JOB = 0
#: The shared "cancelled up to" number once the process is told to stop: every job is cancelled.
_STOP_ALL = sys.maxsize


class DigestProcess:
    """Runs digests in a child process that keeps its models loaded between digests (while the
    machine has room: :class:`models.digest.pipeline.DigestPipeline`).

    Thread-safe in the sense the app needs: one caller thread runs digests (one at a time),
    any thread may interrupt a job's state. The child starts on first use (or :meth:`start`)
    and again after it died.
    """

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._connection: Any = None
        self._cancelled_up_to: Any = None
        self._job_ids = itertools.count(1)
        self._lock = threading.Lock()

    # -- life cycle ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self.running else None

    def start(self, *, warm: bool = True) -> None:
        """Start the child if it is not running; ``warm`` has it import torch and transformers
        at once (about 4 s), so the first digest does not wait for them."""
        with self._lock:
            if self.running:
                return
            self._discard()
            parent_end, child_end = self._context.Pipe()
            self._cancelled_up_to = self._context.RawValue("q", 0)
            process = self._context.Process(
                target=_serve, args=(child_end, self._cancelled_up_to, warm), name="article-digest-engine", daemon=True
            )
            try:
                process.start()
            except BaseException:  # no child (no memory for it, a broken interpreter): nothing half-made is kept
                parent_end.close()
                raise
            finally:
                child_end.close()  # the parent's copy: without closing it, a dead child is never seen as EOF
            self._process, self._connection = process, parent_end

    def close(self) -> None:
        """Stop the child (politely, then by force after ``STOP_TIMEOUT_S``). Idempotent."""
        with self._lock:
            process, connection = self._process, self._connection
            if process is None:
                return
            try:
                self._cancelled_up_to.value = _STOP_ALL  # whatever it is doing, stop it
                connection.send(("stop",))
            except (OSError, ValueError, BrokenPipeError):
                pass
            process.join(STOP_TIMEOUT_S)
            if process.is_alive():
                log.warning("the engine process did not stop in %.0f s; killing it", STOP_TIMEOUT_S)
                process.kill()
                process.join(STOP_TIMEOUT_S)
            self._discard()

    def _discard(self) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._process is not None and not self._process.is_alive():
            self._process.close()
        self._process = self._connection = None

    def preload(self, config: PipelineConfig, options: DigestOptions, article_language: str | None = None) -> None:
        """Have the child load the models a digest with ``options`` needs, in the background
        (an article was opened: a digest is likely). Returns at once; a digest asked for
        meanwhile waits for the loading it would have done anyway, and sees its progress."""
        self.start()
        try:
            self._connection.send(("preload", _PRELOAD_JOB, config, options, article_language))
        except (OSError, ValueError, AttributeError):
            pass  # the next digest starts the engine again and says what went wrong

    # -- digests ------------------------------------------------------------------------------
    def digest(
        self,
        article: Article,
        options: DigestOptions | None = None,
        config: PipelineConfig | None = None,
        state: JobState | None = None,
    ) -> Digest:
        """Like :meth:`DigestPipeline.digest`, run in the child (started when needed).

        Raises ``Cancelled`` within ``CANCEL_GRACE_S`` of ``state`` being interrupted, the
        pipeline's own ``ModelUnavailable`` / ``DigestError``, and ``DigestError`` when the
        child dies (the next call starts a new one).
        """
        return self._run("digest", config, state, article, options or DigestOptions())

    # -- revising a digest (models.digest.revise): the same life, the same errors -----------
    def revise_summary(
        self,
        digest: Digest,
        edited_summary: str,
        config: PipelineConfig | None = None,
        state: JobState | None = None,
        *,
        replace_edited: bool = False,
    ) -> Digest:
        """Like :meth:`DigestPipeline.revise_summary` (only the English summary's new and
        changed sentences translated again), run in the child."""
        return self._run("revise", config, state, digest, edited_summary, replace_edited)

    def back_translate(
        self, digest: Digest, config: PipelineConfig | None = None, state: JobState | None = None, keys: list[str] | None = None
    ) -> Digest:
        """Like :meth:`DigestPipeline.back_translate` (the sentences that lack one translated
        back into English, and checked), run in the child. The user may edit the digest while
        it runs: :func:`models.digest.revise.carry_back_translations` carries the result into
        the digest as it is then."""
        return self._run("back-translate", config, state, digest, keys)

    def alternatives(
        self,
        language: str,
        english: str,
        count: int = 4,
        config: PipelineConfig | None = None,
        state: JobState | None = None,
        exclude: tuple[str, ...] = (),
    ) -> list[Alternative]:
        """Like :meth:`DigestPipeline.alternatives` (other translations of one English sentence,
        each with its back-translation), run in the child."""
        return self._run("alternatives", config, state, language, english, count, tuple(exclude))

    def _run(self, kind: str, config: PipelineConfig | None, state: JobState | None, *arguments: Any) -> Any:
        """Job ``kind`` (a key of :data:`_JOBS`) with ``arguments`` in the child: progress and
        published text passed into ``state``, its interruption into the child; the job's
        result, or the DigestError that stopped it."""
        try:
            self.start()
        except Exception as error:  # noqa: BLE001 - whatever stops a process starting, the digest says why
            log.exception("the engine process could not start")
            reason = (str(error).strip().splitlines() or [error.__class__.__name__])[0]
            raise DigestError(f"The digest engine could not start ({reason}); the next digest tries again.") from error
        # Kept locally: close() from another thread may clear the attributes meanwhile.
        process, connection, cancelled_up_to = self._process, self._connection, self._cancelled_up_to
        job = next(self._job_ids)
        state = state or JobState()
        try:
            connection.send((kind, job, config or PipelineConfig(), *arguments))
        except (OSError, ValueError) as error:
            raise self._died(process, f"could not reach it ({error})") from error
        cancelled_at: float | None = None
        while True:
            if cancelled_at is None and state.is_interruption_requested():
                cancelled_up_to.value = job
                cancelled_at = time.monotonic()
            if cancelled_at is not None and time.monotonic() - cancelled_at > CANCEL_GRACE_S:
                raise Cancelled()  # the child finishes its step and its reply is skipped (stale id)
            try:
                if not connection.poll(_POLL_S):
                    if not process.is_alive():
                        raise self._died(process)
                    continue
                message_kind, message_job, *payload = connection.recv()
            except (EOFError, OSError, ValueError) as error:  # ValueError: closed by close()
                raise self._died(process) from error
            if message_job == _PRELOAD_JOB:
                # This job waits on that loading: show its current step, but not the stale
                # reports of a loading long done (they come all at once, ending in "preloaded").
                if message_kind == "progress" and cancelled_at is None and not connection.poll(0):
                    state.set_status(payload[1])
            elif message_job != job:
                continue  # from a job given up on after a cancel
            elif message_kind == "progress":
                if cancelled_at is None:
                    fraction, status = payload
                    if status != state.status:  # a new step is passed on at once, as in the child
                        state.set_status(status)
                    state.set_progress_value(fraction)
            elif message_kind == "partial":
                if cancelled_at is None:
                    state.publish(payload[0])
            elif message_kind == "done":
                return payload[0]
            elif message_kind == "failed":
                raise payload[0]

    def _died(self, process: Any, how: str | None = None) -> DigestError:
        """The error for a child that is gone (and forget it, so the next digest starts anew)."""
        try:
            process.join(1.0)
            code = process.exitcode
        except ValueError:  # already closed by close()
            code = None
        if how is None:
            if code is not None and code < 0 and -code == getattr(signal, "SIGKILL", 9):
                how = "it was killed, perhaps for lack of memory"
            else:
                how = f"exit status {code}"
        log.error("the engine process stopped: %s", how)
        with self._lock:
            if self._process is process:
                if process.is_alive():
                    process.kill()
                    process.join(STOP_TIMEOUT_S)
                self._discard()
        return DigestError(f"The digest engine stopped unexpectedly ({how}); the next digest starts it again.")


def _child_job_state(send: Callable[[tuple[Any, ...]], None], job: int, interrupted: Callable[[], bool]) -> JobState:
    """The child's side of the caller's job state: progress goes down the pipe as job ``job``,
    and interruption is read from the parent's shared "cancelled up to" number."""
    return JobState(
        lambda fraction, status: send(("progress", job, fraction, status)),
        interrupted=interrupted,
        partial_sink=lambda part: send(("partial", job, part)),
    )


def _serve(connection: Any, cancelled_up_to: Any, warm: bool) -> None:
    """The child's loop: one digest at a time, the engine kept while its config stays the same."""
    if sys.stderr is None:  # a windowed build has no console; keep logging from failing
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process's life
    logging.basicConfig(level=logging.WARNING, format="engine: %(levelname)s %(name)s: %(message)s")
    tune_malloc_for_engine()  # before the warm-up and the models' threads start
    send_lock = threading.Lock()  # translation workers report progress from their own threads

    def send(message: tuple[Any, ...]) -> None:
        with send_lock:
            connection.send(message)

    if warm:
        threading.Thread(target=_import_engine, name="warm-up", daemon=True).start()
    pipeline: DigestPipeline | None = None
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message[0] == "stop":
            return
        if message[0] == "preload":
            _, _, config, options, article_language = message
            pipeline = _pipeline_for(pipeline, config)
            _preload(pipeline, options, article_language, cancelled_up_to, send, give_way=connection.poll)
            send(("preloaded", _PRELOAD_JOB))
            continue
        kind, job, config, *arguments = message
        state = _child_job_state(send, job, lambda job=job: cancelled_up_to.value >= job)
        try:
            state.raise_if_interrupted()
            pipeline = _pipeline_for(pipeline, config)
            reply: tuple[Any, ...] = ("done", job, _JOBS[kind](pipeline, state, *arguments))
        except DigestError as error:  # Cancelled and ModelUnavailable among them, pickled as they are
            reply = ("failed", job, error)
        except Exception as error:  # noqa: BLE001 - a bug in one job must not end the process
            log.exception("%s %d failed", kind, job)
            reply = ("failed", job, DigestError(f"Unexpected error: {error.__class__.__name__}: {error}"))
        try:
            send(reply)
        except (OSError, ValueError):
            return
        del reply
        # The translators' freed buffers stay with glibc otherwise, and the next digest's peaks
        # would stack on them (the models stay loaded). After the reply: it costs the caller nothing.
        release_freed_memory()


#: The child's jobs by the kind a request names: (pipeline, state, *the request's arguments).
_JOBS: dict[str, Callable[..., Any]] = {
    "digest": lambda pipeline, state, article, options: pipeline.digest(article, options, state),
    "revise": lambda pipeline, state, digest, edited, replace_edited: pipeline.revise_summary(
        digest, edited, state, replace_edited=replace_edited
    ),
    "back-translate": lambda pipeline, state, digest, keys: pipeline.back_translate(digest, state, keys),
    "alternatives": lambda pipeline, state, language, english, count, exclude: pipeline.alternatives(
        language, english, count, state, exclude
    ),
}


def _pipeline_for(pipeline: DigestPipeline | None, config: PipelineConfig) -> DigestPipeline:
    """``pipeline`` when it serves ``config``, else a new one. Making one loads nothing, and the
    caller's rebinding frees the old one (and its models) before the new one loads any."""
    return pipeline if pipeline is not None and pipeline.config == config else DigestPipeline(config)


def _preload(
    pipeline: DigestPipeline,
    options: DigestOptions,
    article_language: str | None,
    cancelled_up_to: Any,
    send: Any,
    give_way: Callable[[], bool] | None = None,
) -> None:
    """Load what a digest with ``options`` needs, reporting each model as job 0; stop early
    when the process is told to stop, and between models when ``give_way`` says a request is
    waiting (a digest asked for at once loads the rest itself, the summariser's first, and
    summarises before the translators load). Errors are left for the digest to report."""
    state = _child_job_state(send, _PRELOAD_JOB, lambda: cancelled_up_to.value == _STOP_ALL)
    try:
        pipeline.preload(options, state, article_language, give_way)
    except Exception:  # noqa: BLE001 - a missing or broken model is the digest's to report
        log.info("preloading stopped", exc_info=True)


def _import_engine() -> None:
    """What the models will need, imported while the user picks a file: CTranslate2 and the
    tokenizers where CTranslate2 serves the models (no torch: see
    :mod:`models.inference.runtime`), else torch and transformers."""
    try:
        from models.inference import ctranslate2_backend

        if ctranslate2_backend.available() and ctranslate2_backend.serves_the_cpu():
            ctranslate2_backend.import_runtime()
        else:
            import models.inference.torch_backend  # noqa: F401
    except Exception:  # noqa: BLE001 - the digest reports it properly when it needs the engine
        log.debug("warm-up import failed", exc_info=True)
