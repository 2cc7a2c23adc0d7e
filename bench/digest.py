"""The seed article's whole digest through the app's pipeline, and the naive path beside it.

``python bench/digest.py fast MODELS_DIR [--article] [--greedy no|yes|also]`` prints one JSON line:
load times (first start: float32 read and quantised; second start: the int8 copy), digest
seconds for the summary + Russian + Arabic summary (and, with ``--article``, the whole article
translated as well), and the process's peak resident memory with all three models loaded.

``naive`` instead runs what the app did before the fast path: float32, plain ``transformers``
beam search (cross-attention reordered every step), one sentence per ``generate`` call, one
language after the other.

Output lengths are fixed (see ``common.fix_translation_lengths``); the bench models never
end early, so the summary is always 142 tokens, and its text is swapped for real sentences
of the same length before it is translated (see ``with_sentences``), on both paths alike.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from common import SEED_ARTICLE, fix_translation_lengths, load_average, peak_rss_mb, reset_peak_rss, rss_mb

def with_sentences(model: Any) -> None:
    """Make ``model`` (the summariser) hand on real sentences of the length it generated.

    The summary is still generated in full (that cost is what the bench measures); its text
    is then swapped for the article's first sentences, as many as make the same number of
    summariser tokens. Random weights write no sentences, and a 142-token run-on of random
    word pieces splits into twice the tokens real text does; a real distilbart summary is a
    lead-heavy extract of three or four sentences, which is what the translators get here.
    """
    from models.common.text import split_paragraphs, split_sentences

    generate = model.generate
    sentences = [sentence for paragraph in split_paragraphs(SEED_ARTICLE.read_text(encoding="utf-8"))[2:] for sentence in split_sentences(paragraph)]

    @functools.wraps(generate)  # keeps generate's signature: summarize reads it for on_partial
    def generate_with_sentences(*args: Any, **kwargs: Any) -> list[str]:
        outputs = []
        for text in generate(*args, **kwargs):
            wanted, picked = model.count_tokens(text), []
            for sentence in sentences:
                if picked and model.count_tokens(" ".join([*picked, sentence])) > wanted:
                    break
                picked.append(sentence)
            outputs.append(" ".join(picked))
        return outputs

    model.generate = generate_with_sentences


def _article() -> Any:
    from models import Article

    return Article(title="Seed", text=SEED_ARTICLE.read_text(encoding="utf-8"), source_path=str(SEED_ARTICLE))


def greedy_translations(engine: Any) -> None:
    """Switch the engine's translation specs to greedy decoding (the fast profile's setting)."""
    from models.inventory import catalog

    specs = dict(engine._specs)  # noqa: SLF001 - the bench tries a catalogue setting without editing it
    for task, spec in specs.items():
        if task != catalog.SUMMARIZE:
            specs[task] = replace(spec, generation=replace(spec.generation, num_beams=1))
            loaded = engine._loaded.get(task)  # noqa: SLF001 - a loaded model carries its spec
            if loaded is not None:
                loaded.spec = specs[task]
    engine._specs = specs  # noqa: SLF001


def _marking_state(marks: dict[str, float], begun: float) -> Any:
    """A job state that notes, in seconds from ``begun``: ``first_words`` (the first
    provisional summary text published), ``summary`` (the complete summary published, else the
    first translation step) and ``first_words_tokens`` (how long that first text was)."""
    from models import JobState

    def progress(fraction: float, step: str) -> None:
        if step.startswith("Translating"):  # the summary is done (a pipeline that publishes nothing)
            marks.setdefault("summary", round(time.monotonic() - begun, 2))

    def partial(part: Any) -> None:
        if part.key != "summary":
            return
        key = "summary" if part.complete else "first_words"
        if key not in marks:
            marks[key] = round(time.monotonic() - begun, 2)
            if not part.complete:
                marks["first_words_words"] = len(part.text.split())

    try:
        return JobState(progress, partial_sink=partial)
    except TypeError:  # a JobState without published text (an older checkout compared side by side)
        return JobState(progress)


def _timed_digests(engine: Any, article: Any, options: Any, repeats: int) -> dict[str, Any]:
    """The best of ``repeats`` digests, with the summary's share of it and when its first words
    were shown."""
    timings: list[float] = []
    stages: list[dict[str, float]] = []
    digest = None
    for _ in range(repeats):
        marks: dict[str, float] = {}
        digest = engine.digest(article, options, _marking_state(marks, time.monotonic()))
        marks["translations"] = round(digest.seconds - marks.get("summary", 0.0), 2)
        timings.append(digest.seconds)
        stages.append(marks)
    best = timings.index(min(timings))
    return {"seconds": round(timings[best], 2), "all": [round(value, 2) for value in timings], "stages": stages[best], "digest": digest}


#: Summary lengths (tokens) assumed for the catalogue's real stopping rule: distilbart-cnn's
#: news summaries stop on their own between its 56-token minimum and the 142-token cap, about
#: 3-4 sentences (60-110 tokens, ~75 on average for CNN/DailyMail-style news). Each is equally
#: likely here; the bench's random weights never stop, so the cap is the worst case.
REAL_SUMMARY_TOKENS = (60, 75, 90, 110)


def summary_length(engine: Any, tokens: int) -> None:
    """Make the summariser stop after ``tokens`` tokens (the catalogue's minimum kept below it)."""
    from models.inventory import catalog

    specs = dict(engine._specs)  # noqa: SLF001 - the bench tries a setting without editing the catalogue
    spec = specs[catalog.SUMMARIZE]
    generation = replace(spec.generation, max_new_tokens=tokens, min_new_tokens=min(spec.generation.min_new_tokens, tokens))
    specs[catalog.SUMMARIZE] = replace(spec, generation=generation)
    loaded = engine._loaded.get(catalog.SUMMARIZE)  # noqa: SLF001
    if loaded is not None:
        loaded.spec = specs[catalog.SUMMARIZE]
    engine._specs = specs  # noqa: SLF001


def batch_articles(count: int = 10, shortest: int = 300, longest: int = 1500) -> list[Any]:
    """``count`` articles of ``shortest``..``longest`` words, evenly spread: the seed article's
    paragraphs, each article starting at another one and going round as often as its length
    needs (the engine's cost depends on lengths, not on what the words say)."""
    from models import Article
    from models.common.text import split_paragraphs

    paragraphs = split_paragraphs(SEED_ARTICLE.read_text(encoding="utf-8"))
    articles = []
    for index in range(count):
        wanted = shortest + (longest - shortest) * index // max(1, count - 1)
        picked: list[str] = []
        words = 0
        position = index
        while words < wanted:
            paragraph = paragraphs[position % len(paragraphs)]
            room = wanted - words
            if len(paragraph.split()) > room:  # cut the last paragraph at a sentence end near the length
                kept = []
                for sentence in paragraph.split(". "):
                    if len(" ".join(kept + [sentence]).split()) > room and kept:
                        break
                    kept.append(sentence)
                paragraph = ". ".join(kept).rstrip(".") + "."
            picked.append(paragraph)
            words += len(paragraph.split())
            position += 1
        articles.append(Article(title=f"Batch {index + 1}", text="\n\n".join(picked), source_path=f"batch-{index + 1}.txt"))
    return articles


def _batch(engine: Any, options: Any, count: int) -> dict[str, Any]:
    """``count`` articles of 300-1,500 words, their lengths evenly spread, digested back to back
    as a queue of them runs (a digest's cost is not smooth in the length: 5 articles are not
    the same measure as 10)."""
    articles = batch_articles(count)
    started = time.monotonic()
    seconds = [round(engine.digest(article, options).seconds, 2) for article in articles]
    total = time.monotonic() - started
    return {
        "articles": len(articles),
        "words": [len(article.text.split()) for article in articles],
        "seconds": seconds,
        "seconds_per_article": round(total / len(articles), 2),
    }


def like_the_engine_process(engine: Any) -> bool:
    """Do what the engine's child process (``models.digest.process``) does after each digest:
    hand freed memory back (the next digest's peaks would stack on it otherwise), so the memory
    figures are the engine's. False for a checkout whose engine does not (``--compare`` with an
    older one), which is then measured as it is."""
    try:
        from models.digest import process
    except ImportError:
        return False
    if "release_freed_memory" not in vars(process):
        return False
    from models.inference.memory import release_freed_memory

    digest = engine.digest

    @functools.wraps(digest)
    def digest_then_release(*args: Any, **kwargs: Any) -> Any:
        try:
            return digest(*args, **kwargs)
        finally:
            release_freed_memory()

    engine.digest = digest_then_release
    return True


def run_fast(
    models_dir: Path,
    with_article: str,
    greedy: str,
    backend: str | None,
    repeats: int,
    profile: str = "quality",
    real_lengths: bool = False,
    batch: int = 0,
    back_translation: bool = False,
    greedy_repeats: int | None = None,
) -> dict[str, Any]:
    """``greedy``: "no" (the catalogue's settings), "yes" (greedy translations) or "also" (both).
    ``real_lengths``: also digests whose summaries stop at :data:`REAL_SUMMARY_TOKENS`;
    ``batch``: also that many articles back to back (:func:`batch_articles`); both with the
    catalogue's settings, before any greedy run. ``greedy_repeats``: the greedy digests'
    repeats (``repeats`` if None). ``back_translation``: last, the catalogue
    digest's translations back into English, as the window does after every digest unless it
    is turned off (View > Back-Translate for Checking): the into-English models load beside the
    digest's, so the engine's peak with them is measured apart."""
    from models import DigestOptions
    from models.digest.pipeline import DigestPipeline, PipelineConfig

    fix_translation_lengths()
    engine = DigestPipeline(PipelineConfig(profile=profile, models_dir=str(models_dir), translation_backend=backend))
    as_engine_process = like_the_engine_process(engine)
    options = DigestOptions(languages=("ru", "ar"))
    started = time.monotonic()
    loads = {}
    for spec in engine.specs(options):
        model = engine.model(spec)
        loads[spec.task] = {"seconds": round(model.load_seconds, 2), "origin": model.origin, "precision": model.precision,
                            "backend": getattr(model, "backend", "torch")}
    load_seconds = time.monotonic() - started
    summariser = engine.model(engine.specs(options)[0])
    with_sentences(summariser)
    article = _article()
    result: dict[str, Any] = {"profile": profile, "load": load_average(), "load_seconds": round(load_seconds, 2), "models": loads,
                              "as_engine_process": as_engine_process,
                              "rss_loaded_mb": round(rss_mb()), "peak_rss_loading_mb": round(peak_rss_mb())}
    settings = {"no": ["catalogue"], "yes": ["greedy"], "also": ["catalogue", "greedy"]}[greedy]
    catalogue_specs, catalogue_digest = engine._specs, None  # noqa: SLF001
    for name in settings:
        if name == "greedy":
            greedy_translations(engine)
        runs = _timed_digests(engine, article, options, repeats if name == "catalogue" or greedy_repeats is None else greedy_repeats)
        digest = runs.pop("digest")
        runs["peak_rss_mb_so_far"] = round(peak_rss_mb())
        result[name] = runs
        if name == "catalogue":
            catalogue_digest = digest
        result.setdefault("summary_tokens", summariser.count_tokens(digest.summary))
        result.setdefault("summary_words", len(digest.summary.split()))
        if name == "catalogue" and batch:
            result["batch"] = _batch(engine, options, batch)
        if name == "catalogue" and real_lengths:
            by_length = {}
            catalogue_specs, catalogue_spec = engine._specs, summariser.spec  # noqa: SLF001
            for tokens in REAL_SUMMARY_TOKENS:
                summary_length(engine, tokens)
                timed = _timed_digests(engine, article, options, 1)
                by_length[str(tokens)] = {"seconds": timed["seconds"], "summary": timed["stages"].get("summary")}
            engine._specs, summariser.spec = catalogue_specs, catalogue_spec  # noqa: SLF001
            result["real_lengths"] = {
                "tokens": list(REAL_SUMMARY_TOKENS),
                "by_length": by_length,
                "mean_seconds": round(sum(entry["seconds"] for entry in by_length.values()) / len(by_length), 2),
                "mean_summary_seconds": round(sum(entry["summary"] or 0 for entry in by_length.values()) / len(by_length), 2),
            }
        if name == "catalogue":
            # The app's own settings end here (greedy translations with these models are a
            # comparison, not a profile): the engine's peak for the quality profile.
            result["peak_rss_mb_catalogue"] = round(peak_rss_mb())
        if with_article == "all" or (with_article == name):
            article_runs = _timed_digests(engine, article, replace(options, translate_article=True), max(1, repeats - 1))
            article_runs.pop("digest")
            article_runs["peak_rss_mb_so_far"] = round(peak_rss_mb())
            result[name]["with_article"] = article_runs
    result["peak_rss_mb"] = round(peak_rss_mb())
    if back_translation and catalogue_digest is not None:
        from models import JobState

        engine._specs = catalogue_specs  # noqa: SLF001 - the catalogue's beams, not the greedy comparison's
        started = time.monotonic()
        back = engine.back_translate(catalogue_digest, JobState())
        result["back_translation"] = {
            "seconds": round(time.monotonic() - started, 2),  # the into-English models' loading included
            "sentences": sum(len(sentences) for sentences in back.back_translations.values()),
            "rss_after_mb": round(rss_mb()),
            "peak_rss_mb": round(peak_rss_mb()),
            "loaded_after": engine.loaded_tasks() if hasattr(engine, "loaded_tasks") else None,
        }
    result["load_after"] = load_average()
    return result


def run_short_of_memory(models_dir: Path, room_mb: float) -> dict[str, Any]:
    """The window's round on a machine short of memory: a digest, its back-translation, then the
    next digest, with the memory the OS reports available set to ``room_mb`` above the engine's
    reserve less what this process holds (the pipeline unloads the least recently used models
    it does not need to stay within it). Each stage's peak is its own (the high-water mark is
    reset between them)."""
    from models import DigestOptions, JobState
    import models.digest.pipeline as pipeline_module
    from models.digest.pipeline import DigestPipeline, PipelineConfig
    from models.inference.memory import memory_reserve_mb
    from models.inventory import catalog

    fix_translation_lengths()
    pipeline_module.available_memory_mb = lambda: memory_reserve_mb() + room_mb - rss_mb()
    engine = DigestPipeline(PipelineConfig(models_dir=str(models_dir)))
    like_the_engine_process(engine)
    options = DigestOptions(languages=("ru", "ar"))
    model = engine.model

    def model_with_sentences(spec: Any) -> Any:  # the summariser again after a reload, as at first
        loaded = model(spec)
        if spec.task == catalog.SUMMARIZE and not getattr(loaded, "bench_sentences", False):
            with_sentences(loaded)
            loaded.bench_sentences = True
        return loaded

    engine.model = model_with_sentences
    engine.preload(options)
    article = _article()
    result: dict[str, Any] = {"room_mb": room_mb, "load": load_average(), "rss_loaded_mb": round(rss_mb())}

    def stage(name: str, run: Callable[[], Any]) -> Any:
        reset_peak_rss()
        loads, started = engine.load_count, time.monotonic()
        value = run()
        result[name] = {"seconds": round(time.monotonic() - started, 2), "models_loaded": engine.load_count - loads,
                        "peak_rss_mb": round(peak_rss_mb()), "loaded_after": engine.loaded_tasks()}
        return value

    digest = stage("digest", lambda: engine.digest(article, options, JobState()))
    stage("back_translation", lambda: engine.back_translate(digest, JobState()))
    next_digest = stage("next_digest", lambda: engine.digest(article, options, JobState()))
    result["next_digest"]["summary_unchanged"] = next_digest.summary == digest.summary
    result["load_after"] = load_average()
    return result


def run_naive(models_dir: Path, with_article: bool) -> dict[str, Any]:
    """Float32, transformers' own beam search, one sentence at a time, one language at a time."""
    import models.digest.translate as translate
    from models.inventory import catalog, installed
    from models.inference.torch_backend import load
    from models.digest.summarize import summarize
    from models.common.text import split_paragraphs

    fix_translation_lengths()
    translate.MAX_BATCH_SENTENCES = 1
    specs = catalog.specs_for("quality")
    loaded = {}
    for task in catalog.tasks_for(("ru", "ar")):
        location = installed.locate(specs[task], str(models_dir))
        loaded[task] = load(specs[task], location.path, "cpu", quantize=False, fast_beams=False)
    article = _article()
    paragraphs = split_paragraphs(article.text)
    result: dict[str, Any] = {"load": load_average()}
    started = time.monotonic()
    summariser = loaded[catalog.SUMMARIZE]
    with_sentences(summariser)
    summary = summarize(summariser, paragraphs, summariser.spec.generation)
    result["stages"] = {"summary": round(time.monotonic() - started, 2)}
    for language in ("ru", "ar"):
        model = loaded[catalog.translation_task(language)]
        translate.translate_texts([translate.TextTranslation(model, summary, model.spec.generation)])
    result["digest_seconds"] = round(time.monotonic() - started, 2)
    result["stages"]["translations"] = round(result["digest_seconds"] - result["stages"]["summary"], 2)
    if with_article:
        for language in ("ru", "ar"):
            model = loaded[catalog.translation_task(language)]
            translate.translate_texts([translate.TextTranslation(model, "\n\n".join(paragraphs), model.spec.generation)])
        result["digest_article_seconds"] = round(time.monotonic() - started, 2)
    result["peak_rss_mb"] = round(peak_rss_mb())
    return result


def _like_the_engine_process_starts() -> None:
    """Tune malloc as the engine's process does when it starts (before any thread), where the
    checkout measured does so."""
    from models.inference import memory

    tune = getattr(memory, "tune_malloc_for_engine", None) or getattr(memory, "limit_malloc_arenas", None)  # older checkouts
    if tune is not None:
        tune()


def main() -> int:
    _like_the_engine_process_starts()
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["fast", "naive"])
    parser.add_argument("models_dir", type=Path)
    parser.add_argument("--article", nargs="?", const="all", default="none", choices=["none", "greedy", "all"],
                        help="also digest with the article translated (with every setting, or greedy only)")
    parser.add_argument("--greedy", choices=["no", "yes", "also"], default="no", help="also greedy translations (the fast profile's setting)")
    parser.add_argument("--backend", default=None, help="translation backend: torch or ctranslate2 (default: auto)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--profile", default="quality", help="catalogue profile whose settings and models are used")
    parser.add_argument("--real-lengths", action="store_true", help="also summaries that stop at realistic lengths")
    parser.add_argument("--batch", type=int, nargs="?", const=10, default=0, metavar="N",
                        help="also N (default 10) articles of 300-1,500 words back to back")
    parser.add_argument("--greedy-repeats", type=int, default=None, help="repeats of the greedy digests (default: --repeats)")
    parser.add_argument("--back-translation", action="store_true", help="last, the digest's translations back into English")
    parser.add_argument("--room-mb", type=float, default=None,
                        help="instead: digest, back-translation and the next digest on a machine with this much memory above the reserve")
    args = parser.parse_args()
    if args.room_mb is not None:
        result = run_short_of_memory(args.models_dir, args.room_mb)
    elif args.mode == "fast":
        result = run_fast(
            args.models_dir, args.article, args.greedy, args.backend, args.repeats, args.profile, args.real_lengths, args.batch,
            args.back_translation, args.greedy_repeats,
        )
    else:
        result = run_naive(args.models_dir, args.article != "none")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
