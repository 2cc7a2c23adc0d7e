"""Which models stay loaded: all of them while the machine has room; when it has not, the ones
the operation under way does not need are unloaded, least recently used first, before another
loads. Driven on the tiny models with the machine's available memory made up."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

import psutil
import pytest

from models import Article, DigestOptions
from models.digest import pipeline as pipeline_module
from models.digest.pipeline import DigestPipeline, PipelineConfig, estimated_model_mb
from models.inference import memory
from models.inventory import catalog

ARTICLE = Article(
    title="Talks",
    text=(
        "Russia and the United States held talks about Syria in Geneva on Friday. Both sides want calm, officials said.\n\n"
        "A second round is planned in 12 days, the foreign ministry said. About 900 troops remain in the north."
    ),
)
SUMMARISER = catalog.SUMMARIZE
INTO_RUSSIAN, INTO_ARABIC = catalog.translation_task("ru"), catalog.translation_task("ar")
FROM_RUSSIAN, FROM_ARABIC = catalog.into_english_task("ru"), catalog.into_english_task("ar")
#: What each loaded model takes of the made-up machine's memory: far more than a tiny model's
#: estimate (its overhead and a few hundred KB), so the room is counted in models.
MODEL_MB = 1000.0


def engine_with_memory(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch, available: Callable[[DigestPipeline], float | None]
) -> DigestPipeline:
    """A pipeline over the tiny models whose machine has ``available(pipeline)`` MB available."""
    engine = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))
    monkeypatch.setattr(pipeline_module, "available_memory_mb", lambda: available(engine))
    return engine


def room_for(models: int) -> Callable[[DigestPipeline], float]:
    """A machine with room for ``models`` loaded models above the reserve; each one loaded takes
    :data:`MODEL_MB` of it (and unloading one gives it back), as the OS would report it."""
    return lambda engine: pipeline_module.memory_reserve_mb() + MODEL_MB * (models - len(engine.loaded_tasks()))


def unloaded(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The tasks unloaded to make room, in order, as the pipeline logged them (and then forgot)."""
    ours = [record for record in caplog.records if record.name == pipeline_module.__name__]
    found = [record.args[0] for record in ours if record.getMessage().startswith("unloaded ")]
    caplog.clear()
    return found


# -- the machine's memory ---------------------------------------------------------------------


def test_the_memory_available_is_read_and_the_reserve_follows_the_total() -> None:
    available, total = memory.available_memory_mb(), memory.total_memory_mb()
    assert available is not None and total is not None and 0 < available <= total
    assert memory.memory_reserve_mb() == max(1024.0, 0.1 * total)


def test_memory_that_cannot_be_read_is_none_and_the_reserve_its_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable() -> None:
        raise OSError("no /proc here")

    monkeypatch.setattr(psutil, "virtual_memory", unreadable)
    assert (memory.available_memory_mb(), memory.total_memory_mb(), memory.memory_reserve_mb()) == (None, None, 1024.0)


def test_a_models_size_is_estimated_from_its_weights_and_how_it_will_run(tmp_path: Path) -> None:
    overhead = pipeline_module._MODEL_OVERHEAD_MB
    with open(tmp_path / "model.safetensors", "wb") as weights:
        weights.truncate(40 * 2**20)  # 40 MB of float32 weights (sparse: nothing written)
    (tmp_path / "pytorch_model.bin").write_bytes(b"\0" * 2**20)  # the same weights again: not counted
    assert estimated_model_mb(tmp_path, int8=True) == 10 + overhead
    assert estimated_model_mb(tmp_path, int8=False) == 40 + overhead
    (tmp_path / "config.json").write_text('{"dtype": "float16"}', encoding="utf-8")  # tc-big's weights are float16
    assert estimated_model_mb(tmp_path, int8=True) == 20 + overhead
    assert estimated_model_mb(tmp_path, int8=False) == 80 + overhead
    assert estimated_model_mb(tmp_path, int8=False, cpu=False) == 40 + overhead
    (tmp_path / "model.safetensors").unlink()
    assert estimated_model_mb(tmp_path, int8=True) == 0.5 + overhead  # no safetensors: the .bin
    assert estimated_model_mb(tmp_path / "missing", int8=True) == overhead


# -- which models stay loaded -----------------------------------------------------------------


@pytest.mark.parametrize("machine", [room_for(100), lambda engine: None], ids=["plenty", "unreadable"])
def test_with_room_every_model_stays_loaded(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, machine: Callable
) -> None:
    caplog.set_level(logging.INFO, logger=pipeline_module.__name__)
    engine = engine_with_memory(tiny_models_dir, monkeypatch, machine)
    engine.back_translate(engine.digest(ARTICLE, DigestOptions()))
    engine.digest(ARTICLE, DigestOptions())
    assert engine.load_count == 5
    assert set(engine.loaded_tasks()) == {SUMMARISER, INTO_RUSSIAN, INTO_ARABIC, FROM_RUSSIAN, FROM_ARABIC}
    assert unloaded(caplog) == []


