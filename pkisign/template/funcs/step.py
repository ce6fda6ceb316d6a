"""smallstep's template functions: fail, the time helpers and the asn1 encoders.

From go.step.sm/crypto: ``internal/templates/funcmap.go`` (fail, toTime,
formatTime, parseTime, mustParseTime, toTimeLayout) and
``x509util/options.go`` (asn1Enc, asn1Marshal, asn1Seq, asn1Set), with
encoding/asn1's MarshalWithParams rules for the values templates can pass.
"""

from __future__ import annotations

import base64
from typing import Any

from asn1crypto import core

from ...golang.reflect import INT_KINDS, GoError, type_of
from ...golang.strconv import NumError, parse_int, to_bytes
from ...golang.time.values import LAYOUTS, UTC, GoTime, format_time, load_location, now, parse
from ..errors import TemplateFail
from .base import FuncTable, list_items
from .sprig_encoding import go_b64decode

__all__ = ["STEP"]

STEP = FuncTable()


@STEP.func("fail", ["string"], "string", error=True)
def _fail(msg: str) -> str:
    # x509util reports a fail message as the whole error; an empty one is
    # reported as the ordinary execution error.
    if msg:
        raise TemplateFail(msg)
    raise GoError("")


def to_time(v: Any) -> GoTime:
    t = type_of(v)
    name = t.name if t is not None else ""
    if isinstance(v, GoTime):
        tm = v
    elif name in ("int64", "int", "int32"):
        tm = GoTime(int(v))
    elif name == "float64":
        f = float(v)
        tm = GoTime(int(f) if -(2.0**63) <= f < 2.0**63 else -(1 << 63))
    else:
        tm = now()
    return tm.in_loc(UTC)


@STEP.func("toTime", ["interface {}"], "time.Time")
def _to_time(v: Any) -> GoTime:
    return to_time(v)


@STEP.func("formatTime", ["interface {}"], "string")
def _format_time(v: Any) -> str:
    return format_time(to_time(v), LAYOUTS["RFC3339"])


def to_time_layout(fmt: str) -> str:
    key = fmt[5:] if fmt.startswith("time.") else fmt
    for name, layout in LAYOUTS.items():
        if name.upper() == key.upper():
            return layout
    return fmt


@STEP.func("toTimeLayout", ["string"], "string")
def _to_time_layout(fmt: str) -> str:
    return to_time_layout(fmt)


def must_parse_time(*v: str) -> GoTime:
    if len(v) == 0:
        return now().in_loc(UTC)
    if len(v) == 1:
        return parse(LAYOUTS["RFC3339"], v[0])
    if len(v) == 2:
        return parse(to_time_layout(v[0]), v[1])
    if len(v) == 3:
        loc = load_location(v[2])
        return parse(to_time_layout(v[0]), v[1], loc, loc)
    raise GoError("unsupported number of parameters")


@STEP.func("mustParseTime", ["...string"], "time.Time", error=True)
def _must_parse_time(*v: str) -> GoTime:
    return must_parse_time(*v)


@STEP.func("parseTime", ["...string"], "time.Time")
def _parse_time(*v: str) -> GoTime:
    try:
        return must_parse_time(*v)
    except GoError:
        return GoTime()


# -- ASN.1 ---------------------------------------------------------------------
class _Params:
    """encoding/asn1 field parameters (the subset templates can use)."""

    def __init__(self, text: str) -> None:
        self.explicit = self.optional = self.set = self.omit_empty = False
        self.tag: int | None = None
        self.cls = "context"
        self.string_tag = 0
        self.time_tag = 0
        for part in text.split(","):
            if part == "explicit":
                self.explicit = True
                self.tag = 0 if self.tag is None else self.tag
            elif part == "application":
                self.cls = "application"
                self.tag = 0 if self.tag is None else self.tag
            elif part == "private":
                self.cls = "private"
                self.tag = 0 if self.tag is None else self.tag
            elif part.startswith("tag:"):
                try:
                    self.tag = parse_int(part[4:], 10, 64)
                except NumError:
                    pass
            elif part in ("printable", "utf8", "ia5", "numeric"):
                self.string_tag = {"printable": 19, "utf8": 12, "ia5": 22, "numeric": 18}[part]
            elif part in ("utc", "generalized"):
                self.time_tag = 23 if part == "utc" else 24
            elif part == "set":
                self.set = True
            elif part == "optional":
                self.optional = True
            elif part == "omitempty":
                self.omit_empty = True


