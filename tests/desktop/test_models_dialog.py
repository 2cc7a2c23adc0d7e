"""The Models dialog driven as a user would: Download through a local Hub, Cancel, resume,
Use folder…, Verify, Remove; the disk work off the GUI thread, offline mode, failures said."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui.models_dialog import ModelsDialog
from models.common.job_state import JobState
from models.common.types import ModelUnavailable
from models.common.units import format_bytes
from models.inventory import downloads, installed
from models.inventory.catalog import specs_for
from tests.models.fake_hub import FakeHub, go_online

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


def opened(qtbot, models_dir: str | None = None) -> ModelsDialog:  # noqa: ANN001
    """The dialog, shown, once it has read the models' states."""
    window = ModelsDialog(PROFILE, models_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.checking, timeout=5_000)
    return window


@pytest.fixture
def dialog(qtbot) -> Iterator[ModelsDialog]:  # noqa: ANN001
    window = opened(qtbot)
    yield window
    window.close()


class EventLoopWatch:
    """Counts a 20 ms timer's ticks on the GUI thread: the longest gap between two says how long
    the event loop stood still."""

    def __init__(self) -> None:
        self.ticks: list[float] = [time.monotonic()]
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start()

    def longest_stall(self) -> float:
        self.timer.stop()
        self.ticks.append(time.monotonic())
        return max(later - earlier for earlier, later in zip(self.ticks, self.ticks[1:]))


def slowed(function: Callable, seconds: float, threads: list[threading.Thread]) -> Callable:
    """``function``, taking ``seconds`` longer and noting the thread it ran on."""

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        time.sleep(seconds)
        return function(*args, **kwargs)

    return slow


def states(dialog: ModelsDialog) -> list[str]:
    return [dialog.state_of(spec.repo_id) for spec in specs_for(PROFILE).values()]


