"""Sentence-batched translation that keeps every sentence and every paragraph break.

Text is split into paragraphs and sentences; a sentence longer than the model's window is
split at word boundaries rather than cut. Sentences are translated in batches of similar
length (less padding, so less wasted work), then put back in their original order.

Several texts (the summary and the article, in each language) are translated together by
:func:`translate_texts`: their batches go to a small pool of workers, each decoding one batch
at a time on its own core. On a CPU that beats one decoder spread over every core: a decoding
step is hundreds of small operations, and every one of them would wait for the slowest core
(a core that another program is using can make that wait long); independent workers never
wait for each other, and one worker's Python bookkeeping overlaps the others' arithmetic.
"""

from __future__ import annotations

import math
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from models.inventory.catalog import GenerationSettings
from models.common.text import split_paragraphs, split_sentences, split_to_budget
from models.common.job_state import JobState
from models.common.types import Cancelled, PartialText, Seq2SeqModel
from models.inference.memory import release_freed_memory

#: Room for the end-of-sentence token plus the target-language token of multi-target models.
_RESERVED_TOKENS = 2
#: Batch limits: enough to keep the matrix units busy, small enough to report progress often.
MAX_BATCH_SENTENCES = 16
MAX_BATCH_TOKENS = 1024
#: Hypotheses decoded at once (sentences x beams) by a decoder as wide as
#: :data:`_REFERENCE_DECODER_WIDTH`: every beam keeps its own keys and values, so a batch's
#: memory grows with its hypotheses. 16, not 32, on tc-big: a summary's two beam-4
#: translations side by side peak 250-300 MB lower (bench/; 6-17 MB a hypothesis). A
#: narrower decoder keeps less per hypothesis and gets more of them for the same memory
#: (:func:`batch_hypotheses`): opus-mt's base models (6 x 512) 32, CTranslate2's own layout of
#: eight beam-4 sentences per core, the fastest on two cores (bench/throughput.py).
MAX_BATCH_HYPOTHESES = 16
#: The decoder :data:`MAX_BATCH_HYPOTHESES` is set for: tc-big's 6 layers of 1,024.
_REFERENCE_DECODER_WIDTH = 6 * 1024
#: The most hypotheses a batch of any model gets.
_MOST_BATCH_HYPOTHESES = 64
#: Sentences are sorted by length (less padding) within windows of this many batches.
_ORDER_WINDOW_BATCHES = 4


def output_limit(input_tokens: int, settings: GenerationSettings) -> int:
    """New tokens allowed for a translation of ``input_tokens`` tokens: generous for the target
    language's longer words, bounded so a degenerate repetition cannot run on."""
    return min(settings.max_new_tokens, input_tokens * 2 + 16)


