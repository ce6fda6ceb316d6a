"""text/template's predefined functions (funcs.go).

``and`` and ``or`` are evaluated lazily by the executor; their entries here
only carry the signature.  Builtins take ``reflect.Value`` parameters, so they
receive the executor's raw values (possibly :class:`~..exec.Iface` or
``INVALID``).
"""

from __future__ import annotations

from typing import Any

from ...golang.fmt import format_value, sprint, sprintf, sprintln
from ...golang.reflect import (
    FLOAT_KINDS,
    INT_KINDS,
    INVALID,
    NILABLE_KINDS,
    UINT_KINDS,
    GoError,
    GoFunc,
    GoNil,
    GoStruct,
    type_of,
    typed,
    zero_value,
)
from ...golang.strconv import is_print, to_bytes
from ..exec import Iface, indirect_interface, is_true
from .base import FuncTable

__all__ = ["BUILTINS"]

BUILTINS = FuncTable()
_RV = "reflect.Value"


def _unreachable(*args: Any) -> Any:  # pragma: no cover - and/or are special-cased
    raise AssertionError("and/or are evaluated by the executor")


BUILTINS["and"] = GoFunc.of("and", _unreachable, [_RV, "...reflect.Value"], _RV)
BUILTINS["or"] = GoFunc.of("or", _unreachable, [_RV, "...reflect.Value"], _RV)


def _indirect(v: Any) -> tuple[Any, bool]:
    """text/template's indirect: through interfaces and pointers, reporting nil."""
    if isinstance(v, Iface):
        if v.v is None:
            return v, True
        v = v.v
    if isinstance(v, GoNil) and v.go_type.kind == "ptr":
        return v, True
    return v, False


@BUILTINS.func("not", [_RV], "bool")
def _not(arg: Any) -> bool:
    return not is_true(indirect_interface(arg))


def _type_name(v: Any) -> str:
    if isinstance(v, Iface):
        return "interface {}"
    t = type_of(v)
    return t.name if t is not None else "<nil>"


@BUILTINS.func("len", [_RV], "int", error=True)
def _len(item: Any) -> int:
    item, is_nil = _indirect(item)
    if is_nil:
        raise GoError("len of nil pointer")
    if item is INVALID or item is None:
        raise GoError("reflect: call of reflect.Value.Type on zero Value")
    t = type_of(item)
    assert t is not None
    if t.kind in ("array", "chan", "map", "slice"):
        return len(item)
    if t.kind == "string":
        s = str(item)
        return len(s) if s.isascii() else len(to_bytes(s))
    raise GoError(f"len of type {t.name}")


def _index_arg(index: Any, cap: int) -> int:
    if index is INVALID:
        raise GoError("cannot index slice/array with nil")
    t = type_of(index)
    assert t is not None
    if (t.kind in INT_KINDS or t.kind in UINT_KINDS) and not isinstance(index, bool):
        x = int(index)
    else:
        raise GoError(f"cannot index slice/array with type {t.name}")
    if x < 0 or x > cap:
        raise GoError(f"index out of range: {x}")
    return x


def _prepare_arg(value: Any, arg_type: Any) -> Any:
    """prepareArg: convert a reflect.Value argument to a parameter type."""
    if value is INVALID:
        if arg_type.kind not in NILABLE_KINDS:
            raise GoError(f"value is nil; should be of type {arg_type.name}")
        return zero_value(arg_type)
    t = type_of(value)
    assert t is not None
    if t.assignable_to(arg_type):
        return value
    int_like = INT_KINDS | UINT_KINDS
    if t.kind in int_like and arg_type.kind in int_like:
        return typed(int(value), arg_type)
    raise GoError(f"value has type {t.name}; should be {arg_type.name}")


def _elem(container_type: Any, v: Any) -> Any:
    elem = container_type.elem
    if elem is None or elem.kind == "interface":
        return Iface(v)
    return v


@BUILTINS.func("index", [_RV, "...reflect.Value"], _RV, error=True)
def _index(item: Any, *indexes: Any) -> Any:
    item = indirect_interface(item)
    if item is INVALID:
        raise GoError("index of untyped nil")
    for index in indexes:
        index = indirect_interface(index)
        item, is_nil = _indirect(item)
        if is_nil:
            raise GoError("index of nil pointer")
        t = type_of(item)
        assert t is not None
        if t.kind in ("array", "slice", "string"):
            if t.kind == "string":
                data = to_bytes(str(item))
                x = _index_arg(index, len(data))
                if x >= len(data):
                    raise GoError("reflect: string index out of range")
                item = typed(data[x], "uint8")
            elif isinstance(item, (bytes, bytearray)):
                x = _index_arg(index, len(item))
                if x >= len(item):
                    raise GoError("reflect: slice index out of range")
                item = typed(item[x], t.elem or "uint8")
            else:
                x = _index_arg(index, len(item))
                if x >= len(item):
                    raise GoError(f"reflect: {t.kind} index out of range")
                item = _elem(t, item[x])
        elif t.kind == "map":
            key = _prepare_arg(index, t.key if t.key is not None else type_of(""))
            if not isinstance(item, GoNil) and key in item:
                item = _elem(t, item[key])
            else:
                item = _elem(t, zero_value(t.elem)) if t.elem is not None else Iface(None)
        else:
            raise GoError(f"can't index item of type {t.name}")
    return item


