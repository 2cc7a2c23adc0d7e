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


#: glibc's ``mallopt`` parameter for the number of malloc arenas.
_M_ARENA_MAX = -8
#: Arenas an engine process may use. glibc gives each thread that allocates its own arena (up
#: to eight per core), and memory freed in one arena is not reused by threads of another: the
#: translation workers, torch's and CTranslate2's threads each keep their own high-water mark.
#: Two arenas took about 70 MB off a digest's peak (bench/: 1,680 -> 1,603-1,613 MB; the fast
#: profile's 1,244 -> 1,004-1,022 MB) for the same seconds; one arena was no smaller, and its
#: lock is shared by every thread.
ENGINE_MALLOC_ARENAS = 2


def limit_malloc_arenas(arenas: int = ENGINE_MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas for this process (see :data:`ENGINE_MALLOC_ARENAS`); call it
    before the threads that allocate start. False where there is no glibc (macOS, Windows)."""
    libc = _glibc()
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    return bool(libc.mallopt(_M_ARENA_MAX, arenas))
