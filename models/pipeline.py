"""Article in, Digest out: the steps of a digest, their share of the progress bar, and the
engine that keeps models loaded between digests.

The summary runs first. Then every translation (the summary's and, when asked, the
article's, in each language) is planned at once and its sentence batches are shared out to
one worker per core, so Russian and Arabic are translated side by side rather than one
waiting for the other (see :mod:`models.translate` for why one worker per core).

Importing this module is cheap; torch and transformers load with the first model.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from models import catalog, store
from models.catalog import ModelSpec
from models.memory import release_freed_memory
from models.text import split_paragraphs
from models.types import (
    LANGUAGE_NAMES,
    Article,
    CancelToken,
    Digest,
    DigestError,
    DigestOptions,
    ModelCredit,
    ModelUnavailable,
    Progress,
    ProgressCallback,
)

if TYPE_CHECKING:
    from models.engine import LoadedModel

log = logging.getLogger(__name__)

#: Minimum time between two progress reports that carry the same step label.
PROGRESS_INTERVAL_S = 0.05
#: Translation workers; None: one per core on the CPU (see ``models.translate``), one on a GPU.
TRANSLATION_WORKERS: int | None = None

#: Share of the bar for loading models, when any need loading.
_LOAD_SPAN = 0.1
# Relative cost of the other stages, in rough "seconds on a laptop" units; they only shape the bar.
_SUMMARY_CHUNK_WEIGHT = 2.0
_TRANSLATION_WEIGHT_PER_1000_CHARS = 1.0


@dataclass(frozen=True)
class EngineConfig:
    """Which models to use and where: a catalogue profile, an optional folder of models
    (else ``ARTICLE_DIGEST_MODELS``, else the Hugging Face cache), and a device.

    ``quantize``: None (auto) runs the Linear layers in int8 on the CPU when torch can (the
    int8 copy is cached on disk), True asks for int8, False keeps float32 everywhere.

    ``translation_backend``: None (auto) translates with CTranslate2 (:mod:`models.ct2`) when
    it is installed and the device is the CPU, else with torch; ``"torch"`` or
    ``"ctranslate2"`` choose (the latter falls back to torch when it cannot be used).
    """

    profile: str = catalog.DEFAULT_PROFILE
    models_dir: str | None = None
    device: str | None = None
    quantize: bool | None = None
    translation_backend: str | None = None


class ProgressReporter:
    """Maps each stage's own 0..1 onto its span of the whole job; throttled and monotone."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self._callback = callback
        self._last_fraction = 0.0
        self._last_step = ""
        self._last_time = 0.0
        # Stages running side by side report from their own threads.
        self._lock = threading.Lock()

    def emit(self, fraction: float, step: str, *, force: bool = False) -> None:
        if self._callback is None:
            return
        with self._lock:
            fraction = min(1.0, max(self._last_fraction, fraction))
            now = time.monotonic()
            if not force and step == self._last_step and now - self._last_time < PROGRESS_INTERVAL_S:
                return
            self._last_fraction, self._last_step, self._last_time = fraction, step, now
            self._callback(Progress(fraction=fraction, step=step))

    def parallel(self, start: float, end: float, weights: dict[str, float]) -> Callable[[str], Callable[[float, str], None]]:
        """Stage reports for stages that run at the same time over ``start``..``end``: the bar
        shows their weighted sum, so it moves steadily whichever stage is ahead."""
        done = dict.fromkeys(weights, 0.0)
        total = sum(weights.values()) or 1.0
        lock = threading.Lock()

        def stage(name: str) -> Callable[[float, str], None]:
            def report(local: float, step: str) -> None:
                with lock:
                    done[name] = max(done[name], local)
                    fraction = sum(weights[key] * value for key, value in done.items()) / total
                self.emit(start + (end - start) * fraction, step)

            return report

        return stage

    def stage(self, start: float, end: float):  # noqa: ANN201 - a StageReport
        """A ``StageReport`` for a stage that covers ``start``..``end`` of the whole job."""

        def report(local: float, step: str) -> None:
            self.emit(start + (end - start) * local, step)

        return report


