"""Optional backend: CTranslate2, the engine under Argos Translate and LibreTranslate.

Used for the translation models and the summariser when the ``ctranslate2`` package is
installed and the models run on the CPU (``PipelineConfig.translation_backend`` and
``summary_backend``: None picks it automatically, ``"torch"`` turns it off). The app works the
same without it: :mod:`models.inference.torch_backend` (PyTorch, int8 Linear layers) does the
work then. Nothing here imports torch once a model is converted: with every model on
CTranslate2 the engine's process holds neither torch nor transformers' modelling code.

The downloaded Hugging Face model is converted once, on the worker thread, to CTranslate2's
int8 format under ``models.common.paths.user_cache_dir()/ct2`` (keyed like the int8 PyTorch copy:
source files, sizes, times, config and converter version); CTranslate2 reads its own binary
format, nothing is unpickled. Texts are split and joined by the model's Hugging Face tokenizer,
exported beside the copy on first use so that later loads need no transformers
(:mod:`models.inference.engine_tokenizers`, which checks the export splits and joins as
transformers does).

Progress and cancel: with greedy decoding CTranslate2 calls back after every step, so both
work per step as on the PyTorch path. Beam search has no such callback (CTranslate2 4.x
refuses ``callback`` with ``beam_size`` > 1): progress moves per batch, and a cancel returns
within :data:`_POLL_S` while the batch in flight finishes in CTranslate2's own thread and is
thrown away (or taken over: see below).

The summary (beam search, :meth:`CTranslate2Model.generate` with ``on_partial``; a long
article's chunks in one batch) is searched twice: first :data:`PREVIEW_TOKENS` steps of its
first text only, whose best hypothesis is the leading beam of the full search at that step (the same search, stopped there) and is
published as the summary's first words, then the whole search, asynchronously, its progress
estimated from the time a step took in the previous summaries. Cancel returns at once; the
search in flight finishes in CTranslate2's thread (up to a summary's time of CPU). The same
search asked for again meanwhile (the article digested anew) takes over the abandoned one.

One translator per model serves one batch per core at a time (``inter_threads`` = cores, one
thread each), matching how :func:`models.digest.translate.translate_jobs` shares batches out.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Sequence

from models.inventory import installed
from models.inventory.catalog import GenerationSettings, ModelSpec
from models.inventory.copies import CT2_COPIES, cache_stem, copy_path, ensure_safetensors, remove_abandoned_partials
from models.inference import engine_tokenizers
from models.inference.engine_tokenizers import EngineTokens, HuggingFaceTokens
from models.inference.memory import release_freed_memory
from models.inference.runtime import check_folder, choose_target_token, load_tokenizer, target_codes, torch_loaded
from models.inference.tokens import SCORE_BATCH_SENTENCES, decoder_width, input_window
from models.common.atomic import move_into_place
from models.common.job_state import JobState
from models.common.types import ModelCredit, ModelUnavailable

log = logging.getLogger(__name__)

BACKEND = "ctranslate2"
#: How often a beam search in flight checks for a cancel and moves the summary's bar. Its end is
#: signalled, not polled (:func:`_signal_when_done`): waking every 5 ms to ask took a thread's
#: place on a core 400 times a second, 2-4 % of a translation on two cores (bench/, Intel AMX host).
_POLL_S = 0.05
#: Steps of the summary's first search, whose best hypothesis is shown as its first words.
PREVIEW_TOKENS = 5
#: Seconds a summary's decoding step is assumed to take before one has been timed (progress only).
_FIRST_STEP_GUESS_S = 0.025


def available() -> bool:
    """Whether the ``ctranslate2`` package can be imported (without importing it)."""
    return importlib.util.find_spec("ctranslate2") is not None


def serves_the_cpu() -> bool:
    """Whether models would run on the CPU here (where CTranslate2 serves them by default),
    found without importing torch on a machine without CUDA (:func:`models.inference.runtime.cpu_only`)."""
    from models.inference.runtime import cpu_only

    return cpu_only(None)


def import_runtime() -> None:
    """Import what serving models with CTranslate2 needs (the library and the tokenizers the
    exports are read with), so the first load does not wait for it; no torch, no transformers."""
    import ctranslate2  # noqa: F401
    import sentencepiece  # noqa: F401
    import tokenizers  # noqa: F401


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
            _shim_bart_config(model.config)
            return model

    return CheckedConverter(str(folder), trust_remote_code=False)


def _shim_bart_config(config: Any) -> None:
    """CTranslate2 4.x's BART loader reads ``config.normalize_before``, which transformers 5's
    ``BartConfig`` no longer has: BART normalises after each block (post-norm), which is
    what the attribute's old default, False, said. Marian's loader sets its own."""
    if getattr(config, "model_type", None) == "bart":
        try:
            getattr(config, "normalize_before")
        except AttributeError:
            config.normalize_before = False


@dataclass
class CTranslate2Model:
    """A translation model or the summariser served by CTranslate2, with its tokenizer
    (:mod:`models.inference.engine_tokenizers`); it offers what :class:`models.common.types.Seq2SeqModel` asks, like
    :class:`models.inference.torch_backend.TorchModel`."""

    spec: ModelSpec
    path: Path
    tokenizer: EngineTokens
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
    #: The token every output starts with (BART's ``forced_bos_token_id``), None for most models.
    forced_first_token: str | None = None
    #: Seconds per decoding step of the last summaries (progress estimates only).
    step_seconds: float = _FIRST_STEP_GUESS_S
    #: ``on_partial`` costs a short search of its own (see the module docstring): a long
    #: article's later chunks are summarised without it (:mod:`models.digest.summarize`).
    partial_costs_a_search: bool = True
    #: See :func:`models.inference.tokens.decoder_width`.
    decoder_width: int = 0
    #: The last beam search a cancel abandoned while it ran on in CTranslate2's thread: its
    #: request (what :meth:`_request` makes of it), its pending results and the event set once
    #: they are in (:func:`_signal_when_done`). The same search asked
    #: for again (a digest cancelled and asked for anew, say with other languages) takes them
    #: over rather than queueing behind it and doing it twice.
    _abandoned: tuple[tuple[Any, ...], list[Any], threading.Event] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def input_window(self) -> int:
        return self.window

    def count_tokens(self, text: str) -> int:
        return self.tokenizer.count(text)

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
        """One output per text; see the module docstring for progress, cancel and ``on_partial``
        (beam search: the first text's first words, once)."""
        results = self._search(texts, settings, max_new_tokens, min_new_tokens, state, on_partial)
        return [self._text(result.hypotheses[0]) for result in results]

    def generate_scored(
        self,
        texts: Sequence[str],
        settings: GenerationSettings,
        *,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
        state: JobState | None = None,
    ) -> tuple[list[str], list[float]]:
        """:meth:`generate`'s outputs and what :meth:`score` says of them, from the search itself:
        CTranslate2's hypothesis score is the sum of its tokens' log-probabilities (the end token's
        included) over their count to the length penalty, so with the count known (the end token
        returned) it gives the same mean per token as the teacher-forced pass, without the pass
        (``tests/models/test_ctranslate2_summary.py`` checks the two agree)."""
        results = self._search(texts, settings, max_new_tokens, min_new_tokens, state, None, scored=True)
        outputs, scores = [], []
        for result in results:
            tokens = result.hypotheses[0]
            outputs.append(self._text(tokens))
            count = max(1, len(tokens))
            scores.append(float(result.scores[0]) * count**settings.length_penalty / count)
        return outputs, scores

    def _search(
        self,
        texts: Sequence[str],
        settings: GenerationSettings,
        max_new_tokens: int | None,
        min_new_tokens: int | None,
        state: JobState | None,
        on_partial: Callable[[str], None] | None,
        scored: bool = False,
        **more: Any,
    ) -> list[Any]:
        """The search :meth:`generate` and its siblings run (``more``: CTranslate2 options beside
        the settings', e.g. ``num_hypotheses``)."""
        state = state or JobState()
        state.raise_if_interrupted()
        source = self._source(texts)
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
            return_scores=scored,
            return_end_token=scored,  # its count is the score's (decoding drops it: a special token)
            **more,
        )
        prefix = self._prefix(len(source))
        if settings.num_beams == 1:
            results = self.translator.translate_batch(source, prefix, callback=_step_reporter(state, max_new_tokens), **options)
        elif on_partial is not None:
            results = self._summary_search(source, prefix, options, state, on_partial)
        else:
            results = self._beam_search(source, options, state, prefix)
            state.set_progress_value(1.0)
        state.raise_if_interrupted()
        return list(results)

    def _source(self, texts: Sequence[str]) -> list[list[str]]:
        return self.tokenizer.source_tokens(texts, self.window)

    def _prefix(self, count: int) -> list[list[str]] | None:
        return [[self.forced_first_token] for _ in range(count)] if self.forced_first_token else None

    def _text(self, tokens: Sequence[str]) -> str:
        return self.tokenizer.text(tokens)

    def _summary_search(
        self,
        source: list[list[str]],
        prefix: list[list[str]] | None,
        options: dict[str, Any],
        state: JobState,
        on_partial: Callable[[str], None],
    ) -> list[Any]:
        """A beam search with the first text's first words shown early (see the module docstring)."""
        steps = options["max_decoding_length"]
        started = time.monotonic()
        # An abandoned search being taken over is ahead of any preview in CTranslate2's queue.
        if PREVIEW_TOKENS < steps and not self._is_abandoned(source, options, prefix):
            preview = {**options, "max_decoding_length": PREVIEW_TOKENS, "min_decoding_length": min(options["min_decoding_length"], PREVIEW_TOKENS)}
            (first,) = self._beam_search(source[:1], preview, state, prefix[:1] if prefix else None)
            text = self._text(first.hypotheses[0])
            if text:
                on_partial(text)
            # The preview's freed buffers, kept by glibc, fit the whole search's sizes badly: the
            # search would take its own on top of them (a long article's peak 20-90 MB higher).
            release_freed_memory()
        expected = max(_POLL_S, self.step_seconds * steps)
        begun = time.monotonic()

        def report() -> None:  # the bar creeps by the time a step took before; never to the end
            state.set_progress_value(min(0.95, (time.monotonic() - started) / (begun - started + expected)))

        results = self._beam_search(source, options, state, prefix, on_wait=report)
        self.step_seconds = (time.monotonic() - begun) / max(1, steps)
        state.set_progress_value(1.0)
        return results

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
        wide = replace(settings, num_beams=max(count, settings.num_beams))
        (result,) = self._search([text], wide, max_new_tokens, 1, state, None, num_hypotheses=count)
        return [self._text(hypothesis) for hypothesis in result.hypotheses]

    def score(self, texts: Sequence[str], outputs: Sequence[str]) -> list[float]:
        """The mean log-probability per token the model gives each output for its text (how
        sure it is of the translation; 0 is certain)."""
        source = self._source(texts)
        target = self.tokenizer.target_tokens(outputs, self.window)  # without the end token: CTranslate2 adds it
        results = self.translator.score_batch(source, target, max_input_length=self.window, max_batch_size=SCORE_BATCH_SENTENCES)
        return [sum(result.log_probs) / max(1, len(result.log_probs)) for result in results]

    def _beam_search(
        self,
        source: list[list[str]],
        options: dict[str, Any],
        state: JobState,
        prefix: list[list[str]] | None = None,
        on_wait: Callable[[], None] | None = None,
    ) -> list[Any]:
        request = self._request(source, options, prefix)
        abandoned, self._abandoned = self._abandoned, None
        if abandoned is not None and abandoned[0] == request:
            pending, finished = abandoned[1], abandoned[2]
        else:
            pending = self.translator.translate_batch(source, prefix, asynchronous=True, **options)
            finished = _signal_when_done(pending)
        while not finished.is_set():
            if state.is_interruption_requested():  # the batch in flight ends on its own: kept for a second asking
                self._abandoned = (request, pending, finished)
                state.raise_if_interrupted()
            if on_wait is not None:
                on_wait()
            finished.wait(_POLL_S)
        return [result.result() for result in pending]

    @staticmethod
    def _request(source: list[list[str]], options: dict[str, Any], prefix: list[list[str]] | None) -> tuple[Any, ...]:
        """A beam search's inputs as one comparable value."""
        return (tuple(map(tuple, source)), tuple(map(tuple, prefix)) if prefix else None, tuple(sorted(options.items())))

    def _is_abandoned(self, source: list[list[str]], options: dict[str, Any], prefix: list[list[str]] | None) -> bool:
        abandoned = self._abandoned
        return abandoned is not None and abandoned[0] == self._request(source, options, prefix)


