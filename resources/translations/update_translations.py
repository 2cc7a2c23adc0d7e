"""Bring the interface's translations up to date with the code, then build them.

    .venv/bin/python resources/translations/update_translations.py [--check]

1. ``pyside6-lupdate`` reads every ``translate(...)``/``QT_TRANSLATE_NOOP(...)`` in ``desktop/``
   and ``models/`` (the core marks the text it writes for people where it writes it, with its
   own Qt-free ``QT_TRANSLATE_NOOP``: ``models/common/translatable.py``) into ``article_digest_ru.ts`` and ``article_digest_ar.ts`` (new strings come in unfinished,
   strings gone from the code are dropped) and the plural forms alone into
   ``article_digest_en.ts`` (English needs them too: "%n articles" must read "1 article").
2. ``pyside6-lrelease`` builds each ``.ts`` into the ``.qm`` file the app loads.

Translate the new strings in Qt Linguist (``pyside6-linguist``) or any editor between the two
steps, then run this again. The ``.qm`` files are committed: the app runs from a checkout and
an editable install with no build step, and ``tests/desktop/test_translations.py`` fails when
a ``.qm`` differs from what ``lrelease`` makes of its ``.ts`` (``--check`` builds nothing and
says whether anything is out of date).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BIN = Path(sys.executable).parent
CATALOGUE = "article_digest"
#: The folders whose marked strings the catalogues hold.
SOURCES = (REPO / "desktop", REPO / "models")
#: Each catalogue's language and whether it holds the plural forms only.
LANGUAGES = {"en": True, "ru": False, "ar": False}


def lupdate(ts_file: Path, plurals_only: bool) -> None:
    command = [str(BIN / "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-extensions", "py",
               *map(str, SOURCES), "-ts", str(ts_file)]
    if plurals_only:
        command.insert(1, "-pluralonly")
    subprocess.run(command, check=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a .ts or .qm file is out of date")
    args = parser.parse_args(argv)
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for language, plurals_only in LANGUAGES.items():
            ts_file = HERE / f"{CATALOGUE}_{language}.ts"
            qm_file = ts_file.with_suffix(".qm")
            if args.check:
                fresh_ts, fresh_qm = Path(scratch) / ts_file.name, Path(scratch) / qm_file.name
                fresh_ts.write_bytes(ts_file.read_bytes() if ts_file.exists() else b"")
                lupdate(fresh_ts, plurals_only)
                lrelease(ts_file, fresh_qm)
                if fresh_ts.read_bytes() != ts_file.read_bytes():
                    stale.append(ts_file.name)
                if not qm_file.exists() or fresh_qm.read_bytes() != qm_file.read_bytes():
                    stale.append(qm_file.name)
                continue
            lupdate(ts_file, plurals_only)
            lrelease(ts_file, qm_file)
    for name in stale:
        print(f"out of date: {name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
