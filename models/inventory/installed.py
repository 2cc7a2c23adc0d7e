"""Which models are on this computer, and where: find a task's model, describe its state,
point it at a folder the user chose, remove it.

A task's model is looked for, in order:

1. ``<models_dir>/<task>`` or ``<models_dir>/<repo name>`` when a models folder is given
   (``--models-dir``, the settings), a plain folder as ``save_pretrained`` writes it: what the
   user says now wins;
2. the folder remembered for the model with ``models use`` (:func:`choose_folder`); one that is
   gone (an unplugged USB stick) is reported once in the log and skipped;
3. ``<ARTICLE_DIGEST_MODELS>/<task>`` or ``.../<repo name>`` (the environment variable);
4. the app's own downloads (``<user data>/models/<org>--<name>``, see
   :mod:`models.inventory.downloads`);
5. the Hugging Face cache (``HF_HOME`` / ``HF_HUB_CACHE``), so models other tools fetched are
   used as they are.

Every JSON file of a folder is read defensively (:func:`json_file_problem`): a damaged or
hostile one (not JSON, not an object, nested thousands of levels deep) is one line of
problem, never a traceback, before transformers is handed the folder.

Nothing here touches the network. :func:`missing` is the one answer to "can a digest run":
the window's model check, the CLI and the pipeline all ask it.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from models.common.atomic import atomic_write_bytes
from models.common.paths import user_data_dir
from models.common.translatable import QT_TRANSLATE_NOOP
from models.common.types import ENGLISH, ModelUnavailable
from models.common.units import format_bytes
from models.common.wording import Wording
from models.inventory.catalog import SUMMARIZE, ModelSpec, task_label, translation_languages
from models.inventory.copies import derived_copies

log = logging.getLogger(__name__)

MODELS_DIR_ENV = "ARTICLE_DIGEST_MODELS"

# What locate() and missing() say of a model that cannot be used, as Wording templates so the
# window can say it in its language (each marked for translation where it is written). The
# places looked in are a sentence of their own: the window's banner leaves it to the tooltip.
NOT_INSTALLED = QT_TRANSLATE_NOOP("Models", "{model} is not installed")
LOOKED_IN = QT_TRANSLATE_NOOP("Models", "(looked in {places})")
FOLDER_UNUSABLE = QT_TRANSLATE_NOOP("Models", "model folder {folder} is unusable: {problems}")
CHOSEN_FOLDER_UNUSABLE = QT_TRANSLATE_NOOP("Models", "the folder chosen for {model}, {folder}, is unusable: {problems}")
# The start of each line of missing(): which model.
SUMMARY_MODEL = QT_TRANSLATE_NOOP("Models", "Summary model:")
TRANSLATION_MODEL = QT_TRANSLATE_NOOP("Models", "{language} translation model:")
INTO_ENGLISH_MODEL = QT_TRANSLATE_NOOP("Models", "{language}-to-English translation model:")
TASK_MODEL = QT_TRANSLATE_NOOP("Models", "{task} model:")
MISSING_MODEL_TEMPLATES = (
    NOT_INSTALLED, LOOKED_IN, FOLDER_UNUSABLE, CHOSEN_FOLDER_UNUSABLE, SUMMARY_MODEL, TRANSLATION_MODEL,
    INTO_ENGLISH_MODEL, TASK_MODEL,
)  # fmt: skip

#: Files a usable model folder needs besides weights: a config and some tokenizer.
_TOKENIZER_FILES = ("tokenizer.json", "source.spm", "vocab.json", "spiece.model", "sentencepiece.bpe.model")

@dataclass(frozen=True)
class ModelLocation:
    """A model folder found on disk, and where it came from (``folder`` or ``cache``)."""

    path: Path
    origin: str

def models_dir_from_env() -> Path | None:
    value = os.environ.get(MODELS_DIR_ENV)
    return Path(value).expanduser() if value else None

def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}

#: Deeper than this, a JSON file is no model's: real configurations and tokenizer files nest
#: four or five levels, and transformers walks them recursively (a few hundred levels overflow
#: Python's stack there).
MAX_JSON_DEPTH = 64

#: The small JSON files transformers reads from a model folder besides ``config.json``.
_SETTINGS_FILES = ("generation_config.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json")


def _nesting(value: object) -> int:
    """How deeply ``value`` (parsed JSON) nests lists and objects, counted without recursion
    (stops counting past :data:`MAX_JSON_DEPTH`)."""
    deepest = 0
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def read_json_file(path: Path) -> object:
    """The JSON value in ``path``. Raises ``ValueError`` saying why it cannot be used: not
    UTF-8 JSON, or nested deeper than :data:`MAX_JSON_DEPTH` (never ``RecursionError``)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise ValueError("nested too deep") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except ValueError as error:
        raise ValueError(error.__class__.__name__) from error
    if _nesting(value) > MAX_JSON_DEPTH:
        raise ValueError("nested too deep")
    return value


