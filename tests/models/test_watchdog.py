"""models.common.watchdog: work held to a deadline and to Cancel while it runs on its own thread."""

from __future__ import annotations

import threading
import time

import pytest

from models.common.types import Cancelled
from models.common.watchdog import run_watched


class Late(Exception):
    """What the tests' on_timeout gives."""


def threads_named(name: str) -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == name]


def wait_until_gone(name: str, seconds: float = 2.0) -> bool:
    end = time.monotonic() + seconds
    while threads_named(name) and time.monotonic() < end:
        time.sleep(0.01)
    return not threads_named(name)


def test_the_work_finishing_first_gives_its_result_and_nothing_fires() -> None:
    timeouts: list[float] = []
    stop = threading.Event()
    started = time.monotonic()
    result = run_watched(
        lambda: time.sleep(0.1) or "page",
        timeout_s=0.6,
        on_timeout=lambda: timeouts.append(time.monotonic()) or Late(),
        is_cancelled=lambda: False,
        stop=stop,
        name="watched-finishes",
    )
    assert result == "page"
    assert time.monotonic() - started >= 0.1
    assert wait_until_gone("watched-finishes")
    time.sleep(0.7)  # past the deadline: nothing is left waiting to fire
    assert timeouts == []
    assert stop.is_set()  # told to stop all the same: the work is over


def test_the_works_own_error_is_raised_in_the_caller() -> None:
    def work() -> str:
        raise ValueError("bad answer")

    with pytest.raises(ValueError, match="bad answer"):
        run_watched(work, timeout_s=5, on_timeout=Late, name="watched-fails")


def test_cancel_fires_soon_and_the_work_is_told_to_stop() -> None:
    stop = threading.Event()
    cancelled = threading.Event()
    saw_stop: list[bool] = []

    def work() -> str:
        saw_stop.append(stop.wait(10))  # a transfer that checks its stop event between blocks
        return "too late"

    threading.Timer(0.15, cancelled.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        run_watched(work, timeout_s=10, on_timeout=Late, is_cancelled=cancelled.is_set, stop=stop, name="watched-cancel")
    assert 0.15 <= time.monotonic() - started < 1.0
    assert stop.is_set()
    assert wait_until_gone("watched-cancel")  # it stopped on its own, soon
    assert saw_stop == [True]


def test_the_deadline_fires_with_what_on_timeout_says_then() -> None:
    stop = threading.Event()
    progress = {"received": 0}

    def work() -> None:
        while not stop.is_set():
            progress["received"] += 1
            time.sleep(0.01)

    started = time.monotonic()
    with pytest.raises(Late, match=r"got \d+ blocks") as caught:
        run_watched(
            work,
            timeout_s=0.3,
            on_timeout=lambda: Late(f"got {progress['received']} blocks"),
            is_cancelled=lambda: False,
            stop=stop,
            name="watched-deadline",
        )
    elapsed = time.monotonic() - started
    assert 0.3 <= elapsed < 1.0
    assert int(str(caught.value).split()[1]) > 0  # on_timeout ran at the deadline, after some work
    assert stop.is_set()
    assert wait_until_gone("watched-deadline")


def test_a_work_that_never_looks_at_stop_does_not_hold_the_caller() -> None:
    release = threading.Event()
    started = time.monotonic()
    with pytest.raises(Late):
        run_watched(lambda: release.wait(10), timeout_s=0.2, on_timeout=Late, name="watched-stuck")
    assert time.monotonic() - started < 1.0
    stuck = threads_named("watched-stuck")
    assert stuck and all(thread.daemon for thread in stuck)  # never keeps the process alive
    release.set()
    assert wait_until_gone("watched-stuck")


def test_cancel_is_checked_before_the_deadline() -> None:
    stop = threading.Event()
    with pytest.raises(Cancelled):
        run_watched(lambda: stop.wait(10), timeout_s=0.0, on_timeout=Late, is_cancelled=lambda: True, stop=stop)
