"""Translation throughput, side by side on one model and one workload: the app's engine,
plain ``transformers`` float32 ``generate``, and CTranslate2 int8 on the same weights.

16 sentences of 48 tokens (47 + end-of-sentence) in, 48 tokens out each (forced: the bench
models never end early, ``min_new_tokens = max_new_tokens`` for transformers and
``min_decoding_length = max_decoding_length`` for CTranslate2), greedy and beam 4, length
penalty 1. "engine" is the app's own path (``models.digest.translate.translate_jobs`` with the model
``DigestPipeline`` loads: CTranslate2 when installed), scoring included, as the app scores every
translation for its low-confidence flag; "engine_torch_int8" the same path with
the PyTorch backend. CTranslate2 runs in its two thread layouts (one batch on every core;
part-batches, one per core) and the better one is the reference. Runs are interleaved and
the best of N kept, so a busy neighbour hurts every system alike.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

from common import best_time, load_average, texts_of_length

SENTENCES = 16
TOKENS = 48


def ct2_model(folder: Path, cache: Path) -> Path | None:
    """The CTranslate2 int8 conversion of ``folder`` (made once), or None without ctranslate2."""
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return None
    out = cache / f"ct2-{folder.parent.name}-{folder.name}"
    if not (out / "model.bin").is_file():
        from ctranslate2.converters import TransformersConverter

        TransformersConverter(str(folder)).convert(str(out), quantization="int8", force=True)
    return out


def _engine_run(model: Any, sentences: list[str], beams: int, workers: int) -> Callable[[], list[str]]:
    """The app's translation path (``translate_jobs``: batching, workers, tokenizer in and out)."""
    from models.inventory.catalog import GenerationSettings
    from models.inference.torch_backend import set_thread_count
    from models.digest.translate import TranslationJob, translate_jobs

    settings = GenerationSettings(num_beams=beams, max_new_tokens=TOKENS, min_new_tokens=TOKENS, length_penalty=1.0)

    def run() -> list[str]:
        # Scored, as the app's translations are (the low-confidence flag).
        [out] = translate_jobs([TranslationJob(model, sentences, settings, scored=True)], workers=workers, thread_setup=lambda: set_thread_count(1))
        return out.translations

    return run


def measure(
    models_dir: Path, profile: str, cache: Path, repeats: int, beams: tuple[int, ...] = (1, 4), fp32_repeats: int | None = None
) -> dict[str, Any]:
    """``fp32_repeats``: rounds that include the (slow) float32 baseline; all of them by default."""
    fp32_repeats = repeats if fp32_repeats is None else fp32_repeats
    import torch
    from transformers import AutoModelForSeq2SeqLM

    import models.digest.translate as translate
    from models.inventory import catalog
    from models.inference.torch_backend import cpu_count
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    # Every sentence gets exactly TOKENS new tokens on the app's path too (the bench models
    # never end early; this sets the cap the app would compute from the source length).
    translate.output_limit = lambda input_tokens, settings: TOKENS  # type: ignore[assignment]
    spec = catalog.specs_for(profile)["translate-ru"]
    cores = cpu_count()
    engines = {"engine": DigestPipeline(PipelineConfig(profile=profile, models_dir=str(models_dir)))}
    engines["engine_torch_int8"] = DigestPipeline(PipelineConfig(profile=profile, models_dir=str(models_dir), translation_backend="torch"))
    loaded = {name: engine.model(spec) for name, engine in engines.items()}
    torch_model = loaded["engine_torch_int8"]
    folder = torch_model.path
    prefix = f"{torch_model.target_token} " if torch_model.target_token else ""
    # 47 tokens + end of sentence (+ the target token, for multi-target models) = 48 in.
    sentences = texts_of_length(torch_model.count_tokens, TOKENS - 1 - bool(prefix), SENTENCES)
    tokenizer = torch_model.tokenizer
    encoded = tokenizer([prefix + text for text in sentences], return_tensors="pt", padding=True)
    assert encoded["input_ids"].shape == (SENTENCES, TOKENS), encoded["input_ids"].shape
    reference = AutoModelForSeq2SeqLM.from_pretrained(folder, dtype=torch.float32).eval()
    ct2_folder = ct2_model(folder, cache)
    source_tokens = [tokenizer.convert_ids_to_tokens(row.tolist()) for row in encoded["input_ids"]]
    translators: dict[str, Any] = {}
    if ct2_folder is not None:
        import ctranslate2

        # The two ways to spend the cores: one batch on all of them, or part-batches side by side.
        translators[f"1x{cores}"] = ctranslate2.Translator(str(ct2_folder), device="cpu", compute_type="int8", inter_threads=1, intra_threads=cores)
        if cores > 1:
            translators[f"{cores}x1"] = ctranslate2.Translator(str(ct2_folder), device="cpu", compute_type="int8", inter_threads=cores, intra_threads=1)

    results: dict[str, Any] = {
        "model": spec.repo_id, "sentences": SENTENCES, "tokens": TOKENS, "load": load_average(), "cores": cores,
        "engine_backend": getattr(loaded["engine"], "backend", "torch"),
    }
    for beams_count in beams:
        runs: dict[str, Callable[[], Any]] = {
            name: _engine_run(model, sentences, beams_count, cores) for name, model in loaded.items()
        }
        runs["transformers_fp32"] = lambda beams_count=beams_count: _hf_generate(reference, encoded, beams_count)
        for name, translator in translators.items():
            batch = SENTENCES if name.startswith("1x") else SENTENCES // cores
            runs[f"ct2_int8_{name}"] = lambda translator=translator, batch=batch, beams_count=beams_count: translator.translate_batch(
                source_tokens, beam_size=beams_count, min_decoding_length=TOKENS, max_decoding_length=TOKENS,
                max_batch_size=batch, length_penalty=1.0,
            )
        best = {name: float("inf") for name in runs}
        names = list(runs)
        for round_number in range(repeats):  # interleaved, each round in a rotated order
            order = names[round_number % len(names) :] + names[: round_number % len(names)]
            for name in order:
                if name == "transformers_fp32" and round_number >= fp32_repeats:
                    continue
                run = runs[name]
                seconds, output = best_time(run, 1)
                best[name] = min(best[name], seconds)
                _check_length(name, output)
        mode = "greedy" if beams_count == 1 else f"beam{beams_count}"
        rates = {name: SENTENCES * TOKENS / seconds for name, seconds in best.items()}
        ct2_rates = [rate for name, rate in rates.items() if name.startswith("ct2")]
        rates["ct2_int8_best"] = max(ct2_rates) if ct2_rates else float("nan")
        results[mode] = {name: round(rate, 1) for name, rate in rates.items()}
        for name in loaded:
            results[mode][f"{name}_vs_ct2_int8"] = round(rates[name] / rates["ct2_int8_best"], 3)
            results[mode][f"{name}_vs_transformers_fp32"] = round(rates[name] / rates["transformers_fp32"], 3)
    results["load_after"] = load_average()
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
    models_dir, profile, cache, repeats = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    fp32_repeats = int(sys.argv[5]) if len(sys.argv) > 5 else None
    print(json.dumps(measure(models_dir, profile, cache, repeats, fp32_repeats=fp32_repeats)))
