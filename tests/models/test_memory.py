"""The engine's process hands freed memory back to the OS after each digest, and keeps the pages of
the buffers it frees and takes again within one."""

from __future__ import annotations

import subprocess
import sys
import threading
from multiprocessing import Pipe
from typing import Any

import pytest

from models import Article, Digest, DigestOptions
from models.digest import process
from tests.conftest import REPO_ROOT


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


#: The start of a child process tuned as the engine's is, with glibc's malloc and free at hand.
_TUNED_ENGINE_PROCESS = """
import ctypes
from models.inference.memory import _glibc, tune_malloc_for_engine
tune_malloc_for_engine()
libc = _glibc()
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
"""


def _run_in_tuned_engine_process(script: str, *arguments: str) -> str:
    """What ``script`` prints, run after :data:`_TUNED_ENGINE_PROCESS` in a child process."""
    result = subprocess.run(
        [sys.executable, "-c", _TUNED_ENGINE_PROCESS + script, *arguments], capture_output=True, text=True, timeout=120, cwd=REPO_ROOT
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


_FAULTS_OF_A_REUSED_BUFFER = """
import resource
size = 20 * 2**20  # an encoder layer's attention scores over a long article are of this order
faults = []
for _ in range(5):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    block = libc.malloc(size)
    ctypes.memset(block, 1, size)
    libc.free(block)
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
print(max(faults[1:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc is tuned on Linux only")
def test_a_buffer_freed_and_taken_again_keeps_its_pages_in_the_engine_process() -> None:
    """A beam search frees and takes back buffers of several MB every layer and step: the tuned
    engine process reuses their pages instead of faulting them in anew each time (a 20 MB
    buffer is 5,120 pages)."""
    assert int(_run_in_tuned_engine_process(_FAULTS_OF_A_REUSED_BUFFER)) < 500


_RSS_AFTER_A_LOAD_THAT_LEAVES_SCRATCH = """
import sys
import psutil
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.inference import loading
from models.inventory import catalog
kept = []

def load_leaving_scratch(spec, *args, **kwargs):
    # As CTranslate2 loads a model through Intel MKL: 160 MB of scratch freed among blocks it
    # keeps. The kept blocks (never written: no pages of their own) are too large for a hole the
    # imports left, so they sit between the scratch blocks and the heap cannot shrink from its top.
    scratch = []
    for _ in range(8):
        block = libc.malloc(20 * 2**20)
        ctypes.memset(block, 1, 20 * 2**20)
        scratch.append(block)
        kept.append(libc.malloc(4 * 2**20))
    for block in scratch:
        libc.free(block)
    return object()

loading.load_model = load_leaving_scratch
engine = DigestPipeline(PipelineConfig(models_dir=sys.argv[1]))
before = psutil.Process().memory_info().rss
engine.model(catalog.specs_for()[catalog.SUMMARIZE])
print((psutil.Process().memory_info().rss - before) // 2**20)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc is tuned on Linux only")
def test_a_models_load_leaves_no_freed_scratch_in_the_engine_process(tiny_models_dir) -> None:
    """What a model's load frees (CTranslate2's scratch on Intel MKL was about 160 MB a model) is
    handed back, so the loaded models' memory is theirs alone."""
    assert int(_run_in_tuned_engine_process(_RSS_AFTER_A_LOAD_THAT_LEAVES_SCRATCH, str(tiny_models_dir))) < 40  # of the 160 MB touched and freed
