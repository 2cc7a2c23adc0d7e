"""Start the Article Digest window: ``article-digest [FILE...]`` or ``python -m desktop [FILE...]``.

Sets up the QApplication (names, icon), logging, an exception hook that shows an error dialog
instead of letting the app die, and opens files given on the command line or by the OS
(``QFileOpenEvent``: files dropped on the macOS dock icon or opened with the app).

``--smoke-test [FILE]`` shows the window, loads FILE, prints one line
``window shown in N ms; torch imported: yes|no`` (N counted from the start of the process)
and exits; with ``--smoke-digest`` it first digests FILE with the installed models, as the
Digest button does, and prints a second line (``digest shown in N s`` or ``digest failed:
...``). torch and transformers are never imported by the window's process: the engine runs
in a child process (:mod:`models.digest.process`), started a second after the window shows.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

log = logging.getLogger("desktop.app")

#: Fallback clock when the process's own start time is unknown: when this module was imported.
_IMPORTED_AT = time.monotonic()

ORGANISATION_DOMAIN = "articledigest.invalid"


def process_age_ms() -> float:
    """Milliseconds since this process started (from ``/proc`` on Linux; else since import)."""
    try:
        with open("/proc/self/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5): starttime, clock ticks since boot
        started = start_ticks / os.sysconf("SC_CLK_TCK")
        return max(0.0, (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000)
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.monotonic() - _IMPORTED_AT) * 1000


#: Qt's own command-line options (see QGuiApplication), with and without a value.
_QT_OPTIONS_WITH_VALUE = frozenset(
    {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry", "-geometry",
     "-qwindowicon", "-qwindowtitle", "-display", "-style", "-stylesheet", "-session", "-name", "-title"}
)
_QT_FLAG_OPTIONS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def _split_qt_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    ours: list[str] = []
    qt: list[str] = []
    items = list(argv)
    index = 0
    while index < len(items):
        arg = items[index]
        if arg in _QT_OPTIONS_WITH_VALUE and index + 1 < len(items):
            qt += [arg, items[index + 1]]
            index += 2
            continue
        if arg in _QT_FLAG_OPTIONS or arg.startswith("-qmljsdebugger="):
            qt.append(arg)
        else:
            ours.append(arg)
        index += 1
    return ours, qt


def parse_args(argv: Sequence[str] | None = None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest (Qt's own options such as ``-platform NAME``) for QApplication."""
    ours, qt_args = _split_qt_args(list(sys.argv[1:] if argv is None else argv))
    parser = argparse.ArgumentParser(
        prog="article-digest",
        description="Summarise a news article and translate it into Russian and Arabic, on this computer.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="article files to open")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="show the window, load FILE if given, print how long start-up took and exit",
    )
    parser.add_argument(
        "--smoke-digest",
        action="store_true",
        help="with --smoke-test: also digest FILE with the installed models (in the engine process) and print how long it took",
    )
    args, unknown = parser.parse_known_args(ours)
    return args, [*qt_args, *unknown]


def log_file_path() -> Path:
    """Where the app writes its log."""
    from models.common.paths import user_data_dir

    return user_data_dir() / "logs" / "article-digest.log"


