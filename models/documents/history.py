"""The digest history: every finished digest kept as one JSON file in a folder.

:class:`History` adds, lists, loads, replaces (a digest revised: edits, back-translations) and
removes digests. Files are written atomically
(:func:`models.common.atomic.atomic_write_bytes`) in the format of :meth:`models.Digest.to_json_dict`,
named by the time they were added (UTC, microseconds) and a slug of the title, so names
sort by age and never collide. A small index (``.index.json``: each entry's title, date and
source, with the size and time of the file they were read from) lets a listing read only the
files that are new or changed; it is a cache, never the truth: a file it does not know, or one
changed since, is read, and a lost or damaged index is rebuilt. A listing of the newest few
reads the folder's names and no more than those entries. Files that are not valid digests (half-copied, edited by hand,
from a future version: a number where the title should be, a list instead of an object) are
skipped when listing, never fatal; only regular files are read, and opened without blocking
(a FIFO in the folder never hangs a listing). Text read back is valid Unicode (a lone
surrogate from a ``\ud800`` escape becomes U+FFFD). No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from models.common.atomic import atomic_write_bytes
from models.common.paths import history_dir
from models.common.text import valid_unicode
from models.common.types import Digest, DigestError

__all__ = ["History", "HistoryEntry", "HistoryError"]

# Files larger than this in the history folder are not digests the app wrote; skip them.
_MAX_ENTRY_BYTES = 64 * 1024 * 1024
_SUFFIX = ".json"
# Entry ids are file stems the history made: a time stamp, then a slug; nothing else is valid.
_ID_PATTERN = re.compile(r"^\d{8}T\d{6}-\d{6}Z(?:-[a-z0-9-]{1,60})?(?:~\d+)?$")
# The fields a digest file must hold as text (else it is damaged), and those that may be null.
_TEXT_FIELDS = ("title", "text", "summary")
_OPTIONAL_TEXT_FIELDS = ("source_path", "language", "created")
#: The index's file name (its name never matches _ID_PATTERN, so it is never listed as an entry).
_INDEX = ".index.json"
_INDEX_VERSION = 1


class HistoryError(DigestError):
    """A history operation failed: unknown entry, unreadable file, unwritable folder."""


@dataclass(frozen=True)
class HistoryEntry:
    """One stored digest as the history list shows it; ``load(entry.id)`` gives the digest."""

    id: str
    title: str
    created: str
    source_path: str | None
    path: Path


class History:
    """The stored digests in one folder (by default :func:`models.common.paths.history_dir`).

    Not tied to a thread; two processes adding at once both succeed (names never collide).
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else history_dir()
        # Entries already read, by file name, with the (mtime, size) they were read at: listing
        # again reads only new or changed files. Loaded from the index on first use.
        self._seen: dict[str, tuple[tuple[int, int], HistoryEntry]] | None = None

    def add(self, digest: Digest) -> HistoryEntry:
        """Store a digest; returns its entry. Raises HistoryError if the folder is unwritable."""
        data = _digest_bytes(digest)
        stem = _new_stem(digest.article.title)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for attempt in range(1000):
                entry_id = stem if attempt == 0 else f"{stem}~{attempt}"
                path = self.root / f"{entry_id}{_SUFFIX}"
                try:
                    atomic_write_bytes(path, data, overwrite=False)
                except FileExistsError:
                    continue
                entry = _entry(entry_id, path, digest)
                self._remember(path, entry)
                return entry
        except OSError as error:
            raise HistoryError(f"cannot save to the history in {self.root}: {error.strerror or error}") from error
        raise HistoryError(f"cannot save to the history in {self.root}: too many entries named {stem}")

    def replace(self, entry_id: str, digest: Digest) -> HistoryEntry:
        """Store ``digest`` in place of the entry ``entry_id`` (the same digest, revised: edits,
        back-translations), atomically, keeping its id and place; returns the entry.
        HistoryError if there is no such entry or the folder is unwritable."""
        path = self._path(entry_id)
        if not path.is_file():
            raise HistoryError(f"no digest {entry_id!r} in the history")
        data = _digest_bytes(digest)
        try:
            atomic_write_bytes(path, data, overwrite=True)
        except OSError as error:
            raise HistoryError(f"cannot save to the history in {self.root}: {error.strerror or error}") from error
        entry = _entry(entry_id, path, digest)
        self._remember(path, entry)
        return entry

    def entries(self, limit: int | None = None) -> list[HistoryEntry]:
        """Every readable stored digest, newest first (the newest ``limit`` of them when given);
        files that are not digests are skipped."""
        try:
            with os.scandir(self.root) as listing:
                names = [item.name for item in listing if item.name.endswith(_SUFFIX) and _ID_PATTERN.match(item.name[: -len(_SUFFIX)])]
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as error:
            raise HistoryError(f"cannot read the history in {self.root}: {error.strerror or error}") from error
        # Ids start with the time the entry was added, so a reverse sort puts the newest first.
        names.sort(reverse=True)
        seen = self._index()
        found: list[HistoryEntry] = []
        changed = False
        for name in names:
            if limit is not None and len(found) >= limit:
                break
            path = self.root / name
            try:
                info = path.stat()
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode):  # a FIFO, a device, a folder: never opened
                continue
            version = (info.st_mtime_ns, info.st_size)
            cached = seen.get(name)
            if cached is not None and cached[0] == version:
                found.append(cached[1])
                continue
            try:
                entry = _entry(path.stem, path, self._read(path))
            except HistoryError:
                continue
            seen[name] = (version, entry)
            changed = True
            found.append(entry)
        if limit is None:  # a whole listing knows which entries are gone
            present = set(names)
            gone = [name for name in seen if name not in present]
            for name in gone:
                del seen[name]
            changed = changed or bool(gone)
        if changed:
            self._save_index()
        return found

    def load(self, entry_id: str) -> Digest:
        """The stored digest with this id; HistoryError if there is none or it is corrupt."""
        return self._read(self._path(entry_id))

    def remove(self, entry_id: str) -> None:
        """Delete a stored digest; HistoryError if there is none with this id."""
        path = self._path(entry_id)
        self._index().pop(path.name, None)
        try:
            path.unlink()
        except FileNotFoundError as error:
            raise HistoryError(f"no digest {entry_id!r} in the history") from error
        except OSError as error:
            raise HistoryError(f"cannot remove {path.name} from the history: {error.strerror or error}") from error

    def _index(self) -> dict[str, tuple[tuple[int, int], HistoryEntry]]:
        """The entries read before, by file name with the (mtime, size) read at; loaded from the
        index file on first use (an unreadable one counts as empty)."""
        if self._seen is None:
            self._seen = {}
            try:
                data = json.loads(_read_regular_file(self.root / _INDEX).decode("utf-8"))
                if data.get("version") == _INDEX_VERSION:
                    for name, item in dict(data["entries"]).items():
                        if _ID_PATTERN.match(name[: -len(_SUFFIX)]) and name.endswith(_SUFFIX):
                            version = (int(item["mtime_ns"]), int(item["size"]))
                            entry = HistoryEntry(
                                id=name[: -len(_SUFFIX)], title=str(item["title"]), created=str(item["created"]),
                                source_path=None if item["source_path"] is None else str(item["source_path"]),
                                path=self.root / name,
                            )
                            self._seen[name] = (version, entry)
            except (OSError, HistoryError, ValueError, TypeError, KeyError, AttributeError):
                self._seen = {}
        return self._seen

    def _remember(self, path: Path, entry: HistoryEntry) -> None:
        """Put a file just written in the index (best effort: a listing reads it otherwise)."""
        try:
            info = path.stat()
        except OSError:
            return
        self._index()[path.name] = ((info.st_mtime_ns, info.st_size), entry)
        self._save_index()

    def _save_index(self) -> None:
        """Write the index, atomically; a failure only costs reading the files again next time."""
        entries = {
            name: {"mtime_ns": version[0], "size": version[1], "title": entry.title, "created": entry.created,
                   "source_path": entry.source_path}
            for name, (version, entry) in sorted(self._index().items())
        }
        data = valid_unicode(json.dumps({"version": _INDEX_VERSION, "entries": entries}, ensure_ascii=False)).encode("utf-8")
        try:
            atomic_write_bytes(self.root / _INDEX, data)
        except OSError:
            pass

    def _path(self, entry_id: str) -> Path:
        if not isinstance(entry_id, str) or not _ID_PATTERN.match(entry_id):
            raise HistoryError(f"no digest {entry_id!r} in the history")
        return self.root / f"{entry_id}{_SUFFIX}"

    @staticmethod
    def _read(path: Path) -> Digest:
        try:
            data = _valid_strings(json.loads(_read_regular_file(path).decode("utf-8")))
            if not isinstance(data, dict):
                raise HistoryError(f"{path.name} is not a digest file")
            damaged = [name for name in _TEXT_FIELDS if not isinstance(data.get(name), str)]
            damaged += [name for name in _OPTIONAL_TEXT_FIELDS if not isinstance(data.get(name, ""), (str, type(None)))]
            if damaged:
                raise HistoryError(f"{path.name} is damaged (not text: {', '.join(damaged)})")
            return Digest.from_json_dict(data)
        except FileNotFoundError as error:
            raise HistoryError(f"no digest {path.stem!r} in the history") from error
        except HistoryError:
            raise
        except DigestError as error:
            raise HistoryError(f"{path.name}: {error}") from error
        except (OSError, ValueError, RecursionError) as error:  # JSON and UTF-8 errors are ValueErrors
            raise HistoryError(f"{path.name} cannot be read ({type(error).__name__}: {error})") from error


