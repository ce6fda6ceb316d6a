"""Cases where pkisign once differed from step, replayed against step's answers.

tests/vectors/divergences/cases.json is written by tools/divergence_vectors.py,
which runs ``step-sign-ref`` (never pkisign) on each CSR and argv.  pkisign
must exit the same way, print the same certificate bytes, and refuse with the
same message.  Two kinds of message are compared by what they say rather than
letter for letter, because step-sign-ref words them differently from the
step CLI that pkisign follows: the not-before/not-after ordering error, and
encoding/asn1's time error, whose "given ..., but serialized as ..." tail
pkisign leaves out.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import differential as diff  # noqa: E402

CASES = json.loads((ROOT / "tests" / "vectors" / "divergences" / "cases.json").read_text(encoding="utf-8"))["cases"]

_ORDER = re.compile(r'flag --not-before "(.*)" is after --not-after "(.*)"')
_ASN1_TIME = "asn1: time did not serialize back to the original value and may be invalid"


def _expected_message(step_message: str) -> str:
    order = _ORDER.fullmatch(step_message)
    if order:
        return f"flag '--not-before {order[1]}' is incompatible with flag '--not-after {order[2]}'"
    if _ASN1_TIME in step_message:
        return step_message[:step_message.index(_ASN1_TIME) + len(_ASN1_TIME)]
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
