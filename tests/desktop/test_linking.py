"""Linked reading in the window: hover, click and the text cursor light up linked sentences
across the panes; quiet marks; Link Sentences off; flags (underlines, tooltips, count, F8).

The digest is built by hand with real English, Russian and Arabic sentences; every range is
found with ``str.index`` in the text it belongs to.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QTextEdit, QToolTip

from desktop.ui.linking import (
    ACTIVE,
    FLAG,
    KIND_PROPERTY,
    LINKED,
    QUIET,
    DigestLinks,
    TextPositions,
    flag_count_text,
    highlight_format,
    utf16_offset,
)
from desktop.ui.settings import AppSettings
from models.common.types import Alignment, Article, Digest, SentenceFlag, SentenceLink

FILLER = "\n\n".join(f"Paragraph {number} of background says nothing the summary uses." for number in range(1, 41))
A = [  # the article's sentences (A[4], A[5] come after 40 filler paragraphs: off screen)
    "Russia and the US are working together to prevent incidents in Syria, according to Anatoly Antonov.",
    "The ambassador spoke to Newsweek on Friday.",
    "There have been run-ins between Russian and US forces in northern Syria.",
    "Both sides have hundreds of troops there.",
    "About 900 US troops remain in northeast Syria, which Antonov called illegal.",
    "In July, Russia agreed to a compromise that kept UN aid flowing for 12 months.",
]
ARTICLE_TEXT = f"{A[0]} {A[1]}\n\n{A[2]} {A[3]}\n\n{FILLER}\n\n{A[4]} {A[5]}"
S = [  # the English summary
    "Anatoly Antonov said Russia and the US work together to prevent incidents in Syria.",
    "He called the presence of about 900 US troops illegal.",
    "Russia agreed to keep UN aid flowing for 12,000 months.",
]
SUMMARY = " ".join(S)
R = [  # the Russian summary
    "Анатолий Антонов заявил, что Россия и США вместе предотвращают инциденты в Сирии.",
    "Он назвал присутствие около 900 американских военных незаконным.",
    "Россия согласилась продлить поставки помощи ООН на 12 000 месяцев.",
]
RUSSIAN = " ".join(R)
AR = [  # the Arabic summary: right to left, with Latin names and digits inside
    "قال Anatoly Antonov إن روسيا والولايات المتحدة تعملان معاً لمنع الحوادث في سوريا.",
    "ووصف وجود نحو 900 جندي أمريكي بأنه غير قانوني.",
    "ووافقت روسيا على تمديد مساعدات UN لمدة 12000 شهر.",
    "وأضاف Antonov في حديثه لمجلة Newsweek أن الحوار مستمر.",
]
ARABIC = f"{AR[0]} {AR[1]}\n\n{AR[2]} {AR[3]}"
F = [  # the full Russian translation of the article's first two paragraphs
    "Россия и США работают вместе, чтобы предотвращать инциденты в Сирии, сообщил Анатолий Антонов.",
    "Посол выступил в интервью Newsweek в пятницу.",
    "Между российскими и американскими силами на севере Сирии были стычки.",
    "У обеих сторон там сотни военных.",
]
FULL_RUSSIAN = f"{F[0]} {F[1]}\n\n{F[2]} {F[3]}"
FA = [  # the full Arabic translation of the same
    "تعمل روسيا والولايات المتحدة معاً لمنع الحوادث في سوريا، بحسب Anatoly Antonov.",
    "وتحدث السفير إلى مجلة Newsweek يوم الجمعة.",
]
FULL_ARABIC = " ".join(FA)


def span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def a(number: int) -> tuple[int, int]:
    return span(ARTICLE_TEXT, A[number])


def s(number: int) -> tuple[int, int]:
    return span(SUMMARY, S[number])


def r(number: int) -> tuple[int, int]:
    return span(RUSSIAN, R[number])


def ar(number: int) -> tuple[int, int]:
    return span(ARABIC, AR[number])


def f(number: int) -> tuple[int, int]:
    return span(FULL_RUSSIAN, F[number])


def fa(number: int) -> tuple[int, int]:
    return span(FULL_ARABIC, FA[number])


NUMBERS_REASON = "The number 12,000 is not in the source (it says 12)."
ARABIC_REASON = "The number 12000 is not in the English summary (it says 12,000)."


def linked_digest() -> Digest:
    article = Article(title="Russian ambassador says military cooperation with US in Syria", text=ARTICLE_TEXT, language="en")
    alignments = {
        "summary": Alignment(
            "article",
            links=(SentenceLink(s(0), (a(0), a(2)), 0.8), SentenceLink(s(1), (a(4),), 0.7), SentenceLink(s(2), (a(5),), 0.6)),
            flags=(SentenceFlag(s(2), "numbers", NUMBERS_REASON),),
        ),
        "summary:ru": Alignment(
            "summary",
            links=tuple(SentenceLink(r(number), (s(number),)) for number in range(3)),
            flags=(
                SentenceFlag(r(2), "numbers", "The number 12 000 is not in the English summary's 12,000."),
                SentenceFlag(r(2), "low-confidence", "The translation model was unsure of this sentence."),
            ),
        ),
        "summary:ar": Alignment(
            "summary",
            links=(*(SentenceLink(ar(number), (s(number),)) for number in range(3)), SentenceLink(ar(3), ())),
            flags=(SentenceFlag(ar(2), "numbers", ARABIC_REASON),),
        ),
        "article:ru": Alignment(
            "article",
            links=tuple(SentenceLink(f(number), (a(number),)) for number in range(4)),
            flags=(SentenceFlag(f(1), "untranslated", "“Newsweek” was left in English."),),
        ),
        "article:ar": Alignment("article", links=tuple(SentenceLink(fa(number), (a(number),)) for number in range(2))),
    }
    return Digest(
        article=article,
        summary=SUMMARY,
        summary_translations={"ru": RUSSIAN, "ar": ARABIC},
        article_translations={"ru": FULL_RUSSIAN, "ar": FULL_ARABIC},
        seconds=1.5,
        alignments=alignments,
    )


# -- helpers ---------------------------------------------------------------------------------------
def shown(make_window, digest: Digest | None = None, settings: AppSettings | None = None):
    window = make_window(settings=settings)
    digest = digest or linked_digest()
    window.show_article(digest.article)
    window.show_digest(digest)
    return window


def linker(window):
    return window.workspace.linker


def lit(window, view: QTextEdit, kind: str) -> list[tuple[int, int]]:
    return linker(window).highlights(view, kind)


def point_at(view: QTextEdit, index: int) -> QPoint:
    """The viewport point of Python offset ``index`` of the view's text, scrolled on screen first."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16_offset(view.toPlainText(), index))
    rect = view.cursorRect(cursor)
    if rect.top() < 0 or rect.bottom() > view.viewport().height():
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - view.viewport().height() // 3)
        rect = view.cursorRect(cursor)
    return rect.center()


