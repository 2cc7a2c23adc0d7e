"""Helpers the bench sections share: fixed output lengths, inputs of an exact token length,
memory readings, timing."""

from __future__ import annotations

import math
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO_ROOT = Path(__file__).resolve().parent.parent
#: Where the measured code (``models``, ``desktop``) is imported from: this checkout, or another
#: one named by ``ARTICLE_DIGEST_BENCH_CODE`` (``run.py --compare``: an older version measured
#: by the same bench scripts, side by side).
CODE_ROOT = Path(os.environ.get("ARTICLE_DIGEST_BENCH_CODE") or REPO_ROOT)
SEED_ARTICLE = REPO_ROOT / "seeds" / "russia-us-syria.txt"
#: Translations are forced to this many times the source's tokens (about what OPUS-MT makes of
#: English into Russian or Arabic with its shared vocabulary); the summary to its 142-token cap.
TRANSLATION_LENGTH_RATIO = 1.25

if str(CODE_ROOT) not in sys.path:
    sys.path.insert(0, str(CODE_ROOT))


def fix_translation_lengths() -> None:
    """Make every translation ``TRANSLATION_LENGTH_RATIO`` x its source, whatever the path.

    The bench models never emit end-of-sequence, so a translation runs to the engine's cap
    (``models.digest.translate.output_limit``, twice the source plus 16: a guard, not a length). This
    replaces the cap with a realistic length, the same for every path compared.
    """
    import models.digest.translate as translate

    def output_limit(input_tokens: int, settings: Any) -> int:
        return min(settings.max_new_tokens, max(1, math.ceil(input_tokens * TRANSLATION_LENGTH_RATIO)))

    translate.output_limit = output_limit  # type: ignore[assignment]


def peak_rss_mb() -> float:
    """This process's peak resident set so far.

    On Linux, the high-water mark of this program's own memory (``VmHWM``): ``ru_maxrss``
    carries a parent's peak across fork and exec, so a bench started from a large process
    would report that process's size.
    """
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 2**20)


def reset_peak_rss() -> None:
    """Start :func:`peak_rss_mb`'s high-water mark again from now (Linux: ``clear_refs`` 5;
    elsewhere nothing, and a later peak is the process's so far)."""
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    except OSError:
        pass


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def best_time(function: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """The fastest of ``repeats`` runs (seconds) and the last result: the least disturbed by
    whatever else the machine is doing."""
    best, result = math.inf, None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def texts_of_length(count_tokens: Callable[[str], int], tokens: int, count: int) -> list[str]:
    """``count`` different spans of the seed article that are exactly ``tokens`` tokens long."""
    words = SEED_ARTICLE.read_text(encoding="utf-8").split()
    found: list[str] = []
    start = 0
    tries = 0
    while len(found) < count:
        tries += 1
        if tries > 10 * len(words):
            raise RuntimeError(f"cannot cut {count} spans of {tokens} tokens from the seed article")
        for end in range(start + 1, len(words)):
            text = " ".join(words[start:end])
            length = count_tokens(text)
            if length == tokens and text not in found:
                found.append(text)
                break
            if length > tokens:
                break
        start = (start + 13) % max(1, len(words) - 4 * tokens)
    return found


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


#: The instruction sets int8 matrix products run fastest on, best first (Linux's names).
_MATRIX_ISAS = ("amx_int8", "avx512_vnni", "avx_vnni", "avx512f", "avx2")


def processor() -> str:
    """The processor and its best int8 instruction set, e.g. "AMD EPYC, avx512_vnni": figures from
    two machines compare only through it (CTranslate2 and torch pick their kernels by it, and
    their order of speed changed between an AVX2 and an AVX-512 host of the same name)."""
    import platform

    name, flags = platform.processor() or platform.machine(), set()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                name = value.strip()
            elif key.strip() == "flags":
                flags = set(value.split())
                break
    except OSError:  # not Linux: the name alone
        pass
    best = next((isa for isa in _MATRIX_ISAS if isa in flags), None)
    return f"{name}, {best}" if best else name
