"""The progress row shown while a digest runs: a bar, the current step and the time elapsed."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

#: The bar's range: progress fractions are shown in thousandths.
PROGRESS_STEPS = 1000
#: How often the elapsed time is redrawn while running.
TICK_INTERVAL_MS = 200


class ProgressRow(QWidget):
    """A progress bar, a step label and a "· m:ss" elapsed clock; hidden until :meth:`start`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setTextVisible(False)
        self.step_label = QLabel("")
        self.step_label.setObjectName("stepLabel")
        self.elapsed_label = QLabel("")
        self.elapsed_label.setObjectName("elapsedLabel")
        layout.addWidget(self.progress_bar, 1)
        layout.addWidget(self.step_label)
        layout.addWidget(self.elapsed_label)
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_INTERVAL_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self.hide()

    def start(self, step: str) -> None:
        """Show the row at zero with ``step`` and start the clock."""
        self.progress_bar.setValue(0)
        self.set_step(step)
        self.show()
        self._elapsed.start()
        self._tick.start()
        self._on_tick_timeout()

    def set_step(self, step: str) -> None:
        """Say what is being done now (a digest's step in the interface's language)."""
        from desktop.ui.language import say_step

        self.step_label.setText(say_step(step))

    def set_progress(self, fraction: float, step: str = "") -> None:
        """Move the bar to ``fraction`` (0..1); a non-empty ``step`` replaces the step shown."""
        self.progress_bar.setValue(round(fraction * PROGRESS_STEPS))
        if step:
            self.set_step(step)

    def stop(self) -> None:
        """Stop the clock and hide the row."""
        self._tick.stop()
        self.hide()

    def elapsed_seconds(self) -> float:
        """Seconds since the last :meth:`start` (0 if never started)."""
        return self._elapsed.elapsed() / 1000 if self._elapsed.isValid() else 0.0

    @Slot()
    def _on_tick_timeout(self) -> None:
        seconds = int(self.elapsed_seconds())
        self.elapsed_label.setText(f"· {seconds // 60}:{seconds % 60:02d}")
