"""sprig's encoding, hash, reflection and path functions."""

from __future__ import annotations

import base64
import hashlib
import posixpath
import zlib
from typing import Any

from ...golang.fmt import sprintf
from ...golang.reflect import GoError, kind_of, type_name
from ...golang.strconv import from_bytes, to_bytes
from .base import FuncTable, deep_equal

__all__ = ["ENCODING", "go_b64decode"]

ENCODING = FuncTable()

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _decode(text: str, alphabet: str, quantum: int, bits: int, what: str,
            pad_ok: frozenset[int]) -> bytes:
    """Go's base64/base32 StdEncoding decoding, including its error offsets.

    ``pad_ok`` lists how many symbols a final, padded quantum may hold.
    """
    src = to_bytes(text)
    n = len(src)
    out = bytearray()
    si = 0

    def corrupt(pos: int) -> GoError:
        return GoError(f"illegal {what} data at input byte {pos}")

    while True:
        vals: list[int] = []
        last = False
        while len(vals) < quantum:
            if si == n:
                if not vals:
                    return bytes(out)
                raise corrupt(si - len(vals))
            c = src[si]
            si += 1
            if c in (10, 13):
                continue
            idx = alphabet.find(chr(c))
            if idx >= 0:
                vals.append(idx)
                continue
            if c != ord("=") or len(vals) not in pad_ok:
                raise corrupt(si - 1)
            # The rest of the quantum must be padding, then only newlines.
            for _ in range(quantum - len(vals) - 1):
                while si < n and src[si] in (10, 13):
                    si += 1
                if si == n:
                    raise corrupt(n)
                if src[si] != ord("="):
                    raise corrupt(si - 1)
                si += 1
            while si < n and src[si] in (10, 13):
                si += 1
            if si < n:
                raise corrupt(si)
            last = True
            break
        acc = 0
        for v in vals:
            acc = acc << bits | v
        nbits = len(vals) * bits
        nbytes = nbits // 8
        acc >>= nbits - nbytes * 8
        out += acc.to_bytes(nbytes, "big") if nbytes else b""
        if last:
            return bytes(out)


def go_b64decode(text: str) -> bytes:
    """base64.StdEncoding.DecodeString."""
    return _decode(text, _B64, 4, 6, "base64", frozenset({2, 3}))


@ENCODING.func("b64enc", ["string"], "string")
def _b64enc(v: str) -> str:
    return base64.b64encode(to_bytes(v)).decode("ascii")


@ENCODING.func("b64dec", ["string"], "string")
def _b64dec(v: str) -> str:
    try:
        return from_bytes(go_b64decode(v))
    except GoError as e:
        return str(e)


@ENCODING.func("b32enc", ["string"], "string")
def _b32enc(v: str) -> str:
    return base64.b32encode(to_bytes(v)).decode("ascii")


@ENCODING.func("b32dec", ["string"], "string")
def _b32dec(v: str) -> str:
    try:
        return from_bytes(_decode(v, _B32, 8, 5, "base32", frozenset({2, 4, 5, 7})))
    except GoError as e:
        return str(e)


@ENCODING.func("sha1sum", ["string"], "string")
def _sha1sum(v: str) -> str:
    return hashlib.sha1(to_bytes(v)).hexdigest()


@ENCODING.func("sha256sum", ["string"], "string")
def _sha256sum(v: str) -> str:
    return hashlib.sha256(to_bytes(v)).hexdigest()


@ENCODING.func("adler32sum", ["string"], "string")
def _adler32sum(v: str) -> str:
    return str(zlib.adler32(to_bytes(v)))


# -- reflection ------------------------------------------------------------------
@ENCODING.func("typeOf", ["interface {}"], "string")
def _type_of(v: Any) -> str:
    return sprintf("%T", [v])


@ENCODING.func("typeIs", ["string", "interface {}"], "bool")
def _type_is(target: str, v: Any) -> bool:
    return target == type_name(v)


@ENCODING.func("typeIsLike", ["string", "interface {}"], "bool")
def _type_is_like(target: str, v: Any) -> bool:
    t = type_name(v)
    return target == t or "*" + target == t


@ENCODING.func("kindOf", ["interface {}"], "string")
def _kind_of(v: Any) -> str:
    return kind_of(v)


@ENCODING.func("kindIs", ["string", "interface {}"], "bool")
def _kind_is(target: str, v: Any) -> bool:
    return target == kind_of(v)


@ENCODING.func("deepEqual", ["interface {}", "interface {}"], "bool")
def _deep_equal(a: Any, b: Any) -> bool:
    return deep_equal(a, b)


# -- paths (path and, on Linux, path/filepath) ---------------------------------------
def go_clean(p: str) -> str:
    """path.Clean."""
    if p == "":
        return "."
    rooted = p.startswith("/")
    parts: list[str] = []
    for part in p.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            elif not rooted:
                parts.append("..")
            continue
        parts.append(part)
    out = "/".join(parts)
    if rooted:
        return "/" + out
    return out or "."


def go_base(p: str) -> str:
    if p == "":
        return "."
    p = p.rstrip("/")
    if p == "":
        return "/"
    return p[p.rfind("/") + 1:]


def go_dir(p: str) -> str:
    return go_clean(p[: p.rfind("/") + 1])


def go_ext(p: str) -> str:
    i = len(p) - 1
    while i >= 0 and p[i] != "/":
        if p[i] == ".":
            return p[i:]
        i -= 1
    return ""


for _name, _fn in (("base", go_base), ("dir", go_dir), ("clean", go_clean), ("ext", go_ext)):
    ENCODING.func(_name, ["string"], "string", aliases=("os" + _name.capitalize(),))(_fn)
ENCODING.func("isAbs", ["string"], "bool", aliases=("osIsAbs",))(posixpath.isabs)
