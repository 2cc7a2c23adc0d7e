"""What the window's message banner says about missing models and failed digests.

The engine's messages end with the places it searched; the banner lists them without, and
keeps the full text for its tooltip and details. Those the inventory wrote as Wordings are said
in the interface's language (the "Models" translations); the places stay as they are.
"""

from __future__ import annotations

from typing import Sequence

from desktop.ui.language import Models, TranslationContext, say
from desktop.ui.panes import MessageBanner
from models.common.types import ModelUnavailable
from models.common.wording import Wording
from models.inventory.installed import LOOKED_IN

Notices = TranslationContext("Notices")


def short_problem(problem: str) -> str:
    """An engine message without its list of searched places (that goes to the tooltip), in
    the interface's language."""
    if isinstance(problem, Wording):
        return say(Wording.from_sentences(sentence for sentence in problem.sentences if sentence[0] != LOOKED_IN), Models)
    return problem.split(" (looked in ", 1)[0]


def said_problem(problem: str) -> str:
    """An engine message whole, in the interface's language (the places searched as they are)."""
    return say(problem, Models)


def show_missing_models(banner: MessageBanner, problems: Sequence[str], models_dir: str | None) -> None:
    """Warn that Digest cannot run: which models are missing, and where they were looked for."""
    problems = list(problems)

    def render() -> None:
        folder = models_dir or Notices.tr("none chosen (the default locations are searched)")
        banner.show_message(
            "warning",
            Notices.tr("%n models are missing, so Digest cannot run yet.", "", len(problems)),
            [short_problem(problem) for problem in problems],
            footer=Notices.tr(
                "Models folder: {folder}. Choose the folder that holds the models, or switch to the other model profile.",
            ).format(folder=folder),
            offer_models_folder=True,
            details="\n".join(said_problem(problem) for problem in problems),
        )

    banner.show_composed(render)


def show_digest_failure(banner: MessageBanner, error: Exception) -> None:
    """Say why a digest failed: a model that could not be loaded, or another error."""
    message = " ".join(str(error).split()) or error.__class__.__name__
    if isinstance(error, ModelUnavailable):
        # The inventory's reason (a Wording) crosses from the engine's process as it was written.
        problem = error.args[0] if error.args and isinstance(error.args[0], Wording) else message
        banner.show_composed(lambda: banner.show_message(
            "warning", Notices.tr("A model could not be loaded."), [short_problem(problem)],
            footer=Notices.tr("Choose the folder that holds the models, or switch to the other model profile."),
            offer_models_folder=True, details=said_problem(problem),
        ))
    else:
        banner.show_composed(lambda: banner.show_message(
            "error", Notices.tr("The digest failed."), [message], details=message))
