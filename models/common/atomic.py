"""Atomic writes and moves: whoever looks at the target sees the old file or folder or the new
one whole, even if the writer is killed midway. The project's one place for putting finished
things where they belong (exports, the history, the engine's settings files, downloaded models
and their files, the app's converted copies of models).

- :func:`atomic_write_bytes` writes bytes to a file;
- :func:`atomic_file` hands out a temporary path for a writer that wants a path of its own
  (a library's ``save_file``), and puts what was written there in place;
- :func:`move_into_place` moves a finished file or folder made next to its target into place.

All three come down to :func:`move_into_place`: what is moved is fsynced first, then renamed in
one step, then the folder holding it is fsynced.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Literal

#: What :func:`move_into_place` does when the target exists already: ``"replace"`` it,
#: ``"keep"`` it (another process finished the same work first; what was to be moved is
#: deleted) or ``"refuse"`` (``FileExistsError``).
Existing = Literal["replace", "keep", "refuse"]
_EXISTING = ("replace", "keep", "refuse")

#: How much of the target's name a temporary's name repeats (see :func:`temporary_glob`).
_NAME_CHARS = 40


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` so that the file is always either the old one or the new one.

    The bytes go to a temporary file in the same folder (see :func:`atomic_file`), which then
    replaces the target in one step. The temporary file is removed on any error, and also on
    KeyboardInterrupt. An existing file's permissions are kept; a new file gets the usual ones
    (0666 less the umask).

    With ``overwrite=False`` an existing target raises ``FileExistsError``, atomically (see
    :func:`move_into_place`).

    Raises ``OSError`` (including ``FileExistsError``) on failure; the target is untouched then.
    """
    with atomic_file(path, existing="replace" if overwrite else "refuse") as temp:
        with open(temp, "wb") as stream:
            stream.write(data)
    return Path(os.fspath(path))


@contextmanager
def atomic_file(path: str | os.PathLike[str], *, existing: Existing = "replace") -> Iterator[Path]:
    """A temporary path next to ``path`` (an empty file there) for the caller to write the new
    file at; when the ``with`` block ends, that file is moved into place by
    :func:`move_into_place` (fsynced, renamed in one step). When it replaces a file, the old
    file's permissions are kept; a new file gets the usual ones (0666 less the umask).

    On any error in the block or in the move (KeyboardInterrupt too) the temporary file is
    removed and the target is untouched. A process killed meanwhile leaves the temporary, named
    as :func:`temporary_glob` matches.
    """
    target = Path(os.fspath(path))
    temp = _create_temp(target.parent, target.name)
    try:
        yield temp
        if existing == "replace":
            try:
                os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
            except FileNotFoundError:
                pass
        move_into_place(temp, target, existing=existing)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise


def move_into_place(
    source: str | os.PathLike[str], target: str | os.PathLike[str], *, existing: Existing = "replace"
) -> Path:
    """Move the finished file or folder ``source`` to ``target`` in one step: whoever looks at
    ``target`` finds the old one or the new one whole, never a part. Returns ``target``.

    ``source`` must be on the file system of ``target`` (in its folder, or in a folder beside
    it): the move is a rename. Its data is made durable first (a file is fsynced; a folder's
    files and folders, every one), and the folder holding ``target`` after the rename.

    ``existing`` says what happens when ``target`` exists:

    - ``"replace"``: the new one takes its place. A file replaces it in one step. A folder
      cannot (a rename does not replace a folder that holds anything): the old one is renamed
      aside, the new one renamed into place, and the old one deleted; between the two renames
      nothing is at ``target``, and if the second fails the old one is put back.
    - ``"keep"``: the existing one stays and ``source`` is deleted: another process finished
      the same work first, and its result is used.
    - ``"refuse"``: ``FileExistsError``; ``source`` stays where it is. For a file this holds
      even against another process writing the same name at the same moment (the file is
      hard-linked into place, which fails if the name is taken; where the file system has no
      hard links, an existence check comes first instead).

    An empty folder at ``target`` counts as no folder where the system's rename replaces it
    (POSIX). Raises ``OSError`` on failure; ``target`` is as it was then.
    """
    if existing not in _EXISTING:
        raise ValueError(f"existing must be one of {_EXISTING}, not {existing!r}")
    source_path, target_path = Path(os.fspath(source)), Path(os.fspath(target))
    if source_path.is_dir() and not source_path.is_symlink():
        _fsync_tree(source_path)
        _move_folder(source_path, target_path, existing)
    else:
        _fsync_file(source_path)
        _move_file(source_path, target_path, existing)
    _fsync_folder(target_path.parent)
    return target_path


def temporary_glob(prefix: str) -> str:
    """A glob pattern that matches what an atomic write or move killed midway can leave next to
    targets whose names start with ``prefix``: a temporary file, or a folder renamed aside."""
    return f".{prefix[:_NAME_CHARS]}*"


def _move_file(source: Path, target: Path, existing: Existing) -> None:
    if existing == "replace":
        os.replace(source, target)
        return
    try:
        _place_without_overwrite(source, target)
    except FileExistsError:
        if existing == "refuse":
            raise
        os.unlink(source)


def _move_folder(source: Path, target: Path, existing: Existing) -> None:
    try:
        os.rename(source, target)
        return
    except OSError:
        if not os.path.lexists(target):
            raise
    if existing == "keep":
        shutil.rmtree(source, ignore_errors=True)
        return
    if existing == "refuse":
        raise FileExistsError(errno.EEXIST, "File exists", str(target))
    aside = target.parent / f".{target.name[:_NAME_CHARS]}.{_unique_tag()}.old"
    os.rename(target, aside)
    try:
        os.rename(source, target)
    except BaseException:
        try:
            os.rename(aside, target)
        except OSError:
            pass
        raise
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.unlink(missing_ok=True)


def _unique_tag() -> str:
    """Twelve random hex digits for a temporary name: ``secrets.token_hex(6)``'s bytes, without
    importing secrets (hmac, hashlib), which the window would pay for at its start."""
    return os.urandom(6).hex()


def _create_temp(folder: Path, name: str) -> Path:
    """A new empty file next to the target, created with O_EXCL so the umask applies."""
    stem = name[:_NAME_CHARS]
    for _attempt in range(100):
        temp = folder / f".{stem}.{_unique_tag()}.tmp"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return temp
    raise FileExistsError(f"could not create a temporary file in {folder}")


def _place_without_overwrite(temp: Path, target: Path) -> None:
    try:
        os.link(temp, target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
    except (OSError, NotImplementedError, AttributeError):
        # No hard links here (FAT, some network shares): check, then replace.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def _fsync_file(path: Path) -> None:
    """Write the file's data to the disk (Windows flushes only a handle open for writing)."""
    fd = os.open(path, (os.O_RDWR if os.name == "nt" else os.O_RDONLY) | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    """Every file in ``folder`` and below written to the disk, and every folder's entries."""
    for root, _folders, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            if not path.is_symlink():
                _fsync_file(path)
        _fsync_folder(Path(root))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
