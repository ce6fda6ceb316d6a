"""Resource bounds for executing untrusted templates.

The executor counts steps and output bytes itself; template functions that
can build large values (``repeat``, ``until``, ``randBytes`` ...) call
:func:`check_alloc` so that one call cannot allocate more than the output
limit allows.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

__all__ = ["Limits", "LimitExceeded", "check_alloc"]


@dataclass(frozen=True)
class Limits:
    """Bounds for one :meth:`Template.execute` call.

    ``max_steps`` counts node evaluations and range iterations;
    ``max_output`` is in bytes and also caps single values built by
    functions; ``max_depth`` bounds nested ``{{template}}`` calls (Go allows
    100000, which Python's stack cannot).
    """

    max_steps: int = 1_000_000
    max_output: int = 10 * 1024 * 1024
    max_depth: int = 100


class LimitExceeded(Exception):
    """Internal: a limit was hit; the executor adds Go's error context."""


_current: contextvars.ContextVar[Limits] = contextvars.ContextVar("template_limits", default=Limits())


def use_limits(limits: Limits) -> contextvars.Token[Limits]:
    return _current.set(limits)


def reset_limits(token: contextvars.Token[Limits]) -> None:
    _current.reset(token)


def check_alloc(size: int, what: str) -> None:
    """Refuse to build a value of ``size`` bytes/elements beyond the output limit."""
    limit = _current.get().max_output
    if size > limit:
        raise LimitExceeded(f"{what} exceeds the maximum output size ({limit} bytes)")
