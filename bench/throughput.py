"""Translation throughput, side by side on one model and one workload: the app's engine,
plain ``transformers`` float32 ``generate``, and CTranslate2 int8 on the same weights.

16 sentences of 48 tokens (47 + end-of-sentence) in, 48 tokens out each (forced: the bench
models never end early, ``min_new_tokens = max_new_tokens`` for transformers and
``min_decoding_length = max_decoding_length`` for CTranslate2), greedy and beam 4, length
penalty 1. Runs are interleaved and the best of N kept, so a busy neighbour hurts every
system alike and the least disturbed run counts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from common import best_time, load_average, texts_of_length

SENTENCES = 16
TOKENS = 48


def ct2_model(folder: Path, cache: Path) -> Path | None:
    """The CTranslate2 int8 conversion of ``folder`` (made once), or None without ctranslate2."""
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return None
    out = cache / f"ct2-{folder.name}"
    if not (out / "model.bin").is_file():
        from ctranslate2.converters import TransformersConverter

        TransformersConverter(str(folder)).convert(str(out), quantization="int8", force=True)
    return out


def measure(folder: Path, cache: Path, repeats: int, beams: tuple[int, ...] = (1, 4)) -> dict[str, Any]:
    import torch
    from transformers import AutoModelForSeq2SeqLM

    from models import catalog
    from models.catalog import GenerationSettings
    from models.engine import cpu_count, load

    spec = catalog.specs_for("fast")["translate-ru"] if "en-ru" in folder.name else catalog.specs_for("quality")["translate-ru"]
    cores = cpu_count()
    engine_model = load(spec, folder)
    prefix = f"{engine_model.target_token} " if engine_model.target_token else ""
    # 47 tokens + end of sentence (+ the target token, for multi-target models) = 48 in.
    texts = [prefix + text for text in texts_of_length(engine_model.count_tokens, TOKENS - 1 - bool(prefix), SENTENCES)]
    tokenizer = engine_model.tokenizer
    encoded = tokenizer(texts, return_tensors="pt", padding=True)
    assert encoded["input_ids"].shape == (SENTENCES, TOKENS), encoded["input_ids"].shape
    reference = AutoModelForSeq2SeqLM.from_pretrained(folder, dtype=torch.float32).eval()
    ct2_folder = ct2_model(folder, cache)
    source_tokens = [tokenizer.convert_ids_to_tokens(row.tolist()) for row in encoded["input_ids"]]
    translators: dict[str, Any] = {}
    if ct2_folder is not None:
        import ctranslate2

        # The two ways to spend the cores: one batch on all of them, or half-batches side by side.
        translators[f"1x{cores}"] = ctranslate2.Translator(str(ct2_folder), device="cpu", compute_type="int8", inter_threads=1, intra_threads=cores)
        if cores > 1:
            translators[f"{cores}x1"] = ctranslate2.Translator(str(ct2_folder), device="cpu", compute_type="int8", inter_threads=cores, intra_threads=1)

    results: dict[str, Any] = {"model": folder.name, "sentences": SENTENCES, "tokens": TOKENS, "load": load_average(), "cores": cores}
    for beams_count in beams:
        settings = GenerationSettings(num_beams=beams_count, max_new_tokens=TOKENS, min_new_tokens=TOKENS, length_penalty=1.0)
        runs = {
            "engine": lambda settings=settings: engine_model.generate(texts, settings),
            "transformers_fp32": lambda beams_count=beams_count: _hf_generate(reference, encoded, beams_count),
        }
        for name, translator in translators.items():
            batch = SENTENCES if name.startswith("1x") else SENTENCES // cores
            runs[f"ct2_int8_{name}"] = lambda translator=translator, batch=batch, beams_count=beams_count: translator.translate_batch(
                source_tokens, beam_size=beams_count, min_decoding_length=TOKENS, max_decoding_length=TOKENS,
                max_batch_size=batch, length_penalty=1.0,
            )
        best = {name: float("inf") for name in runs}
        for _ in range(repeats):  # interleaved: each system once per round
            for name, run in runs.items():
                seconds, output = best_time(run, 1)
                best[name] = min(best[name], seconds)
                _check_length(name, output)
        mode = "greedy" if beams_count == 1 else f"beam{beams_count}"
        rates = {name: SENTENCES * TOKENS / seconds for name, seconds in best.items()}
        ct2_rates = [rate for name, rate in rates.items() if name.startswith("ct2")]
        rates["ct2_int8_best"] = max(ct2_rates) if ct2_rates else float("nan")
        results[mode] = {name: round(rate, 1) for name, rate in rates.items()}
        results[mode]["engine_vs_ct2_int8"] = round(rates["engine"] / rates["ct2_int8_best"], 3)
        results[mode]["engine_vs_transformers_fp32"] = round(rates["engine"] / rates["transformers_fp32"], 3)
    results["engine_precision"] = engine_model.precision
    return results


def _hf_generate(model: Any, encoded: Any, beams: int) -> Any:
    import torch

    with torch.inference_mode():
        return model.generate(**encoded, num_beams=beams, max_new_tokens=TOKENS, min_new_tokens=TOKENS, early_stopping=beams > 1)


def _check_length(name: str, output: Any) -> None:
    """Every system must really have produced 48 tokens per sentence (else the race is unfair)."""
    if name.startswith("ct2"):
        lengths = {len(result.hypotheses[0]) for result in output}
    elif name == "transformers_fp32":
        lengths = {output.shape[1] - 1}  # minus the decoder start token
    else:
        return  # text out: checked through the same generate path by the tests
    if lengths != {TOKENS}:
        raise AssertionError(f"{name} produced {lengths} tokens, not {TOKENS}")


if __name__ == "__main__":
    folder, cache, repeats = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(measure(folder, cache, repeats)))
