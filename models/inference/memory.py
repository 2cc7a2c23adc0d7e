"""Giving freed memory back to the operating system (torch-free, so any stage can call it)."""

from __future__ import annotations

import ctypes
import gc
import sys
from typing import Any


def _glibc() -> Any | None:
    """The C library's functions where it is glibc (Linux); None elsewhere (macOS, Windows, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def release_freed_memory(collect: bool = False) -> None:
    """Hand memory freed by torch back to the OS (glibc keeps it otherwise). ``collect`` runs
    the cycle collector first; it holds the GIL for a few hundred milliseconds once
    transformers is loaded (a GUI thread would stall), so only the one-off first start asks."""
    if collect:
        gc.collect()
    libc = _glibc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)  # ctypes lets go of the GIL during the call


#: glibc's ``mallopt`` parameters: the number of malloc arenas, and the size from which a
#: block gets a memory map of its own.
_M_ARENA_MAX = -8
_M_MMAP_THRESHOLD = -3
#: Arenas an engine process may use. glibc gives each thread that allocates its own arena (up
#: to eight per core), and memory freed in one arena is not reused by threads of another: the
#: translation workers, torch's and CTranslate2's threads each keep their own high-water mark.
#: Two arenas took about 70 MB off a digest's peak (bench/: 1,680 -> 1,603-1,613 MB; the fast
#: profile's 1,244 -> 1,004-1,022 MB) for the same seconds; one arena was no smaller, and its
#: lock is shared by every thread.
ENGINE_MALLOC_ARENAS = 2
#: Blocks from this size on are mapped on their own, and unmapped when freed. glibc's own
#: threshold rises to the largest block freed (up to 32 MB), and the heap's trim threshold
#: with it: after the first digest a beam search's large buffers came from the heap, and
#: their pages stayed with the process until the digest ended. A fixed threshold keeps the
#: heap trimmed as it goes: the seed digest's engine peak 1,196-1,241 -> 1,134-1,182 MB
#: (bench/, two runs of four); 1 MB saved 60 MB more but cost 1.5-2 s a digest in page faults.
ENGINE_MMAP_THRESHOLD = 4 * 1024 * 1024


def tune_malloc_for_engine() -> bool:
    """Cap glibc's malloc arenas (:data:`ENGINE_MALLOC_ARENAS`) and fix its mmap threshold
    (:data:`ENGINE_MMAP_THRESHOLD`) for this process; call it before the threads that allocate
    start. False where there is no glibc (macOS, Windows)."""
    libc = _glibc()
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    return bool(libc.mallopt(_M_ARENA_MAX, ENGINE_MALLOC_ARENAS)) and bool(libc.mallopt(_M_MMAP_THRESHOLD, ENGINE_MMAP_THRESHOLD))
