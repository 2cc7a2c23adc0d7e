"""Optional translation backend: CTranslate2, the engine under Argos Translate and LibreTranslate.

Used for the translation models when the ``ctranslate2`` package is installed and the models
run on the CPU (``PipelineConfig.translation_backend``: None picks it automatically, ``"torch"``
turns it off). The app works the same without it: :mod:`models.inference.torch_backend` (PyTorch, int8 Linear
layers) does the translating then.

The downloaded Hugging Face model is converted once, on the worker thread, to CTranslate2's
int8 format under ``models.common.paths.user_cache_dir()/ct2`` (keyed like the int8 PyTorch copy:
source files, sizes, times, config and converter version); CTranslate2 reads its own binary
format, nothing is unpickled. The tokenizer stays the Hugging Face one, so texts are split
and joined exactly as on the PyTorch path.

Progress and cancel: with greedy decoding CTranslate2 calls back after every step, so both
work per step as on the PyTorch path. Beam search has no such callback: progress moves per
batch, and a cancel returns at once while the batch in flight finishes in CTranslate2's own
thread and is thrown away.

One translator per model serves one batch per core at a time (``inter_threads`` = cores, one
thread each), matching how :func:`models.digest.translate.translate_jobs` shares batches out.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from models.inventory import installed
from models.inventory.catalog import GenerationSettings, ModelSpec
from models.inventory.copies import CT2_COPIES, cache_stem, copy_path, ensure_safetensors, remove_abandoned_partials
from models.inference.tokens import SCORE_BATCH_SENTENCES, count_tokens, input_window
from models.common.atomic import move_into_place
from models.common.job_state import JobState
from models.common.types import ModelCredit, ModelUnavailable

log = logging.getLogger(__name__)

BACKEND = "ctranslate2"
#: How often a beam-search batch in flight checks for interruption.
_POLL_S = 0.02


def available() -> bool:
    """Whether the ``ctranslate2`` package can be imported (without importing it)."""
    return importlib.util.find_spec("ctranslate2") is not None


def _converter_version() -> str:
    import ctranslate2

    return str(ctranslate2.__version__)


def converted_path(folder: Path) -> Path:
    return copy_path(CT2_COPIES, folder, f"ct2 {_converter_version()} int8")


def convert(folder: Path, source: Path | None = None) -> tuple[Path, str]:
    """``folder``'s model in CTranslate2 int8 format: the cached conversion, or a new one.

    Returns the converted folder and ``cache`` or ``converted``. ``source``: the model's own
    folder when ``folder`` is a safetensors copy of it (for messages).

    CTranslate2's converter loads the model with transformers and converts whatever it got: a
    weight missing from the files would be converted at its random initial value. The
    converter's load is checked like the torch backend's (:func:`models.inference.torch_backend.load_checked`),
    so a damaged source raises :class:`ModelUnavailable` and nothing is cached.
    """
    source = source or folder
    target = converted_path(folder)
    if (target / "model.bin").is_file():
        return target, "cache"
    from models.inference.torch_backend import check_weights

    converter = _checked_converter(folder, source)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned_partials(target.parent, f".{cache_stem(folder)}-*")
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-"))
    try:
        converter.convert(str(work / "model"), quantization="int8", force=True)
        if not converter.checked:  # a converter that no longer loads through load_model: check on our own
            check_weights(folder, source)
        stem = cache_stem(folder)
        for old in target.parent.glob(f"{stem}-*"):  # conversions of an older source or converter
            if old == target and (target / "model.bin").is_file():
                continue  # another process's, finished meanwhile
            if old.is_dir() and old.name.rsplit("-", 1)[0] == stem:
                shutil.rmtree(old, ignore_errors=True)
        # A conversion that another process finished first is the same (same key): it is used.
        move_into_place(work / "model", target, existing="keep")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target, "converted"


def _checked_converter(folder: Path, source: Path) -> Any:
    """CTranslate2's ``TransformersConverter`` for ``folder``, whose model load refuses weights
    files that do not hold exactly the model's weights; ``checked`` tells that the check ran."""
    from ctranslate2.converters import TransformersConverter

    from models.inference.torch_backend import load_checked

    class CheckedConverter(TransformersConverter):  # type: ignore[misc]
        checked = False

        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            model = load_checked(model_class, Path(model_name_or_path), source, **kwargs)
            self.checked = True
            return model

    return CheckedConverter(str(folder), trust_remote_code=False)


