"""The Go value model: which Go type a Python value stands for.

Plain Python values map to what ``json.Unmarshal`` into ``interface{}`` gives:

=========  ==========================
Python     Go
=========  ==========================
``str``    ``string``
``bool``   ``bool``
``int``    ``int``
``float``  ``float64``
``None``   ``nil`` (an empty interface)
``bytes``  ``[]uint8``
``list``   ``[]interface {}``
``dict``   ``map[string]interface {}``
=========  ==========================

Other Go types are given explicitly:

* :func:`typed` wraps a value in a subclass of its builtin type (``GoInt``,
  ``GoStr``, ``GoList`` ...) that carries a :class:`GoType`, e.g.
  ``typed(["a"], "[]string")`` or ``typed(3, named_type("x509.PublicKeyAlgorithm", "int"))``.
* :class:`GoNil` is a typed nil (a nil slice, map or pointer).
* :class:`GoStruct` subclasses describe Go structs (or pointers to them) with
  ordered :class:`GoField` declarations that drive field access, ``%v`` and JSON.

Any of these classes may define Go methods with :func:`go_method`; templates
can call them, fmt uses ``String``/``Error`` and JSON uses ``MarshalJSON`` /
``MarshalText`` exactly where Go would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Sequence

__all__ = [
    "GoType",
    "GoField",
    "GoFunc",
    "GoError",
    "GoValue",
    "GoInt",
    "GoFloat",
    "GoStr",
    "GoBytes",
    "GoList",
    "GoDict",
    "GoNil",
    "GoStruct",
    "INVALID",
    "go_method",
    "named_type",
    "parse_type",
    "typed",
    "type_of",
    "kind_of",
    "is_empty_value",
    "type_name",
    "zero_value",
    "struct_field",
    "find_method",
    "is_nil",
]

INT_KINDS = frozenset({"int", "int8", "int16", "int32", "int64"})
UINT_KINDS = frozenset({"uint", "uint8", "uint16", "uint32", "uint64", "uintptr"})
FLOAT_KINDS = frozenset({"float32", "float64"})
NILABLE_KINDS = frozenset({"slice", "map", "ptr", "interface", "func", "chan"})


class GoType:
    """A Go type: its name as ``%T`` prints it, its reflect kind and its parts."""

    __slots__ = ("name", "kind", "elem", "key", "underlying", "fields", "py_cls")

    def __init__(
        self,
        name: str,
        kind: str,
        *,
        elem: GoType | None = None,
        key: GoType | None = None,
        underlying: GoType | None = None,
        fields: tuple[GoField, ...] = (),
        py_cls: Any = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.elem = elem
        self.key = key
        self.underlying = underlying or self
        self.fields = fields
        # The Python class whose instances are values of this type, if any.
        self.py_cls = py_cls

    @property
    def named(self) -> bool:
        """Defined types (``int``, ``net.IP``) as opposed to type literals (``[]int``)."""
        return not self.name.startswith(("[]", "map[", "*", "interface {", "struct {", "func("))

    def field(self, name: str) -> GoField | None:
        t = self.elem if self.kind == "ptr" and self.elem is not None else self
        for f in t.fields:
            if f.name == name:
                return f
        return None

    def assignable_to(self, target: GoType) -> bool:
        """Go's assignability, for the types templates meet."""
        if self is target or self.name == target.name:
            return True
        if target.kind == "interface":
            return target.name in ("interface {}", "any")
        if self.named and target.named:
            return False
        return self.underlying.name == target.underlying.name

    def __repr__(self) -> str:
        return f"GoType({self.name!r})"


def _basic(name: str, kind: str | None = None) -> GoType:
    return GoType(name, kind or name)


BOOL = _basic("bool")
STRING = _basic("string")
INT = _basic("int")
INT8 = _basic("int8")
INT16 = _basic("int16")
INT32 = _basic("int32")
INT64 = _basic("int64")
UINT = _basic("uint")
UINT8 = _basic("uint8")
UINT16 = _basic("uint16")
UINT32 = _basic("uint32")
UINT64 = _basic("uint64")
FLOAT32 = _basic("float32")
FLOAT64 = _basic("float64")
ANY = GoType("interface {}", "interface")
ERROR = GoType("error", "interface")
REFLECT_VALUE = GoType("reflect.Value", "struct")
BYTES = GoType("[]uint8", "slice", elem=UINT8)
ANY_SLICE = GoType("[]interface {}", "slice", elem=ANY)
ANY_MAP = GoType("map[string]interface {}", "map", key=STRING, elem=ANY)

