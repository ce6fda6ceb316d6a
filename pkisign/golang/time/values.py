"""Go's time.Time, time.Duration and time.Location as template values.

Times are nanosecond-exact (Unix seconds + nanoseconds) and carry a location:
UTC, a fixed offset, an IANA zone through :mod:`zoneinfo`, or ``Local``
(``TZ`` or ``/etc/localtime``, like Go).  Formatting and parsing follow Go's
reference-layout rules (``2006-01-02T15:04:05Z07:00``) and error messages.
"""

from __future__ import annotations

import os
import time as _time
import zoneinfo
from datetime import datetime, timezone
from typing import Any

from ..reflect import GoError, GoInt, GoStruct, go_method, named_type
from . import NANO, civil_from_days, days_from_civil, days_in, duration_ns, is_leap, time_quote

__all__ = [
    "GoTime",
    "Duration",
    "Month",
    "Weekday",
    "Location",
    "UTC",
    "local",
    "load_location",
    "fixed_zone",
    "now",
    "unix",
    "date",
    "parse",
    "parse_duration",
    "format_duration",
    "LAYOUTS",
]

_MONO_START = _time.monotonic_ns()

LAYOUTS = {
    "Layout": "01/02 03:04:05PM '06 -0700",
    "ANSIC": "Mon Jan _2 15:04:05 2006",
    "UnixDate": "Mon Jan _2 15:04:05 MST 2006",
    "RubyDate": "Mon Jan 02 15:04:05 -0700 2006",
    "RFC822": "02 Jan 06 15:04 MST",
    "RFC822Z": "02 Jan 06 15:04 -0700",
    "RFC850": "Monday, 02-Jan-06 15:04:05 MST",
    "RFC1123": "Mon, 02 Jan 2006 15:04:05 MST",
    "RFC1123Z": "Mon, 02 Jan 2006 15:04:05 -0700",
    "RFC3339": "2006-01-02T15:04:05Z07:00",
    "RFC3339Nano": "2006-01-02T15:04:05.999999999Z07:00",
    "Kitchen": "3:04PM",
    "Stamp": "Jan _2 15:04:05",
    "StampMilli": "Jan _2 15:04:05.000",
    "StampMicro": "Jan _2 15:04:05.000000",
    "StampNano": "Jan _2 15:04:05.000000000",
    "DateTime": "2006-01-02 15:04:05",
    "DateOnly": "2006-01-02",
    "TimeOnly": "15:04:05",
}

_LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


# -- locations -------------------------------------------------------------------
class Location:
    """A time zone: ``lookup(unix_seconds)`` gives its abbreviation and offset."""

    def __init__(self, name: str, fixed: tuple[str, int] | None = None,
                 zone: zoneinfo.ZoneInfo | timezone | None = None) -> None:
        self.name = name
        self._fixed = fixed
        self._zone = zone

    def lookup(self, sec: int) -> tuple[str, int]:
        if self._fixed is not None:
            return self._fixed
        assert self._zone is not None
        # datetime covers years 1..9999; outside that the nearest rule applies.
        clamped = min(max(sec, -62135596800 + 86400), 253402300799 - 86400)
        dt = datetime.fromtimestamp(clamped, self._zone)
        off = dt.utcoffset()
        return dt.tzname() or "", int(off.total_seconds()) if off is not None else 0

    def lookup_name(self, name: str, sec: int) -> int | None:
        """The offset of the zone abbreviation ``name`` near ``sec``, if this location uses it."""
        for probe in (sec, sec - 180 * 86400, sec + 180 * 86400):
            abbrev, off = self.lookup(probe - self.lookup(probe)[1])
            if abbrev == name:
                return off
        return None

    def __repr__(self) -> str:
        return f"Location({self.name!r})"


UTC = Location("UTC", fixed=("UTC", 0))
_local: Location | None = None


