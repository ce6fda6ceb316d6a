"""Decoding and DER checks of primitive contents, by universal tag number.

Each decoder takes the content octets and returns a :class:`Decoded`: a
JSON-safe value, one line for people and the DER problems seen, as
``(code, message)`` pairs.  Values by type:

* BOOLEAN: ``true``/``false``; NULL: ``null``;
* INTEGER, ENUMERATED: a number when its magnitude is below 2**53 (exact in
  every JSON reader), else a string of hex digits, ``"0x..."`` / ``"-0x..."``;
* OBJECT IDENTIFIER: the dotted string;
* BIT STRING: ``{"unused_bits": n, "bit_length": n}`` plus ``"names"`` (the
  bits set) for a named bit list such as KeyUsage;
* OCTET STRING and unknown types: the hex of the content (an iPAddress: the address);
* strings: the decoded text (undecodable bytes replaced by U+FFFD);
* UTCTime, GeneralizedTime: ISO 8601, ``2025-01-01T00:00:00Z`` (the text as
  written when it is not a time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..terminal import escape
from .oids import describe_oid

__all__ = ["Decoded", "decode", "quote", "STRING_TYPES", "PRIMITIVE_ONLY", "ip_display"]

#: Universal types that BER may encode constructed (strings, times, bits, octets).
STRING_TYPES = frozenset({3, 4, 7, 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30})
#: Universal types that must always be primitive.
PRIMITIVE_ONLY = frozenset({0, 1, 2, 5, 6, 9, 10, 13, 14})

_JSON_SAFE = 1 << 53
_PRINTABLE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?")
_NUMERIC = frozenset(b"0123456789 ")


@dataclass
class Decoded:
    value: Any = None
    display: str | None = None
    problems: list[tuple[str, str]] = field(default_factory=list)


def quote(text: str) -> str:
    """A double-quoted string for people: unprintable characters escaped."""
    return '"' + escape(text, quote='"') + '"'


def integer_value(number: int) -> int | str:
    """The JSON value of an INTEGER (see the module docstring)."""
    if -_JSON_SAFE < number < _JSON_SAFE:
        return number
    return f"-0x{-number:x}" if number < 0 else f"0x{number:x}"


def _integer(content: bytes, named: dict[int, str] | None = None) -> Decoded:
    if not content:
        return Decoded(None, "(empty)", [("der.bad_integer", "no content octets")])
    out = Decoded()
    if len(content) > 1 and ((content[0] == 0 and content[1] < 0x80) or (content[0] == 0xFF and content[1] >= 0x80)):
        out.problems.append(("der.nonminimal_integer",
                             f"redundant leading octet {content[0]:02x} in a {len(content)}-octet integer"))
    number = int.from_bytes(content, "big", signed=True)
    out.value = integer_value(number)
    bits = number.bit_length()
    if named is not None and number in named:
        out.display = f"{named[number]} ({number})"
    elif bits <= 32:
        out.display = str(number)
    elif bits <= 64:
        out.display = f"{number} (0x{number:x})" if number >= 0 else str(number)
    elif bits <= 160:
        out.display = f"0x{number:x}" if number >= 0 else f"-0x{-number:x}"
    else:
        out.display = f"{'negative ' if number < 0 else ''}{bits}-bit integer"
    return out


def _boolean(content: bytes) -> Decoded:
    if len(content) != 1:
        value = any(content)
        return Decoded(value, "TRUE" if value else "FALSE",
                       [("der.bad_boolean", f"BOOLEAN of {len(content)} octets; DER uses exactly one")])
    value = content[0] != 0
    out = Decoded(value, "TRUE" if value else "FALSE")
    if content[0] not in (0x00, 0xFF):
        out.problems.append(("der.bad_boolean", f"BOOLEAN octet {content[0]:02x}; DER uses 00 or ff"))
    return out


def _oid(content: bytes) -> Decoded:
    if not content:
        return Decoded(None, "(empty)", [("der.bad_oid", "no content octets")])
    out = Decoded()
    arcs: list[int] = []
    value = 0
    size = 0
    start = True
    padded = False
    for octet in content:
        if start and octet == 0x80:
            padded = True
        value = value << 7 | (octet & 0x7F)
        size += 1
        if size > 146:  # 1022 bits: no real OID comes near
            return Decoded(None, "(too large)", [("der.bad_oid", "a sub-identifier of more than 1022 bits")])
        start = not octet & 0x80
        if start:
            arcs.append(value)
            value = 0
            size = 0
    if padded:
        out.problems.append(("der.nonminimal_oid", "a sub-identifier starts with a 0x80 octet"))
    if not start:
        out.problems.append(("der.bad_oid", "the last sub-identifier is unfinished"))
        if not arcs:
            out.display = "(malformed)"
            return out
    first = arcs[0]
    head = [0, first] if first < 40 else [1, first - 40] if first < 80 else [2, first - 80]
    dotted = ".".join(str(a) for a in head + arcs[1:])
    out.value = dotted
    out.display = describe_oid(dotted)
    return out


def _bits(content: bytes, named: dict[int, str] | None = None) -> Decoded:
    if not content:
        return Decoded(None, "(empty)", [("der.bad_bit_string", "no initial (unused bits) octet")])
    out = Decoded()
    unused, body = content[0], content[1:]
    if unused > 7:
        out.problems.append(("der.bad_bit_string", f"{unused} unused bits; at most 7"))
        unused = 0
    elif unused and not body:
        out.problems.append(("der.bad_bit_string", f"{unused} unused bits in an empty BIT STRING"))
        unused = 0
    elif unused and body[-1] & ((1 << unused) - 1):
        out.problems.append(("der.bit_string_padding",
                             f"the {unused} unused bits of the last octet ({body[-1]:02x}) are not zero"))
    bit_length = len(body) * 8 - unused
    out.value = {"unused_bits": content[0], "bit_length": bit_length}
    if named is None:
        out.display = f"{bit_length} bits"
        return out
    names = [named.get(i, f"bit{i}") for i in range(min(bit_length, 256)) if body[i // 8] >> (7 - i % 8) & 1]
    out.value["names"] = names
    out.display = ", ".join(names) if names else "(no bits set)"
    if bit_length and not body[(bit_length - 1) // 8] >> (7 - (bit_length - 1) % 8) & 1:
        out.problems.append(("der.named_bits_trailing_zero",
                             f"{bit_length} bits written, the last one zero; DER drops trailing zero bits"))
    return out


def _text(universal: int, content: bytes) -> Decoded:
    problems: list[tuple[str, str]] = []
    if universal == 12:
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = content.decode("utf-8", "replace")
            problems.append(("der.invalid_utf8_string", f"not UTF-8 at byte {exc.start}"))
    elif universal == 30:
        if len(content) % 2:
            problems.append(("der.invalid_bmp_string", f"odd length {len(content)}"))
        usable = content[:len(content) - len(content) % 2]
        try:
            text = usable.decode("utf-16-be")
        except UnicodeDecodeError:
            text = usable.decode("utf-16-be", "replace")
            problems.append(("der.invalid_bmp_string", "an unpaired surrogate code unit"))
        else:
            if any(ord(ch) > 0xFFFF for ch in text):
                problems.append(("der.bmp_string_surrogates",
                                 "characters beyond the BMP written as UTF-16 surrogate pairs"))
    elif universal == 28:
        if len(content) % 4:
            problems.append(("der.invalid_universal_string", f"length {len(content)} is not a multiple of 4"))
        usable = content[:len(content) - len(content) % 4]
        try:
            text = usable.decode("utf-32-be")
        except UnicodeDecodeError:
            text = usable.decode("utf-32-be", "replace")
            problems.append(("der.invalid_universal_string", "a code point that is not a character"))
    else:
        text = content.decode("latin-1")
        bad = _bad_char(universal, content)
        if bad is not None:
            code, offset = bad
            problems.append((code, f"byte {content[offset]:02x} at position {offset} is not allowed"))
    return Decoded(text, quote(text), problems)


def _bad_char(universal: int, content: bytes) -> tuple[str, int] | None:
    if universal == 19:
        allowed, code = _PRINTABLE, "der.invalid_printable_string"
    elif universal == 22:
        for i, b in enumerate(content):
            if b > 0x7F:
                return "der.invalid_ia5_string", i
        return None
    elif universal == 18:
        allowed, code = _NUMERIC, "der.invalid_numeric_string"
    elif universal == 26:
        for i, b in enumerate(content):
            if not 0x20 <= b <= 0x7E:
                return "der.invalid_visible_string", i
        return None
    else:  # T61String, VideotexString, GraphicString, GeneralString: not checked
        return None
    for i, b in enumerate(content):
        if b not in allowed:
            return code, i
    return None


_UTC = re.compile(r"(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(Z|[+-]\d{4})?")
_GEN = re.compile(r"(\d{4})(\d\d)(\d\d)(\d\d)(?:(\d\d)(\d\d)?)?(?:([.,])(\d*))?(Z|[+-]\d{4})?")


def _time(universal: int, content: bytes) -> Decoded:
    text = content.decode("latin-1")
    kind = "UTCTime" if universal == 23 else "GeneralizedTime"
    match = (_UTC if universal == 23 else _GEN).fullmatch(text)
    if match is None:
        return Decoded(text, quote(text), [("der.bad_time", f"{quote(text)} is not a {kind}")])
    problems: list[tuple[str, str]] = []
    fraction = ""
    if universal == 23:
        yy, month, day, hour, minute, second, zone = match.groups()
        year = int(yy) + (1900 if int(yy) >= 50 else 2000)
    else:
        yyyy, month, day, hour, minute, second, mark, fraction, zone = match.groups()
        year = int(yyyy)
        if minute is None:
            problems.append(("der.time_missing_seconds", f"{quote(text)} has no minutes or seconds"))
            minute = "00"
        if mark == ",":
            problems.append(("der.bad_time", "a comma as the decimal mark; DER uses a full stop"))
        if mark is not None and (not fraction or fraction.endswith("0")):
            problems.append(("der.time_fraction_zeros",
                             f"{quote(text)}: an empty fraction or one with trailing zeros"))
    if second is None:
        if not any(code == "der.time_missing_seconds" for code, _ in problems):
            problems.append(("der.time_missing_seconds", f"{quote(text)} has no seconds"))
        second = "00"
    if zone != "Z":
        problems.append(("der.time_not_utc",
                         f"{quote(text)} ends in {zone!r}; DER ends a time in Z" if zone
                         else f"{quote(text)} has no Z (local time)"))
    try:
        datetime(year, int(month), int(day), int(hour), int(minute), int(second))
    except ValueError:
        problems.append(("der.bad_time", f"{quote(text)} is not a valid date and time"))
        return Decoded(text, quote(text), problems)
    iso = f"{year:04d}-{month}-{day}T{hour}:{minute}:{second}"
    if fraction:
        iso += "." + fraction
    if zone == "Z":
        iso += "Z"
    elif zone:
        iso += f"{zone[:3]}:{zone[3:]}"
    return Decoded(iso, iso, problems)


def ip_display(content: bytes, subnet: bool = False) -> str | None:
    """The address (or address/mask for name constraints), None if the size is wrong."""
    size = len(content) // 2 if subnet else len(content)
    if size not in (4, 16) or (subnet and len(content) % 2):
        return None
    import ipaddress  # only here: most inputs have no IP address

    address = ipaddress.ip_address(content[:size])
    if not subnet:
        return str(address)
    mask = ipaddress.ip_address(content[size:])
    return f"{address}/{mask}"


def decode(universal: int, content: bytes, *, named_values: dict[int, str] | None = None,
           named_bits: dict[int, str] | None = None) -> Decoded:
    """Value, display and DER problems of primitive content of a universal type."""
    if universal == 1:
        return _boolean(content)
    if universal in (2, 10):
        return _integer(content, named_values)
    if universal == 3:
        return _bits(content, named_bits)
    if universal == 5:
        if content:
            return Decoded(None, "NULL", [("der.bad_null", f"NULL with {len(content)} content octets")])
        return Decoded(None, "NULL")
    if universal == 6:
        return _oid(content)
    if universal in (23, 24):
        return _time(universal, content)
    if universal in (12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30):
        return _text(universal, content)
    if universal == 0:
        return Decoded(None, None)
    return Decoded(content.hex(), f"{len(content)} bytes")
