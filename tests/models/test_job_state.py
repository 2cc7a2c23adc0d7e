"""JobState: progress mapped through sub-stages and parallel stages, throttling, interruption."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from models.common import job_state
from models.common.job_state import PROGRESS_INTERVAL_S, JobState
from models.common.types import Cancelled, DigestError

#: An interval no test outlasts: only the first report, new steps and the end get through.
FOREVER_S = 3600.0


class Sink:
    """Records what reaches the root's sink, as (fraction, status) pairs."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, str]] = []

    def __call__(self, fraction: float, status: str) -> None:
        self.calls.append((fraction, status))

    @property
    def fractions(self) -> list[float]:
        return [fraction for fraction, _ in self.calls]

    @property
    def last(self) -> tuple[float, str]:
        return self.calls[-1]


def unthrottled() -> tuple[JobState, Sink]:
    """A root state whose every report reaches its sink."""
    sink = Sink()
    return JobState(sink, interval_s=0.0), sink


# -- mapping -------------------------------------------------------------------------------------


def test_root_progress_reaches_the_sink_as_is() -> None:
    """A root state's fraction is the whole job's fraction."""
    root, sink = unthrottled()
    root.set_progress_value(0.25)
    root.set_progress_value(0.5)
    assert sink.fractions == [0.25, 0.5]


def test_sub_state_maps_onto_its_range() -> None:
    """A sub-state's 0..1 lands in start..end of its parent's bar."""
    root, sink = unthrottled()
    stage = root.sub_state(0.2, 0.6)
    stage.set_progress_value(0.0)
    stage.set_progress_value(0.5)
    stage.set_progress_value(1.0)
    assert sink.fractions == pytest.approx([0.2, 0.4, 0.6])


def test_nested_sub_states_map_to_the_whole_job_fraction() -> None:
    """Two levels of sub_state compose: 0.2..0.6 then its upper half is 0.4..0.6 of the job."""
    root, sink = unthrottled()
    outer = root.sub_state(0.2, 0.6)
    inner = outer.sub_state(0.5, 1.0)
    inner.set_progress_value(0.0)
    assert sink.last[0] == pytest.approx(0.4)
    inner.set_progress_value(0.5)
    assert sink.last[0] == pytest.approx(0.5)
    inner.set_progress_value(1.0)
    assert sink.last[0] == pytest.approx(0.6)
    assert root.fraction == pytest.approx(0.6)


def test_three_levels_of_sub_states_compose() -> None:
    """A third level maps through both parents: 0.5..1 of 0..0.5 of 0.5..1 is 0.625..0.75."""
    root, sink = unthrottled()
    deepest = root.sub_state(0.5, 1.0).sub_state(0.0, 0.5).sub_state(0.5, 1.0)
    deepest.set_progress_value(0.0)
    deepest.set_progress_value(0.5)
    deepest.set_progress_value(1.0)
    assert sink.fractions == pytest.approx([0.625, 0.6875, 0.75])


def test_last_sub_state_ends_the_job_exactly() -> None:
    """The last stage's 1.0 is the job's exact 1.0 (not 0.999...), so the end is never throttled away."""
    sink = Sink()
    root = JobState(sink, interval_s=FOREVER_S)
    for start in (0.1, 0.3, 0.7, 1 / 3, 0.95):
        stage = root.sub_state(start, 1.0).sub_state(start, 1.0)
        stage.set_progress_value(1.0)
    assert root.fraction == 1.0
    assert sink.last[0] == 1.0


def test_progress_is_clamped_to_its_stage() -> None:
    """Values outside 0..1 are clamped before mapping: a stage never reports beyond its range."""
    root, sink = unthrottled()
    stage = root.sub_state(0.0, 0.5)
    stage.set_progress_value(-3.0)
    assert sink.last[0] == 0.0
    stage.set_progress_value(7.0)
    assert sink.last[0] == pytest.approx(0.5)
    root.report(42.0, "over")
    assert sink.last == (1.0, "over")


def test_fractions_never_decrease_at_the_sink() -> None:
    """A stage reporting a lower value than before leaves the job's fraction where it was."""
    root, sink = unthrottled()
    root.set_progress_value(0.5)
    root.set_progress_value(0.3)
    stage = root.sub_state(0.0, 0.4)  # a stage entirely below what was already shown
    stage.set_progress_value(1.0)
    root.report(0.1, "Going back?")
    assert sink.fractions == [0.5, 0.5, 0.5, 0.5]
    assert sink.last == (0.5, "Going back?")
    assert root.fraction == 0.5


