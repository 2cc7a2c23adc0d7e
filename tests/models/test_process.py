"""The engine in a child process: same digest as in process, progress, cancel, a crash survived."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Iterator

import pytest

from models import Article, Cancelled, DigestError, DigestOptions, JobState, ModelUnavailable
from models.digest.process import DigestProcess
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.common.languages import output_languages
from tests.conftest import SEED_ARTICLE
from tests.models.cancelling import LONG_ARTICLE, recording_state, seconds_to_cancel


@pytest.fixture(scope="module")
def engine_process() -> Iterator[DigestProcess]:
    process = DigestProcess()
    yield process
    process.close()


def seed_article() -> Article:
    return Article(title="Seed", text=SEED_ARTICLE.read_text(encoding="utf-8"), source_path=str(SEED_ARTICLE))


def test_digest_in_the_child_matches_the_digest_in_process(engine_process: DigestProcess, tiny_models_dir: Path) -> None:
    config = PipelineConfig(models_dir=str(tiny_models_dir))
    options = DigestOptions(languages=output_languages())
    state, progress = recording_state()
    digest = engine_process.digest(seed_article(), options, config=config, state=state)
    assert engine_process.pid not in (None, os.getpid())
    expected = DigestPipeline(config).digest(seed_article(), options)
    assert digest.summary == expected.summary and digest.summary.strip()
    assert digest.summary_translations == expected.summary_translations
    assert digest.article.text == expected.article.text
    fractions = [event.fraction for event in progress]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert any(event.step.startswith("Summarising") for event in progress)


def test_cancel_lands_within_a_second_and_the_next_digest_is_whole(
    engine_process: DigestProcess, tiny_models_dir: Path
) -> None:
    config = PipelineConfig(models_dir=str(tiny_models_dir))
    engine_process.digest(Article(title="Warm", text="Models load first."), config=config)

    def digest(state):  # noqa: ANN001, ANN202
        options = DigestOptions(translate_article=True)
        return engine_process.digest(LONG_ARTICLE, options, config=config, state=state)

    assert seconds_to_cancel(digest, "Translating article") < 1.5
    # The cancelled job's late reply never leaks into the next one.
    short = Article(title="Short", text="Russia and the US talk. Both sides want calm.")
    digest_after = engine_process.digest(short, DigestOptions(languages=("ar",)), config=config)
    assert digest_after.article.title == "Short" and set(digest_after.summary_translations) == {"ar"}


def test_a_missing_model_is_reported_with_its_message(engine_process: DigestProcess, tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="is not installed"):
        engine_process.digest(seed_article(), config=PipelineConfig(models_dir=str(tmp_path / "empty")))
    assert engine_process.running  # an error in a digest is not a crash


def test_a_killed_engine_is_an_error_and_the_next_digest_starts_a_new_one(tiny_models_dir: Path) -> None:
    process = DigestProcess()
    config = PipelineConfig(models_dir=str(tiny_models_dir))
    try:
        process.start()
        first_pid = process.pid
        def kill_when_busy(fraction: float, step: str) -> None:
            if step.startswith(("Summarising", "Translating")) and process.pid == first_pid:
                os.kill(first_pid, signal.SIGKILL)

        with pytest.raises(DigestError, match="stopped unexpectedly.*killed") as raised:
            process.digest(seed_article(), config=config, state=JobState(kill_when_busy))
        assert not isinstance(raised.value, Cancelled)
        digest = process.digest(Article(title="Again", text="Russia and the US talk."), config=config)
        assert digest.summary.strip()
        assert process.pid not in (None, first_pid)
    finally:
        process.close()
    assert not process.running
    process.close()  # idempotent


def test_preloaded_models_are_not_loaded_again_by_the_digest(tiny_models_dir: Path) -> None:
    process = DigestProcess()
    config = PipelineConfig(models_dir=str(tiny_models_dir))
    options = DigestOptions(languages=output_languages())
    try:
        process.preload(config, options)  # as the window does when an article is opened
        process.digest(Article(title="Warm", text="Models load first."), options, config=config)  # waits for the rest to load
        state, events = recording_state()
        digest = process.digest(seed_article(), options, config=config, state=state)
    finally:
        process.close()
    assert digest.summary.strip()
    assert not [event.step for event in events if event.step.startswith("Loading")]


def test_a_digest_asked_for_during_the_preload_summarises_before_the_translators_load(tiny_models_dir: Path) -> None:
    """The window preloads when an article opens; Digest pressed at once takes over after the
    model being loaded: the summariser first, the summary, then the translators."""
    process = DigestProcess()
    config = PipelineConfig(models_dir=str(tiny_models_dir))
    options = DigestOptions(languages=output_languages())
    try:
        process.preload(config, options)
        state, events = recording_state()
        digest = process.digest(seed_article(), options, config=config, state=state)
    finally:
        process.close()
    assert digest.summary.strip() and all(digest.summary_translations.values())
    steps = [event.step for event in events]
    summarising = next(index for index, step in enumerate(steps) if step.startswith("Summarising"))
    loaded = [step for step in steps if step.startswith("Loading")]
    assert "Loading the summary model" in steps[:summarising]
    assert not [step for step in steps[:summarising] if step.startswith("Loading") and step != "Loading the summary model"], steps
    assert set(loaded) > {"Loading the summary model"}, steps  # the translators, after the summary
    fractions = [event.fraction for event in events]
    assert fractions == sorted(fractions)


def test_the_summary_and_each_translation_arrive_before_the_digest_ends(engine_process: DigestProcess, tiny_models_dir: Path) -> None:
    from models.common.types import PartialText

    parts: list[tuple[float, PartialText]] = []
    fractions: list[float] = []
    state = JobState(lambda fraction, status: fractions.append(fraction), partial_sink=lambda part: parts.append((fractions[-1] if fractions else 0.0, part)))
    digest = engine_process.digest(
        seed_article(), DigestOptions(languages=output_languages(), translate_article=True), PipelineConfig(models_dir=str(tiny_models_dir)), state
    )
    complete = {part.key: (fraction, part.text) for fraction, part in parts if part.complete}
    assert complete["summary"][1] == digest.summary
    assert complete["summary:ru"][1] == digest.summary_translations["ru"]
    assert complete["article:ar"][1] == digest.article_translations["ar"]
    assert set(complete) == {"summary", "summary:ru", "summary:ar", "article:ru", "article:ar"}
    assert complete["summary"][0] < 1.0  # shown while the translations were still running


def test_an_engine_that_cannot_start_is_a_digest_error_and_the_next_digest_starts_it(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child that fails to start (no memory for it, a broken interpreter) leaves nothing
    half-made: the digest fails with a reason, closing is quiet, and the next digest works."""
    process = DigestProcess()
    real_process_class = process._context.Process

    class FailingProcess(real_process_class):  # type: ignore[misc, valid-type]
        def start(self) -> None:
            raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(process._context, "Process", FailingProcess)
    config = PipelineConfig(models_dir=str(tiny_models_dir))
    try:
        with pytest.raises(DigestError, match="could not start.*Cannot allocate memory") as raised:
            process.digest(Article(title="A", text="Russia and the US talk."), config=config)
        assert not isinstance(raised.value, Cancelled)
        assert not process.running and process.pid is None
        process.close()  # nothing to stop, nothing raised
        monkeypatch.setattr(process._context, "Process", real_process_class)
        digest = process.digest(Article(title="Again", text="Russia and the US talk."), config=config)
        assert digest.summary.strip()
    finally:
        process.close()


