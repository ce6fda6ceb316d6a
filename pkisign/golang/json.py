"""Go's encoding/json over the Go value model.

* :func:`marshal` is ``json.Marshal`` / ``json.MarshalIndent`` / an Encoder
  without HTML escaping (sprig's toJson, toPrettyJson, toRawJson).
* :func:`decode_first` is ``json.NewDecoder(r).Decode``: the first JSON value
  of the input, trailing text ignored, objects kept as :class:`JSONObject`
  (every member in order, duplicates included) and numbers as
  :class:`JSONNumber` (literal text kept) so that a caller can apply Go's
  rules for decoding into typed struct fields.
* :func:`from_json` is ``json.Unmarshal`` into ``interface{}`` (sprig's
  fromJson): float64 numbers, maps with the last duplicate key winning.

Syntax errors carry Go's messages (``invalid character 'x' looking for
beginning of value``, ``unexpected EOF`` ...).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .reflect import (
    FLOAT_KINDS,
    INT_KINDS,
    INVALID,
    UINT_KINDS,
    GoError,
    GoNil,
    GoStruct,
    find_method,
    is_empty_value,
    struct_field,
    type_of,
)
from .strconv import format_float, quote, to_bytes

__all__ = [
    "JSONError",
    "UnmarshalError",
    "Unmarshal",
    "json_kind",
    "type_error",
    "decode_string",
    "decode_int",
    "decode_bool",
    "decode_bytes",
    "struct_members",
    "last_value",
    "to_interface",
    "JSONObject",
    "JSONNumber",
    "marshal",
    "decode_first",
    "from_json",
    "compact",
    "indent",
]

MAX_DEPTH = 10000


class JSONError(GoError):
    """A Go encoding/json error; ``str()`` is Go's message."""


@dataclass(frozen=True)
class JSONNumber:
    """A JSON number with its literal text, as ``json.Number`` keeps it."""

    text: str

    def is_integer_literal(self) -> bool:
        return not any(c in self.text for c in ".eE")

    def __float__(self) -> float:
        return float(self.text)

    def __str__(self) -> str:
        return self.text


class JSONObject:
    """A decoded JSON object: its members in input order, duplicates included."""

    __slots__ = ("members",)

    def __init__(self, members: list[tuple[str, Any]] | None = None) -> None:
        self.members: list[tuple[str, Any]] = members if members is not None else []

    def get(self, name: str, default: Any = None) -> Any:
        """The value of the last member whose key matches ``name`` like Go's struct decoding.

        Go prefers a key equal to the field name; otherwise it folds case.
        Every matching member is assigned in turn, so the last one wins.
        """
        found = default
        folded = name.casefold()
        for key, value in self.members:
            if key == name or key.casefold() == folded:
                found = value
        return found

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and any(k.casefold() == name.casefold() for k, _ in self.members)

    def keys(self) -> list[str]:
        return [k for k, _ in self.members]

    def items(self) -> Iterator[tuple[str, Any]]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JSONObject) and other.members == self.members

    def __repr__(self) -> str:
        return f"JSONObject({self.members!r})"


# -- encoding ------------------------------------------------------------------
_HEX = "0123456789abcdef"


def _encode_string(s: str, escape_html: bool, out: list[str]) -> None:
    buf = ['"']
    start = 0
    for i, c in enumerate(s):
        o = ord(c)
        if 0x20 <= o <= 0x7F and c not in '"\\' and not (escape_html and c in "<>&"):
            continue
        if o >= 0x80 and not (0xD800 <= o <= 0xDFFF) and o not in (0x2028, 0x2029):
            continue
        buf.append(s[start:i])
        if c in '"\\':
            buf.append("\\" + c)
        elif c == "\b":
            buf.append("\\b")
        elif c == "\f":
            buf.append("\\f")
        elif c == "\n":
            buf.append("\\n")
        elif c == "\r":
            buf.append("\\r")
        elif c == "\t":
            buf.append("\\t")
        elif 0xD800 <= o <= 0xDFFF:
            buf.append("\\ufffd")
        elif o in (0x2028, 0x2029):
            buf.append("\\u202" + _HEX[o & 0xF])
        else:
            buf.append("\\u00" + _HEX[o >> 4] + _HEX[o & 0xF])
        start = i + 1
    buf.append(s[start:])
    buf.append('"')
    out.append("".join(buf))


