"""A local HTTP server speaking the part of the Hugging Face Hub protocol that downloads use.

It serves model folders (the tiny test models) as repositories: the revision listing with
file sizes and LFS SHA-256 hashes, ``HEAD``/``GET`` on ``/<repo>/resolve/<rev>/<file>`` with
the hub's ETag/commit/size headers, and ``Range`` requests. Faults can be injected per file:
drop the connection part-way, or serve corrupted bytes, once.

It can also play a hostile or broken Hub: list files with dangerous names
(``extra_files``) or a doctored listing (``edit_listing``), accept the listing request and never
answer it (``stall_listing``) or answer it a byte at a time (``trickle_listing``), stop in the
middle of a file and hang (``stall_at``, ``stall_once``), trickle a file (``trickle``), send
more bytes than listed, with or without an honest ``Content-Length`` (``extra_bytes``,
``no_length``), and redirect with a body that never ends (``redirect_once``) or forever
(``redirect_always``). Whatever hangs is released when the server stops.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlparse

COMMIT = "c0ffee" + "0" * 34
#: Served as LFS objects (ETag = SHA-256), as the real Hub does for large binaries.
_LFS_SUFFIXES = (".safetensors", ".bin", ".spm", ".model")


@dataclass
class Request:
    method: str
    path: str
    range: str | None


@dataclass
class HubState:
    repos: dict[str, Path] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    #: file name -> bytes to send before dropping the connection (first GET only).
    drop_once: dict[str, int] = field(default_factory=dict)
    #: file names whose first GET serves corrupted bytes of the right size.
    corrupt_once: set[str] = field(default_factory=set)
    #: file name -> seconds to sleep between 4 KiB blocks (to cancel mid-download).
    slow: dict[str, float] = field(default_factory=dict)

    # -- a hostile or broken server ------------------------------------------------------------
    #: more files of every repository, listed (as LFS objects when the suffix says so) and
    #: served: names no real repository should have.
    extra_files: dict[str, bytes] = field(default_factory=dict)
    #: called with each listing (a dict) before it is sent, to doctor it.
    edit_listing: Callable[[dict], None] | None = None
    #: the listing request is read and never answered.
    stall_listing: bool = False
    #: seconds between the single bytes of a listing that never ends.
    trickle_listing: float | None = None
    #: file name -> offset in the file where every GET stops sending and hangs.
    stall_at: dict[str, int] = field(default_factory=dict)
    #: the same, for the first GET only.
    stall_once: dict[str, int] = field(default_factory=dict)
    #: file name -> seconds between single bytes.
    trickle: dict[str, float] = field(default_factory=dict)
    #: file name -> bytes of junk sent after the file (counted in Content-Length when one is sent).
    extra_bytes: dict[str, int] = field(default_factory=dict)
    #: file names sent without Content-Length (the body ends when the connection closes).
    no_length: set[str] = field(default_factory=set)
    #: file names whose first GET is redirected (to the same file) with a body that never ends.
    redirect_once: set[str] = field(default_factory=set)
    #: file names whose every GET is redirected to the same file.
    redirect_always: set[str] = field(default_factory=set)
    #: set when the server stops: whatever hangs gives up.
    release: threading.Event = field(default_factory=threading.Event)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _git_sha1(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    # -- routing ------------------------------------------------------------------------
    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._route(send_body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._route(send_body=True)

    def _route(self, send_body: bool) -> None:
        state = self.server.state
        path = unquote(urlparse(self.path).path)
        state.requests.append(Request(self.command, path, self.headers.get("Range")))
        info = re.fullmatch(r"/api/models/([^/]+/[^/]+)/revision/([^/]+)", path)
        resolve = re.fullmatch(r"/([^/]+/[^/]+)/resolve/([^/]+)/(.+)", path)
        if info and info.group(1) in state.repos:
            if state.stall_listing:
                state.release.wait()
                self.close_connection = True
                return
            if state.trickle_listing is not None:
                self._trickle_listing(state.trickle_listing)
                return
            self._send_json(self._listing(info.group(1)))
        elif resolve and resolve.group(1) in state.repos:
            name = resolve.group(3)
            if send_body and self._redirected(name):
                return
            if name in state.extra_files:
                self._send_file(name, state.extra_files[name], send_body)
            else:
                file = state.repos[resolve.group(1)] / name
                if not file.is_file():
                    self._send_json({"error": "Entry not found"}, status=404, headers={"X-Error-Code": "EntryNotFound"})
                    return
                self._send_file(file.name, file.read_bytes(), send_body)
        else:
            self._send_json({"error": "Repository not found"}, status=404, headers={"X-Error-Code": "RepoNotFound"})

    # -- responses ----------------------------------------------------------------------
    def _listing(self, repo: str) -> dict[str, object]:
        state = self.server.state
        files = {file.name: file.read_bytes() for file in sorted(state.repos[repo].iterdir())}
        siblings = []
        for name, data in [*files.items(), *state.extra_files.items()]:
            sibling: dict[str, object] = {"rfilename": name, "size": len(data), "blobId": _git_sha1(data)}
            if name.endswith(_LFS_SUFFIXES):
                sibling["lfs"] = {"sha256": _sha256(data), "size": len(data), "pointerSize": 134}
            siblings.append(sibling)
        listing: dict[str, object] = {"id": repo, "modelId": repo, "sha": COMMIT, "private": False, "siblings": siblings}
        if state.edit_listing is not None:
            state.edit_listing(listing)
        return listing

    def _trickle_listing(self, delay: float) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(10**9))
        self.end_headers()
        self.wfile.write(b'{"siblings": [')
        while not self.server.state.release.wait(delay):
            self.wfile.write(b" ")
            self.wfile.flush()
        self.close_connection = True

    def _redirected(self, name: str) -> bool:
        """Answer with a redirect to the same file when asked to; True when it did."""
        state = self.server.state
        if name in state.redirect_always:
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        if name not in state.redirect_once:
            return False
        state.redirect_once.discard(name)
        self.send_response(302)
        self.send_header("Location", self.path)
        self.send_header("Content-Length", str(10**9))
        self.end_headers()
        self.wfile.write(b"x" * 1024)
        self.wfile.flush()
        state.release.wait()  # the rest of the body never comes
        self.close_connection = True
        return True

    def _send_json(self, payload: object, status: int = 200, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _send_file(self, name: str, data: bytes, send_body: bool) -> None:
        state = self.server.state
        lfs = name.endswith(_LFS_SUFFIXES)
        etag = _sha256(data) if lfs else _git_sha1(data)
        start = 0
        requested = self.headers.get("Range")
        if requested:
            start = int(re.fullmatch(r"bytes=(\d+)-", requested).group(1))  # type: ignore[union-attr]
        body = data[start:]
        drop_after = None
        if send_body and name in state.drop_once and not requested:
            drop_after = state.drop_once.pop(name)
        if send_body and name in state.corrupt_once:
            state.corrupt_once.discard(name)
            body = bytes(byte ^ 0xFF for byte in body[:16]) + body[16:]
        stall_after = None
        if send_body and name in state.stall_once:
            stall_after = max(0, state.stall_once.pop(name) - start)
        elif send_body and name in state.stall_at:
            stall_after = max(0, state.stall_at[name] - start)
        body += b"\0" * state.extra_bytes.get(name, 0)
        with_length = name not in state.no_length

        self.send_response(206 if requested else 200)
        self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("ETag", f'"{etag}"')
        if lfs:
            self.send_header("X-Linked-Etag", f'"{etag}"')
            self.send_header("X-Linked-Size", str(len(data)))
        self.send_header("Accept-Ranges", "bytes")
        if with_length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        if requested:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.end_headers()
        if not send_body:
            return
        if drop_after is not None:
            self.wfile.write(body[:drop_after])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if stall_after is not None:
            self.wfile.write(body[:stall_after])
            self.wfile.flush()
            state.release.wait()
            self.close_connection = True
            return
        trickle = state.trickle.get(name)
        if trickle is not None:
            for offset in range(len(body)):
                self.wfile.write(body[offset : offset + 1])
                self.wfile.flush()
                if state.release.wait(trickle):
                    break
            self.close_connection = True
            return
        delay = state.slow.get(name)
        for offset in range(0, len(body), 4096):
            self.wfile.write(body[offset : offset + 4096])
            if delay:
                self.wfile.flush()
                threading.Event().wait(delay)
        if not with_length:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: HubState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state

    def handle_error(self, request: object, client_address: object) -> None:
        # The client hanging up on a hostile answer (a timeout, a refused body) is expected.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class FakeHub:
    """Start with ``with FakeHub({"org/name": folder}) as hub:``; ``hub.url`` is the endpoint."""

    def __init__(self, repos: dict[str, Path]) -> None:
        self.state = HubState(repos=dict(repos))
        self._server = _Server(self.state)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeHub:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.state.release.set()
        self._server.shutdown()
        self._server.server_close()

    def gets(self, filename: str) -> list[Request]:
        return [r for r in self.state.requests if r.method == "GET" and r.path.endswith("/" + filename)]


def go_online(monkeypatch) -> None:  # noqa: ANN001 - a pytest MonkeyPatch
    """Lift the suite's offline switch (huggingface_hub reads it once, at import) and have the
    downloader write and report in 16 KB pieces (the tiny models are a few hundred KB)."""
    import huggingface_hub.constants

    from models.inventory import downloads

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(downloads, "_CHUNK_BYTES", 16 * 1024)
