"""What the models of a pipeline are asked to do, for tests that count it."""

from __future__ import annotations

import contextlib
from typing import Iterator

from models.digest.pipeline import DigestPipeline
from models.inventory import catalog


@contextlib.contextmanager
def recorded_inputs(engine: DigestPipeline, tasks: tuple[str, ...]) -> Iterator[dict[str, list[str]]]:
    """What each task's model is asked to generate from (target-language tokens taken off)."""
    specs = catalog.specs_for(engine.config.profile)
    seen: dict[str, list[str]] = {task: [] for task in tasks}
    models = [engine.model(specs[task]) for task in tasks]
    spied: list[tuple[object, str]] = []
    for task, model in zip(tasks, models):
        prefix = f"{model.target_token} " if model.target_token else ""
        # generate_scored: a backend that scores translations in the search itself (CTranslate2)
        for name in ("generate", "generate_scored"):
            real = getattr(model, name, None)
            if real is None:
                continue

            def spy(texts, *args, _real=real, _seen=seen[task], _prefix=prefix, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
                _seen.extend(text.removeprefix(_prefix) for text in texts)
                return _real(texts, *args, **kwargs)

            setattr(model, name, spy)
            spied.append((model, name))
    try:
        yield seen
    finally:
        for model, name in spied:
            delattr(model, name)
