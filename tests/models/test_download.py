"""Downloads from a local server speaking the Hub's protocol: progress, resume, verification,
unreachable and offline hubs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from models import Cancelled, JobState, ModelUnavailable
from models.common.units import format_bytes
from models.inventory import catalog, copies, downloads, installed
from tests.models.fake_hub import FakeHub, go_online

SPEC = catalog.specs_for("fast")["translate-ar"]


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite's offline switch lifted, small download pieces (see ``go_online``)."""
    go_online(monkeypatch)


@pytest.fixture
def hub(online: None, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    with FakeHub({SPEC.repo_id: tiny_models_dir / "translate-ar"}) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


def test_full_download_reports_progress_to_100_and_installs(hub: FakeHub, tiny_models_dir: Path) -> None:
    events: list[tuple[float, str]] = []
    snapshot = downloads.download(SPEC, JobState(lambda fraction, status: events.append((fraction, status)), interval_s=0))
    expected = {item.name for item in (tiny_models_dir / "translate-ar").iterdir()}
    assert {item.name for item in snapshot.iterdir() if not item.name.startswith(".")} == expected
    total = format_bytes(sum(f.stat().st_size for f in (tiny_models_dir / "translate-ar").iterdir()))
    assert events[-1][0] == 1.0 and f"model {total} of {total}" in events[-1][1]
    assert events[-1][1].startswith(f"{SPEC.repo_id}: ")
    # The status is a wording (the Models dialog says it in its language): the numbers are values.
    final = events[-1][1]
    assert final.template == downloads.DOWNLOADING and final.values["total"] == total and final.values["model"] == SPEC.repo_id
    assert all(template in downloads.DOWNLOAD_STATUS_TEMPLATES for _, status in events for template, _ in status.sentences)
    fractions = [fraction for fraction, _ in events]
    assert fractions == sorted(fractions) and len(set(fractions)) > 3
    assert installed.locate(SPEC).origin == "downloaded"
    assert downloads.verify(SPEC) == []
    # Installed: the next look-up needs no network at all.
    requests_before = len(hub.state.requests)
    installed.locate(SPEC)
    assert len(hub.state.requests) == requests_before


def test_connection_dropped_halfway_is_resumed_with_a_range_request(hub: FakeHub, tiny_models_dir: Path) -> None:
    size = (tiny_models_dir / "translate-ar" / "model.safetensors").stat().st_size
    hub.state.drop_once["model.safetensors"] = size // 2
    downloads.download(SPEC)
    gets = hub.gets("model.safetensors")
    assert len(gets) == 2 and gets[0].range is None
    resumed_from = int(gets[1].range.removeprefix("bytes=").rstrip("-"))
    assert 0 < resumed_from <= size // 2
    assert downloads.verify(SPEC) == []


def test_cancelled_download_resumes_on_the_next_try(hub: FakeHub) -> None:
    hub.state.slow["model.safetensors"] = 0.01

    def cancel_halfway(fraction: float, status: str) -> None:
        if ": model.safetensors " in status and fraction > 0.3:
            state.request_interruption()

    state = JobState(cancel_halfway, interval_s=0)
    with pytest.raises(Cancelled):
        downloads.download(SPEC, state)
    with pytest.raises(ModelUnavailable):
        installed.locate(SPEC)  # nothing half-installed is ever used
    hub.state.slow.clear()
    downloads.download(SPEC)
    resumed = hub.gets("model.safetensors")[-1]
    assert resumed.range is not None and resumed.range != "bytes=0-"
    assert downloads.verify(SPEC) == []


def test_corrupted_file_is_detected_and_fetched_again(hub: FakeHub) -> None:
    hub.state.corrupt_once.add("model.safetensors")
    downloads.download(SPEC)
    assert len(hub.gets("model.safetensors")) == 2
    assert downloads.verify(SPEC) == []


def test_verify_finds_a_file_damaged_on_disk(hub: FakeHub) -> None:
    folder = downloads.download(SPEC)
    weights = folder / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[100] ^= 0xFF
    weights.write_bytes(bytes(data))
    assert downloads.verify(SPEC) == ["model.safetensors does not match its SHA-256"]


def test_remove_frees_the_space(hub: FakeHub) -> None:
    downloads.download(SPEC)
    assert installed.remove(SPEC) > 10_000
    with pytest.raises(ModelUnavailable):
        installed.locate(SPEC)


def test_unknown_repository_is_a_clear_error(hub: FakeHub) -> None:
    other = catalog.specs_for("fast")["translate-ru"]
    with pytest.raises(ModelUnavailable, match="could not download Helsinki-NLP/opus-mt-en-ru: not found on the Hub"):
        downloads.download(other)


def test_unreachable_hub_fails_within_seconds(online: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    started = time.monotonic()
    with pytest.raises(ModelUnavailable, match="cannot reach the Hugging Face Hub at http://127.0.0.1:9"):
        downloads.download(SPEC)
    assert time.monotonic() - started < 5


def test_offline_mode_makes_no_request(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeHub({SPEC.repo_id: tiny_models_dir / "translate-ar"}) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        monkeypatch.setenv("HF_HUB_OFFLINE", "1")
        with pytest.raises(ModelUnavailable, match="HF_HUB_OFFLINE is set"):
            downloads.download(SPEC)
        assert server.state.requests == []


def test_remove_also_frees_the_int8_and_ctranslate2_copies(hub: FakeHub, tiny_models_dir: Path, tmp_path: Path) -> None:
    import shutil

    from models.common.paths import user_cache_dir
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    folder = downloads.download(SPEC)
    other = tmp_path / "mine" / "translate-ar"  # the same model in a folder of the user's
    shutil.copytree(tiny_models_dir / "translate-ar", other)
    DigestPipeline(PipelineConfig(profile="fast")).model(SPEC)  # loading makes the app's copy
    DigestPipeline(PipelineConfig(profile="fast", models_dir=str(other.parent))).model(SPEC)
    made, others = copies.derived_copies(folder), copies.derived_copies(other)
    assert made and others and not set(made) & set(others)
    assert all(copy.is_relative_to(user_cache_dir()) for copy in made + others)
    copies_size = sum(installed.disk_usage(copy) for copy in made)
    freed = installed.remove(SPEC)
    assert freed > copies_size > 0
    assert not folder.exists() and not any(copy.exists() for copy in made)
    assert all(copy.exists() for copy in others)  # only what came from the removed download
