"""Template execution (a port of text/template/exec.go).

Values follow :mod:`pkisign.golang.reflect`.  Two extra states mirror ``reflect.Value``:
:data:`~pkisign.golang.reflect.INVALID` is the zero Value (a missing map key), and
:class:`Iface` marks a value read out of an ``interface{}`` slot (a
``map[string]interface{}`` entry, a ``[]interface{}`` element) before a
pipeline unwraps it.  Go's error messages depend on that distinction
(``can't evaluate field X in type interface {}``, ``nil pointer evaluating
interface {}.X``), so the executor keeps it.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, NoReturn, Sequence

from ..golang.fmt import format_value, sort_map_keys
from ..golang.reflect import (
    ANY,
    FLOAT_KINDS,
    INT_KINDS,
    INVALID,
    NILABLE_KINDS,
    REFLECT_VALUE,
    UINT_KINDS,
    GoError,
    GoFunc,
    GoNil,
    GoStruct,
    GoType,
    find_method,
    struct_field,
    type_of,
    typed,
    zero_value,
)
from ..golang.strconv import quote, to_bytes
from .errors import TemplateError, TemplateExecError, TemplateLimitError
from .limits import LimitExceeded, Limits, charge_value
from .nodes import (
    ActionNode,
    BoolNode,
    BranchNode,
    BreakNode,
    ChainNode,
    CommandNode,
    CommentNode,
    ContinueNode,
    DotNode,
    FieldNode,
    IdentifierNode,
    IfNode,
    ListNode,
    NilNode,
    Node,
    NumberNode,
    PipeNode,
    RangeNode,
    StringNode,
    TemplateNode,
    TextNode,
    VariableNode,
    WithNode,
)
from .parser import Tree

__all__ = ["Iface", "Executor", "unwrap", "is_true", "indirect_interface"]


class Iface:
    """A value held in an ``interface{}`` slot (``v`` is ``None`` for a nil interface)."""

    __slots__ = ("v",)

    def __init__(self, v: Any) -> None:
        self.v = v

    def __repr__(self) -> str:
        return f"Iface({self.v!r})"


class _Missing:
    """No value from a previous pipeline stage (Go's missingVal)."""


MISSING = _Missing()


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _ExecFailure(Exception):
    """Internal: a formatted execution error on its way out."""

    def __init__(self, message: str, limit: bool = False) -> None:
        super().__init__(message)
        self.limit = limit


def unwrap(v: Any) -> Any:
    """What a pipeline stage yields: the value inside an interface, INVALID for nil."""
    if isinstance(v, Iface):
        return INVALID if v.v is None else v.v
    return v


def indirect_interface(v: Any) -> Any:
    if isinstance(v, Iface):
        return INVALID if v.v is None else v.v
    if v is None:
        return INVALID
    return v


def _vtype(v: Any) -> GoType | None:
    """reflect.Value.Type(): interface{} for an Iface."""
    if isinstance(v, Iface):
        return ANY
    return type_of(v)


def is_true(v: Any) -> bool:
    """Truth as if/with/and/or/not see it (the zero value of a type is false)."""
    if v is INVALID or v is None:
        return False
    t = type_of(v)
    assert t is not None
    k = t.kind
    if k in ("array", "map", "slice", "string"):
        return len(v) > 0
    if k == "bool":
        return bool(v)
    if k in ("ptr", "interface", "func", "chan"):
        return not isinstance(v, GoNil)
    if k in INT_KINDS or k in UINT_KINDS or k in FLOAT_KINDS:
        return v != 0
    return True


def _can_be_nil(t: GoType) -> bool:
    return t.kind in NILABLE_KINDS or t is REFLECT_VALUE


def _elem_value(v: Any, elem: GoType | None) -> Any:
    """An element read from a container whose element type is ``elem``."""
    if elem is None or elem.kind == "interface":
        return Iface(v)
    return v


class Executor:
    """Executes one template tree (and the templates it calls) with ``funcs``."""

    def __init__(self, trees: Mapping[str, Tree], funcs: Mapping[str, GoFunc],
                 builtins: Mapping[str, GoFunc], limits: Limits) -> None:
        self.trees = trees
        self.funcs = funcs
        self.builtins = builtins
        self.limits = limits
        self.out: list[str] = []
        self.out_bytes = 0
        self.steps = 0
        self.depth = 0
        self.name = ""
        self.node: Node | None = None
        self.vars: list[list[Any]] = []

    # -- entry ----------------------------------------------------------------
    def execute(self, name: str, data: Any) -> str:
        self.name = name
        value = INVALID if data is None else data
        self.vars = [["$", value]]
        tree = self.trees.get(name)
        try:
            if tree is None or tree.root is None:
                self.errorf(f"{quote(name)} is an incomplete or empty template")
            self.walk(value, tree.root)
        except _ExecFailure as e:
            cls = TemplateLimitError if e.limit else TemplateExecError
            raise cls(str(e)) from None
        except RecursionError:
            raise TemplateLimitError(f"template: {name}: exceeded maximum nesting depth") from None
        return "".join(self.out)

    # -- errors ---------------------------------------------------------------
    def errorf(self, msg: str, limit: bool = False) -> NoReturn:
        if self.node is None:
            raise _ExecFailure(f"template: {self.name}: {msg}", limit)
        location, context = self.error_context(self.node)
        raise _ExecFailure(
            f"template: {location}: executing {quote(self.name)} at <{context}>: {msg}", limit)

    @staticmethod
    def error_context(n: Node) -> tuple[str, str]:
        tree = n.tree
        assert tree is not None
        text = tree.text[: n.pos]
        nl = text.rfind("\n")
        col = len(to_bytes(text[nl + 1:])) if nl >= 0 else len(to_bytes(text))
        line = 1 + text.count("\n")
        return f"{tree.parse_name}:{line}:{col}", str(n)

    def at(self, node: Node) -> None:
        self.node = node

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.limits.max_steps:
            self.errorf(f"exceeded maximum number of execution steps ({self.limits.max_steps})", limit=True)

    def write(self, s: str) -> None:
        self.out_bytes += len(s) if s.isascii() else len(to_bytes(s))
        if self.out_bytes > self.limits.max_output:
            self.errorf(f"exceeded maximum output size ({self.limits.max_output} bytes)", limit=True)
        self.out.append(s)

    # -- variables --------------------------------------------------------------
    def mark(self) -> int:
        return len(self.vars)

    def pop(self, mark: int) -> None:
        del self.vars[mark:]

    def set_var(self, name: str, value: Any) -> None:
        for var in reversed(self.vars):
            if var[0] == name:
                var[1] = value
                return
        self.errorf(f"undefined variable: {name}")

    def set_top_var(self, n: int, value: Any) -> None:
        self.vars[len(self.vars) - n][1] = value

    def var_value(self, name: str) -> Any:
        for var in reversed(self.vars):
            if var[0] == name:
                return var[1]
        return self.errorf(f"undefined variable: {name}")

    # -- walking ----------------------------------------------------------------
    def walk(self, dot: Any, node: Node) -> None:
        self.at(node)
        self.step()
        if isinstance(node, ActionNode):
            assert node.pipe is not None
            val = self.eval_pipeline(dot, node.pipe)
            if not node.pipe.decl:
                self.print_value(node, val)
        elif isinstance(node, TextNode):
            self.write(node.text)
        elif isinstance(node, ListNode):
            for n in node.nodes:
                self.walk(dot, n)
        elif isinstance(node, IfNode) or isinstance(node, WithNode):
            self.walk_if_or_with(isinstance(node, WithNode), dot, node)
        elif isinstance(node, RangeNode):
            self.walk_range(dot, node)
        elif isinstance(node, TemplateNode):
            self.walk_template(dot, node)
        elif isinstance(node, BreakNode):
            raise _Break
        elif isinstance(node, ContinueNode):
            raise _Continue
        elif not isinstance(node, CommentNode):
            self.errorf(f"unknown node: {node}")

    def walk_if_or_with(self, is_with: bool, dot: Any, node: BranchNode) -> None:
        mark = self.mark()
        try:
            assert node.pipe is not None and node.list is not None
            val = self.eval_pipeline(dot, node.pipe)
            if is_true(indirect_interface(val)):
                self.walk(val if is_with else dot, node.list)
            elif node.else_list is not None:
                self.walk(dot, node.else_list)
        finally:
            self.pop(mark)

    def walk_range(self, dot: Any, r: RangeNode) -> None:
        self.at(r)
        outer = self.mark()
        try:
            assert r.pipe is not None and r.list is not None
            val = self.eval_pipeline(dot, r.pipe)
            mark = self.mark()
            decl = r.pipe.decl

            def one(index: Any, elem: Any) -> None:
                self.step()
                if decl:
                    if r.pipe.is_assign:  # type: ignore[union-attr]
                        self.set_var(decl[0].ident[0], index if len(decl) > 1 else elem)
                    else:
                        self.set_top_var(1, elem)
                if len(decl) > 1:
                    if r.pipe.is_assign:  # type: ignore[union-attr]
                        self.set_var(decl[1].ident[0], elem)
                    else:
                        self.set_top_var(2, index)
                try:
                    self.walk(elem, r.list)  # type: ignore[arg-type]
                except _Continue:
                    pass
                finally:
                    self.pop(mark)

            ran = False
            try:
                ran = self._range_items(val, decl, one)
            except _Break:
                return
            if not ran and r.else_list is not None:
                self.walk(dot, r.else_list)
        finally:
            self.pop(outer)

    def _range_items(self, val: Any, decl: Sequence[VariableNode], one: Callable[[Any, Any], None]) -> bool:
        if val is INVALID:
            return False
        t = type_of(val)
        assert t is not None
        k = t.kind
        if k in INT_KINDS or k in UINT_KINDS:
            if len(decl) > 1:
                self.errorf(f"can't use {format_value(val)} to iterate over more than one variable")
            n = int(val)
            for i in range(n):
                one(INVALID, typed(i, t))
            return n > 0
        if k in ("slice", "array"):
            if isinstance(val, (bytes, bytearray)):
                items: Sequence[Any] = [typed(b, t.elem or "uint8") for b in val]
            else:
                items = list(val)
            for i, e in enumerate(items):
                one(i, _elem_value(e, t.elem))
            return len(items) > 0
        if k == "map":
            keys = sort_map_keys(list(val.keys()))
            for key in keys:
                one(key, _elem_value(val[key], t.elem))
            return len(keys) > 0
        self.errorf(f"range can't iterate over {format_value(val, deref=True)}")
        return False

    def walk_template(self, dot: Any, t: TemplateNode) -> None:
        self.at(t)
        tree = self.trees.get(t.name)
        if tree is None or tree.root is None:
            self.errorf(f"template {quote(t.name)} not defined")
        if self.depth >= self.limits.max_depth:
            self.errorf(f"exceeded maximum template depth ({self.limits.max_depth})", limit=True)
        dot = self.eval_pipeline(dot, t.pipe)
        saved = (self.name, self.vars, self.depth)
        self.name, self.vars, self.depth = t.name, [["$", dot]], self.depth + 1
        try:
            self.walk(dot, tree.root)
        finally:
            self.name, self.vars, self.depth = saved

    # -- evaluation -------------------------------------------------------------
    def eval_pipeline(self, dot: Any, pipe: PipeNode | None) -> Any:
        if pipe is None:
            return INVALID
        self.at(pipe)
        value: Any = MISSING
        for cmd in pipe.cmds:
            value = unwrap(self.eval_command(dot, cmd, value))
        for var in pipe.decl:
            if pipe.is_assign:
                self.set_var(var.ident[0], value)
            else:
                self.vars.append([var.ident[0], value])
        return value

    def not_a_function(self, args: Sequence[Node], final: Any) -> None:
        if len(args) > 1 or final is not MISSING:
            self.errorf(f"can't give argument to non-function {args[0]}")

    def eval_command(self, dot: Any, cmd: CommandNode, final: Any) -> Any:
        self.step()
        first = cmd.args[0]
        if isinstance(first, FieldNode):
            return self.eval_field_node(dot, first, cmd.args, final)
        if isinstance(first, ChainNode):
            return self.eval_chain_node(dot, first, cmd.args, final)
        if isinstance(first, IdentifierNode):
            return self.eval_function(dot, first, cmd, cmd.args, final)
        if isinstance(first, PipeNode):
            self.not_a_function(cmd.args, final)
            return self.eval_pipeline(dot, first)
        if isinstance(first, VariableNode):
            return self.eval_variable_node(dot, first, cmd.args, final)
        self.at(first)
        self.not_a_function(cmd.args, final)
        if isinstance(first, BoolNode):
            return first.true
        if isinstance(first, DotNode):
            return dot
        if isinstance(first, NilNode):
            self.errorf("nil is not a command")
        if isinstance(first, NumberNode):
            return self.ideal_constant(first)
        if isinstance(first, StringNode):
            return first.text
        return self.errorf(f"can't evaluate command {quote(str(first))}")

    def ideal_constant(self, c: NumberNode) -> Any:
        self.at(c)
        if c.is_complex:
            self.errorf(f"complex constant {c.text} is not supported")
        text = c.text
        is_hex_int = len(text) > 2 and text[0] == "0" and text[1] in "xX" and not any(ch in text for ch in "pP")
        if c.is_float and not is_hex_int and not text.startswith("'") and any(ch in text for ch in ".eEpP"):
            return c.float64
        if c.is_int:
            return c.int64
        if c.is_uint:
            self.errorf(f"{text} overflows int")
        return INVALID

    def eval_field_node(self, dot: Any, field: FieldNode, args: Sequence[Node], final: Any) -> Any:
        self.at(field)
        return self.eval_field_chain(dot, dot, field, field.ident, args, final)

    def eval_chain_node(self, dot: Any, chain: ChainNode, args: Sequence[Node] | None, final: Any) -> Any:
        self.at(chain)
        if isinstance(chain.node, NilNode):
            self.errorf(f"indirection through explicit nil in {chain}")
        assert chain.node is not None
        pipe = self.eval_arg(dot, None, chain.node)
        return self.eval_field_chain(dot, pipe, chain, chain.fields, args, final)

    def eval_variable_node(self, dot: Any, var: VariableNode, args: Sequence[Node] | None, final: Any) -> Any:
        self.at(var)
        value = self.var_value(var.ident[0])
        if len(var.ident) == 1:
            self.not_a_function(args or [var], final)
            return value
        return self.eval_field_chain(dot, value, var, var.ident[1:], args, final)

    def eval_field_chain(self, dot: Any, receiver: Any, node: Node, ident: Sequence[str],
                         args: Sequence[Node] | None, final: Any) -> Any:
        for name in ident[:-1]:
            receiver = self.eval_field(dot, name, node, None, MISSING, receiver)
        return self.eval_field(dot, ident[-1], node, args, final, receiver)

    def eval_function(self, dot: Any, node: IdentifierNode, cmd: Node, args: Sequence[Node] | None,
                      final: Any) -> Any:
        self.at(node)
        name = node.ident
        fn = self.funcs.get(name)
        builtin = False
        if fn is None:
            fn = self.builtins.get(name)
            builtin = fn is not None
        if fn is None:
            self.errorf(f"{quote(name)} is not a defined function")
        return self.eval_call(dot, fn, builtin, cmd, name, args, final)

    def eval_field(self, dot: Any, name: str, node: Node, args: Sequence[Node] | None, final: Any,
                   receiver: Any) -> Any:
        if receiver is INVALID:
            return INVALID
        typ = _vtype(receiver)
        assert typ is not None or receiver is None
        if isinstance(receiver, Iface):
            receiver = receiver.v
        if receiver is None:
            self.errorf(f"nil pointer evaluating {typ.name if typ else 'interface {}'}.{name}")
        assert typ is not None
        method = find_method(receiver, name)
        if method is not None:
            return self.eval_call(dot, method, False, node, name, args, final)
        has_args = (args is not None and len(args) > 1) or final is not MISSING
        rt = type_of(receiver)
        assert rt is not None
        if isinstance(receiver, GoStruct):
            f = rt.field(name)
            if f is not None:
                if has_args:
                    self.errorf(f"{name} has arguments but cannot be invoked as function")
                value = struct_field(receiver, f)
                declared = f.type
                if declared is None or declared in ("interface {}", "any"):
                    return Iface(value) if declared else value
                return value
        elif rt.kind == "map":
            key = rt.key
            if key is None or key.kind == "string" or key.kind == "interface":
                if has_args:
                    self.errorf(f"{name} is not a method but has arguments")
                if isinstance(receiver, GoNil) or name not in receiver:
                    return INVALID
                return _elem_value(receiver[name], rt.elem)
        elif rt.kind == "ptr" and isinstance(receiver, GoNil):
            if rt.field(name) is not None:
                self.errorf(f"nil pointer evaluating {typ.name}.{name}")
        self.errorf(f"can't evaluate field {name} in type {typ.name}")

    # -- calls ------------------------------------------------------------------
    def eval_call(self, dot: Any, fun: GoFunc, builtin: bool, node: Node, name: str,
                  args: Sequence[Node] | None, final: Any) -> Any:
        args = list(args[1:]) if args else []
        num_in = len(args) + (final is not MISSING)
        params = fun.params
        num_fixed = len(args)
        if fun.variadic:
            num_fixed = len(params) - 1
            if num_in < num_fixed:
                self.errorf(f"wrong number of args for {name}: want at least {len(params) - 1} got {len(args)}")
        elif num_in != len(params):
            self.errorf(f"wrong number of args for {name}: want {len(params)} got {num_in}")

        if builtin and name in ("and", "or"):
            v: Any = INVALID
            for arg in args:
                v = self.eval_arg(dot, REFLECT_VALUE, arg)
                if is_true(indirect_interface(v)) == (name == "or"):
                    return v
            if final is not MISSING:
                v = self.validate_type(final, REFLECT_VALUE)
            return v

        argv: list[Any] = []
        i = 0
        while i < num_fixed and i < len(args):
            argv.append(self.eval_arg(dot, params[i], args[i]))
            i += 1
        if fun.variadic:
            elem = params[-1].elem
            assert elem is not None
            while i < len(args):
                argv.append(self.eval_arg(dot, elem, args[i]))
                i += 1
        if final is not MISSING:
            t = params[-1]
            if fun.variadic:
                if num_in - 1 < num_fixed:
                    t = params[num_in - 1]
                else:
                    assert t.elem is not None
                    t = t.elem
            argv.append(self.validate_type(final, t))

        if builtin and name == "call":
            # The callee's name is passed first, for call's error messages.
            argv.insert(0, str(args[0]) if args else format_value(final))
        try:
            result = fun.fn(*argv)
        except (TemplateError, _ExecFailure, _Break, _Continue):
            raise
        except LimitExceeded as e:
            self.at(node)
            self.errorf(str(e), limit=True)
        except GoError as e:
            self.at(node)
            self.errorf(f"error calling {name}: {e}")
        except RecursionError:
            raise
        except Exception as e:  # noqa: BLE001 - a Go panic inside a function is an error too
            self.at(node)
            self.errorf(f"error calling {name}: {type(e).__name__}: {e}")
        if isinstance(result, (str, bytes, list, tuple, dict)):
            try:
                charge_value(result)
            except LimitExceeded as e:
                self.at(node)
                self.errorf(str(e), limit=True)
        if fun.result is REFLECT_VALUE:
            return result
        if fun.result.kind == "interface":
            return Iface(None if result is INVALID else result)
        return result

    def validate_type(self, value: Any, typ: GoType | None) -> Any:
        if value is INVALID:
            if typ is None:
                return INVALID
            if _can_be_nil(typ):
                return INVALID if typ is REFLECT_VALUE else zero_value(typ)
            self.errorf(f"invalid value; expected {typ.name}")
        if typ is REFLECT_VALUE or typ is None:
            return value
        if isinstance(value, Iface):
            if typ.kind == "interface":
                return value.v
            if value.v is None:
                self.errorf(f"wrong type for value; expected {typ.name}; got interface {{}}")
            value = value.v
        vt = type_of(value)
        if vt is None:
            if typ.kind == "interface":
                return None
            self.errorf(f"wrong type for value; expected {typ.name}; got interface {{}}")
        assert vt is not None
        if not vt.assignable_to(typ):
            if vt.kind == "ptr" and vt.elem is not None and vt.elem.assignable_to(typ):
                if isinstance(value, GoNil):
                    self.errorf(f"dereference of nil pointer of type {typ.name}")
                return value
            self.errorf(f"wrong type for value; expected {typ.name}; got {vt.name}")
        return value

    def eval_arg(self, dot: Any, typ: GoType | None, n: Node) -> Any:
        self.at(n)
        if isinstance(n, DotNode):
            return self.validate_type(dot, typ)
        if isinstance(n, NilNode):
            if typ is not None and _can_be_nil(typ):
                return INVALID if typ is REFLECT_VALUE else zero_value(typ)
            self.errorf(f"cannot assign nil to {typ.name if typ else '<nil>'}")
        if isinstance(n, FieldNode):
            return self.validate_type(self.eval_field_node(dot, n, [n], MISSING), typ)
        if isinstance(n, VariableNode):
            return self.validate_type(self.eval_variable_node(dot, n, None, MISSING), typ)
        if isinstance(n, PipeNode):
            return self.validate_type(self.eval_pipeline(dot, n), typ)
        if isinstance(n, IdentifierNode):
            return self.validate_type(self.eval_function(dot, n, n, None, MISSING), typ)
        if isinstance(n, ChainNode):
            return self.validate_type(self.eval_chain_node(dot, n, None, MISSING), typ)
        assert typ is not None
        k = typ.kind
        if k == "bool":
            if isinstance(n, BoolNode):
                return n.true
            self.errorf(f"expected bool; found {n}")
        if k in FLOAT_KINDS:
            if isinstance(n, NumberNode) and n.is_float:
                return typed(n.float64, typ)
            self.errorf(f"expected float; found {n}")
        if k in INT_KINDS:
            if isinstance(n, NumberNode) and n.is_int:
                return typed(n.int64, typ)
            self.errorf(f"expected integer; found {n}")
        if k == "interface" or typ is REFLECT_VALUE:
            return self.eval_empty_interface(dot, n)
        if k == "string":
            if isinstance(n, StringNode):
                return typed(n.text, typ)
            self.errorf(f"expected string; found {n}")
        if k in UINT_KINDS:
            if isinstance(n, NumberNode) and n.is_uint:
                return typed(n.uint64, typ)
            self.errorf(f"expected unsigned integer; found {n}")
        return self.errorf(f"can't handle {n} for arg of type {typ.name}")

    def eval_empty_interface(self, dot: Any, n: Node) -> Any:
        self.at(n)
        if isinstance(n, BoolNode):
            return n.true
        if isinstance(n, DotNode):
            return dot
        if isinstance(n, FieldNode):
            return self.eval_field_node(dot, n, [], MISSING)
        if isinstance(n, IdentifierNode):
            return self.eval_function(dot, n, n, None, MISSING)
        if isinstance(n, NumberNode):
            return self.ideal_constant(n)
        if isinstance(n, StringNode):
            return n.text
        if isinstance(n, VariableNode):
            return self.eval_variable_node(dot, n, None, MISSING)
        if isinstance(n, PipeNode):
            return self.eval_pipeline(dot, n)
        return self.errorf(f"can't handle assignment of {n} to empty interface argument")

    # -- printing -----------------------------------------------------------------
    def print_value(self, n: Node, v: Any) -> None:
        self.at(n)
        if v is INVALID:
            self.write("<no value>")
            return
        t = type_of(v)
        if t is not None and t.kind in ("func", "chan"):
            self.errorf(f"can't print {n} of type {t.name}")
        self.write(format_value(v, deref=True))

