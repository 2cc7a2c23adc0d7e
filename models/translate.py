"""Sentence-batched translation that keeps every sentence and every paragraph break.

Text is split into paragraphs and sentences; a sentence longer than the model's window is
split at word boundaries rather than cut. Sentences are translated in batches of similar
length (less padding, so less wasted work), then put back in their original order.
"""

from __future__ import annotations

from typing import Sequence

from models.catalog import GenerationSettings
from models.text import split_paragraphs, split_sentences, split_to_budget
from models.types import CancelToken, Seq2SeqModel, StageReport

#: Room for the end-of-sentence token plus the target-language token of multi-target models.
_RESERVED_TOKENS = 2
#: Batch limits: enough to keep the matrix units busy, small enough to report progress often.
MAX_BATCH_SENTENCES = 16
MAX_BATCH_TOKENS = 1024


def output_limit(input_tokens: int, settings: GenerationSettings) -> int:
    """New tokens allowed for a translation of ``input_tokens`` tokens: generous for the target
    language's longer words, bounded so a degenerate repetition cannot run on."""
    return min(settings.max_new_tokens, input_tokens * 2 + 16)


def length_sorted_batches(lengths: Sequence[int]) -> list[list[int]]:
    """Indices of ``lengths`` grouped into batches of similar length, within the batch limits."""
    order = sorted(range(len(lengths)), key=lambda index: lengths[index])
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        # Sorted ascending, so the newest sentence is the longest: it sets the padded width.
        padded = lengths[index] * (len(current) + 1)
        if current and (len(current) >= MAX_BATCH_SENTENCES or padded > MAX_BATCH_TOKENS):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def translate_sentences(
    model: Seq2SeqModel,
    sentences: Sequence[str],
    settings: GenerationSettings,
    *,
    cancel: CancelToken | None = None,
    report: StageReport | None = None,
    label: str = "Translating",
) -> list[str]:
    """One translation per sentence, in the order given. Each sentence must fit the window."""
    lengths = [model.count_tokens(sentence) + 1 for sentence in sentences]
    total = sum(lengths) or 1
    done = 0
    translations: list[str] = [""] * len(sentences)
    prefix = f"{model.target_token} " if model.target_token else ""
    for batch in length_sorted_batches(lengths):
        if cancel is not None:
            cancel.raise_if_cancelled()
        batch_tokens = sum(lengths[index] for index in batch)
        limit = output_limit(max(lengths[index] for index in batch), settings)

        def on_step(steps: int, done: int = done, batch_tokens: int = batch_tokens, limit: int = limit) -> None:
            if report is not None:
                report((done + batch_tokens * min(1.0, steps / limit)) / total, label)

        on_step(0)
        # At least one token: every source sentence yields a translation.
        outputs = model.generate(
            [prefix + sentences[index] for index in batch],
            settings,
            max_new_tokens=limit,
            min_new_tokens=1,
            cancel=cancel,
            on_step=on_step,
        )
        for index, output in zip(batch, outputs):
            translations[index] = output
        done += batch_tokens
    if report is not None:
        report(1.0, label)
    return translations


def sentence_units(model: Seq2SeqModel, text: str) -> list[list[str]]:
    """``text`` as paragraphs of sentence pieces that each fit the model's window."""
    budget = model.input_window - _RESERVED_TOKENS
    return [
        [piece for sentence in split_sentences(paragraph) for piece in split_to_budget(sentence, model.count_tokens, budget)]
        for paragraph in split_paragraphs(text)
    ]


def translate_text(
    model: Seq2SeqModel,
    text: str,
    settings: GenerationSettings,
    *,
    cancel: CancelToken | None = None,
    report: StageReport | None = None,
    label: str = "Translating",
) -> str:
    """Translate ``text`` sentence by sentence, keeping its paragraphs (blank-line separated)."""
    paragraphs = sentence_units(model, text)
    flat = [piece for paragraph in paragraphs for piece in paragraph]
    translations = iter(translate_sentences(model, flat, settings, cancel=cancel, report=report, label=label))
    return "\n\n".join(" ".join(next(translations) for _ in paragraph) for paragraph in paragraphs)
