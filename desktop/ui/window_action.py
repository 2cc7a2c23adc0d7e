"""The one way the window's actions are made: a named QAction of the window whose shortcuts
work even while the menu bar is hidden."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
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


def choice_actions(window: QWidget, prefix: str, values: Iterable[str]) -> tuple[QActionGroup, dict[str, QAction]]:
    """One checkable action per value, in one exclusive group (a menu of choices: the model
    profile, the interface language, the appearance): each named ``<prefix><Value>Action``,
    its data the value. Their texts are set by whoever owns them."""
    group = QActionGroup(window)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for value in values:
        action = QAction(window)
        action.setObjectName(f"{prefix}{value.capitalize()}Action")
        action.setCheckable(True)
        action.setData(value)
        group.addAction(action)
        actions[value] = action
    return group, actions
