"""The steps a digest reports ("Summarising 1/3"), in English, and what a window needs to say
them in its user's language.

A :class:`Step` is the step's English text (it is a ``str``: the CLI prints it, tests compare
it) that also keeps its template and values. The window looks the template up in its
translations and fills in the values itself (a language code becomes the language's name in
the interface's language). Every template is listed in :data:`STEP_TEMPLATES`, the one place
the window's translations are checked against.
"""

from __future__ import annotations

from typing import Any, Mapping

from models.common.types import ARTICLE_LANGUAGES

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


class Step(str):
    """A step's English text, with its ``template`` and ``values`` (``language`` is a language
    code, shown in English as its name; other values as they are)."""

    template: str
    values: Mapping[str, Any]

    def __new__(cls, template: str, **values: Any) -> Step:
        english = {key: ARTICLE_LANGUAGES.get(value, value) if key == "language" else value for key, value in values.items()}
        step = super().__new__(cls, template.format(**english))
        step.template, step.values = template, dict(values)
        return step

    def __reduce__(self) -> tuple[Any, ...]:
        # Steps cross the engine's process boundary: rebuilt from their template and values.
        return (_rebuild, (self.template, dict(self.values)))


def _rebuild(template: str, values: dict[str, Any]) -> Step:
    return Step(template, **values)
