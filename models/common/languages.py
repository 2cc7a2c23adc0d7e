"""The languages the app knows, in one table: everything the core and the window need to know
of a language is a field of its :class:`Language` here.

Adding an output language is one entry in :data:`LANGUAGES`, its models in the catalogue
(``models/inventory/catalog.py``) and its names in the ``.ts`` files; every other module reads
the table through the functions below, at call time, so a test can put a copy of the table in
its place.

Text marked with ``QT_TRANSLATE_NOOP`` is English that the window says in its language (a
name under the ``Language`` context, a script's under ``Checks``, a phrase under
``ModelsDialog``); ``native_name`` and ``placeholder`` are written in the language itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from models.common import number_words
from models.common.translatable import QT_TRANSLATE_NOOP

#: The summariser's language: generated texts are made from English.
ENGLISH = "en"


@dataclass(frozen=True)
class Script:
    """A writing system: its English name (marked for translation: a flag's reason names it)
    and its letters, as the body of a regular expression's character class."""

    name: str
    letters: str


LATIN = Script(QT_TRANSLATE_NOOP("Checks", "Latin"), r"A-Za-z\u00c0-\u024f\u1e00-\u1eff")
CYRILLIC = Script(QT_TRANSLATE_NOOP("Checks", "Cyrillic"), r"\u0400-\u0481\u048a-\u052f")
ARABIC = Script(
    QT_TRANSLATE_NOOP("Checks", "Arabic"),
    r"\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc",
)
#: The scripts a translation's letters are counted in (to tell an untranslated sentence).
SCRIPTS: tuple[Script, ...] = (LATIN, CYRILLIC, ARABIC)


@dataclass(frozen=True)
class Language:
    """One language: its names and script, how its text is split and its numbers read, what a
    normal translation's length is, how the window shows it, and what the models call it."""

    #: ISO 639-1 code ("ru").
    code: str
    #: English name, marked for translation ("Russian").
    name: str
    #: The name written in the language itself, for tab titles ("Русский").
    native_name: str
    script: Script
    right_to_left: bool = False
    #: Whether a digest can be translated into it (English is the summary's own language).
    output: bool = True
    #: Whether the window's interface speaks it (``resources/translations/article_digest_<code>.ts``).
    interface: bool = False
    #: Marks that end a sentence besides ``. ! ? …`` when a space follows ("؟").
    sentence_ends: str = ""
    #: Marks that end a sentence with no space after them, in scripts written without spaces
    #: between sentences ("。！？").
    unspaced_sentence_ends: str = ""
    #: The language's number words by their lookup key (None: its numbers are read from digits only).
    number_words: Callable[[], Mapping[str, number_words.NumberWord]] | None = None
    #: How a word is keyed for that lookup.
    number_word_key: Callable[[str], str] = str.lower
    #: One-letter words glued to the front of a number word ("و", "ب", "ل": "and", "with", "for").
    number_word_prefixes: str = ""
    #: Units said before tens ("خمسة وعشرون", five and twenty; "أحد عشر", one-ten, eleven).
    units_before_tens: bool = False
    #: A word after which a Roman numeral is a century ("век": "XX век").
    century_word: str = ""
    #: Whether "," always groups thousands and "." always marks decimals (English: "12,000.5"),
    #: so a number has one reading; elsewhere "12.000" and "12,5" may mean either.
    comma_groups_thousands: bool = False
    #: Whether a hyphen joins number words ("twenty-five").
    hyphen_joins_number_words: bool = False
    #: A translation's length over its English source's, outside which it is flagged.
    length_ratio: tuple[float, float] = (0.4, 2.5)
    #: Font families known to read it well, tried first; any installed one of its script follows.
    fonts: tuple[str, ...] = ()
    #: How much larger than Latin text it reads well at (Arabic script: 1.2).
    font_scale: float = 1.0
    #: OPUS-MT's ISO 639-3 codes for it, most specific first (a multi-target model's ``>>rus<<``).
    opus_codes: tuple[str, ...] = ()
    #: "articles in Russian", said whole (Russian and Arabic decline the words around a
    #: language's name), marked for translation; "" for English.
    articles_in: str = ""
    #: What its empty summary tab says, in the language itself (so the tab shows its script
    #: and direction before a digest).
    placeholder: str = ""


_SERIF = ("Noto Serif", "Georgia", "Cambria", "Liberation Serif", "DejaVu Serif", "Times New Roman")

#: Every language, in the order the window and the exports list them.
LANGUAGES: dict[str, Language] = {
    ENGLISH: Language(
        code=ENGLISH,
        name=QT_TRANSLATE_NOOP("Language", "English"),
        native_name="English",
        script=LATIN,
        output=False,
        interface=True,
        number_words=number_words.english_number_words,
        comma_groups_thousands=True,
        hyphen_joins_number_words=True,
        fonts=_SERIF,
        opus_codes=("eng",),
    ),
    "ru": Language(
        code="ru",
        name=QT_TRANSLATE_NOOP("Language", "Russian"),
        native_name="Русский",
        script=CYRILLIC,
        interface=True,
        number_words=number_words.russian_number_words,
        number_word_key=number_words.russian_key,
        century_word="век",
        fonts=("Noto Serif", "Georgia", "Cambria", "PT Serif", "Liberation Serif", "DejaVu Serif", "Times New Roman"),
        opus_codes=("rus",),
        articles_in=QT_TRANSLATE_NOOP("ModelsDialog", "articles in Russian"),
        placeholder="Здесь появится перевод краткого содержания на русский язык.",
    ),
    "ar": Language(
        code="ar",
        name=QT_TRANSLATE_NOOP("Language", "Arabic"),
        native_name="العربية",
        script=ARABIC,
        right_to_left=True,
        interface=True,
        sentence_ends="؟",
        number_words=number_words.arabic_number_words,
        number_word_key=number_words.arabic_key,
        number_word_prefixes="وبل",
        units_before_tens=True,
        fonts=("Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", "Arial", "Tahoma", "DejaVu Sans"),
        font_scale=1.2,
        opus_codes=("ara", "arb"),
        articles_in=QT_TRANSLATE_NOOP("ModelsDialog", "articles in Arabic"),
        placeholder="ستظهر هنا ترجمة الملخص إلى اللغة العربية.",
    ),
}


def language(code: str | None) -> Language | None:
    """The table's entry for ``code``; None for a language the app does not know."""
    return LANGUAGES.get(code) if code else None


def output_languages() -> tuple[str, ...]:
    """The codes a digest can be translated into, in the table's order."""
    return tuple(code for code, entry in LANGUAGES.items() if entry.output)


def interface_languages() -> tuple[str, ...]:
    """The codes the window's interface speaks, in the table's order."""
    return tuple(code for code, entry in LANGUAGES.items() if entry.interface)


def name(code: str) -> str:
    """The English name of a language of the table ("ru" -> "Russian"); other codes as they are."""
    entry = LANGUAGES.get(code)
    return entry.name if entry is not None else code


def native_name(code: str) -> str:
    """A language's name in itself ("ru" -> "Русский"); other codes as they are."""
    entry = LANGUAGES.get(code)
    return entry.native_name if entry is not None else code


def is_right_to_left(code: str | None) -> bool:
    """Whether ``code``'s text reads right to left."""
    entry = language(code)
    return entry is not None and entry.right_to_left


def sentence_end_marks() -> tuple[str, str]:
    """(marks that end a sentence before a space, marks that end one with no space after): the
    common ``.!?…`` and every language's own."""
    spaced = ".!?…" + "".join(entry.sentence_ends for entry in LANGUAGES.values())
    unspaced = "".join(entry.unspaced_sentence_ends for entry in LANGUAGES.values())
    return "".join(dict.fromkeys(spaced)), "".join(dict.fromkeys(unspaced))
