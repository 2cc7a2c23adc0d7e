"""Int8 weights for the CPU: quantise a model's Linear layers once, keep the result on disk.

The CPU spends almost all of a digest in the Linear layers (attention projections, feed-forward
blocks, the output projection over the vocabulary). PyTorch's dynamic quantisation stores their
weights as int8 with one scale per output row (per-channel) and quantises activations on the
fly; the matrix products then run in int8 (fbgemm / oneDNN on x86, qnnpack on ARM). Embeddings,
layer norms and biases stay float32.

Quantising a model costs a few seconds on every start, and reading the float32 weights to
quantise them costs more, so the int8 model is saved under ``models.paths.user_cache_dir()``
as a **safetensors** file (plain tensors and a JSON header: nothing is unpickled on loading)
and rebuilt from it on the next start. The file is keyed by the source weights (path, size,
modification time), the model's config, the torch version and this module's format version;
a damaged or stale file is ignored and rewritten.

Imported only where a model is loaded (it imports torch).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import torch
from torch import nn

from models.paths import user_cache_dir

log = logging.getLogger(__name__)

#: Bump when the file layout or the quantisation recipe changes: old files are then ignored.
FORMAT_VERSION = 1
_FORMAT_NAME = "article-digest-int8"


def int8_supported() -> bool:
    """Whether this torch build can run dynamically quantised Linear layers on the CPU."""
    engines = set(torch.backends.quantized.supported_engines)
    return bool(engines & {"x86", "fbgemm", "onednn", "qnnpack"})


def _dynamic_linear_class() -> type:
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    return DynamicLinear


def quantize_linear_layers(model: nn.Module) -> nn.Module:
    """Replace ``model``'s ``nn.Linear`` layers, in place, by int8 dynamic ones (per-channel weights)."""
    import warnings

    from torch.ao.quantization import default_dynamic_qconfig, per_channel_dynamic_qconfig, quantize_dynamic

    with warnings.catch_warnings():
        # torch.ao.quantization announces its move to torchao; the eager API still works.
        warnings.simplefilter("ignore")
        try:
            quantize_dynamic(model, {nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8, inplace=True)
        except (RuntimeError, NotImplementedError):  # an engine without per-channel int8
            log.info("per-channel int8 unavailable on %s; using per-tensor", torch.backends.quantized.engine)
            quantize_dynamic(model, {nn.Linear: default_dynamic_qconfig}, dtype=torch.qint8, inplace=True)
    return model


def is_quantized(model: nn.Module) -> bool:
    dynamic_linear = _dynamic_linear_class()
    return any(isinstance(module, dynamic_linear) for module in model.modules())


# -- the cache on disk --------------------------------------------------------------------------


def cache_key(folder: Path) -> str:
    """What identifies ``folder``'s weights cheaply: files, sizes, times, config, torch version."""
    digest = hashlib.sha256()
    digest.update(f"{_FORMAT_NAME}/{FORMAT_VERSION}/torch {torch.__version__}/{torch.backends.quantized.engine}".encode())
    for weights in sorted(folder.glob("*.safetensors")):
        resolved = weights.resolve()
        stat = resolved.stat()
        digest.update(f"|{resolved}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    config = folder / "config.json"
    if config.is_file():
        digest.update(config.read_bytes())
    return digest.hexdigest()[:20]


def cache_path(folder: Path) -> Path:
    """Where the int8 copy of the model in ``folder`` is (or would be) kept."""
    return user_cache_dir() / "int8" / f"{folder.name}-{cache_key(folder)}.safetensors"


def _quantized_modules(model: nn.Module) -> dict[str, nn.Module]:
    dynamic_linear = _dynamic_linear_class()
    return {name: module for name, module in model.named_modules() if isinstance(module, dynamic_linear)}


def _plain_tensors(model: nn.Module, skip: dict[str, nn.Module]) -> list[tuple[str, torch.Tensor, bool]]:
    """Every parameter and buffer outside the quantised modules: (name, tensor, is_parameter),
    tied ones listed under each of their names."""
    prefixes = tuple(f"{name}." for name in skip)
    found = [(name, tensor, True) for name, tensor in model.named_parameters(remove_duplicate=False)]
    found += [(name, tensor, False) for name, tensor in model.named_buffers(remove_duplicate=False)]
    return [(name, tensor, is_param) for name, tensor, is_param in found if not name.startswith(prefixes)]


def save_quantized(model: nn.Module, path: Path) -> None:
    """Write ``model`` (already quantised) to ``path`` as safetensors, atomically."""
    from safetensors.torch import save_file

    tensors: dict[str, torch.Tensor] = {}
    quantized = _quantized_modules(model)
    layers: dict[str, dict[str, Any]] = {}
    for name, module in quantized.items():
        weight, bias = module._weight_bias()  # noqa: SLF001 - the documented way to read packed params
        entry: dict[str, Any] = {"in": module.in_features, "out": module.out_features, "scheme": str(weight.qscheme())}
        tensors[f"{name}.weight_int8"] = weight.int_repr().contiguous()
        if weight.qscheme() in (torch.per_channel_affine, torch.per_channel_symmetric):
            tensors[f"{name}.weight_scales"] = weight.q_per_channel_scales().contiguous()
            tensors[f"{name}.weight_zero_points"] = weight.q_per_channel_zero_points().contiguous()
            entry["axis"] = weight.q_per_channel_axis()
        else:
            entry["scale"] = weight.q_scale()
            entry["zero_point"] = weight.q_zero_point()
        if bias is not None:
            tensors[f"{name}.bias"] = bias.detach().contiguous()
        layers[name] = entry
    canonical: dict[int, str] = {}
    aliases: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for name, tensor, is_param in _plain_tensors(model, quantized):
        kinds[name] = "parameter" if is_param else "buffer"
        first = canonical.setdefault(id(tensor), name)
        if first != name:
            aliases[name] = first
            continue
        tensors[name] = tensor.detach().contiguous()
    metadata = {
        "format": _FORMAT_NAME,
        "version": str(FORMAT_VERSION),
        "layers": json.dumps(layers),
        "aliases": json.dumps(aliases),
        "kinds": json.dumps(kinds),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    os.close(handle)
    try:
        save_file(tensors, temporary, metadata=metadata)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _set(model: nn.Module, dotted: str, value: Any, kind: str | None = None) -> None:
    parent_name, _, attribute = dotted.rpartition(".")
    parent = model.get_submodule(parent_name) if parent_name else model
    if kind == "parameter":
        parent._parameters[attribute] = value  # noqa: SLF001 - assigning without copying
    elif kind == "buffer":
        parent._buffers[attribute] = value  # noqa: SLF001
    else:
        setattr(parent, attribute, value)


def load_quantized(folder: Path, path: Path) -> nn.Module:
    """Rebuild the int8 model saved at ``path`` for the model in ``folder`` (its config).

    Raises ``ValueError`` when the file is not one of ours or does not fit the config.
    """
    from safetensors import safe_open
    from transformers import AutoConfig, AutoModelForSeq2SeqLM, GenerationConfig

    with safe_open(str(path), framework="pt") as handle:
        metadata = handle.metadata() or {}
        if metadata.get("format") != _FORMAT_NAME or metadata.get("version") != str(FORMAT_VERSION):
            raise ValueError(f"{path.name} is not an int8 model file of this version")
        layers: dict[str, dict[str, Any]] = json.loads(metadata["layers"])
        aliases: dict[str, str] = json.loads(metadata["aliases"])
        kinds: dict[str, str] = json.loads(metadata["kinds"])
        tensors = {name: handle.get_tensor(name) for name in handle.keys()}  # noqa: SIM118 - safe_open has no items()

    config = AutoConfig.from_pretrained(folder, local_files_only=True, trust_remote_code=False)
    config.dtype = torch.float32
    with torch.device("meta"):
        model = AutoModelForSeq2SeqLM.from_config(config, trust_remote_code=False)
    dynamic_linear = _dynamic_linear_class()
    for name, entry in layers.items():
        int8 = tensors.pop(f"{name}.weight_int8")
        if "axis" in entry:
            weight = torch._make_per_channel_quantized_tensor(  # noqa: SLF001 - public since 1.x, underscored
                int8, tensors.pop(f"{name}.weight_scales"), tensors.pop(f"{name}.weight_zero_points"), int(entry["axis"])
            )
        else:
            weight = torch._make_per_tensor_quantized_tensor(int8, float(entry["scale"]), int(entry["zero_point"]))  # noqa: SLF001
        bias = tensors.pop(f"{name}.bias", None)
        layer = dynamic_linear(int(entry["in"]), int(entry["out"]), bias_=bias is not None, dtype=torch.qint8)
        layer.set_weight_bias(weight, bias)
        _set(model, name, layer)
    made: dict[str, Any] = {}
    for name, kind in kinds.items():
        source = aliases.get(name, name)
        if source not in made:
            tensor = tensors[source]
            made[source] = nn.Parameter(tensor, requires_grad=False) if kind == "parameter" else tensor
        _set(model, name, made[source], kind)
    leftovers = [name for name, tensor in [*model.named_parameters(), *model.named_buffers()] if tensor.is_meta]
    if leftovers:
        raise ValueError(f"{path.name} does not fit the model (missing {', '.join(leftovers[:3])})")
    generation = folder / "generation_config.json"
    if generation.is_file():
        model.generation_config = GenerationConfig.from_pretrained(folder, local_files_only=True)
    return model.eval()


def load_or_quantize(folder: Path, load_float: Any) -> tuple[nn.Module, str]:
    """The int8 model for ``folder``: from the cache if there, else ``load_float()`` quantised
    (and saved for next time). Returns the model and where it came from (``cache``/``quantized``)."""
    path = cache_path(folder)
    if path.is_file():
        try:
            return load_quantized(folder, path), "cache"
        except Exception as error:  # noqa: BLE001 - any damage means: rebuild it
            log.warning("ignoring the int8 copy %s (%s)", path, error)
            path.unlink(missing_ok=True)
    model = quantize_linear_layers(load_float())
    try:
        _remove_stale(path)
        save_quantized(model, path)
    except OSError as error:  # a full or read-only disk costs the next start time, nothing else
        log.warning("could not save the int8 copy to %s (%s)", path, error)
    return model, "quantized"


def _remove_stale(path: Path) -> None:
    """Older int8 copies of the same model folder (a changed source or torch): they are dead weight."""
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.safetensors"):
        if old != path and len(old.name) == len(path.name):
            old.unlink(missing_ok=True)