def batch_hypotheses(model: Seq2SeqModel) -> int:
    """How many hypotheses ``model`` decodes in one batch: :data:`MAX_BATCH_HYPOTHESES` scaled
    by how much narrower (or wider) its decoder is than tc-big's, so every model's batch
    holds about the same memory."""
    width = getattr(model, "decoder_width", 0)
    if not width:
        return MAX_BATCH_HYPOTHESES
    return max(1, min(_MOST_BATCH_HYPOTHESES, MAX_BATCH_HYPOTHESES * _REFERENCE_DECODER_WIDTH // width))


def length_sorted_batches(lengths: Sequence[int], max_sentences: int | None = None) -> list[list[int]]:
    """Indices of ``lengths`` grouped into batches of similar length, within the batch limits
    (at most ``max_sentences`` sentences each when given, else :data:`MAX_BATCH_SENTENCES`),
    as even in size as the count of batches allows: five sentences at four a batch go three and
    two, not four and one (the same batches, run side by side in the same time, but the
    largest, which sets the memory peak, holds a quarter fewer hypotheses)."""
    limit = min(MAX_BATCH_SENTENCES, max_sentences or MAX_BATCH_SENTENCES)
    if lengths:
        limit = math.ceil(len(lengths) / math.ceil(len(lengths) / limit))
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


@dataclass(frozen=True)
class TranslationJob:
    """Sentences to translate with one model. ``label`` is the status while its batches run;
    ``weight`` is its share of the progress bar among jobs translated together."""

    model: Seq2SeqModel
    sentences: Sequence[str]
    settings: GenerationSettings
    label: str = "Translating"
    weight: float = 1.0
    #: Also score each translation (the model's mean log-probability per token, for the
    #: low-confidence flag): from the search where the model offers ``generate_scored``
    #: (CTranslate2), else one teacher-forced pass per batch after it.
    scored: bool = False


@dataclass(frozen=True)
class JobOutput:
    """A job's translations, in the order of its sentences, and their scores (None: not scored)."""

    translations: list[str]
    log_probabilities: list[float | None]


def translate_jobs(
    jobs: Sequence[TranslationJob],
    state: JobState | None = None,
    *,
    workers: int = 1,
    thread_setup: Callable[[], None] | None = None,
    on_batch_done: Callable[[int, list[int], list[str]], None] | None = None,
) -> list[JobOutput]:
    """Translate every job's sentences (each must fit its model's window); returns one
    :class:`JobOutput` per job, in the order given.

    With ``workers`` > 1 the batches of all jobs are shared out to that many threads
    (``thread_setup`` runs first in each, e.g. to give torch one thread); batches are cut so
    that every worker gets some. ``state`` shows the jobs' weighted progress, each job's by the
    source tokens of its batches. A failure or an interruption stops every worker at its next step.
    ``on_batch_done(job index, sentence indexes, translations)`` is called after each batch
    (from the worker's thread, one call at a time).
    """
    # Its own sub-state, so that a failing worker can stop the others without interrupting the caller.
    group = (state or JobState()).sub_state(0.0, 1.0)
    job_states = group.parallel({str(index): job.weight for index, job in enumerate(jobs)})
    total_sentences = sum(len(job.sentences) for job in jobs)
    share = max(1, math.ceil(total_sentences / workers)) if workers > 1 else MAX_BATCH_SENTENCES
    translations = [[""] * len(job.sentences) for job in jobs]
    log_probabilities: list[list[float | None]] = [[None] * len(job.sentences) for job in jobs]
    done_lock = threading.Lock()
    batches: list[tuple[int, int, int, list[int], int, JobState]] = []
    for index, job in enumerate(jobs):
        lengths = [job.model.count_tokens(sentence) + 1 for sentence in job.sentences]
        per_batch = min(share, max(1, batch_hypotheses(job.model) // max(1, job.settings.num_beams)))
        # Sorted by length within windows of consecutive sentences, not over the whole text: a
        # text's opening paragraphs are then done first and can be shown while the rest runs.
        window = per_batch * _ORDER_WINDOW_BATCHES
        grouped = [
            [start + item for item in batch]
            for start in range(0, len(lengths), window)
            for batch in length_sorted_batches(lengths[start : start + window], per_batch)
        ]
        batch_states = job_states[str(index)].parallel(
            {str(number): sum(lengths[item] for item in batch) for number, batch in enumerate(grouped)}
        )
        for number, batch in enumerate(grouped):
            longest = max(lengths[item] for item in batch)
            limit = output_limit(longest, job.settings)
            batches.append((batch[0] // window, -len(batch) * longest * limit, index, batch, limit, batch_states[str(number)]))
    # Texts from the top down, and within each window the longest batches first, so the pool
    # ends together.
    batches.sort(key=lambda item: item[:2])

    def run(index: int, batch: list[int], limit: int, batch_state: JobState) -> None:
        job = jobs[index]
        batch_state.raise_if_interrupted()
        batch_state.set_status(job.label)
        prefix = f"{job.model.target_token} " if job.model.target_token else ""
        inputs = [prefix + job.sentences[item] for item in batch]
        try:
            # At least one token: every source sentence yields a translation.
            scores: list[float | None]
            if job.scored and hasattr(job.model, "generate_scored"):  # the search's own scores: no second pass
                outputs, scores = job.model.generate_scored(inputs, job.settings, max_new_tokens=limit, min_new_tokens=1, state=batch_state)  # type: ignore[attr-defined]
            else:
                outputs = job.model.generate(inputs, job.settings, max_new_tokens=limit, min_new_tokens=1, state=batch_state)
                scores = job.model.score(inputs, outputs) if job.scored else [None] * len(outputs)
        except BaseException:
            group.request_interruption()
            raise
        with done_lock:
            for item, output, score in zip(batch, outputs, scores):
                translations[index][item] = output
                log_probabilities[index][item] = score
            if on_batch_done is not None:
                on_batch_done(index, batch, outputs)
        # A batch's buffers, freed, are kept by glibc in pieces the next batch's growing caches
        # do not fit: each batch took new memory on top (a summary's second batches per
        # language, smaller than the first, raised the engine's peak by 100 MB). Handed back,
        # the next batch faults in what it uses; about 7 ms a batch, without the GIL.
        release_freed_memory()
        batch_state.set_progress_value(1.0)

    if workers <= 1 or len(batches) <= 1:
        if thread_setup is not None and workers > 1:
            thread_setup()
        for _, _, *arguments in batches:
            run(*arguments)
    else:
        with ThreadPoolExecutor(max_workers=min(workers, len(batches)), initializer=thread_setup, thread_name_prefix="translate") as pool:
            futures = [pool.submit(run, *arguments) for _, _, *arguments in batches]
            errors = [future.exception() for future in futures]
        real = [error for error in errors if error is not None and not isinstance(error, Cancelled)]
        if real:
            raise real[0]
        if any(errors):
            raise Cancelled()
    group.set_progress_value(1.0)
    return [JobOutput(texts, scores) for texts, scores in zip(translations, log_probabilities)]


@dataclass(frozen=True)
class TextTranslation:
    """A text to translate with one model, keeping its sentences and paragraphs (see
    :class:`TranslationJob` for ``label`` and ``weight``)."""

    model: Seq2SeqModel
    text: str
    settings: GenerationSettings
    label: str = "Translating"
    weight: float = 1.0
    scored: bool = False
    #: When set, the translation is published under this key (:class:`PartialText`) as its
    #: leading paragraphs are done, and once more when it is complete.
    key: str = ""


@dataclass(frozen=True)
class TranslatedText:
    """A translation that knows its sentences: ``pieces`` pairs each source sentence (or piece
    of an over-long one) with its translation, ``ranges`` says where each translation stands
    in ``text`` (paragraphs joined by blank lines, sentences by spaces), and
    ``log_probabilities`` how sure the model was of each (None: not scored)."""

    text: str
    pieces: tuple[tuple[str, str], ...]
    ranges: tuple[tuple[int, int], ...]
    log_probabilities: tuple[float | None, ...] = ()


def translate_texts(
    texts: Sequence[TextTranslation],
    state: JobState | None = None,
    *,
    workers: int = 1,
    thread_setup: Callable[[], None] | None = None,
) -> list[TranslatedText]:
    """Translate each text sentence by sentence, keeping its paragraphs (blank-line separated);
    all of them together, as :func:`translate_jobs` does."""
    units = [sentence_units(item.model, item.text) for item in texts]
    jobs = [
        TranslationJob(
            item.model, [piece for paragraph in paragraphs for piece in paragraph], item.settings, item.label, item.weight, item.scored
        )
        for item, paragraphs in zip(texts, units)
    ]
    state = state or JobState()
    published = _ParagraphPublisher(texts, units, state)
    outputs = translate_jobs(jobs, state, workers=workers, thread_setup=thread_setup, on_batch_done=published.batch_done)
    return [
        replace(join_units(paragraphs, output.translations), log_probabilities=tuple(output.log_probabilities))
        for paragraphs, output in zip(units, outputs)
    ]


class _ParagraphPublisher:
    """Publishes each keyed text's leading paragraphs once all their sentences are translated
    (batches finish out of order: they are sorted by length), and the whole text at its end."""

    def __init__(self, texts: Sequence[TextTranslation], units: list[list[list[str]]], state: JobState) -> None:
        self._texts, self._units, self._state = texts, units, state
        self._done: list[dict[int, str]] = [{} for _ in texts]

    def batch_done(self, index: int, items: list[int], outputs: list[str]) -> None:
        key = self._texts[index].key
        if not key:
            return
        done = self._done[index]
        done.update(zip(items, outputs))
        paragraphs = self._units[index]
        total = sum(len(paragraph) for paragraph in paragraphs)
        ready, count = 0, 0
        for paragraph in paragraphs:  # the paragraphs whose every sentence is in
            if any(count + offset not in done for offset in range(len(paragraph))):
                break
            count += len(paragraph)
            ready += 1
        if ready == 0:
            return
        text = join_units(paragraphs[:ready], [done[item] for item in range(count)]).text
        self._state.publish(PartialText(key, text, complete=count == total))


def sentence_units(model: Seq2SeqModel, text: str) -> list[list[str]]:
    """``text`` as paragraphs of sentence pieces that each fit the model's window."""
    budget = model.input_window - _RESERVED_TOKENS
    return [
        [piece for sentence in split_sentences(paragraph) for piece in split_to_budget(sentence, model.count_tokens, budget)]
        for paragraph in split_paragraphs(text)
    ]


def join_units(paragraphs: list[list[str]], translations: Sequence[str]) -> TranslatedText:
    """Put translated sentence pieces back into ``paragraphs``' shape (blank-line separated),
    noting where each one lands."""
    outputs = iter(translations)
    parts: list[str] = []
    pieces: list[tuple[str, str]] = []
    ranges: list[tuple[int, int]] = []
    position = 0
    for number, paragraph in enumerate(paragraphs):
        if number:
            parts.append("\n\n")
            position += 2
        for index, source in enumerate(paragraph):
            if index:
                parts.append(" ")
                position += 1
            output = next(outputs)
            parts.append(output)
            pieces.append((source, output))
            ranges.append((position, position + len(output)))
            position += len(output)
    return TranslatedText("".join(parts), tuple(pieces), tuple(ranges))
