"""Articles from the web: a link given to the CLI, dropped or pasted on the window, or saved in a
``.url`` (Windows) or ``.webloc`` (macOS) file.

:func:`fetch_article` downloads the page with the standard library (``urllib``: no dependency
added for it) and reads it with :func:`models.documents.read.article_from_bytes`, so a fetched
page gets exactly what a saved one gets: trafilatura's extraction of the article, the same
cleaning, limits and refusals; a PDF, a Word document or plain text are read by their own
readers. The article's ``source_path`` is the page's address (after redirects).

The server is not trusted; whatever it does, a fetch ends within ``timeout_s`` with an article,
:class:`~models.Cancelled`, or a one-line :class:`FetchError`:

- only ``http://`` and ``https://`` links, and redirects only to such links, at most
  :data:`MAX_REDIRECTS` of them;
- the transfer runs on a worker thread, so the caller's deadline holds even while the name is
  being looked up or a connection opened (neither can be interrupted), and ``is_cancelled``
  is polled every :data:`_POLL_S`; the socket's own connect and read timeouts end the
  abandoned worker soon after;
- at most ``max_bytes`` are read, whatever ``Content-Length`` says (a larger one refuses the
  page at once; a smaller one is no promise);
- no cookies are sent or kept; the User-Agent names the app (:data:`USER_AGENT`); no
  compression is asked for, so what arrives is what is measured.

Importing this module is cheap: ``urllib.request`` (and ``ssl``) load on the first fetch.
"""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from models.common.paths import APP_NAME
from models.common.translatable import QT_TRANSLATE_NOOP
from models.common.types import Article
from models.common.units import format_bytes
from models.common.watchdog import run_watched
from models.common.wording import Wording
from models.documents.read import LINK_EXTENSIONS, NOT_A_REGULAR_FILE, DocumentError, article_from_bytes, file_error

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT_S",
    "FETCH_REASON_TEMPLATES",
    "FetchError",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "fetch_article",
    "is_link",
    "link_in_file",
]

#: Seconds a fetch may take altogether (also each wait for a connection or for data).
DEFAULT_TIMEOUT_S = 15.0
#: Pages larger than this are refused (a news page's HTML is well under 1 MB).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: Redirects followed for one fetch (http to https, then a canonical address, is the usual two).
MAX_REDIRECTS = 5
#: Text longer than this is not taken for a link.
MAX_LINK_CHARS = 8192
#: A .url or .webloc file is a few hundred bytes; larger ones are not read.
MAX_LINK_FILE_BYTES = 64 * 1024
USER_AGENT = f"{APP_NAME}/0.1 (article reader; Python urllib)"
_SCHEMES = ("http", "https")
_CHUNK_BYTES = 64 * 1024
# How often the caller checks is_cancelled and the deadline while the worker waits on the network.
_POLL_S = 0.05

# Content types read as articles, with the reader (an extension of SUPPORTED_EXTENSIONS) for each.
_KINDS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
# What servers send when they do not say what a file is: then its first bytes decide.
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown"})

