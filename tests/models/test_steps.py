"""Progress steps: English text for the CLI and tests, template and values for the window."""

from __future__ import annotations

import pickle

from models.common import steps
from models.common.steps import Step
from models.inventory.catalog import loading_step


def test_a_step_reads_as_english_and_keeps_its_template_across_a_pickle() -> None:
    step = Step(steps.TRANSLATING_ARTICLE, language="ar")
    assert step == "Translating article to Arabic" and isinstance(step, str)
    copy = pickle.loads(pickle.dumps(step))  # as it crosses the engine's pipe
    assert copy == step and copy.template == steps.TRANSLATING_ARTICLE and copy.values == {"language": "ar"}
    assert Step(steps.SUMMARISING, part=2, parts=3) == "Summarising 2/3"


def test_loading_steps_name_the_model_in_plain_words() -> None:
    assert loading_step("summarize") == "Loading the summary model"
    assert loading_step("translate-ru") == "Loading the Russian translation model"
    assert loading_step("translate-from-ar") == "Loading the Arabic-to-English model"
    assert loading_step("translate-from-ar").values == {"language": "ar"}
