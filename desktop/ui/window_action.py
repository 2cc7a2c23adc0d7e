"""The one way the window's actions are made: a named QAction of the window whose shortcuts
work even while the menu bar is hidden."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def window_action(window: QWidget, name: str, *shortcuts: QKeySequence) -> QAction:
    """A QAction of ``window`` named ``name``, with ``shortcuts`` (a standard key equal to an
    explicit one, such as Quit's Ctrl+Q, counted once; empty ones dropped). Its text is set by
    whoever owns it, in the interface's language."""
    action = QAction(window)
    action.setObjectName(name)
    unique: dict[str, QKeySequence] = {}
    for sequence in shortcuts:
        if not sequence.isEmpty():
            unique.setdefault(sequence.toString(), sequence)
    if unique:
        action.setShortcuts(list(unique.values()))
    window.addAction(action)
    return action