def test_lists_each_model_missing_with_what_to_do(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    go_online(monkeypatch)
    dialog = opened(qtbot)
    assert dialog.table.rowCount() == MODEL_COUNT
    assert dialog.table.verticalScrollBar().maximum() == 0  # every model's row shows at once
    assert dialog.table.item(0, 0).text() == "Summary"
    assert "opus-mt-en-ru" in dialog.table.item(1, 1).text()
    assert dialog.table.item(2, 2).text() == "Apache-2.0"
    assert states(dialog) == ["missing"] * MODEL_COUNT
    assert f"{MODEL_COUNT} of {MODEL_COUNT} models are not installed" in dialog.summary_label.text()
    assert dialog.download_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.download_button.toolTip() == ""
    assert "Offline" not in dialog.summary_label.text()
    dialog.close()


def test_the_states_are_read_off_the_gui_thread_and_the_table_says_checking_meanwhile(
    qtbot, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    threads: list[threading.Thread] = []
    monkeypatch.setattr(installed, "status", slowed(installed.status, 0.3, threads))
    begin = time.monotonic()
    dialog = ModelsDialog(PROFILE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert time.monotonic() - begin < 0.25  # opened without reading a single model's state
    # Until the states arrive: the table says so, and nothing that depends on them can be pressed.
    assert [dialog.table.item(row, 4).text() for row in range(MODEL_COUNT)] == ["Checking…"] * MODEL_COUNT
    assert dialog.summary_label.text() == "Checking which models are on this computer…"
    assert dialog.checking and states(dialog) == ["checking"] * MODEL_COUNT
    for button in (dialog.download_button, dialog.verify_button, dialog.remove_button, dialog.folder_button):
        assert not button.isEnabled(), button.objectName()
    watch = EventLoopWatch()
    with qtbot.waitSignal(dialog.refreshed, timeout=5_000):
        pass
    assert watch.longest_stall() < 0.25  # each state took 0.3 s; the GUI thread waited on none
    assert len(threads) == MODEL_COUNT and threading.main_thread() not in threads
    assert states(dialog) == ["missing"] * MODEL_COUNT
    assert [dialog.table.item(row, 4).text() for row in range(MODEL_COUNT)] == ["Missing"] * MODEL_COUNT
    assert f"{MODEL_COUNT} of {MODEL_COUNT} models are not installed" in dialog.summary_label.text()
    assert dialog.folder_button.isEnabled() and not dialog.checking
    dialog.close()


def test_offline_download_is_off_and_says_why(dialog: ModelsDialog) -> None:
    assert installed.hub_offline()  # the suite's own switch (HF_HUB_OFFLINE=1)
    reason = "Offline mode (HF_HUB_OFFLINE) is on, so only folders can be used."
    assert states(dialog) == ["missing"] * MODEL_COUNT
    assert not dialog.download_button.isEnabled()
    assert dialog.download_button.toolTip() == reason
    assert dialog.summary_label.text().endswith(reason)
    dialog.table.selectRow(2)  # any selection keeps it off
    assert not dialog.download_button.isEnabled()
    assert dialog.folder_button.isEnabled()  # what is left to do


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


def test_unreachable_hub_says_so_and_nothing_hangs(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    go_online(monkeypatch)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    dialog = opened(qtbot)
    with qtbot.waitSignal(dialog.downloads_finished, timeout=10_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    said = dialog.progress_label.text()
    assert "cannot reach the Hugging Face Hub" in said
    assert states(dialog) == ["missing"] * MODEL_COUNT
    # "could not download <model>: cannot reach …": the model is named once, not prefixed again.
    named = [spec.repo_id for spec in specs_for(PROFILE).values() if spec.repo_id in said]
    assert len(named) == 1 and said.count(named[0]) == 1, said
    dialog.close()


_LONG_REASON = (
    "cannot reach the Hugging Face Hub at https://huggingface.co (ConnectError: [Errno 101] Network is unreachable); "
    "check the network, or download the model on another machine and choose its folder"
)


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        # The reason names the model itself (by its id or its name): said as it is.
        (lambda spec: f"could not download {spec.repo_id}: {_LONG_REASON}", None),
        (lambda spec: f"{spec.repo_id}: model.safetensors does not match its SHA-256 after downloading it twice", None),
        (lambda spec: f"{spec.name} has no weights the app can load", None),
        # It names no model: the dialog does.
        (lambda spec: "no space left on the disk", lambda spec: f"{spec.repo_id}: no space left on the disk"),
    ],
    ids=["could-not-download-it", "its-id-first", "its-name", "no-model"],
)
def test_a_failed_download_names_its_model_once_and_the_whole_reason_shows(
    qtbot, monkeypatch: pytest.MonkeyPatch, reason: Callable, said: Callable | None  # noqa: ANN001
) -> None:
    go_online(monkeypatch)

    def fail(spec, state: JobState | None = None):  # noqa: ANN001, ANN202
        raise ModelUnavailable(reason(spec))

    monkeypatch.setattr(downloads, "download", fail)
    dialog = opened(qtbot)
    with qtbot.waitSignal(dialog.downloads_finished, timeout=10_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    last = list(specs_for(PROFILE).values())[-1]  # the last to fail is the one said
    text = dialog.progress_label.text()
    assert text == (said or reason)(last)
    assert text.count(last.repo_id) + text.count(last.name) == 1, text
    # Wrapped, every line of it inside the dialog at the size it opened with.
    qtbot.wait(50)  # the layout settles
    label = dialog.progress_label
    assert label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.rect().contains(label.geometry())
    dialog.close()


def test_a_long_error_while_other_models_download_squeezes_nothing(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    go_online(monkeypatch)
    specs = list(specs_for(PROFILE).values())
    reason = f"could not download {specs[0].repo_id}: the Hub's listing of it is unusable ({_LONG_REASON}; {_LONG_REASON})"

    def download(spec, state: JobState | None = None):  # noqa: ANN001, ANN202
        if spec is specs[0]:
            raise ModelUnavailable(reason)
        while not state.is_interruption_requested():  # the next one runs until Cancel
            time.sleep(0.01)
        state.raise_if_interrupted()

    monkeypatch.setattr(downloads, "download", download)
    dialog = opened(qtbot)
    opened_height = dialog.height()
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    label = dialog.progress_label
    qtbot.waitUntil(lambda: label.text() == reason, timeout=5_000)
    qtbot.wait(100)  # the layout settles
    assert dialog.progress_bar.isVisible() and label.heightForWidth(label.width()) > 2 * label.fontMetrics().lineSpacing()
    # The dialog grew to the three lines: every row still shows, nothing lies over anything.
    assert dialog.height() > opened_height
    assert dialog.table.height() >= dialog.table.minimumHeight() and dialog.table.verticalScrollBar().maximum() == 0
    assert label.height() >= label.heightForWidth(label.width())
    stacked = [dialog.table, dialog.summary_label, dialog.article_models_box, dialog.progress_bar, label, dialog.download_button]
    for upper, lower in zip(stacked, stacked[1:]):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.objectName(), lower.objectName())
    assert dialog.rect().contains(dialog.download_button.geometry())
    with qtbot.waitSignal(dialog.downloads_finished, timeout=5_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    dialog.close()


def test_verify_hashes_off_the_gui_thread_and_says_so_meanwhile(
    qtbot, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    threads: list[threading.Thread] = []
    monkeypatch.setattr(downloads, "verify", slowed(downloads.verify, 0.5, threads))
    dialog = opened(qtbot, str(tiny_models_dir))
    assert states(dialog) == ["installed"] * MODEL_COUNT
    dialog.table.selectRow(1)
    model = specs_for(PROFILE)["translate-ru"].repo_id
    watch = EventLoopWatch()
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.progress_label.text() == f"Verifying {model}…"
    assert dialog.progress_bar.isVisible() and dialog.checking
    for button in (dialog.verify_button, dialog.remove_button, dialog.folder_button):
        assert not button.isEnabled(), button.objectName()
    assert dialog.cancel_button.isEnabled()  # a long Verify can be stopped
    qtbot.waitUntil(lambda: "is whole" in dialog.progress_label.text(), timeout=5_000)
    assert watch.longest_stall() < 0.25  # the hashing took 0.5 s on another thread
    assert dialog.progress_label.text() == f"{model} is whole: every file matches."
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert not dialog.progress_bar.isVisible() and not dialog.cancel_button.isEnabled()
    assert dialog.verify_button.isEnabled() and dialog.remove_button.isEnabled()
    dialog.close()


def test_cancel_stops_a_verify(qtbot, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    began, stopped = threading.Event(), threading.Event()

    def endless(spec, models_dir=None, state: JobState | None = None):  # noqa: ANN001, ANN202
        began.set()
        while not state.is_interruption_requested():
            time.sleep(0.01)
        stopped.set()
        state.raise_if_interrupted()

    monkeypatch.setattr(downloads, "verify", endless)
    dialog = opened(qtbot, str(tiny_models_dir))
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    model = specs_for(PROFILE)["summarize"].repo_id
    assert dialog.progress_label.text() == f"Verifying {model}…"
    assert began.wait(2)  # hashing, on the models lane
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.progress_label.text() == f"Cancelled the verification of {model}."
    assert dialog.verify_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert stopped.wait(2)
    dialog.close()


def test_a_damaged_model_is_said_after_the_verify(qtbot, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(downloads, "verify", lambda spec, models_dir=None, state=None: ["model.safetensors does not match its SHA-256"])
    dialog = opened(qtbot, str(tiny_models_dir))
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    model = specs_for(PROFILE)["summarize"].repo_id
    assert warnings == [f"{model}:\nmodel.safetensors does not match its SHA-256"]
    assert dialog.progress_label.text() == f"{model}: model.safetensors does not match its SHA-256"
    dialog.close()


def test_remove_deletes_off_the_gui_thread(qtbot, hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    spec = specs_for(PROFILE)["translate-ar"]
    folder = downloads.download(spec)
    threads: list[threading.Thread] = []
    monkeypatch.setattr(installed, "remove", slowed(installed.remove, 0.5, threads))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    dialog = opened(qtbot)
    row = list(specs_for(PROFILE).values()).index(spec)
    assert states(dialog)[row] == "installed"
    dialog.table.selectRow(row)
    watch = EventLoopWatch()
    with qtbot.waitSignal(dialog.models_changed, timeout=5_000):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert dialog.progress_label.text() == f"Removing {spec.repo_id}…"
        assert not dialog.remove_button.isEnabled() and not dialog.download_button.isEnabled()
    assert watch.longest_stall() < 0.25  # the deletion took 0.5 s on another thread
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert not folder.exists()
    assert states(dialog)[row] == "missing"
    assert re.fullmatch(rf"Removed {re.escape(spec.repo_id)}: [\d.]+ KB freed\.", visible(dialog.progress_label.text()))
    assert dialog.download_button.isEnabled()
    dialog.close()


def test_use_folder_checks_it_and_remove_forgets_it(
    qtbot, dialog: ModelsDialog, tiny_models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tmp_path))
    threads: list[threading.Thread] = []
    monkeypatch.setattr(installed, "choose_folder", slowed(installed.choose_folder, 0.5, threads))
    dialog.table.selectRow(1)
    watch = EventLoopWatch()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert visible(dialog.progress_label.text()) == f"Checking {tmp_path}…"
    assert not dialog.folder_button.isEnabled() and not dialog.remove_button.isEnabled()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    assert watch.longest_stall() < 0.25  # the check took 0.5 s on another thread
    assert "not a usable model folder" in warnings[0]
    assert states(dialog)[1] == "missing"
    assert dialog.folder_button.isEnabled() and dialog.progress_label.text() == ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tiny_models_dir / "translate-ru"))
    with qtbot.waitSignal(dialog.models_changed, timeout=5_000):
        qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert states(dialog)[1] == "installed"
    assert threads and threading.main_thread() not in threads
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is whole" in dialog.progress_label.text(), timeout=5_000)
    with qtbot.waitSignal(dialog.models_changed, timeout=5_000):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert states(dialog)[1] == "missing"
    assert dialog.progress_label.text().startswith(f"{specs_for(PROFILE)['translate-ru'].repo_id} no longer uses ")
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
        dialog = opened(qtbot)
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