def test_revising_back_translating_and_alternatives_run_in_the_child(engine_process: DigestProcess, tiny_models_dir: Path) -> None:
    """The window's requests for a digest it shows: the English summary edited (only its changed
    sentences translated again), the translations back into English, a sentence's alternatives;
    each as in process, with progress, and a bad edit a DigestError that leaves the child serving."""
    from models.digest import revise

    config = PipelineConfig(models_dir=str(tiny_models_dir))
    summary = "Russia and the US held talks on Friday. Both sides want calm."
    digest = engine_process.digest(Article(title="Talks", text="Russia and the US held talks on Friday. Both sides want calm."), config=config)
    state, progress = recording_state()
    revised = engine_process.revise_summary(digest, summary, config=config, state=state)
    expected = DigestPipeline(config).revise_summary(digest, summary)
    assert revised.summary == summary
    assert revised.summary_translations == expected.summary_translations
    assert revised.revisions == expected.revisions
    assert progress and progress[-1].fraction == 1.0
    assert any(event.step.startswith("Translating summary") for event in progress)

    state, progress = recording_state()
    back = engine_process.back_translate(revised, config=config, state=state)
    assert back.back_translate and set(back.back_translations) == {"summary:ru", "summary:ar"}
    assert revise.missing_back_translations(back) == {}
    assert any(event.step == "Translating the Arabic text back into English" for event in progress)

    second = revise.sentences(back, "summary:ar")[1]
    found = engine_process.alternatives("ar", second.english, 2, config=config, exclude=(second.text,))
    assert 1 <= len(found) <= 2 and all(isinstance(item, revise.Alternative) for item in found)
    chosen = revise.choose_alternative(back, "summary:ar", second.target, found[0])
    assert revise.sentences(chosen, "summary:ar")[1].origin == "alternative"

    with pytest.raises(DigestError, match="the edited summary is empty"):
        engine_process.revise_summary(back, "  ", config=config)
    assert engine_process.running
