"""sprig's date functions (date.go) on :class:`~pkisign.golang.time.values.GoTime`."""

from __future__ import annotations

from typing import Any

from ...golang.reflect import GoError, type_of
from ...golang.strconv import NumError, parse_int
from ...golang.time.values import (
    NANO,
    UTC,
    GoTime,
    format_duration,
    load_location,
    local,
    now,
    parse,
    parse_duration,
    unix,
)
from .base import FuncTable, wrap64

__all__ = ["DATES"]

DATES = FuncTable()


def _as_time(date: Any, with_int32: bool = True) -> GoTime:
    """The type switch sprig uses: time.Time, int64, int, int32; anything else is now."""
    t = type_of(date)
    name = t.name if t is not None else ""
    if isinstance(date, GoTime):
        return date
    if name in ("int64", "int") or (with_int32 and name == "int32"):
        return unix(int(date))
    return now()


def date_in_zone(fmt: str, date: Any, zone: str) -> str:
    tm = _as_time(date)
    try:
        loc = load_location(zone)
    except GoError:
        loc = UTC
    return tm.in_loc(loc).format(fmt)


@DATES.func("date", ["string", "interface {}"], "string")
def _date(fmt: str, date: Any) -> str:
    return date_in_zone(fmt, date, "Local")


@DATES.func("htmlDate", ["interface {}"], "string")
def _html_date(date: Any) -> str:
    return date_in_zone("2006-01-02", date, "Local")


@DATES.func("htmlDateInZone", ["interface {}", "string"], "string")
def _html_date_in_zone(date: Any, zone: str) -> str:
    return date_in_zone("2006-01-02", date, zone)


DATES.func("dateInZone", ["string", "interface {}", "string"], "string", aliases=("date_in_zone",))(date_in_zone)


@DATES.func("dateModify", ["string", "time.Time"], "time.Time", aliases=("date_modify",))
def _date_modify(fmt: str, date: GoTime) -> GoTime:
    try:
        d = parse_duration(fmt)
    except GoError:
        return date
    return date.add(d)


@DATES.func("mustDateModify", ["string", "time.Time"], "time.Time", error=True, aliases=("must_date_modify",))
def _must_date_modify(fmt: str, date: GoTime) -> GoTime:
    return date.add(parse_duration(fmt))


def _since(t: GoTime) -> int:
    n = now()
    return (n.sec - t.sec) * NANO + n.nsec - t.nsec


def _round_second(d: int) -> int:
    r = abs(d) % NANO
    q = abs(d) - r
    if r + r >= NANO:
        q += NANO
    return q if d >= 0 else -q


@DATES.func("ago", ["interface {}"], "string")
def _ago(date: Any) -> str:
    return format_duration(_round_second(_since(_as_time(date, with_int32=False))))


@DATES.func("duration", ["interface {}"], "string")
def _duration(sec: Any) -> str:
    t = type_of(sec)
    n = 0
    if t is not None and t.name == "string":
        try:
            n = parse_int(str(sec), 10, 64)
        except NumError:
            n = 0
    elif t is not None and t.name == "int64":
        n = int(sec)
    return format_duration(wrap64(n * NANO))


@DATES.func("durationRound", ["interface {}"], "string")
def _duration_round(duration: Any) -> str:
    t = type_of(duration)
    d = 0
    if t is not None and t.name == "string":
        try:
            d = int(parse_duration(str(duration)))
        except GoError:
            d = 0
    elif t is not None and t.name == "int64":
        d = int(duration)
    elif isinstance(duration, GoTime):
        d = _since(duration)
    u = abs(d) % (1 << 64)
    hour = 3600 * NANO
    for unit, suffix in ((hour * 24 * 365, "y"), (hour * 24 * 30, "mo"), (hour * 24, "d"),
                         (hour, "h"), (60 * NANO, "m"), (NANO, "s")):
        if u > unit:
            return f"{u // unit}{suffix}"
    return "0s"


@DATES.func("now", [], "time.Time")
def _now() -> GoTime:
    return now()


@DATES.func("toDate", ["string", "string"], "time.Time")
def _to_date(fmt: str, s: str) -> GoTime:
    try:
        return parse(fmt, s, local(), local())
    except GoError:
        return GoTime()


@DATES.func("mustToDate", ["string", "string"], "time.Time", error=True)
def _must_to_date(fmt: str, s: str) -> GoTime:
    return parse(fmt, s, local(), local())


@DATES.func("unixEpoch", ["time.Time"], "string")
def _unix_epoch(date: GoTime) -> str:
    return str(date.sec)