# Why a link or a saved link gives no article: FetchError's and DocumentError's reasons here, as
# Wording templates, so the window can say them in its language (each marked for translation
# where it is written). A file's own refusals are read.py's READ_REASON_TEMPLATES.
NOT_A_WEB_LINK = QT_TRANSLATE_NOOP("Reading", "Cannot open '{link}': it is not a valid web link")
NOT_A_FETCHED_SCHEME = QT_TRANSLATE_NOOP("Reading", "Cannot open '{link}': only http:// and https:// links can be fetched, not {scheme}: links")
NO_LINK_IN_FILE = QT_TRANSLATE_NOOP("Reading", "holds no link")
LINK_FILE_TOO_LARGE = QT_TRANSLATE_NOOP("Reading", "is too large for a saved link (over {size})")
NOT_A_WEBLOC = QT_TRANSLATE_NOOP("Reading", "is not a valid .webloc file (corrupt?)")
NOT_AN_INTERNET_SHORTCUT = QT_TRANSLATE_NOOP("Reading", "is not a valid Internet Shortcut (.url) file")
NO_INTERNET_SHORTCUT_SECTION = QT_TRANSLATE_NOOP("Reading", "is not a valid Internet Shortcut (.url) file (no [InternetShortcut] section)")
NO_ANSWER_WITHIN = QT_TRANSLATE_NOOP("Reading", "{host} did not answer within {seconds} s")
TOO_SLOW = QT_TRANSLATE_NOOP("Reading", "{host} is too slow: {received} of the page came in {seconds} s")
NO_ANSWER_IN_TIME = QT_TRANSLATE_NOOP("Reading", "{host} did not answer in time")
BROKE_OFF_TRANSFER = QT_TRANSLATE_NOOP("Reading", "{host} broke off the transfer ({error})")
MALFORMED_ANSWER = QT_TRANSLATE_NOOP("Reading", "{host} sent a malformed answer ({error})")
BROKE_OFF_CONNECTION = QT_TRANSLATE_NOOP("Reading", "{host} broke off the connection")
REDIRECTED_TO_SCHEME = QT_TRANSLATE_NOOP("Reading", "{url}: the server sent it on to '{scheme}:', which is not fetched (only http and https are)")
REDIRECTED_AWAY = QT_TRANSLATE_NOOP("Reading", "{url}: the server sent it on to an address that is not fetched")
REDIRECTED_AWAY_HTTP = QT_TRANSLATE_NOOP("Reading", "{url}: the server sent it on to an address that is not fetched (HTTP {code})")
TOO_MANY_REDIRECTS = QT_TRANSLATE_NOOP("Reading", "{url}: too many redirects (more than {limit})")
PAGE_TOO_LARGE = QT_TRANSLATE_NOOP("Reading", "{url}: the page is too large (over {size})")
HTTP_STATUS = QT_TRANSLATE_NOOP("Reading", "{url}: the server answered {code}")
HTTP_STATUS_SAID = QT_TRANSLATE_NOOP("Reading", "{url}: the server answered {code} {status}")
NAME_NOT_FOUND = QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: no network connection? (the name {name} was not found)")
NO_SECURE_CONNECTION = QT_TRANSLATE_NOOP("Reading", "Could not make a secure connection to {host}: {error}")
CONNECTION_REFUSED = QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: the connection was refused (no server there?)")
NO_NETWORK = QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: no network connection?")
UNREACHABLE = QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: {error}")
AN_IMAGE = QT_TRANSLATE_NOOP("Reading", "{url} is an image ({type}), not an article")
A_VIDEO = QT_TRANSLATE_NOOP("Reading", "{url} is a video ({type}), not an article")
A_SOUND_FILE = QT_TRANSLATE_NOOP("Reading", "{url} is a sound file ({type}), not an article")
A_FONT = QT_TRANSLATE_NOOP("Reading", "{url} is a font ({type}), not an article")
A_FILE_OF_TYPE = QT_TRANSLATE_NOOP("Reading", "{url} is a file of type {type}, not an article")
A_FILE_OF_NO_TYPE = QT_TRANSLATE_NOOP("Reading", "{url} is a file of no stated type, not an article")
FETCH_REASON_TEMPLATES = (
    NOT_A_WEB_LINK, NOT_A_FETCHED_SCHEME, NO_LINK_IN_FILE, LINK_FILE_TOO_LARGE, NOT_A_WEBLOC, NOT_AN_INTERNET_SHORTCUT,
    NO_INTERNET_SHORTCUT_SECTION, NO_ANSWER_WITHIN, TOO_SLOW, NO_ANSWER_IN_TIME, BROKE_OFF_TRANSFER, MALFORMED_ANSWER,
    BROKE_OFF_CONNECTION, REDIRECTED_TO_SCHEME, REDIRECTED_AWAY, REDIRECTED_AWAY_HTTP, TOO_MANY_REDIRECTS, PAGE_TOO_LARGE,
    HTTP_STATUS, HTTP_STATUS_SAID, NAME_NOT_FOUND, NO_SECURE_CONNECTION, CONNECTION_REFUSED, NO_NETWORK, UNREACHABLE,
    AN_IMAGE, A_VIDEO, A_SOUND_FILE, A_FONT, A_FILE_OF_TYPE, A_FILE_OF_NO_TYPE,
)  # fmt: skip
# What each family of content types is, for the refusal of what is not an article.
_FAMILY_REFUSALS = {"image": AN_IMAGE, "video": A_VIDEO, "audio": A_SOUND_FILE, "font": A_FONT}


