"""Go's fmt package over the Go value model: Sprint, Sprintln and Sprintf.

Verbs: %v %+v %s %q %d %b %o %O %x %X %c %U %t %e %E %f %F %g %G %T %p and
%%, with flags ``#0+- ``, widths, precisions, ``*`` and ``[n]`` argument
indexes, and Go's error notations (``%!d(string=x)``, ``%!v(MISSING)``,
``%!(EXTRA ...)``).  Not reproduced: ``%#v`` Go-syntax output (printed like
``%v``), ``%b``/``%x`` of floats with a precision, and real pointer
addresses (a non-nil pointer nested in a value prints a fixed fake address).
"""

from __future__ import annotations

import struct
from typing import Any, Sequence

from .reflect import (
    FLOAT_KINDS,
    INT_KINDS,
    INVALID,
    UINT_KINDS,
    GoNil,
    GoStruct,
    find_method,
    struct_field,
    type_of,
)
from .strconv import can_backquote, format_float, is_print, quote, quote_rune, to_bytes

__all__ = ["sprint", "sprintln", "sprintf", "format_value", "sort_map_keys"]

_FAKE_ADDRESS = 0xC000010000


def sprint(args: Sequence[Any]) -> str:
    """fmt.Sprint: a space between operands when neither side is a string."""
    p = _Printer()
    prev_string = False
    for i, arg in enumerate(args):
        t = type_of(arg)
        is_string = t is not None and t.kind == "string"
        if i > 0 and not is_string and not prev_string:
            p.buf.append(" ")
        p.print_arg(arg, "v")
        prev_string = is_string
    return "".join(p.buf)


def sprintln(args: Sequence[Any]) -> str:
    p = _Printer()
    for i, arg in enumerate(args):
        if i > 0:
            p.buf.append(" ")
        p.print_arg(arg, "v")
    p.buf.append("\n")
    return "".join(p.buf)


def sprintf(fmt: str, args: Sequence[Any]) -> str:
    p = _Printer()
    p.do_printf(fmt, list(args))
    return "".join(p.buf)


def format_value(v: Any, *, deref: bool = False) -> str:
    """``fmt.Sprint(v)`` of one value; ``deref`` prints a struct pointer as the struct.

    ``deref`` is how a template action prints a value: text/template
    dereferences a pointer before handing it to fmt.
    """
    p = _Printer()
    if deref and isinstance(v, GoStruct) and v.go_type.kind == "ptr":
        if not p.handle_methods(v, "v"):
            p.print_struct(v, "v", 0)
    else:
        p.print_arg(v, "v")
    return "".join(p.buf)


def sort_map_keys(keys: Sequence[Any]) -> list[Any]:
    """internal/fmtsort order: numbers numerically, strings bytewise, false < true."""

    def key(k: Any) -> Any:
        if isinstance(k, str):
            return (2, to_bytes(k))
        if isinstance(k, bool):
            return (0, k)
        if isinstance(k, float) and k != k:
            return (1, float("-inf"), 0)
        if isinstance(k, (int, float)):
            return (1, k, 1)
        return (3, str(k))

    return sorted(keys, key=key)


class _Flags:
    __slots__ = ("wid", "prec", "minus", "plus", "sharp", "space", "zero", "plus_v", "sharp_v")

    def __init__(self) -> None:
        self.wid: int | None = None
        self.prec: int | None = None
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False


def _rune_count(s: str) -> int:
    return len(s)


class _Printer:
    def __init__(self) -> None:
        self.buf: list[str] = []
        self.f = _Flags()
        self.erroring = False

    # -- padding -------------------------------------------------------------
    def _padding(self, n: int) -> str:
        if n <= 0:
            return ""
        return ("0" if self.f.zero and not self.f.minus else " ") * n

    def pad(self, s: str) -> None:
        f = self.f
        if not f.wid:
            self.buf.append(s)
            return
        width = f.wid - _rune_count(s)
        if f.minus:
            self.buf.append(s + self._padding(width))
        else:
            self.buf.append(self._padding(width) + s)

    # -- basic kinds -----------------------------------------------------------
    def fmt_bool(self, v: bool, verb: str, arg: Any) -> None:
        if verb in "tv":
            self.pad("true" if v else "false")
        else:
            self.bad_verb(verb, arg)

    def fmt_integer(self, v: int, signed: bool, verb: str, arg: Any) -> None:
        if verb in "vd":
            self._integer(v, 10, verb, "0123456789abcdefx")
        elif verb == "b":
            self._integer(v, 2, verb, "0123456789abcdefx")
        elif verb in "oO":
            self._integer(v, 8, verb, "0123456789abcdefx")
        elif verb == "x":
            self._integer(v, 16, verb, "0123456789abcdefx")
        elif verb == "X":
            self._integer(v, 16, verb, "0123456789ABCDEFX")
        elif verb == "c":
            self.pad(chr(v) if 0 <= v <= 0x10FFFF and not 0xD800 <= v <= 0xDFFF else "\ufffd")
        elif verb == "q":
            self.pad(quote_rune(v, ascii_only=self.f.plus))
        elif verb == "U":
            self._unicode(v)
        else:
            self.bad_verb(verb, arg)

    def _integer(self, v: int, base: int, verb: str, digits: str) -> None:
        f = self.f
        negative = v < 0
        u = -v if negative else v
        prec = 0
        if f.prec is not None:
            prec = f.prec
            if prec == 0 and u == 0:
                zero, f.zero = f.zero, False
                self.buf.append(self._padding(f.wid or 0))
                f.zero = zero
                return
        elif f.zero and not f.minus and f.wid is not None:
            prec = f.wid
            if negative or f.plus or f.space:
                prec -= 1
        s = ""
        while True:
            s = digits[u % base] + s
            u //= base
            if u == 0:
                break
        if len(s) < prec:
            s = "0" * (prec - len(s)) + s
        if f.sharp:
            if base == 2:
                s = "0b" + s
            elif base == 8 and s[0] != "0":
                s = "0" + s
            elif base == 16:
                s = "0" + digits[16] + s
        if verb == "O":
            s = "0o" + s
        if negative:
            s = "-" + s
        elif f.plus:
            s = "+" + s
        elif f.space:
            s = " " + s
        zero, f.zero = f.zero, False
        self.pad(s)
        f.zero = zero

    def _unicode(self, u: int) -> None:
        f = self.f
        prec = 4
        if f.prec is not None and f.prec > 4:
            prec = f.prec
        s = "U+" + format(u, "X").rjust(prec, "0")
        if f.sharp and 0 <= u <= 0x10FFFF and not 0xD800 <= u <= 0xDFFF and is_print(chr(u)):
            s += " '" + chr(u) + "'"
        zero, f.zero = f.zero, False
        self.pad(s)
        f.zero = zero

    def fmt_float(self, v: float, verb: str, arg: Any) -> None:
        if verb == "v":
            self._float(v, "g", -1)
        elif verb in "gGxXb":
            self._float(v, verb, -1)
        elif verb in "feE":
            self._float(v, verb, 6)
        elif verb == "F":
            self._float(v, "f", 6)
        else:
            self.bad_verb(verb, arg)

    def _float(self, v: float, verb: str, prec: int) -> None:
        f = self.f
        if f.prec is not None:
            prec = f.prec
        if verb in "xX":
            num = _hex_float(v, verb)
        elif verb == "b":
            num = _binary_float(v)
        else:
            num = format_float(v, verb, prec)
        if num[0] not in "+-":
            num = "+" + num
        if f.space and num[0] == "+" and not f.plus:
            num = " " + num[1:]
        if num[1] in "IN":
            zero, f.zero = f.zero, False
            if num[1] == "N" and not f.space and not f.plus:
                num = num[1:]
            self.pad(num)
            f.zero = zero
            return
        if f.sharp and verb != "b":
            digits = 0
            if verb in "vgGx":
                digits = prec if prec != -1 else 6
            body, tail = num, ""
            for marker in ("p", "P") + (("e", "E") if verb not in "xX" else ()):
                if marker in body[1:]:
                    idx = body.index(marker, 1)
                    body, tail = body[:idx], body[idx:]
                    break
            saw_nonzero = False
            for c in body[1:]:
                if c == ".":
                    continue
                if c != "0":
                    saw_nonzero = True
                if saw_nonzero:
                    digits -= 1
            if "." not in body:
                if len(body) == 2 and body[1] == "0":
                    digits -= 1
                body += "."
            if digits > 0:
                body += "0" * digits
            num = body + tail
        if f.plus or num[0] != "+":
            if f.zero and not f.minus and f.wid is not None and f.wid > len(num):
                self.buf.append(num[0] + "0" * (f.wid - len(num)) + num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])

    def fmt_string(self, s: str, verb: str, arg: Any) -> None:
        if verb in "vs":
            self.pad(self._truncate(s))
        elif verb == "x":
            self._hex_bytes(to_bytes(s), "0123456789abcdefx")
        elif verb == "X":
            self._hex_bytes(to_bytes(s), "0123456789ABCDEFX")
        elif verb == "q":
            self._quoted(s)
        else:
            self.bad_verb(verb, arg)

    def _truncate(self, s: str) -> str:
        if self.f.prec is not None:
            return s[: self.f.prec]
        return s

    def _quoted(self, s: str) -> None:
        s = self._truncate(s)
        if self.f.sharp and can_backquote(s):
            self.pad("`" + s + "`")
        else:
            self.pad(quote(s, ascii_only=self.f.plus))

    def _hex_bytes(self, b: bytes, digits: str) -> None:
        f = self.f
        length = len(b)
        if f.prec is not None and f.prec < length:
            length = f.prec
        width = 2 * length
        if width > 0:
            if f.space:
                if f.sharp:
                    width *= 2
                width += length - 1
            elif f.sharp:
                width += 2
        else:
            if f.wid is not None:
                self.buf.append(self._padding(f.wid))
            return
        out = []
        if f.wid is not None and f.wid > width and not f.minus:
            out.append(self._padding(f.wid - width))
        if f.sharp:
            out.append("0" + digits[16])
        for i in range(length):
            if f.space and i > 0:
                out.append(" ")
                if f.sharp:
                    out.append("0" + digits[16])
            c = b[i]
            out.append(digits[c >> 4] + digits[c & 0xF])
        if f.wid is not None and f.wid > width and f.minus:
            out.append(self._padding(f.wid - width))
        self.buf.append("".join(out))

    def fmt_bytes(self, b: bytes, verb: str, arg: Any, depth: int) -> None:
        if verb in "vd":
            parts = []
            for c in b:
                mark = len(self.buf)
                self._integer(c, 10, verb, "0123456789abcdefx")
                parts.append("".join(self.buf[mark:]))
                del self.buf[mark:]
            self.buf.append("[" + " ".join(parts) + "]")
        elif verb == "s":
            s = b.decode("utf-8", "surrogateescape")
            self.pad(self._truncate(s))
        elif verb == "x":
            self._hex_bytes(b, "0123456789abcdefx")
        elif verb == "X":
            self._hex_bytes(b, "0123456789ABCDEFX")
        elif verb == "q":
            self._quoted(b.decode("utf-8", "surrogateescape"))
        else:
            self._print_list(list(b), verb, depth, arg)

    # -- errors -------------------------------------------------------------
    def bad_verb(self, verb: str, arg: Any) -> None:
        self.erroring = True
        self.buf.append("%!" + verb + "(")
        t = type_of(arg)
        if arg is None or arg is INVALID:
            self.buf.append("<nil>")
        else:
            self.buf.append(t.name + "=" if t is not None else "")
            saved = self.f
            self.f = _Flags()
            self.print_arg(arg, "v")
            self.f = saved
        self.buf.append(")")
        self.erroring = False

    # -- dispatch -------------------------------------------------------------
    def handle_methods(self, arg: Any, verb: str) -> bool:
        if self.erroring or verb not in "vsxXq":
            return False
        for name in ("Error", "String"):
            m = find_method(arg, name)
            if m is not None and not m.params:
                if isinstance(arg, GoNil):
                    self.pad("<nil>")
                    return True
                self.fmt_string(m.fn(), verb, arg)
                return True
        return False

    def print_arg(self, arg: Any, verb: str) -> None:
        if arg is None or arg is INVALID:
            if verb in "Tv":
                self.pad("<nil>")
            else:
                self.bad_verb(verb, arg)
            return
        t = type_of(arg)
        assert t is not None
        if verb == "T":
            self.pad(self._truncate(t.name))
            return
        if verb == "p":
            self._pointer(arg, "p", t.kind)
            return
        if type(arg) is bytes:
            self.fmt_bytes(arg, verb, arg, 0)
            return
        if type(arg) not in (bool, int, float, str) and self.handle_methods(arg, verb):
            return
        self.print_value(arg, verb, 0)

    def print_value(self, v: Any, verb: str, depth: int) -> None:
        if depth > 0 and v is not None and v is not INVALID and self.handle_methods(v, verb):
            return
        if v is None or v is INVALID:
            # An empty interface inside a container, or a missing value.
            if depth == 0 and v is INVALID:
                self.buf.append("<invalid reflect.Value>")
            elif verb == "v" or v is None:
                self.buf.append("<nil>")
            else:
                self.bad_verb(verb, None)
            return
        t = type_of(v)
        assert t is not None
        k = t.kind
        if k == "bool":
            self.fmt_bool(bool(v), verb, v)
        elif k in INT_KINDS:
            self.fmt_integer(int(v), True, verb, v)
        elif k in UINT_KINDS:
            self.fmt_integer(int(v), False, verb, v)
        elif k in FLOAT_KINDS:
            self.fmt_float(float(v), verb, v)
        elif k == "string":
            self.fmt_string(str(v), verb, v)
        elif k == "map":
            if isinstance(v, GoNil):
                self.buf.append("map[]")
                return
            self.buf.append("map[")
            for i, key in enumerate(sort_map_keys(list(v.keys()))):
                if i > 0:
                    self.buf.append(" ")
                self.print_value(key, verb, depth + 1)
                self.buf.append(":")
                self.print_value(v[key], verb, depth + 1)
            self.buf.append("]")
        elif k in ("slice", "array"):
            elem = t.elem
            if verb in "sqxX" and elem is not None and elem.kind == "uint8":
                self.fmt_bytes(bytes(v) if not isinstance(v, GoNil) else b"", verb, v, depth)
                return
            if isinstance(v, (bytes, bytearray)):
                self.fmt_bytes(bytes(v), verb, v, depth)
                return
            self._print_list(list(v), verb, depth, v)
        elif k == "struct":
            self.print_struct(v, verb, depth)
        elif k == "ptr":
            if isinstance(v, GoNil):
                self._pointer(v, verb, k)
            elif depth == 0 and isinstance(v, GoStruct):
                self.buf.append("&")
                self.print_struct(v, verb, depth + 1)
            else:
                self._pointer(v, verb, k)
        elif k == "interface":
            self.print_value(v, verb, depth + 1)
        else:
            self.buf.append("?" + t.name + "?")

    def _print_list(self, items: list[Any], verb: str, depth: int, arg: Any) -> None:
        self.buf.append("[")
        for i, e in enumerate(items):
            if i > 0:
                self.buf.append(" ")
            self.print_value(e, verb, depth + 1)
        self.buf.append("]")

    def print_struct(self, v: Any, verb: str, depth: int) -> None:
        self.buf.append("{")
        fields = v.go_fields if isinstance(v, GoStruct) else ()
        for i, f in enumerate(fields):
            if i > 0:
                self.buf.append(" ")
            if self.f.plus_v:
                self.buf.append(f.name + ":")
            self.print_value(struct_field(v, f), verb, depth + 1)
        self.buf.append("}")

    def _pointer(self, v: Any, verb: str, kind: str) -> None:
        if kind not in ("ptr", "map", "slice", "func", "chan"):
            self.bad_verb(verb, v)
            return
        u = 0 if isinstance(v, GoNil) else _FAKE_ADDRESS
        if verb == "v":
            if u == 0:
                self.pad("<nil>")
            else:
                self._with_sharp(u, not self.f.sharp)
        elif verb == "p":
            self._with_sharp(u, not self.f.sharp)
        elif verb in "bodxX":
            self.fmt_integer(u, False, verb, v)
        else:
            self.bad_verb(verb, v)

    def _with_sharp(self, u: int, sharp: bool) -> None:
        saved, self.f.sharp = self.f.sharp, sharp
        self._integer(u, 16, "v", "0123456789abcdefx")
        self.f.sharp = saved

    # -- Printf ---------------------------------------------------------------
    def do_printf(self, fmt: str, a: list[Any]) -> None:
        end = len(fmt)
        argnum = 0
        after_index = False
        reordered = False
        i = 0
        while i < end:
            good_argnum = True
            last = i
            while i < end and fmt[i] != "%":
                i += 1
            if i > last:
                self.buf.append(fmt[last:i])
            if i >= end:
                break
            i += 1
            self.f = f = _Flags()
            while i < end:
                c = fmt[i]
                if c == "#":
                    f.sharp = True
                elif c == "0":
                    f.zero = True
                elif c == "+":
                    f.plus = True
                elif c == "-":
                    f.minus = True
                elif c == " ":
                    f.space = True
                else:
                    break
                i += 1
            # Argument index, width, precision.
            argnum, i, after_index, ok, reord = self._arg_number(argnum, fmt, i, len(a))
            reordered |= reord
            good_argnum &= ok
            if i < end and fmt[i] == "*":
                i += 1
                f.wid, argnum = _int_from_arg(a, argnum)
                if f.wid is None:
                    self.buf.append("%!(BADWIDTH)")
                elif f.wid < 0:
                    f.wid = -f.wid
                    f.minus = True
                    f.zero = False
                after_index = False
            else:
                f.wid, i = _parsenum(fmt, i, end)
                if after_index and f.wid is not None:
                    good_argnum = False
            if i + 1 < end and fmt[i] == ".":
                i += 1
                if after_index:
                    good_argnum = False
                argnum, i, after_index, ok, reord = self._arg_number(argnum, fmt, i, len(a))
                reordered |= reord
                good_argnum &= ok
                if i < end and fmt[i] == "*":
                    i += 1
                    f.prec, argnum = _int_from_arg(a, argnum)
                    if f.prec is not None and f.prec < 0:
                        f.prec = None
                    if f.prec is None:
                        self.buf.append("%!(BADPREC)")
                    after_index = False
                else:
                    f.prec, i = _parsenum(fmt, i, end)
                    if f.prec is None:
                        f.prec = 0
            if not after_index:
                argnum, i, after_index, ok, reord = self._arg_number(argnum, fmt, i, len(a))
                reordered |= reord
                good_argnum &= ok
            if i >= end:
                self.buf.append("%!(NOVERB)")
                break
            verb = fmt[i]
            i += 1
            if f.zero and f.minus:
                f.zero = False
            if verb == "%":
                self.buf.append("%")
            elif not good_argnum:
                self.buf.append("%!" + verb + "(BADINDEX)")
            elif argnum >= len(a):
                self.buf.append("%!" + verb + "(MISSING)")
            else:
                if verb == "v":
                    f.sharp_v, f.sharp = f.sharp, False
                    f.plus_v, f.plus = f.plus, False
                self.print_arg(a[argnum], verb)
                argnum += 1
        if not reordered and argnum < len(a):
            self.f = _Flags()
            self.buf.append("%!(EXTRA ")
            for j, arg in enumerate(a[argnum:]):
                if j > 0:
                    self.buf.append(", ")
                if arg is None or arg is INVALID:
                    self.buf.append("<nil>")
                else:
                    t = type_of(arg)
                    self.buf.append((t.name if t else "") + "=")
                    self.print_arg(arg, "v")
            self.buf.append(")")

    @staticmethod
    def _arg_number(argnum: int, fmt: str, i: int, nargs: int) -> tuple[int, int, bool, bool, bool]:
        """Parse ``[n]``: (argnum, i, found, good, reordered)."""
        if i >= len(fmt) or fmt[i] != "[":
            return argnum, i, False, True, False
        rest = fmt[i:]
        if len(rest) < 3:
            return argnum, i + 1, False, False, True
        close = rest.find("]", 1)
        if close < 0:
            return argnum, i + 1, False, False, True
        num, newi = _parsenum(rest, 1, close)
        if num is None or newi != close:
            return argnum, i + close + 1, False, False, True
        index = num - 1
        if 0 <= index < nargs:
            return index, i + close + 1, True, True, True
        return argnum, i + close + 1, True, False, True


