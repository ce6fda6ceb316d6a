"""Go's strconv and string-byte conventions, shared by the lexer, fmt and json.

A Go string is a sequence of bytes that is usually, but not always, UTF-8.
Templates are handled as Python ``str`` where every byte that is not part of
valid UTF-8 is carried as a lone surrogate (``surrogateescape``), so that
``to_bytes(s)`` gives back Go's exact bytes and byte-oriented operations
(``len``, ``slice``, ``%x``) can match Go.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache

__all__ = [
    "atoi",
    "to_bytes",
    "from_bytes",
    "byte_len",
    "is_print",
    "is_print_rune",
    "quote",
    "quote_rune",
    "can_backquote",
    "unquote",
    "unquote_char",
    "parse_int",
    "parse_float",
    "format_float",
    "NumError",
]

RUNE_ERROR = "\ufffd"


def to_bytes(s: str) -> bytes:
    """The Go bytes of ``s`` (escaped surrogates become their raw byte)."""
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        # A surrogate that is not an escaped byte cannot exist in Go: treat it
        # as the replacement character, as a Go conversion would.
        return "".join(
            RUNE_ERROR if 0xD800 <= ord(c) <= 0xDFFF and not 0xDC80 <= ord(c) <= 0xDCFF else c
            for c in s
        ).encode("utf-8", "surrogateescape")


def from_bytes(b: bytes) -> str:
    """A Go string holding the bytes ``b``."""
    return b.decode("utf-8", "surrogateescape")


def byte_len(s: str) -> int:
    if s.isascii():
        return len(s)
    return len(to_bytes(s))


def is_escaped_byte(c: str) -> bool:
    return 0xDC80 <= ord(c) <= 0xDCFF


@lru_cache(maxsize=1)
def _print_ranges() -> tuple[list[int], list[int]]:
    """strconv.IsPrint's runes as sorted range starts and (inclusive) ends.

    From Go's own tables (gounicode.PRINT), so that what is escaped does not
    depend on the Unicode version of the running Python.
    """
    from . import unicode as gounicode

    starts: list[int] = []
    ends: list[int] = []
    for item in "".join(gounicode.PRINT).split():
        lo, hi = item.split("-")
        starts.append(int(lo, 16))
        ends.append(int(hi, 16))
    return starts, ends


def is_print_rune(r: int) -> bool:
    """strconv.IsPrint (the same set as unicode.IsPrint): L, M, N, P, S and U+0020."""
    if r < 0x80:
        return 0x20 <= r < 0x7F
    starts, ends = _print_ranges()
    i = bisect_right(starts, r) - 1
    return i >= 0 and r <= ends[i]


def is_print(c: str) -> bool:
    """unicode.IsPrint of one character (never of a byte kept as a surrogate escape)."""
    return is_print_rune(ord(c))


_SIMPLE_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}


def _escape_rune(c: str, quote_char: str, ascii_only: bool) -> str:
    if is_escaped_byte(c):
        return "\\x%02x" % (ord(c) - 0xDC00)
    if c == quote_char or c == "\\":
        return "\\" + c
    if ascii_only:
        if ord(c) < 0x80 and is_print(c):
            return c
    elif is_print(c):
        return c
    if c in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[c]
    o = ord(c)
    if o < 0x20 or o == 0x7F:
        return "\\x%02x" % o
    if 0xD800 <= o <= 0xDFFF:
        return "\\ufffd"
    if o < 0x10000:
        return "\\u%04x" % o
    return "\\U%08x" % o


def quote(s: str, ascii_only: bool = False) -> str:
    """strconv.Quote (or QuoteToASCII)."""
    return '"' + "".join(_escape_rune(c, '"', ascii_only) for c in s) + '"'


def quote_rune(r: int, ascii_only: bool = False) -> str:
    """strconv.QuoteRune: invalid runes are shown as U+FFFD."""
    if r < 0 or r > 0x10FFFF or 0xD800 <= r <= 0xDFFF:
        r = 0xFFFD
    return "'" + _escape_rune(chr(r), "'", ascii_only) + "'"


def can_backquote(s: str) -> bool:
    for c in s:
        if is_escaped_byte(c) or c == "`" or c == "\ufeff":
            return False
        if c != "\t" and (ord(c) < 0x20 or ord(c) == 0x7F):
            return False
    return True


class NumError(ValueError):
    """strconv.NumError: ``strconv.ParseInt: parsing "x": invalid syntax``."""

    def __init__(self, func: str, text: str, reason: str) -> None:
        super().__init__(f"strconv.{func}: parsing {quote(text)}: {reason}")
        self.reason = reason


_HEX = "0123456789abcdefABCDEF"


def unquote_char(s: str, i: int, quote_char: str) -> tuple[bytes, int]:
    """strconv.UnquoteChar at ``s[i]``: the bytes of one (escaped) char and the next index."""
    c = s[i]
    if c == quote_char and quote_char in "'\"":
        raise ValueError("invalid syntax")
    if c != "\\":
        return to_bytes(c), i + 1
    if i + 1 >= len(s):
        raise ValueError("invalid syntax")
    c = s[i + 1]
    i += 2
    simple = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
    if c in simple:
        return bytes([simple[c]]), i
    if c in "xuU":
        n = {"x": 2, "u": 4, "U": 8}[c]
        digits = s[i : i + n]
        if len(digits) < n or any(d not in _HEX for d in digits):
            raise ValueError("invalid syntax")
        v = int(digits, 16)
        i += n
        if c == "x":
            return bytes([v]), i
        if v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
            raise ValueError("invalid syntax")
        return chr(v).encode("utf-8"), i
    if c in "01234567":
        digits = s[i - 1 : i + 2]
        if len(digits) < 3 or any(d not in "01234567" for d in digits):
            raise ValueError("invalid syntax")
        v = int(digits, 8)
        if v > 255:
            raise ValueError("invalid syntax")
        return bytes([v]), i + 2
    if c in "'\"":
        if c != quote_char:
            raise ValueError("invalid syntax")
        return c.encode(), i
    raise ValueError("invalid syntax")


def unquote(s: str) -> str:
    """strconv.Unquote for "double", 'single' and `raw` quoted Go literals."""
    if len(s) < 2 or s[0] != s[-1] or s[0] not in "\"'`":
        raise ValueError("invalid syntax")
    q, body = s[0], s[1:-1]
    if q == "`":
        if "`" in body:
            raise ValueError("invalid syntax")
        return body.replace("\r", "")
    if "\n" in body:
        raise ValueError("invalid syntax")
    out = bytearray()
    i = 0
    while i < len(body):
        b, i = unquote_char(body, i, q)
        out += b
    if q == "'":
        text = from_bytes(bytes(out))
        if len(text) != 1:
            raise ValueError("invalid syntax")
    return from_bytes(bytes(out))


_INT_RE = {
    10: re.compile(r"[0-9]+"),
    16: re.compile(r"[0-9a-fA-F]+"),
    8: re.compile(r"[0-7]+"),
    2: re.compile(r"[01]+"),
}


def _underscore_ok(s: str) -> bool:
    """strconv.underscoreOK: underscores only between digits or after a base prefix."""
    saw = "^"
    i = 0
    if s[:1] in "+-":
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1].lower() in "bxo":
        i = 2
        saw = "0"
        hexa = s[1].lower() == "x"
    while i < len(s):
        c = s[i]
        if c.isdigit() or (hexa and c.lower() in "abcdef"):
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        else:
            if saw == "_":
                return False
            saw = "!"
        i += 1
    return saw != "_"


def parse_int(text: str, base: int = 0, bits: int = 64, func: str = "ParseInt") -> int:
    """strconv.ParseInt (base 0 understands 0x, 0o, 0b, 0 prefixes and underscores)."""
    s = text
    neg = False
    if s[:1] in ("+", "-"):
        neg = s[0] == "-"
        s = s[1:]
    n = _parse_uint_body(text, s, base, func)
    lim = 1 << (bits - 1)
    if (not neg and n >= lim) or (neg and n > lim):
        raise NumError(func, text, "value out of range")
    return -n if neg else n


def atoi(text: str) -> tuple[int, NumError | None]:
    """strconv.Atoi: the value and the error, as Go returns them both.

    Digits are read left to right: overflow before the first bad character
    is a range error, and a range error still returns the nearest int64.
    """
    neg = text[:1] == "-"
    digits = text[1:] if text[:1] in ("+", "-") else text
    n = 0
    for c in digits:
        if not "0" <= c <= "9":
            return 0, NumError("Atoi", text, "invalid syntax")
        n = n * 10 + ord(c) - 48
        if n >= 1 << 64:
            n = 1 << 64  # ParseUint stops at its maximum: beyond any int64
            break
    if not digits:
        return 0, NumError("Atoi", text, "invalid syntax")
    if not neg and n >= 1 << 63:
        return (1 << 63) - 1, NumError("Atoi", text, "value out of range")
    if neg and n > 1 << 63:
        return -(1 << 63), NumError("Atoi", text, "value out of range")
    return (-n if neg else n), None


def parse_uint(text: str, base: int = 0, bits: int = 64) -> int:
    n = _parse_uint_body(text, text, base, "ParseUint")
    if n >= 1 << bits:
        raise NumError("ParseUint", text, "value out of range")
    return n


def _parse_uint_body(text: str, s: str, base: int, func: str) -> int:
    if not s:
        raise NumError(func, text, "invalid syntax")
    underscores = False
    if base == 0:
        base = 10
        if s[0] == "0":
            if len(s) >= 3 and s[1] in "bB":
                base, s = 2, s[2:]
            elif len(s) >= 3 and s[1] in "oO":
                base, s = 8, s[2:]
            elif len(s) >= 3 and s[1] in "xX":
                base, s = 16, s[2:]
            else:
                base, s = 8, s[1:] or "0"
        underscores = True
    body = s.replace("_", "") if underscores else s
    if not body or not _INT_RE[base].fullmatch(body):
        raise NumError(func, text, "invalid syntax")
    if underscores and "_" in text and not _underscore_ok(text):
        raise NumError(func, text, "invalid syntax")
    if base == 10 and len(body.lstrip("0")) > 20:
        # Past 64 bits for sure, and Python refuses to convert thousands of digits.
        raise NumError(func, text, "value out of range")
    return int(body, base)


_FLOAT_RE = re.compile(
    r"[+-]?(?:(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?"
    r"|0[xX](?:[0-9a-fA-F_]+\.?[0-9a-fA-F_]*|\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+)"
)
_SPECIAL_FLOATS = {"inf": math.inf, "+inf": math.inf, "-inf": -math.inf, "infinity": math.inf,
                   "+infinity": math.inf, "-infinity": -math.inf, "nan": math.nan,
                   "+nan": math.nan, "-nan": math.nan}


def parse_float(text: str) -> float:
    """strconv.ParseFloat(text, 64), raising NumError like Go."""
    special = _SPECIAL_FLOATS.get(text.lower())
    if special is not None and text.lower() not in ("+nan", "-nan"):
        return special
    if not _FLOAT_RE.fullmatch(text):
        raise NumError("ParseFloat", text, "invalid syntax")
    if "_" in text:
        body = text.lstrip("+-")
        if body[:2].lower() not in ("0x", "0b", "0o") or not _underscore_ok(text):
            raise NumError("ParseFloat", text, "invalid syntax")
    s = text.replace("_", "")
    try:
        if "x" in s.lower():
            sign = -1.0 if s.startswith("-") else 1.0
            v = sign * float.fromhex(s.lstrip("+-"))
        else:
            v = float(s)
    except OverflowError:
        raise NumError("ParseFloat", text, "value out of range") from None
    if math.isinf(v):
        raise NumError("ParseFloat", text, "value out of range")
    return v


def _shortest_digits(v: float) -> tuple[str, int]:
    """Shortest round-trip digits of ``v`` (> 0) and the decimal point position."""
    sign, digits, exp = Decimal(repr(v)).as_tuple()
    ds = "".join(map(str, digits)).rstrip("0")
    if not ds:
        return "", 0
    return ds, len(digits) + int(exp)


def _rounded_digits(v: float, n: int) -> tuple[str, int]:
    """``v`` (>= 0) rounded to ``n`` significant digits."""
    if v == 0:
        return "", 0
    mant, _, e = f"{v:.{max(n - 1, 0)}e}".partition("e")
    ds = mant.replace(".", "").rstrip("0")
    return ds, int(e) + 1


def _fixed_digits(v: float, prec: int) -> tuple[str, int]:
    """``v`` (>= 0) rounded to ``prec`` digits after the decimal point."""
    ip, _, fp = f"{v:.{prec}f}".partition(".")
    alld = ip + fp
    lead = len(alld) - len(alld.lstrip("0"))
    ds = alld[lead:].rstrip("0")
    if not ds:
        return "", 0
    return ds, len(ip) - lead


def _fmt_e(neg: bool, ds: str, dp: int, prec: int, e: str) -> str:
    out = "-" if neg else ""
    out += ds[0] if ds else "0"
    if prec > 0:
        frac = ds[1 : prec + 1]
        out += "." + frac + "0" * (prec - len(frac))
    exp = 0 if not ds else dp - 1
    sign = "-" if exp < 0 else "+"
    exp = abs(exp)
    out += e + sign + (f"{exp:02d}")
    return out


def _fmt_f(neg: bool, ds: str, dp: int, prec: int) -> str:
    out = "-" if neg else ""
    if dp > 0:
        ip = ds[:dp]
        out += ip + "0" * (dp - len(ip))
    else:
        out += "0"
    if prec > 0:
        frac = []
        for i in range(1, prec + 1):
            j = dp + i - 1
            frac.append(ds[j] if 0 <= j < len(ds) else "0")
        out += "." + "".join(frac)
    return out


def format_float(v: float, fmt: str, prec: int = -1) -> str:
    """strconv.FormatFloat(v, fmt, prec, 64) for fmt in e E f g G (prec -1 = shortest)."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "+Inf" if v > 0 else "-Inf"
    neg = math.copysign(1.0, v) < 0
    a = abs(v)
    shortest = prec < 0
    lower = fmt.lower()
    if shortest:
        ds, dp = _shortest_digits(a) if a != 0 else ("", 0)
        if lower == "e":
            prec = max(len(ds) - 1, 0)
        elif lower == "f":
            prec = max(len(ds) - dp, 0)
        else:
            prec = len(ds)
    elif lower == "e":
        ds, dp = _rounded_digits(a, prec + 1)
    elif lower == "f":
        ds, dp = _fixed_digits(a, prec)
    else:
        if prec == 0:
            prec = 1
        ds, dp = _rounded_digits(a, prec)
    if lower == "e":
        return _fmt_e(neg, ds, dp, prec, fmt)
    if lower == "f":
        return _fmt_f(neg, ds, dp, prec)
    eprec = prec
    if eprec > len(ds) and len(ds) >= dp:
        eprec = len(ds)
    if shortest:
        eprec = 6
    exp = dp - 1
    if exp < -4 or exp >= eprec:
        if prec > len(ds):
            prec = len(ds)
        return _fmt_e(neg, ds, dp, prec - 1, "e" if fmt == "g" else "E")
    if prec > dp:
        prec = len(ds)
    return _fmt_f(neg, ds, dp, max(prec - dp, 0))