# -- parallel stages -----------------------------------------------------------------------------


def test_parallel_shows_the_weighted_sum() -> None:
    """Side-by-side stages move the bar by their weighted share, whichever is ahead."""
    root, sink = unthrottled()
    stages = root.parallel({"summary": 1.0, "translation": 3.0})
    assert set(stages) == {"summary", "translation"}
    stages["summary"].set_progress_value(1.0)
    assert sink.last[0] == pytest.approx(0.25)
    stages["translation"].set_progress_value(0.5)
    assert sink.last[0] == pytest.approx(0.25 + 0.375)
    stages["summary"].set_progress_value(0.2)  # goes back: its share stays at 1.0
    assert sink.last[0] == pytest.approx(0.625)
    stages["translation"].set_progress_value(1.0)
    assert sink.last[0] == 1.0


def test_parallel_inside_a_sub_state() -> None:
    """Parallel stages under a sub-state share that sub-state's range."""
    root, sink = unthrottled()
    stages = root.sub_state(0.5, 1.0).parallel({"a": 1.0, "b": 1.0})
    stages["a"].set_progress_value(1.0)
    assert sink.last[0] == pytest.approx(0.75)
    stages["b"].sub_state(0.0, 0.5).set_progress_value(1.0)
    assert sink.last[0] == pytest.approx(0.875)


