"""The ``back-translation`` check (models.digest.checks.check_back_translation): a translated
sentence judged by its translation back into English against the English it was made from."""

from __future__ import annotations

import pytest

from models.common.flags import FlagKind, Severity
from models.digest.checks import BACK_TRANSLATION_CHRF, check_back_translation, chrf
from tests.models.back_translation_pairs import PAIRS, scores

SOURCE = "In July, Russia agreed to a compromise that ensured UN aid access to millions of people for 12 months."


def reasons(source: str, back: str) -> list[str]:
    flags = check_back_translation(source, back)
    assert all(kind is FlagKind.BACK_TRANSLATION for kind, _ in flags) and len(flags) <= 1
    return [str(reason) for _, reason in flags]


def test_the_kind_is_grave_and_named_for_readers() -> None:
    assert FlagKind("back-translation") is FlagKind.BACK_TRANSLATION
    assert FlagKind.BACK_TRANSLATION.title == "Meaning may differ"
    assert FlagKind.BACK_TRANSLATION.severity is Severity.HIGH


def test_a_faithful_back_translation_raises_nothing() -> None:
    assert reasons(SOURCE, "In July, Russia agreed to a compromise that provided UN aid access to millions of people for 12 months.") == []
    assert reasons(SOURCE, "In July Russia agreed on a compromise which ensured access of UN aid to millions of people for twelve months.") == []


def test_a_changed_or_dropped_number_is_named() -> None:
    planted = "In July, Russia agreed to a compromise that provided UN aid access to millions of people for 10 months."
    assert reasons(SOURCE, planted) == ["Translated back into English, this sentence lacks the number 12."]
    assert reasons("The 2015 intervention killed 300 people.", "The intervention killed many people.") == [
        "Translated back into English, this sentence lacks the numbers 2015 and 300."
    ]


def test_a_dropped_name_is_named_and_other_spellings_are_not() -> None:
    source = "The envoy Vasily Nebenzia spoke to the Security Council in Geneva on Friday."
    assert reasons(source, "Envoy Vasily Nebenzya spoke to the Security Council in Geneva on Friday.") == []  # spelt otherwise
    assert reasons(source, "Envoy Nebenzia addressed the Security Council in Geneva on Friday.") == []  # the surname is enough
    assert reasons(source, "Envoy Nebenzia spoke to the Security Council in Vienna on Friday.") == [
        "Translated back into English, this sentence does not mention “Geneva”."
    ]
    assert reasons(source, "The envoy spoke to the Security Council on Friday.") == [
        "Translated back into English, this sentence does not mention “Vasily Nebenzia” and “Geneva”."
    ]


def test_acronyms_and_their_long_forms_are_the_same_name() -> None:
    assert reasons("Officials said the US backs the Kurdish-led militias in the north.", "Officials said the United States supports the Kurdish-led militias in the north.") == []
    assert reasons("Officials said the United States backs the Kurdish-led militias in the north.", "Officials said the US supports the Kurdish-led militias in the north.") == []


def test_a_back_translation_that_drifted_is_quoted_with_its_similarity() -> None:
    source = "Rescue teams are still searching for survivors under the rubble of the collapsed building."
    found = reasons(source, "The building was rebuilt last year.")
    assert len(found) == 1 and found[0].startswith("Translated back into English, this sentence reads “The building was rebuilt last year.”")
    assert found[0].endswith(f"far from the English (similarity {round(chrf('The building was rebuilt last year.', source))}%).")


def test_short_sentences_are_not_judged_by_similarity() -> None:
    assert reasons("The US backs Kurdish-led militias.", "The United States supports militias led by the Kurds.") == []


@pytest.mark.parametrize(
    ("hypothesis", "reference", "expected"),
    [("same text", "same text", 100.0), ("abc", "xyz", 0.0), ("", "", 100.0), ("", "text", 0.0)],
)
def test_chrf_bounds(hypothesis: str, reference: str, expected: float) -> None:
    assert chrf(hypothesis, reference) == pytest.approx(expected)


def test_chrf_weighs_what_was_lost_more_than_what_was_added() -> None:
    reference = "Farmers fear that the drought will destroy much of this year's harvest."
    assert chrf("Farmers fear that the drought will destroy much of this year's harvest, experts say.", reference) > chrf(
        "Farmers fear that the drought will destroy", reference
    )


def test_the_threshold_separates_the_calibration_pairs_as_documented() -> None:
    """The figures the threshold's comment gives (models/digest/checks.py)."""
    faithful, unfaithful = scores()
    assert len(PAIRS) == 45
    assert sum(score < BACK_TRANSLATION_CHRF for score in unfaithful) == 35
    assert sum(score < BACK_TRANSLATION_CHRF for score in faithful) == 1
    assert sorted(faithful)[1] >= 49  # the next faithful one is well clear of it
