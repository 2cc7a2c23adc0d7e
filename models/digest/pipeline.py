"""Article in, Digest out: the steps of a digest, their share of the progress bar, and the
pipeline that keeps models loaded between digests while the machine has room for them.

A Russian or Arabic article (:attr:`Article.language`) is first translated into English,
sentence by sentence and paragraph by paragraph (published as it comes, under
``alignment_key("article", "en")``), and that English text is summarised; the summary in the
article's own language is then the English summary translated back, like any other.

The summary runs first, and is published (:meth:`JobState.publish`) the moment it is done, so
a caller can show it while the translations run; each translation is published too, paragraph
by paragraph. Then every translation (the summary's and, when asked, the
article's, in each language) is planned at once and its sentence batches are shared out to
one worker per core, so Russian and Arabic are translated side by side rather than one
waiting for the other (see :mod:`models.digest.translate` for why one worker per core).
Models are loaded by :mod:`models.inference.loading`, which picks the backend. Before a model
loads on a machine short of memory, the models the operation under way does not need are
unloaded, least recently used first (:meth:`DigestPipeline._make_room`).

Importing this module is cheap; torch and transformers load with the first model.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from models.inventory import catalog, installed
from models.inventory.catalog import ModelSpec
from models.inference.memory import available_memory_mb, memory_reserve_mb, release_freed_memory
from models.common.text import split_paragraphs
from models.common import steps
from models.common.job_state import JobState
from models.common.languages import output_languages
from models.common.steps import Step
from models.common.types import (
    ENGLISH,
    Alignment,
    Article,
    Digest,
    DigestError,
    DigestOptions,
    PartialText,
    alignment_key,
)
from models.digest.align import english_translation_alignment, summary_alignment, through_translation, translation_alignment

if TYPE_CHECKING:
    from models.common.types import Seq2SeqModel
    from models.digest.revise import Alternative
    from models.digest.translate import JobOutput, TranslatedText, TranslationJob

log = logging.getLogger(__name__)

#: Translation workers; None: one per core on the CPU (see ``models.digest.translate``), one on a GPU.
TRANSLATION_WORKERS: int | None = None

#: Share of the bar for loading models, when any need loading.
_LOAD_SPAN = 0.1
# Relative cost of the other stages, in rough "seconds on a laptop" units; they only shape the bar.
_SUMMARY_CHUNK_WEIGHT = 2.0
#: Of a one-chunk summary's time, the share spent reading the chunk (the encoder); the rest decodes.
_SUMMARY_READING_SHARE = 0.15
_TRANSLATION_WEIGHT_PER_1000_CHARS = 1.0

#: What a loaded model holds besides its weights, in MB: its tokenizer, vocabularies and the
#: backend's own structures (measured: the summariser 334 MB loaded for 306 MB of int8 weights,
#: a tc-big translator 250 MB for 238 MB; README, "Where the memory goes").
_MODEL_OVERHEAD_MB = 30.0
#: Bytes a weight takes on disk, by the dtype a model's config names (tc-big's are float16).
_STORED_BYTES = {"float32": 4, "float16": 2, "bfloat16": 2, "float64": 8}


@dataclass(frozen=True)
class PipelineConfig:
    """Which models to use and where: a catalogue profile, an optional folder of models
    (else ``ARTICLE_DIGEST_MODELS``, else the Hugging Face cache), and a device.

    ``quantize``: None (auto) runs the Linear layers in int8 on the CPU when torch can (the
    int8 copy is cached on disk), True asks for int8, False keeps float32 everywhere.

    ``translation_backend``: None (auto) translates with CTranslate2 (:mod:`models.inference.ctranslate2_backend`) when
    it is installed and the device is the CPU, else with torch; ``"torch"`` or
    ``"ctranslate2"`` choose (the latter falls back to torch when it cannot be used).
    ``summary_backend``: the same for the summariser. With every model on CTranslate2 the
    engine's process imports no torch.
    """

    profile: str = catalog.DEFAULT_PROFILE
    models_dir: str | None = None
    device: str | None = None
    quantize: bool | None = None
    translation_backend: str | None = None
    summary_backend: str | None = None


class DigestPipeline:
    """Runs digests (and their revisions), keeping each model loaded once it has been used
    while the machine has room: a reload costs about a second a model. Before a model loads,
    if the memory available less what it needs would fall below the reserve
    (:func:`~models.inference.memory.memory_reserve_mb`), the loaded models the operation
    under way does not need are unloaded, least recently used first, until there is room or
    none is left (the model loads anyway: the user asked for it).

    One operation at a time: the engine's process serves one request after another; a lock
    keeps other callers (the CLI, tests, the bench) honest.
    """

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self._specs = catalog.specs_for(self.config.profile)
        self._loaded: dict[str, Seq2SeqModel] = {}
        #: When each loaded model was last asked for (a count of :meth:`model` calls): the
        #: least recently used is unloaded first.
        self._last_used: dict[str, int] = {}
        self._uses = 0
        #: The tasks the operation under way needs (never unloaded while it runs); None
        #: between operations.
        self._holding: set[str] | None = None
        self._lock = threading.Lock()
        #: How many times a model was loaded from disk (tests check models load once).
        self.load_count = 0

    @contextlib.contextmanager
    def _operation(self) -> Iterator[None]:
        """Hold the lock for one operation; the models it needs (:meth:`_hold`, and every one it
        asks :meth:`model` for) stay loaded until it ends."""
        with self._lock:
            self._holding = set()
            try:
                yield
            finally:
                self._holding = None

    def _hold(self, tasks: Iterable[str]) -> None:
        """Mark ``tasks`` as needed by the operation under way (nothing between operations)."""
        if self._holding is not None:
            self._holding.update(tasks)

    def loaded_tasks(self) -> list[str]:
        """The tasks whose models are loaded now, least recently used first (for tests and the bench)."""
        last_used = dict(self._last_used)
        return sorted(self._loaded, key=lambda task: last_used.get(task, 0))

    def specs(self, options: DigestOptions, article_language: str | None = None) -> list[ModelSpec]:
        """The models a digest with ``options`` of an article in ``article_language`` needs,
        summariser first (with the model that translates it into English when it needs one)."""
        known = output_languages()
        unknown = [language for language in options.languages if language not in known]
        if unknown:
            raise DigestError(f"no translation model for {', '.join(unknown)} (choose from {', '.join(known)})")
        return [self._specs[task] for task in catalog.tasks_for(options.languages, article_language)]

    def model(self, spec: ModelSpec) -> Seq2SeqModel:
        """``spec``'s model, loaded on first use and kept while the machine has room (before it
        loads, :meth:`_make_room` may unload models the operation under way does not need)."""
        self._hold([spec.task])
        loaded = self._loaded.get(spec.task)
        if loaded is None:
            from models.inference.loading import load_model

            location = installed.locate(spec, self.config.models_dir)
            self._make_room(spec, self._estimated_mb(location.path), self._holding or set())
            config = self.config
            loaded = load_model(
                spec, location.path, config.device, config.quantize, config.translation_backend, config.summary_backend
            )
            self._loaded[spec.task] = loaded
            self.load_count += 1
            # A load's scratch buffers (CTranslate2's on Intel MKL: about 160 MB a model) stay
            # with glibc otherwise, and the loaded models' memory would count them.
            release_freed_memory()
        self._uses += 1
        self._last_used[spec.task] = self._uses
        return loaded

    def _estimated_mb(self, folder: Path) -> float:
        """The memory the model in ``folder`` will take once loaded (see :func:`estimated_model_mb`):
        int8 on the CPU unless ``quantize`` is False (CTranslate2's copies and torch's int8 path).
        An unnamed device counts as the CPU, found without asking torch (a GPU's models take
        little of the machine's memory anyway)."""
        on_cpu = self.config.device in (None, "", "cpu")
        return estimated_model_mb(folder, int8=on_cpu and self.config.quantize is not False, cpu=on_cpu)

    def _make_room(self, spec: ModelSpec, needed_mb: float, keep: set[str]) -> None:
        """Before ``spec``'s model (``needed_mb``) loads: while the memory available less
        ``needed_mb`` is below the reserve, unload the least recently used model whose task is
        not in ``keep`` (the operation's own). Memory that cannot be read counts as plenty;
        when nothing more can go, the model loads anyway."""
        reserve = memory_reserve_mb()
        while True:
            available = available_memory_mb()
            if available is None or available - needed_mb >= reserve:
                return
            idle = [task for task in self._loaded if task not in keep]
            if not idle:
                log.info(
                    "loading %s short of memory (%.0f MB available, %.0f MB needed, %.0f MB reserve): "
                    "every model loaded is in use",
                    spec.task, available, needed_mb, reserve,
                )
                return
            task = min(idle, key=lambda name: self._last_used.get(name, 0))
            self._unload(task)
            log.info(
                "unloaded %s, the least recently used model not needed now, to load %s "
                "(%.0f MB available, %.0f MB needed, %.0f MB reserve)",
                task, spec.task, available, needed_mb, reserve,
            )

    def _unload(self, task: str) -> None:
        """Drop ``task``'s model and give its memory back to the OS (collecting cycles first only
        when something still holds it: a cycle would keep its weights until the collector ran)."""
        model = self._loaded.pop(task)
        self._last_used.pop(task, None)
        try:
            held: weakref.ref[Seq2SeqModel] | None = weakref.ref(model)
        except TypeError:  # an object without weak references: assume nothing else holds it
            held = None
        del model
        release_freed_memory(collect=held is not None and held() is not None)

    def preload(
        self,
        options: DigestOptions,
        state: JobState | None = None,
        article_language: str | None = None,
        give_way: Callable[[], bool] | None = None,
    ) -> None:
        """Load the models a digest with ``options`` (of an article in ``article_language``)
        needs, in the order a digest needs them, each step shown in ``state``. ``give_way``:
        asked before each model; True stops here (a digest is waiting: it loads the rest in
        its own order, and starts summarising before the translators load)."""
        state = state or JobState()
        with self._operation():
            specs = self.specs(options, article_language)
            self._hold(spec.task for spec in specs)
            for spec in specs:
                if spec.task in self._loaded:
                    continue
                if give_way is not None and give_way():
                    return
                self._load([spec], state)

    def spec(self, task: str) -> ModelSpec:
        """The profile's model for ``task``; DigestError when the profile has none."""
        try:
            return self._specs[task]
        except KeyError:
            raise DigestError(f"no model for {catalog.task_label(task)} in the {self.config.profile} profile") from None

    def has_task(self, task: str) -> bool:
        """Whether the profile has a model for ``task`` (installed or not)."""
        return task in self._specs

    def loaded_models(self, tasks: list[str], state: JobState) -> dict[str, Seq2SeqModel]:
        """The models of ``tasks``, loading those not loaded yet (each step shown in ``state``,
        whose bar they fill), and kept loaded until the operation ends. For the revision
        operations (:mod:`models.digest.revise`), which hold the pipeline's lock already."""
        specs = [self.spec(task) for task in tasks]
        self._hold(tasks)
        self._load(specs, state)
        return {spec.task: self.model(spec) for spec in specs}

    def translate_jobs(self, jobs: list[TranslationJob], state: JobState) -> list[JobOutput]:
        """:func:`models.digest.translate.translate_jobs` with the digest's workers (one per core)."""
        from models.digest.translate import translate_jobs

        workers, thread_setup = _translation_workers([job.model for job in jobs])
        return translate_jobs(jobs, state, workers=workers, thread_setup=thread_setup)

    # -- revising a digest (models.digest.revise) ----------------------------------------------
    def revise_summary(self, digest: Digest, edited_summary: str, state: JobState | None = None, *, replace_edited: bool = False) -> Digest:
        """``digest`` with ``edited_summary`` as its English summary: only its new and changed
        sentences are translated again, into each of its languages (see
        :func:`models.digest.revise.revise_summary`)."""
        from models.digest import revise

        with self._operation():
            return revise.revise_summary(self, digest, edited_summary, state or JobState(), replace_edited=replace_edited)

    def back_translate(self, digest: Digest, state: JobState | None = None, keys: list[str] | None = None) -> Digest:
        """``digest`` with every translated sentence that lacks one given its translation back
        into English, and flagged where it drifted (see :func:`models.digest.revise.back_translate`)."""
        from models.digest import revise

        with self._operation():
            return revise.back_translate(self, digest, state or JobState(), keys)

    def alternatives(
        self, language: str, english: str, count: int = 4, state: JobState | None = None, exclude: tuple[str, ...] = ()
    ) -> list[Alternative]:
        """Up to ``count`` other translations of the English sentence ``english`` into
        ``language``, each with its back-translation (see :func:`models.digest.revise.alternatives`)."""
        from models.digest import revise

        with self._operation():
            return revise.alternatives(self, language, english, count, state or JobState(), exclude)

    def _load(self, specs: list[ModelSpec], state: JobState) -> None:
        to_load = [spec for spec in specs if spec.task not in self._loaded]
        for index, spec in enumerate(to_load):
            state.raise_if_interrupted()
            state.set_status(catalog.loading_step(spec.task))
            state.set_progress_value(index / len(to_load))
            self.model(spec)
        state.set_progress_value(1.0)

    def digest(self, article: Article, options: DigestOptions | None = None, state: JobState | None = None) -> Digest:
        """Summarise ``article`` and translate as ``options`` ask, reporting into ``state``.

        Raises ``Cancelled`` soon after ``state`` is interrupted, ``ModelUnavailable`` when a
        model is missing, ``DigestError`` for anything else the user can act on.
        """
        options = options or DigestOptions()
        state = state or JobState()
        with self._operation():
            return self._digest(article, options, state)

    def _digest(self, article: Article, options: DigestOptions, state: JobState) -> Digest:
        started = time.monotonic()
        paragraphs = split_paragraphs(article.text)
        if not paragraphs:
            raise DigestError("the article has no text")
        state.set_status(Step(steps.STARTING))
        translated_from = article.language if catalog.needs_english_translation(article.language) else None

        specs = self.specs(options, translated_from)
        self._hold(spec.task for spec in specs)  # none of them is unloaded to make room for another
        # The models the summary needs load first, and the summary starts before the translators
        # are loaded (a cold start shows the summary sooner); they load once it is published.
        out_of_english = {catalog.translation_task(language) for language in options.languages}
        first = [spec for spec in specs if spec.task not in out_of_english]
        later = [spec for spec in specs if spec not in first]
        load_end = _LOAD_SPAN if any(spec.task not in self._loaded for spec in first) else 0.0
        self._load(first, state.sub_state(0.0, load_end))
        loaded = {spec.task: self.model(spec) for spec in first}
        state.set_status(Step(steps.MODELS_READY))

        from models.digest.summarize import summarize

        summariser = loaded[catalog.SUMMARIZE]
        # Spans of the bar: loading, the article's English translation (when it needs one), the
        # summary, then the translations in proportion to their text.
        summary_chars = 600  # what a news summary is about as long as
        texts = [("summary", language, summary_chars) for language in options.languages]
        if options.translate_article:
            # An article is not translated into its own language.
            texts += [("article", language, len(article.text)) for language in options.languages if language != translated_from]
        translation_weight = sum(chars / 1000 * _TRANSLATION_WEIGHT_PER_1000_CHARS for _, _, chars in texts)
        english_end = load_end
        english: _EnglishArticle | None = None
        if translated_from is not None:
            # The summary's share is guessed from the original here (its English is not written
            # yet), and worked out again from the English below.
            english_weight = len(article.text) / 1000 * _TRANSLATION_WEIGHT_PER_1000_CHARS
            rest = _summary_weight(summariser, paragraphs) + translation_weight
            english_end = load_end + (1.0 - load_end) * english_weight / (english_weight + rest)
            translation = self._translate_into_english(loaded, article.text, translated_from, state.sub_state(load_end, english_end))
            threshold = loaded[catalog.into_english_task(translated_from)].spec.confidence_threshold
            english = _EnglishArticle(translation.text, english_translation_alignment(article.text, translation, threshold))
        source_paragraphs = split_paragraphs(english.text) if english is not None else paragraphs
        summary_weight = _summary_weight(summariser, source_paragraphs)
        summary_end = english_end + (1.0 - english_end) * summary_weight / ((summary_weight + translation_weight) or 1.0)

        summary = summarize(summariser, source_paragraphs, summariser.spec.generation, state.sub_state(english_end, summary_end))
        state.publish(PartialText(alignment_key("summary"), summary, complete=True))
        # Beam search leaves a few hundred MB of freed buffers that glibc keeps; give them back
        # before the translators allocate theirs, so the two peaks do not stack.
        release_freed_memory()
        translate_start = summary_end
        if any(spec.task not in self._loaded for spec in later):
            translate_start = summary_end + (1.0 - summary_end) * _LOAD_SPAN
            self._load(later, state.sub_state(summary_end, translate_start))
        loaded.update({spec.task: self.model(spec) for spec in later})
        source_text = "\n\n".join(source_paragraphs)
        translated = self._translate(loaded, summary, source_text, texts, state.sub_state(translate_start, 1.0))

        alignments = _alignments(article.text, english, summary, texts, translated, loaded)
        outputs = {(kind, language): translation.text for (kind, language, _), translation in zip(texts, translated)}
        state.report(1.0, Step(steps.DONE))
        from models.inference.loading import credit_of

        return Digest(
            article=article,
            summary=summary,
            summary_translations={language: outputs["summary", language] for language in options.languages},
            article_translations={language: text for (kind, language), text in outputs.items() if kind == "article"},
            # What was actually loaded: a chosen folder may hold another model than the catalogue's.
            models=tuple(credit_of(model) for model in loaded.values()),
            seconds=time.monotonic() - started,
            alignments=alignments,
            translated_from=translated_from,
            english_translation=english.text if english is not None else "",
            # Back-translation runs after the digest is shown (back_translate), never in it.
            back_translate=options.back_translate,
        )

    def _translate_into_english(self, loaded: dict[str, Seq2SeqModel], text: str, language: str, state: JobState) -> TranslatedText:
        """The article ``text``, in ``language``, translated into English sentence by sentence,
        keeping its paragraphs; published as its leading paragraphs are done."""
        from models.digest.translate import TextTranslation, translate_texts

        translator = loaded[catalog.into_english_task(language)]
        request = TextTranslation(
            model=translator,
            text=text,
            settings=translator.spec.generation,
            label=Step(steps.TRANSLATING_INTO_ENGLISH, language=language),
            scored=True,
            key=alignment_key("article", ENGLISH),
        )
        workers, thread_setup = _translation_workers([translator])
        return translate_texts([request], state, workers=workers, thread_setup=thread_setup)[0]

    def _translate(
        self,
        loaded: dict[str, Seq2SeqModel],
        summary: str,
        article_text: str,
        texts: list[tuple[str, str, int]],
        state: JobState,
    ) -> list[TranslatedText]:
        """Every translation the digest needs, in the order of ``texts`` ((kind, language, chars)).

        All of them are planned first and their batches shared out to one worker per core
        (each with one torch thread), so the languages run side by side; see
        :mod:`models.digest.translate`. On a GPU one worker feeds the device.
        """
        from models.digest.translate import TextTranslation, translate_texts

        requests = []
        for kind, language, chars in texts:
            translator = loaded[catalog.translation_task(language)]
            requests.append(
                TextTranslation(
                    model=translator,
                    text=summary if kind == "summary" else article_text,
                    settings=translator.spec.generation,
                    label=Step(steps.TRANSLATING_SUMMARY if kind == "summary" else steps.TRANSLATING_ARTICLE, language=language),
                    weight=chars / 1000 * _TRANSLATION_WEIGHT_PER_1000_CHARS,
                    scored=True,
                    key=alignment_key(kind, language),
                )
            )
        workers, thread_setup = _translation_workers([request.model for request in requests])
        return translate_texts(requests, state, workers=workers, thread_setup=thread_setup)


def estimated_model_mb(folder: Path, *, int8: bool, cpu: bool = True) -> float:
    """The memory the model in ``folder`` will take once loaded, in MB, from the size of its
    weights (its ``*.safetensors``, else its ``*.bin``: the files the loader reads) and the dtype
    its config names: a byte a weight in int8, four in float32 on the CPU, as stored on another
    device; plus :data:`_MODEL_OVERHEAD_MB`. Read before loading, so cheap: no weights opened."""
    try:
        weights = [path for path in folder.glob("*.safetensors") if path.is_file()]
        if not weights:
            weights = [path for path in folder.glob("*.bin") if path.is_file()]
        stored = sum(path.stat().st_size for path in weights)
    except OSError:
        stored = 0
    stored_bytes = _stored_bytes(folder)
    if int8:
        resident = stored / stored_bytes
    elif cpu:
        resident = stored / stored_bytes * 4
    else:
        resident = stored
    return resident / 2**20 + _MODEL_OVERHEAD_MB


def _stored_bytes(folder: Path) -> int:
    """Bytes a weight takes in ``folder``'s files, by its config's ``dtype`` (``torch_dtype``
    before transformers 5); float32's four when it names none."""
    config = installed.read_json_object(folder / "config.json")
    dtype = config.get("dtype") or config.get("torch_dtype")
    return _STORED_BYTES.get(dtype, 4) if isinstance(dtype, str) else 4


@dataclass(frozen=True)
class _EnglishArticle:
    """A Russian or Arabic article's English translation, and its alignment against the article."""

    text: str
    alignment: Alignment


def _alignments(
    article_text: str,
    english: _EnglishArticle | None,
    summary: str,
    texts: list[tuple[str, str, int]],
    translated: list[TranslatedText],
    loaded: dict[str, Seq2SeqModel],
) -> dict[str, Alignment]:
    """Every generated text's alignment, by :func:`alignment_key`. What was made from the
    English translation of the article is carried through it to the article as written."""

    def to_article(alignment: Alignment) -> Alignment:
        return through_translation(alignment, english.alignment) if english is not None else alignment

    summarised = english.text if english is not None else article_text
    alignments = {alignment_key("summary"): to_article(summary_alignment(summarised, summary))}
    if english is not None:
        alignments[alignment_key("article", ENGLISH)] = english.alignment
    for (kind, language, _), translation in zip(texts, translated):
        threshold = loaded[catalog.translation_task(language)].spec.confidence_threshold
        if kind == "summary":
            alignments[alignment_key(kind, language)] = translation_alignment(kind, summary, translation, language, threshold)
        else:
            alignments[alignment_key(kind, language)] = to_article(translation_alignment(kind, summarised, translation, language, threshold))
    return alignments


def _translation_workers(models: list[Seq2SeqModel]) -> tuple[int, Callable[[], None]]:
    """How many translation workers to run for ``models`` (see :data:`TRANSLATION_WORKERS`), and
    what each runs first: one torch thread apiece (nothing, torch not imported, when no
    model runs on torch)."""
    from models.inference.runtime import cpu_count, set_thread_count

    on_cpu = all(model.device == "cpu" for model in models)
    workers = cpu_count() if on_cpu and TRANSLATION_WORKERS is None else (TRANSLATION_WORKERS or 1)
    return workers, lambda: set_thread_count(1)


def _summary_weight(summariser: Seq2SeqModel, paragraphs: list[str]) -> float:
    """The summary's weight on the bar: a chunk's worth of reading for each chunk, and the
    decoding in proportion to the steps planned (a full summary weighs as much as a chunk)."""
    from models.digest.summarize import decoding_steps, plan_chunks

    chunks = plan_chunks(summariser, paragraphs)
    settings = summariser.spec.generation
    decoding = decoding_steps(summariser, chunks, settings) / max(1, settings.max_new_tokens)
    return _SUMMARY_CHUNK_WEIGHT * (len(chunks) * _SUMMARY_READING_SHARE + decoding * (1 - _SUMMARY_READING_SHARE))
