"""A small DER reader and writer for the harness itself.

The harness must not trust the code it tests, so it has its own (tiny) TLV
code: to re-sign a fuzzed CertificationRequestInfo, to swap a key into a
CSR, and for the structure-aware mutations of :mod:`_strategies`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Node", "encode_length", "tlv", "seq", "integer", "parse", "parse_all", "oid"]


def encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(body),)) + body


def tlv(tag: int, content: bytes) -> bytes:
    return bytes((tag,)) + encode_length(len(content)) + content


def seq(*parts: bytes) -> bytes:
    return tlv(0x30, b"".join(parts))


def integer(value: int) -> bytes:
    """A minimal two's-complement INTEGER TLV."""
    n = max(1, (value.bit_length() + 8) // 8)
    return tlv(0x02, value.to_bytes(n, "big", signed=True))


def oid(dotted: str) -> bytes:
    """An OBJECT IDENTIFIER TLV from its dotted form."""
    arcs = [int(a) for a in dotted.split(".")]
    body = bytearray()
    for value in [arcs[0] * 40 + arcs[1], *arcs[2:]]:
        chunk = [value & 0x7F]
        value >>= 7
        while value:
            chunk.append(0x80 | (value & 0x7F))
            value >>= 7
        body.extend(reversed(chunk))
    return tlv(0x06, bytes(body))


@dataclass
class Node:
    """One element: its tag byte, and its children when constructed (else its content)."""

    tag: int
    content: bytes = b""
    children: list["Node"] | None = None
    raw_header: bytes | None = field(default=None, repr=False)  # a non-minimal header to keep

    def encode(self) -> bytes:
        body = self.content if self.children is None else b"".join(c.encode() for c in self.children)
        return bytes((self.tag,)) + encode_length(len(body)) + body

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
            elif tag in (0x04,) and content[:1] in (b"\x30", b"\x31", b"\x04", b"\x03"):
                try:
                    kids = parse_all(content, depth + 1)
                    if kids:
                        node = Node(tag, content, None)
                        node.children = kids
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
