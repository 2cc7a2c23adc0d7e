"""The worker thread and its controller, with injected run functions that finish in milliseconds."""

from __future__ import annotations

import threading
import time
from typing import Callable, Iterator

import pytest

pytest.importorskip("PySide6")

from desktop.ui.jobs import InferenceWorker, JobController, JobRequest, _ThrottledProgress
from models.types import Article, CancelToken, Cancelled, Digest, DigestError, DigestOptions, ModelUnavailable, Progress

ARTICLE = Article(title="Test article", text="First paragraph.\n\nSecond paragraph.")
OPTIONS = DigestOptions(languages=("ru", "ar"))


def make_digest(request: JobRequest, summary: str = "A summary.") -> Digest:
    return Digest(
        article=request.article,
        summary=summary,
        summary_translations={"ru": "Краткое изложение.", "ar": "ملخص."},
    )


@pytest.fixture
def make_controller(qtbot) -> Iterator[Callable[..., JobController]]:
    made: list[JobController] = []

    def make(run) -> JobController:
        controller = JobController(run)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()
        assert not controller.thread.isRunning()


def test_job_runs_on_the_worker_thread_and_reports_progress(qtbot, make_controller) -> None:
    threads: list[int] = []

    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        threads.append(threading.get_ident())
        for step in range(1, 6):
            progress(Progress(step / 5, f"Step {step}/5"))
            time.sleep(0.06)
        return make_digest(request)

    controller = make_controller(run)
    seen: list[tuple[float, str]] = []
    controller.progress_changed.connect(lambda fraction, step: seen.append((fraction, step)))
    with qtbot.waitSignal(controller.job_finished, timeout=3000) as blocker:
        controller.submit(ARTICLE, OPTIONS)
        assert controller.busy
    digest = blocker.args[0]
    assert isinstance(digest, Digest)
    assert digest.summary == "A summary."
    assert threads and threads[0] != threading.get_ident()
    assert len(seen) >= 3
    fractions = [fraction for fraction, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] > fractions[0]
    assert seen[0][1] == "Step 1/5"
    assert not controller.busy
    qtbot.waitUntil(lambda: not controller.worker_busy, timeout=1000)


def test_cancel_stops_a_running_job_within_a_second(qtbot, make_controller) -> None:
    started = threading.Event()
    stopped = threading.Event()

    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        started.set()
        try:
            for _ in range(1000):  # ten seconds unless cancelled
                cancel.raise_if_cancelled()
                progress(Progress(0.1, "Working"))
                time.sleep(0.01)
        finally:
            stopped.set()
        return make_digest(request)

    controller = make_controller(run)
    finished: list[object] = []
    controller.job_finished.connect(finished.append)
    controller.submit(ARTICLE, OPTIONS)
    assert started.wait(2)
    begin = time.monotonic()
    with qtbot.waitSignal(controller.job_cancelled, timeout=1000):
        assert controller.cancel()
    assert not controller.busy  # usable at once
    qtbot.waitUntil(lambda: not controller.worker_busy, timeout=1000)
    assert stopped.is_set()
    assert time.monotonic() - begin < 1.0
    assert finished == []
    assert not controller.cancel()  # nothing left to cancel


def test_stale_result_is_dropped(qtbot, make_controller) -> None:
    release_first = threading.Event()

    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        if request.job_id == 1:  # ignores the token: its result arrives after it was retired
            assert release_first.wait(5)
            return Digest(article=request.article, summary="stale")
        return Digest(article=request.article, summary="fresh")

    controller = make_controller(run)
    results: list[Digest] = []
    controller.job_finished.connect(results.append)
    first = controller.submit(ARTICLE, OPTIONS)
    second = controller.submit(ARTICLE, OPTIONS)  # retires the first
    assert (first, second) == (1, 2)
    release_first.set()
    qtbot.waitUntil(lambda: bool(results), timeout=2000)
    qtbot.waitUntil(lambda: not controller.worker_busy, timeout=1000)
    assert [digest.summary for digest in results] == ["fresh"]


@pytest.mark.parametrize(
    ("error", "kind", "message"),
    [
        (ModelUnavailable("Summary model x is not installed"), "unavailable", "Summary model x is not installed"),
        (DigestError("The article is empty"), "error", "The article is empty"),
        (ZeroDivisionError("division by zero"), "error", "Unexpected error: ZeroDivisionError: division by zero"),
    ],
)
def test_failures_become_one_line_messages(qtbot, make_controller, error: Exception, kind: str, message: str) -> None:
    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        raise error

    controller = make_controller(run)
    with qtbot.waitSignal(controller.job_failed, timeout=2000) as blocker:
        controller.submit(ARTICLE, OPTIONS)
    assert blocker.args == [kind, message]
    assert not controller.busy
    assert controller.thread.isRunning()  # the worker thread survives a failing job


