"""``article-digest-cli``: the window's job without a window (no Qt is imported).

    article-digest-cli FILE... [--to ru,ar] [--full] [--models-dir DIR] [--profile quality|fast]
                       [--format json|md|txt|html] [--out PATH] [--flags-only]
    article-digest-cli --history
    article-digest-cli models list|download|verify|remove [--profile P] [--models-dir DIR]
    article-digest-cli models use TASK FOLDER

Errors are one line on stderr naming the file and the cause; the exit status is 1 for a
failed digest, 2 for bad usage, 130 when interrupted. Every name the CLI prints goes through
:func:`models.documents.export.printable` (control characters, bidi controls and lone
surrogates escaped), so a file name cannot send escape sequences to the terminal or split a
message over two lines. The libraries' own warnings and log records are hidden unless
``--verbose``. The history is a convenience: when it cannot be written, the digest is
written all the same, with one warning.

Ctrl+C (SIGINT) stops the CLI at any point within a second, writes nothing partial, prints
one line and exits 130 (see :class:`_Interruption`).
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import signal
import sys
import threading
import warnings
from pathlib import Path
from typing import Any, NoReturn, Sequence, TextIO

from models import LANGUAGE_NAMES, Cancelled, DigestError, DigestOptions, JobState
from models.common.units import format_bytes
from models.inventory.catalog import PROFILES, ModelSpec, specs_for

PROG = "article-digest-cli"
CLI_FORMATS = ("json", "md", "txt", "html")
#: After Ctrl+C the digest has this long to stop on its own (it checks at every decoding
#: step) before the process is ended from outside: importing torch or loading a model has
#: no such checks.
INTERRUPT_GRACE_S = 0.5
# The longest file name most file systems take, in bytes.
_NAME_MAX = 255


class _Interruption:
    """Ctrl+C for the CLI, installed first thing in :func:`main`.

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
        _flush_streams()
        os._exit(130)

    def check(self) -> None:
        """Raise KeyboardInterrupt (in the main thread) when Ctrl+C was pressed."""
        if self.requested.is_set():
            raise KeyboardInterrupt

    def announce(self) -> None:
        if not self.announced:
            self.announced = True
            # On a terminal, over the progress bar the work was showing, not after it.
            start = "\r\x1b[K" if _isatty(sys.stderr) else ""
            _print_stderr(f"{start}{PROG}: interrupted")

    def finish(self) -> None:
        """The main thread is done: the watcher stands down (or, if it is ending the process
        already, the caller waits here for it)."""
        self._finished.set()
        self.lock.acquire()


_interruption = _Interruption()


