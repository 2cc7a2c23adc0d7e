"""Does the fast path keep quality? Compare its digest with the float32 one on real weights.

    python bench/quality.py MODELS_DIR [--article FILE ...]

MODELS_DIR holds the real models (``summarize/``, ``translate-ru/``, ``translate-ar/``, or
whatever ``--models-dir`` takes). Every article (the seed article by default) is digested
three ways: float32 torch (the reference), int8 torch, and int8 CTranslate2 translations when
installed; each fast output is scored against the reference with chrF (character 6-grams,
beta 2). Each fast path also translates the summary greedily (``ru greedy``, ``ar greedy``),
scored against the float32 beam-search translation: what the beam of 4 buys. Identical output scores 100; the int8 paths of OPUS-MT and BART usually stay above
90 against their own float32 output. The bench models have random weights, so this script
means something only with the real ones (it says nothing about them otherwise).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from common import SEED_ARTICLE


def chrf(hypothesis: str, reference: str, order: int = 6, beta: float = 2.0) -> float:
    """chrF (Popović 2015): character n-gram F-score, n = 1..order, spaces removed."""
    hypothesis, reference = hypothesis.replace(" ", ""), reference.replace(" ", "")
    precisions, recalls = [], []
    for n in range(1, order + 1):
        hyp = Counter(hypothesis[i : i + n] for i in range(len(hypothesis) - n + 1))
        ref = Counter(reference[i : i + n] for i in range(len(reference) - n + 1))
        if not hyp or not ref:
            continue
        overlap = sum((hyp & ref).values())
        precisions.append(overlap / sum(hyp.values()))
        recalls.append(overlap / sum(ref.values()))
    if not precisions:
        return 100.0 if hypothesis == reference else 0.0
    precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    if precision + recall == 0:
        return 0.0
    return 100 * (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models_dir", type=Path)
    parser.add_argument("--article", type=Path, nargs="*", default=[SEED_ARTICLE])
    args = parser.parse_args()
    from models import Article, DigestOptions
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    configs = {
        "float32": PipelineConfig(models_dir=str(args.models_dir), quantize=False, translation_backend="torch"),
        "int8 torch": PipelineConfig(models_dir=str(args.models_dir), quantize=True, translation_backend="torch"),
        "int8 ctranslate2": PipelineConfig(models_dir=str(args.models_dir), translation_backend="ctranslate2"),
    }
    from models.inventory import catalog
    from models.digest.translate import TextTranslation, translate_texts

    def translate_text(model: Any, text: str, settings: Any) -> str:
        return translate_texts([TextTranslation(model, text, settings)])[0].text

    engines = {name: DigestPipeline(config) for name, config in configs.items()}
    report: dict[str, Any] = {}
    for path in args.article:
        article = Article(title=path.stem, text=path.read_text(encoding="utf-8"), source_path=str(path))
        reference = engines["float32"].digest(article, DigestOptions())
        scores: dict[str, Any] = {}
        for name, engine in engines.items():
            if name == "float32":
                continue
            summary = engine.digest(article, DigestOptions(languages=("ru",))).summary
            scores[name] = {"summary": round(chrf(summary, reference.summary), 1)}
            # Translations of the same (float32) summary, so a summary difference does not count twice.
            for language, expected in reference.summary_translations.items():
                model = engine.model(catalog.specs_for(engine.config.profile)[catalog.translation_task(language)])
                scores[name][language] = round(chrf(translate_text(model, reference.summary, model.spec.generation), expected), 1)
                # Greedy beside beam search: what the catalogue's beam of 4 buys on this text.
                greedy = replace(model.spec.generation, num_beams=1)
                scores[name][f"{language} greedy"] = round(chrf(translate_text(model, reference.summary, greedy), expected), 1)
        report[path.name] = scores
        print(path.name, json.dumps(scores, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
