"""Record a job's progress, and cancel a digest once it reaches a stage and time how long the
cancel takes to land."""

from __future__ import annotations

import threading
import time
from typing import Callable, NamedTuple

from models import Article, Cancelled, JobState
from tests.conftest import SEED_ARTICLE


class Report(NamedTuple):
    """One report a job's state passed on: the whole job's fraction and its step."""

    fraction: float
    step: str


def recording_state() -> tuple[JobState, list[Report]]:
    """A job state and the list its reports are recorded in."""
    reports: list[Report] = []
    return JobState(lambda fraction, step: reports.append(Report(fraction, step))), reports

#: Long enough that no stage ends before the cancel: the seed article four times over.
LONG_ARTICLE = Article(title="Long", text="\n\n".join([SEED_ARTICLE.read_text(encoding="utf-8")] * 4))

DigestCall = Callable[[JobState], object]


def seconds_to_cancel(digest: DigestCall, stage: str, *, reach_timeout: float = 60, land_timeout: float = 10) -> float:
    """Run ``digest(state)`` on a thread, interrupt ``state`` when a progress step starts with
    ``stage``, and return the seconds from the cancel to ``Cancelled`` being raised.

    Fails if the stage is never reached, or the digest finishes or keeps running instead.
    """
    reached = threading.Event()
    outcome: dict[str, object] = {}

    def progress(fraction: float, step: str) -> None:
        if step.startswith(stage):
            reached.set()

    state = JobState(progress)

    def run() -> None:
        try:
            digest(state)
            outcome["result"] = "finished"
        except Cancelled:
            outcome["result"] = "cancelled"
            outcome["at"] = time.monotonic()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    assert reached.wait(reach_timeout), f"the digest never reached {stage!r}"
    asked = time.monotonic()
    state.request_interruption()
    worker.join(land_timeout)
    assert not worker.is_alive(), "the digest kept running after the cancel"
    assert outcome.get("result") == "cancelled", outcome
    return float(outcome["at"]) - asked  # type: ignore[arg-type]
