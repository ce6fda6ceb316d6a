"""pkisign.golang.big against real Go's math/big.

tests/goldens/gobig.json is written by tools/goref/regen_big.sh (Go 1.24):
what ``new(big.Int).SetString(s, 0)`` returns for a corpus of serial-number
strings.  This test only reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pkisign.golang.big import big_int_base0

GOLDEN = json.loads((Path(__file__).parent / "goldens" / "gobig.json").read_text(encoding="utf-8"))
CASES = GOLDEN["setstring_base0"]
# Python refuses int() of more than 4300 decimal digits (CVE-2020-10735):
# pkisign refuses such a serial, which Go would go on to refuse as too long.
TOO_LONG_FOR_PYTHON = 4300


def test_the_golden_is_go_s() -> None:
    assert GOLDEN["go"].startswith("go1.") and len(CASES) > 200
    assert {c["ok"] for c in CASES} == {True, False}


@pytest.mark.parametrize("case", CASES, ids=lambda c: repr(c["in"])[:40])
def test_set_string_base0_matches_go(case: dict) -> None:
    got = big_int_base0(case["in"])
    if case["ok"] and len(case["in"].lstrip("+-")) > TOO_LONG_FOR_PYTHON:
        assert got is None
    elif case["ok"]:
        assert got == int(case["value"])
    else:
        assert got is None
