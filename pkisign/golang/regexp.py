"""Go's regexp package: RE2 syntax, leftmost-first matching in linear time.

The parser follows regexp/syntax (Perl flags, as ``regexp.Compile`` uses
them) down to its error texts; patterns compile to the same instruction
program Go builds (simplified repeats, ``x*`` of a nullable ``x`` as
``(x+)?``) and run on a Pike VM, so submatches follow Go's priorities
exactly and the work is bounded by program size times input length: no
pattern backtracks.

Strings are code points; a byte that is not UTF-8, carried as a surrogate
escape, reads as U+FFFD, as Go's decoder reads it.  Offsets are indexes
into the Python string.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterator, Optional

from . import unicode as gounicode

__all__ = ["Error", "Regexp", "compile", "quote_meta", "MAX_RUNE"]

MAX_RUNE = 0x10FFFF
_REPLACEMENT = 0xFFFD

# Parse flags (regexp/syntax.Flags, only those Compile's Perl set toggles).
_FOLD, _DOTNL, _ONELINE, _NONGREEDY = 1, 2, 4, 8

# Empty-width conditions (syntax.EmptyOp).
_BEGIN_LINE, _END_LINE, _BEGIN_TEXT, _END_TEXT, _WORD_B, _NO_WORD_B = 1, 2, 4, 8, 16, 32

# Size limits of regexp/syntax: compiled instructions and tree height.
_MAX_SIZE = (128 << 20) // 40
_MAX_HEIGHT = 1000
_MAX_REPEAT = 1000


class Error(ValueError):
    """A pattern Go rejects; ``str()`` is Go's ``error parsing regexp: ...`` text."""

    def __init__(self, code: str, expr: str) -> None:
        super().__init__(f"error parsing regexp: {code}: `{expr}`")
        self.code = code
        self.expr = expr


class _Large(Exception):
    pass


# ---- character classes: sorted, merged [(lo, hi), ...] ------------------------

_PERL = {"d": ((0x30, 0x39),), "s": ((9, 10), (12, 13), (32, 32)),
         "w": ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))}
_POSIX = {
    "alnum": ((0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)), "alpha": ((0x41, 0x5A), (0x61, 0x7A)),
    "ascii": ((0, 0x7F),), "blank": ((9, 9), (32, 32)), "cntrl": ((0, 0x1F), (0x7F, 0x7F)),
    "digit": ((0x30, 0x39),), "graph": ((0x21, 0x7E),), "lower": ((0x61, 0x7A),),
    "print": ((0x20, 0x7E),), "punct": ((0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)),
    "space": ((9, 13), (32, 32)), "upper": ((0x41, 0x5A),), "word": _PERL["w"],
    "xdigit": ((0x30, 0x39), (0x41, 0x46), (0x61, 0x66)),
}


