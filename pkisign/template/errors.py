"""Template errors; every one is a :class:`pkisign.errors.TemplateError`."""

from __future__ import annotations

from ..errors import TemplateError

__all__ = ["TemplateSyntaxError", "TemplateExecError", "TemplateFail", "TemplateLimitError"]


class TemplateSyntaxError(TemplateError):
    """The template does not parse: ``template: <name>:<line>: <msg>``."""


class TemplateExecError(TemplateError):
    """Execution failed: ``template: <name>:<line>:<col>: executing "<name>" at <<node>>: <msg>``."""


class TemplateFail(TemplateExecError):
    """The template called ``fail "msg"``; ``str(error)`` is exactly ``msg``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TemplateLimitError(TemplateExecError):
    """Execution exceeded a :class:`~pkisign.template.Limits` bound."""
