"""The fast path on the tiny models: exact where it is meant to be, int8 end to end, cancel
and per-step progress, the int8 copy on disk, and the optional CTranslate2 backend."""

from __future__ import annotations

import json
import struct
from dataclasses import replace
from pathlib import Path

import pytest

from models import Article, Cancelled, DigestOptions, JobState
from models.inventory import catalog
from models.inventory.catalog import GenerationSettings
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.common.languages import output_languages
from tests.conftest import SEED_ARTICLE
from tests.models.cancelling import LONG_ARTICLE, recording_state, seconds_to_cancel

SUMMARY = catalog.specs_for("quality")[catalog.SUMMARIZE]
RUSSIAN = catalog.specs_for("quality")["translate-ru"]
ARABIC = catalog.specs_for("quality")["translate-ar"]


def _sentences(prefix: str, count: int = 6) -> list[str]:
    words = SEED_ARTICLE.read_text(encoding="utf-8").split()
    return [prefix + " ".join(words[index * 9 : index * 9 + 4 + 2 * index]) for index in range(count)]


def _settings(spec: catalog.ModelSpec, beams: int) -> GenerationSettings:
    return replace(spec.generation, num_beams=beams, max_new_tokens=24, min_new_tokens=12)


@pytest.mark.parametrize("spec", [SUMMARY, RUSSIAN], ids=["bart", "marian"])
@pytest.mark.parametrize("beams", [1, 4])
def test_fast_beam_search_gives_the_float32_output_exactly(tiny_models_dir: Path, spec: catalog.ModelSpec, beams: int) -> None:
    from models.inference.torch_backend import load

    fast = load(spec, tiny_models_dir / spec.task, "cpu", quantize=False)
    plain = load(spec, tiny_models_dir / spec.task, "cpu", quantize=False, fast_beams=False)
    assert fast.precision == plain.precision == "float32"
    texts = _sentences(f"{fast.target_token} " if fast.target_token else "")
    assert fast.generate(texts, _settings(spec, beams)) == plain.generate(texts, _settings(spec, beams))


def test_side_by_side_workers_give_the_sequential_output(tiny_models_dir: Path) -> None:
    from models.inference.torch_backend import load, set_thread_count
    from models.digest.translate import TranslationJob, translate_jobs

    models = [load(spec, tiny_models_dir / spec.task, "cpu", quantize=False) for spec in (RUSSIAN, ARABIC)]

    def jobs() -> list[TranslationJob]:
        # Two sentences per language: the same batches whether one worker or two.
        return [TranslationJob(model, _sentences("", 2), _settings(model.spec, 4)) for model in models]

    alone = [output.translations for output in translate_jobs(jobs(), workers=1)]
    together = [output.translations for output in translate_jobs(jobs(), workers=2, thread_setup=lambda: set_thread_count(1))]
    assert together == alone
    assert all(text.strip() for texts in together for text in texts)


def test_int8_copy_is_saved_as_plain_safetensors_and_reloads_identically(tiny_models_dir: Path) -> None:
    from models.inference import quantize
    from models.inference.torch_backend import load

    first = load(RUSSIAN, tiny_models_dir / "translate-ru", "cpu", quantize=True)
    assert (first.precision, first.origin) == ("int8", "quantized")
    path = quantize.cache_path(tiny_models_dir / "translate-ru")
    assert path.parent.parent.name == "cache" and path.suffix == ".safetensors"
    header_size = struct.unpack("<Q", path.read_bytes()[:8])[0]
    header = json.loads(path.read_bytes()[8 : 8 + header_size])
    assert header["__metadata__"]["format"] == "article-digest-int8"
    assert {entry["dtype"] for name, entry in header.items() if name != "__metadata__"} <= {"I8", "F32", "F64", "I64"}

    second = load(RUSSIAN, tiny_models_dir / "translate-ru", "cpu", quantize=True)
    assert second.origin == "cache"
    assert type(second.model.lm_head).__name__ == "Linear" and "Quantized" in repr(second.model.lm_head)
    texts = _sentences(f"{first.target_token} ")
    for beams in (1, 4):
        assert second.generate(texts, _settings(RUSSIAN, beams)) == first.generate(texts, _settings(RUSSIAN, beams))


