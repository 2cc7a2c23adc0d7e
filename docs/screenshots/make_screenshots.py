"""Take the README's screenshots of the window: run under a real X server (``xvfb-run``).

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/make_screenshots.py [OUTDIR] [--models-dir DIR]

Shots: the empty window; a finished digest (Summary and Arabic tabs) built by hand with real
Russian and Arabic sentences and their alignments, so text direction and fonts can be checked;
linked reading (a pointed sentence and its linked sentences, on the Summary, Arabic and full
translation tabs) and a flag's tooltip; a digest running; the missing-models error state
(the real engine's check against an empty models folder); and the window at 800×500 (with
the Find bar) and at 1920×1080, in English and in Arabic, a digest with five tabs shown.
With ``--models-dir`` (e.g. the tests' tiny models), also a digest made by the real engine.
Settings and history go to a throw-away folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
os.environ["ARTICLE_DIGEST_HOME"] = tempfile.mkdtemp(prefix="article-digest-shots-")
os.environ["HF_HUB_OFFLINE"] = "1"

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPixmap, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget  # noqa: E402

from desktop.app import create_application  # noqa: E402
from models.documents.read import read_article  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import AppSettings  # noqa: E402
from models.common.job_state import JobState  # noqa: E402
from models.common.types import Alignment, Article, Digest, ModelCredit, PartialText, SentenceFlag, SentenceLink  # noqa: E402

SEED = REPO / "seeds" / "russia-us-syria.txt"
SIZE = (1240, 780)

ENGLISH = (
    "Russia's ambassador to the US, Anatoly Antonov, has called military cooperation between the two "
    "countries in Syria 'effective'. He said contacts through military channels help to avoid dangerous "
    "incidents between Russian and US forces in northern Syria. But he described the presence of about "
    "900 US troops in the country as 'illegal'."
)
RUSSIAN = (
    "Посол России в США Анатолий Антонов назвал военное сотрудничество двух стран в Сирии «эффективным». "
    "По его словам, контакты по военным каналам помогают избегать опасных инцидентов между российскими и "
    "американскими силами на севере Сирии. Однако присутствие около 900 американских военных в стране он "
    "назвал «незаконным»."
)
ARABIC = (
    "وصف السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف، التعاون العسكري بين البلدين في سوريا بأنه "
    "«فعّال». وقال إن الاتصالات عبر القنوات العسكرية تساعد على تجنب الحوادث الخطيرة بين القوات الروسية "
    "والأمريكية في شمال سوريا.\n\n"
    "Antonov قال لمجلة Newsweek يوم الجمعة 17 ديسمبر 2021 إن وجود نحو 900 جندي أمريكي في البلاد "
    "«غير قانوني»."
)

#: The full Russian translation of the article's first paragraphs, sentence by sentence:
#: (the English sentence as it stands in the article, its translation), a list per paragraph.
FULL_RUSSIAN: list[list[tuple[str, str]]] = [
    [("Russian ambassador says military cooperation with US in Syria", "Посол России заявил о военном сотрудничестве с США в Сирии")],
    [("Russian ambassador says military cooperation with US in Syria", "Посол России заявил о военном сотрудничестве с США в Сирии")],
    [(
        "The Russian Ambassador to the US has acknowledged 'effective' military cooperation between the two states "
        "in Syria but slammed the 'illegal' presence of US troops in the country.",
        "Посол России в США признал «эффективным» военное сотрудничество двух государств в Сирии, но раскритиковал "
        "«незаконное» присутствие американских войск в стране.",
    )],
    [("3 min read", "3 минуты чтения")],
    [("20 December, 2021", "20 декабря 2021 года")],
    [("Ambassador Anatolov said the presence of US troops in Syria is 'illegal' [Getty]",
      "Посол Анатолов заявил, что присутствие войск США в Сирии «незаконно» [Getty]")],
    [(
        "Russia and the US are working together to prevent conflicts and incidents between them in Syria, according "
        "to the Russian Ambassador to Washington Anatoly Antonov.",
        "Россия и США вместе работают над предотвращением конфликтов и инцидентов между ними в Сирии, сообщил посол "
        "России в Вашингтоне Анатолий Антонов.",
    )],
    [(
        "There have been a number of run-ins between Russian and US forces in northern Syria, where both sides have "
        "hundreds of troops present.",
        "Между российскими и американскими силами на севере Сирии, где у обеих сторон находятся сотни военных, уже "
        "был ряд стычек.",
    )],
    [(
        "The US backs Kurdish-led militias while Russia has been a key ally of the Syrian regime with the ambassador "
        "saying that Washington and Moscow working together to prevent hostilities between the two sides.",
        "США поддерживают курдские ополчения, а Россия остаётся ключевым союзником сирийского режима; по словам "
        "посла, Вашингтон и Москва вместе работают над предотвращением столкновений между сторонами.",
    )],
    [
        ("\"Russia and the United States maintain contacts on Syria.", "«Россия и США поддерживают контакты по Сирии."),
        ("In this regard cooperation through the military channels is especially worth mentioning.",
         "В этом отношении особо стоит отметить взаимодействие по военным каналам."),
        ("This type of engagement has proven to be effective,\" said Antonov in an interview with Newsweek on Friday.",
         "Такое взаимодействие доказало свою эффективность», — сказал Антонов в пятничном интервью Newsweek."),
    ],
    [("Live Story", "Live Story")],
    [
        ("\"We consider it essential to continue the de-conflicting dialogue on Syria.",
         "«Мы считаем необходимым продолжать диалог по предотвращению конфликтов в Сирии."),
        ("Constant and expeditious military-to-military exchange of information help to avoid unnecessary and "
         "dangerous incidents in the Arab republic,\" he added.",
         "Постоянный и оперативный обмен информацией между военными помогает избегать ненужных и опасных "
         "инцидентов в арабской республике», — добавил он."),
    ],
]

#: Each English summary sentence and the article sentences that support it.
SUMMARY_SOURCES: list[tuple[str, tuple[str, ...]]] = [
    (
        "Russia's ambassador to the US, Anatoly Antonov, has called military cooperation between the two "
        "countries in Syria 'effective'.",
        (
            "Russia and the US are working together to prevent conflicts and incidents between them in Syria, "
            "according to the Russian Ambassador to Washington Anatoly Antonov.",
            "This type of engagement has proven to be effective,\" said Antonov in an interview with Newsweek on Friday.",
        ),
    ),
    (
        "He said contacts through military channels help to avoid dangerous incidents between Russian and US "
        "forces in northern Syria.",
        (
            "There have been a number of run-ins between Russian and US forces in northern Syria, where both sides "
            "have hundreds of troops present.",
            "Constant and expeditious military-to-military exchange of information help to avoid unnecessary and "
            "dangerous incidents in the Arab republic,\" he added.",
        ),
    ),
    (
        "But he described the presence of about 900 US troops in the country as 'illegal'.",
        (
            "The diplomat, however, insisted the US troop presence in Syria is \"illegal\" and \"the [US] occupation "
            "of almost one-third of the Syrian territory is unacceptable\".",
        ),
    ),
]


def _span(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    at = text.index(piece, start)
    return at, at + len(piece)


def _sentences(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """The ranges of ``pieces`` in ``text``, found in order."""
    ranges, at = [], 0
    for piece in pieces:
        found = _span(text, piece, at)
        ranges.append(found)
        at = found[1]
    return ranges


def alignments(article_text: str) -> dict[str, Alignment]:
    """The summary's, the summary translations' and the full Russian translation's alignments."""
    english = [sentence for sentence, _sources in SUMMARY_SOURCES]
    summary_ranges = _sentences(ENGLISH, english)
    summary_links = tuple(
        SentenceLink(target, tuple(_span(article_text, source) for source in sources), 0.7)
        for target, (_sentence, sources) in zip(summary_ranges, SUMMARY_SOURCES)
    )
    russian = _sentences(RUSSIAN, [
        "Посол России в США Анатолий Антонов назвал военное сотрудничество двух стран в Сирии «эффективным».",
        "По его словам, контакты по военным каналам помогают избегать опасных инцидентов между российскими и "
        "американскими силами на севере Сирии.",
        "Однако присутствие около 900 американских военных в стране он назвал «незаконным».",
    ])
    arabic = _sentences(ARABIC, [
        "وصف السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف، التعاون العسكري بين البلدين في سوريا بأنه «فعّال».",
        "وقال إن الاتصالات عبر القنوات العسكرية تساعد على تجنب الحوادث الخطيرة بين القوات الروسية والأمريكية في شمال سوريا.",
        "Antonov قال لمجلة Newsweek يوم الجمعة 17 ديسمبر 2021 إن وجود نحو 900 جندي أمريكي في البلاد «غير قانوني».",
    ])
    article_pieces = [english_piece for paragraph in FULL_RUSSIAN for english_piece, _ in paragraph]
    full_pieces = [russian_piece for paragraph in FULL_RUSSIAN for _, russian_piece in paragraph]
    article_ranges = _sentences(article_text, article_pieces)
    full_ranges = _sentences(full_russian_text(), full_pieces)
    live_story = full_ranges[full_pieces.index("Live Story")]
    return {
        "summary": Alignment(
            "article", summary_links,
            (SentenceFlag(summary_ranges[2], "numbers", "The number 900 is not in the article."),),
        ),
        "summary:ru": Alignment("summary", tuple(SentenceLink(t, (s,)) for t, s in zip(russian, summary_ranges))),
        "summary:ar": Alignment(
            "summary", tuple(SentenceLink(t, (s,)) for t, s in zip(arabic, summary_ranges)),
            (SentenceFlag(arabic[2], "numbers", "The numbers 17 and 2021 are not in the English sentence."),),
        ),
        "article:ru": Alignment(
            "article", tuple(SentenceLink(t, (s,)) for t, s in zip(full_ranges, article_ranges)),
            (SentenceFlag(live_story, "untranslated", "“Live Story” was left in English."),),
        ),
    }