class FetchError(DocumentError):
    """A link whose page could not be fetched, or is not an article; ``str()`` is one line that
    names the link or its host and the cause ("Could not reach example.com: no network
    connection?"). ``path`` is the link, ``reason`` the same line (a Wording of
    :data:`FETCH_REASON_TEMPLATES`)."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(url, message)
        self.args = (self.reason,)  # the message names the link or its host itself


def is_link(text: str) -> bool:
    """Whether ``text`` (dropped or pasted, surrounding white space aside) is one http(s) link
    and nothing more."""
    if not isinstance(text, str):
        return False
    text = text.strip()
    if not text or len(text) > MAX_LINK_CHARS or any(char.isspace() or ord(char) < 32 for char in text):
        return False
    try:
        parts = urlsplit(text)
        return parts.scheme.lower() in _SCHEMES and bool(parts.hostname)
    except ValueError:  # a malformed address (an unclosed IPv6 bracket)
        return False


def link_in_file(path: str | os.PathLike[str]) -> str | None:
    """The link saved in a ``.url`` (Windows Internet Shortcut, an INI file) or ``.webloc``
    (macOS, a property list) file; None for a file of any other type (it is an article file,
    or not one: :func:`~models.documents.read.read_article` says). A link file that cannot be
    read, or holds no link, raises :class:`~models.documents.read.DocumentError`. The link is
    returned as it is: :func:`fetch_article` refuses what it will not fetch."""
    file_path = Path(os.fspath(path))
    kind = file_path.suffix.lower()
    if kind not in LINK_EXTENSIONS:
        return None
    data = _read_small_file(file_path)
    link = _webloc_link(file_path, data) if kind == ".webloc" else _shortcut_link(file_path, data)
    link = " ".join(link.split()) if isinstance(link, str) else ""
    if not link:
        raise DocumentError(file_path, Wording(NO_LINK_IN_FILE))
    return link


def fetch_article(
    url: str,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_bytes: int = DEFAULT_MAX_BYTES,
    is_cancelled: Callable[[], bool] | None = None,
) -> Article:
    """Fetch the page at ``url`` (http or https) and read its article; see the module's notes.

    Raises :class:`FetchError` (no network, a name not found, no answer in time, an HTTP error
    status, too large, not an article), :class:`~models.documents.read.DocumentError` (a page
    with no article text: the same refusals as a saved page) or
    :class:`~models.Cancelled` (``is_cancelled()`` became true).
    """
    link = _checked_link(url)
    page = _download(link, timeout_s, max_bytes, is_cancelled)
    return article_from_bytes(
        page.data, _document_kind(page), source=page.url, charset=page.charset, fallback_title=page.host
    )


# --------------------------------------------------------------------------- links


def _checked_link(url: str) -> str:
    text = url.strip() if isinstance(url, str) else ""
    shown = " ".join(text.split())[:200] or repr(url)
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        raise FetchError(shown, Wording(NOT_A_WEB_LINK, link=shown)) from None
    if parts.scheme and parts.scheme.lower() not in _SCHEMES:
        raise FetchError(shown, Wording(NOT_A_FETCHED_SCHEME, link=shown, scheme=parts.scheme))
    if not parts.scheme or not host or any(char.isspace() or ord(char) < 32 for char in text):
        raise FetchError(shown, Wording(NOT_A_WEB_LINK, link=shown))
    return text


def _read_small_file(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise DocumentError(path, Wording(NOT_A_REGULAR_FILE))
            data = stream.read(MAX_LINK_FILE_BYTES + 1)
    except OSError as error:
        raise file_error(path, error) from error
    if len(data) > MAX_LINK_FILE_BYTES:
        raise DocumentError(path, Wording(LINK_FILE_TOO_LARGE, size=format_bytes(MAX_LINK_FILE_BYTES)))
    return data


def _webloc_link(path: Path, data: bytes) -> str | None:
    import plistlib

    try:
        content = plistlib.loads(data)
    except Exception as error:  # noqa: BLE001 - plistlib raises several kinds (and expat's) on bad input
        raise DocumentError(path, Wording(NOT_A_WEBLOC)) from error
    link = content.get("URL") if isinstance(content, dict) else None
    return link if isinstance(link, str) else None


def _shortcut_link(path: Path, data: bytes) -> str | None:
    import configparser

    for encoding in ("utf-8-sig", "utf-16", "cp1252"):  # .url files are written in the ANSI code page
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DocumentError(path, Wording(NOT_AN_INTERNET_SHORTCUT))
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    no_section = Wording(NO_INTERNET_SHORTCUT_SECTION)
    try:
        parser.read_string(text)
    except configparser.MissingSectionHeaderError as error:
        raise DocumentError(path, no_section) from error
    except configparser.Error as error:
        raise DocumentError(path, Wording(NOT_AN_INTERNET_SHORTCUT)) from error
    for section in parser.sections():
        if section.strip().lower() == "internetshortcut":
            return parser.get(section, "url", fallback=None)
    raise DocumentError(path, no_section)


# --------------------------------------------------------------------------- the transfer


@dataclass
class _Page:
    url: str
    host: str
    content_type: str
    charset: str | None
    data: bytes


@dataclass
class _Transfer:
    """What the worker has got so far, for the caller's message when the deadline passes."""

    answered: bool = False
    received: int = 0
    stop: threading.Event = field(default_factory=threading.Event)


