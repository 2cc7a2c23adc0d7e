"""Int8 weights for the CPU: quantise a model's Linear layers once, keep the result on disk.

The CPU spends almost all of a digest in the Linear layers (attention projections, feed-forward
blocks, the output projection over the vocabulary). PyTorch's dynamic quantisation stores their
weights as int8 with one scale per output row (per-channel) and quantises activations on the
fly; the matrix products then run in int8 (fbgemm / oneDNN on x86, qnnpack on ARM). The token
embedding tables (a quarter of a model's weights, and only read a row at a time) are kept as
int8 rows with one scale each, as CTranslate2's int8 mode does; layer norms, biases and
position tables stay float32. A transformer-big translator goes from 950 MB to about 300 MB.

Quantising a model costs a few seconds on every start, and reading the float32 weights to
quantise them costs more, so the int8 model is saved under ``models.common.paths.user_cache_dir()``
as a **safetensors** file (plain tensors and a JSON header: nothing is unpickled on loading)
and rebuilt from it on the next start. The file is keyed by the source weights (path, size,
modification time), the model's config, the torch version and this module's format version;
a damaged or stale file is ignored and rewritten. The file is read with plain reads into
memory the model owns (no memory map is left behind holding pages), and a freshly quantised
model is itself reloaded from the file it was just saved to, so the float32 weights it came
from are gone from memory.

Imported only where a model is loaded (it imports torch).
"""

from __future__ import annotations

import json
import logging
import struct
import sys
from pathlib import Path
from typing import Any, Callable

import torch
from torch import nn

from models.common.atomic import atomic_file, temporary_glob
from models.inference.memory import release_freed_memory
from models.inventory.copies import INT8_COPIES, copy_path, remove_abandoned_partials

log = logging.getLogger(__name__)

#: Bump when the file layout or the quantisation recipe changes: old files are then ignored.
FORMAT_VERSION = 2
_FORMAT_NAME = "article-digest-int8"


class Int8Embedding(nn.Module):
    """A token embedding table stored as int8 rows, each with its own float scale.

    A lookup reads a few rows and widens them to float32, so the table costs a quarter of its
    float32 size for a rounding error of at most half a step (1/254 of the row's largest value).
    ``embed_scale`` is applied as the module it replaces did (BART's scaled embeddings).
    """

    def __init__(self, weight_int8: torch.Tensor, scales: torch.Tensor, embed_scale: float | None = None) -> None:
        super().__init__()
        self.register_buffer("weight_int8", weight_int8)
        self.register_buffer("scales", scales)
        self.embed_scale = embed_scale
        self.num_embeddings, self.embedding_dim = weight_int8.shape

    @classmethod
    def from_float(cls, embedding: nn.Embedding) -> Int8Embedding:
        weight = embedding.weight.detach().float()
        scales = (weight.abs().amax(dim=1) / 127.0).clamp_min(torch.finfo(torch.float32).tiny)
        weight_int8 = torch.round(weight / scales[:, None]).clamp_(-127, 127).to(torch.int8)
        return cls(weight_int8, scales, getattr(embedding, "embed_scale", None))

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        rows = self.weight_int8[input_ids].to(torch.float32) * self.scales[input_ids].unsqueeze(-1)
        return rows if self.embed_scale is None else rows * self.embed_scale

    def extra_repr(self) -> str:
        return f"{self.num_embeddings}, {self.embedding_dim}, int8 rows"


def int8_supported() -> bool:
    """Whether this torch build can run dynamically quantised Linear layers on the CPU."""
    engines = set(torch.backends.quantized.supported_engines)
    return bool(engines & {"x86", "fbgemm", "onednn", "qnnpack"})


def _dynamic_linear_class() -> type:
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    return DynamicLinear


def quantize_model(model: nn.Module) -> nn.Module:
    """Int8 Linear layers and int8 token embeddings, in place (see the module docstring)."""
    quantize_linear_layers(model)
    quantize_embeddings(model)
    return model


def quantize_embeddings(model: nn.Module) -> nn.Module:
    """Replace the token embedding tables (``embed_tokens``, ``shared``) by :class:`Int8Embedding`;
    modules that share one table share its replacement."""
    replacements: dict[int, Int8Embedding] = {}
    for name, module in list(model.named_modules(remove_duplicate=False)):
        if not isinstance(module, nn.Embedding) or not name.rsplit(".", 1)[-1] in ("embed_tokens", "shared"):
            continue
        key = id(module.weight)
        if key not in replacements:
            replacements[key] = Int8Embedding.from_float(module)
        _set(model, name, replacements[key])
    return model


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


# -- the cache on disk --------------------------------------------------------------------------


