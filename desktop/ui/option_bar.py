"""The row of digest options above the panes: languages, whole article, model profile, Digest, Cancel.

:class:`OptionBar` only holds and shows the choices; the window decides what they mean (it
saves them to the settings, re-checks the models, starts and stops digests).
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop.ui.language import language_name, translate
from models.common import languages
from models.common.types import DigestOptions
from models.inventory.catalog import DEFAULT_PROFILE, PROFILES

_PROFILE_LABELS = {"quality": QT_TRANSLATE_NOOP("OptionBar", "Quality"), "fast": QT_TRANSLATE_NOOP("OptionBar", "Fast")}
_PROFILE_TIPS = {
    "quality": QT_TRANSLATE_NOOP("OptionBar", "Larger models: better summaries and translations, slower"),
    "fast": QT_TRANSLATE_NOOP("OptionBar", "Smaller models: quicker on slow computers, rougher results"),
}


def profile_label(profile: str) -> str:
    """A model profile's name as shown ("quality" -> "Quality"), in the interface's language."""
    label = _PROFILE_LABELS.get(profile)
    return translate("OptionBar", label) if label else profile.capitalize()


def profile_tip(profile: str) -> str:
    """One line on what a model profile trades (empty for an unknown profile)."""
    tip = _PROFILE_TIPS.get(profile)
    return translate("OptionBar", tip) if tip else ""


class OptionBar(QWidget):
    """The "Translate into:" boxes, "Translate the whole article", the Models combo and the two buttons.

    The buttons stand at the end of the row, or under it when the row is too narrow for them
    (a small window, a long translation), so that no text is ever cut.

    Setting the options or the profile from code (:meth:`set_options`, :meth:`show_profile`)
    emits nothing; only the user's changes do.

    Signals:
        options_changed(): a language box or the whole-article box was toggled.
        profile_changed(str): the user picked another model profile in the combo.
        digest_clicked(): the Digest button was clicked.
        cancel_clicked(): the Cancel button was clicked.
    """

    options_changed = Signal()
    profile_changed = Signal(str)
    digest_clicked = Signal()
    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionBar")
        #: The options, then the buttons: side by side, or the buttons under the options (see :meth:`resizeEvent`).
        self._rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._options_row = layout = QHBoxLayout()
        self._rows.addLayout(layout)
        self.languages_label = QLabel()
        layout.addWidget(self.languages_label)
        self.language_boxes: dict[str, QCheckBox] = {}
        for code in languages.output_languages():
            box = QCheckBox()
            box.setObjectName(f"{languages.name(code).lower().replace(' ', '')}CheckBox")
            box.toggled.connect(self._on_box_toggled)
            self.language_boxes[code] = box
            layout.addWidget(box)
        self.full_article_box = QCheckBox()
        self.full_article_box.setObjectName("fullArticleCheckBox")
        self.full_article_box.toggled.connect(self._on_box_toggled)
        layout.addSpacing(12)
        layout.addWidget(self.full_article_box)
        layout.addSpacing(12)
        self.profile_label = QLabel()
        layout.addWidget(self.profile_label)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        # As wide as its text in every interface language (by default the width of the first show stays).
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never squeezed
        for name in PROFILES:
            self.profile_combo.addItem("", name)
        self.profile_combo.currentIndexChanged.connect(self._on_profile_combo_current_index_changed)
        layout.addWidget(self.profile_combo)
        layout.addStretch(1)
        self._rows.addStretch(1)
        self._buttons = QWidget()
        buttons = QHBoxLayout(self._buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self._rows.addWidget(self._buttons, 0, Qt.AlignmentFlag.AlignRight)  # the row's end (mirrored right to left)
        self.digest_button = QPushButton()
        self.digest_button.setObjectName("digestButton")
        self.digest_button.setDefault(True)
        self.digest_button.clicked.connect(self.digest_clicked)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_clicked)
        buttons.addWidget(self.digest_button)
        buttons.addWidget(self.cancel_button)
        #: What the Digest button's tooltip says it needs first: (article open, models missing).
        self._digest_needs = (True, False)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the row in the interface's language."""
        self.languages_label.setText(translate("OptionBar", "Translate into:"))
        for code, box in self.language_boxes.items():
            box.setText(language_name(code))
        self.full_article_box.setText(translate("OptionBar", "Translate the whole article"))
        self.full_article_box.setToolTip(translate("OptionBar", "Also translate the full text (takes much longer than the summary)"))
        self.profile_label.setText(translate("OptionBar", "Models:"))
        for index in range(self.profile_combo.count()):
            name = str(self.profile_combo.itemData(index))
            self.profile_combo.setItemText(index, profile_label(name))
            self.profile_combo.setItemData(index, profile_tip(name), Qt.ItemDataRole.ToolTipRole)
        self.profile_combo.setToolTip(translate("OptionBar", "Which set of models digests: Quality (larger) or Fast (smaller)"))
        self.digest_button.setText(translate("OptionBar", "Digest"))
        self.cancel_button.setText(translate("OptionBar", "Cancel"))
        self.cancel_button.setToolTip(translate("OptionBar", "Stop the running digest (Esc)"))
        self._show_digest_tip()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _one_row_width(self) -> int:
        """The narrowest the options and the buttons fit side by side."""
        spacing = max(self._rows.spacing(), 0)
        return self._options_row.minimumSize().width() + spacing + self._buttons.minimumSizeHint().width()

    @property
    def buttons_under_options(self) -> bool:
        """Whether the buttons stand under the options (the row is too narrow for both)."""
        return self._rows.direction() == QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # As narrow as the options, or the buttons, alone: narrower than that, the buttons go under.
        hint = super().minimumSizeHint()
        return QSize(max(self._options_row.minimumSize().width(), self._buttons.minimumSizeHint().width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a text changed its width (another language)
            self._arrange(self.width())
        return super().event(event)

    def _arrange(self, width: int) -> None:
        wanted = QBoxLayout.Direction.LeftToRight if width >= self._one_row_width() else QBoxLayout.Direction.TopToBottom
        if self._rows.direction() != wanted:
            self._rows.setDirection(wanted)
            self.updateGeometry()

    def options(self) -> DigestOptions:
        """The digest options the boxes say (the whole article only with at least one language)."""
        languages = tuple(code for code, box in self.language_boxes.items() if box.isChecked())
        return DigestOptions(languages=languages, translate_article=self.full_article_box.isChecked() and bool(languages))

    @property
    def full_article_checked(self) -> bool:
        """Whether "Translate the whole article" is ticked (remembered even with no language ticked)."""
        return self.full_article_box.isChecked()

    def set_options(self, languages: Iterable[str], translate_article: bool) -> None:
        """Tick the boxes for ``languages`` and the whole-article box, without emitting options_changed."""
        chosen = set(languages)
        for code, box in self.language_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)
        self.full_article_box.blockSignals(True)
        self.full_article_box.setChecked(translate_article)
        self.full_article_box.blockSignals(False)

    @property
    def profile(self) -> str:
        """The model profile the combo shows."""
        return str(self.profile_combo.currentData() or DEFAULT_PROFILE)

    def show_profile(self, profile: str) -> None:
        """Show ``profile`` in the combo (the first one if unknown), without emitting profile_changed."""
        self.profile_combo.blockSignals(True)
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(profile), 0))
        self.profile_combo.blockSignals(False)

    def set_busy(self, busy: bool) -> None:
        """Lock the options and enable Cancel while a digest runs."""
        for widget in (*self.language_boxes.values(), self.full_article_box, self.profile_combo):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def set_digest_enabled(self, enabled: bool, *, article_open: bool, models_missing: bool) -> None:
        """Enable or disable the Digest button; its tooltip says what it needs first, if anything."""
        self.digest_button.setEnabled(enabled)
        self._digest_needs = (article_open, models_missing)
        self._show_digest_tip()

    def _show_digest_tip(self) -> None:
        article_open, models_missing = self._digest_needs
        if not article_open:
            tip = translate("OptionBar", "Open an article first (Ctrl+O or drop a file)")
        elif models_missing:
            tip = translate("OptionBar", "Some models are missing: see the message above")
        else:
            tip = translate("OptionBar", "Summarise and translate (Ctrl+Return)")
        self.digest_button.setToolTip(tip)

    @Slot()
    def _on_box_toggled(self) -> None:
        self.options_changed.emit()

    @Slot(int)
    def _on_profile_combo_current_index_changed(self, index: int) -> None:
        self.profile_changed.emit(str(self.profile_combo.itemData(index)))
