"""Token counts and input windows read from a Hugging Face tokenizer; shared by the torch and
CTranslate2 models (torch-free)."""

from __future__ import annotations

from typing import Any

#: ``model_max_length`` of a tokenizer that sets no limit (transformers' VERY_LARGE_INTEGER).
_NO_LIMIT = 1_000_000_000


def decoder_width(config: Any) -> int:
    """A decoder's model width times its layers (``d_model`` x ``decoder_layers`` of a Marian or
    BART config, as a mapping or an object; 0 when unknown): what each decoded token keeps in
    the beam search's key and value caches, in floats per key or value."""
    def read(name: str) -> int:
        value = config.get(name) if isinstance(config, dict) else getattr(config, name, None)
        return value if isinstance(value, int) and value > 0 else 0

    return read("d_model") * read("decoder_layers")


def count_tokens(tokenizer: Any, text: str) -> int:
    """Tokens of ``text`` without special tokens."""
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


def input_window(tokenizer: Any, max_positions: int | None) -> int:
    """How many tokens (special tokens included) one input may have: the smaller of the
    tokenizer's limit and the model's position count, whichever are set."""
    limits = [limit for limit in (tokenizer.model_max_length, max_positions) if limit and limit < _NO_LIMIT]
    return int(min(limits))


#: Sentences scored in one teacher-forced pass (the confidence score of a translation). A pass
#: holds a probability for every vocabulary entry at every target token, twice over with the
#: log-softmax: four 100-token sentences with a 60,000-token vocabulary held 180 MB more per
#: translation worker than one sentence did. One at a time costs no measurable time beside
#: the beam search the score checks.
SCORE_BATCH_SENTENCES = 1


def batches_of(items: list[Any], size: int) -> list[list[Any]]:
    """``items`` in consecutive batches of at most ``size``."""
    return [items[start : start + size] for start in range(0, len(items), max(1, size))]
