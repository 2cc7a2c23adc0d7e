"""Article Digest's Qt-free core: read articles, find and fetch models, summarise and translate
with them, write digests. ``import models`` stays cheap: torch and transformers are imported
only inside the functions that load or run a model.

The layers, lowest first (each may import the ones below it, never above; the import
contracts in ``pyproject.toml`` enforce it, see ``docs/architecture.md``):

- :mod:`models.common` — plain data (articles, digests, errors), the job state that carries
  progress and cancellation, text splitting, per-user folders, the atomic writer;
- :mod:`models.inventory` — the model catalogue, which models are installed and where,
  downloads and the app's own converted copies;
- :mod:`models.inference` — running one model: the torch and CTranslate2 backends;
- :mod:`models.digest` — the digest pipeline (summary, translations) and its child process;
  :mod:`models.documents` — articles from files, digests to files, the history;
- :mod:`models.cli` — the command line.
"""

from __future__ import annotations

from models.common.job_state import JobState
from models.common.types import (
    LANGUAGE_NAMES,
    LANGUAGE_NATIVE_NAMES,
    RTL_LANGUAGES,
    Article,
    Cancelled,
    Digest,
    DigestError,
    DigestOptions,
    ModelCredit,
    ModelUnavailable,
)

__all__ = [
    "LANGUAGE_NAMES",
    "LANGUAGE_NATIVE_NAMES",
    "RTL_LANGUAGES",
    "Article",
    "Cancelled",
    "Digest",
    "DigestError",
    "DigestOptions",
    "JobState",
    "ModelCredit",
    "ModelUnavailable",
]
