"""models.documents.language_model: py3langid's model from a memory-mapped copy in the user cache
gives py3langid's own results; the copy is made once, and anything wrong with it falls back."""

from __future__ import annotations

import errno
import logging
import os
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from tests.models._document_samples import ARABIC_PARAGRAPHS, ENGLISH_PARAGRAPHS, RUSSIAN_PARAGRAPHS
from models.common.paths import user_cache_dir
from models.documents import language_model
from models.documents import read as documents

SAMPLES = {
    "en": "\n\n".join(ENGLISH_PARAGRAPHS),
    "ru": "\n\n".join(RUSSIAN_PARAGRAPHS),
    "ar": "\n\n".join(ARABIC_PARAGRAPHS),
    "de": (
        "Die Regierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt. Nach Angaben des "
        "Finanzministeriums sollen die Ausgaben für Bildung und Forschung im kommenden Jahr deutlich "
        "steigen, während bei der Verwaltung gespart werden soll."
    ),
    "fr": (
        "Le gouvernement a présenté mercredi un nouveau projet de budget. Selon le ministère des "
        "Finances, les dépenses consacrées à l'éducation et à la recherche augmenteront nettement "
        "l'an prochain, tandis que l'administration devra faire des économies."
    ),
}


@pytest.fixture(scope="module")
def reference() -> Any:
    """py3langid's own identifier, from its compressed file."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def copies() -> list[Path]:
    return sorted(language_model.cache_folder().iterdir())


def snapshot(copy: Path) -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in sorted(copy.iterdir())}


def assert_mapped(identifier: Any) -> None:
    assert isinstance(identifier.tk_nextmove, memoryview) and identifier.tk_nextmove.readonly
    assert not identifier.nb_ptc.flags.owndata and not identifier.nb_ptc.flags.writeable


def assert_same_results(identifier: Any, reference: Any) -> None:
    for language, text in SAMPLES.items():
        ranking, expected = identifier.rank(text), reference.rank(text)
        assert [label for label, _ in ranking] == [label for label, _ in expected]
        assert np.allclose([score for _, score in ranking], [score for _, score in expected], rtol=0, atol=1e-6)
        assert ranking[0][0] == language
        # py3langid's own code at 10,000 characters, the most a detection samples
        long_text = (text * (10_000 // len(text) + 1))[:10_000]
        assert identifier.classify(long_text) == pytest.approx(reference.classify(long_text), abs=1e-6)


def test_the_mapped_copy_gives_py3langids_own_results(reference: Any) -> None:
    identifier = language_model.load_identifier()
    assert_mapped(identifier)
    (copy,) = copies()
    assert copy.parent.parent == user_cache_dir()
    assert sorted(path.name for path in copy.iterdir()) == sorted(f"{name}.npy" for name in language_model._ARRAYS)
    assert_same_results(identifier, reference)


def test_a_second_load_reuses_the_copy_and_a_stale_one_goes(reference: Any) -> None:
    folder = language_model.cache_folder()
    stale = folder / "py3langid-0.0.1-123-456"
    stale.mkdir(parents=True)
    (stale / "ptc.npy").write_bytes(b"old")
    abandoned = folder / ".py3langid-0.0.1-123-456.x1.tmp"
    abandoned.mkdir()
    long_ago = time.time() - 3600
    os.utime(abandoned, (long_ago, long_ago))

    language_model.load_identifier()
    (copy,) = copies()
    before = snapshot(copy)
    identifier = language_model.load_identifier()
    assert copies() == [copy] and snapshot(copy) == before
    assert_mapped(identifier)
    assert_same_results(identifier, reference)


def test_an_unwritable_cache_falls_back_to_py3langids_loading(reference: Any, caplog: pytest.LogCaptureFixture) -> None:
    cache = user_cache_dir()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"")  # a file where the folder should be: nothing can be made in it
    with caplog.at_level(logging.WARNING, logger=language_model.__name__):
        identifier = language_model.load_identifier()
    assert not isinstance(identifier.tk_nextmove, memoryview)
    assert "compressed language model" in caplog.text
    assert_same_results(identifier, reference)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b"not an array"), id="garbage"),
        pytest.param(lambda path: path.unlink(), id="missing"),
    ],
)
def test_a_damaged_copy_is_made_again(damage: Any, reference: Any) -> None:
    language_model.load_identifier()
    (copy,) = copies()
    damage(copy / "nextmove.npy")
    identifier = language_model.load_identifier()
    assert_mapped(identifier)
    assert (copy / "nextmove.npy").stat().st_size > 1 << 20
    assert_same_results(identifier, reference)


def test_a_damaged_copy_that_cannot_be_made_again_falls_back(reference: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    language_model.load_identifier()
    (copy,) = copies()
    (copy / "ptc.npy").write_bytes(b"not an array")

    def disk_full(model: Path, copy: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(language_model, "_make_copy", disk_full)
    identifier = language_model.load_identifier()
    assert not isinstance(identifier.tk_nextmove, memoryview)
    assert_same_results(identifier, reference)


def test_a_copy_damaged_in_use_falls_back_for_that_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    identifier = language_model.load_identifier()
    (copy,) = copies()
    out_of_range = memoryview(np.full(len(identifier.tk_nextmove), 1 << 30, dtype=np.uint32)).cast("B").cast("I")
    damaged = LanguageIdentifier(
        identifier.nb_ptc,
        identifier.nb_pc,
        identifier.nb_classes,
        out_of_range,
        identifier.tk_output,
        norm_probs=True,
        tk_row=identifier.tk_row,
    )
    monkeypatch.setattr(documents, "_identifier", damaged)
    assert documents.detect_language(SAMPLES["ru"]) == "ru"
    assert documents._identifier is not damaged
    assert not isinstance(documents._identifier.tk_nextmove, memoryview)
    assert not copy.exists()  # made again at the next start
