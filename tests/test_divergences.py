"""Cases where pkisign once differed from step, replayed against step's answers.

tests/vectors/divergences/cases.json is written by tools/divergence_vectors.py,
which runs ``step-sign-ref`` (never pkisign) on each CSR and argv.  pkisign
must exit the same way, print the same certificate bytes, and refuse with the
same message.  The not-before/not-after ordering error is compared by what
it says rather than letter for letter: step-sign-ref words it differently
from the step CLI that pkisign follows.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import differential as diff

CASES = json.loads((ROOT / "tests" / "vectors" / "divergences" / "cases.json").read_text(encoding="utf-8"))["cases"]

_ORDER = re.compile(r'flag --not-before "(.*)" is after --not-after "(.*)"')


def _expected_message(step_message: str) -> str:
    order = _ORDER.fullmatch(step_message)
    if order:
        return f"flag '--not-before {order[1]}' is incompatible with flag '--not-after {order[2]}'"
    return step_message


def test_the_vectors_hold_refusals_and_certificates():
    assert len(CASES) >= 7
    assert {c["name"] for c in CASES} >= {"rsa-exponent-too-large", "name-utctime-offset-2400",
                                          "not-after-duration-leading-zeros"}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_pkisign_answers_as_step(case, monkeypatch):
    monkeypatch.chdir(ROOT)
    ours = diff.run_pkisign(case["argv"])
    assert ours.code == case["exit"], ours.stderr
    assert ours.stdout == case["stdout"].encode("ascii")
    step = diff.Outcome(case["exit"], b"", case["stderr"])
    assert ours.message == _expected_message(step.message)
