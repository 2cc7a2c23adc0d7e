"""The model catalogue: which Hugging Face model does each task, as data.

Two profiles: ``quality`` (the default) and ``fast`` (smaller models, for slow machines).
Tasks are ``summarize``, ``translate-<lang>`` (English into each target language) and
``translate-from-<lang>`` (each non-English article language into English, done before
summarising, since the summariser reads English only). The into-English models are needed
only for articles in their language (:func:`only_for_articles_in`): a reader of English
articles can do without them, and ``models download --english-articles-only`` and the Models
dialog's box leave them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from models.common import steps
from models.common.steps import Step
from models.common.wording import Wording
from models.common.languages import ENGLISH
from models.common.languages import name as language_name
from models.common.translatable import QT_TRANSLATE_NOOP

SUMMARIZE = "summarize"
DEFAULT_PROFILE = "quality"
_INTO_ENGLISH_PREFIX = "translate-from-"


def translation_task(language: str) -> str:
    """The task key that translates English into ``language`` (ISO 639-1)."""
    return f"translate-{language}"


def into_english_task(language: str) -> str:
    """The task key that translates an article in ``language`` (ISO 639-1) into English."""
    return f"{_INTO_ENGLISH_PREFIX}{language}"


def translation_languages(task: str) -> tuple[str, str]:
    """(from, into) of a translation task: ("en", "ru") for "translate-ru", ("ru", "en") for
    the into-English "translate-from-ru"."""
    if task.startswith(_INTO_ENGLISH_PREFIX):
        return task.removeprefix(_INTO_ENGLISH_PREFIX), ENGLISH
    return ENGLISH, task.removeprefix("translate-")


def is_into_english(task: str) -> bool:
    """Whether ``task`` translates articles into English ("translate-from-ru"): its model is
    needed only for articles in that language, never for English ones."""
    return task.startswith(_INTO_ENGLISH_PREFIX)


def only_for_articles_in(task: str) -> str | None:
    """The article language whose articles alone need ``task``'s model ("ru" for
    "translate-from-ru"); None for a model an English article needs too."""
    return task.removeprefix(_INTO_ENGLISH_PREFIX) if is_into_english(task) else None


def needs_english_translation(article_language: str | None) -> bool:
    """Whether an article in ``article_language`` is translated into English before it is
    summarised: a language other than English with an into-English model in the catalogue. An
    unknown or undetected language is summarised as it is (with a notice from reading)."""
    return (
        article_language is not None
        and article_language != ENGLISH
        and into_english_task(article_language) in specs_for(DEFAULT_PROFILE)
    )


def article_languages() -> tuple[str, ...]:
    """The languages an article may be written in: English, summarised as it is, and those
    translated into English first (:func:`needs_english_translation`), in the language table's order."""
    from models.common.languages import LANGUAGES

    return tuple(code for code in LANGUAGES if code == ENGLISH or needs_english_translation(code))


#: What an article's reader is told about its language (Wording templates). ``language`` is
#: one of :func:`article_languages`; ``language_name`` the English name of any other language.
LANGUAGE_TRANSLATED_FIRST = QT_TRANSLATE_NOOP(
    "Reading", "The article looks like {language}; it will be machine-translated into English before summarising."
)
LANGUAGE_NOT_SUPPORTED = QT_TRANSLATE_NOOP(
    "Reading",
    "The article looks like {language_name}; the summary may be poor: only articles in {languages} are supported "
    "({translated_languages} ones are machine-translated into English first).",
)
LANGUAGE_NOTICE_TEMPLATES = (LANGUAGE_TRANSLATED_FIRST, LANGUAGE_NOT_SUPPORTED)


def article_language_notice(language: str, name: str) -> Wording | None:
    """What a reader is told about an article detected as ``language`` (``name``: its English
    name): nothing for English, that a Russian or Arabic one is translated into English first,
    and for any other language that the summary may be poor, naming the languages supported."""
    if language == ENGLISH:
        return None
    if needs_english_translation(language):
        return Wording(LANGUAGE_TRANSLATED_FIRST, language=language)
    return Wording(
        LANGUAGE_NOT_SUPPORTED,
        language_name=name,
        languages=list(article_languages()),
        translated_languages=[code for code in article_languages() if needs_english_translation(code)],
    )


