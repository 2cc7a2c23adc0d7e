"""Load a tokenizer and a sequence-to-sequence model on a device, and generate with cancel
and per-step progress.

The fast path, chosen by measurement (``bench/``, ``bench/README.md``):

- on the CPU, Linear layers run in int8 (:mod:`models.inference.quantize`; the int8 copy is kept on
  disk so later starts skip the float32 load and the quantisation); half precision on CUDA;
- beam search computes each sentence's cross-attention keys and values once and lets its
  beams share them (``transformers`` projects the encoder output once per beam, keeps a
  copy per beam and reorders the copies after every step). The cache holds one copy per
  sentence, and the cross-attention reads it once for all of the sentence's beams: their
  queries go in as rows of one product (:func:`_install_shared_beam_attention`) instead of
  one product per beam over a broadcast copy, which took about half of a summary's decoding
  step. The self-attention cache is not copied when no beam changed places. The output is
  unchanged (the same sums, in another layout);
- during a beam search the leading hypothesis can be shown as it grows (``on_partial``);
- the tokenizer and model are loaded once and kept by the caller (``DigestPipeline``).

This is the only module that imports torch and transformers at module level; it is itself
imported only when a model is loaded.
"""

from __future__ import annotations

import inspect
import logging
import os
import time
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import torch
import transformers
from transformers import AutoModelForSeq2SeqLM, StoppingCriteria, StoppingCriteriaList
from transformers.cache_utils import DynamicCache, EncoderDecoderCache

from models.inventory import installed
from models.inventory.catalog import GenerationSettings, ModelSpec
from models.inventory.copies import ensure_safetensors
from models.inference.loading import model_credit
# cpu_count and check_folder are also offered from here, as before they moved to the torch-free runtime.
from models.inference.runtime import check_folder, choose_target_token, cpu_count, load_tokenizer, target_codes  # noqa: F401
from models.inference.tokens import SCORE_BATCH_SENTENCES, batches_of, count_tokens, decoder_width, input_window
from models.common.job_state import JobState
from models.common.types import ModelCredit, ModelUnavailable

# The app reports its own progress; transformers' console bars would be noise (and there is
# no console in a windowed build).
transformers.utils.logging.disable_progress_bar()
transformers.utils.logging.set_verbosity_error()

log = logging.getLogger(__name__)

#: Precisions a model can be loaded in (``TorchModel.precision``).
FLOAT32, FLOAT16, INT8 = "float32", "float16", "int8"

def pick_device(requested: str | None = None) -> str:
    """``requested`` if given, else CUDA, then Apple's MPS, then the CPU."""
    if requested:
        return requested
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def _dtype_for(device: str) -> torch.dtype:
    # Checkpoints may be stored in fp16 (the tc-big ones are), which is slow or broken on
    # the CPU: ask for float32 there explicitly. Half precision on CUDA.
    return torch.float16 if device.startswith("cuda") else torch.float32


def set_thread_count(threads: int) -> None:
    """Intra-op threads for torch work started *from the calling thread* (per thread under OpenMP)."""
    if threads >= 1 and torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


class _BeamCache(EncoderDecoderCache):
    """A key/value cache whose cross-attention half is not reordered between beam-search steps.

    Beam search only ever picks among the beams of the same sentence, and all of them hold the
    same cross-attention keys and values (the sentence's encoder output), so the reorder is an
    identity copy. Skipping it gives the same output and saves a copy of every layer's
    encoder keys and values at every step (about 200 MB per step for a 1,024-token article).
    """

    def reorder_cache(self, beam_idx: torch.LongTensor) -> None:
        # Beams often keep their places from one step to the next: then the reorder would copy
        # every layer's keys and values onto themselves.
        if torch.equal(beam_idx, torch.arange(beam_idx.shape[0], device=beam_idx.device)):
            return
        self.self_attention_cache.reorder_cache(beam_idx)


