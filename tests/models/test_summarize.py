"""Summaries of long articles: every chunk reaches the model, then the summaries combine."""

from __future__ import annotations

from models.common.job_state import JobState
from models.inventory.catalog import GenerationSettings
from models.digest.summarize import summarize, summary_lengths
from models.common.text import split_paragraphs
from tests.models.fakes import EchoModel

SETTINGS = GenerationSettings(num_beams=2, max_new_tokens=20, min_new_tokens=8)


def test_long_article_every_sentence_reaches_the_first_pass() -> None:
    sentences = [f"Sentence {i} says something new about topic {i}." for i in range(60)]
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, 60, 4)]
    model = EchoModel(window=50, shrink=True)
    summary = summarize(model, paragraphs, SETTINGS)
    first_pass = model.calls[: len(model.calls)]
    seen = " ".join(text for call in first_pass for text in call)
    for sentence in sentences:
        assert sentence in seen
    assert all(model.count_tokens(text) <= 48 for call in model.calls for text in call)
    assert summary


def test_short_article_is_one_call_and_lengths_scale_down() -> None:
    model = EchoModel(window=50)
    summarize(model, ["A short article. Only two sentences."], SETTINGS)
    assert len(model.calls) == 1
    assert summary_lengths(10, SETTINGS) == (8, 16)
    assert summary_lengths(1000, SETTINGS) == (8, 20)


def test_combined_summary_is_summarised_again_when_long() -> None:
    # Echoing (not shrinking) keeps chunk summaries long, so a second pass must run.
    paragraphs = split_paragraphs("\n\n".join(f"Para {i} has a few words in it. And more words here." for i in range(12)))
    model = EchoModel(window=30)
    progress: list[float] = []
    summarize(model, paragraphs, SETTINGS, JobState(lambda fraction, step: progress.append(fraction), interval_s=0))
    first_pass_calls = 12 * 11 // 28 + 1
    assert len(model.calls) > first_pass_calls
    assert progress == sorted(progress) and progress[-1] == 1.0
