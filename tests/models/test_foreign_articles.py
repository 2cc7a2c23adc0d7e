"""Russian and Arabic articles: translated into English first, sentence by sentence, then
summarised, then the summary translated into each language (back into the article's own).
On the tiny models; the links from what was generated reach the article as written."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from models import Article, DigestOptions, JobState
from models.common.text import normalise_whitespace, paragraph_ranges, sentence_ranges, split_paragraphs, split_sentences
from models.common.types import Digest, PartialText
from models.digest.align import english_translation_alignment, summary_alignment, through_translation
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.digest.translate import join_units
from models.documents.export import render_digest
from models.documents.read import detect_language, language_name
from models.inventory import catalog, installed
from models.common.languages import output_languages
from tests.models.cancelling import Report
from tests.models.recording import recorded_inputs

RUSSIAN_ARTICLE = """\
Министр иностранных дел России встретился в понедельник с послом Турции в Москве. Стороны \
обсудили поставки зерна через Черное море. По словам министра, переговоры прошли конструктивно.

Турецкая сторона предложила провести новую встречу в Стамбуле в следующем месяце. Россия пока \
не ответила на это предложение.

Эксперты считают, что соглашение поможет снизить цены на продовольствие. Однако многие страны \
сомневаются в его надежности. Следующий раунд переговоров запланирован на осень."""

ARABIC_ARTICLE = """\
التقى وزير الخارجية المصري نظيره الأردني في القاهرة يوم الأحد. وناقش الوزيران الأوضاع \
الإنسانية في المنطقة. وأكد الجانبان أهمية التعاون الاقتصادي بين البلدين.

وقال الوزير إن المحادثات كانت مثمرة وصريحة. ومن المتوقع أن تعقد جولة جديدة من المحادثات \
الشهر المقبل.

ويرى المحللون أن هذا التقارب سيعزز الاستقرار الإقليمي. ولم تصدر أي تعليقات رسمية من \
الحكومات الأخرى حتى الآن."""

FRENCH_ARTICLE = """\
Le ministre des Affaires étrangères a rencontré lundi son homologue allemand à Paris. Les deux \
pays ont discuté du commerce et de la sécurité en Europe.

Une nouvelle réunion est prévue le mois prochain à Berlin, selon le communiqué publié par le ministère."""

ARTICLES = {"ru": RUSSIAN_ARTICLE, "ar": ARABIC_ARTICLE}
#: The article languages translated into English before summarising, from the language table
#: and the catalogue; each has a sample article above.
INTO_ENGLISH = [code for code in catalog.article_languages() if catalog.needs_english_translation(code)]
assert set(INTO_ENGLISH) <= set(ARTICLES)
OTHER = {"ru": "ar", "ar": "ru"}
STEP_NAMES = {"ru": "Russian", "ar": "Arabic"}


class Run(NamedTuple):
    """One digest and what happened on its way: each model's inputs, progress, published texts."""

    article: Article
    digest: Digest
    inputs: dict[str, list[str]]
    reports: list[Report]
    published: list[PartialText]


@pytest.fixture(scope="module")
def engine(tiny_models_dir: Path) -> DigestPipeline:
    return DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))


def digest_recorded(engine: DigestPipeline, article: Article, options: DigestOptions) -> Run:
    reports: list[Report] = []
    published: list[PartialText] = []
    state = JobState(lambda fraction, step: reports.append(Report(fraction, step)), partial_sink=published.append)
    with recorded_inputs(engine, catalog.tasks_for(options.languages, article.language)) as inputs:
        digest = engine.digest(article, options, state)
    return Run(article, digest, inputs, reports, published)


@pytest.fixture(scope="module", params=INTO_ENGLISH)
def run(request: pytest.FixtureRequest, engine: DigestPipeline) -> Run:
    """A Russian (then an Arabic) article digested into both languages, whole article too."""
    language = request.param
    text = ARTICLES[language]
    assert detect_language(text) == language  # as reading the article would say
    article = Article(title=f"{language} article", text=text, language=language)
    return digest_recorded(engine, article, DigestOptions(languages=output_languages(), translate_article=True))


def sentences_of(text: str) -> list[str]:
    return [sentence for paragraph in split_paragraphs(text) for sentence in split_sentences(paragraph)]


def words(texts: list[str]) -> list[str]:
    return sorted(word for text in texts for word in text.split())


def paragraph_number(ranges: list[tuple[int, int]], position: int) -> int:
    return next(number for number, (start, end) in enumerate(ranges) if start <= position <= end)


# -- the chain ---------------------------------------------------------------------------------


