"""Downloads from a local server speaking the Hub's protocol: progress, resume, verification,
unreachable and offline hubs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from models import Cancelled, CancelToken, ModelUnavailable, catalog, store
from models.store import DownloadProgress
from tests.models.fake_hub import FakeHub

SPEC = catalog.specs_for("fast")["translate-ar"]


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lift the suite's offline switch (huggingface_hub reads it once, at import)."""
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    # Blocks of 256 KB are written as they arrive; the tiny models are a few hundred KB, so
    # smaller blocks let a broken transfer keep its first part.
    monkeypatch.setattr(store, "_CHUNK_BYTES", 16 * 1024)


@pytest.fixture
def hub(online: None, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    with FakeHub({SPEC.repo_id: tiny_models_dir / "translate-ar"}) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


def test_full_download_reports_progress_to_100_and_installs(hub: FakeHub, tiny_models_dir: Path) -> None:
    events: list[DownloadProgress] = []
    snapshot = store.download(SPEC, progress=events.append)
    expected = {item.name for item in (tiny_models_dir / "translate-ar").iterdir()}
    assert {item.name for item in snapshot.iterdir() if not item.name.startswith(".")} == expected
    assert events[-1].done == events[-1].total == sum(f.stat().st_size for f in (tiny_models_dir / "translate-ar").iterdir())
    assert [event.done for event in events] == sorted(event.done for event in events)
    assert store.locate(SPEC).origin == "downloaded"
    assert store.verify(SPEC) == []
    # Installed: the next look-up needs no network at all.
    requests_before = len(hub.state.requests)
    store.locate(SPEC)
    assert len(hub.state.requests) == requests_before


def test_connection_dropped_halfway_is_resumed_with_a_range_request(hub: FakeHub, tiny_models_dir: Path) -> None:
    size = (tiny_models_dir / "translate-ar" / "model.safetensors").stat().st_size
    hub.state.drop_once["model.safetensors"] = size // 2
    store.download(SPEC)
    gets = hub.gets("model.safetensors")
    assert len(gets) == 2 and gets[0].range is None
    resumed_from = int(gets[1].range.removeprefix("bytes=").rstrip("-"))
    assert 0 < resumed_from <= size // 2
    assert store.verify(SPEC) == []


def test_cancelled_download_resumes_on_the_next_try(hub: FakeHub) -> None:
    hub.state.slow["model.safetensors"] = 0.01
    cancel = CancelToken()

    def cancel_halfway(event: DownloadProgress) -> None:
        if event.filename == "model.safetensors" and event.file_done > event.file_total // 3:
            cancel.cancel()

    with pytest.raises(Cancelled):
        store.download(SPEC, progress=cancel_halfway, cancel=cancel)
    with pytest.raises(ModelUnavailable):
        store.locate(SPEC)  # nothing half-installed is ever used
    hub.state.slow.clear()
    store.download(SPEC)
    resumed = hub.gets("model.safetensors")[-1]
    assert resumed.range is not None and resumed.range != "bytes=0-"
    assert store.verify(SPEC) == []


def test_corrupted_file_is_detected_and_fetched_again(hub: FakeHub) -> None:
    hub.state.corrupt_once.add("model.safetensors")
    store.download(SPEC)
    assert len(hub.gets("model.safetensors")) == 2
    assert store.verify(SPEC) == []


def test_verify_finds_a_file_damaged_on_disk(hub: FakeHub) -> None:
    folder = store.download(SPEC)
    weights = folder / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[100] ^= 0xFF
    weights.write_bytes(bytes(data))
    assert store.verify(SPEC) == ["model.safetensors does not match its SHA-256"]


def test_remove_frees_the_space(hub: FakeHub) -> None:
    store.download(SPEC)
    assert store.remove(SPEC) > 10_000
    with pytest.raises(ModelUnavailable):
        store.locate(SPEC)


def test_unknown_repository_is_a_clear_error(hub: FakeHub) -> None:
    other = catalog.specs_for("fast")["translate-ru"]
    with pytest.raises(ModelUnavailable, match="could not download Helsinki-NLP/opus-mt-en-ru: not found on the Hub"):
        store.download(other)


def test_unreachable_hub_fails_within_seconds(online: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    started = time.monotonic()
    with pytest.raises(ModelUnavailable, match="cannot reach the Hugging Face Hub at http://127.0.0.1:9"):
        store.download(SPEC)
    assert time.monotonic() - started < 5


def test_offline_mode_makes_no_request(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeHub({SPEC.repo_id: tiny_models_dir / "translate-ar"}) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        monkeypatch.setenv("HF_HUB_OFFLINE", "1")
        with pytest.raises(ModelUnavailable, match="HF_HUB_OFFLINE is set"):
            store.download(SPEC)
        assert server.state.requests == []


def test_remove_also_frees_the_int8_and_ctranslate2_copies(hub: FakeHub, tiny_models_dir: Path, tmp_path: Path) -> None:
    import shutil

    from models.paths import user_cache_dir
    from models.pipeline import DigestEngine, EngineConfig

    folder = store.download(SPEC)
    other = tmp_path / "mine" / "translate-ar"  # the same model in a folder of the user's
    shutil.copytree(tiny_models_dir / "translate-ar", other)
    DigestEngine(EngineConfig(profile="fast")).model(SPEC)  # loading makes the app's copy
    DigestEngine(EngineConfig(profile="fast", models_dir=str(other.parent))).model(SPEC)
    copies, others = store.derived_copies(folder), store.derived_copies(other)
    assert copies and others and not set(copies) & set(others)
    assert all(copy.is_relative_to(user_cache_dir()) for copy in copies + others)
    copies_size = sum(store.disk_usage(copy) for copy in copies)
    freed = store.remove(SPEC)
    assert freed > copies_size > 0
    assert not folder.exists() and not any(copy.exists() for copy in copies)
    assert all(copy.exists() for copy in others)  # only what came from the removed download
