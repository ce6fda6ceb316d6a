"""Hypothesis strategies that mutate a target's seeds.

Hypothesis does not follow coverage as atheris does, so its inputs start
from the real seeds and are mutated where parsers are fragile: DER-aware
changes (a node's content, tag, children, nesting) with the lengths
re-encoded so that parsing goes deep, then raw byte changes (flips,
insertions, deletions, truncation, splices).  The first byte of every
input is the target's choice byte; it is redrawn now and then.
"""

from __future__ import annotations

import copy

import _der
from hypothesis import strategies as st

__all__ = ["der_mutations", "byte_mutations", "text_mutations", "INTERESTING"]

#: Values that tend to break parsers.
INTERESTING = [
    b"", b"\x00", b"\xff", b"\x80", b"\x7f", b"\x00" * 8, b"\xff" * 8, b"\x81\x80", b"\x84\xff\xff\xff\xff",
    b"\x30\x80", b"\x30\x00", b"\x05\x00", b"\x01\x01\x00", b"\x02\x01\x00", b"\x02\x00", b"\x06\x00",
    b"\x06\x01\x80", b"-----BEGIN ", b"-----END ", b"\n", b"\r\n", b"%", b"\\", b'"', b"{{", b"}}",
    "é".encode(), "\U0001f600".encode(), b"\xed\xa0\x80", b"\xef\xbb\xbf",
]


def _node_strategy() -> st.SearchStrategy[_der.Node]:
    """A new element: a common tag with arbitrary content."""
    tags = st.sampled_from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0C, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18,
                            0x1A, 0x1C, 0x1E, 0x30, 0x31, 0x80, 0x81, 0x82, 0x86, 0x87, 0xA0, 0xA3, 0xA4])
    return st.builds(_der.Node, tags, st.one_of(st.binary(max_size=40), st.sampled_from(INTERESTING)))


@st.composite
def _structural(draw, payload: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """Up to three DER-aware changes; the payload unchanged when it is not DER."""
    try:
        roots = _der.parse_all(payload)
    except ValueError:
        return payload
    if not roots:
        return payload
    for _ in range(draw(st.integers(0, 3))):
        nodes = [n for r in roots for n in r.walk()]
        node = nodes[draw(st.integers(0, len(nodes) - 1))]
        op = draw(st.sampled_from(["content", "tag", "delete", "duplicate", "insert", "nest", "empty"]))
        if op == "content" and node.children is None:
            node.content = draw(st.one_of(st.binary(max_size=64), st.sampled_from(INTERESTING),
                                          st.text(max_size=20).map(lambda t: t.encode("utf-8"))))
        elif op == "tag":
            node.tag = draw(st.integers(0, 255).filter(lambda t: t & 0x1F != 0x1F))
            if not node.tag & 0x20 and node.children is not None and node.tag != 0x04:
                node.content, node.children = node.encode()[2:], None
        elif op in ("delete", "duplicate", "insert") and node.children:
            i = draw(st.integers(0, len(node.children) - 1))
            if op == "delete":
                del node.children[i]
            elif op == "duplicate":
                node.children.insert(i, copy.deepcopy(node.children[i]))
            else:
                node.children.insert(i, draw(_node_strategy()))
        elif op == "nest":
            depth = draw(st.sampled_from([1, 2, 10, 100]))
            inner = _der.Node(node.tag, node.content, node.children)
            for _ in range(depth):
                inner = _der.Node(0x30, b"", [inner])
            node.tag, node.content, node.children = inner.tag, inner.content, inner.children
        elif op == "empty":
            node.content, node.children = b"", ([] if node.children is not None else None)
    return b"".join(r.encode() for r in roots)


@st.composite
def _bytewise(draw, payload: bytes, pool: list[bytes]) -> bytes:  # type: ignore[no-untyped-def]
    data = bytearray(payload)
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "splice"]))
        at = draw(st.integers(0, len(data))) if data else 0
        if op == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and at < len(data):
            data[at] = draw(st.sampled_from([0x00, 0x01, 0x7F, 0x80, 0x81, 0x82, 0xFF, 0x30, 0x0A, 0x2D, 0x3D]))
        elif op == "insert":
            data[at:at] = draw(st.one_of(st.binary(min_size=1, max_size=16), st.sampled_from(INTERESTING)))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 16))]
        elif op == "truncate":
            del data[at:]
        elif op == "splice" and pool:
            other = draw(st.sampled_from(pool))
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start:start + draw(st.integers(1, 64))]
    return bytes(data)


@st.composite
def der_mutations(draw, seeds: list[bytes]) -> bytes:  # type: ignore[no-untyped-def]
    """A seed (choice byte + payload) with DER-aware, then bytewise changes."""
    seed = draw(st.sampled_from(seeds))
    head, payload = seed[:1], seed[1:]
    if draw(st.integers(0, 9)) == 0:
        head = bytes((draw(st.integers(0, 255)),))
    payload = draw(_structural(payload))
    if draw(st.booleans()):
        payload = draw(_bytewise(payload, seeds))
    return head + payload


@st.composite
def byte_mutations(draw, seeds: list[bytes]) -> bytes:  # type: ignore[no-untyped-def]
    """A seed with bytewise changes, or (rarely) arbitrary bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    seed = draw(st.sampled_from(seeds))
    head, payload = seed[:1], seed[1:]
    if draw(st.integers(0, 9)) == 0:
        head = bytes((draw(st.integers(0, 255)),))
    return head + draw(_bytewise(payload, seeds))


def text_mutations(seeds: list[bytes], alphabet: str) -> st.SearchStrategy[bytes]:
    """Seeds mutated bytewise, or text over an alphabet the parser cares about."""
    generated = st.builds(lambda head, t: bytes((head,)) + t.encode("utf-8", "surrogatepass"),
                          st.integers(0, 255), st.text(alphabet=alphabet, max_size=40))
    return st.one_of(byte_mutations(seeds), generated)
