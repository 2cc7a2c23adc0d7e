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


def test_a_wording_names_languages_by_code_and_keeps_a_wording_inside_it_through_json() -> None:
    import json

    from models.common.wording import Wording

    supported = Wording("Only {languages} ({other_languages} first), not {language_name}.", languages=["en", "ru", "ar"],
                        other_languages=("ar",), language_name="French")
    assert supported == "Only English, Russian and Arabic (Arabic first), not French."
    part = Wording("“{part}” (in “{name}”)", part="Putin", name="Vladimir Putin")
    outer = Wording("It names {names}.", names=[part, "“Assad”"])
    assert outer == "It names “Putin” (in “Vladimir Putin”) and “Assad”."
    back = Wording.from_json(json.loads(json.dumps(outer.to_json())))
    assert back == outer and back.values["names"][0].sentences == part.sentences and back.values["names"][1] == "“Assad”"
    # A nested value that is not a saved wording makes the whole one unreadable (the caller keeps the English).
    assert Wording.from_json([{"template": "It names {names}.", "values": {"names": [{"wording": 3}]}}]) is None
