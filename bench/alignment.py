"""How long linking and checking a digest's sentences takes (``models.digest.align``), on the
seed article made about 1,500 words long, with the summary and full translations into Russian
and Arabic.

    python bench/alignment.py [--repeats N]

The translations are stand-ins with the real shape (one output sentence per source sentence,
Cyrillic and Arabic text with numbers in them): the work is string work on the finished texts,
so model weights do not change it. Prints one JSON line: the best and median milliseconds of
the whole job (the summary's links and flags, and four translations'), and the sentence count.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import SEED_ARTICLE  # noqa: E402

from models.common.text import sentence_ranges  # noqa: E402
from models.digest.align import summary_alignment, translation_alignment  # noqa: E402
from models.digest.translate import join_units  # noqa: E402

_RUSSIAN = "Посол России заявил, что около {n} американских военных остаются в Сирии."
_ARABIC = "قال السفير الروسي إن نحو {n} جندي أمريكي ما زالوا في سوريا."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    article = "\n\n".join([SEED_ARTICLE.read_text(encoding="utf-8")] * 3)
    sentences = [article[start:end] for start, end in sentence_ranges(article)]
    summary = " ".join(sentences[2:7])
    summary_sentences = [summary[start:end] for start, end in sentence_ranges(summary)]
    translations = {
        language: (
            join_units([summary_sentences], [template.format(n=900 + index) for index in range(len(summary_sentences))]),
            join_units([[sentence] for sentence in sentences], [template.format(n=index) for index in range(len(sentences))]),
        )
        for language, template in (("ru", _RUSSIAN), ("ar", _ARABIC))
    }
    timings = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        summary_alignment(article, summary)
        for language, (of_summary, of_article) in translations.items():
            translation_alignment("summary", summary, of_summary, language)
            translation_alignment("article", article, of_article, language)
        timings.append((time.perf_counter() - started) * 1000)
    result = {
        "words": len(article.split()),
        "sentences": len(sentences),
        "align_ms_best": round(min(timings), 1),
        "align_ms_median": round(statistics.median(timings), 1),
        "target_ms": 100,
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