def json_file_problem(path: Path) -> str | None:
    """Why the JSON file ``path`` of a model folder cannot be used (None when it can).

    ``config.json`` must be an object ("config.json is not a model configuration (nested too
    deep)"); the others must be readable JSON that is not absurdly deep.
    """
    is_config = path.name == "config.json"
    try:
        value = read_json_file(path)
    except OSError as error:
        return f"{path.name} is unreadable ({error.__class__.__name__})"
    except ValueError as error:
        reason = str(error)
        if reason == "nested too deep":
            kind = "a model configuration" if is_config else "a usable settings file"
            return f"{path.name} is not {kind} (nested too deep)"
        return f"{path.name} is unreadable ({reason})"
    if is_config and not isinstance(value, dict):
        return "config.json is not a model configuration (not a JSON object)"
    return None


def folder_problems(folder: Path, *, every_json: bool = False) -> list[str]:
    """What makes ``folder`` unusable as a model folder (empty when it looks complete).

    ``config.json`` and the small settings files are read; ``every_json`` reads every ``.json``
    file in the folder (the vocabularies too), as loading a model does.
    """
    if not folder.is_dir():
        return [f"{folder} is not a folder"]
    problems = []
    config = folder / "config.json"
    if not config.is_file():
        problems.append("no config.json")
    names = sorted(path.name for path in folder.glob("*.json")) if every_json else ["config.json", *_SETTINGS_FILES]
    for name in names:
        if (folder / name).is_file():
            problem = json_file_problem(folder / name)
            if problem:
                problems.append(problem)
    if not any((folder / name).is_file() for name in _TOKENIZER_FILES):
        problems.append("no tokenizer files")
    if not (any(folder.glob("*.safetensors")) or (folder / "pytorch_model.bin").is_file()):
        problems.append("no weights (model.safetensors)")
    return problems

def _chosen_folders_file() -> Path:
    return user_data_dir() / "model-folders.json"

def chosen_folders() -> dict[str, str]:
    """Folders the user pointed models at (repository id -> folder), e.g. a copy made on
    another machine; they come before every other place but a models folder given now (see
    :func:`locate`)."""
    data = read_json_object(_chosen_folders_file())
    return {str(repo): str(folder) for repo, folder in data.items()}

def choose_folder(spec: ModelSpec, folder: Path | str | None) -> None:
    """Point ``spec``'s model at ``folder`` (None forgets the choice).

    Raises :class:`ModelUnavailable` with the reasons when the folder is not a usable model.
    """
    folders = chosen_folders()
    if folder is None:
        folders.pop(spec.repo_id, None)
    else:
        folder = Path(folder).expanduser().resolve()
        problems = folder_problems(folder)
        if problems:
            raise ModelUnavailable(f"{folder} is not a usable model folder: {'; '.join(problems)}")
        folders[spec.repo_id] = str(folder)
    _chosen_folders_file().parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(_chosen_folders_file(), json.dumps(folders, indent=1).encode("utf-8"))

def _folder_candidates(spec: ModelSpec, models_dir: Path) -> list[Path]:
    return [models_dir / spec.task, models_dir / spec.folder_name, models_dir / spec.repo_id.replace("/", "--")]

