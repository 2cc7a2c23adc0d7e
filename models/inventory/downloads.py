"""Getting models from the Hugging Face Hub, and checking them: resumable, verified downloads
into the app's own folder, and :func:`verify` for a model already on disk.

Nothing here runs unless the user asks for a download (the Models dialog, ``models download``);
``HF_HUB_OFFLINE`` is honoured.
"""

from __future__ import annotations

import errno
import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from models.common.job_state import JobState
from models.common.types import Cancelled, ModelUnavailable
from models.common.units import format_bytes
from models.inventory.catalog import ModelSpec
from models.inventory.installed import (
    download_folder,
    folder_problems,
    hub_cache_dir,
    hub_endpoint,
    hub_offline,
    locate,
    read_json_object,
)

_CONFIG_AND_TOKENIZER_PATTERNS = [
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.json",
    "merges.txt",
    "*.spm",
]

@dataclass(frozen=True)
class RemoteFile:
    """A file of a Hub repository as its listing describes it (``sha256`` for LFS files)."""

    name: str
    size: int
    sha256: str | None

def _wanted_files(files: list[RemoteFile]) -> list[RemoteFile]:
    """The files the app loads: config, tokenizer, and safetensors weights (else the .bin)."""
    from fnmatch import fnmatch

    has_safetensors = any(item.name.endswith(".safetensors") for item in files)
    weights = ["*.safetensors"] if has_safetensors else ["pytorch_model.bin"]
    patterns = [*_CONFIG_AND_TOKENIZER_PATTERNS, *weights]
    return [item for item in files if "/" not in item.name and any(fnmatch(item.name, pattern) for pattern in patterns)]

def _sha256(path: Path, state: JobState | None = None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            if state is not None:
                state.raise_if_interrupted()
            digest.update(block)
    return digest.hexdigest()

def _file_problem(path: Path, expected: RemoteFile, state: JobState | None = None) -> str | None:
    """Why a downloaded file does not match the Hub's listing (None when it does)."""
    size = path.stat().st_size
    if size != expected.size:
        return f"{expected.name} has {size} bytes, expected {expected.size}"
    if expected.sha256 and _sha256(path, state) != expected.sha256:
        return f"{expected.name} does not match its SHA-256"
    return None

_MANIFEST = ".article-digest-download.json"

_CHUNK_BYTES = 256 * 1024

def download(
    spec: ModelSpec,
    state: JobState | None = None,
) -> Path:
    """Fetch ``spec``'s files from the Hub, verify them, and install them; returns the folder.

    Files arrive in a staging folder as ``<name>.partial``; an interrupted or cancelled
    download keeps them and the next call resumes each with a ``Range`` request. (The
    huggingface_hub cache deletes partial files when a transfer fails, so it cannot resume
    across attempts; that is why the app downloads into a folder of its own.) Every file is
    checked against the size and SHA-256 the Hub lists; a file that does not match is fetched
    once more from scratch, and refused if it still does not. The model is moved into place
    only when every file is whole, so a half-installed model is never used.

    Raises :class:`ModelUnavailable` with a one-line reason (offline, unreachable, not found,
    disk full, bad hash) and :class:`Cancelled` when ``state`` is interrupted. ``state`` gets
    the fraction of the model's bytes fetched, and a status naming the file, the bytes and the
    rate.
    """
    if hub_offline():
        raise ModelUnavailable(
            f"{spec.repo_id} is not installed and HF_HUB_OFFLINE is set; download it on another "
            "machine and choose its folder"
        )
    try:
        return _download(spec, state or JobState())
    except (Cancelled, ModelUnavailable):
        raise
    except Exception as error:  # noqa: BLE001 - the hub's transport errors differ by version (requests, httpx)
        raise ModelUnavailable(f"could not download {spec.repo_id}: {_describe_hub_error(error)}") from error

def _download(
    spec: ModelSpec, state: JobState
) -> Path:
    from huggingface_hub import HfApi

    # model_info is one request without the hub's retry back-off: an unreachable hub is
    # reported in about a second rather than after half a minute of retries.
    info = HfApi(endpoint=hub_endpoint()).model_info(spec.repo_id, revision=spec.revision, files_metadata=True)
    listing = [
        RemoteFile(
            name=sibling.rfilename,
            size=int(sibling.lfs.size if sibling.lfs else sibling.size or 0),
            sha256=sibling.lfs.sha256 if sibling.lfs else None,
        )
        for sibling in info.siblings or ()
    ]
    wanted = _wanted_files(listing)
    if not any(item.name.endswith((".safetensors", ".bin")) for item in wanted):
        raise ModelUnavailable(f"{spec.repo_id} has no weights the app can load")
    commit = str(info.sha or spec.revision)

    target = download_folder(spec)
    staging = target.with_name(target.name + ".download")
    manifest = {
        "repo_id": spec.repo_id,
        "commit": commit,
        "files": {item.name: {"size": item.size, "sha256": item.sha256} for item in wanted},
    }
    staged_manifest = staging / _MANIFEST
    if staging.is_dir() and read_json_object(staged_manifest).get("commit") != commit:
        shutil.rmtree(staging)  # partial files of another revision cannot be resumed
    staging.mkdir(parents=True, exist_ok=True)
    staged_manifest.write_text(json.dumps(manifest, indent=1), encoding="utf-8")

    total = sum(item.size for item in wanted)
    finished = 0
    rate = _TransferRate()
    for item in wanted:

        def report(file_done: int, item: RemoteFile = item) -> None:
            done = finished + file_done
            state.report(
                done / total if total else 1.0,
                f"{spec.repo_id}: {item.name} {format_bytes(file_done)} of {format_bytes(item.size)}; "
                f"model {format_bytes(done)} of {format_bytes(total)}{rate.text(done)}",
            )

        destination = staging / item.name
        if not (destination.is_file() and _file_problem(destination, item, state) is None):
            _fetch_verified(spec, commit, item, destination, report, state)
        report(item.size)
        finished += item.size

    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target

class _TransferRate:
    """Bytes per second over the last half second or more, as " — 1.2 MB/s" (empty at first)."""

    def __init__(self) -> None:
        self._mark: tuple[float, int] | None = None
        self._rate = 0.0

    def text(self, done: int) -> str:
        now = time.monotonic()
        if self._mark is None:
            self._mark = (now, done)
        elif now - self._mark[0] >= 0.5:
            self._rate = (done - self._mark[1]) / (now - self._mark[0])
            self._mark = (now, done)
        return f" — {format_bytes(self._rate)}/s" if self._rate > 0 else ""


def _fetch_verified(
    spec: ModelSpec,
    commit: str,
    item: RemoteFile,
    destination: Path,
    report: Callable[[int], None],
    state: JobState | None,
) -> None:
    partial = destination.with_name(destination.name + ".partial")
    for attempt in (1, 2):
        _fetch_resuming(spec, commit, item.name, partial, report, state)
        problem = _file_problem(partial, item, state)
        if problem is None:
            partial.replace(destination)
            return
        # Never keep a bad file: the second attempt starts from zero.
        partial.unlink(missing_ok=True)
        if attempt == 2:
            raise ModelUnavailable(f"{spec.repo_id}: {problem} after downloading it twice; try again later")

#: A transfer that breaks is resumed at once this many times, as long as each try brings data.
_RESUME_TRIES = 5

def _fetch_resuming(
    spec: ModelSpec,
    commit: str,
    filename: str,
    partial: Path,
    report: Callable[[int], None],
    state: JobState | None,
) -> None:
    from huggingface_hub.errors import HfHubHTTPError

    for _ in range(_RESUME_TRIES):
        before = _size(partial)
        try:
            _fetch(spec, commit, filename, partial, report, state)
            return
        except (Cancelled, HfHubHTTPError):
            raise
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EACCES, errno.EROFS):
                raise
            broken: Exception = error
        except Exception as error:  # noqa: BLE001 - a dropped connection, whatever the HTTP library calls it
            broken = error
        if _size(partial) <= before:
            raise broken
    raise ModelUnavailable(f"could not download {spec.repo_id}: the connection kept breaking; try again later")

