"""sprig's regex functions (regex.go) on :mod:`pkisign.golang.regexp`.

The ``must*`` forms return Go's compile error; the others swallow it
(``regexMatch``: false) or panic with ``regexp.MustCompile``'s message.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional

from ...golang import regexp as goregexp
from ...golang.reflect import GoError, GoList, GoNil
from ...golang.strconv import can_backquote, quote
from ..limits import charge_match_steps
from .base import FuncTable

__all__ = ["REGEX"]

REGEX = FuncTable()


@contextmanager
def _charged(r: goregexp.Regexp) -> Iterator[goregexp.Regexp]:
    """Charge the VM steps of the calls made inside to the template's budget."""
    before = r.steps
    try:
        yield r
    finally:
        charge_match_steps(r.steps - before)


def _compile(expr: str) -> Any:
    """regexp.Compile: the error is returned (a GoError with Go's text)."""
    try:
        return _charged(goregexp.compile(expr))
    except goregexp.Error as e:
        raise GoError(str(e)) from None


def _must(expr: str) -> Any:
    """regexp.MustCompile: the panic's text."""
    try:
        return _charged(goregexp.compile(expr))
    except goregexp.Error as e:
        shown = f"`{expr}`" if can_backquote(expr) else quote(expr)
        raise GoError(f"regexp: Compile({shown}): {e}") from None


def _strings(found: Optional[list[str]]) -> Any:
    return GoList(found, "[]string") if found is not None else GoNil("[]string")


@REGEX.func("regexMatch", ["string", "string"], "bool")
def _regex_match(regex: str, s: str) -> bool:
    try:
        r = goregexp.compile(regex)
    except goregexp.Error:
        return False
    with _charged(r):
        return r.match_string(s)


@REGEX.func("mustRegexMatch", ["string", "string"], "bool", error=True)
def _must_regex_match(regex: str, s: str) -> bool:
    with _compile(regex) as r:
        return r.match_string(s)


@REGEX.func("regexFindAll", ["string", "string", "int"], "[]string")
def _regex_find_all(regex: str, s: str, n: int) -> Any:
    with _must(regex) as r:
        return _strings(r.find_all_string(s, n))


@REGEX.func("mustRegexFindAll", ["string", "string", "int"], "[]string", error=True)
def _must_regex_find_all(regex: str, s: str, n: int) -> Any:
    with _compile(regex) as r:
        return _strings(r.find_all_string(s, n))


@REGEX.func("regexFind", ["string", "string"], "string")
def _regex_find(regex: str, s: str) -> str:
    with _must(regex) as r:
        return r.find_string(s)


@REGEX.func("mustRegexFind", ["string", "string"], "string", error=True)
def _must_regex_find(regex: str, s: str) -> str:
    with _compile(regex) as r:
        return r.find_string(s)


@REGEX.func("regexReplaceAll", ["string", "string", "string"], "string")
def _regex_replace_all(regex: str, s: str, repl: str) -> str:
    with _must(regex) as r:
        return r.replace_all_string(s, repl)


@REGEX.func("mustRegexReplaceAll", ["string", "string", "string"], "string", error=True)
def _must_regex_replace_all(regex: str, s: str, repl: str) -> str:
    with _compile(regex) as r:
        return r.replace_all_string(s, repl)


@REGEX.func("regexReplaceAllLiteral", ["string", "string", "string"], "string")
def _regex_replace_all_literal(regex: str, s: str, repl: str) -> str:
    with _must(regex) as r:
        return r.replace_all_literal_string(s, repl)


@REGEX.func("mustRegexReplaceAllLiteral", ["string", "string", "string"], "string", error=True)
def _must_regex_replace_all_literal(regex: str, s: str, repl: str) -> str:
    with _compile(regex) as r:
        return r.replace_all_literal_string(s, repl)


@REGEX.func("regexSplit", ["string", "string", "int"], "[]string")
def _regex_split(regex: str, s: str, n: int) -> Any:
    with _must(regex) as r:
        return _strings(r.split(s, n))


@REGEX.func("mustRegexSplit", ["string", "string", "int"], "[]string", error=True)
def _must_regex_split(regex: str, s: str, n: int) -> Any:
    with _compile(regex) as r:
        return _strings(r.split(s, n))


@REGEX.func("regexQuoteMeta", ["string"], "string")
def _regex_quote_meta(s: str) -> str:
    return goregexp.quote_meta(s)
