"""sprig's string functions (strings.go, goutils, xstrings)."""

from __future__ import annotations

import random
import unicodedata
from typing import Any

from ...golang.fmt import sprintf
from ...golang.reflect import INVALID, GoDict, GoError, GoList, type_of, typed
from ...golang.strconv import from_bytes, quote, to_bytes
from ..limits import check_alloc, check_elements
from .base import FuncTable, list_items, strval

__all__ = ["STRINGS", "go_title", "is_go_space"]

STRINGS = FuncTable()

_GO_SPACE = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                      "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def is_go_space(c: str) -> bool:
    """unicode.IsSpace."""
    return c in _GO_SPACE


def _trim_space(s: str) -> str:
    return s.strip("".join(_GO_SPACE))


def _bslice(s: str, start: int, end: int | None = None) -> str:
    """Go's byte slicing s[start:end] (panics like Go when out of range)."""
    b = to_bytes(s)
    stop = len(b) if end is None else end
    if stop > len(b):
        raise GoError(f"runtime error: slice bounds out of range [:{stop}] with length {len(b)}")
    if start < 0 or start > stop:
        raise GoError(f"runtime error: slice bounds out of range [{start}:{stop}]")
    return from_bytes(b[start:stop])


def _blen(s: str) -> int:
    return len(s) if s.isascii() else len(to_bytes(s))


@STRINGS.func("trim", ["string"], "string")
def _trim(s: str) -> str:
    return _trim_space(s)


@STRINGS.func("upper", ["string"], "string")
def _upper(s: str) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in s)


