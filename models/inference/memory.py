"""Giving freed memory back to the operating system (torch-free, so any stage can call it)."""

from __future__ import annotations

import ctypes
import gc
import sys


def release_freed_memory(collect: bool = False) -> None:
    """Hand memory freed by torch back to the OS (glibc keeps it otherwise). ``collect`` runs
    the cycle collector first; it holds the GIL for a few hundred milliseconds once
    transformers is loaded (a GUI thread would stall), so only the one-off first start asks."""
    if collect:
        gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)  # ctypes lets go of the GIL during the call
        except (OSError, AttributeError):
            pass


#: glibc's ``mallopt`` parameter for the number of malloc arenas.
_M_ARENA_MAX = -8
#: Arenas an engine process may use. glibc gives each thread that allocates its own arena (up
#: to eight per core), and memory freed in one arena is not reused by threads of another: the
#: translation workers, torch's and CTranslate2's threads each keep their own high-water mark.
#: Two arenas took about 50 MB off both the loaded engine and a digest's peak, for the same
#: seconds (bench/; one arena was no smaller and its lock is shared by every thread).
ENGINE_MALLOC_ARENAS = 2


def limit_malloc_arenas(arenas: int = ENGINE_MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas for this process (see :data:`ENGINE_MALLOC_ARENAS`); call it
    before the threads that allocate start. False where there is no glibc (macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, arenas))
    except (OSError, AttributeError):
        return False
