"""Resource bounds for executing untrusted templates.

The executor counts steps and output bytes itself; template functions that
can build large values (``repeat``, ``until``, ``randBytes`` ...) call
:func:`check_alloc` so that one call cannot allocate more than the output
limit allows, and every function result is charged (:func:`charge`) to a
budget for the whole run, so that many large values built in a loop end
too.  The budget counts memory, not length: a list of ten million small
integers holds some 400 MB, not ten million bytes (:func:`memory_size`).
"""

from __future__ import annotations

import contextvars
import sys
from dataclasses import dataclass
from typing import Any

__all__ = ["Limits", "LimitExceeded", "check_alloc", "check_elements", "charge", "charge_value", "memory_size",
           "ELEMENT_COST",
           "charge_match_steps"]

#: The memory of a small object a list or map points at (an int, a bool).
OBJECT_COST = 32
#: The memory one element of a new list costs at least: its slot and an int.
ELEMENT_COST = 8 + OBJECT_COST


@dataclass(frozen=True)
class Limits:
    """Bounds for one :meth:`Template.execute` call.

    ``max_steps`` counts node evaluations and range iterations;
    ``max_output`` is in bytes and also caps single values built by
    functions; ``max_depth`` bounds nested ``{{template}}`` calls (Go allows
    100000, which Python's stack cannot); ``max_alloc`` bounds the sum of
    the sizes of all function results; ``max_match_steps`` bounds the
    regular-expression work of the whole run (each search is linear, but a
    loop can repeat one on a long value: step has no such bound).
    """

    max_steps: int = 1_000_000
    max_output: int = 10 * 1024 * 1024
    max_depth: int = 100
    max_alloc: int = 100 * 1024 * 1024  # bytes of memory in function results over the whole run
    max_match_steps: int = 2_000_000  # regexp VM steps over the whole run (about 1-2 s of CPU)


class LimitExceeded(Exception):
    """Internal: a limit was hit; the executor adds Go's error context."""


class _Run:
    """The limits of one execution and what its functions have built so far."""

    __slots__ = ("limits", "spent", "match_steps")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.spent = 0
        self.match_steps = 0


# One shared default run for code outside a template (direct calls, tests); every template run sets its own.
_current: contextvars.ContextVar[_Run] = contextvars.ContextVar("template_limits", default=_Run(Limits()))  # noqa: B039


def use_limits(limits: Limits) -> contextvars.Token[_Run]:
    return _current.set(_Run(limits))


def reset_limits(token: contextvars.Token[_Run]) -> None:
    _current.reset(token)


def check_alloc(size: int, what: str) -> None:
    """Refuse to build a value of ``size`` bytes/elements beyond the output limit."""
    limit = _current.get().limits.max_output
    if size > limit:
        raise LimitExceeded(f"{what} exceeds the maximum output size ({limit} bytes)")


def check_elements(count: int, what: str) -> None:
    """Refuse, before building it, a list of ``count`` elements that the
    rest of the run's budget cannot hold."""
    run = _current.get()
    if count * ELEMENT_COST > run.limits.max_alloc - run.spent:
        raise LimitExceeded(f"{what} of {count} elements exceeds the template memory budget "
                            f"({run.limits.max_alloc} bytes in all)")


def memory_size(value: Any, stop: int | None = None) -> int:
    """A sound estimate of the bytes ``value`` holds: strings by their size,
    lists and maps by their slots plus, element by element, what they hold.

    A list or map reached twice is counted once.  The walk visits each
    element once, and ends as soon as the total passes ``stop``.
    """
    total = 0
    seen: set[int] = set()
    stack = [value]
    while stack and (stop is None or total <= stop):
        item = stack.pop()
        if isinstance(item, (str, bytes, bytearray)):
            total += sys.getsizeof(item)
        elif isinstance(item, (list, tuple, dict)):
            if id(item) in seen:
                continue
            seen.add(id(item))
            total += sys.getsizeof(item)  # the container and its slots
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            else:
                stack.extend(item)
        else:
            total += OBJECT_COST
    return total


def charge_value(value: Any) -> None:
    """Count a function result's memory against the run's budget; measuring
    it stops where the budget ends."""
    run = _current.get()
    charge(memory_size(value, stop=run.limits.max_alloc - run.spent))


def charge(size: int) -> None:
    """Count a function result's size against the run's allocation budget."""
    run = _current.get()
    run.spent += size
    if run.spent > run.limits.max_alloc:
        raise LimitExceeded(f"template functions built more than {run.limits.max_alloc} bytes in all")


def charge_match_steps(steps: int) -> None:
    """Count regular-expression VM steps against the run's budget."""
    run = _current.get()
    run.match_steps += steps
    if run.match_steps > run.limits.max_match_steps:
        raise LimitExceeded(f"regular expressions took more than {run.limits.max_match_steps} steps in all")