def _download(url: str, timeout_s: float, max_bytes: int, is_cancelled: Callable[[], bool] | None) -> _Page:
    host = _host(url)
    transfer = _Transfer()
    return run_watched(
        lambda: _transfer(url, host, timeout_s, max_bytes, transfer),
        timeout_s=timeout_s,
        on_timeout=lambda: FetchError(url, _too_slow(host, timeout_s, transfer)),
        is_cancelled=is_cancelled,
        stop=transfer.stop,
        name="fetch-article",
        poll_s=_POLL_S,
    )


def _too_slow(host: str, timeout_s: float, transfer: _Transfer) -> Wording:
    if not transfer.answered:
        return Wording(NO_ANSWER_WITHIN, host=host, seconds=f"{timeout_s:g}")
    return Wording(TOO_SLOW, host=host, received=format_bytes(transfer.received), seconds=f"{timeout_s:g}")


def _transfer(url: str, host: str, timeout_s: float, max_bytes: int, transfer: _Transfer) -> _Page | None:
    """The fetch itself, on the worker thread: every failure becomes a one-line FetchError."""
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    try:
        with _opener(url).open(request, timeout=timeout_s) as response:
            transfer.answered = True
            final_url = response.geturl()
            declared = response.headers.get("Content-Length", "")
            if declared.strip().isdigit() and int(declared) > max_bytes:
                raise FetchError(final_url, _too_large(final_url, max_bytes))
            chunks: list[bytes] = []
            while not transfer.stop.is_set():
                chunk = response.read(min(_CHUNK_BYTES, max_bytes + 1 - transfer.received))
                if not chunk:
                    break
                chunks.append(chunk)
                transfer.received += len(chunk)
                if transfer.received > max_bytes:  # read one byte past the limit to know
                    raise FetchError(final_url, _too_large(final_url, max_bytes))
            else:
                return None  # the caller has given up on it
            content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            return _Page(
                url=final_url,
                host=_host(final_url) or host,
                content_type=content_type,
                charset=response.headers.get_content_charset(),
                data=b"".join(chunks),
            )
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        error.close()
        raise FetchError(url, _http_error(url, error)) from None
    except urllib.error.URLError as error:
        raise FetchError(url, _connection_error(host, error.reason, url)) from None
    except http.client.HTTPException as error:  # a malformed answer, or one cut short
        template = BROKE_OFF_TRANSFER if isinstance(error, http.client.IncompleteRead) else MALFORMED_ANSWER
        raise FetchError(url, Wording(template, host=host, error=type(error).__name__)) from None
    except OSError as error:  # a timeout or a reset while reading the body
        raise FetchError(url, _connection_error(host, error, url)) from None