def test_every_sentence_and_paragraph_is_translated_into_english_first(run: Run) -> None:
    language = run.article.language
    digest = run.digest
    assert digest.translated_from == language
    originals = sentences_of(run.article.text)
    # Each sentence of the article went to the translator into English once, whole.
    assert sorted(run.inputs[catalog.into_english_task(language)]) == sorted(originals)
    english = digest.english_translation
    assert len(split_paragraphs(english)) == len(split_paragraphs(run.article.text)) == 3
    links = digest.alignments["article:en"].links
    assert [link.sources for link in links] == [(sentence,) for sentence in sentence_ranges(run.article.text)]
    assert all(english[start:end].strip() for start, end in (link.target for link in links))
    # ...and each English sentence stands in the paragraph of the sentence it translates.
    english_paragraphs, original_paragraphs = paragraph_ranges(english), paragraph_ranges(run.article.text)
    assert [paragraph_number(english_paragraphs, link.target[0]) for link in links] == [
        paragraph_number(original_paragraphs, link.sources[0][0]) for link in links
    ]


def test_the_english_is_summarised_and_the_summary_translated_into_each_language(run: Run) -> None:
    language, other = run.article.language, OTHER[run.article.language]
    digest = run.digest
    english_words = " ".join(digest.english_translation.split())
    chunks = run.inputs[catalog.SUMMARIZE]
    assert chunks and all(" ".join(chunk.split()) in english_words for chunk in chunks)
    # The article's own language: the English summary translated back, and nothing else; the
    # other language: the summary, and the article from its English translation. (Compared
    # word for word: batches go by length, and a sentence too long for the model is split.)
    assert words(run.inputs[catalog.translation_task(language)]) == words([digest.summary])
    assert words(run.inputs[catalog.translation_task(other)]) == words([digest.summary, digest.english_translation])
    assert set(digest.summary_translations) == set(output_languages()) and all(digest.summary_translations.values())
    assert set(digest.article_translations) == {other}  # the article is already in its own language
    assert len(split_paragraphs(digest.article_translations[other])) == 3
    assert digest.translation_note == (
        f"The article, in {STEP_NAMES[language]}, was machine-translated into English before summarising; "
        f"the {STEP_NAMES[language]} summary is the English summary translated back."
    )
    assert [credit.task for credit in digest.models] == ["summarize", f"translate-from-{language}", "translate-ru", "translate-ar"]