def full_russian_text() -> str:
    return "\n\n".join(" ".join(russian for _, russian in paragraph) for paragraph in FULL_RUSSIAN)


def point_at(view: QTextEdit, position: int) -> QPoint:
    """The viewport point of document ``position`` (the middle of its line)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor).center()


def hover(app: QApplication, view: QTextEdit, text: str, piece: str, offset: float = 0.5) -> QPoint:
    """Move the pointer over ``piece`` of ``view``'s ``text`` (a fraction ``offset`` into it)."""
    start, end = _span(text, piece)
    position = start + int((end - start) * offset)
    point = point_at(view, position)
    if not view.viewport().rect().contains(point):  # one cannot point at what is off screen
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + point.y() - view.viewport().height() // 2)
        point = point_at(view, position)
    QApplication.sendEvent(view.viewport(), QMouseEvent(
        QEvent.Type.MouseMove, QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    ))
    settle(app, 0.1)
    return point


def show_tooltip(app: QApplication, view: QTextEdit, point: QPoint) -> None:
    """Ask ``view`` for its tooltip at ``point`` as Qt does after a pause."""
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    settle(app, 0.3)


def shoot_with_tooltip(app: QApplication, window: MainWindow, path: Path) -> None:
    """Like :func:`shoot`, with the tooltip (a window of its own) painted where it shows."""
    settle(app)
    picture = window.grab()
    tips = [widget for widget in QApplication.topLevelWidgets() if widget.inherits("QTipLabel") and widget.isVisible()]
    if tips:
        tip: QWidget = tips[0]
        painter = QPainter(picture)
        painter.drawPixmap(window.mapFromGlobal(tip.pos()), tip.grab())
        painter.end()
    if not QPixmap(picture).save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(f"wrote {path}" + ("" if tips else " (no tooltip showed)"))


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, window: MainWindow, path: Path) -> None:
    settle(app)
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(f"wrote {path}")


