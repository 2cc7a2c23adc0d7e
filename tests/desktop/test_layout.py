"""The window's layout in a small and a large window, in English, Russian and Arabic: every tab
of the digest reachable, the count of sentences to check under the tabs (not in their corner),
the line under the tabs readable, at most two lines and naming models by short name, the
Models combo as wide as its text after a language switch, nothing in the options row cut; the
About box's table right to left in Arabic."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette, QTextTable
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QTabBar, QToolButton, QWidget

from desktop.ui.language import install_translators, translate
from models.common.types import Alignment, Digest, ModelCredit, SentenceFlag

LANGUAGES = ["en", "ru", "ar"]


@pytest.fixture
def interface(qapp) -> Iterator[None]:
    """Tests here change the interface's language; it is English again afterwards."""
    yield
    install_translators(qapp, "en")


def opened(qtbot, window, path) -> None:
    """Open ``path`` as File › Open does, and wait until it is read and shown."""
    assert window.open_file(str(path))
    qtbot.waitUntil(lambda: window.article is not None and Path(window.article.source_path or "").name == Path(path).name,
                    timeout=10_000)


def full_digest(qtbot, window, fakes) -> Digest:
    """The seed article's digest with both full translations (five tabs) and two flags."""
    opened(qtbot, window, fakes.seed_article)
    article = window.article
    return Digest(
        article=article,
        summary=fakes.english,
        summary_translations={"ru": fakes.russian, "ar": fakes.arabic},
        article_translations={"ru": "Полный перевод статьи.\n\n" + fakes.russian, "ar": "الترجمة الكاملة للمقال.\n\n" + fakes.arabic},
        models=(
            ModelCredit("summarize", "sshleifer/distilbart-cnn-12-6", "Apache-2.0"),
            ModelCredit("translate-ru", "Helsinki-NLP/opus-mt-tc-big-en-zle", "CC-BY-4.0"),
            ModelCredit("translate-ar", "Helsinki-NLP/opus-mt-tc-big-en-ar", "CC-BY-4.0"),
        ),
        seconds=41.7,
        alignments={"summary": Alignment("article", (), (
            SentenceFlag((0, 20), "numbers", "The number 900 is not in the article."),
            SentenceFlag((30, 60), "numbers", "The number 17 is not in the article."),
        ))},
    )


def shown_at(qtbot, window, fakes, size: tuple[int, int], language: str = "en") -> Digest:
    """``window`` at ``size`` in ``language``, showing a full digest on its first tab."""
    if language != "en":
        window.set_interface_language(language)
    window.resize(*size)
    digest = full_digest(qtbot, window, fakes)
    window.show_digest(digest)
    qtbot.waitUntil(lambda: window.workspace.digest_info_label.isVisible(), timeout=2000)
    qtbot.wait(50)  # the layout settles
    return digest


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def tab_area(bar: QTabBar) -> QRect:
    """The part of the tab bar where tabs show: all of it but its scroll arrows."""
    area = bar.rect()
    for button in bar.findChildren(QToolButton):
        if button.isVisible():
            if button.geometry().center().x() > area.center().x():
                area.setRight(min(area.right(), button.geometry().left() - 1))
            else:
                area.setLeft(max(area.left(), button.geometry().right() + 1))
    return area


def contrast(one: QColor, two: QColor) -> float:
    """WCAG's contrast ratio of two colours."""
    def luminance(colour: QColor) -> float:
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in colour.getRgbF()[:3]]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tab_is_reachable_in_a_small_window_and_the_count_is_under_the_tabs(
    qapp, interface, make_window, qtbot, fakes, language
) -> None:
    window = make_window()
    shown_at(qtbot, window, fakes, (800, 500), language)
    assert (window.width(), window.height()) == (800, 500)
    assert window.minimumSizeHint().width() <= 800  # nothing forces the window wider
    pane = window.workspace.generated_pane
    bar = pane.tabBar()
    label = window.workspace.flag_count_label
    assert pane.cornerWidget(Qt.Corner.TopRightCorner) is None and pane.cornerWidget(Qt.Corner.TopLeftCorner) is None
    assert label.isVisible() and label.text()
    assert in_window(label).top() >= in_window(pane).bottom()  # under the tabs, not beside them
    assert bar.width() >= pane.width() - 2  # the tabs have the pane's whole width
    visible = [index for index in range(bar.count()) if bar.isTabVisible(index)]
    assert len(visible) == 5
    for index in visible:
        pane.setCurrentIndex(index)
        qtbot.wait(10)
        assert tab_area(bar).contains(bar.tabRect(index)), (index, pane.tabText(index), bar.tabRect(index), tab_area(bar))
        assert bar.tabText(index) == pane.tabText(index)  # never elided ("Full text · Р…" would not say which)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_tab_shows_without_scrolling_in_a_large_window(qapp, interface, make_window, qtbot, fakes, language) -> None:
    window = make_window()
    shown_at(qtbot, window, fakes, (1200, 760), language)
    bar = window.workspace.generated_pane.tabBar()
    assert not any(button.isVisible() for button in bar.findChildren(QToolButton))
    for index in range(bar.count()):
        if bar.isTabVisible(index):
            assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)


