"""The window's one way to run background work: digests, model checks, warm-ups, downloads and
the Models dialog's disk work.

``runner.run(name, work)`` calls ``work(state)`` on a worker thread, where ``state`` is the
task's :class:`~models.common.job_state.JobState`, and returns a :class:`Task` whose signals
say, on the GUI thread, what became of it: ``started``, ``progress``, ``partial``, ``finished``,
``failed`` (with the typed exception) or ``cancelled``. Exactly one of the last three comes,
once. ``Task.cancel()`` interrupts the work's state and reports ``cancelled`` at once, so the
window is usable again while the work stops at its next check; anything the work reports
afterwards is dropped.

Work runs in *lanes*: one thread each, tasks in the order given. Digests, checks and
warm-ups share the ``engine`` lane (one digest at a time, models loaded once, in the
engine's process); downloads have their own lane, so a long download never holds up a digest;
the Models dialog reads, verifies, removes and points models at folders on the ``models`` lane,
so it never waits behind a digest or a download, nor they behind it.
Only plain data crosses the threads: the work's result, the exception, progress numbers and text.

The lanes share the interpreter with the GUI thread, which needs it for every slot Qt calls in
Python: a runner makes a lane running Python hand it over every :data:`GIL_SWITCH_S` (Python's
own interval is 5 ms, and a step of the window that enters Python twenty times could wait
twenty times that).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sys
import threading
from typing import Any, Callable, Iterator

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.ui.language import translate
from models.common.job_state import JobState
from models.common.types import Cancelled, DigestError

log = logging.getLogger(__name__)

#: The lane of everything that talks to the engine or the disk's models.
ENGINE_LANE = "engine"
#: The lane of model downloads.
DOWNLOAD_LANE = "downloads"
#: The lane of the Models dialog's disk work: reading each model's state, verifying its files'
#: hashes, removing it, checking a folder chosen for it.
MODELS_LANE = "models"
#: How long :meth:`BackgroundRunner.shutdown` waits for each lane's thread.
SHUTDOWN_TIMEOUT_S = 5.0

Work = Callable[[JobState], Any]


class Task(QObject):
    """One piece of background work, as the GUI thread sees it.

    Signals:
        started(): the work has begun on its lane's thread.
        progress(float, str): the work's fraction (0..1) and status; throttled by its state.
        partial(object): a :class:`~models.common.types.PartialText` the work published
            before its end (the summary as it is decoded, a translation paragraph by paragraph).
        finished(object): the work's result.
        failed(object): the exception that stopped it (a :class:`DigestError`, with a one-line
            message; an unexpected error arrives wrapped in one).
        cancelled(): the task was cancelled (at once on :meth:`cancel`).
    """

    started = Signal()
    progress = Signal(float, object)  # object: a Step keeps its template for translation
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, name: str, lane: str) -> None:
        super().__init__()  # no parent: it lives as long as the runner or the window refers to it
        self.name = name
        self.lane = lane
        #: What the work reads cancellation from and reports progress into (the runner's sink).
        self.state = JobState()
        #: Whether :meth:`BackgroundRunner.shutdown` lets the work run to its end.
        self.finish = False
        #: Whether the work has begun on its thread, and whether it has stopped running there
        #: (the task may have ended, by a cancel, before either).
        self.work_started = False
        self.work_done = False
        self._ended = False

    @property
    def active(self) -> bool:
        """Whether the task has not yet finished, failed or been cancelled."""
        return not self._ended

    def cancel(self) -> bool:
        """Interrupt the work and report ``cancelled`` now; returns whether the task was active."""
        self.state.request_interruption()
        if self._ended:
            return False
        self._ended = True
        self.cancelled.emit()
        return True

    def _deliver(self, kind: str, payload: tuple[Any, ...]) -> None:
        """A report from the work's thread, on the GUI thread."""
        if kind == "started":
            self.work_started = True
        if kind in ("finished", "failed", "cancelled"):
            self.work_done = True
        if self._ended:
            return  # cancelled meanwhile: the late report is stale
        if kind in ("finished", "failed", "cancelled"):
            self._ended = True
        getattr(self, kind).emit(*payload)


class _Relay(QObject):
    """Carries reports from worker threads to the GUI thread (a queued connection)."""

    report = Signal(object, str, object)


#: How long a lane running Python keeps the interpreter from the GUI thread at most. Showing the
#: first of 200 dropped articles while lanes read the others: the longest stall 118-131 ms with
#: Python's 5 ms, 44-63 ms with 1 ms.
GIL_SWITCH_S = 0.001


