"""A small DER reader for the harness itself, and the writer it shares.

The harness must not trust the code it tests: its TLV code is not
pkisign's.  The writer is the one of the golden-vector generators
(``tests/vectors/vectorlib.py``, standard library only, never imports
pkisign); the reader below splits elements into a tree, to re-sign a fuzzed
CertificationRequestInfo, to swap a key into a CSR, and for the
structure-aware mutations of :mod:`_strategies`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "vectors"))

from vectorlib import der_len as encode_length
from vectorlib import integer, oid, seq, tlv

__all__ = ["Node", "encode_length", "tlv", "seq", "integer", "parse", "parse_all", "oid"]


@dataclass
class Node:
    """One element: its tag byte, and its children when constructed (else its content)."""

    tag: int
    content: bytes = b""
    children: list["Node"] | None = None

    def encode(self) -> bytes:
        body = self.content if self.children is None else b"".join(c.encode() for c in self.children)
        return tlv(self.tag, body)

    def walk(self):  # type: ignore[no-untyped-def]
        """Every node, depth first, this one included."""
        yield self
        for child in self.children or ():
            yield from child.walk()


def _read(data: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, content start, content end), definite single-byte-tag lengths only."""
    if end - pos < 2:
        raise ValueError("truncated")
    tag, first = data[pos], data[pos + 1]
    if tag & 0x1F == 0x1F:
        raise ValueError("high tag")
    if first < 0x80:
        start, length = pos + 2, first
    else:
        n = first & 0x7F
        if n == 0 or n > 4 or pos + 2 + n > end:
            raise ValueError("bad length")
        length = int.from_bytes(data[pos + 2:pos + 2 + n], "big")
        start = pos + 2 + n
    if start + length > end:
        raise ValueError("truncated")
    return tag, start, start + length


def parse_all(data: bytes, depth: int = 0) -> list[Node]:
    """Elements of ``data`` as a tree; raises ValueError when it is not DER-shaped.

    Constructed elements (and OCTET/BIT STRINGs that hold exactly DER) are
    split into children, so that extension values get mutated inside too.
    """
    nodes = []
    pos = 0
    while pos < len(data):
        tag, start, end = _read(data, pos, len(data))
        content = data[start:end]
        node = Node(tag, content)
        if depth < 40:
            if tag & 0x20:
                try:
                    node.children = parse_all(content, depth + 1)
                except ValueError:
                    pass  # constructed, but not DER inside: kept as bytes
            elif tag == 0x04 and content[:1] in (b"\x30", b"\x31", b"\x04", b"\x03"):
                try:
                    node.children = parse_all(content, depth + 1) or None
                except ValueError:
                    pass
        nodes.append(node)
        pos = end
    return nodes


def parse(data: bytes) -> Node:
    nodes = parse_all(data)
    if len(nodes) != 1:
        raise ValueError("not one element")
    return nodes[0]
