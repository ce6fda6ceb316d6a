"""Golden template vectors: --template output against the step reference.

tests/vectors/make_template_vectors.py ran real step templates (the step
documentation's examples, the built-in profiles, and a corpus that uses
every JSON field and function family) through go.step.sm/crypto x509util.
RSA PKCS#1 v1.5 and Ed25519 issuers must give identical bytes; ECDSA and
RSA-PSS ones (random signatures) an identical TBSCertificate and a
signature that verifies.  Refusals must be one line, exit 1, and carry the
reference's message.
"""

from __future__ import annotations

import json

import pytest
from conftest import VECTORS, assert_signed_like_the_reference, run_case, step_wording

CASES = json.loads((VECTORS / "template_cases.json").read_text())["cases"]
SIGNED = [c for c in CASES if "expect" in c]
REFUSED = [c for c in CASES if c.get("exit")]


@pytest.mark.parametrize("case", SIGNED, ids=[c["name"] for c in SIGNED])
def test_template_signed_like_the_reference(case):
    assert_signed_like_the_reference(case)


@pytest.mark.parametrize("case", REFUSED, ids=[c["name"] for c in REFUSED])
def test_template_refused_like_the_reference(case):
    result = run_case(case)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert result.stderr[:-1] == step_wording(case["ref_stderr"])
