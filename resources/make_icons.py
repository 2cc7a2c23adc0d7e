"""Draw the Article Digest icon: ``app-icon.svg`` and ``app-icon-<size>.png`` in this folder.

    python resources/make_icons.py

The same geometry (in a 256-unit square) is written once as SVG and painted with QPainter at
every PNG size, so the bitmaps need no SVG renderer and stay crisp at 16 px. The picture: a
blue tile with an English page (left-aligned lines) behind a translated page (right-aligned
lines, for the right-to-left Arabic), and an amber summary bar across the front page.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)

TILE = (8, 8, 240, 240, 52)  # x, y, w, h, corner radius
TILE_TOP, TILE_BOTTOM = "#3d7be0", "#1c4aa6"
BACK_PAGE = (44, 40, 120, 160, 12)
FRONT_PAGE = (92, 64, 124, 160, 12)
PAGE = "#ffffff"
BACK_PAGE_FILL = "#dce7fb"
LINE = "#9fb3d6"
ACCENT = "#f5a524"
# Lines on the back page: (x, y, width), left-aligned like English text.
BACK_LINES = ((60, 64, 80), (60, 84, 64), (60, 104, 80), (60, 124, 56), (60, 144, 72))
# Lines on the front page: right-aligned like Arabic text; the first is the amber summary bar.
FRONT_LINES = ((112, 90, 88), (128, 124, 72), (112, 144, 88), (140, 164, 60), (120, 184, 80))
LINE_HEIGHT = 10


def svg() -> str:
    """The icon as SVG text."""
    x, y, w, h, r = TILE
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
        "  <title>Article Digest</title>",
        '  <defs><linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{TILE_TOP}"/><stop offset="1" stop-color="{TILE_BOTTOM}"/>'
        "</linearGradient></defs>",
        f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="url(#tile)"/>',
    ]
    bx, by, bw, bh, br = BACK_PAGE
    parts.append(f'  <rect x="{bx}" y="{by}" width="{bw}" height="{bh}" rx="{br}" fill="{BACK_PAGE_FILL}"/>')
    for lx, ly, lw in BACK_LINES:
        parts.append(f'  <rect x="{lx}" y="{ly}" width="{lw}" height="{LINE_HEIGHT}" rx="5" fill="{LINE}"/>')
    fx, fy, fw, fh, fr = FRONT_PAGE
    parts.append(f'  <rect x="{fx}" y="{fy}" width="{fw}" height="{fh}" rx="{fr}" fill="{PAGE}"/>')
    for index, (lx, ly, lw) in enumerate(FRONT_LINES):
        colour = ACCENT if index == 0 else LINE
        height = LINE_HEIGHT * 2 if index == 0 else LINE_HEIGHT
        parts.append(f'  <rect x="{lx}" y="{ly}" width="{lw}" height="{height}" rx="5" fill="{colour}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _rounded(painter: QPainter, rect: tuple[float, float, float, float, float], brush: QBrush | QColor) -> None:
    x, y, w, h, r = rect
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, w, h), r, r)
    painter.fillPath(path, brush)


def paint(size: int) -> QImage:
    """The icon painted at ``size`` x ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.PenStyle.NoPen))
    painter.scale(size / 256, size / 256)
    gradient = QLinearGradient(0, TILE[1], 0, TILE[1] + TILE[3])
    gradient.setColorAt(0, QColor(TILE_TOP))
    gradient.setColorAt(1, QColor(TILE_BOTTOM))
    _rounded(painter, TILE, QBrush(gradient))
    _rounded(painter, BACK_PAGE, QColor(BACK_PAGE_FILL))
    for lx, ly, lw in BACK_LINES:
        _rounded(painter, (lx, ly, lw, LINE_HEIGHT, 5), QColor(LINE))
    _rounded(painter, FRONT_PAGE, QColor(PAGE))
    for index, (lx, ly, lw) in enumerate(FRONT_LINES):
        colour = QColor(ACCENT if index == 0 else LINE)
        _rounded(painter, (lx, ly, lw, LINE_HEIGHT * 2 if index == 0 else LINE_HEIGHT, 5), colour)
    painter.end()
    return image


def main(out_dir: Path = HERE) -> int:
    """Write the SVG and every PNG size into ``out_dir``."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    (out_dir / "app-icon.svg").write_text(svg(), encoding="utf-8")
    for size in SIZES:
        if not paint(size).save(str(out_dir / f"app-icon-{size}.png")):
            print(f"could not write app-icon-{size}.png", file=sys.stderr)
            return 1
    print(f"wrote app-icon.svg and {len(SIZES)} PNG sizes to {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