_REGISTRY: dict[str, GoType] = {
    t.name: t
    for t in (BOOL, STRING, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32,
              UINT64, FLOAT32, FLOAT64, ANY, ERROR, REFLECT_VALUE, BYTES, ANY_SLICE, ANY_MAP)
}
_REGISTRY["byte"] = UINT8
_REGISTRY["rune"] = INT32
_REGISTRY["any"] = ANY
_REGISTRY["uintptr"] = _basic("uintptr")


def parse_type(name: str | GoType) -> GoType:
    """The :class:`GoType` spelled ``name`` (``[]string``, ``map[string]int``, a named type)."""
    if isinstance(name, GoType):
        return name
    t = _REGISTRY.get(name)
    if t is not None:
        return t
    if name.startswith("[]"):
        elem = parse_type(name[2:])
        t = GoType("[]" + elem.name, "slice", elem=elem)
    elif name.startswith("*"):
        elem = parse_type(name[1:])
        t = GoType("*" + elem.name, "ptr", elem=elem, fields=elem.fields)
    elif name.startswith("map["):
        depth = 0
        for i, c in enumerate(name):  # noqa: B007 - i is read after the loop
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    break
        key, elem = parse_type(name[4:i]), parse_type(name[i + 1 :])
        t = GoType(f"map[{key.name}]{elem.name}", "map", key=key, elem=elem)
    else:
        raise ValueError(f"unknown Go type {name!r}: declare it with named_type() first")
    _REGISTRY[t.name] = t
    return t


def named_type(name: str, underlying: str | GoType, *, kind: str | None = None) -> GoType:
    """Declare (or look up) the defined type ``name`` whose underlying type is ``underlying``."""
    t = _REGISTRY.get(name)
    if t is not None:
        return t
    u = parse_type(underlying)
    t = GoType(name, kind or u.kind, elem=u.elem, key=u.key, underlying=u.underlying, fields=u.fields)
    _REGISTRY[name] = t
    return t


class GoError(Exception):
    """A Go ``error`` returned (or a panic raised) by a template function or method."""


@dataclass(frozen=True)
class GoFunc:
    """A Go function as templates see it: its parameter and result types.

    ``params`` lists parameter type names; a last one spelled ``...T`` makes
    the function variadic.  ``error`` marks a second ``error`` result: the
    Python callable raises :class:`GoError` for it.
    """

    name: str
    fn: Callable[..., Any]
    params: tuple[GoType, ...]
    result: GoType
    variadic: bool = False
    error: bool = False

    @classmethod
    def of(cls, name: str, fn: Callable[..., Any], params: Sequence[str], result: str,
           *, error: bool = False) -> GoFunc:
        variadic = bool(params) and params[-1].startswith("...")
        types = [parse_type(p) for p in params[:-1]] if variadic else [parse_type(p) for p in params]
        if variadic:
            types.append(parse_type("[]" + params[-1][3:]))
        return cls(name, fn, tuple(types), parse_type(result), variadic, error)

    @property
    def go_type(self) -> GoType:
        names = [p.name for p in self.params]
        if self.variadic:
            names[-1] = "..." + names[-1][2:]
        result = self.result.name + (", error" if self.error else "")
        if self.error:
            result = f"({result})"
        return GoType(f"func({', '.join(names)}) {result}", "func")

    def bind(self, receiver: Any) -> GoFunc:
        fn = self.fn
        return GoFunc(self.name, lambda *a: fn(receiver, *a), self.params, self.result,
                      self.variadic, self.error)


