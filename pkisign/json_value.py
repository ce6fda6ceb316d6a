"""JSON values as Go's encoding/json sees them.

Go decodes template output into structs: object keys match fields
case-insensitively, a later duplicate overwrites an earlier one, and a number
is only an integer if its text is one.  Python's ``json`` module loses both
the duplicates and the number text, so values are parsed into these types:
``JSONObject`` keeps every member in order and ``JSONNumber`` keeps the
literal text.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

__all__ = ["JSONObject", "JSONNumber", "parse"]


class JSONNumber(str):
    """A JSON number, kept as its literal text."""


class JSONObject:
    """A JSON object: its members in document order, duplicates included."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs

    def items(self) -> Iterator[tuple[str, Any]]:
        return iter(self.pairs)

    def __repr__(self) -> str:
        return f"JSONObject({self.pairs!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JSONObject) and self.pairs == other.pairs


def parse(text: str) -> Any:
    """Parse one JSON document into JSONObject / list / str / JSONNumber / bool / None."""
    return json.loads(
        text,
        object_pairs_hook=JSONObject,
        parse_int=JSONNumber,
        parse_float=JSONNumber,
        parse_constant=_reject_constant,
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"invalid character '{name[0]}' looking for beginning of value")