def cache_path(folder: Path) -> Path:
    """Where the int8 copy of the model in ``folder`` is (or would be) kept."""
    maker = f"{_FORMAT_NAME}/{FORMAT_VERSION}/torch {torch.__version__}/{torch.backends.quantized.engine}"
    return copy_path(INT8_COPIES, folder, maker, ".safetensors")


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
    embeddings = {
        name: {"embed_scale": module.embed_scale}
        for name, module in model.named_modules(remove_duplicate=False)
        if isinstance(module, Int8Embedding)
    }
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
        "embeddings": json.dumps(embeddings),
        "aliases": json.dumps(aliases),
        "kinds": json.dumps(kinds),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temporary:
        save_file(tensors, str(temporary), metadata=metadata)


def _set(model: nn.Module, dotted: str, value: Any, kind: str | None = None) -> None:
    parent_name, _, attribute = dotted.rpartition(".")
    parent = model.get_submodule(parent_name) if parent_name else model
    if kind == "parameter":
        parent._parameters[attribute] = value  # noqa: SLF001 - assigning without copying
    elif kind == "buffer":
        parent._buffers[attribute] = value  # noqa: SLF001
    else:
        setattr(parent, attribute, value)


_DTYPES = {"I8": torch.int8, "U8": torch.uint8, "I32": torch.int32, "I64": torch.int64, "F16": torch.float16,
           "BF16": torch.bfloat16, "F32": torch.float32, "F64": torch.float64, "BOOL": torch.bool}


