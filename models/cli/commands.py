"""The command line's commands: digests (one article or a batch), ``--history``, ``revise``
and ``models``, and :func:`main`, which runs them under Ctrl+C's handling
(:mod:`models.cli.interruption`). The usage is in :mod:`models.cli`."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, Sequence, TextIO

from models import Article, Cancelled, DigestError, DigestOptions, JobState
from models.cli.interruption import PROG, flush_streams, interruption, isatty, print_over_progress, print_stderr
from models.common.languages import output_languages
from models.common.units import format_bytes
from models.inventory.catalog import PROFILES, ModelSpec, only_for_articles_in, specs_for

#: Output formats: the export formats a terminal can show, and JSON Lines (one digest per line).
CLI_FORMATS = ("json", "jsonl", "md", "txt", "html")
# The longest file name most file systems take, in bytes.
_NAME_MAX = 255


def printable(text: str) -> str:
    """:func:`models.documents.export.printable`, the one escaper of printed names (imported
    when first needed: the export module's imports are not needed to start a command)."""
    from models.documents.export import printable as escape

    return escape(text)


class _Parser(argparse.ArgumentParser):
    """argparse, with the names it quotes in errors made printable."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def _languages(value: str) -> tuple[str, ...]:
    languages = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [language for language in languages if language not in output_languages()]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown language {', '.join(unknown)} (choose from {', '.join(output_languages())})"
        )
    return languages


def _digest_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Summarise articles and translate them into Russian and Arabic with local models.",
        epilog=(
            f"Model management: {PROG} models list|download|verify. Past digests: {PROG} --history. "
            f"An edited summary carried into a digest's translations: {PROG} revise DIGEST.json --summary EDITED.txt."
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="INPUT",
        help="article files (txt, md, html, docx, pdf), folders of them, web links, or saved links (.url, .webloc)",
    )
    parser.add_argument("--to", type=_languages, default=output_languages(), help="target languages, e.g. ru,ar")
    parser.add_argument("--full", action="store_true", help="also translate the whole article")
    _add_model_options(parser)
    parser.add_argument(
        "--format", choices=CLI_FORMATS, default="json", help="output format (default json; jsonl: one digest per line)"
    )
    parser.add_argument(
        "--out", type=Path, help="output file (one article) or folder (several); default standard output"
    )
    parser.add_argument("--out-dir", type=Path, help="folder for one output file per article (made if missing)")
    parser.add_argument("--overwrite", action="store_true", help="replace output files that exist")
    parser.add_argument(
        "--flags-only", action="store_true", help="print only the generated sentences worth checking, with why"
    )
    parser.add_argument(
        "--back-translate",
        action="store_true",
        help="also translate every translated sentence back into English and flag those whose meaning may differ "
        "(needs the translate-from-* models)",
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
        description=(
            "List, download, verify or remove the models, or point one at a folder you have. The translate-from-* "
            f"models are needed only for {_article_languages()} articles (translated into English before "
            "summarising); the list says so."
        ),
        epilog=(
            f"Examples: {PROG} models download --english-articles-only; "
            f"{PROG} models use translate-ru /media/usb/opus-mt-tc-big-en-zle"
        ),
    )
    parser.add_argument("action", choices=("list", "download", "verify", "remove", "use"))
    parser.add_argument("task", nargs="?", help="with 'use': summarize, translate-ru, translate-from-ru, …")
    parser.add_argument("folder", nargs="?", help="with 'use': the model's folder ('-' forgets the choice)")
    parser.add_argument(
        "--english-articles-only",
        action="store_true",
        help=(
            f"with 'download': skip the models only {_article_languages()} articles need (translate-from-*: about "
            f"{_article_models_size('quality')} on the quality profile); with 'verify': do not count them as missing"
        ),
    )
    _add_model_options(parser)
    return parser


def _article_languages() -> str:
    """"Russian and Arabic": the article languages translated into English before summarising."""
    from models.common.languages import name
    from models.common.wording import listed
    from models.inventory.catalog import article_languages, needs_english_translation

    return listed([name(code) for code in article_languages() if needs_english_translation(code)])


def _article_models_size(profile: str) -> str:
    """The size of the models only non-English articles need, as the help text says it."""
    return f"{sum(spec.size_mb for spec in specs_for(profile).values() if only_for_articles_in(spec.task)):,} MB"


def _only_for(spec: ModelSpec) -> str:
    """What the list says of a model only some articles need ("only for Russian articles"), or ""."""
    from models.common.languages import name

    code = only_for_articles_in(spec.task)
    return f"only for {name(code)} articles" if code else ""


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


class _Progress:
    """Progress on stderr while articles are digested (or a model downloaded), shown only when
    stderr is a terminal: a bar for the article, and for several a bar for the whole batch,
    each with its ETA. Lines printed meanwhile (:func:`_print_stderr`) go above the bars.

    :meth:`start` gives the :class:`JobState` the work reports into; Ctrl+C interrupts it, and
    the work stops at its next step (see :class:`~models.cli.interruption.Interruption`).
    """

    def __init__(self, stream: TextIO, total: int) -> None:
        self._stream = stream
        self._total = total
        self._done = 0
        self._shown = isatty(stream)
        self._overall: Any = None
        self._article: Any = None
        if self._shown and total > 1:
            self._overall = self._bar(0, f"0 of {total} done", "{desc} {bar} {percentage:3.0f}%  ETA {remaining}")

    def _bar(self, position: int, label: str, layout: str) -> Any:
        from tqdm import tqdm

        # No monitor thread: a thread of tqdm's own could end up freeing the models at exit
        # (see main), and the bars are redrawn at every report anyway.
        tqdm.monitor_interval = 0
        bar = tqdm(total=1000, file=self._stream, position=position, leave=False, desc=label, bar_format=layout)
        print_over_progress(lambda line: tqdm.write(line, file=self._stream))
        return bar

    def start(self, label: str) -> JobState:
        """A new article (or download): its bar, and the state its work reports into."""
        if self._shown:
            self._close_article()
            number = f"[{self._done + 1}/{self._total}] " if self._total > 1 else ""
            layout = "{desc} {bar} {percentage:3.0f}%  ETA {remaining}{postfix}"
            self._article = self._bar(1 if self._overall is not None else 0, number + printable(label), layout)
        return JobState(self._show, interrupted=interruption.requested.is_set)

    def _show(self, fraction: float, status: str) -> None:
        if self._article is not None:
            self._article.update(round(fraction * 1000) - self._article.n)
            self._article.set_postfix_str(printable(status), refresh=True)
        if self._overall is not None:
            self._overall.update(round((self._done + fraction) / self._total * 1000) - self._overall.n)

    def finish(self) -> None:
        """The article is done, digested or not."""
        self._done += 1
        self._close_article()
        if self._overall is not None:
            self._overall.update(round(self._done / self._total * 1000) - self._overall.n)
            self._overall.set_description_str(f"{self._done} of {self._total} done", refresh=True)

    def _close_article(self) -> None:
        if self._article is not None:
            self._article.close()
            self._article = None

    def close(self) -> None:
        self._close_article()
        if self._overall is not None:
            self._overall.close()
            self._overall = None
        print_over_progress(None)


def _fail(message: str) -> int:
    print_stderr(f"{PROG}: error: {printable(message)}")
    return 1


def _warn(message: str) -> None:
    print_stderr(f"{PROG}: warning: {printable(message)}")


def _note(message: str) -> None:
    print_stderr(f"{PROG}: note: {printable(message)}")


class _OutputError(Exception):
    """The output cannot be written where --out says; ``str()`` is the one-line reason."""


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, a loop of links: not a folder we can use
        return False


@dataclass(frozen=True)
class _Input:
    """One article to digest: a file (an article or a saved link) or a web link."""

    #: As given (a path, a link), for messages.
    label: str
    path: Path | None = None
    url: str | None = None

    @property
    def name(self) -> str:
        """What its errors start with: the file's name (read_article's errors name it so), or the link."""
        return self.path.name if self.path is not None else self.label


def _inputs(given: Sequence[str]) -> tuple[list[_Input], list[str]]:
    """The articles the command line names, in its order (a folder's in name order, see
    :func:`~models.documents.read.expand_article_paths`), and notes on what was left out."""
    from models.documents.inputs import InputKind, classify_input
    from models.documents.read import expand_article_paths

    inputs: list[_Input] = []
    notes: list[str] = []
    for argument in given:
        kind = classify_input(argument)
        if kind is InputKind.WEB_LINK:
            inputs.append(_Input(label=argument.strip(), url=argument.strip()))
            continue
        # What is not a folder is a file to read, whatever it is: reading it says what is wrong.
        paths, found_notes = expand_article_paths([argument]) if kind is InputKind.FOLDER else ([Path(argument)], [])
        inputs.extend(_Input(label=str(path), path=path) for path in paths)
        notes.extend(found_notes)
    return inputs, notes


def _read_input(item: _Input) -> Article:
    """The article behind an input: fetched (a link, or a file that saves one) or read."""
    from models.documents.fetch import fetch_article, link_in_file
    from models.documents.inputs import InputKind, file_kind
    from models.documents.read import read_article

    if item.path is None:
        link = item.url
    elif file_kind(item.path) is InputKind.LINK_FILE:
        link = link_in_file(item.path)
    else:
        return read_article(item.path)
    assert link is not None
    return fetch_article(link, is_cancelled=interruption.requested.is_set)


def _output_name(item: _Input, article: Article, fmt: str, taken: set[str]) -> str:
    """A file name for ``item``'s digest in the output folder: its file's name, or for a link the
    article's title, made safe (:func:`~models.documents.export.safe_file_stem`), short enough for the file system, and
    none of the names this run has written (compared as a case-insensitive file system would):
    the second "news.txt" of a batch becomes "news-2.digest.md"."""
    from urllib.parse import urlsplit

    if item.path is not None:
        base = item.path.stem
    else:
        base = article.title if article.title != "Untitled" else (urlsplit(item.label).hostname or "")
    from models.documents.export import safe_file_stem

    base = safe_file_stem(base, fallback="article")
    suffix = f".digest.{fmt}"
    for number in range(1, len(taken) + 2):
        ending = suffix if number == 1 else f"-{number}{suffix}"
        stem = base
        # A long article name must not make the output's name too long for the file system.
        while len(os.fsencode(stem + ending)) > _NAME_MAX:
            stem = stem[:-1].rstrip(". ")
        name = f"{stem or 'article'}{ending}"
        if name.casefold() not in taken:
            return name
    raise AssertionError("unreachable: one of len(taken) + 1 names is free")


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
    """The output folder (--out for several files, --out-dir): an existing folder, or one made now."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        raise _OutputError(f"cannot use {out} as the output folder: it is not a folder") from error
    except OSError as error:
        raise _OutputError(f"cannot create the output folder {out}: {error.strerror or error}") from error


