"""Golden vectors: pkisign's output against step's and OpenSSL's (tests/vectors).

Every case was made by the step reference signer (go.step.sm/crypto
x509util) or by OpenSSL, never by pkisign; tests/vectors/make_vectors.py
rebuilds them.  RSA and Ed25519 issuers sign deterministically, so the whole
output must be byte-identical; for ECDSA issuers the TBSCertificate and the
signature algorithm must be identical and the signature must verify.  Refusals are in test_errors.py.
"""

from __future__ import annotations

import json

import pytest
from conftest import VECTORS, assert_signed_like_the_reference

CASES = json.loads((VECTORS / "cases.json").read_text())["cases"]
SIGNED = [c for c in CASES if "expect" in c]


@pytest.mark.parametrize("case", SIGNED, ids=[c["name"] for c in SIGNED])
def test_signed_like_the_reference(case):
    assert_signed_like_the_reference(case)
