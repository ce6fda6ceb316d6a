"""The text/template parser (a port of text/template/parse/parse.go).

:func:`parse` turns template text into the set of named trees it defines:
the main template plus every ``{{define}}`` and ``{{block}}``.
"""

from __future__ import annotations

import math
from typing import Collection, NoReturn

from ..golang.strconv import NumError, parse_float, parse_int, parse_uint, quote, unquote, unquote_char
from .errors import TemplateSyntaxError
from .lexer import Item, ItemType, Lexer
from .nodes import (
    ActionNode,
    BoolNode,
    BreakNode,
    ChainNode,
    CommandNode,
    CommentNode,
    ContinueNode,
    DotNode,
    ElseNode,
    EndNode,
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

__all__ = ["Tree", "parse", "is_empty_tree"]


class _ParseError(Exception):
    """Internal: carries the formatted message up to :func:`parse`."""


class Tree:
    """One parsed template (``parse.Tree``)."""

    def __init__(self, name: str, funcs: Collection[str], text: str = "", parse_name: str = "") -> None:
        self.name = name
        self.parse_name = parse_name or name
        self.root: ListNode | None = None
        self.text = text
        self.funcs = funcs
        self.lex: Lexer | None = None
        self.token: list[Item] = [Item(ItemType.EOF, 0, "", 0)] * 3
        self.peek_count = 0
        self.vars: list[str] = ["$"]
        self.tree_set: dict[str, Tree] = {}
        self.action_line = 0
        self.range_depth = 0

    # -- token stream ---------------------------------------------------------
    def next(self) -> Item:
        if self.peek_count > 0:
            self.peek_count -= 1
        else:
            assert self.lex is not None
            self.token[0] = self.lex.next_item()
        return self.token[self.peek_count]

    def backup(self) -> None:
        self.peek_count += 1

    def backup2(self, t1: Item) -> None:
        self.token[1] = t1
        self.peek_count = 2

    def backup3(self, t2: Item, t1: Item) -> None:
        self.token[1] = t1
        self.token[2] = t2
        self.peek_count = 3

    def peek(self) -> Item:
        if self.peek_count > 0:
            return self.token[self.peek_count - 1]
        self.peek_count = 1
        assert self.lex is not None
        self.token[0] = self.lex.next_item()
        return self.token[0]

    def next_non_space(self) -> Item:
        while True:
            tok = self.next()
            if tok.typ != ItemType.SPACE:
                return tok

    def peek_non_space(self) -> Item:
        tok = self.next_non_space()
        self.backup()
        return tok

    # -- errors ----------------------------------------------------------------
    def errorf(self, msg: str) -> NoReturn:
        self.root = None
        raise _ParseError(f"template: {self.parse_name}:{self.token[0].line}: {msg}")

    def expect(self, expected: ItemType, context: str) -> Item:
        tok = self.next_non_space()
        if tok.typ != expected:
            self.unexpected(tok, context)
        return tok

    def expect_one_of(self, e1: ItemType, e2: ItemType, context: str) -> Item:
        tok = self.next_non_space()
        if tok.typ not in (e1, e2):
            self.unexpected(tok, context)
        return tok

    def unexpected(self, tok: Item, context: str) -> NoReturn:
        if tok.typ == ItemType.ERROR:
            extra = ""
            if self.action_line != 0 and self.action_line != tok.line:
                extra = f" in action started at {self.parse_name}:{self.action_line}"
                if tok.val.endswith(" action"):
                    extra = extra[len(" in action"):]
            self.errorf(f"{tok}{extra}")
        self.errorf(f"unexpected {tok} in {context}")

    # -- parsing -------------------------------------------------------------
    def start_parse(self, lex: Lexer, tree_set: dict[str, Tree]) -> None:
        self.root = None
        self.lex = lex
        self.vars = ["$"]
        self.tree_set = tree_set

    def add(self) -> None:
        existing = self.tree_set.get(self.name)
        if existing is None or is_empty_tree(existing.root):
            self.tree_set[self.name] = self
            return
        if not is_empty_tree(self.root):
            self.errorf(f'template: multiple definition of template "{self.name}"')

    def parse_top(self) -> None:
        self.root = ListNode(self.peek().pos, self)
        while self.peek().typ != ItemType.EOF:
            if self.peek().typ == ItemType.LEFT_DELIM:
                delim = self.next()
                if self.next_non_space().typ == ItemType.DEFINE:
                    new_t = Tree("definition", self.funcs, self.text, self.parse_name)
                    assert self.lex is not None
                    new_t.start_parse(self.lex, self.tree_set)
                    new_t.parse_definition()
                    continue
                self.backup2(delim)
            n = self.text_or_action()
            if isinstance(n, (EndNode, ElseNode)):
                self.errorf(f"unexpected {n}")
            self.root.nodes.append(n)

    def parse_definition(self) -> None:
        context = "define clause"
        name = self.expect_one_of(ItemType.STRING, ItemType.RAW_STRING, context)
        try:
            self.name = unquote(name.val)
        except ValueError as e:
            self.errorf(str(e))
        self.expect(ItemType.RIGHT_DELIM, context)
        self.root, end = self.item_list()
        if not isinstance(end, EndNode):
            self.errorf(f"unexpected {end} in {context}")
        self.add()

    def item_list(self) -> tuple[ListNode, Node]:
        lst = ListNode(self.peek_non_space().pos, self)
        while self.peek_non_space().typ != ItemType.EOF:
            n = self.text_or_action()
            if isinstance(n, (EndNode, ElseNode)):
                return lst, n
            lst.nodes.append(n)
        self.errorf("unexpected EOF")

    def text_or_action(self) -> Node:
        tok = self.next_non_space()
        if tok.typ == ItemType.TEXT:
            return TextNode(tok.pos, self, tok.val)
        if tok.typ == ItemType.LEFT_DELIM:
            self.action_line = tok.line
            try:
                return self.action()
            finally:
                self.action_line = 0
        if tok.typ == ItemType.COMMENT:
            return CommentNode(tok.pos, self, tok.val)
        self.unexpected(tok, "input")

    def action(self) -> Node:
        tok = self.next_non_space()
        t = tok.typ
        if t == ItemType.BLOCK:
            return self.block_control()
        if t == ItemType.BREAK:
            return self.break_control(tok.pos, tok.line)
        if t == ItemType.CONTINUE:
            return self.continue_control(tok.pos, tok.line)
        if t == ItemType.ELSE:
            return self.else_control()
        if t == ItemType.END:
            return EndNode(self.expect(ItemType.RIGHT_DELIM, "end").pos, self)
        if t == ItemType.IF:
            return IfNode(*self.parse_control("if"))
        if t == ItemType.RANGE:
            return RangeNode(*self.parse_control("range"))
        if t == ItemType.TEMPLATE:
            return self.template_control()
        if t == ItemType.WITH:
            return WithNode(*self.parse_control("with"))
        self.backup()
        tok = self.peek()
        return ActionNode(tok.pos, self, tok.line, self.pipeline("command", ItemType.RIGHT_DELIM))

    def break_control(self, pos: int, line: int) -> Node:
        tok = self.next_non_space()
        if tok.typ != ItemType.RIGHT_DELIM:
            self.unexpected(tok, "{{break}}")
        if self.range_depth == 0:
            self.errorf("{{break}} outside {{range}}")
        return BreakNode(pos, self, line)

    def continue_control(self, pos: int, line: int) -> Node:
        tok = self.next_non_space()
        if tok.typ != ItemType.RIGHT_DELIM:
            self.unexpected(tok, "{{continue}}")
        if self.range_depth == 0:
            self.errorf("{{continue}} outside {{range}}")
        return ContinueNode(pos, self, line)

    def pipeline(self, context: str, end: ItemType) -> PipeNode:
        tok = self.peek_non_space()
        pipe = PipeNode(tok.pos, self, tok.line)
        while True:  # decls: loops only for "range $i, $v"
            v = self.peek_non_space()
            if v.typ != ItemType.VARIABLE:
                break
            self.next()
            after = self.peek()
            nxt = self.peek_non_space()
            if nxt.typ in (ItemType.ASSIGN, ItemType.DECLARE):
                pipe.is_assign = nxt.typ == ItemType.ASSIGN
                self.next_non_space()
                pipe.decl.append(VariableNode(v.pos, self, v.val.split(".")))
                self.vars.append(v.val)
            elif nxt.typ == ItemType.CHAR and nxt.val == ",":
                self.next_non_space()
                pipe.decl.append(VariableNode(v.pos, self, v.val.split(".")))
                self.vars.append(v.val)
                if context == "range" and len(pipe.decl) < 2:
                    if self.peek_non_space().typ in (ItemType.VARIABLE, ItemType.RIGHT_DELIM,
                                                     ItemType.RIGHT_PAREN):
                        continue
                    self.errorf("range can only initialize variables")
                self.errorf(f"too many declarations in {context}")
            elif after.typ == ItemType.SPACE:
                self.backup3(v, after)
            else:
                self.backup2(v)
            break
        while True:
            tok = self.next_non_space()
            if tok.typ == end:
                self.check_pipeline(pipe, context)
                return pipe
            if tok.typ in (ItemType.BOOL, ItemType.CHAR_CONSTANT, ItemType.COMPLEX, ItemType.DOT,
                           ItemType.FIELD, ItemType.IDENTIFIER, ItemType.NUMBER, ItemType.NIL,
                           ItemType.RAW_STRING, ItemType.STRING, ItemType.VARIABLE,
                           ItemType.LEFT_PAREN):
                self.backup()
                pipe.cmds.append(self.command())
            else:
                self.unexpected(tok, context)

    def check_pipeline(self, pipe: PipeNode, context: str) -> None:
        if not pipe.cmds:
            self.errorf(f"missing value for {context}")
        for i, c in enumerate(pipe.cmds[1:]):
            if isinstance(c.args[0], (BoolNode, DotNode, NilNode, NumberNode, StringNode)):
                self.errorf(f"non executable command in pipeline stage {i + 2}")

    def parse_control(self, context: str) -> tuple[int, Tree, int, PipeNode, ListNode, ListNode | None]:
        mark = len(self.vars)
        try:
            pipe = self.pipeline(context, ItemType.RIGHT_DELIM)
            if context == "range":
                self.range_depth += 1
            lst, nxt = self.item_list()
            if context == "range":
                self.range_depth -= 1
            else_list = None
            if isinstance(nxt, ElseNode):
                if context == "if" and self.peek().typ == ItemType.IF:
                    self.next()
                    else_list = ListNode(nxt.pos, self, [IfNode(*self.parse_control("if"))])
                elif context == "with" and self.peek().typ == ItemType.WITH:
                    self.next()
                    else_list = ListNode(nxt.pos, self, [WithNode(*self.parse_control("with"))])
                else:
                    else_list, nxt = self.item_list()
                    if not isinstance(nxt, EndNode):
                        self.errorf(f"expected end; found {nxt}")
            return pipe.pos, self, pipe.line, pipe, lst, else_list
        finally:
            del self.vars[mark:]

    def else_control(self) -> Node:
        peek = self.peek_non_space()
        if peek.typ in (ItemType.IF, ItemType.WITH):
            return ElseNode(peek.pos, self, peek.line)
        tok = self.expect(ItemType.RIGHT_DELIM, "else")
        return ElseNode(tok.pos, self, tok.line)

    def block_control(self) -> Node:
        context = "block clause"
        tok = self.next_non_space()
        name = self.parse_template_name(tok, context)
        pipe = self.pipeline(context, ItemType.RIGHT_DELIM)
        block = Tree(name, self.funcs, self.text, self.parse_name)
        assert self.lex is not None
        block.start_parse(self.lex, self.tree_set)
        block.root, end = block.item_list()
        if not isinstance(end, EndNode):
            self.errorf(f"unexpected {end} in {context}")
        block.add()
        return TemplateNode(tok.pos, self, tok.line, name, pipe)

    def template_control(self) -> Node:
        context = "template clause"
        tok = self.next_non_space()
        name = self.parse_template_name(tok, context)
        pipe = None
        if self.next_non_space().typ != ItemType.RIGHT_DELIM:
            self.backup()
            pipe = self.pipeline(context, ItemType.RIGHT_DELIM)
        return TemplateNode(tok.pos, self, tok.line, name, pipe)

    def parse_template_name(self, tok: Item, context: str) -> str:
        if tok.typ in (ItemType.STRING, ItemType.RAW_STRING):
            try:
                return unquote(tok.val)
            except ValueError as e:
                self.errorf(str(e))
        self.unexpected(tok, context)

    def command(self) -> CommandNode:
        cmd = CommandNode(self.peek_non_space().pos, self)
        while True:
            self.peek_non_space()
            operand = self.operand()
            if operand is not None:
                cmd.args.append(operand)
            tok = self.next()
            if tok.typ == ItemType.SPACE:
                continue
            if tok.typ in (ItemType.RIGHT_DELIM, ItemType.RIGHT_PAREN):
                self.backup()
            elif tok.typ != ItemType.PIPE:
                self.unexpected(tok, "operand")
            break
        if not cmd.args:
            self.errorf("empty command")
        return cmd

    def operand(self) -> Node | None:
        node = self.term()
        if node is None:
            return None
        if self.peek().typ == ItemType.FIELD:
            chain = ChainNode(self.peek().pos, self, node)
            while self.peek().typ == ItemType.FIELD:
                chain.fields.append(self.next().val[1:])
            if isinstance(node, FieldNode):
                return FieldNode(chain.pos, self, str(chain)[1:].split("."))
            if isinstance(node, VariableNode):
                return VariableNode(chain.pos, self, str(chain).split("."))
            if isinstance(node, (BoolNode, StringNode, NumberNode, NilNode, DotNode)):
                self.errorf(f"unexpected . after term {quote(str(node))}")
            return chain
        return node

    def term(self) -> Node | None:
        tok = self.next_non_space()
        t = tok.typ
        if t == ItemType.IDENTIFIER:
            if tok.val not in self.funcs:
                self.errorf(f'function "{tok.val}" not defined')
            return IdentifierNode(tok.pos, self, tok.val)
        if t == ItemType.DOT:
            return DotNode(tok.pos, self)
        if t == ItemType.NIL:
            return NilNode(tok.pos, self)
        if t == ItemType.VARIABLE:
            return self.use_var(tok.pos, tok.val)
        if t == ItemType.FIELD:
            return FieldNode(tok.pos, self, tok.val[1:].split("."))
        if t == ItemType.BOOL:
            return BoolNode(tok.pos, self, tok.val == "true")
        if t in (ItemType.CHAR_CONSTANT, ItemType.COMPLEX, ItemType.NUMBER):
            try:
                return new_number(tok.pos, self, tok.val, t)
            except ValueError as e:
                self.errorf(str(e))
        if t == ItemType.LEFT_PAREN:
            return self.pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN)
        if t in (ItemType.STRING, ItemType.RAW_STRING):
            try:
                s = unquote(tok.val)
            except ValueError as e:
                self.errorf(str(e))
            return StringNode(tok.pos, self, tok.val, s)
        self.backup()
        return None

    def use_var(self, pos: int, name: str) -> Node:
        v = VariableNode(pos, self, name.split("."))
        if v.ident[0] in self.vars:
            return v
        self.errorf(f'undefined variable "{v.ident[0]}"')


