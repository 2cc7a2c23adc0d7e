"""Cold start: from launching the window with an article to its complete summary shown.

    python bench/cold_start.py ARTICLE      (ARTICLE_DIGEST_MODELS: the models folder)

Run as its own process by ``bench/run.py`` (a fresh interpreter: nothing imported, no model
loaded, the engine's child process not started). It starts the window the way
``article-digest ARTICLE`` does (``desktop.app``'s own steps), presses Digest as soon as the
window can take it (the article read, the models checked), and notes when the window's queue
hands the workspace the complete English summary (``ArticleQueue.partial``, ``complete``;
then it closes the window, which stops the engine):
the engine's child started, the models loaded from disk (the converted copies a previous start
left; none is converted here), the summary decoded. Prints one JSON line, times in seconds
from the process's start (``desktop.app.process_age_ms``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from common import load_average


def main() -> int:
    article = str(Path(sys.argv[1]).resolve())
    from desktop.app import configure_logging, create_application, create_window, process_age_ms

    configure_logging()
    app = create_application([])
    window, _filter = create_window(app)
    marks: dict[str, float] = {}

    def on_partial(_entry: object, part: object) -> None:
        if getattr(part, "key", None) != "summary":
            return
        name = "summary" if getattr(part, "complete", False) else "first_words"
        marks.setdefault(name, round(process_age_ms() / 1000, 2))

    window.queue.partial.connect(on_partial)
    window.digest_failed.connect(lambda error: marks.setdefault("failed", str(error)))  # type: ignore[arg-type]
    window.show()
    app.processEvents()
    marks["window"] = round(process_age_ms() / 1000, 2)
    window.open_dropped([article])
    deadline = time.monotonic() + 300
    started = False
    while "summary" not in marks and "failed" not in marks and time.monotonic() < deadline:
        app.processEvents()
        if not started and window.engine_link.answered:
            started = window.start_digest() is not None
            if started:
                marks["digest_pressed"] = round(process_age_ms() / 1000, 2)
        time.sleep(0.005)
    window.close()
    app.processEvents()
    result = {"load": load_average(), **marks}
    result["cold_first_summary_seconds"] = marks.get("summary")
    print(json.dumps(result), flush=True)
    return 0 if "summary" in marks else 1


if __name__ == "__main__":
    sys.exit(main())