def _shared_beam_cross_attention(
    module: Any,
    original_forward: Callable[..., Any],
    hidden_states: torch.Tensor,
    key_value_states: torch.Tensor | None = None,
    cache: Any = None,
    attention_mask: torch.Tensor | None = None,
    **kwargs: Any,
) -> tuple[torch.Tensor, None]:
    """A decoder layer's cross-attention when the cache holds one copy of each sentence's keys
    and values for all its beams (:meth:`TorchModel._shared_cross_attention`): the beams'
    queries become rows of one attention product per sentence. Anything else goes to the
    layer's own forward."""
    stored = None
    if isinstance(cache, _BeamCache) and key_value_states is not None:
        layers = cache.cross_attention_cache.layers
        if module.layer_idx < len(layers):
            stored = layers[module.layer_idx]
    if stored is None or stored.keys is None or stored.keys.shape[0] >= hidden_states.shape[0]:
        return original_forward(hidden_states, key_value_states=key_value_states, cache=cache, attention_mask=attention_mask, **kwargs)
    keys, values = stored.keys, stored.values  # (sentences, heads, source, head_dim)
    sentences, heads, source, head_dim = keys.shape
    rows, length, _ = hidden_states.shape  # rows = sentences x beams
    beams = rows // sentences
    queries = module.q_proj(hidden_states).view(sentences, beams, length, heads, head_dim)
    queries = queries.permute(0, 3, 1, 2, 4).reshape(sentences, heads, beams * length, head_dim)
    mask = None
    if attention_mask is not None:  # (rows, 1, length, source): the same for a sentence's beams
        mask = attention_mask.expand(rows, 1, length, source).reshape(sentences, beams * length, source).unsqueeze(1)
    output = torch.nn.functional.scaled_dot_product_attention(queries, keys, values, attn_mask=mask, scale=module.scaling)
    output = output.view(sentences, heads, beams, length, head_dim).permute(0, 2, 3, 1, 4).reshape(rows, length, heads * head_dim)
    return module.out_proj(output), None


def _install_shared_beam_attention(model: Any) -> bool:
    """Give every decoder layer's cross-attention the shared-beams path
    (:func:`_shared_beam_cross_attention`); False (nothing changed) for an architecture
    whose layers are not laid out as BART's and Marian's are."""
    try:
        attentions = [layer.encoder_attn for layer in model.get_decoder().layers]
    except AttributeError:
        return False
    needed = ("q_proj", "out_proj", "scaling", "layer_idx")
    if not attentions or not all(all(hasattr(attention, name) for name in needed) for attention in attentions):
        return False
    for attention in attentions:
        if getattr(attention, "_shares_beams", False):
            continue
        original = attention.forward

        def forward(self: Any, *args: Any, _original: Callable[..., Any] = original, **kwargs: Any) -> Any:
            return _shared_beam_cross_attention(self, _original, *args, **kwargs)

        attention.forward = types.MethodType(forward, attention)
        attention._shares_beams = True
    return True


#: The leading hypothesis is decoded into text at most this often (seconds) for ``on_partial``.
PARTIAL_INTERVAL_S = 0.2


class _JobStateCriteria(StoppingCriteria):
    """``generate``'s hook into a :class:`JobState`: reports each decoding step (streamers
    refuse beam search) and stops generation once the job is interrupted.

    With ``on_partial`` (one input only), it also hands on the leading hypothesis every
    ``PARTIAL_INTERVAL_S`` (``on_partial`` says whether it had text to show): ``generate``
    passes the best continuations first, so the first row is the beam that leads after this
    step.
    """

    def __init__(
        self, state: JobState, max_steps: int, on_partial: Callable[[torch.Tensor], bool] | None = None
    ) -> None:
        self.state = state
        self.max_steps = max(1, max_steps)
        self.steps = 0
        self.on_partial = on_partial
        self.partial_at = float("-inf")

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor, **kwargs: Any) -> torch.BoolTensor:
        self.steps += 1
        self.state.set_progress_value(self.steps / self.max_steps)
        stop = self.state.is_interruption_requested()
        if self.on_partial is not None and not stop:
            now = time.monotonic()
            if now - self.partial_at >= PARTIAL_INTERVAL_S and self.on_partial(input_ids[0]):
                self.partial_at = now
        return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)


