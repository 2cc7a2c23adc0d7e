"""Summaries of articles of any length.

An article longer than the model's input window is never truncated: it is split into chunks
on sentence and paragraph boundaries by tokenizer tokens, each chunk is summarised, and the
chunk summaries are combined; when the combination is still long it is summarised again.

While the first pass decodes, the summary so far is published (``JobState.publish``,
``PartialText("summary", ..., complete=False)``): the chunk summaries already done, then the
leading beam hypothesis of the chunk in progress, for models whose ``generate`` offers
``on_partial``. Beam search may still change course, so the text is provisional; the
pipeline publishes the final summary. A later pass, which only shortens the combination,
is not shown: the first pass's text stays until the final one replaces it.
"""

from __future__ import annotations

import inspect
from typing import Callable, Sequence

from models.inventory.catalog import GenerationSettings
from models.common.text import chunk_by_tokens, split_paragraphs
from models.common import steps
from models.common.job_state import JobState
from models.common.steps import Step
from models.common.types import DigestError, PartialText, Seq2SeqModel, alignment_key

#: Room for the special tokens the tokenizer adds around each input (<s> ... </s>).
_SPECIAL_TOKENS = 2
#: A combined summary longer than this many times the model's target length is summarised again.
_RESUMMARISE_FACTOR = 1.5
#: Passes over ever-shorter text before we accept what we have (each pass shrinks it at least ~2x).
_MAX_PASSES = 4
#: The key provisional summary text is published under (see the module docstring).
SUMMARY_KEY = alignment_key("summary")


def summary_lengths(input_tokens: int, settings: GenerationSettings) -> tuple[int, int]:
    """(min, max) new tokens for a summary of ``input_tokens`` tokens: the model's news
    lengths, scaled down for short inputs so a summary is never longer than its source."""
    maximum = min(settings.max_new_tokens, max(16, input_tokens * 3 // 5))
    minimum = min(settings.min_new_tokens, maximum // 2)
    return minimum, maximum


def plan_chunks(model: Seq2SeqModel, paragraphs: Sequence[str]) -> list[str]:
    """The chunks a first summarising pass over ``paragraphs`` feeds the model."""
    return chunk_by_tokens(paragraphs, model.count_tokens, model.input_window - _SPECIAL_TOKENS)


def summarize(
    model: Seq2SeqModel,
    paragraphs: Sequence[str],
    settings: GenerationSettings,
    state: JobState | None = None,
) -> str:
    """Summarise the article given as ``paragraphs`` with ``model``; see the module docstring.

    ``state`` gets this stage's fraction (0..1) after every decoding step and is checked for
    interruption at every step.
    """
    state = state or JobState()
    chunks = plan_chunks(model, paragraphs)
    if not chunks:
        raise DigestError("the article has no text to summarise")
    # The first pass holds most of the work; later passes share what is left.
    span_start, span_end = 0.0, (1.0 if len(chunks) == 1 else 0.85)
    for pass_number in range(1, _MAX_PASSES + 1):
        summaries = _summarise_chunks(
            model, chunks, settings, pass_number, state.sub_state(span_start, span_end), publish=pass_number == 1
        )
        combined = "\n\n".join(summary for summary in summaries if summary)
        if len(chunks) == 1 or model.count_tokens(combined) <= settings.max_new_tokens * _RESUMMARISE_FACTOR:
            break
        chunks = plan_chunks(model, split_paragraphs(combined))
        span_start, span_end = span_end, span_end + (1.0 - span_end) / 2
    state.set_progress_value(1.0)
    return combined


def _summarise_chunks(
    model: Seq2SeqModel,
    chunks: list[str],
    settings: GenerationSettings,
    pass_number: int,
    state: JobState,
    publish: bool = False,
) -> list[str]:
    summaries: list[str] = []
    streams = publish and _offers_partial_text(model)
    for index, chunk in enumerate(chunks):
        state.raise_if_interrupted()
        minimum, maximum = summary_lengths(model.count_tokens(chunk), settings)
        state.set_status(Step(steps.SUMMARISING, part=index + 1, parts=len(chunks)) if pass_number == 1 else Step(steps.COMBINING))
        extra: dict[str, Callable[[str], None]] = {}
        if streams:
            extra["on_partial"] = _publisher(state, list(summaries))
        [summary] = model.generate(
            [chunk],
            settings,
            max_new_tokens=maximum,
            min_new_tokens=minimum,
            state=state.sub_state(index / len(chunks), (index + 1) / len(chunks)),
            **extra,
        )
        summaries.append(summary)
        if publish and index + 1 < len(chunks):  # what is done so far, while the next chunk starts
            state.publish(PartialText(SUMMARY_KEY, _joined(summaries), complete=False))
    return summaries


def _joined(summaries: Sequence[str]) -> str:
    return "\n\n".join(summary for summary in summaries if summary)


def _publisher(state: JobState, done: list[str]) -> Callable[[str], None]:
    """``on_partial`` for one chunk: its leading hypothesis after the chunk summaries ``done``."""

    def publish(text: str) -> None:
        state.publish(PartialText(SUMMARY_KEY, _joined([*done, text]), complete=False))

    return publish


def _offers_partial_text(model: Seq2SeqModel) -> bool:
    """Whether ``model.generate`` takes ``on_partial`` (the torch backend's beam search does)."""
    try:
        return "on_partial" in inspect.signature(model.generate).parameters
    except (TypeError, ValueError):
        return False
