"""The copies the app makes from a model folder and keeps in its own folders: a safetensors
conversion of a ``pytorch_model.bin``, int8 PyTorch weights and CTranslate2 conversions.

Every copy is named here, by :func:`copy_path`: the source folder's name and location
(:func:`cache_stem`) plus a key of what the copy depends on, so a changed source, converter
or torch makes a new copy, and same-named folders elsewhere keep their own.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from models.common.atomic import move_into_place
from models.common.paths import user_cache_dir, user_data_dir
from models.common.types import ModelUnavailable

def converted_dir() -> Path:
    return user_data_dir() / "converted"

def cache_stem(folder: Path) -> str:
    """How the app's copies of the model in ``folder`` (int8, CTranslate2) begin their names:
    the folder's name and a hash of where it is, so same-named folders elsewhere (every models
    folder has a ``translate-ru``) keep their own copies."""
    return f"{folder.name}-{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:8]}"

#: The user-cache folders that hold copies made from a model folder, named ``<cache_stem>-<key>``:
#: int8 PyTorch weights (:mod:`models.inference.quantize`) and CTranslate2 conversions (:mod:`models.inference.ctranslate2_backend`).
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
        raise ModelUnavailable(f"{folder} holds neither safetensors weights nor pytorch_model.bin")
    if (target / "model.safetensors").is_file():
        return target

    import pickle
    import warnings

    import torch
    from safetensors.torch import save_file

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the unpickler's notes on pickle protocols: noise here
            state = torch.load(source, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        # torch's explanation runs to a dozen lines; the user gets one, the details stay in
        # the exception's __cause__ (the CLI shows them with --verbose).
        raise ModelUnavailable(
            f"{source} is not a plain weights file (it holds code or objects other than tensors); it was not loaded"
        ) from error
    except Exception as error:  # noqa: BLE001 - a damaged zip, an empty file: torch has no common base
        raise ModelUnavailable(f"{source} is not a readable weights file (damaged or truncated); it was not loaded") from error
    if not isinstance(state, dict) or not all(isinstance(value, torch.Tensor) for value in state.values()):
        raise ModelUnavailable(f"{source} is not a plain weights file (it holds objects other than tensors); it was not loaded")
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
    if target.exists() and not (target / "model.safetensors").is_file():
        shutil.rmtree(target, ignore_errors=True)  # not a finished copy
    # A copy that another process finished first is the same (same key): it is used.
    move_into_place(staging, target, existing="keep")
    return target


#: What a copy's source had to pass to be copied; changing it retires every older copy.
_COPY_RULES = "weights checked against the architecture"


def copy_path(kind: str, folder: Path, maker: str, suffix: str = "") -> Path:
    """Where the ``kind`` copy (:data:`INT8_COPIES`, :data:`CT2_COPIES`) of the model in
    ``folder`` is kept: keyed by ``maker`` (the converter and its version), the weights'
    paths, sizes and times, and the configs.

    The key also carries :data:`_COPY_RULES`: copies made before the loaders refused weights
    files with missing or unexpected tensors may hold a damaged model, and are not reused."""
    digest = hashlib.sha256(f"{maker}|{_COPY_RULES}".encode())
    for weights in sorted(folder.glob("*.safetensors")):
        resolved = weights.resolve()
        stat = resolved.stat()
        digest.update(f"|{resolved}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for name in ("config.json", "generation_config.json"):
        if (folder / name).is_file():
            digest.update((folder / name).read_bytes())
    return user_cache_dir() / kind / f"{cache_stem(folder)}-{digest.hexdigest()[:20]}{suffix}"
