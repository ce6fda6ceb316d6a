"""Validity: step's time flags and the certificate's DER times.

The flags' syntax is Go's (RFC 3339 times and ``time.ParseDuration``), read
by :mod:`pkisign.golang.time`.

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

import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..errors import UsageError
from ..golang.time import civil, duration_ns, parse_rfc3339

__all__ = [
    "NS",
    "HOUR",
    "LEAF_LIFETIME",
    "INTERMEDIATE_LIFETIME",
    "ZERO_TIME",
    "Validity",
    "parse_duration",
    "parse_time_or_duration",
    "resolve_validity",
    "encode_time",
]

NS = 1_000_000_000
HOUR = 3600 * NS
LEAF_LIFETIME = 24 * HOUR
INTERMEDIATE_LIFETIME = 87_600 * HOUR  # 10 x 365 days, as step says "10 years"

_DAYS_0001_TO_1970 = 719_162
#: Go's zero time.Time, 0001-01-01T00:00:00Z: step treats it as "unset".
ZERO_TIME = -_DAYS_0001_TO_1970 * 86_400 * NS

_MAX_INT64 = (1 << 63) - 1


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
