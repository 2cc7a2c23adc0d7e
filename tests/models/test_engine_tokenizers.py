"""The tokenizers CTranslate2 models use at run time (models/inference/engine_tokenizers.py):
exported once from transformers, checked against it, and read without it afterwards."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.inference import engine_tokenizers
from models.inference.engine_tokenizers import HuggingFaceTokens
from models.inference.runtime import load_tokenizer
from models.inventory import catalog

pytest.importorskip("ctranslate2")

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_WORDS = (REPO_ROOT / "seeds" / "russia-us-syria.txt").read_text(encoding="utf-8").split()
#: Words of every script the app reads, the special tokens and target codes as text, odd spacing.
PIECES = [*SEED_WORDS[:400], "Городской", "совет", "проголосовал", "صوّت", "مجلس", "المدينة", "</s>", "<unk>", "<pad>", "<s>",
          ">>rus<<", ">>ara<<", "🙂", "café", "東京", "  ", "\t", "\n", "—", "…", "«", "»", "'s", " .", "U.S.", "3.5%"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map(lambda words: "".join(
    word if index == 0 or word.isspace() else " " + word for index, word in enumerate(words)))


@pytest.fixture(scope="module")
def pairs(tiny_models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[object, HuggingFaceTokens]]:
    """Each tiny model's exported tokenizer beside transformers' own."""
    found = {}
    for task in ("summarize", "translate-ru", "translate-from-ar"):
        reference = HuggingFaceTokens(load_tokenizer(tiny_models_dir / task))
        copy = tmp_path_factory.mktemp(f"copy-{task}")
        native = engine_tokenizers.export(reference, copy, tiny_models_dir / task, window=64)
        assert native is not None and (copy / engine_tokenizers.EXPORT_FOLDER).is_dir()
        found[task] = (native, reference)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, max_length=st.sampled_from([5, 64, 1024]))
@pytest.mark.parametrize("task", ["summarize", "translate-ru", "translate-from-ar"])
def test_an_export_splits_and_joins_as_transformers(pairs: dict, task: str, text: str, max_length: int) -> None:
    native, reference = pairs[task]
    assert type(native) is not HuggingFaceTokens
    prefixed = f">>rus<< {text}" if task == "translate-ru" else text
    assert native.source_tokens([prefixed, text], max_length) == reference.source_tokens([prefixed, text], max_length)
    assert native.target_tokens([text], max_length) == reference.target_tokens([text], max_length)
    assert native.count(text) == reference.count(text)
    for tokens in (reference.target_tokens([text], 1024)[0], reference.source_tokens([text], 1024)[0]):
        assert native.text(tokens) == reference.text(tokens)
    assert (native.eos_token, native.model_max_length, native.supported_language_codes) == (
        reference.eos_token, reference.model_max_length, reference.supported_language_codes)


def _model_folder(tiny_models_dir: Path, tmp_path: Path, task: str = "translate-ru") -> Path:
    """A copy of a tiny model (its own CTranslate2 copy and export, as a new model folder has)."""
    folder = tmp_path / task
    shutil.copytree(tiny_models_dir / task, folder)
    return folder


def _load(folder: Path):  # noqa: ANN202 - a CTranslate2Model
    from models.inference import ctranslate2_backend as backend

    return backend.load(catalog.specs_for(catalog.DEFAULT_PROFILE)["translate-ru"], folder, workers=1)


def test_the_first_load_exports_and_the_next_reads_it_without_transformers(tiny_models_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import textwrap

    folder = _model_folder(tiny_models_dir, tmp_path)
    first = _load(folder)
    assert type(first.tokenizer).__name__ == "MarianTokens"  # exported, then read back
    translation = first.generate([">>rus<< The talks resumed on Monday."], catalog.GenerationSettings(num_beams=2, max_new_tokens=12))
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from models.inference import ctranslate2_backend as backend
        from models.inventory import catalog
        model = backend.load(catalog.specs_for(catalog.DEFAULT_PROFILE)["translate-ru"], Path({str(folder)!r}), workers=1)
        print(type(model.tokenizer).__name__, model.target_token)
        print(model.generate([">>rus<< The talks resumed on Monday."], catalog.GenerationSettings(num_beams=2, max_new_tokens=12)))
        print("imported:", sorted(name for name in ("transformers", "huggingface_hub", "torch") if name in sys.modules))
        """
    )
    completed = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    lines = completed.stdout.splitlines()
    assert lines[0] == f"MarianTokens {first.target_token}"
    assert lines[1] == repr(translation)  # the same words as the load that went through transformers
    assert lines[2] == "imported: []"


def test_an_export_is_made_again_when_the_tokenizer_files_change(tiny_models_dir: Path, tmp_path: Path) -> None:
    from models.inference import ctranslate2_backend as backend

    folder = _model_folder(tiny_models_dir, tmp_path)
    copy = backend.converted_path(folder)
    _load(folder)
    assert engine_tokenizers.read_export(copy, folder) is not None
    config = folder / "tokenizer_config.json"
    config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # another tokenizer, as far as anyone knows
    assert engine_tokenizers.read_export(copy, folder) is None
    assert type(_load(folder).tokenizer).__name__ == "MarianTokens"
    assert engine_tokenizers.read_export(copy, folder) is not None


def test_a_tokenizer_the_export_would_split_otherwise_stays_transformers(
    tiny_models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.inference import ctranslate2_backend as backend

    exported = _load(tiny_models_dir / "translate-ru")
    assert type(exported.tokenizer).__name__ == "MarianTokens"
    folder = _model_folder(tiny_models_dir, tmp_path)
    real_count = engine_tokenizers.MarianTokens.count
    monkeypatch.setattr(engine_tokenizers.MarianTokens, "count", lambda self, text: real_count(self, text) + (" " in text))
    model = _load(folder)
    assert isinstance(model.tokenizer, HuggingFaceTokens)
    assert not (backend.converted_path(folder) / engine_tokenizers.EXPORT_FOLDER).exists()
    settings = catalog.GenerationSettings(num_beams=2, max_new_tokens=12)
    texts = [">>rus<< The talks resumed on Monday.", ">>rus<< Both sides said they would meet again in March."]
    assert model.generate(texts, settings) == exported.generate(texts, settings)


def test_a_damaged_export_is_not_used_and_is_made_again(tiny_models_dir: Path, tmp_path: Path) -> None:
    from models.inference import ctranslate2_backend as backend

    folder = _model_folder(tiny_models_dir, tmp_path, "summarize")
    spec = catalog.specs_for(catalog.DEFAULT_PROFILE)["summarize"]
    first = backend.load(spec, folder, workers=1)
    assert type(first.tokenizer).__name__ == "ByteLevelBpeTokens"
    exported = backend.converted_path(folder) / engine_tokenizers.EXPORT_FOLDER / "tokenizer.json"
    exported.write_bytes(b"\x00 not a tokenizer")
    again = backend.load(spec, folder, workers=1)
    assert again.count_tokens("The talks resumed on Monday.") == first.count_tokens("The talks resumed on Monday.")
    assert type(backend.load(spec, folder, workers=1).tokenizer).__name__ == "ByteLevelBpeTokens"
    assert exported.read_bytes().startswith(b"{")