@dataclass
class CTranslate2Model:
    """A translation model served by CTranslate2, with the Hugging Face tokenizer; it offers
    what :class:`models.common.types.Seq2SeqModel` asks, like :class:`models.inference.torch_backend.TorchModel`."""

    spec: ModelSpec
    path: Path
    tokenizer: Any
    translator: Any
    window: int
    device: str = "cpu"
    target_token: str | None = None
    precision: str = "int8"
    backend: str = BACKEND
    origin: str = "cache"
    load_seconds: float = 0.0
    #: What its texts are credited to (:func:`models.inference.loading.model_credit`).
    credit: ModelCredit | None = None

    @property
    def input_window(self) -> int:
        return self.window

    def count_tokens(self, text: str) -> int:
        return count_tokens(self.tokenizer, text)

    def generate(
        self,
        texts: Sequence[str],
        settings: GenerationSettings,
        *,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
        state: JobState | None = None,
    ) -> list[str]:
        """One output per text; see the module docstring for progress and cancel."""
        state = state or JobState()
        state.raise_if_interrupted()
        source = [
            self.tokenizer.convert_ids_to_tokens(ids)
            for ids in self.tokenizer(list(texts), truncation=True, max_length=self.window)["input_ids"]
        ]
        max_new_tokens = max_new_tokens or settings.max_new_tokens
        min_new_tokens = settings.min_new_tokens if min_new_tokens is None else min_new_tokens
        options: dict[str, Any] = dict(
            beam_size=settings.num_beams,
            length_penalty=settings.length_penalty,
            no_repeat_ngram_size=settings.no_repeat_ngram_size,
            max_decoding_length=max_new_tokens,
            min_decoding_length=min(min_new_tokens, max_new_tokens),
            max_input_length=self.window,
            max_batch_size=0,
        )
        if settings.num_beams == 1:
            results = self.translator.translate_batch(source, callback=_step_reporter(state, max_new_tokens), **options)
        else:
            results = self._beam_search(source, options, state)
            state.set_progress_value(1.0)
        state.raise_if_interrupted()
        return [
            self.tokenizer.decode(self.tokenizer.convert_tokens_to_ids(result.hypotheses[0]), skip_special_tokens=True).strip()
            for result in results
        ]

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
        wide), best first; cancel as a beam search in :meth:`generate`."""
        state = state or JobState()
        state.raise_if_interrupted()
        source = [self.tokenizer.convert_ids_to_tokens(self.tokenizer([text], truncation=True, max_length=self.window)["input_ids"][0])]
        max_new_tokens = max_new_tokens or settings.max_new_tokens
        options: dict[str, Any] = dict(
            beam_size=max(count, settings.num_beams),
            num_hypotheses=count,
            length_penalty=settings.length_penalty,
            no_repeat_ngram_size=settings.no_repeat_ngram_size,
            max_decoding_length=max_new_tokens,
            min_decoding_length=1,
            max_input_length=self.window,
        )
        (result,) = self._beam_search(source, options, state)
        state.set_progress_value(1.0)
        return [
            self.tokenizer.decode(self.tokenizer.convert_tokens_to_ids(hypothesis), skip_special_tokens=True).strip()
            for hypothesis in result.hypotheses
        ]

    def score(self, texts: Sequence[str], outputs: Sequence[str]) -> list[float]:
        """The mean log-probability per token the model gives each output for its text (how
        sure it is of the translation; 0 is certain)."""
        encode = self.tokenizer
        source = [encode.convert_ids_to_tokens(ids) for ids in encode(list(texts), truncation=True, max_length=self.window)["input_ids"]]
        target = [
            encode.convert_ids_to_tokens(ids[:-1] if ids and ids[-1] == encode.eos_token_id else ids)  # CTranslate2 adds the end
            for ids in encode(text_target=list(outputs), truncation=True, max_length=self.window)["input_ids"]
        ]
        results = self.translator.score_batch(source, target, max_input_length=self.window, max_batch_size=SCORE_BATCH_SENTENCES)
        return [sum(result.log_probs) / max(1, len(result.log_probs)) for result in results]

    def _beam_search(self, source: list[list[str]], options: dict[str, Any], state: JobState) -> list[Any]:
        pending = self.translator.translate_batch(source, asynchronous=True, **options)
        while not all(result.done() for result in pending):
            state.raise_if_interrupted()  # the batch in flight ends on its own; its result is dropped
            time.sleep(_POLL_S)
        return [result.result() for result in pending]


def _step_reporter(state: JobState, max_steps: int) -> Callable[[Any], bool]:
    """CTranslate2's per-token callback (greedy decoding): progress once per step, and stop
    when the job is interrupted. Called for every token of every sentence, so it does as
    little as it can."""
    reached = 0

    def on_token(step: Any) -> bool:
        nonlocal reached
        if step.step + 1 > reached:  # the GIL serialises callers: no lock needed for this check
            reached = step.step + 1
            try:
                state.set_progress_value(reached / max(1, max_steps))
            except Exception:  # noqa: BLE001 - never let a progress report break the decoding
                log.exception("progress report failed")
        return state.is_interruption_requested()

    return on_token


def load(spec: ModelSpec, folder: Path, *, workers: int) -> CTranslate2Model:
    """``spec``'s translation model from ``folder`` through CTranslate2 (converted on first use).

    ``workers``: how many batches may run at once (one CPU thread each). Raises
    :class:`ModelUnavailable` as the torch backend does for a damaged folder.
    """
    started = time.monotonic()
    try:
        import ctranslate2
        from transformers import AutoTokenizer

        from models.inference.loading import model_credit
        from models.inference.torch_backend import check_folder, choose_target_token, target_codes  # the same checks as torch

        check_folder(folder)
        weights_folder = ensure_safetensors(folder)
        path, origin = convert(weights_folder, folder)
        translator = _translator(ctranslate2, path, workers)
        tokenizer = AutoTokenizer.from_pretrained(weights_folder, local_files_only=True, trust_remote_code=False)
    except ModelUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - conversion, tokenizer and runtime errors have no common base
        first_line = (str(error).strip().splitlines() or [error.__class__.__name__])[0]
        raise ModelUnavailable(f"the model in {folder} could not be loaded with CTranslate2: {first_line}") from error
    window = _window(tokenizer, folder)
    model = CTranslate2Model(
        spec=spec,
        path=folder,
        tokenizer=tokenizer,
        translator=translator,
        window=window,
        origin=origin,
        credit=model_credit(spec, folder),
    )
    model.target_token = choose_target_token(spec, target_codes(model), folder)  # type: ignore[arg-type]
    model.load_seconds = time.monotonic() - started
    log.info("loaded %s with CTranslate2 (%s) in %.1f s", spec.repo_id, origin, model.load_seconds)
    return model


def _translator(ctranslate2: Any, path: Path, workers: int) -> Any:
    """A translator for ``workers`` batches at a time, one thread each. CTranslate2 sets the
    OpenMP thread count of the thread that creates it (to ``intra_threads``), and torch reads
    the same setting: the summariser on this thread would run on one core afterwards. The
    count is put back."""
    import torch

    threads = torch.get_num_threads()
    try:
        return ctranslate2.Translator(str(path), device="cpu", compute_type="int8", inter_threads=max(1, workers), intra_threads=1)
    finally:
        torch.set_num_threads(threads)


def _window(tokenizer: Any, folder: Path) -> int:
    positions = installed.read_json_object(folder / "config.json").get("max_position_embeddings")
    return input_window(tokenizer, positions if isinstance(positions, int) else None)
