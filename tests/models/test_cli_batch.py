"""``article-digest-cli`` on many articles at once, driven as a user would: folders of good and
bad files, ``--out-dir``, ``--format jsonl``, web links and saved links, the closing summary,
the exit status, and the progress bars on a terminal."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import random
import socket
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from models.common.types import Article
from tests.conftest import REPO_ROOT
from tests.models.test_cli import SHORT_ARTICLE, cli, cli_command
from tests.models.test_fetch import ARTICLE_TITLE, Site, article_page, closed_port_url

OTHER_ARTICLE = "Officials in Geneva said on Tuesday that the talks would go on. Aid convoys are ready.\n"
ERROR = "article-digest-cli: error: "


def fast(tiny_models_dir: Path) -> list[str]:
    return ["--to", "ru", "--profile", "fast", "--models-dir", str(tiny_models_dir), "--no-history"]


def make_inbox(root: Path) -> tuple[Path, dict[str, str]]:
    """A folder as people have them: good articles (two of them named alike), bad ones, and
    files that are not articles. Returns it and, for each bad file, what its error says."""
    inbox = root / "inbox"
    (inbox / "monday").mkdir(parents=True)
    (inbox / ".cache").mkdir()
    (inbox / "talks.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    (inbox / "monday" / "talks.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    (inbox / "Geneva.md").write_text("# Geneva\n\n" + OTHER_ARTICLE, encoding="utf-8")
    (inbox / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (inbox / "scan.pdf").write_bytes(random.Random(3).randbytes(3000))
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (inbox / ".cache" / "old.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    (inbox / ".notes.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    return inbox, {"blank.txt": "has no text", "scan.pdf": "is not a valid PDF"}


def test_a_folder_of_good_and_bad_articles_into_an_output_folder(tmp_path: Path, tiny_models_dir: Path) -> None:
    inbox, bad = make_inbox(tmp_path)
    out = tmp_path / "digests" / "today"  # made, parents too
    result = cli(str(inbox), *fast(tiny_models_dir), "--format", "md", "--out-dir", str(out))

    assert result.returncode == 1  # some failed
    assert "Traceback" not in result.stderr and "ETA" not in result.stderr and "\r" not in result.stderr  # no bars off a terminal
    lines = result.stderr.splitlines()
    expected_written = {
        inbox / "Geneva.md": out / "Geneva.digest.md",
        inbox / "monday" / "talks.txt": out / "talks.digest.md",  # "monday" sorts first
        inbox / "talks.txt": out / "talks-2.digest.md",  # the same name again: never overwritten
    }
    assert [line for line in lines if ": wrote " in line] == [f"{source}: wrote {target}" for source, target in expected_written.items()]
    for name, reason in bad.items():  # one line each, naming the file
        assert len([line for line in lines if line.startswith(f"{ERROR}{name}: {reason}")]) == 1, result.stderr
    assert "article-digest-cli: note: 1 file in 'inbox' is not an article and was skipped" in lines
    assert lines[-1] == "article-digest-cli: 3 digested, 2 failed (blank.txt: has no text (it is empty or only whitespace); " + next(
        line[len(ERROR) :] for line in lines if line.startswith(f"{ERROR}scan.pdf")
    ) + ")"
    assert len(lines) == 3 + 2 + 1 + 1  # written, failed, the note, the summary: nothing else
    assert sorted(path.name for path in out.iterdir()) == sorted(target.name for target in expected_written.values())  # no temporary files
    assert "Officials in Geneva" in (out / "talks.digest.md").read_text(encoding="utf-8")
    assert "Russia and the US held talks" in (out / "talks-2.digest.md").read_text(encoding="utf-8")

    # Again into the same folder: nothing is overwritten without --overwrite, one line each.
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    again = cli(str(inbox / "talks.txt"), str(inbox / "Geneva.md"), *fast(tiny_models_dir), "--format", "md", "--out-dir", str(out))
    assert again.returncode == 1
    assert again.stderr.splitlines() == [
        f"{ERROR}{inbox / 'talks.txt'}: {out / 'talks.digest.md'} already exists (use --overwrite to replace it)",
        f"{ERROR}{inbox / 'Geneva.md'}: {out / 'Geneva.digest.md'} already exists (use --overwrite to replace it)",
        f"article-digest-cli: 0 digested, 2 failed ({inbox / 'talks.txt'}: {out / 'talks.digest.md'} already exists (use --overwrite to replace it); "
        f"{inbox / 'Geneva.md'}: {out / 'Geneva.digest.md'} already exists (use --overwrite to replace it))",
    ]
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    replaced = cli(str(inbox / "talks.txt"), *fast(tiny_models_dir), "--format", "md", "--out-dir", str(out), "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert "Russia and the US held talks" in (out / "talks.digest.md").read_text(encoding="utf-8")
    assert sorted(path.name for path in out.iterdir()) == sorted(before)


def test_jsonl_streams_one_digest_per_line_from_files_and_links(tmp_path: Path, tiny_models_dir: Path) -> None:
    good, blank = tmp_path / "good.txt", tmp_path / "blank.txt"
    good.write_text(SHORT_ARTICLE, encoding="utf-8")
    blank.write_text(" \n", encoding="utf-8")
    single = cli(str(good), *fast(tiny_models_dir), "--format", "json")
    assert single.returncode == 0, single.stderr
    json_keys = set(json.loads(single.stdout))

    with Site() as site:
        site.page("/talks", article_page())
        shortcut = tmp_path / "saved talks.url"
        shortcut.write_text(f"[InternetShortcut]\nURL={site.url}/talks\n", encoding="utf-8")
        unreachable = closed_port_url()
        missing_page = f"{site.url}/gone"
        result = cli(str(good), f"{site.url}/talks", str(blank), str(shortcut), unreachable, missing_page, *fast(tiny_models_dir), "--format", "jsonl")

    assert result.returncode == 1
    digests = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.stdout.endswith("\n") and len(result.stdout.splitlines()) == 3
    assert all(set(digest) == json_keys for digest in digests)  # the same keys as --format json
    assert [digest["source_path"] for digest in digests] == [str(good), f"{site.url}/talks", f"{site.url}/talks"]
    assert digests[1]["title"] == ARTICLE_TITLE and digests[1]["summary_translations"]["ru"].strip()
    lines = result.stderr.splitlines()
    host = unreachable.split("/")[2]
    assert lines == [
        f"{ERROR}blank.txt: has no text (it is empty or only whitespace)",
        f"{ERROR}{unreachable}: Could not reach {host}: the connection was refused (no server there?)",
        f"{ERROR}{missing_page}: the server answered 404 Not Found",
        f"article-digest-cli: 3 digested, 3 failed (blank.txt: has no text (it is empty or only whitespace); "
        f"{unreachable}: Could not reach {host}: the connection was refused (no server there?); {missing_page}: the server answered 404 Not Found)",
    ]


def test_links_get_output_names_from_their_titles(tmp_path: Path, tiny_models_dir: Path) -> None:
    out = tmp_path / "out"
    with Site() as site:
        site.page("/a", article_page('Talks: "calm" / aid?'))
        site.page("/b", article_page('Talks: "calm" / aid?'))  # the same title
        result = cli(f"{site.url}/a", f"{site.url}/b", *fast(tiny_models_dir), "--format", "txt", "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    # Nothing a file system refuses (Windows' reserved characters, a separator), no collision.
    assert sorted(os.listdir(out)) == ["Talks calm aid-2.digest.txt", "Talks calm aid.digest.txt"]


def test_output_names_are_safe_anywhere() -> None:
    from models.cli.commands import _Input, _output_name

    def name(title: str, taken: set[str] | None = None) -> str:
        link = _Input(label="https://example.com/a", url="https://example.com/a")
        return _output_name(link, Article(title=title, text="Text."), "md", taken if taken is not None else set())

    assert name("../../etc/passwd") == "etc passwd.digest.md"  # no separator, no leading dot
    assert name("CON") == "CON_.digest.md"  # a Windows device name
    assert name("Evil\u202etxt.exe\x1b[2J  ") == "Evil txt.exe [2J.digest.md"  # no bidi override, no escape
    assert name("Untitled") == "example.com.digest.md"  # no title: the site's name
    long = name("Переговоры " * 40)
    assert len(os.fsencode(long)) <= 255 and long.endswith(".digest.md")
    assert name("News", {"news.digest.md", "news-2.digest.md"}) == "News-3.digest.md"  # as a case-blind file system sees it


def test_usage_errors_and_nothing_to_digest(tmp_path: Path) -> None:
    both = cli(str(tmp_path), "--out", str(tmp_path / "a"), "--out-dir", str(tmp_path / "b"), timeout=60)
    assert (both.returncode, both.stderr) == (2, "article-digest-cli: error: give --out or --out-dir, not both\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    nothing = cli(str(tmp_path), timeout=60)
    assert nothing.returncode == 1
    assert nothing.stderr.splitlines() == [
        f"article-digest-cli: note: 1 file in '{tmp_path.name}' is not an article and was skipped",
        f"article-digest-cli: note: '{tmp_path.name}' holds no articles (.txt, .md, .markdown, .html, .htm, .docx, .pdf, .url, .webloc)",
        f"{ERROR}nothing to digest (no article among the inputs)",
    ]


def test_models_load_once_for_the_whole_batch(tmp_path: Path, tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.cli import commands as cli_module
    from models.digest import pipeline as pipeline_module

    for number in range(3):
        (tmp_path / f"article-{number}.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    made: list[object] = []
    original = pipeline_module.DigestPipeline.__init__

    def remembering_init(self: object, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(self)

    monkeypatch.setattr(pipeline_module.DigestPipeline, "__init__", remembering_init)
    status = cli_module.main([str(tmp_path), "--to", "ru,ar", "--profile", "fast", "--models-dir", str(tiny_models_dir), "--no-history", "--out-dir", str(tmp_path / "out")])
    assert status == 0
    assert len(made) == 1 and made[0].load_count == 3  # type: ignore[attr-defined]  # summariser, Russian, Arabic: once each
    assert len(os.listdir(tmp_path / "out")) == 3


def test_a_terminal_shows_the_article_and_batch_progress_with_an_eta(tmp_path: Path, tiny_models_dir: Path) -> None:
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text(SHORT_ARTICLE * 3, encoding="utf-8")
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal has a size
    process = subprocess.Popen(
        [*cli_command(), str(tmp_path / "first.txt"), str(tmp_path / "second.txt"), *fast(tiny_models_dir), "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=terminal, cwd=REPO_ROOT, env=os.environ.copy(),
    )  # fmt: skip
    os.close(terminal)
    shown = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the program has ended and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    stdout = process.stdout.read()  # type: ignore[union-attr]
    assert process.wait(60) == 0
    text = shown.decode("utf-8", "replace")
    assert "[1/2] first.txt" in text and "[2/2] second.txt" in text  # each article's bar
    assert "0 of 2 done" in text and "1 of 2 done" in text and "ETA" in text  # the batch's, with its ETA
    assert "Summarising" in text
    assert text.rstrip().endswith("article-digest-cli: 2 digested, 0 failed")  # the bars are gone at the end
    assert len([json.loads(line) for line in stdout.splitlines()]) == 2  # stdout is the digests alone


def test_ctrl_c_while_a_page_is_awaited_stops_at_once(tmp_path: Path, tiny_models_dir: Path) -> None:
    from tests.models.test_cli import STOP_WITHIN_S, _interrupt

    listener = socket.socket()  # takes the connection, never answers
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/talks"
        result, stopped_s = _interrupt([url, *fast(tiny_models_dir), "--out-dir", str(tmp_path / "out")], after_s=2.0)
    finally:
        listener.close()
    assert (result.returncode, result.stderr, result.stdout) == (130, "article-digest-cli: interrupted\n", "")
    assert stopped_s < STOP_WITHIN_S
    assert list((tmp_path / "out").iterdir()) == []