def go_method(name: str, params: Sequence[str] = (), result: str = "string",
              *, error: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a method of a :class:`GoValue` class as the Go method ``name``."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn._go_method = (name, tuple(params), result, error)  # type: ignore[attr-defined]
        return fn

    return deco


class GoValue:
    """Mixin for values that carry their Go type and may have Go methods."""

    go_type: GoType
    go_methods: ClassVar[dict[str, GoFunc]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        methods = dict(cls.go_methods)
        for attr in vars(cls).values():
            spec = getattr(attr, "_go_method", None)
            if spec is not None:
                name, params, result, error = spec
                methods[name] = GoFunc.of(name, attr, params, result, error=error)
        cls.go_methods = methods
        own_type = cls.__dict__.get("go_type")
        if isinstance(own_type, GoType):
            own_type.py_cls = cls


def _with_type(obj: Any, go_type: GoType | str | None) -> Any:
    if go_type is not None:
        obj.go_type = parse_type(go_type)
    elif "go_type" not in type(obj).__dict__ and not hasattr(type(obj), "go_type"):
        raise TypeError(f"{type(obj).__name__} needs a Go type")
    return obj


class GoInt(int, GoValue):
    """An integer of a Go type other than ``int`` (``int64``, ``uint8``, a named type)."""

    def __new__(cls, value: int, go_type: GoType | str | None = None) -> GoInt:
        return _with_type(int.__new__(cls, value), go_type)


class GoFloat(float, GoValue):
    def __new__(cls, value: float, go_type: GoType | str | None = None) -> GoFloat:
        return _with_type(float.__new__(cls, value), go_type)


class GoStr(str, GoValue):
    def __new__(cls, value: str, go_type: GoType | str | None = None) -> GoStr:
        return _with_type(str.__new__(cls, value), go_type)


class GoBytes(bytes, GoValue):
    def __new__(cls, value: bytes, go_type: GoType | str | None = None) -> GoBytes:
        return _with_type(bytes.__new__(cls, value), go_type)


class GoList(list, GoValue):
    def __init__(self, value: Sequence[Any] = (), go_type: GoType | str | None = None) -> None:
        super().__init__(value)
        _with_type(self, go_type)


class GoDict(dict, GoValue):
    def __init__(self, value: dict[Any, Any] | None = None, go_type: GoType | str | None = None) -> None:
        super().__init__(value or {})
        _with_type(self, go_type)


class GoNil(GoValue):
    """A typed nil: a nil slice, map or pointer of ``go_type``."""

    __slots__ = ("go_type",)

    def __init__(self, go_type: GoType | str) -> None:
        self.go_type = parse_type(go_type)

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0

    def __iter__(self):
        return iter(())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GoNil) and other.go_type.name == self.go_type.name

    def __hash__(self) -> int:
        return hash(self.go_type.name)

    def __repr__(self) -> str:
        return f"GoNil({self.go_type.name!r})"


class _Invalid:
    """Go's zero ``reflect.Value``: a missing map key, an unset variable."""

    _instance: _Invalid | None = None

    def __new__(cls) -> _Invalid:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()


@dataclass(frozen=True)
class GoField:
    """One exported field of a :class:`GoStruct`.

    ``json`` is the key used by ``toJson`` (default: the Go name; ``"-"``
    omits the field); ``type`` is the declared Go type, which gives a field
    left at ``None`` its Go zero value (``[]`` for a nil slice, ``""`` ...).
    ``attr`` is the Python attribute holding the value (default: the Go name).
    """

    name: str
    json: str | None = None
    omitempty: bool = False
    type: str | None = None
    attr: str | None = None

    @property
    def json_name(self) -> str:
        return self.json if self.json else self.name

    @property
    def py_attr(self) -> str:
        return self.attr or self.name


class GoStruct(GoValue):
    """Base class for Go structs; set ``go_name`` and ``go_fields`` in subclasses.

    A ``go_name`` starting with ``*`` makes the value a pointer to the struct,
    which matters for ``typeOf``/``kindIs "ptr"`` and for ``%v`` (``&{...}``).
    Keyword arguments of the constructor set fields by Go name.
    """

    go_name: ClassVar[str] = ""
    go_fields: ClassVar[tuple[GoField, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # The type is registered before the methods are collected, so that
        # methods may take or return values of their own type.
        if cls.__dict__.get("go_name"):
            cls._register_type()
        super().__init_subclass__(**kwargs)

    @classmethod
    def _register_type(cls) -> None:
        name = cls.go_name
        base = name.lstrip("*")
        struct_t = _REGISTRY.get(base)
        if struct_t is None or not struct_t.fields:
            struct_t = GoType(base, "struct", fields=tuple(cls.go_fields), py_cls=cls)
            _REGISTRY[base] = struct_t
        if name.startswith("*"):
            cls.go_type = GoType(name, "ptr", elem=struct_t, fields=struct_t.fields)
            _REGISTRY[name] = cls.go_type
        else:
            cls.go_type = struct_t

    def __init__(self, **fields: Any) -> None:
        known = {f.name: f for f in self.go_fields}
        for key in fields:
            if key not in known:
                raise TypeError(f"{self.go_name} has no field {key}")
        for f in self.go_fields:
            setattr(self, f.py_attr, fields.get(f.name))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f.name}={getattr(self, f.py_attr, None)!r}" for f in self.go_fields)
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(
            struct_field(self, f) == struct_field(other, f) for f in self.go_fields
        )

    __hash__ = object.__hash__


def struct_field(obj: GoStruct, f: GoField) -> Any:
    """The value of field ``f`` of ``obj``, ``None`` meaning the declared type's zero."""
    v = getattr(obj, f.py_attr, None)
    if v is None and f.type is not None:
        return zero_value(parse_type(f.type))
    return v


def zero_value(t: GoType) -> Any:
    """Go's zero value of ``t``."""
    k = t.kind
    if k in ("slice", "map") and t.py_cls is not None:
        # A nil value of a type with Go methods (net.IP) must still have them.
        return t.py_cls(b"" if t.elem is not None and t.elem.kind == "uint8" else ())
    if k in NILABLE_KINDS:
        return None if k == "interface" else GoNil(t)
    if k == "string":
        return "" if t is STRING else GoStr("", t)
    if k == "bool":
        return False
    if k in INT_KINDS or k in UINT_KINDS:
        return 0 if t is INT else GoInt(0, t)
    if k in FLOAT_KINDS:
        return 0.0 if t is FLOAT64 else GoFloat(0.0, t)
    if k == "struct" and t.py_cls is not None:
        return t.py_cls()
    raise ValueError(f"no zero value known for {t.name}")


_DEFAULT_TYPES: dict[type, GoType] = {
    str: STRING,
    bool: BOOL,
    int: INT,
    float: FLOAT64,
    bytes: BYTES,
    list: ANY_SLICE,
    tuple: ANY_SLICE,
    dict: ANY_MAP,
}


def type_of(v: Any) -> GoType | None:
    """The Go type of ``v``; ``None`` for nil/no value (an empty interface)."""
    t = _DEFAULT_TYPES.get(type(v))
    if t is not None:
        return t
    if v is None or v is INVALID:
        return None
    t = getattr(v, "go_type", None)
    if isinstance(t, GoType):
        return t
    for py, gt in _DEFAULT_TYPES.items():
        if isinstance(v, py):
            return gt
    raise TypeError(f"no Go type for Python value of type {type(v).__name__}")


def is_empty_value(v: Any) -> bool:
    """Go's zero-or-empty test, as encoding/json's omitempty and sprig's ``empty`` both make it:
    nil, false, 0, an empty string, array, slice or map (a struct is never empty)."""
    if v is None or v is INVALID or isinstance(v, GoNil):
        return True
    t = type_of(v)
    assert t is not None
    k = t.kind
    if k in ("array", "slice", "map", "string"):
        return len(v) == 0
    if k == "bool":
        return not v
    if k in INT_KINDS or k in UINT_KINDS or k in FLOAT_KINDS:
        return v == 0
    return False


def kind_of(v: Any) -> str:
    """reflect.Kind of ``v`` as sprig's ``kindOf`` prints it (``invalid`` for nil)."""
    t = type_of(v)
    return "invalid" if t is None else t.kind


def type_name(v: Any) -> str:
    """``%T`` of ``v``."""
    t = type_of(v)
    return "<nil>" if t is None else t.name


def is_nil(v: Any) -> bool:
    return v is None or v is INVALID or isinstance(v, GoNil)


def typed(value: Any, go_type: str | GoType) -> Any:
    """``value`` as a Go value of type ``go_type`` (elements are converted too)."""
    t = parse_type(go_type)
    if value is None:
        if t.kind not in NILABLE_KINDS:
            raise TypeError(f"nil is not a {t.name}")
        return None if t.kind == "interface" else GoNil(t)
    if t.kind == "interface":
        return value
    current = type_of(value)
    if current is t:
        return value
    if isinstance(value, bool):
        if t is not BOOL:
            raise TypeError(f"cannot type a bool as {t.name}")
        return value
    if t.py_cls is not None and not issubclass(t.py_cls, GoStruct):
        return t.py_cls(value)
    if isinstance(value, int) and (t.kind in INT_KINDS or t.kind in UINT_KINDS):
        return int(value) if t is INT else GoInt(value, t)
    if isinstance(value, float) and t.kind in FLOAT_KINDS:
        return float(value) if t is FLOAT64 else GoFloat(value, t)
    if isinstance(value, str) and t.kind == "string":
        return str(value) if t is STRING else GoStr(value, t)
    if isinstance(value, (bytes, bytearray)) and t.kind == "slice" and t.elem is UINT8:
        return bytes(value) if t is BYTES else GoBytes(bytes(value), t)
    if isinstance(value, (list, tuple)) and t.kind in ("slice", "array"):
        elems = [typed(e, t.elem) for e in value] if t.elem is not None else list(value)
        return elems if t is ANY_SLICE else GoList(elems, t)
    if isinstance(value, dict) and t.kind == "map":
        items = {k: typed(e, t.elem) for k, e in value.items()} if t.elem is not None else dict(value)
        return items if t is ANY_MAP else GoDict(items, t)
    if current is not None and current.name == t.name:
        return value
    raise TypeError(f"cannot type a {type(value).__name__} as {t.name}")


def find_method(v: Any, name: str) -> GoFunc | None:
    """The Go method ``name`` of ``v`` bound to it, if its type has one."""
    methods = getattr(type(v), "go_methods", None)
    if not methods:
        return None
    m = methods.get(name)
    return m.bind(v) if m is not None else None
