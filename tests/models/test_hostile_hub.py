"""The downloader against a hostile or broken Hub (the local fake server, misbehaving on purpose).

Four classes of attack, each closed for the whole class:

1. file names: an unsafe name anywhere in the listing refuses the download before anything is
   written, and no path may resolve outside the staging folder;
2. time: a server that accepts and never answers (or trickles) fails within the listing's
   deadline or the read timeout, and Cancel works meanwhile;
3. bytes: nothing is ever written past the listed size, whatever ``Content-Length`` says, and a
   redirect's endless body is never read;
4. hashes: every kind of installed file (downloaded LFS and non-LFS files, cache blobs named by
   SHA-256 or by git SHA-1) has a hash that :func:`downloads.verify` checks.

Timeouts are made small here through the module's constants, and every test asserts its bound.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from models import Cancelled, JobState, ModelUnavailable
from models.common.units import format_bytes
from models.inventory import catalog, downloads, installed
from tests.models.fake_hub import COMMIT, FakeHub, go_online

SPEC = catalog.specs_for("fast")["translate-ar"]


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lift the suite's offline switch, and make every bound small."""
    go_online(monkeypatch)
    monkeypatch.setattr(downloads, "CONNECT_TIMEOUT_S", 2.0)
    monkeypatch.setattr(downloads, "READ_TIMEOUT_S", 0.4)
    monkeypatch.setattr(downloads, "LISTING_DEADLINE_S", 1.0)