def middle(text_range: tuple[int, int]) -> int:
    return (text_range[0] + text_range[1]) // 2


def hover(view: QTextEdit, index: int) -> QPoint:
    point = point_at(view, index)
    move = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), move)
    return point


def leave(view: QTextEdit) -> None:
    QApplication.sendEvent(view.viewport(), QEvent(QEvent.Type.Leave))


def on_screen(view: QTextEdit, index: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16_offset(view.toPlainText(), index))
    rect = view.cursorRect(cursor)
    return rect.top() >= 0 and rect.bottom() <= view.viewport().height()


def status(window) -> str:
    return window.statusBar().currentMessage()


# -- the offsets ------------------------------------------------------------------------------------
def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "a🚀b€c😀😀d"
    assert [utf16_offset(text, index) for index in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6, 8, 10, 11]
    assert utf16_offset(text, 99) == 11 and utf16_offset(text, -3) == 0
    positions = TextPositions(text)
    for index in range(len(text) + 1):
        assert positions.position(index) == utf16_offset(text, index)
        assert positions.index(positions.position(index)) == index
    assert positions.span((1, 3)) == (1, 4)
    plain = TextPositions("no emoji here")
    assert plain.position(5) == 5 and plain.index(5) == 5


def test_ranges_after_an_emoji_land_on_the_right_text(make_window) -> None:
    text = "🚀🚀 Launch day came at last. The rocket 🚀 flew at noon, said 😀 Ms Ortiz."
    summary = "The rocket 🚀 flew at noon."
    digest = Digest(
        article=Article(title="Launch", text=text),
        summary=summary,
        alignments={"summary": Alignment("article", links=(SentenceLink((0, len(summary)), (span(text, "The rocket 🚀 flew at noon, said 😀 Ms Ortiz."),)),))},
    )
    window = shown(make_window, digest)
    hover(window.workspace.generated_pane.summary_view, 4)
    selections = [item for item in window.workspace.original_pane.view.extraSelections() if item.format.property(KIND_PROPERTY) == LINKED]
    assert [item.cursor.selectedText() for item in selections] == ["The rocket 🚀 flew at noon, said 😀 Ms Ortiz."]
    assert lit(window, window.workspace.original_pane.view, LINKED) == [span(text, "The rocket 🚀 flew at noon, said 😀 Ms Ortiz.")]
    summary_view = window.workspace.generated_pane.summary_view
    active = [item.cursor.selectedText() for item in summary_view.extraSelections() if item.format.property(KIND_PROPERTY) == ACTIVE]
    assert active == [summary]


