"""PyInstaller run-time hook: runs in the frozen app before its own code.

1. A no-console build (the Windows and macOS window executables) starts with ``sys.stdout``
   and ``sys.stderr`` set to ``None``; tqdm, transformers' logging and a bare ``print`` in a
   library would fail on them. Point them at the null device instead (the app logs to a
   file in the per-user data folder).
2. A bundle built with ``--with-models`` carries the models in ``<bundle>/models``: the app
   finds them through ``ARTICLE_DIGEST_MODELS`` (models/inventory/installed.py), unless the user set it.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process

_bundle = getattr(sys, "_MEIPASS", os.path.dirname(os.path.abspath(sys.executable)))
_models = os.path.join(_bundle, "models")
if os.path.isdir(_models) and not os.environ.get("ARTICLE_DIGEST_MODELS"):
    os.environ["ARTICLE_DIGEST_MODELS"] = _models
