"""Provisional summary text: what ``summarize`` publishes while it decodes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from models.common.job_state import JobState
from models.common.types import PartialText
from models.digest.summarize import plan_chunks, summarize
from models.inventory.catalog import GenerationSettings
from tests.models.fakes import EchoModel

SETTINGS = GenerationSettings(num_beams=2, max_new_tokens=20, min_new_tokens=8)


@dataclass
class GrowingModel(EchoModel):
    """An :class:`EchoModel` whose generate offers ``on_partial``: it hands on its output one
    more word at a time, as the torch backend hands on its leading hypothesis."""

    def generate(  # type: ignore[override]
        self,
        texts: Sequence[str],
        settings: Any,
        *,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
        state: JobState | None = None,
        on_partial: Callable[[str], None] | None = None,
    ) -> list[str]:
        outputs = super().generate(texts, settings, max_new_tokens=max_new_tokens, min_new_tokens=min_new_tokens, state=state)
        if on_partial is not None:
            words = outputs[0].split()
            for count in range(1, len(words) + 1):
                on_partial(" ".join(words[:count]))
        return outputs


def _recording_state() -> tuple[JobState, list[PartialText]]:
    parts: list[PartialText] = []
    return JobState(interval_s=0, partial_sink=parts.append), parts


def _paragraphs(count: int) -> list[str]:
    return [f"Paragraph {index} tells of event {index}. It has a second sentence." for index in range(count)]


def test_one_chunk_publishes_the_growing_leading_text() -> None:
    model = GrowingModel(window=60, shrink=True)
    state, parts = _recording_state()
    summary = summarize(model, ["A short article. Only two sentences."], SETTINGS, state)
    assert [part.text for part in parts] == ["A", "A short"]
    assert summary == "A short"
    assert all(part.key == "summary" and not part.complete for part in parts)


def test_later_chunks_are_shown_after_the_summaries_already_done() -> None:
    model = GrowingModel(window=20, shrink=True)
    paragraphs = _paragraphs(6)
    chunks = plan_chunks(model, paragraphs)
    assert len(chunks) >= 3
    state, parts = _recording_state()
    summary = summarize(model, paragraphs, SETTINGS, state)
    chunk_summaries = summary.split("\n\n")
    assert len(chunk_summaries) == len(chunks)
    # While chunk 2 decodes, chunk 1's summary leads every text shown.
    second_chunk_parts = [part.text for part in parts if part.text.startswith(chunk_summaries[0] + "\n\n")]
    assert second_chunk_parts
    assert second_chunk_parts[0] == chunk_summaries[0] + "\n\n" + chunk_summaries[1].split()[0]
    # Texts only grow during the first pass, and the last shown is the whole first-pass text.
    assert all(len(later.text) >= len(earlier.text) for earlier, later in zip(parts, parts[1:]))
    assert parts[-1].text == summary
    assert not any(part.complete for part in parts)


def test_combining_pass_is_not_shown() -> None:
    # Echoing keeps chunk summaries long, so a second pass runs; only the first pass is published.
    model = GrowingModel(window=30)
    paragraphs = _paragraphs(10)
    state, parts = _recording_state()
    summarize(model, paragraphs, SETTINGS, state)
    first_pass_calls = len(plan_chunks(model, paragraphs))
    assert len(model.calls) > first_pass_calls
    first_pass_outputs = [f"<out> {call[0]}" for call in model.calls[:first_pass_calls]]
    assert parts[-1].text.split() == " ".join(first_pass_outputs).split()
    assert not any("<out> <out>" in part.text for part in parts)  # a second-pass output echoes a first-pass one


def test_a_model_without_partial_text_still_shows_each_finished_chunk() -> None:
    model = EchoModel(window=20, shrink=True)
    paragraphs = _paragraphs(6)
    state, parts = _recording_state()
    summary = summarize(model, paragraphs, SETTINGS, state)
    chunk_summaries = summary.split("\n\n")
    assert [part.text for part in parts] == ["\n\n".join(chunk_summaries[:count]) for count in range(1, len(chunk_summaries))]
