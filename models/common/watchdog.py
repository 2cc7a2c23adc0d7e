"""Work that may hang where it cannot be interrupted (a name being looked up, a connection being
opened, a server that answers slowly) run under a watchdog: the one way the core holds such
work to a deadline and to Cancel.

:func:`run_watched` runs the work on a daemon thread and waits for it on the caller's thread,
polling for Cancel and the deadline; the caller is free as soon as either comes, and the work
is told to stop (the ``stop`` event), which it checks between its own steps.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, TypeVar

from models.common.types import Cancelled

T = TypeVar("T")

#: How often the waiting thread checks for Cancel and the deadline, in seconds.
POLL_S = 0.05


def run_watched(
    work: Callable[[], T],
    *,
    timeout_s: float,
    on_timeout: Callable[[], BaseException],
    is_cancelled: Callable[[], bool] | None = None,
    stop: threading.Event | None = None,
    name: str = "watched",
    poll_s: float = POLL_S,
) -> T:
    """``work()``'s result, or what it raised, if it ends within ``timeout_s`` seconds and
    before ``is_cancelled()`` turns true.

    ``work`` runs on a daemon thread named ``name``; this thread waits for it, checking
    ``is_cancelled`` and the deadline every ``poll_s`` seconds (the deadline itself is waited
    for exactly). When ``is_cancelled()`` turns true, :class:`~models.common.types.Cancelled`
    is raised; when the deadline passes, ``on_timeout()`` is (it is called then, so it can say
    how far the work got). Either way the work is left to end on its own: ``stop``, which the
    work should check between its steps, is set whenever the wait ends, and whatever it
    returns or raises after that is dropped.
    """
    stop = stop if stop is not None else threading.Event()
    done = threading.Event()
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread as it is
            outcome["error"] = error
        finally:
            done.set()

    deadline = time.monotonic() + timeout_s
    threading.Thread(target=run, name=name, daemon=True).start()
    try:
        while not done.wait(max(0.0, min(poll_s, deadline - time.monotonic()))):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            if time.monotonic() >= deadline:
                raise on_timeout()
    finally:
        stop.set()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
