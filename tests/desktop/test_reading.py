"""Reading comfort, driven as a reader would: zoom every pane at once (keys and Ctrl+wheel,
remembered), Find in the pane being read (F3, Shift+F3, Esc) without disturbing the linked
sentences' highlights, Copy This Text and Copy Digest, Export PDF (written off the GUI
thread, Arabic right to left) and the dark or light appearance, remembered."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QPushButton, QTextEdit

from desktop.ui.linking import ACTIVE, LINKS_LAYER
from desktop.ui.panes import is_dark
from desktop.ui.reading import FIND_LAYER
from desktop.ui.settings import AppSettings


def digested(window, fakes, qtbot):
    assert window.open_file(str(fakes.seed_article))
    with qtbot.waitSignal(window.digest_shown, timeout=5000) as blocker:
        qtbot.mouseClick(window.findChild(QPushButton, "digestButton"), Qt.MouseButton.LeftButton)
    return blocker.args[0]


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def views(window) -> list[QTextEdit]:
    return [window.findChild(QTextEdit, "originalView"), *window.workspace.generated_pane.views_by_key().values()]


def test_zoom_grows_every_pane_together_and_is_remembered(make_window, qtbot) -> None:
    window = make_window()
    sizes = [view.font().pointSizeF() for view in views(window)]
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    grown = [view.font().pointSizeF() for view in views(window)]
    assert all(after > before for before, after in zip(sizes, grown))
    assert AppSettings().zoom == 2 and "Zoom: +2 pt" in window.statusBar().currentMessage()
    # Ctrl+wheel on one pane zooms them all (down one step).
    summary = window.findChild(QTextEdit, "summaryView")
    wheel = QWheelEvent(QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(summary.viewport(), wheel)
    assert AppSettings().zoom == 1
    assert all(view.font().pointSizeF() < size for view, size in zip(views(window), grown))
    window.close()
    again = make_window()  # the next start reads at the same size
    assert [view.font().pointSizeF() for view in views(again)] == [view.font().pointSizeF() for view in views(window)]
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert AppSettings().zoom == 0 and [view.font().pointSizeF() for view in views(again)] == sizes
    assert not action(again, "zoomResetAction").isEnabled()


def test_find_counts_and_steps_through_matches_without_touching_the_linked_highlights(make_window, fakes, qtbot) -> None:
    window = make_window()
    digested(window, fakes, qtbot)
    original = window.findChild(QTextEdit, "originalView")
    original.setFocus()
    qtbot.mouseClick(original.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 10))  # links light up
    linked = original.highlights_of(LINKS_LAYER)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findChild(QLineEdit, "findField")
    assert bar.isVisible() and bar.hasFocus() and "the article" in bar.placeholderText()
    qtbot.keyClicks(bar, "syria")
    text = original.toPlainText()
    expected = text.lower().count("syria")
    count = window.findChild(QLabel, "findCount")
    assert expected >= 2 and count.text() == f"1 of {expected}"
    first = original.textCursor().selectionStart()
    assert text[first:first + 5].lower() == "syria"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert count.text() == f"2 of {expected}" and original.textCursor().selectionStart() > first
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert count.text() == f"1 of {expected}"
    assert len(original.highlights_of(FIND_LAYER)) == expected
    # The links keep their own layer: they follow the match the cursor is on, and are shown with it.
    active = window.workspace.linker.highlights(original, ACTIVE)
    match = original.textCursor().selectionStart()
    assert linked and any(start <= match < end for start, end in active)
    shown = original.extraSelections()
    assert len(shown) == len(original.highlights_of(LINKS_LAYER)) + expected
    qtbot.keyClicks(bar, "zzzz")
    assert count.text() == "No matches" and original.highlights_of(FIND_LAYER) == []
    busy_before = window.workspace.option_bar.cancel_button.isEnabled()
    qtbot.keyClick(bar, Qt.Key.Key_Escape)  # closes the bar, cancels nothing
    assert not bar.isVisible() and original.hasFocus()
    assert window.workspace.option_bar.cancel_button.isEnabled() == busy_before


def test_find_looks_in_the_tab_being_read(make_window, fakes, qtbot) -> None:
    window = make_window()
    digested(window, fakes, qtbot)
    tabs = window.workspace.generated_pane
    arabic = window.findChild(QTextEdit, "arabicView")
    tabs.setCurrentWidget(arabic)
    arabic.setFocus()
    action(window, "findAction").trigger()
    bar = window.findChild(QLineEdit, "findField")
    assert "Arabic summary" in bar.placeholderText()
    bar.insert("سوريا")  # typed (QTest's key clicks take Latin letters only)
    assert window.findChild(QLabel, "findCount").text() == f"1 of {fakes.arabic.count('سوريا')}"


def test_copy_this_text_and_copy_digest_put_text_and_html_on_the_clipboard(make_window, fakes, qtbot) -> None:
    window = make_window()
    assert not action(window, "copyDigestAction").isEnabled()
    digested(window, fakes, qtbot)
    arabic = window.findChild(QTextEdit, "arabicView")
    window.workspace.generated_pane.setCurrentWidget(arabic)
    arabic.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    clipboard = QGuiApplication.clipboard().mimeData()
    assert clipboard.text() == fakes.arabic and 'dir="rtl"' in clipboard.html()
    assert "Copied the text of Arabic summary" in window.statusBar().currentMessage()
    action(window, "copyDigestAction").trigger()
    clipboard = QGuiApplication.clipboard().mimeData()
    for text in (fakes.english, fakes.russian, fakes.arabic):
        assert text in clipboard.text()
    assert "Summary in Russian" in clipboard.text() and "<h2" in clipboard.html()


def test_export_pdf_writes_off_the_gui_thread_with_arabic_right_to_left(make_window, fakes, qtbot, tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader

    import desktop.ui.reading as reading

    window = make_window()
    digested(window, fakes, qtbot)
    target = tmp_path / "digest"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "")))
    threads: list[str] = []
    real = reading.write_pdf

    def watched(digest, path):
        threads.append(threading.current_thread().name)
        return real(digest, path)

    monkeypatch.setattr(reading, "write_pdf", watched)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "Exported the digest" in window.statusBar().currentMessage(), timeout=10000)
    written = tmp_path / "digest.pdf"
    assert threads and threads[0] != threading.main_thread().name
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(written).pages)
    assert "Summary in Russian" in text and "Антонов" in text
    assert [path.name for path in tmp_path.iterdir()] == ["digest.pdf"]  # no temporary left
    document = reading.digest_document(window.workspace.entry.digest)
    block = document.begin()
    arabic_blocks = []
    while block.isValid():
        if "أنتونوف" in block.text():
            arabic_blocks.append(block.blockFormat())
        block = block.next()
    assert arabic_blocks and all(
        form.layoutDirection() == Qt.LayoutDirection.RightToLeft and form.alignment() & Qt.AlignmentFlag.AlignRight
        for form in arabic_blocks)


def test_export_pdf_to_an_unwritable_place_says_why(make_window, fakes, qtbot, tmp_path, monkeypatch) -> None:
    window = make_window()
    digested(window, fakes, qtbot)
    missing = tmp_path / "no-such-folder" / "digest.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(missing), "")))
    action(window, "exportPdfAction").trigger()
    qtbot.waitUntil(lambda: "Could not export the PDF" in window.statusBar().currentMessage(), timeout=10000)


@pytest.mark.parametrize("appearance", ["dark", "light"])
def test_the_appearance_chosen_in_the_view_menu_applies_and_is_remembered(make_window, qapp, appearance) -> None:
    window = make_window()
    try:
        action(window, f"appearance{appearance.capitalize()}Action").trigger()
        assert is_dark(qapp.palette()) == (appearance == "dark")
        assert AppSettings().color_scheme == appearance
        window.close()
        qapp.setPalette(qapp.style().standardPalette())
        again = make_window()
        assert is_dark(qapp.palette()) == (appearance == "dark")
        assert action(again, f"appearance{appearance.capitalize()}Action").isChecked()
    finally:
        action(window, "appearanceSystemAction").trigger()
    assert not is_dark(qapp.palette()) and AppSettings().color_scheme == "system"


def test_every_paragraph_is_spaced_however_the_text_arrives(qtbot) -> None:
    """The reading line height holds for every paragraph of a text shown at once, grown
    paragraph by paragraph (a translation arriving), or revised in the middle."""
    from PySide6.QtGui import QTextBlockFormat

    from desktop.ui.panes import LINE_HEIGHT_PERCENT, FileDropTextView

    view = FileDropTextView("en")
    qtbot.addWidget(view)

    def spacings() -> set[tuple[float, int]]:
        block, found = view.document().begin(), set()
        while block.isValid():
            found.add((block.blockFormat().lineHeight(), block.blockFormat().lineHeightType()))
            block = block.next()
        return found

    spaced = {(float(LINE_HEIGHT_PERCENT), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)}
    paragraphs = [f"Paragraph {number}: the council met again." for number in range(6)]
    view.set_text("\n\n".join(paragraphs[:2]))
    assert view.document().blockCount() == 3 and spacings() == spaced
    for count in range(3, 7):
        view.show_growing_text("\n\n".join(paragraphs[:count]))
    assert view.shown_text() == "\n\n".join(paragraphs) and view.document().blockCount() == 11 and spacings() == spaced
    revised = [*paragraphs[:3], "A revised sentence.\n\nAnd a new paragraph after it.", *paragraphs[4:]]
    view.replace_text("\n\n".join(revised))
    assert view.shown_text() == "\n\n".join(revised) and spacings() == spaced
    view.set_text("")
    view.set_text("One line")
    assert spacings() == spaced and not view.document().isUndoAvailable()


def test_a_growing_text_keeps_the_readers_place_and_an_unchanged_one_is_left_alone(qtbot) -> None:
    """A translation arriving paragraph by paragraph is added to, not shown anew: the reader's
    place holds, even with no-break spaces in it (read back as plain text they were spaces, the
    text never matched, and every step showed it anew from the top). The texts that did not
    change in a step are not touched at all (their whole line spacing used to be set again at
    every step: 25 ms for a long article's translation, in every such view)."""
    from desktop.ui.panes import FileDropTextView

    view = FileDropTextView("ru")
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    paragraphs = [f"Абзац {number}: погибли 10\u00a0000 человек, сообщил министр." for number in range(40)]
    view.show_growing_text("\n\n".join(paragraphs[:30]))
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    view.show_growing_text("\n\n".join(paragraphs))
    assert view.shown_text() == "\n\n".join(paragraphs)
    assert bar.value() == place

    changes: list[tuple[int, int, int]] = []
    view.document().contentsChange.connect(lambda *change: changes.append(change))
    view.show_growing_text("\n\n".join(paragraphs))
    assert changes == []
