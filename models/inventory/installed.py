"""Which models are on this computer, and where: find a task's model, describe its state,
point it at a folder the user chose, remove it.

A task's model is looked for, in order:

1. ``<models_dir>/<task>`` or ``<models_dir>/<repo name>`` (``--models-dir``, the settings, or
   the ``ARTICLE_DIGEST_MODELS`` environment variable), a plain folder as ``save_pretrained``
   writes it;
2. the app's own downloads (``<user data>/models/<org>--<name>``, see
   :mod:`models.inventory.downloads`);
3. the Hugging Face cache (``HF_HOME`` / ``HF_HUB_CACHE``), so models other tools fetched are
   used as they are.

Nothing here touches the network. :func:`missing` is the one answer to "can a digest run":
the window's model check, the CLI and the pipeline all ask it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from models.common.atomic import atomic_write_bytes
from models.common.paths import user_data_dir
from models.common.types import ModelUnavailable
from models.common.units import format_bytes
from models.inventory.catalog import ModelSpec, task_label
from models.inventory.copies import derived_copies

MODELS_DIR_ENV = "ARTICLE_DIGEST_MODELS"

#: Files a usable model folder needs besides weights: a config and some tokenizer.
_TOKENIZER_FILES = ("tokenizer.json", "source.spm", "vocab.json", "spiece.model", "sentencepiece.bpe.model")

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
    data = read_json_object(_chosen_folders_file())
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

def downloads_dir() -> Path:
    """Where :func:`download` installs models: one plain folder per repository."""
    return user_data_dir() / "models"

def download_folder(spec: ModelSpec) -> Path:
    return downloads_dir() / spec.repo_id.replace("/", "--")

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
            return ModelStatus(spec, "partial", f"download stopped at {format_bytes(done)}; it resumes", None, None, done)
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


def missing(specs: Iterable[ModelSpec], models_dir: Path | str | None = None) -> list[str]:
    """One line per model in ``specs`` that is not on disk ("Summary model: ... is not
    installed (looked in ...)"); empty when a digest can run."""
    problems = []
    for spec in specs:
        try:
            locate(spec, models_dir)
        except ModelUnavailable as error:
            problems.append(f"{task_label(spec.task)} model: {error}")
    return problems


def read_json_object(path: Path) -> dict:
    """The JSON object in ``path``; empty when the file is missing, unreadable or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