def test_digest_links_compose_a_summary_translation_with_the_summary() -> None:
    links = DigestLinks(linked_digest())
    hit = links.generated_hit("summary:ar", middle(ar(0)))
    assert hit.sentence == ar(0) and hit.english == (s(0),) and hit.linked == (a(0), a(2))
    assert links.article_hit("summary:ar", middle(a(2))).linked == (ar(0),)
    assert links.article_hit("summary:ru", middle(a(4))).linked == (r(1),)
    assert links.article_hit("article:ru", middle(a(3))).linked == (f(3),)
    assert links.generated_hit("summary:ar", middle(ar(3))) .linked == ()


# -- hovering ----------------------------------------------------------------------------------------
def test_hovering_a_summary_sentence_lights_up_its_article_sentences(make_window, qtbot) -> None:
    window = shown(make_window)
    summary, original = window.workspace.generated_pane.summary_view, window.workspace.original_pane.view
    with qtbot.waitSignal(linker(window).highlights_changed, timeout=1000):
        hover(summary, middle(s(0)))
    assert lit(window, summary, ACTIVE) == [s(0)]
    assert lit(window, original, LINKED) == [a(0), a(2)]
    assert lit(window, original, ACTIVE) == []
    # A summary sentence whose support is far down the article scrolls the article to it.
    assert original.verticalScrollBar().value() == 0
    cursor_before = original.textCursor().position()
    hover(summary, middle(s(1)))
    assert lit(window, summary, ACTIVE) == [s(1)]
    assert lit(window, original, LINKED) == [a(4)]
    assert original.verticalScrollBar().value() > 0 and on_screen(original, a(4)[0])
    assert original.textCursor().position() == cursor_before  # the other view's cursor stays
    leave(summary)
    assert lit(window, summary, ACTIVE) == [] and lit(window, original, LINKED) == []


def test_hovering_an_article_sentence_lights_up_the_summary_sentences_from_it(make_window) -> None:
    window = shown(make_window)
    original, summary = window.workspace.original_pane.view, window.workspace.generated_pane.summary_view
    hover(original, middle(a(2)))
    assert lit(window, original, ACTIVE) == [a(2)]
    assert lit(window, summary, LINKED) == [s(0)]
    hover(original, middle(a(1)))  # a sentence the summary did not use: only itself
    assert lit(window, original, ACTIVE) == [a(1)]
    assert lit(window, summary, LINKED) == []
    leave(original)
    assert lit(window, original, ACTIVE) == []


def test_hovering_below_the_text_highlights_nothing(make_window) -> None:
    window = shown(make_window)
    summary = window.workspace.generated_pane.summary_view
    hover(summary, middle(s(0)))
    move = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(20, summary.viewport().height() - 5), QPointF(0, 0),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(summary.viewport(), move)
    assert lit(window, summary, ACTIVE) == []


