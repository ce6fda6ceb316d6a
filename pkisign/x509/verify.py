"""Signature verification with crypto/x509's checkSignature rules.

Used twice per certificate: on the CSR (its proof of possession) and on the
new certificate, before it is printed (a self-check, as Go does after
signing).  RSA PKCS#1 v1.5 goes through OpenSSL (s^e mod n in Python is ten
times slower), with a pure-Python fallback for keys OpenSSL will not load;
RSA-PSS is verified here in pure Python, so that the rule is Go's exactly:
the salt must be as long as the hash.
ECDSA goes through oscrypto; Ed25519 through the optional ``cryptography``.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from .._oscrypto_compat import asymmetric
from ..errors import MissingExtraError
from ..golang.crypto import rsa_public_key_error
from .keys import PublicKey, SignatureAlgorithm

__all__ = ["VerifyError", "check_signature", "ed25519_public_key"]

_KIND_NAMES = {"rsa": "RSA", "ec": "ECDSA", "ed25519": "Ed25519"}

# DER DigestInfo prefixes (RFC 8017 9.2, note 1).
_DIGEST_INFO = {
    "sha1": bytes.fromhex("3021300906052b0e03021a05000414"),
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
}


class VerifyError(ValueError):
    """A signature that does not verify (message in Go's words)."""


def check_signature(
    algorithm: SignatureAlgorithm | None,
    message: bytes,
    signature: bytes,
    key: PublicKey | None,
    *,
    allow_sha1: bool,
) -> None:
    """Go's checkSignature: raise VerifyError unless the signature is valid."""
    if algorithm is None or key is None:
        raise VerifyError("x509: cannot verify signature: algorithm unimplemented")
    if algorithm.hash == "md5" or (algorithm.hash == "sha1" and not allow_sha1):
        raise VerifyError(f"x509: cannot verify signature: insecure algorithm {algorithm.name}")
    if algorithm.key_kind != key.kind:
        raise VerifyError(
            f"x509: signature algorithm specifies an {_KIND_NAMES[algorithm.key_kind]} public key, "
            f"but have public key of type {key.go_type}"
        )
    if key.kind == "rsa":
        refused = rsa_public_key_error(key.rsa_n, key.rsa_e)
        if refused is not None:
            raise VerifyError(refused)
        digest = hashlib.new(algorithm.hash, message).digest()
        ok = _rsa_pss_verify(key, digest, signature, algorithm.hash) if algorithm.pss \
            else _rsa_pkcs1v15_verify(key, digest, signature, algorithm.hash)
        if not ok:
            raise VerifyError("crypto/rsa: verification error")
    elif key.kind == "ec":
        if not _ecdsa_verify(key, message, signature, algorithm.hash):
            raise VerifyError("x509: ECDSA verification failure")
    else:
        if not _ed25519_verify(key, message, signature):
            raise VerifyError("x509: Ed25519 verification failure")


def _rsa_encrypt(key: PublicKey, signature: bytes) -> bytes | None:
    """RSAVP1: s^e mod n as k bytes, or None if the signature is out of range."""
    k = (key.rsa_n.bit_length() + 7) // 8
    if len(signature) != k:
        return None
    s = int.from_bytes(signature, "big")
    if s >= key.rsa_n:
        return None
    return pow(s, key.rsa_e, key.rsa_n).to_bytes(k, "big")


def _rsa_pkcs1v15_verify(key: PublicKey, digest: bytes, signature: bytes, hash_name: str) -> bool:
    """Go's VerifyPKCS1v15: EM must be exactly 00 01 FF..FF 00 || DigestInfo || digest."""
    k = (key.rsa_n.bit_length() + 7) // 8
    t = _DIGEST_INFO[hash_name] + digest
    if len(signature) != k or k - len(t) - 3 < 8 or int.from_bytes(signature, "big") >= key.rsa_n:
        return False
    native = _native_public_key(key.spki)
    if native is not None:
        # s^e mod n in Python costs ~250 us for RSA-2048, OpenSSL ~20 us.  With
        # "raw", OpenSSL checks the type 1 padding (at least 8 FF bytes) and
        # compares what it holds with t: the same test as Go's.
        from oscrypto.errors import SignatureError

        try:
            asymmetric().rsa_pkcs1v15_verify(native, signature, t, "raw")
            return True
        except SignatureError:
            return False
        except OSError:  # OpenSSL's padding check failing: the Python check below gives the verdict
            pass
    em = _rsa_encrypt(key, signature)
    if em is None:
        return False
    expected = b"\x00\x01" + b"\xff" * (k - len(t) - 3) + b"\x00" + t
    return hmac.compare_digest(em, expected)


def _mgf1(seed: bytes, length: int, hash_name: str) -> bytes:
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.new(hash_name, seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return out[:length]


def _rsa_pss_verify(key: PublicKey, digest: bytes, signature: bytes, hash_name: str) -> bool:
    """EMSA-PSS-VERIFY (RFC 8017 9.1.2) with the salt length fixed to hLen."""
    em_full = _rsa_encrypt(key, signature)
    if em_full is None:
        return False
    em_bits = key.rsa_n.bit_length() - 1
    em_len = (em_bits + 7) // 8
    em = em_full[len(em_full) - em_len:]
    if len(em_full) != em_len and em_full[0] != 0:
        return False
    h_len = len(digest)
    s_len = h_len
    if em_len < h_len + s_len + 2 or em[-1] != 0xBC:
        return False
    masked_db, h = em[:em_len - h_len - 1], em[em_len - h_len - 1:-1]
    unused = 8 * em_len - em_bits
    if unused and masked_db[0] >> (8 - unused):
        return False
    db = bytearray(a ^ b for a, b in zip(masked_db, _mgf1(h, len(masked_db), hash_name)))
    if unused:
        db[0] &= 0xFF >> unused
    pad_len = em_len - h_len - s_len - 2
    if any(db[:pad_len]) or db[pad_len] != 1:
        return False
    salt = bytes(db[len(db) - s_len:])
    h2 = hashlib.new(hash_name, b"\x00" * 8 + digest + salt).digest()
    return hmac.compare_digest(h, h2)


@lru_cache(maxsize=64)
def _native_public_key(spki: bytes):
    """The key loaded into OpenSSL, or None when OpenSSL refuses it (verified in Python then)."""
    try:
        return _oscrypto_public_key(spki)
    except Exception:  # noqa: BLE001 - an RSA key OpenSSL will not load (odd sizes or exponents)
        return None


@lru_cache(maxsize=64)
def _oscrypto_public_key(spki: bytes):
    """Loading a key into OpenSSL costs more than a verification: an issuer's is loaded once."""
    from asn1crypto import keys as asn1_keys

    return asymmetric().load_public_key(asn1_keys.PublicKeyInfo.load(spki))


def _ecdsa_verify(key: PublicKey, message: bytes, signature: bytes, hash_name: str) -> bool:
    from oscrypto.errors import SignatureError

    try:
        asymmetric().ecdsa_verify(_oscrypto_public_key(key.spki), signature, message, hash_name)
    except SignatureError:
        return False
    return True


@lru_cache(maxsize=64)
def ed25519_public_key(raw: bytes):
    """A cryptography Ed25519 public key, or MissingExtraError."""
    try:
        from cryptography.hazmat.primitives.asymmetric import ed25519
    except ImportError:
        raise MissingExtraError("an Ed25519 signature", "cryptography") from None
    return ed25519.Ed25519PublicKey.from_public_bytes(raw)


def _ed25519_verify(key: PublicKey, message: bytes, signature: bytes) -> bool:
    public = ed25519_public_key(key.key_bits)
    from cryptography.exceptions import InvalidSignature

    try:
        public.verify(signature, message)
    except InvalidSignature:
        return False
    return True