def test_short_of_memory_the_least_recently_used_model_not_needed_makes_room(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=pipeline_module.__name__)
    plenty = engine_with_memory(tiny_models_dir, monkeypatch, room_for(100))
    expected = plenty.back_translate(plenty.digest(ARTICLE, DigestOptions()))
    engine = DigestPipeline(PipelineConfig(models_dir=str(tiny_models_dir)))
    machine = room_for(4)  # the digest's three and one more
    monkeypatch.setattr(pipeline_module, "available_memory_mb", lambda: machine(engine))
    caplog.clear()

    digest = engine.digest(ARTICLE, DigestOptions())
    assert (engine.load_count, engine.loaded_tasks(), unloaded(caplog)) == (3, [SUMMARISER, INTO_RUSSIAN, INTO_ARABIC], [])
    # Back-translation needs the two into-English models: the summariser, used first, makes room.
    back = engine.back_translate(digest)
    assert unloaded(caplog) == [SUMMARISER]
    assert engine.load_count == 5
    assert set(engine.loaded_tasks()) == {INTO_RUSSIAN, INTO_ARABIC, FROM_RUSSIAN, FROM_ARABIC}
    assert back.back_translations == expected.back_translations and set(back.back_translations) == {"summary:ru", "summary:ar"}
    # The next digest loads the summariser again, unloading an into-English model rather than a
    # translator of its own, though its translators were used less recently (before them).
    again = engine.digest(ARTICLE, DigestOptions())
    assert unloaded(caplog) == [FROM_RUSSIAN]
    assert engine.load_count == 6
    assert set(engine.loaded_tasks()) == {SUMMARISER, INTO_RUSSIAN, INTO_ARABIC, FROM_ARABIC}
    assert again.summary_translations == digest.summary_translations == expected.summary_translations


def test_the_unloading_is_logged_with_the_memory_that_called_for_it(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=pipeline_module.__name__)
    engine = engine_with_memory(tiny_models_dir, monkeypatch, room_for(3))
    engine.back_translate(engine.digest(ARTICLE, DigestOptions()))
    records = [record for record in caplog.records if record.getMessage().startswith("unloaded ")]
    # Room for three: the summariser goes for the first into-English model, the Russian
    # translator (the least recently used left) for the second.
    assert [record.args[:2] for record in records] == [(SUMMARISER, FROM_RUSSIAN), (INTO_RUSSIAN, FROM_ARABIC)]
    reserve = memory.memory_reserve_mb()
    needed = estimated_model_mb(tiny_models_dir / FROM_RUSSIAN, int8=True)
    assert records[0].levelno == logging.INFO and records[0].args[2:] == (reserve, needed, reserve)
    assert f"{reserve:.0f} MB reserve" in records[0].getMessage()
    assert engine.loaded_tasks() == [INTO_ARABIC, FROM_RUSSIAN, FROM_ARABIC]


def test_a_model_the_operation_needs_is_never_unloaded_even_when_memory_stays_short(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=pipeline_module.__name__)
    engine = engine_with_memory(tiny_models_dir, monkeypatch, lambda engine: 0.0)  # never any room
    digest = engine.digest(ARTICLE, DigestOptions())  # each of its models loads anyway, and stays
    assert digest.summary.strip() and all(text.strip() for text in digest.summary_translations.values())
    assert (engine.load_count, set(engine.loaded_tasks()), unloaded(caplog)) == (3, {SUMMARISER, INTO_RUSSIAN, INTO_ARABIC}, [])
    # Alternatives ask for the Russian translator, then, in a second request, the Russian into
    # English model: the translator, held since the first, stays; only what the operation does
    # not need goes.
    found = engine.alternatives("ru", "Both sides want calm.", 2)
    assert found and all(alternative.back_translation for alternative in found)
    assert unloaded(caplog) == [SUMMARISER, INTO_ARABIC]
    assert engine.loaded_tasks() == [INTO_RUSSIAN, FROM_RUSSIAN]
    # Back-translation needs both into-English models: the Russian one, loaded and held, stays.
    back = engine.back_translate(digest)
    assert unloaded(caplog) == [INTO_RUSSIAN]
    assert set(engine.loaded_tasks()) == {FROM_RUSSIAN, FROM_ARABIC}
    assert set(back.back_translations) == {"summary:ru", "summary:ar"}
