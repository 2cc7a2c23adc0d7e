"""Where models live on disk: find them, check them, fetch them, convert old weights.

A task's model is looked for, in order:

1. ``<models_dir>/<task>`` or ``<models_dir>/<repo name>`` (``--models-dir``, the settings, or
   the ``ARTICLE_DIGEST_MODELS`` environment variable), a plain folder as ``save_pretrained``
   writes it;
2. the Hugging Face cache (``HF_HOME`` / ``HF_HUB_CACHE``), shared with other tools.

Nothing here touches the network unless :func:`download` is called, and that honours
``HF_HUB_OFFLINE``. Weights are loaded from safetensors only; a model that ships only a
PyTorch ``.bin`` is converted once with torch's weights-only loader (which refuses to
unpickle anything but tensors) into an app-owned folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from models.catalog import ModelSpec
from models.paths import user_data_dir
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


def _folder_candidates(spec: ModelSpec, models_dir: Path) -> list[Path]:
    return [models_dir / spec.task, models_dir / spec.folder_name, models_dir / spec.repo_id.replace("/", "--")]


def _cached_snapshot(spec: ModelSpec) -> Path | None:
    """The model's snapshot in the Hugging Face cache, without any network access."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        path = snapshot_download(spec.repo_id, revision=spec.revision, local_files_only=True)
    except (LocalEntryNotFoundError, FileNotFoundError, OSError, ValueError):
        return None
    return Path(path)


def locate(spec: ModelSpec, models_dir: Path | str | None = None) -> ModelLocation:
    """Find ``spec``'s model on disk or raise :class:`ModelUnavailable` saying where we looked."""
    folder_root = Path(models_dir).expanduser() if models_dir else models_dir_from_env()
    tried: list[str] = []
    if folder_root is not None:
        for candidate in _folder_candidates(spec, folder_root):
            if candidate.is_dir():
                problems = folder_problems(candidate)
                if problems:
                    raise ModelUnavailable(f"model folder {candidate} is unusable: {'; '.join(problems)}")
                return ModelLocation(candidate, "folder")
        tried.append(f"{folder_root}/{spec.task} or {folder_root}/{spec.folder_name}")
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
    stat = source.stat()
    key = hashlib.sha256(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    target = converted_dir() / f"{folder.name}-{key}"
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


DownloadProgress = Callable[[int, int], None]
"""Called with (bytes done, bytes total) while a download runs."""


def download(
    spec: ModelSpec,
    *,
    progress: DownloadProgress | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Fetch ``spec``'s files into the Hugging Face cache (resuming a partial download).

    Only what the app loads is fetched: config, tokenizer, and safetensors weights (or the
    ``.bin`` when the repository has no safetensors). Raises :class:`ModelUnavailable` with
    a one-line reason when offline, unreachable or refused.
    """
    if hub_offline():
        raise ModelUnavailable(
            f"{spec.repo_id} is not installed and HF_HUB_OFFLINE is set; download it on another "
            "machine and choose its folder"
        )
    from huggingface_hub import HfApi, snapshot_download
    from tqdm.auto import tqdm

    class _ReportingBar(tqdm):  # type: ignore[misc]
        """Forwards the hub's byte counts to ``progress`` and checks ``cancel``."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["disable"] = False
            kwargs["file"] = open(os.devnull, "w")  # noqa: SIM115 - closed with the bar
            super().__init__(*args, **kwargs)

        def update(self, n: float | None = 1) -> bool | None:
            if cancel is not None:
                cancel.raise_if_cancelled()
            result = super().update(n)
            if progress is not None and self.unit == "B":
                progress(int(self.n), int(self.total or 0))
            return result

        def close(self) -> None:
            super().close()
            self.fp.close()

    try:
        # model_info is one request without the hub's retry back-off: an unreachable hub is
        # reported in about a second rather than after half a minute of retries.
        info = HfApi().model_info(spec.repo_id, revision=spec.revision)
        files = {sibling.rfilename for sibling in info.siblings or ()}
        weights = ["*.safetensors"] if any(name.endswith(".safetensors") for name in files) else ["pytorch_model.bin"]
        path = snapshot_download(
            spec.repo_id,
            revision=spec.revision,
            allow_patterns=[*_CONFIG_AND_TOKENIZER_PATTERNS, *weights],
            tqdm_class=_ReportingBar,
        )
    except Cancelled:
        raise
    except Exception as error:  # noqa: BLE001 - the hub's transport errors differ by version (requests, httpx)
        raise ModelUnavailable(f"could not download {spec.repo_id}: {_describe_hub_error(error)}") from error
    return Path(path)


def _describe_hub_error(error: Exception) -> str:
    """One line a user can act on, whichever HTTP library the hub client uses."""
    from huggingface_hub import constants

    kind = error.__class__.__name__
    detail = (str(error).strip().splitlines() or [kind])[0]
    if "Connect" in kind or "Timeout" in kind:
        return (
            f"cannot reach the Hugging Face Hub at {constants.ENDPOINT} ({detail}); check the network, "
            "or download the model on another machine and choose its folder"
        )
    return detail
