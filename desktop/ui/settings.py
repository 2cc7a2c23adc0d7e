"""Typed access to the user's settings (QSettings): window layout, folders, options, models.

The store is the platform's usual one (``QSettings()`` with the application's names), except
when ``ARTICLE_DIGEST_HOME`` is set (tests, portable installs): then an INI file in that
folder, so every per-user file moves with that one variable.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from models.inventory.catalog import DEFAULT_PROFILE, PROFILES
from models.common.languages import output_languages

MAX_RECENT_FILES = 10


def default_qsettings() -> QSettings:
    """The QSettings the app uses: the INI file under ``ARTICLE_DIGEST_HOME`` or the platform store."""
    home = os.environ.get("ARTICLE_DIGEST_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


class AppSettings:
    """The settings the window reads and writes, with defaults and type conversion in one place.

    Values written by an older version or edited by hand never raise: a value of the wrong
    type reads as the default.
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else default_qsettings()

    # -- helpers -------------------------------------------------------------------------------
    def _str(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.strip().lower() in {"true", "1", "yes"}
        return default

    def _list(self, key: str) -> list[str]:
        value = self.store.value(key, [])
        if isinstance(value, str):  # a one-element list comes back as a plain string from INI files
            return [value] if value else []
        if isinstance(value, (list, tuple)):
            return [str(item) for item in value if isinstance(item, str) and item]
        return []

    def _bytes(self, key: str) -> QByteArray:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()

    # -- window layout -------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    # The articles list made the splitter three panes: a two-pane state saved before would
    # give the list the article's width, so the three-pane state has its own key.
    @property
    def splitter_state(self) -> QByteArray:
        return self._bytes("window/splitter3")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self.store.setValue("window/splitter3", value)

    # -- view --------------------------------------------------------------------------------
    @property
    def link_sentences(self) -> bool:
        """Whether View › Link Sentences is on (default: on)."""
        return self._bool("view/link_sentences", True)

    @link_sentences.setter
    def link_sentences(self, value: bool) -> None:
        self.store.setValue("view/link_sentences", bool(value))

    @property
    def back_translate(self) -> bool:
        """Whether View › Back-Translate for Checking is on (default: on): the translations
        are translated back into English after each digest is shown, for checking."""
        return self._bool("view/back_translate", True)

    @back_translate.setter
    def back_translate(self, value: bool) -> None:
        self.store.setValue("view/back_translate", bool(value))

    @property
    def zoom(self) -> int:
        """View › Zoom: points added to the reading panes' size (default 0)."""
        value = self.store.value("view/zoom", 0)
        try:
            return int(value)
        except (TypeError, ValueError):
            return 0

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.store.setValue("view/zoom", int(value))

    @property
    def color_scheme(self) -> str:
        """View › Appearance: "system" (follow the system, the default), "light" or "dark"."""
        value = self._str("view/color_scheme", "system")
        return value if value in ("system", "light", "dark") else "system"

    @color_scheme.setter
    def color_scheme(self, value: str) -> None:
        self.store.setValue("view/color_scheme", value)

    @property
    def interface_language(self) -> str:
        """The interface language chosen in View › Language ("en", "ru", "ar"); "" until one
        is chosen (the system's language is used then)."""
        return self._str("view/language")

    @interface_language.setter
    def interface_language(self, value: str) -> None:
        self.store.setValue("view/language", value)

    # -- files ---------------------------------------------------------------------------------
    @property
    def last_folder(self) -> str:
        """The folder of the last file opened or saved (empty: the home folder)."""
        return self._str("files/last_folder")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.store.setValue("files/last_folder", value)

    @property
    def recent_files(self) -> list[str]:
        """Recently opened articles, most recent first."""
        return self._list("files/recent")[:MAX_RECENT_FILES]

    @recent_files.setter
    def recent_files(self, value: list[str]) -> None:
        self.store.setValue("files/recent", list(value)[:MAX_RECENT_FILES])

    def add_recent_file(self, path: str) -> list[str]:
        """Put ``path`` first in the recent files (once) and return the new list."""
        files = [path, *(item for item in self.recent_files if item != path)]
        self.recent_files = files
        return self.recent_files

    def remove_recent_file(self, path: str) -> list[str]:
        """Drop ``path`` from the recent files and return the new list."""
        self.recent_files = [item for item in self.recent_files if item != path]
        return self.recent_files

    # -- digest options ------------------------------------------------------------------------
    @property
    def languages(self) -> tuple[str, ...]:
        """Target languages ticked, in the language table's order (default: all of them)."""
        if not self.store.contains("digest/languages"):
            return output_languages()
        chosen = set(self._list("digest/languages"))
        return tuple(code for code in output_languages() if code in chosen)

    @languages.setter
    def languages(self, value: tuple[str, ...]) -> None:
        # An empty list is stored as a marker so that "none ticked" survives a restart.
        self.store.setValue("digest/languages", list(value) if value else "")

    @property
    def translate_article(self) -> bool:
        return self._bool("digest/translate_article", False)

    @translate_article.setter
    def translate_article(self, value: bool) -> None:
        self.store.setValue("digest/translate_article", bool(value))

    @property
    def profile(self) -> str:
        """The model profile (``quality`` or ``fast``); an unknown stored value reads as the default."""
        value = self._str("models/profile", DEFAULT_PROFILE)
        return value if value in PROFILES else DEFAULT_PROFILE

    @profile.setter
    def profile(self, value: str) -> None:
        self.store.setValue("models/profile", value)

    @property
    def models_dir(self) -> str | None:
        """The folder the user picked for models, or ``None`` for the engine's default."""
        return self._str("models/folder") or None

    @models_dir.setter
    def models_dir(self, value: str | None) -> None:
        self.store.setValue("models/folder", value or "")

    @property
    def download_article_models(self) -> bool:
        """Whether the Models dialog's Download also gets the models that translate Russian and
        Arabic articles into English (its box; default: yes)."""
        return self._bool("models/download_article_models", True)

    @download_article_models.setter
    def download_article_models(self, value: bool) -> None:
        self.store.setValue("models/download_article_models", bool(value))

    @property
    def save_all_folder(self) -> str:
        """The folder Save All wrote to last ("" before the first time)."""
        return self._str("files/save_all_folder")

    @save_all_folder.setter
    def save_all_folder(self, value: str) -> None:
        self.store.setValue("files/save_all_folder", value)

    @property
    def save_all_format(self) -> str:
        """The export format Save All used last."""
        return self._str("files/save_all_format", "md")

    @save_all_format.setter
    def save_all_format(self, value: str) -> None:
        self.store.setValue("files/save_all_format", value)

    @property
    def auto_save(self) -> bool:
        """Whether each finished digest is saved in :attr:`save_all_folder` at once (off by default)."""
        return self._bool("files/auto_save", False) and bool(self.save_all_folder)

    @auto_save.setter
    def auto_save(self, value: bool) -> None:
        self.store.setValue("files/auto_save", value)
