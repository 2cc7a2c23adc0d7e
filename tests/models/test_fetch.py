"""Articles from the web (:mod:`models.documents.fetch`), against a real HTTP server on
127.0.0.1: a good page, redirects, oversize, trickling and silent servers, error statuses,
types that are not articles, a closed port, and links that are not http(s). Also the saved
link files (.url, .webloc) and telling a link from other pasted text."""

from __future__ import annotations

import plistlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

import pytest

from models.common.types import Cancelled
from models.common.units import format_bytes
from models.documents.fetch import DEFAULT_MAX_BYTES, FetchError, fetch_article, is_link, link_in_file
from models.documents.read import DocumentError, read_article
from tests.models._document_samples import ENGLISH_PARAGRAPHS, RUSSIAN_PARAGRAPHS, make_pdf

ARTICLE_TITLE = "Talks resume in Geneva"


def article_page(title: str = ARTICLE_TITLE, paragraphs: tuple[str, ...] = ENGLISH_PARAGRAPHS, meta_charset: str = "utf-8") -> str:
    """A news page as sites send it: navigation, the article, a footer."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs * 2)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{meta_charset}"><title>{title} | The Daily</title></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright The Daily. All rights reserved.</footer></body></html>"
    )


class Site:
    """A web server on 127.0.0.1 in a thread; ``routes`` maps a path to a handler. Records each
    request's path and headers."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.stopped = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append((self.path, dict(self.headers.items())))
                route = site.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading, as it should have

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.server.shutdown()
        self.server.server_close()

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body

        def send(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)

        self.routes[path] = send

    def redirect(self, path: str, location: str, *headers: tuple[str, str]) -> None:
        def send(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(302)
            handler.send_header("Location", location)
            for name, value in headers:
                handler.send_header(name, value)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = send


def standard_site(site: Site) -> Site:
    site.page("/article", article_page())
    site.redirect("/old-address", "/article")
    site.redirect("/with-cookie", "/article", ("Set-Cookie", "session=secret; Path=/"))
    site.redirect("/loop", "/loop")
    site.redirect("/to-file", "file:///etc/passwd")
    site.redirect("/to-ftp", "ftp://127.0.0.1/article.html")
    site.page("/picture", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    site.page("/report.pdf", make_pdf([list(ENGLISH_PARAGRAPHS)], title=ARTICLE_TITLE), "application/pdf")
    site.page("/untyped", make_pdf([list(ENGLISH_PARAGRAPHS)]), "application/octet-stream")
    site.page("/scripts-only", "<html><head><title>App</title></head><body><script>var a = 1;</script></body></html>")
    # Russian in Windows-1251, declared by the server; the page's own meta tag is wrong.
    russian = article_page("Переговоры возобновились", RUSSIAN_PARAGRAPHS, meta_charset="utf-8").encode("cp1251")
    site.page("/russian", russian, "text/html; charset=windows-1251")

    def oversize(handler: BaseHTTPRequestHandler) -> None:
        # No Content-Length: the size is known only by counting what arrives.
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        chunk = b"<p>" + b"x " * 32 * 1024 + b"</p>"
        for _ in range(200):  # 12 MB, more than twice the limit
            handler.wfile.write(chunk)

    def declared_oversize(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(50 * 1024 * 1024))
        handler.end_headers()
        handler.wfile.write(b"<html>")
        site.stopped.wait(10)

    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(200):  # a byte every 0.1 s: never silent long enough for a read timeout
            if site.stopped.is_set():
                return
            handler.wfile.write(b"<")
            handler.wfile.flush()
            time.sleep(0.1)

    site.routes["/oversize"] = oversize
    site.routes["/declared-oversize"] = declared_oversize
    site.routes["/trickle"] = trickle
    return site


@pytest.fixture()
def site() -> Iterator[Site]:
    with Site() as running:
        yield standard_site(running)


@pytest.fixture()
def silent_server() -> Iterator[str]:
    """A port that takes connections (the kernel's backlog) and never answers a byte."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/article"
    finally:
        listener.close()


def closed_port_url() -> str:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    return f"http://127.0.0.1:{port}/article"


def fetch_error(url: str, **kwargs: object) -> tuple[str, float]:
    """The one-line message fetching ``url`` fails with, and how long it took."""
    started = time.monotonic()
    with pytest.raises(DocumentError) as caught:
        fetch_article(url, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message, time.monotonic() - started


# --------------------------------------------------------------------------- pages that read


def test_a_news_page_becomes_its_article_with_the_link_as_its_source(site: Site) -> None:
    article = fetch_article(f"{site.url}/article")
    assert article.title == ARTICLE_TITLE
    assert ENGLISH_PARAGRAPHS[0] in article.text
    assert "Home" not in article.text and "All rights reserved" not in article.text  # the page's chrome is gone
    assert article.source_path == f"{site.url}/article"
    assert article.language == "en"
    path, headers = site.requests[-1]
    assert path == "/article"
    assert headers["User-Agent"].startswith("ArticleDigest/")


def test_saved_page_and_fetched_page_read_alike(site: Site, tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(article_page(), encoding="utf-8")
    fetched = fetch_article(f"{site.url}/article")
    read = read_article(saved)
    assert (fetched.title, fetched.text) == (read.title, read.text)


def test_redirects_are_followed_and_cookies_are_not_kept(site: Site) -> None:
    article = fetch_article(f"{site.url}/old-address")
    assert article.source_path == f"{site.url}/article"  # where the page really is
    assert fetch_article(f"{site.url}/with-cookie").title == ARTICLE_TITLE
    assert all("Cookie" not in headers for _path, headers in site.requests)


def test_the_server_charset_wins_over_the_page_meta_tag(site: Site) -> None:
    article = fetch_article(f"{site.url}/russian")
    assert RUSSIAN_PARAGRAPHS[0] in article.text
    assert article.encoding == "cp1251" and article.language == "ru"


def test_a_pdf_link_is_read_by_the_pdf_reader(site: Site) -> None:
    for path in ("/report.pdf", "/untyped"):
        article = fetch_article(f"{site.url}{path}")
        assert ENGLISH_PARAGRAPHS[1][:40] in article.text
    assert fetch_article(f"{site.url}/report.pdf").title == ARTICLE_TITLE


# --------------------------------------------------------------------------- pages that do not


def test_error_statuses_and_pages_that_are_not_articles(site: Site) -> None:
    message, _ = fetch_error(f"{site.url}/no-such-page")
    assert message == f"{site.url}/no-such-page: the server answered 404 Not Found"
    message, _ = fetch_error(f"{site.url}/picture")
    assert message == f"{site.url}/picture is an image (image/png), not an article"
    # Refused as the same page saved to disk is.
    message, _ = fetch_error(f"{site.url}/scripts-only")
    assert message.startswith(f"{site.url}/scripts-only: has no article text")


def test_redirects_are_bounded_and_stay_on_the_web(site: Site) -> None:
    message, _ = fetch_error(f"{site.url}/loop")
    assert "too many redirects" in message
    for path in ("/to-file", "/to-ftp"):
        message, _ = fetch_error(f"{site.url}{path}")
        assert message.startswith(f"{site.url}{path}: the server sent it on to") and "not fetched" in message
    assert not [path for path, _headers in site.requests if path == "/etc/passwd"]


def test_an_oversize_page_is_cut_off_at_the_limit(site: Site) -> None:
    message, seconds = fetch_error(f"{site.url}/oversize", max_bytes=1024 * 1024)
    assert message == f"{site.url}/oversize: the page is too large (over {format_bytes(1024 * 1024)})"
    message, seconds = fetch_error(f"{site.url}/declared-oversize")
    assert message == f"{site.url}/declared-oversize: the page is too large (over {format_bytes(DEFAULT_MAX_BYTES)})"
    assert seconds < 5  # refused on its Content-Length, not after waiting for the body


def test_a_trickling_server_is_given_up_on_at_the_deadline(site: Site) -> None:
    message, seconds = fetch_error(f"{site.url}/trickle", timeout_s=1.0)
    assert message.startswith(f"127.0.0.1:{site.server.server_port} is too slow: ") and message.endswith("came in 1 s")
    assert 0.9 < seconds < 3


def test_a_server_that_never_answers_times_out(silent_server: str) -> None:
    message, seconds = fetch_error(silent_server, timeout_s=1.0)
    host = silent_server.split("/")[2]
    assert message == f"{host} did not answer within 1 s"
    assert 0.9 < seconds < 3


def test_cancel_stops_a_fetch_that_waits_on_the_network(silent_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        fetch_article(silent_server, timeout_s=30, is_cancelled=lambda: time.monotonic() - started > 0.3)
    assert time.monotonic() - started < 2


def test_an_unreachable_address_is_one_line() -> None:
    url = closed_port_url()
    message, seconds = fetch_error(url)
    assert message == f"Could not reach {url.split('/')[2]}: the connection was refused (no server there?)"
    assert seconds < 5


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/article.html", "javascript:alert(1)"])
def test_only_http_and_https_links_are_fetched(url: str) -> None:
    message, seconds = fetch_error(url)
    scheme = url.split(":")[0]
    assert message == f"Cannot open '{url}': only http:// and https:// links can be fetched, not {scheme}: links"
    assert seconds < 1  # refused without touching the network


@pytest.mark.parametrize("text", ["news.example.com/a", "https://", "http:///path", ""])
def test_text_that_is_not_a_link_is_refused(text: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_article(text)
    assert str(caught.value).startswith("Cannot open '") and "is not a valid web link" in str(caught.value)


# --------------------------------------------------------------------------- links in text and files


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.com/news/talks", True),
        ("  http://example.com/a?b=c#d \n", True),
        ("HTTPS://EXAMPLE.COM", True),
        ("https://example.com/a https://example.com/b", False),  # two links
        ("Read this: https://example.com/a", False),  # text around a link
        ("file:///etc/passwd", False),
        ("ftp://example.com/a", False),
        ("https://", False),
        ("https://[::1", False),  # malformed
        ("example.com/news", False),
        ("", False),
    ],
)
def test_is_link_tells_a_single_web_link_from_other_text(text: str, expected: bool) -> None:
    assert is_link(text) is expected


def test_link_in_file_reads_windows_and_macos_saved_links(tmp_path: Path) -> None:
    url = "https://example.com/news/talks?id=7"
    shortcut = tmp_path / "Talks.url"
    shortcut.write_bytes(f"[{{000214A0-0000-0000-C000-000000000046}}]\r\nProp3=19,11\r\n[InternetShortcut]\r\nIDList=\r\nURL={url}\r\n".encode("cp1252"))
    assert link_in_file(shortcut) == url
    lower = tmp_path / "lower.URL"
    lower.write_bytes(f"\ufeff[internetshortcut]\nurl = {url}\n".encode("utf-8"))
    assert link_in_file(lower) == url
    for fmt, name in ((plistlib.FMT_XML, "talks.webloc"), (plistlib.FMT_BINARY, "binary.webloc")):
        webloc = tmp_path / name
        webloc.write_bytes(plistlib.dumps({"URL": url}, fmt=fmt))
        assert link_in_file(webloc) == url
    article = tmp_path / "article.txt"
    article.write_text("Not a link file.", encoding="utf-8")
    assert link_in_file(article) is None


def test_broken_link_files_are_one_line_errors(tmp_path: Path) -> None:
    cases = {
        "no-section.url": (b"URL=https://example.com/\n", "no [InternetShortcut] section"),
        "no-url.url": (b"[InternetShortcut]\nIconIndex=0\n", "holds no link"),
        "garbage.webloc": (b"\x00\x01 not a plist", "is not a valid .webloc file"),
        "list.webloc": (plistlib.dumps(["https://example.com/"]), "holds no link"),
        "huge.url": (b"[InternetShortcut]\nURL=https://example.com/" + b"a" * 100_000 + b"\n", "is too large for a saved link"),
    }
    for name, (data, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(DocumentError) as caught:
            link_in_file(path)
        assert str(caught.value).startswith(f"{name}: ") and reason in str(caught.value), name
    with pytest.raises(DocumentError, match="missing.url: file not found"):
        link_in_file(tmp_path / "missing.url")
