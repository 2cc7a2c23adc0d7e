"""What the window's message banner says about missing models and failed digests.

The engine's messages end with the places it searched; the banner lists them without, and
keeps the full text for its tooltip and details. Those the inventory wrote as Wordings are said
in the interface's language (the "Models" translations); the places stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from desktop.ui.language import Models, TranslationContext, isolate, listed, say
from desktop.ui.option_bar import profile_label
from desktop.ui.panes import MessageBanner
from models.common.types import DigestOptions, ModelUnavailable
from models.common.wording import Wording

Notices = TranslationContext("Notices")


def short_problem(problem: str) -> str:
    """An engine message without its list of searched places (that goes to the tooltip), in
    the interface's language."""
    if isinstance(problem, Wording):
        # Imported here: the model inventory (and its imports) is not needed to show the window.
        from models.inventory.installed import LOOKED_IN

        return say(Wording.from_sentences(sentence for sentence in problem.sentences if sentence[0] != LOOKED_IN), Models)
    return problem.split(" (looked in ", 1)[0]


def said_problem(problem: str) -> str:
    """An engine message whole, in the interface's language (the places searched as they are)."""
    return say(problem, Models)


@dataclass(frozen=True)
class ModelsAdvice:
    """What the banner can add to the missing models, learnt from the disk (see :func:`models_advice`).

    ``other_profile``: a profile whose models the digest needs are all installed (None: none is,
    and switching profile would not help). ``missing_folders``: the folders the chosen models
    folder lacks for the models that are missing, named after their tasks ("summarize",
    "translate-ru"…), as the README's "Where models are found" lays a models folder out.
    """

    other_profile: str | None = None
    missing_folders: tuple[str, ...] = ()


def models_advice(profile: str, models_dir: str | None, options: DigestOptions, article_language: str | None) -> ModelsAdvice:
    """:class:`ModelsAdvice` for a digest with ``options`` (of an article in ``article_language``)
    on ``profile``'s models and the models folder ``models_dir``. Reads the disk: run it off
    the GUI thread."""
    from pathlib import Path

    from desktop.ui.engine_link import missing_models
    from models.inventory import catalog, installed

    others = [name for name in catalog.PROFILES if name != profile and not missing_models(name, models_dir, options, article_language)]
    folders: list[str] = []
    if models_dir:
        root, specs = Path(models_dir).expanduser(), catalog.specs_for(profile)
        for task in catalog.tasks_for(options.languages, article_language):
            spec = specs[task]
            # A folder that is there but unusable has a problem line of its own.
            there = any((root / name).is_dir() for name in (task, spec.folder_name, spec.repo_id.replace("/", "--")))
            if not there and installed.missing([spec], models_dir):
                folders.append(task)
    return ModelsAdvice(others[0] if others else None, tuple(folders))


def show_missing_models(
    banner: MessageBanner, problems: Sequence[str], models_dir: str | None, advice: ModelsAdvice | None = None
) -> None:
    """Warn that Digest cannot run: which models are missing, and where they were looked for;
    with ``advice``, the folders a chosen models folder lacks and, only when its models are
    installed, the other profile (the advice is not known yet: neither is said)."""
    problems = list(problems)
    advice = advice or ModelsAdvice()

    def render() -> None:
        folder = models_dir or Notices.tr("none chosen (the default locations are searched)")
        footer = [Notices.tr("Models folder: {folder}.").format(folder=folder)]
        if advice.missing_folders:
            footer.append(Notices.tr(
                "It has no folder for %n of the models: {folders}. Each model goes in a folder named after its task "
                "(or after its repository).", "", len(advice.missing_folders),
            ).format(folders=listed([isolate(name) for name in advice.missing_folders])))
        if advice.other_profile:
            footer.append(Notices.tr(
                "Download the models or choose the folder that holds them, or switch to the {profile} profile: "
                "its models are installed.").format(profile=profile_label(advice.other_profile)))
        else:
            footer.append(Notices.tr("Download the models, or choose the folder that holds them."))
        banner.show_message(
            "warning",
            Notices.tr("%n models are missing, so Digest cannot run yet.", "", len(problems)),
            [short_problem(problem) for problem in problems],
            footer="\n".join(footer),
            offer_models_folder=True,
            details="\n".join(said_problem(problem) for problem in problems),
        )

    banner.show_composed(render)


def show_models_found(banner: MessageBanner) -> None:
    """Say that the models missing before are there now (after a download, a folder chosen,
    Check again)."""
    banner.show_composed(lambda: banner.show_message("success", Notices.tr("Models found — press Digest")))


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
