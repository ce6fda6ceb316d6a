"""Go's time.ParseDuration, for step's time flags and sprig's duration functions.

Kept apart from the template's time model so that the signing path parses
``--not-before``/``--not-after`` without loading the template interpreter.
"""

from __future__ import annotations

import re

__all__ = ["duration_ns", "time_quote", "UNITS"]

NANO = 1_000_000_000
UNITS = {"ns": 1, "us": 1000, "\u00b5s": 1000, "\u03bcs": 1000, "ms": 1_000_000, "s": NANO,
         "m": 60 * NANO, "h": 3600 * NANO}

# One component of a duration: [0-9]* (\.[0-9]*)? unit, where the unit is
# everything up to the next digit or dot.
_COMPONENT = re.compile(r"([0-9]*)(?:\.([0-9]*))?([^0-9.]*)")
_LIMIT = 1 << 63


def duration_ns(s: str) -> int | str:
    """time.ParseDuration as an int of nanoseconds, or Go's error text.

    Go's loop, one component at a time, in time linear in the text: a
    run of digits only overflows through its significant digits, and a
    fraction stops counting once it is past int64 precision.
    """
    orig = s
    neg = False
    pos = 0
    if s[:1] in ("-", "+"):
        neg = s[0] == "-"
        pos = 1
    if s[pos:] == "0":
        return 0
    if pos == len(s):
        return "time: invalid duration " + time_quote(orig)
    total = 0
    while pos < len(s):
        if not (s[pos] == "." or "0" <= s[pos] <= "9"):
            return "time: invalid duration " + time_quote(orig)
        m = _COMPONENT.match(s, pos)
        assert m is not None  # every part of the pattern may be empty
        whole, frac, unit_text = m.group(1), m.group(2), m.group(3)
        pos = m.end()
        significant = whole.lstrip("0")
        if len(significant) > 19 or int(significant or "0") > _LIMIT:
            return "time: invalid duration " + time_quote(orig)  # leadingInt overflows
        v = int(significant or "0")
        if not whole and not frac:
            return "time: invalid duration " + time_quote(orig)
        if not unit_text:
            return "time: missing unit in duration " + time_quote(orig)
        unit = UNITS.get(unit_text)
        if unit is None:
            return "time: unknown unit " + time_quote(unit_text) + " in duration " + time_quote(orig)
        if v > _LIMIT // unit:
            return "time: invalid duration " + time_quote(orig)
        v *= unit
        f, scale = _leading_fraction(frac or "")
        if f > 0:
            # Go scales in float64 and converts back, truncating.
            v += int(float(f) * (float(unit) / scale))
            if v > _LIMIT:
                return "time: invalid duration " + time_quote(orig)
        total += v
        if total > _LIMIT:
            return "time: invalid duration " + time_quote(orig)
    if neg:
        return -total
    if total > _LIMIT - 1:
        return "time: invalid duration " + time_quote(orig)
    return total


def _leading_fraction(digits: str) -> tuple[int, float]:
    """time's leadingFraction: the digits up to int64 precision and their scale."""
    x, scale = 0, 1.0
    zeros = len(digits) - len(digits.lstrip("0"))
    # Leading zeros only grow the scale; past 10**400 it is +Inf in float64
    # (as in Go), so the rest of them change nothing.
    for _ in range(min(zeros, 400)):
        scale *= 10
    if zeros > 400:
        scale = float("inf")
    for ch in digits[zeros:]:
        if x > (_LIMIT - 1) // 10:
            break
        y = x * 10 + ord(ch) - 48
        if y > _LIMIT:
            break
        x = y
        scale *= 10
    return x, scale


def time_quote(s: str) -> str:
    """time's own quoting for error messages (non-ASCII bytes as \\x escapes)."""
    out = ['"']
    for c in s:
        if ord(c) >= 0x80 or c < " ":
            for b in c.encode("utf-8", "surrogateescape"):
                out.append("\\x%02x" % b)
        else:
            if c in '"\\':
                out.append("\\")
            out.append(c)
    out.append('"')
    return "".join(out)
