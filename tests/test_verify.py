"""Go's checkSignature rules for RSA PKCS#1 v1.5, through OpenSSL and through the Python fallback.

Both paths must accept exactly EM = 00 01 FF..FF (at least 8) 00 || DigestInfo
(with NULL parameters) || digest, as Go's rsa.VerifyPKCS1v15 does.
"""

from __future__ import annotations

import hashlib

import pytest

from pkisign.x509 import keys, verify

DIGEST = hashlib.sha256(b"tbs").digest()
# DigestInfo for SHA-256 without the NULL parameters (which Go refuses).
NO_NULL = bytes.fromhex("302f300b06096086480165030402010420")


@pytest.fixture(scope="module")
def rsa_key():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    private = rsa.generate_private_key(65537, 2048)
    spki = private.public_key().public_bytes(serialization.Encoding.DER,
                                             serialization.PublicFormat.SubjectPublicKeyInfo)
    return private.private_numbers(), keys.parse_spki(spki)


def _raw_sign(numbers, em: bytes) -> bytes:
    """s = EM^d mod n: any encoded message, well formed or not."""
    n = numbers.public_numbers.n
    return pow(int.from_bytes(em, "big"), numbers.d, n).to_bytes(256, "big")


def _em(t: bytes, head: bytes = b"\x00\x01", sep: bytes = b"\x00") -> bytes:
    """A 256-byte encoded message: head, FF padding, separator, t."""
    return head + b"\xff" * (256 - len(t) - 3) + sep + t


CASES = {
    "well formed": (_em(verify._DIGEST_INFO["sha256"] + DIGEST), True),
    "DigestInfo without NULL": (_em(NO_NULL + DIGEST), False),
    "block type 2": (_em(verify._DIGEST_INFO["sha256"] + DIGEST, head=b"\x00\x02"), False),
    "no zero separator": (_em(verify._DIGEST_INFO["sha256"] + DIGEST, sep=b"\x01"), False),
    "digest of another message": (_em(verify._DIGEST_INFO["sha256"] + hashlib.sha256(b"x").digest()), False),
    "zero inside the padding": (b"\x00\x01" + b"\xff" * 100 + b"\x00" + b"\xff" * (256 - 100 - 3 - 51 - 1)
                                + b"\x00" + verify._DIGEST_INFO["sha256"] + DIGEST, False),
}


@pytest.mark.parametrize("native", [True, False], ids=["openssl", "python"])
@pytest.mark.parametrize("case", list(CASES))
def test_pkcs1v15_accepts_exactly_gos_encoding(rsa_key, monkeypatch, case, native):
    numbers, key = rsa_key
    if not native:
        monkeypatch.setattr(verify, "_native_public_key", lambda spki: None)
    em, valid = CASES[case]
    assert len(em) == 256
    assert verify._rsa_pkcs1v15_verify(key, DIGEST, _raw_sign(numbers, em), "sha256") is valid


@pytest.mark.parametrize("native", [True, False], ids=["openssl", "python"])
def test_pkcs1v15_signature_length_and_range(rsa_key, monkeypatch, native):
    numbers, key = rsa_key
    if not native:
        monkeypatch.setattr(verify, "_native_public_key", lambda spki: None)
    good = _raw_sign(numbers, CASES["well formed"][0])
    assert verify._rsa_pkcs1v15_verify(key, DIGEST, good, "sha256")
    assert not verify._rsa_pkcs1v15_verify(key, DIGEST, good[1:], "sha256")
    assert not verify._rsa_pkcs1v15_verify(key, DIGEST, b"\x00" + good, "sha256")
    n = numbers.public_numbers.n
    assert not verify._rsa_pkcs1v15_verify(key, DIGEST, n.to_bytes(256, "big"), "sha256")  # s >= n


@pytest.mark.parametrize(("exponent", "refusal"), [
    (4, "crypto/rsa: public exponent is even"),
    (1, "crypto/rsa: public exponent too small or negative"),
    ((1 << 31) + 1, "crypto/rsa: public exponent too large"),
])
def test_an_issuer_rsa_key_goes_through_crypto_rsa_s_check(rsa_key, exponent: int, refusal: str) -> None:
    """The tail every certificate goes through (Issuer.attach and assemble) checks
    the issuer's key as crypto/rsa does, before any arithmetic: an issuer
    certificate whose RSA exponent Go's parser accepts but crypto/rsa refuses
    signs nothing."""
    from dataclasses import replace

    from pkisign.x509.tbs import attach_signature

    numbers, key = rsa_key
    algorithm = keys.algorithm_by_name("SHA256-RSA")
    tbs = b"\x30\x03\x02\x01\x01"
    signature = pow(int.from_bytes(b"\x01" + bytes(255), "big"), numbers.d, numbers.public_numbers.n)
    bad = replace(key, rsa_e=exponent)
    with pytest.raises(verify.VerifyError) as refused:
        attach_signature(tbs, algorithm.identifier, algorithm, signature.to_bytes(256, "big"), bad)
    assert str(refused.value) == refusal