def _signal_when_done(pending: list[Any]) -> threading.Event:
    """An event set once every one of ``pending``'s asynchronous results is in. A thread of its
    own waits in CTranslate2, which lets go of the GIL while it waits; a result that failed
    raises again when the caller asks for it (CTranslate2 keeps its outcome). Not a daemon: the
    interpreter's exit waits for it (as the translator's own teardown waits for the batch
    anyway); a daemon woken by its result during the exit would abort the process."""
    finished = threading.Event()

    def wait() -> None:
        for result in pending:
            try:
                result.result()
            except Exception:  # noqa: BLE001 - the caller's own result() raises it
                pass
        finished.set()

    threading.Thread(target=wait, name="ctranslate2-wait").start()
    return finished


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


def load(spec: ModelSpec, folder: Path, *, workers: int, threads: int = 1) -> CTranslate2Model:
    """``spec``'s model from ``folder`` through CTranslate2 (converted on first use).

    ``workers``: how many batches may run at once, ``threads`` each (the translators: one batch
    per core, one thread each; the summariser: one batch on every core). Raises
    :class:`ModelUnavailable` as the torch backend does for a damaged folder.
    """
    started = time.monotonic()
    try:
        import ctranslate2

        from models.inference.loading import model_credit

        check_folder(folder)
        weights_folder = ensure_safetensors(folder)
        path, origin = convert(weights_folder, folder)
        translator = _translator(ctranslate2, path, workers, threads)
        tokenizer = _tokenizer(path, weights_folder)
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
        forced_first_token=_forced_first_token(tokenizer, weights_folder),
        decoder_width=decoder_width(installed.read_json_object(folder / "config.json")),
    )
    model.target_token = choose_target_token(spec, target_codes(tokenizer), folder)  # type: ignore[arg-type]
    model.load_seconds = time.monotonic() - started
    log.info("loaded %s with CTranslate2 (%s) in %.1f s", spec.repo_id, origin, model.load_seconds)
    return model