@dataclass(frozen=True)
class GenerationSettings:
    """Decoding settings passed to ``generate``. Lengths for summaries scale with the input."""

    num_beams: int = 4
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    max_new_tokens: int = 512
    min_new_tokens: int = 0
    early_stopping: bool = True


@dataclass(frozen=True)
class ModelSpec:
    """One downloadable model and how to use it."""

    task: str
    repo_id: str
    revision: str
    name: str
    licence: str
    attribution: str
    size_mb: int
    quality_note: str
    generation: GenerationSettings = field(default_factory=GenerationSettings)
    #: A translated sentence whose mean log-probability per token is below this is flagged
    #: "low confidence" (None: never). See ``_TRANSLATION_CONFIDENCE``.
    confidence_threshold: float | None = None

    @property
    def folder_name(self) -> str:
        """The repository's own name, as a folder of models is usually laid out."""
        return self.repo_id.rsplit("/", 1)[-1]


# News summaries: beam search with a length penalty that favours fuller summaries, no repeated
# trigrams (the CNN/DailyMail recipe these checkpoints were tuned with).
_SUMMARY_GENERATION = GenerationSettings(
    num_beams=4, length_penalty=2.0, no_repeat_ngram_size=3, max_new_tokens=142, min_new_tokens=56
)
_TRANSLATION_GENERATION = GenerationSettings(num_beams=4, max_new_tokens=512)
# The fast profile, for slow machines, translates greedily: about half the translation time
# (bench/: 3.9 s instead of 7.3 s for the seed summary in both languages on 2 cores) for the
# usual loss of well under a BLEU point on OPUS-MT. The quality profile keeps the beam of 4
# the models' published scores were measured with; bench/quality.py compares the two on real
# weights. Summaries keep their beam in both: the length penalty only works with one.
_FAST_TRANSLATION_GENERATION = GenerationSettings(num_beams=1, max_new_tokens=512)

# OPUS-MT translations of well-formed news sentences score about -0.2 to -0.8 (mean log-probability
# per token); below -1.5 (a confidence under 0.22) the model was guessing. Set from the published
# behaviour of these models, not yet calibrated on this app's own sample: bench/quality.py is where
# a calibration on real weights would go.
_TRANSLATION_CONFIDENCE = -1.5
_OPUS_ATTRIBUTION = "Jörg Tiedemann and the Language Technology Research Group at the University of Helsinki (OPUS-MT)"
_DISTILBART_ATTRIBUTION = "Sam Shleifer, Hugging Face (distilled from facebook/bart-large-cnn)"

