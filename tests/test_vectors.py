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
from asn1crypto import pem as apem, x509

from conftest import VECTORS, outlives_issuer_warning, run_cli

CASES = json.loads((VECTORS / "cases.json").read_text())["cases"]
SIGNED = [c for c in CASES if "expect" in c]


def certificates(pem_bytes: bytes) -> list[x509.Certificate]:
    return [x509.Certificate.load(der) for _, _, der in apem.unarmor(pem_bytes, multiple=True)]


def run_case(case: dict):
    stdin = (VECTORS / case["stdin"]).read_bytes() if case.get("stdin") else b""
    return run_cli(["sign", *case["argv"]], cwd=VECTORS, stdin=stdin)


def verify_signature(cert: x509.Certificate, issuer_file: str) -> None:
    """Check the signature with pyca/cryptography: a verifier pkisign did not write."""
    from cryptography import x509 as cx509

    issuer = cx509.load_pem_x509_certificate((VECTORS / issuer_file).read_bytes())
    cx509.load_der_x509_certificate(cert.dump()).verify_directly_issued_by(issuer)


@pytest.mark.parametrize("case", SIGNED, ids=[c["name"] for c in SIGNED])
def test_signed_like_the_reference(case):
    result = run_case(case)
    assert result.code == 0, result.stderr
    assert result.stderr == outlives_issuer_warning(result.stdout, VECTORS / case["issuer"])
    expected = (VECTORS / case["expect"]).read_bytes()
    if case["compare"] == "bytes":
        assert result.stdout == expected
        return
    ours, theirs = certificates(result.stdout), certificates(expected)
    assert len(ours) == len(theirs)
    assert ours[0]["tbs_certificate"].dump() == theirs[0]["tbs_certificate"].dump()
    assert ours[0]["signature_algorithm"].dump() == theirs[0]["signature_algorithm"].dump()
    assert [c.dump() for c in ours[1:]] == [c.dump() for c in theirs[1:]]
    verify_signature(ours[0], case["issuer"])
