"""``article-digest-cli`` driven as a user would: a real process, real files, the tiny models."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEED_ARTICLE


def cli(*args: str, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("article-digest-cli")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "models.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd, env=os.environ.copy(), timeout=300)


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
        assert set(digest[key]) == {"ru", "ar"} and all(text.strip() for text in digest[key].values())
    assert set(digest["models"]) == {"summarize", "translate-ru", "translate-ar"}
    assert digest["models"]["translate-ar"]["model"] == "Helsinki-NLP/opus-mt-tc-big-en-ar"
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
    assert [line.split()[0] for line in lines] == ["summarize", "translate-ru", "translate-ar"]
    assert all("installed (folder" in line for line in lines)
    missing = cli("models", "verify", "--models-dir", str(REPO_ROOT / "no-such-folder"))
    assert missing.returncode == 1 and missing.stdout.count("missing") == 3


def test_models_download_then_digest_without_a_models_folder(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.inventory.catalog import specs_for
    from tests.models.fake_hub import FakeHub

    repos = {spec.repo_id: tiny_models_dir / spec.task for spec in specs_for("fast").values()}
    with FakeHub(repos) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        monkeypatch.setenv("HF_HUB_OFFLINE", "0")
        downloaded = cli("models", "download", "--profile", "fast")
        assert downloaded.returncode == 0, downloaded.stdout + downloaded.stderr
        assert downloaded.stdout.count("downloaded to") == 3
        requests = len(hub.state.requests)

        monkeypatch.setenv("HF_HUB_OFFLINE", "1")
        verified = cli("models", "verify", "--profile", "fast")
        assert verified.returncode == 0 and verified.stdout.count("verified") == 3
        digest = cli(str(SEED_ARTICLE), "--profile", "fast", "--to", "ru,ar")
        assert digest.returncode == 0, digest.stderr
        assert json.loads(digest.stdout)["models"]["translate-ru"]["model"] == "Helsinki-NLP/opus-mt-en-ru"
        assert len(hub.state.requests) == requests  # installed models need no network

        removed = cli("models", "remove", "--profile", "fast")
        assert removed.returncode == 0 and removed.stdout.count("removed") == 3
        assert cli("models", "verify", "--profile", "fast").returncode == 1


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

