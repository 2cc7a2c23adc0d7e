"""Numbers as people read them."""

from __future__ import annotations


def format_bytes(size: float) -> str:
    """1234567 -> '1.2 MB', 476000000 -> '476 MB' (decimal units, as download sizes are quoted;
    a decimal only where it says something)."""
    for unit in ("B", "KB", "MB", "GB"):
        if abs(size) < 1000 or unit == "GB":
            return f"{size:,.1f} {unit}" if unit != "B" and abs(size) < 10 else f"{size:,.0f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")
