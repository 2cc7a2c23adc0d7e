"""Article Digest speed bench: the app's engine beside plain transformers and CTranslate2.

    python bench/run.py [--quick] [--json PATH] [--models DIR] [--first-start] [--compare CHECKOUT] [--window-only]

Builds (once, cached under ``--models``) models with the real architectures and sizes of the
catalogue's defaults and random weights, then measures, each part in its own process:

1. translation throughput (opus-mt-en-ru; with the full run also opus-mt-tc-big-en-zle): the
   app's path vs ``transformers`` float32 ``generate`` vs CTranslate2 int8, same model, same
   decoding, same output lengths; ``bench/throughput.py``;
2. the seed article's digest through ``DigestPipeline`` (summary + Russian + Arabic; and with
   the article translated too): the quality profile (the default: beam-4 translations), its
   models with greedy translations, and the fast profile (smaller models, greedy
   translations); when the summary's first words and the whole summary were shown (the
   provisional and the final text the pipeline publishes); the same digest with summaries
   that stop at realistic lengths; ten articles of 300-1,500 words back to back; peak
   resident memory with the three models loaded; ``bench/digest.py``. The full run adds the
   naive path (float32, one sentence at a time) for the speed-up over it, and the window's
   round (digest, back-translation, the next digest) on a machine short of memory, where the
   engine unloads the models it does not need (``digest.py --room-mb``);
3. window start-up (``article-digest --smoke-test``, median of 5), the cold start (the window
   launched with the seed article to its complete summary shown, models loaded from disk;
   ``bench/cold_start.py``) and the longest GUI event-loop stall while digests run in the
   background; ``bench/gui_stall.py``; the longest
   stall while the window opens a large saved page and a large PDF, takes a drop of 200
   articles, and lists a history of 10,000 digests (the History menu and dialog, and how long
   ``--history`` takes); ``bench/window_stall.py`` (no models needed: ``--window-only`` runs
   this part alone);
4. linking and checking the sentences of a 1,500-word digest; ``bench/alignment.py``;
5. revising a digest with the models loaded: one edited sentence of the English summary
   translated again into Russian and Arabic, and the seed's Russian and Arabic summaries
   translated back into English (the tc-big into-English models); ``bench/revise.py``.

``--quick`` (under 5 minutes on 2 cores once the models are built) repeats less, leaves out
the naive path, the article translations and the tc-big throughput, and probes the GUI stall
with the seed article's first paragraphs (the stall comes from loading, not from the
article's length). ``--first-start`` also measures a start with an empty cache (quantising
and converting every model: about a minute more). ``--compare CHECKOUT`` measures another
checkout's quality digest and window beside this one's, interleaved (before/after ratios
from one run). Prints a table and writes JSON (``--json``). Note the machine's load: on a
shared machine the ratios, measured within one process, hold up better than the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO_ROOT = BENCH.parent
SEED_ARTICLE = REPO_ROOT / "seeds" / "russia-us-syria.txt"
#: The memory above the engine's reserve of the machine short of memory the full run measures:
#: room for the digest's three models and its working set, not for the two into-English ones besides.
SHORT_OF_MEMORY_ROOM_MB = 1150
DEFAULT_MODELS = Path(os.environ.get("ARTICLE_DIGEST_BENCH_MODELS", Path.home() / ".cache" / "article-digest-bench"))


def _python(script: str, *args: str, home: Path, timeout: float, code: Path | None = None) -> dict[str, Any]:
    """Run a bench script in its own process (own memory peak, own torch threads); its JSON line.
    ``code``: another checkout whose ``models`` the script measures (``--compare``)."""
    env = {**os.environ, "ARTICLE_DIGEST_HOME": str(home), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(code or REPO_ROOT),
           "TOKENIZERS_PARALLELISM": "false"}
    env.pop("ARTICLE_DIGEST_MODELS", None)
    env.pop("ARTICLE_DIGEST_BENCH_CODE", None)
    if code is not None:
        env["ARTICLE_DIGEST_BENCH_CODE"] = str(code)
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, env=env, cwd=BENCH, timeout=timeout
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        tail = "\n".join((completed.stderr or completed.stdout).strip().splitlines()[-8:])
        raise RuntimeError(f"{script} {' '.join(args)} failed ({completed.returncode}):\n{tail}")
    result = json.loads(lines[-1])
    result["wall_seconds"] = round(time.monotonic() - started, 1)
    return result


def _as_installed(env: dict[str, str], code: Path) -> dict[str, str]:
    """``env`` for starting the app in ``code`` as a person's copy starts: from compiled bytecode
    (pip compiles what it installs, Python caches the rest at the first start, the packaged app
    ships it). A shell with PYTHONDONTWRITEBYTECODE set would have every start compile the
    app's modules again, about 180 ms of the window's start on a 2-core machine."""
    import compileall

    for package in ("desktop", "models"):
        compileall.compile_dir(str(code / package), quiet=1)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _window(home: Path, runs: int, code: Path | None = None) -> dict[str, Any]:
    """``runs`` starts of the window's smoke test with the seed article opened: the median time
    to the window shown, and the window process's peak resident memory (its own, not the
    engine's child: the digest bench measures that one)."""
    if code is None:
        command = shutil.which("article-digest") or shutil.which("article-digest", path=str(Path(sys.executable).parent))
    else:  # another checkout: its own window module
        command = None
    argv = [command] if command else [sys.executable, "-m", "desktop"]
    env = {**os.environ, "ARTICLE_DIGEST_HOME": str(home), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    _as_installed(env, code or REPO_ROOT)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    times, torch_loaded, lines, peaks = [], [], [], []
    for _ in range(runs):
        try:
            output, peak_mb = _run_watching_memory([*argv, "--smoke-test", str(SEED_ARTICLE)], env=env, cwd=code or REPO_ROOT, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as error:
            return {"status": f"missing ({error.__class__.__name__})"}
        line = next((line for line in output.splitlines() if line.startswith("window shown in")), None)
        if line is None:
            return {"status": "missing", "output": output.strip()[-300:]}
        lines.append(line)
        times.append(float(line.split("window shown in ", 1)[1].split(" ms", 1)[0]))
        torch_loaded.append(line.rsplit("torch imported: ", 1)[-1].strip())
        peaks.append(peak_mb)
    return {"status": "ok", "window_ms": round(statistics.median(times)), "all_ms": times, "torch_imported": torch_loaded[-1],
            "lines": lines, "peak_rss_mb": round(max(peaks))}


def _cold_start(home: Path, models: Path, code: Path | None = None) -> dict[str, Any]:
    """The window launched with the seed article, Digest pressed once it can be, to the complete
    summary shown: models loaded from disk (their converted copies, made by the runs before),
    the engine's child process started from nothing. ``bench/cold_start.py``."""
    env = {**os.environ, "ARTICLE_DIGEST_HOME": str(home), "ARTICLE_DIGEST_MODELS": str(models), "HF_HUB_OFFLINE": "1",
           "PYTHONPATH": str(code or REPO_ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "TOKENIZERS_PARALLELISM": "false"}
    _as_installed(env, code or REPO_ROOT)
    completed = subprocess.run([sys.executable, str(BENCH / "cold_start.py"), str(SEED_ARTICLE)], capture_output=True, text=True,
                               env=env, cwd=BENCH, timeout=300)
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"status": "missing", "output": (completed.stderr or completed.stdout).strip()[-300:]}
    return {"status": "ok" if completed.returncode == 0 else "failed", **json.loads(lines[-1])}


def _run_watching_memory(argv: list[str], env: dict[str, str], cwd: Path, timeout: float) -> tuple[str, float]:
    """Run ``argv``; its output and its peak resident memory (MB, its own ``VmHWM`` read every
    10 ms until it exits: the last reading is within 10 ms of its end)."""
    peak_mb = 0.0
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=cwd) as process:
        status = Path(f"/proc/{process.pid}/status")
        collected: list[str] = []
        reader = threading.Thread(target=lambda: collected.append(process.stdout.read()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        deadline = time.monotonic() + timeout
        while process.poll() is None:
            if time.monotonic() > deadline:
                process.kill()
                raise subprocess.TimeoutExpired(argv, timeout)
            try:
                for field in status.read_text(encoding="ascii").splitlines():
                    if field.startswith("VmHWM:"):
                        peak_mb = max(peak_mb, int(field.split()[1]) / 1024)
            except (OSError, ValueError):
                pass  # gone, or not on Linux
            time.sleep(0.01)
        reader.join(5)
    return "".join(collected), peak_mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no naive path; under 5 minutes once models are built")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS, help=f"bench models and caches (default {DEFAULT_MODELS})")
    parser.add_argument("--first-start", action="store_true", help="also measure a start with empty caches")
    parser.add_argument("--compare", type=Path, metavar="CHECKOUT",
                        help="also measure the quality digest and the window of another checkout (e.g. "
                             "`git archive main | tar -x -C DIR`), interleaved with this one's, for before/after ratios")
    parser.add_argument("--window-only", action="store_true",
                        help="only the window's stalls while opening and listing (bench/window_stall.py; no models needed)")
    args = parser.parse_args(argv)
    if args.window_only:
        return _window_only(args)
    quick = args.quick
    root: Path = args.models
    home = root / "home"  # the int8 and CTranslate2 copies live here between runs (a second start)
    sys.path.insert(0, str(BENCH))
    from common import load_average, processor

    begun = time.monotonic()
    results: dict[str, Any] = {"quick": quick, "load_before": load_average(), "cores": os.cpu_count(), "processor": processor()}
    print(f"bench: models in {root} (load {results['load_before']}; {results['cores']} cores, {results['processor']})", flush=True)
    # In a child process: building holds GBs, and the measuring processes are started from this one.
    subprocess.run([sys.executable, str(BENCH / "build_models.py"), str(root)], check=True, cwd=BENCH)
    quality, fast = root / "quality", root / "fast"

    print("translation throughput (opus-mt-en-ru) ...", flush=True)
    # All systems / the slow float32 baseline. Each system's best of four: with two, which system
    # ran before which moved the app-vs-CTranslate2 ratio by 5-8 % between runs (Intel AMX host).
    rounds = ["4", "1"] if quick else ["5", "3"]
    results["throughput"] = {"opus-mt-en-ru": _python("throughput.py", str(fast), "fast", str(root), *rounds, home=home, timeout=1200)}
    if not quick:
        print("translation throughput (opus-mt-tc-big-en-zle) ...", flush=True)
        results["throughput"]["opus-mt-tc-big-en-zle"] = _python("throughput.py", str(quality), "quality", str(root), "3", "1", home=home, timeout=2400)

    if args.first_start:
        print("first start (empty caches: quantise, convert) ...", flush=True)
        first_home = root / "home-first"
        shutil.rmtree(first_home, ignore_errors=True)
        results["first_start"] = _python("digest.py", "fast", str(quality), "--repeats", "1", home=first_home, timeout=2400)
        shutil.rmtree(first_home, ignore_errors=True)

    print("seed digest, app's pipeline (with articles back to back and real summary lengths) ...", flush=True)
    # --quick: one greedy comparison digest. Ten articles either way: five of the same spread of
    # lengths came to 12.4 s per article against ten's 11.7 (a digest's cost is not smooth in
    # the length: where an article starts to be summarised in two parts, it drops).
    fast_args = ["fast", str(quality), "--greedy", "also", "--repeats", "2" if quick else "3", "--article", "none" if quick else "all",
                 "--batch", "10", "--real-lengths", "--back-translation", *(["--greedy-repeats", "1"] if quick else [])]
    results["digest"] = _python("digest.py", *fast_args, home=home, timeout=2400)
    if not _all_cached(results["digest"]):  # the caches were just made (with torch, in this process): measure a second start
        results["digest"] = _python("digest.py", *fast_args, home=home, timeout=2400)
    if args.compare:
        print(f"seed digest and window, {args.compare} beside this checkout ...", flush=True)
        results["compare"] = _compare(args.compare, quality, home)
    print("seed digest, fast profile ...", flush=True)
    fast_profile_args = ["fast", str(fast), "--profile", "fast", "--repeats", "1" if quick else "3"]
    results["digest_fast"] = _python("digest.py", *fast_profile_args, home=home, timeout=2400)
    if not _all_cached(results["digest_fast"]):
        results["digest_fast"] = _python("digest.py", *fast_profile_args, home=home, timeout=2400)
    if not quick:  # a minute more: the full run only
        print("seed digest, back-translation and the next digest, short of memory ...", flush=True)
        results["short_of_memory"] = _python("digest.py", "fast", str(quality), "--room-mb", str(SHORT_OF_MEMORY_ROOM_MB),
                                             home=home, timeout=1800)
    if not quick:  # 2+ minutes of float32: the full run only
        print("seed digest, naive path ...", flush=True)
        results["naive"] = _python("digest.py", "naive", str(quality), "--article", home=home, timeout=3600)

    print("window start-up ...", flush=True)
    results["window"] = _window(home, 5)
    print("cold start: window with the article to its summary shown ...", flush=True)
    results["cold_start"] = _cold_start(home, quality)
    print("GUI stall during digests ...", flush=True)
    results["gui"] = _python("gui_stall.py", str(quality), *(["--short"] if quick else []), home=home, timeout=1800)
    print("GUI stall while opening articles and listing the history ...", flush=True)
    results["window_stall"] = _python("window_stall.py", home=home, timeout=900)
    print("sentence links and flags ...", flush=True)
    results["alignment"] = _python("alignment.py", home=home, timeout=300)
    print("revising: one summary sentence translated again, back-translation ...", flush=True)
    results["revise"] = _python("revise.py", str(quality), "--repeats", "3" if quick else "5", home=home, timeout=1800)

    results["load_after"] = load_average()
    results["bench_seconds"] = round(time.monotonic() - begun, 1)
    summary = headline(results)
    results["headline"] = summary
    results.update(summary)
    print_table(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


def _window_only(args: argparse.Namespace) -> int:
    """``--window-only``: the window's stalls while opening and listing (this checkout, and the
    ``--compare`` checkout's beside it), printed and written to ``--json``."""
    sys.path.insert(0, str(BENCH))
    from common import load_average

    home = args.models / "home"
    results: dict[str, Any] = {"load_before": load_average(), "cores": os.cpu_count()}
    print("GUI stall while opening articles and listing the history ...", flush=True)
    if args.compare:
        results["window_stall_before"] = _python("window_stall.py", home=home, timeout=900, code=args.compare)
    results["window_stall"] = _python("window_stall.py", home=home, timeout=900)
    results["load_after"] = load_average()
    rows = _window_stall_rows(results["window_stall"], results.get("window_stall_before"))
    width = max(len(row[0]) for row in rows)
    print(f"\n{'measure':{width}}  {'value':60}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:60}  {target}")
    print(f"\nload before {results['load_before']}, after {results['load_after']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


def _window_stall_rows(after: dict[str, Any], before: dict[str, Any] | None = None) -> list[tuple[str, str, str]]:
    """The table's rows for ``bench/window_stall.py``'s figures (``before -> after`` with ``--compare``)."""

    def figure(key: str, field: str = "") -> str:
        value = after[key][field] if field else after[key]
        if before is None:
            return f"{value}"
        return f"{before[key][field] if field else before[key]} -> {value}"

    return [
        ("max GUI stall ms, opening a 180,000-character page", figure("open_html", "max_stall_ms"), "<= 100"),
        ("max GUI stall ms, opening a 200-page PDF", figure("open_pdf", "max_stall_ms"), "<= 100"),
        ("max GUI stall ms, a drop of 200 articles (250 in the folder)", figure("drop_folder", "max_stall_ms"), "<= 100"),
        ("  all 200 listed ms", figure("drop_folder", "listed_ms"), ""),
        ("History menu shown ms, 10,000 digests (first start / again)",
         f"{figure('history_menu_cold', 'shown_ms')} / {figure('history_menu_warm', 'shown_ms')}", "<= 100"),
        ("  max GUI stall ms", f"{figure('history_menu_cold', 'max_stall_ms')} / {figure('history_menu_warm', 'max_stall_ms')}", ""),
        ("History dialog shown ms (first start / again)",
         f"{figure('history_dialog_cold', 'shown_ms')} / {figure('history_dialog_warm', 'shown_ms')}", "<= 300"),
        ("  all listed ms / max GUI stall ms, again",
         f"{figure('history_dialog_warm', 'listed_ms')} / {figure('history_dialog_warm', 'max_stall_ms')}", ""),
        ("--history s, 10,000 digests (no index / index)",
         f"{figure('cli_history_seconds_cold')} / {figure('cli_history_seconds_warm')}", ""),
    ]


def _all_cached(digest: dict[str, Any]) -> bool:
    """Whether every model of a digest run was loaded from the app's copies (int8, CTranslate2):
    a conversion loads torch and the float32 model, whose memory the run's peak would count."""
    return all(model.get("origin") == "cache" for model in digest["models"].values())


def _compare(code: Path, quality: Path, home: Path) -> dict[str, Any]:
    """The quality digest (and the window) of ``code`` and of this checkout, one after the other,
    twice: before/after on the same machine within a minute of each other."""
    rounds: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    for _ in range(2):
        for name, checkout in (("before", code), ("after", None)):
            rounds[name].append(_python("digest.py", "fast", str(quality), "--repeats", "1", home=home, timeout=1800, code=checkout))
    out: dict[str, Any] = {"checkout": str(code)}
    for name, runs in rounds.items():
        best = min(runs, key=lambda run: run["catalogue"]["seconds"])
        out[name] = {
            "digest_seconds": best["catalogue"]["seconds"],
            "all_seconds": [run["catalogue"]["seconds"] for run in runs],
            "summary_seconds": best["catalogue"]["stages"].get("summary"),
            "first_words_seconds": best["catalogue"]["stages"].get("first_words"),
            "engine_peak_rss_mb": min(run["peak_rss_mb"] for run in runs),
        }
    windows: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    for _ in range(5):  # interleaved: a busy minute slows both alike
        windows["before"].append(_window(home, 1, code))
        windows["after"].append(_window(home, 1))
    for name, starts in windows.items():
        shown = [start["window_ms"] for start in starts if start.get("window_ms") is not None]
        peaks = [start["peak_rss_mb"] for start in starts if start.get("peak_rss_mb")]
        out[name]["window_ms"] = round(statistics.median(shown)) if shown else None
        out[name]["all_window_ms"] = shown
        out[name]["window_peak_rss_mb"] = max(peaks) if peaks else None
        out[name]["peak_rss_mb"] = _app_peak_mb(out[name]["engine_peak_rss_mb"], {"peak_rss_mb": out[name]["window_peak_rss_mb"]})
    out["digest_speedup"] = round(out["before"]["digest_seconds"] / out["after"]["digest_seconds"], 2)
    if out["before"]["summary_seconds"] and out["after"]["summary_seconds"]:
        out["summary_speedup"] = round(out["before"]["summary_seconds"] / out["after"]["summary_seconds"], 2)
    return out


def _app_peak_mb(engine_peak_mb: float, window: dict[str, Any]) -> float | None:
    """The engine's peak plus the window's: what the app holds at most (None without the window's)."""
    window_peak = window.get("peak_rss_mb")
    return round(engine_peak_mb + window_peak) if window_peak else None


def headline(results: dict[str, Any]) -> dict[str, Any]:
    """The figures the issue asks for, under the keys it names."""
    throughput = results["throughput"]["opus-mt-en-ru"]
    digest, naive = results["digest"], results.get("naive")
    short = results.get("short_of_memory", {})
    catalogue, greedy = digest["catalogue"], digest["greedy"]
    window = results["window"]
    fast_profile = results["digest_fast"]["catalogue"]
    out = {
        # Beam 4: the quality profile's (the default's) translation setting; greedy: the fast profile's.
        "translate_vs_ct2_int8": throughput["beam4"]["engine_vs_ct2_int8"],
        "translate_vs_ct2_int8_greedy": throughput["greedy"]["engine_vs_ct2_int8"],
        "translate_vs_transformers_fp32": throughput["beam4"]["engine_vs_transformers_fp32"],
        "translate_vs_transformers_fp32_greedy": throughput["greedy"]["engine_vs_transformers_fp32"],
        "translate_torch_int8_vs_ct2_int8": throughput["beam4"]["engine_torch_int8_vs_ct2_int8"],
        "translate_torch_int8_vs_ct2_int8_greedy": throughput["greedy"]["engine_torch_int8_vs_ct2_int8"],
        "digest_seconds": catalogue["seconds"],
        "first_result_seconds": catalogue["stages"].get("summary"),
        "first_words_seconds": catalogue["stages"].get("first_words"),
        "batch_seconds_per_article": digest.get("batch", {}).get("seconds_per_article"),
        "digest_seconds_real_lengths": digest.get("real_lengths", {}).get("mean_seconds"),
        "first_result_seconds_real_lengths": digest.get("real_lengths", {}).get("mean_summary_seconds"),
        "digest_seconds_quality_greedy": greedy["seconds"],
        "digest_seconds_fast_profile": fast_profile["seconds"],
        "digest_with_article_seconds_greedy": greedy.get("with_article", {}).get("seconds"),
        "naive_digest_seconds": naive["digest_seconds"] if naive else None,
        "digest_speedup_vs_naive": round(naive["digest_seconds"] / catalogue["seconds"], 2) if naive else None,
        "digest_speedup_vs_naive_greedy": round(naive["digest_seconds"] / greedy["seconds"], 2) if naive else None,
        # The whole app: the engine (the digest bench's process, doing what the engine's child
        # does) plus the window holding an article.
        "peak_rss_mb": _app_peak_mb(digest.get("peak_rss_mb_catalogue", digest["peak_rss_mb"]), window),
        "engine_peak_rss_mb": digest.get("peak_rss_mb_catalogue", digest["peak_rss_mb"]),
        # Also after the same models' greedy digests (a comparison row, not an app setting).
        "engine_peak_rss_mb_with_greedy": digest["peak_rss_mb"],
        "window_peak_rss_mb": window.get("peak_rss_mb"),
        "models_loaded_rss_mb": digest["rss_loaded_mb"],
        # The window's default: after the digest its translations go back into English, with
        # two more models loaded beside the digest's (they stay loaded).
        "engine_peak_rss_mb_with_back_translation": digest.get("back_translation", {}).get("peak_rss_mb"),
        "engine_rss_mb_after_back_translation": digest.get("back_translation", {}).get("rss_after_mb"),
        "peak_rss_mb_with_back_translation": _app_peak_mb(digest["back_translation"]["peak_rss_mb"], window) if "back_translation" in digest else None,
        "peak_rss_mb_fast_profile": results["digest_fast"]["peak_rss_mb"],
        # A machine with room for the digest's models but not all five (SHORT_OF_MEMORY_ROOM_MB):
        # the engine's peak while back-translating, and what reloading the summariser adds to the next digest.
        "engine_peak_rss_mb_back_translation_short_of_memory": short.get("back_translation", {}).get("peak_rss_mb"),
        "next_digest_extra_seconds_short_of_memory": (
            round(short["next_digest"]["seconds"] - short["digest"]["seconds"], 2) if short else None),
        "window_ms": window.get("window_ms"),
        # From launching the window with the article to its complete summary shown, models loaded from disk.
        "cold_first_summary_seconds": results.get("cold_start", {}).get("cold_first_summary_seconds"),
        "max_stall_ms": max(results["gui"]["second"]["max_stall_ms"], results["gui"]["first"]["max_stall_ms"]),
        "max_stall_ms_warm": results["gui"]["second"]["max_stall_ms"],
        "max_stall_ms_first_digest": results["gui"]["first"]["max_stall_ms"],
        "align_ms": results["alignment"]["align_ms_median"],
        # Medians over edits of different sentences (an edit's wait, not a best case).
        "retranslate_sentence_seconds": results["revise"]["retranslate_sentence_seconds"],
        "back_translation_seconds": results["revise"]["back_translation_seconds"],
        "open_html_max_stall_ms": results["window_stall"]["open_html"]["max_stall_ms"],
        "open_pdf_max_stall_ms": results["window_stall"]["open_pdf"]["max_stall_ms"],
        "drop_200_articles_max_stall_ms": results["window_stall"]["drop_folder"]["max_stall_ms"],
        "history_menu_ms_10000": results["window_stall"]["history_menu_warm"]["shown_ms"],
        "history_dialog_ms_10000": results["window_stall"]["history_dialog_warm"]["shown_ms"],
    }
    if naive and naive.get("digest_article_seconds") and catalogue.get("with_article"):
        out["digest_with_article_speedup_vs_naive"] = round(naive["digest_article_seconds"] / catalogue["with_article"]["seconds"], 2)
    return out


def print_table(results: dict[str, Any]) -> None:
    h = results["headline"]
    tp = results["throughput"]["opus-mt-en-ru"]
    rows = [
        ("translation tok/s, greedy (en-ru 16x48)", f"app {tp['greedy']['engine']} | torch int8 {tp['greedy']['engine_torch_int8']} | "
         f"transformers fp32 {tp['greedy']['transformers_fp32']} | CT2 int8 {tp['greedy']['ct2_int8_best']}", ""),
        ("translation tok/s, beam 4", f"app {tp['beam4']['engine']} | torch int8 {tp['beam4']['engine_torch_int8']} | "
         f"transformers fp32 {tp['beam4']['transformers_fp32']} | CT2 int8 {tp['beam4']['ct2_int8_best']}", ""),
        ("app vs CT2 int8 (beam 4 / greedy)", f"{h['translate_vs_ct2_int8']} / {h['translate_vs_ct2_int8_greedy']}", ">= 1.0"),
        ("app vs transformers fp32 (beam 4 / greedy)", f"{h['translate_vs_transformers_fp32']} / {h['translate_vs_transformers_fp32_greedy']}", ""),
        ("torch-only int8 vs CT2 int8 (beam 4 / greedy)", f"{h['translate_torch_int8_vs_ct2_int8']} / {h['translate_torch_int8_vs_ct2_int8_greedy']}", ""),
        ("seed digest s, quality profile (default)", f"{h['digest_seconds']}", "<= 6"),
        ("  summary shown s / first words shown s", f"{h['first_result_seconds']} / {h['first_words_seconds']}", "<= 3.5 / <= 0.6"),
        ("  real summary lengths (60/75/90/110 tok): digest / summary s",
         f"{h['digest_seconds_real_lengths']} / {h['first_result_seconds_real_lengths']}", ""),
        (f"{results['digest'].get('batch', {}).get('articles')} articles, 300-1,500 words: s per article",
         f"{h['batch_seconds_per_article']}", "<= digest s"),
        ("seed digest s, quality models, greedy", f"{h['digest_seconds_quality_greedy']}", ""),
        ("seed digest s, fast profile", f"{h['digest_seconds_fast_profile']}", "<= 10"),
        ("seed digest + article s, quality greedy", f"{h['digest_with_article_seconds_greedy'] or 'not with --quick'}", ""),
        ("naive digest s (fp32, 1 sentence/call)", f"{h['naive_digest_seconds'] or 'not with --quick'}", ""),
        ("speedup vs naive (catalogue / greedy)", f"{h['digest_speedup_vs_naive']} / {h['digest_speedup_vs_naive_greedy']}", ">= 3"),
        ("peak RSS MB, engine + window (3 models + digests)",
         f"{h['peak_rss_mb']} (engine {h['engine_peak_rss_mb']}, loaded {h['models_loaded_rss_mb']}; window {h['window_peak_rss_mb']}; "
         f"engine with greedy runs {h['engine_peak_rss_mb_with_greedy']}; fast profile engine {h['peak_rss_mb_fast_profile']})", "<= 1300"),
        ("  with back-translation after the digest (the window's default)",
         f"{h['peak_rss_mb_with_back_translation']} (engine {h['engine_peak_rss_mb_with_back_translation']}, "
         f"{h['engine_rss_mb_after_back_translation']} after it)", ""),
        ("  engine, back-translation short of memory / next digest's extra s",
         f"{h['engine_peak_rss_mb_back_translation_short_of_memory'] or 'not with --quick'} / "
         f"{h['next_digest_extra_seconds_short_of_memory']}", ""),
        ("cold start: window launched to summary shown s", f"{h['cold_first_summary_seconds']} "
         f"(first words {results.get('cold_start', {}).get('first_words')})", "<= 8"),
        ("window shown ms (median of 5)", f"{h['window_ms']} ({results['window'].get('status')})", "<= 300"),
        ("max GUI stall ms, first digest / warm", f"{h['max_stall_ms_first_digest']} / {h['max_stall_ms_warm']}", "<= 50"),
        ("links + flags ms, 1,500 words, full translations", f"{h['align_ms']} (best {results['alignment']['align_ms_best']})", "<= 100"),
        ("one edited summary sentence into ru + ar s (median)",
         f"{h['retranslate_sentence_seconds']} (all {results['revise']['retranslate_sentence_seconds_all']})", "<= 1.0"),
        ("back-translation of the ru + ar summaries s (median)",
         f"{h['back_translation_seconds']} ({results['revise']['back_translated_sentences']} sentences; "
         f"4 alternatives {results['revise']['alternatives_seconds']} s)", ""),
        *_window_stall_rows(results["window_stall"]),
    ]
    compare = results.get("compare")
    if compare:
        before, after = compare["before"], compare["after"]
        rows += [
            ("before -> after (--compare), digest s", f"{before['digest_seconds']} -> {after['digest_seconds']} ({compare['digest_speedup']}x)", ""),
            ("  summary shown s", f"{before['summary_seconds']} -> {after['summary_seconds']} ({compare.get('summary_speedup')}x)", ""),
            ("  first words shown s", f"{before['first_words_seconds']} -> {after['first_words_seconds']}", ""),
            ("  peak RSS MB, engine + window", f"{before['peak_rss_mb']} -> {after['peak_rss_mb']} "
             f"(engine {before['engine_peak_rss_mb']} -> {after['engine_peak_rss_mb']})", ""),
            ("  window ms", f"{before['window_ms']} -> {after['window_ms']}", ""),
        ]
    width = max(len(row[0]) for row in rows)
    print()
    print(f"{'measure':{width}}  {'value':60}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:60}  {target}")
    print(f"\n{results['cores']} cores, {results.get('processor', 'processor not recorded')}; "
          f"load before {results['load_before']}, after {results['load_after']}; {results['bench_seconds']} s in all")


if __name__ == "__main__":
    sys.exit(main())
