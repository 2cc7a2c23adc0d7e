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
