"""Sentence-batched translation that keeps every sentence and every paragraph break.

Text is split into paragraphs and sentences; a sentence longer than the model's window is
split at word boundaries rather than cut. Sentences are translated in batches of similar
length (less padding, so less wasted work), then put back in their original order.

Several texts (the summary and the article, in each language) can be translated together by
:func:`translate_jobs`: their batches go to a small pool of workers, each decoding one batch
at a time on its own core. On a CPU that beats one decoder spread over every core: a decoding
step is hundreds of small operations, and every one of them would wait for the slowest core
(a core that another program is using can make that wait long); independent workers never
wait for each other, and one worker's Python bookkeeping overlaps the others' arithmetic.
"""

from __future__ import annotations

import math
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Sequence

from models.catalog import GenerationSettings
from models.text import split_paragraphs, split_sentences, split_to_budget
from models.types import Cancelled, CancelToken, Seq2SeqModel, StageReport

#: Room for the end-of-sentence token plus the target-language token of multi-target models.
_RESERVED_TOKENS = 2
#: Batch limits: enough to keep the matrix units busy, small enough to report progress often.
MAX_BATCH_SENTENCES = 16
MAX_BATCH_TOKENS = 1024
#: Hypotheses decoded at once (sentences x beams): beyond this a batch mostly costs memory
#: (every beam keeps its own keys and values), not time.
MAX_BATCH_HYPOTHESES = 32


def output_limit(input_tokens: int, settings: GenerationSettings) -> int:
    """New tokens allowed for a translation of ``input_tokens`` tokens: generous for the target
    language's longer words, bounded so a degenerate repetition cannot run on."""
    return min(settings.max_new_tokens, input_tokens * 2 + 16)


def length_sorted_batches(lengths: Sequence[int], max_sentences: int | None = None) -> list[list[int]]:
    """Indices of ``lengths`` grouped into batches of similar length, within the batch limits
    (at most ``max_sentences`` sentences each when given, else :data:`MAX_BATCH_SENTENCES`)."""
    limit = min(MAX_BATCH_SENTENCES, max_sentences or MAX_BATCH_SENTENCES)
    order = sorted(range(len(lengths)), key=lambda index: lengths[index])
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        # Sorted ascending, so the newest sentence is the longest: it sets the padded width.
        padded = lengths[index] * (len(current) + 1)
        if current and (len(current) >= limit or padded > MAX_BATCH_TOKENS):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


@dataclass
class TranslationJob:
    """Sentences to translate with one model; ``report`` gets this job's own fraction (0..1)."""

    model: Seq2SeqModel
    sentences: Sequence[str]
    settings: GenerationSettings
    report: StageReport | None = None
    label: str = "Translating"
    translations: list[str] = field(default_factory=list)


class _JobProgress:
    """A job's fraction: finished batches plus the in-flight ones' share, by source tokens."""

    def __init__(self, job: TranslationJob, total: int) -> None:
        self.job = job
        self.total = total or 1
        self.done = 0
        self.partial: dict[int, float] = {}
        self.lock = threading.Lock()

    def update(self, batch_id: int, tokens: float, finished: bool = False) -> None:
        with self.lock:
            if finished:
                self.partial.pop(batch_id, None)
                self.done += int(tokens)
            else:
                self.partial[batch_id] = tokens
            fraction = (self.done + sum(self.partial.values())) / self.total
        if self.job.report is not None:
            self.job.report(min(1.0, fraction), self.job.label)