def new_number(pos: int, tree: Tree, text: str, typ: ItemType) -> NumberNode:
    """parse.newNumber: classify a numeric literal the way Go's template parser does."""
    n = NumberNode(pos, tree, text)
    if typ == ItemType.CHAR_CONSTANT:
        b, j = unquote_char(text, 1, "'")
        if text[j:] != "'":
            raise ValueError(f"malformed character constant: {text}")
        if text[1] == "\\" and text[2] in "x01234567":
            r = b[0]
        else:
            r = ord(b.decode("utf-8", "replace")[0])
        n.is_int = n.is_uint = n.is_float = True
        n.int64 = n.uint64 = r
        n.float64 = float(r)
        return n
    if typ == ItemType.COMPLEX or text.endswith("i"):
        n.is_complex = True
        return n
    try:
        n.uint64 = parse_uint(text, 0, 64)
        n.is_uint = True
    except NumError:
        pass
    try:
        n.int64 = parse_int(text, 0, 64)
        n.is_int = True
        if n.int64 == 0:
            n.is_uint = True
    except NumError:
        pass
    if n.is_int:
        n.is_float = True
        n.float64 = float(n.int64)
    elif n.is_uint:
        n.is_float = True
        n.float64 = float(n.uint64)
    else:
        try:
            f = parse_float(text)
        except NumError:
            f = None
        if f is not None:
            if not any(c in text for c in ".eEpP"):
                raise ValueError(f"integer overflow: {quote(text)}")
            n.is_float = True
            n.float64 = f
            if math.isfinite(f) and f == int(f):
                if -(1 << 63) <= int(f) < (1 << 63):
                    n.is_int = True
                    n.int64 = int(f)
                if 0 <= int(f) < (1 << 64):
                    n.is_uint = True
                    n.uint64 = int(f)
    if not (n.is_int or n.is_uint or n.is_float):
        raise ValueError(f"illegal number syntax: {quote(text)}")
    return n


def is_empty_tree(n: Node | None) -> bool:
    if n is None or isinstance(n, CommentNode):
        return True
    if isinstance(n, ListNode):
        return all(is_empty_tree(c) for c in n.nodes)
    if isinstance(n, TextNode):
        return not n.text.strip(" \t\n\v\f\r\x85\xa0")
    return False


def parse(name: str, text: str, funcs: Collection[str]) -> dict[str, Tree]:
    """All trees ``text`` defines; ``funcs`` are the function names it may call."""
    tree_set: dict[str, Tree] = {}
    t = Tree(name, funcs, text)
    has_break = "break" in funcs
    has_continue = "continue" in funcs
    lex = Lexer(name, text, break_ok=not has_break, continue_ok=not has_continue)
    t.start_parse(lex, tree_set)
    try:
        t.parse_top()
        t.add()
    except _ParseError as e:
        raise TemplateSyntaxError(str(e)) from None
    return tree_set

