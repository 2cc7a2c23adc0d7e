"""A local HTTP server speaking the part of the Hugging Face Hub protocol that downloads use.

It serves model folders (the tiny test models) as repositories: the revision listing with
file sizes and LFS SHA-256 hashes, ``HEAD``/``GET`` on ``/<repo>/resolve/<rev>/<file>`` with
the hub's ETag/commit/size headers, and ``Range`` requests. Faults can be injected per file:
drop the connection part-way, or serve corrupted bytes, once.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
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
            self._send_json(self._listing(info.group(1)))
        elif resolve and resolve.group(1) in state.repos:
            self._send_file(state.repos[resolve.group(1)] / resolve.group(3), send_body)
        else:
            self._send_json({"error": "Repository not found"}, status=404, headers={"X-Error-Code": "RepoNotFound"})

    # -- responses ----------------------------------------------------------------------
    def _listing(self, repo: str) -> dict[str, object]:
        siblings = []
        for file in sorted(self.server.state.repos[repo].iterdir()):
            data = file.read_bytes()
            sibling: dict[str, object] = {"rfilename": file.name, "size": len(data), "blobId": _git_sha1(data)}
            if file.name.endswith(_LFS_SUFFIXES):
                sibling["lfs"] = {"sha256": _sha256(data), "size": len(data), "pointerSize": 134}
            siblings.append(sibling)
        return {"id": repo, "modelId": repo, "sha": COMMIT, "private": False, "siblings": siblings}

    def _send_json(self, payload: object, status: int = 200, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _send_file(self, file: Path, send_body: bool) -> None:
        state = self.server.state
        if not file.is_file():
            self._send_json({"error": "Entry not found"}, status=404, headers={"X-Error-Code": "EntryNotFound"})
            return
        data = file.read_bytes()
        lfs = file.name.endswith(_LFS_SUFFIXES)
        etag = _sha256(data) if lfs else _git_sha1(data)
        start = 0
        requested = self.headers.get("Range")
        if requested:
            start = int(re.fullmatch(r"bytes=(\d+)-", requested).group(1))  # type: ignore[union-attr]
        body = data[start:]
        drop_after = None
        if send_body and file.name in state.drop_once and not requested:
            drop_after = state.drop_once.pop(file.name)
        if send_body and file.name in state.corrupt_once:
            state.corrupt_once.discard(file.name)
            body = bytes(byte ^ 0xFF for byte in body[:16]) + body[16:]

        self.send_response(206 if requested else 200)
        self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("ETag", f'"{etag}"')
        if lfs:
            self.send_header("X-Linked-Etag", f'"{etag}"')
            self.send_header("X-Linked-Size", str(len(data)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(len(body)))
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
        delay = state.slow.get(file.name)
        for offset in range(0, len(body), 4096):
            self.wfile.write(body[offset : offset + 4096])
            if delay:
                self.wfile.flush()
                threading.Event().wait(delay)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: HubState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state


class FakeHub:
    """Start with ``with FakeHub({"org/name": folder}) as hub:``; ``hub.url`` is the endpoint."""

    def __init__(self, repos: dict[str, Path]) -> None:
        self.state = HubState(repos=dict(repos))
        self._server = _Server(self.state)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeHub:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def gets(self, filename: str) -> list[Request]:
        return [r for r in self.state.requests if r.method == "GET" and r.path.endswith("/" + filename)]
