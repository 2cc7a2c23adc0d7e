"""A stand-in for a loaded model: counts words as tokens and records what it was asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from models.types import CancelToken, StepCallback


@dataclass
class EchoModel:
    """Generates ``"<out> " + input`` (target token stripped) after ``steps`` decoding steps."""

    window: int = 40
    target_token: str | None = None
    steps: int = 3
    shrink: bool = False
    calls: list[list[str]] = field(default_factory=list)

    @property
    def input_window(self) -> int:
        return self.window

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def generate(
        self,
        texts: Sequence[str],
        settings: Any,
        *,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
        cancel: CancelToken | None = None,
        on_step: StepCallback | None = None,
    ) -> list[str]:
        self.calls.append(list(texts))
        for step in range(1, self.steps + 1):
            if on_step is not None:
                on_step(step)
            if cancel is not None:
                cancel.raise_if_cancelled()
        outputs = []
        for text in texts:
            if self.target_token:
                assert text.startswith(self.target_token + " "), text
                text = text.removeprefix(self.target_token + " ")
            words = text.split()
            outputs.append(" ".join(words[:2]) if self.shrink else "<out> " + text)
        return outputs