class BackgroundRunner(QObject):
    """Runs :data:`Work` on worker threads, one thread per lane, and reports through :class:`Task`.

    Signals:
        lane_idle(str): a lane has no work left (queued or running).
    """

    lane_idle = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_S))
        self._relay = _Relay()
        self._relay.report.connect(self._on_relay_report, Qt.ConnectionType.QueuedConnection)
        self._lanes: dict[str, tuple[queue.SimpleQueue[Any], threading.Thread]] = {}
        self._pending: dict[str, set[Task]] = {}
        self._shut_down = False
        #: Work run inside :meth:`holding_back`, queued when it ends; None outside it.
        self._held: list[tuple[str, tuple[Task, Work]]] | None = None

    def run(self, name: str, work: Work, *, lane: str = ENGINE_LANE, finish: bool = False) -> Task:
        """Queue ``work`` on ``lane`` and return its task (connect to its signals at once: the
        first report comes from the event loop, never before this returns). After
        :meth:`shutdown` the task comes back already cancelled (``task.active`` is False).
        ``finish``: work that must not be lost (a write the user expects on disk: the history,
        a saved file): :meth:`shutdown` lets it run to its end instead of cancelling it."""
        task = Task(name, lane)
        task.finish = finish
        if self._shut_down:
            task.cancel()
            return task
        task.state = JobState(
            lambda fraction, status: self._relay.report.emit(task, "progress", (fraction, status)),
            partial_sink=lambda part: self._relay.report.emit(task, "partial", (part,)),
        )
        self._pending.setdefault(lane, set()).add(task)
        if self._held is not None:
            self._held.append((lane, (task, work)))
        else:
            self._lane(lane)[0].put((task, work))
        return task

    @contextlib.contextmanager
    def holding_back(self) -> Iterator[None]:
        """Queue the work run inside this block only when it ends, in the order it was run.
        For a GUI-thread loop that starts many tasks: a lane's thread working on the first ones
        takes the interpreter from the loop at every chance it gets (200 reads of a dropped
        folder queued one by one held the loop 170 ms; queued at the end, 30 ms)."""
        if self._held is not None:  # inside another: that one queues everything
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for lane, job in held:
                if not self._shut_down:
                    self._lane(lane)[0].put(job)

    def busy(self, lane: str = ENGINE_LANE) -> bool:
        """Whether ``lane`` still has work queued or running (cancelled work may still be stopping)."""
        return bool(self._pending.get(lane))

    def shutdown(self, timeout_s: float = SHUTDOWN_TIMEOUT_S) -> None:
        """Cancel every task but those to ``finish``, stop the lanes once those are done, and
        wait for their threads (at most ``timeout_s`` each; a thread still stuck is a daemon
        and ends with the process). Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        for tasks in self._pending.values():
            for task in list(tasks):
                if not task.finish:
                    task.cancel()
        for jobs, _thread in self._lanes.values():
            jobs.put(None)
        for name, (_jobs, thread) in self._lanes.items():
            thread.join(timeout_s)
            if thread.is_alive():
                log.warning("the %s lane did not stop within %.0f s", name, timeout_s)

    # -- worker threads ------------------------------------------------------------------------
    def _lane(self, name: str) -> tuple[queue.SimpleQueue[Any], threading.Thread]:
        if name not in self._lanes:
            jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
            thread = threading.Thread(target=self._serve, args=(jobs,), name=f"{name}-lane", daemon=True)
            self._lanes[name] = (jobs, thread)
            thread.start()
        return self._lanes[name]

    def _serve(self, jobs: queue.SimpleQueue[Any]) -> None:
        while (item := jobs.get()) is not None:
            task, work = item
            kind, payload = self._execute(task, work)
            self._relay.report.emit(task, kind, payload)

    def _execute(self, task: Task, work: Work) -> tuple[str, tuple[Any, ...]]:
        """Run one task's work to its end; every outcome is one report. Never raises."""
        state = task.state
        if state.is_interruption_requested():  # cancelled while it waited in the queue
            return "cancelled", ()
        self._relay.report.emit(task, "started", ())
        try:
            result = work(state)
        except Cancelled:
            return "cancelled", ()
        except DigestError as error:
            return ("cancelled", ()) if state.is_interruption_requested() else ("failed", (error,))
        except BaseException as error:  # noqa: BLE001 - a bug in one task must not end the lane
            log.exception("background task %r failed", task.name)
            message = translate("Runner", "Unexpected error: {error}").format(error=f"{error.__class__.__name__}: {error}")
            return "failed", (DigestError(message),)
        return ("cancelled", ()) if state.is_interruption_requested() else ("finished", (result,))

    # -- GUI thread ----------------------------------------------------------------------------
    @Slot(object, str, object)
    def _on_relay_report(self, task: Task, kind: str, payload: tuple[Any, ...]) -> None:
        ended = kind in ("finished", "failed", "cancelled")
        pending = self._pending.get(task.lane, set())
        if ended:  # before the task's own signal, so its handlers see the lane as it is now
            pending.discard(task)
        task._deliver(kind, payload)  # noqa: SLF001 - the runner is the task's only source
        if ended and not pending:
            self.lane_idle.emit(task.lane)
