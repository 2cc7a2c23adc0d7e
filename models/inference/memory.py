"""Giving freed memory back to the operating system, and reading how much the machine has left
(torch-free, so any stage can call it)."""

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
    """Hand freed memory (torch's, CTranslate2's, Python's) back to the OS: glibc keeps it
    otherwise, often in pieces the next allocations do not fit. ``collect`` runs
    the cycle collector first; it holds the GIL for a few hundred milliseconds once
    transformers is loaded (a GUI thread would stall), so only the one-off first start asks."""
    if collect:
        gc.collect()
    libc = _glibc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)  # ctypes lets go of the GIL during the call


#: glibc's ``mallopt`` parameters: the number of malloc arenas, the size from which a block
#: gets a memory map of its own, and the free space at a heap's top from which it is handed back.
_M_ARENA_MAX = -8
_M_MMAP_THRESHOLD = -3
_M_TRIM_THRESHOLD = -1
#: Arenas an engine process may use. glibc gives each thread that allocates its own arena (up
#: to eight per core), and memory freed in one arena is not reused by threads of another: the
#: translation workers, torch's and CTranslate2's threads each keep their own high-water mark.
#: Two arenas took about 70 MB off a digest's peak (bench/: 1,680 -> 1,603-1,613 MB; the fast
#: profile's 1,244 -> 1,004-1,022 MB) for the same seconds; one arena was no smaller, and its
#: lock is shared by every thread.
ENGINE_MALLOC_ARENAS = 2
#: Blocks from this size on are mapped on their own, and unmapped when freed; smaller ones come
#: from the heap. 32 MB is where glibc's own moving threshold stops, fixed from the start. A
#: mapped block's pages are faulted in anew each time: at 4 MB (the setting before) the
#: summariser's encoder (its attention scores, 28 MB a layer over a 668-token article) and
#: beam buffers were mapped afresh every layer and every search, 230,000-400,000 page faults a
#: seed digest, and 4 MB with glibc's default trim threshold (128 kB) made the heap hand back
#: and fault in a decoding step's buffers every step. Interleaved, CTranslate2 summariser
#: (bench/digest.py, three rounds): digest 7.79-8.13 -> 7.17-7.25 s, first words 0.91-1.08 ->
#: 0.62-0.67 s, the engine's peak 1,130-1,148 -> 1,139-1,167 MB. The heap does not keep a
#: stage's buffers into the next: the pipeline hands them back between the summary and the
#: translations (:func:`release_freed_memory`).
ENGINE_MMAP_THRESHOLD = 32 * 1024 * 1024
#: The heap's top is handed back once this much is free there: twice the mmap threshold, the
#: pair glibc's own moving thresholds keep, so a freed block of any heap size is kept for the
#: next allocation rather than faulted in again.
ENGINE_TRIM_THRESHOLD = 64 * 1024 * 1024


def tune_malloc_for_engine() -> bool:
    """Cap glibc's malloc arenas (:data:`ENGINE_MALLOC_ARENAS`) and fix its mmap and trim
    thresholds (:data:`ENGINE_MMAP_THRESHOLD`, :data:`ENGINE_TRIM_THRESHOLD`) for this process;
    call it before the threads that allocate start. False where there is no glibc (macOS, Windows)."""
    libc = _glibc()
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    settings = ((_M_ARENA_MAX, ENGINE_MALLOC_ARENAS), (_M_MMAP_THRESHOLD, ENGINE_MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, ENGINE_TRIM_THRESHOLD))
    return all([bool(libc.mallopt(parameter, value)) for parameter, value in settings])


# -- how much the machine has left -------------------------------------------------------------

_MB = 2**20

#: The least memory to leave the machine when a model loads, in MB (or the share of the
#: machine's total, :data:`MEMORY_RESERVE_SHARE`, where that is more). Loaded models are only
#: part of the engine's use: a digest's working set on top of them is up to about 300 MB (the
#: summary's beam search 110-160 MB, both languages translated side by side about 270 MB), the
#: window holds 110-140 MB, and what is left must keep the OS's file cache and the user's
#: other programs out of swap. 1 GB covers the app's part with as much again to spare.
MEMORY_RESERVE_MB = 1024
#: On a larger machine the other programs and the file cache are larger too: a tenth of the
#: total there (1.6 GB of 16 GB). Linux's own low-memory watermarks are far smaller: they
#: keep the kernel going, not the user's programs out of swap.
MEMORY_RESERVE_SHARE = 0.10


def _virtual_memory() -> Any | None:
    """psutil's reading of the machine's memory; None when psutil is missing or cannot read it."""
    try:
        import psutil

        return psutil.virtual_memory()
    except Exception:  # noqa: BLE001 - no psutil, or an OS it cannot read: the caller goes on unknowing
        return None


def available_memory_mb() -> float | None:
    """Memory the OS can give without swapping (free, plus the caches it can drop), in MB; None
    when it cannot be read (the caller then assumes plenty, as it did before it asked)."""
    reading = _virtual_memory()
    return reading.available / _MB if reading is not None else None


def total_memory_mb() -> float | None:
    """The machine's physical memory in MB; None when it cannot be read."""
    reading = _virtual_memory()
    return reading.total / _MB if reading is not None else None


def memory_reserve_mb() -> float:
    """The memory to leave free when a model loads: :data:`MEMORY_RESERVE_MB`, or
    :data:`MEMORY_RESERVE_SHARE` of the machine's total where that is more."""
    total = total_memory_mb()
    return max(float(MEMORY_RESERVE_MB), MEMORY_RESERVE_SHARE * total if total is not None else 0.0)