def _encode_float(f: float) -> str:
    if math.isnan(f) or math.isinf(f):
        raise JSONError("json: unsupported value: " + format_float(f, "g", -1))
    a = abs(f)
    fmt = "f"
    if a != 0 and (a < 1e-6 or a >= 1e21):
        fmt = "e"
    s = format_float(f, fmt, -1)
    if fmt == "e" and len(s) >= 4 and s[-4] == "e" and s[-3] == "-" and s[-2] == "0":
        s = s[:-2] + s[-1]
    return s


def _call_marshaler(m: Any, method: str, type_name: str) -> str:
    """The text a MarshalJSON or MarshalText method ``m`` returns, its error in encoding/json's words."""
    try:
        raw = m.fn()
    except GoError as e:
        raise JSONError(f"json: error calling {method} for type {type_name}: {e}") from None
    return raw.decode("utf-8", "surrogateescape") if isinstance(raw, bytes) else raw


def _encode(v: Any, escape_html: bool, out: list[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise JSONError("json: unsupported value: encountered a cycle")
    if v is None or v is INVALID:
        out.append("null")
        return
    t = type_of(v)
    assert t is not None
    if isinstance(v, GoNil) and t.kind in ("ptr", "slice", "map", "interface"):
        out.append("null")
        return
    m = find_method(v, "MarshalJSON")
    if m is not None:
        text = _call_marshaler(m, "MarshalJSON", t.name)
        try:
            out.append(compact(text, escape_html=escape_html))
        except JSONError as e:
            raise JSONError(f"json: error calling MarshalJSON for type {t.name}: {e}") from None
        return
    m = find_method(v, "MarshalText")
    if m is not None:
        _encode_string(_call_marshaler(m, "MarshalText", t.name), escape_html, out)
        return
    k = t.kind
    if k == "bool":
        out.append("true" if v else "false")
    elif k in INT_KINDS or k in UINT_KINDS:
        out.append(str(int(v)))
    elif k in FLOAT_KINDS:
        out.append(_encode_float(float(v)))
    elif k == "string":
        _encode_string(str(v), escape_html, out)
    elif k == "slice" and t.elem is not None and t.elem.kind == "uint8" and isinstance(v, (bytes, bytearray)):
        out.append('"' + base64.b64encode(bytes(v)).decode("ascii") + '"')
    elif k in ("slice", "array"):
        out.append("[")
        for i, item in enumerate(v):
            if i:
                out.append(",")
            _encode(item, escape_html, out, depth + 1)
        out.append("]")
    elif k == "map":
        keys = []
        for key in v.keys():
            kt = type_of(key)
            if kt is not None and (kt.kind in INT_KINDS or kt.kind in UINT_KINDS):
                keys.append((str(int(key)), key))
            elif isinstance(key, str):
                keys.append((str(key), key))
            else:
                raise JSONError(f"json: unsupported type: {t.name}")
        keys.sort(key=lambda kv: to_bytes(kv[0]))
        out.append("{")
        for i, (ks, key) in enumerate(keys):
            if i:
                out.append(",")
            _encode_string(ks, escape_html, out)
            out.append(":")
            _encode(v[key], escape_html, out, depth + 1)
        out.append("}")
    elif k in ("struct", "ptr") and isinstance(v, GoStruct):
        out.append("{")
        first = True
        for f in v.go_fields:
            if f.json == "-":
                continue
            fv = struct_field(v, f)
            if f.omitempty and is_empty_value(fv):
                continue
            if not first:
                out.append(",")
            first = False
            _encode_string(f.json_name, escape_html, out)
            out.append(":")
            _encode(fv, escape_html, out, depth + 1)
        out.append("}")
    elif k == "interface":
        _encode(v, escape_html, out, depth + 1)
    else:
        raise JSONError(f"json: unsupported type: {t.name}")


def marshal(value: Any, *, indent: str | None = None, escape_html: bool = True) -> str:
    """json.Marshal (``indent`` given: json.MarshalIndent with an empty prefix)."""
    out: list[str] = []
    _encode(value, escape_html, out, 0)
    text = "".join(out)
    if indent is not None:
        text = globals()["indent"](text, "", indent)
    return text


def compact(text: str, *, escape_html: bool = False) -> str:
    """json.Compact (validating), with HTML escaping like the encoder applies to MarshalJSON output."""
    value_end = _Parser(text, first_only=True).skip_value()
    if text[value_end:].strip(" \t\r\n"):
        c = text[value_end:].lstrip(" \t\r\n")[0]
        raise JSONError("invalid character " + _quote_char(c) + " after top-level value")
    out = []
    in_str = False
    escaped = False
    for c in text[:value_end]:
        if in_str:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_str = False
            if escape_html and c in "<>&":
                out.append("\\u00" + _HEX[ord(c) >> 4] + _HEX[ord(c) & 0xF])
                continue
            if escape_html and c in "\u2028\u2029":
                out.append("\\u202" + _HEX[ord(c) & 0xF])
                continue
            out.append(c)
        elif c == '"':
            in_str = True
            out.append(c)
        elif c not in " \t\r\n":
            out.append(c)
    return "".join(out)


def indent(text: str, prefix: str, ind: str) -> str:
    """json.Indent of compact, valid JSON."""
    out: list[str] = []
    depth = 0
    need_indent = False
    in_str = False
    escaped = False
    for c in text:
        if in_str:
            out.append(c)
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_str = False
            continue
        if c in " \t\r\n":
            continue
        if need_indent and c not in "]}":
            need_indent = False
            depth += 1
            out.append("\n" + prefix + ind * depth)
        if c == '"':
            in_str = True
            out.append(c)
        elif c in "{[":
            need_indent = True
            out.append(c)
        elif c == ",":
            out.append(",\n" + prefix + ind * depth)
        elif c == ":":
            out.append(": ")
        elif c in "]}":
            if need_indent:
                need_indent = False
            else:
                depth -= 1
                out.append("\n" + prefix + ind * depth)
            out.append(c)
        else:
            out.append(c)
    return "".join(out)


# -- decoding ------------------------------------------------------------------
def _quote_char(c: str) -> str:
    if c == "'":
        return "'\\''"
    if c == '"':
        return "'\"'"
    if ord(c) >= 0x80:
        # The scanner works on bytes and shows the first byte as a rune.
        c = chr(to_bytes(c)[0])
    q = quote(c)
    return "'" + q[1:-1] + "'"


class _EOF(Exception):
    pass


class _Parser:
    """A JSON scanner/parser that reports errors exactly where Go's scanner does."""

    def __init__(self, text: str, *, first_only: bool, objects: str = "pairs", numbers: str = "literal") -> None:
        self.s = text
        self.i = 0
        self.first_only = first_only
        self.objects = objects
        self.numbers = numbers
        self.saved_error: str | None = None

    def err(self, c: str, context: str) -> JSONError:
        return JSONError("invalid character " + _quote_char(c) + " " + context)

    def eof(self) -> JSONError:
        return JSONError("unexpected EOF" if self.first_only else "unexpected end of JSON input")

    def skip_ws(self) -> None:
        s, i = self.s, self.i
        while i < len(s) and s[i] in " \t\r\n":
            i += 1
        self.i = i

    def peek(self) -> str:
        if self.i >= len(self.s):
            raise _EOF
        return self.s[self.i]

    def peek_in_token(self) -> str:
        """The next char inside a number or literal; at the end, Unmarshal's scanner sees a space."""
        if self.i >= len(self.s):
            if self.first_only:
                raise _EOF
            return " "
        return self.s[self.i]

    def skip_value(self) -> int:
        self.parse_document()
        return self.i

    def parse_document(self) -> Any:
        self.skip_ws()
        if self.i >= len(self.s):
            if self.first_only:
                raise JSONError("EOF")
            raise JSONError("unexpected end of JSON input")
        try:
            v = self.value()
        except _EOF:
            raise self.eof() from None
        if not self.first_only:
            self.skip_ws()
            if self.i < len(self.s):
                raise self.err(self.s[self.i], "after top-level value")
        return v

    def value(self) -> Any:
        # Iterative so that deep nesting cannot exhaust Python's stack.
        stack: list[Any] = []
        keys: list[str | None] = []
        while True:
            self.skip_ws()
            c = self.peek()
            if c == "{" or c == "[":
                self.i += 1
                if len(stack) >= MAX_DEPTH:
                    raise self.err(c, "exceeded max depth")
                container: Any = [] if c == "[" else self._new_object()
                stack.append(container)
                keys.append(None)
                self.skip_ws()
                c2 = self.peek()
                if c == "[":
                    if c2 == "]":
                        self.i += 1
                        v = stack.pop()
                        keys.pop()
                    else:
                        continue
                else:
                    if c2 == "}":
                        self.i += 1
                        v = stack.pop()
                        keys.pop()
                    elif c2 == '"':
                        keys[-1] = self._key()
                        continue
                    else:
                        raise self.err(c2, "looking for beginning of object key string")
            else:
                v = self.scalar()
            # Attach v to its container and read what follows it.
            while True:
                if not stack:
                    return v
                top = stack[-1]
                self.skip_ws()
                c = self.peek()
                if isinstance(top, list):
                    top.append(v)
                    if c == ",":
                        self.i += 1
                        break
                    if c == "]":
                        self.i += 1
                        keys.pop()
                        v = stack.pop()
                        continue
                    raise self.err(c, "after array element")
                self._add_member(top, keys[-1], v)
                if c == ",":
                    self.i += 1
                    self.skip_ws()
                    c2 = self.peek()
                    if c2 != '"':
                        raise self.err(c2, "looking for beginning of object key string")
                    keys[-1] = self._key()
                    break
                if c == "}":
                    self.i += 1
                    keys.pop()
                    v = stack.pop()
                    continue
                raise self.err(c, "after object key:value pair")

    def _new_object(self) -> Any:
        return JSONObject() if self.objects == "pairs" else {}

    def _add_member(self, obj: Any, key: str | None, v: Any) -> None:
        assert key is not None
        if isinstance(obj, JSONObject):
            obj.members.append((key, v))
        else:
            obj[key] = v

    def _key(self) -> str:
        k = self.string()
        self.skip_ws()
        c = self.peek()
        if c != ":":
            raise self.err(c, "after object key")
        self.i += 1
        return k

    def scalar(self) -> Any:
        c = self.peek()
        if c == '"':
            return self.string()
        if c == "-" or "0" <= c <= "9":
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if c == word[0]:
                self.i += 1
                for expect in word[1:]:
                    got = self.peek_in_token()
                    if got != expect:
                        raise self.err(got, f"in literal {word} (expecting '{expect}')")
                    self.i += 1
                return val
        raise self.err(c, "looking for beginning of value")

    def number(self) -> Any:
        s = self.s
        start = self.i
        if s[self.i] == "-":
            self.i += 1
            c = self.peek_in_token()
            if not "0" <= c <= "9":
                raise self.err(c, "in numeric literal")
        if s[self.i] == "0":
            self.i += 1
        else:
            while self.i < len(s) and "0" <= s[self.i] <= "9":
                self.i += 1
        if self.i < len(s) and s[self.i] == ".":
            self.i += 1
            c = self.peek_in_token()
            if not "0" <= c <= "9":
                raise self.err(c, "after decimal point in numeric literal")
            while self.i < len(s) and "0" <= s[self.i] <= "9":
                self.i += 1
        if self.i < len(s) and s[self.i] in "eE":
            self.i += 1
            c = self.peek_in_token()
            if c in "+-":
                self.i += 1
                c = self.peek_in_token()
            if not "0" <= c <= "9":
                raise self.err(c, "in exponent of numeric literal")
            while self.i < len(s) and "0" <= s[self.i] <= "9":
                self.i += 1
        text = s[start:self.i]
        if self.numbers == "literal":
            return JSONNumber(text)
        f = float(text)
        if math.isinf(f):
            if self.saved_error is None:
                self.saved_error = f"json: cannot unmarshal number {text} into Go value of type float64"
            return None
        return f

    def string(self) -> str:
        s = self.s
        self.i += 1  # opening quote
        out: list[str] = []
        start = self.i
        while True:
            if self.i >= len(s):
                raise _EOF
            c = s[self.i]
            if c == '"':
                out.append(s[start:self.i])
                self.i += 1
                break
            if c == "\\":
                out.append(s[start:self.i])
                self.i += 1
                e = self.peek()
                simple = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                if e in simple:
                    out.append(simple[e])
                    self.i += 1
                elif e == "u":
                    self.i += 1
                    r = self._hex4()
                    if 0xD800 <= r < 0xDC00:
                        # A high surrogate combines with a following low one.
                        if s[self.i:self.i + 2] == "\\u":
                            save = self.i
                            self.i += 2
                            r2 = self._hex4()
                            if 0xDC00 <= r2 < 0xE000:
                                out.append(chr(0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00)))
                                start = self.i
                                continue
                            self.i = save
                        out.append("\ufffd")
                    elif 0xDC00 <= r < 0xE000:
                        out.append("\ufffd")
                    else:
                        out.append(chr(r))
                else:
                    raise self.err(e, "in string escape code")
                start = self.i
                continue
            if ord(c) < 0x20:
                raise self.err(c, "in string literal")
            if 0xD800 <= ord(c) <= 0xDFFF:
                out.append(s[start:self.i])
                out.append("\ufffd")
                self.i += 1
                start = self.i
                continue
            self.i += 1
        return "".join(out)

    def _hex4(self) -> int:
        v = 0
        for _ in range(4):
            c = self.peek()
            if c not in "0123456789abcdefABCDEF":
                raise self.err(c, "in \\u hexadecimal character escape")
            v = v * 16 + int(c, 16)
            self.i += 1
        return v


def decode_first(text: str | bytes) -> Any:
    """The first JSON value of ``text`` like ``json.NewDecoder(r).Decode`` reads it.

    Objects are :class:`JSONObject`, numbers :class:`JSONNumber`; raises
    :class:`JSONError` with Go's message.  Invalid UTF-8 in strings (as raw
    bytes or surrogate escapes) and lone ``\\u`` surrogates become U+FFFD.
    """
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "surrogateescape")
    fast = _fast_decode_first(text)
    if fast is not _NO_FAST_PATH:
        return fast
    return _Parser(text, first_only=True).parse_document()