class DigestEngine:
    """Runs digests, keeping each model loaded once it has been used.

    One digest at a time: the desktop app calls it from its single worker thread; a lock
    keeps other callers honest.
    """

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.config = config or EngineConfig()
        self._specs = catalog.specs_for(self.config.profile)
        self._loaded: dict[str, LoadedModel] = {}
        self._lock = threading.Lock()
        #: How many times a model was loaded from disk (tests check models load once).
        self.load_count = 0

    # -- what a digest needs -------------------------------------------------------------
    def specs(self, options: DigestOptions) -> list[ModelSpec]:
        unknown = [language for language in options.languages if language not in LANGUAGE_NAMES]
        if unknown:
            raise DigestError(f"no translation model for {', '.join(unknown)} (choose from {', '.join(LANGUAGE_NAMES)})")
        return [self._specs[task] for task in catalog.tasks_for(options.languages)]

    def check(self, options: DigestOptions) -> list[str]:
        """One line per model the digest needs but cannot find; empty when all are on disk."""
        problems = []
        for spec in self.specs(options):
            if spec.task in self._loaded:
                continue
            try:
                store.locate(spec, self.config.models_dir)
            except ModelUnavailable as error:
                problems.append(f"{task_label(spec.task)} model: {error}")
        return problems

    def credits(self, options: DigestOptions) -> tuple[ModelCredit, ...]:
        return tuple(ModelCredit(spec.task, spec.repo_id, spec.licence) for spec in self.specs(options))

    # -- running --------------------------------------------------------------------------
    def model(self, spec: ModelSpec) -> LoadedModel:
        """``spec``'s model, loaded on first use and kept."""
        loaded = self._loaded.get(spec.task)
        if loaded is None:
            from models import engine

            location = store.locate(spec, self.config.models_dir)
            loaded = self._load_with_ctranslate2(spec, location.path)
            if loaded is None:
                loaded = engine.load(spec, location.path, self.config.device, quantize=self.config.quantize)
            self._loaded[spec.task] = loaded
            self.load_count += 1
        return loaded

    def _load_with_ctranslate2(self, spec: ModelSpec, folder: Path) -> LoadedModel | None:
        """A translation model served by CTranslate2 when the config allows and it works, else None."""
        backend = self.config.translation_backend
        if spec.task == catalog.SUMMARIZE or backend == "torch":
            return None
        from models import ct2
        from models.engine import cpu_count, pick_device

        if not ct2.available():
            if backend == "ctranslate2":
                log.warning("CTranslate2 is not installed; translating with torch")
            return None
        if pick_device(self.config.device) != "cpu" or self.config.quantize is False:
            return None
        try:
            return ct2.load(spec, store.ensure_safetensors(folder), workers=cpu_count())  # type: ignore[return-value]
        except ModelUnavailable as error:
            # Not a warning: torch loads the same files next and reports a broken model itself.
            log.info("%s; translating with torch", error)
            return None

    def digest(
        self,
        article: Article,
        options: DigestOptions | None = None,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Digest:
        """Summarise ``article`` and translate as ``options`` ask; see :class:`DigestEngine`.

        Raises ``Cancelled`` soon after ``cancel`` is set, ``ModelUnavailable`` when a model
        is missing, ``DigestError`` for anything else the user can act on.
        """
        options = options or DigestOptions()
        cancel = cancel or CancelToken()
        with self._lock:
            return self._digest(article, options, ProgressReporter(progress), cancel)

    def _digest(self, article: Article, options: DigestOptions, reporter: ProgressReporter, cancel: CancelToken) -> Digest:
        started = time.monotonic()
        paragraphs = split_paragraphs(article.text)
        if not paragraphs:
            raise DigestError("the article has no text")
        reporter.emit(0.0, "Starting", force=True)

        specs = self.specs(options)
        to_load = [spec for spec in specs if spec.task not in self._loaded]
        loaded: dict[str, LoadedModel] = {}
        for spec in specs:
            cancel.raise_if_cancelled()
            if spec in to_load:
                done = to_load.index(spec) / len(to_load)
                reporter.emit(_LOAD_SPAN * done, loading_step(spec.task), force=True)
            loaded[spec.task] = self.model(spec)
        load_end = _LOAD_SPAN if to_load else 0.0

        from models.summarize import plan_chunks, summarize

        summariser = loaded[catalog.SUMMARIZE]
        chunk_count = len(plan_chunks(summariser, paragraphs))
        # Spans of the bar: loading, the summary, then translations in proportion to their text.
        summary_chars = 600  # what a news summary is about as long as
        translation_weights = {language: summary_chars / 1000 * _TRANSLATION_WEIGHT_PER_1000_CHARS for language in options.languages}
        article_weights = (
            {language: len(article.text) / 1000 * _TRANSLATION_WEIGHT_PER_1000_CHARS for language in options.languages}
            if options.translate_article
            else {}
        )
        weights = [
            ("summary", _SUMMARY_CHUNK_WEIGHT * chunk_count),
            *((f"summary-{language}", weight) for language, weight in translation_weights.items()),
            *((f"article-{language}", weight) for language, weight in article_weights.items()),
        ]
        spans = _spans(weights, start=load_end)
        reporter.emit(load_end, "Models ready", force=True)

        summary = summarize(
            summariser,
            paragraphs,
            summariser.spec.generation,
            cancel=cancel,
            report=reporter.stage(*spans["summary"]),
        )
        # Beam search leaves a few hundred MB of freed buffers that glibc keeps; give them back
        # before the translators allocate theirs, so the two peaks do not stack.
        release_freed_memory()
        translations = self._translate_all(
            loaded, summary, paragraphs, options, article_weights, translation_weights, spans, reporter, cancel
        )
        summary_translations = {language: translations[f"summary-{language}"] for language in options.languages}
        article_translations = {language: translations[f"article-{language}"] for language in article_weights}
        reporter.emit(1.0, "Done", force=True)
        return Digest(
            article=article,
            summary=summary,
            summary_translations=summary_translations,
            article_translations=article_translations,
            models=tuple(_credit(model) for model in loaded.values()),
            seconds=time.monotonic() - started,
        )


    def _translate_all(
        self,
        loaded: dict[str, LoadedModel],
        summary: str,
        paragraphs: list[str],
        options: DigestOptions,
        article_weights: dict[str, float],
        translation_weights: dict[str, float],
        spans: dict[str, tuple[float, float]],
        reporter: ProgressReporter,
        cancel: CancelToken,
    ) -> dict[str, str]:
        """Every translation the digest needs, keyed ``summary-<lang>`` / ``article-<lang>``.

        All of them are planned first and their batches shared out to one worker per core
        (each with one torch thread), so the languages run side by side; see
        :mod:`models.translate`. On a GPU one worker feeds the device.
        """
        from models.engine import cpu_count, set_thread_count
        from models.translate import TranslationJob, join_units, sentence_units, translate_jobs

        article_text = "\n\n".join(paragraphs)
        names = [f"summary-{language}" for language in options.languages]
        names += [f"article-{language}" for language in options.languages if language in article_weights]
        weights = {**{f"summary-{k}": v for k, v in translation_weights.items()}, **{f"article-{k}": v for k, v in article_weights.items()}}
        stage_report = reporter.parallel(spans[names[0]][0], max(spans[name][1] for name in names), {name: weights[name] for name in names})
        units: dict[str, list[list[str]]] = {}
        jobs: list[TranslationJob] = []
        for name in names:
            kind, language = name.split("-", 1)
            translator = loaded[catalog.translation_task(language)]
            units[name] = sentence_units(translator, summary if kind == "summary" else article_text)
            what = "summary" if kind == "summary" else "article"
            jobs.append(
                TranslationJob(
                    model=translator,
                    sentences=[piece for paragraph in units[name] for piece in paragraph],
                    settings=translator.spec.generation,
                    report=stage_report(name),
                    label=f"Translating {what} to {LANGUAGE_NAMES[language]}",
                )
            )
        on_cpu = all(job.model.device == "cpu" for job in jobs)  # type: ignore[attr-defined]
        workers = cpu_count() if on_cpu and TRANSLATION_WORKERS is None else (TRANSLATION_WORKERS or 1)
        outputs = translate_jobs(jobs, workers=workers, thread_setup=lambda: set_thread_count(1), cancel=cancel)
        return {name: join_units(units[name], translations) for name, translations in zip(names, outputs)}


def _spans(weights: list[tuple[str, float]], start: float) -> dict[str, tuple[float, float]]:
    """Each stage's (start, end) on the bar: ``start``..1 shared in proportion to weight."""
    scale = (1.0 - start) / (sum(weight for _, weight in weights) or 1.0)
    spans: dict[str, tuple[float, float]] = {}
    position = start
    for name, weight in weights:
        spans[name] = (position, position + weight * scale)
        position += weight * scale
    return spans


def _credit(model: LoadedModel) -> ModelCredit:
    return ModelCredit(task=model.spec.task, model_id=model.spec.repo_id, licence=model.spec.licence)


def loading_step(task: str) -> str:
    """The progress step shown while ``task``'s model loads ("Loading summary model")."""
    return f"Loading {task_label(task).lower()} model"


def task_label(task: str) -> str:
    """What a task's model is called in progress and error messages ("Summary", "Russian translation")."""
    if task == catalog.SUMMARIZE:
        return "Summary"
    language = task.removeprefix("translate-")
    return f"{LANGUAGE_NAMES.get(language, language)} translation"


_engines: dict[EngineConfig, DigestEngine] = {}
_engines_lock = threading.Lock()


def run_digest(
    article: Article,
    options: DigestOptions | None = None,
    *,
    config: EngineConfig | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Digest:
    """Digest ``article`` with a shared engine for ``config`` (models stay loaded across calls)."""
    config = config or EngineConfig()
    with _engines_lock:
        engine = _engines.setdefault(config, DigestEngine(config))
    return engine.digest(article, options, progress=progress, cancel=cancel)
