"""Helpers for the window tests: a window factory, a fake engine and check, real drop events."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import pytest

from models.common.job_state import JobState
from models.common.types import Article, Digest, DigestOptions

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = REPO_ROOT / "seeds" / "russia-us-syria.txt"

RUSSIAN_SUMMARY = (
    "Посол России в США Анатолий Антонов признал «эффективным» военное сотрудничество двух стран в Сирии, "
    "но назвал присутствие американских войск в стране «незаконным»."
)
ARABIC_SUMMARY = (
    "أقرّ السفير الروسي لدى الولايات المتحدة أناتولي أنتونوف بـ«فعالية» التعاون العسكري بين البلدين في سوريا، "
    "لكنه وصف وجود القوات الأمريكية في البلاد بأنه «غير قانوني». وقال Antonov لمجلة Newsweek يوم الجمعة "
    "إن نحو 900 جندي أمريكي ما زالوا في شمال شرق سوريا."
)
ENGLISH_SUMMARY = (
    "Russia's ambassador to the US, Anatoly Antonov, called military cooperation between the two countries "
    "in Syria 'effective' but said the presence of US troops there is 'illegal'."
)


def fake_digest(request, summary: str = ENGLISH_SUMMARY) -> Digest:
    """A digest with real Russian and Arabic sentences (and full translations when asked)."""
    options: DigestOptions = request.options
    translations = {"ru": RUSSIAN_SUMMARY, "ar": ARABIC_SUMMARY}
    article = {"ru": "Полный перевод статьи.\n\n" + RUSSIAN_SUMMARY, "ar": "الترجمة الكاملة للمقال.\n\n" + ARABIC_SUMMARY}
    return Digest(
        article=request.article,
        summary=summary,
        summary_translations={code: translations[code] for code in options.languages},
        article_translations={code: article[code] for code in options.languages} if options.translate_article else {},
        seconds=0.3,
    )


def fast_run(request, state: JobState) -> Digest:
    """Five progress steps, 60 ms apart (past the 50 ms throttle), then a digest."""
    for step in range(1, 6):
        state.raise_if_interrupted()
        state.report(step / 5, f"Step {step}/5")
        time.sleep(0.06)
    return fake_digest(request)


class FakeEngine:
    """Stands in for :class:`models.digest.process.DigestProcess`: ``run(request, state)`` makes
    the digest (``request`` has the article, options and config); preloads are recorded."""

    def __init__(self, run: Callable[[Any, JobState], Digest] = fast_run) -> None:
        self.run = run
        self.preloads: list[tuple[Any, DigestOptions]] = []
        self.started = threading.Event()
        self.closed = False

    def start(self) -> None:
        self.started.set()

    def preload(self, config: Any, options: DigestOptions, article_language: str | None = None) -> None:
        self.preloads.append((config, options))

    def digest(self, article: Article, options: DigestOptions, config: Any = None, state: JobState | None = None) -> Digest:
        request = SimpleNamespace(article=article, options=options, config=config)
        return self.run(request, state or JobState())

    def close(self) -> None:
        self.closed = True


class LoopingRun:
    """A run function that works until cancelled (checking its state every 10 ms)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.stopped = threading.Event()

    def __call__(self, request, state: JobState) -> Digest:
        self.started.set()
        try:
            for tick in range(2000):
                state.raise_if_interrupted()
                state.report(min(tick / 2000, 1.0), "Summarising 1/3")
                time.sleep(0.01)
        finally:
            self.stopped.set()
        return fake_digest(request)


def no_problems(profile: str, models_dir: str | None, options: DigestOptions, article_language: str | None = None) -> list[str]:
    return []


@pytest.fixture(autouse=True, scope="session")
def english_interface(qapp) -> None:
    """The interface in English whatever the machine's locale, with the English catalogue's
    plural forms ("1 article"), as the app starts for a user with an English system."""
    from desktop.ui.language import install_translators

    install_translators(qapp, "en")


@pytest.fixture
def make_window(qtbot) -> Iterator[Callable[..., object]]:
    """Build a shown MainWindow with a fake engine (``run``: see :class:`FakeEngine`; None: the
    real engine process) and check; closed (lanes joined) at the end."""
    from desktop.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(run=fast_run, check=no_problems, settings=None, show: bool = True) -> MainWindow:
        engine = FakeEngine(run) if run is not None else None
        window = MainWindow(engine=engine, check=check, settings=settings)
        qtbot.addWidget(window)
        made.append(window)
        if show:
            with qtbot.waitSignal(window.model_check_finished, timeout=5000):  # asked once shown
                window.show()
            qtbot.waitExposed(window)
        return window

    yield make
    for window in made:
        window.close()
        assert not lane_threads_alive()


def opened(qtbot, window, path: Path | str, timeout: int = 10_000) -> Article | None:
    """Open ``path`` as File › Open does and wait until it is read (off the GUI thread); its
    article (None when it could not be read: the entry says why)."""
    from desktop.ui.article_queue import EntryState

    assert window.open_file(str(path))
    entry = window.queue.entries[-1]  # listed at once, "Reading…"
    assert entry.source == str(path) and entry.state is EntryState.READING
    qtbot.waitUntil(lambda: entry.state is not EntryState.READING, timeout=timeout)
    if entry.article is not None:
        assert window.entry is entry  # shown once read
    return entry.article


@pytest.fixture
def open_article(qtbot) -> Callable[..., Article | None]:
    """``open_article(window, path)``: :func:`opened`."""
    return lambda window, path, timeout=10_000: opened(qtbot, window, path, timeout)


def lane_threads_alive() -> list[str]:
    """The background runner's lane threads still running."""
    return [thread.name for thread in threading.enumerate() if thread.name.endswith("-lane")]


def drop_files(widget, paths: list[Path | str]) -> tuple[bool, bool]:
    """Send a real drag-enter and drop of ``paths`` (as file URLs) to ``widget``.

    Returns whether the drag was accepted and whether the drop was. For a text view, pass its
    viewport: that is the widget Qt delivers drag events to.
    """
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    mime.setText("\n".join(QUrl.fromLocalFile(str(path)).toString() for path in paths))
    return drop_mime(widget, mime)


def drop_mime(widget, mime) -> tuple[bool, bool]:
    """Send a real drag-enter and drop of ``mime`` (a QMimeData: links, text…) to ``widget``;
    returns whether the drag was accepted and whether the drop was."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    centre = widget.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    drop.setAccepted(False)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


@pytest.fixture
def fakes(qtbot):
    """The fake run/check functions and texts above, for tests (conftest modules are not
    imported), and ``open(window, path)``: :func:`opened`."""
    import types

    return types.SimpleNamespace(
        open=lambda window, path, timeout=10_000: opened(qtbot, window, path, timeout),
        fast_run=fast_run,
        FakeEngine=FakeEngine,
        lane_threads_alive=lane_threads_alive,
        LoopingRun=LoopingRun,
        no_problems=no_problems,
        fake_digest=fake_digest,
        seed_article=SEED_ARTICLE,
        english=ENGLISH_SUMMARY,
        russian=RUSSIAN_SUMMARY,
        arabic=ARABIC_SUMMARY,
    )


@pytest.fixture
def drop():
    """:func:`drop_files`: send a real drag-enter and drop of file URLs to a widget."""
    return drop_files


@pytest.fixture
def drop_data():
    """:func:`drop_mime`: send a real drag-enter and drop of a QMimeData to a widget."""
    return drop_mime