def _structural(msg: str) -> GoError:
    return GoError("asn1: structure error: " + msg)


def _tlv(cls: int, constructed: bool, tag: int, body: bytes) -> bytes:
    first = cls << 6 | (0x20 if constructed else 0)
    if tag < 31:
        out = bytearray([first | tag])
    else:
        out = bytearray([first | 31])
        stack = [tag & 0x7F]
        tag >>= 7
        while tag:
            stack.append(tag & 0x7F | 0x80)
            tag >>= 7
        out += bytes(reversed(stack))
    n = len(body)
    if n < 128:
        out.append(n)
    else:
        nb = n.to_bytes((n.bit_length() + 7) // 8, "big")
        out.append(0x80 | len(nb))
        out += nb
    return bytes(out) + body


def _contents(value: core.Asn1Value) -> bytes:
    return value.contents or b""


def _is_printable(s: str, asterisk: bool, ampersand: bool) -> bool:
    for c in s:
        ok = ("a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9" or "'" <= c <= ")"
              or "+" <= c <= "/" or c in " :=?" or (asterisk and c == "*") or (ampersand and c == "&"))
        if not ok:
            return False
    return True


def _time_body(t: GoTime, generalized: bool) -> bytes:
    y = t.civil()[0]
    layout = "20060102150405Z0700" if generalized else "060102150405Z0700"
    if not generalized and not 1950 <= y < 2050:
        raise _structural("cannot represent time as UTCTime")
    return format_time(t, layout).encode()


def _field(v: Any, p: _Params) -> bytes:
    """encoding/asn1 makeField for a template value."""
    t = type_of(v)
    if t is None:
        raise GoError("asn1: cannot marshal nil value")
    if p.omit_empty and t.kind == "slice" and len(list_items(v)) == 0:
        return b""
    constructed = False
    if isinstance(v, GoTime):
        tag = 24 if p.time_tag == 24 or not 1950 <= v.civil()[0] < 2050 else 23
        body = _time_body(v, tag == 24)
    elif t.kind == "bool":
        tag, body = 1, b"\xff" if v else b"\x00"
    elif t.kind in INT_KINDS:
        tag, body = 2, _contents(core.Integer(int(v)))
    elif t.kind == "string":
        s = str(v)
        tag = p.string_tag
        if tag == 0:
            tag = 19
            if not s.isascii() or not _is_printable(s, False, False):
                if any(0xDC80 <= ord(c) <= 0xDCFF for c in s):
                    raise GoError("asn1: string not valid UTF-8")
                tag = 12
        # encoding/asn1's makePrintableString allows '*' but not '&'.
        if tag == 19 and not _is_printable(s, True, False):
            raise _structural("PrintableString contains invalid character")
        if tag == 22 and not s.isascii():
            raise _structural("IA5String contains invalid character")
        if tag == 18 and not all("0" <= c <= "9" or c == " " for c in s):
            raise _structural("NumericString contains invalid character")
        body = to_bytes(s)
    elif t.kind == "slice" and t.elem is not None and t.elem.kind == "uint8":
        tag, body = 4, bytes(list_items(v))
    elif t.kind == "slice":
        items = list_items(v)
        if not items:
            body = b""
        elif len(items) == 1:
            body = _field(items[0], _Params(""))
        else:
            parts = [_field(e, _Params("")) for e in items]
            body = b"".join(sorted(parts) if p.set else parts)
        tag, constructed = (17 if p.set else 16), True
    else:
        raise _structural(f"unknown Go type: {t.name}")
    if p.time_tag and not isinstance(v, GoTime):
        raise _structural("explicit time type given to non-time member")
    if p.string_tag and t.kind != "string":
        raise _structural("explicit string type given to non-string member")
    if p.set and tag != 17:
        raise _structural("non sequence tagged as set")
    if p.tag is None:
        return _tlv(0, constructed, tag, body)
    cls = {"context": 2, "application": 1, "private": 3}[p.cls]
    if p.explicit:
        return _tlv(cls, True, p.tag, _tlv(0, constructed, tag, body))
    return _tlv(cls, constructed, p.tag, body)


def asn1_marshal(v: Any, params: str) -> bytes:
    return _field(v, _Params(params))


def _printable_ok(s: str) -> bool:
    return _is_printable(s, True, True)


def marshal_value(value: str, params: str) -> bytes:
    """x509util's marshalValue: the ``type:value`` mini-language of asn1Enc."""
    typ = ""
    kept: list[str] = []
    for part in params.split(","):
        if part in ("utf8", "ia5", "numeric", "printable", "utc", "generalized"):
            typ = part
            kept.append(part)
        elif part in ("int", "oid", "bool", "boolean", "raw"):
            typ = part
        elif part:
            kept.append(part)
    rest = ",".join(kept)
    if typ == "int":
        try:
            i = parse_int(value, 10, 64, func="Atoi")
        except NumError as e:
            raise GoError(f"invalid int value: {e}") from None
        return asn1_marshal(i, rest)
    if typ == "oid":
        oid = _parse_oid(value)
        return _oid_field(oid, _Params(rest))
    if typ == "raw":
        return go_b64decode(value)
    if typ == "utf8":
        if any(0xDC80 <= ord(c) <= 0xDCFF for c in value):
            raise GoError("invalid utf8 value")
        return asn1_marshal(value, rest)
    if typ == "ia5":
        if not value.isascii():
            raise GoError("invalid ia5 value")
        return asn1_marshal(value, rest)
    if typ == "numeric":
        if not all("0" <= c <= "9" or c == " " for c in value):
            raise GoError("invalid numeric value")
        return asn1_marshal(value, rest)
    if typ in ("utc", "generalized"):
        try:
            t = parse("2006-01-02 15:04:05.999999999 -0700 MST", value)
        except GoError as e:
            try:
                t = parse(LAYOUTS["RFC3339"], value)
            except GoError:
                raise GoError(f"invalid {typ} value: {e}") from None
        return asn1_marshal(t, rest)
    if typ in ("bool", "boolean"):
        b = {"1": True, "t": True, "T": True, "TRUE": True, "true": True, "True": True,
             "0": False, "f": False, "F": False, "FALSE": False, "false": False, "False": False}.get(value)
        if b is None:
            raise GoError(f'invalid bool value: strconv.ParseBool: parsing "{value}": invalid syntax')
        return asn1_marshal(b, rest)
    if not _printable_ok(value):
        raise GoError("invalid printable value")
    return asn1_marshal(value, rest)


def _parse_oid(s: str) -> list[int]:
    if s == "":
        return []
    out = []
    for part in s.split("."):
        try:
            out.append(parse_int(part, 10, 64, func="Atoi"))
        except NumError:
            raise GoError(f"invalid oid value: error unmarshaling json: {s} is not an ASN1 object identifier") from None
    return out


def _oid_field(oid: list[int], p: _Params) -> bytes:
    if len(oid) < 2 or oid[0] > 2 or (oid[0] < 2 and oid[1] >= 40) or any(a < 0 for a in oid):
        raise _structural("invalid object identifier")
    body = _contents(core.ObjectIdentifier(".".join(str(a) for a in oid)))
    if p.tag is None:
        return _tlv(0, False, 6, body)
    cls = {"context": 2, "application": 1, "private": 3}[p.cls]
    if p.explicit:
        return _tlv(cls, True, p.tag, _tlv(0, False, 6, body))
    return _tlv(cls, False, p.tag, body)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


@STEP.func("asn1Enc", ["string"], "string", error=True)
def _asn1_enc(s: str) -> str:
    value, params = s, "printable"
    if ":" in value:
        params, _, value = value.partition(":")
    return _b64(marshal_value(value, params))


@STEP.func("asn1Marshal", ["interface {}", "...string"], "string", error=True)
def _asn1_marshal(v: Any, *params: str) -> str:
    return _b64(asn1_marshal(v, ",".join(params)))


def _constructed(tag: int, parts: tuple[str, ...]) -> str:
    body = b"".join(go_b64decode(p) for p in parts)
    return _b64(_tlv(0, True, tag, body))


@STEP.func("asn1Seq", ["...string"], "string", error=True)
def _asn1_seq(*parts: str) -> str:
    return _constructed(16, parts)


@STEP.func("asn1Set", ["...string"], "string", error=True)
def _asn1_set(*parts: str) -> str:
    return _constructed(17, parts)
