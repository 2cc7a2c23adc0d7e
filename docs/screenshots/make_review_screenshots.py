"""Screenshots of correcting a digest (README, "Checking the output"), under a real X server
(``xvfb-run``) or ``QT_QPA_PLATFORM=offscreen``:

    xvfb-run -a -s "-screen 0 1920x1080x24" python docs/screenshots/make_review_screenshots.py [OUTDIR] [--sizes]

The engine is the window tests' fake (``tests/desktop/review_fakes.py``: the engine's own
revision code over fake models) with a table of real Russian and Arabic translations, their
translations back into English and a sentence's alternatives, so the revision, the
back-translation and the alternatives are what the engine does with them. The Arabic model
that reads back gets a number wrong on purpose, for the "Meaning may differ" flag. Shots:

- ``review-alternatives.png``: the Russian tab, Alt+Down on a sentence: its four alternatives,
  each with its translation back into English under it; the sentence above it was edited
  (a blue bar in the margin);
- ``review-marks.png``: after choosing an alternative (purple bar) and editing the English of a
  sentence whose Russian was edited before (dashed bar), the tooltip of that sentence: the new
  machine translation offered beside the edit;
- ``review-back-translation.png``: the Arabic tab, the tooltip of a sentence flagged "Meaning
  may differ": the flag, its English and its back-translation;
- with ``--sizes``, ``review-800x500.png`` and ``review-1920x1080.png``: the alternatives menu
  at both window sizes (to check that nothing is cut; not in the README).

Under ``QT_QPA_PLATFORM=offscreen`` the screen is made 1920×1080, so a menu opens where it would
on a full HD desktop.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
os.environ["ARTICLE_DIGEST_HOME"] = tempfile.mkdtemp(prefix="article-digest-review-shots-")
os.environ["HF_HUB_OFFLINE"] = "1"
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # a full HD screen, so menus open where they would
    SCREEN = Path(os.environ["ARTICLE_DIGEST_HOME"]) / "screen.json"
    SCREEN.write_text('{"screens": [{"name": "shots", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                      '"logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}', encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"

from PySide6.QtCore import QEvent, QPointF, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPixmap, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from desktop.app import create_application  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from models.documents.read import read_article  # noqa: E402
from tests.desktop.review_fakes import FakeTranslator, ReviewEngine  # noqa: E402

SEED = REPO / "seeds" / "russia-us-syria.txt"
ENGLISH = [
    "Russia's ambassador to the US, Anatoly Antonov, has called military cooperation between the two countries in Syria 'effective'.",
    "He said contacts through military channels help to avoid dangerous incidents between Russian and US forces in northern Syria.",
    "But he described the presence of about 900 US troops in the country as 'illegal'.",
]
#: The third sentence as the reader corrects it.
EDITED_ENGLISH = "But he called the presence of some 900 US troops in the country 'illegal'."
#: English sentence -> (Russian, Arabic).
TRANSLATIONS = {
    ENGLISH[0]: ("Посол России в США Анатолий Антонов назвал военное сотрудничество двух стран в Сирии «эффективным».",
                 "وصف السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف، التعاون العسكري بين البلدين في سوريا بأنه «فعّال»."),
    ENGLISH[1]: ("По его словам, контакты по военным каналам помогают избегать опасных инцидентов между российскими и "
                 "американскими силами на севере Сирии.",
                 "وقال إن الاتصالات عبر القنوات العسكرية تساعد على تجنب الحوادث الخطيرة بين القوات الروسية والأمريكية في شمال سوريا."),
    ENGLISH[2]: ("Однако присутствие около 900 американских военных в стране он назвал «незаконным».",
                 "لكنه وصف وجود نحو 900 جندي أمريكي في البلاد بأنه «غير قانوني»."),
    EDITED_ENGLISH: ("Однако присутствие порядка 900 американских военных в стране он назвал «незаконным».",
                     "لكنه اعتبر وجود نحو 900 جندي أمريكي في البلاد «غير قانوني»."),
}
#: Russian or Arabic sentence -> its translation back into English (the Arabic third sentence's
#: reads 9,000 for 900: the back-translation check flags it).
BACK = {
    TRANSLATIONS[ENGLISH[0]][0]: "Russian Ambassador to the US Anatoly Antonov called the military cooperation of the two countries in Syria \"effective\".",
    TRANSLATIONS[ENGLISH[1]][0]: "According to him, contacts through military channels help to avoid dangerous incidents between Russian and "
                                 "American forces in the north of Syria.",
    TRANSLATIONS[ENGLISH[2]][0]: "However, he called the presence of about 900 American troops in the country \"illegal\".",
    TRANSLATIONS[EDITED_ENGLISH][0]: "However, he called the presence of some 900 American troops in the country \"illegal\".",
    TRANSLATIONS[ENGLISH[0]][1]: "The Russian ambassador to the United States, Anatoly Antonov, described the military cooperation between "
                                 "the two countries in Syria as \"effective\".",
    TRANSLATIONS[ENGLISH[1]][1]: "He said that communication through military channels helps avoid serious incidents between Russian and "
                                 "American forces in northern Syria.",
    TRANSLATIONS[ENGLISH[2]][1]: "But he described the presence of about 9,000 American soldiers in the country as \"illegal\".",
    TRANSLATIONS[EDITED_ENGLISH][1]: "But he considered the presence of about 900 American soldiers in the country \"illegal\".",
}
#: The Russian second sentence's alternatives (the beam's other hypotheses), with their back-translations.
ALTERNATIVES = [
    ("По его словам, контакты по военным каналам позволяют избегать опасных инцидентов между российскими и американскими "
     "силами на севере Сирии.",
     "According to him, contacts through military channels make it possible to avoid dangerous incidents between Russian "
     "and American forces in northern Syria."),
    ("Он отметил, что контакты по военной линии помогают избежать опасных столкновений российских и американских сил на "
     "севере Сирии.",
     "He noted that military contacts help to avoid dangerous clashes of Russian and American forces in the north of Syria."),
    ("По его словам, связь по военным каналам помогает предотвращать опасные инциденты между силами России и США в северной "
     "Сирии.",
     "According to him, communication through military channels helps prevent dangerous incidents between the forces of "
     "Russia and the US in northern Syria."),
    ("Он сказал, что контакты военных помогают избегать инцидентов на севере Сирии.",
     "He said that contacts of the military help to avoid incidents in the north of Syria."),
]
BACK.update(dict(ALTERNATIVES))
#: The reader's own Russian for the first and third sentences.
MY_RUSSIAN = ("Посол России в США Анатолий Антонов охарактеризовал военное сотрудничество двух стран в Сирии как «эффективное».",
              "Однако присутствие около 900 военных США в стране он счёл «незаконным».")
BACK[MY_RUSSIAN[0]] = "Russian Ambassador to the US Anatoly Antonov described the military cooperation of the two countries in Syria as \"effective\"."
BACK[MY_RUSSIAN[1]] = "However, he considered the presence of about 900 US troops in the country \"illegal\"."


class TableTranslator(FakeTranslator):
    """Translates by the tables above (into Russian and Arabic, and back into English)."""

    def _one(self, text: str) -> str:
        if self.back:
            return BACK[text]
        return TRANSLATIONS[text][0 if self.language == "ru" else 1]

    def n_best(self, text: str, settings: Any, count: int, **_kwargs: Any) -> list[str]:
        first = self._one(text)
        return [first, *(russian for russian, _ in ALTERNATIVES)][:count] if self.language == "ru" else [first]


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, condition, timeout: float = 20.0) -> None:  # noqa: ANN001
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there")
        settle(app, 0.02)


def cursor_at(view: QTextEdit, index: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(index)
    return cursor


def type_over(app: QApplication, view: QTextEdit, old: str, new: str) -> None:
    """Select ``old`` in ``view`` and type ``new`` in its place."""
    view.setFocus()
    start = view.shown_text().index(old)
    cursor = cursor_at(view, start)
    cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    cursor.insertText(new)
    settle(app, 0.1)


def settled(app: QApplication, window: MainWindow) -> None:
    review = window.workspace.review
    wait_for(app, lambda: not review.has_pending() and not review.revising())
    settle(app, 0.3)


def hover_tooltip(app: QApplication, view: QTextEdit, index: int) -> None:
    """Point at ``index`` of ``view``'s text and wait for its tooltip, as Qt shows it."""
    point = view.cursorRect(cursor_at(view, index)).center()
    QApplication.sendEvent(view.viewport(), QMouseEvent(
        QEvent.Type.MouseMove, QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    settle(app, 0.1)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    settle(app, 0.3)


def shoot(app: QApplication, window: MainWindow, path: Path) -> None:
    """The window, with the popup menu and the tooltip showing (windows of their own) painted
    where they show, on a desktop's grey where they reach past the window."""
    settle(app)
    popups = [QApplication.activePopupWidget()]
    popups += [widget for widget in QApplication.topLevelWidgets() if widget.inherits("QTipLabel") and widget.isVisible()]
    popups = [popup for popup in popups if popup is not None and popup.isVisible()]
    area = window.rect()
    for popup in popups:
        area = area.united(QRect(window.mapFromGlobal(popup.pos()), popup.size()))
    picture = QPixmap(area.size())
    picture.fill(QColor("#6b6f76"))
    painter = QPainter(picture)
    painter.drawPixmap(-area.topLeft(), window.grab())
    for popup in popups:
        painter.drawPixmap(window.mapFromGlobal(popup.pos()) - area.topLeft(), popup.grab())
    painter.end()
    if not picture.save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(f"wrote {path}")


def digested(app: QApplication, size: tuple[int, int]) -> tuple[MainWindow, ReviewEngine]:
    engine = ReviewEngine(summary=" ".join(ENGLISH), translator=TableTranslator)
    window = MainWindow(engine=engine, check=lambda *arguments: [])
    window.resize(*size)
    window.move(0, 0)
    window.show()
    settle(app, 0.3)
    window.show_article(read_article(SEED))
    window.start_digest()
    wait_for(app, lambda: window.digest is not None and "back-translate" in engine.calls and bool(window.digest.back_translations))
    settle(app, 0.5)
    return window, engine


def alternatives_open(app: QApplication, window: MainWindow) -> QTextEdit:
    """The Russian tab, its first sentence edited, Alt+Down on the second: the menu filled."""
    pane = window.workspace.generated_pane
    russian = pane.language_views["ru"]
    pane.setCurrentWidget(russian)
    type_over(app, russian, TRANSLATIONS[ENGLISH[0]][0], MY_RUSSIAN[0])
    settled(app, window)
    russian.setFocus()
    russian.setTextCursor(cursor_at(russian, russian.shown_text().index(TRANSLATIONS[ENGLISH[1]][0]) + 12))
    settle(app, 0.2)
    window.window_actions.review.alternatives_action.trigger()
    wait_for(app, lambda: QApplication.activePopupWidget() is not None and any(
        action.objectName() == "alternative1Action" for action in QApplication.activePopupWidget().actions()))
    menu = QApplication.activePopupWidget()
    menu.setActiveAction(menu.findChild(type(menu.menuAction()), "alternative2Action"))
    return russian


def main(out: Path, sizes: bool = False) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    from desktop.ui.language import install_translators

    install_translators(app, "en")  # the English catalogue's plural forms, whatever the machine's locale
    window, engine = digested(app, (1240, 780))
    window.workspace.splitter.setSizes([0, 500, 740])
    russian = alternatives_open(app, window)
    shoot(app, window, out / "review-alternatives.png")

    menu = QApplication.activePopupWidget()
    menu.findChild(type(menu.menuAction()), "alternative2Action").trigger()
    menu.close()
    settled(app, window)
    wait_for(app, lambda: not window.workspace.review.back_translator.running)  # the new sentences' back-translations

    arabic = window.workspace.generated_pane.language_views["ar"]
    window.workspace.generated_pane.setCurrentWidget(arabic)
    settle(app, 0.2)
    flagged = next(flag for flag in window.digest.alignments["summary:ar"].flags if flag.check == "back-translation")
    hover_tooltip(app, arabic, flagged.target[0] + 12)
    shoot(app, window, out / "review-back-translation.png")

    window.workspace.generated_pane.setCurrentWidget(russian)
    type_over(app, russian, TRANSLATIONS[ENGLISH[2]][0], MY_RUSSIAN[1])
    settled(app, window)
    type_over(app, window.workspace.generated_pane.summary_view, ENGLISH[2], EDITED_ENGLISH)
    settled(app, window)
    wait_for(app, lambda: not window.workspace.review.back_translator.running)
    settle(app, 0.5)
    window.workspace.generated_pane.setCurrentWidget(russian)
    hover_tooltip(app, russian, russian.shown_text().index(MY_RUSSIAN[1]) + 10)
    shoot(app, window, out / "review-marks.png")
    window.close()

    for size in ((800, 500), (1920, 1080)) if sizes else ():
        window, engine = digested(app, size)
        alternatives_open(app, window)
        shoot(app, window, out / f"review-{size[0]}x{size[1]}.png")
        QApplication.activePopupWidget().close()
        window.close()
    return 0


if __name__ == "__main__":
    arguments = [argument for argument in sys.argv[1:] if argument != "--sizes"]
    raise SystemExit(main(Path(arguments[0]) if arguments else HERE, sizes="--sizes" in sys.argv[1:]))