def test_damaged_int8_copy_is_ignored_and_rebuilt(tiny_models_dir: Path) -> None:
    from models.inference import quantize
    from models.inference.torch_backend import load

    load(ARABIC, tiny_models_dir / "translate-ar", "cpu", quantize=True)
    path = quantize.cache_path(tiny_models_dir / "translate-ar")
    path.write_bytes(struct.pack("<Q", 10) + b'{"a": 1}xx' + b"\0" * 64)
    rebuilt = load(ARABIC, tiny_models_dir / "translate-ar", "cpu", quantize=True)
    assert rebuilt.origin == "quantized"
    assert quantize.load_quantized(tiny_models_dir / "translate-ar", path) is not None


def test_int8_digest_runs_end_to_end_with_progress(tiny_models_dir: Path) -> None:
    engine = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir), quantize=True, translation_backend="torch"))
    article = Article(title="Seed", text=SEED_ARTICLE.read_text(encoding="utf-8"))
    state, progress = recording_state()
    digest = engine.digest(article, DigestOptions(translate_article=True), state)
    assert digest.summary.strip()
    assert all(digest.summary_translations[language].strip() for language in output_languages())
    assert all(digest.article_translations[language].strip() for language in output_languages())
    assert {engine.model(spec).precision for spec in engine.specs(DigestOptions())} == {"int8"}
    fractions = [event.fraction for event in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    translating = [event for event in progress if event.step.startswith("Translating")]
    assert len(translating) > 5  # per decoding step, not per text
    # Models load once; the int8 copies make a second engine start from disk.
    again = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir), quantize=True, translation_backend="torch"))
    assert {again.model(spec).origin for spec in again.specs(DigestOptions())} == {"cache"}
    assert again.digest(article, DigestOptions(translate_article=True)) .summary == digest.summary


def _cancel_during_translation(engine: DigestPipeline) -> float:
    def digest(state):  # noqa: ANN001, ANN202
        return engine.digest(LONG_ARTICLE, DigestOptions(translate_article=True), state)

    return seconds_to_cancel(digest, "Translating")


def _greedy(engine: DigestPipeline) -> DigestPipeline:
    engine._specs = {  # noqa: SLF001 - the recommended setting, without editing the catalogue
        task: (spec if task == catalog.SUMMARIZE else replace(spec, generation=replace(spec.generation, num_beams=1)))
        for task, spec in engine._specs.items()  # noqa: SLF001
    }
    return engine


@pytest.mark.parametrize("beams", [1, 4])
def test_cancel_during_int8_translation_within_a_second(tiny_models_dir: Path, beams: int) -> None:
    engine = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir), quantize=True, translation_backend="torch"))
    if beams == 1:
        _greedy(engine)
    assert _cancel_during_translation(engine) < 1.0


# -- the optional CTranslate2 backend --------------------------------------------------------


@pytest.fixture
def ct2() -> object:
    return pytest.importorskip("ctranslate2")


@pytest.mark.parametrize("beams", [1, 4])
def test_ctranslate2_float32_gives_the_transformers_output_exactly(tiny_models_dir: Path, tmp_path: Path, ct2: object, beams: int) -> None:
    from ctranslate2.converters import TransformersConverter

    from models.inference import ctranslate2_backend as backend
    from models.inference.torch_backend import load

    folder = tiny_models_dir / "translate-ru"
    served = backend.load(RUSSIAN, folder, workers=2)
    assert (served.backend, served.precision) == ("ctranslate2", "int8")
    # The same wiring (tokens in and out, target token, settings) on float32 weights must
    # reproduce transformers' float32 output token for token.
    TransformersConverter(str(folder)).convert(str(tmp_path / "f32"), force=True)
    served.translator = ct2.Translator(str(tmp_path / "f32"), device="cpu", compute_type="float32")  # type: ignore[attr-defined]
    reference = load(RUSSIAN, folder, "cpu", quantize=False, fast_beams=False)
    texts = _sentences(f"{served.target_token} ")
    assert served.generate(texts, _settings(RUSSIAN, beams)) == reference.generate(texts, _settings(RUSSIAN, beams))


