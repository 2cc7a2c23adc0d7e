"""Which backend serves a model: CTranslate2 on the CPU where it is installed (the measured
fastest CPU translator, see ``bench/README.md``, and the summariser's smaller, faster engine),
torch for other devices and as the fallback. And what a loaded model is credited as
(:func:`model_credit`).

Deciding imports no torch when the answer is CTranslate2 (:func:`models.inference.runtime.cpu_only`).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from models.common.types import ModelCredit, ModelUnavailable, Seq2SeqModel
from models.inventory import catalog, installed
from models.inventory.catalog import ModelSpec

log = logging.getLogger(__name__)


def load_model(
    spec: ModelSpec,
    folder: Path,
    device: str | None = None,
    quantize: bool | None = None,
    translation_backend: str | None = None,
    summary_backend: str | None = None,
) -> Seq2SeqModel:
    """``spec``'s model from ``folder``, ready to generate (see ``PipelineConfig`` for the options).

    Raises :class:`ModelUnavailable` naming the folder when the model cannot be loaded.
    """
    backend = summary_backend if spec.task == catalog.SUMMARIZE else translation_backend
    served = _load_with_ctranslate2(spec, folder, device, quantize, backend)
    if served is not None:
        return served
    from models.inference import torch_backend

    return torch_backend.load(spec, folder, device, quantize=quantize)


def _load_with_ctranslate2(
    spec: ModelSpec, folder: Path, device: str | None, quantize: bool | None, backend: str | None
) -> Seq2SeqModel | None:
    """``spec``'s model served by CTranslate2 when the settings allow and it works, else None.

    The translators get one batch per core, one thread each (see
    :mod:`models.digest.translate`); the summariser, which decodes one chunk at a time, one
    batch on every core."""
    if backend == "torch":
        return None
    from models.inference import ctranslate2_backend
    from models.inference.runtime import cpu_count, cpu_only

    doing = "summarising" if spec.task == catalog.SUMMARIZE else "translating"
    if not ctranslate2_backend.available():
        if backend == "ctranslate2":
            log.warning("CTranslate2 is not installed; %s with torch", doing)
        return None
    if quantize is False or not cpu_only(device):
        return None
    try:
        if spec.task == catalog.SUMMARIZE:
            return ctranslate2_backend.load(spec, folder, workers=1, threads=cpu_count())
        return ctranslate2_backend.load(spec, folder, workers=cpu_count())
    except ModelUnavailable as error:
        # Not a warning: torch loads the same files next and reports a broken model itself.
        log.info("%s; %s with torch", error, doing)
        return None


# -- what a digest credits ---------------------------------------------------------------------

#: A Hugging Face Hub repository id: ``owner/name``, letters, digits, ``-``, ``_`` and ``.``.
_HUB_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,95}/[A-Za-z0-9_.-]{1,96}")


def hub_id(value: object) -> str | None:
    """``value`` when it reads as a Hub repository id (``Helsinki-NLP/opus-mt-en-ru``), else None
    (a local path such as ``/tmp/opus-mt-en-ru``, a bare name, anything else)."""
    if not isinstance(value, str) or not _HUB_ID.fullmatch(value) or ".." in value or value.endswith("."):
        return None
    return value


def folder_model_id(folder: Path) -> str | None:
    """The Hub id the model in ``folder`` names itself by: its config's ``_name_or_path``, else
    its tokenizer config's ``name_or_path``, when it is a Hub id; None otherwise."""
    for name, key in (("config.json", "_name_or_path"), ("tokenizer_config.json", "name_or_path")):
        found = hub_id(installed.read_json_object(folder / name).get(key))
        if found is not None:
            return found
    return None


def _is_catalogue_copy(spec: ModelSpec, folder: Path) -> bool:
    """Whether ``folder`` is the app's own download of ``spec``'s repository or its snapshot in
    the Hugging Face cache: what is there came from that repository."""
    try:
        where = folder.resolve()
        if where == installed.download_folder(spec).resolve():
            return True
        return where.parent == (installed.repo_cache_folder(spec) / "snapshots").resolve()
    except OSError:
        return False


def model_credit(spec: ModelSpec, folder: Path) -> ModelCredit:
    """What a text made by the model in ``folder`` (loaded for ``spec``'s task) is credited to.

    The catalogue's model and licence when the folder is the app's download or the Hugging
    Face cache's copy of it. Otherwise the folder's own name for its model (a Hub id in its
    config), else the folder itself; the catalogue's licence only when that name is the
    catalogue's repository (a folder the user chose may hold any model, under any licence).
    """
    if _is_catalogue_copy(spec, folder):
        return ModelCredit(spec.task, spec.repo_id, spec.licence)
    model_id = folder_model_id(folder)
    if model_id is None:
        return ModelCredit(spec.task, str(folder), "")
    licence = spec.licence if model_id.casefold() == spec.repo_id.casefold() else ""
    return ModelCredit(spec.task, model_id, licence)


def credit_of(model: Any) -> ModelCredit:
    """The credit of a loaded model: the one worked out when it was loaded (``credit``), else
    from its folder (``path``), else the catalogue's (stand-ins without either)."""
    credit = getattr(model, "credit", None)
    if isinstance(credit, ModelCredit):
        return credit
    path = getattr(model, "path", None)
    if path is not None:
        return model_credit(model.spec, Path(path))
    return ModelCredit(model.spec.task, model.spec.repo_id, model.spec.licence)
