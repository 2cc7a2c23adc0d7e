"""Screenshots of the Models dialog in each state, under a real X server (``xvfb-run``).

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/make_models_screenshots.py TINY_MODELS_DIR [OUTDIR]

The Hub is the tests' local fake (``tests/models/fake_hub.py``) serving the tiny test models
as the fast profile's repositories, slowed down so a download can be caught half-way.
Shots: models-missing, models-downloading, models-partial (after Cancel), models-installed.
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
os.environ["ARTICLE_DIGEST_HOME"] = tempfile.mkdtemp(prefix="article-digest-model-shots-")
os.environ["HF_HUB_OFFLINE"] = "0"

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.ui.models_dialog import ModelsDialog  # noqa: E402
from models.inventory import downloads  # noqa: E402
from models.inventory.catalog import specs_for  # noqa: E402
from tests.models.fake_hub import FakeHub  # noqa: E402

PROFILE = "fast"


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, condition, timeout: float = 60.0) -> None:  # noqa: ANN001
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the dialog did not reach the expected state")
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    tiny = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE
    downloads._CHUNK_BYTES = 16 * 1024  # the tiny models are small: report progress often
    app = QApplication(sys.argv[:1])
    repos = {spec.repo_id: tiny / spec.task for spec in specs_for(PROFILE).values()}
    with FakeHub(repos) as hub:
        os.environ["HF_ENDPOINT"] = hub.url
        for name in ("model.safetensors",):
            hub.state.slow[name] = 0.05
        dialog = ModelsDialog(PROFILE)
        dialog.show()
        settle(app)
        dialog.grab().save(str(out / "models-missing.png"))

        dialog.download_button.click()
        wait_for(app, lambda: "model.safetensors 1" in dialog.progress_label.text() and "KB/s" in dialog.progress_label.text())
        settle(app, 0.6)
        dialog.grab().save(str(out / "models-downloading.png"))

        cancelled: list[bool] = []
        dialog.downloads_finished.connect(cancelled.append)
        dialog.cancel_button.click()
        wait_for(app, lambda: bool(cancelled))
        settle(app)
        dialog.grab().save(str(out / "models-partial.png"))

        hub.state.slow.clear()
        dialog.download_button.click()
        wait_for(app, lambda: len(cancelled) == 2)
        settle(app)
        dialog.grab().save(str(out / "models-installed.png"))
        dialog.close()


if __name__ == "__main__":
    main()