def translate_jobs(
    jobs: Sequence[TranslationJob],
    *,
    workers: int = 1,
    thread_setup: Callable[[], None] | None = None,
    cancel: CancelToken | None = None,
) -> list[list[str]]:
    """Translate every job's sentences (each must fit its model's window); returns one list of
    translations per job, in the order given.

    With ``workers`` > 1 the batches of all jobs are shared out to that many threads
    (``thread_setup`` runs first in each, e.g. to give torch one thread); batches are cut so
    that every worker gets some. A failure or a cancel stops every worker at its next step.
    """
    total_sentences = sum(len(job.sentences) for job in jobs)
    share = max(1, math.ceil(total_sentences / workers)) if workers > 1 else MAX_BATCH_SENTENCES
    stop = _StopToken(cancel)
    items: list[tuple[float, TranslationJob, _JobProgress, list[int], list[int]]] = []
    for job in jobs:
        model = job.model
        lengths = [model.count_tokens(sentence) + 1 for sentence in job.sentences]
        job.translations = [""] * len(job.sentences)
        progress = _JobProgress(job, sum(lengths))
        per_batch = min(share, max(1, MAX_BATCH_HYPOTHESES // max(1, job.settings.num_beams)))
        for batch in length_sorted_batches(lengths, per_batch):
            longest = max(lengths[index] for index in batch)
            items.append((len(batch) * longest * output_limit(longest, job.settings), job, progress, batch, lengths))
        progress.update(-1, 0.0, finished=True)  # the first report: 0
    if workers > 1:
        items.sort(key=lambda item: -item[0])  # longest first: the pool ends together

    def run(batch_id: int, job: TranslationJob, progress: _JobProgress, batch: list[int], lengths: list[int]) -> None:
        stop.raise_if_cancelled()
        model = job.model
        prefix = f"{model.target_token} " if model.target_token else ""
        batch_tokens = sum(lengths[index] for index in batch)
        limit = output_limit(max(lengths[index] for index in batch), job.settings)

        def on_step(steps: int) -> None:
            progress.update(batch_id, batch_tokens * min(1.0, steps / limit))

        on_step(0)
        try:
            # At least one token: every source sentence yields a translation.
            outputs = model.generate(
                [prefix + job.sentences[index] for index in batch],
                job.settings,
                max_new_tokens=limit,
                min_new_tokens=1,
                cancel=stop,
                on_step=on_step,
            )
        except BaseException:
            stop.cancel()
            raise
        for index, output in zip(batch, outputs):
            job.translations[index] = output
        progress.update(batch_id, batch_tokens, finished=True)

    if workers <= 1 or len(items) <= 1:
        if thread_setup is not None and workers > 1:
            thread_setup()
        for batch_id, (_, job, progress, batch, lengths) in enumerate(items):
            run(batch_id, job, progress, batch, lengths)
    else:
        with ThreadPoolExecutor(max_workers=min(workers, len(items)), initializer=thread_setup, thread_name_prefix="translate") as pool:
            futures = [pool.submit(run, batch_id, *item[1:]) for batch_id, item in enumerate(items)]
            errors = [future.exception() for future in futures]
        real = [error for error in errors if error is not None and not isinstance(error, Cancelled)]
        if real:
            raise real[0]
        if any(errors):
            raise Cancelled()
    for job in jobs:
        if job.report is not None:
            job.report(1.0, job.label)
    return [job.translations for job in jobs]


class _StopToken(CancelToken):
    """Cancelled when the caller's token is, or when one worker failed (so the others stop)."""

    def __init__(self, parent: CancelToken | None) -> None:
        super().__init__()
        self._parent = parent

    @property
    def cancelled(self) -> bool:
        return super().cancelled or (self._parent is not None and self._parent.cancelled)

    def raise_if_cancelled(self) -> None:
        if self.cancelled:
            raise Cancelled()


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
    [translations] = translate_jobs([TranslationJob(model, sentences, settings, report, label)], cancel=cancel)
    return translations


def sentence_units(model: Seq2SeqModel, text: str) -> list[list[str]]:
    """``text`` as paragraphs of sentence pieces that each fit the model's window."""
    budget = model.input_window - _RESERVED_TOKENS
    return [
        [piece for sentence in split_sentences(paragraph) for piece in split_to_budget(sentence, model.count_tokens, budget)]
        for paragraph in split_paragraphs(text)
    ]


def join_units(paragraphs: list[list[str]], translations: Sequence[str]) -> str:
    """Put translated sentence pieces back into ``paragraphs``' shape (blank-line separated)."""
    pieces = iter(translations)
    return "\n\n".join(" ".join(next(pieces) for _ in paragraph) for paragraph in paragraphs)


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
    return join_units(paragraphs, translate_sentences(model, flat, settings, cancel=cancel, report=report, label=label))