def test_the_steps_come_in_chain_order_on_one_bar(run: Run) -> None:
    steps = [report.step for report in run.reports]
    into_english = steps.index(f"Translating article from {STEP_NAMES[run.article.language]} to English")
    assert into_english < next(index for index, step in enumerate(steps) if step.startswith("Summarising"))
    fractions = [report.fraction for report in run.reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    keys = [part.key for part in run.published]
    english_done = next(index for index, part in enumerate(run.published) if part.key == "article:en" and part.complete)
    assert english_done < keys.index("summary")
    last_summary = max(index for index, key in enumerate(keys) if key == "summary")
    assert last_summary < min(keys.index("summary:ru"), keys.index("summary:ar"))
    assert run.published[english_done].text == run.digest.english_translation


def test_links_reach_the_sentences_of_the_article_as_written(run: Run) -> None:
    digest, other = run.digest, OTHER[run.article.language]
    originals = set(sentence_ranges(run.article.text))
    assert digest.alignments["summary"].source == "article"
    assert all(set(link.sources) <= originals for link in digest.alignments["summary"].links)
    full = digest.alignments[f"article:{other}"]
    assert full.source == "article" and all(link.sources and set(link.sources) <= originals for link in full.links)
    assert set().union(*(link.sources for link in full.links)) == originals  # every sentence is reached
    assert digest.source_text(f"article:{other}") == run.article.text
    assert digest.generated_text("article:en") == digest.english_translation


def test_summary_sentences_link_to_original_sentences_through_the_english(engine: DigestPipeline) -> None:
    # An extractive stand-in summariser (each chunk's first sentence, as distilbart largely
    # does): its sentences are in the English, so each must link to a Russian sentence.
    summariser = engine.model(catalog.specs_for("quality")[catalog.SUMMARIZE])

    def first_sentence(texts, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        return [sentences_of(text)[0] for text in texts]

    summariser.generate = first_sentence  # type: ignore[method-assign]
    try:
        article = Article(title="ru", text=RUSSIAN_ARTICLE, language="ru")
        digest = engine.digest(article, DigestOptions(languages=("ar",)))
    finally:
        del summariser.generate
    links = digest.alignments["summary"].links
    originals = set(sentence_ranges(article.text))
    assert links and all(link.sources and set(link.sources) <= originals for link in links)


def test_through_translation_maps_each_english_range_to_the_sentences_it_translates() -> None:
    original = "Первое предложение. Второе предложение.\n\nТретье предложение про зерно."
    paragraphs = [split_sentences(paragraph) for paragraph in split_paragraphs(original)]
    english = join_units(paragraphs, ["The first sentence.", "The second sentence.", "A third sentence about grain."])
    english_alignment = english_translation_alignment(original, english)
    summary = "A third sentence about grain."
    linked = through_translation(summary_alignment(english.text, summary), english_alignment)
    third = original.index("Третье")
    assert [link.sources for link in linked.links] == [((third, len(original)),)]
    assert linked.source == "article" and linked.links[0].target == (0, len(summary))


# -- other languages, English articles ------------------------------------------------------------


def test_other_languages_keep_todays_path_with_a_notice_naming_the_supported_ones(engine: DigestPipeline) -> None:
    assert detect_language(FRENCH_ARTICLE) == "fr"
    notice = catalog.article_language_notice("fr", language_name("fr"))
    assert notice is not None and "French" in notice and "may be poor" in notice
    assert all(name in notice for name in ("English", "Russian", "Arabic"))
    assert catalog.article_language_notice("en", "English") is None
    assert "translated into English" in (catalog.article_language_notice("ar", "Arabic") or "")
    assert catalog.tasks_for(("ar",), "fr") == ("summarize", "translate-ar")
    digest = engine.digest(Article(title="fr", text=FRENCH_ARTICLE, language="fr"), DigestOptions(languages=("ar",)))
    assert digest.translated_from is None and digest.english_translation == "" and digest.translation_note == ""
    assert set(digest.alignments) == {"summary", "summary:ar"}


def test_an_english_article_needs_none_of_the_into_english_models(tiny_models_dir: Path, tmp_path: Path) -> None:
    for task in ("summarize", "translate-ru", "translate-ar"):
        shutil.copytree(tiny_models_dir / task, tmp_path / task)
    engine = DigestPipeline(PipelineConfig(models_dir=str(tmp_path)))
    for language in ("en", None, "fr"):
        assert installed.missing(engine.specs(DigestOptions(), language), tmp_path) == []
    problems = installed.missing(engine.specs(DigestOptions(), "ru"), tmp_path)
    assert len(problems) == 1 and problems[0].startswith("Russian-to-English translation model: Helsinki-NLP/opus-mt-tc-big-zle-en")


@pytest.mark.parametrize("profile", sorted(catalog.PROFILES))
def test_both_profiles_have_a_model_into_english_per_article_language(profile: str) -> None:
    specs = catalog.specs_for(profile)
    for language in INTO_ENGLISH:
        spec = specs[catalog.into_english_task(language)]
        assert spec.repo_id.startswith("Helsinki-NLP/opus-mt-") and spec.repo_id.endswith("-en")
        assert spec.licence in ("CC-BY-4.0", "Apache-2.0") and "BLEU" in spec.quality_note
    assert catalog.task_label("translate-from-ar") == "Arabic-to-English translation"


def test_the_tiny_into_english_models_take_no_target_token(engine: DigestPipeline) -> None:
    for language in INTO_ENGLISH:
        assert engine.model(catalog.specs_for("quality")[catalog.into_english_task(language)]).target_token is None


# -- the digest kept and exported ------------------------------------------------------------------


def test_the_digest_round_trips_and_older_entries_still_load(run: Run) -> None:
    digest = run.digest
    again = Digest.from_json_dict(json.loads(json.dumps(digest.to_json_dict())))
    assert again.translated_from == digest.translated_from
    assert again.english_translation == digest.english_translation
    assert again.alignments == digest.alignments
    older = {key: value for key, value in digest.to_json_dict().items() if key not in ("translated_from", "english_translation")}
    loaded = Digest.from_json_dict(older)
    assert loaded.translated_from is None and loaded.english_translation == "" and loaded.translation_note == ""


def test_exports_say_the_article_was_translated_first_and_hold_the_english(run: Run) -> None:
    digest = run.digest
    note = digest.translation_note
    heading = "Article in English (machine-translated before summarising)"
    english_paragraphs = split_paragraphs(digest.english_translation)
    text = render_digest(digest, "txt").decode("utf-8")
    assert f"Note: {note}" in text and heading in text
    assert text.index(heading) < text.index(english_paragraphs[-1], text.index(heading))
    markdown = render_digest(digest, "md").decode("utf-8")
    assert f"## {heading}" in markdown and "machine-translated into English before summarising" in markdown
    page = render_digest(digest, "html").decode("utf-8")
    assert "<dt>Note</dt>" in page and f'<h2 lang="en" dir="ltr">{heading}</h2>' in page
    import docx

    document = docx.Document(io.BytesIO(render_digest(digest, "docx")))
    lines = [paragraph.text for paragraph in document.paragraphs]
    assert f"Note: {note}" in lines and heading in lines
    assert normalise_whitespace(english_paragraphs[0]) in lines