PROFILES: Mapping[str, Mapping[str, ModelSpec]] = {
    "quality": {
        SUMMARIZE: ModelSpec(
            task=SUMMARIZE,
            repo_id="sshleifer/distilbart-cnn-12-6",
            revision="main",
            name="DistilBART CNN 12-6",
            licence="Apache-2.0",
            attribution=_DISTILBART_ATTRIBUTION,
            size_mb=1222,
            quality_note="ROUGE-2 21.3 on CNN/DailyMail",
            generation=_SUMMARY_GENERATION,
        ),
        translation_task("ru"): ModelSpec(
            task=translation_task("ru"),
            repo_id="Helsinki-NLP/opus-mt-tc-big-en-zle",
            revision="main",
            name="OPUS-MT tc-big English→East Slavic",
            licence="CC-BY-4.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=476,
            quality_note="Flores-101 BLEU 32.7 (en→ru)",
            generation=_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
        translation_task("ar"): ModelSpec(
            task=translation_task("ar"),
            repo_id="Helsinki-NLP/opus-mt-tc-big-en-ar",
            revision="main",
            name="OPUS-MT tc-big English→Arabic",
            licence="CC-BY-4.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=478,
            quality_note="Flores-101 BLEU 29.4",
            generation=_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
        into_english_task("ru"): ModelSpec(
            task=into_english_task("ru"),
            repo_id="Helsinki-NLP/opus-mt-tc-big-zle-en",
            revision="main",
            name="OPUS-MT tc-big East Slavic→English",
            licence="CC-BY-4.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=476,
            quality_note="Flores-101 BLEU 35.2, chrF 0.626 (ru→en)",
            generation=_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
        into_english_task("ar"): ModelSpec(
            task=into_english_task("ar"),
            repo_id="Helsinki-NLP/opus-mt-tc-big-ar-en",
            revision="main",
            name="OPUS-MT tc-big Arabic→English",
            licence="CC-BY-4.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=478,
            quality_note="Flores-101 BLEU 42.6",
            generation=_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
    },
    "fast": {
        SUMMARIZE: ModelSpec(
            task=SUMMARIZE,
            repo_id="sshleifer/distilbart-cnn-6-6",
            revision="main",
            name="DistilBART CNN 6-6",
            licence="Apache-2.0",
            attribution=_DISTILBART_ATTRIBUTION,
            size_mb=919,
            quality_note="ROUGE-2 20.2 on CNN/DailyMail",
            generation=_SUMMARY_GENERATION,
        ),
        translation_task("ru"): ModelSpec(
            task=translation_task("ru"),
            repo_id="Helsinki-NLP/opus-mt-en-ru",
            revision="main",
            name="OPUS-MT English→Russian",
            licence="CC-BY-4.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=307,
            quality_note="Flores-101 BLEU about 28",
            generation=_FAST_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
        translation_task("ar"): ModelSpec(
            task=translation_task("ar"),
            repo_id="Helsinki-NLP/opus-mt-en-ar",
            revision="main",
            name="OPUS-MT English→Arabic",
            licence="Apache-2.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=308,
            quality_note="Tatoeba BLEU 14.0",
            generation=_FAST_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
        into_english_task("ru"): ModelSpec(
            task=into_english_task("ru"),
            repo_id="Helsinki-NLP/opus-mt-ru-en",
            revision="main",
            name="OPUS-MT Russian→English",
            licence="CC-BY-4.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=307,
            quality_note="newstest2019 BLEU 31.4, Tatoeba BLEU 61.1",
            generation=_FAST_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
        into_english_task("ar"): ModelSpec(
            task=into_english_task("ar"),
            repo_id="Helsinki-NLP/opus-mt-ar-en",
            revision="main",
            name="OPUS-MT Arabic→English",
            licence="Apache-2.0",
            attribution=_OPUS_ATTRIBUTION,
            size_mb=308,
            quality_note="Tatoeba BLEU 49.4, chrF 0.661",
            generation=_FAST_TRANSLATION_GENERATION,
            confidence_threshold=_TRANSLATION_CONFIDENCE,
        ),
    },
}


def specs_for(profile: str = DEFAULT_PROFILE) -> Mapping[str, ModelSpec]:
    """The task -> model mapping of a profile; raises ``KeyError`` naming the valid ones."""
    try:
        return PROFILES[profile]
    except KeyError:
        raise KeyError(f"unknown model profile {profile!r} (choose from {', '.join(PROFILES)})") from None


def tasks_for(languages: tuple[str, ...], article_language: str | None = None) -> tuple[str, ...]:
    """The tasks a digest into ``languages`` needs, summary first; with the model that
    translates the article into English first when ``article_language`` needs one (an English
    article, or one whose language is not known, needs none)."""
    into_english = (into_english_task(article_language),) if needs_english_translation(article_language) else ()
    return (SUMMARIZE, *into_english, *(translation_task(language) for language in languages))


def task_label(task: str) -> str:
    """What a task's model is called in progress, dialogs and errors: ``summarize`` ->
    "Summary", ``translate-ar`` -> "Arabic translation", ``translate-from-ru`` ->
    "Russian-to-English translation"."""
    if task == SUMMARIZE:
        return "Summary"
    if task.startswith(_INTO_ENGLISH_PREFIX):
        return f"{language_name(task.removeprefix(_INTO_ENGLISH_PREFIX))}-to-English translation"
    if task.startswith("translate-"):
        return f"{language_name(task.removeprefix('translate-'))} translation"
    return task


def loading_step(task: str) -> Step:
    """The progress step shown while ``task``'s model loads ("Loading the summary model")."""
    if task == SUMMARIZE:
        return Step(steps.LOADING_SUMMARY_MODEL)
    source, target = translation_languages(task)
    if target == ENGLISH:
        return Step(steps.LOADING_INTO_ENGLISH_MODEL, language=source)
    return Step(steps.LOADING_TRANSLATION_MODEL, language=target)
