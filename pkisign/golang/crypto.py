"""The public-key checks of Go's crypto/rsa, crypto/elliptic and crypto/ed25519.

One copy for every path that reads a key: a CSR's or issuer's
SubjectPublicKeyInfo (x509/keys.py), a certificate Go parses back (golang/x509.py)
and a signature check (x509/verify.py).
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
    """A NIST curve y^2 = x^3 - 3x + b over GF(p), by its dotted OID.

    n, gx, gy complete elliptic.CurveParams (what a template sees through
    ``.PublicKey.Curve.Params``); the point check needs only p and b.
    """

    name: str
    oid: str
    p: int
    b: int
    n: int
    gx: int
    gy: int
    size: int  # bytes per coordinate


def _curve(name: str, oid: str, p: int, b: str, n: str, gx: str, gy: str) -> Curve:
    return Curve(name, oid, p, int(b, 16), int(n, 16), int(gx, 16), int(gy, 16), (p.bit_length() + 7) // 8)


# Curve constants from SEC 2 (a = -3 on all four), as `openssl ecparam
# -param_enc explicit -text` prints them (b, the order n, the generator).
CURVES = {
    c.oid: c
    for c in (
        _curve("P-224", "1.3.132.0.33", 2**224 - 2**96 + 1,
               "b4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4",
               "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d",
               "b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21",
               "bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34"),
        _curve("P-256", "1.2.840.10045.3.1.7", 2**256 - 2**224 + 2**192 + 2**96 - 1,
               "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
               "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
               "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
               "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5"),
        _curve("P-384", "1.3.132.0.34", 2**384 - 2**128 - 2**96 + 2**32 - 1,
               "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875a"
               "c656398d8a2ed19d2a85c8edd3ec2aef",
               "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
               "581a0db248b0a77aecec196accc52973",
               "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a38"
               "5502f25dbf55296c3a545e3872760ab7",
               "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c0"
               "0a60b1ce1d7e819d7a431d7c90ea0e5f"),
        _curve("P-521", "1.3.132.0.35", 2**521 - 1,
               "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef1"
               "09e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b50"
               "3f00",
               "1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
               "ffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386"
               "409",
               "c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3d"
               "baa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd"
               "66",
               "11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e6"
               "62c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16"
               "650"),
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
