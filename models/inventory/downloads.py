"""Getting models from the Hugging Face Hub, and checking them: resumable, verified downloads
into the app's own folder, and :func:`verify` for a model already on disk.

Nothing here runs unless the user asks for a download (the Models dialog, ``models download``);
``HF_HUB_OFFLINE`` is honoured.

The server is not trusted: whatever a hostile or broken server (or whatever answers at
``HF_ENDPOINT``) sends, a download ends in bounded time with a one-line
:class:`ModelUnavailable` or a verified model.

- **File names**: every name in the listing is checked before anything is written
  (:func:`_name_problem`: no absolute path, ``..``, backslash, drive letter or ``:``, control
  character, Windows device name); only top-level files are downloaded, and every path is
  checked to resolve inside the staging folder (no link planted there is followed).
- **Time**: every request has connect and read timeouts (:data:`CONNECT_TIMEOUT_S`,
  :data:`READ_TIMEOUT_S`); a transfer that trickles (less than :data:`STALL_MIN_BYTES` in
  :data:`READ_TIMEOUT_S`) counts as stalled; the listing has an overall deadline
  (:data:`LISTING_DEADLINE_S`), and Cancel is honoured while it is awaited.
- **Bytes**: a file is never written past the size its listing gives, whatever
  ``Content-Length`` says; the listing, error bodies and redirects are read to a bound (a
  redirect's body is never read).
- **Hashes**: every file is checked against the hash the listing gives (SHA-256 for LFS files,
  the git blob SHA-1 for the others), and the SHA-256 of every verified file is recorded in the
  download's manifest, so :func:`verify` finds any later change to any file.
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import shutil
import threading
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from models.common.atomic import move_into_place
from models.common.job_state import JobState
from models.common.translatable import QT_TRANSLATE_NOOP
from models.common.types import Cancelled, ModelUnavailable
from models.common.units import format_bytes
from models.common.watchdog import run_watched
from models.common.wording import Wording
from models.inventory.catalog import ModelSpec
from models.inventory.installed import (
    download_folder,
    folder_problems,
    hub_cache_dir,
    hub_endpoint,
    hub_offline,
    locate,
    read_json_object,
)

#: Seconds to open a connection to the Hub (or the server it redirects a file to).
CONNECT_TIMEOUT_S = 10.0
#: Seconds any request may wait for the next bytes of an answer: a server that goes silent
#: (before answering, or in the middle of a file) fails the request after this long.
READ_TIMEOUT_S = 30.0
#: A transfer that brings fewer bytes than this in :data:`READ_TIMEOUT_S` has stalled too (a
#: server trickling a byte now and then never trips the read timeout).
STALL_MIN_BYTES = 1024
#: Seconds the repository's listing may take altogether, however the server answers.
LISTING_DEADLINE_S = 30.0
#: The largest listing read (the real Hub's, with every file's metadata, is a few KB to a few MB).
LISTING_MAX_BYTES = 32 * 1024 * 1024
#: The most of an error answer's body that is read (for the Hub's error message).
_ERROR_BODY_BYTES = 64 * 1024
#: Redirects followed for one request (the Hub redirects large files to its CDN once).
_MAX_REDIRECTS = 10

_CONFIG_AND_TOKENIZER_PATTERNS = [
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.json",
    "merges.txt",
    "*.spm",
]

@dataclass(frozen=True)
class RemoteFile:
    """A file of a Hub repository as its listing describes it: ``sha256`` for LFS files,
    ``git_sha1`` (the git blob id) for the others, when the listing gives them."""

    name: str
    size: int
    sha256: str | None
    git_sha1: str | None = None

class _HubFault(Exception):
    """The server broke the protocol; the message is one line for the user."""

class _Stalled(_HubFault):
    """The server stopped sending (or trickles): a broken transfer, resumed if it brought data."""

class _BadBytes(_HubFault):
    """The server sent bytes that cannot be the listed file (more than listed, another range);
    the file is fetched once more from scratch."""

# -- file names ---------------------------------------------------------------------------------

#: Names Windows opens as devices, whatever their extension ("CON.json" is the console).
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{kind}{n}" for kind in ("COM", "LPT") for n in "0123456789¹²³"}
)
#: Control, format (bidirectional overrides), separator and surrogate characters.
_UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})

def _name_problem(name: object) -> str | None:
    """Why ``name``, a file name from a listing or a manifest, is unsafe to use as a path on any
    system (None when it is safe). ``/`` separates folders; every part is checked."""
    if not isinstance(name, str) or not name:
        return "not a file name"
    if any(unicodedata.category(char) in _UNPRINTABLE_CATEGORIES for char in name):
        return "a control character"
    if name.startswith("/"):
        return "an absolute path"
    if "\\" in name:
        return "a backslash"
    if re.match(r"[A-Za-z]:", name):
        return "a drive letter"
    if ":" in name:
        return "a ':' (a Windows stream)"
    for part in name.split("/"):
        if part == "..":
            return "a '..' part"
        if part in ("", "."):
            return "an empty or '.' part"
        if part.endswith((" ", ".")):
            return "a part ending in a dot or space"
        if part.split(".")[0].rstrip(" ").upper() in _WINDOWS_DEVICES:
            return "a Windows device name"
        if len(part.encode("utf-8")) > 255:
            return "a part longer than 255 bytes"
    return None

def _shown(text: str, limit: int = 80) -> str:
    """``text`` quoted for a one-line message: escaped, and cut to ``limit`` characters."""
    shown = ascii(text)
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"

def _stays_inside(folder: Path, name: str) -> bool:
    """Whether ``folder / name`` resolves (links followed) to an entry directly in ``folder``."""
    return (folder / name).resolve().parent == folder.resolve()

# -- hashes -------------------------------------------------------------------------------------

def _is_hex(value: object, length: int) -> bool:
    return isinstance(value, str) and len(value) == length and all(c in "0123456789abcdef" for c in value.lower())

def _digests(path: Path, git: bool, state: JobState | None = None) -> tuple[str, str | None]:
    """The file's SHA-256 and (``git``) its git blob SHA-1, in one read."""
    sha256 = hashlib.sha256()
    sha1 = hashlib.sha1(b"blob %d\0" % path.stat().st_size) if git else None
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            if state is not None:
                state.raise_if_interrupted()
            sha256.update(block)
            if sha1 is not None:
                sha1.update(block)
    return sha256.hexdigest(), sha1.hexdigest() if sha1 is not None else None

