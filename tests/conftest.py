"""Test set-up shared by every test: offscreen Qt, per-test user folders, the tiny models.

``QT_QPA_PLATFORM`` must be set before anything imports Qt, hence here at the top.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never reach for the Hub from a test: every model a test uses is built locally.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.pop("ARTICLE_DIGEST_MODELS", None)

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO_ROOT / "seeds" / "russia-us-syria.txt"


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models folder holding a tiny summariser, tiny en-ru / en-ar translators and tiny
    ru-en / ar-en ones.

    Built once per session by ``tests/make_tiny_models.py`` (a subprocess, so the test process
    itself stays free of the build's imports).
    """
    out = tmp_path_factory.mktemp("tiny-models")
    subprocess.run([sys.executable, str(REPO_ROOT / "tests" / "make_tiny_models.py"), str(out)], check=True)
    return out


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder (data, cache, settings, HF cache) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ARTICLE_DIGEST_HOME", str(home))
    monkeypatch.setenv("HF_HOME", str(home / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(home / "hf" / "hub"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    return home
