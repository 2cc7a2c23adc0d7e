"""Sentence-batched translation: order, paragraphs, batching, long sentences, target tokens."""

from __future__ import annotations

import pytest

from models.inventory.catalog import GenerationSettings
from models.common.job_state import JobState
from models.common.types import Cancelled
import models.digest.translate as translate_module
from models.digest.translate import MAX_BATCH_SENTENCES, MAX_BATCH_TOKENS, TextTranslation, length_sorted_batches, translate_texts
from tests.models.fakes import EchoModel

SETTINGS = GenerationSettings(num_beams=1, max_new_tokens=64)


def translate_text(model: EchoModel, text: str, settings: GenerationSettings, state: JobState | None = None) -> str:
    [translated] = translate_texts([TextTranslation(model, text, settings)], state)
    for (source, output), (start, end) in zip(translated.pieces, translated.ranges):
        assert translated.text[start:end] == output  # every translated sentence knows where it stands
    return translated.text


def test_every_sentence_translated_in_order_with_paragraphs_kept() -> None:
    model = EchoModel(target_token=">>rus<<")
    text = "First one. Second one is longer than the first.\n\nA lone paragraph.\n\nShort. Then a much longer final sentence here."
    translated = translate_text(model, text, SETTINGS)
    assert translated == (
        "<out> First one. <out> Second one is longer than the first.\n\n"
        "<out> A lone paragraph.\n\n"
        "<out> Short. <out> Then a much longer final sentence here."
    )
    sent = [text for batch in model.calls for text in batch]
    assert all(text.startswith(">>rus<< ") for text in sent)
    assert len(sent) == 5


def test_batches_are_as_even_as_their_count_allows() -> None:
    assert sorted(map(len, length_sorted_batches([10] * 5, 4))) == [2, 3]
    assert sorted(map(len, length_sorted_batches([10] * 16, 8))) == [8, 8]
    assert sorted(map(len, length_sorted_batches([10] * 9, 4))) == [3, 3, 3]


def test_batches_are_sorted_by_length_and_within_limits() -> None:
    lengths = [30, 2, 90, 5, 2, 60] * 10
    batches = length_sorted_batches(lengths)
    assert sorted(index for batch in batches for index in batch) == list(range(len(lengths)))
    flat = [lengths[index] for batch in batches for index in batch]
    assert flat == sorted(flat)
    for batch in batches:
        assert len(batch) <= MAX_BATCH_SENTENCES
        assert len(batch) == 1 or max(lengths[index] for index in batch) * len(batch) <= MAX_BATCH_TOKENS


def test_sentence_longer_than_the_window_is_split_not_cut() -> None:
    model = EchoModel(window=12)
    sentence = " ".join(f"w{i}" for i in range(30)) + "."
    translated = translate_text(model, sentence, SETTINGS)
    assert translated.replace("<out> ", "") == sentence
    assert all(len(text.split()) <= 10 for batch in model.calls for text in batch)


def test_progress_rises_to_one_and_cancel_stops_between_batches() -> None:
    model = EchoModel()
    seen: list[float] = []
    text = " ".join(f"Sentence number {i} is here." for i in range(40))
    translate_text(model, text, SETTINGS, JobState(lambda fraction, step: seen.append(fraction), interval_s=0))
    assert seen == sorted(seen) and seen[-1] == 1.0 and seen[0] < 0.5

    calls = 0

    def cancel_after_first_batch(fraction: float, step: str) -> None:
        nonlocal calls
        calls += 1
        if fraction > 0:
            state.request_interruption()

    state = JobState(cancel_after_first_batch, interval_s=0)
    with pytest.raises(Cancelled):
        translate_text(EchoModel(), text, SETTINGS, state)