def test_parallel_stages_on_threads_never_go_backwards() -> None:
    """Stages reporting from several threads at once: the sink sees a non-decreasing bar ending at 1.0."""
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to interleave the reports
    threads_seen: list[int] = []
    sink = Sink()

    def recording_sink(fraction: float, status: str) -> None:
        threads_seen.append(threading.get_ident())
        sink(fraction, status)

    root = JobState(recording_sink, interval_s=0.0)
    weights = {f"stage{index}": float(index + 1) for index in range(6)}
    stages = root.parallel(weights)
    steps = 2000
    barrier = threading.Barrier(len(stages))

    def work(state: JobState) -> None:
        barrier.wait()
        for step in range(steps + 1):
            state.set_progress_value(step / steps)
            if step % 50 == 0:
                state.set_progress_value(step / steps / 2)  # a stage that briefly reports lower

    threads = [threading.Thread(target=work, args=(state,)) for state in stages.values()]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(5)
    finally:
        sys.setswitchinterval(switch_interval)
    assert not any(thread.is_alive() for thread in threads)
    switches = sum(1 for earlier, later in zip(threads_seen, threads_seen[1:]) if earlier != later)
    assert switches > len(stages)  # the stages really reported side by side, not one after another
    fractions = sink.fractions
    assert len(fractions) == len(stages) * (steps + 1 + steps // 50 + 1)  # no throttle: every report
    assert all(later >= earlier for earlier, later in zip(fractions, fractions[1:]))
    assert fractions[-1] == 1.0
    assert root.fraction == 1.0


def test_parallel_with_zero_weights_does_not_divide_by_zero() -> None:
    """All-zero weights are tolerated (the bar just does not move)."""
    root, sink = unthrottled()
    stages = root.parallel({"a": 0.0, "b": 0.0})
    stages["a"].set_progress_value(1.0)
    assert sink.last[0] == 0.0


# -- throttling ----------------------------------------------------------------------------------


def test_progress_within_the_interval_reaches_the_sink_once() -> None:
    """Many reports within the interval: only the first gets through."""
    sink = Sink()
    root = JobState(sink, interval_s=FOREVER_S)
    for step in range(1, 1000):
        root.set_progress_value(step / 2000)
    assert sink.calls == [(1 / 2000, "")]
    assert root.fraction == pytest.approx(999 / 2000)  # the state itself keeps up


def test_progress_is_throttled_at_the_default_interval() -> None:
    """A tight loop for 0.2 s at the default 50 ms interval: a handful of reports, not thousands."""
    sink = Sink()
    root = JobState(sink)
    begin = time.monotonic()
    count = 0
    while time.monotonic() - begin < 0.2:
        count += 1
        root.set_progress_value(min(count / 1_000_000, 0.99))
    assert count > 1000
    # The first, then at most one per 50 ms (sent at >= 0, 0.05, 0.1, 0.15, maybe just past 0.2).
    assert 2 <= len(sink.calls) <= int(0.2 / PROGRESS_INTERVAL_S) + 2
    assert sink.calls[0] == (1 / 1_000_000, "")


def test_a_new_status_always_passes_at_once() -> None:
    """set_status with a new text is never throttled; the same text again is."""
    sink = Sink()
    root = JobState(sink, interval_s=FOREVER_S)
    root.set_progress_value(0.1)  # first report: through
    root.set_progress_value(0.2)  # throttled
    assert sink.calls == [(0.1, "")]
    root.set_status("Summarising 1/3")
    assert sink.last == (0.2, "Summarising 1/3")  # with the latest fraction
    root.set_status("Summarising 2/3")
    root.sub_state(0.5, 1.0).set_status("Translating")  # a sub-state's step is the job's step
    assert [status for _, status in sink.calls] == ["", "Summarising 1/3", "Summarising 2/3", "Translating"]
    root.set_status("Translating")  # not new: throttled
    root.set_progress_value(0.3)  # throttled
    assert len(sink.calls) == 4
    assert root.status == "Translating"


def test_the_end_always_gets_through() -> None:
    """The job's 1.0 passes even within the interval, once; a stage's own 1.0 is not the end."""
    sink = Sink()
    root = JobState(sink, interval_s=FOREVER_S)
    root.set_progress_value(0.1)
    root.sub_state(0.0, 0.9).set_progress_value(1.0)  # 0.9 of the job: throttled
    assert sink.calls == [(0.1, "")]
    root.sub_state(0.9, 1.0).set_progress_value(1.0)
    assert sink.last == (1.0, "")
    root.set_progress_value(1.0)  # already sent: not again
    assert len(sink.calls) == 2


def test_report_is_throttled_like_progress() -> None:
    """report(fraction, status) updates both but passes them on at the progress rate."""
    sink = Sink()
    root = JobState(sink, interval_s=FOREVER_S)
    stage = root.sub_state(0.0, 0.5)
    stage.report(0.2, "12 MB of 300 MB")
    stage.report(0.4, "24 MB of 300 MB")  # new text, but a report: throttled
    stage.report(0.6, "36 MB of 300 MB")
    assert sink.calls == [(pytest.approx(0.1), "12 MB of 300 MB")]
    assert root.fraction == pytest.approx(0.3)
    assert root.status == "36 MB of 300 MB"
    root.report(1.0, "Done")
    assert sink.last == (1.0, "Done")


def test_report_passes_again_after_the_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the interval has passed, the next progress report goes through with the current status."""
    clock = {"now": 1000.0}
    monkeypatch.setattr(job_state.time, "monotonic", lambda: clock["now"])
    sink = Sink()
    root = JobState(sink, interval_s=0.05)
    root.set_status("Loading")
    clock["now"] += 0.049
    root.set_progress_value(0.1)  # within the interval of the status: throttled
    root.report(0.15, "Loading 1 MB")  # likewise
    assert sink.calls == [(0.0, "Loading")]
    clock["now"] += 0.002
    root.set_progress_value(0.2)
    assert sink.last == (0.2, "Loading 1 MB")
    clock["now"] += 0.01
    root.set_progress_value(0.3)  # the interval counts from the last report sent
    assert len(sink.calls) == 2


def test_no_sink_still_tracks_fraction_and_status() -> None:
    """Without a sink, reports are kept for the fraction and status properties."""
    root = JobState()
    assert root.fraction == 0.0
    assert root.status == ""
    stage = root.sub_state(0.5, 1.0)
    stage.report(0.5, "Halfway there")
    assert root.fraction == pytest.approx(0.75)
    assert stage.fraction == pytest.approx(0.75)  # a stage reads the whole job's fraction
    assert stage.status == root.status == "Halfway there"
    stage.set_status("Next")
    assert root.status == "Next"
    assert root.fraction == pytest.approx(0.75)  # a status does not move the bar


# -- interruption --------------------------------------------------------------------------------


def test_root_interruption_reaches_every_sub_state() -> None:
    """request_interruption() on the root is seen by nested and parallel sub-states."""
    root = JobState()
    outer = root.sub_state(0.0, 0.5)
    inner = outer.sub_state(0.2, 0.8)
    parallel = root.sub_state(0.5, 1.0).parallel({"a": 1.0, "b": 2.0})
    everyone = [root, outer, inner, *parallel.values()]
    assert not any(state.is_interruption_requested() for state in everyone)
    for state in everyone:
        state.raise_if_interrupted()  # does not raise yet
    root.request_interruption()
    assert all(state.is_interruption_requested() for state in everyone)
    for state in everyone:
        with pytest.raises(Cancelled) as caught:
            state.raise_if_interrupted()
        assert isinstance(caught.value, DigestError)
        assert str(caught.value) == "Cancelled"
    late = inner.sub_state(0.0, 1.0)  # made after the request: interrupted too
    assert late.is_interruption_requested()


def test_interrupting_a_sub_state_spares_its_parent_and_siblings() -> None:
    """A sub-state's interruption stops it and its children, not its parent or siblings."""
    root = JobState()
    first = root.sub_state(0.0, 0.5)
    second = root.sub_state(0.5, 1.0)
    child = first.sub_state(0.0, 1.0)
    grandchild = child.sub_state(0.5, 1.0)
    first.request_interruption()
    assert first.is_interruption_requested()
    assert child.is_interruption_requested()
    assert grandchild.is_interruption_requested()
    with pytest.raises(Cancelled):
        grandchild.raise_if_interrupted()
    assert not root.is_interruption_requested()
    assert not second.is_interruption_requested()
    root.raise_if_interrupted()
    second.raise_if_interrupted()


def test_interrupting_one_parallel_stage_spares_the_others() -> None:
    """Parallel stages are siblings: stopping one leaves the rest running."""
    root = JobState()
    stages = root.parallel({"x": 1.0, "y": 1.0, "z": 1.0})
    inner_y = stages["y"].sub_state(0.0, 1.0)
    stages["x"].request_interruption()
    assert stages["x"].is_interruption_requested()
    assert not stages["y"].is_interruption_requested()
    assert not stages["z"].is_interruption_requested()
    assert not inner_y.is_interruption_requested()
    assert not root.is_interruption_requested()


def test_interrupted_callable_is_honoured_by_sub_states() -> None:
    """An outside flag (``interrupted=``) read by the root interrupts every sub-state."""
    flag = {"set": False}
    root = JobState(interrupted=lambda: flag["set"])
    nested = root.sub_state(0.1, 0.9).sub_state(0.0, 0.5)
    stages = nested.parallel({"a": 1.0})
    assert not nested.is_interruption_requested()
    assert not stages["a"].is_interruption_requested()
    flag["set"] = True
    assert root.is_interruption_requested()
    assert nested.is_interruption_requested()
    with pytest.raises(Cancelled):
        stages["a"].raise_if_interrupted()
    flag["set"] = False  # the flag is read each time, not latched
    assert not stages["a"].is_interruption_requested()


def test_interruption_from_another_thread_stops_a_working_stage() -> None:
    """A stage polling raise_if_interrupted on its thread stops soon after another thread asks."""
    root = JobState()
    stage = root.sub_state(0.0, 1.0).sub_state(0.0, 1.0)
    started = threading.Event()
    outcome: list[BaseException] = []

    def work() -> None:
        started.set()
        try:
            for _ in range(500):  # five seconds unless interrupted
                stage.raise_if_interrupted()
                time.sleep(0.01)
        except Cancelled as error:
            outcome.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(2)
    begin = time.monotonic()
    root.request_interruption()
    thread.join(2)
    assert not thread.is_alive()
    assert time.monotonic() - begin < 1.0
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)


