"""The longest GUI event-loop gaps while the window takes articles in and lists its history.

``python bench/window_stall.py [--entries N]`` prints one JSON line. No models are needed: the
window gets a fake engine whose digest waits until it is cancelled (the measures are about
reading, listing and the history, not digesting). A ``QTimer`` ticks every 10 ms on the GUI
thread; a measure's ``max_stall_ms`` is its largest gap between two ticks, less the 10 ms.

- ``open_html``: a saved page of about 180,000 characters opened (File › Open, a drop of one
  file, Open Recent all come this way), until its article is shown;
- ``open_pdf``: a 200-page PDF with a text layer, the same;
- ``drop_folder``: a folder of 250 articles dropped (200 are taken), until every one is read
  and queued; ``listed_ms`` is when all 200 were in the list;
- ``history_menu``: with ``N`` (10,000) past digests, the History menu opened: ``shown_ms`` is
  how long showing it took, ``listed_ms`` when it listed the latest digests; ``cold`` is
  before the history's index exists (the first start after an update), ``warm`` after;
- ``history_dialog``: History… opened: ``shown_ms``, and ``listed_ms`` when its list held every digest;
- ``cli_history``: ``article-digest-cli --history`` with the same history, seconds (cold, warm).

Offscreen Qt platform. The history and settings live in a temporary ``ARTICLE_DIGEST_HOME``.
``ARTICLE_DIGEST_BENCH_CODE`` (``run.py --compare``) measures another checkout's window.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="article-digest-window-bench-"))
os.environ["ARTICLE_DIGEST_HOME"] = str(_HOME)  # before the app's modules read it

from common import CODE_ROOT, REPO_ROOT, SEED_ARTICLE, load_average  # noqa: E402 - after the environment is set

#: How long one measure may wait for what it waits for.
_WAIT_S = 120.0


def _ticks_class() -> type:
    """The tests' stall instrument (``tests/desktop/ticks.py`` of this checkout, loaded by its
    path: the same one whichever checkout is measured)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("window_ticks", REPO_ROOT / "tests" / "desktop" / "ticks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Ticks


def _wait(app: Any, done: Callable[[], bool], timeout_s: float = _WAIT_S) -> float:
    """Run the event loop until ``done()``; the seconds it took (``timeout_s`` if never)."""
    started = time.perf_counter()
    while not done():
        if time.perf_counter() - started > timeout_s:
            break
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - started


def _measure(app: Any, ticks: Any, act: Callable[[], object], done: Callable[[], bool]) -> dict[str, Any]:
    """``act()`` from inside the event loop, then wait for ``done()``: the stall and the time."""
    from PySide6.QtCore import QTimer

    ticks.restart()
    started = time.perf_counter()
    called: list[float] = []
    QTimer.singleShot(0, lambda: (act(), called.append(time.perf_counter() - started)))
    seconds = _wait(app, lambda: bool(called) and done())
    return {"ms": round(seconds * 1000), "call_ms": round(called[0] * 1000, 1) if called else None,
            "max_stall_ms": ticks.max_stall_ms(), "done": done()}


def _large_html(folder: Path) -> Path:
    paragraphs = [p for p in SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    body, number = [], 0
    while sum(map(len, body)) < 178_000:
        body.append(f"<p>{number}. {paragraphs[number % len(paragraphs)]}</p>\n")
        number += 1
    page = ("<html><head><title>A long saved page</title></head><body><article><h1>A long saved page</h1>\n"
            + "".join(body) + "</article></body></html>\n")
    path = folder / "long-page.html"
    path.write_text(page, encoding="utf-8")
    return path


def _large_pdf(folder: Path, pages: int = 200) -> Path:
    sys.path.insert(0, str(CODE_ROOT))
    from tests.models._document_samples import make_pdf

    words = SEED_ARTICLE.read_text(encoding="utf-8").encode("cp1252", "replace").decode("cp1252").split()
    lines = [" ".join(words[start:start + 12]) for start in range(0, len(words), 12)]
    path = folder / "long-report.pdf"
    path.write_bytes(make_pdf([[lines[(page * 10 + n) % len(lines)] for n in range(10)] for page in range(pages)],
                              title="A long report"))
    return path


def _articles_folder(folder: Path, count: int = 250) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for number in range(1, count + 1):
        (folder / f"article-{number:03d}.txt").write_text(f"Article number {number}\n\n{text}", encoding="utf-8")
    return folder


def _fill_history(count: int) -> Path:
    """``count`` past digests, written as the history writes them (without its index)."""
    from models.common.paths import history_dir
    from models.common.types import Article, Digest

    root = history_dir()
    root.mkdir(parents=True, exist_ok=True)
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    digest = Digest(article=Article(title="Past article", text=text, source_path=str(SEED_ARTICLE)),
                    summary="A summary of the past article.", summary_translations={"ru": "Краткое изложение."}, seconds=5.0)
    data = digest.to_json_dict()
    for number in range(count):
        data["title"] = f"Past article {number}"
        stamp = f"2024{1 + number // 40000 % 12:02d}{1 + number // 1440 % 28:02d}T{number // 60 % 24:02d}{number % 60:02d}00-{number:06d}Z"
        (root / f"{stamp}-past-article-{number}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return root


def _cli_history_seconds() -> float:
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(CODE_ROOT)}
    subprocess.run([sys.executable, "-c", "import sys; from models.cli import main; sys.exit(main(['--history']))"],
                   env=env, check=True, stdout=subprocess.DEVNULL, cwd=CODE_ROOT)
    return round(time.perf_counter() - started, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000, help="past digests in the history (default 10,000)")
    args = parser.parse_args()
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(CODE_ROOT))
    from tests.desktop.conftest import FakeEngine, LoopingRun, no_problems

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.ui.main_window import MainWindow

    files = _HOME / "files"
    files.mkdir()
    html, pdf, folder = _large_html(files), _large_pdf(files), _articles_folder(files / "folder")
    result: dict[str, Any] = {"code": str(CODE_ROOT), "load": load_average(),
                              "html_chars": len(html.read_text(encoding="utf-8")), "pdf_pages": 200}
    ticks = _ticks_class()()

    def new_window() -> Any:
        looping = LoopingRun()
        window = MainWindow(engine=FakeEngine(looping), check=no_problems)
        window.show()
        _wait(app, lambda: window.engine_link.answered, 30)
        _wait(app, lambda: False, 1.5)  # the first-show work (the reading warm-up) is done
        return window

    window = new_window()

    def shown(title: str) -> Callable[[], bool]:
        return lambda: any(entry.article is not None and entry.article.title == title for entry in window.queue.entries) \
            and window.article is not None and window.article.title == title

    result["open_html"] = _measure(app, ticks, lambda: window.open_file(str(html)), shown("A long saved page"))
    result["open_pdf"] = _measure(app, ticks, lambda: window.open_file(str(pdf)), shown("A long report"))

    before = len(window.queue.entries)

    def all_read() -> bool:
        added = window.queue.entries[before:]
        return len(added) >= 200 and all(entry.article is not None or entry.reason for entry in added)

    listed: list[float] = []
    started = time.perf_counter()

    def watch_listed() -> None:
        if not listed and window.workspace.queue_panel.list.count() >= before + 200:
            listed.append(time.perf_counter() - started)

    window.queue.entries_changed.connect(watch_listed)
    for arrived in ("entries_added", "entry_added"):  # the list says entries arrived (older checkouts: one by one)
        signal = getattr(window.queue, arrived, None)
        if signal is not None:
            signal.connect(lambda *_: watch_listed())
            break
    result["drop_folder"] = _measure(app, ticks, lambda: window.open_dropped([str(folder)]), all_read)
    watch_listed()
    result["drop_folder"]["listed_ms"] = round(listed[0] * 1000) if listed else None
    result["drop_folder"]["entries"] = len(window.queue.entries) - before
    window.window_actions.cancel_all_action.trigger()
    window.close()
    _wait(app, lambda: False, 0.5)

    root = _fill_history(args.entries)
    result["history_entries"] = args.entries
    for phase in ("cold", "warm"):
        if phase == "warm":
            _wait(app, lambda: (root / ".index.json").exists(), 60)
        window = new_window()
        menu = window.history_menu
        entries = lambda: sum(1 for action in menu.actions() if action.data())  # noqa: E731
        ticks.restart()
        started = time.perf_counter()
        menu.popup(window.mapToGlobal(QPoint(20, 20)))
        shown_ms = (time.perf_counter() - started) * 1000
        waited = _wait(app, lambda: entries() > 0, 60)
        result[f"history_menu_{phase}"] = {"shown_ms": round(shown_ms, 1), "listed_ms": round(waited * 1000 + shown_ms),
                                           "entries_listed": entries(), "max_stall_ms": ticks.max_stall_ms()}
        menu.hide()
        ticks.restart()
        started = time.perf_counter()
        window.window_actions.history_action.trigger()
        shown_ms = (time.perf_counter() - started) * 1000
        dialog = window.history_dialog
        waited = _wait(app, lambda: dialog.list.count() >= args.entries, 60)
        result[f"history_dialog_{phase}"] = {"shown_ms": round(shown_ms, 1), "listed_ms": round(waited * 1000 + shown_ms),
                                             "entries_listed": dialog.list.count(), "max_stall_ms": ticks.max_stall_ms()}
        dialog.close()
        window.close()
        _wait(app, lambda: False, 0.3)
    result["cli_history_seconds_warm"] = _cli_history_seconds()
    (root / ".index.json").unlink(missing_ok=True)
    result["cli_history_seconds_cold"] = _cli_history_seconds()
    result["max_stall_ms"] = max(value["max_stall_ms"] for value in result.values() if isinstance(value, dict))
    print(json.dumps(result), flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