@BUILTINS.func("slice", [_RV, "...reflect.Value"], _RV, error=True)
def _slice(item: Any, *indexes: Any) -> Any:
    item = indirect_interface(item)
    if item is INVALID:
        raise GoError("slice of untyped nil")
    if len(indexes) > 3:
        raise GoError(f"too many slice indexes: {len(indexes)}")
    t = type_of(item)
    assert t is not None
    if t.kind == "string":
        if len(indexes) == 3:
            raise GoError("cannot 3-index slice a string")
        data: Any = to_bytes(str(item))
    elif t.kind in ("array", "slice"):
        data = item
    else:
        raise GoError(f"can't slice item of type {t.name}")
    idx = [0, len(data), len(data)]
    for i, index in enumerate(indexes):
        idx[i] = _index_arg(indirect_interface(index), len(data))
    if idx[0] > idx[1]:
        raise GoError(f"invalid slice index: {idx[0]} > {idx[1]}")
    if len(indexes) == 3 and idx[1] > idx[2]:
        raise GoError(f"invalid slice index: {idx[1]} > {idx[2]}")
    part = data[idx[0]:idx[1]]
    if t.kind == "string":
        return typed(part.decode("utf-8", "surrogateescape"), t)
    if isinstance(item, GoNil):
        return item
    return typed(part, t) if not isinstance(part, (bytes, bytearray)) else typed(bytes(part), t)


# -- comparison ------------------------------------------------------------------
_BAD_TYPE = "invalid type for comparison"
_BAD_CMP = "incompatible types for comparison"


def _basic_kind(v: Any) -> str:
    if v is INVALID:
        return "invalid"
    t = type_of(v)
    assert t is not None
    k = t.kind
    if k == "bool":
        return "bool"
    if k in INT_KINDS:
        return "int"
    if k in UINT_KINDS:
        return "uint"
    if k in FLOAT_KINDS:
        return "float"
    if k == "string":
        return "string"
    return "invalid"


def _str_key(s: str) -> Any:
    return s if s.isascii() else to_bytes(s)


def _is_nil(v: Any) -> bool:
    return v is INVALID or v is None or isinstance(v, GoNil)


def _comparable(v: Any) -> bool:
    t = type_of(v)
    return t is None or t.kind not in ("slice", "map", "func")


@BUILTINS.func("eq", [_RV, "...reflect.Value"], "bool", error=True)
def _eq(arg1: Any, *arg2: Any) -> bool:
    arg1 = indirect_interface(arg1)
    if not arg2:
        raise GoError("missing argument for comparison")
    k1 = _basic_kind(arg1)
    for arg in arg2:
        arg = indirect_interface(arg)
        k2 = _basic_kind(arg)
        truth = False
        if k1 != k2:
            if k1 == "int" and k2 == "uint":
                truth = arg1 >= 0 and int(arg1) == int(arg)
            elif k1 == "uint" and k2 == "int":
                truth = arg >= 0 and int(arg1) == int(arg)
            elif arg1 is not INVALID and arg is not INVALID:
                raise GoError(_BAD_CMP)
        elif k1 == "bool":
            truth = bool(arg1) == bool(arg)
        elif k1 == "float":
            truth = float(arg1) == float(arg)
        elif k1 in ("int", "uint"):
            truth = int(arg1) == int(arg)
        elif k1 == "string":
            truth = str(arg1) == str(arg)
        else:
            t1, t2 = type_of(arg1), type_of(arg)
            if t1 is not None and t2 is not None and t1.kind != t2.kind:
                raise GoError(f"non-comparable types {sprintf('%s', [arg1])}: {t1.name}, "
                              f"{t2.name}: {format_value(arg)}")
            if _is_nil(arg1) or _is_nil(arg):
                truth = _is_nil(arg) == _is_nil(arg1)
            else:
                if not _comparable(arg):
                    raise GoError(f"non-comparable type {sprintf('%s', [arg])}: {t2.name if t2 else ''}")
                truth = t1 is not None and t2 is not None and t1.name == t2.name and arg1 == arg
        if truth:
            return True
    return False


@BUILTINS.func("ne", [_RV, _RV], "bool", error=True)
def _ne(arg1: Any, arg2: Any) -> bool:
    return not _eq(arg1, arg2)