def test_russian_summary_sentence_lights_up_the_article_through_the_english(make_window) -> None:
    window = shown(make_window)
    russian, original = window.workspace.generated_pane.language_views["ru"], window.workspace.original_pane.view
    window.workspace.generated_pane.setCurrentWidget(russian)
    point = hover(russian, middle(r(0)))
    assert lit(window, russian, ACTIVE) == [r(0)]
    assert lit(window, original, LINKED) == [a(0), a(2)]
    assert lit(window, original, QUIET) == []  # quiet marks belong to the Summary tab
    assert linker(window).tooltip_at(russian, point) == f"English summary: {S[0]}"
    hover(original, middle(a(4)))
    assert lit(window, original, ACTIVE) == [a(4)]
    assert lit(window, russian, LINKED) == [r(1)]


def test_arabic_sentences_right_to_left_with_latin_names_and_digits(make_window, qtbot) -> None:
    window = shown(make_window)
    arabic, original = window.workspace.generated_pane.language_views["ar"], window.workspace.original_pane.view
    window.workspace.generated_pane.setCurrentWidget(arabic)
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The second paragraph starts with Arabic and holds "UN", "12000", "Antonov", "Newsweek".
    for number, article in ((0, [a(0), a(2)]), (1, [a(4)]), (2, [a(5)])):
        point = hover(arabic, middle(ar(number)))
        assert lit(window, arabic, ACTIVE) == [ar(number)], number
        assert lit(window, original, LINKED) == article, number
    assert "English summary: " + S[2] in linker(window).tooltip_at(arabic, point)
    hover(arabic, ar(3)[0] + AR[3].index("Newsweek") + 3)  # on a Latin word inside the Arabic sentence
    assert lit(window, arabic, ACTIVE) == [ar(3)]
    assert lit(window, original, LINKED) == []  # no link: only itself
    hover(original, middle(a(5)))
    assert lit(window, arabic, LINKED) == [ar(2)]


def test_full_article_tab_links_to_the_article(make_window) -> None:
    window = shown(make_window)
    full, original = window.workspace.generated_pane.article_views["ru"], window.workspace.original_pane.view
    assert window.workspace.generated_pane.isTabVisible(window.workspace.generated_pane.indexOf(full))
    window.workspace.generated_pane.setCurrentWidget(full)
    hover(full, middle(f(2)))
    assert lit(window, full, ACTIVE) == [f(2)]
    assert lit(window, original, LINKED) == [a(2)]
    hover(original, middle(a(1)))
    assert lit(window, full, LINKED) == [f(1)]
    full_arabic = window.workspace.generated_pane.article_views["ar"]
    window.workspace.generated_pane.setCurrentWidget(full_arabic)
    hover(full_arabic, middle(fa(1)))
    assert lit(window, full_arabic, ACTIVE) == [fa(1)]
    assert lit(window, original, LINKED) == [a(1)]


# -- clicks and the keyboard -----------------------------------------------------------------------
def test_a_clicked_sentence_stays_lit_until_another_is_picked(make_window, qtbot) -> None:
    window = shown(make_window)
    summary, original = window.workspace.generated_pane.summary_view, window.workspace.original_pane.view
    qtbot.mouseClick(summary.viewport(), Qt.MouseButton.LeftButton, pos=point_at(summary, middle(s(2))))
    assert lit(window, summary, ACTIVE) == [s(2)]
    assert lit(window, original, LINKED) == [a(5)]
    assert on_screen(original, a(5)[0])
    leave(summary)
    assert lit(window, summary, ACTIVE) == [s(2)]  # the click persists
    hover(original, middle(a(0)))  # hover wins while it lasts
    assert lit(window, original, ACTIVE) == [a(0)] and lit(window, summary, LINKED) == [s(0)]
    leave(original)
    assert lit(window, summary, ACTIVE) == [s(2)] and lit(window, original, LINKED) == [a(5)]
    qtbot.mouseClick(original.viewport(), Qt.MouseButton.LeftButton, pos=point_at(original, middle(a(2))))
    assert lit(window, original, ACTIVE) == [a(2)] and lit(window, summary, LINKED) == [s(0)]
    assert lit(window, summary, ACTIVE) == []


def test_clicking_in_the_arabic_view(make_window, qtbot) -> None:
    window = shown(make_window)
    arabic = window.workspace.generated_pane.language_views["ar"]
    window.workspace.generated_pane.setCurrentWidget(arabic)
    qtbot.mouseClick(arabic.viewport(), Qt.MouseButton.LeftButton, pos=point_at(arabic, middle(ar(1))))
    assert lit(window, arabic, ACTIVE) == [ar(1)]
    assert lit(window, window.workspace.original_pane.view, LINKED) == [a(4)]


def test_moving_the_text_cursor_with_the_keyboard_picks_sentences(make_window, qtbot) -> None:
    window = shown(make_window)
    summary, original = window.workspace.generated_pane.summary_view, window.workspace.original_pane.view
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert lit(window, summary, ACTIVE) == [s(2)]
    assert lit(window, original, LINKED) == [a(5)]
    qtbot.keyClick(summary, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert lit(window, summary, ACTIVE) == [s(0)]
    assert lit(window, original, LINKED) == [a(0), a(2)]
    original.setFocus()
    for _line in range(12):  # down, line by line, into the second paragraph
        if original.textCursor().block().blockNumber() == 2:
            break
        qtbot.keyClick(original, Qt.Key.Key_Down)
    assert original.textCursor().block().blockNumber() == 2
    assert lit(window, original, ACTIVE) == [a(2)]
    assert lit(window, summary, LINKED) == [s(0)]
    assert lit(window, summary, ACTIVE) == []


def test_the_cursor_in_the_article_follows_the_tab_shown(make_window, qtbot) -> None:
    window = shown(make_window)
    original = window.workspace.original_pane.view
    cursor = original.textCursor()
    cursor.setPosition(middle(a(4)))
    original.setTextCursor(cursor)
    assert lit(window, window.workspace.generated_pane.summary_view, LINKED) == [s(1)]
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.language_views["ru"])
    assert lit(window, window.workspace.generated_pane.language_views["ru"], LINKED) == [r(1)]
    assert lit(window, original, ACTIVE) == [a(4)]


# -- quiet marks and turning it off ------------------------------------------------------------------
def test_quiet_marks_on_the_summary_tab_only(make_window) -> None:
    window = shown(make_window)
    original = window.workspace.original_pane.view
    assert lit(window, original, QUIET) == [a(0), a(2), a(4), a(5)]
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.language_views["ar"])
    assert lit(window, original, QUIET) == []
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.summary_view)
    assert lit(window, original, QUIET) == [a(0), a(2), a(4), a(5)]


def test_highlight_colours_come_from_the_palette(make_window) -> None:
    from PySide6.QtGui import QColor, QPalette

    for base, highlight in (("#ffffff", "#308cc6"), ("#1e1e1e", "#2a82da")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor(base))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
        alphas = [highlight_format(kind, palette).background().color().alpha() for kind in (QUIET, LINKED, ACTIVE)]
        assert 0 < alphas[0] < alphas[1] < alphas[2] < 255
        assert highlight_format(LINKED, palette).background().color().rgb() == QColor(highlight).rgb()
        flag = highlight_format(FLAG, palette)
        assert flag.underlineStyle() == flag.UnderlineStyle.WaveUnderline
        assert flag.underlineColor().isValid()


def test_link_sentences_off_removes_highlighting_but_keeps_flags(make_window, qtbot, tmp_path) -> None:
    window = shown(make_window)
    action = window.findChild(type(window.window_actions.digest_action), "linkSentencesAction")
    assert action.isChecked() and action.shortcut().toString() == "Ctrl+L"
    view_menu = window.menuBar().findChild(QMenu, "viewMenu")
    assert action in view_menu.actions()
    summary, original = window.workspace.generated_pane.summary_view, window.workspace.original_pane.view
    hover(summary, middle(s(0)))
    assert lit(window, original, LINKED)
    action.trigger()
    assert not action.isChecked() and not window.settings.link_sentences
    assert status(window) == "Sentences are no longer linked (flags stay underlined)."
    assert lit(window, original, LINKED) == [] and lit(window, summary, ACTIVE) == []
    assert lit(window, original, QUIET) == []
    assert lit(window, summary, FLAG) == [s(2)]  # flags stay
    hover(summary, middle(s(1)))
    qtbot.mouseClick(summary.viewport(), Qt.MouseButton.LeftButton, pos=point_at(summary, middle(s(1))))
    assert lit(window, summary, ACTIVE) == [] and lit(window, original, LINKED) == []
    point = point_at(summary, middle(s(2)))
    assert linker(window).tooltip_at(summary, point) == f"Numbers: {NUMBERS_REASON}"
    # Remembered: a new window starts with linking off.
    again = make_window(settings=AppSettings())
    assert not again.findChild(type(window.window_actions.digest_action), "linkSentencesAction").isChecked()
    assert not again.workspace.linker.enabled
    action.trigger()
    assert window.settings.link_sentences
    assert lit(window, original, QUIET) == [a(0), a(2), a(4), a(5)]


# -- flags ---------------------------------------------------------------------------------------
@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")  # the tooltip shown offscreen
def test_flags_are_underlined_counted_and_explained(make_window) -> None:
    window = shown(make_window)
    assert lit(window, window.workspace.generated_pane.summary_view, FLAG) == [s(2)]
    assert lit(window, window.workspace.generated_pane.language_views["ru"], FLAG) == [r(2)]
    assert lit(window, window.workspace.generated_pane.language_views["ar"], FLAG) == [ar(2)]
    assert lit(window, window.workspace.generated_pane.article_views["ru"], FLAG) == [f(1)]
    assert lit(window, window.workspace.generated_pane.article_views["ar"], FLAG) == []
    assert lit(window, window.workspace.original_pane.view, FLAG) == []
    label = window.findChild(QLabel, "flagCount")
    assert label.isVisible() and label.text() == "4 sentences to check"
    assert flag_count_text(1) == "1 sentence to check" and flag_count_text(0) == ""
    russian = window.workspace.generated_pane.language_views["ru"]
    window.workspace.generated_pane.setCurrentWidget(russian)
    point = point_at(russian, middle(r(2)))
    assert linker(window).tooltip_at(russian, point).split("\n") == [
        "Numbers: The number 12 000 is not in the English summary's 12,000.",
        "Low confidence: The translation model was unsure of this sentence.",
        f"English summary: {S[2]}",
    ]
    # The tooltip event shows it.
    event = QHelpEvent(QEvent.Type.ToolTip, point, russian.viewport().mapToGlobal(point))
    QApplication.sendEvent(russian.viewport(), event)
    assert linker(window).tooltip.startswith("Numbers: The number 12 000")
    assert QToolTip.isVisible() and "<b>Low confidence:</b> The translation model" in QToolTip.text()
    assert linker(window).tooltip_at(window.workspace.original_pane.view, point_at(window.workspace.original_pane.view, middle(a(0)))) == ""


def test_flag_count_hides_without_flags_and_for_a_new_article(make_window) -> None:
    window = shown(make_window)
    label = window.findChild(QLabel, "flagCount")
    assert label.isVisible()
    window.show_article(Article(title="Another", text="Another article. It has two sentences."))
    assert not label.isVisible()
    assert all(not view.extraSelections() for view in linker(window).views())
    one = linked_digest()
    flags_once = {key: Alignment(value.source, value.links, value.flags if key == "summary" else ()) for key, value in one.alignments.items()}
    from dataclasses import replace

    window.show_digest(replace(one, alignments=flags_once))
    assert label.isVisible() and label.text() == "1 sentence to check"
    window.show_digest(replace(one, alignments={}))
    assert not label.isVisible()
    hover(window.workspace.generated_pane.summary_view, middle(s(1)))  # no alignments (an old digest): the sentence alone
    assert lit(window, window.workspace.generated_pane.summary_view, ACTIVE) == [s(1)]
    assert lit(window, window.workspace.original_pane.view, LINKED) == []


