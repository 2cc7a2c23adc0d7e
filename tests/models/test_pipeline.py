"""The whole digest on the tiny models: fields, progress, cancel, models loaded once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from models import Article, DigestOptions, ModelUnavailable
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.common.text import split_paragraphs
from tests.conftest import REPO_ROOT, SEED_ARTICLE
from models.inventory import installed
from models.common.languages import output_languages
from tests.models.cancelling import LONG_ARTICLE, recording_state, seconds_to_cancel


@pytest.fixture(scope="module")
def engine(tiny_models_dir: Path) -> DigestPipeline:
    return DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))


def seed_article() -> Article:
    return Article(title="Seed", text=SEED_ARTICLE.read_text(encoding="utf-8"), source_path=str(SEED_ARTICLE))


def test_digest_fills_every_field_and_keeps_paragraphs(engine: DigestPipeline) -> None:
    article = seed_article()
    state, progress = recording_state()
    digest = engine.digest(article, DigestOptions(translate_article=True), state)
    assert digest.summary.strip()
    assert set(digest.summary_translations) == set(output_languages())
    assert set(digest.article_translations) == set(output_languages())
    source_paragraphs = len(split_paragraphs(article.text))
    for language in output_languages():
        assert digest.summary_translations[language].strip()
        assert len(split_paragraphs(digest.article_translations[language])) == source_paragraphs
    assert {credit.task for credit in digest.models} == {"summarize", "translate-ru", "translate-ar"}
    fractions = [event.fraction for event in progress]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert len(progress) > 10
    steps = {event.step for event in progress}
    # The seed fills several of the tiny summariser's windows: CTranslate2 searches them two at a time.
    assert any(step.startswith(("Summarising 1/", "Summarising parts 1–2 of ")) for step in steps)
    assert "Translating article to Arabic" in steps


def test_models_load_once_across_digests(engine: DigestPipeline) -> None:
    article = Article(title="Short", text="Russia and the US talk. Both sides want calm.")
    engine.digest(article)
    loads = engine.load_count
    engine.digest(article)
    assert engine.load_count == loads == 3


def test_target_token_read_from_the_tokenizer(engine: DigestPipeline) -> None:
    from models.inventory import catalog

    spec = catalog.specs_for("quality")["translate-ru"]
    model = engine.model(spec)
    assert model.target_token == ">>rus<<"
    assert engine.model(catalog.specs_for("quality")["translate-ar"]).target_token == ">>ara<<"


def test_cancel_stops_within_a_second(engine: DigestPipeline) -> None:
    def digest(state):  # noqa: ANN001, ANN202
        return engine.digest(LONG_ARTICLE, DigestOptions(translate_article=True), state)

    assert seconds_to_cancel(digest, "Summarising", reach_timeout=30) < 1.0


def test_missing_model_folder_is_reported_not_crashed(tmp_path: Path) -> None:
    engine = DigestPipeline(PipelineConfig(models_dir=str(tmp_path)))
    problems = installed.missing(engine.specs(DigestOptions()), tmp_path)
    assert len(problems) == 3 and problems[0].startswith("Summary model: sshleifer/distilbart-cnn-12-6 is not installed")
    with pytest.raises(ModelUnavailable, match="not installed"):
        engine.digest(Article(title="t", text="Some text."))


def test_corrupt_model_folder_gives_a_clear_error(tmp_path: Path, tiny_models_dir: Path) -> None:
    import shutil

    for task in ("summarize", "translate-ru", "translate-ar"):
        shutil.copytree(tiny_models_dir / task, tmp_path / task)
    (tmp_path / "summarize" / "model.safetensors").write_bytes(b"not a safetensors file")
    engine = DigestPipeline(PipelineConfig(models_dir=str(tmp_path)))
    with pytest.raises(ModelUnavailable, match="could not be loaded"):
        engine.digest(Article(title="t", text="Some text."))


def test_importing_models_does_not_import_torch() -> None:
    code = "import sys, models, models.digest.pipeline, models.inventory.catalog, models.inventory.installed, models.inventory.downloads; print('torch' in sys.modules, 'transformers' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    assert result.stdout.split() == ["False", "False"]


def test_long_article_every_chunk_reaches_the_summariser(engine: DigestPipeline) -> None:
    from models.inventory import catalog
    from models.common.text import split_sentences

    words = SEED_ARTICLE.read_text(encoding="utf-8").split() * 3
    paragraphs = [" ".join(words[start : start + 75]) + "." for start in range(0, 1500, 75)]
    text = "\n\n".join(paragraphs)
    assert len(text.split()) >= 1500

    summariser = engine.model(catalog.specs_for("quality")[catalog.SUMMARIZE])
    seen: list[str] = []
    real_generate = summariser.generate

    def spy(texts, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.extend(texts)
        return real_generate(texts, *args, **kwargs)

    summariser.generate = spy  # type: ignore[method-assign]
    try:
        engine.digest(Article(title="Long", text=text), DigestOptions(languages=("ru",)))
    finally:
        del summariser.generate
    first_pass = " ".join(" ".join(chunk.split()) for chunk in seen)
    assert len(seen) >= 5
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            assert sentence in first_pass
    assert all(summariser.count_tokens(chunk) <= summariser.input_window - 2 for chunk in seen)


def test_digest_credits_the_models_it_loaded_not_the_catalogue(engine: DigestPipeline, tiny_models_dir: Path) -> None:
    """The tiny stand-ins in ``summarize`` and ``translate-*`` are not the catalogue's models:
    they are credited as their folders, without the catalogue's licences (whichever backend
    translated)."""
    from models import ModelCredit

    digest = engine.digest(Article(title="Short", text="Russia and the US talk. Both sides want calm."))
    assert set(digest.models) == {
        ModelCredit(task, str(tiny_models_dir / task), "") for task in ("summarize", "translate-ru", "translate-ar")
    }
    assert "distilbart" not in json.dumps(digest.to_json_dict()["models"])
