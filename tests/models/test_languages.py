"""The language table is the one place a language is known: a copy of it with a fourth output
language (German), plus that language's catalogue entry and a tiny model, digests into it with
no other code change; the sentence splitter takes its marks from the table."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from models.common import languages
from models.common.languages import LATIN, Language
from models.common.text import split_sentences, without_cut_sentence
from models.common.types import Article, DigestOptions
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.documents.export import render_digest
from models.inventory import catalog
from tests.conftest import SEED_ARTICLE
from tests.models.cancelling import recording_state

GERMAN = Language(
    code="de",
    name="German",
    native_name="Deutsch",
    script=LATIN,
    opus_codes=("deu",),
    articles_in="articles in German",
    placeholder="Hier erscheint die Übersetzung der Zusammenfassung ins Deutsche.",
)


@pytest.fixture
def with_german(monkeypatch: pytest.MonkeyPatch, tiny_models_dir: Path, tmp_path: Path) -> Path:
    """A copy of the table with German, its model in each profile of the catalogue, and a
    models folder holding the tiny models plus a tiny en-de one. Returns the folder."""
    from tests.make_tiny_models import build_german

    monkeypatch.setattr(languages, "LANGUAGES", {**languages.LANGUAGES, "de": GERMAN})
    task = catalog.translation_task("de")
    profiles = {}
    for profile, specs in catalog.PROFILES.items():
        russian = specs[catalog.translation_task("ru")]
        german = dataclasses.replace(russian, task=task, repo_id="Helsinki-NLP/opus-mt-en-de", name="OPUS-MT English→German")
        profiles[profile] = {**specs, task: german}
    monkeypatch.setattr(catalog, "PROFILES", profiles)
    folder = tmp_path / "models"
    shutil.copytree(tiny_models_dir, folder)
    build_german(folder / task)
    return folder


def test_a_fourth_output_language_digests_from_the_table_and_the_catalogue_alone(with_german: Path) -> None:
    assert languages.output_languages() == ("ru", "ar", "de")
    options = DigestOptions(translate_article=True)
    assert options.languages == ("ru", "ar", "de")  # the default is every output language
    engine = DigestPipeline(PipelineConfig(models_dir=str(with_german)))
    article = Article(title="Seed", text=SEED_ARTICLE.read_text(encoding="utf-8"), source_path=str(SEED_ARTICLE))
    state, _progress = recording_state()
    digest = engine.digest(article, options, state)

    assert set(digest.summary_translations) == set(digest.article_translations) == {"ru", "ar", "de"}
    assert digest.summary_translations["de"].strip() and digest.article_translations["de"].strip()
    german = digest.alignments["article:de"]
    assert german.source == "article" and len(german.links) >= len(article.paragraphs)
    assert {credit.task for credit in digest.models} >= {"translate-de"}
    markdown = render_digest(digest, "md").decode("utf-8")
    assert "German (Deutsch)" in markdown
    assert markdown.index("Russian") < markdown.index("Arabic") < markdown.index("German")  # the table's order
    assert catalog.task_label("translate-de") == "German translation"


def test_the_command_line_offers_the_tables_output_languages(with_german: Path) -> None:
    from models.cli import commands as cli

    parser = cli._digest_parser()
    assert parser.parse_args(["article.txt"]).to == ("ru", "ar", "de")
    assert parser.parse_args(["article.txt", "--to", "de"]).to == ("de",)


def test_a_script_written_without_spaces_between_sentences_is_split_at_its_full_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    chinese = Language(code="zh", name="Chinese", native_name="中文", script=LATIN, unspaced_sentence_ends="。！？")
    text = "今天天气很好。我们去公园吧！你好吗？"
    assert split_sentences(text) == [text]  # the table does not know these marks yet
    monkeypatch.setattr(languages, "LANGUAGES", {**languages.LANGUAGES, "zh": chinese})
    assert split_sentences(text) == ["今天天气很好。", "我们去公园吧！", "你好吗？"]
    assert split_sentences("Hello there. 你好。 Mr. Smith left.") == ["Hello there.", "你好。", "Mr. Smith left."]
    assert without_cut_sentence("今天天气很好。我们去公") == "今天天气很好。"


def test_the_arabic_question_mark_ends_a_sentence_because_the_table_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "هل هذا صحيح؟ نعم هو كذلك."
    assert split_sentences(text) == ["هل هذا صحيح؟", "نعم هو كذلك."]
    arabic = dataclasses.replace(languages.LANGUAGES["ar"], sentence_ends="")
    monkeypatch.setattr(languages, "LANGUAGES", {**languages.LANGUAGES, "ar": arabic})
    assert split_sentences(text) == [text]