def hub_cache_dir() -> Path:
    """The Hugging Face cache, read from the environment on every call.

    huggingface_hub reads ``HF_HUB_CACHE``/``HF_HOME`` once, when it is first imported; asking
    here each time means a folder chosen later (tests, settings) is honoured too.
    """
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    xdg_cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg_cache).expanduser() / "huggingface" / "hub"

def hub_endpoint() -> str | None:
    """``HF_ENDPOINT`` as set now (None: the library's default, huggingface.co)."""
    return os.environ.get("HF_ENDPOINT") or None

def repo_cache_folder(spec: ModelSpec) -> Path:
    """The model's folder in the Hugging Face cache (``models--org--name``)."""
    return hub_cache_dir() / ("models--" + spec.repo_id.replace("/", "--"))

def _cached_snapshot(spec: ModelSpec) -> Path | None:
    """The model's snapshot in the Hugging Face cache, without any network access."""
    repo = repo_cache_folder(spec)
    ref = repo / "refs" / spec.revision
    try:
        commit = ref.read_text(encoding="utf-8").strip() if ref.is_file() else spec.revision
    except OSError:
        return None
    snapshot = repo / "snapshots" / commit
    return snapshot if snapshot.is_dir() else None

#: Remembered folders already reported gone (each is reported once per process).
_REPORTED_GONE: set[str] = set()


def _in_models_dir(spec: ModelSpec, models_dir: Path, tried: list[str]) -> ModelLocation | None:
    """``spec``'s folder in the models folder ``models_dir`` (raises when it is there but unusable)."""
    for candidate in _folder_candidates(spec, models_dir):
        if candidate.is_dir():
            problems = folder_problems(candidate)
            if problems:
                raise ModelUnavailable(Wording(FOLDER_UNUSABLE, folder=str(candidate), problems="; ".join(problems)))
            return ModelLocation(candidate, "folder")
    tried.append(f"{models_dir}/{spec.task} or {models_dir}/{spec.folder_name}")
    return None


def _chosen(spec: ModelSpec, tried: list[str]) -> ModelLocation | None:
    """The folder remembered for ``spec`` with :func:`choose_folder`, when it is still there."""
    chosen = chosen_folders().get(spec.repo_id)
    if chosen is None:
        return None
    if not Path(chosen).exists():
        # An unplugged drive, a deleted copy: say so once, then look in the other places.
        if chosen not in _REPORTED_GONE:
            _REPORTED_GONE.add(chosen)
            log.warning("the folder chosen for %s, %s, is gone; looking in the other places", spec.repo_id, chosen)
        tried.append(f"{chosen} (chosen for it, now gone)")
        return None
    problems = folder_problems(Path(chosen))
    if problems:
        raise ModelUnavailable(Wording(CHOSEN_FOLDER_UNUSABLE, model=spec.repo_id, folder=chosen, problems="; ".join(problems)))
    return ModelLocation(Path(chosen), "chosen")


def locate(spec: ModelSpec, models_dir: Path | str | None = None) -> ModelLocation:
    """Find ``spec``'s model on disk or raise :class:`ModelUnavailable` saying where we looked.

    The order is the module docstring's: an explicit ``models_dir`` first, then the folder
    chosen for the model, ``ARTICLE_DIGEST_MODELS``, the app's downloads, the Hugging Face cache.
    """
    tried: list[str] = []
    if models_dir:
        found = _in_models_dir(spec, Path(models_dir).expanduser(), tried)
        if found is not None:
            return found
    found = _chosen(spec, tried)
    if found is not None:
        return found
    from_env = models_dir_from_env()
    if not models_dir and from_env is not None:
        found = _in_models_dir(spec, from_env, tried)
        if found is not None:
            return found
    downloaded = download_folder(spec)
    if downloaded.is_dir() and not folder_problems(downloaded):
        return ModelLocation(downloaded, "downloaded")
    tried.append(str(downloaded))
    snapshot = _cached_snapshot(spec)
    if snapshot is not None:
        problems = folder_problems(snapshot)
        if not problems:
            return ModelLocation(snapshot, "cache")
        tried.append(f"the Hugging Face cache (incomplete: {'; '.join(problems)})")
    else:
        tried.append("the Hugging Face cache")
    raise ModelUnavailable(
        Wording.from_sentences([(NOT_INSTALLED, {"model": spec.repo_id}), (LOOKED_IN, {"places": ", ".join(tried)})])
    )

