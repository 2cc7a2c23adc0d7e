"""The summariser on CTranslate2: the same summary as transformers on the same weights, its
first words shown early, progress, cancel, the torch fallback, and an engine without torch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

import pytest

from models import Article, Cancelled, DigestOptions, JobState
from models.common.types import PartialText
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.inventory import catalog
from tests.conftest import REPO_ROOT, SEED_ARTICLE

ct2 = pytest.importorskip("ctranslate2")

SUMMARY = catalog.specs_for(catalog.DEFAULT_PROFILE)[catalog.SUMMARIZE]
TEXT = SEED_ARTICLE.read_text(encoding="utf-8")[:1500]


def _settings(beams: int, tokens: int = 30) -> catalog.GenerationSettings:
    return replace(SUMMARY.generation, num_beams=beams, max_new_tokens=tokens, min_new_tokens=tokens // 3)


def _on_each_search(served, note: Callable[[int], None]) -> None:  # noqa: ANN001 - a CTranslate2Model
    """Have ``served`` pass each CTranslate2 search it starts (its steps) to ``note`` first."""
    translate_batch = served.translator.translate_batch

    class Noting:
        def translate_batch(self, *args, **options):  # noqa: ANN002, ANN003, ANN202
            note(options["max_decoding_length"])
            return translate_batch(*args, **options)

    served.translator = Noting()


def _float32(served, tmp_path: Path) -> None:  # noqa: ANN001 - a CTranslate2Model
    """Serve ``served``'s model from a float32 conversion (int8 rounds differently from torch)."""
    from models.inference import ctranslate2_backend as backend

    backend._checked_converter(served.path, served.path).convert(str(tmp_path / "f32"), force=True)
    served.translator = ct2.Translator(str(tmp_path / "f32"), device="cpu", compute_type="float32")


@pytest.mark.parametrize("forced_bos", [False, True])
def test_the_summary_is_transformers_summary_token_for_token(tiny_models_dir: Path, tmp_path: Path, forced_bos: bool) -> None:
    """BART converts (with the shim for transformers 5's config) and, on float32 weights, beam
    search and greedy give what transformers' generate gives, BART's forced first token included."""
    from models.inference import ctranslate2_backend as backend
    from models.inference.torch_backend import load

    folder = tmp_path / "summarize"
    shutil.copytree(tiny_models_dir / "summarize", folder)
    if forced_bos:  # as distilbart-cnn's config has it
        for name in ("config.json", "generation_config.json"):
            data = json.loads((folder / name).read_text())
            (folder / name).write_text(json.dumps({**data, "forced_bos_token_id": 0}))
    served = backend.load(SUMMARY, folder, workers=1, threads=2)
    assert (served.backend, served.precision, served.origin) == ("ctranslate2", "int8", "converted")
    assert served.forced_first_token == ("<s>" if forced_bos else None)
    _float32(served, tmp_path)
    reference = load(SUMMARY, folder, "cpu", quantize=False, fast_beams=False)
    for beams in (1, 4):
        assert served.generate([TEXT], _settings(beams)) == reference.generate([TEXT], _settings(beams))
        shown: list[str] = []
        assert served.generate([TEXT], _settings(beams), on_partial=shown.append) == reference.generate([TEXT], _settings(beams))


def test_first_words_are_the_leading_beam_and_progress_reaches_the_end(tiny_models_dir: Path, tmp_path: Path) -> None:
    from models.inference import ctranslate2_backend as backend

    served = backend.load(SUMMARY, tiny_models_dir / "summarize", workers=1, threads=2)
    settings = _settings(4, 40)
    shown: list[str] = []
    fractions: list[float] = []
    [summary] = served.generate([TEXT], settings, state=JobState(lambda fraction, _: fractions.append(fraction), interval_s=0), on_partial=shown.append)
    # Shown once, before the end: the best hypothesis of the same search stopped after its first steps.
    [early] = served.generate([TEXT], replace(settings, max_new_tokens=backend.PREVIEW_TOKENS, min_new_tokens=backend.PREVIEW_TOKENS))
    assert shown == [early] and early and summary.startswith(early.split()[0])
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_the_previews_freed_buffers_are_handed_back_before_the_whole_search(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long article's search took its buffers on top of what the preview had freed (glibc kept
    them, in sizes the search could not reuse), raising the engine's peak."""
    from models.inference import ctranslate2_backend as backend

    served = backend.load(SUMMARY, tiny_models_dir / "summarize", workers=1, threads=1)
    events: list[str] = []
    _on_each_search(served, lambda steps: events.append(f"search {steps} steps"))
    monkeypatch.setattr(backend, "release_freed_memory", lambda: events.append("release"))
    served.generate([TEXT], _settings(4, 40), on_partial=lambda _: None)
    assert events == [f"search {backend.PREVIEW_TOKENS} steps", "release", "search 40 steps"]


def test_cancel_during_the_summary_lands_at_once(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.inference import ctranslate2_backend as backend

    served = backend.load(SUMMARY, tiny_models_dir / "summarize", workers=1, threads=1)
    state = JobState(interval_s=0)
    long_text = " ".join([TEXT] * 2)
    slow = _settings(4, 400)
    started = time.monotonic()
    [_] = served.generate([long_text], slow, on_partial=lambda _: None)  # how long one takes
    whole = time.monotonic() - started

    def cancel_at_first_words(_: str) -> None:
        state.request_interruption()

    started = time.monotonic()
    with pytest.raises(Cancelled):
        served.generate([long_text], slow, state=state, on_partial=cancel_at_first_words)
    assert time.monotonic() - started < max(0.5, whole / 2)
    served.translator.translate_batch([["<s>"]], max_decoding_length=1)  # the abandoned search ends on its own


def test_a_beam_search_in_flight_is_waited_for_without_polling_it(tiny_models_dir: Path) -> None:
    """The thread waiting on a beam search wakes to check for a cancel about twenty times a
    second, not two hundred (each wake took a core from the search), and still has the result
    as soon as the search ends."""
    from models.inference import ctranslate2_backend as backend

    served = backend.load(SUMMARY, tiny_models_dir / "summarize", workers=1, threads=1)
    checks = 0

    def interrupted() -> bool:
        nonlocal checks
        checks += 1
        return False

    texts = [" ".join([TEXT] * 2)] * 32  # a search of a few tenths of a second on the tiny model
    started = time.monotonic()
    summaries = served.generate(texts, replace(_settings(4, 300), min_new_tokens=300), state=JobState(interrupted=interrupted))
    seconds = time.monotonic() - started
    assert len(summaries) == len(texts) and all(summaries)
    assert seconds > 0.1 and checks <= 25 * seconds + 5, (checks, seconds)  # polled every 5 ms: 200 a second


_EXIT_WITH_A_SEARCH_IN_FLIGHT = """
import sys
from dataclasses import replace
from pathlib import Path
from models import Cancelled, JobState
from models.inference import ctranslate2_backend as backend
from models.inventory import catalog
spec = catalog.specs_for(catalog.DEFAULT_PROFILE)[catalog.SUMMARIZE]
served = backend.load(spec, Path(sys.argv[1]), workers=1, threads=1)
state = JobState()
settings = replace(spec.generation, num_beams=4, max_new_tokens=300, min_new_tokens=300)
try:
    served.generate([sys.argv[2]] * 32, settings, state=state, on_partial=lambda _: state.request_interruption())
except Cancelled:
    print("cancelled", flush=True)
sys.exit(0)  # the abandoned search still runs in CTranslate2's thread
"""


def test_a_process_ends_cleanly_with_an_abandoned_search_in_flight(tiny_models_dir: Path) -> None:
    """The command line cancelled (Ctrl+C), or the engine told to stop, while a beam search runs
    on in CTranslate2's thread: the process waits for it and exits normally, not aborting."""
    result = subprocess.run(
        [sys.executable, "-c", _EXIT_WITH_A_SEARCH_IN_FLIGHT, str(tiny_models_dir / "summarize"), " ".join([TEXT] * 2)],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "cancelled"), result.stderr[-500:]
    assert "terminate" not in result.stderr


def test_a_cancelled_summary_asked_for_again_takes_over_its_search(tiny_models_dir: Path) -> None:
    """A summary cancelled while CTranslate2 still searches, asked for again (the same article:
    a digest cancelled to change its languages), takes over the search in flight instead of
    waiting behind it and searching again; another text searches anew."""
    from models.inference import ctranslate2_backend as backend

    served = backend.load(SUMMARY, tiny_models_dir / "summarize", workers=1, threads=1)
    searches: list[int] = []
    _on_each_search(served, searches.append)
    long_text = " ".join([TEXT] * 2)
    slow = _settings(4, 200)
    state = JobState(interval_s=0)
    with pytest.raises(Cancelled):
        served.generate([long_text], slow, state=state, on_partial=lambda _: state.request_interruption())
    assert searches == [backend.PREVIEW_TOKENS, 200]  # the whole search was under way when the cancel came
    words: list[str] = []
    [again] = served.generate([long_text], slow, on_partial=words.append)
    assert searches == [backend.PREVIEW_TOKENS, 200]  # taken over: no search of its own
    [fresh] = served.generate([long_text], slow, on_partial=words.append)
    assert searches[2:] == [backend.PREVIEW_TOKENS, 200]  # nothing left to take over: searched anew
    assert again == fresh
    served.generate([TEXT], slow, on_partial=words.append)
    assert searches[4:] == [backend.PREVIEW_TOKENS, 200]


def test_the_pipeline_summarises_with_ctranslate2_and_falls_back_to_torch(tiny_models_dir: Path) -> None:
    engine = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))
    assert getattr(engine.model(SUMMARY), "backend", None) == "ctranslate2"
    parts: list[PartialText] = []
    digest = engine.digest(Article(title="Seed", text=TEXT), DigestOptions(languages=("ru",)), JobState(partial_sink=parts.append))
    assert digest.summary and parts[0].key == "summary" and not parts[0].complete
    assert any(part.key == "summary" and part.complete and part.text == digest.summary for part in parts)
    for config in (PipelineConfig(models_dir=str(tiny_models_dir), summary_backend="torch"),
                   PipelineConfig(models_dir=str(tiny_models_dir), device="cpu", quantize=False)):
        assert getattr(DigestPipeline(config).model(SUMMARY), "backend", "torch") == "torch"


def test_an_engine_with_every_model_on_ctranslate2_never_imports_torch(tiny_models_dir: Path, tmp_path: Path) -> None:
    """Once the models are converted (the first use converts, with torch, and exports their
    tokenizers), a new engine process digests, preloading first as the window has it, without
    importing torch, transformers or huggingface_hub."""
    config = PipelineConfig(models_dir=str(tiny_models_dir))
    DigestPipeline(config).preload(DigestOptions(languages=("ru", "ar")))  # converts, in this process
    script = textwrap.dedent(
        f"""
        import sys
        from models import Article, DigestOptions
        from models.digest import process
        from models.digest.pipeline import DigestPipeline, PipelineConfig
        process._import_engine()  # the engine's warm-up
        engine = DigestPipeline(PipelineConfig(models_dir={str(tiny_models_dir)!r}))
        engine.preload(DigestOptions(languages=("ru", "ar")))
        digest = engine.digest(Article(title="t", text=open({str(SEED_ARTICLE)!r}).read()), DigestOptions(languages=("ru", "ar")))
        assert digest.summary and all(digest.summary_translations.values())
        heavy = [name for name in sys.modules if name in ("torch", "transformers", "huggingface_hub")
                 or name.startswith(("torch.", "sympy", "transformers.", "huggingface_hub."))]
        print("heavy:", heavy[:5])
        assert not heavy, heavy
        """
    )
    import os

    completed = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, env=os.environ.copy(), timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "heavy: []" in completed.stdout


def test_a_long_articles_chunks_are_searched_together_and_only_the_first_has_early_words(tiny_models_dir: Path) -> None:
    """The first words cost a short search: only the first chunk has one. Chunks go to the
    model two windows' worth at a time, one beam search each; later searches show the chunk
    summaries done so far instead."""
    from models.digest.summarize import WINDOWS_SEARCHED_TOGETHER, plan_chunks, search_groups, summarize
    from models.inference import ctranslate2_backend as backend

    served = backend.load(SUMMARY, tiny_models_dir / "summarize", workers=1, threads=2)
    searches: list[tuple[int, int]] = []
    translate_batch = served.translator.translate_batch

    class Counting:
        def translate_batch(self, source, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
            searches.append((len(source), kwargs["max_decoding_length"]))
            return translate_batch(source, *args, **kwargs)

    served.translator = Counting()
    paragraphs = [TEXT] * 4
    chunks = plan_chunks(served, paragraphs)
    groups = search_groups(served, chunks)
    assert len(chunks) > 2 and 1 < len(groups) < len(chunks)
    assert [index for group in groups for index in group] == list(range(len(chunks)))
    assert all(sum(served.count_tokens(chunks[index]) for index in group) <= WINDOWS_SEARCHED_TOGETHER * served.input_window for group in groups)
    parts: list[PartialText] = []
    summary = summarize(served, paragraphs, _settings(4, 60), JobState(partial_sink=parts.append))
    assert searches[0] == (1, backend.PREVIEW_TOKENS)
    assert [count for count, _ in searches[1:]] == [len(group) for group in groups]
    assert summary.count("\n\n") <= len(chunks) - 1
    assert parts and not parts[0].complete


def test_chunks_searched_together_summarise_as_each_does_alone(tiny_models_dir: Path) -> None:
    """A batch of chunks (of different lengths: the shorter one padded) gives each chunk the
    summary its own search gives, in int8 as served, the first words shown once."""
    from models.inference import ctranslate2_backend as backend

    served = backend.load(SUMMARY, tiny_models_dir / "summarize", workers=1, threads=2)
    chunks = [TEXT[:700], TEXT[700:1200]]
    alone = [served.generate([chunk], _settings(4, 24))[0] for chunk in chunks]
    shown: list[str] = []
    together = served.generate(chunks, _settings(4, 24), on_partial=shown.append)
    assert together == alone and all(alone)
    assert len(shown) == 1 and alone[0].startswith(shown[0].split()[0])


def test_both_backends_know_their_decoders_width(tiny_models_dir: Path) -> None:
    """What translation batches are sized by (models.digest.translate.batch_hypotheses)."""
    from models.inference import ctranslate2_backend as backend
    from models.inference.torch_backend import load

    folder = tiny_models_dir / "translate-ru"
    config = json.loads((folder / "config.json").read_text())
    width = config["d_model"] * config["decoder_layers"]
    spec = catalog.specs_for(catalog.DEFAULT_PROFILE)["translate-ru"]
    assert width > 0
    assert backend.load(spec, folder, workers=2).decoder_width == width
    assert load(spec, folder, "cpu").decoder_width == width


@pytest.mark.parametrize("beams", [1, 4])
def test_translations_are_scored_by_their_search_as_a_second_pass_would(tiny_models_dir: Path, beams: int) -> None:
    """The low-confidence score comes from the search: the mean log-probability per token the
    teacher-forced pass gives the very tokens the search produced (the end token included),
    and no second pass is made."""
    from models.digest.translate import TranslationJob, translate_jobs
    from models.inference import ctranslate2_backend as backend

    spec = catalog.specs_for(catalog.DEFAULT_PROFILE)["translate-ru"]
    served = backend.load(spec, tiny_models_dir / "translate-ru", workers=2)
    prefix = f"{served.target_token} " if served.target_token else ""
    texts = [prefix + sentence for sentence in ("The talks resumed on Monday.", "Both sides said they would meet again in March.")]
    settings = catalog.GenerationSettings(num_beams=beams, max_new_tokens=40)
    outputs, scores = served.generate_scored(texts, settings, min_new_tokens=1)  # as translate_jobs asks
    assert outputs == served.generate(texts, settings, min_new_tokens=1)
    end = served.tokenizer.eos_token
    sources = served._source(texts)
    results = served.translator.translate_batch(sources, beam_size=beams, max_decoding_length=40, min_decoding_length=1, return_end_token=True)
    for source, result, score in zip(sources, results, scores):
        tokens = result.hypotheses[0]
        forced = served.translator.score_batch([source], [[token for token in tokens if token != end]])[0].log_probs
        ended = tokens[-1] == end  # score_batch always adds the end token; a search cut at its limit has none
        expected = forced if ended else forced[:-1]
        assert score == pytest.approx(sum(expected) / len(expected), abs=1e-2)

    passes: list[int] = []
    score_batch = served.translator.score_batch

    class Counting:
        def __getattr__(self, name):  # noqa: ANN001, ANN204
            return getattr(type(self).real, name)

        def score_batch(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
            passes.append(1)
            return score_batch(*args, **kwargs)

    Counting.real = served.translator
    served.translator = Counting()
    [job] = translate_jobs([TranslationJob(served, [text.removeprefix(prefix) for text in texts], settings, scored=True)], workers=2)
    assert not passes and all(isinstance(value, float) for value in job.log_probabilities)
