"""The steps a digest reports ("Summarising 1/3"), in English, and what a window needs to say
them in its user's language.

A step is a :class:`~models.common.wording.Wording`: its English text, which also keeps its
template and values for the window to say in its own language. Every template is listed in
:data:`STEP_TEMPLATES`, the one place the window's translations are checked against.
"""

from __future__ import annotations

from models.common.wording import Wording

STARTING = "Starting"
MODELS_READY = "Models ready"
DONE = "Done"
SUMMARISING = "Summarising {part}/{parts}"
COMBINING = "Combining summaries"
TRANSLATING_SUMMARY = "Translating summary to {language}"
TRANSLATING_ARTICLE = "Translating article to {language}"
TRANSLATING_INTO_ENGLISH = "Translating article from {language} to English"
LOADING_SUMMARY_MODEL = "Loading the summary model"
LOADING_TRANSLATION_MODEL = "Loading the {language} translation model"
LOADING_INTO_ENGLISH_MODEL = "Loading the {language}-to-English model"

#: Every template a digest's steps are made from.
STEP_TEMPLATES = (
    STARTING, MODELS_READY, DONE, SUMMARISING, COMBINING, TRANSLATING_SUMMARY, TRANSLATING_ARTICLE,
    TRANSLATING_INTO_ENGLISH, LOADING_SUMMARY_MODEL, LOADING_TRANSLATION_MODEL, LOADING_INTO_ENGLISH_MODEL,
)


#: A step is a :class:`~models.common.wording.Wording` of one sentence: ``Step(SUMMARISING,
#: part=1, parts=3)`` reads "Summarising 1/3" and keeps its template for the window.
Step = Wording