_NO_FAST_PATH = object()
_WS = " \t\r\n"


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN/Infinity are not JSON for Go


_STD_DECODER = json.JSONDecoder(
    object_pairs_hook=JSONObject,
    parse_int=JSONNumber,
    parse_float=JSONNumber,
    parse_constant=_reject_constant,
)


# A surrogate in the text (a byte that is not UTF-8) or a \\u escape of one.
# An escaped backslash before "u" also matches: that only costs the fast path.
_SURROGATES = re.compile("[\ud800-\udfff]|\\\\u[dD][89a-fA-F]")


def _fast_decode_first(text: str) -> Any:
    """Python's C JSON decoder when it gives exactly Go's value.

    It agrees with Go on valid JSON except for surrogates (lone ``\\u``
    escapes, and bytes that are not UTF-8 carried as surrogate escapes),
    which Go turns into U+FFFD; those, and every error (whose message must
    be Go's), go to the exact parser.
    """
    start = len(text) - len(text.lstrip(_WS))
    if _SURROGATES.search(text):
        return _NO_FAST_PATH
    if text[start:start + 1] not in ("{", "[", '"'):
        # A number or a literal ends where the next byte says so: Go looks at
        # that byte ("1.x" is an error), Python's decoder does not.
        return _NO_FAST_PATH
    try:
        value, _ = _STD_DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return _NO_FAST_PATH
    return value


