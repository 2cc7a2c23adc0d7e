"""models.documents.history: add, list newest first, load round-trip, remove, corrupt files skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from models.documents.history import History, HistoryEntry, HistoryError
from models.common.paths import history_dir
from models.common.types import Article, Digest, DigestError, ModelCredit


def make_digest(title: str, summary: str = "A summary.") -> Digest:
    return Digest(
        article=Article(
            title=title, text="First paragraph.\n\nSecond.", source_path=f"/news/{title[:5]}.txt", language="en"
        ),
        summary=summary,
        summary_translations={"ru": "Краткое содержание.", "ar": "ملخص."},
        article_translations={"ar": "نص المقال."},
        models=(ModelCredit("summary", "org/model", "MIT"),),
        seconds=1.5,
        created="2024-05-01T10:00:00+00:00",
    )


def test_default_root_is_the_per_user_history_folder(isolated_user_dirs: Path) -> None:
    history = History()
    assert history.root == history_dir()
    assert str(history.root).startswith(str(isolated_user_dirs))
    assert history.entries() == []  # the folder does not exist yet
    entry = history.add(make_digest("Stored by default"))
    assert entry.path.parent == history_dir()


def test_add_list_load_round_trip(tmp_path: Path) -> None:
    history = History(tmp_path / "history")
    digests = [
        make_digest(title, f"Summary {n}.")
        for n, title in enumerate(["Talks resume in Genève!", "Переговоры", "Third"])
    ]
    added = [history.add(digest) for digest in digests]

    entries = history.entries()
    assert entries == list(reversed(added))  # newest first
    assert [entry.title for entry in entries] == ["Third", "Переговоры", "Talks resume in Genève!"]
    first = added[0]
    assert isinstance(first, HistoryEntry)
    assert first.created == "2024-05-01T10:00:00+00:00"
    assert first.source_path == "/news/Talks.txt"
    assert first.path.name == f"{first.id}.json" and first.path.is_file()
    assert first.id.endswith("-talks-resume-in-geneve")
    assert not added[1].id.endswith("-")  # a title with no ASCII letters: a time stamp only
    with pytest.raises(AttributeError):
        first.title = "changed"  # type: ignore[misc]

    for entry, digest in zip(added, digests):
        assert history.load(entry.id) == digest
    assert json.loads(first.path.read_text(encoding="utf-8")) == digests[0].to_json_dict()


def test_same_title_at_once_never_collides(tmp_path: Path) -> None:
    history = History(tmp_path)
    entries = [history.add(make_digest("Same")) for _ in range(20)]
    assert len({entry.id for entry in entries}) == 20
    assert [entry.id for entry in history.entries()] == [entry.id for entry in reversed(entries)]


def test_remove(tmp_path: Path) -> None:
    history = History(tmp_path)
    keep, drop = history.add(make_digest("Keep")), history.add(make_digest("Drop"))
    history.remove(drop.id)
    assert history.entries() == [keep]
    assert not drop.path.exists()
    with pytest.raises(HistoryError, match="no digest"):
        history.remove(drop.id)
    with pytest.raises(HistoryError, match="no digest"):
        history.load(drop.id)


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "", "x/y", "20240101T000000-000000Z/../z", "a.json"])
def test_ids_that_the_history_did_not_make_are_refused(tmp_path: Path, bad_id: str) -> None:
    history = History(tmp_path)
    with pytest.raises(HistoryError):
        history.load(bad_id)
    with pytest.raises(HistoryError):
        history.remove(bad_id)
    assert issubclass(HistoryError, DigestError)


def test_corrupt_and_foreign_files_are_skipped(tmp_path: Path) -> None:
    history = History(tmp_path)
    good = history.add(make_digest("Good"))
    stamp = "20990101T000000-000000Z"  # would sort first if it were listed
    (tmp_path / f"{stamp}-truncated.json").write_text('{"title": "Half', encoding="utf-8")
    (tmp_path / f"{stamp}-list.json").write_text("[1, 2, 3]", encoding="utf-8")
    (tmp_path / f"{stamp}-missing-keys.json").write_text('{"title": "No summary"}', encoding="utf-8")
    (tmp_path / f"{stamp}-binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / f"{stamp}-folder.json").mkdir()
    (tmp_path / "notes.json").write_text(json.dumps(make_digest("Foreign").to_json_dict()), encoding="utf-8")
    (tmp_path / f".{good.path.name}.0123456789ab.tmp").write_text("left by a killed writer", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("not a digest", encoding="utf-8")

    assert history.entries() == [good]
    with pytest.raises(HistoryError, match="truncated"):
        history.load(f"{stamp}-truncated")
    with pytest.raises(HistoryError):
        history.load(f"{stamp}-missing-keys")


def test_damaged_entries_are_skipped_and_text_is_valid_unicode(tmp_path: Path) -> None:
    history = History(tmp_path)
    good = history.add(make_digest("Good"))
    data = make_digest("Good").to_json_dict()
    stamp = "20990101T000000-000000Z"  # would sort first if it were listed
    damaged = {
        "number-title": {**data, "title": 5},
        "null-summary": {**data, "summary": None},
        "number-source": {**data, "source_path": 7},
        "list-created": {**data, "created": ["2024"]},
    }
    for name, value in damaged.items():
        (tmp_path / f"{stamp}-{name}.json").write_text(json.dumps(value), encoding="utf-8")
    (tmp_path / f"{stamp}-list.json").write_text(json.dumps([data]), encoding="utf-8")
    # A lone surrogate ("\ud800" in the file) in the title and the text: listed, made valid.
    surrogate = "20990101T000000-000001Z-surrogate"
    (tmp_path / f"{surrogate}.json").write_text(
        json.dumps({**data, "title": "Lone \ud800 title", "text": "Text \udce9."}), encoding="utf-8"
    )

    entries = history.entries()
    assert [entry.id for entry in entries] == [surrogate, good.id]
    assert entries[0].title == "Lone \ufffd title"
    assert history.load(surrogate).article.text == "Text \ufffd."
    with pytest.raises(HistoryError, match="damaged.*title"):
        history.load(f"{stamp}-number-title")
    with pytest.raises(HistoryError, match="damaged.*source_path"):
        history.load(f"{stamp}-number-source")
    with pytest.raises(HistoryError, match="not a digest file"):
        history.load(f"{stamp}-list")
    # A digest holding a lone surrogate (not from read_article) is kept, valid.
    kept = history.add(make_digest("Bad \udc80 bytes"))
    assert history.load(kept.id).article.title == "Bad \ufffd bytes"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_folder_never_blocks(tmp_path: Path) -> None:
    import threading

    history = History(tmp_path)
    good = history.add(make_digest("Good"))
    fifo = "20990101T000000-000000Z-fifo"
    os.mkfifo(tmp_path / f"{fifo}.json")  # opened for reading without a writer, it waits for ever
    outcome: dict[str, object] = {}

    def work() -> None:
        outcome["entries"] = history.entries()
        try:
            history.load(fifo)
        except HistoryError as error:
            outcome["load"] = str(error)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "listing or loading waited on a FIFO"
    assert outcome["entries"] == [good]
    assert "not a regular file" in str(outcome["load"])


def test_unwritable_history_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "history"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(HistoryError, match="cannot save to the history"):
        History(blocker).add(make_digest("Nowhere"))
    assert History(blocker).entries() == []


def test_listing_again_reads_only_new_or_changed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    history = History(tmp_path)
    first = history.add(make_digest("First"))
    assert history.entries() == [first]
    reads: list[str] = []
    original = History._read

    def counting_read(path: Path) -> Digest:
        reads.append(path.stem)
        return original(path)

    monkeypatch.setattr(History, "_read", staticmethod(counting_read))
    second = history.add(make_digest("Second"))
    assert history.entries() == [second, first]
    assert reads == []  # an entry the history added itself is in its index
    (tmp_path / ".index.json").unlink()
    history = History(tmp_path)  # another process, say, whose index is lost: rebuilt from the files
    assert history.entries() == [second, first]
    assert reads == [second.id, first.id]
    reads.clear()
    third = History(tmp_path).add(make_digest("Third"))  # added by another History object
    assert history.entries() == [third, second, first]
    assert reads == [third.id]
    # A file changed behind the history's back is read again.
    data = json.loads(first.path.read_text(encoding="utf-8"))
    data["title"] = "First, renamed by hand"
    first.path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(first.path, ns=(1, 1))
    assert [entry.title for entry in history.entries()] == ["Third", "Second", "First, renamed by hand"]
    assert reads == [third.id, first.id]


def test_a_reopened_digest_keeps_its_sentence_links_and_flags(tmp_path: Path) -> None:
    from models.common.types import Alignment, SentenceFlag, SentenceLink

    summary = "About 900 US troops remain in Syria."
    russian = "Около 900 американских военных остаются в Сирии."
    digest = Digest(
        article=Article(title="Troops", text="Officials said about 900 US troops remain in Syria. Talks go on."),
        summary=summary,
        summary_translations={"ru": russian},
        alignments={
            "summary": Alignment("article", (SentenceLink((0, len(summary)), ((0, 51),), 0.82),)),
            "summary:ru": Alignment(
                "summary",
                (SentenceLink((0, len(russian)), ((0, len(summary)),)),),
                (SentenceFlag((0, len(russian)), "low-confidence", "The translation model was unsure of this sentence."),),
            ),
        },
    )
    history = History(tmp_path)
    entry = history.add(digest)
    reopened = history.load(entry.id)
    assert reopened.alignments == digest.alignments
    assert reopened.flag_count == 1


def test_the_newest_few_are_listed_without_reading_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The History menu lists the newest dozen: with thousands of entries and no index, it
    reads those twelve files, not every one; a full listing then reads only the others, and
    a new History (the next start) none, from the index."""
    history = History(tmp_path)
    data = json.dumps(make_digest("Old").to_json_dict())
    for number in range(300):
        (tmp_path / f"20240101T000000-{number:06d}Z-old.json").write_text(data, encoding="utf-8")
    reads: list[str] = []
    original = History._read

    def counting_read(path: Path) -> Digest:
        reads.append(path.stem)
        return original(path)

    monkeypatch.setattr(History, "_read", staticmethod(counting_read))
    newest = history.entries(limit=12)
    assert [entry.id for entry in newest] == [f"20240101T000000-{number:06d}Z-old" for number in range(299, 287, -1)]
    assert len(reads) == 12
    assert len(history.entries()) == 300 and len(reads) == 300
    reads.clear()
    assert History(tmp_path).entries(limit=12) == newest and History(tmp_path).entries()[:12] == newest
    assert reads == []
    # A damaged index is no loss: the files are read again.
    (tmp_path / ".index.json").write_bytes(b"\x00garbage")
    assert History(tmp_path).entries(limit=3) == newest[:3] and len(reads) == 3
    # Removing an entry takes it out of the index too.
    history.remove(newest[0].id)
    assert History(tmp_path).entries(limit=1) == newest[1:2]


def test_a_revised_digest_replaces_its_entry_and_reopens_with_its_edits(tmp_path: Path) -> None:
    from dataclasses import replace

    from models.common.types import SentenceRevision, TextRevision

    history = History(tmp_path)
    digest = make_digest("Talks")
    entry = history.add(digest)
    ru = digest.summary_translations["ru"]
    edited = replace(
        digest,
        summary_translations={**digest.summary_translations, "ru": "Правка. " + ru},
        revisions={"summary:ru": TextRevision(ru, (SentenceRevision((0, 7), "edited", ""),))},
    )
    replaced = history.replace(entry.id, edited)
    assert replaced.id == entry.id and [item.id for item in history.entries()] == [entry.id]
    reopened = history.load(entry.id)
    assert reopened.summary_translations["ru"].startswith("Правка. ")
    assert reopened.revisions == edited.revisions and reopened.machine_text("summary:ru") == ru
    with pytest.raises(HistoryError, match="no digest"):
        history.replace("20240101T000000-000000Z-gone", edited)
