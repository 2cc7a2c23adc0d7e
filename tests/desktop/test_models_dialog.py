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
    assert dialog.table.item(0, 5).text().endswith("KB")
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


def test_format_bytes() -> None:
    assert [format_bytes(n) for n in (512, 2_500, 476_000_000, 1_222_000_000)] == ["512 B", "2.5 KB", "476 MB", "1.2 GB"]