class SafetensorsReader:
    """Reads tensors from a safetensors file one at a time, into fresh memory.

    The format is a little-endian length, a JSON header and raw little-endian data: nothing is
    executed or unpickled. ``safetensors.safe_open`` would memory-map the file, and the map
    lives (its pages counted as the process's memory) as long as any tensor read from it does;
    reading each tensor when it is needed also keeps the peak to one layer's raw copy.
    Raises ``ValueError`` when the file does not hold what its header says.
    """

    def __init__(self, path: Path) -> None:
        if sys.byteorder != "little":
            raise ValueError("safetensors data is little-endian")
        self.path = path
        self._size = path.stat().st_size
        self._handle = path.open("rb")
        try:
            (header_size,) = struct.unpack("<Q", self._handle.read(8))
            if not 2 <= header_size <= min(self._size - 8, 64 * 2**20):
                raise ValueError(f"{path.name}: bad header size")
            header = json.loads(self._handle.read(header_size))
            if not isinstance(header, dict):
                raise ValueError(f"{path.name}: bad header")
        except BaseException:
            self._handle.close()
            raise
        self.metadata = {str(key): str(value) for key, value in (header.pop("__metadata__", None) or {}).items()}
        self._entries: dict[str, dict[str, Any]] = header
        self._base = 8 + header_size

    def __enter__(self) -> SafetensorsReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def keys(self) -> list[str]:
        return list(self._entries)

    def read(self, name: str) -> torch.Tensor:
        entry = self._entries.get(name)
        if not isinstance(entry, dict):
            raise ValueError(f"{self.path.name}: no tensor {name!r}")
        dtype = _DTYPES.get(entry.get("dtype"))
        try:
            shape = [int(dim) for dim in entry.get("shape", [])]
            start, end = (int(offset) for offset in entry["data_offsets"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{self.path.name}: bad entry {name!r}") from None
        if dtype is None or any(dim < 0 for dim in shape) or not 0 <= start <= end <= self._size - self._base:
            raise ValueError(f"{self.path.name}: bad entry {name!r}")
        tensor = torch.empty(shape, dtype=dtype)
        if tensor.numel() * tensor.element_size() != end - start:
            raise ValueError(f"{self.path.name}: {name!r} has the wrong size")
        if end > start:
            self._handle.seek(self._base + start)
            if self._handle.readinto(memoryview(tensor.view(torch.uint8).numpy()).cast("B")) != end - start:
                raise ValueError(f"{self.path.name}: truncated at {name!r}")
        return tensor


def load_quantized(folder: Path, path: Path) -> nn.Module:
    """Rebuild the int8 model saved at ``path`` for the model in ``folder`` (its config).

    Raises ``ValueError`` when the file is not one of ours or does not fit the config.
    """
    from transformers import AutoConfig, AutoModelForSeq2SeqLM, GenerationConfig

    with SafetensorsReader(path) as reader:
        metadata = reader.metadata
        if metadata.get("format") != _FORMAT_NAME or metadata.get("version") != str(FORMAT_VERSION):
            raise ValueError(f"{path.name} is not an int8 model file of this version")
        layers: dict[str, dict[str, Any]] = json.loads(metadata["layers"])
        embeddings: dict[str, dict[str, Any]] = json.loads(metadata["embeddings"])
        aliases: dict[str, str] = json.loads(metadata["aliases"])
        kinds: dict[str, str] = json.loads(metadata["kinds"])

        config = AutoConfig.from_pretrained(folder, local_files_only=True, trust_remote_code=False)
        config.dtype = torch.float32
        with torch.device("meta"):
            model = AutoModelForSeq2SeqLM.from_config(config, trust_remote_code=False)
        dynamic_linear = _dynamic_linear_class()
        names = set(reader.keys())
        for name, entry in layers.items():
            int8 = reader.read(f"{name}.weight_int8")
            if "axis" in entry:
                weight = torch._make_per_channel_quantized_tensor(  # noqa: SLF001 - public since 1.x, underscored
                    int8, reader.read(f"{name}.weight_scales"), reader.read(f"{name}.weight_zero_points"), int(entry["axis"])
                )
            else:
                weight = torch._make_per_tensor_quantized_tensor(int8, float(entry["scale"]), int(entry["zero_point"]))  # noqa: SLF001
            del int8  # the quantized tensor is a copy; packing makes another: keep two at most
            bias = reader.read(f"{name}.bias") if f"{name}.bias" in names else None
            layer = _empty_dynamic_linear(dynamic_linear, int(entry["in"]), int(entry["out"]), bias is not None)
            layer.set_weight_bias(weight, bias)
            _set(model, name, layer)
            del weight
        made: dict[str, Any] = {}

        def plain(name: str, kind: str) -> Any:
            if name not in made:
                value = reader.read(name)
                made[name] = nn.Parameter(value, requires_grad=False) if kind == "parameter" else value
            return made[name]

        embedded: dict[str, Int8Embedding] = {}
        for name, entry in embeddings.items():
            source = aliases.get(f"{name}.weight_int8", f"{name}.weight_int8").removesuffix(".weight_int8")
            if source not in embedded:
                embedded[source] = Int8Embedding(
                    plain(f"{source}.weight_int8", "buffer"), plain(f"{source}.scales", "buffer"), entry["embed_scale"]
                )
            _set(model, name, embedded[source])
        for name, kind in kinds.items():
            _set(model, name, plain(aliases.get(name, name), kind), kind)
    leftovers = [name for name, tensor in [*model.named_parameters(), *model.named_buffers()] if tensor.is_meta]
    if leftovers:
        raise ValueError(f"{path.name} does not fit the model (missing {', '.join(leftovers[:3])})")
    generation = folder / "generation_config.json"
    if generation.is_file():
        model.generation_config = GenerationConfig.from_pretrained(folder, local_files_only=True)
    del made
    release_freed_memory()
    return model.eval()


def _empty_dynamic_linear(dynamic_linear: type, in_features: int, out_features: int, bias: bool) -> nn.Module:
    """A dynamic int8 Linear waiting for ``set_weight_bias``. Its constructor packs a zero
    weight of the full size first; packing a 1x1 one instead halves the time a model takes to
    load (and the time the loading thread holds the GIL)."""
    layer = dynamic_linear(1, 1, bias_=bias, dtype=torch.qint8)
    layer.in_features, layer.out_features = in_features, out_features
    return layer


def load_or_quantize(folder: Path, load_float: Callable[[], nn.Module]) -> tuple[nn.Module, str]:
    """The int8 model for ``folder``: from the cache if there, else ``load_float()`` quantised,
    saved for next time and reloaded from that file (so no float32 weights stay in memory).
    Returns the model and where it came from (``cache`` or ``quantized``)."""
    path = cache_path(folder)
    if path.is_file():
        try:
            return load_quantized(folder, path), "cache"
        except Exception as error:  # noqa: BLE001 - any damage means: rebuild it
            log.warning("ignoring the int8 copy %s (%s)", path, error)
            path.unlink(missing_ok=True)
    model = quantize_model(load_float())
    try:
        _remove_stale(path)
        save_quantized(model, path)
    except OSError as error:  # a full or read-only disk costs the next start time, nothing else
        log.warning("could not save the int8 copy to %s (%s)", path, error)
        return model, "quantized"
    del model
    release_freed_memory(collect=True)
    return load_quantized(folder, path), "quantized"


def _remove_stale(path: Path) -> None:
    """Older int8 copies of the same model folder (a changed source or torch): dead weight."""
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.safetensors"):
        if old != path and old.name.rsplit("-", 1)[0] == stem:
            old.unlink(missing_ok=True)
    remove_abandoned_partials(path.parent, temporary_glob(f"{stem}-"))
    remove_abandoned_partials(path.parent, f"{stem}-*.part")  # what versions before atomic_file left
