"""BackgroundRunner and Task: lanes, progress, results, failures, cancellation and shutdown."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, Callable, Iterator

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from desktop.ui.runner import DOWNLOAD_LANE, ENGINE_LANE, GIL_SWITCH_S, MODELS_LANE, BackgroundRunner, Task
from models.common.job_state import PROGRESS_INTERVAL_S, JobState
from models.common.types import Cancelled, DigestError, ModelUnavailable


class Recorder:
    """Records every signal of a task, in order, as (name, args) pairs."""

    def __init__(self, task: Task) -> None:
        self.events: list[tuple[str, tuple[Any, ...]]] = []
        task.started.connect(lambda: self.events.append(("started", ())))
        task.progress.connect(lambda fraction, status: self.events.append(("progress", (fraction, status))))
        task.finished.connect(lambda result: self.events.append(("finished", (result,))))
        task.failed.connect(lambda error: self.events.append(("failed", (error,))))
        task.cancelled.connect(lambda: self.events.append(("cancelled", ())))

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    @property
    def progress(self) -> list[tuple[float, str]]:
        return [args for name, args in self.events if name == "progress"]

    @property
    def endings(self) -> list[str]:
        return [name for name in self.names if name in ("finished", "failed", "cancelled")]


def lane_threads() -> set[threading.Thread]:
    """The live threads named like a runner's lane."""
    return {thread for thread in threading.enumerate() if thread.name.endswith("-lane")}


@pytest.fixture
def runner(qtbot) -> Iterator[BackgroundRunner]:
    """A runner that is shut down (threads joined) at the end of the test."""
    made = BackgroundRunner()
    yield made
    made.shutdown(timeout_s=2.0)
    assert not any(thread.is_alive() for _, thread in made._lanes.values())  # noqa: SLF001


def wait_idle(qtbot, runner: BackgroundRunner, lane: str = ENGINE_LANE, timeout: int = 3000) -> None:
    """Wait until ``lane`` has no work left (its lane_idle has come, or it already had)."""
    qtbot.waitUntil(lambda: not runner.busy(lane), timeout=timeout)


# -- running -------------------------------------------------------------------------------------