def _sha256(path: Path, state: JobState | None = None) -> str:
    return _digests(path, False, state)[0]

def _check_file(path: Path, expected: RemoteFile, state: JobState | None = None) -> tuple[str | None, str | None]:
    """(why ``path`` does not match ``expected``, None when it does; the file's SHA-256 when
    it matches). Both listed hashes are checked when both are given."""
    size = path.stat().st_size
    if size != expected.size:
        return f"{expected.name} has {size} bytes, expected {expected.size}", None
    sha256, git_sha1 = _digests(path, expected.git_sha1 is not None, state)
    if expected.sha256 and sha256 != expected.sha256.lower():
        return f"{expected.name} does not match its SHA-256", None
    if expected.git_sha1 and git_sha1 != expected.git_sha1.lower():
        return f"{expected.name} does not match its git hash (SHA-1)", None
    return None, sha256

def _file_problem(path: Path, expected: RemoteFile, state: JobState | None = None) -> str | None:
    """Why a downloaded file does not match its listing or record (None when it does)."""
    return _check_file(path, expected, state)[0]

# -- the listing --------------------------------------------------------------------------------

def _wanted_files(files: list[RemoteFile]) -> list[RemoteFile]:
    """The files the app loads: config, tokenizer, and safetensors weights (else the .bin)."""
    from fnmatch import fnmatchcase

    has_safetensors = any(item.name.endswith(".safetensors") for item in files if "/" not in item.name)
    weights = ["*.safetensors"] if has_safetensors else ["pytorch_model.bin"]
    patterns = [*_CONFIG_AND_TOKENIZER_PATTERNS, *weights]
    return [
        item for item in files if "/" not in item.name and any(fnmatchcase(item.name, pattern) for pattern in patterns)
    ]

