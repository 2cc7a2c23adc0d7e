"""models.common.atomic: finished files and folders moved into place in one step, fsynced first,
with an existing target replaced, kept or refused; and writers given a temporary path.

(The writer under SIGKILL, permissions and the no-hard-links fallback: tests/models/test_export.py.)"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

import pytest

from models.common import atomic
from models.common.atomic import atomic_file, move_into_place, temporary_glob


def make_folder(path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


def contents(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    """Every file fsynced, with whether the target name held it already then (it must not)."""
    calls: list[tuple[Path, bool]] = []
    real = atomic._fsync_file

    def recording(path: Path) -> None:
        real(path)
        calls.append((path, path.exists()))

    monkeypatch.setattr(atomic, "_fsync_file", recording)
    return calls


# --------------------------------------------------------------------------- files


def test_a_file_replaces_the_target_after_its_data_is_synced(tmp_path: Path, synced: list[tuple[Path, bool]]) -> None:
    source, target = tmp_path / "model.bin.partial", tmp_path / "model.bin"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    assert move_into_place(source, target) == target
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.bin"]
    assert synced == [(source, True)]  # fsynced where it was written, before the rename


def test_a_file_is_moved_to_a_new_name(tmp_path: Path) -> None:
    source = tmp_path / "part"
    source.write_bytes(b"data")
    move_into_place(source, tmp_path / "whole")
    assert [p.name for p in tmp_path.iterdir()] == ["whole"]
    assert (tmp_path / "whole").read_bytes() == b"data"


def test_keeping_an_existing_file_drops_the_new_one(tmp_path: Path) -> None:
    source, target = tmp_path / "mine", tmp_path / "theirs"
    source.write_bytes(b"mine")
    target.write_bytes(b"theirs")
    move_into_place(source, target, existing="keep")
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["theirs"]


def test_refusing_an_existing_file_leaves_both(tmp_path: Path) -> None:
    source, target = tmp_path / "mine", tmp_path / "theirs"
    source.write_bytes(b"mine")
    target.write_bytes(b"theirs")
    with pytest.raises(FileExistsError):
        move_into_place(source, target, existing="refuse")
    assert target.read_bytes() == b"theirs" and source.read_bytes() == b"mine"


def test_an_unknown_choice_for_an_existing_target_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "mine"
    source.write_bytes(b"mine")
    with pytest.raises(ValueError, match="existing"):
        move_into_place(source, tmp_path / "theirs", existing="merge")  # type: ignore[arg-type]
    assert source.read_bytes() == b"mine"


# --------------------------------------------------------------------------- folders


def test_a_folder_is_moved_into_place_with_every_file_synced(tmp_path: Path, synced: list[tuple[Path, bool]]) -> None:
    staging = make_folder(tmp_path / "model.download", {"config.json": "{}", "weights.bin": "w", "sub/vocab.txt": "v"})
    target = tmp_path / "model"
    assert move_into_place(staging, target) == target
    assert contents(target) == {"config.json": "{}", "sub/vocab.txt": "v", "weights.bin": "w"}
    assert [p.name for p in tmp_path.iterdir()] == ["model"]
    assert sorted(str(path.relative_to(staging)) for path, _ in synced) == ["config.json", "sub/vocab.txt", "weights.bin"]
    assert all(was_there for _, was_there in synced)  # while still in the staging folder


def test_a_folder_replaces_an_older_one_and_leaves_nothing_aside(tmp_path: Path) -> None:
    target = make_folder(tmp_path / "model", {"old.bin": "old", "config.json": "old"})
    staging = make_folder(tmp_path / "model.download", {"config.json": "new", "weights.bin": "new"})
    move_into_place(staging, target)
    assert contents(target) == {"config.json": "new", "weights.bin": "new"}  # nothing of the old one left in it
    assert [p.name for p in tmp_path.iterdir()] == ["model"]


def test_a_folder_another_process_finished_first_is_kept(tmp_path: Path) -> None:
    target = make_folder(tmp_path / "copy", {"model.safetensors": "theirs"})
    staging = make_folder(tmp_path / "copy.partial", {"model.safetensors": "mine"})
    assert move_into_place(staging, target, existing="keep") == target
    assert contents(target) == {"model.safetensors": "theirs"}
    assert [p.name for p in tmp_path.iterdir()] == ["copy"]  # the new one is gone


def test_keeping_takes_the_new_folder_where_there_is_none(tmp_path: Path) -> None:
    staging = make_folder(tmp_path / "work" / "model", {"model.bin": "mine"})
    target = tmp_path / "ct2-copy"
    move_into_place(staging, target, existing="keep")
    assert contents(target) == {"model.bin": "mine"}
    assert not staging.exists()


def test_refusing_an_existing_folder_leaves_both(tmp_path: Path) -> None:
    target = make_folder(tmp_path / "model", {"a": "theirs"})
    staging = make_folder(tmp_path / "staging", {"a": "mine"})
    with pytest.raises(FileExistsError):
        move_into_place(staging, target, existing="refuse")
    assert contents(target) == {"a": "theirs"} and contents(staging) == {"a": "mine"}


def test_a_failed_folder_replacement_puts_the_old_one_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = make_folder(tmp_path / "model", {"a": "old"})
    staging = make_folder(tmp_path / "staging", {"a": "new"})
    real_rename = os.rename
    renames: list[tuple[str, str]] = []

    def rename(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        renames.append((Path(source).name, Path(destination).name))
        if len(renames) == 3:  # the first tries the target, the second moves the old one aside
            raise OSError(28, "No space left on device")
        real_rename(source, destination)

    monkeypatch.setattr(atomic.os, "rename", rename)
    with pytest.raises(OSError, match="No space left"):
        move_into_place(staging, target)
    assert renames[2] == ("staging", "model")
    assert contents(target) == {"a": "old"} and contents(staging) == {"a": "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "staging"]


# --------------------------------------------------------------------------- a writer's temporary path


def test_a_writer_given_a_path_has_its_file_put_in_place(tmp_path: Path) -> None:
    target = tmp_path / "translate-ru-0123abcd-int8.safetensors"
    target.write_bytes(b"old")
    with atomic_file(target) as temporary:
        assert temporary.parent == tmp_path and temporary.is_file()
        assert fnmatch.fnmatch(temporary.name, temporary_glob("translate-ru-0123abcd-"))
        assert target.read_bytes() == b"old"  # nothing in place before the block ends
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_writer_that_fails_leaves_the_target_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "copy.safetensors"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="disk full"):
        with atomic_file(target) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_the_glob_matches_temporaries_of_long_names_too(tmp_path: Path) -> None:
    name = "a-model-folder-with-a-rather-long-name-12345678-0123456789abcdef0123.safetensors"
    with atomic_file(tmp_path / name) as temporary:
        assert fnmatch.fnmatch(temporary.name, temporary_glob(name.rsplit("-", 1)[0] + "-"))
        assert not fnmatch.fnmatch(temporary.name, temporary_glob("another-model-"))
        temporary.write_bytes(b"x")
