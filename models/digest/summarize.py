"""Summaries of articles of any length.

An article longer than the model's input window is never truncated: it is split into as few
chunks as fit the window, as even in size as its sentences allow, on sentence and paragraph
boundaries by tokenizer tokens, and each chunk is summarised at a length in proportion to its
share of the article, so the chunk summaries, joined in order, are one summary of the model's
usual length that covers the whole article. On CTranslate2 the chunks are searched together,
two windows' worth in one beam search (:func:`search_groups`): a step over two chunks costs
about what a step over one does, so a two-chunk article's summary takes about a one-chunk
article's time (``bench/``, 843-1,502 words: 6.1-8.4 s a digest with a full first chunk and
a scrap, one by one; 3.9-6.1 s with even chunks, together). A chunk's share has room for at
least one whole sentence, and a chunk summary that ran into its limit mid-sentence loses that
cut sentence. When the joined summaries are still long (many chunks,
each with its floor), they are summarised again.

Why shares, not a full-length summary per chunk and then a summary of those: the model is
trained to write one news summary of about 60-140 tokens. A full summary per chunk and a
second pass over them made three full decodings of a two-chunk article (``bench/``: 12-14 s
a digest against 6-8 s for one chunk, on two cores), and a news summariser leans on the
opening of what it reads, so a second pass tends to keep the first chunk's sentences and
drop what the later ones found.

While the first pass decodes, the summary so far is published (``JobState.publish``,
``PartialText("summary", ..., complete=False)``): the chunk summaries already done, then the
leading beam hypothesis of the chunk in progress, for models whose ``generate`` offers
``on_partial``. Beam search may still change course, so the text is provisional; the
pipeline publishes the final summary. A later pass, which only shortens the combination,
is not shown: the first pass's text stays until the final one replaces it.
"""

from __future__ import annotations

import inspect
import itertools
from typing import Callable, Sequence

from models.inventory.catalog import GenerationSettings
from models.common.text import chunk_by_tokens, consecutive_groups, split_paragraphs, without_cut_sentence
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


#: The most source tokens searched together in one batch (:func:`search_groups`), in the
#: model's input windows. A beam's cross-attention keeps keys and values for every source
#: token, so memory grows with the batch's tokens.
WINDOWS_SEARCHED_TOGETHER = 2

#: The fewest new tokens a summary may be given.
_FLOOR_TOKENS = 16
#: The fewest a chunk's share of a summary may be given: room for a whole news sentence (they
#: run 25-35 tokens), so a small last chunk is not cut off mid-sentence.
_SHARE_FLOOR_TOKENS = 40