def new_window(**kwargs: object) -> MainWindow:
    window = MainWindow(**kwargs)  # type: ignore[arg-type]
    window.resize(*SIZE)
    window.workspace.splitter.setSizes([230, 500, 620])
    window.show()
    return window


def no_problems(profile: str, models_dir: str | None, options: object, article_language: str | None = None) -> list[str]:
    return []


class SlowEngine:
    """An engine whose digest works until cancelled, at "Summarising 2/3"."""

    def start(self) -> None:
        pass

    def preload(self, config: object, options: object, article_language: str | None = None) -> None:
        pass

    def digest(self, article: object, options: object, config: object, state: JobState) -> Digest:
        for tick in range(10_000):
            state.raise_if_interrupted()
            state.report(min(0.42 + tick / 100_000, 1.0), "Summarising 2/3")
            time.sleep(0.01)
        raise AssertionError("not reached")

    def close(self) -> None:
        pass


class StreamingEngine(SlowEngine):
    """An engine that has written the summary and the Russian translation, and is still on the Arabic."""

    def digest(self, article: object, options: object, config: object, state: JobState) -> Digest:
        state.publish(PartialText("summary", ENGLISH, complete=True))
        state.publish(PartialText("summary:ru", RUSSIAN, complete=True))
        return super().digest(article, options, config, state)


