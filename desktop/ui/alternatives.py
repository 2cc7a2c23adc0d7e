"""A translated sentence's alternative translations, in a menu: the sentence's context menu
(right-click) or a menu of their own at the text cursor (Edit › Alternative Translations,
Alt+Down).

The engine finds them (the beam's best other hypotheses, each translated back into English:
:func:`models.digest.revise.alternatives`), which takes a moment; the menu opens at once
with a line saying so, and the alternatives take its place when they come. Each is an entry
of its own, with its translation back into English on the line under it (and the checks it
would raise, if any), so a reader who cannot read the language chooses by meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QWidgetAction

from desktop.ui.language import Checks, TranslationContext

if TYPE_CHECKING:
    from models.digest.revise import Alternative

Alternatives = TranslationContext("Alternatives")

#: The widest an entry of the menu is, in average characters of its font (longer text is cut
#: with "…"; the whole is in its tooltip and the status bar).
ENTRY_CHARACTERS = 110


class AlternativesSection(QObject):
    """The alternatives' part of ``menu``, before ``before`` (at its end when None): a heading,
    then "Finding alternative translations…" until :meth:`show_found` (or :meth:`show_failure`)
    replaces it. The menu may close meanwhile; what comes later is then dropped.

    Signals:
        chosen(object): this :class:`~models.digest.revise.Alternative` was chosen.
    """

    chosen = Signal(object)

    def __init__(self, menu: QMenu, before: QAction | None = None) -> None:
        super().__init__(menu)
        self._menu = menu
        self._anchor = before
        self._open = True
        menu.destroyed.connect(self._on_menu_gone)
        menu.aboutToHide.connect(self._on_menu_gone)
        menu.setToolTipsVisible(True)
        self._label(Alternatives.tr("Alternative translations"), bold=True)
        self._actions: list[QAction] = [self._label(Alternatives.tr("Finding alternative translations…"))]

    def _on_menu_gone(self) -> None:
        self._open = False

    def _width(self, metrics: QFontMetrics) -> int:
        """How wide a line may be: :data:`ENTRY_CHARACTERS`, and at most most of the screen."""
        return min(metrics.averageCharWidth() * ENTRY_CHARACTERS, int(self._menu.screen().availableGeometry().width() * 0.8))

    def _line(self, text: str, *, enabled: bool = False, tip: str = "") -> QAction:
        """An entry of the section, after the lines before it."""
        metrics = QFontMetrics(self._menu.font())
        shown = metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, self._width(metrics))
        action = QAction(shown, self._menu)
        action.setEnabled(enabled)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(" ".join(tip.split()))
        self._menu.insertAction(self._anchor, action)
        return action

    def _label(self, text: str, *, bold: bool = False, indent: bool = False, tip: str = "") -> QAction:
        """A line that is read, not chosen: in the menu's quieter colour (readable, unlike a
        disabled entry's grey), bold for the heading, indented under an entry."""
        from desktop.ui.panes import secondary_colour

        metrics = QFontMetrics(self._menu.font())
        label = QLabel(metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, self._width(metrics)))
        label.setObjectName("alternativesLine")
        palette = label.palette()
        colour = secondary_colour(self._menu.palette()) if not bold else palette.color(QPalette.ColorRole.WindowText)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            palette.setColor(group, QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        style = self._menu.style()
        left = style.pixelMetric(style.PixelMetric.PM_MenuHMargin, None, self._menu) + metrics.averageCharWidth() * (6 if indent else 2)
        label.setContentsMargins(left, 2, 12, 2)
        if tip:
            label.setToolTip(tip)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(label)
        action.setText(label.text())
        action.setEnabled(False)
        self._menu.insertAction(self._anchor, action)
        return action

    def _fit(self) -> None:
        """The menu as wide as its lines, over its window when it fits there, and on the screen."""
        menu = self._menu
        if not menu.isVisible():
            return
        menu.resize(menu.sizeHint())
        screen = menu.screen().availableGeometry()
        owner = menu.parentWidget().window() if menu.parentWidget() is not None else None
        if owner is not None and owner.frameGeometry().width() >= menu.width():
            screen = screen.intersected(owner.frameGeometry())
        geometry = menu.geometry()
        geometry.moveRight(min(geometry.right(), screen.right()))
        geometry.moveBottom(min(geometry.bottom(), screen.bottom()))
        geometry.moveLeft(max(geometry.left(), screen.left()))
        geometry.moveTop(max(geometry.top(), screen.top()))
        menu.setGeometry(geometry)

    def _clear(self) -> None:
        for action in self._actions:
            self._menu.removeAction(action)
            action.deleteLater()
        self._actions = []

    @property
    def open(self) -> bool:
        """Whether its menu is still open."""
        return self._open

    def entries(self) -> list[QAction]:
        """The entries that choose an alternative, in order (none until they are found)."""
        return [action for action in self._actions if action.isEnabled()]

    def lines(self) -> list[str]:
        """Every line of the section as shown, in order (the entries and the lines under them)."""
        return [action.text() for action in self._actions]

    def show_found(self, found: Sequence[Alternative]) -> None:
        """The alternatives in place of the line saying they are being found."""
        if not self._open:
            return
        from desktop.ui.language import flag_line

        self._clear()
        if not found:
            self._actions = [self._label(Alternatives.tr("No other translation found for this sentence."))]
        for number, alternative in enumerate(found, start=1):
            back = " ".join(alternative.back_translation.split())
            under = Alternatives.tr("In English: “{text}”").format(text=back) if back else Alternatives.tr(
                "(not translated back: the model that translates it into English is not installed)")
            flags = [flag_line(flag) for flag in alternative.flags]
            tip = "\n".join([alternative.text, under, *flags])
            entry = self._line(f"{number}. {alternative.text}", enabled=True, tip=tip)
            entry.setObjectName(f"alternative{number}Action")
            entry.triggered.connect(lambda checked=False, chosen=alternative: self.chosen.emit(chosen))
            self._actions += [entry, self._label(under, indent=True, tip=tip)]
            if flags:
                titles = "; ".join(Checks.tr(flag.check.title) for flag in alternative.flags)
                self._actions.append(self._label("⚠ " + titles, indent=True, tip=tip))
        self._fit()

    def show_failure(self, reason: str) -> None:
        """Why no alternatives can be shown, in place of the line saying they are being found."""
        if not self._open:
            return
        self._clear()
        self._actions = [self._label(Alternatives.tr("No alternatives: {reason}").format(reason=reason))]
        self._fit()