def test_the_line_under_the_tabs_is_readable_two_lines_at_most_and_names_models_shortly(make_window, qtbot, fakes) -> None:
    from desktop.ui.panes import digest_info, digest_info_tooltip, model_short_name

    window = make_window()
    digest = shown_at(qtbot, window, fakes, (800, 500))
    label = window.workspace.digest_info_label
    details = window.workspace.original_pane.details_label
    for secondary in (label, details):
        assert secondary.isEnabled()  # not greyed out as if it did not apply
        colour = secondary.palette().color(QPalette.ColorRole.WindowText)
        assert colour != window.palette().color(QPalette.ColorRole.WindowText)  # quieter than the text…
        assert contrast(colour, secondary.palette().color(QPalette.ColorRole.Window)) >= 4.5  # …and readable
    metrics = label.fontMetrics()
    height = metrics.boundingRect(QRect(0, 0, label.contentsRect().width(), 10_000), Qt.TextFlag.TextWordWrap, label.text()).height()
    assert height <= 2 * metrics.lineSpacing()
    assert label.height() <= 2 * metrics.lineSpacing() + 4
    assert label.text().endswith("…") and label.text() != label.full_text()
    assert label.full_text() == digest_info(digest)
    # Models by short name in the line; their full ids and licences in its tooltip.
    line = digest_info(digest)
    assert "distilbart-cnn-12-6" in line and "opus-mt-tc-big-en-ar" in line
    assert "sshleifer/" not in line and "Helsinki-NLP/" not in line and "Apache-2.0" not in line
    assert label.toolTip() == digest_info_tooltip(digest)
    for full in ("sshleifer/distilbart-cnn-12-6 (Apache-2.0)", "Helsinki-NLP/opus-mt-tc-big-en-ar (CC-BY-4.0)"):
        assert full in label.toolTip()
    assert model_short_name("Helsinki-NLP/opus-mt-en-ru") == "opus-mt-en-ru" and model_short_name("local-model") == "local-model"
    # Wide enough, the line is whole.
    window.resize(1200, 760)
    label.set_full_text("Made now.")
    qtbot.wait(20)
    assert label.text() == "Made now." and label.toolTip() == ""


@pytest.mark.parametrize("language", ["ru", "ar"])
def test_the_models_combo_and_the_options_row_fit_their_texts_in_another_language(
    qapp, interface, make_window, qtbot, language
) -> None:
    window = make_window()
    window.resize(800, 500)
    qtbot.wait(20)
    window.set_interface_language(language)
    qtbot.wait(50)
    bar = window.workspace.option_bar
    combo = bar.profile_combo
    fresh = QComboBox()  # sized for the texts it is made with
    for index in range(combo.count()):
        fresh.addItem(combo.itemText(index))
    fresh.setCurrentIndex(combo.currentIndex())
    assert combo.width() >= fresh.sizeHint().width(), (combo.currentText(), combo.width(), fresh.sizeHint().width())
    for widget in bar.findChildren(QWidget):
        if isinstance(widget, (QLabel, QCheckBox, QPushButton, QComboBox)) and widget.isVisible():
            assert widget.width() >= widget.sizeHint().width(), (type(widget).__name__, widget.text() if hasattr(widget, "text") else "")
            assert window.rect().contains(in_window(widget))
    # Too narrow for the options and the buttons side by side, the buttons go under the options.
    window.resize(1200, 760)
    qtbot.waitUntil(lambda: not bar.buttons_under_options, timeout=2000)
    qtbot.waitUntil(lambda: in_window(bar.digest_button).center().y() == in_window(combo).center().y(), timeout=2000)


def test_the_about_table_reads_right_to_left_in_arabic(qapp, interface, qtbot) -> None:
    from desktop.ui.dialogs import AboutDialog

    for language in ("en", "ar"):
        install_translators(qapp, language)
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        document = dialog.browser.document()
        layout = document.documentLayout()
        table = next(frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable))
        headings = []
        for column in range(table.columns()):
            block = table.cellAt(0, column).firstCursorPosition().block()
            headings.append((layout.blockBoundingRect(block).x(), block.text()))
        left_to_right = [text for _x, text in sorted(headings)]
        task, quality = translate("Dialogs", "Task"), translate("Dialogs", "Quality")
        frame = layout.frameBoundingRect(table)
        if language == "ar":
            assert (left_to_right[-1], left_to_right[0]) == (task, quality)  # the first column at the right
            assert frame.right() >= document.size().width() - 30  # the table set against the right margin
        else:
            assert (left_to_right[0], left_to_right[-1]) == (task, quality)
            assert frame.left() <= 30
        dialog.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_empty_panes_message_wraps_to_the_pane_on_the_side_its_lines_start(qtbot, language: str) -> None:
    """QTextEdit draws its placeholder on one line, cut off at the pane's edge: a narrow pane
    (800 × 500 in Russian) lost the end of "Still being written: …". Ours wraps."""
    from PySide6.QtGui import QFontMetrics

    from desktop.ui.panes import FileDropTextView

    view = FileDropTextView(language)
    qtbot.addWidget(view)
    view.resize(260, 200)
    view.show()
    qtbot.waitExposed(view)
    view.setPlaceholderText("Still being written: it appears here as soon as it is ready.")
    assert view.placeholderText() == "Still being written: it appears here as soon as it is ready."
    image = view.viewport().grab().toImage()
    background = image.pixelColor(image.width() // 2, image.height() - 2)
    inked = [(x, y) for y in range(0, image.height(), 2) for x in range(0, image.width(), 2) if image.pixelColor(x, y) != background]
    line = QFontMetrics(view.font()).lineSpacing()
    assert inked and max(y for _, y in inked) - min(y for _, y in inked) > line  # more than one line
    assert max(x for x, _ in inked) < image.width() - 2  # nothing runs off the edge
    middle = image.width() // 2
    first_line = [x for x, y in inked if y < min(y for _, y in inked) + line // 2]
    # Right to left, the lines start at the right edge.
    assert (min(first_line) > middle // 2) if language == "ar" else (min(first_line) < middle // 2)