def from_json(text: str) -> tuple[Any, JSONError | None]:
    """``json.Unmarshal`` into ``interface{}``: (value, error) as sprig's mustFromJson sees them."""
    p = _Parser(text, first_only=False, objects="dict", numbers="float")
    try:
        v = p.parse_document()
    except JSONError as e:
        return None, e
    return v, JSONError(p.saved_error) if p.saved_error else None


# -- json.Unmarshal into typed Go values ------------------------------------------
#
# Go's decoder keeps going after a type mismatch (it saves the first one and
# returns it at the end of that json.Unmarshal call), while an error from a
# type's own UnmarshalJSON stops it at once.  x509util's types call
# json.Unmarshal again inside their UnmarshalJSON and wrap what it returns
# in "error unmarshaling json: ", sometimes twice.  The functions below follow
# those rules so that the messages are Go's, word for word; x509util's
# decoders (pkisign.x509util.certificate) are built from them.

class UnmarshalError(JSONError):
    """An error of json.Unmarshal into a typed value; ``str()`` is Go's message."""


class Unmarshal:
    """One json.Unmarshal call: its first saved type mismatch."""

    def __init__(self) -> None:
        self.saved: UnmarshalError | None = None

    def soft(self, error: UnmarshalError) -> None:
        if self.saved is None:
            self.saved = error

    def finish(self) -> None:
        if self.saved is not None:
            raise self.saved


