"""What the window's message banner says about missing models and failed digests.

The engine's messages end with the places it searched; the banner lists them without, and
keeps the full text for its tooltip and details.
"""

from __future__ import annotations

from typing import Sequence

from desktop.ui.panes import MessageBanner
from models.common.types import ModelUnavailable

_SWITCH_HINT = "or switch to the other model profile."


def short_problem(problem: str) -> str:
    """An engine message without its list of searched places (that goes to the tooltip)."""
    return problem.split(" (looked in ", 1)[0]


def show_missing_models(banner: MessageBanner, problems: Sequence[str], models_dir: str | None) -> None:
    """Warn that Digest cannot run: which models are missing, and where they were looked for."""
    count = len(problems)
    folder = models_dir or "none chosen (the default locations are searched)"
    banner.show_message(
        "warning",
        f"{count} model{'s are' if count > 1 else ' is'} missing, so Digest cannot run yet.",
        [short_problem(problem) for problem in problems],
        footer=f"Models folder: {folder}. Choose the folder that holds the models, {_SWITCH_HINT}",
        offer_models_folder=True,
        details="\n".join(problems),
    )


def show_digest_failure(banner: MessageBanner, error: Exception) -> None:
    """Say why a digest failed: a model that could not be loaded, or another error."""
    message = " ".join(str(error).split()) or error.__class__.__name__
    if isinstance(error, ModelUnavailable):
        banner.show_message(
            "warning", "A model could not be loaded.", [short_problem(message)],
            footer=f"Choose the folder that holds the models, {_SWITCH_HINT}",
            offer_models_folder=True, details=message,
        )
    else:
        banner.show_message("error", "The digest failed.", [message], details=message)
