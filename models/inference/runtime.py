"""What both backends need at run time without importing torch: the cores this process may
use, the device a model would run on, the checks of a model folder, the target-language token
of a multi-target model, and the Hugging Face tokenizer.

With every model on CTranslate2 (the default on the CPU) the engine's process never imports
torch nor transformers' modelling code: ``import torch`` alone is about 200 MB, and the BART
modules with the compiler stack they pull in about 95 MB more (README, "Where the memory
goes"). transformers' ``AutoTokenizer`` reads the model's config through ``AutoConfig``, which
imports torch; :func:`load_tokenizer` imports the tokenizer class itself for the
architectures the catalogue uses (BART's byte-level BPE, Marian's sentencepiece) and falls
back on ``AutoTokenizer`` for any other.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from models.inventory import installed
from models.inventory.catalog import ModelSpec
from models.common.types import ModelUnavailable

#: The tokenizer classes loaded without ``AutoTokenizer``: the name a tokenizer's config gives,
#: and the module and class transformers 5 serves it with (BART's tokenizer is RoBERTa's).
_ROBERTA = ("transformers.models.roberta.tokenization_roberta", "RobertaTokenizer")
_TOKENIZER_CLASSES = {
    "RobertaTokenizer": _ROBERTA,
    "RobertaTokenizerFast": _ROBERTA,
    "BartTokenizer": _ROBERTA,
    "BartTokenizerFast": _ROBERTA,
    "MarianTokenizer": ("transformers.models.marian.tokenization_marian", "MarianTokenizer"),
}
#: The class ``AutoTokenizer`` picks for a model type when the tokenizer's config names none
#: (transformers' ``TOKENIZER_MAPPING_NAMES``: BART's tokenizer is RoBERTa's).
_TOKENIZER_BY_MODEL_TYPE = {"bart": "RobertaTokenizer", "marian": "MarianTokenizer"}


def cpu_count() -> int:
    """Cores this process may use (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def torch_loaded() -> bool:
    """Whether torch is imported in this process (nothing here imports it)."""
    return "torch" in sys.modules


def set_thread_count(threads: int) -> None:
    """Intra-op threads for torch work started *from the calling thread*; nothing to do (and
    torch is not imported for it) when torch is not loaded."""
    if torch_loaded():
        import torch

        if threads >= 1 and torch.get_num_threads() != threads:
            torch.set_num_threads(threads)


def cpu_only(requested: str | None) -> bool:
    """Whether a model asked for on ``requested`` (None: the best there is) runs on the CPU,
    found without importing torch where that can be: an explicit device says so; otherwise a
    machine where CTranslate2 sees no CUDA device and that is not a Mac (where torch may
    pick Apple's MPS) has only its CPU. Elsewhere torch decides, as
    :func:`models.inference.torch_backend.pick_device` does."""
    if requested:
        return requested == "cpu"
    if sys.platform != "darwin":
        try:
            import ctranslate2

            if ctranslate2.get_cuda_device_count() == 0:
                return True
        except Exception:  # noqa: BLE001 - no ctranslate2, or no CUDA runtime for it to ask
            pass
    from models.inference.torch_backend import pick_device

    return pick_device(None) == "cpu"


def load_tokenizer(folder: Path) -> Any:
    """The Hugging Face tokenizer in ``folder`` (local files only, no remote code), the same
    class ``AutoTokenizer`` would give, without importing torch for BART and Marian."""
    name = installed.read_json_object(folder / "tokenizer_config.json").get("tokenizer_class")
    if not isinstance(name, str):
        model_type = installed.read_json_object(folder / "config.json").get("model_type")
        name = _TOKENIZER_BY_MODEL_TYPE.get(model_type) if isinstance(model_type, str) else None
    where = _TOKENIZER_CLASSES.get(name) if isinstance(name, str) else None
    if where is None:
        from transformers import AutoTokenizer

        return AutoTokenizer.from_pretrained(folder, local_files_only=True, trust_remote_code=False)
    tokenizer_class = getattr(importlib.import_module(where[0]), where[1])
    return tokenizer_class.from_pretrained(folder, local_files_only=True, trust_remote_code=False)


def check_folder(folder: Path) -> None:
    """Raise :class:`ModelUnavailable` naming the file when ``folder`` cannot be handed to
    transformers: a missing file, or a JSON file it cannot parse or that would overflow its
    recursive readers (:func:`models.inventory.installed.folder_problems`)."""
    problems = installed.folder_problems(folder, every_json=True)
    if problems:
        raise ModelUnavailable(f"the model in {folder} could not be loaded: {'; '.join(problems)}")


def choose_target_token(spec: ModelSpec, codes: Sequence[str], folder: Path) -> str | None:
    """The prefix every input needs for a multi-target model, read from its tokenizer's codes.

    A single-target model (no codes) needs none. The language table's OPUS-MT codes for the
    target language are tried in order, most specific first (a folder the user chose may hold
    another variant of the model). A multi-target model without a code for the language is refused.
    """
    if not codes:
        return None
    from models.common.languages import language as table_entry
    from models.inventory.catalog import translation_languages

    _, language = translation_languages(spec.task)
    entry = table_entry(language)
    wanted = [f">>{code}<<" for code in (entry.opus_codes if entry is not None else ())]
    for token in wanted:
        if token in codes:
            return token
    raise ModelUnavailable(
        f"the model in {folder} has no target token for {language} (it knows {', '.join(codes)})"
    )


def target_codes(tokenizer: Any) -> list[str]:
    """The ``>>xxx<<`` target-language tokens ``tokenizer`` knows (multi-target OPUS-MT models)."""
    codes = getattr(tokenizer, "supported_language_codes", None)
    if codes is None:
        codes = [token for token in tokenizer.get_vocab() if token.startswith(">>") and token.endswith("<<")]
    return sorted(codes)
