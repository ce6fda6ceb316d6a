"""Go's time package: its rules for instants and durations as integers.

What every signature needs, kept free of Go's value model so that signing a
certificate loads nothing more: ``time.ParseDuration`` (``duration_ns``),
``time.Time.UnmarshalText`` for RFC 3339 (``parse_rfc3339``), RFC 3339
output in UTC (``format_rfc3339``) and the proleptic Gregorian calendar for
any year (``civil``, ``days_from_civil``).  Instants are integers of
nanoseconds since the Unix epoch, UTC: Go's arithmetic stays exact, and year 0,
which Python's ``datetime`` cannot hold, is reachable.

``time.Time``, ``time.Duration`` and ``time.Location`` as template values,
with Go's layouts for Format and Parse, are :mod:`pkisign.golang.time.values`,
built on these same rules.

Pinned by tests/goldens/gotime.json (tools/goref/timeref, regen_time.sh),
made by real Go: durations, RFC 3339 instants and encoding/asn1's times.
"""

from __future__ import annotations

import re

__all__ = ["NANO", "UNITS", "duration_ns", "time_quote", "parse_rfc3339", "format_rfc3339", "civil",
           "civil_from_days", "days_from_civil", "days_in", "is_leap"]

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


# -- the civil calendar (proleptic Gregorian, any year) ------------------------

def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 (Howard Hinnant's algorithm, exact for any year)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def civil(ns: int) -> tuple[int, int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second, nanosecond) in UTC."""
    secs, nanos = divmod(ns, NANO)
    days, rem = divmod(secs, 86_400)
    y, m, d = civil_from_days(days)
    return y, m, d, rem // 3600, rem // 60 % 60, rem % 60, nanos


def days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def format_rfc3339(ns: int) -> str:
    """An instant as RFC 3339 in UTC, whole seconds (for messages and --explain)."""
    y, mo, d, h, mi, s, _ = civil(ns)
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"


def civil_from_days(z: int) -> tuple[int, int, int]:
    """(year, month, day) of a day counted from 1970-01-01."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# -- Go's time.Time.UnmarshalText (RFC 3339) ---------------------------------

# Go first tries a strict fast path; when it fails it falls back to
# time.Parse(time.RFC3339, s), which also takes a one-digit hour and a comma
# before the fraction.  Both accept a fraction of any length (nanoseconds
# kept, the rest ignored) and only "Z" or a +hh:mm / -hh:mm offset.
_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})"
    r"(?:[.,](\d+))?"
    r"(Z|[+-]\d{2}:\d{2})",
    re.ASCII,
)


def parse_rfc3339(text: str) -> int | None:
    """Go's ``time.Time.UnmarshalText``: the instant, or None if not a time."""
    match = _RFC3339.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, sec = (int(g) for g in match.groups()[:6])
    fraction, zone = match.group(7), match.group(8)
    if not 1 <= month <= 12 or not 1 <= day <= days_in(month, year):
        return None
    if hour > 23 or minute > 59 or sec > 59:
        return None
    offset = 0
    if zone != "Z":
        zh, zm = int(zone[1:3]), int(zone[4:6])
        # time.Parse accepts offset hours up to 24 and minutes up to 60.
        if zh > 24 or zm > 60:
            return None
        offset = (zh * 60 + zm) * 60 * (-1 if zone[0] == "-" else 1)
    nanos = int((fraction or "0")[:9].ljust(9, "0"))
    days = days_from_civil(year, month, day)
    seconds = days * 86_400 + hour * 3600 + minute * 60 + sec - offset
    return seconds * NANO + nanos
