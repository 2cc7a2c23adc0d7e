"""Damaged or surprising model folders, made as an attacker (or a bad disk) would: every one
gives a one-line error naming the file, never a silent wrong result or a traceback; the same
folder undamaged still loads.

The classes: a byte flipped in a safetensors header (a renamed, reshaped or dropped weight),
JSON files nested absurdly deep, pickles carrying code, and what a digest credits.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from models import ModelUnavailable
from models.common.paths import user_cache_dir
from models.inventory import catalog, downloads, installed
from tests.conftest import REPO_ROOT, SEED_ARTICLE

SUMMARY = catalog.specs_for("quality")[catalog.SUMMARIZE]
RUSSIAN = catalog.specs_for("quality")["translate-ru"]
ARABIC = catalog.specs_for("quality")["translate-ar"]
SPECS = {spec.task: spec for spec in (SUMMARY, RUSSIAN, ARABIC)}
FC1 = "model.decoder.layers.0.fc1.weight"


@pytest.fixture
def copy_model(tiny_models_dir: Path, tmp_path: Path) -> Callable[..., Path]:
    """``copy_model(task, into=None)``: a copy of a tiny model to damage (``tmp_path/task``)."""

    def copy(task: str, into: Path | None = None) -> Path:
        target = (into or tmp_path) / task
        shutil.copytree(tiny_models_dir / task, target)
        return target

    return copy


def _header(path: Path) -> tuple[int, dict]:
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    return size, json.loads(data[8 : 8 + size])


def flip_name(path: Path, name: str, at: int) -> str:
    """Add one to the byte at ``at`` in tensor ``name``'s key in the safetensors header of
    ``path`` (one flipped byte, the file otherwise intact); returns the name it now has."""
    data = bytearray(path.read_bytes())
    size, _ = _header(path)
    key = json.dumps(name).encode()
    start = bytes(data[8 : 8 + size]).index(key) + 1  # past the opening quote
    data[8 + start + at] += 1
    path.write_bytes(bytes(data))
    renamed = name[:at] + chr(ord(name[at]) + 1) + name[at + 1 :]
    assert renamed in _header(path)[1] and name not in _header(path)[1]  # still a valid file
    return renamed


def deep_json(depth: int, around: dict | None = None) -> str:
    """JSON nesting ``depth`` objects, alone or as the value of ``"x"`` in ``around``."""
    deep = '{"a":' * depth + "1" + "}" * depth
    if around is None:
        return deep
    return json.dumps(around)[:-1] + ', "x": ' + deep + "}"


def one_line(error: BaseException) -> str:
    message = str(error)
    assert "\n" not in message and "Traceback" not in message, message
    return message


def _copies(kind: str) -> list[Path]:
    folder = user_cache_dir() / kind
    return [path for path in folder.iterdir() if not path.name.startswith(".")] if folder.is_dir() else []


# -- 1. a byte flipped in a safetensors header ----------------------------------------------


@pytest.mark.parametrize("task", ["summarize", "translate-ru"])
def test_a_renamed_weight_is_refused_naming_the_file_and_the_good_copy_loads(copy_model, tiny_models_dir: Path, task: str) -> None:
    from models.inference.torch_backend import load

    folder = copy_model(task)
    renamed = flip_name(folder / "model.safetensors", FC1, FC1.index("fc1") + 1)  # fc1 -> fd1
    with pytest.raises(ModelUnavailable) as raised:
        load(SPECS[task], folder, "cpu", quantize=False)
    assert one_line(raised.value) == (
        f"the model in {folder} could not be loaded: model.safetensors is missing weights {FC1} "
        f"and has unexpected ones {renamed}"
    )
    good = load(SPECS[task], tiny_models_dir / task, "cpu", quantize=False)
    assert good.generate([f"{good.target_token or ''} Russia and the US talk."], SPECS[task].generation, max_new_tokens=4)


@pytest.mark.parametrize(
    ("name", "at", "expected"),
    [
        # A buffer transformers lets be absent: renamed, it is an unexpected weight.
        ("final_logits_bias", 0, "model.safetensors has unexpected weights ginal_logits_bias"),
        # The shared embeddings every tied weight is read from: all of them are missing.
        ("model.shared.weight", len("model."), "model.safetensors is missing weights lm_head.weight, "
         "model.decoder.embed_tokens.weight, model.encoder.embed_tokens.weight (and 1 more) and has unexpected ones model.thared.weight"),
    ],
    ids=["buffer", "tied-embeddings"],
)
def test_renamed_buffers_and_tied_weights_are_refused_too(copy_model, name: str, at: int, expected: str) -> None:
    from models.inference.torch_backend import load

    folder = copy_model("summarize")
    flip_name(folder / "model.safetensors", name, at)
    with pytest.raises(ModelUnavailable, match="could not be loaded") as raised:
        load(SUMMARY, folder, "cpu", quantize=False)
    assert one_line(raised.value).endswith(expected)


def test_a_swapped_shape_is_refused_naming_the_weight(copy_model) -> None:
    from models.inference.torch_backend import load

    folder = copy_model("summarize")
    path = folder / "model.safetensors"
    data = path.read_bytes()
    size, header = _header(path)
    assert header[FC1]["shape"] == [64, 32]
    entry = f'"{FC1}":{{"dtype":"F32","shape":[64,32]'.encode()
    text = data[8 : 8 + size]
    assert entry in text  # the same byte count: the header stays valid
    path.write_bytes(data[:8] + text.replace(entry, entry.replace(b"[64,32]", b"[32,64]")) + data[8 + size :])
    with pytest.raises(ModelUnavailable) as raised:
        load(SUMMARY, folder, "cpu", quantize=False)
    assert one_line(raised.value).endswith(f"model.safetensors has weights of the wrong shape {FC1} (32x64, expected 64x32)")


def test_weights_that_may_be_absent_still_load(copy_model) -> None:
    """Tied weights (lm_head: never in the tiny files) and ``final_logits_bias`` (zeros when
    absent) are legitimately missing: such a folder loads."""
    from safetensors.torch import load_file, save_file

    from models.inference.torch_backend import load

    folder = copy_model("translate-ru")
    tensors = load_file(folder / "model.safetensors")
    assert "lm_head.weight" not in tensors
    del tensors["final_logits_bias"]
    save_file(tensors, str(folder / "model.safetensors"), metadata={"format": "pt"})
    loaded = load(RUSSIAN, folder, "cpu", quantize=False)
    assert float(loaded.model.final_logits_bias.abs().sum()) == 0.0


def test_a_renamed_weight_in_a_bin_checkpoint_names_the_bin(copy_model) -> None:
    import torch
    from safetensors.torch import load_file

    from models.inference.torch_backend import load

    folder = copy_model("summarize")
    state = load_file(folder / "model.safetensors")
    state["model.decoder.layers.0.fd1.weight"] = state.pop(FC1)
    (folder / "model.safetensors").unlink()
    torch.save(state, folder / "pytorch_model.bin")
    with pytest.raises(ModelUnavailable) as raised:
        load(SUMMARY, folder, "cpu", quantize=False)
    assert f"could not be loaded: pytorch_model.bin is missing weights {FC1}" in one_line(raised.value)


def test_a_damaged_source_is_never_quantised_and_cached(copy_model, tiny_models_dir: Path) -> None:
    from models.inference import quantize
    from models.inference.torch_backend import load

    folder = copy_model("translate-ar")
    flip_name(folder / "model.safetensors", FC1, FC1.index("fc1") + 1)
    for _ in range(2):  # and the second try does not find a copy either
        with pytest.raises(ModelUnavailable, match="model.safetensors is missing weights"):
            load(ARABIC, folder, "cpu", quantize=True)
    assert not quantize.cache_path(folder).exists() and _copies("int8") == []
    good = load(ARABIC, tiny_models_dir / "translate-ar", "cpu", quantize=True)
    assert (good.precision, good.origin) == ("int8", "quantized") and len(_copies("int8")) == 1


def test_ctranslate2_refuses_a_damaged_source_and_converts_nothing(copy_model, tiny_models_dir: Path) -> None:
    pytest.importorskip("ctranslate2")
    from models.inference import ctranslate2_backend
    from models.inference.loading import load_model

    folder = copy_model("translate-ru")
    flip_name(folder / "model.safetensors", FC1, FC1.index("fc1") + 1)
    expected = f"the model in {folder} could not be loaded: model.safetensors is missing weights {FC1}"
    with pytest.raises(ModelUnavailable) as raised:
        ctranslate2_backend.convert(folder)
    assert one_line(raised.value).startswith(expected)
    with pytest.raises(ModelUnavailable) as raised:
        ctranslate2_backend.load(RUSSIAN, folder, workers=1)
    assert one_line(raised.value).startswith(expected)
    # The app's way in: CTranslate2 refuses, torch refuses the same, the user reads why.
    with pytest.raises(ModelUnavailable) as raised:
        load_model(RUSSIAN, folder, "cpu")
    assert one_line(raised.value).startswith(expected)
    assert _copies("ct2") == [] and _copies("int8") == []
    served = ctranslate2_backend.load(RUSSIAN, tiny_models_dir / "translate-ru", workers=1)
    assert served.origin == "converted" and len(_copies("ct2")) == 1


def test_a_digest_on_a_damaged_model_fails_with_the_reason(copy_model, tmp_path: Path) -> None:
    from models import Article
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    models = tmp_path / "models"
    for task in SPECS:
        copy_model(task, into=models)
    flip_name(models / "summarize" / "model.safetensors", FC1, FC1.index("fc1") + 1)
    engine = DigestPipeline(PipelineConfig(models_dir=str(models), quantize=False, translation_backend="torch"))
    with pytest.raises(ModelUnavailable, match=r"summarize could not be loaded: model\.safetensors is missing weights"):
        engine.digest(Article(title="t", text="Russia and the US talk."))


# -- 2. JSON nested thousands of levels deep ------------------------------------------------


@pytest.mark.parametrize("depth", [100, 100_000], ids=["past-the-limit", "past-python-recursion"])
def test_a_deep_config_is_one_line_wherever_it_is_read(copy_model, tmp_path: Path, depth: int) -> None:
    from models.inference.torch_backend import load

    folder = copy_model("summarize", into=tmp_path / "models")
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    (folder / "config.json").write_text(deep_json(depth, config), encoding="utf-8")
    problem = "config.json is not a model configuration (nested too deep)"

    assert installed.folder_problems(folder) == [problem]
    with pytest.raises(ModelUnavailable) as raised:  # locate
        installed.locate(SUMMARY, tmp_path / "models")
    assert one_line(raised.value).endswith(problem)
    status = installed.status(SUMMARY, tmp_path / "models")  # the Models dialog, models list
    assert status.state == "broken" and status.detail.endswith(problem)
    assert any(line.endswith(problem) for line in downloads.verify(SUMMARY, tmp_path / "models"))  # models verify
    with pytest.raises(ModelUnavailable, match=r"not a usable model folder: config\.json is not a model configuration"):
        installed.choose_folder(SUMMARY, folder)  # models use
    with pytest.raises(ModelUnavailable) as raised:  # load
        load(SUMMARY, folder, "cpu", quantize=False)
    assert one_line(raised.value) == f"the model in {folder} could not be loaded: {problem}"


def test_config_that_is_no_object_is_refused(copy_model) -> None:
    folder = copy_model("summarize")
    (folder / "config.json").write_text("[1, 2, 3]", encoding="utf-8")
    assert installed.folder_problems(folder) == ["config.json is not a model configuration (not a JSON object)"]


@pytest.mark.parametrize("name", ["tokenizer_config.json", "generation_config.json", "vocab.json"])
def test_other_deep_json_files_are_named_when_loading(copy_model, name: str) -> None:
    """transformers reads the tokenizer's and generation settings too; every JSON file of the
    folder is checked before it is handed over (the vocabulary only when loading)."""
    pytest.importorskip("ctranslate2")
    from models.inference import ctranslate2_backend
    from models.inference.torch_backend import load

    folder = copy_model("translate-ru")
    (folder / name).write_text(deep_json(5_000), encoding="utf-8")
    problem = f"{name} is not a usable settings file (nested too deep)"
    for loader in (lambda: load(RUSSIAN, folder, "cpu", quantize=False), lambda: ctranslate2_backend.load(RUSSIAN, folder, workers=1)):
        with pytest.raises(ModelUnavailable) as raised:
            loader()
        assert one_line(raised.value) == f"the model in {folder} could not be loaded: {problem}"
    assert _copies("ct2") == []


def test_a_deep_remembered_folders_file_is_ignored(isolated_user_dirs: Path, tiny_models_dir: Path) -> None:
    from models.common.paths import user_data_dir

    user_data_dir().mkdir(parents=True, exist_ok=True)
    (user_data_dir() / "model-folders.json").write_text(deep_json(100_000), encoding="utf-8")
    assert installed.chosen_folders() == {}
    assert installed.locate(SUMMARY, tiny_models_dir).origin == "folder"


def test_cli_lists_and_verifies_a_deep_config_in_one_line(copy_model, tmp_path: Path) -> None:
    models = tmp_path / "models"
    copy_model("summarize", into=models)
    (models / "summarize" / "config.json").write_text(deep_json(100_000), encoding="utf-8")
    for action in ("list", "verify"):
        result = _cli("models", action, "--models-dir", str(models))
        assert "Traceback" not in result.stderr and result.stderr.strip() == "", result.stderr
        first = result.stdout.splitlines()[0]
        assert first.startswith("summarize") and first.endswith("config.json is not a model configuration (nested too deep)")


# -- 3. a pickle carrying code --------------------------------------------------------------


class _Payload:
    """Unpickled, it would create ``marker``: the proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.mark.parametrize("writer", ["pickle", "torch.save"])
