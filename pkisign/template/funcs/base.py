"""Shared pieces of the function library: registration and Go conversions.

Functions are registered with their Go signature so that the executor can
apply Go's argument rules (``wrong type for value; expected int; got
float64``).  The conversions reproduce the helpers sprig relies on:
``strval`` and spf13/cast's ``ToInt64``/``ToFloat64``.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence

from ...golang.fmt import format_value
from ...golang.reflect import INVALID, GoError, GoFunc, GoNil, GoStruct, find_method, type_of, typed
from ...golang.strconv import NumError, parse_float, parse_int

__all__ = [
    "FuncTable",
    "strval",
    "to_int64",
    "to_float64",
    "go_int64",
    "list_items",
    "reflect_kind",
    "deep_equal",
    "wrap64",
    "NIL_DEREF",
]

NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference"


class FuncTable(dict):
    """A name -> :class:`GoFunc` map filled by the :meth:`func` decorator."""

    def func(self, name: str, params: Sequence[str], result: str, *, error: bool = False,
             aliases: Sequence[str] = ()) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
            for n in (name, *aliases):
                self[n] = GoFunc.of(n, fn, params, result, error=error)
            return fn

        return deco


def wrap64(v: int) -> int:
    """Go int64 arithmetic wraps around."""
    return (v + (1 << 63)) % (1 << 64) - (1 << 63)


def go_int64(v: int) -> Any:
    return typed(wrap64(v), "int64")


def strval(v: Any) -> str:
    """sprig's strval: strings and []byte as is, errors and Stringers by method, else %v."""
    if v is INVALID:
        v = None
    t = type_of(v)
    if t is not None:
        if t.name == "string":
            return str(v)
        if t.name == "[]uint8":
            return bytes(v).decode("utf-8", "surrogateescape")
        for name in ("Error", "String"):
            m = find_method(v, name)
            if m is not None and not m.params:
                return str(m.fn())
    return format_value(v)


def _trim_zero_decimal(s: str) -> str:
    found_zero = False
    for i in range(len(s), 0, -1):
        c = s[i - 1]
        if c == ".":
            if found_zero:
                return s[: i - 1]
        elif c == "0":
            found_zero = True
        else:
            return s
    return s


_INT_NAMES = frozenset({"int", "int64", "int32", "int16", "int8", "uint", "uint64", "uint32",
                        "uint16", "uint8", "time.Weekday", "time.Month"})


def _float_to_int64(f: float) -> int:
    if math.isnan(f) or math.isinf(f) or not -(2.0**63) <= f < 2.0**63:
        return -(1 << 63)  # what amd64's conversion instruction yields
    return int(f)


def to_int64(v: Any) -> int:
    """cast.ToInt64 (its error ignored): exact Go types only, strings parsed with base 0."""
    t = type_of(v)
    if t is None:
        return 0
    if t.name in _INT_NAMES and not isinstance(v, bool):
        return int(v)
    if t.name in ("float64", "float32"):
        return _float_to_int64(float(v))
    if t.name == "string":
        try:
            return parse_int(_trim_zero_decimal(str(v)), 0, 64)
        except NumError:
            return 0
    if t.name == "bool":
        return 1 if v else 0
    return 0


def to_float64(v: Any) -> float:
    """cast.ToFloat64 (its error ignored)."""
    t = type_of(v)
    if t is None:
        return 0.0
    if t.name in _INT_NAMES and not isinstance(v, bool):
        return float(int(v))
    if t.name in ("float64", "float32"):
        return float(v)
    if t.name == "string":
        try:
            return parse_float(str(v))
        except NumError:
            return 0.0
    if t.name == "bool":
        return 1.0 if v else 0.0
    return 0.0


def reflect_kind(v: Any) -> str:
    """reflect.TypeOf(v).Kind(); a nil interface panics as it does in Go."""
    t = type_of(v)
    if t is None:
        raise GoError(NIL_DEREF)
    return t.kind


def list_items(v: Any) -> list[Any]:
    """The elements of a slice or array value (bytes become uint8 values)."""
    if isinstance(v, GoNil):
        return []
    t = type_of(v)
    if isinstance(v, (bytes, bytearray)):
        return [typed(b, t.elem if t is not None and t.elem is not None else "uint8") for b in v]
    return list(v)


def deep_equal(a: Any, b: Any) -> bool:
    """reflect.DeepEqual."""
    if a is INVALID:
        a = None
    if b is INVALID:
        b = None
    ta, tb = type_of(a), type_of(b)
    if ta is None or tb is None:
        return ta is None and tb is None
    if ta.name != tb.name:
        return False
    if isinstance(a, GoNil) or isinstance(b, GoNil):
        return isinstance(a, GoNil) and isinstance(b, GoNil)
    k = ta.kind
    if k in ("slice", "array"):
        if isinstance(a, (bytes, bytearray)):
            return bytes(a) == bytes(b)
        return len(a) == len(b) and all(deep_equal(x, y) for x, y in zip(a, b))
    if k == "map":
        return len(a) == len(b) and all(key in b and deep_equal(a[key], b[key]) for key in a)
    if isinstance(a, GoStruct):
        return a == b
    if k in ("float64", "float32"):
        return float(a) == float(b)
    return a == b