def test_work_runs_off_the_gui_thread_and_reports_rising_progress(qtbot, runner: BackgroundRunner) -> None:
    """The work runs on the engine lane's thread; its progress reaches the task in order, rising."""
    seen: dict[str, Any] = {}

    def work(state: JobState) -> str:
        seen["thread"] = threading.current_thread()
        seen["state"] = state
        for step in range(1, 6):
            state.report(step / 5, f"Step {step}/5")
            time.sleep(PROGRESS_INTERVAL_S + 0.01)  # past the throttle: every step gets through
        return "done"

    task = runner.run("digest", work)
    record = Recorder(task)
    assert task.name == "digest" and task.lane == ENGINE_LANE
    assert task.active
    assert runner.busy() and runner.busy(ENGINE_LANE)
    with qtbot.waitSignal(task.finished, timeout=3000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert seen["thread"] is not threading.main_thread()
    assert seen["thread"].name == "engine-lane"
    assert seen["state"] is task.state
    assert record.names == ["started"] + ["progress"] * 5 + ["finished"]
    assert record.progress == [(pytest.approx(step / 5), f"Step {step}/5") for step in range(1, 6)]
    fractions = [fraction for fraction, _ in record.progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert not task.active
    wait_idle(qtbot, runner)


def test_finished_carries_the_result_object(qtbot, runner: BackgroundRunner) -> None:
    """The work's return value reaches ``finished`` as the same object."""
    result = {"summary": "A summary.", "translations": {"ru": "Краткое изложение."}}
    task = runner.run("digest", lambda state: result)
    with qtbot.waitSignal(task.finished, timeout=2000) as blocker:
        pass
    assert blocker.args[0] is result


def test_signals_come_from_the_event_loop_never_before_run_returns(qtbot, runner: BackgroundRunner) -> None:
    """Work that ends before anyone connects: its signals still arrive once connected."""
    done = threading.Event()

    def work(state: JobState) -> int:
        state.set_status("Quick")
        done.set()
        return 7

    task = runner.run("quick", work)
    assert done.wait(2)  # the work has run (and reported) on its thread before we connect
    time.sleep(0.02)  # ...and very likely its final report has been queued too
    record = Recorder(task)
    with qtbot.waitSignal(task.finished, timeout=2000) as blocker:
        pass
    assert blocker.args == [7]
    assert record.names == ["started", "progress", "finished"]
    assert record.progress == [(0.0, "Quick")]


def test_lane_idle_comes_when_the_work_is_done(qtbot, runner: BackgroundRunner) -> None:
    """busy() holds while work runs, then the lane goes idle with lane_idle(lane)."""
    release = threading.Event()

    def work(state: JobState) -> None:
        assert release.wait(5)

    assert not runner.busy()
    assert not runner.busy("no-such-lane")
    runner.run("one", work)
    assert runner.busy()
    qtbot.wait(30)  # the event loop runs, the work is blocked: still busy
    assert runner.busy()
    with qtbot.waitSignal(runner.lane_idle, timeout=2000) as blocker:
        release.set()
    assert blocker.args == [ENGINE_LANE]
    assert not runner.busy()


# -- failures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [ModelUnavailable("Summary model x is not installed"), DigestError("The article is empty")],
    ids=["model-unavailable", "digest-error"],
)
def test_a_digest_error_arrives_as_is(qtbot, runner: BackgroundRunner, error: DigestError) -> None:
    """A DigestError (or subclass) raised by the work is what ``failed`` carries."""

    def work(state: JobState) -> None:
        raise error

    task = runner.run("failing", work)
    record = Recorder(task)
    with qtbot.waitSignal(task.failed, timeout=2000) as blocker:
        pass
    failure = blocker.args[0]
    assert failure is error
    assert type(failure) is type(error)
    assert str(failure) == str(error)
    assert record.endings == ["failed"]
    assert not task.active
    wait_idle(qtbot, runner)


def test_an_unexpected_error_is_wrapped_and_the_lane_goes_on(qtbot, runner: BackgroundRunner) -> None:
    """A bug in one task becomes a one-line DigestError, and the lane runs the next task."""
    threads: list[threading.Thread] = []

    def broken(state: JobState) -> float:
        threads.append(threading.current_thread())
        return 1 / 0

    def warm_up(state: JobState) -> None:
        threads.append(threading.current_thread())
        raise RuntimeError("warm-up failed")

    def fine(state: JobState) -> str:
        threads.append(threading.current_thread())
        return "next"

    first = runner.run("broken", broken)
    second = runner.run("warm-up", warm_up)
    third = runner.run("fine", fine)
    failures: list[object] = []
    first.failed.connect(failures.append)
    second.failed.connect(failures.append)
    with qtbot.waitSignal(third.finished, timeout=2000) as blocker:
        pass
    assert blocker.args == ["next"]
    assert len(failures) == 2
    for failure in failures:
        assert type(failure) is DigestError
    assert str(failures[0]).startswith("Unexpected error")
    assert str(failures[0]) == "Unexpected error: ZeroDivisionError: division by zero"
    assert str(failures[1]) == "Unexpected error: RuntimeError: warm-up failed"
    assert "\n" not in str(failures[0])
    assert len(threads) == 3 and len(set(threads)) == 1  # the same lane thread survived both
    assert threads[0].is_alive()


def test_cancelled_raised_without_a_request_reports_cancelled(qtbot, runner: BackgroundRunner) -> None:
    """Work that raises Cancelled on its own ends its task as cancelled, not failed."""

    def work(state: JobState) -> None:
        raise Cancelled()

    task = runner.run("gives up", work)
    record = Recorder(task)
    with qtbot.waitSignal(task.cancelled, timeout=2000):
        pass
    wait_idle(qtbot, runner)
    assert record.endings == ["cancelled"]
    assert not task.active


# -- cancellation --------------------------------------------------------------------------------


def _until_interrupted(state: JobState) -> None:
    for tick in range(1000):  # ten seconds unless interrupted
        if state.is_interruption_requested():
            return
        state.set_progress_value(min(tick / 1000, 0.5))
        time.sleep(0.01)
    raise AssertionError("the work never saw the interruption")


def _end_by_returning(state: JobState) -> str:
    _until_interrupted(state)
    state.set_progress_value(0.9)  # reported after the cancel: dropped
    return "late result"


def _end_by_raising_cancelled(state: JobState) -> None:
    _until_interrupted(state)
    state.raise_if_interrupted()


def _end_by_raising_digest_error(state: JobState) -> None:
    _until_interrupted(state)
    raise DigestError("The engine stopped")  # an error caused by the cancellation itself


@pytest.mark.parametrize(
    "ending",
    [_end_by_returning, _end_by_raising_cancelled, _end_by_raising_digest_error],
    ids=["returns", "raises-cancelled", "raises-digest-error"],
)
def test_cancel_reports_at_once_and_the_work_stops(
    qtbot, runner: BackgroundRunner, ending: Callable[[JobState], Any]
) -> None:
    """cancel() emits cancelled synchronously; the work sees the request and stops; nothing follows."""
    started = threading.Event()
    stopped = threading.Event()

    def work(state: JobState) -> Any:
        started.set()
        try:
            return ending(state)
        finally:
            stopped.set()

    task = runner.run("looping", work)
    record = Recorder(task)
    qtbot.waitUntil(lambda: task.work_started, timeout=2000)
    assert started.wait(2)
    begin = time.monotonic()
    assert task.cancel()
    assert record.endings == ["cancelled"]  # at once, without the event loop
    assert not task.active
    assert task.state.is_interruption_requested()
    assert runner.busy()  # the work is still stopping (its end has not been delivered)
    with qtbot.waitSignal(runner.lane_idle, timeout=2000):
        pass
    assert stopped.is_set()
    assert time.monotonic() - begin < 1.0
    assert task.work_done
    assert not runner.busy()
    assert record.endings == ["cancelled"]  # no finished or failed after it
    assert record.names[-1] == "cancelled"  # and no progress either
    assert not task.cancel()  # nothing left to cancel
    assert record.endings == ["cancelled"]


def test_a_late_result_of_a_cancelled_task_is_dropped(qtbot, runner: BackgroundRunner) -> None:
    """Work that ignores the request and returns a result later: the result never surfaces."""
    release = threading.Event()

    def work(state: JobState) -> str:
        assert release.wait(5)
        state.report(1.0, "Finished anyway")
        return "stale"

    task = runner.run("stubborn", work)
    record = Recorder(task)
    # Polled, not waited on as a signal: pytest-qt disconnecting from inside the signal's own
    # emission once hung the whole suite here (PySide 6.11, under load).
    qtbot.waitUntil(lambda: task.work_started, timeout=2000)
    task.cancel()
    qtbot.wait(30)  # the event loop runs while the work still holds on
    assert runner.busy()
    assert not task.work_done
    with qtbot.waitSignal(runner.lane_idle, timeout=2000):
        release.set()
    assert record.names == ["started", "cancelled"]
    assert task.work_done
    assert not runner.busy()


def test_cancel_after_the_end_does_nothing(qtbot, runner: BackgroundRunner) -> None:
    """A finished task cannot be cancelled: no cancelled signal, cancel() returns False."""
    task = runner.run("quick", lambda state: 1)
    record = Recorder(task)
    qtbot.waitSignal(task.finished, timeout=2000).wait()
    assert not task.cancel()
    assert record.endings == ["finished"]


def test_a_task_cancelled_while_queued_never_starts(qtbot, runner: BackgroundRunner) -> None:
    """A task cancelled behind another is skipped: its work is never called, it never starts."""
    release = threading.Event()
    calls: list[str] = []

    def blocking(state: JobState) -> str:
        calls.append("first")
        assert release.wait(5)
        return "first"

    def never(state: JobState) -> None:
        calls.append("second")

    first = runner.run("first", blocking)
    second = runner.run("second", never)
    first_record, second_record = Recorder(first), Recorder(second)
    qtbot.waitUntil(lambda: first.work_started, timeout=2000)
    assert second.cancel()
    assert second_record.names == ["cancelled"]
    with qtbot.waitSignal(runner.lane_idle, timeout=2000):
        release.set()
    assert calls == ["first"]
    assert first_record.names == ["started", "finished"]
    assert second_record.names == ["cancelled"]  # no "started" ever
    assert second.work_done
    assert not runner.busy()


# -- lanes ---------------------------------------------------------------------------------------


def test_tasks_on_one_lane_run_in_order_one_at_a_time(qtbot, runner: BackgroundRunner) -> None:
    """Tasks queued on a lane run one after another, in the order given, on the same thread."""
    log: list[tuple[str, int]] = []
    running = {"now": 0, "most": 0}
    threads: set[threading.Thread] = set()
    lock = threading.Lock()

    def make(index: int) -> Callable[[JobState], int]:
        def work(state: JobState) -> int:
            with lock:
                running["now"] += 1
                running["most"] = max(running["most"], running["now"])
            threads.add(threading.current_thread())
            log.append(("start", index))
            time.sleep(0.01)
            log.append(("end", index))
            with lock:
                running["now"] -= 1
            return index

        return work

    finished: list[int] = []
    tasks = [runner.run(f"task {index}", make(index)) for index in range(5)]
    for task in tasks:
        task.finished.connect(finished.append)
    with qtbot.waitSignal(tasks[-1].finished, timeout=3000):
        pass
    assert log == [(kind, index) for index in range(5) for kind in ("start", "end")]
    assert running["most"] == 1
    assert finished == [0, 1, 2, 3, 4]
    assert len(threads) == 1


def test_work_run_while_holding_back_starts_when_the_block_ends_in_order(qtbot, runner: BackgroundRunner) -> None:
    """A loop that starts many tasks (a dropped folder's reads) has their lanes start them only
    once it is done, so their work does not take the interpreter from the loop; order is kept."""
    started = threading.Event()
    order: list[int] = []

    def make(index: int) -> Callable[[JobState], int]:
        def work(state: JobState) -> int:
            started.set()
            order.append(index)
            return index

        return work

    with runner.holding_back():
        tasks = [runner.run(f"task {index}", make(index), lane=lane) for index, lane in enumerate([ENGINE_LANE, MODELS_LANE] * 3)]
        assert runner.busy(ENGINE_LANE) and runner.busy(MODELS_LANE)  # pending, as any queued work is
        assert not started.wait(0.2)  # held back: no lane has it yet
    with qtbot.waitSignals([task.finished for task in tasks], timeout=3000):
        pass
    assert [index for index in order if index % 2 == 0] == [0, 2, 4]
    assert [index for index in order if index % 2 == 1] == [1, 3, 5]
    assert [task.active for task in tasks] == [False] * 6


def test_the_downloads_lane_runs_while_the_engine_lane_is_blocked(qtbot, runner: BackgroundRunner) -> None:
    """Two lanes run concurrently: a download finishes while a digest still holds the engine lane."""
    release = threading.Event()
    threads: dict[str, threading.Thread] = {}

    def digest(state: JobState) -> str:
        threads["engine"] = threading.current_thread()
        assert release.wait(5)
        return "digest"

    def download(state: JobState) -> str:
        threads["download"] = threading.current_thread()
        state.report(1.0, "300 MB of 300 MB")
        return "model"

    engine_task = runner.run("digest", digest)
    qtbot.waitUntil(lambda: engine_task.work_started, timeout=2000)
    download_task = runner.run("download", download, lane=DOWNLOAD_LANE)
    assert download_task.lane == DOWNLOAD_LANE
    with qtbot.waitSignals(
        [download_task.finished, runner.lane_idle],
        check_params_cbs=[None, lambda lane: lane == DOWNLOAD_LANE],
        timeout=2000,
    ):
        pass
    assert engine_task.active  # still blocked
    assert runner.busy(ENGINE_LANE)
    assert not runner.busy(DOWNLOAD_LANE)
    assert threads["engine"].name == "engine-lane"
    assert threads["download"].name == "downloads-lane"
    assert threads["engine"] is not threads["download"]
    with qtbot.waitSignal(engine_task.finished, timeout=2000) as blocker:
        release.set()
    assert blocker.args == ["digest"]
    wait_idle(qtbot, runner, ENGINE_LANE)


def test_the_models_lane_runs_while_a_digest_and_a_download_hold_theirs(qtbot, runner: BackgroundRunner) -> None:
    """The Models dialog's disk work (a state read, a Verify) never waits behind a digest or a download."""
    release = threading.Event()
    threads: dict[str, threading.Thread] = {}

    def blocked(name: str):  # noqa: ANN202
        def work(state: JobState) -> str:
            threads[name] = threading.current_thread()
            assert release.wait(5)
            return name

        return work

    engine_task = runner.run("digest", blocked("engine"))
    download_task = runner.run("download", blocked("download"), lane=DOWNLOAD_LANE)
    qtbot.waitSignals([engine_task.started, download_task.started], timeout=2000).wait()

    def verify(state: JobState) -> list[str]:
        threads["models"] = threading.current_thread()
        return []

    verify_task = runner.run("verify", verify, lane=MODELS_LANE)
    assert verify_task.lane == MODELS_LANE == "models"
    with qtbot.waitSignals(
        [verify_task.finished, runner.lane_idle], check_params_cbs=[None, lambda lane: lane == MODELS_LANE], timeout=2000
    ):
        pass
    assert engine_task.active and download_task.active  # both still blocked
    assert not runner.busy(MODELS_LANE) and runner.busy(ENGINE_LANE) and runner.busy(DOWNLOAD_LANE)
    assert threads["models"].name == "models-lane"
    assert len({threads["engine"], threads["download"], threads["models"]}) == 3
    with qtbot.waitSignals([engine_task.finished, download_task.finished], timeout=2000):
        release.set()
    wait_idle(qtbot, runner, ENGINE_LANE)
    wait_idle(qtbot, runner, DOWNLOAD_LANE)


# -- throttling ----------------------------------------------------------------------------------


def test_many_progress_reports_reach_the_gui_throttled(qtbot, runner: BackgroundRunner) -> None:
    """Thousands of reports in a tight loop become a handful of signals, and the GUI keeps running."""
    from PySide6.QtCore import QTimer

    counted: dict[str, float] = {}

    def work(state: JobState) -> int:
        begin = time.monotonic()
        count = 0
        while (elapsed := time.monotonic() - begin) < 0.25:
            count += 1
            state.set_progress_value(min(count / 1_000_000, 0.99))
        state.set_progress_value(1.0)
        counted.update(reports=count + 1, seconds=elapsed)
        return count

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        task = runner.run("chatty", work)
        record = Recorder(task)
        with qtbot.waitSignal(task.finished, timeout=5000):
            pass
    finally:
        timer.stop()
    fractions = [fraction for fraction, _ in record.progress]
    assert counted["reports"] > 5000
    # The first report, then at most one per interval, then the end.
    assert 2 <= len(fractions) <= counted["seconds"] / PROGRESS_INTERVAL_S + 2
    assert len(fractions) < counted["reports"] / 100
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0  # the end always gets through
    assert len(ticks) >= 10  # the GUI thread's 5 ms timer kept firing meanwhile: not frozen


# -- shutdown ------------------------------------------------------------------------------------


def test_shutdown_cancels_running_work_and_joins_the_lanes(qtbot) -> None:
    """shutdown() cancels running and queued tasks, stops the work and joins every lane thread."""
    before = lane_threads()
    runner = BackgroundRunner()
    started = {ENGINE_LANE: threading.Event(), DOWNLOAD_LANE: threading.Event()}
    stopped: list[str] = []
    queued_calls: list[str] = []

    def looping(lane: str) -> Callable[[JobState], None]:
        def work(state: JobState) -> None:
            started[lane].set()
            try:
                while True:
                    state.raise_if_interrupted()
                    time.sleep(0.01)
            finally:
                stopped.append(lane)

        return work

    engine_task = runner.run("digest", looping(ENGINE_LANE))
    download_task = runner.run("download", looping(DOWNLOAD_LANE), lane=DOWNLOAD_LANE)
    queued_task = runner.run("queued", lambda state: queued_calls.append("ran"))
    records = [Recorder(task) for task in (engine_task, download_task, queued_task)]
    assert started[ENGINE_LANE].wait(2) and started[DOWNLOAD_LANE].wait(2)
    ours = lane_threads() - before
    assert {thread.name for thread in ours} == {"engine-lane", "downloads-lane"}

    begin = time.monotonic()
    runner.shutdown()
    assert time.monotonic() - begin < 1.0
    assert sorted(stopped) == sorted([ENGINE_LANE, DOWNLOAD_LANE])
    assert not any(thread.is_alive() for thread in ours)
    assert not (lane_threads() - before)
    for record in records:
        assert record.endings == ["cancelled"]
    qtbot.wait(20)  # let any late reports through the event loop: they are dropped
    for record in records:
        assert record.endings == ["cancelled"]
    assert queued_calls == []

    runner.shutdown()  # idempotent
    late_calls: list[str] = []
    late = runner.run("after shutdown", lambda state: late_calls.append("ran"))
    assert not late.active
    assert late.state.is_interruption_requested()
    assert not late.cancel()
    qtbot.wait(20)
    assert late_calls == []
    assert not (lane_threads() - before)  # no lane was started again


def test_shutdown_lets_writes_to_finish_run_and_cancels_the_rest(qtbot) -> None:
    """A write queued behind other work (the history, a saved file) is not lost when the window closes."""
    runner = BackgroundRunner()
    release = threading.Event()
    ran: list[str] = []
    # Long enough that a loaded machine cannot run the read before shutdown cancels it.
    runner.run("slow", lambda state: release.wait(30) and ran.append("slow"), lane="files")
    skipped = runner.run("a read", lambda state: ran.append("read"), lane="files")
    write = runner.run("a write", lambda state: ran.append("write"), lane="files", finish=True)
    threading.Timer(0.2, release.set).start()
    runner.shutdown()
    assert ran == ["slow", "write"]
    assert not skipped.active and write.finish and not any(thread.is_alive() for _, thread in runner._lanes.values())  # noqa: SLF001


def test_a_runner_left_running_does_not_hang_the_exit() -> None:
    """Without shutdown(), the lane threads (daemons) let the process exit cleanly."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import time
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from desktop.ui.runner import BackgroundRunner

        def work(state):
            while True:
                state.raise_if_interrupted()
                state.set_progress_value(0.5)
                time.sleep(0.01)

        runner = BackgroundRunner()
        runner.run("digest", work)
        runner.run("download", work, lane="downloads")
        time.sleep(0.2)
        raise SystemExit(3)  # no shutdown()
        """
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=root
    )
    assert result.returncode == 3, result.stderr
    assert "Destroyed while thread" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_runner_has_its_lanes_hand_the_interpreter_to_the_window_every_millisecond(qtbot) -> None:
    """The window waits for the interpreter each time Qt calls one of its slots; with Python's
    own 5 ms a lane reading articles kept it that long each time (the first of 200 dropped
    articles was shown in one stall of 118-131 ms, 44-63 ms now: bench/window_stall.py)."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        made = BackgroundRunner()
        assert sys.getswitchinterval() <= GIL_SWITCH_S == 0.001
        made.shutdown(timeout_s=2.0)
    finally:
        sys.setswitchinterval(previous)
