"""Which backend serves a model: CTranslate2 for translations on the CPU where it is installed
(the measured fastest CPU translator, see ``bench/README.md``), torch for everything else and
as the fallback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from models.common.types import ModelUnavailable, Seq2SeqModel
from models.inventory import catalog
from models.inventory.catalog import ModelSpec
from models.inventory.copies import ensure_safetensors

log = logging.getLogger(__name__)


def load_model(
    spec: ModelSpec,
    folder: Path,
    device: str | None = None,
    quantize: bool | None = None,
    translation_backend: str | None = None,
) -> Seq2SeqModel:
    """``spec``'s model from ``folder``, ready to generate (see ``PipelineConfig`` for the options).

    Raises :class:`ModelUnavailable` naming the folder when the model cannot be loaded.
    """
    from models.inference import torch_backend

    translator = _load_with_ctranslate2(spec, folder, device, quantize, translation_backend)
    if translator is not None:
        return translator
    return torch_backend.load(spec, folder, device, quantize=quantize)


def _load_with_ctranslate2(
    spec: ModelSpec, folder: Path, device: str | None, quantize: bool | None, backend: str | None
) -> Seq2SeqModel | None:
    """A translation model served by CTranslate2 when the settings allow and it works, else None."""
    if spec.task == catalog.SUMMARIZE or backend == "torch":
        return None
    from models.inference import ctranslate2_backend
    from models.inference.torch_backend import cpu_count, pick_device

    if not ctranslate2_backend.available():
        if backend == "ctranslate2":
            log.warning("CTranslate2 is not installed; translating with torch")
        return None
    if pick_device(device) != "cpu" or quantize is False:
        return None
    try:
        return ctranslate2_backend.load(spec, ensure_safetensors(folder), workers=cpu_count())
    except ModelUnavailable as error:
        # Not a warning: torch loads the same files next and reports a broken model itself.
        log.info("%s; translating with torch", error)
        return None
