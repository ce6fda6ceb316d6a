"""Static checks: ruff and mypy, configured in pyproject.toml, pass on the whole tree.

ruff's RUF100 and mypy's ``warn_unused_ignores`` make every ``noqa`` and
``type: ignore`` marker in the code name a finding that is really there.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from conftest import require

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    require(importlib.util.find_spec("ruff") is not None, "ruff is not installed (tests/requirements.txt)")
    result = run("ruff", "check", "--no-cache", "pkisign", "tests", "tools", "bench", "fuzz")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    require(importlib.util.find_spec("mypy") is not None, "mypy is not installed (tests/requirements.txt)")
    result = run("mypy", "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checks_see_a_planted_finding(tmp_path: Path) -> None:
    """Each tool, with the project's configuration, reports a file that breaks its rules."""
    require(importlib.util.find_spec("ruff") is not None and importlib.util.find_spec("mypy") is not None,
            "ruff or mypy is not installed (tests/requirements.txt)")
    planted = tmp_path / "planted.py"
    planted.write_text("import os\n\n\ndef f() -> int:\n    return 'x'  # noqa: E501\n", encoding="utf-8")
    ruff = run("ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(planted))
    assert ruff.returncode == 1 and "F401" in ruff.stdout and "RUF100" in ruff.stdout, ruff.stdout
    mypy = run("mypy", "--no-incremental", "--cache-dir", "/dev/null", "--config-file", str(ROOT / "pyproject.toml"),
               str(planted))
    assert mypy.returncode == 1 and "return-value" in mypy.stdout, mypy.stdout
