"""A stand-in for a loaded model: counts words as tokens and records what it was asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from models.common.job_state import JobState


@dataclass
class EchoModel:
    """Generates ``"<out> " + input`` (target token stripped) after ``steps`` decoding steps."""

    window: int = 40
    target_token: str | None = None
    steps: int = 3
    shrink: bool = False
    #: What :meth:`score` says of every translation.
    log_probability: float = -0.3
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
        state: JobState | None = None,
    ) -> list[str]:
        self.calls.append(list(texts))
        state = state or JobState()
        for step in range(1, self.steps + 1):
            state.set_progress_value(step / self.steps)
            state.raise_if_interrupted()
        outputs = []
        for text in texts:
            if self.target_token:
                assert text.startswith(self.target_token + " "), text
                text = text.removeprefix(self.target_token + " ")
            words = text.split()
            outputs.append(" ".join(words[:2]) if self.shrink else "<out> " + text)
        return outputs

    def score(self, texts: Sequence[str], outputs: Sequence[str]) -> list[float]:
        return [self.log_probability] * len(outputs)
