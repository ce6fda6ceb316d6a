"""sprig's list functions (list.go).

The ``mustX`` variants return the error that the plain ones panic with; a
panic inside a template function is reported by text/template as an error
of the call, so both end as ``error calling X: ...``.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from ...golang.reflect import INVALID, GoError, GoList, type_of, typed
from ...golang.strconv import to_bytes
from ..limits import check_alloc, check_elements
from .base import FuncTable, deep_equal, list_items, reflect_kind, strval, to_int64
from .sprig_defaults import empty
from .sprig_strings import strslice

__all__ = ["LISTS"]

LISTS = FuncTable()
_LIST = "[]interface {}"


def _both(name: str, params: list[str], result: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``name`` (panicking) and ``mustName`` (returning the error) for one body."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        LISTS.func(name, params, result)(fn)
        LISTS.func("must" + name[0].upper() + name[1:], params, result, error=True)(fn)
        return fn

    return deco


def _items(v: Any, verb: str) -> list[Any]:
    kind = reflect_kind(v)
    if kind not in ("slice", "array"):
        raise GoError(f"Cannot {verb} on type {kind}")
    return list_items(v)


@LISTS.func("list", ["...interface {}"], _LIST, aliases=("tuple",))
def _list(*v: Any) -> list[Any]:
    return list(v)


@_both("push", ["interface {}", "interface {}"], _LIST)
def _push(lst: Any, v: Any) -> list[Any]:
    return _items(lst, "push") + [v]


LISTS["append"] = LISTS["push"]
LISTS["mustAppend"] = LISTS["mustPush"]


@_both("prepend", ["interface {}", "interface {}"], _LIST)
def _prepend(lst: Any, v: Any) -> list[Any]:
    return [v] + _items(lst, "prepend")


@_both("chunk", ["int", "interface {}"], "[][]interface {}")
def _chunk(size: int, lst: Any) -> Any:
    kind = reflect_kind(lst)
    if kind not in ("slice", "array"):
        raise GoError(f"Cannot chunk type {kind}")
    items = list_items(lst)
    n = len(items)
    if size == 0:
        raise GoError("runtime error: integer divide by zero")
    cs = int(math.floor((n - 1) / size) + 1)
    if cs < 0:
        raise GoError("runtime error: makeslice: len out of range")
    check_alloc(cs, "chunk")
    check_elements(cs, "chunk")
    out = []
    for i in range(cs):
        clen = size
        if i == cs - 1:
            clen = int(math.floor(math.fmod(n, size)))
            if clen == 0:
                clen = size
        if clen < 0:
            raise GoError("runtime error: makeslice: len out of range")
        row = []
        for j in range(clen):
            ix = i * size + j
            if ix >= n:
                raise GoError("reflect: slice index out of range")
            row.append(items[ix])
        out.append(row)
    return typed(out, "[][]interface {}")


def _edge(verb: str, pick: Callable[[list[Any]], Any]) -> Callable[[Any], Any]:
    def fn(lst: Any) -> Any:
        items = _items(lst, f"find {verb}")
        if not items:
            return None
        return pick(items)

    return fn


_both("first", ["interface {}"], "interface {}")(_edge("first", lambda items: items[0]))
_both("last", ["interface {}"], "interface {}")(_edge("last", lambda items: items[-1]))


def _rest_like(verb: str, pick: Callable[[list[Any]], list[Any]]) -> Callable[[Any], Any]:
    def fn(lst: Any) -> Any:
        items = _items(lst, f"find {verb}")
        if not items:
            return typed(None, _LIST)
        return pick(items)

    return fn


_both("rest", ["interface {}"], _LIST)(_rest_like("rest", lambda items: items[1:]))
_both("initial", ["interface {}"], _LIST)(_rest_like("initial", lambda items: items[:-1]))


@LISTS.func("sortAlpha", ["interface {}"], "[]string")
def _sort_alpha(lst: Any) -> Any:
    kind = reflect_kind(lst) if lst is not None and lst is not INVALID else "invalid"
    if kind in ("slice", "array"):
        items = strslice(lst)
        return GoList(sorted(items, key=to_bytes), "[]string")
    return GoList([strval(lst)], "[]string")


@_both("reverse", ["interface {}"], _LIST)
def _reverse(lst: Any) -> list[Any]:
    return list(reversed(_items(lst, "find reverse")))


@_both("compact", ["interface {}"], _LIST)
def _compact(lst: Any) -> list[Any]:
    return [e for e in _items(lst, "compact") if not empty(e)]


def _in_list(haystack: list[Any], needle: Any) -> bool:
    return any(deep_equal(needle, h) for h in haystack)


@_both("uniq", ["interface {}"], _LIST)
def _uniq(lst: Any) -> list[Any]:
    dest: list[Any] = []
    for e in _items(lst, "find uniq"):
        if not _in_list(dest, e):
            dest.append(e)
    return dest


@_both("without", ["interface {}", "...interface {}"], _LIST)
def _without(lst: Any, *omit: Any) -> list[Any]:
    return [e for e in _items(lst, "find without") if not _in_list(list(omit), e)]


@_both("has", ["interface {}", "interface {}"], "bool")
def _has(needle: Any, haystack: Any) -> bool:
    if haystack is None or haystack is INVALID:
        return False
    return _in_list(_items(haystack, "find has"), needle)


@_both("slice", ["interface {}", "...interface {}"], "interface {}")
def _slice(lst: Any, *indices: Any) -> Any:
    kind = reflect_kind(lst)
    if kind not in ("slice", "array"):
        raise GoError(f"list should be type of slice or array but {kind}")
    items = list_items(lst)
    n = len(items)
    if n == 0:
        return None
    start = to_int64(indices[0]) if indices else 0
    end = to_int64(indices[1]) if len(indices) >= 2 else n
    if start < 0 or end < start or end > n:
        raise GoError("reflect.Value.Slice: slice index out of bounds")
    part = lst[start:end]
    return typed(list(part) if not isinstance(part, (bytes, bytearray)) else bytes(part), type_of(lst) or _LIST)


@LISTS.func("concat", ["...interface {}"], "interface {}")
def _concat(*lists: Any) -> Any:
    res: list[Any] | None = None
    for lst in lists:
        kind = reflect_kind(lst)
        if kind not in ("slice", "array"):
            raise GoError(f"Cannot concat type {kind} as list")
        items = list_items(lst)
        if items:
            res = (res or []) + items
    return typed(res, _LIST)