def json_kind(value: Any, integer: bool = False) -> str:
    """The JSON value as Go's UnmarshalTypeError names it."""
    if isinstance(value, JSONObject):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "bool"
    # A number that does not fit an integer type is quoted with its text.
    return f"number {value.text}" if integer else "number"


def type_error(value: Any, go_type: str, where: tuple[str, str] | None = None, integer: bool = False) -> UnmarshalError:
    place = f"Go struct field {where[0]}.{where[1]}" if where else "Go value"
    return UnmarshalError(f"json: cannot unmarshal {json_kind(value, integer)} into {place} of type {go_type}")


def decode_string(value: Any, d: Unmarshal, where: tuple[str, str] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    d.soft(type_error(value, "string", where))
    return ""


def decode_int(value: Any, d: Unmarshal, where: tuple[str, str] | None, go_type: str = "int") -> int | None:
    if value is None:
        return None
    if isinstance(value, JSONNumber):
        # More than 20 digits cannot fit 64 bits (and Python refuses to
        # convert thousands of digits).
        if value.is_integer_literal() and len(value.text.lstrip("-")) <= 20:
            number = int(value.text)
            bits = 8 if go_type == "uint8" else 64
            low, high = (0, 1 << bits) if go_type.startswith("u") else (-(1 << (bits - 1)), 1 << (bits - 1))
            if low <= number < high:
                return number
        d.soft(type_error(value, go_type, where, integer=True))
        return None
    d.soft(type_error(value, go_type, where))
    return None


def decode_bool(value: Any, d: Unmarshal, where: tuple[str, str] | None) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    d.soft(type_error(value, "bool", where))
    return None


def decode_bytes(value: Any, d: Unmarshal, where: tuple[str, str] | None, go_type: str = "[]uint8") -> bytes | None:
    """Go decodes []byte from a base64 string (StdEncoding; CR/LF ignored)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.replace("\r", "").replace("\n", "")
        try:
            return base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            d.soft(UnmarshalError(f"illegal base64 data at input byte {_b64_error_offset(text)}"))
            return None
    if isinstance(value, list):
        out = bytearray()
        for item in value:
            number = decode_int(item, d, where, "uint8")
            out.append(number or 0)
        return bytes(out)
    d.soft(type_error(value, go_type, where))
    return None


def _b64_error_offset(text: str) -> int:
    alphabet = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    for i, ch in enumerate(text):
        if ch == "=":
            return i if (i % 4) < 2 else min(i, len(text))
        if ch not in alphabet:
            return i
    return len(text) - len(text) % 4


def struct_members(obj: Any, d: Unmarshal, go_type: str, known: Iterable[str],
             where: tuple[str, str] | None = None) -> dict[str, list[Any]] | None:
    """The members of a JSON object matched to a struct's fields, as Go does.

    Keys match the field names exactly or case-insensitively; unknown keys
    are ignored; every member that matches a field is decoded in turn, so
    the values are returned in order (the last one wins, or merges into a
    struct).  None for JSON null; a non-object is a saved type mismatch.
    """
    if obj is None:
        return None
    if not isinstance(obj, JSONObject):
        d.soft(type_error(obj, go_type, where))
        return None
    by_fold = {name.casefold(): name for name in known}
    exact = set(known)
    out: dict[str, list[Any]] = {}
    for key, value in obj.members:
        name = key if key in exact else by_fold.get(key.casefold())
        if name is not None:
            out.setdefault(name, []).append(value)
    return out


def last_value(values: list[Any] | None) -> Any:
    return values[-1] if values else None


def to_interface(value: Any) -> Any:
    """A JSON value as Go's interface{} holds it (numbers are float64)."""
    if isinstance(value, JSONNumber):
        return float(value)
    if isinstance(value, JSONObject):
        return {k: to_interface(v) for k, v in value.members}
    if isinstance(value, list):
        return [to_interface(v) for v in value]
    return value