def _write_output(target: Path, data: bytes, overwrite: bool) -> None:
    """``data`` to ``target`` atomically (never a half-written file, see models.common.atomic);
    an existing file is replaced only with --overwrite, and never silently."""
    from models.common.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(target, data, overwrite=overwrite)
    except FileExistsError as error:  # made by someone else since it was checked
        raise _OutputError(f"{target} already exists (use --overwrite to replace it)") from error
    except OSError as error:
        raise _OutputError(f"cannot write {target}: {error.strerror or error}") from error


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output as they are (UTF-8), whatever the terminal's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream put in its place
        sys.stdout.write(data.decode("utf-8"))
        return
    buffer.write(data)
    buffer.flush()


def _rendered(digest: Any, fmt: str) -> bytes:
    """The digest in an output format; "jsonl" is the JSON of ``--format json`` on one line."""
    if fmt == "jsonl":
        return (json.dumps(digest.to_json_dict(), ensure_ascii=False) + "\n").encode("utf-8")
    from models.documents.export import render_digest

    return render_digest(digest, fmt)


#: The failures the closing summary names; the rest are counted.
_SUMMARY_FAILURES = 5
#: With --back-translate, the digest's share of an article's bar (the back-translation takes
#: the rest: about as long as the translations).
_DIGEST_SHARE = 0.75


