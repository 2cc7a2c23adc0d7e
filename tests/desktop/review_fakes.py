"""A fake engine that corrects digests as the real one does, fast and deterministically, for
the window's review tests.

"Translating" is a letter-for-letter transliteration (English into Cyrillic for Russian, into
Arabic letters for Arabic), so each language's checks see its own script, numbers kept and a
normal length; translating back undoes it exactly (a faithful back-translation), except where
a test plants a change (:attr:`ReviewEngine.planted`: "900" read back as "9,000", say). The
revision, back-translation and alternatives themselves are the engine's own
(:mod:`models.digest.revise`) over a :class:`DigestPipeline` whose models are these fakes, so
only the changed sentences are translated again, edits are kept, and provenance is recorded
exactly as on real models.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Sequence
from unittest import mock

from models.common.job_state import JobState
from models.common.types import Alignment, Article, Digest, DigestOptions, alignment_key
from models.digest.align import summary_alignment, translation_alignment
from models.digest.pipeline import DigestPipeline
from models.digest.translate import JobOutput, TranslationJob, join_units, translate_jobs
from models.inventory import catalog, installed

#: The English summary the fake digests have: three sentences, in two paragraphs.
SUMMARY_SENTENCES = (
    "Anatoly Antonov said Russia and the US work together to prevent incidents in Syria.",
    "He called the presence of US troops in Syria illegal.",
    "In July, Russia agreed to a compromise that ensured UN aid access for 12 months.",
)
SUMMARY = f"{SUMMARY_SENTENCES[0]} {SUMMARY_SENTENCES[1]}\n\n{SUMMARY_SENTENCES[2]}"

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC = "абцдефгхийклмнопярстувшжыз"
_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمني"
#: Marks an upper-case letter in the fake Arabic (the script has no case): a tatweel before it.
_UPPER = "ـ"
_TO_RU = str.maketrans(_LATIN + _LATIN.upper(), _CYRILLIC + _CYRILLIC.upper())
_FROM_RU = str.maketrans(_CYRILLIC + _CYRILLIC.upper(), _LATIN + _LATIN.upper())


def to_language(text: str, language: str) -> str:
    """``text`` (English) "translated" into ``language`` ("ru", "ar")."""
    if language == "ru":
        return text.translate(_TO_RU)
    return "".join(
        (_UPPER + _ARABIC[_LATIN.index(char.lower())]) if char.isupper() and char.lower() in _LATIN
        else _ARABIC[_LATIN.index(char)] if char in _LATIN else char
        for char in text
    )


def to_english(text: str, language: str) -> str:
    """``text`` in ``language`` "translated" back into English (:func:`to_language` undone)."""
    if language == "ru":
        return text.translate(_FROM_RU)
    out, upper = [], False
    for char in text:
        if char == _UPPER:
            upper = True
            continue
        letter = _LATIN[_ARABIC.index(char)] if char in _ARABIC else char
        out.append(letter.upper() if upper else letter)
        upper = False
    return "".join(out)


@dataclass
class FakeTranslator:
    """A Seq2SeqModel for one translation task: English into a language, or a language back
    into English (``back``); ``planted`` changes what it reads back (a test's meaning change)."""

    spec: Any
    language: str
    back: bool = False
    planted: dict[str, str] = field(default_factory=dict)
    device: str = "cpu"
    target_token: str | None = None
    calls: list[list[str]] = field(default_factory=list)

    @property
    def input_window(self) -> int:
        return 512

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def _one(self, text: str) -> str:
        if not self.back:
            return to_language(text, self.language)
        english = to_english(text, self.language)
        for old, new in self.planted.items():
            english = english.replace(old, new)
        return english

    def generate(self, texts: Sequence[str], settings: Any, *, max_new_tokens: int | None = None,
                 min_new_tokens: int | None = None, state: JobState | None = None) -> list[str]:
        self.calls.append(list(texts))
        (state or JobState()).raise_if_interrupted()
        return [self._one(text) for text in texts]

    def n_best(self, text: str, settings: Any, count: int, *, max_new_tokens: int | None = None,
               state: JobState | None = None) -> list[str]:
        """The translation, then rewordings of it (each back-translates to its own English)."""
        variants = [text, f"Indeed, {text}", text.replace(" the ", " that "), f"{text.rstrip('.')}, officials said.",
                    f"Reportedly, {text}", f"As reported, {text}"]
        return [to_language(variant, self.language) for variant in variants[:count]]

    def score(self, texts: Sequence[str], outputs: Sequence[str]) -> list[float]:
        return [-0.1] * len(outputs)


class FakePipeline(DigestPipeline):
    """The engine's pipeline with :class:`FakeTranslator` models (nothing loaded from disk; a
    subclass of it may be given as ``translator``)."""

    translator: type[FakeTranslator] = FakeTranslator

    def __init__(self, planted: dict[str, str]) -> None:
        super().__init__()
        self.planted = planted
        self.translated: list[str] = []  # every English sentence translated out of English, in order

    def model(self, spec: Any) -> FakeTranslator:
        if spec.task not in self._loaded:
            source, target = catalog.translation_languages(spec.task)
            back = target == "en"
            self._loaded[spec.task] = self.translator(spec, source if back else target, back, self.planted)
        return self._loaded[spec.task]

    def translate_jobs(self, jobs: list[TranslationJob], state: JobState) -> list[JobOutput]:
        for job in jobs:
            if not job.model.back:
                self.translated += list(job.sentences)
        return translate_jobs(jobs, state)


class ReviewEngine:
    """Stands in for :class:`models.digest.process.DigestProcess`: digests with their sentence
    structure (as the pipeline aligns them), and the revision requests run by the engine's
    own :mod:`models.digest.revise` over :class:`FakePipeline`. ``gate`` (when set) holds
    every revision request until it is set; ``calls`` lists the requests in order."""

    def __init__(self, summary: str = SUMMARY, translator: type[FakeTranslator] = FakeTranslator) -> None:
        self.summary = summary
        self.planted: dict[str, str] = {}
        self.pipeline = FakePipeline(self.planted)
        self.pipeline.translator = translator
        self.calls: list[str] = []
        #: The texts each back-translation request named (None: all of them).
        self.back_translated: list[list[str] | None] = []
        self.gate: threading.Event | None = None
        self.preloads: list[Any] = []
        self.closed = False

    # -- the digest engine's life ----------------------------------------------------------------
    def start(self) -> None:
        pass

    def preload(self, config: Any, options: DigestOptions, article_language: str | None = None) -> None:
        self.preloads.append(options)

    def close(self) -> None:
        self.closed = True

    def _wait(self, name: str, state: JobState | None) -> JobState:
        self.calls.append(name)
        state = state or JobState()
        if self.gate is not None:
            while not self.gate.wait(0.01):
                state.raise_if_interrupted()
        return state

    # -- digests and their revision ----------------------------------------------------------------
    def digest(self, article: Article, options: DigestOptions, config: Any = None, state: JobState | None = None) -> Digest:
        self.calls.append("digest")
        return aligned_digest(self.pipeline, article, self.summary, options)

    def revise_summary(self, digest: Digest, edited_summary: str, config: Any = None, state: JobState | None = None, *,
                       replace_edited: bool = False) -> Digest:
        state = self._wait("revise", state)
        return self.pipeline.revise_summary(digest, edited_summary, state, replace_edited=replace_edited)

    def back_translate(self, digest: Digest, config: Any = None, state: JobState | None = None,
                       keys: list[str] | None = None) -> Digest:
        state = self._wait("back-translate", state)
        self.back_translated.append(list(keys) if keys is not None else None)
        return self.pipeline.back_translate(digest, state, keys)

    def alternatives(self, language: str, english: str, count: int = 4, config: Any = None, state: JobState | None = None,
                     exclude: tuple[str, ...] = ()) -> list:
        state = self._wait("alternatives", state)
        with mock.patch.object(installed, "locate", lambda spec, models_dir=None: SimpleNamespace(path=None)):
            return self.pipeline.alternatives(language, english, count, state, tuple(exclude))


def aligned_digest(pipeline: FakePipeline, article: Article, summary: str, options: DigestOptions) -> Digest:
    """A digest of ``article`` with ``summary``, translated (and aligned) as the pipeline does it."""
    from models.digest.translate import sentence_units

    alignments: dict[str, Alignment] = {"summary": summary_alignment(article.text, summary)}
    texts: dict[tuple[str, str], str] = {}
    kinds = [("summary", summary)] + ([("article", article.text)] if options.translate_article else [])
    for kind, source in kinds:
        for language in options.languages:
            model = pipeline.model(pipeline.spec(catalog.translation_task(language)))
            units = sentence_units(model, source)
            translated = join_units(units, [model._one(piece) for paragraph in units for piece in paragraph])
            texts[kind, language] = translated.text
            alignments[alignment_key(kind, language)] = translation_alignment(kind, source, translated, language)
    return Digest(
        article=article,
        summary=summary,
        summary_translations={language: texts["summary", language] for language in options.languages},
        article_translations={language: texts["article", language] for language in options.languages if ("article", language) in texts},
        seconds=0.2,
        alignments=alignments,
        back_translate=options.back_translate,
    )
