"""Per-user folders (appdirs), in one place.

``ARTICLE_DIGEST_HOME`` moves all of them under one folder: tests and portable installs use it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ArticleDigest"
#: The app's name as people read it: window titles, dialogs, the About box.
APP_DISPLAY_NAME = "Article Digest"
APP_AUTHOR = "ArticleDigest"


def _home_override() -> Path | None:
    home = os.environ.get("ARTICLE_DIGEST_HOME")
    return Path(home) if home else None


def user_data_dir() -> Path:
    """Where the app keeps what the user would miss: the digest history, converted models."""
    override = _home_override()
    if override is not None:
        return override / "data"
    import appdirs

    return Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_cache_dir() -> Path:
    """Where the app keeps what it can rebuild: quantised weights, temporary downloads."""
    override = _home_override()
    if override is not None:
        return override / "cache"
    import appdirs

    return Path(appdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def history_dir() -> Path:
    """Every finished digest is stored here as one JSON file."""
    return user_data_dir() / "history"
