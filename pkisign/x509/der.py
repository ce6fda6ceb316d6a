"""The few DER (X.690) rules that pkisign writes by hand.

Everything structured is built and parsed with asn1crypto; these helpers
cover what asn1crypto has no spec for: a SEQUENCE or SET of pieces that are
already encoded (Go's ``asn1.RawValue`` style), and primitive values whose
type Go chooses at run time (an attribute value that is PrintableString or
UTF8String depending on its characters).
"""

from __future__ import annotations

from functools import lru_cache

from asn1crypto import core

__all__ = [
    "tlv",
    "sequence",
    "set_of",
    "oid",
    "integer",
    "octet_string",
    "bit_string",
    "read_tlv",
    "element",
    "decode_oid",
    "DERError",
    "InvalidOID",
    "ASN1_FAULTS",
    "children",
]


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(body),)) + body


def tlv(tag: int, content: bytes) -> bytes:
    """A single-byte tag, the minimal DER length, then the content."""
    n = len(content)
    # The two lengths a certificate's pieces nearly always have, written in place.
    if n < 0x80:
        return bytes((tag, n)) + content
    if n < 0x100:
        return bytes((tag, 0x81, n)) + content
    return bytes((tag,)) + _length(n) + content


def sequence(*parts: bytes) -> bytes:
    """SEQUENCE of already-encoded parts, in the given order."""
    return tlv(0x30, b"".join(parts))


def set_of(parts: list[bytes]) -> bytes:
    """SET OF: DER sorts the encodings bytewise (X.690 11.6), as Go does."""
    return tlv(0x31, b"".join(sorted(parts)))


# What asn1crypto's lazy parsing raises on hostile DER, beyond ValueError:
# IndexError (an empty BIT STRING), AttributeError (.native of universal types
# it does not model: ObjectDescriptor, INSTANCE OF), KeyError (an empty OID in
# a choice), OverflowError (an integer wider than its declared width).
ASN1_FAULTS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


class InvalidOID(ValueError):
    """An OID encoding/asn1 refuses to marshal."""

    def __init__(self) -> None:
        super().__init__("asn1: structure error: invalid object identifier")


@lru_cache(maxsize=1024)
def oid(dotted: str) -> bytes:
    """An OBJECT IDENTIFIER from its dotted form, checked as encoding/asn1 does."""
    arcs = dotted.split(".")
    if len(arcs) < 2 or not all(a.isascii() and a.isdigit() for a in arcs):
        raise InvalidOID()
    first, second = int(arcs[0]), int(arcs[1])
    if first > 2 or (first < 2 and second >= 40):
        raise InvalidOID()
    return core.ObjectIdentifier(dotted).dump()


def decode_oid(encoded: bytes) -> str:
    """An OBJECT IDENTIFIER TLV (tag 06) to its dotted form, with encoding/asn1's checks.

    Arcs must be minimally encoded base-128 integers that fit 31 bits;
    the messages are Go's.
    """
    return _decode_oid(bytes(encoded))


@lru_cache(maxsize=1024)  # a pure function of the bytes; inputs repeat the same few OIDs
def _decode_oid(encoded: bytes) -> str:
    if not encoded or encoded[0] != 0x06:
        raise DERError("tags don't match (object identifier)")
    content = children(encoded)[0][1]
    if not content:
        raise DERError("zero length OBJECT IDENTIFIER")
    arcs: list[int] = []
    value = shifted = 0
    for b in content:
        if shifted == 5:
            raise DERError("base 128 integer too large")
        if shifted == 0 and b == 0x80:
            raise DERError("integer is not minimally encoded")
        value = value << 7 | (b & 0x7F)
        shifted += 1
        if not b & 0x80:
            if value > 0x7FFFFFFF:
                raise DERError("base 128 integer too large")
            arcs.append(value)
            value = shifted = 0
    if shifted:
        raise DERError("truncated base 128 integer")
    first = arcs[0]
    head = [first // 40, first % 40] if first < 80 else [2, first - 80]
    return ".".join(str(a) for a in head + arcs[1:])


def integer(value: int) -> bytes:
    """A minimal two's-complement INTEGER: room for the magnitude and a sign bit."""
    magnitude = value if value >= 0 else ~value
    return tlv(0x02, value.to_bytes(magnitude.bit_length() // 8 + 1, "big", signed=True))


def octet_string(value: bytes) -> bytes:
    return tlv(0x04, value)


def bit_string(value: bytes, unused_bits: int = 0) -> bytes:
    return tlv(0x03, bytes((unused_bits,)) + value)


def read_tlv(data: bytes, offset: int = 0) -> tuple[int, int, int]:
    """(tag byte, content start, content end) of the DER element at offset.

    Only for data pkisign has already parsed (single-byte tags, definite
    lengths); it is used to slice pieces out, not to validate input.
    """
    tag = data[offset]
    first = data[offset + 1]
    if first < 0x80:
        start = offset + 2
        return tag, start, start + first
    n = first & 0x7F
    length = int.from_bytes(data[offset + 2:offset + 2 + n], "big")
    start = offset + 2 + n
    return tag, start, start + length


class DERError(ValueError):
    """Input that is not DER: a bad length, a truncated element, a high tag."""


def element(content: bytes, pos: int = 0) -> tuple[int, int, int]:
    """(tag byte, content start, content end) of the element at ``pos``, checked.

    Strict like Go's cryptobyte: definite, minimal lengths; no high-tag-number
    form; the element inside ``content``.  Reading one header first lets a
    caller refuse a file by its outer tag and length without splitting it.
    """
    end = len(content)
    if end - pos < 2:
        raise DERError("truncated element")
    tag = content[pos]
    if tag & 0x1F == 0x1F:
        raise DERError("high-tag-number form")
    first = content[pos + 1]
    if first < 0x80:
        start, length = pos + 2, first
    else:
        n = first & 0x7F
        if n == 0 or n > 4:
            raise DERError("indefinite or oversized length")
        if pos + 2 + n > end:
            raise DERError("truncated length")
        length = int.from_bytes(content[pos + 2:pos + 2 + n], "big")
        if length < 0x80 or content[pos + 2] == 0:
            raise DERError("non-minimal length")
        start = pos + 2 + n
    if start + length > end:
        raise DERError("truncated element")
    return tag, start, start + length


def children(content: bytes) -> list[tuple[int, bytes, bytes]]:
    """Split DER content into its elements: (tag byte, content, whole TLV).

    Every byte must be accounted for (see ``element`` for the rules).
    """
    out = []
    pos = 0
    end = len(content)
    while pos < end:
        tag, start, stop = element(content, pos)
        out.append((tag, content[start:stop], content[pos:stop]))
        pos = stop
    return out