def test_each_batchs_freed_memory_is_handed_back_before_the_next_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """glibc kept a batch's freed buffers in pieces the next batch could not reuse, so each
    batch took new memory on top of them (the engine's peak 100 MB higher)."""
    model = EchoModel()
    batches_done_at_each_release: list[int] = []
    monkeypatch.setattr(translate_module, "release_freed_memory", lambda: batches_done_at_each_release.append(len(model.calls)))
    translate_text(model, " ".join(f"Sentence number {i} is here." for i in range(40)), SETTINGS)
    assert len(model.calls) > 1
    assert batches_done_at_each_release == list(range(1, len(model.calls) + 1))


def test_scored_translations_carry_the_models_confidence_and_low_scores_are_flagged() -> None:
    from models.digest.align import translation_alignment

    sure, unsure = EchoModel(log_probability=-0.2), EchoModel(log_probability=-2.5)
    text = "Russia and the US talk. Both want calm."
    [plain] = translate_texts([TextTranslation(sure, text, SETTINGS)])
    assert plain.log_probabilities == (None, None)  # not asked: no extra pass
    [confident] = translate_texts([TextTranslation(sure, text, SETTINGS, scored=True)])
    [doubtful] = translate_texts([TextTranslation(unsure, text, SETTINGS, scored=True)])
    assert confident.log_probabilities == (-0.2, -0.2) and doubtful.log_probabilities == (-2.5, -2.5)
    def low_confidence(translated):  # noqa: ANN001, ANN202 - the echo is also "untranslated"; only this check counts here
        flags = translation_alignment("summary", text, translated, "ru", confidence_threshold=-1.5).flags
        return [flag for flag in flags if flag.check == "low-confidence"]

    assert low_confidence(confident) == []
    flags = low_confidence(doubtful)
    assert [flag.target for flag in flags] == list(doubtful.ranges)
    assert "0.08" in flags[0].reason  # exp(-2.5), the confidence in words a user can weigh


def test_a_keyed_text_is_published_paragraph_by_paragraph_in_order_then_whole() -> None:
    from models.common.types import PartialText

    parts: list[PartialText] = []
    state = JobState(interval_s=0.0, partial_sink=parts.append)
    model = EchoModel()
    settings = GenerationSettings(num_beams=4, max_new_tokens=64)  # 8 sentences a batch
    # Lengths that rise through the text: sorted over the whole text, the last paragraphs would go first.
    text = "\n\n".join(f"Paragraph {number} says" + " more" * number + "." for number in range(80))
    [translated] = translate_texts([TextTranslation(model, text, settings, key="article:ru")], state, workers=2)
    texts = [part.text for part in parts]
    assert len(texts) >= 2, "the leading paragraphs were not published before the whole"
    assert parts[-1].complete and texts[-1] == translated.text
    assert all(not part.complete for part in parts[:-1])
    for earlier, later in zip(texts, texts[1:]):
        assert later.startswith(earlier)  # the shown text only ever grows, from the top
    assert all(translated.text.startswith(text) for text in texts)
    unkeyed: list[PartialText] = []
    translate_texts([TextTranslation(model, text, settings)], JobState(partial_sink=unkeyed.append))
    assert unkeyed == []


@pytest.mark.parametrize(("width", "sentences_per_batch"), [(6 * 1024, 4), (6 * 512, 8), (12 * 1024, 2), (0, 4)])
def test_a_narrower_decoder_gets_more_beam_sentences_per_batch(width: int, sentences_per_batch: int) -> None:
    """Every batch holds about the same keys and values: tc-big's decoder (6 x 1,024) four
    beam-4 sentences, opus-mt's base models (6 x 512) eight, an unknown width four."""
    from dataclasses import dataclass

    from models.digest.translate import TranslationJob, translate_jobs

    @dataclass
    class Sized(EchoModel):
        decoder_width: int = 0

    model = Sized(decoder_width=width)
    sentences = [f"Sentence number {index} is here." for index in range(16)]
    [output] = translate_jobs([TranslationJob(model, sentences, GenerationSettings(num_beams=4, max_new_tokens=64))])
    assert output.translations == [f"<out> {sentence}" for sentence in sentences]
    assert {len(batch) for batch in model.calls} == {sentences_per_batch}
