"""Go's math/big: ``Int.SetString`` with base 0, as x509util reads a serial number.

Pinned by tests/goldens/gobig.json (tools/goref/bigref, regen_big.sh), made by real Go.
"""

from __future__ import annotations

__all__ = ["big_int_base0"]


def big_int_base0(text: str) -> int | None:
    """math/big SetString(s, 0): a sign, a 0x/0o/0b or bare-0 (octal) prefix,
    and '_' between a prefix and a digit or between digits."""
    s = text
    sign = 1
    if s[:1] in ("+", "-"):
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    base = 10
    lower = s.lower()
    if lower.startswith(("0x", "0b", "0o")):
        base = {"x": 16, "b": 2, "o": 8}[lower[1]]
        s = s[2:]
        if s.startswith("_"):
            s = s[1:]  # allowed right after a prefix
    elif s.startswith("0") and len(s) > 1:
        base, s = 8, s[1:]
        if s.startswith("_"):
            s = s[1:]
    if not s or s.startswith("_") or s.endswith("_") or "__" in s:
        return None
    s = s.replace("_", "")
    digits = "0123456789abcdef"[:base]
    if not all(c in digits for c in s.lower()):
        return None
    if base == 10 and len(s) > _MAX_DECIMAL_DIGITS:
        return None  # Python bounds decimal conversions (CVE-2020-10735); Go's big.Int does not
    return sign * int(s, base)


# Python refuses int() of more decimal digits than this (sys.int_info).
_MAX_DECIMAL_DIGITS = 4300