# -- text published before the job ends ---------------------------------------------------------
def test_published_text_reaches_the_partial_sink_throttled_per_key_and_complete_parts_always() -> None:
    from models.common.types import PartialText

    parts: list[PartialText] = []
    state = JobState(interval_s=FOREVER_S, partial_sink=parts.append)
    stage = state.sub_state(0.2, 0.6)  # any sub-state publishes to the same root
    stage.publish(PartialText("summary", "The", complete=False))
    stage.publish(PartialText("summary", "The talks", complete=False))  # held back: same key, too soon
    stage.publish(PartialText("summary:ru", "Пер", complete=False))  # another text is not held back by it
    stage.publish(PartialText("summary", "The talks ended.", complete=True))
    assert [(part.key, part.text, part.complete) for part in parts] == [
        ("summary", "The", False),
        ("summary:ru", "Пер", False),
        ("summary", "The talks ended.", True),
    ]


def test_a_held_back_part_goes_with_the_next_report_once_its_interval_is_over() -> None:
    from models.common.types import PartialText

    parts: list[PartialText] = []
    interval = 0.05
    state = JobState(interval_s=interval, partial_sink=parts.append)
    state.publish(PartialText("article:ar", "one", complete=False))
    state.publish(PartialText("article:ar", "one two", complete=False))
    assert [part.text for part in parts] == ["one"]
    time.sleep(interval * 2)
    state.set_progress_value(0.5)  # a decoding step's report carries the latest text along
    assert [part.text for part in parts] == ["one", "one two"]
