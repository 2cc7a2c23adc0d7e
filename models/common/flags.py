"""The kinds of flag a generated sentence can be given, in one place: each kind's code (as
saved), its name as a reader sees it, how grave it is, and the templates of its reasons.

:mod:`models.digest.checks` raises them; the window shows a kind's ``title`` and says its
reason (a :class:`~models.common.wording.Wording` of the templates below) in its language.
Every template is marked for translation under the ``Checks`` context where it is written.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from models.common.translatable import QT_TRANSLATE_NOOP


class Severity(IntEnum):
    """How much a flag may change what a reader passes on: a wrong fact outranks a clumsy
    sentence. A sentence's flags are listed gravest first."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3


# The reasons' sentences (a window says them in its own language; see models.common.wording).
NUMBER_MISSING = QT_TRANSLATE_NOOP("Checks", "The number {number} in the source is missing here.")
NUMBERS_MISSING = QT_TRANSLATE_NOOP("Checks", "The numbers {numbers} in the source are missing here.")
NUMBER_EXTRA = QT_TRANSLATE_NOOP("Checks", "The number {number} here is not in the source.")
NUMBERS_EXTRA = QT_TRANSLATE_NOOP("Checks", "The numbers {numbers} here are not in the source.")
MOSTLY_LATIN = QT_TRANSLATE_NOOP("Checks", "This looks untranslated: most of it is in Latin script, not {language}.")
NOT_IN_SCRIPT = QT_TRANSLATE_NOOP("Checks", "This looks like the wrong language: most of it is not in {script} script.")
IN_OTHER_SCRIPT = QT_TRANSLATE_NOOP("Checks", "This looks like the wrong language: most of it is in {script} script, not {language}.")
SAME_AS_SOURCE = QT_TRANSLATE_NOOP("Checks", "This looks untranslated: it is the same as the English source.")
NEARLY_SAME_AS_SOURCE = QT_TRANSLATE_NOOP("Checks", "This looks untranslated: it is nearly the same as the English source.")
PHRASE_REPEATS = QT_TRANSLATE_NOOP("Checks", "A phrase repeats: {phrase}.")
PHRASE_TIMES = QT_TRANSLATE_NOOP("Checks", "A phrase appears {times} times: {phrase}.")
TOO_LONG = QT_TRANSLATE_NOOP("Checks", "This translation is {ratio} times as long as the English; it may repeat itself or add things.")
TOO_SHORT = QT_TRANSLATE_NOOP(
    "Checks", "This translation is much shorter than the English ({percent}% of its length); part of it may be missing."
)
NAMES_NOT_IN_ARTICLE = QT_TRANSLATE_NOOP("Checks", "This summary sentence names {names}, which the article does not mention.")
NUMBER_NOT_IN_ARTICLE = QT_TRANSLATE_NOOP(
    "Checks", "This summary sentence gives the number {numbers}, which the article does not mention."
)
NUMBERS_NOT_IN_ARTICLE = QT_TRANSLATE_NOOP(
    "Checks", "This summary sentence gives the numbers {numbers}, which the article does not mention."
)
LOW_CONFIDENCE_REASON = QT_TRANSLATE_NOOP("Checks", "The translation model was unsure of this sentence (confidence {confidence}).")
BACK_NUMBER_MISSING = QT_TRANSLATE_NOOP("Checks", "Translated back into English, this sentence lacks the number {number}.")
BACK_NUMBERS_MISSING = QT_TRANSLATE_NOOP("Checks", "Translated back into English, this sentence lacks the numbers {numbers}.")
BACK_NAMES_MISSING = QT_TRANSLATE_NOOP("Checks", "Translated back into English, this sentence does not mention {names}.")
BACK_DIFFERS = QT_TRANSLATE_NOOP(
    "Checks", "Translated back into English, this sentence reads {back}, far from the English (similarity {percent}%)."
)
#: One of the {names} above: the words of a longer name that the article lacks, as a wording of
#: its own inside the reason's (see models.common.wording).
PART_OF_NAME = QT_TRANSLATE_NOOP("Checks", "“{part}” (in “{name}”)")


class FlagKind(StrEnum):
    """A check a generated sentence can be flagged by. A ``str`` whose value is the code saved
    in digests ("numbers"), with the kind's ``title`` (marked for translation), ``severity``
    and the ``reasons`` its flags are worded from."""

    title: str
    severity: Severity
    reasons: tuple[str, ...]

    def __new__(cls, code: str, title: str, severity: Severity, reasons: tuple[str, ...]) -> FlagKind:
        member = str.__new__(cls, code)
        member._value_ = code
        member.title = title
        member.severity = severity
        member.reasons = reasons
        return member

    NUMBERS = (
        "numbers", QT_TRANSLATE_NOOP("Checks", "Numbers"), Severity.HIGH,
        (NUMBER_MISSING, NUMBERS_MISSING, NUMBER_EXTRA, NUMBERS_EXTRA),
    )
    UNSUPPORTED = (
        "unsupported", QT_TRANSLATE_NOOP("Checks", "Not in the article"), Severity.HIGH,
        (NAMES_NOT_IN_ARTICLE, NUMBER_NOT_IN_ARTICLE, NUMBERS_NOT_IN_ARTICLE, PART_OF_NAME),
    )
    UNTRANSLATED = (
        "untranslated", QT_TRANSLATE_NOOP("Checks", "Untranslated"), Severity.MEDIUM,
        (MOSTLY_LATIN, NOT_IN_SCRIPT, IN_OTHER_SCRIPT, SAME_AS_SOURCE, NEARLY_SAME_AS_SOURCE),
    )
    REPETITION = (
        "repetition", QT_TRANSLATE_NOOP("Checks", "Repetition"), Severity.MEDIUM,
        (PHRASE_REPEATS, PHRASE_TIMES, TOO_LONG, TOO_SHORT),
    )
    #: Raised on a translated sentence by its translation back into English (models.digest.revise).
    BACK_TRANSLATION = (
        "back-translation", QT_TRANSLATE_NOOP("Checks", "Meaning may differ"), Severity.HIGH,
        (BACK_NUMBER_MISSING, BACK_NUMBERS_MISSING, BACK_NAMES_MISSING, BACK_DIFFERS),
    )
    LOW_CONFIDENCE = ("low-confidence", QT_TRANSLATE_NOOP("Checks", "Low confidence"), Severity.LOW, (LOW_CONFIDENCE_REASON,))


#: Every reason's template (and part of one), over all kinds.
REASON_TEMPLATES: tuple[str, ...] = tuple(template for kind in FlagKind for template in kind.reasons)