def _clean(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _negate(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    nxt = 0
    for lo, hi in _clean(ranges):
        if nxt <= lo - 1:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= MAX_RUNE:
        out.append((nxt, MAX_RUNE))
    return out


_orbit_of: dict[int, tuple[int, ...]] = {}


def _orbits() -> dict[int, tuple[int, ...]]:
    if not _orbit_of:
        for item in "".join(gounicode.ORBITS).split():
            orbit = tuple(int(x, 16) for x in item.split(","))
            for r in orbit:
                _orbit_of[r] = orbit
    return _orbit_of


def _fold(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add every case-fold equivalent (unicode.SimpleFold orbits) of the ranges."""
    out = list(ranges)
    orbit_of = _orbits()
    for lo, hi in ranges:
        if hi - lo < 64:
            members = (r for r in range(lo, hi + 1) if r in orbit_of)
        else:
            members = (r for r in orbit_of if lo <= r <= hi)
        out.extend((f, f) for r in members for f in orbit_of[r])
    return _clean(out)


_tables: dict[tuple[str, str], list[tuple[int, int]]] = {}


def _table(kind: str, name: str) -> Optional[list[tuple[int, int]]]:
    key = (kind, name)
    if key not in _tables:
        src = getattr(gounicode, kind).get(name)
        if src is None:
            return None
        out = []
        for item in src.split():
            span, _, stride = item.partition("/")
            lo, hi = (int(x, 16) for x in span.split("-"))
            step = int(stride, 16) if stride else 1
            out.extend([(lo, hi)] if step == 1 else [(r, r) for r in range(lo, hi + 1, step)])
        _tables[key] = _clean(out)
    return _tables[key]


def _unicode_class(name: str, fold: bool) -> Optional[list[tuple[int, int]]]:
    if name == "Any":
        return [(0, MAX_RUNE)]
    for kind, fold_kind in (("CATEGORIES", "FOLD_CATEGORY"), ("SCRIPTS", "FOLD_SCRIPT")):
        tab = _table(kind, name)
        if tab is not None:
            extra = _table(fold_kind, name) if fold else None
            return _clean(tab + extra) if extra else tab
    return None


def _is_word(r: int) -> bool:
    return 0x30 <= r <= 0x39 or 0x41 <= r <= 0x5A or 0x61 <= r <= 0x7A or r == 0x5F


def _rune(c: str) -> int:
    r = ord(c)
    return _REPLACEMENT if 0xD800 <= r <= 0xDFFF else r


# ---- syntax tree --------------------------------------------------------------

# Node ops; those >= _PSEUDO only live on the parse stack.
(_NO_MATCH, _EMPTY, _LITERAL, _CLASS, _ANY_NOT_NL, _ANY, _BEGIN_LINE_OP, _END_LINE_OP,
 _BEGIN_TEXT_OP, _END_TEXT_OP, _WORD_OP, _NO_WORD_OP, _CAPTURE, _STAR, _PLUS, _QUEST,
 _REPEAT, _CONCAT, _ALTERNATE) = range(19)
_PSEUDO, _LEFT_PAREN, _VERTICAL_BAR = 128, 129, 130

_EMPTY_OPS = {_BEGIN_LINE_OP: _BEGIN_LINE, _END_LINE_OP: _END_LINE, _BEGIN_TEXT_OP: _BEGIN_TEXT,
              _END_TEXT_OP: _END_TEXT, _WORD_OP: _WORD_B, _NO_WORD_OP: _NO_WORD_B}


class _Node:
    __slots__ = ("op", "flags", "sub", "runes", "ranges", "cap", "name", "min", "max", "size", "height")

    def __init__(self, op: int, flags: int = 0, sub: Optional[list["_Node"]] = None) -> None:
        self.op, self.flags, self.sub = op, flags, sub or []
        self.runes: list[int] = []          # _LITERAL
        self.ranges: list[tuple[int, int]] = []  # _CLASS
        self.cap, self.name, self.min, self.max = 0, "", 0, 0
        self.size = self.height = 1
        self.measure()

    def measure(self) -> None:
        """calcSize and calcHeight of regexp/syntax, kept on the node."""
        op, sub = self.op, self.sub
        subsize = [s.size for s in sub] or [1]
        if op == _LITERAL:
            size = len(self.runes)
        elif op in (_CAPTURE, _STAR):
            size = 2 + subsize[0]
        elif op in (_PLUS, _QUEST):
            size = 1 + subsize[0]
        elif op == _CONCAT:
            size = sum(subsize)
        elif op == _ALTERNATE:
            size = sum(subsize) + max(len(sub) - 1, 0)
        elif op == _REPEAT:
            if self.max == -1:
                size = 2 + subsize[0] if self.min == 0 else 1 + self.min * subsize[0]
            else:
                size = self.max * subsize[0] + self.max - self.min
        else:
            size = 1
        self.size = max(1, size)
        self.height = 1 + max((s.height for s in sub), default=0)


# ---- parser -------------------------------------------------------------------

class _Parser:
    def __init__(self, whole: str) -> None:
        self.whole = whole
        self.flags = _ONELINE
        self.stack: list[_Node] = []
        self.ncap = 0
        self.names: list[str] = [""]

    # stack helpers
    def push(self, re: _Node) -> None:
        if re.op == _CLASS and len(re.ranges) == 1 and re.ranges[0][0] == re.ranges[0][1]:
            re.op, re.runes, re.flags = _LITERAL, [re.ranges[0][0]], self.flags & ~_FOLD
            re.measure()
        elif re.op == _CLASS and self._fold_pair(re.ranges):
            re.op, re.runes, re.flags = _LITERAL, [re.ranges[0][0]], self.flags | _FOLD
            re.measure()
        self._merge_literals()
        self.stack.append(re)
        self.check(re)

    @staticmethod
    def _fold_pair(ranges: list[tuple[int, int]]) -> bool:
        """[Aa] or [Δδ]: a class that is exactly one rune and its only fold."""
        if len(ranges) > 2 or sum(hi - lo + 1 for lo, hi in ranges) != 2:
            return False
        runes = [r for lo, hi in ranges for r in range(lo, hi + 1)]
        orbit = _orbits().get(runes[0], ())
        return tuple(runes) == orbit

    def _merge_literals(self) -> None:
        """maybeConcat: fold the top literal into the one below it before a push.

        The top stays apart until then, so a repeat operator after it takes
        only the last unit: ab* is a(b*), (?:ab)* repeats ab.
        """
        if len(self.stack) >= 2:
            top, below = self.stack[-1], self.stack[-2]
            if top.op == below.op == _LITERAL and (top.flags & _FOLD) == (below.flags & _FOLD):
                below.runes.extend(top.runes)
                below.measure()
                self.stack.pop()

    def check(self, re: _Node) -> None:
        if re.size > _MAX_SIZE:
            raise _Large("expression too large")
        if re.height > _MAX_HEIGHT:
            raise _Large("expression nests too deeply")

    def op(self, op: int) -> _Node:
        re = _Node(op, self.flags)
        self.push(re)
        return re

    def literal(self, r: int) -> None:
        re = _Node(_LITERAL, self.flags)
        if self.flags & _FOLD:
            r = min(_orbits().get(r, (r,)))
        re.runes = [r]
        re.measure()
        self.push(re)

    def repeat(self, op: int, lo: int, hi: int, before: int, after: int, last_repeat: int) -> int:
        flags = self.flags
        t = self.whole
        if after < len(t) and t[after] == "?":
            after += 1
            flags ^= _NONGREEDY
        if last_repeat >= 0:
            raise Error("invalid nested repetition operator", t[last_repeat:after])
        if not self.stack or self.stack[-1].op >= _PSEUDO:
            raise Error("missing argument to repetition operator", t[before:after])
        sub = self.stack[-1]
        re = _Node(op, flags)
        re.min, re.max, re.sub = lo, hi, [sub]
        re.measure()
        self.stack[-1] = re
        self.check(re)
        if op == _REPEAT and (lo >= 2 or hi >= 2) and not _repeat_ok(re, _MAX_REPEAT):
            raise Error("invalid repeat count", t[before:after])
        return after

    def concat(self) -> None:
        self._merge_literals()
        i = len(self.stack)
        while i > 0 and self.stack[i - 1].op < _PSEUDO:
            i -= 1
        subs = self.stack[i:]
        del self.stack[i:]
        self.push(_Node(_EMPTY) if not subs else self.collapse(subs, _CONCAT))

    def alternate(self) -> None:
        i = len(self.stack)
        while i > 0 and self.stack[i - 1].op < _PSEUDO:
            i -= 1
        subs = self.stack[i:]
        del self.stack[i:]
        self.push(_Node(_NO_MATCH) if not subs else self.collapse(subs, _ALTERNATE))

    def collapse(self, subs: list[_Node], op: int) -> _Node:
        if len(subs) == 1:
            return subs[0]
        flat: list[_Node] = []
        for s in subs:
            flat.extend(s.sub if s.op == op else [s])
        return _Node(op, 0, flat)

    def vertical_bar(self) -> None:
        self.concat()
        top = self.stack[-1]
        below = self.stack[-2] if len(self.stack) >= 2 else None
        if below is not None and below.op == _VERTICAL_BAR:
            # Keep the alternatives below the marker, in order.
            self.stack[-2:] = [top, below]
        else:
            self.stack.append(_Node(_VERTICAL_BAR))

    def _end_group(self) -> None:
        self.concat()
        if len(self.stack) >= 2 and self.stack[-2].op == _VERTICAL_BAR:
            top = self.stack.pop()
            self.stack.pop()
            self.stack.append(top)
        # Alternatives sit in order between the group's start and here.
        self.alternate()

    def right_paren(self) -> None:
        self._end_group()
        if len(self.stack) < 2 or self.stack[-2].op != _LEFT_PAREN:
            raise Error("unexpected )", self.whole)
        re1 = self.stack.pop()
        re2 = self.stack.pop()
        self.flags = re2.flags
        if re2.cap == 0:
            self.push(re1)
        else:
            cap = _Node(_CAPTURE, re2.flags, [re1])
            cap.cap, cap.name = re2.cap, re2.name
            cap.measure()
            self.push(cap)

    def open_group(self, name: Optional[str]) -> None:
        re = _Node(_LEFT_PAREN, self.flags)
        if name is not None:
            self.ncap += 1
            re.cap, re.name = self.ncap, name
            self.names.append(name)
        self.stack.append(re)

    # the main loop
    def parse(self) -> _Node:
        t = self.whole
        i, n = 0, len(t)
        last_repeat = -1
        while i < n:
            repeat = -1
            c = t[i]
            if c == "(":
                if i + 1 < n and t[i + 1] == "?":
                    i = self.perl_flags(i)
                else:
                    self.open_group("")
                    i += 1
            elif c == "|":
                self.vertical_bar()
                i += 1
            elif c == ")":
                self.right_paren()
                i += 1
            elif c == "^":
                self.op(_BEGIN_TEXT_OP if self.flags & _ONELINE else _BEGIN_LINE_OP)
                i += 1
            elif c == "$":
                self.op(_END_TEXT_OP if self.flags & _ONELINE else _END_LINE_OP)
                i += 1
            elif c == ".":
                self.op(_ANY if self.flags & _DOTNL else _ANY_NOT_NL)
                i += 1
            elif c == "[":
                i = self.parse_class(i)
            elif c in "*+?":
                op = {"*": _STAR, "+": _PLUS, "?": _QUEST}[c]
                repeat = i
                i = self.repeat(op, 0, 0, i, i + 1, last_repeat)
            elif c == "{":
                parsed = _parse_repeat(t, i)
                if parsed is None:
                    self.literal(ord("{"))
                    i += 1
                else:
                    lo, hi, after = parsed
                    if lo < 0 or lo > _MAX_REPEAT or hi > _MAX_REPEAT or (hi >= 0 and lo > hi):
                        raise Error("invalid repeat count", t[i:after])
                    repeat = i
                    i = self.repeat(_REPEAT, lo, hi, i, after, last_repeat)
            elif c == "\\":
                i = self.backslash(i)
            else:
                self.literal(_next_rune(t, i))
                i += 1
            last_repeat = repeat
        self._end_group()
        if len(self.stack) != 1:
            raise Error("missing closing )", self.whole)
        return self.stack[0]

    def backslash(self, i: int) -> int:
        t = self.whole
        e = t[i + 1] if i + 1 < len(t) else ""
        simple = {"A": _BEGIN_TEXT_OP, "b": _WORD_OP, "B": _NO_WORD_OP, "z": _END_TEXT_OP}
        if e in simple:
            self.op(simple[e])
            return i + 2
        if e == "C":
            raise Error("invalid escape sequence", t[i:i + 2])
        if e == "Q":
            end = t.find("\\E", i + 2)
            lit_end = len(t) if end < 0 else end
            for j in range(i + 2, lit_end):
                if _is_bad(t[j]):
                    raise Error("invalid UTF-8", t[j:lit_end])
                self.literal(ord(t[j]))
            return len(t) if end < 0 else end + 2
        if e in ("p", "P"):
            got = self.unicode_class(i)
            if got is not None:
                ranges, i = got
                self.push_class(ranges)
                return i
        got_perl = self.perl_class(i)
        if got_perl is not None:
            self.push_class(got_perl)
            return i + 2
        r, i = self.escape(i)
        self.literal(r)
        return i

    def push_class(self, ranges: list[tuple[int, int]]) -> None:
        re = _Node(_CLASS, self.flags)
        re.ranges = ranges
        self.push(re)

    def perl_flags(self, i: int) -> int:
        t = self.whole
        rest = t[i:]
        starts_p = len(rest) > 4 and rest[2] == "P" and rest[3] == "<"
        starts_name = len(rest) > 3 and rest[2] == "<"
        if starts_p or starts_name:
            start = i + (4 if starts_p else 3)
            end = t.find(">", i)
            if end < 0:
                _check_utf8(rest)
                raise Error("invalid named capture", rest)
            name = t[start:end]
            _check_utf8(name)
            if not name or not all(ch == "_" or ch.isascii() and ch.isalnum() for ch in name):
                raise Error("invalid named capture", t[i:end + 1])
            self.open_group(name)
            return end + 1
        flags = self.flags
        sign = 1
        saw_flag = False
        j = i + 2
        while j < len(t):
            c = t[j]
            if _is_bad(c):
                raise Error("invalid UTF-8", t[j:])
            j += 1
            if c in "imsU":
                bit = {"i": _FOLD, "m": _ONELINE, "s": _DOTNL, "U": _NONGREEDY}[c]
                # (?m) clears OneLine; the others set their flag.
                on = (c != "m") == (sign > 0)
                flags = flags | bit if on else flags & ~bit
                saw_flag = True
            elif c == "-":
                if sign < 0:
                    break
                sign = -1
                saw_flag = False
            elif c in ":)":
                if sign < 0 and not saw_flag:
                    break
                if c == ":":
                    self.open_group(None)
                self.flags = flags
                return j
            else:
                break
        raise Error("invalid or unsupported Perl syntax", t[i:j])

    def escape(self, i: int) -> tuple[int, int]:
        """parseEscape at t[i] == '\\': the rune and the index after it."""
        t = self.whole
        j = i + 1
        if j >= len(t):
            raise Error("trailing backslash at end of expression", "")
        c = t[j]
        if _is_bad(c):
            raise Error("invalid UTF-8", t[j:])
        j += 1

        def bad(end: int) -> Error:
            return Error("invalid escape sequence", t[i:end])

        if "1" <= c <= "7" and not (j < len(t) and "0" <= t[j] <= "7"):
            raise bad(j)
        if "0" <= c <= "7":
            r = ord(c) - 48
            for _ in range(2):
                if j < len(t) and "0" <= t[j] <= "7":
                    r = r * 8 + ord(t[j]) - 48
                    j += 1
            return r, j
        if c == "x":
            if j >= len(t):
                raise bad(j)
            c = t[j]
            if _is_bad(c):
                raise Error("invalid UTF-8", t[j:])
            j += 1
            if c == "{":
                nhex = r = 0
                while True:
                    if j >= len(t):
                        raise bad(j)
                    c = t[j]
                    if _is_bad(c):
                        raise Error("invalid UTF-8", t[j:])
                    j += 1
                    if c == "}":
                        break
                    v = _unhex(c)
                    if v < 0:
                        raise bad(j)
                    r = r * 16 + v
                    if r > MAX_RUNE:
                        raise bad(j)
                    nhex += 1
                if nhex == 0:
                    raise bad(j)
                return r, j
            x = _unhex(c)
            if j >= len(t):
                # Go decodes the missing rune as RuneError: not a hex digit.
                raise bad(j)
            if _is_bad(t[j]):
                raise Error("invalid UTF-8", t[j:])
            y = _unhex(t[j])
            j += 1
            if x < 0 or y < 0:
                raise bad(j)
            return x * 16 + y, j
        simple = {"a": 7, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11}
        if c in simple:
            return simple[c], j
        if ord(c) < 0x80 and not (c.isascii() and c.isalnum()):
            return ord(c), j
        raise bad(j)

    def perl_class(self, i: int) -> Optional[list[tuple[int, int]]]:
        t = self.whole
        e = t[i + 1] if i + 1 < len(t) else ""
        if t[i] != "\\" or e.lower() not in _PERL:
            return None
        return self.group(list(_PERL[e.lower()]), e.isupper())

    def group(self, ranges: list[tuple[int, int]], negate: bool) -> list[tuple[int, int]]:
        if self.flags & _FOLD:
            ranges = _fold(ranges)
        return _negate(ranges) if negate else ranges

    def unicode_class(self, i: int) -> Optional[tuple[list[tuple[int, int]], int]]:
        t = self.whole
        sign = -1 if t[i + 1] == "P" else 1
        j = i + 2
        if j < len(t) and _is_bad(t[j]):
            raise Error("invalid UTF-8", t[j:])
        if j >= len(t) or t[j] != "{":
            end = min(j + 1, len(t))
            seq, name = t[i:end], t[j:end]
        else:
            close = t.find("}", i)
            if close < 0:
                _check_utf8(t[i:])
                raise Error("invalid character class range", t[i:])
            seq, name, end = t[i:close + 1], t[j + 1:close], close + 1
            _check_utf8(name)
        if name.startswith("^"):
            sign, name = -sign, name[1:]
        fold = bool(self.flags & _FOLD)
        ranges = _unicode_class(name, fold)
        if ranges is None:
            raise Error("invalid character class range", seq)
        return (ranges if sign > 0 else _negate(ranges)), end

    def parse_class(self, i: int) -> int:
        t = self.whole
        start = i
        i += 1
        ranges: list[tuple[int, int]] = []
        negate = False
        if i < len(t) and t[i] == "^":
            negate = True
            i += 1
        first = True
        while i >= len(t) or t[i] != "]" or first:
            first = False
            if t.startswith("[:", i) and len(t) - i > 2:
                end = t.find(":]", i + 2)
                if end >= 0:
                    name = t[i:end + 2]
                    body = name[2:-2]
                    neg = body.startswith("^")
                    cls = _POSIX.get(body[1:] if neg else body)
                    if cls is None:
                        raise Error("invalid character class range", name)
                    ranges.extend(self.group(list(cls), neg))
                    i = end + 2
                    continue
            if t.startswith(("\\p", "\\P"), i):
                got = self.unicode_class(i)
                if got is not None:
                    ranges.extend(got[0])
                    i = got[1]
                    continue
            perl = self.perl_class(i) if i < len(t) and t[i] == "\\" else None
            if perl is not None:
                ranges.extend(perl)
                i += 2
                continue
            rng = i
            lo, i = self.class_char(i, start)
            hi = lo
            if i + 1 < len(t) and t[i] == "-" and t[i + 1] != "]":
                hi, i = self.class_char(i + 1, start)
                if hi < lo:
                    raise Error("invalid character class range", t[rng:i])
            ranges.extend(_fold([(lo, hi)]) if self.flags & _FOLD else [(lo, hi)])
        ranges = _clean(ranges)
        re = _Node(_CLASS, self.flags)
        re.ranges = _negate(ranges) if negate else ranges
        self.push(re)
        return i + 1

    def class_char(self, i: int, start: int) -> tuple[int, int]:
        t = self.whole
        if i >= len(t):
            raise Error("missing closing ]", t[start:])
        if t[i] == "\\":
            return self.escape(i)
        return _next_rune(t, i), i + 1


def _is_bad(c: str) -> bool:
    return "\ud800" <= c <= "\udfff"


def _next_rune(t: str, i: int) -> int:
    if _is_bad(t[i]):
        raise Error("invalid UTF-8", t[i:])
    return ord(t[i])


def _check_utf8(s: str) -> None:
    for k, c in enumerate(s):
        if _is_bad(c):
            raise Error("invalid UTF-8", s[k:])


def _unhex(c: str) -> int:
    return int(c, 16) if len(c) == 1 and c in "0123456789abcdefABCDEF" else -1


def _parse_int(t: str, i: int) -> Optional[tuple[int, int]]:
    j = i
    while j < len(t) and "0" <= t[j] <= "9":
        j += 1
    if j == i or (j - i >= 2 and t[i] == "0"):
        return None
    digits = t[i:j]
    return (int(digits) if len(digits) <= 8 else -1), j


def _parse_repeat(t: str, i: int) -> Optional[tuple[int, int, int]]:
    """{n}, {n,} or {n,m} at t[i]: (min, max, end); max -1 is unbounded, min -1 too big."""
    got = _parse_int(t, i + 1)
    if got is None:
        return None
    lo, j = got
    if j >= len(t):
        return None
    if t[j] != ",":
        hi = lo
    else:
        j += 1
        if j >= len(t):
            return None
        if t[j] == "}":
            hi = -1
        else:
            got = _parse_int(t, j)
            if got is None:
                return None
            hi, j = got
            if hi < 0:
                lo = -1
    if j >= len(t) or t[j] != "}":
        return None
    return lo, hi, j + 1


def _repeat_ok(re: _Node, n: int) -> bool:
    if re.op == _REPEAT:
        m = re.max
        if m == 0:
            return True
        if m < 0:
            m = re.min
        if m > n:
            return False
        if m > 0:
            n //= m
    return all(_repeat_ok(s, n) for s in re.sub)


# ---- simplify (x{n,m} to copies, as Regexp.Simplify) and compile ---------------

def _simplify(re: _Node) -> _Node:
    op = re.op
    if op in (_CAPTURE, _CONCAT, _ALTERNATE):
        subs = [_simplify(s) for s in re.sub]
        if all(a is b for a, b in zip(subs, re.sub)):
            return re
        new = _Node(op, re.flags, subs)
        new.cap, new.name = re.cap, re.name
        return new
    if op in (_STAR, _PLUS, _QUEST):
        sub = _simplify(re.sub[0])
        return _simplify1(op, re.flags, sub, re)
    if op == _REPEAT:
        if re.min == 0 and re.max == 0:
            return _Node(_EMPTY)
        sub = _simplify(re.sub[0])
        if re.max == -1:
            if re.min == 0:
                return _simplify1(_STAR, re.flags, sub, None)
            if re.min == 1:
                return _simplify1(_PLUS, re.flags, sub, None)
            return _Node(_CONCAT, 0, [sub] * (re.min - 1) + [_simplify1(_PLUS, re.flags, sub, None)])
        if re.min == 1 and re.max == 1:
            return sub
        prefix = [sub] * re.min
        if re.max > re.min:
            suffix = _simplify1(_QUEST, re.flags, sub, None)
            for _ in range(re.min + 1, re.max):
                suffix = _simplify1(_QUEST, re.flags, _Node(_CONCAT, 0, [sub, suffix]), None)
            prefix.append(suffix)
        return _Node(_CONCAT, 0, prefix) if prefix else _Node(_NO_MATCH)
    return re


def _simplify1(op: int, flags: int, sub: _Node, re: Optional[_Node]) -> _Node:
    if sub.op == _EMPTY:
        return sub
    if op == sub.op and (flags & _NONGREEDY) == (sub.flags & _NONGREEDY):
        return sub
    if re is not None and re.op == op and (re.flags & _NONGREEDY) == (flags & _NONGREEDY) and sub is re.sub[0]:
        return re
    return _Node(op, flags, [sub])


# Instruction ops.
_I_FAIL, _I_MATCH, _I_ALT, _I_CAP, _I_EMPTY, _I_NOP, _I_RUNE = range(7)
_ANY_NOT_NL_RANGES = [(0, 9), (11, MAX_RUNE)]


class _Frag:
    __slots__ = ("i", "out", "nullable")

    def __init__(self, i: int, out: list[int], nullable: bool) -> None:
        self.i, self.out, self.nullable = i, out, nullable


class _Compiler:
    """syntax.Compile: the same program shape, so the same match priorities."""

    def __init__(self) -> None:
        self.op: list[int] = []
        self.out: list[int] = []
        self.arg: list = []
        self.ncap = 2
        self.sets: dict[tuple[tuple[int, int], ...], _RuneSet] = {}
        self.inst(_I_FAIL)

    def inst(self, op: int, arg=0) -> int:
        self.op.append(op)
        self.out.append(0)
        self.arg.append(arg)
        return len(self.op) - 1

    # A patch list holds 2*pc (patch out) or 2*pc+1 (patch arg).
    def patch(self, plist: list[int], target: int) -> None:
        for p in plist:
            if p & 1:
                self.arg[p >> 1] = target
            else:
                self.out[p >> 1] = target

    def simple(self, op: int, arg=0) -> _Frag:
        i = self.inst(op, arg)
        return _Frag(i, [i << 1], op != _I_RUNE)

    def cat(self, f1: _Frag, f2: _Frag) -> _Frag:
        if f1.i == 0 or f2.i == 0:
            return _Frag(0, [], False)
        self.patch(f1.out, f2.i)
        return _Frag(f1.i, f2.out, f1.nullable and f2.nullable)

    def alt(self, f1: _Frag, f2: _Frag) -> _Frag:
        if f1.i == 0:
            return f2
        if f2.i == 0:
            return f1
        i = self.inst(_I_ALT)
        self.out[i], self.arg[i] = f1.i, f2.i
        return _Frag(i, f1.out + f2.out, f1.nullable or f2.nullable)

    def quest(self, f1: _Frag, nongreedy: bool) -> _Frag:
        i = self.inst(_I_ALT)
        if nongreedy:
            self.arg[i] = f1.i
            out = [i << 1]
        else:
            self.out[i] = f1.i
            out = [i << 1 | 1]
        return _Frag(i, out + f1.out, True)

    def loop(self, f1: _Frag, nongreedy: bool) -> _Frag:
        i = self.inst(_I_ALT)
        if nongreedy:
            self.arg[i] = f1.i
            out = [i << 1]
        else:
            self.out[i] = f1.i
            out = [i << 1 | 1]
        self.patch(f1.out, i)
        return _Frag(i, out, True)

    def star(self, f1: _Frag, nongreedy: bool) -> _Frag:
        if f1.nullable:
            # (x+)? keeps Go's priorities when x can match empty.
            return self.quest(self.plus(f1, nongreedy), nongreedy)
        return self.loop(f1, nongreedy)

    def plus(self, f1: _Frag, nongreedy: bool) -> _Frag:
        return _Frag(f1.i, self.loop(f1, nongreedy).out, f1.nullable)

    def rune(self, ranges: list[tuple[int, int]]) -> _Frag:
        # x{1000} compiles x's class 1000 times: share one set.
        key = tuple(ranges)
        rs = self.sets.get(key)
        if rs is None:
            rs = self.sets[key] = _RuneSet(ranges)
        return self.simple(_I_RUNE, rs)

    def compile(self, re: _Node) -> _Frag:
        op = re.op
        if op == _NO_MATCH:
            return _Frag(0, [], False)
        if op == _EMPTY:
            return self.simple(_I_NOP)
        if op == _LITERAL:
            f: Optional[_Frag] = None
            for r in re.runes:
                ranges = _fold([(r, r)]) if re.flags & _FOLD else [(r, r)]
                f1 = self.rune(ranges)
                f = f1 if f is None else self.cat(f, f1)
            return f if f is not None else self.simple(_I_NOP)
        if op == _CLASS:
            return self.rune(re.ranges)
        if op == _ANY_NOT_NL:
            return self.rune(_ANY_NOT_NL_RANGES)
        if op == _ANY:
            return self.rune([(0, MAX_RUNE)])
        if op in _EMPTY_OPS:
            return self.simple(_I_EMPTY, _EMPTY_OPS[op])
        if op == _CAPTURE:
            bra = self.simple(_I_CAP, re.cap << 1)
            sub = self.compile(re.sub[0])
            ket = self.simple(_I_CAP, re.cap << 1 | 1)
            self.ncap = max(self.ncap, (re.cap << 1) + 2)
            return self.cat(self.cat(bra, sub), ket)
        nongreedy = bool(re.flags & _NONGREEDY)
        if op == _STAR:
            return self.star(self.compile(re.sub[0]), nongreedy)
        if op == _PLUS:
            return self.plus(self.compile(re.sub[0]), nongreedy)
        if op == _QUEST:
            return self.quest(self.compile(re.sub[0]), nongreedy)
        if op == _CONCAT:
            f = None
            for child in re.sub:
                fs = self.compile(child)
                f = fs if f is None else self.cat(f, fs)
            return f if f is not None else self.simple(_I_NOP)
        if op == _ALTERNATE:
            f = _Frag(0, [], False)
            for child in re.sub:
                f = self.alt(f, self.compile(child))
            return f
        raise AssertionError(f"regexp: unhandled op {op}")


class _RuneSet:
    """A compiled character class: membership by binary search, cached per rune."""

    __slots__ = ("los", "his", "single", "cache")

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.los = [lo for lo, _ in ranges]
        self.his = [hi for _, hi in ranges]
        self.single = ranges[0][0] if len(ranges) == 1 and ranges[0][0] == ranges[0][1] else -1
        self.cache: dict[int, bool] = {}

    def __contains__(self, r: int) -> bool:
        k = bisect_right(self.los, r) - 1
        return k >= 0 and r <= self.his[k]


# ---- the matcher --------------------------------------------------------------

class Regexp:
    """A compiled Go regular expression (``regexp.Regexp``)."""

    def __init__(self, expr: str, prog: _Compiler, start: int, names: list[str]) -> None:
        self.expr = expr
        self.num_subexp = len(names) - 1
        self.subexp_names = names
        self._op, self._out, self._arg = prog.op, prog.out, prog.arg
        self._start = start
        self._ncap = prog.ncap
        self.program_size = len(prog.op)
        self._start_cond = self._compute_start_cond()
        self._uses_context = _I_EMPTY in self._op
        self._prefix = self._compute_prefix()
        self.steps = 0  # threads stepped so far: the measure of work done

    def _compute_start_cond(self) -> int:
        flag, pc = 0, self._start
        while True:
            op = self._op[pc]
            if op == _I_EMPTY:
                flag |= self._arg[pc]
            elif op == _I_FAIL:
                return -1
            elif op not in (_I_CAP, _I_NOP):
                return flag
            pc = self._out[pc]

    def _skip_nop(self, pc: int) -> int:
        while self._op[pc] in (_I_CAP, _I_NOP):
            pc = self._out[pc]
        return pc

    def _compute_prefix(self) -> str:
        """The literal every match starts with (Prog.Prefix), to skip ahead with str.find."""
        if self._start_cond & _BEGIN_TEXT:
            return ""
        out = []
        pc = self._skip_nop(self._start)
        while self._op[pc] == _I_RUNE and self._arg[pc].single >= 0 and self._arg[pc].single != _REPLACEMENT:
            out.append(chr(self._arg[pc].single))
            pc = self._skip_nop(self._out[pc])
        return "".join(out)

    # One leftmost-first search from pos: the capture slots, or None.
    def _execute(self, s: str, pos: int, ncap: int) -> Optional[list[int]]:
        if self._start_cond == -1:
            return None
        op, out, arg = self._op, self._out, self._arg
        n = len(s)
        npc = len(op)
        begin_text = bool(self._start_cond & _BEGIN_TEXT)
        if begin_text and pos != 0:
            return None
        prefix = self._prefix
        uses_context = self._uses_context
        matched: Optional[list[int]] = None
        runq: list[tuple[int, tuple]] = []
        seen = [-1] * npc
        gen = mark = 0
        empty_caps = (-1,) * ncap
        steps = 0

        def context(p: int) -> int:
            r1 = _rune(s[p - 1]) if p > 0 else -1
            r2 = _rune(s[p]) if p < n else -1
            flag = 0
            if r1 < 0:
                flag |= _BEGIN_TEXT | _BEGIN_LINE
            elif r1 == 10:
                flag |= _BEGIN_LINE
            if r2 < 0:
                flag |= _END_TEXT | _END_LINE
            elif r2 == 10:
                flag |= _END_LINE
            flag |= _WORD_B if _is_word(r1) != _is_word(r2) else _NO_WORD_B
            return flag

        def add(q: list, pc0: int, p: int, caps: tuple, flag: int, mark: int) -> None:
            stack = [(pc0, caps)]
            while stack:
                pc, caps = stack.pop()
                if pc == 0 or seen[pc] == mark:
                    continue
                seen[pc] = mark
                o = op[pc]
                if o == _I_ALT:
                    stack.append((arg[pc], caps))
                    stack.append((out[pc], caps))
                elif o == _I_NOP:
                    stack.append((out[pc], caps))
                elif o == _I_CAP:
                    slot = arg[pc]
                    if slot < ncap:
                        caps = caps[:slot] + (p,) + caps[slot + 1:]
                    stack.append((out[pc], caps))
                elif o == _I_EMPTY:
                    if arg[pc] & ~flag == 0:
                        stack.append((out[pc], caps))
                else:
                    q.append((pc, caps))

        while True:
            if not runq:
                if (begin_text and pos != 0) or matched is not None:
                    break
                if prefix:
                    k = s.find(prefix, pos)
                    if k < 0:
                        break
                    if k != pos:
                        # A new position: nothing is queued there yet.
                        pos, gen = k, gen + 1
                        mark = gen
            flag = context(pos) if uses_context else 0
            if matched is None and (pos == 0 or not begin_text):
                # Lowest priority, and not where a running thread already is.
                caps0 = (pos,) + empty_caps[1:] if ncap else ()
                add(runq, self._start, pos, caps0, flag, mark)
            if pos < n:
                r = _rune(s[pos])
                nflag = context(pos + 1) if uses_context else 0
            else:
                r = -1
                nflag = 0
            gen += 1
            nextq: list[tuple[int, tuple]] = []
            steps += len(runq)
            for pc, caps in runq:
                o = op[pc]
                if o == _I_MATCH:
                    if ncap:
                        matched = list(caps)
                        matched[1] = pos
                    else:
                        matched = []
                    break  # leftmost-first: lower-priority threads are cut
                if r >= 0:
                    rs = arg[pc]
                    hit = rs.cache.get(r)
                    if hit is None:
                        hit = r in rs
                        if len(rs.cache) < 4096:
                            rs.cache[r] = hit
                    if hit:
                        add(nextq, out[pc], pos + 1, caps, nflag, gen)
            if pos >= n:
                break
            if ncap == 0 and matched is not None:
                break
            pos += 1
            runq, mark = nextq, gen
        self.steps += steps
        return matched

    # regexp's public API, on Python strings
    def match_string(self, s: str) -> bool:
        return self._execute(s, 0, 0) is not None

    def find_string_index(self, s: str) -> Optional[list[int]]:
        return self._execute(s, 0, 2)

    def find_string(self, s: str) -> str:
        m = self._execute(s, 0, 2)
        return s[m[0]:m[1]] if m else ""

    def find_all_submatch_index(self, s: str, n: int, ncap: Optional[int] = None) -> Iterator[list[int]]:
        """allMatches: an empty match right after the previous match is skipped."""
        ncap = self._ncap if ncap is None else ncap
        if n < 0:
            n = len(s) + 1
        pos, count, prev_end = 0, 0, -1
        while count < n and pos <= len(s):
            m = self._execute(s, pos, ncap)
            if m is None:
                break
            accept = True
            if m[1] == pos:
                if m[0] == prev_end:
                    accept = False
                pos = pos + 1 if pos < len(s) else len(s) + 1
            else:
                pos = m[1]
            prev_end = m[1]
            if accept:
                yield m + [-1] * (2 * (self.num_subexp + 1) - len(m))
                count += 1

    def find_all_string(self, s: str, n: int) -> Optional[list[str]]:
        found = [s[m[0]:m[1]] for m in self.find_all_submatch_index(s, n, 2)]
        return found or None

    def _replace_all(self, src: str, ncap: int, repl: Callable[[list[int]], str]) -> str:
        out: list[str] = []
        last_end = search = 0
        ncap = min(ncap, self._ncap)
        while search <= len(src):
            a = self._execute(src, search, ncap)
            if a is None:
                break
            out.append(src[last_end:a[0]])
            if a[1] > last_end or a[0] == 0:
                out.append(repl(a))
            last_end = a[1]
            search = search + 1 if search + 1 > a[1] else a[1]
        out.append(src[last_end:])
        return "".join(out)

    def replace_all_string(self, src: str, repl: str) -> str:
        ncap = 2 * (self.num_subexp + 1) if "$" in repl else 2
        return self._replace_all(src, ncap, lambda m: self.expand(repl, src, m))

    def replace_all_literal_string(self, src: str, repl: str) -> str:
        return self._replace_all(src, 2, lambda m: repl)

    def expand(self, template: str, src: str, match: list[int]) -> str:
        """Regexp.Expand: $1, ${1}, $name, ${name} and $$."""
        out: list[str] = []
        while template:
            before, dollar, after = template.partition("$")
            if not dollar:
                break
            out.append(before)
            template = after
            if template.startswith("$"):
                out.append("$")
                template = template[1:]
                continue
            got = _extract(template)
            if got is None:
                out.append("$")
                continue
            name, num, template = got
            if num >= 0:
                if 2 * num + 1 < len(match) and match[2 * num] >= 0:
                    out.append(src[match[2 * num]:match[2 * num + 1]])
            else:
                for k, name_k in enumerate(self.subexp_names):
                    if name == name_k and 2 * k + 1 < len(match) and match[2 * k] >= 0:
                        out.append(src[match[2 * k]:match[2 * k + 1]])
                        break
        out.append(template)
        return "".join(out)

    def split(self, s: str, n: int) -> Optional[list[str]]:
        if n == 0:
            return None
        if self.expr and s == "":
            return [""]
        parts: list[str] = []
        beg = end = 0
        for m in self.find_all_submatch_index(s, n, 2):
            if n > 0 and len(parts) >= n - 1:
                break
            end = m[0]
            if m[1] != 0:
                parts.append(s[beg:end])
            beg = m[1]
        if end != len(s):
            parts.append(s[beg:])
        return parts


def _is_letter_or_digit(c: str) -> bool:
    r = _rune(c)
    if r < 0x80:
        return c.isascii() and c.isalnum()
    for name in ("L", "Nd"):
        tab = _table("CATEGORIES", name)
        assert tab is not None
        k = bisect_right(tab, (r, MAX_RUNE + 1)) - 1
        if k >= 0 and tab[k][0] <= r <= tab[k][1]:
            return True
    return False


def _extract(s: str) -> Optional[tuple[str, int, str]]:
    """extract: the name after a $ (braced or not), its number (-1: a name) and the rest."""
    if not s:
        return None
    brace = s[0] == "{"
    if brace:
        s = s[1:]
    i = 0
    while i < len(s) and (s[i] == "_" or _is_letter_or_digit(s[i])):
        i += 1
    if i == 0:
        return None
    name = s[:i]
    if brace:
        if i >= len(s) or s[i] != "}":
            return None
        i += 1
    num = 0
    for ch in name:
        if not "0" <= ch <= "9" or num >= 100_000_000:
            num = -1
            break
        num = num * 10 + ord(ch) - 48
    if name[0] == "0" and len(name) > 1:
        num = -1
    return name, num, s[i:]


_cache: dict[str, Regexp] = {}


def compile(expr: str) -> Regexp:
    """regexp.Compile: the compiled pattern, or :class:`Error` with Go's text."""
    got = _cache.get(expr)
    if got is not None:
        return got
    parser = _Parser(expr)
    try:
        tree = parser.parse()
    except _Large as e:
        raise Error(str(e), expr) from None
    c = _Compiler()
    frag = c.compile(_simplify(tree))
    c.patch(frag.out, c.inst(_I_MATCH))
    re = Regexp(expr, c, frag.i, parser.names)
    if len(_cache) >= 256:
        _cache.clear()
    _cache[expr] = re
    return re


_SPECIAL = set("\\.+*?()|[]{}^$")


def quote_meta(s: str) -> str:
    """regexp.QuoteMeta."""
    return "".join("\\" + c if c in _SPECIAL else c for c in s)