def test_next_and_previous_flag_step_through_every_tab_and_wrap(make_window, qtbot) -> None:
    window = shown(make_window)
    pane = window.workspace.generated_pane
    next_action = window.findChild(type(window.window_actions.digest_action), "nextFlagAction")
    previous_action = window.findChild(type(window.window_actions.digest_action), "previousFlagAction")
    assert next_action.shortcut().toString() == "F8" and previous_action.shortcut().toString() == "Shift+F8"
    expected = [
        (pane.summary_view, s(2), "Flag 1 of 4, Summary: Numbers: " + NUMBERS_REASON),
        (pane.language_views["ru"], r(2), "Flag 2 of 4, Russian summary: Numbers: The number 12 000"),
        (pane.language_views["ar"], ar(2), "Flag 3 of 4, Arabic summary: Numbers: " + ARABIC_REASON),
        (pane.article_views["ru"], f(1), "Flag 4 of 4, Russian full text: Untranslated: “Newsweek” was left in English."),
    ]

    def check(view, text_range, message) -> None:
        assert pane.currentWidget() is view
        cursor = view.textCursor()
        assert (cursor.selectionStart(), cursor.selectionEnd()) == text_range
        assert status(window).startswith(message)
        assert lit(window, view, ACTIVE) == [text_range]  # picked: its sources light up too

    for view, text_range, message in expected:
        next_action.trigger()
        check(view, text_range, message)
    next_action.trigger()  # round the end
    check(*expected[0])
    assert lit(window, window.workspace.original_pane.view, LINKED) == [a(5)]
    previous_action.trigger()  # and back round the start
    check(*expected[3])
    previous_action.trigger()
    check(*expected[2])
    assert lit(window, window.workspace.original_pane.view, LINKED) == [a(5)]  # Arabic → English → article
    window.workspace.generated_pane.summary_view.setFocus()
    qtbot.keyClick(window.workspace.generated_pane.summary_view, Qt.Key.Key_F8)  # the shortcut itself
    check(*expected[3])
    qtbot.keyClick(window.workspace.generated_pane.summary_view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    check(*expected[2])


def test_next_flag_without_a_digest_or_flags_says_so(make_window) -> None:
    from dataclasses import replace

    window = make_window()
    window.findChild(type(window.window_actions.digest_action), "nextFlagAction").trigger()
    assert status(window) == "No digest to check: open an article and digest it first."
    digest = linked_digest()
    no_flags = {key: Alignment(value.source, value.links) for key, value in digest.alignments.items()}
    window.show_article(digest.article)
    window.show_digest(replace(digest, alignments=no_flags))
    window.findChild(type(window.window_actions.digest_action), "previousFlagAction").trigger()
    assert status(window) == "No sentences to check in this digest: none was flagged."


def test_a_digest_reopened_from_history_is_linked(make_window, qtbot, tmp_path) -> None:
    window = shown(make_window)
    entry = window.history().add(window.digest)  # kept by an earlier session
    window.show_article(Article(title="Other", text="Something else entirely."))
    with qtbot.waitSignal(window.digest_shown, timeout=5000):  # read off the GUI thread
        window.open_history_entry(entry.id)
    hover(window.workspace.generated_pane.summary_view, middle(s(0)))
    assert lit(window, window.workspace.original_pane.view, LINKED) == [a(0), a(2)]
    assert window.findChild(QLabel, "flagCount").text() == "4 sentences to check"


def test_shortcuts_dialog_lists_the_view_actions(make_window) -> None:
    from PySide6.QtWidgets import QDialog, QTableWidget

    window = make_window()
    window.window_actions.shortcuts_action.trigger()
    table = window.findChild(QDialog, "shortcutsDialog").findChild(QTableWidget, "shortcutsTable")
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert rows["Link Sentences"] == "Ctrl+L"
    assert rows["Next Flag"] == "F8" and rows["Previous Flag"] == "Shift+F8"