def local() -> Location:
    """Go's time.Local: ``$TZ`` if set ("" is UTC), else /etc/localtime, else UTC."""
    global _local
    if _local is None:
        tz = os.environ.get("TZ")
        zone: Any = None
        try:
            if tz is None:
                with open("/etc/localtime", "rb") as fh:
                    zone = zoneinfo.ZoneInfo.from_file(fh, key="Local")
            elif tz not in ("", "UTC"):
                zone = zoneinfo.ZoneInfo(tz.lstrip(":"))
        except (OSError, ValueError, zoneinfo.ZoneInfoNotFoundError):
            zone = None
        _local = Location("Local", zone=zone) if zone is not None else Location("Local", fixed=("UTC", 0))
    return _local


def set_local(loc: Location | None) -> None:
    """Override (or, with None, reset) the Local zone; used by tests."""
    global _local
    _local = loc


def fixed_zone(name: str, offset: int) -> Location:
    return Location(name, fixed=(name, offset))


def load_location(name: str) -> Location:
    """time.LoadLocation."""
    if name in ("", "UTC"):
        return UTC
    if name == "Local":
        return local()
    if name.startswith("/") or ".." in name.split("/") or "\\" in name:
        raise GoError("time: invalid location name")
    try:
        return Location(name, zone=zoneinfo.ZoneInfo(name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise GoError(f"unknown time zone {name}") from None


# -- named integer types -------------------------------------------------------
class Duration(GoInt):
    """time.Duration: int64 nanoseconds that print like ``1h2m3.5s``."""

    go_type = named_type("time.Duration", "int64")

    def __new__(cls, value: int, go_type: Any = None) -> Duration:
        return GoInt.__new__(cls, _wrap64(value))  # type: ignore[return-value]

    @go_method("String")
    def string(self) -> str:
        return format_duration(int(self))

    @go_method("Hours", result="float64")
    def hours(self) -> float:
        h, ns = divmod(abs(int(self)), 3600 * NANO)
        v = h + ns / (3600 * NANO)
        return -v if self < 0 else v

    @go_method("Minutes", result="float64")
    def minutes(self) -> float:
        m, ns = divmod(abs(int(self)), 60 * NANO)
        v = m + ns / (60 * NANO)
        return -v if self < 0 else v

    @go_method("Seconds", result="float64")
    def seconds(self) -> float:
        s, ns = divmod(abs(int(self)), NANO)
        v = s + ns / NANO
        return -v if self < 0 else v

    @go_method("Milliseconds", result="int64")
    def milliseconds(self) -> int:
        return GoInt(int(int(self) / 1_000_000), "int64")

    @go_method("Nanoseconds", result="int64")
    def nanoseconds(self) -> int:
        return GoInt(int(self), "int64")


class Month(GoInt):
    go_type = named_type("time.Month", "int")

    @go_method("String")
    def string(self) -> str:
        if 1 <= self <= 12:
            return _LONG_MONTHS[self - 1]
        return f"%!Month({int(self)})"


class Weekday(GoInt):
    go_type = named_type("time.Weekday", "int")

    @go_method("String")
    def string(self) -> str:
        if 0 <= self <= 6:
            return _LONG_DAYS[self]
        return f"%!Weekday({int(self)})"


def _wrap64(v: int) -> int:
    return (v + (1 << 63)) % (1 << 64) - (1 << 63)


def format_duration(d: int) -> str:
    """time.Duration.String."""
    if d == 0:
        return "0s"
    neg = d < 0
    u = -d if neg else d
    if u < NANO:
        if u < 1000:
            out = f"{u}ns"
        elif u < 1_000_000:
            out = _frac(u, 3) + "µs"
        else:
            out = _frac(u, 6) + "ms"
    else:
        out = ""
        s = _frac(u, 9)
        secs_int = u // NANO
        frac = s[len(str(secs_int)):]
        secs = secs_int % 60
        mins = secs_int // 60
        out = f"{secs}{frac}s"
        if mins > 0:
            out = f"{mins % 60}m" + out
            hours = mins // 60
            if hours > 0:
                out = f"{hours}h" + out
    return "-" + out if neg else out


def _frac(v: int, prec: int) -> str:
    """v / 10**prec printed with the fraction's trailing zeros removed."""
    ip, fp = divmod(v, 10**prec)
    fs = str(fp).rjust(prec, "0").rstrip("0")
    return f"{ip}.{fs}" if fs else str(ip)


def parse_duration(s: str) -> Duration:
    """time.ParseDuration: nanoseconds, or GoError with Go's message."""
    d = duration_ns(s)
    if isinstance(d, str):
        raise GoError(d)
    return Duration(d)


# -- time.Time -----------------------------------------------------------------
class GoTime(GoStruct):
    """time.Time: an instant with nanosecond precision and a location."""

    go_name = "time.Time"

    def __init__(self, sec: int = -62135596800, nsec: int = 0, loc: Location = UTC,
                 mono: bool = False) -> None:
        extra, nsec = divmod(nsec, NANO)
        self.sec = sec + extra
        self.nsec = nsec
        self.loc = loc
        self.mono = mono

    def __repr__(self) -> str:
        return f"GoTime({self.string()})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GoTime):
            return NotImplemented
        return (self.sec, self.nsec, self.loc is other.loc) == (other.sec, other.nsec, True)

    __hash__ = object.__hash__

    def _parts(self) -> tuple[str, int, int]:
        """Zone abbreviation, offset and seconds since 1970 in local wall time."""
        name, off = self.loc.lookup(self.sec)
        return name, off, self.sec + off

    def civil(self) -> tuple[int, int, int, int, int, int]:
        _, _, wall = self._parts()
        days, secs = divmod(wall, 86400)
        y, m, d = civil_from_days(days)
        return y, m, d, secs // 3600, secs // 60 % 60, secs % 60

    def in_loc(self, loc: Location) -> GoTime:
        return GoTime(self.sec, self.nsec, loc)

    def format(self, layout: str) -> str:
        return format_time(self, layout)

    # -- Go methods -----------------------------------------------------------
    @go_method("String")
    def string(self) -> str:
        s = self.format("2006-01-02 15:04:05.999999999 -0700 MST")
        if self.mono:
            m = _time.monotonic_ns() - _MONO_START
            s += f" m=+{m // NANO}.{m % NANO:09d}"
        return s

    @go_method("Format", ["string"])
    def go_format(self, layout: str) -> str:
        return self.format(layout)

    @go_method("MarshalJSON", result="[]uint8", error=True)
    def marshal_json(self) -> bytes:
        y = self.civil()[0]
        if not 0 <= y <= 9999:
            raise GoError("Time.MarshalJSON: year outside of range [0,9999]")
        return ('"' + self.format(LAYOUTS["RFC3339Nano"]) + '"').encode()

    @go_method("MarshalText", result="[]uint8", error=True)
    def marshal_text(self) -> bytes:
        y = self.civil()[0]
        if not 0 <= y <= 9999:
            raise GoError("Time.MarshalText: year outside of range [0,9999]")
        return self.format(LAYOUTS["RFC3339Nano"]).encode()

    @go_method("UTC", result="time.Time")
    def utc(self) -> GoTime:
        return GoTime(self.sec, self.nsec, UTC)

    @go_method("Local", result="time.Time")
    def local(self) -> GoTime:
        return GoTime(self.sec, self.nsec, local())

    @go_method("Unix", result="int64")
    def unix(self) -> int:
        return GoInt(self.sec, "int64")

    @go_method("UnixMilli", result="int64")
    def unix_milli(self) -> int:
        return GoInt(self.sec * 1000 + self.nsec // 1_000_000, "int64")

    @go_method("UnixNano", result="int64")
    def unix_nano(self) -> int:
        return GoInt(_wrap64(self.sec * NANO + self.nsec), "int64")

    @go_method("Year", result="int")
    def year(self) -> int:
        return self.civil()[0]

    @go_method("Month", result="time.Month")
    def month(self) -> Month:
        return Month(self.civil()[1])

    @go_method("Day", result="int")
    def day(self) -> int:
        return self.civil()[2]

    @go_method("Hour", result="int")
    def hour(self) -> int:
        return self.civil()[3]

    @go_method("Minute", result="int")
    def minute(self) -> int:
        return self.civil()[4]

    @go_method("Second", result="int")
    def second(self) -> int:
        return self.civil()[5]

    @go_method("Nanosecond", result="int")
    def nanosecond(self) -> int:
        return self.nsec

    @go_method("YearDay", result="int")
    def year_day(self) -> int:
        y, m, d = self.civil()[:3]
        return days_from_civil(y, m, d) - days_from_civil(y, 1, 1) + 1

    @go_method("Weekday", result="time.Weekday")
    def weekday(self) -> Weekday:
        wall = self._parts()[2]
        return Weekday((wall // 86400 + 4) % 7)

    @go_method("IsZero", result="bool")
    def is_zero(self) -> bool:
        return self.sec == -62135596800 and self.nsec == 0

    @go_method("Add", ["time.Duration"], result="time.Time")
    def add(self, d: int) -> GoTime:
        return GoTime(self.sec, self.nsec + int(d), self.loc, self.mono)

    @go_method("AddDate", ["int", "int", "int"], result="time.Time")
    def add_date(self, years: int, months: int, days: int) -> GoTime:
        y, m, d, hh, mm, ss = self.civil()
        return date(y + years, m + months, d + days, hh, mm, ss, self.nsec, self.loc)

    @go_method("Sub", ["time.Time"], result="time.Duration")
    def sub(self, other: GoTime) -> Duration:
        d = (self.sec - other.sec) * NANO + self.nsec - other.nsec
        return Duration(max(min(d, (1 << 63) - 1), -(1 << 63)))

    @go_method("After", ["time.Time"], result="bool")
    def after(self, other: GoTime) -> bool:
        return (self.sec, self.nsec) > (other.sec, other.nsec)

    @go_method("Before", ["time.Time"], result="bool")
    def before(self, other: GoTime) -> bool:
        return (self.sec, self.nsec) < (other.sec, other.nsec)

    @go_method("Equal", ["time.Time"], result="bool")
    def equal(self, other: GoTime) -> bool:
        return (self.sec, self.nsec) == (other.sec, other.nsec)

    @go_method("Truncate", ["time.Duration"], result="time.Time")
    def truncate(self, d: int) -> GoTime:
        if d <= 0:
            return GoTime(self.sec, self.nsec, self.loc)
        total = (self.sec + 62135596800) * NANO + self.nsec
        return GoTime(self.sec, self.nsec - total % d, self.loc)

    @go_method("Round", ["time.Duration"], result="time.Time")
    def round(self, d: int) -> GoTime:
        if d <= 0:
            return GoTime(self.sec, self.nsec, self.loc)
        total = (self.sec + 62135596800) * NANO + self.nsec
        r = total % d
        if r + r < d:
            return GoTime(self.sec, self.nsec - r, self.loc)
        return GoTime(self.sec, self.nsec + d - r, self.loc)


def now() -> GoTime:
    ns = _time.time_ns()
    return GoTime(ns // NANO, ns % NANO, local(), mono=True)


def unix(sec: int, nsec: int = 0) -> GoTime:
    """time.Unix in the Local zone."""
    return GoTime(sec, nsec, local())


def date(year: int, month: int, day: int, hour: int, minute: int, sec: int, nsec: int,
         loc: Location) -> GoTime:
    """time.Date: normalizes out-of-range fields and resolves the zone offset."""
    m0 = month - 1
    year += m0 // 12
    month = m0 % 12 + 1
    sec += nsec // NANO
    nsec %= NANO
    days = days_from_civil(year, month, 1) + day - 1
    wall = days * 86400 + hour * 3600 + minute * 60 + sec
    _, off = loc.lookup(wall)
    unix_sec = wall - off
    _, off2 = loc.lookup(unix_sec)
    if off2 != off:
        # Near a transition: use the offset in force at the adjusted instant.
        cand = wall - off2
        if loc.lookup(cand)[1] == off2:
            unix_sec = cand
    return GoTime(unix_sec, nsec, loc)


# -- formatting ------------------------------------------------------------------
_STD_TZ_NAMES = ("-070000", "-07:00:00", "-0700", "-07:00", "-07",
                 "Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07")


def _next_chunk(layout: str) -> tuple[str, str, str]:
    """nextStdChunk: (prefix, std element or "", suffix)."""
    n = len(layout)
    for i in range(n):
        c = layout[i]
        rest = layout[i:]
        if c == "J" and rest.startswith("Jan"):
            if rest.startswith("January"):
                return layout[:i], "January", layout[i + 7:]
            if not _starts_lower(layout[i + 3:]):
                return layout[:i], "Jan", layout[i + 3:]
        elif c == "M":
            if rest.startswith("Mon"):
                if rest.startswith("Monday"):
                    return layout[:i], "Monday", layout[i + 6:]
                if not _starts_lower(layout[i + 3:]):
                    return layout[:i], "Mon", layout[i + 3:]
            if rest.startswith("MST"):
                return layout[:i], "MST", layout[i + 3:]
        elif c == "0":
            if len(rest) >= 2 and "1" <= rest[1] <= "6":
                return layout[:i], rest[:2], layout[i + 2:]
            if rest.startswith("002"):
                return layout[:i], "002", layout[i + 3:]
        elif c == "1":
            if rest.startswith("15"):
                return layout[:i], "15", layout[i + 2:]
            return layout[:i], "1", layout[i + 1:]
        elif c == "2":
            if rest.startswith("2006"):
                return layout[:i], "2006", layout[i + 4:]
            return layout[:i], "2", layout[i + 1:]
        elif c == "_":
            if rest.startswith("_2"):
                if rest.startswith("_2006"):
                    return layout[: i + 1], "2006", layout[i + 5:]
                return layout[:i], "_2", layout[i + 2:]
            if rest.startswith("__2"):
                return layout[:i], "__2", layout[i + 3:]
        elif c in "345":
            return layout[:i], c, layout[i + 1:]
        elif c == "P" and rest.startswith("PM"):
            return layout[:i], "PM", layout[i + 2:]
        elif c == "p" and rest.startswith("pm"):
            return layout[:i], "pm", layout[i + 2:]
        elif c in "-Z":
            for name in _STD_TZ_NAMES:
                if name[0] == c and rest.startswith(name):
                    return layout[:i], name, layout[i + len(name):]
        elif c in ".," and i + 1 < n and layout[i + 1] in "09":
            ch = layout[i + 1]
            j = i + 1
            while j < n and layout[j] == ch:
                j += 1
            if not (j < n and layout[j].isdigit() and layout[j].isascii()):
                return layout[:i], layout[i:j], layout[j:]
    return layout, "", ""


def _starts_lower(s: str) -> bool:
    return bool(s) and "a" <= s[0] <= "z"


def format_time(t: GoTime, layout: str) -> str:
    name, off, wall = t._parts()
    days, secs = divmod(wall, 86400)
    y, m, d = civil_from_days(days)
    hour, minute, sec = secs // 3600, secs // 60 % 60, secs % 60
    out: list[str] = []
    while layout:
        prefix, std, layout = _next_chunk(layout)
        out.append(prefix)
        if not std:
            break
        if std == "06":
            out.append(f"{abs(y) % 100:02d}")
        elif std == "2006":
            out.append(f"-{-y:04d}" if y < 0 else f"{y:04d}")
        elif std == "Jan":
            out.append(_LONG_MONTHS[m - 1][:3])
        elif std == "January":
            out.append(_LONG_MONTHS[m - 1])
        elif std == "1":
            out.append(str(m))
        elif std == "01":
            out.append(f"{m:02d}")
        elif std in ("Mon", "Monday"):
            wd = _LONG_DAYS[(days + 4) % 7]
            out.append(wd[:3] if std == "Mon" else wd)
        elif std == "2":
            out.append(str(d))
        elif std == "_2":
            out.append(f"{d:2d}")
        elif std == "02":
            out.append(f"{d:02d}")
        elif std in ("__2", "002"):
            yday = days - days_from_civil(y, 1, 1) + 1
            out.append(f"{yday:3d}" if std == "__2" else f"{yday:03d}")
        elif std == "15":
            out.append(f"{hour:02d}")
        elif std in ("3", "03"):
            hr = hour % 12 or 12
            out.append(str(hr) if std == "3" else f"{hr:02d}")
        elif std == "4":
            out.append(str(minute))
        elif std == "04":
            out.append(f"{minute:02d}")
        elif std == "5":
            out.append(str(sec))
        elif std == "05":
            out.append(f"{sec:02d}")
        elif std == "PM":
            out.append("PM" if hour >= 12 else "AM")
        elif std == "pm":
            out.append("pm" if hour >= 12 else "am")
        elif std in _STD_TZ_NAMES:
            out.append(_format_offset(std, off))
        elif std == "MST":
            if name:
                out.append(name)
            else:
                z = off // 60
                sign = "-" if z < 0 else "+"
                z = abs(z)
                out.append(f"{sign}{z // 60:02d}{z % 60:02d}")
        else:
            out.append(_format_nano(t.nsec, std))
    return "".join(out)


def _format_offset(std: str, off: int) -> str:
    if off == 0 and std[0] == "Z":
        return "Z"
    zone = off // 60 if off >= 0 else -((-off) // 60)
    absoff = abs(off)
    sign = "-" if zone < 0 else "+"
    zone = abs(zone)
    s = f"{sign}{zone // 60:02d}"
    if ":" in std:
        s += ":"
    if std not in ("-07", "Z07"):
        s += f"{zone % 60:02d}"
    if std in ("-070000", "Z070000", "-07:00:00", "Z07:00:00"):
        if std.count(":") == 2:
            s += ":"
        s += f"{absoff % 60:02d}"
    return s


def _format_nano(nsec: int, std: str) -> str:
    sep, digits = std[0], len(std) - 1
    frac = f"{nsec:09d}"[:digits]
    if std[1] == "9":
        frac = frac.rstrip("0")
        if not frac:
            return ""
    return sep + frac


# -- parsing -------------------------------------------------------------------
class _Bad(Exception):
    pass


def _getnum(s: str, fixed: bool) -> tuple[int, str]:
    if not s[:1].isdigit() or not s[:1].isascii():
        raise _Bad
    if len(s) < 2 or not ("0" <= s[1] <= "9"):
        if fixed:
            raise _Bad
        return int(s[0]), s[1:]
    return int(s[:2]), s[2:]


def _lookup(tab: list[str], val: str) -> tuple[int, str]:
    for i, v in enumerate(tab):
        if len(val) >= len(v) and val[: len(v)].lower() == v.lower():
            return i, val[len(v):]
    raise _Bad


def _skip(value: str, prefix: str) -> str:
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                raise _Bad
            prefix = prefix.lstrip(" ")
            value = value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            raise _Bad
        prefix, value = prefix[1:], value[1:]
    return value


def _parse_error(layout: str, value: str, lelem: str, velem: str, msg: str = "") -> GoError:
    if msg:
        return GoError("parsing time " + time_quote(value) + msg)
    return GoError("parsing time " + time_quote(value) + " as " + time_quote(layout) + ": cannot parse "
                   + time_quote(velem) + " as " + time_quote(lelem))


def _parse_nanos(value: str, nbytes: int) -> int:
    if value[0] not in ".,":
        raise _Bad
    if nbytes > 10:
        nbytes = 10
    digits = value[1:nbytes]
    if not digits.isdigit() or not digits.isascii():
        raise _Bad
    return int(digits) * 10 ** (10 - nbytes)


def _parse_tz_name(value: str) -> int:
    if len(value) < 3:
        return 0
    if value[:4] in ("ChST", "MeST"):
        return 4
    if value[:3] == "GMT":
        return 3 + _signed_offset_len(value[3:]) if len(value) > 3 else 3
    if value[0] in "+-":
        return _signed_offset_len(value)
    n = 0
    while n < 6 and n < len(value) and "A" <= value[n] <= "Z":
        n += 1
    if n == 5 and value[4] == "T":
        return 5
    if n == 4 and (value[3] == "T" or value[:4] == "WITA"):
        return 4
    if n == 3:
        return 3
    return 0


def _signed_offset_len(value: str) -> int:
    if not value or value[0] not in "+-":
        return 0
    i = 1
    while i < len(value) and "0" <= value[i] <= "9":
        i += 1
    if i == 1 or int(value[1:i]) > 23:
        return 0
    return i


def parse(layout: str, value: str, default_loc: Location | None = None,
          local_loc: Location | None = None) -> GoTime:
    """time.Parse (defaults UTC/Local) or time.ParseInLocation (both set to the zone)."""
    default_loc = default_loc or UTC
    local_loc = local_loc or local()
    alayout, avalue = layout, value
    am = pm = False
    year, month, day, yday = 0, -1, -1, -1
    hour = minute = sec = nsec = 0
    z: Location | None = None
    zone_offset = -1
    zone_name = ""
    while True:
        prefix, std, suffix = _next_chunk(layout)
        stdstr = std
        try:
            value = _skip(value, prefix)
        except _Bad:
            raise _parse_error(alayout, avalue, prefix, value) from None
        if not std:
            if value:
                raise _parse_error(alayout, avalue, "", value, ": extra text: " + time_quote(value))
            break
        layout = suffix
        hold = value
        range_err = ""
        try:
            if std == "06":
                if len(value) < 2:
                    raise _Bad
                # time's atoi: a sign is allowed ("-5" is year -5, then 1995).
                p, value = value[:2], value[2:]
                digits = p[1:] if p[0] in "+-" else p
                if not all("0" <= c <= "9" for c in digits):
                    raise _Bad
                year = int(digits or "0") * (-1 if p[0] == "-" else 1)
                year += 1900 if year >= 69 else 2000
            elif std == "2006":
                if len(value) < 4 or not value[0].isdigit():
                    raise _Bad
                p, value = value[:4], value[4:]
                if not (p.isdigit() or (p[0] in "+-" and p[1:].isdigit())):
                    raise _Bad
                year = int(p)
            elif std in ("Jan", "January"):
                idx, value = _lookup([m[:3] for m in _LONG_MONTHS] if std == "Jan" else _LONG_MONTHS, value)
                month = idx + 1
            elif std in ("1", "01"):
                month, value = _getnum(value, std == "01")
                if month <= 0 or month > 12:
                    range_err = "month"
            elif std in ("Mon", "Monday"):
                _, value = _lookup([d[:3] for d in _LONG_DAYS] if std == "Mon" else _LONG_DAYS, value)
            elif std in ("2", "_2", "02"):
                if std == "_2" and value[:1] == " ":
                    value = value[1:]
                day, value = _getnum(value, std == "02")
            elif std in ("__2", "002"):
                for _ in range(2):
                    if std == "__2" and value[:1] == " ":
                        value = value[1:]
                i = 0
                while i < 3 and i < len(value) and "0" <= value[i] <= "9":
                    i += 1
                if i == 0 or (std == "002" and i != 3):
                    raise _Bad
                yday, value = int(value[:i]), value[i:]
            elif std == "15":
                hour, value = _getnum(value, False)
                if hour < 0 or hour >= 24:
                    range_err = "hour"
            elif std in ("3", "03"):
                hour, value = _getnum(value, std == "03")
                if hour < 0 or hour > 12:
                    range_err = "hour"
            elif std in ("4", "04"):
                minute, value = _getnum(value, std == "04")
                if minute < 0 or minute >= 60:
                    range_err = "minute"
            elif std in ("5", "05"):
                sec, value = _getnum(value, std == "05")
                if sec < 0 or sec >= 60:
                    range_err = "second"
                elif len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    nxt = _next_chunk(layout)[1]
                    if not (nxt and nxt[0] in ".," and len(nxt) > 1 and nxt[1] in "09"):
                        n = 2
                        while n < len(value) and "0" <= value[n] <= "9":
                            n += 1
                        nsec = _parse_nanos(value, n)
                        value = value[n:]
            elif std in ("PM", "pm"):
                if len(value) < 2:
                    raise _Bad
                p, value = value[:2], value[2:]
                if p == ("PM" if std == "PM" else "pm"):
                    pm = True
                elif p == ("AM" if std == "PM" else "am"):
                    am = True
                else:
                    raise _Bad
            elif std in _STD_TZ_NAMES:
                if std[0] == "Z" and value[:1] == "Z":
                    value = value[1:]
                    z = UTC
                else:
                    colon = std in ("-07:00", "Z07:00")
                    short = std in ("-07", "Z07")
                    colon_secs = std in ("-07:00:00", "Z07:00:00")
                    secs = std in ("-070000", "Z070000")
                    if colon:
                        if len(value) < 6 or value[3] != ":":
                            raise _Bad
                        sign, hh, mm, ss, value = value[0], value[1:3], value[4:6], "00", value[6:]
                    elif short:
                        if len(value) < 3:
                            raise _Bad
                        sign, hh, mm, ss, value = value[0], value[1:3], "00", "00", value[3:]
                    elif colon_secs:
                        if len(value) < 9 or value[3] != ":" or value[6] != ":":
                            raise _Bad
                        sign, hh, mm, ss, value = value[0], value[1:3], value[4:6], value[7:9], value[9:]
                    elif secs:
                        if len(value) < 7:
                            raise _Bad
                        sign, hh, mm, ss, value = value[0], value[1:3], value[3:5], value[5:7], value[7:]
                    else:
                        if len(value) < 5:
                            raise _Bad
                        sign, hh, mm, ss, value = value[0], value[1:3], value[3:5], "00", value[5:]
                    hr = _getnum(hh, True)[0]
                    mi = _getnum(mm, True)[0]
                    se = _getnum(ss, True)[0]
                    if hr > 24:
                        range_err = "time zone offset hour"
                    if mi > 60:
                        range_err = "time zone offset minute"
                    if se > 60:
                        range_err = "time zone offset second"
                    zone_offset = (hr * 60 + mi) * 60 + se
                    if sign == "-":
                        zone_offset = -zone_offset
                    elif sign != "+":
                        raise _Bad
            elif std == "MST":
                if value[:3] == "UTC":
                    z = UTC
                    value = value[3:]
                else:
                    n = _parse_tz_name(value)
                    if n == 0:
                        raise _Bad
                    zone_name, value = value[:n], value[n:]
            elif std[1] == "0":
                ndigit = len(std)
                if len(value) < ndigit:
                    raise _Bad
                nsec = _parse_nanos(value, ndigit)
                value = value[ndigit:]
            else:
                if len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    i = 0
                    while i + 1 < len(value) and "0" <= value[i + 1] <= "9":
                        i += 1
                    nsec = _parse_nanos(value, 1 + i)
                    value = value[1 + i:]
        except _Bad:
            raise _parse_error(alayout, avalue, stdstr, hold) from None
        if range_err:
            raise _parse_error(alayout, avalue, stdstr, value, ": " + range_err + " out of range")
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    if yday >= 0:
        m = d = 0
        if is_leap(year):
            if yday == 31 + 29:
                m, d = 2, 29
            elif yday > 31 + 29:
                yday -= 1
        if yday < 1 or yday > 365:
            raise _parse_error(alayout, avalue, "", value, ": day-of-year out of range")
        if m == 0:
            cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
            m = (yday - 1) // 31 + 1
            if cum[m] < yday:
                m += 1
            d = yday - cum[m - 1]
        if month >= 0 and month != m:
            raise _parse_error(alayout, avalue, "", value, ": day-of-year does not match month")
        month = m
        if day >= 0 and day != d:
            raise _parse_error(alayout, avalue, "", value, ": day-of-year does not match day")
        day = d
    else:
        if month < 0:
            month = 1
        if day < 0:
            day = 1
    if day < 1 or day > days_in(month, year):
        raise _parse_error(alayout, avalue, "", value, ": day out of range")
    if z is not None:
        return date(year, month, day, hour, minute, sec, nsec, z)
    if zone_offset != -1:
        t = date(year, month, day, hour, minute, sec, nsec, UTC)
        t.sec -= zone_offset
        name, off = local_loc.lookup(t.sec)
        if off == zone_offset and (not zone_name or name == zone_name):
            t.loc = local_loc
            return t
        t.loc = fixed_zone(zone_name, zone_offset)
        return t
    if zone_name:
        t = date(year, month, day, hour, minute, sec, nsec, UTC)
        named_offset = local_loc.lookup_name(zone_name, t.sec)
        if named_offset is not None:
            t.sec -= named_offset
            t.loc = local_loc
            return t
        off = 0
        if len(zone_name) > 3 and zone_name[:3] == "GMT":
            off = int(zone_name[3:]) * 3600
        t.loc = fixed_zone(zone_name, off)
        return t
    return date(year, month, day, hour, minute, sec, nsec, default_loc)