def queue_of_articles(folder: Path) -> list[str]:
    """Five articles of a morning's news, one of them a PNG saved under a text file's name."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]  # the seed's text without its title
    titles = ["Russian ambassador says military cooperation with US in Syria", "Grain corridor talks resume in Istanbul",
              "Central bank holds rates for a third month", "Floods close the coastal road north of Latakia"]
    paths = []
    for number, title in enumerate(titles, 1):
        path = folder / f"{number:02d}-news.txt"
        path.write_text(f"{title}\n{text}", encoding="utf-8")
        paths.append(str(path))
    broken = folder / "03-photo.txt"
    broken.write_bytes((REPO / "resources" / "app-icon-256.png").read_bytes())
    paths.insert(2, str(broken))
    return paths


def interface_shots(app: QApplication, out: Path, article: object, digest: Digest) -> None:
    """The window in Russian and in Arabic (View › Language), a digest shown beside a list of
    three articles; the interface is English again afterwards."""
    from desktop.ui.language import install_translators

    window = new_window(check=no_problems)
    window.show_article(article)  # type: ignore[arg-type]
    window.show_digest(digest)
    for title in ("Lebanon: talks on the border resume", "Markets steady after the rate decision"):
        window.queue.add_article(Article(title=title, text=f"{title}. A second sentence follows."))
    window.show_digest(digest)
    for language, tab in (("ru", "ru"), ("ar", "ar")):
        window.set_interface_language(language)
        window.show_status(window.statusBar().currentMessage())
        window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.language_views[tab])
        window.workspace.splitter.setSizes([230, 500, 620])
        shoot(app, window, out / f"interface-{'russian' if language == 'ru' else 'arabic'}.png")
    window.close()
    install_translators(app, "en")


ARABIC_ARTICLE = (
    "قال وزير الخارجية اللبناني يوم الاثنين إن المحادثات بشأن الحدود الجنوبية ستستأنف الأسبوع المقبل في الناقورة.\n\n"
    "وأضاف أن الجانبين سيناقشان ترسيم النقاط المتنازع عليها وعودة النازحين إلى قراهم. "
    "وقال للصحفيين إن لبنان مستعد للحوار.\n\n"
    "ورحبت الأمم المتحدة بالإعلان، ودعت إلى ضبط النفس على جانبي الحدود."
)
ARABIC_ARTICLE_IN_ENGLISH = (
    "Lebanon's foreign minister said on Monday that talks on the southern border will resume next week in Naqoura.\n\n"
    "He added that the two sides will discuss marking the disputed points and the return of the displaced to their villages. "
    "He told reporters that Lebanon is ready for dialogue.\n\n"
    "The United Nations welcomed the announcement and called for restraint on both sides of the border."
)


#: The window sizes shot in English and in Arabic: a small laptop's window, and a full HD screen.
WINDOW_SIZES = ((800, 500), (1920, 1080))


def size_shots(app: QApplication, out: Path, digest: Digest) -> None:
    """``digest`` (five tabs: both full translations) in a window of each of
    :data:`WINDOW_SIZES`, in English and in Arabic: at 800×500 on its last tab with the Find
    bar open on the article (Ctrl+F), at 1920×1080 on the Summary; the interface is English
    again afterwards."""
    from desktop.ui.language import install_translators

    for width, height in WINDOW_SIZES:
        for language, name in (("en", "english"), ("ar", "arabic")):
            window = MainWindow(check=no_problems)
            window.show()
            window.set_interface_language(language)
            window.resize(width, height)
            window.show_article(digest.article)
            window.show_digest(digest)
            window.show_status(window.statusBar().currentMessage())
            pane = window.workspace.generated_pane
            settle(app, 0.2)
            if width < 1000:
                pane.setCurrentWidget(pane.article_views["ar"])
                window.workspace.original_pane.view.setFocus()
                settle(app, 0.1)
                window.window_actions.reading.find_action.trigger()
                window.workspace.find_bar.field.setText("Syria")
            else:
                pane.setCurrentWidget(pane.summary_view)
            shoot(app, window, out / f"window-{width}x{height}-{name}.png")
            window.close()
    install_translators(app, "en")


def foreign_article_shot(app: QApplication, out: Path) -> None:
    """An Arabic article digested: the original right to left, its English reading in a tab of
    its own, and the line under the tabs saying the summary was made through English."""
    from models.documents.read import article_from_text

    article = article_from_text(ARABIC_ARTICLE, source="naqoura-talks.txt")
    summary = "Lebanon's foreign minister said talks on the southern border will resume next week in Naqoura."
    digest = Digest(
        article=article, summary=summary,
        summary_translations={"ru": "Министр иностранных дел Ливана заявил, что переговоры о южной границе возобновятся на следующей неделе в Накуре.",
                              "ar": "قال وزير الخارجية اللبناني إن المحادثات بشأن الحدود الجنوبية ستستأنف الأسبوع المقبل في الناقورة."},
        models=(
            ModelCredit("summarize", "sshleifer/distilbart-cnn-12-6", "Apache-2.0"),
            ModelCredit("translate-from-ar", "Helsinki-NLP/opus-mt-tc-big-ar-en", "CC-BY-4.0"),
            ModelCredit("translate-ru", "Helsinki-NLP/opus-mt-tc-big-en-zle", "CC-BY-4.0"),
            ModelCredit("translate-ar", "Helsinki-NLP/opus-mt-tc-big-en-ar", "CC-BY-4.0"),
        ),
        seconds=9.8, translated_from="ar", english_translation=ARABIC_ARTICLE_IN_ENGLISH,
    )
    window = new_window(check=no_problems)
    window.show_article(article)
    window.show_digest(digest)
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.article_views["en"])
    shoot(app, window, out / "arabic-article-in-english.png")
    window.close()


def main(out: Path, models_dir: str | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    article = read_article(SEED)
    linked = alignments(article.text)
    digest = Digest(
        article=article,
        summary=ENGLISH,
        summary_translations={"ru": RUSSIAN, "ar": ARABIC},
        models=(
            ModelCredit("summarize", "sshleifer/distilbart-cnn-12-6", "Apache-2.0"),
            ModelCredit("translate-ru", "Helsinki-NLP/opus-mt-tc-big-en-zle", "CC-BY-4.0"),
            ModelCredit("translate-ar", "Helsinki-NLP/opus-mt-tc-big-en-ar", "CC-BY-4.0"),
        ),
        seconds=41.7,
        alignments={key: value for key, value in linked.items() if not key.startswith("article:")},
    )

    window = new_window(check=no_problems)
    settle(app, 0.5)
    shoot(app, window, out / "empty-window.png")

    window.show_article(article)
    window.show_digest(digest)
    window.show_status("Digest ready in 41.7 s.")
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.summary_view)
    shoot(app, window, out / "digest-summary.png")
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.language_views["ar"])
    shoot(app, window, out / "digest-arabic.png")
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.language_views["ru"])
    shoot(app, window, out / "digest-russian.png")
    paragraphs = [paragraph for paragraph in ARABIC.split("\n\n")]
    full = Digest(
        article=article,
        summary=ENGLISH,
        summary_translations={"ru": RUSSIAN, "ar": ARABIC},
        article_translations={"ru": "\n\n".join([RUSSIAN] * 3), "ar": "\n\n".join(paragraphs * 3)},
        models=digest.models,
        seconds=212.4,
    )
    window.workspace.option_bar.full_article_box.setChecked(True)
    window.show_digest(full)
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.article_views["ar"])
    shoot(app, window, out / "digest-full-article-arabic.png")
    window.workspace.option_bar.full_article_box.setChecked(False)

    # Linked reading: the pointer over a sentence lights up the sentences it is linked to.
    window.show_digest(digest)
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.summary_view)
    settle(app, 0.2)
    hover(app, window.workspace.generated_pane.summary_view, ENGLISH, SUMMARY_SOURCES[1][0])
    shoot(app, window, out / "linked-summary.png")
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.language_views["ar"])
    arabic_view = window.workspace.generated_pane.language_views["ar"]
    settle(app, 0.2)
    point = hover(app, arabic_view, ARABIC, "إن وجود نحو 900", 0.5)
    show_tooltip(app, arabic_view, point)
    shoot_with_tooltip(app, window, out / "linked-arabic.png")
    full_russian = Digest(
        article=article, summary=ENGLISH, summary_translations={"ru": RUSSIAN, "ar": ARABIC},
        article_translations={"ru": full_russian_text()}, models=digest.models, seconds=96.2,
        alignments=linked,
    )
    window.workspace.option_bar.full_article_box.setChecked(True)
    window.show_digest(full_russian)
    full_view = window.workspace.generated_pane.article_views["ru"]
    window.workspace.generated_pane.setCurrentWidget(full_view)
    settle(app, 0.2)
    hover(app, full_view, full_russian_text(), "Такое взаимодействие доказало свою эффективность")
    shoot(app, window, out / "linked-full-article.png")
    window.workspace.option_bar.full_article_box.setChecked(False)
    window.show_digest(digest)
    window.workspace.generated_pane.setCurrentWidget(window.workspace.generated_pane.summary_view)
    window.window_actions.next_flag_action.trigger()  # F8: the first flag, its reason in the status bar
    settle(app, 0.2)
    flagged = hover(app, window.workspace.generated_pane.summary_view, ENGLISH, SUMMARY_SOURCES[2][0], 0.15)
    show_tooltip(app, window.workspace.generated_pane.summary_view, flagged)
    shoot_with_tooltip(app, window, out / "flag-tooltip.png")
    window.close()

    running = new_window(engine=SlowEngine(), check=no_problems)
    settle(app, 0.3)
    running.open_file(str(SEED))
    running.start_digest()
    settle(app, 1.6)
    shoot(app, running, out / "digest-running.png")
    running.window_actions.cancel_action.trigger()
    running.close()

    streaming = new_window(engine=StreamingEngine(), check=no_problems)
    settle(app, 0.3)
    streaming.open_dropped(queue_of_articles(Path(os.environ["ARTICLE_DIGEST_HOME"]) / "morning"))
    settle(app, 1.6)
    streaming.workspace.generated_pane.setCurrentWidget(streaming.workspace.generated_pane.language_views["ru"])
    shoot(app, streaming, out / "queue-running.png")
    streaming.window_actions.cancel_all_action.trigger()
    streaming.close()

    empty_models = Path(os.environ["ARTICLE_DIGEST_HOME"]) / "no-models-here"
    empty_models.mkdir()
    settings = AppSettings()
    settings.models_dir = str(empty_models)
    broken = new_window(settings=settings)  # the real engine's check
    deadline = time.monotonic() + 60
    while not broken.engine_link.answered and time.monotonic() < deadline:
        settle(app, 0.05)
    broken.open_file(str(SEED))
    broken.open_file(str(REPO / "resources"))  # a folder dropped by mistake
    while broken.runner.busy("models") and time.monotonic() < deadline:  # the banner's advice, read from the disk
        settle(app, 0.05)
    shoot(app, broken, out / "missing-models.png")
    broken.close()

    interface_shots(app, out, article, digest)
    foreign_article_shot(app, out)
    size_shots(app, out, Digest(
        article=article, summary=ENGLISH, summary_translations={"ru": RUSSIAN, "ar": ARABIC},
        article_translations={"ru": full_russian_text(), "ar": "\n\n".join(ARABIC.split("\n\n") * 3)},
        models=digest.models, seconds=212.4, alignments=linked,
    ))

    if models_dir:
        settings.models_dir = models_dir
        real = new_window(settings=settings)
        while not real.engine_link.answered:
            settle(app, 0.05)
        real.open_file(str(SEED))
        if real.start_digest() is None:
            real.close()
            raise SystemExit(f"the real engine cannot digest: {real.engine_link.problems}")
        deadline = time.monotonic() + 600
        while real.digest is None and real.digesting and time.monotonic() < deadline:
            settle(app, 0.1)
        real.workspace.generated_pane.setCurrentWidget(real.workspace.generated_pane.language_views["ar"])
        shoot(app, real, out / "real-engine-tiny-models.png")
        real.close()
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    models_dir = None
    if "--models-dir" in arguments:
        at = arguments.index("--models-dir")
        models_dir = arguments[at + 1]
        del arguments[at : at + 2]
    raise SystemExit(main(Path(arguments[0]) if arguments else HERE, models_dir))
