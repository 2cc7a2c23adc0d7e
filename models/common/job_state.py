"""One job's state: its cancellation flag and its progress, handed to every stage of the work.

A stage (summarising, translating a batch, downloading a file) is a plain function that takes
a :class:`JobState`: it reads :meth:`JobState.is_interruption_requested` (or calls
:meth:`JobState.raise_if_interrupted`) and reports into :meth:`JobState.set_progress_value`
and :meth:`JobState.set_status`. It never knows how much of the whole job it is: the caller
hands it a sub-range of the bar (:meth:`JobState.sub_state`), or a share of a group of stages
that run side by side (:meth:`JobState.parallel`). The one sink at the root gets the job's
fraction (0..1, never going back) and its current status, throttled here and nowhere else.
Text generated before the job ends (the summary as it is decoded, a translation paragraph by
paragraph) goes the same way: :meth:`JobState.publish` to the root's ``partial_sink``.

The same type serves every kind of background work: digests in process and in the engine's
child process (where the interruption flag is a number in shared memory and the sink a pipe,
see :mod:`models.digest.process`), model downloads, and the window's background tasks.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Mapping

from models.common.types import Cancelled, PartialText

#: Progress is passed on at most this often (seconds); a new step (:meth:`JobState.set_status`)
#: and the end of the job always go through.
PROGRESS_INTERVAL_S = 0.05

ProgressSink = Callable[[float, str], None]
"""Gets the whole job's fraction (0..1) and its current status text."""
PartialSink = Callable[[PartialText], None]
"""Gets generated text published before the job ends (see :meth:`JobState.publish`)."""


class _Root:
    """What every state of one job shares: the sink, the throttle and the last report."""

    def __init__(self, sink: ProgressSink | None, interval_s: float, partial_sink: PartialSink | None = None) -> None:
        self.sink = sink
        self.partial_sink = partial_sink
        self.partial_sent_at: dict[str, float] = {}
        self.pending_parts: dict[str, PartialText] = {}
        self.interval_s = interval_s
        self.lock = threading.Lock()  # stages running side by side report from their own threads
        self.fraction = 0.0
        self.status = ""
        self.sent_at = float("-inf")
        self.sent_fraction = 0.0

    def report(self, fraction: float | None, status: str | None, *, urgent: bool = False) -> None:
        with self.lock:
            if fraction is not None:
                self.fraction = min(1.0, max(self.fraction, fraction))
            new_status = urgent and status is not None and status != self.status
            if status is not None:
                self.status = status
            now = time.monotonic()
            if self.pending_parts:
                self._send_parts(now)
            finished = self.fraction >= 1.0 > self.sent_fraction  # the end is never throttled away
            if self.sink is None or (not new_status and not finished and now - self.sent_at < self.interval_s):
                return
            self.sent_at, self.sent_fraction = now, self.fraction
            self.sink(self.fraction, self.status)

    def publish(self, part: PartialText) -> None:
        if self.partial_sink is None:
            return
        with self.lock:
            self.pending_parts[part.key] = part
            self._send_parts(time.monotonic())

    def _send_parts(self, now: float) -> None:
        """Pass on the latest part of each text (lock held). A text still coming changes every
        decoding step, so it waits out the interval, and goes with a later report when one was
        held back; a complete one goes at once."""
        for key, part in list(self.pending_parts.items()):
            if part.complete or now - self.partial_sent_at.get(key, float("-inf")) >= self.interval_s:
                del self.pending_parts[key]
                self.partial_sent_at[key] = now
                self.partial_sink(part)  # type: ignore[misc] - only parts with a sink are kept


class JobState:
    """Cancellation and progress for one job or one stage of it (see the module docstring).

    Thread-safe: any thread may request interruption, and stages on several threads may report.
    ``interrupted`` adds an outside source of interruption (e.g. a flag in shared memory).
    """

    def __init__(
        self,
        sink: ProgressSink | None = None,
        *,
        interrupted: Callable[[], bool] | None = None,
        interval_s: float = PROGRESS_INTERVAL_S,
        partial_sink: PartialSink | None = None,
    ) -> None:
        self._root = _Root(sink, interval_s, partial_sink)
        self._parent: JobState | None = None
        self._interrupted = interrupted
        self._event = threading.Event()
        self._to_parent: Callable[[float], float | None] = lambda fraction: fraction

    # -- cancellation ------------------------------------------------------------------------
    def request_interruption(self) -> None:
        """Ask this state's stage (and every stage under it) to stop at its next check."""
        self._event.set()

    def is_interruption_requested(self) -> bool:
        state: JobState | None = self
        while state is not None:
            if state._event.is_set() or (state._interrupted is not None and state._interrupted()):
                return True
            state = state._parent
        return False

    def raise_if_interrupted(self) -> None:
        """Raise :class:`~models.common.types.Cancelled` when interruption was requested."""
        if self.is_interruption_requested():
            raise Cancelled()

    # -- progress ----------------------------------------------------------------------------
    def set_status(self, text: str) -> None:
        """The step the job is at ("Summarising 1/3"); a new step is passed on at once."""
        self._root.report(None, text, urgent=True)

    def set_progress_value(self, fraction: float) -> None:
        """This stage's own fraction done (0..1), mapped onto its part of the whole job."""
        self._report(min(1.0, max(0.0, fraction)), None)

    def report(self, fraction: float, status: str) -> None:
        """This stage's fraction and a status that changes with it ("12 MB of 300 MB"); both
        are throttled like :meth:`set_progress_value`."""
        self._report(min(1.0, max(0.0, fraction)), status)

    def _report(self, fraction: float, status: str | None) -> None:
        state: JobState = self
        mapped: float | None = fraction
        while state._parent is not None and mapped is not None:
            mapped = state._to_parent(mapped)
            state = state._parent
        self._root.report(mapped, status)

    def publish(self, part: PartialText) -> None:
        """Show generated text before the job ends (the root's ``partial_sink`` gets it).
        Parts still coming are throttled per key like progress; complete ones never are."""
        self._root.publish(part)

    # -- sub-stages --------------------------------------------------------------------------
    def sub_state(self, start: float, end: float) -> JobState:
        """A state for a stage that covers ``start``..``end`` of this state's bar. Interrupting
        it stops only that stage (and its own sub-stages); interrupting this state stops it too."""
        child = self._child()
        child._to_parent = lambda fraction: start + (end - start) * fraction
        return child

    def parallel(self, weights: Mapping[str, float]) -> dict[str, JobState]:
        """States for stages that run side by side over this state's whole bar: the bar shows
        their weighted sum, so it moves steadily whichever stage is ahead."""
        done = dict.fromkeys(weights, 0.0)
        total = sum(weights.values()) or 1.0
        lock = threading.Lock()
        states: dict[str, JobState] = {}
        for name in weights:
            child = self._child()

            def to_parent(fraction: float, name: str = name) -> float:
                with lock:
                    done[name] = max(done[name], fraction)
                    return sum(weights[key] * value for key, value in done.items()) / total

            child._to_parent = to_parent
            states[name] = child
        return states

    def _child(self) -> JobState:
        child = JobState.__new__(JobState)
        child._root = self._root
        child._parent = self
        child._interrupted = None
        child._event = threading.Event()
        return child

    # -- reading -----------------------------------------------------------------------------
    @property
    def fraction(self) -> float:
        """The whole job's fraction done so far."""
        return self._root.fraction

    @property
    def status(self) -> str:
        """The whole job's current status text."""
        return self._root.status
