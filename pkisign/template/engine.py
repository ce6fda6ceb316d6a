"""The parsed-template object: parse once, execute many times."""

from __future__ import annotations

from typing import Any, Mapping

from ..golang.reflect import GoFunc
from .errors import TemplateSyntaxError
from .exec import Executor
from .funcs import BUILTINS, FUNCS
from .limits import Limits, reset_limits, use_limits
from .parser import Tree, parse

__all__ = ["Template"]


class Template:
    """A parsed template and the named templates it defines."""

    def __init__(self, name: str, trees: Mapping[str, Tree], funcs: Mapping[str, GoFunc]) -> None:
        self.name = name
        self._trees = dict(trees)
        self._funcs = dict(funcs)

    @classmethod
    def parse(cls, text: str, name: str = "template", funcs: Mapping[str, GoFunc] | None = None) -> Template:
        """Parse ``text`` like ``template.New(name).Funcs(funcs).Parse(text)``."""
        funcs = FUNCS if funcs is None else funcs
        names = set(funcs) | set(BUILTINS)
        try:
            trees = parse(name, text, names)
        except RecursionError:
            raise TemplateSyntaxError(f"template: {name}: nesting too deep") from None
        return cls(name, trees, funcs)

    def execute(self, data: Any = None, limits: Limits | None = None) -> str:
        """Render the template with ``data`` as dot; raises a TemplateError subclass."""
        limits = limits or Limits()
        token = use_limits(limits)
        try:
            return Executor(self._trees, self._funcs, BUILTINS, limits).execute(self.name, data)
        finally:
            reset_limits(token)