def _digest_bytes(digest: Digest) -> bytes:
    """A digest's file: its JSON (:meth:`Digest.to_json_dict`), indented, valid UTF-8."""
    return valid_unicode(json.dumps(digest.to_json_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of a digest's size; HistoryError otherwise.

    Opened with O_NONBLOCK (where there is one) and checked with fstat before reading, so a
    FIFO or a device put in the folder is refused at once rather than waited on for ever.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise HistoryError(f"{path.name} is not a regular file")
        if info.st_size > _MAX_ENTRY_BYTES:
            raise HistoryError(f"{path.name} is too large to be a digest")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(_MAX_ENTRY_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > _MAX_ENTRY_BYTES:
        raise HistoryError(f"{path.name} is too large to be a digest")
    return data


def _valid_strings(value: object) -> object:
    """JSON data with every string made valid Unicode (:func:`models.common.text.valid_unicode`)."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, dict):
        return {valid_unicode(str(key)): _valid_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_valid_strings(item) for item in value]
    return value


def _entry(entry_id: str, path: Path, digest: Digest) -> HistoryEntry:
    return HistoryEntry(
        id=entry_id,
        title=digest.article.title,
        created=digest.created,
        source_path=digest.article.source_path,
        path=path,
    )


def _new_stem(title: str) -> str:
    moment = _dt.datetime.now(_dt.timezone.utc)
    stamp = moment.strftime("%Y%m%dT%H%M%S-%fZ")
    slug = _slug(title)
    return f"{stamp}-{slug}" if slug else stamp


def _slug(title: str, limit: int = 40) -> str:
    """An ASCII file-name slug of a title ("Talks resume in Genève!" -> "talks-resume-in-geneve")."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug.strip("-")
