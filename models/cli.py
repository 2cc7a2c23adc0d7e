"""``article-digest-cli``: the window's job without a window (no Qt is imported).

    article-digest-cli FILE... [--to ru,ar] [--full] [--models-dir DIR] [--profile quality|fast]
                       [--format json|md|txt|html] [--out PATH] [--flags-only]
    article-digest-cli --history
    article-digest-cli models list|download|verify|remove [--profile P] [--models-dir DIR]
    article-digest-cli models use TASK FOLDER

Errors are one line on stderr naming the file and the cause; the exit status is 1 for a
failed digest, 2 for bad usage, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import Sequence, TextIO

from models import LANGUAGE_NAMES, DigestError, DigestOptions, JobState
from models.common.units import format_bytes
from models.inventory.catalog import PROFILES, ModelSpec, specs_for

PROG = "article-digest-cli"
CLI_FORMATS = ("json", "md", "txt", "html")


def _languages(value: str) -> tuple[str, ...]:
    languages = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [language for language in languages if language not in LANGUAGE_NAMES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown language {', '.join(unknown)} (choose from {', '.join(LANGUAGE_NAMES)})"
        )
    return languages


def _digest_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    parser = argparse.ArgumentParser(
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
    print(f"{spec.task}: {spec.repo_id} now {'found as usual' if args.folder == '-' else 'uses ' + args.folder}")
    return 0


class _ProgressBar:
    """A progress bar on stderr, shown only when stderr is a terminal; ``state`` reports into it."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._bar = None
        if stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=1000, file=stream, desc=label, leave=False, bar_format="{desc} {bar} {percentage:3.0f}% {postfix}")
        self.state = JobState(self._show)

    def _show(self, fraction: float, status: str) -> None:
        if self._bar is not None:
            self._bar.update(round(fraction * 1000) - self._bar.n)
            self._bar.set_postfix_str(status, refresh=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def _output_path(out: Path | None, source: Path, fmt: str, many: bool) -> Path | None:
    if out is None:
        return None
    if many or out.is_dir():
        return out / f"{source.stem}.digest.{fmt}"
    return out


def run_digests(args: argparse.Namespace) -> int:
    from models.documents.read import read_article
    from models.documents.export import render_digest, render_flags, write_digest
    from models.documents.history import History
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    if not args.files:
        print(f"{PROG}: error: give at least one FILE (or --history, or models ...)", file=sys.stderr)
        return 2
    many = len(args.files) > 1
    if many and args.out is not None and args.out.exists() and not args.out.is_dir():
        print(f"{PROG}: error: --out must be a folder when digesting several files", file=sys.stderr)
        return 2
    if many and args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
    pipeline = DigestPipeline(PipelineConfig(profile=args.profile, models_dir=args.models_dir, device=args.device))
    options = DigestOptions(languages=args.to, translate_article=args.full)
    status = 0
    printed_json: list[dict] = []
    for name in args.files:
        source = Path(name)
        try:
            article = read_article(source)
            for notice in article.notices:
                print(f"{PROG}: note: {source}: {notice}", file=sys.stderr)
            bar = _ProgressBar(sys.stderr, source.name)
            try:
                digest = pipeline.digest(article, options, bar.state)
            finally:
                bar.close()
            if not args.no_history:
                History().add(digest)
            target = _output_path(args.out, source, args.format, many)
            if args.flags_only:
                flags = render_flags(digest) or "No sentence to check.\n"
                sys.stdout.write(f"{source}:\n{flags}\n" if many else flags)
            elif target is not None:
                write_digest(digest, target, args.format, overwrite=args.overwrite)
                print(f"{source}: wrote {target}", file=sys.stderr)
            elif args.format == "json" and many:
                printed_json.append(digest.to_json_dict())
            else:
                sys.stdout.write(render_digest(digest, args.format).decode("utf-8"))
                sys.stdout.write("\n")
        except DigestError as error:
            message = str(error)
            # Document errors already start with the file's name.
            status = _fail(message if message.startswith(source.name) else f"{source}: {message}")
    if printed_json:
        json.dump(printed_json, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return status


def show_history() -> int:
    from models.documents.history import History

    entries = History().entries()
    if not entries:
        print("No digests yet.")
    for entry in entries:
        print(f"{entry.created}  {entry.title}  ({entry.source_path or 'no file'})  {entry.path}")
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
        print(f"{spec.task:14} {spec.repo_id:40} {spec.licence:11} ~{spec.size_mb} MB  {state}")
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


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["models"]:
            return run_models(argv[1:])
        args = _digest_parser().parse_args(argv)
        if not args.verbose:
            # torch's and transformers' deprecation notices are for developers: the user
            # gets one line per problem, nothing else on stderr.
            warnings.simplefilter("ignore")
        if args.history:
            return show_history()
        return run_digests(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
