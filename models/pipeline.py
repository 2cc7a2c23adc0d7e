"""Article in, Digest out: the steps of a digest, their share of the progress bar, and the
engine that keeps models loaded between digests.

Importing this module is cheap; torch and transformers load with the first model.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models import catalog, store
from models.catalog import ModelSpec
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

#: Minimum time between two progress reports that carry the same step label.
PROGRESS_INTERVAL_S = 0.05

#: Share of the bar for loading models, when any need loading.
_LOAD_SPAN = 0.1
# Relative cost of the other stages, in rough "seconds on a laptop" units; they only shape the bar.
_SUMMARY_CHUNK_WEIGHT = 2.0
_TRANSLATION_WEIGHT_PER_1000_CHARS = 1.0


@dataclass(frozen=True)
class EngineConfig:
    """Which models to use and where: a catalogue profile, an optional folder of models
    (else ``ARTICLE_DIGEST_MODELS``, else the Hugging Face cache), and a device."""

    profile: str = catalog.DEFAULT_PROFILE
    models_dir: str | None = None
    device: str | None = None


class ProgressReporter:
    """Maps each stage's own 0..1 onto its span of the whole job; throttled and monotone."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self._callback = callback
        self._last_fraction = 0.0
        self._last_step = ""
        self._last_time = 0.0

    def emit(self, fraction: float, step: str, *, force: bool = False) -> None:
        if self._callback is None:
            return
        fraction = min(1.0, max(self._last_fraction, fraction))
        now = time.monotonic()
        if not force and step == self._last_step and now - self._last_time < PROGRESS_INTERVAL_S:
            return
        self._last_fraction, self._last_step, self._last_time = fraction, step, now
        self._callback(Progress(fraction=fraction, step=step))

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
                problems.append(f"{_task_label(spec.task)} model: {error}")
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
            loaded = engine.load(spec, location.path, self.config.device)
            self._loaded[spec.task] = loaded
            self.load_count += 1
        return loaded

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
                reporter.emit(_LOAD_SPAN * done, f"Loading {_task_label(spec.task).lower()} model", force=True)
            loaded[spec.task] = self.model(spec)
        load_end = _LOAD_SPAN if to_load else 0.0

        from models.summarize import plan_chunks, summarize
        from models.translate import translate_text

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
        summary_translations: dict[str, str] = {}
        for language in options.languages:
            translator = loaded[catalog.translation_task(language)]
            summary_translations[language] = translate_text(
                translator,
                summary,
                translator.spec.generation,
                cancel=cancel,
                report=reporter.stage(*spans[f"summary-{language}"]),
                label=f"Translating summary to {LANGUAGE_NAMES[language]}",
            )
        article_translations: dict[str, str] = {}
        for language in article_weights:
            translator = loaded[catalog.translation_task(language)]
            article_translations[language] = translate_text(
                translator,
                "\n\n".join(paragraphs),
                translator.spec.generation,
                cancel=cancel,
                report=reporter.stage(*spans[f"article-{language}"]),
                label=f"Translating article to {LANGUAGE_NAMES[language]}",
            )
        reporter.emit(1.0, "Done", force=True)
        return Digest(
            article=article,
            summary=summary,
            summary_translations=summary_translations,
            article_translations=article_translations,
            models=tuple(_credit(model) for model in loaded.values()),
            seconds=time.monotonic() - started,
        )


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


def _task_label(task: str) -> str:
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
