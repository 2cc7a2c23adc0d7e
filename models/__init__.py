"""Article Digest's engine: summarise and translate articles with local Hugging Face models.

Qt-free. ``import models`` stays cheap: torch and transformers are imported only inside the
functions that load or run a model.
"""

from __future__ import annotations

from models.types import (
    LANGUAGE_NAMES,
    LANGUAGE_NATIVE_NAMES,
    RTL_LANGUAGES,
    Article,
    CancelToken,
    Cancelled,
    Digest,
    DigestError,
    DigestOptions,
    ModelCredit,
    ModelUnavailable,
    Progress,
    ProgressCallback,
)

__all__ = [
    "LANGUAGE_NAMES",
    "LANGUAGE_NATIVE_NAMES",
    "RTL_LANGUAGES",
    "Article",
    "CancelToken",
    "Cancelled",
    "Digest",
    "DigestError",
    "DigestOptions",
    "ModelCredit",
    "ModelUnavailable",
    "Progress",
    "ProgressCallback",
]
