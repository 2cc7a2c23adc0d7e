"""The summariser on torch int8 (the fallback) beside CTranslate2 int8 (the default on the CPU),
on the bench's fixed-length setting: the same article, the same 142-token beam-4 search.

    python bench/summary_backends.py MODELS_DIR [--profile quality]

Prints one JSON line: each backend's seconds for the seed article's summary (best of two) and
its first words, and how far the two outputs agree: the tokens they share from the start, and
the share of positions holding the same token; each also against float32 torch (the model as
trained), the reference neither int8 path can match exactly (each rounds its own way). On
random weights every step's choice is a near tie, so small rounding differences show more
here than they would on a trained model (``bench/quality.py`` measures the int8 paths on real
weights).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from common import SEED_ARTICLE, load_average


def _timed(model: Any, text: str, settings: Any) -> tuple[str, float, float | None]:
    """The summary, its seconds (best of two) and when its first words came (None: never)."""
    best, output, first = float("inf"), "", None
    for _ in range(2):
        started = time.monotonic()
        shown: list[float] = []
        [output] = model.generate([text], settings, on_partial=lambda _text: shown.append(time.monotonic() - started))
        seconds = time.monotonic() - started
        if seconds < best:
            best, first = seconds, (shown[0] if shown else None)
    return output, round(best, 2), round(first, 2) if first is not None else None


def _agreement(tokenizer: Any, one: str, other: str) -> dict[str, Any]:
    a, b = tokenizer(one, add_special_tokens=False)["input_ids"], tokenizer(other, add_special_tokens=False)["input_ids"]
    prefix = next((index for index, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    same = sum(x == y for x, y in zip(a, b))
    return {"tokens": [len(a), len(b)], "shared_prefix_tokens": prefix, "same_position_share": round(same / max(1, max(len(a), len(b))), 3),
            "identical": one == other}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("models_dir", type=Path)
    parser.add_argument("--profile", default="quality")
    args = parser.parse_args()
    from models.inventory import catalog, installed
    from models.inference import ctranslate2_backend
    from models.inference.runtime import cpu_count
    from models.inference.torch_backend import load
    from models.digest.summarize import plan_chunks
    from models.common.text import split_paragraphs

    spec = catalog.specs_for(args.profile)[catalog.SUMMARIZE]
    folder = installed.locate(spec, str(args.models_dir)).path
    settings = spec.generation  # 142 tokens: the bench's weights never stop early
    served = {
        "ctranslate2_int8": ctranslate2_backend.load(spec, folder, workers=1, threads=cpu_count()),
        "torch_int8": load(spec, folder, "cpu"),
    }
    text = plan_chunks(served["torch_int8"], split_paragraphs(SEED_ARTICLE.read_text(encoding="utf-8")))[0]
    result: dict[str, Any] = {"load": load_average(), "max_new_tokens": settings.max_new_tokens, "beams": settings.num_beams}
    outputs = {}
    for name, model in served.items():
        outputs[name], seconds, first = _timed(model, text, settings)
        result[name] = {"seconds": seconds, "first_words_seconds": first}
    reference = load(spec, folder, "cpu", quantize=False)
    [outputs["torch_float32"]] = reference.generate([text], settings)
    tokenizer = served["torch_int8"].tokenizer
    result["ctranslate2_vs_torch_int8"] = _agreement(tokenizer, outputs["ctranslate2_int8"], outputs["torch_int8"])
    result["ctranslate2_int8_vs_float32"] = _agreement(tokenizer, outputs["ctranslate2_int8"], outputs["torch_float32"])
    result["torch_int8_vs_float32"] = _agreement(tokenizer, outputs["torch_int8"], outputs["torch_float32"])
    result["speedup_ctranslate2_vs_torch_int8"] = round(result["torch_int8"]["seconds"] / result["ctranslate2_int8"]["seconds"], 2)
    result["load_after"] = load_average()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