def _translator(ctranslate2: Any, path: Path, workers: int, threads: int = 1) -> Any:
    """A translator for ``workers`` batches at a time, ``threads`` each. CTranslate2 sets the
    OpenMP thread count of the thread that creates it (to ``intra_threads``), and torch reads
    the same setting: a torch summariser on this thread would run on one core afterwards. The
    count is put back when torch is loaded (and left alone, torch not imported, when not)."""
    def make() -> Any:
        return ctranslate2.Translator(str(path), device="cpu", compute_type="int8", inter_threads=max(1, workers), intra_threads=max(1, threads))

    if not torch_loaded():
        return make()
    import torch

    before = torch.get_num_threads()
    try:
        return make()
    finally:
        torch.set_num_threads(before)


def _tokenizer(copy: Path, folder: Path) -> EngineTokens:
    """The tokenizer of the model in ``folder`` whose CTranslate2 copy is ``copy``: its export
    (no transformers), else transformers' own, exported for the next load where it can be."""
    exported = engine_tokenizers.read_export(copy, folder)
    if exported is not None:
        return exported
    reference = HuggingFaceTokens(load_tokenizer(folder))
    return engine_tokenizers.export(reference, copy, folder, _window(reference, folder)) or reference


def _forced_first_token(tokenizer: EngineTokens, folder: Path) -> str | None:
    """The token the model's generation settings force first (``forced_bos_token_id``: BART's
    CNN checkpoints start every summary with ``<s>``), as CTranslate2 takes it: a target prefix."""
    for name in ("generation_config.json", "config.json"):
        forced = installed.read_json_object(folder / name).get("forced_bos_token_id")
        if isinstance(forced, int):
            return tokenizer.token(forced)
    return None


def _window(tokenizer: EngineTokens, folder: Path) -> int:
    positions = installed.read_json_object(folder / "config.json").get("max_position_embeddings")
    return input_window(tokenizer, positions if isinstance(positions, int) else None)