def _fetch(
    spec: ModelSpec,
    commit: str,
    filename: str,
    partial: Path,
    report: Callable[[int], None],
    state: JobState | None,
) -> None:
    """Append the rest of ``filename`` to ``partial`` (a ``Range`` request when it has a start)."""
    from huggingface_hub import get_session, hf_hub_url
    from huggingface_hub.utils import build_hf_headers, hf_raise_for_status

    url = hf_hub_url(spec.repo_id, filename, revision=commit, endpoint=hub_endpoint())
    start = _size(partial)
    headers = build_hf_headers()
    headers["Accept-Encoding"] = "identity"  # sizes must be the file's own
    if start:
        headers["Range"] = f"bytes={start}-"
    with get_session().stream("GET", url, headers=headers, follow_redirects=True, timeout=30) as response:
        if response.status_code == 416:  # already complete: the Range starts at the end
            return
        hf_raise_for_status(response)
        mode = "ab" if start and response.status_code == 206 else "wb"
        done = start if mode == "ab" else 0
        report(done)
        with open(partial, mode) as handle:
            for block in response.iter_bytes(_CHUNK_BYTES):
                if state is not None:
                    state.raise_if_interrupted()
                handle.write(block)
                done += len(block)
                report(done)

def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


def verify(spec: ModelSpec, models_dir: Path | str | None = None, state: JobState | None = None) -> list[str]:
    """What is wrong with the installed model (empty when it is whole). Works offline.

    The cache names each large file's blob by its SHA-256 (the Hub's LFS ETag), so the hash
    is checked without asking the Hub.
    """
    try:
        location = locate(spec, models_dir)
    except ModelUnavailable as error:
        return [str(error)]
    problems = folder_problems(location.path)
    recorded = read_json_object(location.path / _MANIFEST).get("files", {})
    for name, expected in recorded.items():
        file = location.path / name
        if not file.is_file():
            problems.append(f"{name} is missing")
            continue
        problem = _file_problem(file, RemoteFile(name, int(expected["size"]), expected.get("sha256")), state)
        if problem:
            problems.append(problem)
    if location.origin == "cache":
        for link in sorted(location.path.iterdir()):
            blob = link.resolve()
            if len(blob.name) == 64 and all(c in "0123456789abcdef" for c in blob.name):
                if _sha256(blob, state) != blob.name:
                    problems.append(f"{link.name} does not match its SHA-256")
    return problems

def _describe_hub_error(error: Exception) -> str:
    """One line a user can act on, whichever HTTP library the hub client uses."""
    kind = error.__class__.__name__
    detail = (str(error).strip().splitlines() or [kind])[0]
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return f"not enough disk space in {hub_cache_dir()}; free some space and try again"
    if isinstance(error, PermissionError):
        return f"cannot write to {hub_cache_dir()} (permission denied)"
    if kind in {"RepositoryNotFoundError", "EntryNotFoundError", "RevisionNotFoundError", "RemoteEntryNotFoundError"}:
        return f"not found on the Hub ({detail})"
    if "Connect" in kind or "Timeout" in kind:
        return (
            f"cannot reach the Hugging Face Hub at {hub_endpoint() or 'https://huggingface.co'} ({detail}); check the network, "
            "or download the model on another machine and choose its folder"
        )
    return detail