def _opener(url: str) -> Any:
    """An opener for http and https only: no file:, ftp: or data: handlers, no cookie jar;
    proxies from the environment, as every other program on the machine uses them."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
            scheme = urlsplit(newurl).scheme.lower()
            if scheme not in _SCHEMES:
                raise FetchError(url, Wording(REDIRECTED_TO_SCHEME, url=url, scheme=scheme))
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=_tls_context()),
        Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


_tls: Any = None
_tls_lock = threading.Lock()


def _tls_context() -> Any:
    """The system's certificates, and certifi's where it is installed (a bundled app on
    Windows or macOS may find none of the system's)."""
    global _tls
    with _tls_lock:
        if _tls is None:
            import ssl

            context = ssl.create_default_context()
            try:
                import certifi

                context.load_verify_locations(certifi.where())
            except (ImportError, OSError):
                pass
            _tls = context
        return _tls


def _host(url: str) -> str:
    try:
        parts = urlsplit(url)
        return parts.netloc.rpartition("@")[2] or url
    except ValueError:
        return url


def _too_large(url: str, max_bytes: int) -> Wording:
    return Wording(PAGE_TOO_LARGE, url=url, size=format_bytes(max_bytes))


def _http_error(url: str, error: Any) -> Wording:
    code = int(getattr(error, "code", 0) or 0)
    if 300 <= code < 400:
        if "infinite loop" in str(getattr(error, "msg", "")):
            return Wording(TOO_MANY_REDIRECTS, url=url, limit=MAX_REDIRECTS)
        return Wording(REDIRECTED_AWAY_HTTP, url=url, code=code)
    status = " ".join(str(getattr(error, "reason", "") or "").split())[:100]
    return Wording(HTTP_STATUS_SAID, url=url, code=code, status=status) if status else Wording(HTTP_STATUS, url=url, code=code)


def _connection_error(host: str, reason: Any, url: str) -> Wording:
    import errno
    import socket
    import ssl

    if isinstance(reason, FetchError):
        return reason.reason
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return Wording(NO_ANSWER_IN_TIME, host=host)
    if isinstance(reason, socket.gaierror):
        return Wording(NAME_NOT_FOUND, host=host, name=_hostname(host))
    if isinstance(reason, ssl.SSLError):
        why = getattr(reason, "verify_message", None) or getattr(reason, "reason", None) or reason
        return Wording(NO_SECURE_CONNECTION, host=host, error=" ".join(str(why).split())[:150])
    if isinstance(reason, ConnectionRefusedError):
        return Wording(CONNECTION_REFUSED, host=host)
    if isinstance(reason, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
        return Wording(BROKE_OFF_CONNECTION, host=host)
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return Wording(NO_NETWORK, host=host)
    if isinstance(reason, OSError):
        return Wording(UNREACHABLE, host=host, error=str(reason.strerror or reason))
    text = " ".join(str(reason).split())[:150]
    if text.startswith("unknown url type"):  # a redirect urllib let through to a scheme we have no handler for
        return Wording(REDIRECTED_AWAY, url=url)
    return Wording(UNREACHABLE, host=host, error=text)


def _hostname(host: str) -> str:
    return urlsplit(f"//{host}").hostname or host


# --------------------------------------------------------------------------- what arrived


def _document_kind(page: _Page) -> str:
    """The reader for what the server sent (an extension of SUPPORTED_EXTENSIONS); FetchError
    for what is not an article (an image, a video, an archive)."""
    kind = _KINDS.get(page.content_type)
    if kind is not None:
        return kind
    if page.content_type in _UNTYPED:
        head = page.data[:1024].lstrip().lower()
        if head.startswith(b"%pdf-"):
            return ".pdf"
        if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
            return ".html"
    raise FetchError(page.url, _not_an_article(page.url, page.content_type))


def _not_an_article(url: str, content_type: str) -> Wording:
    template = _FAMILY_REFUSALS.get(content_type.partition("/")[0])
    if template is not None:
        return Wording(template, url=url, type=content_type)
    return Wording(A_FILE_OF_TYPE, url=url, type=content_type) if content_type else Wording(A_FILE_OF_NO_TYPE, url=url)
