"""Cancel a digest once it reaches a stage, and time how long the cancel takes to land."""

from __future__ import annotations

import threading
import time
from typing import Callable

from models import Article, CancelToken, Cancelled, Progress
from tests.conftest import SEED_ARTICLE

#: Long enough that no stage ends before the cancel: the seed article four times over.
LONG_ARTICLE = Article(title="Long", text="\n\n".join([SEED_ARTICLE.read_text(encoding="utf-8")] * 4))

DigestCall = Callable[[Callable[[Progress], None], CancelToken], object]


def seconds_to_cancel(digest: DigestCall, stage: str, *, reach_timeout: float = 60, land_timeout: float = 10) -> float:
    """Run ``digest(progress, cancel)`` on a thread, cancel it when a progress step starts with
    ``stage``, and return the seconds from the cancel to ``Cancelled`` being raised.

    Fails if the stage is never reached, or the digest finishes or keeps running instead.
    """
    cancel = CancelToken()
    reached = threading.Event()
    outcome: dict[str, object] = {}

    def progress(event: Progress) -> None:
        if event.step.startswith(stage):
            reached.set()

    def run() -> None:
        try:
            digest(progress, cancel)
            outcome["result"] = "finished"
        except Cancelled:
            outcome["result"] = "cancelled"
            outcome["at"] = time.monotonic()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    assert reached.wait(reach_timeout), f"the digest never reached {stage!r}"
    asked = time.monotonic()
    cancel.cancel()
    worker.join(land_timeout)
    assert not worker.is_alive(), "the digest kept running after the cancel"
    assert outcome.get("result") == "cancelled", outcome
    return float(outcome["at"]) - asked  # type: ignore[arg-type]
