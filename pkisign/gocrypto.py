"""The public-key checks of Go's crypto/rsa, crypto/elliptic and crypto/ed25519.

One copy for every path that reads a key: a CSR's or issuer's
SubjectPublicKeyInfo (keys.py), a certificate Go parses back (goparse.py)
and a signature check (verify.py).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Curve",
    "CURVES",
    "ED25519_PUBLIC_KEY_SIZE",
    "ec_point_on_curve",
    "rsa_public_key_error",
]

ED25519_PUBLIC_KEY_SIZE = 32


@dataclass(frozen=True)
class Curve:
    """A NIST curve y^2 = x^3 - 3x + b over GF(p), by its dotted OID."""

    name: str
    oid: str
    p: int
    b: int
    size: int  # bytes per coordinate


def _curve(name: str, oid: str, p: int, b: str) -> Curve:
    return Curve(name, oid, p, int(b, 16), (p.bit_length() + 7) // 8)


# Curve constants from SEC 2 (a = -3 on all four), as `openssl ecparam
# -param_enc explicit` prints them.  Only p and b are needed: they are what
# Go's elliptic.Unmarshal checks a point against.
CURVES = {
    c.oid: c
    for c in (
        _curve("P-224", "1.3.132.0.33", 2**224 - 2**96 + 1,
               "b4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4"),
        _curve("P-256", "1.2.840.10045.3.1.7", 2**256 - 2**224 + 2**192 + 2**96 - 1,
               "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"),
        _curve("P-384", "1.3.132.0.34", 2**384 - 2**128 - 2**96 + 2**32 - 1,
               "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875a"
               "c656398d8a2ed19d2a85c8edd3ec2aef"),
        _curve("P-521", "1.3.132.0.35", 2**521 - 1,
               "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef1"
               "09e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b50"
               "3f00"),
    )
}


def ec_point_on_curve(curve: Curve, point: bytes) -> bool:
    """Go's elliptic.Unmarshal: uncompressed, both coordinates reduced, on the curve."""
    if len(point) != 1 + 2 * curve.size or point[0] != 4:
        return False
    x = int.from_bytes(point[1:1 + curve.size], "big")
    y = int.from_bytes(point[1 + curve.size:], "big")
    p = curve.p
    if x >= p or y >= p:
        return False
    return (y * y - (x * x * x - 3 * x + curve.b)) % p == 0


def rsa_public_key_error(n: int, e: int) -> str | None:
    """What crypto/rsa's verify functions say of a key before any arithmetic.

    crypto/x509 parses any positive exponent; VerifyPKCS1v15 and VerifyPSS
    then build a modulus (bigmod.NewModulus) and run checkPublicKey.  The
    1024-bit minimum (GODEBUG rsa1024min) is off in step's GOPATH-mode build.
    """
    if n <= 1:
        return "modulus must be > 1"
    if n % 2 == 0:
        return "crypto/rsa: public modulus is even"
    if e < 2:
        return "crypto/rsa: public exponent too small or negative"
    if e % 2 == 0:
        return "crypto/rsa: public exponent is even"
    if e > (1 << 31) - 1:
        return "crypto/rsa: public exponent too large"
    return None
