#!/usr/bin/env python3
"""Build the double-clickable Article Digest bundle for the platform this runs on.

    python packaging/build.py [--with-models DIR] [--no-trim] [--no-check] [--archive] [--appimage]

Makes ``dist/article-digest/`` (a PyInstaller one-folder bundle holding ``article-digest``,
the window, and ``article-digest-cli``, the command line, over one ``_internal/`` folder of
libraries); on macOS also ``dist/Article Digest.app``. On Linux the folder also gets
``install.sh`` and the ``.desktop`` entry template (see packaging/README.md).

Run it with the project's environment (``.venv/bin/python packaging/build.py``): the bundle
is made from what is installed there. PyInstaller is installed from the project's
``package`` extra when missing. After the build the bundle's window is started once with
``--smoke-test`` and a bare environment, unless ``--no-check``; the size, the time taken and
what trimming removed are printed and kept in ``build/pyinstaller/build-report.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "article-digest.spec"
NAME = "article-digest"
CLI_NAME = "article-digest-cli"
SEED = ROOT / "seeds" / "russia-us-syria.txt"


def _say(message: str) -> None:
    print(f"build.py: {message}", flush=True)


def package_requirements() -> list[str]:
    """The ``package`` extra of pyproject.toml (one place for the PyInstaller version)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["optional-dependencies"]["package"])


def missing_requirements(requirements: list[str]) -> list[str]:
    """Those of ``requirements`` (for this platform) that are not installed in a fitting version."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.requirements import Requirement

    missing = []
    for text in requirements:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        try:
            if version(requirement.name) in requirement.specifier:
                continue
        except PackageNotFoundError:
            pass
        missing.append(text)
    return missing


def ensure_build_tools() -> None:
    """Install what the ``package`` extra lists (PyInstaller; Pillow on Windows and macOS) when missing."""
    missing = missing_requirements(package_requirements())
    if missing:
        _say(f"installing {' '.join(missing)} into {sys.prefix} (the project's package extra)")
        subprocess.run([sys.executable, "-m", "pip", "install", *missing], check=True)


def check_environment() -> list[str]:
    """Refuse what would make a wrong bundle; return warnings for what only makes it bigger."""
    from importlib.metadata import PackageNotFoundError, distribution

    problems, warnings = [], []
    try:
        distribution("article-digest")
    except PackageNotFoundError:
        problems.append('the project is not installed here: pip install -e ".[package]" first')
    try:
        torch_version = distribution("torch").version
        requires = distribution("torch").requires or []
        if any(req.startswith("nvidia-") and "extra ==" not in req for req in requires) and "+cpu" not in torch_version:
            problems.append(
                f"torch {torch_version} is a CUDA build (it would add gigabytes): install the CPU build, "
                "e.g. pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu"
            )
    except PackageNotFoundError:
        problems.append("torch is not installed")
    for addons in ("PySide6-Addons", "PySide6"):
        try:
            distribution(addons)
            warnings.append(f"{addons} is installed: only PySide6-Essentials is needed (the bundle ignores it)")
        except PackageNotFoundError:
            pass
    if problems:
        raise SystemExit("build.py: cannot build:\n  " + "\n  ".join(problems))
    return warnings


def folder_size(path: Path) -> int:
    """Bytes in the files under ``path`` (links not followed, each file counted once)."""
    total, seen = 0, set()
    for folder, _dirs, files in os.walk(path):
        for name in files:
            stat = os.lstat(os.path.join(folder, name))
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_size
    return total


def run_pyinstaller(dist: Path, work: Path, with_models: Path | None, trim: bool) -> None:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC), "--",
    ]
    if with_models is not None:
        command += ["--with-models", str(with_models)]
    if not trim:
        command.append("--no-trim")
    _say("running " + " ".join(command))
    subprocess.run(command, check=True, cwd=ROOT)


def add_linux_integration(bundle: Path) -> None:
    """Put the install script and the .desktop template beside the executables."""
    for name in ("install.sh", f"{NAME}.desktop"):
        shutil.copy2(PACKAGING / "linux" / name, bundle / name)
    os.chmod(bundle / "install.sh", 0o755)


#: Libraries shipped with their symbol tables (and libpython, when built with debug
#: information, as pyenv does). Stripping them loses nothing at run time (the dynamic symbols
#: stay). Only these: libraries repaired by auditwheel (``*.libs/``) were rewritten by patchelf,
#: and strip can corrupt such files.
STRIP = ["_internal/torch/lib/libtorch_cpu.so", "_internal/torch/lib/libtorch_python.so",
         "_internal/torch/lib/libc10.so", "_internal/torch/lib/libshm.so", "_internal/libpython3*.so*"]


def strip_libraries(bundle: Path) -> dict[str, int]:
    """Strip the :data:`STRIP` libraries in place (Linux); returns bytes saved per file."""
    tool = shutil.which("strip")
    if tool is None or not sys.platform.startswith("linux"):
        return {}
    saved = {}
    for pattern in STRIP:
        for path in sorted(bundle.glob(pattern)):
            if path.is_symlink() or not path.is_file():
                continue
            before = path.stat().st_size
            subprocess.run([tool, "--strip-unneeded", str(path)], check=True)
            saved[str(path.relative_to(bundle))] = before - path.stat().st_size
    return saved


def bare_environment(**extra: str) -> dict[str, str]:
    """What a double-click gives: no virtual environment, no PYTHONPATH, no site-packages."""
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "QT_QPA_PLATFORM": "offscreen"}
    for name in ("LANG", "LC_ALL", "TMPDIR"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    env.update(extra)
    return env


def smoke_test(bundle: Path, home: Path | None = None) -> tuple[str, float]:
    """Start the bundled window once with the seed article; return its smoke line and wall time."""
    exe = bundle / (NAME + (".exe" if sys.platform == "win32" else ""))
    extra = {"ARTICLE_DIGEST_HOME": str(home)} if home else {}
    env = bare_environment(**extra) if sys.platform != "win32" else {**os.environ, **extra}
    with tempfile.TemporaryDirectory() as elsewhere:
        started = time.monotonic()
        result = subprocess.run(
            [str(exe), "--smoke-test", str(SEED)], env=env, cwd=elsewhere, capture_output=True, text=True, timeout=300
        )
        wall = time.monotonic() - started
    line = next((text for text in result.stdout.splitlines() if text.startswith("window shown in")), "")
    if result.returncode != 0 or not line:
        raise SystemExit(
            f"build.py: smoke test failed (exit {result.returncode})\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    return line, wall


def make_archive(dist: Path, bundle: Path) -> Path:
    import platform

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    base = dist / f"{NAME}-{version}-{system}-{platform.machine().lower()}"
    fmt = "zip" if sys.platform == "win32" else "gztar"
    _say(f"archiving {bundle} ...")
    return Path(shutil.make_archive(str(base), fmt, root_dir=dist, base_dir=bundle.name))


def make_appimage(dist: Path, bundle: Path) -> Path:
    """An AppImage, when ``appimagetool`` is on PATH (it is in no registry this project uses)."""
    tool = shutil.which("appimagetool")
    if tool is None:
        raise SystemExit("build.py: --appimage needs appimagetool on PATH (see packaging/README.md)")
    appdir = dist / "ArticleDigest.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(bundle, appdir / "usr" / "lib" / NAME, symlinks=True)
    desktop = (PACKAGING / "linux" / f"{NAME}.desktop").read_text(encoding="utf-8").replace("@EXEC@", NAME)
    (appdir / f"{NAME}.desktop").write_text(desktop, encoding="utf-8")
    shutil.copy2(ROOT / "resources" / "app-icon-256.png", appdir / f"{NAME}.png")
    apprun = appdir / "AppRun"
    apprun.write_text(
        '#!/bin/sh\nHERE="$(dirname "$(readlink -f "$0")")"\n'
        f'case "$(basename "${{ARGV0:-$0}}")" in *cli*) exec "$HERE/usr/lib/{NAME}/{CLI_NAME}" "$@";; esac\n'
        f'exec "$HERE/usr/lib/{NAME}/{NAME}" "$@"\n',
        encoding="utf-8",
    )
    apprun.chmod(0o755)
    target = dist / "Article_Digest-x86_64.AppImage"
    subprocess.run([tool, str(appdir), str(target)], check=True, env={**os.environ, "ARCH": "x86_64"})
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--with-models", type=Path, metavar="DIR",
                        help="copy a models folder into the bundle (offline installs); laid out as for --models-dir")
    parser.add_argument("--no-trim", action="store_true", help="keep everything the hooks collect (to measure trimming)")
    parser.add_argument("--no-check", action="store_true", help="skip the smoke test of the built window")
    parser.add_argument("--archive", action="store_true", help="also pack the folder as .tar.gz (.zip on Windows)")
    parser.add_argument("--appimage", action="store_true", help="also make an AppImage (Linux; needs appimagetool)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    args = parser.parse_args(argv)

    if args.with_models is not None and not args.with_models.is_dir():
        parser.error(f"--with-models: {args.with_models} is not a folder")
    if args.appimage and shutil.which("appimagetool") is None:
        parser.error("--appimage needs appimagetool on PATH; it is not packaged on PyPI or in Debian "
                     "(see packaging/README.md)")
    started = time.monotonic()
    ensure_build_tools()
    for warning in check_environment():
        _say(f"warning: {warning}")
    dist, work = args.dist.resolve(), args.work.resolve()
    run_pyinstaller(dist, work, args.with_models.resolve() if args.with_models else None, trim=not args.no_trim)
    bundle = dist / NAME
    trim_report = json.loads((work / NAME / "trim-report.json").read_text(encoding="utf-8"))
    if not args.no_trim:
        stripped = strip_libraries(bundle)
        if stripped:
            trim_report["symbol tables of torch's libraries and libpython (strip)"] = {
                "files": len(stripped), "bytes": sum(stripped.values())}
    if sys.platform.startswith("linux"):
        add_linux_integration(bundle)
    build_seconds = time.monotonic() - started

    size = folder_size(bundle)
    report: dict[str, object] = {
        "platform": sys.platform,
        "bundle": str(bundle),
        "bundle_bytes": size,
        "build_seconds": round(build_seconds, 1),
        "trimmed": trim_report,
        "trimmed_bytes": sum(item["bytes"] for item in trim_report.values()),
        "with_models": str(args.with_models) if args.with_models else None,
    }
    _say(f"built {bundle} in {build_seconds:.0f} s: {size / 1e6:,.0f} MB")
    for reason, item in sorted(trim_report.items(), key=lambda pair: -pair[1]["bytes"]):
        _say(f"  trimmed {item['bytes'] / 1e6:7.1f} MB in {item['files']:4} files: {reason}")
    if not args.no_check:
        with tempfile.TemporaryDirectory() as home:
            line, wall = smoke_test(bundle, Path(home))
        _say(f"smoke test: {line} (process ran {wall:.1f} s)")
        report["smoke_line"] = line
    if args.archive:
        archive = make_archive(dist, bundle)
        report["archive"] = str(archive)
        _say(f"archive: {archive} ({archive.stat().st_size / 1e6:,.0f} MB)")
    if args.appimage:
        image = make_appimage(dist, bundle)
        report["appimage"] = str(image)
        _say(f"AppImage: {image}")
    (work / "build-report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