def test_a_pickle_with_code_is_one_line_with_torchs_text_as_the_cause(copy_model, tmp_path: Path, writer: str) -> None:
    import torch

    from models.inference.torch_backend import load

    folder = copy_model("summarize")
    (folder / "model.safetensors").unlink()
    marker = tmp_path / "pwned"
    payload = {"model.shared.weight": torch.zeros(2), "weight": _Payload(marker)}
    if writer == "pickle":
        with open(folder / "pytorch_model.bin", "wb") as handle:
            pickle.dump(payload, handle)
    else:
        torch.save(payload, folder / "pytorch_model.bin")
    with pytest.raises(ModelUnavailable) as raised:
        load(SUMMARY, folder, "cpu", quantize=False)
    assert one_line(raised.value) == (
        f"{folder / 'pytorch_model.bin'} is not a plain weights file (it holds code or objects other than tensors); it was not loaded"
    )
    cause = raised.value.__cause__
    assert isinstance(cause, pickle.UnpicklingError) and "Weights only load failed" in str(cause)
    assert len(str(cause).strip().splitlines()) > 1  # torch's whole explanation, for --verbose
    assert not marker.exists()


def test_a_truncated_bin_is_one_line_too(copy_model) -> None:
    import torch
    from safetensors.torch import load_file

    from models.inventory.copies import ensure_safetensors

    folder = copy_model("summarize")
    torch.save(load_file(folder / "model.safetensors"), folder / "pytorch_model.bin")
    (folder / "model.safetensors").unlink()
    data = (folder / "pytorch_model.bin").read_bytes()
    (folder / "pytorch_model.bin").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelUnavailable) as raised:
        ensure_safetensors(folder)
    assert one_line(raised.value).endswith("pytorch_model.bin is not a readable weights file (damaged or truncated); it was not loaded")
    assert raised.value.__cause__ is not None