@BUILTINS.func("lt", [_RV, _RV], "bool", error=True)
def _lt(arg1: Any, arg2: Any) -> bool:
    arg1 = indirect_interface(arg1)
    k1 = _basic_kind(arg1)
    if k1 == "invalid":
        raise GoError(_BAD_TYPE)
    arg2 = indirect_interface(arg2)
    k2 = _basic_kind(arg2)
    if k2 == "invalid":
        raise GoError(_BAD_TYPE)
    if k1 != k2:
        if k1 == "int" and k2 == "uint":
            return arg1 < 0 or int(arg1) < int(arg2)
        if k1 == "uint" and k2 == "int":
            return arg2 >= 0 and int(arg1) < int(arg2)
        raise GoError(_BAD_CMP)
    if k1 == "bool":
        raise GoError(_BAD_TYPE)
    if k1 == "float":
        return float(arg1) < float(arg2)
    if k1 == "string":
        return _str_key(str(arg1)) < _str_key(str(arg2))
    return int(arg1) < int(arg2)


@BUILTINS.func("le", [_RV, _RV], "bool", error=True)
def _le(arg1: Any, arg2: Any) -> bool:
    return _lt(arg1, arg2) or _eq(arg1, arg2)


@BUILTINS.func("gt", [_RV, _RV], "bool", error=True)
def _gt(arg1: Any, arg2: Any) -> bool:
    return not _le(arg1, arg2)


@BUILTINS.func("ge", [_RV, _RV], "bool", error=True)
def _ge(arg1: Any, arg2: Any) -> bool:
    return not _lt(arg1, arg2)


# -- printing and escaping -------------------------------------------------------
@BUILTINS.func("print", ["...interface {}"], "string")
def _print(*args: Any) -> str:
    return sprint(args)


@BUILTINS.func("printf", ["string", "...interface {}"], "string")
def _printf(fmt: str, *args: Any) -> str:
    return sprintf(fmt, args)


@BUILTINS.func("println", ["...interface {}"], "string")
def _println(*args: Any) -> str:
    return sprintln(args)


def _eval_args(args: tuple[Any, ...]) -> str:
    """evalArgs: one string as is, else Sprint of the printable values."""
    if len(args) == 1 and getattr(type_of(args[0]), "name", None) == "string":
        return str(args[0])
    printable: list[Any] = []
    for a in args:
        if a is None or a is INVALID:
            printable.append("<no value>")
        elif isinstance(a, GoStruct) and a.go_type.kind == "ptr":
            printable.append(_Deref(a))
        else:
            printable.append(a)
    return "".join(_sprint_parts(printable))


class _Deref:
    """A struct pointer that fmt should print as the struct (printableValue)."""

    def __init__(self, v: GoStruct) -> None:
        self.v = v


def _sprint_parts(args: list[Any]) -> list[str]:
    out: list[str] = []
    prev_string = False
    for i, a in enumerate(args):
        if isinstance(a, _Deref):
            text, is_string = format_value(a.v, deref=True), False
        else:
            t = type_of(a)
            text, is_string = format_value(a), t is not None and t.kind == "string"
        if i > 0 and not is_string and not prev_string:
            out.append(" ")
        out.append(text)
        prev_string = is_string
    return out


_HTML = {"\0": "\ufffd", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}


@BUILTINS.func("html", ["...interface {}"], "string")
def _html(*args: Any) -> str:
    return "".join(_HTML.get(c, c) for c in _eval_args(args))


_JS = {"\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D"}


@BUILTINS.func("js", ["...interface {}"], "string")
def _js(*args: Any) -> str:
    out = []
    for c in _eval_args(args):
        o = ord(c)
        if c in _JS:
            out.append(_JS[c])
        elif o < 0x20:
            out.append("\\u00%02X" % o)
        elif o >= 0x80 and not (0xDC80 <= o <= 0xDCFF) and not is_print(c):
            out.append("\\u%04X" % o)
        else:
            out.append(c)
    return "".join(out)


_URL_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def query_escape(s: str) -> str:
    """net/url.QueryEscape."""
    out = []
    for b in to_bytes(s):
        c = chr(b)
        if c in _URL_SAFE:
            out.append(c)
        elif c == " ":
            out.append("+")
        else:
            out.append("%%%02X" % b)
    return "".join(out)


@BUILTINS.func("urlquery", ["...interface {}"], "string")
def _urlquery(*args: Any) -> str:
    return query_escape(_eval_args(args))


@BUILTINS.func("call", [_RV, "...reflect.Value"], _RV, error=True)
def _call(name: str, fn: Any, *args: Any) -> Any:
    fn = indirect_interface(fn)
    if fn is INVALID:
        raise GoError("call of nil")
    if not isinstance(fn, GoFunc):
        raise GoError(f"non-function {name} of type {_type_name(fn)}")
    n = len(fn.params)
    if fn.variadic:
        if len(args) < n - 1:
            raise GoError(f"wrong number of args for {name}: got {len(args)} want at least {n - 1}")
    elif len(args) != n:
        raise GoError(f"wrong number of args for {name}: got {len(args)} want {n}")
    argv = []
    for i, arg in enumerate(args):
        arg = indirect_interface(arg)
        t = fn.params[i] if not fn.variadic or i < n - 1 else fn.params[-1].elem
        try:
            argv.append(_prepare_arg(arg, t))
        except GoError as e:
            raise GoError(f"arg {i}: {e}") from None
    result = fn.fn(*argv)
    return Iface(result) if fn.result.kind == "interface" else result
