"""The Models dialog driven as a user would: Download through a local Hub, Cancel, resume,
Use folder…, Remove."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui.models_dialog import ModelsDialog
from models.common.units import format_bytes
from models.inventory import downloads
from models.inventory.catalog import specs_for
from tests.models.fake_hub import FakeHub

PROFILE = "fast"
#: Every model of the profile: the summariser and the translators, into and out of English.
MODEL_COUNT = len(specs_for(PROFILE))


def visible(text: str) -> str:
    """``text`` as a reader sees it: without the invisible marks that keep a size in its order
    inside a right-to-left sentence."""
    return text.replace("\u2068", "").replace("\u2069", "")


@pytest.fixture
def hub(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(downloads, "_CHUNK_BYTES", 16 * 1024)
    repos = {spec.repo_id: tiny_models_dir / spec.task for spec in specs_for(PROFILE).values()}
    with FakeHub(repos) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


@pytest.fixture
def dialog(qtbot) -> Iterator[ModelsDialog]:  # noqa: ANN001
    window = ModelsDialog(PROFILE)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def states(dialog: ModelsDialog) -> list[str]:
    return [dialog.state_of(spec.repo_id) for spec in specs_for(PROFILE).values()]


def test_lists_each_model_missing_with_what_to_do(dialog: ModelsDialog) -> None:
    assert dialog.table.rowCount() == MODEL_COUNT
    assert dialog.table.verticalScrollBar().maximum() == 0  # every model's row shows at once
    assert dialog.table.item(0, 0).text() == "Summary"
    assert "opus-mt-en-ru" in dialog.table.item(1, 1).text()
    assert dialog.table.item(2, 2).text() == "Apache-2.0"
    assert states(dialog) == ["missing"] * MODEL_COUNT
    assert f"{MODEL_COUNT} of {MODEL_COUNT} models are not installed" in dialog.summary_label.text()
    assert dialog.download_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_download_shows_progress_and_installs_everything(qtbot, hub: FakeHub, dialog: ModelsDialog) -> None:  # noqa: ANN001
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.downloads_finished, timeout=30_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert states(dialog) == ["installed"] * MODEL_COUNT
    assert values and max(values) == 1000
    assert "works offline" in dialog.summary_label.text()
    assert dialog.progress_label.text() == "All models downloaded and verified."
    assert visible(dialog.table.item(0, 5).text()).endswith("KB")
    assert not dialog.download_button.isEnabled()


def test_cancel_stops_the_download_and_the_next_one_resumes(qtbot, hub: FakeHub, dialog: ModelsDialog) -> None:  # noqa: ANN001
    hub.state.slow["model.safetensors"] = 0.02
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    # Cancel once part of the weights has arrived (not merely once their transfer started).
    qtbot.waitUntil(lambda: None is not re.search(r"model\.safetensors [1-9][\d.]* KB of", dialog.progress_label.text()), timeout=20_000)
    with qtbot.waitSignal(dialog.downloads_finished, timeout=5_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert states(dialog)[0] == "partial"
    # The message names the model whose download was stopped, not the ones still queued.
    first = specs_for(PROFILE)["summarize"].repo_id
    assert dialog.progress_label.text() == f"{first}: Cancelled; the download resumes next time"
    assert dialog.download_button.isEnabled()

    hub.state.slow.clear()
    with qtbot.waitSignal(dialog.downloads_finished, timeout=30_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert states(dialog) == ["installed"] * MODEL_COUNT
    assert any(request.range for request in hub.gets("model.safetensors"))


def test_unreachable_hub_says_so_and_nothing_hangs(qtbot, dialog: ModelsDialog, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    with qtbot.waitSignal(dialog.downloads_finished, timeout=10_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert "cannot reach the Hugging Face Hub" in dialog.progress_label.text()
    assert states(dialog) == ["missing"] * MODEL_COUNT


def test_use_folder_checks_it_and_remove_forgets_it(
    qtbot, dialog: ModelsDialog, tiny_models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tmp_path))
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert warnings and "not a usable model folder" in warnings[0]
    assert states(dialog)[1] == "missing"

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tiny_models_dir / "translate-ru"))
    with qtbot.waitSignal(dialog.models_changed):
        qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert states(dialog)[1] == "installed"
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert "is whole" in dialog.progress_label.text()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert states(dialog)[1] == "missing"
    assert (tiny_models_dir / "translate-ru" / "config.json").is_file()  # the user's folder is kept


def test_the_into_english_models_are_marked_and_an_unticked_box_leaves_them_out_of_download(
    qtbot, hub: FakeHub, dialog: ModelsDialog  # noqa: ANN001
) -> None:
    specs = list(specs_for(PROFILE).values())
    into_english = [spec for spec in specs if spec.task.startswith("translate-from-")]
    assert [spec.task for spec in into_english] == ["translate-from-ru", "translate-from-ar"]
    rows = {spec.task: row for row, spec in enumerate(specs)}
    assert dialog.table.item(rows["translate-from-ru"], 0).text() == "Russian to English\nonly for articles in Russian"
    assert dialog.table.item(rows["translate-from-ar"], 0).toolTip().startswith("Needed only for articles in Arabic:")
    assert all("only for" not in dialog.table.item(rows[task], 0).text() for task in ("summarize", "translate-ru", "translate-ar"))

    box = dialog.article_models_box
    size = format_bytes(sum(spec.size_mb for spec in into_english) * 1e6)
    assert box.isVisible() and box.isChecked()  # by default Download gets everything
    assert visible(box.text()) == f"Also download the models for articles in Russian and Arabic (about {size})"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
    with qtbot.waitSignal(dialog.downloads_finished, timeout=30_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert states(dialog) == ["installed", "installed", "installed", "missing", "missing"]
    asked = {request.path for request in hub.state.requests}
    for spec in specs:  # the Hub was never asked about the models left out
        assert any(f"/{spec.repo_id}/" in path for path in asked) == (spec not in into_english), spec.repo_id
    assert dialog.progress_label.text() == (
        "Downloaded and verified. The models for articles in Russian and Arabic were left out: tick the box to download them too."
    )
    assert not dialog.download_button.isEnabled()  # nothing left to get with the box unticked

    again = ModelsDialog(PROFILE)  # the choice is remembered
    qtbot.addWidget(again)
    assert not again.article_models_box.isChecked()
    again.close()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and dialog.download_button.isEnabled()
    with qtbot.waitSignal(dialog.downloads_finished, timeout=30_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert states(dialog) == ["installed"] * MODEL_COUNT
    assert not box.isVisible()  # nothing of the kind is missing any more


def test_the_download_progress_is_said_in_the_interface_language(qtbot, qapp, hub: FakeHub) -> None:  # noqa: ANN001
    from desktop.ui.language import install_translators

    install_translators(qapp, "ru")
    try:
        dialog = ModelsDialog(PROFILE)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.table.item(3, 0).text() == "Русский → английский\nтолько для статей на русском языке"
        # Several languages are named through the generic phrase (the table words one language at a time).
        assert dialog.article_models_box.text().startswith("Также загрузить модели для статей на языках: русский и арабский (около ")
        hub.state.slow["model.safetensors"] = 0.02
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
        pattern = r"model\.safetensors — [1-9][\d.]* KB из [\d.]+ KB; модель — [\d.]+ KB из [\d.]+ KB"
        qtbot.waitUntil(lambda: re.search(pattern, dialog.progress_label.text()) is not None, timeout=20_000)
        assert " of " not in dialog.progress_label.text()
        with qtbot.waitSignal(dialog.downloads_finished, timeout=5_000):
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        dialog.close()
    finally:
        install_translators(qapp, "en")


def test_format_bytes() -> None:
    assert [format_bytes(n) for n in (512, 2_500, 476_000_000, 1_222_000_000)] == ["512 B", "2.5 KB", "476 MB", "1.2 GB"]