@dataclass
class TorchModel:
    """A tokenizer and model ready on a device, with the spec they were loaded for."""

    spec: ModelSpec
    path: Path
    tokenizer: Any
    model: Any
    device: str
    #: Prefix put before every input of a multi-target model, e.g. ``>>rus<<``.
    target_token: str | None = None
    #: ``float32``, ``float16`` or ``int8`` (Linear layers).
    precision: str = FLOAT32
    #: Whether generate uses the fast beam-search cache (False only for comparisons).
    fast_beams: bool = True
    #: Whether the cross-attention reads one copy of each sentence's keys and values for all
    #: its beams (:func:`_install_shared_beam_attention`; set by :func:`load`).
    shares_beams: bool = False
    #: How the weights got here (``float``, ``quantized``, ``cache``) and how long it took.
    origin: str = "float"
    load_seconds: float = 0.0
    #: What its texts are credited to (:func:`models.inference.loading.model_credit`).
    credit: ModelCredit | None = None

    @property
    def decoder_width(self) -> int:
        """See :func:`models.inference.tokens.decoder_width`."""
        return decoder_width(self.model.config)

    @property
    def input_window(self) -> int:
        """How many tokens (special tokens included) one input may have."""
        return input_window(self.tokenizer, getattr(self.model.config, "max_position_embeddings", None))

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` without special tokens."""
        return count_tokens(self.tokenizer, text)

    def generate(
        self,
        texts: Sequence[str],
        settings: GenerationSettings,
        *,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
        state: JobState | None = None,
        on_partial: Callable[[str], None] | None = None,
    ) -> list[str]:
        """Generate one output per input text (a batch), reporting every decoding step into
        ``state`` and checking it for interruption.

        ``on_partial``: for a single text, called now and then during decoding with the text
        of the hypothesis leading so far (not the final output: beam search may still change
        its course); ignored for a batch.

        Raises :class:`~models.common.types.Cancelled` when interrupted (partial output is dropped).
        """
        state = state or JobState()
        state.raise_if_interrupted()
        encoded = self.tokenizer(
            list(texts), return_tensors="pt", padding=True, truncation=True, max_length=self.input_window
        ).to(self.device)
        max_new_tokens = max_new_tokens or settings.max_new_tokens
        min_new_tokens = settings.min_new_tokens if min_new_tokens is None else min_new_tokens
        show_leading: Callable[[torch.Tensor], bool] | None = None
        if on_partial is not None and len(texts) == 1:

            def decode_leading(tokens: torch.Tensor) -> bool:
                text = self.tokenizer.decode(tokens, skip_special_tokens=True).strip()
                if text:  # the first steps may hold only start tokens
                    on_partial(text)
                return bool(text)

            show_leading = decode_leading

        watcher = _JobStateCriteria(state, max_new_tokens, show_leading)
        extra: dict[str, Any] = {}
        with torch.inference_mode():
            if settings.num_beams > 1 and self.fast_beams:
                extra = self._shared_cross_attention(encoded, settings.num_beams)
            output = self.model.generate(
                **encoded,
                num_beams=settings.num_beams,
                length_penalty=settings.length_penalty,
                no_repeat_ngram_size=settings.no_repeat_ngram_size,
                max_new_tokens=max_new_tokens,
                min_new_tokens=min(min_new_tokens, max_new_tokens),
                early_stopping=settings.early_stopping if settings.num_beams > 1 else False,
                stopping_criteria=StoppingCriteriaList([watcher]),
                **extra,
            )
        state.raise_if_interrupted()
        return [text.strip() for text in self.tokenizer.batch_decode(output, skip_special_tokens=True)]

    def n_best(
        self,
        text: str,
        settings: GenerationSettings,
        count: int,
        *,
        max_new_tokens: int | None = None,
        state: JobState | None = None,
    ) -> list[str]:
        """The ``count`` best hypotheses of a beam search over ``text`` (a beam at least that
        wide), best first: other translations of one sentence to choose from. Reports and
        cancels as :meth:`generate` does."""
        state = state or JobState()
        state.raise_if_interrupted()
        encoded = self.tokenizer([text], return_tensors="pt", truncation=True, max_length=self.input_window).to(self.device)
        max_new_tokens = max_new_tokens or settings.max_new_tokens
        beams = max(count, settings.num_beams)
        watcher = _JobStateCriteria(state, max_new_tokens)
        with torch.inference_mode():
            extra = self._shared_cross_attention(encoded, beams) if self.fast_beams else {}
            output = self.model.generate(
                **encoded,
                num_beams=beams,
                num_return_sequences=count,
                length_penalty=settings.length_penalty,
                no_repeat_ngram_size=settings.no_repeat_ngram_size,
                max_new_tokens=max_new_tokens,
                min_new_tokens=1,
                early_stopping=True,
                stopping_criteria=StoppingCriteriaList([watcher]),
                **extra,
            )
        state.raise_if_interrupted()
        return [text.strip() for text in self.tokenizer.batch_decode(output, skip_special_tokens=True)]

    def score(self, texts: Sequence[str], outputs: Sequence[str]) -> list[float]:
        """The mean log-probability per token the model gives each output for its text (how
        sure it is of the translation; 0 is certain): teacher-forced passes of
        :data:`SCORE_BATCH_SENTENCES` each, no search."""
        pairs = list(zip(texts, outputs))
        return [score for batch in batches_of(pairs, SCORE_BATCH_SENTENCES) for score in self._score_batch(*zip(*batch))]

    def _score_batch(self, texts: Sequence[str], outputs: Sequence[str]) -> list[float]:
        encoded = self.tokenizer(
            list(texts), return_tensors="pt", padding=True, truncation=True, max_length=self.input_window
        ).to(self.device)
        labels = self.tokenizer(
            text_target=list(outputs), return_tensors="pt", padding=True, truncation=True, max_length=self.input_window
        )["input_ids"].to(self.device)
        with torch.inference_mode():
            logits = self.model(**encoded, labels=labels).logits.float()
            chosen = logits.gather(-1, labels.unsqueeze(-1)).squeeze(-1) - logits.logsumexp(-1)
            mask = labels != self.tokenizer.pad_token_id
            means = (chosen * mask).sum(-1) / mask.sum(-1).clamp(min=1)
        return [float(value) for value in means]

    def _shared_cross_attention(self, encoded: Any, beams: int) -> dict[str, Any]:
        """``generate`` arguments that run the encoder and the cross-attention projections once
        per sentence, with a cache whose beams share them (see the module docstring)."""
        model = self.model
        encoder_outputs = model.get_encoder()(
            input_ids=encoded["input_ids"], attention_mask=encoded["attention_mask"], return_dict=True
        )
        hidden = encoder_outputs.last_hidden_state
        shared = self.shares_beams
        cross = DynamicCache()
        for index, layer in enumerate(model.get_decoder().layers):
            attention = layer.encoder_attn
            shape = (hidden.shape[0], hidden.shape[1], -1, attention.head_dim)
            keys = attention.k_proj(hidden).view(shape).transpose(1, 2)
            values = attention.v_proj(hidden).view(shape).transpose(1, 2)
            if shared:  # laid out as the attention product reads them (a transposed view costs it half again)
                keys, values = keys.contiguous(), values.contiguous()
            else:
                keys, values = _beams(keys, beams), _beams(values, beams)
            cross.update(keys, values, index)
        return {"encoder_outputs": encoder_outputs, _cache_argument(model): _BeamCache(DynamicCache(), cross)}


_CACHE_ARGUMENTS: dict[type, str] = {}


def _cache_argument(model: Any) -> str:
    """``generate``'s name for a cache object: ``cache`` in recent transformers 5 releases,
    ``past_key_values`` before (read from the model's ``forward``)."""
    kind = type(model)
    if kind not in _CACHE_ARGUMENTS:
        parameters = inspect.signature(kind.forward).parameters
        _CACHE_ARGUMENTS[kind] = "cache" if "cache" in parameters else "past_key_values"
    return _CACHE_ARGUMENTS[kind]


def resolve_precision(device: str, quantize: bool | None) -> str:
    """The precision a model is loaded in: int8 on the CPU unless ``quantize`` is False (or the
    torch build cannot), half on CUDA, float32 elsewhere."""
    if device.startswith("cuda"):
        return FLOAT16
    if device == "cpu" and quantize is not False:
        from models.inference.quantize import int8_supported

        if int8_supported():
            return INT8
        if quantize:
            log.warning("this torch build has no int8 CPU kernels; using float32")
    return FLOAT32


def _beams(states: torch.Tensor, beams: int) -> torch.Tensor:
    """``states`` (one row per sentence) for every beam: a view when there is one sentence."""
    if states.shape[0] == 1:
        return states.expand(beams, *states.shape[1:])
    return states.repeat_interleave(beams, dim=0)


def _listed(names: Iterable[str], limit: int = 3) -> str:
    ordered = sorted(names)
    shown = ", ".join(ordered[:limit])
    return shown if len(ordered) <= limit else f"{shown} (and {len(ordered) - limit} more)"


def _weights_file(weights_folder: Path, source: Path, names: Iterable[str]) -> str:
    """The weights file(s) a loading problem is about, by name: ``pytorch_model.bin`` when the
    weights were converted from one, the one ``.safetensors`` file, or the shards the index
    puts ``names`` in."""
    if weights_folder != source and (source / "pytorch_model.bin").is_file():
        return "pytorch_model.bin"
    files = sorted(path.name for path in weights_folder.glob("*.safetensors"))
    if len(files) == 1:
        return files[0]
    weight_map = installed.read_json_object(weights_folder / "model.safetensors.index.json").get("weight_map")
    if isinstance(weight_map, dict):
        shards = sorted({str(weight_map[name]) for name in names if name in weight_map})
        if shards:
            return ", ".join(shards)
    return ", ".join(files) or "the weights"


def weights_problem(info: Mapping[str, Any], weights_folder: Path, source: Path | None = None) -> str | None:
    """What is wrong with a model's weights files, read from ``from_pretrained``'s loading
    information (``output_loading_info=True``); None when every weight the architecture expects
    was read from the files, at its shape, and the files hold nothing else.

    Weights that may legitimately be absent are not reported by transformers: tied ones (the
    output projection and the embeddings, read from one tensor) and those a model class lists
    in ``_keys_to_ignore_on_load_missing`` (BART's and Marian's ``final_logits_bias``).
    Anything left means the files do not hold this model: a renamed tensor (one flipped byte
    in a header) would otherwise stay at its random initial value without a word.
    """
    missing = set(info.get("missing_keys") or ())
    unexpected = set(info.get("unexpected_keys") or ())
    mismatched = list(info.get("mismatched_keys") or ())
    errors = [str(message).strip() for message in info.get("error_msgs") or () if str(message).strip()]
    if not (missing or unexpected or mismatched or errors):
        return None
    parts = []
    if missing:
        parts.append(f"is missing weights {_listed(missing)}")
    if unexpected:
        parts.append(f"has unexpected {'ones' if missing else 'weights'} {_listed(unexpected)}")
    if mismatched:
        shapes = [
            f"{entry[0]} ({'x'.join(map(str, entry[1]))}, expected {'x'.join(map(str, entry[2]))})"
            if isinstance(entry, (tuple, list)) and len(entry) == 3 else str(entry)
            for entry in mismatched
        ]
        parts.append(f"has weights of the wrong shape {_listed(shapes)}")
    if errors:
        parts.append(f"could not be read ({errors[0].splitlines()[0]})")
    names = missing | unexpected | {entry[0] for entry in mismatched if isinstance(entry, (tuple, list))}
    file = _weights_file(weights_folder, source or weights_folder, names)
    return f"{file} {', '.join(parts[:-1])}{' and ' if len(parts) > 1 else ''}{parts[-1]}"


def load_checked(model_class: Any, weights_folder: Path, source: Path, **kwargs: Any) -> Any:
    """``model_class.from_pretrained(weights_folder, **kwargs)``, refused with
    :class:`ModelUnavailable` when the weights files do not hold exactly the model's weights
    (see :func:`weights_problem`). ``source``: the model's own folder, for the message."""
    kwargs = {**kwargs, "output_loading_info": True, "ignore_mismatched_sizes": True}
    model, info = model_class.from_pretrained(weights_folder, **kwargs)
    problem = weights_problem(info, Path(weights_folder), source)
    if problem:
        raise ModelUnavailable(f"the model in {source} could not be loaded: {problem}")
    return model


def check_weights(weights_folder: Path, source: Path | None = None) -> None:
    """Load the model in ``weights_folder`` once on the CPU only to check its weights
    (:func:`load_checked`); for converters that load it their own way."""
    source = source or weights_folder
    try:
        load_checked(AutoModelForSeq2SeqLM, weights_folder, source, local_files_only=True, trust_remote_code=False, use_safetensors=True)
    except ModelUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - as in load()
        first_line = (str(error).strip().splitlines() or [error.__class__.__name__])[0]
        raise ModelUnavailable(f"the model in {source} could not be loaded: {first_line}") from error


def load(
    spec: ModelSpec, folder: Path, device: str | None = None, *, quantize: bool | None = None, fast_beams: bool = True
) -> TorchModel:
    """Load ``spec``'s tokenizer and model from ``folder`` (local files only, no remote code).

    ``quantize``: None (the default) means int8 Linear layers on the CPU when this torch can,
    True asks for them, False keeps float32. See :func:`resolve_precision`.

    Raises :class:`ModelUnavailable`, one line naming the folder and the file, when the folder
    is incomplete, a file is damaged, or the weights are not exactly the model's (a damaged
    source is never quantised and cached).
    """
    started = time.monotonic()
    device = pick_device(device)
    precision = resolve_precision(device, quantize)
    check_folder(folder)
    weights_folder = ensure_safetensors(folder)

    def load_float() -> Any:
        return load_checked(
            AutoModelForSeq2SeqLM,
            weights_folder,
            folder,
            local_files_only=True,
            trust_remote_code=False,
            use_safetensors=True,
            dtype=_dtype_for(device),
        )

    try:
        tokenizer = load_tokenizer(weights_folder)
        if precision == INT8:
            from models.inference.quantize import load_or_quantize

            model, origin = load_or_quantize(weights_folder, load_float)
        else:
            model, origin = load_float(), "float"
    except ModelUnavailable:
        raise
    except RecursionError as error:
        raise ModelUnavailable(f"the model in {folder} could not be loaded: a file in it is nested too deep") from error
    except Exception as error:  # noqa: BLE001 - safetensors, tokenizers and config errors have no common base
        first_line = (str(error).strip().splitlines() or [error.__class__.__name__])[0]
        raise ModelUnavailable(f"the model in {folder} could not be loaded: {first_line}") from error
    model.to(device).eval()
    loaded = TorchModel(
        spec=spec,
        path=folder,
        tokenizer=tokenizer,
        model=model,
        device=device,
        precision=precision,
        fast_beams=fast_beams,
        shares_beams=fast_beams and _install_shared_beam_attention(model),
        origin=origin,
        credit=model_credit(spec, folder),
    )
    loaded.target_token = choose_target_token(spec, target_codes(loaded.tokenizer), folder)
    loaded.load_seconds = time.monotonic() - started
    log.info("loaded %s (%s, %s) in %.1f s", spec.repo_id, precision, origin, loaded.load_seconds)
    return loaded