def printable(text: str) -> str:
    """:func:`models.documents.export.printable`, the one escaper of printed names (imported
    when first needed: ``main`` should start, and catch Ctrl+C, as early as it can)."""
    from models.documents.export import printable as escape

    return escape(text)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _print_stderr(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass  # stderr closed: nothing better to do


def _flush_streams() -> bool:
    """Flush stdout and stderr; False when stdout could not be written (a closed pipe)."""
    written = True
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            written = written and stream is not sys.stdout
    return written


class _Parser(argparse.ArgumentParser):
    """argparse, with the names it quotes in errors made printable."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def _languages(value: str) -> tuple[str, ...]:
    languages = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [language for language in languages if language not in LANGUAGE_NAMES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown language {', '.join(unknown)} (choose from {', '.join(LANGUAGE_NAMES)})"
        )
    return languages


def _digest_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Summarise articles and translate them into Russian and Arabic with local models.",
        epilog=f"Model management: {PROG} models list|download|verify. Past digests: {PROG} --history.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="article files (txt, md, html, docx, pdf)")
    parser.add_argument("--to", type=_languages, default=tuple(LANGUAGE_NAMES), help="target languages, e.g. ru,ar")
    parser.add_argument("--full", action="store_true", help="also translate the whole article")
    _add_model_options(parser)
    parser.add_argument("--format", choices=CLI_FORMATS, default="json", help="output format (default json)")
    parser.add_argument(
        "--out", type=Path, help="output file (one article) or folder (several); default standard output"
    )
    parser.add_argument("--overwrite", action="store_true", help="replace output files that exist")
    parser.add_argument(
        "--flags-only", action="store_true", help="print only the generated sentences worth checking, with why"
    )
    parser.add_argument("--history", action="store_true", help="list past digests and exit")
    parser.add_argument("--no-history", action="store_true", help="do not keep this digest in the history")
    parser.add_argument("--verbose", action="store_true", help="also show the libraries' own warnings")
    return parser


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--models-dir", help="folder of models (else $ARTICLE_DIGEST_MODELS, else the HF cache)")
    parser.add_argument("--profile", choices=tuple(PROFILES), default="quality", help="model set (default quality)")
    parser.add_argument("--device", help="cpu, cuda or mps (default: the fastest present)")


def _models_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} models",
        description="List, download, verify or remove the models, or point one at a folder you have.",
        epilog=f"Example: {PROG} models use translate-ru /media/usb/opus-mt-tc-big-en-zle",
    )
    parser.add_argument("action", choices=("list", "download", "verify", "remove", "use"))
    parser.add_argument("task", nargs="?", help="with 'use': summarize, translate-ru or translate-ar")
    parser.add_argument("folder", nargs="?", help="with 'use': the model's folder ('-' forgets the choice)")
    _add_model_options(parser)
    return parser


def use_folder(args: argparse.Namespace) -> int:
    """``models use TASK FOLDER``: point the profile's model for TASK at a folder."""
    from models import ModelUnavailable
    from models.inventory import installed

    specs = specs_for(args.profile)
    if args.task not in specs or not args.folder:
        print(f"{PROG} models: error: give a task ({', '.join(specs)}) and a folder", file=sys.stderr)
        return 2
    spec = specs[args.task]
    try:
        installed.choose_folder(spec, None if args.folder == "-" else args.folder)
    except ModelUnavailable as error:
        return _fail(str(error))
    print(f"{spec.task}: {spec.repo_id} now {'found as usual' if args.folder == '-' else 'uses ' + printable(args.folder)}")
    return 0


class _ProgressBar:
    """A progress bar on stderr, shown only when stderr is a terminal; ``state`` reports into it."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._bar = None
        if stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(
                total=1000, file=stream, desc=printable(label), leave=False, bar_format="{desc} {bar} {percentage:3.0f}% {postfix}"
            )
        # Ctrl+C interrupts the job: it stops at its next step (see _Interruption).
        self.state = JobState(self._show, interrupted=_interruption.requested.is_set)

    def _show(self, fraction: float, status: str) -> None:
        if self._bar is not None:
            self._bar.update(round(fraction * 1000) - self._bar.n)
            self._bar.set_postfix_str(status, refresh=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _fail(message: str) -> int:
    _print_stderr(f"{PROG}: error: {printable(message)}")
    return 1


def _warn(message: str) -> None:
    _print_stderr(f"{PROG}: warning: {printable(message)}")


class _OutputError(Exception):
    """The output cannot be written where --out says; ``str()`` is the one-line reason."""


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, a loop of links: not a folder we can use
        return False


def _output_path(out: Path | None, source: Path, fmt: str, many: bool) -> Path | None:
    if out is None:
        return None
    if many or _is_dir(out):
        suffix = f".digest.{fmt}"
        stem = source.stem
        # A long article name must not make the output's name too long for the file system.
        while stem and len(os.fsencode(stem + suffix)) > _NAME_MAX:
            stem = stem[:-1]
        return out / f"{stem or 'article'}{suffix}"
    return out


def _check_output(target: Path, overwrite: bool) -> None:
    """Refuse, before the digest is made, an output that cannot be written: a name too long,
    a folder that is missing or not writable, a file that exists (without --overwrite)."""

    def refuse(reason: str) -> NoReturn:
        raise _OutputError(f"cannot write {target}: {reason}")

    if len(os.fsencode(target.name)) > _NAME_MAX:
        refuse(f"the file name is too long ({len(os.fsencode(target.name))} bytes; the limit is {_NAME_MAX})")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        refuse(error.strerror or str(error))
    if info is not None:
        if _is_dir(target):
            refuse("it is a folder")
        if not overwrite:
            raise _OutputError(f"{target} already exists (use --overwrite to replace it)")
    folder = target.parent
    if not _is_dir(folder):
        refuse("its folder does not exist" if not os.path.lexists(folder) else "its folder is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        refuse(f"permission denied (the folder {folder} is not writable)")


def _prepare_out_folder(out: Path) -> None:
    """--out for several files: an existing folder, or one made now."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        raise _OutputError(f"cannot use {out} as the output folder: it is not a folder") from error
    except OSError as error:
        raise _OutputError(f"cannot create the output folder {out}: {error.strerror or error}") from error


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output as they are (UTF-8), whatever the terminal's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream put in its place
        sys.stdout.write(data.decode("utf-8"))
        return
    buffer.write(data)
    buffer.flush()


def run_digests(args: argparse.Namespace) -> int:
    from models.documents.read import read_article
    from models.documents.export import render_digest, render_flags, write_digest
    from models.documents.history import History
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    _interruption.check()  # Ctrl+C while the modules above were importing
    if not args.files:
        _print_stderr(f"{PROG}: error: give at least one FILE (or --history, or models ...)")
        return 2
    many = len(args.files) > 1
    if many and args.out is not None:
        try:
            if os.path.lexists(args.out) and not _is_dir(args.out):
                _print_stderr(f"{PROG}: error: --out must be a folder when digesting several files")
                return 2
            _prepare_out_folder(args.out)
        except _OutputError as error:
            return _fail(str(error))
    pipeline = DigestPipeline(PipelineConfig(profile=args.profile, models_dir=args.models_dir, device=args.device))
    options = DigestOptions(languages=args.to, translate_article=args.full)
    history = None if args.no_history else History()
    status = 0
    printed_json: list[dict] = []
    for name in args.files:
        source = Path(name)
        try:
            target = _output_path(args.out, source, args.format, many)
            if target is not None and not args.flags_only:
                _check_output(target, args.overwrite)  # before minutes of work, not after
            article = read_article(source)
            _interruption.check()
            for notice in article.notices:
                _print_stderr(f"{PROG}: note: {printable(str(source))}: {printable(notice)}")
            bar = _ProgressBar(sys.stderr, source.name)
            try:
                digest = pipeline.digest(article, options, bar.state)
            finally:
                bar.close()
            with _interruption.lock:  # Ctrl+C now waits for this file to be whole
                _interruption.check()
                if args.flags_only:
                    flags = render_flags(digest) or "No sentence to check.\n"
                    _write_stdout((f"{printable(str(source))}:\n{flags}\n" if many else flags).encode("utf-8"))
                elif target is not None:
                    write_digest(digest, target, args.format, overwrite=args.overwrite)
                    _print_stderr(f"{printable(str(source))}: wrote {printable(str(target))}")
                elif args.format == "json" and many:
                    printed_json.append(digest.to_json_dict())
                else:
                    _write_stdout(render_digest(digest, args.format) + b"\n")
                if history is not None:
                    history = _keep_in_history(history, digest)
        except (DigestError, _OutputError) as error:
            _interruption.check()  # Ctrl+C (the digest was Cancelled): one "interrupted" line, 130
            message = str(error)
            # Document errors already start with the file's name.
            status = _fail(message if message.startswith(source.name) else f"{source}: {message}")
        except BrokenPipeError:
            raise  # standard output is gone: nothing more can be delivered
        except Exception as error:  # noqa: BLE001 - a bug, or a library's surprise: one line, the next file
            _interruption.check()
            status = _unexpected(error, args.verbose, f"{source}: ")
    if printed_json:
        _interruption.check()
        _write_stdout((json.dumps(printed_json, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return status


def _unexpected(error: BaseException, verbose: bool, prefix: str = "") -> int:
    """One line for an error nobody foresaw (with ``--verbose``, the traceback before it)."""
    if verbose:
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    text = " ".join(str(error).split())
    text = text[:300] + "…" if len(text) > 300 else text
    hint = "" if verbose else " (--verbose shows where)"
    return _fail(f"{prefix}unexpected error: {type(error).__name__}{': ' + text if text else ''}{hint}")


def _keep_in_history(history: Any, digest: Any) -> Any:
    """Add ``digest`` to the history; the history it should go on with (None once it failed).

    The history is a convenience: when it cannot be written (the data folder is a file, or
    read-only) the digest has been written where it was asked all the same; one warning says
    so, and the status stays 0.
    """
    try:
        history.add(digest)
        return history
    except DigestError as error:
        _warn(f"{error}; the digest is not kept in the history (it was written all the same)")
        return None


def show_history() -> int:
    from models.documents.history import History, HistoryError

    try:
        entries = History().entries()
    except HistoryError as error:
        return _fail(str(error))
    lines = [
        f"{entry.created}  {entry.title}  ({entry.source_path or 'no file'})  {entry.path}" for entry in entries
    ] or ["No digests yet."]
    _write_stdout("".join(printable(line) + "\n" for line in lines).encode("utf-8"))
    return 0


def run_models(argv: Sequence[str]) -> int:
    """``models list|download|verify|remove|use``: one line per model; status 1 if any failed."""
    from models import ModelUnavailable
    from models.inventory import downloads, installed

    args = _models_parser().parse_args(argv)
    if args.action == "use":
        return use_folder(args)
    status = 0
    for spec in specs_for(args.profile).values():
        try:
            location = installed.locate(spec, args.models_dir)
        except ModelUnavailable as error:
            location, missing = None, str(error)
        if args.action == "remove":
            state = f"removed, {format_bytes(installed.remove(spec))} freed"
        elif location is not None and args.action != "verify":
            state = f"installed ({location.origin}: {location.path}, {format_bytes(installed.disk_usage(location.path))})"
        elif location is not None:
            problems = downloads.verify(spec, args.models_dir)
            state = "verified" if not problems else "broken: " + "; ".join(problems)
            status = 1 if problems else status
        elif args.action == "download":
            state, failed = _download_with_bar(spec)
            status = 1 if failed else status
        else:
            state = f"missing: {missing}"
            status = 1 if args.action == "verify" else status
        print(printable(f"{spec.task:14} {spec.repo_id:40} {spec.licence:11} ~{spec.size_mb} MB  {state}"))
    return status


def _download_with_bar(spec: ModelSpec) -> tuple[str, bool]:
    from models import ModelUnavailable
    from models.inventory import downloads

    bar = _ProgressBar(sys.stderr, spec.repo_id)
    try:
        path = downloads.download(spec, bar.state)
        return f"downloaded to {path}", False
    except ModelUnavailable as error:
        return f"failed: {error}", True
    finally:
        bar.close()


def _quiet_libraries(verbose: bool) -> None:
    """The user gets one line per problem and nothing else on stderr: the libraries' warnings
    (torch's and transformers' deprecation notices) and log records (pypdf's "invalid pdf
    header") are for developers, shown with ``--verbose``."""
    root = logging.getLogger()
    if verbose:
        logging.basicConfig(level=logging.WARNING, format=f"{PROG}: %(levelname)s %(name)s: %(message)s")
        return
    warnings.simplefilter("ignore")
    # Without a handler of its own, a record of WARNING or above reaches logging's "last
    # resort" handler, which prints it on stderr.
    if not root.handlers:
        root.addHandler(logging.NullHandler())
    # The app's own warnings are for the user (a remembered models folder that is gone): one
    # "note:" line each, as the article notices are.
    app_log = logging.getLogger("models")
    if not any(isinstance(handler, _NoteHandler) for handler in app_log.handlers):
        app_log.addHandler(_NoteHandler(logging.WARNING))


class _NoteHandler(logging.Handler):
    """A log record as one "note:" line on stderr, its names made printable (the stream is
    looked up at each record, so it follows whatever sys.stderr is then)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            _print_stderr(f"{PROG}: note: {printable(record.getMessage())}")
        except Exception:  # noqa: BLE001 - a broken log record must not break the digest
            self.handleError(record)


def _run(argv: list[str]) -> int:
    if argv[:1] == ["models"]:
        _quiet_libraries("--verbose" in argv)
        return run_models(argv[1:])
    args = _digest_parser().parse_args(argv)
    _quiet_libraries(args.verbose)
    if args.history:
        return show_history()
    return run_digests(args)


def main(argv: Sequence[str] | None = None) -> int:
    """The CLI. As the program (``argv`` None: the arguments come from ``sys.argv``) it ends
    the process itself, see :func:`_end_process`; given ``argv`` it returns the status."""
    global _interruption
    _interruption = _Interruption()
    _interruption.install()  # first: from here on Ctrl+C never raises a traceback
    arguments = list(sys.argv[1:] if argv is None else argv)
    status = 1
    try:
        status = _run(arguments)
        _interruption.check()
    except KeyboardInterrupt:
        status = 130
    except Cancelled as error:
        status = 130 if _interruption.requested.is_set() else _fail(str(error))
    except SystemExit as stop:  # argparse: --help, or bad usage (its message is printed already)
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    except BrokenPipeError:
        status = 1
    except Exception as error:  # noqa: BLE001 - never a traceback: one line (--verbose: and the traceback)
        status = 130 if _interruption.requested.is_set() else _unexpected(error, "--verbose" in arguments)
    finally:
        # Release the models here, in the main thread, while the interpreter is whole. The
        # pipeline is a local of run_digests, but it outlives it: the model load leaves a
        # reference cycle through its own stack frames (a list of frames held by one of them),
        # and their f_back chain holds DigestPipeline._digest's frame, so the pipeline, its
        # CTranslate2 translators and torch models. Left alone, they went whenever the cyclic
        # collector next ran, in whatever thread set it off, or in the interpreter's teardown;
        # a native thread pool torn down from one of its own threads joins itself and aborts
        # ("terminate called ... Resource deadlock avoided").
        gc.collect()
    _interruption.finish()
    if status == 130:
        _interruption.announce()
    if argv is None:
        _end_process(status)
    _interruption.uninstall()
    return status


def _end_process(status: int) -> NoReturn:
    """End the program with ``status`` once its output is flushed, skipping the interpreter's
    teardown (``os._exit``).

    The work is done and written (every file atomically, stdout and stderr flushed here), the
    models released (see :func:`main`), and nothing is left to clean up: what the teardown
    would still do is run the native libraries' static destructors, where the CLI used to abort
    after printing its digest ("terminate called ... std::system_error ... Resource deadlock
    avoided", SIGABRT): torch's and CTranslate2's bundled OpenMP runtime join their thread
    pools there. ``os._exit`` skips them; it also means nothing the interpreter would print
    at exit ("Exception ignored ..." after Ctrl+C in an import, a closed pipe) reaches stderr.
    """
    if not _flush_streams() and status == 0:
        status = 1  # standard output is gone (a closed pipe): the digest was not delivered
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