def _parse_listing(spec: ModelSpec, body: bytes) -> tuple[str, list[RemoteFile]]:
    """The commit and the wanted files of the Hub's listing ``body``; raises
    :class:`ModelUnavailable` when a name is unsafe or the listing makes no sense."""

    def unusable(why: str) -> ModelUnavailable:
        return ModelUnavailable(f"could not download {spec.repo_id}: the Hub's listing of it is unusable ({why})")

    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise unusable("not JSON") from None
    siblings = data.get("siblings") if isinstance(data, dict) else None
    if not isinstance(siblings, list) or not all(isinstance(item, dict) for item in siblings):
        raise unusable("no list of files")
    # Every name is checked, not only those downloaded: a listing holding one is hostile or broken.
    for sibling in siblings:
        name = sibling.get("rfilename")
        problem = _name_problem(name)
        if problem is not None:
            shown = _shown(name) if isinstance(name, str) else ascii(name)[:40]
            raise ModelUnavailable(
                f"{spec.repo_id} lists an unsafe file name, {shown} ({problem}); the download was refused "
                "and nothing was written"
            )
    commit = data.get("sha")
    if commit is None:
        commit = spec.revision
    elif not _is_hex(commit, 40):
        raise unusable("its commit is not a git hash")

    names = [RemoteFile(sibling["rfilename"], 0, None) for sibling in siblings]
    by_name = {sibling["rfilename"]: sibling for sibling in siblings}
    wanted = []
    seen: set[str] = set()
    for item in _wanted_files(names):
        key = unicodedata.normalize("NFC", item.name).casefold()
        if key in seen:  # one file on Windows and macOS, whose names ignore case
            raise unusable(f"it lists {_shown(item.name)} twice")
        seen.add(key)
        sibling = by_name[item.name]
        lfs = sibling.get("lfs")
        if lfs is not None and not isinstance(lfs, dict):
            raise unusable(f"bad LFS entry for {item.name}")
        size = lfs.get("size") if lfs else sibling.get("size")
        if type(size) is not int or size < 0:
            raise unusable(f"no usable size for {item.name}")
        sha256 = lfs.get("sha256") if lfs else None
        if lfs and not _is_hex(sha256, 64):
            raise unusable(f"no usable SHA-256 for {item.name}")
        # The blob id of an LFS file is its pointer's, not its content's: only the others'.
        git_sha1 = None if lfs else sibling.get("blobId")
        if git_sha1 is not None and not _is_hex(git_sha1, 40):
            raise unusable(f"no usable git hash for {item.name}")
        wanted.append(
            RemoteFile(
                item.name,
                size,
                sha256.lower() if sha256 else None,
                git_sha1.lower() if git_sha1 else None,
            )
        )
    return str(commit), wanted

def _hub_url() -> str:
    from huggingface_hub import constants

    return (hub_endpoint() or constants.ENDPOINT).rstrip("/")

def _no_answer(seconds: float) -> str:
    return (
        f"the Hugging Face Hub at {_hub_url()} did not answer within {seconds:g} s; check the network and try "
        "again later, or download the model on another machine and choose its folder"
    )

def _is_timeout(error: BaseException) -> bool:
    """A read/write/pool timeout of whichever HTTP library the hub client uses (not a connect
    timeout: that one is "cannot reach")."""
    kind = type(error).__name__
    return "Timeout" in kind and "Connect" not in kind

