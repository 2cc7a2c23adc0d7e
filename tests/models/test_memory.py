"""The engine's process hands freed memory back to the OS after each digest."""

from __future__ import annotations

import threading
from multiprocessing import Pipe
from typing import Any

from models import Article, Digest, DigestOptions
from models.digest import process


class _RecordingPipeline:
    """Stands in for the pipeline in the engine's loop; notes each digest in ``calls``."""

    calls: list[str] = []

    def __init__(self, config: Any) -> None:
        self.config = config

    def digest(self, article: Article, options: DigestOptions, state: Any) -> Digest:
        self.calls.append("digest")
        return Digest(article=article, summary="Summary.")


def test_the_engine_loop_releases_freed_memory_after_each_reply(monkeypatch) -> None:
    calls = _RecordingPipeline.calls
    calls.clear()
    monkeypatch.setattr(process, "DigestPipeline", _RecordingPipeline)
    monkeypatch.setattr(process, "release_freed_memory", lambda: calls.append("release"))
    monkeypatch.setattr(process, "tune_malloc_for_engine", lambda: calls.append("malloc"))
    parent, child = Pipe()
    cancelled_up_to = type("Shared", (), {"value": 0})()
    loop = threading.Thread(target=process._serve, args=(child, cancelled_up_to, False), daemon=True)
    loop.start()
    article = Article(title="A", text="Text.")
    for job in (1, 2):
        parent.send(("digest", job, process.PipelineConfig(), article, DigestOptions()))
        kind, replied_job, _digest = parent.recv()
        assert (kind, replied_job) == ("done", job)
    parent.send(("stop",))
    loop.join(5)
    assert not loop.is_alive()
    assert calls == ["malloc", "digest", "release", "digest", "release"]  # malloc tuned before any work


def test_malloc_can_be_tuned_on_linux() -> None:
    import sys

    from models.inference.memory import tune_malloc_for_engine

    assert tune_malloc_for_engine() is sys.platform.startswith("linux")
