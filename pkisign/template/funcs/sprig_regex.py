"""sprig's regex functions: Go RE2 syntax run on Python's :mod:`re`.

The pattern is translated: ``\\d \\w \\s \\b`` stay ASCII as in RE2, ``$``
means end of text unless ``(?m)``, ``\\z``, ``\\Q...\\E``, octal and
``\\x{...}`` escapes, POSIX ``[[:alpha:]]`` classes and ``(?<name>...)``
groups are rewritten, and constructs RE2 rejects (look-around,
back-references) are rejected with Go's message.  Go's rules for empty
matches next to a previous match and for ``$1``/``${name}`` expansion are
reimplemented.  Not supported (a clear error instead): Unicode classes
``\\p{...}``, ``(?U)``, and flag groups other than at the very start.
Compile error texts follow Go's for the common mistakes only.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from ..gostrconv import can_backquote, quote
from ..gotypes import GoError, GoList, GoNil
from .base import FuncTable

__all__ = ["REGEX", "compile_go"]

REGEX = FuncTable()

_POSIX = {
    "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x00-\\x7f", "blank": "\\t ",
    "cntrl": "\\x00-\\x1f\\x7f", "digit": "0-9", "graph": "!-~", "lower": "a-z",
    "print": " -~", "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\v\\f\\r ", "upper": "A-Z",
    "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
}


def _parse_error(code: str, arg: str) -> GoError:
    return GoError(f"error parsing regexp: {code}: `{arg}`")


def _translate(expr: str) -> tuple[str, int]:
    flags = re.ASCII
    out: list[str] = []
    i, n = 0, len(expr)
    multiline = False
    m = re.match(r"\(\?([imsU]+)\)", expr)
    if m:
        if "U" in m.group(1):
            raise GoError("regexp: the (?U) flag is not supported")
        multiline = "m" in m.group(1)
        out.append(m.group(0))
        i = m.end()
    in_class = False
    while i < n:
        c = expr[i]
        if c == "\\":
            if i + 1 >= n:
                raise _parse_error("trailing backslash at end of expression", "")
            e = expr[i + 1]
            if e == "Q":
                end = expr.find("\\E", i + 2)
                lit = expr[i + 2:] if end < 0 else expr[i + 2:end]
                out.append(re.escape(lit))
                i = n if end < 0 else end + 2
                continue
            if e in "pP":
                raise GoError("regexp: Unicode classes \\p are not supported")
            if e == "z" and not in_class:
                out.append("\\Z")
            elif e == "x" and expr[i + 2:i + 3] == "{":
                end = expr.find("}", i + 3)
                if end < 0:
                    raise _parse_error("invalid escape sequence", expr[i:])
                out.append("\\U%08x" % int(expr[i + 3:end], 16))
                i = end + 1
                continue
            elif e.isdigit():
                j = i + 1
                while j < n and j < i + 4 and "0" <= expr[j] <= "7":
                    j += 1
                digits = expr[i + 1:j]
                if e in "89" or (e != "0" and len(digits) == 1):
                    raise _parse_error("invalid escape sequence", expr[i:i + 2])
                out.append("\\x%02x" % int(digits, 8))
                i = j
                continue
            elif e.isalpha() and e not in "AbBdDsSwWfnrtvax":
                raise _parse_error("invalid escape sequence", expr[i:i + 2])
            else:
                out.append(expr[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and expr[i + 1:i + 2] == ":":
                end = expr.find(":]", i + 2)
                name = expr[i + 2:end] if end > 0 else ""
                negate = name.startswith("^")
                cls = _POSIX.get(name.lstrip("^"))
                if cls is None:
                    raise _parse_error("invalid character class range", expr[i:end + 2])
                if negate:
                    raise GoError("regexp: negated POSIX classes are not supported")
                out.append(cls)
                i = end + 2
                continue
            if c == "[":
                out.append("\\[")
            elif c == "]":
                in_class = False
                out.append(c)
            else:
                out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            if expr[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if expr[i + 1:i + 2] == "]":
                out.append("\\]")
                i += 1
            i += 1
            continue
        if c == "$":
            out.append("(?m:$)" if multiline else "\\Z")
        elif c == "(" and expr[i + 1:i + 2] == "?":
            rest = expr[i + 2:]
            if rest.startswith("P<") or rest.startswith(":"):
                out.append("(?")
                i += 2
                continue
            if rest.startswith("<") and not rest.startswith(("<=", "<!")):
                out.append("(?P<")
                i += 3
                continue
            if rest.startswith(("=", "!", "<=", "<!")):
                raise _parse_error("invalid or unsupported Perl syntax", expr[i:i + 3 + rest.startswith("<")])
            fm = re.match(r"([imsU-]*)(:?)\)?", rest)
            if fm and fm.group(2) == ":" and "U" not in fm.group(1):
                out.append("(?" + fm.group(1) + ":")
                i += 2 + len(fm.group(1)) + 1
                continue
            raise GoError("regexp: flags are only supported at the start of the pattern")
        else:
            out.append(c)
        i += 1
    return "".join(out), flags


_cache: dict[str, re.Pattern[str]] = {}


def compile_go(expr: str) -> re.Pattern[str]:
    """Compile a Go regular expression (GoError with Go's wording on failure)."""
    pat = _cache.get(expr)
    if pat is not None:
        return pat
    for m in re.finditer(r"\{(\d+)(?:,(\d*))?\}", expr):
        if int(m.group(1)) > 1000 or (m.group(2) and int(m.group(2)) > 1000):
            raise _parse_error("invalid repeat count", m.group(0))
    text, flags = _translate(expr)
    try:
        pat = re.compile(text, flags)
    except re.error as e:
        raise _python_error(e, expr) from None
    if _nested_repeat(text, flags):
        raise GoError(f"regular expression {expr!r} repeats a group that itself repeats: Go's RE2 runs it in "
                      "linear time, pkisign's backtracking engine cannot, so it is refused")
    if len(_cache) > 256:
        _cache.clear()
    _cache[expr] = pat
    return pat


def _nested_repeat(text: str, flags: int) -> bool:
    """A repeat (+, *, {n,m>1}) inside an unbounded repeat: catastrophic backtracking's shape."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse  # type: ignore[no-redef]
    repeats = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None))

    def walk(items, inside: bool) -> bool:  # type: ignore[no-untyped-def]
        for op, av in items:
            if op in repeats and av[1] > 1 and inside:
                return True  # a repeat inside an unbounded repeat
            if op in repeats:
                # Bounded outer repeats ({3}) stay polynomial; unbounded ones (+, *) do not.
                if walk(av[2], inside or av[1] == sre_parse.MAXREPEAT):
                    return True
            elif op is sre_parse.SUBPATTERN:
                if walk(av[-1], inside):
                    return True
            elif op is sre_parse.BRANCH:
                if any(walk(branch, inside) for branch in av[1]):
                    return True
            elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
                if walk(av[1], inside):
                    return True
        return False

    return walk(sre_parse.parse(text, flags), False)


def _python_error(e: re.error, expr: str) -> GoError:
    msg = str(e.msg)
    if "missing )" in msg:
        return _parse_error("missing closing )", expr)
    if "unbalanced parenthesis" in msg:
        return _parse_error("unexpected )", expr)
    if "unterminated character set" in msg:
        start = expr.rfind("[")
        return _parse_error("missing closing ]", expr[start:] if start >= 0 else expr)
    if "nothing to repeat" in msg or "multiple repeat" in msg:
        pos = e.pos if e.pos is not None else 0
        return _parse_error("missing argument to repetition operator", expr[pos:pos + 1])
    if "bad character range" in msg:
        return _parse_error("invalid character class range", msg.split()[-1])
    return GoError(f"error parsing regexp: {msg}: `{expr}`")


def _must(expr: str) -> re.Pattern[str]:
    try:
        return compile_go(expr)
    except GoError as e:
        shown = f"`{expr}`" if can_backquote(expr) else quote(expr)
        raise GoError(f"regexp: Compile({shown}): {e}") from None


def _matches(pat: re.Pattern[str], s: str, n: int) -> Iterator[re.Match[str]]:
    """Go's allMatches: an empty match right after the previous match is skipped."""
    prev_end = -1
    count = 0
    for m in pat.finditer(s):
        if n >= 0 and count >= n:
            return
        if m.start() == m.end() and m.start() == prev_end:
            continue
        prev_end = m.end()
        count += 1
        yield m


def _expand(template: str, m: re.Match[str]) -> str:
    """Regexp.Expand: $1, ${1}, $name, ${name} and $$."""
    out = []
    i = 0
    while i < len(template):
        c = template[i]
        if c != "$" or i + 1 >= len(template):
            out.append(c)
            i += 1
            continue
        nxt = template[i + 1]
        if nxt == "$":
            out.append("$")
            i += 2
            continue
        if nxt == "{":
            end = template.find("}", i + 2)
            name = template[i + 2:end] if end > 0 else ""
            if end < 0 or not name or not re.fullmatch(r"\w+", name, re.ASCII):
                out.append(c)
                i += 1
                continue
            i = end + 1
        else:
            nm = re.match(r"\w+", template[i + 1:], re.ASCII)
            if nm is None:
                out.append(c)
                i += 1
                continue
            name = nm.group(0)
            i += 1 + len(name)
        out.append(_group(m, name))
    return "".join(out)


def _group(m: re.Match[str], name: str) -> str:
    try:
        idx: int | str = int(name) if name.isdigit() else name
        return m.group(idx) or ""
    except IndexError:
        return ""


def _replace(pat: re.Pattern[str], s: str, repl: Callable[[re.Match[str]], str]) -> str:
    out = []
    last = 0
    for m in _matches(pat, s, -1):
        out.append(s[last:m.start()])
        out.append(repl(m))
        last = m.end()
    out.append(s[last:])
    return "".join(out)


def _split(pat: re.Pattern[str], s: str, n: int) -> list[str]:
    if n == 0:
        return []
    if pat.pattern and s == "":
        return [""]
    parts: list[str] = []
    beg = end = 0
    for m in _matches(pat, s, n):
        if n > 0 and len(parts) == n - 1:
            break
        end = m.start()
        if m.end() != 0:
            parts.append(s[beg:end])
        beg = m.end()
    if end != len(s):
        parts.append(s[beg:])
    return parts


@REGEX.func("regexMatch", ["string", "string"], "bool")
def _regex_match(regex: str, s: str) -> bool:
    try:
        return compile_go(regex).search(s) is not None
    except GoError:
        return False


@REGEX.func("mustRegexMatch", ["string", "string"], "bool", error=True)
def _must_regex_match(regex: str, s: str) -> bool:
    return compile_go(regex).search(s) is not None


def _find_all(pat: re.Pattern[str], s: str, n: int) -> Any:
    found = [m.group(0) for m in _matches(pat, s, n)]
    return GoList(found, "[]string") if found else GoNil("[]string")


@REGEX.func("regexFindAll", ["string", "string", "int"], "[]string")
def _regex_find_all(regex: str, s: str, n: int) -> Any:
    return _find_all(_must(regex), s, n)


@REGEX.func("mustRegexFindAll", ["string", "string", "int"], "[]string", error=True)
def _must_regex_find_all(regex: str, s: str, n: int) -> Any:
    return _find_all(compile_go(regex), s, n)


@REGEX.func("regexFind", ["string", "string"], "string")
def _regex_find(regex: str, s: str) -> str:
    m = _must(regex).search(s)
    return m.group(0) if m else ""


@REGEX.func("mustRegexFind", ["string", "string"], "string", error=True)
def _must_regex_find(regex: str, s: str) -> str:
    m = compile_go(regex).search(s)
    return m.group(0) if m else ""


@REGEX.func("regexReplaceAll", ["string", "string", "string"], "string")
def _regex_replace_all(regex: str, s: str, repl: str) -> str:
    return _replace(_must(regex), s, lambda m: _expand(repl, m))


@REGEX.func("mustRegexReplaceAll", ["string", "string", "string"], "string", error=True)
def _must_regex_replace_all(regex: str, s: str, repl: str) -> str:
    return _replace(compile_go(regex), s, lambda m: _expand(repl, m))


@REGEX.func("regexReplaceAllLiteral", ["string", "string", "string"], "string")
def _regex_replace_all_literal(regex: str, s: str, repl: str) -> str:
    return _replace(_must(regex), s, lambda m: repl)


@REGEX.func("mustRegexReplaceAllLiteral", ["string", "string", "string"], "string", error=True)
def _must_regex_replace_all_literal(regex: str, s: str, repl: str) -> str:
    return _replace(compile_go(regex), s, lambda m: repl)


@REGEX.func("regexSplit", ["string", "string", "int"], "[]string")
def _regex_split(regex: str, s: str, n: int) -> Any:
    return _split_result(_split(_must(regex), s, n), n)


@REGEX.func("mustRegexSplit", ["string", "string", "int"], "[]string", error=True)
def _must_regex_split(regex: str, s: str, n: int) -> Any:
    return _split_result(_split(compile_go(regex), s, n), n)


def _split_result(parts: list[str], n: int) -> Any:
    return GoNil("[]string") if n == 0 else GoList(parts, "[]string")


@REGEX.func("regexQuoteMeta", ["string"], "string")
def _regex_quote_meta(s: str) -> str:
    return "".join("\\" + c if c in "\\.+*?()|[]{}^$" else c for c in s)