def _fetch_listing(spec: ModelSpec, state: JobState) -> bytes:
    """The body of the Hub's listing of ``spec`` (with every file's size and hashes).

    The request runs on a daemon thread that the caller waits on for at most
    :data:`LISTING_DEADLINE_S`, checking for Cancel meanwhile; the thread itself stops at its
    next block of data (or read timeout) once given up on.
    """
    from huggingface_hub.utils import build_hf_headers

    url = f"{_hub_url()}/api/models/{spec.repo_id}/revision/{quote(spec.revision, safe='')}"
    headers = build_hf_headers()
    headers["Accept-Encoding"] = "identity"  # the size bound is on the bytes that arrive
    deadline_s = LISTING_DEADLINE_S
    given_up = threading.Event()

    def fetch() -> bytes:
        try:
            with _open(url, headers, params={"blobs": "true"}) as response:
                _raise_for_status(response)
                if response.status_code != 200:
                    raise _HubFault(f"the Hub answered the listing with HTTP {response.status_code}")
                return _read_listing(response, given_up)
        except Exception as error:
            if _is_timeout(error):
                raise _HubFault(_no_answer(READ_TIMEOUT_S)) from error
            raise

    return run_watched(
        fetch,
        timeout_s=deadline_s,
        on_timeout=lambda: ModelUnavailable(f"could not download {spec.repo_id}: {_no_answer(deadline_s)}"),
        is_cancelled=state.is_interruption_requested,
        stop=given_up,
        name=f"listing {spec.repo_id}",
    )

def _read_listing(response: Any, given_up: threading.Event) -> bytes:
    parts: list[bytes] = []
    size = 0
    for block in response.iter_raw():
        if given_up.is_set():
            raise _HubFault("given up")
        size += len(block)
        if size > LISTING_MAX_BYTES:
            raise _HubFault(
                f"the Hugging Face Hub at {_hub_url()} sent a listing larger than {format_bytes(LISTING_MAX_BYTES)}"
            )
        parts.append(block)
    return b"".join(parts)

# -- requests -----------------------------------------------------------------------------------

def _timeouts() -> tuple[float, float, float, float]:
    """(connect, read, write, pool) seconds, for every request."""
    return (CONNECT_TIMEOUT_S, READ_TIMEOUT_S, READ_TIMEOUT_S, CONNECT_TIMEOUT_S)

@contextmanager
def _open(url: str, headers: dict[str, str], params: dict[str, str] | None = None) -> Iterator[Any]:
    """A streamed ``GET`` of ``url`` on the hub client's session, with :func:`_timeouts`.

    Redirects are followed here rather than by the HTTP library, which reads a redirect's body
    to its end (a hostile server's can be endless); the library still builds each next request
    (dropping the token when the redirect leaves the Hub's origin). The answer is closed on
    exit without reading what is left of it.
    """
    from huggingface_hub import get_session

    session = get_session()
    request = session.build_request("GET", url, headers=headers, params=params, timeout=_timeouts())
    for _ in range(_MAX_REDIRECTS + 1):
        response = session.send(request, stream=True, follow_redirects=False)
        if response.next_request is None:
            break
        response.close()
        request = response.next_request
    else:
        raise _HubFault(f"the Hugging Face Hub at {_hub_url()} redirected more than {_MAX_REDIRECTS} times")
    try:
        yield response
    finally:
        response.close()

def _raise_for_status(response: Any) -> None:
    """The hub client's error for an error answer (reading at most :data:`_ERROR_BODY_BYTES`
    of its body, never decompressed)."""
    if response.status_code < 400:
        return
    from huggingface_hub.utils import hf_raise_for_status

    body = b""
    for block in response.iter_raw():
        body += block
        if len(body) >= _ERROR_BODY_BYTES:
            body = body[:_ERROR_BODY_BYTES]
            break
    skipped = {"content-encoding", "content-length", "transfer-encoding"}
    headers = [(name, value) for name, value in response.headers.multi_items() if name.lower() not in skipped]
    hf_raise_for_status(type(response)(response.status_code, headers=headers, content=body, request=response.request))
    raise _HubFault(f"the Hub answered HTTP {response.status_code}")  # pragma: no cover - hf_raise_for_status raised

