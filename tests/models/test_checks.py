"""Plain-words flags on generated sentences: every check with and without its problem, on
hand-written English, Russian and Arabic sentences."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.common.flags import FlagKind
from models.digest.checks import check_summary_sentence, check_translation, parse_numbers
from models.common.languages import output_languages

PORT = "The port handled 12,000 containers."


def checks(flags: list[tuple[str, str]]) -> list[str]:
    return [check for check, _ in flags]


def reason(flags: list[tuple[str, str]], check: str) -> str:
    [found] = [text for name, text in flags if name == check]
    return found


def values(text: str, language: str) -> list[set[Decimal]]:
    return [set(number.values) for number in parse_numbers(text, language) if not number.soft]


# --- numbers: parsing by value ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("12,000 containers", "en", 12000),
        ("1,234,567.5 dollars", "en", Decimal("1234567.5")),
        ("3.5 percent", "en", Decimal("3.5")),
        ("twelve ships", "en", 12),
        ("twenty-five people", "en", 25),
        ("two hundred and five cranes", "en", 205),
        ("12 million tonnes", "en", 12_000_000),
        ("1.5 million people", "en", 1_500_000),
        ("a thousand troops", "en", 1000),
        ("$1.5bn in aid", "en", 1_500_000_000),
        ("£5m deal", "en", 5_000_000),
        ("12 000 контейнеров", "ru", 12000),
        ("12\u00a0000 контейнеров", "ru", 12000),
        ("12\u202f000 контейнеров", "ru", 12000),
        ("3,5 процента", "ru", Decimal("3.5")),
        ("12 млн тонн", "ru", 12_000_000),
        ("12 миллионов тонн", "ru", 12_000_000),
        ("12 тыс. человек", "ru", 12000),
        ("1,5 млрд долларов", "ru", 1_500_000_000),
        ("двадцать пять тысяч человек", "ru", 25000),
        ("двенадцать судов", "ru", 12),
        ("двести человек", "ru", 200),
        ("полтора миллиона человек", "ru", 1_500_000),
        ("١٢٬٠٠٠ حاوية", "ar", 12000),
        ("۱۲٬۰۰۰ حاوية", "ar", 12000),
        ("٣٫٥ في المئة", "ar", Decimal("3.5")),
        ("12 مليون طن", "ar", 12_000_000),
        ("١٢ مليون طن", "ar", 12_000_000),
        ("ثلاثة آلاف جندي", "ar", 3000),
        ("خمسة وعشرون شخصا", "ar", 25),
        ("اثنتا عشرة سفينة", "ar", 12),
        ("أحد عشر شهرا", "ar", 11),
        ("ألفين جندي", "ar", 2000),
        ("عشرون ألفًا", "ar", 20000),
        ("ألف وخمسمائة", "ar", 1500),
        ("مائة وخمسة وعشرون", "ar", 125),
        ("2,5 مليار دولار", "ar", 2_500_000_000),
    ],
)
def test_numbers_are_read_by_value(text: str, language: str, expected: int | Decimal) -> None:
    found = values(text, language)
    assert len(found) == 1, found
    assert Decimal(expected) in found[0]


def test_russian_dot_thousands_may_mean_either() -> None:
    assert values("12.000 контейнеров", "ru") == [{Decimal(12000), Decimal(12)}]


def test_a_year_then_a_count_stay_two_numbers() -> None:
    assert values("В 2021 году погибли 120 человек.", "ru") == [{Decimal(2021)}, {Decimal(120)}]
    assert values("In 2021, 120 people died.", "en") == [{Decimal(2021)}, {Decimal(120)}]


def test_plural_scale_words_alone_are_not_numbers() -> None:
    assert values("Thousands of people fled.", "en") == []
    assert values("Тысячи людей бежали, миллионы остались.", "ru") == []
    assert values("فر آلاف الأشخاص وبقي ملايين.", "ar") == []


def test_words_for_one_and_two_are_soft() -> None:
    numbers = parse_numbers("One of the two sides", "en")
    assert [number.soft for number in numbers] == [True, True]


# --- numbers: translations ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "language"),
    [
        ("Порт обработал 12 000 контейнеров.", "ru"),
        ("Порт обработал 12 тысяч контейнеров.", "ru"),
        ("Порт обработал 12.000 контейнеров.", "ru"),
        ("تعامل الميناء مع ١٢٬٠٠٠ حاوية.", "ar"),
        ("تعامل الميناء مع 12,000 حاوية.", "ar"),
        ("تعامل الميناء مع 12 ألف حاوية.", "ar"),
    ],
)
def test_mandatory_example_matches_by_value(output: str, language: str) -> None:
    assert "numbers" not in checks(check_translation(PORT, output, language))


@pytest.mark.parametrize(
    ("output", "language"),
    [("Порт обработал контейнеры.", "ru"), ("تعامل الميناء مع الحاويات.", "ar")],
)
def test_missing_number_is_flagged_with_the_source_number(output: str, language: str) -> None:
    flags = check_translation(PORT, output, language)
    assert reason(flags, "numbers") == "The number 12,000 in the source is missing here."


def test_changed_number_is_missing_and_extra() -> None:
    flags = check_translation(PORT, "Порт обработал 15 000 контейнеров.", "ru")
    assert reason(flags, "numbers") == "The number 12,000 in the source is missing here. The number 15 000 here is not in the source."


def test_extra_number_in_arabic_digits_shows_its_value() -> None:
    flags = check_translation("The talks ended.", "انتهت المحادثات في ١٥ مايو.", "ar")
    assert reason(flags, "numbers") == "The number ١٥ (15) here is not in the source."


def test_extra_number_plain() -> None:
    flags = check_translation("The talks ended on Monday.", "Переговоры завершились в понедельник, 15 мая.", "ru")
    assert reason(flags, "numbers") == "The number 15 here is not in the source."


@pytest.mark.parametrize(
    ("output", "language"),
    [
        ("Инфляция выросла до 3,5 процента.", "ru"),
        ("Инфляция выросла до 3.5%.", "ru"),
        ("ارتفع التضخم إلى ٣٫٥ في المئة.", "ar"),
        ("ارتفع التضخم إلى 3.5%.", "ar"),
    ],
)
def test_decimals_match_across_separators(output: str, language: str) -> None:
    assert check_translation("Inflation rose to 3.5 percent.", output, language) == []


@pytest.mark.parametrize(
    ("output", "language"),
    [("Инфляция выросла до 35 процентов.", "ru"), ("ارتفع التضخم إلى ٣٥ في المئة.", "ar")],
)
def test_decimal_lost_is_flagged(output: str, language: str) -> None:
    flags = check_translation("Inflation rose to 3.5 percent.", output, language)
    assert reason(flags, "numbers").startswith("The number 3.5 in the source is missing here.")


@pytest.mark.parametrize(
    ("output", "language"),
    [
        ("Прибыло 12 судов.", "ru"),
        ("Прибыло двенадцать судов.", "ru"),
        ("وصلت 12 سفينة.", "ar"),
        ("وصلت اثنتا عشرة سفينة.", "ar"),
    ],
)
def test_number_words_match_digits(output: str, language: str) -> None:
    assert "numbers" not in checks(check_translation("Twelve ships arrived.", output, language))


def test_number_word_missing_is_flagged_in_lower_case() -> None:
    flags = check_translation("Twelve ships arrived.", "Суда прибыли.", "ru")
    assert reason(flags, "numbers") == "The number twelve in the source is missing here."


@pytest.mark.parametrize(
    ("output", "language"),
    [
        ("Сделка стоит 12 млн долларов.", "ru"),
        ("Сделка стоит 12 миллионов долларов.", "ru"),
        ("Сделка стоит 12 000 000 долларов.", "ru"),
        ("تبلغ قيمة الصفقة 12 مليون دولار.", "ar"),
        ("تبلغ قيمة الصفقة ١٢ مليون دولار.", "ar"),
    ],
)
def test_scale_words_multiply(output: str, language: str) -> None:
    assert check_translation("The deal is worth 12 million dollars.", output, language) == []


def test_wrong_scale_is_flagged() -> None:
    flags = check_translation("The deal is worth 12 million dollars.", "Сделка стоит 12 тысяч долларов.", "ru")
    assert reason(flags, "numbers") == (
        "The number 12 million in the source is missing here. The number 12 тысяч (12,000) here is not in the source."
    )


def test_one_and_two_may_vanish_in_translation() -> None:
    # Arabic says "the two sides" with a dual noun and no number word.
    assert check_translation("One of the two sides agreed.", "وافق أحد الطرفين.", "ar") == []
    assert check_translation("One of the two sides agreed.", "Одна из двух сторон согласилась.", "ru") == []


def test_ordinal_centuries() -> None:
    assert "numbers" not in checks(check_translation("It was built in the 19th century.", "Он был построен в XIX веке.", "ru"))
    assert "numbers" not in checks(check_translation("It was built in the 19th century.", "تم بناؤه في القرن التاسع عشر.", "ar"))


def test_clock_times_match_across_twelve_and_twenty_four_hours() -> None:
    assert check_translation("He spoke at 3 p.m. on Friday.", "Он выступил в 15:00 в пятницу.", "ru") == []
    assert check_translation("He spoke at 3:30 p.m.", "Он выступил в 15:30.", "ru") == []
    assert checks(check_translation("He spoke at 3:30 p.m.", "Он выступил в 15:45.", "ru")) == ["numbers"]


def test_russian_collective_numerals() -> None:
    source = "Two soldiers were killed and three were wounded."
    assert check_translation(source, "Двое военнослужащих погибли, трое получили ранения.", "ru") == []
    flags = check_translation(source, "Двое военнослужащих погибли, пятеро получили ранения.", "ru")
    assert reason(flags, "numbers") == "The number three in the source is missing here. The number пятеро (5) here is not in the source."


def test_years_and_counts_in_a_real_sentence() -> None:
    source = "In July, Russia agreed to a compromise that ensured UN aid access to millions of people in northwest Syria for 12 months."
    russian = "В июле Россия согласилась на компромисс, который обеспечил доступ помощи ООН к миллионам людей на северо-западе Сирии на 12 месяцев."
    arabic = "في يوليو، وافقت روسيا على تسوية ضمنت وصول مساعدات الأمم المتحدة إلى ملايين الأشخاص في شمال غرب سوريا لمدة ١٢ شهرا."
    assert check_translation(source, russian, "ru") == []
    assert check_translation(source, arabic, "ar") == []


def test_rtl_marks_and_eastern_digits() -> None:
    source = "The US sent troops to Syria in 2017."
    arabic = "\u200fأرسلت الولايات المتحدة قوات إلى سوريا في عام ٢٠١٧.\u200f"
    assert check_translation(source, arabic, "ar") == []
    assert checks(check_translation(source, "\u200fأرسلت الولايات المتحدة قوات إلى سوريا.\u200f", "ar")) == ["numbers"]


# --- untranslated ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", output_languages())
def test_copy_of_the_source_is_untranslated(language: str) -> None:
    flags = check_translation(PORT, PORT, language)
    assert reason(flags, "untranslated") == "This looks untranslated: it is the same as the English source."


def test_near_copy_is_untranslated() -> None:
    flags = check_translation("The port handled 12,000 containers on Monday.", "The port handled 12,000 container on Monday", "ru")
    assert reason(flags, "untranslated") == "This looks untranslated: it is nearly the same as the English source."


def test_mostly_latin_is_untranslated() -> None:
    flags = check_translation(PORT, "Порт handled 12 000 containers today.", "ru")
    assert reason(flags, "untranslated") == "This looks untranslated: most of it is in Latin script, not Russian."
    flags = check_translation(PORT, "الميناء handled 12,000 containers every day.", "ar")
    assert reason(flags, "untranslated") == "This looks untranslated: most of it is in Latin script, not Arabic."


def test_wrong_script_is_named() -> None:
    flags = check_translation(PORT, "تعامل الميناء مع ١٢٬٠٠٠ حاوية.", "ru")
    assert reason(flags, "untranslated") == "This looks like the wrong language: most of it is in Arabic script, not Russian."


def test_latin_names_inside_arabic_are_normal() -> None:
    source = "Anatoly Antonov said military cooperation with the US was effective."
    arabic = "قال Anatoly Antonov إن التعاون العسكري مع الولايات المتحدة كان فعالا."
    assert check_translation(source, arabic, "ar") == []


def test_names_and_brands_inside_russian_are_normal() -> None:
    source = "Apple unveiled the iPhone 15 Pro Max on Tuesday."
    assert check_translation(source, "Во вторник Apple представила iPhone 15 Pro Max.", "ru") == []


def test_short_outputs_are_not_judged_by_script() -> None:
    assert check_translation("NATO.", "NATO.", "ru") == []


# --- repetition -----------------------------------------------------------------------------


def test_repeated_word_loop() -> None:
    flags = check_translation(PORT, "Порт порт порт обработал 12 000 контейнеров.", "ru")
    assert reason(flags, "repetition") == "A phrase repeats: “Порт порт порт”."


def test_repeated_phrase_loop_in_arabic() -> None:
    flags = check_translation("Troops remain in Syria.", "لا تزال القوات في سوريا في سوريا في سوريا.", "ar")
    assert reason(flags, "repetition") == "A phrase repeats: “في سوريا في سوريا في سوريا”."


def test_three_word_sequence_three_times() -> None:
    source = "Forces in northern Syria, troops in the north and militias there remain."
    output = "Силы в северной Сирии, войска в северной Сирии и ополченцы в северной Сирии остаются."
    flags = check_translation(source, output, "ru")
    assert flags == [("repetition", "A phrase appears 3 times: “в северной Сирии”.")]
    assert check_translation(source, "Силы и войска в северной Сирии, а также ополченцы там остаются.", "ru") == []


def test_a_word_twice_is_not_a_loop() -> None:
    source = "The talks were very, very difficult."
    assert check_translation(source, "Переговоры были очень-очень трудными.", "ru") == []


def test_far_too_long_translation() -> None:
    source = "Russia and the US are working together."
    output = "Россия и США работают вместе, " + "а также обсуждают множество других вопросов, " * 3 + "сообщил посол."
    flags = check_translation(source, output, "ru")
    assert "times as long as the English" in reason(flags, "repetition")


def test_far_too_short_translation() -> None:
    source = "Russia and the US are working together to prevent conflicts in Syria."
    flags = check_translation(source, "Россия.", "ru")
    assert reason(flags, "repetition").startswith("This translation is much shorter than the English (")


def test_short_sources_are_not_judged_by_length() -> None:
    assert check_translation("Live Story", "Прямой эфир: история дня", "ru") == []


def test_summary_sentence_loop() -> None:
    article = "The ambassador spoke to Newsweek."
    flags = check_summary_sentence("The ambassador spoke to to to Newsweek.", article)
    assert checks(flags) == ["repetition"]


# --- low confidence -------------------------------------------------------------------------


def test_low_confidence_below_threshold() -> None:
    flags = check_translation(PORT, "Порт обработал 12 000 контейнеров.", "ru", log_probability=-1.56, threshold=-1.0)
    assert flags == [("low-confidence", "The translation model was unsure of this sentence (confidence 0.21).")]


def test_confident_or_unscored_is_not_flagged() -> None:
    output = "Порт обработал 12 000 контейнеров."
    assert check_translation(PORT, output, "ru", log_probability=-0.3, threshold=-1.0) == []
    assert check_translation(PORT, output, "ru", log_probability=-3.0) == []
    assert check_translation(PORT, output, "ru", threshold=-1.0) == []


# --- unsupported (summary sentences) --------------------------------------------------------

ARTICLE = """Russia and the US are working together to prevent conflicts in Syria, according to the Russian
Ambassador to Washington Anatoly Antonov.