@STRINGS.func("lower", ["string"], "string")
def _lower(s: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def go_title(s: str) -> str:
    """strings.Title: upper-case (title-case) letters that start words."""
    out = []
    prev = " "
    for c in s:
        if _is_separator(prev):
            t = c.title() if len(c.title()) == 1 else c
            out.append(t)
        else:
            out.append(c)
        prev = c
    return "".join(out)


def _is_separator(c: str) -> bool:
    if c.isascii():
        return not (c.isalnum() or c == "_")
    if c.isalpha() or unicodedata.category(c).startswith("N"):
        return False
    return is_go_space(c)


@STRINGS.func("title", ["string"], "string")
def _title(s: str) -> str:
    return go_title(s)


@STRINGS.func("untitle", ["string"], "string")
def _untitle(s: str) -> str:
    out = []
    nxt = True
    for c in s:
        if is_go_space(c):
            nxt = True
            out.append(c)
        elif nxt:
            out.append(c.lower() if len(c.lower()) == 1 else c)
            nxt = False
        else:
            out.append(c)
    return "".join(out)


@STRINGS.func("substr", ["int", "int", "string"], "string")
def _substr(start: int, end: int, s: str) -> str:
    if start < 0:
        return _bslice(s, 0, end)
    if end < 0 or end > _blen(s):
        return _bslice(s, start)
    return _bslice(s, start, end)


@STRINGS.func("repeat", ["int", "string"], "string")
def _repeat(count: int, s: str) -> str:
    if count < 0:
        raise GoError("strings: negative Repeat count")
    check_alloc(count * _blen(s), "repeat")
    return s * count


@STRINGS.func("trimAll", ["string", "string"], "string", aliases=("trimall",))
def _trim_all(cutset: str, s: str) -> str:
    return s.strip(cutset)


@STRINGS.func("trimSuffix", ["string", "string"], "string")
def _trim_suffix(suffix: str, s: str) -> str:
    return s[: -len(suffix)] if suffix and s.endswith(suffix) else s


@STRINGS.func("trimPrefix", ["string", "string"], "string")
def _trim_prefix(prefix: str, s: str) -> str:
    return s[len(prefix):] if s.startswith(prefix) else s


def _byte_runes(s: str) -> list[str]:
    """Each byte of ``s`` as the rune of the same value (goutils' ``rune(str[i])``)."""
    return [chr(b) for b in to_bytes(s)]


@STRINGS.func("nospace", ["string"], "string")
def _nospace(s: str) -> str:
    if not s:
        return s
    runes = _byte_runes(s)
    kept = [c for c in runes if not is_go_space(c)]
    if len(kept) == len(runes):
        return s
    return "".join(kept)


@STRINGS.func("initials", ["string"], "string")
def _initials(s: str) -> str:
    out = []
    gap = True
    for c in _byte_runes(s):
        if is_go_space(c):
            gap = True
        elif gap:
            out.append(c)
            gap = False
    return "".join(out)


@STRINGS.func("swapcase", ["string"], "string")
def _swapcase(s: str) -> str:
    out = []
    ws = True
    for c in s:
        if c.isupper() or unicodedata.category(c) == "Lt":
            out.append(c.lower() if len(c.lower()) == 1 else c)
            ws = False
        elif c.islower():
            if ws:
                out.append(c.title() if len(c.title()) == 1 else c)
                ws = False
            else:
                out.append(c.upper() if len(c.upper()) == 1 else c)
        else:
            ws = is_go_space(c)
            out.append(c)
    return "".join(out)


@STRINGS.func("shuffle", ["string"], "string")
def _shuffle(s: str) -> str:
    chars = list(s)
    random.SystemRandom().shuffle(chars)
    return "".join(chars)


@STRINGS.func("wrap", ["int", "string"], "string")
def _wrap(width: int, s: str) -> str:
    return _wrap_custom(s, width, "", False)


@STRINGS.func("wrapWith", ["int", "string", "string"], "string")
def _wrap_with(width: int, sep: str, s: str) -> str:
    return _wrap_custom(s, width, sep, True)


def _wrap_custom(text: str, width: int, newline: str, wrap_long: bool) -> str:
    """goutils.WrapCustom, on bytes like the Go code."""
    if not text:
        return ""
    s = to_bytes(text)
    nl = to_bytes(newline or "\n")
    width = max(width, 1)
    n = len(s)
    off = 0
    out = bytearray()
    while n - off > width:
        if s[off] == 0x20:
            off += 1
            continue
        end = min(width + off + 1, n)
        space = s.rfind(b" ", off, end)
        if space >= off:
            out += s[off:space] + nl
            off = space + 1
        elif wrap_long:
            out += s[off:off + width] + nl
            off += width
        else:
            idx = s.find(b" ", width + off)
            if idx == -1:
                out += s[off:]
                off = n
            else:
                out += s[off:idx] + nl
                off = idx + 1
    out += s[off:]
    return from_bytes(bytes(out))


@STRINGS.func("contains", ["string", "string"], "bool")
def _contains(sub: str, s: str) -> bool:
    return sub in s


@STRINGS.func("hasPrefix", ["string", "string"], "bool")
def _has_prefix(p: str, s: str) -> bool:
    return s.startswith(p)


@STRINGS.func("hasSuffix", ["string", "string"], "bool")
def _has_suffix(p: str, s: str) -> bool:
    return s.endswith(p)


@STRINGS.func("quote", ["...interface {}"], "string")
def _quote(*args: Any) -> str:
    return " ".join(quote(strval(a)) for a in args if a is not None and a is not INVALID)


@STRINGS.func("squote", ["...interface {}"], "string")
def _squote(*args: Any) -> str:
    return " ".join(sprintf("'%v'", [a]) for a in args if a is not None and a is not INVALID)


@STRINGS.func("cat", ["...interface {}"], "string")
def _cat(*args: Any) -> str:
    vals = [a for a in args if a is not None and a is not INVALID]
    return sprintf(" ".join(["%v"] * len(vals)), vals)


@STRINGS.func("indent", ["int", "string"], "string")
def _indent(spaces: int, v: str) -> str:
    return _do_indent(spaces, v)


def _do_indent(spaces: int, v: str) -> str:
    if spaces < 0:
        raise GoError("strings: negative Repeat count")
    check_alloc(spaces * (v.count("\n") + 1) + _blen(v), "indent")
    pad = " " * spaces
    return pad + v.replace("\n", "\n" + pad)


@STRINGS.func("nindent", ["int", "string"], "string")
def _nindent(spaces: int, v: str) -> str:
    return "\n" + _do_indent(spaces, v)


@STRINGS.func("replace", ["string", "string", "string"], "string")
def _replace(old: str, new: str, src: str) -> str:
    if old == "":
        # strings.Replace with an empty old inserts new around every rune.
        check_alloc(_blen(new) * (len(src) + 1) + _blen(src), "replace")
        return new + "".join(c + new for c in src)
    check_alloc(_blen(src) // len(old) * _blen(new) + _blen(src), "replace")
    return src.replace(old, new)


@STRINGS.func("plural", ["string", "string", "int"], "string")
def _plural(one: str, many: str, count: int) -> str:
    return one if count == 1 else many


@STRINGS.func("toString", ["interface {}"], "string")
def _to_string(v: Any) -> str:
    return strval(v)


def strslice(v: Any) -> list[str]:
    """sprig's strslice: any list to []string, nils dropped; a scalar to a 1-list."""
    t = type_of(v)
    if t is not None and t.name == "[]string":
        return list(v)
    if t is not None and t.kind in ("slice", "array"):
        return [strval(e) for e in list_items(v) if e is not None]
    if v is None or v is INVALID:
        return []
    return [strval(v)]


@STRINGS.func("toStrings", ["interface {}"], "[]string")
def _to_strings(v: Any) -> Any:
    return typed(strslice(v), "[]string")


@STRINGS.func("trunc", ["int", "string"], "string")
def _trunc(c: int, s: str) -> str:
    n = _blen(s)
    if c < 0 and n + c > 0:
        return _bslice(s, n + c)
    if c >= 0 and n > c:
        return _bslice(s, 0, c)
    return s


@STRINGS.func("join", ["string", "interface {}"], "string")
def _join(sep: str, v: Any) -> str:
    return sep.join(strslice(v))


def _split_parts(orig: str, sep: str, n: int) -> list[str]:
    """strings.SplitN (n < 0: all)."""
    if n == 0:
        return []
    count = len(orig) if sep == "" else orig.count(sep) + 1
    check_elements(min(count, n) if n > 0 else count, "split")
    if sep == "":
        chars = list(orig)
        if n > 0 and len(chars) > n:
            chars = chars[: n - 1] + ["".join(chars[n - 1:])]
        return chars
    return orig.split(sep, n - 1 if n > 0 else -1)


@STRINGS.func("split", ["string", "string"], "map[string]string")
def _split(sep: str, orig: str) -> Any:
    return GoDict({f"_{i}": p for i, p in enumerate(_split_parts(orig, sep, -1))}, "map[string]string")


@STRINGS.func("splitList", ["string", "string"], "[]string")
def _split_list(sep: str, orig: str) -> Any:
    return GoList(_split_parts(orig, sep, -1), "[]string")


@STRINGS.func("splitn", ["string", "int", "string"], "map[string]string")
def _splitn(sep: str, n: int, orig: str) -> Any:
    return GoDict({f"_{i}": p for i, p in enumerate(_split_parts(orig, sep, n))}, "map[string]string")


@STRINGS.func("abbrev", ["int", "string"], "string")
def _abbrev(width: int, s: str) -> str:
    if width < 4:
        return s
    return _abbreviate_full(s, 0, width)


@STRINGS.func("abbrevboth", ["int", "int", "string"], "string")
def _abbrevboth(left: int, right: int, s: str) -> str:
    if right < 4 or (left > 0 and right < 7):
        return s
    return _abbreviate_full(s, left, right)


def _abbreviate_full(s: str, offset: int, width: int) -> str:
    """goutils.AbbreviateFull (byte-based; its errors yield "")."""
    if not s:
        return ""
    if width < 4:
        return ""
    n = _blen(s)
    if n <= width:
        return s
    if offset > n:
        offset = n
    if n - offset < width - 3:
        offset = n - (width - 3)
    if offset <= 4:
        return _bslice(s, 0, width - 3) + "..."
    if width < 7:
        return ""
    if offset + width - 3 < n:
        return "..." + _abbreviate_full(_bslice(s, offset), 0, width - 3)
    return "..." + _bslice(s, n - (width - 3))


# -- xstrings case conversion ---------------------------------------------------
def _is_connector(c: str) -> bool:
    return c in "-_" or is_go_space(c)


def _is_punct(c: str) -> bool:
    return unicodedata.category(c).startswith("P")


def _is_upper(c: str) -> bool:
    return unicodedata.category(c) == "Lu"


def _is_alphabet(c: str) -> bool:
    return c.isalpha()


def _is_number(c: str) -> bool:
    return unicodedata.category(c).startswith("N")


_INVALID, _NUMBER, _UPPER, _ALPHA, _CONNECTOR, _PUNCT, _OTHER = range(7)


def _next_word(s: str) -> tuple[int, str, str]:
    if not s:
        return _INVALID, "", ""
    r = s[0]
    i = 1
    if _is_connector(r):
        wt = _CONNECTOR
        while i < len(s) and _is_connector(s[i]):
            i += 1
    elif _is_punct(r):
        wt = _PUNCT
        while i < len(s) and _is_punct(s[i]):
            i += 1
    elif _is_upper(r):
        wt = _UPPER
        if i < len(s):
            if _is_upper(s[i]):
                while i < len(s) and _is_upper(s[i]):
                    i += 1
                if i < len(s) and _is_alphabet(s[i]):
                    i -= 1
            elif _is_alphabet(s[i]):
                while i < len(s) and _is_alphabet(s[i]) and not _is_upper(s[i]):
                    i += 1
    elif _is_alphabet(r):
        wt = _ALPHA
        while i < len(s) and _is_alphabet(s[i]) and not _is_upper(s[i]):
            i += 1
    elif _is_number(r):
        wt = _NUMBER
        while i < len(s) and _is_number(s[i]):
            i += 1
    else:
        wt = _OTHER
        while i < len(s) and not (_is_connector(s[i]) or _is_alphabet(s[i]) or _is_number(s[i])
                                  or _is_punct(s[i])):
            i += 1
    return wt, s[:i], s[i:]


def _to_lower(buf: list[str], wt: int, word: str, conn: str) -> None:
    if wt not in (_UPPER, _CONNECTOR):
        buf.append(word)
        return
    for c in word:
        if _is_connector(c):
            buf.append(conn)
        elif _is_upper(c):
            buf.append(c.lower() if len(c.lower()) == 1 else c)
        else:
            buf.append(c)


def _camel_to_lower(s: str, conn: str) -> str:
    if not s:
        return ""
    buf: list[str] = []
    wt, word, rest = _next_word(s)
    while rest:
        if wt != _CONNECTOR:
            _to_lower(buf, wt, word, conn)
        prev, last = wt, word
        wt, word, rest = _next_word(rest)
        if prev == _NUMBER:
            while wt in (_ALPHA, _NUMBER):
                _to_lower(buf, wt, word, conn)
                wt, word, rest = _next_word(rest)
            if wt not in (_INVALID, _PUNCT, _CONNECTOR):
                buf.append(conn)
        elif prev == _CONNECTOR:
            _to_lower(buf, prev, last, conn)
        elif prev == _PUNCT:
            pass
        else:
            if wt != _NUMBER:
                if wt not in (_CONNECTOR, _PUNCT):
                    buf.append(conn)
                continue
            if not rest:
                continue
            last = word
            wt, word, rest = _next_word(rest)
            if wt != _ALPHA:
                _to_lower(buf, _NUMBER, last, conn)
                if wt not in (_CONNECTOR, _PUNCT):
                    buf.append(conn)
                continue
            buf.append(conn)
            _to_lower(buf, _NUMBER, last, conn)
            while wt in (_ALPHA, _NUMBER):
                _to_lower(buf, wt, word, conn)
                wt, word, rest = _next_word(rest)
            if wt not in (_INVALID, _CONNECTOR, _PUNCT):
                buf.append(conn)
    _to_lower(buf, wt, word, conn)
    return "".join(buf)


@STRINGS.func("snakecase", ["string"], "string")
def _snakecase(s: str) -> str:
    return _camel_to_lower(s, "_")


@STRINGS.func("kebabcase", ["string"], "string")
def _kebabcase(s: str) -> str:
    return _camel_to_lower(s, "-")


@STRINGS.func("camelcase", ["string"], "string")
def _camelcase(s: str) -> str:
    if not s:
        return ""
    buf: list[str] = []
    i = 0
    r0 = ""
    while i < len(s):
        r0 = s[i]
        i += 1
        if not _is_connector(r0):
            r0 = r0.upper() if len(r0.upper()) == 1 else r0
            break
        buf.append(r0)
    if i >= len(s):
        # Like xstrings, the last rune is written again when all were connectors.
        buf.append(r0)
        return "".join(buf)
    while i < len(s):
        r1 = r0
        r0 = s[i]
        i += 1
        if _is_connector(r0) and _is_connector(r1):
            buf.append(r1)
            continue
        if _is_connector(r1):
            r0 = r0.upper() if len(r0.upper()) == 1 else r0
        else:
            r0 = r0.lower() if len(r0.lower()) == 1 else r0
            buf.append(r1)
    buf.append(r0)
    return "".join(buf)


@STRINGS.func("hello", [], "string")
def _hello() -> str:
    return "Hello!"
