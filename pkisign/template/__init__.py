"""Go text/template for certificate templates, with sprig's and step's functions.

A pure-Python interpreter of Go's ``text/template`` language that renders
smallstep certificate templates to exactly the text Go produces::

    from pkisign.template import Template, FUNCS, Limits

    t = Template.parse(text, name="template", funcs=FUNCS)  # TemplateSyntaxError
    out = t.execute(data, limits=Limits())                  # TemplateExecError / TemplateFail

``data`` uses the Go value model of :mod:`pkisign.golang.reflect`;
:mod:`pkisign.golang.json` has Go's JSON encoder and decoder.  The output
is a ``str`` in which bytes that are not valid UTF-8 (Go strings may hold
any bytes) are surrogate escapes: ``out.encode("utf-8", "surrogateescape")``
gives Go's exact bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import TemplateExecError, TemplateFail, TemplateLimitError, TemplateSyntaxError

__all__ = [
    "Template",
    "FUNCS",
    "Limits",
    "TemplateSyntaxError",
    "TemplateExecError",
    "TemplateFail",
    "TemplateLimitError",
]

# The interpreter and its function library load on first use: the JSON
# codec and the Go value model (siblings of this package) are needed on
# every signing path, the interpreter only when a template runs.
_LAZY = {"Template": ".engine", "FUNCS": ".funcs", "Limits": ".limits"}

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Template
    from .funcs import FUNCS
    from .limits import Limits


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
