"""The banner on a first run, without models: it offers the other profile only when that
profile's models are there, names the folders a chosen models folder lacks, and says once
"Models found — press Digest" when a check finds the models that were missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.ui.settings import AppSettings
from models.inventory import catalog


def fake_model(folder: Path) -> None:
    """A folder the inventory takes for an installed model (a config, a tokenizer, weights)."""
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "tokenizer.json").write_text("{}", encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"not really weights")


def window_with_models_folder(make_window, qtbot, folder: Path):
    """A window whose models folder is ``folder``, checked by the real inventory, once its
    banner has had the advice the disk gives."""
    settings = AppSettings()
    settings.models_dir = str(folder)
    window = make_window(check=None, settings=settings)
    banner = window.workspace.banner
    qtbot.waitUntil(lambda: "Download the models" in banner.label.text(), timeout=5000)
    qtbot.waitUntil(lambda: not window.runner.busy("models"), timeout=5000)
    return window, banner


def test_without_any_models_the_banner_does_not_offer_the_other_profile(make_window, qtbot, tmp_path) -> None:
    empty = tmp_path / "models"
    empty.mkdir()
    window, banner = window_with_models_folder(make_window, qtbot, empty)
    text = banner.label.text()
    assert banner.kind == "warning" and "3 models are missing" in text
    assert "profile" not in text  # neither profile's models are there: switching would not help
    assert "Download the models, or choose the folder that holds them." in text
    # The folder chosen lacks the folders the models go in, named after their tasks.
    assert "It has no folder for 3 of the models: \u2068summarize\u2069, \u2068translate-ru\u2069 and \u2068translate-ar\u2069." in text
    assert f"Models folder: {empty}." in text


def test_the_other_profile_is_offered_when_its_models_are_installed(make_window, qtbot, tmp_path) -> None:
    folder = tmp_path / "models"
    fast = catalog.specs_for("fast")
    for task in ("summarize", "translate-ru", "translate-ar"):
        fake_model(folder / fast[task].folder_name)  # laid out by repository name: "distilbart-cnn-6-6"…
    assert catalog.DEFAULT_PROFILE == "quality"
    window, banner = window_with_models_folder(make_window, qtbot, folder)
    text = banner.label.text()
    assert "switch to the Fast profile: its models are installed." in text
    assert "summarize" in text  # the quality models' folders are still named

    # On the Fast profile nothing is missing; nor is anything offered.
    with qtbot.waitSignal(window.model_check_finished, timeout=5000):
        window.set_profile("fast")
    assert not banner.isVisible() or "Models found" not in banner.label.text()


def test_a_folder_of_task_folders_is_not_told_what_it_lacks(make_window, qtbot, tmp_path) -> None:
    folder = tmp_path / "models"
    fake_model(folder / "summarize")
    window, banner = window_with_models_folder(make_window, qtbot, folder)
    text = banner.label.text()
    assert "2 models are missing" in text
    assert "It has no folder for 2 of the models: \u2068translate-ru\u2069 and \u2068translate-ar\u2069." in text
    assert "\u2068summarize\u2069" not in text


def test_models_found_after_a_check_is_said_once_then_cleared(make_window, fakes, qtbot) -> None:
    there = {"models": False}

    def check(profile, models_dir, options, article_language):
        if there["models"] or "ar" not in options.languages:
            return []
        return ["Arabic translation model: Helsinki-NLP/opus-mt-tc-big-en-ar is not installed"]

    window = make_window(check=check)
    banner = window.workspace.banner
    assert window.open_file(str(fakes.seed_article))
    qtbot.waitUntil(lambda: window.article is not None, timeout=10_000)
    assert banner.kind == "warning"

    # The models arrive (a download, a folder chosen): Check again finds them.
    there["models"] = True
    with qtbot.waitSignal(window.model_check_finished, timeout=3000):
        qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    assert banner.isVisible() and banner.kind == "success"
    assert "Models found — press Digest" in banner.label.text()
    assert not banner.manage_button.isVisible() and not banner.retry_button.isVisible()
    assert window.workspace.option_bar.digest_button.isEnabled()
    # Said once: the next check says nothing.
    with qtbot.waitSignal(window.model_check_finished, timeout=3000):
        window.engine_link.refresh()
    assert not banner.isVisible()

    # Missing, then found again: pressing Digest clears it.
    there["models"] = False
    with qtbot.waitSignal(window.model_check_finished, timeout=3000):
        window.engine_link.refresh()
    assert banner.kind == "warning"
    there["models"] = True
    with qtbot.waitSignal(window.model_check_finished, timeout=3000):
        window.engine_link.refresh()
    assert banner.kind == "success"
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        window.start_digest()
    assert not banner.isVisible()

    # A model no longer needed (its language unticked) was not "found": the warning just goes.
    there["models"] = False
    with qtbot.waitSignal(window.model_check_finished, timeout=3000):
        window.engine_link.refresh()
    assert banner.kind == "warning"
    with qtbot.waitSignal(window.model_check_finished, timeout=3000):
        window.workspace.option_bar.language_boxes["ar"].setChecked(False)
    assert not banner.isVisible()
