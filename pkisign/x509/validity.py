"""Validity: step's time flags, Go's time and duration syntax, and DER times.

Instants are integers of nanoseconds since the Unix epoch (UTC).  That keeps
Go's arithmetic exact (a Go duration is an int64 of nanoseconds) and reaches
every year Go's RFC 3339 parser accepts, year 0 included, which Python's
``datetime`` cannot hold.

Spec section 5: each flag is an RFC 3339 time or a Go duration added to
*now*; an unset (or zero-time) not-before is now; an unset not-after is
not-before plus the profile's default lifetime; not-before after not-after is
an error.  In the certificate both are UTC, truncated to the second, as
UTCTime for years 1950 to 2049 and GeneralizedTime otherwise (RFC 5280
4.1.2.5).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..errors import UsageError
from ..golang.duration import duration_ns

__all__ = [
    "NS",
    "HOUR",
    "LEAF_LIFETIME",
    "INTERMEDIATE_LIFETIME",
    "ZERO_TIME",
    "Validity",
    "parse_duration",
    "parse_rfc3339",
    "parse_time_or_duration",
    "resolve_validity",
    "encode_time",
    "civil",
    "format_rfc3339",
]

NS = 1_000_000_000
HOUR = 3600 * NS
LEAF_LIFETIME = 24 * HOUR
INTERMEDIATE_LIFETIME = 87_600 * HOUR  # 10 x 365 days, as step says "10 years"

_DAYS_0001_TO_1970 = 719_162
#: Go's zero time.Time, 0001-01-01T00:00:00Z: step treats it as "unset".
ZERO_TIME = -_DAYS_0001_TO_1970 * 86_400 * NS

_MAX_INT64 = (1 << 63) - 1


# -- civil calendar (proleptic Gregorian, any year) -------------------------

def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 (Howard Hinnant's algorithm, exact for any year)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def civil(ns: int) -> tuple[int, int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second, nanosecond) in UTC."""
    secs, nanos = divmod(ns, NS)
    days, rem = divmod(secs, 86_400)
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    y = yoe + era * 400 + (m <= 2)
    return y, m, d, rem // 3600, rem // 60 % 60, rem % 60, nanos


def _days_in(month: int, year: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def format_rfc3339(ns: int) -> str:
    """An instant as RFC 3339 in UTC, whole seconds (for messages and --explain)."""
    y, mo, d, h, mi, s, _ = civil(ns)
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"


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
    if not 1 <= month <= 12 or not 1 <= day <= _days_in(month, year):
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
    days = _days_from_civil(year, month, day)
    seconds = days * 86_400 + hour * 3600 + minute * 60 + sec - offset
    return seconds * NS + nanos


# -- Go's time.ParseDuration --------------------------------------------------

def parse_duration(text: str) -> int | None:
    """Go's ``time.ParseDuration`` in nanoseconds, or None when invalid."""
    duration = duration_ns(text)
    return None if isinstance(duration, str) else duration


def parse_time_or_duration(text: str, now: Callable[[], int]) -> int | None | bool:
    """step's ``flags.ParseTimeOrDuration``.

    Returns None for an empty value (unset), the instant for an RFC 3339 time
    or a duration added to ``now()``, and False when the text is neither.
    """
    if text == "":
        return None
    # The same flag values come with every certificate of a run: short ones
    # are parsed once (a pure function of the text).
    parsed = _parse_time_or_offset_cached(text) if len(text) <= 64 else _parse_time_or_offset(text)
    if parsed is None:
        return False
    instant, offset = parsed
    return instant if offset is None else now() + offset


def _parse_time_or_offset(text: str) -> tuple[int, None] | tuple[None, int] | None:
    """(instant, None) for an RFC 3339 time, (None, duration) for a duration, None for neither."""
    instant = parse_rfc3339(text)
    if instant is not None:
        return instant, None
    duration = parse_duration(text)
    return None if duration is None else (None, duration)


_parse_time_or_offset_cached = lru_cache(maxsize=64)(_parse_time_or_offset)


# -- the validity of a new certificate ---------------------------------------

@dataclass(frozen=True)
class Validity:
    """A certificate's validity, in nanoseconds since the epoch (UTC)."""

    not_before: int
    not_after: int

    def seconds(self) -> tuple[int, int]:
        """Both bounds truncated to whole seconds, as they are encoded."""
        return self.not_before // NS, self.not_after // NS


def _now_ns() -> int:
    return time.time_ns()


def resolve_validity(
    not_before: str = "",
    not_after: str = "",
    *,
    default_lifetime: int = LEAF_LIFETIME,
    now: Callable[[], int] = _now_ns,
) -> Validity:
    """Apply step's rules to the raw ``--not-before``/``--not-after`` values."""
    nb = parse_time_or_duration(not_before, now)
    if nb is False:
        raise UsageError(f"invalid value '{not_before}' for flag '--not-before'")
    na = parse_time_or_duration(not_after, now)
    if na is False:
        raise UsageError(f"invalid value '{not_after}' for flag '--not-after'")
    if nb is None or nb == ZERO_TIME:
        nb = now()
    if na is None or na == ZERO_TIME:
        na = nb + default_lifetime
    elif nb > na:
        raise UsageError(
            f"flag '--not-before {not_before}' is incompatible with "
            f"flag '--not-after {not_after}'"
        )
    return Validity(nb, na)


# -- DER ----------------------------------------------------------------------

def encode_time(ns: int) -> bytes:
    """UTCTime for 1950..2049, else GeneralizedTime; UTC, whole seconds, 'Z'."""
    return _encode_second(ns // NS)


@lru_cache(maxsize=64)  # certificates signed in the same second share their times
def _encode_second(second: int) -> bytes:
    y, mo, d, h, mi, s, _ = civil(second * NS)
    if 1950 <= y <= 2049:
        text = f"{y % 100:02d}{mo:02d}{d:02d}{h:02d}{mi:02d}{s:02d}Z"
        tag = 0x17
    else:
        if not 0 <= y <= 9999:
            raise ValueError(f"year {y} cannot be encoded in a certificate")
        text = f"{y:04d}{mo:02d}{d:02d}{h:02d}{mi:02d}{s:02d}Z"
        tag = 0x18
    body = text.encode("ascii")
    return bytes((tag, len(body))) + body
