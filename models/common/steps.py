"""The steps a digest reports ("Summarising 1/3"), in English, and what a window needs to say
them in its user's language.

A step is a :class:`~models.common.wording.Wording`: its English text, which also keeps its
template and values for the window to say in its own language. Every template is listed in
:data:`STEP_TEMPLATES`; each is marked for translation here, where it is written.
"""

from __future__ import annotations

from models.common.translatable import QT_TRANSLATE_NOOP
from models.common.wording import Wording

STARTING = QT_TRANSLATE_NOOP("Steps", "Starting")
MODELS_READY = QT_TRANSLATE_NOOP("Steps", "Models ready")
DONE = QT_TRANSLATE_NOOP("Steps", "Done")
SUMMARISING = QT_TRANSLATE_NOOP("Steps", "Summarising {part}/{parts}")
SUMMARISING_TOGETHER = QT_TRANSLATE_NOOP("Steps", "Summarising parts {first}–{last} of {parts}")
COMBINING = QT_TRANSLATE_NOOP("Steps", "Combining summaries")
TRANSLATING_SUMMARY = QT_TRANSLATE_NOOP("Steps", "Translating summary to {language}")
TRANSLATING_ARTICLE = QT_TRANSLATE_NOOP("Steps", "Translating article to {language}")
TRANSLATING_INTO_ENGLISH = QT_TRANSLATE_NOOP("Steps", "Translating article from {language} to English")
LOADING_SUMMARY_MODEL = QT_TRANSLATE_NOOP("Steps", "Loading the summary model")
LOADING_TRANSLATION_MODEL = QT_TRANSLATE_NOOP("Steps", "Loading the {language} translation model")
LOADING_INTO_ENGLISH_MODEL = QT_TRANSLATE_NOOP("Steps", "Loading the {language}-to-English model")
BACK_TRANSLATING = QT_TRANSLATE_NOOP("Steps", "Translating the {language} text back into English")
FINDING_ALTERNATIVES = QT_TRANSLATE_NOOP("Steps", "Finding other translations into {language}")

#: Every template a digest's steps are made from.
STEP_TEMPLATES = (
    STARTING, MODELS_READY, DONE, SUMMARISING, SUMMARISING_TOGETHER, COMBINING, TRANSLATING_SUMMARY, TRANSLATING_ARTICLE,
    TRANSLATING_INTO_ENGLISH, LOADING_SUMMARY_MODEL, LOADING_TRANSLATION_MODEL, LOADING_INTO_ENGLISH_MODEL,
    BACK_TRANSLATING, FINDING_ALTERNATIVES,
)


#: A step is a :class:`~models.common.wording.Wording` of one sentence: ``Step(SUMMARISING,
#: part=1, parts=3)`` reads "Summarising 1/3" and keeps its template for the window.
Step = Wording
