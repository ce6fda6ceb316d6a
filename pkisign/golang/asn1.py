"""Go's encoding/asn1: its rules for string types and times.

``parse_string`` is how ``asn1.Unmarshal`` reads the string types into an
``interface{}`` (what a CSR's subject holds); ``is_printable`` is its
PrintableString alphabet, also what ``asn1.Marshal`` checks before it writes
a Go string as a PrintableString; ``time_ok`` is its UTCTime and
GeneralizedTime rule, which crypto/x509's own parser shares for a
certificate's validity.  crypto/x509's parser has its own string rules, in
:mod:`pkisign.golang.x509`, as Go has.

Pinned by tests/goldens/gotime.json "asn1time" (tools/goref/timeref) and by
the CSR vectors made by step-sign-ref.
"""

from __future__ import annotations

from functools import lru_cache

from .time import days_in

__all__ = ["ASN1Error", "is_printable", "parse_string", "time_ok"]

# Universal tags of the string types.
_T61, _PRINTABLE, _UTF8, _BMP, _IA5, _NUMERIC = 0x14, 0x13, 0x0C, 0x1E, 0x16, 0x12


class ASN1Error(ValueError):
    """A value encoding/asn1 refuses; ``str()`` is Go's message."""


def is_printable(b: int, *, asterisk: bool, ampersand: bool) -> bool:
    """isPrintable: the PrintableString alphabet; '*' and '&' only where Go allows them."""
    return (
        0x61 <= b <= 0x7A or 0x41 <= b <= 0x5A or 0x30 <= b <= 0x39
        or 0x27 <= b <= 0x29  # ' ( )
        or 0x2B <= b <= 0x2F  # + , - . /
        or b in b" :=?"
        or (asterisk and b == 0x2A)
        or (ampersand and b == 0x26)
    )


def parse_string(tag: int, value: bytes) -> str | None:
    """encoding/asn1's string types read into ``interface{}``: the Go string,
    None for a value of another type, or ASN1Error with Go's message.

    Each string type must be valid for its type (a PrintableString may hold
    '*' and '&', as Go reads it); a T61String is taken byte for byte.
    """
    if tag == _T61:
        return value.decode("utf-8", "surrogateescape")
    if tag == _PRINTABLE:
        if not all(is_printable(b, asterisk=True, ampersand=True) for b in value):
            raise ASN1Error("asn1: syntax error: PrintableString contains invalid character")
        return value.decode("ascii")
    if tag == _UTF8:
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            raise ASN1Error("asn1: syntax error: invalid UTF-8 string") from None
    if tag == _BMP:
        if len(value) % 2:
            raise ASN1Error("asn1: syntax error: invalid BMPString")
        if value[-2:] == b"\x00\x00":
            value = value[:-2]
        # utf16.Decode: unpaired surrogates become U+FFFD.
        return value.decode("utf-16-be", "replace")
    if tag == _IA5:
        if any(b > 0x7F for b in value):
            raise ASN1Error("asn1: syntax error: IA5String contains invalid character")
        return value.decode("ascii")
    if tag == _NUMERIC:
        if not all(0x30 <= b <= 0x39 or b == 0x20 for b in value):
            raise ASN1Error("asn1: syntax error: NumericString contains invalid character")
        return value.decode("ascii")
    return None


# -- times ---------------------------------------------------------------------
# encoding/asn1 (a time value inside a name) and cryptobyte (a
# certificate's validity) both parse with time.Parse and then insist that
# time.Format gives back the same text.  Together that accepts exactly the
# canonical text of an in-range time: fixed-width digits, "Z" or a non-zero
# +hhmm/-hhmm offset (hh <= 24 and mm <= 59, since a "+0060" would come back
# as "+0100"), and for encoding/asn1's GeneralizedTime an optional fraction
# of 1 to 9 digits with no trailing zero (its layout ends ".999999999").

def _digits(s: bytes) -> int | None:
    return int(s) if s and all(0x30 <= c <= 0x39 for c in s) else None


@lru_cache(maxsize=256)  # a batch signs many certificates with the same times
def _canonical_time(s: bytes, year_len: int, with_seconds: bool, fraction: bool) -> bool:
    n = year_len + (10 if with_seconds else 8)
    if len(s) < n + 1:
        return False
    parsed = [_digits(s[:year_len])]
    parsed += [_digits(s[k:k + 2]) for k in range(year_len, n, 2)]
    fields = [f for f in parsed if f is not None]
    if len(fields) != len(parsed):
        return False
    year, month, day, hour, minute = fields[:5]
    second = fields[5] if with_seconds else 0
    if year_len == 2:
        # time.Parse's "06": 69..99 are 19xx, the rest 20xx (Go moves
        # 2050.. back a century afterwards, which changes no verdict).
        year += 1900 if year >= 69 else 2000
    if not 1 <= month <= 12 or hour > 23 or minute > 59 or second > 59:
        return False
    if not 1 <= day <= days_in(month, year):
        return False
    if fraction and s[n:n + 1] == b".":
        end = n + 1
        while end < len(s) and 0x30 <= s[end] <= 0x39:
            end += 1
        if not 1 <= end - n - 1 <= 9 or s[end - 1] == 0x30:
            return False
        n = end
    zone = s[n:]
    if zone == b"Z":
        return True
    if len(zone) != 5 or zone[0] not in b"+-":
        return False
    zh, zm = _digits(zone[1:3]), _digits(zone[3:5])
    return zh is not None and zm is not None and zh <= 24 and zm <= 59 and (zh, zm) != (0, 0)


def time_ok(tag: int, value: bytes, *, fraction: bool = False) -> bool:
    """Whether Go reads ``value`` as a UTCTime (tag 23) or GeneralizedTime (24).

    ``fraction``: encoding/asn1's GeneralizedTime layout, which takes
    fractional seconds; cryptobyte's (certificate validity) does not.
    """
    if tag == 0x17:  # UTCTime
        # UTCTime may also omit the seconds (a fallback layout Go keeps
        # although X.509 forbids it).
        return _canonical_time(value, 2, True, False) or _canonical_time(value, 2, False, False)
    if tag == 0x18:  # GeneralizedTime
        return _canonical_time(value, 4, True, fraction)
    return False
