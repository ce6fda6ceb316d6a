"""sprig's defaults, flow and JSON functions (defaults.go)."""

from __future__ import annotations

from typing import Any

from ...golang.json import JSONError, from_json, marshal
from ...golang.reflect import is_empty_value
from ..limits import check_alloc
from .base import FuncTable

__all__ = ["DEFAULTS", "empty"]

DEFAULTS = FuncTable()


# sprig's empty: the zero value of its type (structs are never empty), the same
# test as encoding/json's omitempty.
empty = is_empty_value


@DEFAULTS.func("default", ["interface {}", "...interface {}"], "interface {}")
def _default(d: Any, *given: Any) -> Any:
    if not given or empty(given[0]):
        return d
    return given[0]


@DEFAULTS.func("empty", ["interface {}"], "bool")
def _empty(v: Any) -> bool:
    return empty(v)


@DEFAULTS.func("coalesce", ["...interface {}"], "interface {}")
def _coalesce(*v: Any) -> Any:
    for val in v:
        if not empty(val):
            return val
    return None


@DEFAULTS.func("all", ["...interface {}"], "bool")
def _all(*v: Any) -> bool:
    return all(not empty(val) for val in v)


@DEFAULTS.func("any", ["...interface {}"], "bool")
def _any(*v: Any) -> bool:
    return any(not empty(val) for val in v)


@DEFAULTS.func("ternary", ["interface {}", "interface {}", "bool"], "interface {}")
def _ternary(vt: Any, vf: Any, v: bool) -> Any:
    return vt if v else vf


def _checked(text: str) -> str:
    check_alloc(len(text), "JSON output")
    return text


@DEFAULTS.func("toJson", ["interface {}"], "string")
def _to_json(v: Any) -> str:
    try:
        return _checked(marshal(v))
    except JSONError:
        return ""


@DEFAULTS.func("mustToJson", ["interface {}"], "string", error=True)
def _must_to_json(v: Any) -> str:
    return _checked(marshal(v))


@DEFAULTS.func("toPrettyJson", ["interface {}"], "string")
def _to_pretty_json(v: Any) -> str:
    try:
        return _checked(marshal(v, indent="  "))
    except JSONError:
        return ""


@DEFAULTS.func("mustToPrettyJson", ["interface {}"], "string", error=True)
def _must_to_pretty_json(v: Any) -> str:
    return _checked(marshal(v, indent="  "))


@DEFAULTS.func("toRawJson", ["interface {}"], "string")
def _to_raw_json(v: Any) -> str:
    # toRawJson panics on error and mustToRawJson returns it: the same message either way.
    return _checked(marshal(v, escape_html=False))


DEFAULTS.func("mustToRawJson", ["interface {}"], "string", error=True)(_to_raw_json)


@DEFAULTS.func("fromJson", ["string"], "interface {}")
def _from_json(v: str) -> Any:
    return from_json(v)[0]


@DEFAULTS.func("mustFromJson", ["string"], "interface {}", error=True)
def _must_from_json(v: str) -> Any:
    value, err = from_json(v)
    if err is not None:
        raise err
    return value


def deep_copy(v: Any) -> Any:
    """copystructure.Copy for the value model: containers are copied, typing kept."""
    if isinstance(v, dict):
        cls: Any = type(v)  # a GoDict subclass takes its Go type
        out = cls() if cls is dict else cls({}, v.go_type)  # type: ignore[attr-defined]
        for k, e in v.items():
            out[k] = deep_copy(e)
        return out
    if isinstance(v, list):
        items = [deep_copy(e) for e in v]
        list_cls: Any = type(v)
        return items if list_cls is list else list_cls(items, v.go_type)  # type: ignore[attr-defined]
    return v


@DEFAULTS.func("deepCopy", ["interface {}"], "interface {}")
def _deep_copy(v: Any) -> Any:
    return deep_copy(v)


@DEFAULTS.func("mustDeepCopy", ["interface {}"], "interface {}", error=True)
def _must_deep_copy(v: Any) -> Any:
    return deep_copy(v)