def test_cli_prints_one_line_for_a_pickle_with_code(copy_model, tmp_path: Path) -> None:
    models = tmp_path / "models"
    folder = copy_model("summarize", into=models)
    (folder / "model.safetensors").unlink()
    with open(folder / "pytorch_model.bin", "wb") as handle:
        pickle.dump({"weight": _Payload(tmp_path / "pwned")}, handle)
    result = _cli(str(SEED_ARTICLE), "--to", "ru", "--models-dir", str(models), "--no-history")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1, result.stderr
    assert lines[0].endswith("pytorch_model.bin is not a plain weights file (it holds code or objects other than tensors); it was not loaded")
    assert not (tmp_path / "pwned").exists()


# -- 4. what a digest credits ---------------------------------------------------------------


def test_a_folder_is_credited_as_what_it_holds(copy_model, tmp_path: Path) -> None:
    from models.common.types import ModelCredit
    from models.inference.loading import model_credit

    folder = copy_model("translate-ar")
    # No name of its own (the tiny models have none): the folder itself, no licence.
    assert model_credit(ARABIC, folder) == ModelCredit("translate-ar", str(folder), "")
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))

    def named(value: object, tokenizer: object = None) -> ModelCredit:
        (folder / "config.json").write_text(json.dumps({**config, "_name_or_path": value}), encoding="utf-8")
        tokenizer_config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        tokenizer_config["name_or_path"] = tokenizer
        (folder / "tokenizer_config.json").write_text(json.dumps(tokenizer_config), encoding="utf-8")
        return model_credit(ARABIC, folder)

    assert named("Helsinki-NLP/opus-mt-tc-big-en-ar") == ModelCredit("translate-ar", "Helsinki-NLP/opus-mt-tc-big-en-ar", "CC-BY-4.0")
    assert named("someone/tiny-marian") == ModelCredit("translate-ar", "someone/tiny-marian", "")
    # Paths and bare names are no Hub ids; the tokenizer's name is the next witness.
    assert named("/tmp/Helsinki-NLP/opus-mt-tc-big-en-ar") == ModelCredit("translate-ar", str(folder), "")
    assert named("../x/y", "someone/other") == ModelCredit("translate-ar", "someone/other", "")
    assert named("student_marian") == ModelCredit("translate-ar", str(folder), "")
    assert named({"not": "a string"}) == ModelCredit("translate-ar", str(folder), "")


def test_the_apps_download_and_the_hub_cache_are_credited_to_the_catalogue(tiny_models_dir: Path) -> None:
    from models.common.types import ModelCredit
    from models.inference.loading import model_credit

    downloaded = installed.download_folder(RUSSIAN)
    shutil.copytree(tiny_models_dir / "translate-ru", downloaded)
    assert model_credit(RUSSIAN, downloaded) == ModelCredit("translate-ru", RUSSIAN.repo_id, RUSSIAN.licence)
    snapshot = installed.repo_cache_folder(SUMMARY) / "snapshots" / ("0" * 40)
    shutil.copytree(tiny_models_dir / "summarize", snapshot)
    assert model_credit(SUMMARY, snapshot) == ModelCredit("summarize", SUMMARY.repo_id, SUMMARY.licence)
    # Another repository's snapshot is not this model's.
    assert model_credit(RUSSIAN, snapshot).model_id == str(snapshot)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("article-digest-cli")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "models.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=REPO_ROOT, env=os.environ.copy(), timeout=300)