# -- downloading --------------------------------------------------------------------------------

_MANIFEST = ".article-digest-download.json"

# A download's progress status (Wording templates: a window says them in its language;
# each marked for translation here). The sizes are format_bytes' text.
DOWNLOADING = QT_TRANSLATE_NOOP("Models", "{model}: {file} {file_done} of {file_size}; model {done} of {total}")
TRANSFER_RATE = QT_TRANSLATE_NOOP("Models", "— {rate}/s")
DOWNLOAD_STATUS_TEMPLATES = (DOWNLOADING, TRANSFER_RATE)

#: The largest piece written (and reported) at a time.
_CHUNK_BYTES = 256 * 1024

def download(
    spec: ModelSpec,
    state: JobState | None = None,
) -> Path:
    """Fetch ``spec``'s files from the Hub, verify them, and install them; returns the folder.

    Files arrive in a staging folder as ``<name>.partial``; an interrupted or cancelled
    download keeps them and the next call resumes each with a ``Range`` request. (The
    huggingface_hub cache deletes partial files when a transfer fails, so it cannot resume
    across attempts; that is why the app downloads into a folder of its own.) Every file is
    checked against the size and hash the Hub lists; a file that does not match (or of which
    the server sends more than listed) is fetched once more from scratch, and refused if it
    still does not. The model is moved into place only when every file is whole, so a
    half-installed model is never used. See the module's docstring for what a hostile server
    cannot do.

    Raises :class:`ModelUnavailable` with a one-line reason (offline, unreachable, no answer,
    not found, unsafe listing, disk full, bad hash) and :class:`Cancelled` when ``state`` is
    interrupted. ``state`` gets the fraction of the model's bytes fetched, and a status naming
    the file, the bytes and the rate (a :class:`~models.common.wording.Wording` of
    :data:`DOWNLOAD_STATUS_TEMPLATES`, so a window can say it in its language).
    """
    if hub_offline():
        raise ModelUnavailable(
            f"{spec.repo_id} is not installed and HF_HUB_OFFLINE is set; download it on another "
            "machine and choose its folder"
        )
    try:
        return _download(spec, state or JobState())
    except (Cancelled, ModelUnavailable):
        raise
    except Exception as error:  # noqa: BLE001 - the hub's transport errors differ by version (requests, httpx)
        raise ModelUnavailable(f"could not download {spec.repo_id}: {_describe_hub_error(error)}") from error

