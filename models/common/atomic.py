"""Atomic file writes: a reader of the target always sees the old file or the new one whole,
even if the writer is killed mid-write. The project's one atomic-write helper (exports, the
history, the engine's settings files)."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` so that the file is always either the old one or the new one.

    The bytes go to a temporary file in the same folder (written, flushed, fsynced), which then
    replaces the target in one step (``os.replace``); the folder is fsynced after. The
    temporary file is removed on any error, and also on KeyboardInterrupt. An existing file's
    permissions are kept; a new file gets the usual ones (0666 less the umask).

    With ``overwrite=False`` an existing target raises ``FileExistsError``, atomically: the
    temporary file is hard-linked into place, which fails if the name is taken (where the
    file system has no hard links, an existence check comes first instead).

    Raises ``OSError`` (including ``FileExistsError``) on failure; the target is untouched then.
    """
    target = Path(os.fspath(path))
    folder = target.parent
    temp = _create_temp(folder, target.name)
    try:
        fd = os.open(temp, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            try:
                os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
            except FileNotFoundError:
                pass
            os.replace(temp, target)
        else:
            _place_without_overwrite(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)
    return target


def _create_temp(folder: Path, name: str) -> Path:
    """A new empty file next to the target, created with O_EXCL so the umask applies."""
    stem = name[:40]
    for _attempt in range(100):
        temp = folder / f".{stem}.{secrets.token_hex(6)}.tmp"
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
        raise FileExistsError(17, "File exists", str(target)) from None
    except (OSError, NotImplementedError, AttributeError):
        # No hard links here (FAT, some network shares): check, then replace.
        if target.exists():
            raise FileExistsError(17, "File exists", str(target)) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


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