def summary_lengths(input_tokens: int, settings: GenerationSettings, share: float = 1.0) -> tuple[int, int]:
    """(min, max) new tokens for a summary of ``input_tokens`` tokens that is ``share`` of the
    whole summary (a chunk's part; 1.0 for a whole article): the model's news lengths times
    the share, scaled down for short inputs so a summary is never longer than its source."""
    shared = max(_SHARE_FLOOR_TOKENS, round(settings.max_new_tokens * share))
    maximum = min(settings.max_new_tokens, shared, max(_FLOOR_TOKENS, input_tokens * 3 // 5))
    minimum = min(round(settings.min_new_tokens * share), maximum // 2)
    return minimum, maximum


def chunk_lengths(
    model: Seq2SeqModel, chunks: Sequence[str], settings: GenerationSettings, counts: Sequence[int] | None = None
) -> list[tuple[int, int]]:
    """(min, max) new tokens for each of a pass's chunks: each chunk's share of the summary is
    its share of the tokens summarised (``counts``: each chunk's tokens, when counted already)."""
    counts = counts if counts is not None else [model.count_tokens(chunk) for chunk in chunks]
    total = sum(counts) or 1
    return [summary_lengths(count, settings, count / total) for count in counts]


def plan_chunks(model: Seq2SeqModel, paragraphs: Sequence[str]) -> list[str]:
    """The chunks a first summarising pass over ``paragraphs`` feeds the model."""
    return chunk_by_tokens(paragraphs, model.count_tokens, model.input_window - _SPECIAL_TOKENS)


def planned_tokens(model: Seq2SeqModel, chunks: Sequence[str], settings: GenerationSettings) -> int:
    """The most tokens a pass over ``chunks`` may decode: its chunks' budgets together. Within
    the combining limit, no later pass can be needed."""
    return sum(maximum for _, maximum in chunk_lengths(model, chunks, settings))


def decoding_steps(model: Seq2SeqModel, chunks: Sequence[str], settings: GenerationSettings) -> int:
    """The most decoding steps a pass over ``chunks`` may take: a search's steps are its
    longest chunk's budget (:func:`planned_searches`)."""
    return sum(maximum for _, _, maximum in planned_searches(model, chunks, settings))


def planned_searches(model: Seq2SeqModel, chunks: Sequence[str], settings: GenerationSettings) -> list[tuple[list[int], int, int]]:
    """A pass's searches: the chunks each takes (:func:`search_groups`) and its (min, max) new
    tokens, the fewest and the most its chunks' shares give (:func:`chunk_lengths`)."""
    counts = [model.count_tokens(chunk) for chunk in chunks]
    lengths = chunk_lengths(model, chunks, settings, counts)
    return [
        (group, min(lengths[index][0] for index in group), max(lengths[index][1] for index in group))
        for group in search_groups(model, chunks, counts)
    ]


def _needs_no_later_pass(tokens: int, settings: GenerationSettings) -> bool:
    return tokens <= settings.max_new_tokens * _RESUMMARISE_FACTOR


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
    # The first pass holds most of the work; later passes, when they may come, share what is left.
    span_start, span_end = 0.0, (1.0 if _needs_no_later_pass(planned_tokens(model, chunks, settings), settings) else 0.85)
    for pass_number in range(1, _MAX_PASSES + 1):
        summaries = _summarise_chunks(
            model, chunks, settings, pass_number, state.sub_state(span_start, span_end), publish=pass_number == 1
        )
        combined = "\n\n".join(summary for summary in summaries if summary)
        if len(chunks) == 1 or _needs_no_later_pass(model.count_tokens(combined), settings):
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
    searches = planned_searches(model, chunks, settings)
    # Each search's span of the bar: its share of the decoding steps (a batch's steps cost
    # about what one chunk's do).
    total = sum(maximum for _, _, maximum in searches)
    ends = list(itertools.accumulate(maximum / total for _, _, maximum in searches))
    for number, (group, minimum, maximum) in enumerate(searches):
        state.raise_if_interrupted()
        state.set_status(_status(group, len(chunks), pass_number))
        extra: dict[str, Callable[[str], None]] = {}
        # A backend whose early text costs a search of its own (CTranslate2: the same search
        # stopped after its first steps) shows it for the first search only: later ones start
        # with the chunk summaries done already on screen.
        if streams and (number == 0 or not _early_text_costs_a_search(model)):
            extra["on_partial"] = _publisher(state, list(summaries))
        outputs = model.generate(
            [chunks[index] for index in group],
            settings,
            max_new_tokens=maximum,
            min_new_tokens=minimum,
            state=state.sub_state(ends[number - 1] if number else 0.0, 1.0 if number + 1 == len(searches) else ends[number]),
            **extra,
        )
        # A chunk's share can be a sentence or two: one that ran into the limit is left out.
        summaries.extend(without_cut_sentence(summary) for summary in outputs)
        if publish and number + 1 < len(searches):  # what is done so far, while the next search starts
            state.publish(PartialText(SUMMARY_KEY, _joined(summaries), complete=False))
    return summaries


def _status(group: list[int], parts: int, pass_number: int) -> Step:
    if pass_number > 1:
        return Step(steps.COMBINING)
    if len(group) == 1:
        return Step(steps.SUMMARISING, part=group[0] + 1, parts=parts)
    return Step(steps.SUMMARISING_TOGETHER, first=group[0] + 1, last=group[-1] + 1, parts=parts)


def search_groups(model: Seq2SeqModel, chunks: Sequence[str], counts: Sequence[int] | None = None) -> list[list[int]]:
    """Which of a pass's chunks are searched together, as one batch: consecutive ones, up to
    :data:`WINDOWS_SEARCHED_TOGETHER` windows of them, where early text costs a search of its own anyway
    (CTranslate2: nothing is lost by a batch; a decoding step's matrix products cost the
    weights' reading more than the rows', so two chunks' search costs little more than one's).
    Elsewhere (torch, whose beam search shows its leading words live) one chunk at a time.
    Even chunks (:func:`plan_chunks`) have about the same share of the summary, so a batch
    decodes no more steps than its chunks would one by one. ``counts``: each chunk's tokens,
    when counted already."""
    if not _early_text_costs_a_search(model):
        return [[index] for index in range(len(chunks))]
    counts = counts if counts is not None else [model.count_tokens(chunk) for chunk in chunks]
    return consecutive_groups(counts, model.input_window * WINDOWS_SEARCHED_TOGETHER)


def _early_text_costs_a_search(model: Seq2SeqModel) -> bool:
    return bool(getattr(model, "partial_costs_a_search", False))


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
