"""Where models live on disk: find them, check them, fetch them, convert old weights.

A task's model is looked for, in order:

1. ``<models_dir>/<task>`` or ``<models_dir>/<repo name>`` (``--models-dir``, the settings, or
   the ``ARTICLE_DIGEST_MODELS`` environment variable), a plain folder as ``save_pretrained``
   writes it;
2. the app's own downloads (``<user data>/models/<org>--<name>``, see :func:`download`);
3. the Hugging Face cache (``HF_HOME`` / ``HF_HUB_CACHE``), so models other tools fetched are
   used as they are.

Nothing here touches the network unless :func:`download` is called, and that honours
``HF_HUB_OFFLINE``. Weights are loaded from safetensors only; a model that ships only a
PyTorch ``.bin`` is converted once with torch's weights-only loader (which refuses to
unpickle anything but tensors) into an app-owned folder.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from models.catalog import ModelSpec
from models.paths import user_cache_dir, user_data_dir
from models.types import Cancelled, CancelToken, ModelUnavailable

MODELS_DIR_ENV = "ARTICLE_DIGEST_MODELS"

#: Files a usable model folder needs besides weights: a config and some tokenizer.
_TOKENIZER_FILES = ("tokenizer.json", "source.spm", "vocab.json", "spiece.model", "sentencepiece.bpe.model")
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
class ModelLocation:
    """A model folder found on disk, and where it came from (``folder`` or ``cache``)."""

    path: Path
    origin: str


def models_dir_from_env() -> Path | None:
    value = os.environ.get(MODELS_DIR_ENV)
    return Path(value).expanduser() if value else None


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def folder_problems(folder: Path) -> list[str]:
    """What makes ``folder`` unusable as a model folder (empty when it looks complete)."""
    if not folder.is_dir():
        return [f"{folder} is not a folder"]
    problems = []
    config = folder / "config.json"
    if not config.is_file():
        problems.append("no config.json")
    else:
        try:
            json.loads(config.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            problems.append(f"config.json is unreadable ({error.__class__.__name__})")
    if not any((folder / name).is_file() for name in _TOKENIZER_FILES):
        problems.append("no tokenizer files")
    if not (any(folder.glob("*.safetensors")) or (folder / "pytorch_model.bin").is_file()):
        problems.append("no weights (model.safetensors)")
    return problems


def _chosen_folders_file() -> Path:
    return user_data_dir() / "model-folders.json"


def chosen_folders() -> dict[str, str]:
    """Folders the user pointed models at (repository id -> folder), e.g. a copy made on
    another machine; they come before every other place."""
    data = _read_json(_chosen_folders_file())
    return {str(repo): str(folder) for repo, folder in data.items()}


def choose_folder(spec: ModelSpec, folder: Path | str | None) -> None:
    """Point ``spec``'s model at ``folder`` (None forgets the choice).

    Raises :class:`ModelUnavailable` with the reasons when the folder is not a usable model.
    """
    folders = chosen_folders()
    if folder is None:
        folders.pop(spec.repo_id, None)
    else:
        folder = Path(folder).expanduser().resolve()
        problems = folder_problems(folder)
        if problems:
            raise ModelUnavailable(f"{folder} is not a usable model folder: {'; '.join(problems)}")
        folders[spec.repo_id] = str(folder)
    from models.atomic import atomic_write_bytes

    _chosen_folders_file().parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(_chosen_folders_file(), json.dumps(folders, indent=1).encode("utf-8"))


def _folder_candidates(spec: ModelSpec, models_dir: Path) -> list[Path]:
    return [models_dir / spec.task, models_dir / spec.folder_name, models_dir / spec.repo_id.replace("/", "--")]


def hub_cache_dir() -> Path:
    """The Hugging Face cache, read from the environment on every call.

    huggingface_hub reads ``HF_HUB_CACHE``/``HF_HOME`` once, when it is first imported; asking
    here each time means a folder chosen later (tests, settings) is honoured too.
    """
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    xdg_cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg_cache).expanduser() / "huggingface" / "hub"


def hub_endpoint() -> str | None:
    """``HF_ENDPOINT`` as set now (None: the library's default, huggingface.co)."""
    return os.environ.get("HF_ENDPOINT") or None


def repo_cache_folder(spec: ModelSpec) -> Path:
    """The model's folder in the Hugging Face cache (``models--org--name``)."""
    return hub_cache_dir() / ("models--" + spec.repo_id.replace("/", "--"))


def _cached_snapshot(spec: ModelSpec) -> Path | None:
    """The model's snapshot in the Hugging Face cache, without any network access."""
    repo = repo_cache_folder(spec)
    ref = repo / "refs" / spec.revision
    try:
        commit = ref.read_text(encoding="utf-8").strip() if ref.is_file() else spec.revision
    except OSError:
        return None
    snapshot = repo / "snapshots" / commit
    return snapshot if snapshot.is_dir() else None


def locate(spec: ModelSpec, models_dir: Path | str | None = None) -> ModelLocation:
    """Find ``spec``'s model on disk or raise :class:`ModelUnavailable` saying where we looked."""
    folder_root = Path(models_dir).expanduser() if models_dir else models_dir_from_env()
    tried: list[str] = []
    chosen = chosen_folders().get(spec.repo_id)
    if chosen is not None:
        problems = folder_problems(Path(chosen))
        if problems:
            raise ModelUnavailable(f"the folder chosen for {spec.repo_id}, {chosen}, is unusable: {'; '.join(problems)}")
        return ModelLocation(Path(chosen), "chosen")
    if folder_root is not None:
        for candidate in _folder_candidates(spec, folder_root):
            if candidate.is_dir():
                problems = folder_problems(candidate)
                if problems:
                    raise ModelUnavailable(f"model folder {candidate} is unusable: {'; '.join(problems)}")
                return ModelLocation(candidate, "folder")
        tried.append(f"{folder_root}/{spec.task} or {folder_root}/{spec.folder_name}")
    downloaded = download_folder(spec)
    if downloaded.is_dir() and not folder_problems(downloaded):
        return ModelLocation(downloaded, "downloaded")
    tried.append(str(downloaded))
    snapshot = _cached_snapshot(spec)
    if snapshot is not None:
        problems = folder_problems(snapshot)
        if not problems:
            return ModelLocation(snapshot, "cache")
        tried.append(f"the Hugging Face cache (incomplete: {'; '.join(problems)})")
    else:
        tried.append("the Hugging Face cache")
    raise ModelUnavailable(f"{spec.repo_id} is not installed (looked in {', '.join(tried)})")


def converted_dir() -> Path:
    return user_data_dir() / "converted"


def cache_stem(folder: Path) -> str:
    """How the app's copies of the model in ``folder`` (int8, CTranslate2) begin their names:
    the folder's name and a hash of where it is, so same-named folders elsewhere (every models
    folder has a ``translate-ru``) keep their own copies."""
    return f"{folder.name}-{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:8]}"


#: The user-cache folders that hold copies made from a model folder, named ``<cache_stem>-<key>``:
#: int8 PyTorch weights (:mod:`models.quantize`) and CTranslate2 conversions (:mod:`models.ct2`).
INT8_COPIES, CT2_COPIES = "int8", "ct2"
DERIVED_CACHE_FOLDERS = (INT8_COPIES, CT2_COPIES)


#: A partial copy this old was left by a process stopped mid-write (a copy takes under a minute).
ABANDONED_AFTER_S = 600


def remove_abandoned_partials(folder: Path, pattern: str) -> None:
    """Delete what matches ``pattern`` in ``folder`` and has not been written to for
    :data:`ABANDONED_AFTER_S`: partial copies of a process that was stopped while writing them
    (closing the window stops the engine even in the middle of a conversion)."""
    cutoff = time.time() - ABANDONED_AFTER_S
    for path in folder.glob(pattern):
        try:
            if path.stat().st_mtime < cutoff:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        except OSError:
            pass  # another process's, or already gone


def _safetensors_copy(folder: Path) -> Path | None:
    """Where :func:`ensure_safetensors` keeps the converted copy of ``folder`` (None: no .bin)."""
    source = folder / "pytorch_model.bin"
    if not source.is_file():
        return None
    stat = source.stat()
    key = hashlib.sha256(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    return converted_dir() / f"{folder.name}-{key}"


def derived_copies(folder: Path) -> list[Path]:
    """The copies the app made from the model in ``folder`` and keeps in its own folders: the
    safetensors conversion of a ``.bin`` checkpoint, and the int8 and CTranslate2 copies."""
    sources, copies = [folder], []
    converted = _safetensors_copy(folder)
    if converted is not None and converted.exists():
        sources.append(converted)
        copies.append(converted)
    for source in sources:
        stem = cache_stem(source)
        for kind in DERIVED_CACHE_FOLDERS:
            copies += sorted((user_cache_dir() / kind).glob(f"{stem}-*"))
    return copies


def ensure_safetensors(folder: Path) -> Path:
    """A folder with the same model whose weights are safetensors.

    ``folder`` itself when it has them; otherwise an app-owned copy whose weights were read
    from ``pytorch_model.bin`` with ``torch.load(weights_only=True)`` once and saved as
    safetensors. The copy is keyed by the source file's path, size and time, so a changed
    source is converted again.
    """
    if any(folder.glob("*.safetensors")):
        return folder
    source = folder / "pytorch_model.bin"
    target = _safetensors_copy(folder)
    if target is None:
        raise FileNotFoundError(f"{folder} holds neither safetensors weights nor pytorch_model.bin")
    if (target / "model.safetensors").is_file():
        return target

    import torch
    from safetensors.torch import save_file

    try:
        state = torch.load(source, map_location="cpu", weights_only=True)
    except Exception as error:  # the weights-only unpickler raises many kinds of error
        raise ModelUnavailable(f"{source} is not a plain weights file: {error}") from error
    if not isinstance(state, dict) or not all(isinstance(value, torch.Tensor) for value in state.values()):
        raise ModelUnavailable(f"{source} does not hold a state dict of tensors")
    # safetensors refuses tensors that share memory (tied embeddings): give each its own copy.
    seen: set[int] = set()
    tensors: dict[str, torch.Tensor] = {}
    for name, tensor in state.items():
        pointer = tensor.untyped_storage().data_ptr()
        tensors[name] = tensor.clone().contiguous() if pointer in seen else tensor.contiguous()
        seen.add(pointer)

    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for item in folder.iterdir():
        if item.is_file() and item.name != "pytorch_model.bin" and not item.name.endswith((".h5", ".msgpack", ".ot")):
            shutil.copy2(item, staging / item.name)
    save_file(tensors, str(staging / "model.safetensors"), metadata={"format": "pt"})
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


@dataclass(frozen=True)
class DownloadProgress:
    """Bytes fetched so far, for one file and for the whole model."""

    repo_id: str
    filename: str
    file_done: int
    file_total: int
    done: int
    total: int


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


def _sha256(path: Path, cancel: CancelToken | None = None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            if cancel is not None:
                cancel.raise_if_cancelled()
            digest.update(block)
    return digest.hexdigest()


def _file_problem(path: Path, expected: RemoteFile, cancel: CancelToken | None = None) -> str | None:
    """Why a downloaded file does not match the Hub's listing (None when it does)."""
    size = path.stat().st_size
    if size != expected.size:
        return f"{expected.name} has {size} bytes, expected {expected.size}"
    if expected.sha256 and _sha256(path, cancel) != expected.sha256:
        return f"{expected.name} does not match its SHA-256"
    return None


def downloads_dir() -> Path:
    """Where :func:`download` installs models: one plain folder per repository."""
    return user_data_dir() / "models"


def download_folder(spec: ModelSpec) -> Path:
    return downloads_dir() / spec.repo_id.replace("/", "--")


_MANIFEST = ".article-digest-download.json"
_CHUNK_BYTES = 256 * 1024


def download(
    spec: ModelSpec,
    *,
    progress: Callable[[DownloadProgress], None] | None = None,
    cancel: CancelToken | None = None,
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
    disk full, bad hash) and :class:`Cancelled` when cancelled.
    """
    if hub_offline():
        raise ModelUnavailable(
            f"{spec.repo_id} is not installed and HF_HUB_OFFLINE is set; download it on another "
            "machine and choose its folder"
        )
    try:
        return _download(spec, progress, cancel)
    except (Cancelled, ModelUnavailable):
        raise
    except Exception as error:  # noqa: BLE001 - the hub's transport errors differ by version (requests, httpx)
        raise ModelUnavailable(f"could not download {spec.repo_id}: {_describe_hub_error(error)}") from error


def _download(
    spec: ModelSpec, progress: Callable[[DownloadProgress], None] | None, cancel: CancelToken | None
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
    if staging.is_dir() and _read_json(staged_manifest).get("commit") != commit:
        shutil.rmtree(staging)  # partial files of another revision cannot be resumed
    staging.mkdir(parents=True, exist_ok=True)
    staged_manifest.write_text(json.dumps(manifest, indent=1), encoding="utf-8")

    total = sum(item.size for item in wanted)
    finished = 0
    for item in wanted:

        def report(file_done: int, item: RemoteFile = item) -> None:
            if progress is not None:
                progress(DownloadProgress(spec.repo_id, item.name, file_done, item.size, finished + file_done, total))

        destination = staging / item.name
        if not (destination.is_file() and _file_problem(destination, item, cancel) is None):
            _fetch_verified(spec, commit, item, destination, report, cancel)
        report(item.size)
        finished += item.size

    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


def _fetch_verified(
    spec: ModelSpec,
    commit: str,
    item: RemoteFile,
    destination: Path,
    report: Callable[[int], None],
    cancel: CancelToken | None,
) -> None:
    partial = destination.with_name(destination.name + ".partial")
    for attempt in (1, 2):
        _fetch_resuming(spec, commit, item.name, partial, report, cancel)
        problem = _file_problem(partial, item, cancel)
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
    cancel: CancelToken | None,
) -> None:
    from huggingface_hub.errors import HfHubHTTPError

    for _ in range(_RESUME_TRIES):
        before = _size(partial)
        try:
            _fetch(spec, commit, filename, partial, report, cancel)
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
    cancel: CancelToken | None,
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
                if cancel is not None:
                    cancel.raise_if_cancelled()
                handle.write(block)
                done += len(block)
                report(done)


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def verify(spec: ModelSpec, models_dir: Path | str | None = None, cancel: CancelToken | None = None) -> list[str]:
    """What is wrong with the installed model (empty when it is whole). Works offline.

    The cache names each large file's blob by its SHA-256 (the Hub's LFS ETag), so the hash
    is checked without asking the Hub.
    """
    try:
        location = locate(spec, models_dir)
    except ModelUnavailable as error:
        return [str(error)]
    problems = folder_problems(location.path)
    recorded = _read_json(location.path / _MANIFEST).get("files", {})
    for name, expected in recorded.items():
        file = location.path / name
        if not file.is_file():
            problems.append(f"{name} is missing")
            continue
        problem = _file_problem(file, RemoteFile(name, int(expected["size"]), expected.get("sha256")), cancel)
        if problem:
            problems.append(problem)
    if location.origin == "cache":
        for link in sorted(location.path.iterdir()):
            blob = link.resolve()
            if len(blob.name) == 64 and all(c in "0123456789abcdef" for c in blob.name):
                if _sha256(blob, cancel) != blob.name:
                    problems.append(f"{link.name} does not match its SHA-256")
    return problems


@dataclass(frozen=True)
class ModelStatus:
    """What the Models dialog shows for one model. ``state`` is ``installed``, ``missing``,
    ``partial`` (a download was interrupted; the next one resumes) or ``broken``."""

    spec: ModelSpec
    state: str
    detail: str
    path: Path | None = None
    origin: str | None = None
    disk_bytes: int = 0


def status(spec: ModelSpec, models_dir: Path | str | None = None) -> ModelStatus:
    """``spec``'s model as it is on disk now (no hashing, no network)."""
    try:
        location = locate(spec, models_dir)
    except ModelUnavailable as error:
        staging = download_folder(spec).with_name(download_folder(spec).name + ".download")
        if staging.is_dir():
            done = disk_usage(staging)
            return ModelStatus(spec, "partial", f"download stopped at {done / 1e6:,.0f} MB; it resumes", None, None, done)
        state = "broken" if "unusable" in str(error) else "missing"
        return ModelStatus(spec, state, str(error))
    return ModelStatus(
        spec, "installed", f"{location.origin}: {location.path}", location.path, location.origin, disk_usage(location.path)
    )


def disk_usage(path: Path) -> int:
    """Bytes the files under ``path`` (or the file ``path``) take (each blob once, links not followed)."""
    if not path.exists():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def remove(spec: ModelSpec) -> int:
    """Delete the model's download (and partial download), its Hugging Face cache copy and the
    copies the app made from either (:func:`derived_copies`); returns the bytes freed. A folder
    the user chose is theirs, and is never deleted (its derived copies are left too: it is
    still in use)."""
    folder = download_folder(spec)
    models = [folder, *sorted((repo_cache_folder(spec) / "snapshots").glob("*"))]
    paths = [copy for model in models if model.is_dir() for copy in derived_copies(model)]
    paths += [folder, folder.with_name(folder.name + ".download"), repo_cache_folder(spec)]
    freed = 0
    for path in paths:
        freed += disk_usage(path)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return freed


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