@pytest.fixture
def hub(online: None, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    with FakeHub({SPEC.repo_id: tiny_models_dir / "translate-ar"}) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


def _staging() -> Path:
    folder = installed.download_folder(SPEC)
    return folder.with_name(folder.name + ".download")


def _all_files(root: Path) -> set[Path]:
    return {Path(folder) / name for folder, _, names in os.walk(root) for name in names}


def _file_get_count(hub: FakeHub) -> int:
    return sum(1 for request in hub.state.requests if request.method == "GET" and "/resolve/" in request.path)


# -- 1. file names ------------------------------------------------------------------------------

UNSAFE_NAMES = [
    "..\\..\\evil.spm",  # the reported one: a traversal on Windows
    "sub\\evil.spm",
    "../evil.spm",
    "sub/../../evil.spm",
    "..",
    "/tmp/evil.spm",
    "C:evil.spm",
    "C:\\Windows\\evil.spm",
    "evil.spm:stream",
    "evil\x00.spm",
    "evil\n.spm",
    "evil\x1b[2J.spm",
    "\u202eevil.spm",  # a right-to-left override: shows as another name
    "CON.spm",
    "nul.json",
    "evil.spm.",
    "evil.spm ",
    "./evil.spm",
    "sub//evil.spm",
    "e" * 300 + ".spm",
]


@pytest.mark.parametrize("name", UNSAFE_NAMES, ids=ascii)
def test_an_unsafe_name_in_the_listing_refuses_the_download_and_writes_nothing(
    hub: FakeHub, name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    hub.state.extra_files[name] = b"evil"
    root = tmp_path_factory.getbasetemp()
    before = _all_files(root)
    with pytest.raises(ModelUnavailable) as caught:
        downloads.download(SPEC)
    message = str(caught.value)
    assert message.startswith(f"{SPEC.repo_id} lists an unsafe file name, ")
    assert "nothing was written" in message
    assert message.isprintable() and len(message) < 300  # one line, no escape sequences
    # Nothing was fetched, nothing written anywhere (not in the staging folder, not above it).
    assert _file_get_count(hub) == 0
    assert not _staging().exists()
    assert _all_files(root) == before
    parents = [folder for folder in _staging().parents if folder.is_relative_to(root.parent) and folder.is_dir()]
    assert root in parents
    for folder in parents:  # where "..\\..\\evil.spm" and the like would land
        assert not any("evil" in entry for entry in os.listdir(folder)), folder
    assert not any("evil" in str(path) for path in _all_files(root))
    assert not Path("/tmp/evil.spm").exists()


def test_files_in_folders_are_skipped_never_written(hub: FakeHub) -> None:
    """A clean name with a folder ("onnx/model.safetensors") is a real repository's; the app
    downloads top-level files only, so it is skipped, and nothing lands in a sub-folder."""
    hub.state.extra_files["onnx/model.safetensors"] = b"not these weights"
    hub.state.extra_files["onnx/config.json"] = b"{}"
    folder = downloads.download(SPEC)
    assert not (folder / "onnx").exists() and not any(path.is_dir() for path in folder.iterdir())
    assert not any("onnx" in request.path for request in hub.state.requests if "/resolve/" in request.path)
    assert downloads.verify(SPEC) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_planted_in_the_staging_folder_is_never_followed(hub: FakeHub, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    staging = _staging()
    staging.mkdir(parents=True)
    (staging / ".article-digest-download.json").write_text(json.dumps({"commit": COMMIT}), encoding="utf-8")
    (staging / "source.spm.partial").symlink_to(victim)
    with pytest.raises(ModelUnavailable, match=r"'source\.spm\.partial' in .* leads outside that folder"):
        downloads.download(SPEC)
    assert victim.read_bytes() == b"precious"
    assert _file_get_count(hub) == 0


def test_a_doctored_listing_is_refused_with_a_reason(hub: FakeHub) -> None:
    cases = {
        "its commit is not a git hash": lambda listing: listing.update(sha="../../x"),
        "no usable size for config.json": lambda listing: listing["siblings"][0].update(size=-1),
        "no usable SHA-256 for model.safetensors": lambda listing: listing["siblings"][2]["lfs"].update(sha256="x"),
        "no list of files": lambda listing: listing.update(siblings="all of them"),
        "it lists 'config.json' twice": lambda listing: listing["siblings"].append(dict(listing["siblings"][0])),
        # One file on Windows and macOS, whose names ignore case.
        "it lists 'Source.spm' twice": lambda listing: listing["siblings"].append(
            {**listing["siblings"][3], "rfilename": "Source.spm"}
        ),
    }
    for reason, edit in cases.items():
        hub.state.edit_listing = edit
        with pytest.raises(ModelUnavailable) as caught:
            downloads.download(SPEC)
        assert reason in str(caught.value), reason
        assert str(caught.value).startswith(f"could not download {SPEC.repo_id}: the Hub's listing of it is unusable")
    assert _file_get_count(hub) == 0


# -- 2. time --------------------------------------------------------------------------------------


def _timed_failure(expected: str) -> float:
    started = time.monotonic()
    with pytest.raises(ModelUnavailable) as caught:
        downloads.download(SPEC)
    elapsed = time.monotonic() - started
    assert expected in str(caught.value), str(caught.value)
    return elapsed


def test_a_listing_never_answered_fails_at_the_deadline(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "READ_TIMEOUT_S", 30.0)  # the deadline, not the read timeout, bounds it
    monkeypatch.setattr(downloads, "LISTING_DEADLINE_S", 0.5)
    hub.state.stall_listing = True
    elapsed = _timed_failure(f"could not download {SPEC.repo_id}: the Hugging Face Hub at {hub.url} did not answer within 0.5 s; ")
    assert 0.5 <= elapsed < 2


def test_a_listing_that_trickles_fails_at_the_deadline(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "READ_TIMEOUT_S", 30.0)
    monkeypatch.setattr(downloads, "LISTING_DEADLINE_S", 0.5)
    hub.state.trickle_listing = 0.02  # a byte now and then: no read ever times out
    elapsed = _timed_failure(f"the Hugging Face Hub at {hub.url} did not answer within 0.5 s")
    assert elapsed < 2


def test_a_silent_listing_fails_at_the_read_timeout(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "LISTING_DEADLINE_S", 30.0)
    hub.state.stall_listing = True
    elapsed = _timed_failure(f"the Hugging Face Hub at {hub.url} did not answer within 0.4 s")
    assert elapsed < 2


def test_a_socket_that_accepts_and_never_answers(online: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "READ_TIMEOUT_S", 30.0)
    monkeypatch.setattr(downloads, "LISTING_DEADLINE_S", 0.5)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the connection; nobody ever reads the request
        url = "http://127.0.0.1:%d" % listener.getsockname()[1]
        monkeypatch.setenv("HF_ENDPOINT", url)
        elapsed = _timed_failure(f"the Hugging Face Hub at {url} did not answer within 0.5 s")
    assert elapsed < 2


def test_cancel_works_while_the_listing_hangs(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "READ_TIMEOUT_S", 30.0)
    monkeypatch.setattr(downloads, "LISTING_DEADLINE_S", 30.0)
    hub.state.stall_listing = True
    state = JobState()
    threading.Timer(0.2, state.request_interruption).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        downloads.download(SPEC, state)
    assert time.monotonic() - started < 1


def test_an_endless_listing_is_cut_at_its_bound(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "LISTING_MAX_BYTES", 100_000)
    hub.state.edit_listing = lambda listing: listing.update(padding="x" * 10**6)
    _timed_failure(f"the Hugging Face Hub at {hub.url} sent a listing larger than 100 KB")


def test_a_file_stalled_mid_body_fails_at_the_read_timeout(hub: FakeHub, tiny_models_dir: Path) -> None:
    size = (tiny_models_dir / "translate-ar" / "model.safetensors").stat().st_size
    hub.state.stall_at["model.safetensors"] = size // 2
    elapsed = _timed_failure(
        f"could not download {SPEC.repo_id}: the Hugging Face Hub at {hub.url} stopped sending model.safetensors "
        "(nothing for 0.4 s); try again later"
    )
    # Two tries (the second resumes, and brings nothing): two read timeouts, and no more.
    assert elapsed < 3
    gets = hub.gets("model.safetensors")
    assert len(gets) == 2 and gets[1].range == f"bytes={size // 2}-"
    with pytest.raises(ModelUnavailable):
        installed.locate(SPEC)


def test_a_file_stalled_once_is_resumed(hub: FakeHub, tiny_models_dir: Path) -> None:
    size = (tiny_models_dir / "translate-ar" / "model.safetensors").stat().st_size
    hub.state.stall_once["model.safetensors"] = size // 3
    started = time.monotonic()
    downloads.download(SPEC)
    assert time.monotonic() - started < 3
    assert [get.range for get in hub.gets("model.safetensors")] == [None, f"bytes={size // 3}-"]
    assert downloads.verify(SPEC) == []


def test_a_file_that_trickles_counts_as_stalled(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    hub.state.trickle["model.safetensors"] = 0.01  # ~100 bytes a second, never silent for long
    # Each try brings a few bytes, so it is resumed, up to the limit of tries.
    elapsed = _timed_failure(
        f"the connection kept breaking (last: the Hugging Face Hub at {hub.url} sent model.safetensors too slowly "
        f"(under {format_bytes(downloads.STALL_MIN_BYTES)} in 0.4 s)); try again later"
    )
    assert elapsed < 2 * downloads._RESUME_TRIES * 0.4 + 2
    assert len(hub.gets("model.safetensors")) == downloads._RESUME_TRIES


def test_a_redirect_whose_body_never_ends_is_not_read(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "READ_TIMEOUT_S", 3.0)
    hub.state.redirect_once.add("model.safetensors")
    started = time.monotonic()
    downloads.download(SPEC)
    assert time.monotonic() - started < 2  # reading the redirect's body would wait 3 s, then fail
    assert len(hub.gets("model.safetensors")) == 2
    assert downloads.verify(SPEC) == []


def test_endless_redirects_stop(hub: FakeHub) -> None:
    hub.state.redirect_always.add("config.json")
    _timed_failure("redirected more than 10 times")
    assert len(hub.gets("config.json")) == 11


# -- 3. bytes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("honest_length", [True, False], ids=["content-length", "no-content-length"])
def test_more_bytes_than_listed_are_never_written(
    hub: FakeHub, tiny_models_dir: Path, honest_length: bool
) -> None:
    size = (tiny_models_dir / "translate-ar" / "model.safetensors").stat().st_size
    hub.state.extra_bytes["model.safetensors"] = 5 * 1024 * 1024
    if not honest_length:
        hub.state.no_length.add("model.safetensors")
    partial = _staging() / "model.safetensors.partial"
    largest = [0]

    def watch(fraction: float, status: str) -> None:
        if partial.is_file():
            largest[0] = max(largest[0], partial.stat().st_size)

    started = time.monotonic()
    with pytest.raises(ModelUnavailable) as caught:
        downloads.download(SPEC, JobState(watch, interval_s=0))
    assert time.monotonic() - started < 3
    assert str(caught.value) == (
        f"{SPEC.repo_id}: the Hub sent more than the {size} bytes it lists for model.safetensors after "
        "downloading it twice; try again later"
    )
    assert largest[0] <= size
    assert len(hub.gets("model.safetensors")) == 2  # the bounded retry, from scratch
    assert not partial.exists()  # a bad file is never kept
    with pytest.raises(ModelUnavailable):
        installed.locate(SPEC)


def test_a_partial_file_longer_than_listed_is_dropped(hub: FakeHub) -> None:
    staging = _staging()
    staging.mkdir(parents=True)
    (staging / ".article-digest-download.json").write_text(json.dumps({"commit": COMMIT}), encoding="utf-8")
    (staging / "model.safetensors.partial").write_bytes(b"\0" * 10**6)
    downloads.download(SPEC)
    assert hub.gets("model.safetensors")[0].range is None
    assert downloads.verify(SPEC) == []


# -- 4. hashes ------------------------------------------------------------------------------------


def _flip_a_byte(path: Path) -> bytes:
    """Change the case of a letter near the middle (JSON stays JSON); returns the old bytes."""
    data = path.read_bytes()
    middle = len(data) // 2
    at = next(i for i in [*range(middle, len(data)), *range(middle)] if chr(data[i]).isalpha())
    changed = bytearray(data)
    changed[at] ^= 0x20
    path.write_bytes(bytes(changed))
    return data


def test_verify_finds_a_flipped_byte_in_every_downloaded_file(hub: FakeHub) -> None:
    folder = downloads.download(SPEC)
    names = sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))
    assert {"config.json", "vocab.json", "model.safetensors", "source.spm"} <= set(names)  # LFS or not
    for name in names:
        original = _flip_a_byte(folder / name)
        assert f"{name} does not match its SHA-256" in downloads.verify(SPEC), name
        (folder / name).write_bytes(original)
    assert downloads.verify(SPEC) == []


def test_the_manifest_records_the_sha256_of_every_verified_file(hub: FakeHub) -> None:
    folder = downloads.download(SPEC)
    recorded = json.loads((folder / ".article-digest-download.json").read_text(encoding="utf-8"))["files"]
    for name, entry in recorded.items():
        assert entry["sha256"] == hashlib.sha256((folder / name).read_bytes()).hexdigest()
    assert recorded["config.json"]["git_sha1"]  # a small file: the Hub lists its git hash


def test_a_listing_without_hashes_still_records_what_was_verified(hub: FakeHub) -> None:
    def strip_hashes(listing: dict) -> None:
        for sibling in listing["siblings"]:
            sibling.pop("blobId")
            if "lfs" in sibling:
                sibling["size"] = sibling.pop("lfs")["size"]

    hub.state.edit_listing = strip_hashes
    folder = downloads.download(SPEC)
    _flip_a_byte(folder / "config.json")
    assert "config.json does not match its SHA-256" in downloads.verify(SPEC)


def test_a_small_file_served_wrong_is_caught_by_its_git_hash(hub: FakeHub) -> None:
    hub.state.corrupt_once.add("tokenizer_config.json")  # not LFS: the Hub lists no SHA-256
    downloads.download(SPEC)
    assert len(hub.gets("tokenizer_config.json")) == 2
    assert downloads.verify(SPEC) == []


def test_verify_reports_a_missing_or_doctored_download_record(hub: FakeHub) -> None:
    folder = downloads.download(SPEC)
    record = folder / ".article-digest-download.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["files"]["../../../etc/passwd"] = {"size": 1, "sha256": None}
    data["files"]["vocab.json"]["size"] = "big"
    record.write_text(json.dumps(data), encoding="utf-8")
    problems = downloads.verify(SPEC)
    assert "the download record lists an unsafe file name, '../../../etc/passwd'" in problems
    assert "the download record's entry for vocab.json is damaged" in problems
    record.unlink()
    assert any("download record" in problem and "missing" in problem for problem in downloads.verify(SPEC))


def _git_sha1(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="the cache's layout needs symbolic links")
def test_verify_finds_a_flipped_byte_in_every_file_of_the_hugging_face_cache(tiny_models_dir: Path) -> None:
    """The cache names a large file's blob by its SHA-256, a small file's by its git SHA-1."""
    repo = installed.repo_cache_folder(SPEC)
    snapshot = repo / "snapshots" / COMMIT
    snapshot.mkdir(parents=True)
    (repo / "blobs").mkdir()
    (repo / "refs").mkdir()
    (repo / "refs" / SPEC.revision).write_text(COMMIT, encoding="utf-8")
    for file in sorted((tiny_models_dir / "translate-ar").iterdir()):
        data = file.read_bytes()
        lfs = file.suffix in (".safetensors", ".spm")
        blob = repo / "blobs" / (hashlib.sha256(data).hexdigest() if lfs else _git_sha1(data))
        blob.write_bytes(data)
        (snapshot / file.name).symlink_to(os.path.relpath(blob, snapshot))
    assert installed.locate(SPEC).origin == "cache"
    assert downloads.verify(SPEC) == []
    for link in sorted(snapshot.iterdir()):
        original = _flip_a_byte(link.resolve())
        kind = "SHA-256" if link.suffix in (".safetensors", ".spm") else "git hash (SHA-1)"
        assert f"{link.name} does not match its {kind}" in downloads.verify(SPEC), link.name
        link.resolve().write_bytes(original)
    assert downloads.verify(SPEC) == []
