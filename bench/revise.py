"""Revising a digest on models of the real sizes: one edited sentence of the English summary
translated again into Russian and Arabic (``retranslate_sentence_seconds``), and the seed
digest's Russian and Arabic summaries translated back into English (``back_translation_seconds``),
with the models loaded, as the engine's process does them.

    python bench/revise.py MODELS_DIR [--repeats N] [--backend torch|ctranslate2]

The summary is the seed article's sentences from its third paragraph on, as many as a
142-token summary holds (what ``digest.with_sentences`` gives the translators). It is
translated once (not timed); then each repeat edits one of its sentences (a word put in) and
times :meth:`DigestPipeline.revise_summary`, which translates that sentence alone into both
languages side by side, and :meth:`DigestPipeline.back_translate` on the unrevised digest
(every sentence of both summaries, into English with the tc-big zle-en and ar-en models).
Output lengths are fixed as everywhere in the bench (``common.fix_translation_lengths``).
Prints one JSON line: the median and best seconds of each, the sentence counts, and the
alternatives of one sentence (``alternatives_seconds``: four, each back-translated).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from common import SEED_ARTICLE, fix_translation_lengths, load_average

#: About what a distilbart summary holds (its 142-token cap), in the translator's tokens.
SUMMARY_TOKENS = 142


def seed_summary(count_tokens) -> str:  # noqa: ANN001 - a tokenizer's counter
    """The seed article's sentences from its third paragraph on, as many as fit the summary's length."""
    from models.common.text import split_paragraphs, split_sentences

    sentences = [s for paragraph in split_paragraphs(SEED_ARTICLE.read_text(encoding="utf-8"))[2:] for s in split_sentences(paragraph)]
    picked: list[str] = []
    for sentence in sentences:
        if picked and count_tokens(" ".join([*picked, sentence])) > SUMMARY_TOKENS:
            break
        picked.append(sentence)
    return " ".join(picked)


def edited(summary: str, number: int) -> tuple[str, int]:
    """``summary`` with a word put into one of its sentences (the ``number``-th, going round),
    and which sentence that is."""
    from models.common.text import sentence_ranges

    ranges = sentence_ranges(summary)
    index = number % len(ranges)
    start, end = ranges[index]
    words = summary[start:end].split(" ")
    words.insert(1, ("reportedly", "publicly", "again", "also")[number % 4])
    return summary[:start] + " ".join(words) + summary[end:], index


def _recording(generate, asked: list[str]):  # noqa: ANN001, ANN202 - a model's generate, wrapped
    def recorded(texts, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.extend(texts)
        return generate(texts, *args, **kwargs)

    return recorded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models_dir", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backend", default=None, help="translation backend: torch or ctranslate2 (default: auto)")
    args = parser.parse_args()

    from models import Article
    from models.common.types import Digest
    from models.digest.pipeline import DigestPipeline, PipelineConfig
    from models.inventory import catalog
    from models.inference.memory import tune_malloc_for_engine

    tune_malloc_for_engine()  # as the engine's process does, before any thread
    fix_translation_lengths()
    pipeline = DigestPipeline(PipelineConfig(models_dir=str(args.models_dir), translation_backend=args.backend))
    started = time.monotonic()
    tasks = [catalog.translation_task("ru"), catalog.translation_task("ar"), catalog.into_english_task("ru"), catalog.into_english_task("ar")]
    models = {task: pipeline.model(pipeline.spec(task)) for task in tasks}
    load_seconds = time.monotonic() - started
    summary = seed_summary(models[catalog.translation_task("ru")].count_tokens)
    article = Article(title="Seed", text=SEED_ARTICLE.read_text(encoding="utf-8"), source_path=str(SEED_ARTICLE))
    # A digest with no translation yet: revising it to the summary translates all of it.
    blank = Digest(article=article, summary="", summary_translations={"ru": "", "ar": ""})
    started = time.monotonic()
    digest = pipeline.revise_summary(blank, summary)
    whole_seconds = time.monotonic() - started

    asked: list[str] = []
    for task in tasks[:2]:  # what the translators are asked, to check that one sentence is translated again
        model = models[task]
        for name in ("generate", "generate_scored"):  # the latter: translations scored by their search
            if hasattr(model, name):
                setattr(model, name, _recording(getattr(model, name), asked))
    retranslate: list[float] = []
    for number in range(args.repeats):
        text, _ = edited(summary, number)
        asked.clear()
        begun = time.monotonic()
        pipeline.revise_summary(digest, text)
        retranslate.append(time.monotonic() - begun)
        assert len(asked) == 2, f"one edited sentence is translated again into each language, no more: {len(asked)}"

    back: list[float] = []
    for _ in range(args.repeats):
        begun = time.monotonic()
        back_translated = pipeline.back_translate(digest)
        back.append(time.monotonic() - begun)
    sentences = {key: len(items) for key, items in back_translated.back_translations.items()}

    begun = time.monotonic()
    found = pipeline.alternatives("ar", edited(summary, 1)[0].split(". ")[1] + ".")
    alternatives_seconds = time.monotonic() - begun

    result = {
        "load": load_average(),
        "load_seconds": round(load_seconds, 2),
        "summary_tokens": models[catalog.translation_task("ru")].count_tokens(summary),
        "summary_sentences": sentences.get("summary:ru"),
        "translate_whole_summary_seconds": round(whole_seconds, 2),
        "retranslate_sentence_seconds": round(statistics.median(retranslate), 2),
        "retranslate_sentence_seconds_all": [round(value, 2) for value in retranslate],
        "back_translation_seconds": round(statistics.median(back), 2),
        "back_translation_seconds_all": [round(value, 2) for value in back],
        "back_translated_sentences": sentences,
        "alternatives_seconds": round(alternatives_seconds, 2),
        "alternatives": len(found),
        "backends": {task: getattr(model, "backend", "torch") for task, model in models.items()},
        "load_after": load_average(),
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
