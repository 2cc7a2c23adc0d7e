"""Ctrl+C for ``article-digest-cli``: one line, status 130, nothing written partially.

The program's first code: :mod:`models.cli` installs :data:`interruption` before it imports
anything else, so this module imports only what the handler needs (each module imported
before the handler is time in which Ctrl+C would still end in a traceback).
"""

from __future__ import annotations

import os
import sys
import threading

# The C module under signal, loaded with the interpreter: signal.py would first build its
# enums (most of a millisecond, before the handler).
import _signal as signal

TYPE_CHECKING = False  # typing's import alone takes milliseconds; mypy reads this name as True
if TYPE_CHECKING:
    from typing import Any, Callable

PROG = "article-digest-cli"
#: After Ctrl+C the digest has this long to stop on its own (it checks at every decoding
#: step) before the process is ended from outside: importing torch or loading a model has
#: no such checks.
INTERRUPT_GRACE_S = 0.5


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def print_stderr(line: str) -> None:
    """One line on stderr; over the progress bars, when they are shown, not through them."""
    try:
        if _progress_lines is not None:
            _progress_lines(line)
        else:
            print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass  # stderr closed: nothing better to do


#: Set while progress bars are on the terminal: prints a line above them (see
#: :func:`print_over_progress`).
_progress_lines: Callable[[str], None] | None = None


def print_over_progress(printer: Callable[[str], None] | None) -> None:
    """Lines go through ``printer`` (the progress bars' own, which keeps them above the bars)
    from now on; None: straight to stderr."""
    global _progress_lines
    _progress_lines = printer


def flush_streams() -> bool:
    """Flush stdout and stderr; False when stdout could not be written (a closed pipe)."""
    written = True
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            written = written and stream is not sys.stdout
    return written


class Interruption:
    """Ctrl+C for the CLI, installed as :mod:`models.cli` starts importing when it is the
    program (else first thing in :func:`models.cli.commands.main`).

    Python's own handler raises KeyboardInterrupt wherever the main thread happens to be:
    inside torch's import, where a ``__del__`` reports it as "ignored" and the import carries
    on; inside a library that turns it into another error; between a temporary file and its
    rename. Instead, SIGINT only records the request (:attr:`requested`): the digest's
    :class:`~models.common.job_state.JobState` reads it and stops at its next decoding step,
    and the CLI checks it between steps (:meth:`check`). A watcher thread, woken by the signal
    itself (``signal.set_wakeup_fd``, so even while the main thread is busy in native code),
    ends the process if the main thread has not finished :data:`INTERRUPT_GRACE_S` later (an
    import or a model load in progress). Outputs are written under :attr:`lock`, which the
    watcher takes before it ends the process, so a file is never cut short; every write is
    atomic (a temporary file renamed into place) besides.
    """

    def __init__(self) -> None:
        self.requested = threading.Event()
        #: Held while an output or a history entry is written, and by whoever ends the process.
        self.lock = threading.Lock()
        self.announced = False
        self._finished = threading.Event()
        self._previous_handler: Any = None
        self._previous_wakeup_fd = -1
        self._wakeup_write = -1

    @property
    def installed(self) -> bool:
        return self._previous_handler is not None

    def install(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # signal handlers can only be set from the main thread
        self._previous_handler = signal.signal(signal.SIGINT, self._on_signal)
        read_end, self._wakeup_write = os.pipe()
        try:
            os.set_blocking(self._wakeup_write, False)
            self._previous_wakeup_fd = signal.set_wakeup_fd(self._wakeup_write, warn_on_full_buffer=False)
        except (OSError, ValueError):  # no wake-up pipe here (Windows wants a socket): no watcher
            os.close(read_end)
            os.close(self._wakeup_write)
            self._wakeup_write = -1
            return
        threading.Thread(target=self._watch, args=(read_end,), name="sigint-watcher", daemon=True).start()

    def reset(self) -> None:
        """As new, uninstalled (for each call of :func:`models.cli.commands.main` inside a
        longer-lived process)."""
        self.uninstall()
        self.__init__()  # type: ignore[misc]

    def uninstall(self) -> None:
        """Put Python's handling back (for callers of :func:`main` inside a longer-lived process)."""
        self._finished.set()
        if self.lock.locked():
            self.lock.release()
        if self._previous_handler is None:
            return
        signal.signal(signal.SIGINT, self._previous_handler)
        self._previous_handler = None
        if self._wakeup_write >= 0:
            signal.set_wakeup_fd(self._previous_wakeup_fd)
            os.close(self._wakeup_write)  # the watcher reads the end of the pipe and stops
            self._wakeup_write = -1

    def _on_signal(self, signum: int, frame: Any) -> None:
        self.requested.set()

    def _watch(self, read_end: int) -> None:
        try:
            while True:
                data = os.read(read_end, 64)
                if not data:
                    return
                if signal.SIGINT in data:
                    break
        finally:
            os.close(read_end)
        self.requested.set()
        if self._finished.wait(INTERRUPT_GRACE_S):
            return
        # Still busy: an import or a model load, which cannot be stopped from inside.
        self.lock.acquire()  # never while an output is half written; never released
        self.announce()
        flush_streams()
        os._exit(130)

    def check(self) -> None:
        """Raise KeyboardInterrupt (in the main thread) when Ctrl+C was pressed."""
        if self.requested.is_set():
            raise KeyboardInterrupt

    def announce(self) -> None:
        if not self.announced:
            self.announced = True
            print_over_progress(None)  # straight to stderr: the bars are not drawn again under it
            # On a terminal, over the progress bars the work was showing (the cursor is on the
            # first of them; erase from there down), not after them.
            start = "\r\x1b[J" if isatty(sys.stderr) else ""
            print_stderr(f"{start}{PROG}: interrupted")

    def finish(self) -> None:
        """The main thread is done: the watcher stands down (or, if it is ending the process
        already, the caller waits here for it)."""
        self._finished.set()
        self.lock.acquire()



#: The CLI's one handler.
interruption = Interruption()


def started_as_program() -> bool:
    """Whether this process is ``article-digest-cli`` itself (the console script, the frozen
    bundle's program, ``python -m models.cli``), not a program that imports the CLI."""
    program = os.path.basename((getattr(sys, "argv", None) or [""])[0])
    if program == "-m":  # python -m: the package imports before its __main__ runs
        arguments = getattr(sys, "orig_argv", [])
        return any(
            argument == "-mmodels.cli" or (argument == "-m" and following == "models.cli")
            for argument, following in zip(arguments, [*arguments[1:], ""])
        )
    return program == PROG or program.startswith(PROG + ".") or program.startswith(PROG + "-script")
