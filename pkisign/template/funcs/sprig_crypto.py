"""sprig's random, UUID and crypto functions (crypto.go, goutils).

Random values come from :mod:`secrets`.  The key and certificate generators,
bcrypt and AES need primitives outside the standard library (or are too slow
in pure Python to be safe in a template); they keep their Go signatures so
arguments are checked as in Go, then fail with an error naming the function.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import uuid
from typing import Any

from ...golang.reflect import GoError, GoField, GoStruct
from ...golang.strconv import to_bytes
from ..limits import check_alloc
from .base import FuncTable

__all__ = ["CRYPTO", "SprigCertificate"]

CRYPTO = FuncTable()


class SprigCertificate(GoStruct):
    """sprig's ``certificate`` result type."""

    go_name = "sprig.certificate"
    go_fields = (GoField("Cert", type="string"), GoField("Key", type="string"))


_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _random_string(count: int, alphabet: str) -> str:
    if count <= 0:
        return ""
    check_alloc(count, "random string")
    return "".join(secrets.choice(alphabet) for _ in range(count))


@CRYPTO.func("randAlphaNum", ["int"], "string")
def _rand_alpha_num(count: int) -> str:
    return _random_string(count, _ALNUM)


@CRYPTO.func("randAlpha", ["int"], "string")
def _rand_alpha(count: int) -> str:
    return _random_string(count, _ALNUM[:52])


@CRYPTO.func("randNumeric", ["int"], "string")
def _rand_numeric(count: int) -> str:
    return _random_string(count, _ALNUM[52:])


@CRYPTO.func("randAscii", ["int"], "string")
def _rand_ascii(count: int) -> str:
    return _random_string(count, "".join(chr(c) for c in range(32, 127)))


@CRYPTO.func("randBytes", ["int"], "string", error=True)
def _rand_bytes(count: int) -> str:
    if count < 0:
        raise GoError("runtime error: makeslice: len out of range")
    check_alloc(count * 4 // 3 + 4, "randBytes")
    return base64.b64encode(secrets.token_bytes(count)).decode("ascii")


@CRYPTO.func("randInt", ["int", "int"], "int")
def _rand_int(lo: int, hi: int) -> int:
    if hi - lo <= 0:
        raise GoError("invalid argument to Intn")
    return lo + secrets.randbelow(hi - lo)


@CRYPTO.func("uuidv4", [], "string")
def _uuidv4() -> str:
    return str(uuid.uuid4())


_MASTER_SEED = b"com.lyndir.masterpassword"
_TEMPLATES = {
    "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
    "long": ["CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
             "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
             "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
             "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
             "CvccCvcvCvccno"],
    "medium": ["CvcnoCvc", "CvcCvcno"],
    "short": ["Cvcn"],
    "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
    "pin": ["nnnn"],
}
_CHARS = {
    "V": "AEIOU",
    "C": "BCDFGHJKLMNPQRSTVWXYZ",
    "v": "aeiou",
    "c": "bcdfghjklmnpqrstvwxyz",
    "A": "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
    "a": "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
    "n": "0123456789",
    "o": "@&%?,=[]_:-+*$#!'^~;()/.",
    "x": "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
}


@CRYPTO.func("derivePassword", ["uint32", "string", "string", "string", "string"], "string")
def _derive_password(counter: int, password_type: str, password: str, user: str, site: str) -> str:
    """The Master Password algorithm: scrypt(N=32768, r=8, p=2) then HMAC-SHA256."""
    templates = _TEMPLATES.get(password_type)
    if templates is None:
        return f"cannot find password template {password_type}"
    user_b, site_b = to_bytes(user), to_bytes(site)
    salt = _MASTER_SEED + struct.pack(">I", len(user_b)) + user_b
    key = hashlib.scrypt(to_bytes(password), salt=salt, n=32768, r=8, p=2, maxmem=64 * 1024 * 1024, dklen=64)
    msg = _MASTER_SEED + struct.pack(">I", len(site_b)) + site_b + struct.pack(">I", counter & 0xFFFFFFFF)
    seed = hmac.new(key, msg, hashlib.sha256).digest()
    temp = templates[seed[0] % len(templates)]
    return "".join(_CHARS[ch][seed[i + 1] % len(_CHARS[ch])] for i, ch in enumerate(temp))


def _unavailable(name: str) -> Any:
    def fn(*args: Any) -> Any:
        raise GoError(f"{name} is not available in pkisign templates")

    return fn


_CERT = "sprig.certificate"
_UNAVAILABLE: dict[str, tuple[list[str], str, bool]] = {
    "bcrypt": (["string"], "string", False),
    "htpasswd": (["string", "string"], "string", False),
    "genPrivateKey": (["string"], "string", False),
    "buildCustomCert": (["string", "string"], _CERT, True),
    "genCA": (["string", "int"], _CERT, True),
    "genCAWithKey": (["string", "int", "string"], _CERT, True),
    "genSelfSignedCert": (["string", "[]interface {}", "[]interface {}", "int"], _CERT, True),
    "genSelfSignedCertWithKey": (["string", "[]interface {}", "[]interface {}", "int", "string"], _CERT, True),
    "genSignedCert": (["string", "[]interface {}", "[]interface {}", "int", _CERT], _CERT, True),
    "genSignedCertWithKey": (["string", "[]interface {}", "[]interface {}", "int", _CERT, "string"],
                             _CERT, True),
    "encryptAES": (["string", "string"], "string", True),
    "decryptAES": (["string", "string"], "string", True),
}
for _name, (_params, _result, _err) in _UNAVAILABLE.items():
    CRYPTO.func(_name, _params, _result, error=_err)(_unavailable(_name))
