"""What an input is: the one place that tells a web link, a saved link, an article file and a
folder apart, for the command line's arguments and for what is dropped, pasted or opened on the
window.

:func:`classify_input` looks at the disk once (one ``stat``: is it a folder, is anything
there); :func:`file_kind` only at the name. What to do with each kind is the caller's: the
window refuses what it cannot open with its own reasons before reading, the command line
reads a folder's articles (:func:`~models.documents.read.expand_article_paths`) and leaves
whatever else to the readers to refuse.
"""

from __future__ import annotations

import enum
import errno
import os
import re
import stat
from pathlib import Path

from models.documents.fetch import is_link
from models.documents.read import LINK_EXTENSIONS, SUPPORTED_EXTENSIONS

__all__ = ["InputKind", "classify_input", "file_kind"]

# Any address with a scheme ("ftp://", "file://"): what is not an http(s) link is not fetched.
_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# What a stat says when there is nothing at the path (or it cannot name a file).
_NOTHING_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


class InputKind(enum.Enum):
    """What an input is."""

    #: An http or https link (:func:`~models.documents.fetch.is_link`): its page is fetched.
    WEB_LINK = "web link"
    #: An address of another kind (``ftp://``, ``file://``): nothing is fetched from it.
    OTHER_ADDRESS = "other address"
    #: A folder: its article files are read.
    FOLDER = "folder"
    #: Nothing is there.
    MISSING = "missing"
    #: A saved link (:data:`~models.documents.read.LINK_EXTENSIONS`: .url, .webloc): the link in it is fetched.
    LINK_FILE = "link file"
    #: A file of a format that is read (:data:`~models.documents.read.SUPPORTED_EXTENSIONS`).
    ARTICLE_FILE = "article file"
    #: Any other file (another extension, or none).
    OTHER_FILE = "other file"


def classify_input(source: str) -> InputKind:
    """What ``source`` (a command-line argument, a dropped or pasted path or link) is.

    A link is told by its text alone; a path by one look at the disk (``stat``, following
    links): a folder, nothing there, or a file, whose kind its name says (:func:`file_kind`).
    A path the system cannot look at for another reason (permission denied, a name too long)
    counts as a file: reading it says what is wrong. Never raises.
    """
    if is_link(source):
        return InputKind.WEB_LINK
    if _ADDRESS.match(source):
        return InputKind.OTHER_ADDRESS
    path = Path(source)
    try:
        info = path.stat()
    except ValueError:  # a NUL in the name: it names nothing
        return InputKind.MISSING
    except OSError as error:
        return InputKind.MISSING if error.errno in _NOTHING_THERE else file_kind(path)
    return InputKind.FOLDER if stat.S_ISDIR(info.st_mode) else file_kind(path)


def file_kind(path: str | os.PathLike[str]) -> InputKind:
    """What a file is by its name alone (nothing is read): :attr:`InputKind.LINK_FILE`,
    :attr:`InputKind.ARTICLE_FILE` or :attr:`InputKind.OTHER_FILE`."""
    extension = Path(os.fspath(path)).suffix.lower()
    if extension in LINK_EXTENSIONS:
        return InputKind.LINK_FILE
    if extension in SUPPORTED_EXTENSIONS:
        return InputKind.ARTICLE_FILE
    return InputKind.OTHER_FILE
