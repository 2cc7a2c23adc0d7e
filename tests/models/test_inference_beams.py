"""The torch backend's beam search on the tiny models: the beams of a sentence share one copy
of its cross-attention keys and values, the self-attention cache is not copied when no beam
moved, and the leading hypothesis is handed on while decoding."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from models.inventory import catalog
from tests.conftest import SEED_ARTICLE

SUMMARY = catalog.specs_for("quality")[catalog.SUMMARIZE]
RUSSIAN = catalog.specs_for("quality")["translate-ru"]


def _texts(count: int) -> list[str]:
    words = SEED_ARTICLE.read_text(encoding="utf-8").split()
    return [" ".join(words[index * 20 : index * 20 + 12 + 5 * index]) for index in range(count)]


def _settings(spec: catalog.ModelSpec, beams: int = 4) -> catalog.GenerationSettings:
    return replace(spec.generation, num_beams=beams, max_new_tokens=20, min_new_tokens=10)


@pytest.mark.parametrize("spec", [SUMMARY, RUSSIAN], ids=["bart", "marian"])
def test_cross_attention_keeps_one_copy_per_sentence_and_reads_it_for_every_beam(
    tiny_models_dir: Path, spec: catalog.ModelSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.inference.torch_backend as torch_backend

    model = torch_backend.load(spec, tiny_models_dir / spec.task, "cpu", quantize=False)
    assert model.shares_beams
    texts = [f"{model.target_token} {text}" if model.target_token else text for text in _texts(3)]
    encoded = model.tokenizer(texts, return_tensors="pt", padding=True)
    cache = next(value for key, value in model._shared_cross_attention(encoded, 4).items() if key != "encoder_outputs")
    assert {layer.keys.shape[0] for layer in cache.cross_attention_cache.layers} == {3}  # not 3 x 4 beams

    shared_steps = []
    original = torch_backend._shared_beam_cross_attention

    def spy(module, forward, hidden_states, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        cache = kwargs.get("cache")
        stored = cache.cross_attention_cache.layers[module.layer_idx].keys
        shared_steps.append(stored.shape[0] < hidden_states.shape[0])
        return original(module, forward, hidden_states, *args, **kwargs)

    monkeypatch.setattr(torch_backend, "_shared_beam_cross_attention", spy)
    outputs = model.generate(texts, _settings(spec))
    assert len(outputs) == 3 and all(outputs)
    assert shared_steps and all(shared_steps)


def test_greedy_search_leaves_the_cross_attention_to_the_model(tiny_models_dir: Path) -> None:
    from models.inference.torch_backend import load

    fast = load(SUMMARY, tiny_models_dir / SUMMARY.task, "cpu", quantize=False)
    plain = load(SUMMARY, tiny_models_dir / SUMMARY.task, "cpu", quantize=False, fast_beams=False)
    assert not plain.shares_beams
    texts = _texts(2)
    assert fast.generate(texts, _settings(SUMMARY, beams=1)) == plain.generate(texts, _settings(SUMMARY, beams=1))


def test_reorder_skips_the_copy_when_no_beam_moved() -> None:
    import torch
    from transformers.cache_utils import DynamicCache

    from models.inference.torch_backend import _BeamCache

    cache = _BeamCache(DynamicCache(), DynamicCache())
    keys = torch.arange(4 * 2 * 3 * 2, dtype=torch.float32).view(4, 2, 3, 2)
    cache.self_attention_cache.update(keys, keys.clone(), 0)
    stored = cache.self_attention_cache.layers[0].keys
    cache.reorder_cache(torch.arange(4))
    assert cache.self_attention_cache.layers[0].keys is stored
    cache.reorder_cache(torch.tensor([1, 1, 0, 3]))
    assert torch.equal(cache.self_attention_cache.layers[0].keys, keys[[1, 1, 0, 3]])


def test_leading_hypothesis_is_handed_on_as_it_grows(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import models.inference.torch_backend as torch_backend

    monkeypatch.setattr(torch_backend, "PARTIAL_INTERVAL_S", 0.0)
    model = torch_backend.load(SUMMARY, tiny_models_dir / SUMMARY.task, "cpu", quantize=False)
    seen: list[str] = []
    [text] = _texts(1)
    [output] = model.generate([text], _settings(SUMMARY), on_partial=seen.append)
    assert model.generate([text], _settings(SUMMARY)) == [output]  # showing it changes nothing
    assert len(seen) >= 10  # one per step (min_new_tokens), the first steps' forced tokens aside
    lengths = [len(model.tokenizer(part, add_special_tokens=False)["input_ids"]) for part in seen]
    assert lengths[-1] > lengths[0]
    assert all(part == part.strip() and part for part in seen)

    batch: list[str] = []
    model.generate(_texts(2), _settings(SUMMARY), on_partial=batch.append)
    assert batch == []  # a batch has no one leading text


def test_leading_hypothesis_is_throttled(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import models.inference.torch_backend as torch_backend

    monkeypatch.setattr(torch_backend, "PARTIAL_INTERVAL_S", 3600.0)
    model = torch_backend.load(SUMMARY, tiny_models_dir / SUMMARY.task, "cpu", quantize=False)
    seen: list[str] = []
    model.generate(_texts(1), _settings(SUMMARY), on_partial=seen.append)
    assert len(seen) == 1  # the first step's text, then nothing within the interval