def test_worker_survives_a_crash_and_runs_the_next_job(qtbot, make_controller) -> None:
    calls = iter([RuntimeError("boom"), None])

    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        error = next(calls)
        if error is not None:
            raise error
        return make_digest(request)

    controller = make_controller(run)
    with qtbot.waitSignal(controller.job_failed, timeout=2000):
        controller.submit(ARTICLE, OPTIONS)
    with qtbot.waitSignal(controller.job_finished, timeout=2000):
        controller.submit(ARTICLE, OPTIONS)


def test_cancelled_exception_without_cancel_request_reports_cancelled(qtbot, make_controller) -> None:
    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        raise Cancelled()

    controller = make_controller(run)
    with qtbot.waitSignal(controller.job_cancelled, timeout=2000):
        controller.submit(ARTICLE, OPTIONS)
    assert not controller.busy


def test_progress_is_throttled() -> None:
    emitted: list[tuple[int, float, str]] = []
    progress = _ThrottledProgress(7, lambda *args: emitted.append(args), interval_s=0.05)
    begin = time.monotonic()
    while time.monotonic() - begin < 0.2:
        progress(Progress(0.5, "Busy"))
    assert 2 <= len(emitted) <= 6
    assert emitted[0] == (7, 0.5, "Busy")
    progress(Progress(7.0, "Clamped"))
    time.sleep(0.06)
    progress(Progress(-1.0, "Clamped"))
    assert emitted[-1][1] == 0.0


def test_many_progress_reports_reach_the_gui_throttled(qtbot, make_controller) -> None:
    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        begin = time.monotonic()
        count = 0
        while time.monotonic() - begin < 0.3:
            count += 1
            progress(Progress(min(count / 100000, 1.0), "Busy"))
        return make_digest(request)

    controller = make_controller(run)
    seen: list[float] = []
    controller.progress_changed.connect(lambda fraction, step: seen.append(fraction))
    with qtbot.waitSignal(controller.job_finished, timeout=3000):
        controller.submit(ARTICLE, OPTIONS)
    assert 1 <= len(seen) <= 12


def test_shutdown_cancels_a_running_job_and_joins_the_thread(qtbot) -> None:
    started = threading.Event()

    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        started.set()
        while True:
            cancel.raise_if_cancelled()
            time.sleep(0.01)

    controller = JobController(run)
    controller.submit(ARTICLE, OPTIONS)
    assert started.wait(2)
    begin = time.monotonic()
    controller.shutdown()
    assert time.monotonic() - begin < 1.0
    assert not controller.thread.isRunning()
    controller.shutdown()  # idempotent
    with pytest.raises(RuntimeError):
        controller.submit(ARTICLE, OPTIONS)


def test_worker_skips_a_job_cancelled_while_queued(qtbot) -> None:
    calls: list[int] = []

    def run(request: JobRequest, progress, cancel: CancelToken) -> Digest:
        calls.append(request.job_id)
        return make_digest(request)

    worker = InferenceWorker(run)
    token = CancelToken()
    token.cancel()
    with qtbot.waitSignal(worker.job_cancelled, timeout=1000) as blocker:
        worker.run_job(JobRequest(job_id=3, article=ARTICLE, options=OPTIONS), token)
    assert blocker.args == [3]
    assert calls == []


def test_default_runner_reports_a_missing_engine_as_digest_error(monkeypatch) -> None:
    import builtins

    from desktop.ui import jobs

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name in {"models.pipeline", "models.engine_process"}:
            raise ImportError("No module named 'models.pipeline'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(DigestError, match="not available"):
        jobs.EngineRunner()(JobRequest(1, ARTICLE, OPTIONS), lambda progress: None, CancelToken())
    problems = jobs.check_models("quality", None, OPTIONS)
    assert len(problems) == 1 and "not available" in problems[0]


def test_preload_runs_on_the_worker_thread_and_survives_errors(qtbot, make_controller) -> None:
    ran: list[int] = []

    def bad() -> None:
        raise RuntimeError("warm-up failed")

    controller = make_controller(lambda request, progress, cancel: make_digest(request))
    controller.preload(bad)
    controller.preload(lambda: ran.append(threading.get_ident()))
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    assert ran[0] != threading.get_ident()
    with qtbot.waitSignal(controller.job_finished, timeout=2000):
        controller.submit(ARTICLE, OPTIONS)


def test_a_controller_left_running_is_stopped_at_exit() -> None:
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import time
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from desktop.ui.jobs import JobController
        from models.types import Article, DigestOptions

        def run(request, progress, cancel):
            while True:
                cancel.raise_if_cancelled()
                time.sleep(0.01)

        controller = JobController(run)
        controller.submit(Article(title="t", text="x"), DigestOptions())
        time.sleep(0.2)
        raise SystemExit(3)  # no shutdown(): the exit hook must stop the thread
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "Destroyed while thread" not in result.stderr