def _parsenum(s: str, start: int, end: int) -> tuple[int | None, int]:
    i = start
    num = 0
    found = False
    while i < end and "0" <= s[i] <= "9":
        if num > 1_000_000 or num < -1_000_000:
            return None, end
        num = num * 10 + ord(s[i]) - 48
        found = True
        i += 1
    return (num if found else None), i


def _int_from_arg(a: list[Any], argnum: int) -> tuple[int | None, int]:
    if argnum >= len(a):
        return None, argnum
    v = a[argnum]
    t = type_of(v)
    num: int | None = None
    if t is not None and (t.kind in INT_KINDS or t.kind in UINT_KINDS) and not isinstance(v, bool):
        num = int(v)
        if num > 1_000_000 or num < -1_000_000:
            num = None
    return num, argnum + 1


def _hex_float(v: float, verb: str) -> str:
    """%x of a float64, shortest form (``0x1.8p+01``)."""
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "+Inf" if v > 0 else "-Inf"
    h = float.hex(v)
    sign = "-" if h.startswith("-") else "+"
    h = h.lstrip("-")
    mant, _, exp = h[2:].partition("p")
    ip, _, fp = mant.partition(".")
    fp = fp.rstrip("0")
    e = int(exp)
    if v == 0:
        e = 0
    out = "0x" + ip + ("." + fp if fp else "") + "p" + ("-" if e < 0 else "+") + f"{abs(e):02d}"
    if verb == "X":
        out = out.upper()
    return sign + out


def _binary_float(v: float) -> str:
    bits = struct.unpack(">Q", struct.pack(">d", v))[0]
    neg = bits >> 63
    exp = (bits >> 52) & 0x7FF
    mant = bits & ((1 << 52) - 1)
    if exp == 0:
        exp = 1
    else:
        mant |= 1 << 52
    exp -= 1023 + 52
    return ("-" if neg else "+") + f"{mant}p{'-' if exp < 0 else '+'}{abs(exp)}"
