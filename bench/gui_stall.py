"""The longest stall of the GUI event loop while digests run in the background, as the window runs them.

``python bench/gui_stall.py MODELS_DIR [--short]`` prints one JSON line (``--short``: the seed
article's first paragraphs only). A ``QTimer`` ticks every 10 ms
on the GUI thread and the largest gap between two ticks (minus the 10 ms) is the stall. The
digests go the way the Digest button sends them: the window's background runner
(``desktop.ui.runner``) calls the engine process (``models.digest.process``). Two digests run: the first includes
importing torch and loading the three models (from the int8 copies when they exist), the
second runs with everything loaded. Offscreen Qt platform; no window is shown.

The engine process digests (``models.digest.process``), where the
bench's fixed output lengths are not patched in: translations run to the engine's cap, so
the seconds here are longer than ``bench/digest.py``'s. Only the stall is this script's figure.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from common import SEED_ARTICLE, fix_translation_lengths, load_average

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    models_dir = Path(sys.argv[1])
    fix_translation_lengths()
    from PySide6.QtCore import QCoreApplication, QTimer

    from models import Article, DigestOptions

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    if "--short" in sys.argv[2:]:  # --quick: the stall comes from loading, not from the article's length
        text = "\n\n".join(text.split("\n\n")[:4])
    article = Article(title="Seed", text=text, source_path=str(SEED_ARTICLE))
    options = DigestOptions(languages=("ru", "ar"))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    submit, how = _submitter(models_dir)
    result: dict[str, Any] = {"via": how, "load": load_average()}
    for name in ("first", "second"):
        done: list[object] = []
        gaps.clear()
        last[0] = time.perf_counter()
        started = time.perf_counter()
        submit(article, options, done.append)
        while not done and time.perf_counter() - started < 600:
            app.processEvents()
            time.sleep(0.001)
        outcome = done[0] if done else "timed out"
        result[name] = {
            "outcome": outcome if isinstance(outcome, str) else "finished",
            "seconds": round(time.perf_counter() - started, 2),
            "max_stall_ms": round(max(0.0, max(gaps, default=0.0) - 0.010) * 1000, 1),
            "ticks": len(gaps),
        }
    result["max_stall_ms"] = max(result["first"]["max_stall_ms"], result["second"]["max_stall_ms"])
    print(json.dumps(result), flush=True)
    os._exit(0)  # the engine process is a daemon: it ends with this one


def _submitter(models_dir: Path) -> tuple[Any, str]:
    """A function that starts a digest as the Digest button does (the window's background
    runner, the engine process) and calls back with the outcome."""
    from functools import partial

    from desktop.ui.runner import BackgroundRunner
    from models.digest.pipeline import PipelineConfig
    from models.digest.process import DigestProcess

    runner = BackgroundRunner()
    engine = DigestProcess()
    config = PipelineConfig(profile="quality", models_dir=str(models_dir))

    def submit(article: Any, options: Any, callback: Any) -> None:
        task = runner.run("digest", partial(engine.digest, article, options, config))
        task.finished.connect(callback)
        task.failed.connect(lambda error: callback(f"failed: {error}"))
        task.cancelled.connect(lambda: callback("cancelled"))
        submit.tasks.append(task)  # type: ignore[attr-defined]

    submit.tasks = []  # type: ignore[attr-defined]
    submit.keep = (runner, engine)  # type: ignore[attr-defined]
    return submit, "desktop.ui.runner.BackgroundRunner with models.digest.process.DigestProcess"


if __name__ == "__main__":
    sys.exit(main())
