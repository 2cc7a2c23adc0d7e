"""Sentence links between generated texts and their sources: exact for translations, by
overlap for summaries; ranges that point at the right characters, whatever the whitespace."""

from __future__ import annotations

import json
import time

from models.common.text import locate_pieces, sentence_ranges
from models.common.types import Article, Digest, alignment_key
from models.digest.align import summary_alignment, translation_alignment
from models.digest.translate import join_units
from models.common.languages import output_languages
from tests.conftest import SEED_ARTICLE

ARTICLE = (
    "Russia and the US are working together to prevent conflicts in Syria, according to the Russian "
    "Ambassador Anatoly Antonov.\n\n"
    "There have been a number of run-ins between Russian and US forces in northern Syria.   The US backs "
    "Kurdish-led militias while Russia is an ally of the Syrian government.\n\n"
    "About 900 US troops remain in north-east Syria, Antonov told Newsweek on Friday."
)


def text_at(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def test_pieces_are_found_whatever_the_whitespace() -> None:
    text = "First   sentence here.\n\nSecond\tone,\n  wrapped. Third."
    ranges = locate_pieces(text, ["First sentence here.", "Second one, wrapped.", "Third."])
    assert [text_at(text, span) for span in ranges] == ["First   sentence here.", "Second\tone,\n  wrapped.", "Third."]
    assert sentence_ranges(text) == ranges


def test_a_translation_links_every_sentence_to_the_one_it_translates() -> None:
    paragraphs = [["Russia and the US talk.", "Both want calm."], ["Troops remain."]]
    translated = join_units(paragraphs, ["Россия и США говорят.", "Обе хотят спокойствия.", "Войска остаются."])
    assert translated.text == "Россия и США говорят. Обе хотят спокойствия.\n\nВойска остаются."
    source = "Russia and the US talk.  Both want calm.\n\n\nTroops remain."
    alignment = translation_alignment("article", source, translated, "ru")
    pairs = [(text_at(translated.text, link.target), [text_at(source, span) for span in link.sources]) for link in alignment.links]
    assert pairs == [
        ("Россия и США говорят.", ["Russia and the US talk."]),
        ("Обе хотят спокойствия.", ["Both want calm."]),
        ("Войска остаются.", ["Troops remain."]),
    ]
    assert all(link.score == 1.0 for link in alignment.links)


def test_a_translation_that_drops_a_number_is_flagged_on_that_sentence() -> None:
    translated = join_units([["The port handled 12,000 containers.", "It was busy."]], ["Порт обработал контейнеры.", "Было много работы."])
    alignment = translation_alignment("summary", "The port handled 12,000 containers. It was busy.", translated, "ru")
    flagged = {text_at(translated.text, flag.target) for flag in alignment.flags if flag.check == "numbers"}
    assert flagged == {"Порт обработал контейнеры."}
    kept = join_units([["The port handled 12,000 containers."]], ["Порт обработал 12 000 контейнеров."])
    assert not [flag for flag in translation_alignment("summary", "The port handled 12,000 containers.", kept, "ru").flags if flag.check == "numbers"]


def test_summary_sentences_link_to_the_article_sentences_they_draw_on() -> None:
    summary = (
        "Russia and the US are working together to prevent conflicts in Syria, says Anatoly Antonov. "
        "About 900 US troops remain in north-east Syria."
    )
    alignment = summary_alignment(ARTICLE, summary)
    assert alignment.source == "article"
    first, second = alignment.links
    assert text_at(summary, first.target).startswith("Russia and the US are working together")
    assert [text_at(ARTICLE, span)[:40] for span in first.sources][0] == "Russia and the US are working together t"
    assert [text_at(ARTICLE, span) for span in second.sources][0].startswith("About 900 US troops remain")
    assert all(0 < link.score <= 1 for link in alignment.links)
    # Every source range is a whole article sentence.
    sentences = set(sentence_ranges(ARTICLE))
    assert all(span in sentences for link in alignment.links for span in link.sources)


def test_a_summary_sentence_with_nothing_behind_it_has_no_link_and_a_flag() -> None:
    summary = "Barack Obama visited Paris in 1999."
    alignment = summary_alignment(ARTICLE, summary)
    [link] = alignment.links
    assert link.sources == () and link.score == 0.0
    assert {flag.check for flag in alignment.flags} == {"unsupported"}


def test_alignments_survive_the_json_round_trip() -> None:
    summary = "About 900 US troops remain in north-east Syria."
    translated = join_units([[summary]], ["Около 900 американских военных остаются на северо-востоке Сирии."])
    digest = Digest(
        article=Article(title="t", text=ARTICLE),
        summary=summary,
        summary_translations={"ru": translated.text},
        alignments={
            alignment_key("summary"): summary_alignment(ARTICLE, summary),
            alignment_key("summary", "ru"): translation_alignment("summary", summary, translated, "ru"),
        },
    )
    again = Digest.from_json_dict(json.loads(json.dumps(digest.to_json_dict())))
    assert again.alignments == digest.alignments
    assert again.source_text("summary:ru") == summary and again.generated_text("summary:ru") == translated.text


def test_a_long_article_with_full_translations_aligns_in_well_under_100_ms() -> None:
    article = "\n\n".join([SEED_ARTICLE.read_text(encoding="utf-8")] * 3)  # about 1,500 words
    pieces = [[sentence for sentence in [text_at(article, span)]] for span in sentence_ranges(article)]
    outputs = [f"Перевод {index} с числом {index * 7}." for index in range(len(pieces))]
    translated = join_units(pieces, outputs)
    summary = " ".join(text_at(article, span) for span in sentence_ranges(article)[2:6])
    started = time.perf_counter()
    summary_alignment(article, summary)
    for language in output_languages():
        translation_alignment("article", article, translated, language)
    elapsed = time.perf_counter() - started
    assert len(article.split()) > 1400
    assert elapsed < 0.5  # bench/alignment.py reports the figure; CI machines vary


def test_a_sentences_flags_are_listed_gravest_first_in_reading_order() -> None:
    from models.common.flags import FlagKind
    from models.common.types import Alignment, SentenceFlag

    flags = (
        SentenceFlag((40, 60), "repetition", "loops"),
        SentenceFlag((0, 20), "low-confidence", "unsure"),
        SentenceFlag((0, 20), "numbers", "a number is missing"),
        SentenceFlag((0, 20), "untranslated", "in Latin script"),
    )
    alignment = Alignment("summary", flags=flags)
    assert [(flag.target, flag.check) for flag in alignment.flags] == [
        ((0, 20), FlagKind.NUMBERS), ((0, 20), FlagKind.UNTRANSLATED), ((0, 20), FlagKind.LOW_CONFIDENCE),
        ((40, 60), FlagKind.REPETITION),
    ]
    assert Alignment.from_json_dict(alignment.to_json_dict()) == alignment
