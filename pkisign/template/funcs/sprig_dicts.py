"""sprig's dict functions (dict.go).

Go maps have no order: ``keys`` and ``values`` come out here in sorted key
order (one of Go's possible orders).  ``merge``/``mergeOverwrite`` follow
mergo's rules for ``map[string]interface{}`` values.
"""

from __future__ import annotations

from typing import Any

from ...golang.fmt import sort_map_keys
from ...golang.reflect import GoError, GoList, GoNil, type_of
from .base import FuncTable, strval
from .sprig_defaults import empty

__all__ = ["DICTS"]

DICTS = FuncTable()
_MAP = "map[string]interface {}"


@DICTS.func("get", [_MAP, "string"], "interface {}")
def _get(d: Any, key: str) -> Any:
    return d[key] if key in d else ""


@DICTS.func("set", [_MAP, "string", "interface {}"], _MAP)
def _set(d: Any, key: str, value: Any) -> Any:
    if not isinstance(d, dict):
        raise GoError("assignment to entry in nil map")
    d[key] = value
    return d


@DICTS.func("unset", [_MAP, "string"], _MAP)
def _unset(d: Any, key: str) -> Any:
    if isinstance(d, dict):
        d.pop(key, None)
    return d


@DICTS.func("hasKey", [_MAP, "string"], "bool")
def _has_key(d: Any, key: str) -> bool:
    return isinstance(d, dict) and key in d


@DICTS.func("pluck", ["string", "..." + _MAP], "[]interface {}")
def _pluck(key: str, *dicts: Any) -> list[Any]:
    return [d[key] for d in dicts if isinstance(d, dict) and key in d]


@DICTS.func("keys", ["..." + _MAP], "[]string")
def _keys(*dicts: Any) -> Any:
    out: list[str] = []
    for d in dicts:
        if isinstance(d, dict):
            out.extend(sort_map_keys(list(d.keys())))
    return GoList(out, "[]string")


@DICTS.func("pick", [_MAP, "...string"], _MAP)
def _pick(d: Any, *keys: str) -> dict[str, Any]:
    return {k: d[k] for k in keys if isinstance(d, dict) and k in d}


@DICTS.func("omit", [_MAP, "...string"], _MAP)
def _omit(d: Any, *keys: str) -> dict[str, Any]:
    drop = set(keys)
    return {k: v for k, v in d.items() if k not in drop} if isinstance(d, dict) else {}


@DICTS.func("dict", ["...interface {}"], _MAP)
def _dict(*v: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i in range(0, len(v), 2):
        key = strval(v[i])
        out[key] = v[i + 1] if i + 1 < len(v) else ""
    return out


def _is_map(v: Any) -> bool:
    t = type_of(v)
    return t is not None and t.kind == "map"


def _merge_into(dst: dict[str, Any], src: Any, overwrite: bool) -> None:
    """mergo.Merge of one map[string]interface{} into another."""
    if not isinstance(src, dict):
        return
    for key in sort_map_keys(list(src.keys())):
        sv = src[key]
        if sv is None:
            if overwrite:
                dst[key] = None
            continue
        present = key in dst
        dv = dst.get(key)
        if _is_map(sv) and present and isinstance(dv, dict):
            _merge_into(dv, sv, overwrite)
        if present and not empty(dv):
            t = type_of(sv)
            if t is not None and t.kind == "slice" and not overwrite:
                continue
            if _is_map(sv) and _is_map(dv):
                continue
        if overwrite or not present or empty(dv):
            dst[key] = sv


def _merge(dst: Any, srcs: tuple[Any, ...], overwrite: bool) -> Any:
    if dst is None:
        dst = {}
    for src in srcs:
        _merge_into(dst, src, overwrite)
    return dst


@DICTS.func("merge", [_MAP, "..." + _MAP], "interface {}")
def _merge_fn(dst: Any, *srcs: Any) -> Any:
    return _merge(dst, srcs, False)


@DICTS.func("mustMerge", [_MAP, "..." + _MAP], "interface {}", error=True)
def _must_merge(dst: Any, *srcs: Any) -> Any:
    return _merge(dst, srcs, False)


@DICTS.func("mergeOverwrite", [_MAP, "..." + _MAP], "interface {}")
def _merge_overwrite(dst: Any, *srcs: Any) -> Any:
    return _merge(dst, srcs, True)


@DICTS.func("mustMergeOverwrite", [_MAP, "..." + _MAP], "interface {}", error=True)
def _must_merge_overwrite(dst: Any, *srcs: Any) -> Any:
    return _merge(dst, srcs, True)


@DICTS.func("values", [_MAP], "[]interface {}")
def _values(d: Any) -> list[Any]:
    if not isinstance(d, dict):
        return []
    return [d[k] for k in sort_map_keys(list(d.keys()))]


def _assert_map(v: Any) -> dict[str, Any]:
    t = type_of(v)
    if isinstance(v, GoNil) and t is not None and t.name == _MAP:
        return {}  # a nil map reads as an empty one
    if not isinstance(v, dict) or t is None or t.name != _MAP:
        got = "nil" if t is None else t.name
        raise GoError(f"interface conversion: interface {{}} is {got}, not map[string]interface {{}}")
    return v


@DICTS.func("dig", ["...interface {}"], "interface {}", error=True)
def _dig(*ps: Any) -> Any:
    if len(ps) < 3:
        raise GoError("dig needs at least three arguments")
    d = _assert_map(ps[-1])
    default = ps[-2]
    keys = []
    for k in ps[:-2]:
        t = type_of(k)
        if t is None or t.name != "string":
            got = "nil" if t is None else t.name
            raise GoError(f"interface conversion: interface {{}} is {got}, not string")
        keys.append(str(k))
    for i, k in enumerate(keys):
        if k not in d:
            return default
        step = d[k]
        if i == len(keys) - 1:
            return step
        d = _assert_map(step)
    return default