def downloads_dir() -> Path:
    """Where :func:`download` installs models: one plain folder per repository."""
    return user_data_dir() / "models"

def download_folder(spec: ModelSpec) -> Path:
    return downloads_dir() / spec.repo_id.replace("/", "--")

@dataclass(frozen=True)
class ModelStatus:
    """What the Models dialog shows for one model. ``state`` is ``installed``, ``missing``,
    ``partial`` (a download was interrupted; the next one resumes) or ``broken``."""

    spec: ModelSpec
    state: str
    detail: str
    path: Path | None = None
    origin: str | None = None
    disk_bytes: int = 0

def status(spec: ModelSpec, models_dir: Path | str | None = None) -> ModelStatus:
    """``spec``'s model as it is on disk now (no hashing, no network)."""
    try:
        location = locate(spec, models_dir)
    except ModelUnavailable as error:
        staging = download_folder(spec).with_name(download_folder(spec).name + ".download")
        if staging.is_dir():
            done = disk_usage(staging)
            return ModelStatus(spec, "partial", f"download stopped at {format_bytes(done)}; it resumes", None, None, done)
        state = "broken" if "unusable" in str(error) else "missing"
        return ModelStatus(spec, state, str(error))
    return ModelStatus(
        spec, "installed", f"{location.origin}: {location.path}", location.path, location.origin, disk_usage(location.path)
    )

def disk_usage(path: Path) -> int:
    """Bytes the files under ``path`` (or the file ``path``) take (each blob once, links not followed)."""
    if not path.exists():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())

def remove(spec: ModelSpec) -> int:
    """Delete the model's download (and partial download), its Hugging Face cache copy and the
    copies the app made from either (:func:`derived_copies`); returns the bytes freed. A folder
    the user chose is theirs, and is never deleted (its derived copies are left too: it is
    still in use)."""
    folder = download_folder(spec)
    models = [folder, *sorted((repo_cache_folder(spec) / "snapshots").glob("*"))]
    paths = [copy for model in models if model.is_dir() for copy in derived_copies(model)]
    paths += [folder, folder.with_name(folder.name + ".download"), repo_cache_folder(spec)]
    freed = 0
    for path in paths:
        freed += disk_usage(path)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return freed


def missing(specs: Iterable[ModelSpec], models_dir: Path | str | None = None) -> list[Wording]:
    """One line per model in ``specs`` that is not on disk ("Summary model: ... is not
    installed (looked in ...)"), a Wording of :data:`MISSING_MODEL_TEMPLATES`; empty when a
    digest can run."""
    problems = []
    for spec in specs:
        try:
            locate(spec, models_dir)
        except ModelUnavailable as error:
            reason = error.args[0] if error.args else ""
            if not isinstance(reason, Wording):  # said as it is
                reason = Wording("{problem}", problem=str(error))
            problems.append(Wording.join([_model_named(spec.task), reason]))
    return problems


def _model_named(task: str) -> Wording:
    """"Summary model:", "Russian translation model:"… (``task_label``'s English, always)."""
    english = f"{task_label(task)} model:"
    source, target = translation_languages(task) if task.startswith("translate-") else ("", "")
    candidates = [Wording(SUMMARY_MODEL)] if task == SUMMARIZE else []
    if source == ENGLISH:
        candidates.append(Wording(TRANSLATION_MODEL, language=target))
    if target == ENGLISH:
        candidates.append(Wording(INTO_ENGLISH_MODEL, language=source))
    return next((wording for wording in candidates if wording == english), Wording(TASK_MODEL, task=task_label(task)))


def read_json_object(path: Path) -> dict:
    """The JSON object in ``path``; empty when the file is missing, unreadable, not an object or
    nested absurdly deep."""
    try:
        data = read_json_file(path)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
