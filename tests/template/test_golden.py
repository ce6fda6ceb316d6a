"""Differential tests: every golden case renders exactly as Go rendered it.

The expected files were written by tools/regen_template_golden.py with the
Go reference renderer (tools/gotemplate-ref); these tests never need Go.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_data import load

from pkisign.errors import TemplateError
from pkisign.golang.time.values import UTC, set_local
from pkisign.template import Template

CASES = Path(__file__).parent / "golden" / "cases"
NAMES = sorted(p.stem for p in CASES.glob("*.tpl"))


@pytest.fixture(autouse=True)
def _local_is_utc():
    set_local(UTC)
    yield
    set_local(None)


@pytest.mark.parametrize("name", NAMES)
def test_golden(name: str) -> None:
    text = (CASES / f"{name}.tpl").read_bytes().decode("utf-8", "surrogateescape")
    data_file = CASES / f"{name}.json"
    data = load(data_file.read_text()) if data_file.exists() else None
    out_file, err_file = CASES / f"{name}.out", CASES / f"{name}.err"
    assert out_file.exists() != err_file.exists(), "run tools/regen_template_golden.py"
    try:
        out = Template.parse(text).execute(data).encode("utf-8", "surrogateescape")
    except TemplateError as e:
        assert err_file.exists(), f"unexpected error: {e}"
        assert str(e) == err_file.read_bytes().decode("utf-8", "surrogateescape")
        return
    assert out_file.exists(), f"expected error {err_file.read_text()!r}, got {out!r}"
    assert out == out_file.read_bytes()
