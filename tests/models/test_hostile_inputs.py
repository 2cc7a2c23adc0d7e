"""A folder of hostile inputs swept through the real ``article-digest-cli``.

Every input gets exactly one line on stderr (an error naming it, or "wrote ..." for those that
digest; a "note:" only where the app prints notices anyway), never a traceback, the right exit
status, and nothing is written outside the output folder. The inputs that fail at reading go
through one CLI run (no model is loaded for them); those that digest through a second one.
"""

from __future__ import annotations

import json
import os
import random
import zipfile
from pathlib import Path

import pytest

from models.documents.export import printable
from tests.models._document_samples import RUSSIAN_PARAGRAPHS, make_pdf
from tests.models.test_cli import cli
from tests.models.test_documents import SURROGATE_PDF_LINES, make_pdf_with_tounicode

SHORT_ARTICLE = "Russia and the US held talks about Syria on Friday. Both sides want calm, officials said.\n"
ERROR = "article-digest-cli: error: "


def _failing_inputs(folder: Path) -> dict[str, str]:
    """Make the inputs that cannot be read; returns file name -> what its error line says."""
    expected: dict[str, str] = {}

    def add(name: str, data: bytes | str, reason: str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = reason

    add("junk.txt", random.Random(7).randbytes(20_000), "looks like binary data")
    archive = folder / "archive.docx"  # a zip, but not a Word document
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("notes.txt", "Not a Word document.")
    expected[archive.name] = "is not a Word document"
    pdf = make_pdf([["A first line of text.", "A second line."]])
    add("truncated.pdf", pdf[: len(pdf) // 2], "is not a valid PDF")
    add("header-only.pdf", b"%PDF-1.7\n", "is not a valid PDF")
    add("blank.txt", "   \n\t\n\u3000  \n", "has no text")
    add("zero.md", b"", "is empty")
    add("one-line.txt", " ".join(["word"] * 40_000), "does not look like prose")
    add("one-word.txt", "a" * 200_000, "does not look like prose: its longest word has 200,000 characters")
    add("page.pdf", "<!DOCTYPE html><html><body><p>A web page, named .pdf.</p></body></html>", "is a web page, not a PDF")
    add("empty\nname.txt", b"", "is empty")
    add("esc\x1b]0;pwned\x07\x1b[2J.txt", b"", "is empty")
    add("\u202eevil\u202c.txt", b"\x00\x01\x02\x03" * 100, "looks like binary data")
    add("images.md", "![a picture](picture.png)\n\n![another](other.png)\n", "has no text")
    add("scripts.html", "<html><body><script>var a = 1;</script></body></html>", "has no article text")
    add("tool.exe", b"MZ\x90\x00", "unsupported file type '.exe'")
    os.symlink("loop.txt", folder / "loop.txt")  # a link to itself
    expected["loop.txt"] = "cannot be opened (Too many levels of symbolic links)"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.txt")  # read, it would wait for a writer for ever
        expected["fifo.txt"] = "is not a regular file"
    expected["missing.txt"] = "file not found"  # given, never made
    return expected


def _digestible_inputs(folder: Path) -> dict[str, tuple[bool, str]]:
    """Make the hostile inputs that still digest; returns file name -> (whether a note is due,
    the name of its digest: made safe, with no control, bidi or undecodable character)."""
    made = {
        # UTF-16 without a BOM.
        "utf16.txt": (SHORT_ARTICLE.encode("utf-16-le"), False, "utf16.digest.json"),
        # A PDF whose ToUnicode map yields lone surrogates.
        "surrogates.pdf": (make_pdf_with_tounicode(SURROGATE_PDF_LINES, {b"a": "D800"}), False, "surrogates.digest.json"),
        # Escape sequences and a line break in the name of a real article.
        "news\x1b]0;pwned\x07\n.txt": (SHORT_ARTICLE.encode("utf-8"), False, "news ]0;pwned.digest.json"),
        # Right-to-left override: the name would read backwards.
        "report\u202etxt.exe.txt": (SHORT_ARTICLE.encode("utf-8"), False, "report txt.exe.digest.json"),
        # A name that is not UTF-8 (Python keeps the byte as a lone surrogate).
        os.fsdecode(b"caf\xe9.txt"): (SHORT_ARTICLE.encode("utf-8"), False, "caf.digest.json"),
        # Not English: the app's notice is the one "note:" line allowed.
        "russian.txt": ("\n\n".join(RUSSIAN_PARAGRAPHS).encode("utf-8"), True, "russian.digest.json"),
    }
    for name, (data, _note, _output) in made.items():
        (folder / name).write_bytes(data)
    return {name: (note, output) for name, (_data, note, output) in made.items()}


def _tree(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under ``root`` (links not followed, nothing opened): kind, size, mtime."""
    found: dict[str, tuple[str, int, int]] = {}
    for folder, folders, files in os.walk(root, followlinks=False):
        for name in folders + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            kind = "link" if os.path.islink(path) else "dir" if os.path.isdir(path) else "other"
            found[os.path.relpath(path, root)] = (kind, info.st_size if kind != "dir" else 0, info.st_mtime_ns)
    return found


def _assert_clean(stderr: str, stdout: str) -> list[str]:
    assert "Traceback" not in stderr + stdout
    assert not any(char in stderr for char in "\x1b\x07\u202e\u202c\ufffd"), stderr
    return stderr.splitlines()


def test_inputs_that_cannot_be_read_give_one_line_each(tmp_path: Path, tiny_models_dir: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    expected = _failing_inputs(inputs)
    out = tmp_path / "out"
    out.mkdir()

    (inputs / "folder.txt").mkdir()  # a directory named like an article: a folder, with nothing in it
    before = _tree(tmp_path)

    given = [str(inputs / name) for name in expected] + [str(inputs / "folder.txt")]
    result = cli(*given, "--models-dir", str(tiny_models_dir), "--out", str(out), timeout=120)

    assert result.returncode == 1
    lines = _assert_clean(result.stderr, result.stdout)
    assert len(lines) == len(expected) + 2, result.stderr  # and the empty folder's note, and the summary
    for name, reason in expected.items():
        mine = [line for line in lines if line.startswith(f"{ERROR}{printable(name)}: ")]
        assert len(mine) == 1 and reason in mine[0], (name, result.stderr)
    assert [line for line in lines if "folder.txt" in line] == [
        "article-digest-cli: note: 'folder.txt' holds no articles (.txt, .md, .markdown, .html, .htm, .docx, .pdf, .url, .webloc)"
    ]
    assert lines[-1].startswith(f"article-digest-cli: 0 digested, {len(expected)} failed (")
    assert _tree(tmp_path) == before  # nothing written, in the inputs or the output folder


def test_hostile_inputs_that_digest_give_one_line_each(tmp_path: Path, tiny_models_dir: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    notes = _digestible_inputs(inputs)
    out = tmp_path / "out"
    before = _tree(inputs)

    args = [str(inputs / name) for name in notes]
    result = cli(*args, "--to", "ru", "--profile", "fast", "--models-dir", str(tiny_models_dir), "--out", str(out))

    assert result.returncode == 0, result.stderr
    lines = _assert_clean(result.stderr, result.stdout)
    for name, (note, output) in notes.items():
        target = out / output
        shown = printable(str(inputs / name))
        assert [line for line in lines if line.startswith(f"{shown}: ")] == [f"{shown}: wrote {printable(str(target))}"]
        assert len([line for line in lines if f": note: {shown}: " in line]) == (1 if note else 0), result.stderr
        digest = json.loads(target.read_bytes().decode("utf-8"))  # strict UTF-8: valid Unicode throughout
        assert digest["summary"].strip() and digest["summary_translations"]["ru"].strip()
    assert lines[-1] == f"article-digest-cli: {len(notes)} digested, 0 failed"
    assert len(lines) == len(notes) + sum(note for note, _output in notes.values()) + 1
    assert _tree(inputs) == before
    assert sorted(os.listdir(out)) == sorted(output for _note, output in notes.values())  # no temporary files
    assert "\ufffd" in json.loads((out / "surrogates.digest.json").read_text(encoding="utf-8"))["text"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_given_as_the_output_is_refused(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    fifo = tmp_path / "digest.json"
    os.mkfifo(fifo)
    result = cli(str(article), "--models-dir", str(tiny_models_dir), "--out", str(fifo), timeout=60)
    assert result.returncode == 1
    lines = _assert_clean(result.stderr, result.stdout)
    assert len(lines) == 1 and lines[0].startswith(ERROR) and "digest.json already exists" in lines[0]