def _download(
    spec: ModelSpec, state: JobState
) -> Path:
    # One request without the hub's retry back-off: an unreachable hub is reported in about a
    # second rather than after half a minute of retries.
    commit, wanted = _parse_listing(spec, _fetch_listing(spec, state))
    if not any(item.name.endswith((".safetensors", ".bin")) for item in wanted):
        raise ModelUnavailable(f"{spec.repo_id} has no weights the app can load")

    target = download_folder(spec)
    staging = target.with_name(target.name + ".download")
    manifest = {
        "repo_id": spec.repo_id,
        "commit": commit,
        "files": {
            item.name: {"size": item.size, "sha256": item.sha256, "git_sha1": item.git_sha1} for item in wanted
        },
    }
    staged_manifest = staging / _MANIFEST
    if staging.is_dir() and read_json_object(staged_manifest).get("commit") != commit:
        shutil.rmtree(staging)  # partial files of another revision cannot be resumed
    staging.mkdir(parents=True, exist_ok=True)
    for name in [_MANIFEST, *(item.name for item in wanted), *(item.name + ".partial" for item in wanted)]:
        if not _stays_inside(staging, name):
            raise ModelUnavailable(
                f"could not download {spec.repo_id}: {_shown(name)} in {staging} leads outside that folder "
                "(a link?); delete the folder and try again"
            )
    staged_manifest.write_text(json.dumps(manifest, indent=1), encoding="utf-8")

    total = sum(item.size for item in wanted)
    finished = 0
    rate = _TransferRate()
    for item in wanted:

        def report(file_done: int, item: RemoteFile = item) -> None:
            done = finished + file_done
            status = Wording(
                DOWNLOADING, model=spec.repo_id, file=item.name, file_done=format_bytes(file_done),
                file_size=format_bytes(item.size), done=format_bytes(done), total=format_bytes(total),
            )
            speed = rate.per_second(done)
            if speed:
                status = Wording.join((status, Wording(TRANSFER_RATE, rate=format_bytes(speed))))
            state.report(done / total if total else 1.0, status)

        destination = staging / item.name
        sha256 = _check_file(destination, item, state)[1] if destination.is_file() else None
        if sha256 is None:
            sha256 = _fetch_verified(spec, commit, item, destination, report, state)
        # What was verified is recorded, so that verify() finds later damage to every file.
        manifest["files"][item.name]["sha256"] = sha256
        report(item.size)
        finished += item.size

    staged_manifest.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return move_into_place(staging, target)  # over an older or damaged copy

class _TransferRate:
    """Bytes per second over the last half second or more (0 at first)."""

    def __init__(self) -> None:
        self._mark: tuple[float, int] | None = None
        self._rate = 0.0

    def per_second(self, done: int) -> float:
        now = time.monotonic()
        if self._mark is None:
            self._mark = (now, done)
        elif now - self._mark[0] >= 0.5:
            self._rate = (done - self._mark[1]) / (now - self._mark[0])
            self._mark = (now, done)
        return max(self._rate, 0.0)


def _fetch_verified(
    spec: ModelSpec,
    commit: str,
    item: RemoteFile,
    destination: Path,
    report: Callable[[int], None],
    state: JobState | None,
) -> str:
    """Fetch ``item`` into ``destination`` and return its SHA-256, or raise."""
    partial = destination.with_name(destination.name + ".partial")
    for attempt in (1, 2):
        try:
            _fetch_resuming(spec, commit, item, partial, report, state)
            problem, sha256 = _check_file(partial, item, state)
        except _BadBytes as error:
            problem, sha256 = str(error), None
        if problem is None and sha256 is not None:
            move_into_place(partial, destination)
            return sha256
        # Never keep a bad file: the second attempt starts from zero.
        partial.unlink(missing_ok=True)
        if attempt == 2:
            raise ModelUnavailable(f"{spec.repo_id}: {problem} after downloading it twice; try again later")
    raise AssertionError("unreachable")  # pragma: no cover

#: A transfer that breaks is resumed at once this many times, as long as each try brings data.
_RESUME_TRIES = 5

def _fetch_resuming(
    spec: ModelSpec,
    commit: str,
    item: RemoteFile,
    partial: Path,
    report: Callable[[int], None],
    state: JobState | None,
) -> None:
    from huggingface_hub.errors import HfHubHTTPError

    for _ in range(_RESUME_TRIES):
        before = _size(partial)
        try:
            _fetch(spec, commit, item, partial, report, state)
            return
        except _Stalled as error:
            broken: Exception = error
        except (Cancelled, ModelUnavailable, HfHubHTTPError, _HubFault):
            raise
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EACCES, errno.EROFS):
                raise
            broken = error
        except Exception as error:  # noqa: BLE001 - a dropped connection, whatever the HTTP library calls it
            broken = error
        if _size(partial) <= before:
            raise broken
    raise ModelUnavailable(
        f"could not download {spec.repo_id}: the connection kept breaking (last: {_one_line(broken)}); try again later"
    )