def _summary(digested: int, failures: list[str]) -> str:
    """The batch's closing line: "3 digested, 2 failed (a.txt: is empty; b.pdf: …)"."""
    line = f"{digested} digested, {len(failures)} failed"
    if failures:
        named = "; ".join(failures[:_SUMMARY_FAILURES])
        more = len(failures) - _SUMMARY_FAILURES
        line += f" ({named}{f'; and {more} more, listed above' if more > 0 else ''})"
    return line


def run_digests(args: argparse.Namespace) -> int:
    """Digest every input in turn: a failing one is one line and the next goes on; with several,
    a closing summary line. Status 1 if any failed, 2 for bad usage."""
    from models.documents.export import render_flags
    from models.documents.history import History
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    interruption.check()  # Ctrl+C while the modules above were importing
    if not args.files:
        print_stderr(f"{PROG}: error: give at least one INPUT (or --history, or models ...)")
        return 2
    if args.out is not None and args.out_dir is not None:
        print_stderr(f"{PROG}: error: give --out or --out-dir, not both")
        return 2
    inputs, notes = _inputs(args.files)
    for note in notes:
        _note(note)
    if not inputs:
        return _fail("nothing to digest (no article among the inputs)")
    many = len(args.files) > 1 or len(inputs) > 1
    out_dir: Path | None = args.out_dir
    if args.out is not None and (many or _is_dir(args.out)):
        if many and os.path.lexists(args.out) and not _is_dir(args.out):
            print_stderr(f"{PROG}: error: --out must be a folder when digesting several files")
            return 2
        out_dir = args.out
    if out_dir is not None and not args.flags_only:
        try:
            _prepare_out_folder(out_dir)
        except _OutputError as error:
            return _fail(str(error))
    from models.inference.memory import tune_malloc_for_engine

    tune_malloc_for_engine()  # this process is the engine here; before its threads start
    # One pipeline for the batch: each model loads on first use and stays loaded.
    pipeline = DigestPipeline(PipelineConfig(profile=args.profile, models_dir=args.models_dir, device=args.device))
    options = DigestOptions(languages=args.to, translate_article=args.full, back_translate=args.back_translate)
    history = None if args.no_history else History()
    failures: list[str] = []
    written_names: set[str] = set()
    printed_json: list[dict] = []
    progress = _Progress(sys.stderr, len(inputs))
    try:
        for item in inputs:
            try:
                target = args.out if out_dir is None and not args.flags_only else None
                if target is not None:
                    _check_output(target, args.overwrite)  # before minutes of work, not after
                article = _read_input(item)
                interruption.check()
                for notice in article.notices:
                    _note(f"{item.label}: {notice}")
                if out_dir is not None and not args.flags_only:
                    target = out_dir / _output_name(item, article, args.format, written_names)
                    _check_output(target, args.overwrite)
                state = progress.start(item.name)
                try:
                    if args.back_translate:  # the translations back into English after the digest, as the window does
                        digest = pipeline.digest(article, options, state.sub_state(0.0, _DIGEST_SHARE))
                        digest = pipeline.back_translate(digest, state.sub_state(_DIGEST_SHARE, 1.0))
                    else:
                        digest = pipeline.digest(article, options, state)
                finally:
                    progress.finish()
                with interruption.lock:  # Ctrl+C now waits for this output to be whole
                    interruption.check()
                    if args.flags_only:
                        flags = render_flags(digest) or "No sentence to check.\n"
                        _write_stdout((f"{printable(item.label)}:\n{flags}\n" if many else flags).encode("utf-8"))
                    elif target is not None:
                        _write_output(target, _rendered(digest, args.format), args.overwrite)
                        written_names.add(target.name.casefold())
                        print_stderr(f"{printable(item.label)}: wrote {printable(str(target))}")
                    elif args.format == "json" and many:
                        printed_json.append(digest.to_json_dict())
                    elif args.format == "jsonl":
                        _write_stdout(_rendered(digest, "jsonl"))
                    else:
                        _write_stdout(_rendered(digest, args.format) + b"\n")
                    if history is not None:
                        history = _keep_in_history(history, digest)
            except (DigestError, _OutputError) as error:
                interruption.check()  # Ctrl+C (the work was Cancelled): one "interrupted" line, 130
                message = str(error)
                # An article's errors start with its file's name (a link's with the link) already.
                failures.append(message if message.startswith(item.name) else f"{item.label}: {message}")
                _fail(failures[-1])
            except BrokenPipeError:
                raise  # standard output is gone: nothing more can be delivered
            except Exception as error:  # noqa: BLE001 - a bug, or a library's surprise: one line, the next input
                interruption.check()
                _unexpected(error, args.verbose, f"{item.label}: ")
                failures.append(f"{item.label}: unexpected error ({type(error).__name__})")
    finally:
        progress.close()
    if printed_json:
        interruption.check()
        _write_stdout((json.dumps(printed_json, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    if many:
        print_stderr(f"{PROG}: {printable(_summary(len(inputs) - len(failures), failures))}")
    return 1 if failures else 0


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

    parser = _models_parser()
    args = parser.parse_args(argv)
    if args.english_articles_only and args.action not in ("download", "verify"):
        parser.error("--english-articles-only goes with 'download' or 'verify'")
    if args.action == "use":
        return use_folder(args)
    status = 0
    for spec in specs_for(args.profile).values():
        only_for = _only_for(spec)
        # A reader of English articles only does without the into-English models.
        not_needed = bool(only_for) and args.english_articles_only
        try:
            location = installed.locate(spec, args.models_dir)
        except ModelUnavailable as error:
            location, missing = None, str(error)
        if location is None and not_needed:
            state = "skipped (--english-articles-only)" if args.action == "download" else "missing, not needed for English articles"
        elif args.action == "remove":
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
        note = f"  [{only_for}]" if only_for else ""
        print(printable(f"{spec.task:14} {spec.repo_id:40} {spec.licence:11} ~{spec.size_mb} MB  {state}{note}"))
    return status


def _download_with_bar(spec: ModelSpec) -> tuple[str, bool]:
    from models import ModelUnavailable
    from models.inventory import downloads

    progress = _Progress(sys.stderr, 1)
    try:
        path = downloads.download(spec, progress.start(spec.repo_id))
        return f"downloaded to {path}", False
    except ModelUnavailable as error:
        return f"failed: {error}", True
    finally:
        progress.close()


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
            print_stderr(f"{PROG}: note: {printable(record.getMessage())}")
        except Exception:  # noqa: BLE001 - a broken log record must not break the digest
            self.handleError(record)


def _revise_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} revise",
        description=(
            "A new digest whose English summary is the edited text: only its new and changed sentences are translated "
            "again, into each of the digest's languages; the other sentences keep their translations (and any edits) "
            "byte for byte, and every sentence says where it came from."
        ),
        epilog=f"Example: {PROG} revise talks.digest.json --summary summary.txt --out talks-revised.json",
    )
    parser.add_argument("digest", metavar="DIGEST.json", type=Path, help="a digest as --format json writes it (or a history file)")
    parser.add_argument("--summary", required=True, metavar="EDITED.txt", help="the edited English summary ('-': standard input)")
    parser.add_argument(
        "--format", choices=CLI_FORMATS, default="json", help="output format (default json, which keeps the revision)"
    )
    parser.add_argument("--out", type=Path, help="output file (default standard output)")
    parser.add_argument("--overwrite", action="store_true", help="replace the output file if it exists")
    parser.add_argument(
        "--back-translate",
        action="store_true",
        help="also back-translate the sentences that lack it (done anyway when the digest was back-translated)",
    )
    parser.add_argument(
        "--replace-edited",
        action="store_true",
        help="translate a changed sentence again even where its translation was edited by hand (kept otherwise)",
    )
    _add_model_options(parser)
    parser.add_argument("--verbose", action="store_true", help="also show the libraries' own warnings")
    return parser


#: A digest file or an edited summary larger than this is refused before it is read.
_MAX_INPUT_BYTES = 64 * 1024 * 1024


def _read_text_input(name: str, what: str) -> str:
    """The text of file ``name`` ('-': standard input), UTF-8; DigestError with one line, naming
    the file, if it cannot be read as such."""
    shown = "standard input" if name == "-" else printable(name)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(_MAX_INPUT_BYTES + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise DigestError(f"{shown}: is a folder, not {what}")
            with path.open("rb") as stream:
                data = stream.read(_MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise DigestError(f"{shown}: cannot be read ({error.strerror or error})") from error
    if len(data) > _MAX_INPUT_BYTES:
        raise DigestError(f"{shown}: too large to be {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DigestError(f"{shown}: not UTF-8 text ({error.reason} at byte {error.start})") from error


def _read_digest(path: Path) -> Any:
    """The digest in a JSON file (as --format json or the history writes it); DigestError with
    one line naming the file if it is not one."""
    from models.common.types import Digest

    text = _read_text_input(str(path), "a digest")
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise DigestError("not a digest file (not a JSON object)")
        return Digest.from_json_dict(data)
    except json.JSONDecodeError as error:
        raise DigestError(f"{printable(str(path))}: not a digest file (not JSON: {error.msg}, line {error.lineno})") from error
    except DigestError as error:
        raise DigestError(f"{printable(str(path))}: {error}") from error


def run_revise(argv: Sequence[str]) -> int:
    """``revise DIGEST.json --summary EDITED.txt``: the digest with the edited summary, only its
    changed sentences translated again (:meth:`DigestPipeline.revise_summary`); written where
    --out says (atomically, never over a file without --overwrite) or to standard output. The
    history is not touched: the digest file is the user's."""
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    args = _revise_parser().parse_args(argv)
    _quiet_libraries(args.verbose)
    try:
        if args.out is not None:
            _check_output(args.out, args.overwrite)  # before any work
        digest = _read_digest(args.digest)
        edited = _read_text_input(args.summary, "a summary")
        interruption.check()
        from models.inference.memory import tune_malloc_for_engine

        tune_malloc_for_engine()  # this process is the engine here; before its threads start
        pipeline = DigestPipeline(PipelineConfig(profile=args.profile, models_dir=args.models_dir, device=args.device))
        back = args.back_translate or digest.back_translate
        progress = _Progress(sys.stderr, 1)
        try:
            state = progress.start(args.digest.name)
            try:
                revised = pipeline.revise_summary(
                    digest, edited, state.sub_state(0.0, 0.5 if back else 1.0), replace_edited=args.replace_edited
                )
            except DigestError as error:
                raise DigestError(f"{printable(args.summary)}: {error}") from error
            if back:
                revised = pipeline.back_translate(revised, state.sub_state(0.5, 1.0))
        finally:
            progress.finish()
            progress.close()
        with interruption.lock:  # Ctrl+C now waits for the output to be whole
            interruption.check()
            rendered = _rendered(revised, args.format)
            if args.out is not None:
                _write_output(args.out, rendered, args.overwrite)
                print_stderr(f"{printable(str(args.digest))}: wrote {printable(str(args.out))}")
            else:
                _write_stdout(rendered if args.format == "jsonl" else rendered + b"\n")
    except (DigestError, _OutputError) as error:
        interruption.check()  # Ctrl+C (the work was Cancelled): one "interrupted" line, 130
        return _fail(str(error))
    return 0


def _run(argv: list[str]) -> int:
    if argv[:1] == ["models"]:
        _quiet_libraries("--verbose" in argv)
        return run_models(argv[1:])
    if argv[:1] == ["revise"]:
        return run_revise(argv[1:])
    args = _digest_parser().parse_args(argv)
    _quiet_libraries(args.verbose)
    if args.history:
        return show_history()
    return run_digests(args)


def main(argv: Sequence[str] | None = None) -> int:
    """The CLI. As the program (``argv`` None: the arguments come from ``sys.argv``) it ends
    the process itself, see :func:`_end_process`; given ``argv`` it returns the status."""
    if argv is not None or not interruption.installed:  # not installed as the program started
        interruption.reset()
        interruption.install()  # first: from here on Ctrl+C never raises a traceback
    arguments = list(sys.argv[1:] if argv is None else argv)
    status = 1
    try:
        status = _run(arguments)
        interruption.check()
    except KeyboardInterrupt:
        status = 130
    except Cancelled as error:
        status = 130 if interruption.requested.is_set() else _fail(str(error))
    except SystemExit as stop:  # argparse: --help, or bad usage (its message is printed already)
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    except BrokenPipeError:
        status = 1
    except Exception as error:  # noqa: BLE001 - never a traceback: one line (--verbose: and the traceback)
        status = 130 if interruption.requested.is_set() else _unexpected(error, "--verbose" in arguments)
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
    interruption.finish()
    if status == 130:
        interruption.announce()
    if argv is None:
        _end_process(status)
    interruption.uninstall()
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
    if not flush_streams() and status == 0:
        status = 1  # standard output is gone (a closed pipe): the digest was not delivered
    os._exit(status)