def configure_logging() -> Path | None:
    """Log to a rotating file in the user's data folder and warnings to stderr (when there is one)."""
    import logging.handlers

    root = logging.getLogger()
    if getattr(configure_logging, "_done", False):
        return getattr(configure_logging, "_path", None)
    root.setLevel(logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    path: Path | None = None
    try:
        path = log_file_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    except OSError:
        path = None
    if sys.stderr is not None:  # None in a frozen no-console build
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        stream.setFormatter(formatter)
        root.addHandler(stream)
    configure_logging._done = True  # type: ignore[attr-defined]
    configure_logging._path = path  # type: ignore[attr-defined]
    return path


class ErrorReporter:
    """``sys.excepthook`` replacement: logs an unhandled exception and shows it in a dialog.

    The app keeps running (Qt would otherwise abort on an exception escaping a slot in some
    builds). Re-entrant errors while the dialog is open are only logged. Errors on threads
    other than the GUI thread are only logged.
    """

    def __init__(self, log_path: Path | None = None) -> None:
        self.log_path = log_path
        self._showing = False
        self.shown: list[str] = []  # the messages shown, for tests

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("unhandled exception\n%s", details)
        if threading.current_thread() is not threading.main_thread() or self._showing:
            return
        self._showing = True
        try:
            self.show_dialog(f"{exc_type.__name__}: {exc}", details)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

    def show_dialog(self, summary: str, details: str) -> None:
        """Show the error to the user (a modal message box with the traceback folded away)."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        from models.common.paths import APP_DISPLAY_NAME

        self.shown.append(summary)
        if QApplication.instance() is None:
            print(details, file=sys.stderr)
            return
        from desktop.ui.language import translate

        where = translate("App", "\n\nDetails are in the log: {path}").format(path=self.log_path) if self.log_path else ""
        title = translate("App", "{app}: Unexpected Error").format(app=APP_DISPLAY_NAME)
        text = translate("App", "Something went wrong, but the app is still running.\n\n{summary}{where}")
        box = QMessageBox(QMessageBox.Icon.Critical, title, text.format(summary=summary, where=where))
        box.setDetailedText(details)
        box.exec()


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    log.critical(
        "unhandled exception in thread %s\n%s",
        args.thread.name if args.thread else "?",
        "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
    )


def install_excepthook(log_path: Path | None = None) -> ErrorReporter:
    """Route unhandled exceptions to the log and an error dialog; returns the hook."""
    reporter = ErrorReporter(log_path)
    sys.excepthook = reporter
    threading.excepthook = _thread_excepthook
    return reporter


#: Files the OS asks the app to open within this long of each other are one request: a
#: selection dropped on the Dock icon arrives as one event per file.
FILE_OPEN_BATCH_MS = 150


def _file_open_filter_class() -> type[QObject]:
    from PySide6.QtCore import QEvent, QObject, QTimer, Signal
    from PySide6.QtGui import QFileOpenEvent

    class FileOpenFilter(QObject):
        """Application event filter turning ``QFileOpenEvent`` (macOS dock, "Open With") into a
        signal, the files of one request together.

        Paths that arrive before anyone listens are kept in ``pending``.

        Signals:
            files_open_requested(list): the OS asked the app to open these files.
        """

        files_open_requested = Signal(list)

        def __init__(self, parent: QObject | None = None) -> None:
            super().__init__(parent)
            self.pending: list[str] = []
            self.listening = False
            self._batch = QTimer(self)
            self._batch.setSingleShot(True)
            self._batch.setInterval(FILE_OPEN_BATCH_MS)
            self._batch.timeout.connect(self._deliver)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
                path = event.file() or event.url().toLocalFile() or event.url().toString()
                if path:
                    self.pending.append(path)
                    if self.listening:
                        self._batch.start()  # restarted by each file of the same request
                return True
            return super().eventFilter(watched, event)

        def listen(self, open_files: Callable[[list[str]], object]) -> None:
            """Connect ``open_files`` and hand it what arrived before."""
            self.files_open_requested.connect(open_files)
            self.listening = True
            self._deliver()

        def _deliver(self) -> None:
            pending, self.pending = self.pending, []
            if pending:
                self.files_open_requested.emit(pending)

    return FileOpenFilter


def create_application(qt_args: Sequence[str] = ()) -> QApplication:
    """The QApplication with the app's names and icon (or the existing one, configured)."""
    from PySide6.QtWidgets import QApplication

    from desktop.resources import app_icon
    from models.common.paths import APP_AUTHOR, APP_DISPLAY_NAME, APP_NAME

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "article-digest", *qt_args])
    QApplication.setOrganizationName(APP_AUTHOR)
    QApplication.setOrganizationDomain(ORGANISATION_DOMAIN)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    QApplication.setDesktopFileName("article-digest")
    icon = app_icon()
    if not icon.isNull():
        QApplication.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def create_window(app: QApplication) -> tuple[MainWindow, QObject]:
    """The main window, wired to the app's file-open events; returns it and the event filter."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow()
    # Installed once the window is built: an application-wide filter is called for every event
    # of every object (nearly two thousand while the window is built). The OS's file-open
    # events only come through the event loop, which has not run yet.
    file_open_filter = _file_open_filter_class()(app)
    app.installEventFilter(file_open_filter)
    app.aboutToQuit.connect(window.stop_background_work)
    file_open_filter.listen(window.open_dropped)  # type: ignore[attr-defined] - one file opens, several queue
    return window, file_open_filter


def _smoke_test(app: QApplication, window: MainWindow, files: list[str], digest: bool = False) -> int:
    window.show()
    app.processEvents()
    shown_ms = process_age_ms()
    if files:
        window.open_dropped(files)
    # Let the model check and the reading (on worker threads) finish, so the answer covers them too.
    deadline = time.monotonic() + 30
    while not (window.engine_link.answered and _read(window, files)) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    torch_imported = "yes" if "torch" in sys.modules else "no"
    print(f"window shown in {shown_ms:.0f} ms; torch imported: {torch_imported}", flush=True)
    status = _smoke_digest(app, window) if digest and files else 0
    window.close()
    return status


def _read(window: MainWindow, files: list[str]) -> bool:
    """Whether what was opened has been read (or could not be): nothing opened, or every entry read."""
    from desktop.ui.article_queue import EntryState

    entries = window.queue.entries
    return not files or (bool(entries) and all(entry.state is not EntryState.READING for entry in entries))


def _smoke_digest(app: QApplication, window: MainWindow) -> int:
    """Digest the open article as the Digest button does; print one line: the time or the error."""
    outcome: list[str] = []
    window.digest_shown.connect(lambda digest: outcome.append(f"digest shown in {digest.seconds:.1f} s"))
    window.digest_failed.connect(lambda error: outcome.append(f"digest failed: {error}"))
    started = time.monotonic()
    if window.start_digest() is None:
        outcome.append("digest failed: it could not start (" + window.statusBar().currentMessage() + ")")
    while not outcome and time.monotonic() - started < 600:
        app.processEvents()
        time.sleep(0.005)
    print(outcome[0] if outcome else "digest failed: no answer in 600 s", flush=True)
    return 0 if outcome and outcome[0].startswith("digest shown") else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit status."""
    args, qt_args = parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal quits
    log_path = configure_logging()
    app = create_application(qt_args)
    from desktop.ui.language import apply_saved_language

    apply_saved_language(app)  # the saved or the system's language: translators, right-to-left for Arabic
    install_excepthook(log_path)
    window, _file_open_filter = create_window(app)
    files = [str(path) for path in args.files]
    if args.smoke_test:
        return _smoke_test(app, window, files, digest=args.smoke_digest)
    window.show()
    if files:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: window.open_dropped(files))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
