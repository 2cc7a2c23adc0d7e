"""Where the app's own files (the icon in several sizes) live, in a checkout, a wheel or a bundle.

The icons are drawn by ``resources/make_icons.py`` into ``resources/`` at the top of the
checkout. An installed wheel carries them under ``<prefix>/share/article-digest/resources``
and a PyInstaller bundle under ``sys._MEIPASS/resources``; :func:`resources_dir` finds whichever
is there. Importing this module does not import Qt; :func:`app_icon` does.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

ICON_NAME = "app-icon"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    found = [here.parent / "resources", Path(sys.prefix) / "share" / "article-digest" / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.insert(0, Path(bundle) / "resources")
    return found


def resources_dir() -> Path | None:
    """The first folder holding the app icon, or ``None`` when none is found."""
    for folder in _candidates():
        if (folder / f"{ICON_NAME}.svg").is_file() or (folder / f"{ICON_NAME}-256.png").is_file():
            return folder
    return None


def icon_files() -> list[Path]:
    """The icon's PNG files, smallest first (empty when the resources are missing)."""
    folder = resources_dir()
    if folder is None:
        return []
    return [path for size in ICON_SIZES if (path := folder / f"{ICON_NAME}-{size}.png").is_file()]


def app_icon() -> QIcon:
    """The window icon with every PNG size added (a null icon when the files are missing)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon
