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
from asn1crypto import pem as apem, x509

from conftest import VECTORS, outlives_issuer_warning, run_cli, step_wording

CASES = json.loads((VECTORS / "template_cases.json").read_text())["cases"]
SIGNED = [c for c in CASES if "expect" in c]
REFUSED = [c for c in CASES if c.get("exit")]


def run_case(case: dict):
    stdin = (VECTORS / case["stdin"]).read_bytes() if case.get("stdin") else b""
    return run_cli(["sign", *case["argv"]], cwd=VECTORS, stdin=stdin)


def certificates(pem_bytes: bytes) -> list[x509.Certificate]:
    return [x509.Certificate.load(der) for _, _, der in apem.unarmor(pem_bytes, multiple=True)]


def verify(cert: x509.Certificate, issuer_file: str) -> None:
    """pyca/cryptography checks the signature with the issuer's key.

    PSS: the salt must be as long as the hash, as Go requires.  The key's
    verify is used directly because verify_directly_issued_by refuses SHA-1.
    """
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    issuer_key = cx509.load_pem_x509_certificate((VECTORS / issuer_file).read_bytes()).public_key()
    ours = cx509.load_der_x509_certificate(cert.dump())
    digest, signed = ours.signature_hash_algorithm, ours.tbs_certificate_bytes
    if isinstance(ours.signature_algorithm_parameters, padding.PSS):
        issuer_key.verify(ours.signature, signed, padding.PSS(padding.MGF1(digest), padding.PSS.DIGEST_LENGTH),
                          digest)
    elif isinstance(issuer_key, rsa.RSAPublicKey):
        issuer_key.verify(ours.signature, signed, padding.PKCS1v15(), digest)
    elif isinstance(issuer_key, ec.EllipticCurvePublicKey):
        issuer_key.verify(ours.signature, signed, ec.ECDSA(digest))
    else:
        issuer_key.verify(ours.signature, signed)


@pytest.mark.parametrize("case", SIGNED, ids=[c["name"] for c in SIGNED])
def test_template_signed_like_the_reference(case):
    result = run_case(case)
    assert result.code == 0, result.stderr
    assert result.stderr == outlives_issuer_warning(result.stdout, VECTORS / case["issuer"])
    expected = (VECTORS / case["expect"]).read_bytes()
    if case["compare"] == "bytes":
        assert result.stdout == expected
        return
    ours, theirs = certificates(result.stdout), certificates(expected)
    assert ours[0]["tbs_certificate"].dump() == theirs[0]["tbs_certificate"].dump()
    assert ours[0]["signature_algorithm"].dump() == theirs[0]["signature_algorithm"].dump()
    assert [c.dump() for c in ours[1:]] == [c.dump() for c in theirs[1:]]
    verify(ours[0], case["issuer"])


@pytest.mark.parametrize("case", REFUSED, ids=[c["name"] for c in REFUSED])
def test_template_refused_like_the_reference(case):
    result = run_case(case)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert result.stderr[:-1] == step_wording(case["ref_stderr"])
