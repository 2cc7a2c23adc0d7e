"""The seed article's whole digest through the app's pipeline, and the naive path beside it.

``python bench/digest.py fast MODELS_DIR [--article] [--greedy]`` prints one JSON line:
load times (first start: float32 read and quantised; second start: the int8 copy), digest
seconds for the summary + Russian + Arabic summary (and, with ``--article``, the whole article
translated as well), and the process's peak resident memory with all three models loaded.

``naive`` instead runs what the app did before the fast path: float32, plain ``transformers``
beam search (cross-attention reordered every step), one sentence per ``generate`` call, one
language after the other.

Output lengths are fixed (see ``common.fix_translation_lengths``); the bench models never
end early, so the summary is always 142 tokens.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from common import SEED_ARTICLE, fix_translation_lengths, load_average, peak_rss_mb, rss_mb


def _article() -> Any:
    from models import Article

    return Article(title="Seed", text=SEED_ARTICLE.read_text(encoding="utf-8"), source_path=str(SEED_ARTICLE))


def greedy_translations(engine: Any) -> None:
    """Switch the engine's translation specs to greedy decoding (the recommended setting)."""
    from models import catalog

    specs = dict(engine._specs)  # noqa: SLF001 - the bench tries a catalogue setting without editing it
    for task, spec in specs.items():
        if task != catalog.SUMMARIZE:
            specs[task] = replace(spec, generation=replace(spec.generation, num_beams=1))
    engine._specs = specs  # noqa: SLF001


def run_fast(models_dir: Path, with_article: bool, greedy: bool, backend: str | None, repeats: int) -> dict[str, Any]:
    from models import DigestOptions
    from models.pipeline import DigestEngine, EngineConfig

    fix_translation_lengths()
    config = EngineConfig(models_dir=str(models_dir))
    if backend is not None:
        config = replace(config, backend=backend)  # type: ignore[call-arg]
    engine = DigestEngine(config)
    if greedy:
        greedy_translations(engine)
    options = DigestOptions(languages=("ru", "ar"))
    started = time.monotonic()
    loads = {}
    for spec in engine.specs(options):
        model = engine.model(spec)
        loads[spec.task] = {"seconds": round(model.load_seconds, 2), "origin": model.origin, "precision": model.precision,
                            "backend": getattr(model, "backend", "torch")}
    load_seconds = time.monotonic() - started
    article = _article()
    result: dict[str, Any] = {"load": load_average(), "load_seconds": round(load_seconds, 2), "models": loads,
                              "rss_loaded_mb": round(rss_mb())}
    timings = []
    for _ in range(repeats):
        digest = engine.digest(article, options)
        timings.append(digest.seconds)
    result["digest_seconds"] = round(min(timings), 2)
    result["digest_seconds_all"] = [round(value, 2) for value in timings]
    result["summary_tokens"] = engine.model(engine.specs(options)[0]).count_tokens(digest.summary)
    if with_article:
        timings = []
        for _ in range(max(1, repeats - 1)):
            digest = engine.digest(article, replace(options, translate_article=True))
            timings.append(digest.seconds)
        result["digest_article_seconds"] = round(min(timings), 2)
    result["peak_rss_mb"] = round(peak_rss_mb())
    result["load_after"] = load_average()
    return result


def run_naive(models_dir: Path, with_article: bool) -> dict[str, Any]:
    """Float32, transformers' own beam search, one sentence at a time, one language at a time."""
    import models.translate as translate
    from models import catalog, store
    from models.engine import load
    from models.summarize import summarize
    from models.text import split_paragraphs

    fix_translation_lengths()
    translate.MAX_BATCH_SENTENCES = 1
    specs = catalog.specs_for("quality")
    loaded = {}
    for task in catalog.tasks_for(("ru", "ar")):
        location = store.locate(specs[task], str(models_dir))
        loaded[task] = load(specs[task], location.path, "cpu", quantize=False, fast_beams=False)
    article = _article()
    paragraphs = split_paragraphs(article.text)
    result: dict[str, Any] = {"load": load_average()}
    started = time.monotonic()
    summariser = loaded[catalog.SUMMARIZE]
    summary = summarize(summariser, paragraphs, summariser.spec.generation)
    for language in ("ru", "ar"):
        model = loaded[catalog.translation_task(language)]
        translate.translate_text(model, summary, model.spec.generation)
    result["digest_seconds"] = round(time.monotonic() - started, 2)
    if with_article:
        for language in ("ru", "ar"):
            model = loaded[catalog.translation_task(language)]
            translate.translate_text(model, "\n\n".join(paragraphs), model.spec.generation)
        result["digest_article_seconds"] = round(time.monotonic() - started, 2)
    result["peak_rss_mb"] = round(peak_rss_mb())
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["fast", "naive"])
    parser.add_argument("models_dir", type=Path)
    parser.add_argument("--article", action="store_true")
    parser.add_argument("--greedy", action="store_true")
    parser.add_argument("--backend", default=None)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    if args.mode == "fast":
        result = run_fast(args.models_dir, args.article, args.greedy, args.backend, args.repeats)
    else:
        result = run_naive(args.models_dir, args.article)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
