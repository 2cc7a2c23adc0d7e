"""Finding models on disk, checking folders, converting .bin weights, offline downloads."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models import ModelUnavailable
from models.inventory import catalog, copies, downloads, installed
from tests.conftest import REPO_ROOT

SUMMARY_SPEC = catalog.specs_for("quality")[catalog.SUMMARIZE]


def test_locate_finds_task_folder_then_repo_name_folder(tmp_path: Path, tiny_models_dir: Path) -> None:
    shutil.copytree(tiny_models_dir / "summarize", tmp_path / "distilbart-cnn-12-6")
    location = installed.locate(SUMMARY_SPEC, tmp_path)
    assert location.path == tmp_path / "distilbart-cnn-12-6" and location.origin == "folder"
    assert installed.locate(SUMMARY_SPEC, tiny_models_dir).path == tiny_models_dir / "summarize"


def test_models_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tiny_models_dir: Path) -> None:
    monkeypatch.setenv(installed.MODELS_DIR_ENV, str(tiny_models_dir))
    assert installed.locate(SUMMARY_SPEC).path == tiny_models_dir / "summarize"


def test_unusable_folder_is_refused_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "summarize").mkdir()
    (tmp_path / "summarize" / "config.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(ModelUnavailable, match=r"unusable: config.json is unreadable .*no tokenizer files; no weights"):
        installed.locate(SUMMARY_SPEC, tmp_path)


def test_model_in_the_hugging_face_cache_is_found_offline(tiny_models_dir: Path) -> None:
    # The hub's cache layout: models--org--name/{refs/main, snapshots/<commit>/...}.
    repo = Path(os.environ["HF_HUB_CACHE"]) / "models--sshleifer--distilbart-cnn-12-6"
    commit = "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(tiny_models_dir / "summarize", repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    location = installed.locate(SUMMARY_SPEC)
    assert location.origin == "cache" and location.path.name == commit


def test_bin_weights_are_converted_once_to_safetensors(tmp_path: Path, tiny_models_dir: Path) -> None:
    import torch
    from safetensors.torch import load_file

    folder = tmp_path / "summarize"
    shutil.copytree(tiny_models_dir / "summarize", folder)
    state = load_file(folder / "model.safetensors")
    # Tie two entries to one storage, as BART's shared embeddings are in the real checkpoint.
    state["model.encoder.embed_tokens.weight"] = state["model.shared.weight"]
    (folder / "model.safetensors").unlink()
    torch.save(state, folder / "pytorch_model.bin")

    converted = copies.ensure_safetensors(folder)
    assert converted != folder and (converted / "model.safetensors").is_file()
    assert (converted / "config.json").is_file() and not (converted / "pytorch_model.bin").exists()
    assert copies.ensure_safetensors(folder) == converted  # cached: not converted again
    from models.inference.torch_backend import load

    loaded = load(SUMMARY_SPEC, folder, "cpu")
    assert loaded.generate(["Russia and the US talk."], SUMMARY_SPEC.generation, max_new_tokens=8)


class _Exploit:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo pwned",))


def test_bin_with_code_in_it_is_refused(tmp_path: Path, tiny_models_dir: Path) -> None:
    folder = tmp_path / "summarize"
    shutil.copytree(tiny_models_dir / "summarize", folder)
    (folder / "model.safetensors").unlink()
    with open(folder / "pytorch_model.bin", "wb") as handle:
        pickle.dump({"weight": _Exploit()}, handle)
    with pytest.raises(ModelUnavailable, match="not a plain weights file"):
        copies.ensure_safetensors(folder)


def test_download_when_offline_says_so_without_network() -> None:
    with pytest.raises(ModelUnavailable, match="HF_HUB_OFFLINE is set"):
        downloads.download(SUMMARY_SPEC)


def test_download_from_an_unreachable_hub_fails_fast_with_a_clear_message(tmp_path: Path) -> None:
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_OFFLINE": "0", "HF_HUB_ETAG_TIMEOUT": "3"}
    code = (
        "from models import ModelUnavailable\nfrom models.inventory import catalog, downloads\n"
        "try:\n    downloads.download(catalog.specs_for('fast')['translate-ru'])\n"
        "except ModelUnavailable as error:\n    print(error)\n"
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=60)
    assert time.monotonic() - started < 10
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("could not download Helsinki-NLP/opus-mt-en-ru: cannot reach the Hugging Face Hub")


def test_chosen_folder_comes_first_and_is_checked(tmp_path: Path, tiny_models_dir: Path) -> None:
    with pytest.raises(ModelUnavailable, match="not a usable model folder: no config.json"):
        installed.choose_folder(SUMMARY_SPEC, tmp_path)
    installed.choose_folder(SUMMARY_SPEC, tiny_models_dir / "summarize")
    location = installed.locate(SUMMARY_SPEC, models_dir=tmp_path)
    assert location.origin == "chosen" and location.path == tiny_models_dir / "summarize"
    status = installed.status(SUMMARY_SPEC)
    assert status.state == "installed" and status.disk_bytes > 100_000
    installed.choose_folder(SUMMARY_SPEC, None)
    assert installed.status(SUMMARY_SPEC).state == "missing"


def test_status_reports_a_broken_folder(tmp_path: Path) -> None:
    (tmp_path / "summarize").mkdir()
    status = installed.status(SUMMARY_SPEC, tmp_path)
    assert status.state == "broken" and "no config.json" in status.detail


def test_partial_copies_left_by_a_stopped_process_are_removed_once_old(tmp_path: Path) -> None:
    import os
    import time

    from models.inventory.copies import ABANDONED_AFTER_S, remove_abandoned_partials

    abandoned_file = tmp_path / "translate-ru-1a2b3c4d-key.safetensors0x9.part"
    abandoned_dir = tmp_path / ".translate-ru-1a2b3c4d-key-abc"
    in_progress = tmp_path / "translate-ru-1a2b3c4d-key.safetensors0y7.part"
    other_model = tmp_path / "summarize-99999999-key.safetensors0z1.part"
    for path in (abandoned_file, in_progress, other_model):
        path.write_bytes(b"partial")
    abandoned_dir.mkdir()
    (abandoned_dir / "model.bin").write_bytes(b"partial")
    old = time.time() - ABANDONED_AFTER_S - 60
    for path in (abandoned_file, abandoned_dir, other_model):
        os.utime(path, (old, old))
    remove_abandoned_partials(tmp_path, "translate-ru-1a2b3c4d-*.part")
    remove_abandoned_partials(tmp_path, ".translate-ru-1a2b3c4d-*")
    assert not abandoned_file.exists() and not abandoned_dir.exists()
    assert in_progress.exists()  # still being written, as far as anyone can tell
    assert other_model.exists()  # another model's


def test_an_explicit_models_folder_beats_the_remembered_one(
    tmp_path: Path, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "usb" / "summarize"
    shutil.copytree(tiny_models_dir / "summarize", chosen)
    installed.choose_folder(SUMMARY_SPEC, chosen)
    # What the user says now (--models-dir, the settings) wins over what was remembered.
    location = installed.locate(SUMMARY_SPEC, tiny_models_dir)
    assert (location.origin, location.path) == ("folder", tiny_models_dir / "summarize")
    # Without one, the remembered folder comes before the standing places (the environment's too).
    monkeypatch.setenv(installed.MODELS_DIR_ENV, str(tiny_models_dir))
    assert installed.locate(SUMMARY_SPEC).path == chosen.resolve()


def test_a_remembered_folder_that_is_gone_is_reported_once_and_skipped(
    tmp_path: Path, tiny_models_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    chosen = tmp_path / "usb" / "summarize"
    shutil.copytree(tiny_models_dir / "summarize", chosen)
    installed.choose_folder(SUMMARY_SPEC, chosen)
    shutil.rmtree(tmp_path / "usb")  # the stick is unplugged
    with caplog.at_level(logging.WARNING, logger="models.inventory.installed"):
        assert installed.locate(SUMMARY_SPEC, tiny_models_dir).origin == "folder"
        with pytest.raises(ModelUnavailable, match=r"not installed \(looked in .*summarize \(chosen for it, now gone\)"):
            installed.locate(SUMMARY_SPEC)
        assert installed.status(SUMMARY_SPEC).state == "missing"
        # The other places are still looked in: the Hugging Face cache here.
        repo = Path(os.environ["HF_HUB_CACHE"]) / "models--sshleifer--distilbart-cnn-12-6"
        shutil.copytree(tiny_models_dir / "summarize", repo / "snapshots" / "main")
        assert installed.locate(SUMMARY_SPEC).origin == "cache"
        assert installed.missing([SUMMARY_SPEC]) == []
    gone = [record for record in caplog.records if "is gone" in record.getMessage()]
    assert len(gone) == 1 and str(chosen.resolve()) in gone[0].getMessage()
    assert gone[0].levelno == logging.WARNING


def test_cli_models_dir_wins_over_a_remembered_folder_that_is_gone(tmp_path: Path, tiny_models_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    chosen = tmp_path / "usb" / "summarize"
    shutil.copytree(tiny_models_dir / "summarize", chosen)
    installed.choose_folder(SUMMARY_SPEC, chosen)
    shutil.rmtree(tmp_path / "usb")
    command = [sys.executable, "-m", "models.cli", "models", "list", "--models-dir", str(tiny_models_dir)]
    listed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=60)
    assert listed.returncode == 0 and listed.stderr == ""
    assert f"installed (folder: {tiny_models_dir / 'summarize'}, " in listed.stdout.splitlines()[0]
    # Without --models-dir: said once that the folder is gone, then looked for elsewhere.
    listed = subprocess.run(command[:-2], capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=60)
    assert listed.stderr.count("is gone") == 1 and "Traceback" not in listed.stderr
    assert "missing: sshleifer/distilbart-cnn-12-6 is not installed" in listed.stdout.splitlines()[0]


def test_a_missing_models_line_keeps_its_sentences_and_reads_the_same_english(tmp_path: Path) -> None:
    from dataclasses import replace

    from models.common.wording import Wording

    spec = replace(catalog.specs_for(catalog.DEFAULT_PROFILE)["translate-from-ru"], repo_id="example/absent")
    [line] = installed.missing([spec], tmp_path)
    assert line.startswith(
        f"Russian-to-English translation model: example/absent is not installed (looked in {tmp_path}/translate-from-ru or "
    )
    assert isinstance(line, Wording)
    templates = [template for template, _ in line.sentences]
    assert templates == [installed.INTO_ENGLISH_MODEL, installed.NOT_INSTALLED, installed.LOOKED_IN]
    assert all(template in installed.MISSING_MODEL_TEMPLATES for template in templates)
