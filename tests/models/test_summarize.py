"""Summaries of long articles: every chunk reaches the model, then the summaries combine."""

from __future__ import annotations

import pytest

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


class _LengthKeepingModel(EchoModel):
    """Writes the first ``max_new_tokens`` words of each input, as a summariser stops at its
    length limit; notes each call's (min, max)."""

    def __init__(self, window: int) -> None:
        super().__init__(window=window)
        self.lengths: list[tuple[int, int]] = []

    def generate(self, texts, settings, *, max_new_tokens=None, min_new_tokens=None, state=None):  # type: ignore[override]
        super().generate(texts, settings, max_new_tokens=max_new_tokens, min_new_tokens=min_new_tokens, state=state)
        self.lengths.append((min_new_tokens, max_new_tokens))
        return [" ".join(text.split()[:max_new_tokens]) for text in texts]


NEWS = GenerationSettings(num_beams=2, max_new_tokens=142, min_new_tokens=56)  # the real summariser's lengths


def test_a_long_article_is_one_summary_of_the_usual_length_shared_by_its_chunks() -> None:
    # About 600 words in chunks of at most 398: two chunks, the second about half the first.
    sentences = [f"Fact {i} is reported by the agency today." for i in range(75)]
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    model = _LengthKeepingModel(window=400)
    progress: list[float] = []
    summary = summarize(model, paragraphs, NEWS, JobState(lambda fraction, step: progress.append(fraction), interval_s=0))
    assert len(model.calls) == 2  # the two chunks, and no pass over their summaries
    first, second = (model.count_tokens(call[0]) for call in model.calls)
    (first_min, first_max), (second_min, second_max) = model.lengths
    assert first > second
    assert first_max + second_max == pytest.approx(NEWS.max_new_tokens, abs=1)  # one summary's length in all
    assert first_max / second_max == pytest.approx(first / second, rel=0.1)  # shared by size
    assert first_min + second_min == pytest.approx(NEWS.min_new_tokens, abs=1)
    # Both chunks' summaries are in it, in the article's order, and no sentence is cut off.
    second_start = model.calls[1][0].split(".")[0]
    assert summary.index("Fact 0 ") < summary.index(second_start)
    assert summary.endswith(".") and all(part.endswith(".") for part in summary.split("\n\n"))
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert max(b - a for a, b in zip(progress, progress[1:])) < 0.5  # no jump over a pass that never came


def test_a_whole_article_keeps_the_models_lengths_and_a_small_share_has_room_for_a_sentence() -> None:
    assert summary_lengths(1000, NEWS) == summary_lengths(1000, NEWS, 1.0) == (56, 142)
    assert summary_lengths(1000, NEWS, 0.5) == (28, 71)
    assert summary_lengths(1000, NEWS, 0.05) == (3, 40)  # a small last chunk still gets a sentence's room
    assert summary_lengths(50, NEWS, 0.05) == (3, 30)  # but never more than its source allows
    assert summary_lengths(1000, SETTINGS, 0.05) == (0, 20)  # nor more than the model's own limit


def test_a_chunk_summary_cut_off_mid_sentence_loses_the_cut_sentence() -> None:
    class CuttingModel(EchoModel):
        def generate(self, texts, settings, **kwargs):  # type: ignore[override]
            super().generate(texts, settings, **kwargs)
            return ["The talks resume next week. Both sides said they would"]

    summary = summarize(CuttingModel(window=50), ["A short article. Only two sentences."], SETTINGS)
    assert summary == "The talks resume next week."
