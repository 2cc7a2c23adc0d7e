"""``article-digest-cli`` driven as a user would: a real process, real files, the tiny models."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from models.documents.export import printable
from models.common.languages import output_languages
from tests.conftest import REPO_ROOT, SEED_ARTICLE

SHORT_ARTICLE = "Russia and the US held talks about Syria on Friday. Both sides want calm, officials said.\n"


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("article-digest-cli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "models.cli"]


def cli(*args: str, cwd: Path = REPO_ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli_command(), *args], capture_output=True, text=True, cwd=cwd, env=os.environ.copy(), timeout=timeout
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("article-digest-cli: error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_seed_article_to_json_fills_every_field(tiny_models_dir: Path) -> None:
    result = cli(str(SEED_ARTICLE), "--to", "ru,ar", "--full", "--models-dir", str(tiny_models_dir), "--format", "json")
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert digest["title"] == "Russian ambassador says military cooperation with US in Syria"
    assert digest["source_path"] == str(SEED_ARTICLE)
    assert digest["text"].startswith("Russian ambassador says")
    assert digest["summary"].strip()
    for key in ("summary_translations", "article_translations"):
        assert set(digest[key]) == set(output_languages()) and all(text.strip() for text in digest[key].values())
    assert set(digest["models"]) == {"summarize", "translate-ru", "translate-ar"}
    # The tiny stand-ins are credited as their folders, not as the catalogue's models.
    assert digest["models"]["translate-ar"]["model"] == str(tiny_models_dir / "translate-ar")
    assert digest["seconds"] > 0
    # The structure: every generated text's sentences linked to the text they came from.
    alignments = digest["alignments"]
    assert set(alignments) == {"summary", "summary:ru", "summary:ar", "article:ru", "article:ar"}
    texts = {"article": digest["text"], "summary": digest["summary"]}
    for key, alignment in alignments.items():
        kind, _, language = key.partition(":")
        generated = digest["summary"] if not language else digest[f"{kind}_translations"][language]
        source = texts[alignment["source"]]
        assert alignment["links"], key
        for link in alignment["links"]:
            start, end = link["target"]
            assert 0 <= start <= end <= len(generated) and generated[start:end].strip() == generated[start:end]
            assert all(0 <= a <= b <= len(source) for a, b in link["sources"])
        if language:  # a translation: one source sentence each, all of them in order
            starts = [link["sources"][0][0] for link in alignment["links"]]
            assert starts == sorted(starts) and all(len(link["sources"]) == 1 for link in alignment["links"])

    history = cli("--history")
    assert history.returncode == 0
    assert "Russian ambassador says military cooperation" in history.stdout


def test_markdown_to_a_file_then_overwrite_refused(tmp_path: Path, tiny_models_dir: Path) -> None:
    out = tmp_path / "digest.md"
    first = cli(str(SEED_ARTICLE), "--to", "ar", "--models-dir", str(tiny_models_dir), "--format", "md", "--out", str(out))
    assert first.returncode == 0, first.stderr
    written = out.read_text(encoding="utf-8")
    assert "Russian ambassador says military cooperation" in written
    again = cli(str(SEED_ARTICLE), "--to", "ar", "--models-dir", str(tiny_models_dir), "--format", "md", "--out", str(out))
    assert_one_line_error(again, "digest.md already exists")
    assert out.read_text(encoding="utf-8") == written


def test_bad_inputs_exit_non_zero_with_one_line(tmp_path: Path, tiny_models_dir: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Russia and the US talk about Syria. Both sides want calm.", encoding="utf-8")
    corrupt_models = tmp_path / "corrupt-models"
    shutil.copytree(tiny_models_dir, corrupt_models)
    (corrupt_models / "translate-ar" / "model.safetensors").write_bytes(b"\0" * 64)

    assert_one_line_error(cli(str(tmp_path / "missing.txt"), "--models-dir", str(tiny_models_dir)), "missing.txt")
    assert_one_line_error(cli(str(empty), "--models-dir", str(tiny_models_dir)), "empty.txt")
    assert_one_line_error(cli(str(good), "--models-dir", str(tmp_path / "no-models")), "good.txt", "not installed")
    assert_one_line_error(cli(str(good), "--models-dir", str(corrupt_models)), "good.txt", "could not be loaded")


def test_unknown_language_is_a_usage_error() -> None:
    result = cli(str(SEED_ARTICLE), "--to", "fr")
    assert result.returncode == 2
    assert "unknown language fr" in result.stderr


def test_models_list_reports_each_task(tiny_models_dir: Path) -> None:
    result = cli("models", "list", "--models-dir", str(tiny_models_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    tasks = ["summarize", "translate-ru", "translate-ar", "translate-from-ru", "translate-from-ar"]
    assert [line.split()[0] for line in lines] == tasks
    assert all("installed (folder" in line for line in lines)
    missing = cli("models", "verify", "--models-dir", str(REPO_ROOT / "no-such-folder"))
    assert missing.returncode == 1 and missing.stdout.count("missing") == len(tasks)


def test_models_download_then_digest_without_a_models_folder(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.inventory.catalog import specs_for
    from tests.models.fake_hub import FakeHub

    repos = {spec.repo_id: tiny_models_dir / spec.task for spec in specs_for("fast").values()}
    count = len(repos)  # the summariser and the translators, into and out of English
    with FakeHub(repos) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        monkeypatch.setenv("HF_HUB_OFFLINE", "0")
        downloaded = cli("models", "download", "--profile", "fast")
        assert downloaded.returncode == 0, downloaded.stdout + downloaded.stderr
        assert downloaded.stdout.count("downloaded to") == count
        requests = len(hub.state.requests)

        monkeypatch.setenv("HF_HUB_OFFLINE", "1")
        verified = cli("models", "verify", "--profile", "fast")
        assert verified.returncode == 0 and verified.stdout.count("verified") == count
        digest = cli(str(SEED_ARTICLE), "--profile", "fast", "--to", "ru,ar")
        assert digest.returncode == 0, digest.stderr
        assert json.loads(digest.stdout)["models"]["translate-ru"]["model"] == "Helsinki-NLP/opus-mt-en-ru"
        assert len(hub.state.requests) == requests  # installed models need no network

        removed = cli("models", "remove", "--profile", "fast")
        assert removed.returncode == 0 and removed.stdout.count("removed") == count
        assert cli("models", "verify", "--profile", "fast").returncode == 1


def test_models_download_english_articles_only_skips_exactly_the_into_english_models(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.inventory.catalog import only_for_articles_in, specs_for
    from tests.models.fake_hub import FakeHub

    specs = list(specs_for("fast").values())
    into_english = {spec.repo_id: only_for_articles_in(spec.task) for spec in specs if only_for_articles_in(spec.task)}
    assert into_english == {"Helsinki-NLP/opus-mt-ru-en": "ru", "Helsinki-NLP/opus-mt-ar-en": "ar"}
    names = {"ru": "Russian", "ar": "Arabic"}
    with FakeHub({spec.repo_id: tiny_models_dir / spec.task for spec in specs}) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        monkeypatch.setenv("HF_HUB_OFFLINE", "0")
        downloaded = cli("models", "download", "--profile", "fast", "--english-articles-only")
        assert downloaded.returncode == 0, downloaded.stdout + downloaded.stderr
        lines = {line.split()[0]: line for line in downloaded.stdout.splitlines()}
        assert list(lines) == [spec.task for spec in specs]
        for spec in specs:
            line = lines[spec.task]
            if spec.repo_id in into_english:
                assert "skipped (--english-articles-only)" in line, line
                assert line.endswith(f"[only for {names[into_english[spec.repo_id]]} articles]"), line
            else:
                assert "downloaded to" in line and "[only for" not in line, line
        asked = {request.path for request in hub.state.requests}
        for spec in specs:  # nothing at all was asked of the Hub about the models skipped
            assert any(f"/{spec.repo_id}/" in path for path in asked) == (spec.repo_id not in into_english), spec.repo_id

        monkeypatch.setenv("HF_HUB_OFFLINE", "1")
        listed = cli("models", "list", "--profile", "fast").stdout.splitlines()
        assert [line.endswith("[only for Russian articles]") for line in listed] == [False, False, False, True, False]
        assert "missing" in listed[3] and "[only for Arabic articles]" in listed[4]
        assert cli("models", "verify", "--profile", "fast").returncode == 1  # they are missing all the same
        verified = cli("models", "verify", "--profile", "fast", "--english-articles-only")
        assert verified.returncode == 0, verified.stdout
        assert verified.stdout.count("verified") == 3 and verified.stdout.count("not needed for English articles") == 2
    refused = cli("models", "list", "--english-articles-only")
    assert refused.returncode == 2 and "--english-articles-only goes with 'download' or 'verify'" in refused.stderr
    assert "--english-articles-only" in cli("models", "--help").stdout


def test_models_use_points_a_task_at_a_folder(tiny_models_dir: Path, tmp_path: Path) -> None:
    refused = cli("models", "use", "translate-ar", str(tmp_path))
    assert_one_line_error(refused, "not a usable model folder")
    for task in ("summarize", "translate-ru", "translate-ar"):
        assert cli("models", "use", task, str(tiny_models_dir / task)).returncode == 0
    listed = cli("models", "list")
    assert listed.stdout.count("installed (chosen") == 3
    digest = cli(str(SEED_ARTICLE), "--to", "ar")
    assert digest.returncode == 0, digest.stderr
    assert cli("models", "use", "translate-ar", "-").returncode == 0
    assert "missing" in cli("models", "list").stdout.splitlines()[2]


def test_flags_only_prints_the_sentences_to_check_and_json_carries_the_same_flags(tiny_models_dir: Path) -> None:
    args = (str(SEED_ARTICLE), "--to", "ru,ar", "--models-dir", str(tiny_models_dir), "--no-history")
    digest = json.loads(cli(*args, "--format", "json").stdout)
    flagged = {(key, tuple(flag["target"])) for key, alignment in digest["alignments"].items() for flag in alignment["flags"]}
    result = cli(*args, "--flags-only")
    assert result.returncode == 0, result.stderr
    if not flagged:
        assert result.stdout == "No sentence to check.\n"
        return
    # The tiny models write nonsense: their sentences get flagged, each listed once with its reasons.
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == len(flagged)
    for block in blocks:
        first, *reasons = block.splitlines()
        assert first.startswith("[Summary") and reasons
        assert all(reason.startswith("  - ") and ": " in reason for reason in reasons)
    assert "Summary in Russian" in result.stdout or "Summary in Arabic" in result.stdout or "[Summary (English)]" in result.stdout



# -- hostile names, outputs, history; Ctrl+C; a clean exit ---------------------------------------
def test_printed_names_are_escaped(tmp_path: Path, tiny_models_dir: Path) -> None:
    named = tmp_path / "news\x1b]0;pwned\x07\u202e\n.txt"  # a title-setting escape, RLO, a line break
    named.write_text(SHORT_ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty\x1b[31m\n.txt"
    empty.write_bytes(b"")
    result = cli(
        str(named), str(empty), "--to", "ru", "--profile", "fast", "--models-dir", str(tiny_models_dir), "--format", "txt", "--no-history"
    )
    assert result.returncode == 1
    # One line for the bad file, and the batch's summary naming it: both escaped.
    assert result.stderr.splitlines() == [
        "article-digest-cli: error: empty\\x1b[31m\\x0a.txt: is empty",
        "article-digest-cli: 1 digested, 1 failed (empty\\x1b[31m\\x0a.txt: is empty)",
    ]
    for text in (result.stdout, result.stderr):
        assert not any(char in text for char in "\x1b\x07\u202e"), text
    sources = [line for line in result.stdout.splitlines() if line.startswith("Source: ")]
    assert sources == [f"Source: {printable(str(named))}"]
    assert sources[0].endswith("news\\x1b]0;pwned\\x07\\u202e\\x0a.txt")


def test_an_output_that_cannot_be_written_is_one_line_before_any_work(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    models = ("--models-dir", str(tiny_models_dir))
    cases = {
        str(tmp_path / ("x" * 300 + ".md")): "the file name is too long",  # ENAMETOOLONG
        str(blocker / "digest.md"): "Not a directory",
        str(tmp_path / "missing" / "digest.md"): "its folder does not exist",
        str(tmp_path / ("y" * 300) / "digest.md"): "File name too long",
    }
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        cases[str(locked / "digest.md")] = "is not writable"
    for out, fragment in cases.items():
        started = time.monotonic()
        assert_one_line_error(cli(str(article), *models, "--format", "md", "--out", out), "cannot write", fragment)
        assert time.monotonic() - started < 30  # refused before the models load
    # Several files: --out is a folder, and one that cannot be made is one line too.
    assert_one_line_error(cli(str(article), str(article), *models, "--out", str(tmp_path / ("z" * 300))), "cannot create the output folder")
    assert_one_line_error(cli(str(article), str(article), *models, "--out", str(blocker / "sub")), "cannot create the output folder")
    assert {path.name for path in tmp_path.iterdir()} >= {"article.txt", "a-file"}
    assert not [path for path in tmp_path.rglob("*") if path.is_file() and path.name not in ("article.txt", "a-file")]


def test_history_listing_survives_hostile_entries(isolated_user_dirs: Path) -> None:
    from models.common.paths import history_dir

    root = history_dir()
    root.mkdir(parents=True)
    data = {"title": "Lone \ud800 and \x1b]0;x\x07 title", "text": "Text.", "summary": "Summary.", "source_path": "/news/a\nb.txt", "created": "2024-05-01T10:00:00+00:00"}
    (root / "20240501T100000-000001Z-hostile.json").write_text(json.dumps(data), encoding="utf-8")
    (root / "20240501T100000-000002Z-number.json").write_text(json.dumps({**data, "title": 5}), encoding="utf-8")
    (root / "20240501T100000-000003Z-list.json").write_text(json.dumps([data]), encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "20240501T100000-000004Z-fifo.json")
    result = cli("--history", timeout=60)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert "Lone \ufffd and \\x1b]0;x\\x07 title  (/news/a\\x0ab.txt)" in lines[0]


def test_an_unwritable_history_still_writes_the_digests(tmp_path: Path, tiny_models_dir: Path, isolated_user_dirs: Path) -> None:
    (isolated_user_dirs / "data").write_text("a file where the data folder should be", encoding="utf-8")
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    for path in (first, second):
        path.write_text(SHORT_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = cli(str(first), str(second), "--to", "ru", "--profile", "fast", "--models-dir", str(tiny_models_dir), "--format", "md", "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert [line for line in lines if "wrote" in line] == [f"{first}: wrote {out / 'first.digest.md'}", f"{second}: wrote {out / 'second.digest.md'}"]
    assert lines[-1] == "article-digest-cli: 2 digested, 0 failed"
    warnings = [line for line in lines[:-1] if "wrote" not in line]
    assert len(warnings) == 1 and warnings[0].startswith("article-digest-cli: warning: cannot save to the history")
    assert sorted(path.name for path in out.iterdir()) == ["first.digest.md", "second.digest.md"]


def _interrupt(args: list[str], *, after_s: float | None = None, after_line: str | None = None, then_s: float = 0.0) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the CLI, send it SIGINT ``after_s`` seconds from its start, or ``then_s`` after it
    printed a stderr line holding ``after_line``; returns the result and how long it took to end."""
    process = subprocess.Popen([*cli_command(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT, env=os.environ.copy())
    lines: list[str] = []
    stdout: list[str] = []
    seen = threading.Event()

    def read_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if after_line is not None and after_line in line:
                seen.set()

    readers = [
        threading.Thread(target=read_stderr, daemon=True),
        threading.Thread(target=lambda: stdout.append(process.stdout.read()), daemon=True),  # type: ignore[union-attr]
    ]
    for reader in readers:
        reader.start()
    if after_line is not None:
        assert seen.wait(240), "".join(lines)
        time.sleep(then_s)
    else:
        time.sleep(after_s or 0.0)
    assert process.poll() is None, "the CLI ended before it was interrupted: " + "".join(lines)
    process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    process.wait(timeout=60)
    stopped_s = time.monotonic() - sent
    for reader in readers:
        reader.join(10)
    return subprocess.CompletedProcess(args, process.returncode, "".join(stdout), "".join(lines)), stopped_s


def _landed_before_the_handler(result: subprocess.CompletedProcess[str]) -> bool:
    """Whether SIGINT arrived before the CLI's handler was installed: the process died of the
    signal (before Python had a handler of its own), or ended in a KeyboardInterrupt
    traceback (Python's handler; the CLI's never raises one). That the handler comes first,
    before any import it does not need, is pinned by
    :func:`test_the_ctrl_c_handler_is_the_programs_first_code`."""
    if (result.returncode, result.stderr) == (-signal.SIGINT, ""):
        return True
    # Python reports a signal during its own site import as a fatal start-up error.
    in_python = result.stderr.startswith(("Traceback", "Fatal Python error: init_import_site"))
    return in_python and result.stderr.rstrip().endswith("KeyboardInterrupt")


def test_the_ctrl_c_handler_is_the_programs_first_code() -> None:
    """It used to be installed as models/cli.py started to run: after Python had compiled its
    thousand lines (18 ms on an idle machine, from a clean checkout) and imported typing for
    the package (4 ms), and Ctrl+C in that time was a traceback (CI caught one at 0.05 s).
    Now nothing of the project's but the package and the handler's own small module is
    imported before it, nor typing, nor signal.py (its C module is enough)."""
    probe = textwrap.dedent(
        """
        import _signal, json, sys
        sys.argv[0] = "article-digest-cli"
        before = set(sys.modules)
        installed = []
        set_handler = _signal.signal
        def recording(number, handler):
            if number == _signal.SIGINT:
                installed.append(sorted(set(sys.modules) - before))
            return set_handler(number, handler)
        _signal.signal = recording
        import models.cli
        print(json.dumps(installed[0]))
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    imported_first = json.loads(result.stdout)
    assert [name for name in imported_first if name.split(".")[0] in ("models", "desktop")] == ["models", "models.cli", "models.cli.interruption"]
    assert not {"typing", "signal"} & set(imported_first)


#: Stopping takes INTERRUPT_GRACE_S (0.5 s) at most when the main thread cannot stop itself
#: (an import, a model load); the rest is slack for a busy test machine.
STOP_WITHIN_S = 1.0


@pytest.mark.parametrize("after_s", [0.05, 0.2, 1.0, 3.0], ids=["0.05s", "0.2s", "1s", "3s"])
def test_ctrl_c_at_any_moment_stops_at_once_and_writes_nothing(tmp_path: Path, tiny_models_dir: Path, after_s: float) -> None:
    """0.05 s is while the CLI's modules import (the handler is installed first, before the
    commands' imports: see the test above)."""
    out = tmp_path / "digest.md"
    args = [str(SEED_ARTICLE), "--full", "--models-dir", str(tiny_models_dir), "--format", "md", "--out", str(out)]
    result, stopped_s = _interrupt(args, after_s=after_s)
    if _landed_before_the_handler(result):
        pytest.skip("SIGINT arrived before the handler could be installed (a loaded machine): Python was still starting")
    assert (result.returncode, result.stderr, result.stdout) == (130, "article-digest-cli: interrupted\n", ""), result.stderr
    assert stopped_s < STOP_WITHIN_S
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file


def test_ctrl_c_mid_digest_keeps_finished_files_and_writes_nothing_partial(tmp_path: Path, tiny_models_dir: Path) -> None:
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(SHORT_ARTICLE, encoding="utf-8")
    long.write_text("\n\n".join([SEED_ARTICLE.read_text(encoding="utf-8")] * 30), encoding="utf-8")
    out = tmp_path / "out"
    args = [str(short), str(long), "--full", "--models-dir", str(tiny_models_dir), "--format", "md", "--out", str(out)]
    # The short article's digest is written; 1.5 s later the long one's is well under way.
    result, stopped_s = _interrupt(args, after_line="short.txt: wrote", then_s=1.5)
    assert result.returncode == 130
    assert result.stderr.splitlines() == [f"{short}: wrote {out / 'short.digest.md'}", "article-digest-cli: interrupted"]
    assert stopped_s < STOP_WITHIN_S
    assert [path.name for path in out.iterdir()] == ["short.digest.md"]


def test_fast_russian_digest_exits_cleanly_every_time(tmp_path: Path, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It used to print the digest, then abort at exit now and then ("terminate called ...
    Resource deadlock avoided", SIGABRT): native thread pools torn down at interpreter exit.

    The cause behind it: loading the models from their cached copies leaves a reference cycle
    that keeps the pipeline (and its CTranslate2 translators) alive after run_digests returns,
    to be freed by whichever thread next runs the cyclic collector, or in the interpreter's
    teardown. main() now frees it itself, in the main thread, and ends the process without
    the teardown."""
    import gc
    import weakref

    from models.cli import commands as cli_module
    from models.digest import pipeline as pipeline_module

    article = tmp_path / "article.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    args = [str(article), "--profile", "fast", "--to", "ru", "--models-dir", str(tiny_models_dir), "--no-history"]
    first = cli(*args)  # converts the models once (CTranslate2, int8), so the rest load the cached copies
    assert (first.returncode, first.stderr) == (0, ""), first.stderr
    # Single digests, and batches (two articles, one JSON line each, a summary line).
    batch = [str(article), str(article), *args[1:], "--format", "jsonl"]
    runs = [args if number % 2 else batch for number in range(8)]
    processes = [
        subprocess.Popen([*cli_command(), *run], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT, env=os.environ.copy())
        for run in runs
    ]
    for run, process in zip(runs, processes):
        stdout, stderr = process.communicate(timeout=300)
        if run is batch:
            assert (process.returncode, stderr) == (0, "article-digest-cli: 2 digested, 0 failed\n"), stderr
            assert [json.loads(line)["summary_translations"]["ru"].strip() != "" for line in stdout.splitlines()] == [True, True]
        else:
            assert (process.returncode, stderr) == (0, ""), stderr
            assert json.loads(stdout)["summary_translations"]["ru"].strip()

    # In this process: the pipeline is gone when main() returns, though nothing else collected.
    made: list[weakref.ref[object]] = []
    original = pipeline_module.DigestPipeline.__init__

    def remembering_init(self: object, *init_args: object, **kwargs: object) -> None:
        original(self, *init_args, **kwargs)  # type: ignore[arg-type]
        made.append(weakref.ref(self))

    monkeypatch.setattr(pipeline_module.DigestPipeline, "__init__", remembering_init)
    gc.disable()  # only main() may collect
    try:
        assert cli_module.main([*args, "--out", str(tmp_path / "digest.json")]) == 0
        assert len(made) == 1 and made[0]() is None, "the pipeline outlived main()"
    finally:
        gc.enable()


def test_revise_carries_an_edited_summary_into_the_translations(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    first = tmp_path / "talks.json"
    result = cli(str(article), "--models-dir", str(tiny_models_dir), "--out", str(first), "--no-history")
    assert result.returncode == 0, result.stderr
    summary = tmp_path / "summary.txt"
    summary.write_text("Russia and the US held talks about Syria on Friday. Both sides want calm.\n", encoding="utf-8")
    revised_path = tmp_path / "revised.json"
    result = cli("revise", str(first), "--summary", str(summary), "--models-dir", str(tiny_models_dir), "--out", str(revised_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"{first}: wrote {revised_path}"
    revised = json.loads(revised_path.read_text(encoding="utf-8"))
    assert revised["summary"] == summary.read_text(encoding="utf-8").strip()
    for language in output_languages():
        sentences = revised["revisions"][f"summary:{language}"]["sentences"]
        assert [item["origin"] for item in sentences] == ["machine", "machine"]
        assert "".join(item["text"] for item in sentences) == revised["summary_translations"][language].replace(" ", "", 1)

    # The second sentence edited: the first keeps its translations byte for byte.
    summary.write_text("Russia and the US held talks about Syria on Friday. Both sides want a lasting calm.", encoding="utf-8")
    again_path = tmp_path / "again.json"
    result = cli("revise", str(revised_path), "--summary", str(summary), "--models-dir", str(tiny_models_dir), "--out", str(again_path), "--back-translate")
    assert result.returncode == 0, result.stderr
    again = json.loads(again_path.read_text(encoding="utf-8"))
    for language in output_languages():
        before = revised["revisions"][f"summary:{language}"]["sentences"]
        after = again["revisions"][f"summary:{language}"]["sentences"]
        assert after[0]["text"].encode("utf-8") == before[0]["text"].encode("utf-8")
        assert after[0]["target"] == before[0]["target"] and after[0]["origin"] == "machine"
        assert len(again["back_translations"][f"summary:{language}"]) == 2
    assert again["back_translate"] is True
    assert [item["origin"] for item in again["revisions"]["summary"]["sentences"]] == ["edited", "edited"]

    # The revision as Markdown: the published text.
    result = cli("revise", str(revised_path), "--summary", str(summary), "--models-dir", str(tiny_models_dir), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "Both sides want a lasting calm." in result.stdout


def test_revise_refuses_a_bad_summary_or_digest_with_one_line(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    digest = tmp_path / "talks.json"
    assert cli(str(article), "--models-dir", str(tiny_models_dir), "--out", str(digest), "--no-history").returncode == 0
    empty, huge = tmp_path / "empty.txt", tmp_path / "huge.txt"
    empty.write_text(" \n\n ", encoding="utf-8")
    huge.write_text("Both sides want calm. " * 9_091, encoding="utf-8")  # 200,002 characters
    models = ("--models-dir", str(tiny_models_dir))
    assert_one_line_error(cli("revise", str(digest), "--summary", str(empty), *models), f"{empty}: the edited summary is empty")
    assert_one_line_error(cli("revise", str(digest), "--summary", str(huge), *models), "the edited summary is too long (200,002 characters")
    assert_one_line_error(cli("revise", str(article), "--summary", str(empty), *models), f"{article}: not a digest file")
    assert_one_line_error(cli("revise", str(digest), "--summary", str(tmp_path / "missing.txt"), *models), "missing.txt: cannot be read")
    assert_one_line_error(cli("revise", str(digest), "--summary", str(empty), "--out", str(article), *models), "already exists")
    usage = cli("revise", str(digest))
    assert usage.returncode == 2 and "--summary" in usage.stderr


def test_back_translate_adds_each_translated_sentence_in_english(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    result = cli(str(article), "--models-dir", str(tiny_models_dir), "--back-translate", "--full", "--no-history")
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert digest["back_translate"] is True
    for key in ("summary:ru", "summary:ar", "article:ru", "article:ar"):
        links = digest["alignments"][key]["links"]
        assert [item["target"] for item in digest["back_translations"][key]] == [link["target"] for link in links]
    plain = json.loads(cli(str(article), "--models-dir", str(tiny_models_dir), "--no-history").stdout)
    assert "back_translations" not in plain and "back_translate" not in plain