class _StallWatch:
    """Raises :class:`_Stalled` when a transfer brings less than :data:`STALL_MIN_BYTES` in
    :data:`READ_TIMEOUT_S` (the read timeout covers a server that sends nothing at all)."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._start = time.monotonic()
        self._bytes = 0

    def received(self, count: int) -> None:
        self._bytes += count
        now = time.monotonic()
        if now - self._start < READ_TIMEOUT_S:
            return
        if self._bytes < STALL_MIN_BYTES:
            raise _Stalled(
                f"the Hugging Face Hub at {_hub_url()} sent {self._name} too slowly (under "
                f"{format_bytes(STALL_MIN_BYTES)} in {READ_TIMEOUT_S:g} s)"
            )
        self._start, self._bytes = now, 0

def _fetch(
    spec: ModelSpec,
    commit: str,
    item: RemoteFile,
    partial: Path,
    report: Callable[[int], None],
    state: JobState | None,
) -> None:
    """Append the rest of ``item`` to ``partial`` (a ``Range`` request when it has a start).

    Never writes past ``item.size``, the listing's size: a server that sends more (or says it
    will, in ``Content-Length``) raises :class:`_BadBytes`; one that goes silent or trickles
    raises :class:`_Stalled`.
    """
    from huggingface_hub import hf_hub_url
    from huggingface_hub.utils import build_hf_headers

    url = hf_hub_url(spec.repo_id, item.name, revision=commit, endpoint=hub_endpoint())
    start = _size(partial)
    if start > item.size:  # never kept: more than the listing's size cannot be the file
        partial.unlink()
        start = 0
    if start == item.size and partial.is_file():
        report(start)
        return
    headers = build_hf_headers()
    headers["Accept-Encoding"] = "identity"  # sizes must be the file's own
    if start:
        headers["Range"] = f"bytes={start}-"
    try:
        with _open(url, headers) as response:
            if response.status_code == 416:  # the range is refused: verification decides
                return
            _raise_for_status(response)
            if response.status_code not in (200, 206):
                raise _HubFault(f"the Hub answered HTTP {response.status_code} for {item.name}")
            if response.status_code == 206:
                served = re.match(r"bytes (\d+)-", response.headers.get("Content-Range", ""))
                if not start or served is None or int(served.group(1)) != start:
                    raise _BadBytes(f"the Hub sent another part of {item.name} than the one asked for")
            offset = start if response.status_code == 206 else 0
            room = item.size - offset
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > room:
                raise _BadBytes(f"the Hub sent more than the {item.size} bytes it lists for {item.name}")
            done = offset
            report(done)
            watch = _StallWatch(item.name)
            with open(partial, "ab" if offset else "wb") as handle:
                for block in response.iter_raw():  # as it arrives: never decompressed
                    if state is not None:
                        state.raise_if_interrupted()
                    overflow = len(block) > item.size - done
                    block = block[: item.size - done]
                    for at in range(0, len(block), _CHUNK_BYTES):
                        piece = block[at : at + _CHUNK_BYTES]
                        handle.write(piece)
                        done += len(piece)
                        report(done)
                    if overflow:
                        raise _BadBytes(f"the Hub sent more than the {item.size} bytes it lists for {item.name}")
                    watch.received(len(block))
    except Exception as error:
        if _is_timeout(error):
            raise _Stalled(
                f"the Hugging Face Hub at {_hub_url()} stopped sending {item.name} (nothing for "
                f"{READ_TIMEOUT_S:g} s)"
            ) from error
        raise

def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0

# -- checking -----------------------------------------------------------------------------------

def _recorded_file(name: object, entry: object) -> RemoteFile | str:
    """A manifest's entry as a :class:`RemoteFile`, or why it is unusable."""
    problem = _name_problem(name)
    if problem is not None or not isinstance(name, str) or "/" in name:
        shown = _shown(name) if isinstance(name, str) else ascii(name)[:40]
        return f"the download record lists an unsafe file name, {shown}"
    size = entry.get("size") if isinstance(entry, dict) else None
    sha256 = entry.get("sha256") if isinstance(entry, dict) else None
    git_sha1 = entry.get("git_sha1") if isinstance(entry, dict) else None
    if (
        type(size) is not int
        or size < 0
        or (sha256 is not None and not _is_hex(sha256, 64))
        or (git_sha1 is not None and not _is_hex(git_sha1, 40))
    ):
        return f"the download record's entry for {name} is damaged"
    # The SHA-256 of what was verified covers the file; the listed git hash only when it is all.
    return RemoteFile(name, size, sha256, None if sha256 else git_sha1)

