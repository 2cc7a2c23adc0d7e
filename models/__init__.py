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

TYPE_CHECKING = False  # typing's import alone takes milliseconds; mypy reads this name as True
if TYPE_CHECKING:
    from typing import Any

    from models.common.job_state import JobState
    from models.common.types import (
        Article,
        Cancelled,
        Digest,
        DigestError,
        DigestOptions,
        ModelCredit,
        ModelUnavailable,
    )

# The names are looked up on first use (PEP 562), so that importing the package is all but
# free: the CLI's entry point imports it before its Ctrl+C handler can be installed, and a
# signal landing during a slow import would end in a traceback.
__all__ = [
    "Article",
    "Cancelled",
    "Digest",
    "DigestError",
    "DigestOptions",
    "JobState",
    "ModelCredit",
    "ModelUnavailable",
]
_HOMES = {name: "models.common.job_state" if name == "JobState" else "models.common.types" for name in __all__}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'models' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
