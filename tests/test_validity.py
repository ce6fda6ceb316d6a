"""Go's duration and RFC 3339 syntax, step's validity rules, DER times."""

import pytest

from pkisign.errors import UsageError
from pkisign.golang.time import parse_rfc3339
from pkisign.x509.validity import (
    HOUR,
    INTERMEDIATE_LIFETIME,
    LEAF_LIFETIME,
    NS,
    encode_time,
    parse_duration,
    resolve_validity,
)

S = NS
M = 60 * S


@pytest.mark.parametrize("text, ns", [
    ("0", 0), ("+0", 0), ("-0", 0),
    ("300ms", 300_000_000), ("-1.5h", -int(1.5 * HOUR)), ("2h45m", 2 * HOUR + 45 * M),
    ("1h15m30.918273645s", HOUR + 15 * M + 30 * S + 918_273_645),
    ("1.5µs", 1500), ("1.5μs", 1500), ("1us", 1000), ("1ns", 1), ("16h", 16 * HOUR), ("-1m", -M),
    (".5s", S // 2), ("1.s", S), ("1.0000000001s", S),
    ("9223372036854775807ns", (1 << 63) - 1), ("-9223372036854775808ns", -(1 << 63)),
    ("2562047h47m16.854775807s", (1 << 63) - 1),
])
def test_go_durations(text, ns):
    assert parse_duration(text) == ns


@pytest.mark.parametrize("text", [
    "", "1", "1d", "1h-1m", ".s", "-.s", "1e3s", "tomorrow", "1 h", "1H", "+", "-",
    "9223372036854775808ns", "2562047h47m16.854775808s", "99999999999999999999h",
])
def test_invalid_go_durations(text):
    assert parse_duration(text) is None


def _utc(y, mo, d, h=0, mi=0, s=0, ns=0):
    import calendar

    return calendar.timegm((y, mo, d, h, mi, s)) * NS + ns


@pytest.mark.parametrize("text, expected", [
    ("2024-01-01T00:00:00Z", _utc(2024, 1, 1)),
    ("2024-01-01T00:00:00.999999999Z", _utc(2024, 1, 1, ns=999_999_999)),
    ("2024-01-01T00:00:00.9999999999Z", _utc(2024, 1, 1, ns=999_999_999)),
    ("2024-01-01T02:00:00+02:00", _utc(2024, 1, 1)),
    ("2023-12-31T19:00:00-05:00", _utc(2024, 1, 1)),
    ("2024-01-01T1:00:00Z", _utc(2024, 1, 1, 1)),  # time.Parse fallback: one-digit hour
    ("2024-02-29T23:59:59Z", _utc(2024, 2, 29, 23, 59, 59)),
    ("2050-01-01T00:00:00,5Z", _utc(2050, 1, 1, ns=500_000_000)),
])
def test_rfc3339(text, expected):
    assert parse_rfc3339(text) == expected


@pytest.mark.parametrize("text", [
    "2024-01-01", "2024-01-01T00:00:00", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
    "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
    "2024-01-01t00:00:00Z", "2024-01-01T00:00:00z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00+0200",
])
def test_not_rfc3339(text):
    assert parse_rfc3339(text) is None


@pytest.mark.parametrize("instant, der", [
    (_utc(2024, 1, 1), "170d3234303130313030303030305a"),
    (_utc(2050, 1, 1), "180f32303530303130313030303030305a"),
    (_utc(2049, 12, 31, 23, 59, 59), "170d3439313233313233353935395a"),
    (_utc(1950, 1, 1), "170d3530303130313030303030305a"),
    (_utc(1949, 12, 31, 23, 59, 59), "180f31393439313233313233353935395a"),
    (_utc(2024, 1, 1, ns=999_999_999), "170d3234303130313030303030305a"),  # truncated, not rounded
])
def test_der_times(instant, der):
    assert encode_time(instant).hex() == der


def test_year_zero_is_generalized_time():
    assert encode_time(parse_rfc3339("0000-01-01T00:00:00Z")) == b"\x18\x0f00000101000000Z"


NOW = _utc(2025, 6, 1, 12, 0, 0, 123_456_789)


def now():
    return NOW


def test_defaults_are_now_and_the_profile_lifetime():
    v = resolve_validity(now=now)
    assert (v.not_before, v.not_after) == (NOW, NOW + LEAF_LIFETIME)
    v = resolve_validity(default_lifetime=INTERMEDIATE_LIFETIME, now=now)
    assert v.not_after - v.not_before == 315_360_000 * NS
    assert v.seconds() == (NOW // NS, (NOW + INTERMEDIATE_LIFETIME) // NS)


def test_durations_are_relative_to_now_each():
    v = resolve_validity("-1m", "16h", now=now)
    assert (v.not_before, v.not_after) == (NOW - M, NOW + 16 * HOUR)
    v = resolve_validity("2025-06-02T00:00:00Z", "", now=now)
    assert v.not_after == _utc(2025, 6, 3)


def test_zero_time_means_unset():
    v = resolve_validity("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", now=now)
    assert (v.not_before, v.not_after) == (NOW, NOW + LEAF_LIFETIME)


def test_equal_bounds_are_allowed():
    v = resolve_validity("2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", now=now)
    assert v.not_before == v.not_after


@pytest.mark.parametrize("nb, na, message", [
    ("1d", "", "invalid value '1d' for flag '--not-before'"),
    ("", "tomorrow", "invalid value 'tomorrow' for flag '--not-after'"),
    ("2025-01-02T00:00:00Z", "2025-01-01T00:00:00Z",
     "flag '--not-before 2025-01-02T00:00:00Z' is incompatible with flag '--not-after 2025-01-01T00:00:00Z'"),
    ("", "-1h", "flag '--not-before ' is incompatible with flag '--not-after -1h'"),
])
def test_validity_errors(nb, na, message):
    with pytest.raises(UsageError) as err:
        resolve_validity(nb, na, now=now)
    assert str(err.value) == message