"Russia and the United States maintain contacts on Syria," said Antonov in an interview with Newsweek on Friday.

In July, Russia agreed to a compromise that ensured UN aid access to millions of people for 12 months.
The Democrat senators objected. About 12,000 people fled Idlib in 2021, and Bashar al-Assad stayed."""


def test_unknown_name_is_unsupported() -> None:
    flags = check_summary_sentence("Obama met Antonov in Washington.", ARTICLE)
    assert flags == [("unsupported", "This summary sentence names “Obama”, which the article does not mention.")]


def test_unknown_name_mid_sentence() -> None:
    flags = check_summary_sentence("Antonov met Obama and Merkel in Washington.", ARTICLE)
    assert reason(flags, "unsupported") == "This summary sentence names “Obama” and “Merkel”, which the article does not mention."


def test_known_names_with_possessives_plurals_and_case() -> None:
    for sentence in (
        "Russia's ambassador Anatoly Antonov spoke to Newsweek.",
        "The Democrats objected to the compromise.",
        "Russian and US forces work together in SYRIA.",
        "In Washington, the United States and Russia maintain contacts.",
        "Bashar Al-Assad stayed, the ambassador said.",
        "Meanwhile, the UN ensured aid access.",
    ):
        assert check_summary_sentence(sentence, ARTICLE) == [], sentence


def test_common_sentence_openers_are_not_names() -> None:
    assert check_summary_sentence("Experts say Russia and the US maintain contacts.", ARTICLE) == []
    assert check_summary_sentence("Speaking to Newsweek, Antonov praised the cooperation.", ARTICLE) == []
    assert check_summary_sentence("However, Russia agreed to a compromise.", ARTICLE) == []


def test_part_of_a_multi_word_name_unsupported() -> None:
    flags = check_summary_sentence("Ambassador Dmitry Antonov spoke on Friday.", ARTICLE)
    assert reason(flags, "unsupported") == "This summary sentence names “Dmitry” (in “Ambassador Dmitry Antonov”), which the article does not mention."


def test_the_part_of_a_name_is_a_wording_of_its_own_kept_through_the_history_json_and_a_pickle() -> None:
    import json
    import pickle

    from models.common.types import Alignment, SentenceFlag
    from models.digest import checks

    found = reason(check_summary_sentence("Ambassador Dmitry Antonov spoke on Friday.", ARTICLE), "unsupported")
    [(template, kept)] = found.sentences
    [part] = kept["names"]
    assert template == checks.NAMES_NOT_IN_ARTICLE and part == "“Dmitry” (in “Ambassador Dmitry Antonov”)"
    assert part.sentences == ((checks.PART_OF_NAME, {"part": "Dmitry", "name": "Ambassador Dmitry Antonov"}),)
    saved = json.loads(json.dumps(Alignment("summary", flags=(SentenceFlag((0, 5), "unsupported", found),)).to_json_dict()))
    [back] = Alignment.from_json_dict(saved).flags
    assert back.reason == found and back.reason.sentences[0][1]["names"][0].sentences == part.sentences
    assert pickle.loads(pickle.dumps(found)).sentences[0][1]["names"][0].sentences == part.sentences
    # Whole names stay plain values.
    whole = reason(check_summary_sentence("Joe Biden met Antonov.", ARTICLE), "unsupported")
    assert whole.sentences[0][1]["names"] == ["“Joe Biden”"] and not hasattr(whole.sentences[0][1]["names"][0], "sentences")


def test_multi_word_name_at_sentence_start() -> None:
    flags = check_summary_sentence("Joe Biden met Antonov.", ARTICLE)
    assert reason(flags, "unsupported") == "This summary sentence names “Joe Biden”, which the article does not mention."


def test_unsupported_number() -> None:
    flags = check_summary_sentence("About 15,000 people fled Idlib.", ARTICLE)
    assert reason(flags, "unsupported") == "This summary sentence gives the number 15,000, which the article does not mention."


def test_supported_numbers_by_value() -> None:
    assert check_summary_sentence("Twelve thousand people fled Idlib in 2021.", ARTICLE) == []
    assert check_summary_sentence("Aid access was ensured for twelve months.", ARTICLE) == []


# --- the whole -----------------------------------------------------------------------------


def test_clean_pairs_raise_nothing() -> None:
    source = "Russia and the US are working together to prevent conflicts and incidents between them in Syria."
    russian = "Россия и США работают вместе, чтобы предотвратить конфликты и инциденты между ними в Сирии."
    arabic = "تعمل روسيا والولايات المتحدة معا لمنع النزاعات والحوادث بينهما في سوريا."
    assert check_translation(source, russian, "ru") == []
    assert check_translation(source, arabic, "ar") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=160), st.sampled_from(["ru", "ar", "de"]))
def test_any_text_gives_known_checks_and_reasons(source: str, output: str, language: str) -> None:
    for check, text in check_translation(source, output, language, log_probability=-2.0, threshold=-1.0):
        assert isinstance(check, FlagKind) and text
    for check, text in check_summary_sentence(output, source):
        assert isinstance(check, FlagKind) and text


def test_three_hundred_pairs_are_fast() -> None:
    pairs = [
        (PORT, "Порт обработал 12 000 контейнеров.", "ru"),
        (PORT, "تعامل الميناء مع ١٢٬٠٠٠ حاوية.", "ar"),
        ("The deal is worth 12 million dollars, officials said on Friday.", "Сделка стоит 12 млн долларов, заявили в пятницу официальные лица.", "ru"),
    ] * 100
    started = time.perf_counter()
    for source, output, language in pairs:
        check_translation(source, output, language, log_probability=-0.5, threshold=-1.0)
    for source, _, _ in pairs:
        check_summary_sentence(source, ARTICLE)
    assert time.perf_counter() - started < 0.5


def test_a_reason_keeps_its_sentences_for_the_window_through_the_history_json_and_a_pickle() -> None:
    import pickle

    from models.common.types import Alignment, SentenceFlag
    from models.digest import checks

    [(check, reason)] = check_translation("It cost 900 dollars and 1,200 euros.", "Это стоило долларов и евро.", "ru")
    assert check == "numbers" and reason.sentences == ((checks.NUMBERS_MISSING, {"numbers": ["900", "1,200"]}),)
    assert reason == "The numbers 900 and 1,200 in the source are missing here."
    saved = Alignment("summary", flags=(SentenceFlag((0, 5), check, reason),)).to_json_dict()
    [back] = Alignment.from_json_dict(saved).flags
    assert back.reason == reason and back.reason.sentences == reason.sentences
    assert pickle.loads(pickle.dumps(reason)).sentences == reason.sentences
    # An entry saved by an older version (no wording) still loads, as its English text.
    del saved["flags"][0]["wording"]
    [old] = Alignment.from_json_dict(saved).flags
    assert old.reason == reason and not hasattr(old.reason, "sentences")
