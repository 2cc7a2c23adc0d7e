"""The import contracts in pyproject.toml hold, and they catch the imports they forbid.

``lint-imports`` (import-linter) checks the layers of docs/architecture.md: the core imports
no Qt, the window imports no inference library, and no layer imports one above it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` on the packages under ``root`` with the project's contracts."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_project_keeps_every_import_contract() -> None:
    result = lint_imports(REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("models/common/units.py", "import PySide6.QtCore", "The core imports no Qt"),
        ("models/documents/export.py", "from PySide6.QtCore import QSaveFile", "The core imports no Qt"),
        ("desktop/ui/panes.py", "import torch", "The window imports no inference library"),
        ("desktop/ui/option_bar.py", "from models.inference import torch_backend", "The window imports no inference library"),
        ("models/inventory/catalog.py", "from models.digest import pipeline", "The core's layers"),
        ("models/common/types.py", "import models.inventory.installed", "The core's layers"),
        ("models/digest/summarize.py", "import models.cli", "The core's layers"),
        ("models/cli/commands.py", "import desktop.app", "The window sits above the core"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path: Path, module: str, forbidden_import: str, contract: str) -> None:
    for package in ("models", "desktop"):
        shutil.copytree(REPO_ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / module, "a", encoding="utf-8") as source:
        source.write(f"\n{forbidden_import}  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout
