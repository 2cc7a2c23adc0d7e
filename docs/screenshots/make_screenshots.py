"""Take the README's screenshots of the window: run under a real X server (``xvfb-run``).

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/make_screenshots.py [OUTDIR] [--models-dir DIR]

Shots: the empty window; a finished digest (Summary and Arabic tabs) built by hand with real
Russian and Arabic sentences, so text direction and fonts can be checked; a digest running;
and the missing-models error state (the real engine's check against an empty models folder).
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

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import create_application  # noqa: E402
from models.documents.read import read_article  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import AppSettings  # noqa: E402
from models.common.job_state import JobState  # noqa: E402
from models.common.types import Digest, ModelCredit  # noqa: E402

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
    window.splitter.setSizes([560, 680])
    window.show()
    return window


def no_problems(profile: str, models_dir: str | None, options: object) -> list[str]:
    return []


class SlowEngine:
    """An engine whose digest works until cancelled, at "Summarising 2/3"."""

    def start(self) -> None:
        pass

    def preload(self, config: object, options: object) -> None:
        pass

    def digest(self, article: object, options: object, config: object, state: JobState) -> Digest:
        for tick in range(10_000):
            state.raise_if_interrupted()
            state.report(min(0.42 + tick / 100_000, 1.0), "Summarising 2/3")
            time.sleep(0.01)
        raise AssertionError("not reached")

    def close(self) -> None:
        pass


def main(out: Path, models_dir: str | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    article = read_article(SEED)
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
    )

    window = new_window(check=no_problems)
    settle(app, 0.5)
    shoot(app, window, out / "empty-window.png")

    window.show_article(article)
    window.show_digest(digest)
    window.show_status("Digest ready in 41.7 s.")
    window.generated_pane.setCurrentWidget(window.summary_view)
    shoot(app, window, out / "digest-summary.png")
    window.generated_pane.setCurrentWidget(window.language_views["ar"])
    shoot(app, window, out / "digest-arabic.png")
    window.generated_pane.setCurrentWidget(window.language_views["ru"])
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
    window.full_article_box.setChecked(True)
    window.show_digest(full)
    window.generated_pane.setCurrentWidget(window.article_views["ar"])
    shoot(app, window, out / "digest-full-article-arabic.png")
    window.full_article_box.setChecked(False)
    window.close()

    running = new_window(engine=SlowEngine(), check=no_problems)
    settle(app, 0.3)
    running.open_file(str(SEED))
    running.start_digest()
    settle(app, 1.6)
    shoot(app, running, out / "digest-running.png")
    running.cancel_action.trigger()
    running.close()

    empty_models = Path(os.environ["ARTICLE_DIGEST_HOME"]) / "no-models-here"
    empty_models.mkdir()
    settings = AppSettings()
    settings.models_dir = str(empty_models)
    broken = new_window(settings=settings)  # the real engine's check
    deadline = time.monotonic() + 60
    while not broken.models_checked and time.monotonic() < deadline:
        settle(app, 0.05)
    broken.open_file(str(SEED))
    broken.open_file(str(REPO / "resources"))  # a folder dropped by mistake
    shoot(app, broken, out / "missing-models.png")
    broken.close()

    if models_dir:
        settings.models_dir = models_dir
        real = new_window(settings=settings)
        while not real.models_checked:
            settle(app, 0.05)
        real.open_file(str(SEED))
        if real.start_digest() is None:
            real.close()
            raise SystemExit(f"the real engine cannot digest: {real.model_problems}")
        deadline = time.monotonic() + 600
        while real.digest is None and real.digesting and time.monotonic() < deadline:
            settle(app, 0.1)
        real.generated_pane.setCurrentWidget(real.language_views["ar"])
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
