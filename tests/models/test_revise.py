"""Revising a digest on the tiny models: the English summary's edits carried into Russian and
Arabic (only what changed translated again), a person's edits and chosen alternatives kept
with their provenance, back-translations and their flag, the revision in JSON and the history,
bad edits refused with a DigestError."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from models import Article, DigestError, DigestOptions
from models.common.flags import FlagKind
from models.common.text import sentence_ranges
from models.common.types import ALTERNATIVE, EDITED, MACHINE, Digest
from models.digest import revise
from models.digest.pipeline import DigestPipeline, PipelineConfig
from models.documents.history import History
from models.inventory import catalog
from tests.models.recording import recorded_inputs

ARTICLE = Article(
    title="Talks",
    text=(
        "Russia and the United States held talks about Syria in Geneva on Friday. Both sides want calm, officials said.\n\n"
        "A second round is planned in 12 days, the foreign ministry said. About 900 troops remain in the north."
    ),
)
#: The English summary a person wrote in place of the tiny summariser's nonsense.
SUMMARY = (
    "Russia and the United States held talks about Syria in Geneva on Friday. Both sides want calm.\n\n"
    "A second round is planned in 12 days. About 900 troops remain in the north."
)
TRANSLATORS = (catalog.translation_task("ru"), catalog.translation_task("ar"))


@pytest.fixture(scope="module")
def engine(tiny_models_dir: Path) -> DigestPipeline:
    return DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))


@pytest.fixture(scope="module")
def digest(engine: DigestPipeline) -> Digest:
    """A digest of ARTICLE whose summary is SUMMARY (every sentence of it translated)."""
    return engine.revise_summary(engine.digest(ARTICLE, DigestOptions()), SUMMARY)


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_ranges(text)]


def units(digest: Digest, key: str) -> list[revise.SentenceView]:
    return revise.sentences(digest, key)


def with_sentence(summary: str, index: int, new: str) -> str:
    start, end = sentence_ranges(summary)[index]
    return summary[:start] + new + summary[end:]


# -- the English summary's edits carried into the translations ------------------------------


def test_a_revised_summary_has_every_sentence_translated_and_its_origins_set(digest: Digest) -> None:
    assert digest.summary == SUMMARY
    for language in ("ru", "ar"):
        key = f"summary:{language}"
        views = units(digest, key)
        assert [view.english for view in views] == sentences_of(SUMMARY)
        assert all(view.text.strip() and view.origin == MACHINE and view.machine == view.text for view in views)
        assert digest.generated_text(key).count("\n\n") == 1  # the summary's two paragraphs
        revision = digest.revisions[key]
        assert revision.machine_text == digest.generated_text(key)
        assert [sentence.target for sentence in revision.sentences] == [view.target for view in views]
    # The English summary itself: written by hand, sentence by sentence (nothing of the model's).
    summary_revision = digest.revisions["summary"]
    assert [sentence.origin for sentence in summary_revision.sentences] == [EDITED] * 4
    assert summary_revision.machine_text != SUMMARY  # the summariser's own text is kept


def test_editing_one_summary_sentence_translates_only_that_sentence(engine: DigestPipeline, digest: Digest) -> None:
    new_sentence = "Both sides want a lasting calm."
    edited = with_sentence(SUMMARY, 1, new_sentence)
    with recorded_inputs(engine, (catalog.SUMMARIZE, *TRANSLATORS)) as inputs:
        revised = engine.revise_summary(digest, edited)
    assert inputs == {catalog.SUMMARIZE: [], TRANSLATORS[0]: [new_sentence], TRANSLATORS[1]: [new_sentence]}
    assert revised.summary == edited
    for language in ("ru", "ar"):
        key = f"summary:{language}"
        before, after = units(digest, key), units(revised, key)
        assert [view.english for view in after] == sentences_of(edited)
        for number in (0, 2, 3):  # byte for byte, origin and all
            assert after[number].text == before[number].text
            assert revised.generated_text(key)[slice(*after[number].target)] == digest.generated_text(key)[slice(*before[number].target)]
            assert after[number].origin == MACHINE
        assert after[1].origin == MACHINE and after[1].english == new_sentence
        # Links point at the new summary's sentences; flags sit on the new text's sentences.
        assert [link.sources[0] for link in revised.alignments[key].links] == sentence_ranges(edited)
        assert {flag.target for flag in revised.alignments[key].flags} <= {view.target for view in after}
    # The English sentence is the person's, the one it replaced kept as the model's text.
    summary_sentences = revised.revisions["summary"].sentences
    assert summary_sentences[1].origin == EDITED
    assert revised.alignments["summary"].links[1].target == sentence_ranges(edited)[1]


def test_sentences_added_moved_and_removed_are_translated_only_when_new(engine: DigestPipeline, digest: Digest) -> None:
    sentences = sentences_of(SUMMARY)
    added = "Turkey offered to host the next round."
    edited = f"{sentences[3]} {sentences[0]}\n\n{added} {sentences[2]}"  # one dropped, two moved, one new
    with recorded_inputs(engine, TRANSLATORS) as inputs:
        revised = engine.revise_summary(digest, edited)
    assert inputs == {TRANSLATORS[0]: [added], TRANSLATORS[1]: [added]}
    old = {view.english: view.text for view in units(digest, "summary:ru")}
    after = units(revised, "summary:ru")
    assert [view.english for view in after] == [sentences[3], sentences[0], added, sentences[2]]
    assert [view.text for view in after if view.english != added] == [old[sentences[3]], old[sentences[0]], old[sentences[2]]]


def test_an_unchanged_summary_changes_nothing(engine: DigestPipeline, digest: Digest) -> None:
    with recorded_inputs(engine, TRANSLATORS) as inputs:
        assert engine.revise_summary(digest, SUMMARY + "\n") is digest
    assert inputs == {task: [] for task in TRANSLATORS}


@pytest.mark.parametrize("edited", ["", "   \n\n  ", "A. " * 70_000], ids=["empty", "blank", "200,000 characters"])
def test_an_empty_or_huge_summary_edit_is_a_digest_error(engine: DigestPipeline, digest: Digest, edited: str) -> None:
    with recorded_inputs(engine, TRANSLATORS) as inputs, pytest.raises(DigestError, match="the edited summary is (empty|too long)"):
        engine.revise_summary(digest, edited)
    assert inputs == {task: [] for task in TRANSLATORS}


# -- a person's edits of the translations ---------------------------------------------------


def test_a_user_edited_arabic_sentence_survives_a_later_summary_edit_elsewhere(engine: DigestPipeline, digest: Digest) -> None:
    first = units(digest, "summary:ar")[0]
    mine = "أجرت روسيا والولايات المتحدة محادثات في جنيف يوم الجمعة."
    edited_digest = revise.edit_sentence(digest, "summary:ar", first.target, mine)
    view = units(edited_digest, "summary:ar")[0]
    assert (view.text, view.origin, view.machine) == (mine, EDITED, first.text)
    assert edited_digest.generated_text("summary:ar").startswith(mine + " ")
    assert edited_digest.revisions["summary:ar"].machine_text == digest.generated_text("summary:ar")

    new_last = "Some 900 soldiers stay in the north."
    with recorded_inputs(engine, TRANSLATORS) as inputs:
        revised = engine.revise_summary(edited_digest, with_sentence(SUMMARY, 3, new_last))
    assert inputs[TRANSLATORS[1]] == [new_last]
    kept = units(revised, "summary:ar")[0]
    assert (kept.text, kept.origin, kept.machine, kept.source_changed) == (mine, EDITED, first.text, False)
    assert revised.generated_text("summary:ar").startswith(mine + " ")


def test_an_edited_translation_of_a_changed_sentence_is_kept_until_the_user_takes_the_new_one(
    engine: DigestPipeline, digest: Digest
) -> None:
    first = units(digest, "summary:ru")[0]
    mine = "Россия и США провели переговоры о Сирии в Женеве в пятницу."
    edited_digest = revise.edit_sentence(digest, "summary:ru", first.target, mine)
    changed = "Russia and the United States held talks about Syria in Geneva on Saturday."
    revised = engine.revise_summary(edited_digest, with_sentence(SUMMARY, 0, changed))
    view = units(revised, "summary:ru")[0]
    assert (view.text, view.origin, view.source_changed, view.english) == (mine, EDITED, True, changed)
    assert view.machine.strip() and revised.revisions["summary:ru"].sentences[0].source_changed
    # What a window offers: the new machine translation in place of the edit.
    taken = revise.use_machine(revised, "summary:ru", view.target)
    after = units(taken, "summary:ru")[0]
    assert (after.text, after.origin, after.source_changed) == (view.machine, MACHINE, False)
    # Or asked for at once: the edit replaced.
    replaced = engine.revise_summary(edited_digest, with_sentence(SUMMARY, 0, changed), replace_edited=True)
    assert units(replaced, "summary:ru")[0].origin == MACHINE
    assert units(replaced, "summary:ru")[0].text == view.machine


def test_editing_a_whole_translation_finds_the_sentences_that_changed(digest: Digest) -> None:
    views = units(digest, "summary:ru")
    text = digest.generated_text("summary:ru")
    second = views[1]
    new_text = text[: second.target[0]] + "Обе стороны хотят мира." + text[second.target[1] :] + " "
    edited = revise.edit_translation(digest, "summary:ru", new_text)
    assert edited.generated_text("summary:ru") == new_text
    after = units(edited, "summary:ru")
    assert [view.origin for view in after] == [MACHINE, EDITED, MACHINE, MACHINE]
    assert after[1].text == "Обе стороны хотят мира." and after[1].machine == second.text
    assert [view.text for number, view in enumerate(after) if number != 1] == [view.text for number, view in enumerate(views) if number != 1]
    # A word typed at a sentence's start belongs to it; an edit back to the model's text is the model's again.
    third = after[2]
    typed = new_text[: third.target[0]] + "Итак, " + new_text[third.target[0] :]
    again = units(revise.edit_translation(edited, "summary:ru", typed), "summary:ru")
    assert again[2].text == "Итак, " + third.text and again[2].origin == EDITED
    undone = revise.edit_translation(edited, "summary:ru", text)
    assert [view.origin for view in units(undone, "summary:ru")] == [MACHINE] * 4
    with pytest.raises(DigestError, match="empty"):
        revise.edit_translation(digest, "summary:ru", " \n ")
    with pytest.raises(DigestError, match="revised as a whole"):
        revise.edit_translation(digest, "summary", "Another summary.")


def test_choosing_an_alternative_sets_its_origin(engine: DigestPipeline, digest: Digest) -> None:
    second = units(digest, "summary:ar")[1]
    found = engine.alternatives("ar", second.english, 4, exclude=(second.text,))
    assert 1 <= len(found) <= revise.MAX_ALTERNATIVES
    texts = [alternative.text for alternative in found]
    assert second.text not in texts and len(set(texts)) == len(texts)
    assert all(alternative.back_translation.strip() for alternative in found)  # the tiny ar-en model is installed
    assert all(alternative.score <= 0 for alternative in found)
    chosen = revise.choose_alternative(digest, "summary:ar", second.target, found[0])
    view = units(chosen, "summary:ar")[1]
    assert (view.text, view.origin, view.machine) == (found[0].text, ALTERNATIVE, second.text)
    assert view.back_translation == found[0].back_translation
    assert chosen.origin("summary:ar", view.target) == ALTERNATIVE


def test_alternatives_on_the_torch_backend_too(tiny_models_dir: Path) -> None:
    engine = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir), translation_backend="torch"))
    found = engine.alternatives("ru", "Both sides want calm.", 3)
    assert 1 <= len(found) <= 3 and type(engine.model(engine.spec("translate-ru"))).__name__ == "TorchModel"


# -- back-translation -------------------------------------------------------------------------


def test_back_translation_covers_every_translated_sentence_and_is_saved(engine: DigestPipeline, digest: Digest) -> None:
    into_english = (catalog.into_english_task("ru"), catalog.into_english_task("ar"))
    with recorded_inputs(engine, into_english) as inputs:
        back = engine.back_translate(digest)
    assert back.back_translate
    for language, task in zip(("ru", "ar"), into_english):
        key = f"summary:{language}"
        views = units(back, key)
        assert all(view.back_translation is not None for view in views)
        assert inputs[task] == [" ".join(view.text.split()) for view in views]
        assert back.generated_text(key) == digest.generated_text(key)  # the texts themselves untouched
    assert revise.missing_back_translations(back) == {}
    # Only what lacks one is back-translated: after an edit, the edited sentence alone.
    target = units(back, "summary:ar")[2].target
    edited = revise.edit_sentence(back, "summary:ar", target, "جملة معدلة.")
    assert revise.missing_back_translations(edited) == {"summary:ar": 1}
    with recorded_inputs(engine, into_english) as inputs:
        again = engine.back_translate(edited)
    assert inputs == {into_english[0]: [], into_english[1]: ["جملة معدلة."]}
    assert units(again, "summary:ru") == units(back, "summary:ru")
    # Saved with the digest, and read back from the history.
    loaded = Digest.from_json_dict(again.to_json_dict())
    assert (loaded.revisions, loaded.back_translations, loaded.back_translate) == (again.revisions, again.back_translations, True)


def test_back_translation_flag_fires_on_a_planted_number_change_and_not_on_a_faithful_one(
    engine: DigestPipeline, digest: Digest
) -> None:
    # Russian sentences of one's own, so the planted English can be told apart by them.
    russian = ["Первое предложение.", "Второе предложение.", "Третье предложение.", "Четвёртое предложение."]
    english = sentences_of(SUMMARY)
    edited = digest
    for number, text in enumerate(russian):
        edited = revise.edit_sentence(edited, "summary:ru", units(edited, "summary:ru")[number].target, text)
    planted = dict(zip(russian, english))
    planted[russian[2]] = english[2].replace("12", "21")  # "A second round is planned in 21 days."
    model = engine.model(engine.spec(catalog.into_english_task("ru")))
    real = model.generate
    model.generate = lambda texts, *args, **kwargs: [planted[text] for text in texts]  # type: ignore[method-assign]
    try:
        back = engine.back_translate(edited, keys=["summary:ru"])
    finally:
        del model.generate
    views = units(back, "summary:ru")
    assert [view.back_translation for view in views] == [planted[text] for text in russian]
    flagged = {view.english: [flag for flag in view.flags if flag.check == FlagKind.BACK_TRANSLATION] for view in views}
    assert [len(flags) for flags in flagged.values()] == [0, 0, 1, 0]
    reason = flagged[english[2]][0].reason
    assert reason == "Translated back into English, this sentence lacks the number 12."
    assert flagged[english[2]][0].line.startswith("Meaning may differ: ")
    assert model.generate == real  # the model put back as it was


def test_a_background_back_translation_is_carried_into_a_digest_edited_meanwhile(engine: DigestPipeline, digest: Digest) -> None:
    views = units(digest, "summary:ar")
    edited = revise.edit_sentence(digest, "summary:ar", views[0].target, "جملتي.")  # while the job runs
    done = engine.back_translate(digest)  # on the digest as it was when the job started
    carried = revise.carry_back_translations(edited, done)
    after = units(carried, "summary:ar")
    assert after[0].text == "جملتي." and after[0].back_translation is None  # the job never saw it
    assert [view.back_translation for view in after[1:]] == [view.back_translation for view in units(done, "summary:ar")[1:]]
    assert revise.missing_back_translations(carried) == {"summary:ar": 1}


def test_a_missing_into_english_model_leaves_alternatives_without_back_translations(tmp_path: Path, tiny_models_dir: Path) -> None:
    import shutil

    for task in ("summarize", "translate-ru", "translate-ar"):
        shutil.copytree(tiny_models_dir / task, tmp_path / task)
    engine = DigestPipeline(PipelineConfig(models_dir=str(tmp_path)))
    found = engine.alternatives("ru", "Both sides want calm.", 2)
    assert found and all(alternative.back_translation == "" for alternative in found)
    from models import ModelUnavailable

    digest = engine.revise_summary(engine.digest(ARTICLE, DigestOptions(languages=("ru",))), SUMMARY)
    with pytest.raises(ModelUnavailable, match="not installed"):
        engine.back_translate(digest)


# -- saved and reopened ---------------------------------------------------------------------


def test_edits_survive_the_history_and_old_entries_still_load(tmp_path: Path, digest: Digest) -> None:
    second = units(digest, "summary:ar")[1]
    edited = revise.edit_sentence(digest, "summary:ar", second.target, "نص من عندي.")
    history = History(tmp_path)
    entry = history.add(edited)
    reopened = history.load(entry.id)
    assert reopened.summary_translations == edited.summary_translations
    assert reopened.revisions == edited.revisions
    assert units(reopened, "summary:ar")[1].origin == EDITED
    # An older entry, without the new fields, reads as never revised.
    old = edited.to_json_dict()
    for name in ("revisions", "back_translations", "back_translate"):
        old.pop(name, None)
    plain = Digest.from_json_dict(old)
    assert plain.revisions == {} and plain.back_translations == {} and not plain.back_translate
    assert plain.origin("summary:ar", second.target) == MACHINE


def test_a_damaged_revision_is_a_digest_error(digest: Digest) -> None:
    data = digest.to_json_dict()
    data["revisions"]["summary:ru"]["sentences"][0]["origin"] = "invented"
    with pytest.raises(DigestError, match="not a digest file"):
        Digest.from_json_dict(data)
    data = digest.to_json_dict()
    data["back_translations"] = {"summary:ru": [{"target": [5, 2], "english": "x"}]}
    with pytest.raises(DigestError, match="not a digest file"):
        Digest.from_json_dict(data)


def test_a_foreign_articles_summary_is_revised_through_its_english_translation(engine: DigestPipeline) -> None:
    article = Article(title="ru", text="Россия и США провели переговоры в пятницу. Обе стороны хотят мира.", language="ru")
    digested = engine.digest(article, DigestOptions(languages=("ru", "ar")))
    revised = engine.revise_summary(digested, "Russia and the US held talks on Friday.")
    assert revised.summary == "Russia and the US held talks on Friday."
    links = revised.alignments["summary"].links
    assert len(links) == 1 and all(end <= len(article.text) for _, end in links[0].sources)  # the article as written
    assert [view.english for view in units(revised, "summary:ru")] == ["Russia and the US held talks on Friday."]
    assert replace(revised, summary=digested.summary).english_translation == digested.english_translation


# -- finding what a person changed in a whole text --------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["Россия", "и", "США", "провели", "переговоры", "в", "Женеве", "12", "дней", "мира", "ещё"]


def _text_of(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    parts, ranges, position = [], [], 0
    for number, words in enumerate(sentences):
        sentence = " ".join(words) + "."
        if number:
            parts.append("\n\n" if number % 3 == 0 else " ")
            position += len(parts[-1])
        ranges.append((position, position + len(sentence)))
        parts.append(sentence)
        position += len(sentence)
    return "".join(parts), ranges


@settings(max_examples=200, deadline=None)
@given(
    sentences=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), min_size=1, max_size=8),
    cut=st.tuples(st.integers(min_value=0), st.integers(min_value=0)),
    typed=st.text(alphabet="абв ,.12", max_size=12),
)
def test_a_local_edit_changes_only_the_sentences_it_touches(sentences: list[list[str]], cut: tuple[int, int], typed: str) -> None:
    old, ranges = _text_of(sentences)
    start = cut[0] % (len(old) + 1)
    end = start + cut[1] % (len(old) - start + 1)
    new = old[:start] + typed + old[end:]
    mapped = revise._mapped_ranges(old, new, ranges)
    previous = 0
    for before, (after, changed) in zip(ranges, mapped):
        assert previous <= after[0] <= after[1] <= len(new)
        previous = after[1]
        assert changed == (new[slice(*after)] != old[slice(*before)])
        # Not touched by the edit, nor next to it (text typed where only whitespace separates it
        # from a sentence may be that sentence's).
        if (before[1] < start and old[before[1] : start].strip()) or (before[0] > end and old[end : before[0]].strip()):
            assert not changed, (old, new, before, after)


def test_finding_an_edit_in_a_long_translation_is_quick() -> None:
    import time

    sentences = [["Россия", "и", "США", "провели", "переговоры", str(number)] for number in range(2_000)]
    old, ranges = _text_of(sentences)
    middle = ranges[1_000]
    new = old[: middle[0]] + "Новое предложение." + old[middle[1] :]
    started = time.perf_counter()
    mapped = revise._mapped_ranges(old, new, ranges)
    assert time.perf_counter() - started < 0.5
    assert [number for number, (_, changed) in enumerate(mapped) if changed] == [1_000]