def test_ctranslate2_greedy_reports_every_step_and_stops_on_cancel(tiny_models_dir: Path, ct2: object) -> None:
    from models.inference import ctranslate2_backend as backend

    served = backend.load(RUSSIAN, tiny_models_dir / "translate-ru", workers=1)
    fractions: list[float] = []
    settings = replace(RUSSIAN.generation, num_beams=1, max_new_tokens=20, min_new_tokens=20)
    served.generate(_sentences(">>rus<< ", 3), settings, state=JobState(lambda fraction, _: fractions.append(fraction), interval_s=0))
    assert fractions == [step / 20 for step in range(1, 21)]

    def cancel_at_step_three(fraction: float, _step: str) -> None:
        if fraction >= 3 / 20:
            state.request_interruption()

    state = JobState(cancel_at_step_three, interval_s=0)
    with pytest.raises(Cancelled):
        served.generate(_sentences(">>rus<< ", 3), settings, state=state)


def test_ctranslate2_is_the_default_translator_and_cancels_within_a_second(tiny_models_dir: Path, ct2: object) -> None:
    engine = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))
    assert getattr(engine.model(RUSSIAN), "backend", None) == "ctranslate2"
    assert getattr(engine.model(SUMMARY), "backend", None) == "ctranslate2"  # the summariser too (test_ctranslate2_summary.py)
    assert _cancel_during_translation(_greedy(engine)) < 1.0
    beams = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))
    assert _cancel_during_translation(beams) < 1.0


def test_both_backends_score_a_translation_alike(tiny_models_dir: Path, ct2: object) -> None:
    """The low-confidence flag reads the same number whichever backend translated."""
    from models.inference import ctranslate2_backend, torch_backend

    torch_model = torch_backend.load(RUSSIAN, tiny_models_dir / "translate-ru", "cpu", quantize=False)
    served = ctranslate2_backend.load(RUSSIAN, tiny_models_dir / "translate-ru", workers=1)
    texts = [">>rus<< Russia and the US talk.", ">>rus<< About 900 US troops remain in north-east Syria."]
    outputs = ["Россия и США говорят.", "Около 900 американских военных остаются."]
    by_torch, by_ct2 = torch_model.score(texts, outputs), served.score(texts, outputs)
    assert all(value < 0 for value in by_torch)
    assert by_ct2 == pytest.approx(by_torch, abs=0.15)  # int8 against float32
    # A translation that is not the model's own scores lower than the one it would write.
    own = torch_model.generate(texts[:1], _settings(RUSSIAN, 1), max_new_tokens=8)
    assert torch_model.score(texts[:1], own)[0] > torch_model.score(texts[:1], ["Совсем другое предложение про погоду."])[0]


def test_scores_are_the_same_whatever_the_scoring_batch(tiny_models_dir: Path, ct2: object, monkeypatch) -> None:
    """Scoring in small batches (to bound the memory a pass holds) gives each translation the
    score it gets in one batch with the others, on both backends."""
    from models.inference import ctranslate2_backend, tokens, torch_backend

    texts = [">>rus<< Russia and the US talk.", ">>rus<< About 900 US troops remain in north-east Syria.", ">>rus<< Talks go on."]
    outputs = ["Россия и США говорят.", "Около 900 американских военных остаются.", "Переговоры идут."]
    torch_model = torch_backend.load(RUSSIAN, tiny_models_dir / "translate-ru", "cpu", quantize=False)
    served = ctranslate2_backend.load(RUSSIAN, tiny_models_dir / "translate-ru", workers=1)
    assert tokens.SCORE_BATCH_SENTENCES == 1
    one_by_one = (torch_model.score(texts, outputs), served.score(texts, outputs))
    for module in (torch_backend, ctranslate2_backend):
        monkeypatch.setattr(module, "SCORE_BATCH_SENTENCES", len(texts))
    together = (torch_model.score(texts, outputs), served.score(texts, outputs))
    assert len(one_by_one[0]) == len(one_by_one[1]) == 3
    assert one_by_one[0] == pytest.approx(together[0], abs=1e-4)
    assert one_by_one[1] == pytest.approx(together[1], abs=1e-3)
    assert len(set(one_by_one[0])) == 3  # each translation its own score, in order
