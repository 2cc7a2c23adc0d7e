"""Number words of each language, by value, for comparing the numbers of a translation with
its source (:mod:`models.digest.checks`); the language table
(:mod:`models.common.languages`) names each language's words, how a word is looked up, and the
language's ways of combining them.

Pure data and string work: no models, no Qt.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from decimal import Decimal


class NumberWord(NamedTuple):
    """What one number word means: its kind (``num`` a number, ``ord`` an ordinal, ``mul`` a
    multiplier such as "hundred", ``scale`` "thousand", "million"…, ``a`` an article that may
    stand for one, ``and`` a joining word), its value, and how it behaves."""

    kind: str  # num | ord | mul | scale | a | and
    value: Decimal
    standalone: Decimal | None = None  # a mul/scale word's value with no number before it
    soft: bool = False
    currency_only: bool = False  # "m" in "$5m": a scale only glued to a currency amount


def russian_key(word: str) -> str:
    """A Russian word as the number words are keyed: lower case, ё as е."""
    return word.lower().replace("ё", "е")


def decimal_value(value: int | float | str) -> Decimal:
    """``value`` as an exact Decimal, through its text (0.1 stays 0.1)."""
    # Imported here: the tables are built on first use, and the window imports this module
    # (through the language table) as it starts.
    from decimal import Decimal

    return Decimal(str(value))


def english_number_words() -> dict[str, NumberWord]:
    words: dict[str, NumberWord] = {}
    units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
    for value, word in enumerate(units.split()):
        words[word] = NumberWord("num", decimal_value(value))
    for value, word in zip(range(20, 100, 10), "twenty thirty forty fifty sixty seventy eighty ninety".split()):
        words[word] = NumberWord("num", decimal_value(value))
    words["hundred"] = NumberWord("mul", decimal_value(100))
    words["dozen"] = NumberWord("mul", decimal_value(12), soft=True)
    for word, value in (("thousand", 10**3), ("million", 10**6), ("billion", 10**9), ("trillion", 10**12), ("bn", 10**9), ("mln", 10**6)):
        words[word] = NumberWord("scale", decimal_value(value))
    words["m"] = words["mn"] = NumberWord("scale", decimal_value(10**6), currency_only=True)
    words["a"] = words["an"] = NumberWord("a", decimal_value(1))
    words["and"] = NumberWord("and", decimal_value(0))
    return words


def russian_number_words() -> dict[str, NumberWord]:
    words: dict[str, NumberWord] = {}

    def add(value: int | str, *forms: str, kind: str = "num", soft: bool = False) -> None:
        for form in forms:
            words[form] = NumberWord(kind, decimal_value(value), soft=soft)

    add(0, "ноль", "нуль", "ноля", "нуля", "нолю", "нулю", "нолем", "нулем")
    add(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну", "одни", "одних", "одними")
    add(2, "два", "две", "двух", "двум", "двумя")
    add(3, "три", "трех", "трем", "тремя")
    add(4, "четыре", "четырех", "четырем", "четырьмя")
    add("1.5", "полтора", "полторы", "полутора")
    # Collective numerals ("двое военных", "трое раненых").
    add(2, "двое", "двоих", "двоим", "двоими")
    add(3, "трое", "троих", "троим", "троими")
    for value, stem in zip(range(4, 11), ("четвер", "пятер", "шестер", "семер", "восьмер", "девятер", "десятер")):
        add(value, stem + "о", stem + "ых", stem + "ым", stem + "ыми")
    add(5, "пять", "пяти", "пятью")
    add(6, "шесть", "шести", "шестью")
    add(7, "семь", "семи")  # not "семью": it is also "family"
    add(8, "восемь", "восьми", "восемью", "восьмью")
    add(9, "девять", "девяти", "девятью")
    add(10, "десять", "десяти", "десятью")
    teens = "одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать"
    for value, form in zip(range(11, 20), teens.split()):
        add(value, form, form[:-1] + "и", form + "ю")
    add(20, "двадцать", "двадцати", "двадцатью")
    add(30, "тридцать", "тридцати", "тридцатью")
    add(40, "сорок", "сорока")
    add(50, "пятьдесят", "пятидесяти", "пятьюдесятью")
    add(60, "шестьдесят", "шестидесяти", "шестьюдесятью")
    add(70, "семьдесят", "семидесяти", "семьюдесятью")
    add(80, "восемьдесят", "восьмидесяти", "восемьюдесятью")
    add(90, "девяносто", "девяноста")
    add(100, "сто", "ста")
    add(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
    add(300, "триста", "трехсот", "тремстам", "тремястами", "трехстах")
    add(400, "четыреста", "четырехсот", "четырехстам", "четырьмястами", "четырехстах")
    for value, nominative, genitive, instrumental in (
        (500, "пятьсот", "пяти", "пятью"),
        (600, "шестьсот", "шести", "шестью"),
        (700, "семьсот", "семи", "семью"),
        (800, "восемьсот", "восьми", "восемью"),
        (900, "девятьсот", "девяти", "девятью"),
    ):
        add(value, nominative, genitive + "сот", genitive + "стам", instrumental + "стами", genitive + "стах")
    for form in ("дюжина", "дюжину", "дюжины", "дюжин"):
        words[form] = NumberWord("mul", decimal_value(12), standalone=decimal_value(12) if form in ("дюжина", "дюжину") else None, soft=True)
    scales = (
        (10**3, ("тысяча", "тысячу"), ("тысячи", "тысяч", "тысячей", "тысячам", "тысячами", "тысячах", "тыс")),
        (10**6, ("миллион", "миллиона"), ("миллионов", "миллиону", "миллионом", "миллионы", "миллионам", "миллионами", "миллионах", "млн")),
        (10**9, ("миллиард", "миллиарда"), ("миллиардов", "миллиарду", "миллиардом", "миллиарды", "миллиардам", "миллиардами", "миллиардах", "млрд")),
        (10**12, ("триллион", "триллиона"), ("триллионов", "триллиону", "триллионом", "триллионы", "триллионам", "триллионами", "триллионах", "трлн")),
    )
    for value, alone, bound in scales:
        for form in alone:
            words[form] = NumberWord("scale", decimal_value(value), standalone=decimal_value(value))
        for form in bound:
            words[form] = NumberWord("scale", decimal_value(value))
    return words


_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def arabic_key(word: str) -> str:
    """An Arabic word without vowel marks or elongation, its alef/ta marbuta/ya variants folded."""
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_FOLD)


def arabic_number_words() -> dict[str, NumberWord]:
    words: dict[str, NumberWord] = {}

    def add(value: int, *forms: str, kind: str = "num", soft: bool = False) -> None:
        for form in forms:
            words[arabic_key(form)] = NumberWord(kind, decimal_value(value), soft=soft)

    add(0, "صفر")
    add(1, "واحد", "واحدة")  # not أحد / إحدى ("one of"), except in "أحد عشر" (below)
    add(2, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثنتا")
    units = (
        (3, "ثلاث", "ثلاثة"),
        (4, "أربع", "أربعة"),
        (5, "خمس", "خمسة"),
        (6, "ست", "ستة"),
        (7, "سبع", "سبعة"),
        (8, "ثمان", "ثماني", "ثمانية"),
        (9, "تسع", "تسعة"),
    )
    for value, *forms in units:
        add(value, *forms)
    add(10, "عشر", "عشرة")
    tens = ((20, "عشرون", "عشرين"), (30, "ثلاثون", "ثلاثين"), (40, "أربعون", "أربعين"), (50, "خمسون", "خمسين"))
    tens += ((60, "ستون", "ستين"), (70, "سبعون", "سبعين"), (80, "ثمانون", "ثمانين"), (90, "تسعون", "تسعين"))
    for value, *forms in tens:
        add(value, *forms)
    for form in ("مائة", "مئة"):
        words[arabic_key(form)] = NumberWord("mul", decimal_value(100), standalone=decimal_value(100))
    add(200, "مائتان", "مائتين", "مئتان", "مئتين", "مائتا", "مئتا")
    for value, *forms in units:
        for form in forms[:1] + (["ثماني"] if value == 8 else []):
            add(value * 100, form + "مائة", form + "مئة")
    for form in ("أحد", "إحدى"):
        words[arabic_key(form)] = NumberWord("a", decimal_value(1))
    ordinals = (
        (1, "الأول", "الأولى", "الحادي", "الحادية"),
        (2, "الثاني", "الثانية"),
        (3, "الثالث", "الثالثة"),
        (4, "الرابع", "الرابعة"),
        (5, "الخامس", "الخامسة"),
        (6, "السادس", "السادسة"),
        (7, "السابع", "السابعة"),
        (8, "الثامن", "الثامنة"),
        (9, "التاسع", "التاسعة"),
        (10, "العاشر", "العاشرة"),
    )
    for value, *forms in ordinals:
        add(value, *forms, kind="ord", soft=True)
    scales = (
        (10**3, ("ألف",), ("ألفا", "ألفان", "ألفين", "ألفي"), ("آلاف", "ألوف")),
        (10**6, ("مليون",), ("مليونا", "مليونان", "مليونين", "مليوني"), ("ملايين",)),
        (10**9, ("مليار", "بليون"), ("مليارا", "ملياران", "مليارين", "ملياري"), ("مليارات",)),
        (10**12, ("تريليون",), ("تريليونا", "تريليونان", "تريليونين", "تريليوني"), ("تريليونات",)),
    )
    for value, alone, dual, plural in scales:
        for form in alone:
            words[arabic_key(form)] = NumberWord("scale", decimal_value(value), standalone=decimal_value(value))
        for form in dual:  # "ألفين" alone is two thousand; "عشرون ألفًا" is twenty thousand
            words[arabic_key(form)] = NumberWord("scale", decimal_value(value), standalone=decimal_value(2 * value))
        for form in plural:
            words[arabic_key(form)] = NumberWord("scale", decimal_value(value))
    return words