def verify(spec: ModelSpec, models_dir: Path | str | None = None, state: JobState | None = None) -> list[str]:
    """What is wrong with the installed model (empty when it is whole). Works offline.

    A download's manifest records every file's size and SHA-256 (older ones: the hashes the
    Hub listed), which are checked. The cache names each file's blob by its hash (the Hub's
    ETag: the SHA-256 of a large file, the git blob SHA-1 of a small one), so the hash is
    checked without asking the Hub.
    """
    try:
        location = locate(spec, models_dir)
    except ModelUnavailable as error:
        return [str(error)]
    problems = folder_problems(location.path)
    record = read_json_object(location.path / _MANIFEST)
    recorded = record.get("files")
    if location.origin == "downloaded" and not (isinstance(recorded, dict) and recorded):
        problems.append(f"the download record ({_MANIFEST}) is missing or damaged; download the model again")
    for name, entry in recorded.items() if isinstance(recorded, dict) else ():
        expected = _recorded_file(name, entry)
        if isinstance(expected, str):
            problems.append(expected)
            continue
        file = location.path / name
        if not _stays_inside(location.path, name):
            problems.append(f"{name} leads outside the model's folder")
            continue
        if not file.is_file():
            problems.append(f"{name} is missing")
            continue
        problem = _file_problem(file, expected, state)
        if problem:
            problems.append(problem)
    if location.origin == "cache":
        for link in sorted(location.path.iterdir()):
            if not link.is_file():
                continue
            blob = link.resolve()
            if _is_hex(blob.name, 64) and blob.name == blob.name.lower():
                if _sha256(blob, state) != blob.name:
                    problems.append(f"{link.name} does not match its SHA-256")
            elif _is_hex(blob.name, 40) and blob.name == blob.name.lower():
                if _digests(blob, True, state)[1] != blob.name:
                    problems.append(f"{link.name} does not match its git hash (SHA-1)")
    return problems

def _printable(text: str) -> str:
    """``text`` without control characters (a server's words reach the terminal)."""
    return "".join("?" if unicodedata.category(char) in _UNPRINTABLE_CATEGORIES else char for char in text)

def _one_line(error: BaseException) -> str:
    """The first line of ``error``'s message, printable and at most 300 characters."""
    detail = _printable((str(error).strip().splitlines() or [error.__class__.__name__])[0])
    return detail if len(detail) <= 300 else detail[:297] + "..."

def _describe_hub_error(error: Exception) -> str:
    """One line a user can act on, whichever HTTP library the hub client uses."""
    kind = error.__class__.__name__
    detail = _one_line(error)
    if isinstance(error, _Stalled):
        return f"{detail}; try again later"
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return f"not enough disk space in {hub_cache_dir()}; free some space and try again"
    if isinstance(error, PermissionError):
        return f"cannot write to {hub_cache_dir()} (permission denied)"
    if kind in {"RepositoryNotFoundError", "EntryNotFoundError", "RevisionNotFoundError", "RemoteEntryNotFoundError"}:
        return f"not found on the Hub ({detail})"
    if "Connect" in kind or "Timeout" in kind:
        return (
            f"cannot reach the Hugging Face Hub at {hub_endpoint() or 'https://huggingface.co'} ({detail}); check the network, "
            "or download the model on another machine and choose its folder"
        )
    return detail
