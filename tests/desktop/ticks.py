"""The one instrument for GUI stalls, shared by the window tests and ``bench/window_stall.py``:
a 10 ms ``QTimer`` on the GUI thread and the gaps between its ticks. Needs nothing but Qt (the
bench loads this file by its path, whichever checkout it measures)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class Ticks:
    """Ticks every 10 ms from when it is made; :meth:`longest` is the longest gap since (or
    since :meth:`restart`), the gap still open included: a call that has not returned to the
    event loop yet counts."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def restart(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()

    def longest(self) -> float:
        """The longest gap between two ticks, in seconds."""
        return max([*self.gaps, time.perf_counter() - self.last])

    def max_stall_ms(self) -> float:
        """The longest gap less the timer's 10 ms: how long the event loop did not run."""
        return round(max(0.0, self.longest() - 0.010) * 1000, 1)

    def stop(self) -> None:
        self.timer.stop()
