"""Public keys and signature algorithms, with crypto/x509's rules.

A certificate carries the CSR's key *re-encoded* the way Go marshals it
(spec 9.4): RSA with NULL parameters and a minimal RSAPublicKey, EC as a
named curve with an uncompressed point padded to the field size, Ed25519
with absent parameters.  The signature algorithm of a certificate follows
the issuer key (spec 9.3) unless a template asks for another one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..golang import x509 as go_x509
from ..golang.crypto import CURVES
from . import der

__all__ = [
    "PublicKey",
    "KeyError_",
    "parse_spki",
    "SignatureAlgorithm",
    "SIGNATURE_ALGORITHMS",
    "algorithm_by_name",
    "algorithm_from_identifier",
    "default_algorithm",
    "CURVES",
    "MAX_RSA_BITS",
]

OID_RSA = "1.2.840.113549.1.1.1"
OID_EC = "1.2.840.10045.2.1"
OID_ED25519 = "1.3.101.112"
OID_RSA_PSS = "1.2.840.113549.1.1.10"
OID_MGF1 = "1.2.840.113549.1.1.8"


#: The largest RSA modulus pkisign reads.  Go's crypto/x509 and crypto/rsa set
#: no upper bound (only e <= 2^31-1); verifying with a 300,000-bit modulus
#: costs seconds of CPU, so pkisign refuses such keys before any arithmetic.
#: 16384 bits is also OpenSSL's limit for RSA public-key operations.
MAX_RSA_BITS = 16384


class KeyError_(ValueError):
    """A public key Go refuses to parse (message in Go's words)."""


@dataclass(frozen=True)
class PublicKey:
    """A parsed public key: its kind, Go's view of it, and its Go encoding.

    ``kind`` is "rsa", "ec" or "ed25519"; ``curve`` names the EC curve;
    ``key_bits`` is the subjectPublicKey BIT STRING content (what the SKI
    hashes); ``spki`` is the SubjectPublicKeyInfo exactly as Go writes it.
    """

    kind: str
    key_bits: bytes
    spki: bytes
    curve: str | None = None
    rsa_n: int = 0
    rsa_e: int = 0

    @property
    def go_type(self) -> str:
        """Go's %T of the key, as templates test it with ``typeIs``."""
        return {"rsa": "*rsa.PublicKey", "ec": "*ecdsa.PublicKey",
                "ed25519": "ed25519.PublicKey"}[self.kind]

    @cached_property  # a CSR's key goes into each of its certificates
    def subject_key_id(self) -> bytes:
        """RFC 5280 4.2.1.2 method 1, as x509util computes it."""
        return hashlib.sha1(self.key_bits).digest()

    @property
    def description(self) -> str:
        if self.kind == "rsa":
            return f"RSA-{self.rsa_n.bit_length()}"
        if self.kind == "ec":
            return f"EC {self.curve}"
        return "Ed25519"

    def same_key(self, other: "PublicKey") -> bool:
        return self.kind == other.kind and self.spki == other.spki


def _rsa_spki(n: int, e: int) -> tuple[bytes, bytes]:
    bits = der.sequence(der.integer(n), der.integer(e))
    alg = der.sequence(der.oid(OID_RSA), b"\x05\x00")
    return bits, der.sequence(alg, der.bit_string(bits))


def parse_spki(spki: bytes) -> PublicKey | None:
    """Go's ParsePKIXPublicKey for RSA, EC and Ed25519.

    The framing is encoding/asn1's (a SubjectPublicKeyInfo, nothing after
    it); the key itself is crypto/x509's ``parsePublicKey``, the one copy in
    :mod:`pkisign.golang.x509` that the re-parse of every written certificate
    runs too.  Returns None for a key algorithm Go does not sign with (what
    Go leaves as a nil key), and raises KeyError_ for a malformed key.
    """
    try:
        top = der.children(spki)
        if len(top) != 1 or top[0][0] != 0x30:
            raise KeyError_("x509: malformed public key")
        parts = der.children(top[0][1])
        if len(parts) != 2 or parts[0][0] != 0x30 or parts[1][0] != 0x03:
            raise KeyError_("x509: malformed public key")
        alg = der.children(parts[0][1])
        if not alg or alg[0][0] != 0x06:
            raise KeyError_("x509: malformed public key algorithm identifier")
        oid = tuple(int(arc) for arc in der.decode_oid(alg[0][2]).split("."))
        params = alg[1][2] if len(alg) > 1 else b""
        bit_string = parts[1][1]
        if not bit_string or bit_string[0] != 0:
            raise KeyError_("x509: malformed public key")
        bits = bit_string[1:]
    except der.DERError:
        raise KeyError_("x509: malformed public key") from None
    except (ValueError, TypeError) as exc:
        if isinstance(exc, KeyError_):
            raise
        raise KeyError_("x509: malformed public key") from None
    if oid not in (go_x509.OID_RSA, go_x509.OID_ECDSA, go_x509.OID_ED25519):
        # DSA (which Go reads and never signs with) and unknown algorithms.
        if oid in go_x509.KNOWN_KEY_ALGORITHMS:
            _go_public_key(oid, params, bits)
        return None
    parsed = _go_public_key(oid, params, bits)
    if parsed[0] == "rsa":
        _, n, e = parsed
        if n.bit_length() > MAX_RSA_BITS:
            raise KeyError_(f"RSA key of {n.bit_length()} bits: pkisign reads RSA keys of at most "
                            f"{MAX_RSA_BITS} bits")
        key_bits, encoded = _rsa_spki(n, e)
        return PublicKey("rsa", key_bits, encoded, rsa_n=n, rsa_e=e)
    if parsed[0] == "ec":
        curve = parsed[1]
        alg_id = der.sequence(der.oid(OID_EC), der.oid(curve.oid))
        return PublicKey("ec", bits, der.sequence(alg_id, der.bit_string(bits)), curve=curve.name)
    alg_id = der.sequence(der.oid(OID_ED25519))
    return PublicKey("ed25519", bits, der.sequence(alg_id, der.bit_string(bits)))


def _go_public_key(oid: tuple[int, ...], params: bytes, bits: bytes) -> tuple[Any, ...]:
    try:
        return go_x509.parse_public_key(oid, params, bits)
    except go_x509.GoParseError as exc:
        raise KeyError_(str(exc)) from None


# -- signature algorithms -----------------------------------------------------

@dataclass(frozen=True)
class SignatureAlgorithm:
    """One of Go's x509.SignatureAlgorithm values.

    ``identifier`` is the AlgorithmIdentifier DER written in the certificate;
    ``hash`` the hashlib name ("" for Ed25519, which signs the message).
    """

    name: str  # Go's String(): "SHA256-RSA", "ECDSA-SHA384", "Ed25519"...
    key_kind: str
    hash: str
    oid: str
    identifier: bytes
    pss: bool = False

    @property
    def hash_size(self) -> int:
        return hashlib.new(self.hash).digest_size if self.hash else 0


_HASH_OIDS = {
    "sha1": "1.3.14.3.2.26",
    "sha256": "2.16.840.1.101.3.4.2.1",
    "sha384": "2.16.840.1.101.3.4.2.2",
    "sha512": "2.16.840.1.101.3.4.2.3",
}


def _pss_identifier(hash_name: str) -> bytes:
    """RSASSA-PSS-params as Go writes them (RFC 4055): salt = hash length."""
    hash_alg = der.sequence(der.oid(_HASH_OIDS[hash_name]), b"\x05\x00")
    salt = hashlib.new(hash_name).digest_size
    params = der.sequence(
        der.tlv(0xA0, hash_alg),
        der.tlv(0xA1, der.sequence(der.oid(OID_MGF1), hash_alg)),
        der.tlv(0xA2, der.integer(salt)),
    )
    return der.sequence(der.oid(OID_RSA_PSS), params)


def _alg(name: str, kind: str, hash_name: str, oid: str, null_params: bool) -> SignatureAlgorithm:
    ident = der.sequence(der.oid(oid), b"\x05\x00") if null_params else der.sequence(der.oid(oid))
    return SignatureAlgorithm(name, kind, hash_name, oid, ident)


SIGNATURE_ALGORITHMS: tuple[SignatureAlgorithm, ...] = (
    _alg("MD5-RSA", "rsa", "md5", "1.2.840.113549.1.1.4", True),
    _alg("SHA1-RSA", "rsa", "sha1", "1.2.840.113549.1.1.5", True),
    _alg("SHA256-RSA", "rsa", "sha256", "1.2.840.113549.1.1.11", True),
    _alg("SHA384-RSA", "rsa", "sha384", "1.2.840.113549.1.1.12", True),
    _alg("SHA512-RSA", "rsa", "sha512", "1.2.840.113549.1.1.13", True),
    SignatureAlgorithm("SHA256-RSAPSS", "rsa", "sha256", OID_RSA_PSS, _pss_identifier("sha256"), True),
    SignatureAlgorithm("SHA384-RSAPSS", "rsa", "sha384", OID_RSA_PSS, _pss_identifier("sha384"), True),
    SignatureAlgorithm("SHA512-RSAPSS", "rsa", "sha512", OID_RSA_PSS, _pss_identifier("sha512"), True),
    _alg("ECDSA-SHA1", "ec", "sha1", "1.2.840.10045.4.1", False),
    _alg("ECDSA-SHA256", "ec", "sha256", "1.2.840.10045.4.3.2", False),
    _alg("ECDSA-SHA384", "ec", "sha384", "1.2.840.10045.4.3.3", False),
    _alg("ECDSA-SHA512", "ec", "sha512", "1.2.840.10045.4.3.4", False),
    _alg("Ed25519", "ed25519", "", "1.3.101.112", False),
)
_BY_NAME = {a.name: a for a in SIGNATURE_ALGORITHMS}
# Go also knows SHA1WithRSA under the ISO OID 1.3.14.3.2.29.
_BY_OID = {a.oid: a for a in SIGNATURE_ALGORITHMS if not a.pss}
_BY_OID["1.3.14.3.2.29"] = _BY_NAME["SHA1-RSA"]


def algorithm_by_name(name: str) -> SignatureAlgorithm | None:
    return _BY_NAME.get(name)


def default_algorithm(key: PublicKey) -> SignatureAlgorithm:
    """Go's signingParamsForKey default for an issuer key."""
    if key.kind == "rsa":
        return _BY_NAME["SHA256-RSA"]
    if key.kind == "ed25519":
        return _BY_NAME["Ed25519"]
    return _BY_NAME[{"P-224": "ECDSA-SHA256", "P-256": "ECDSA-SHA256",
                      "P-384": "ECDSA-SHA384", "P-521": "ECDSA-SHA512"}[key.curve or ""]]


def algorithm_from_identifier(identifier: bytes) -> SignatureAlgorithm | None:
    """Go's getSignatureAlgorithmFromAI: None for what Go calls unknown.

    RSASSA-PSS is only recognised with MGF1 over the same hash, a salt as
    long as the hash and the default trailer; Ed25519 with absent parameters.
    """
    try:
        parts = der.children(der.children(identifier)[0][1])
        oid = der.decode_oid(parts[0][2])
    except (der.DERError, IndexError, ValueError, TypeError):
        return None
    params = parts[1][2] if len(parts) > 1 else b""
    if oid == "1.3.101.112" and params:
        return None
    if oid != OID_RSA_PSS:
        return _BY_OID.get(oid)
    for alg in SIGNATURE_ALGORITHMS:
        if alg.pss and _pss_params_match(params, alg):
            return alg
    return None


def _pss_params_match(params: bytes, alg: SignatureAlgorithm) -> bool:
    """Accept the encodings Go accepts: NULL hash parameters may be absent."""
    try:
        fields = der.children(der.children(params)[0][1])
    except (der.DERError, IndexError):
        return False
    hash_oid = der.oid(_HASH_OIDS[alg.hash])
    hash_ok = {der.sequence(hash_oid), der.sequence(hash_oid, b"\x05\x00")}
    seen: dict[int, bytes | None] = {0xA0: None, 0xA1: None, 0xA2: None, 0xA3: None}
    for tag, content, _ in fields:
        if tag not in seen:
            return False
        seen[tag] = content
    if seen[0xA0] not in hash_ok:
        return False
    mgf = seen[0xA1]
    if mgf is None:
        return False
    try:
        mgf_parts = der.children(der.children(mgf)[0][1])
    except (der.DERError, IndexError):
        return False
    if len(mgf_parts) != 2 or mgf_parts[0][2] != der.oid(OID_MGF1) or mgf_parts[1][2] not in hash_ok:
        return False
    salt = seen[0xA2]
    if salt is None or salt != der.integer(alg.hash_size):
        return False
    trailer = seen[0xA3]
    return trailer is None or trailer == der.integer(1)
