"""PEM (RFC 7468) blocks, read the way Go's encoding/pem reads them.

step reads every input through Go's ``pem.Decode``: a block starts with a
``-----BEGIN TYPE-----`` line, may carry RFC 1421 headers (``Proc-Type``,
``DEK-Info``) before a blank line, and ends with the matching END line; text
around blocks is ignored, and a block whose body is not valid base64 is
skipped.  Output is written the way Go's ``pem.Encode`` writes it: base64 in
64-column lines, no headers.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
from dataclasses import dataclass, field

__all__ = ["Block", "decode_blocks", "encode", "has_pem", "BOMS", "strip_bom"]

_BEGIN = re.compile(rb"(?:^|\n)-----BEGIN ([^\r\n]*?)-----[ \t\r]*\n")
_HEADER = re.compile(rb"^([^:\r\n]+):[ \t]*(.*?)[ \t\r]*$")

#: Byte order marks that step's file reader skips at the start of a file.
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


def strip_bom(data: bytes) -> bytes:
    """Drop a UTF-8/16/32 byte order mark at the start of a file."""
    for bom in BOMS:
        if data.startswith(bom):
            return data[len(bom):]
    return data


@dataclass(frozen=True)
class Block:
    """One decoded PEM block."""

    type: str
    der: bytes
    headers: dict[str, str] = field(default_factory=dict)


def has_pem(data: bytes) -> bool:
    """True when the data holds a PEM header (step's PEM-or-DER test)."""
    return b"-----BEGIN " in data


_END = re.compile(rb"\n-----END ([^\r\n]*?)-----")


def decode_blocks(data: bytes) -> list[Block]:
    """Every well-formed PEM block in ``data``, in order.

    The END lines are indexed once, so that a file of many unterminated
    BEGIN lines costs a search each, not a scan to the end each.
    """
    ends: dict[bytes, list[int]] = {}
    for match in _END.finditer(data):
        ends.setdefault(match.group(1), []).append(match.start())
    blocks = []
    pos = 0
    while True:
        begin = _BEGIN.search(data, pos)
        if begin is None:
            return blocks
        label = begin.group(1)
        body_start = begin.end()
        # The body may be empty, so the END line can directly follow BEGIN.
        candidates = ends.get(label, [])
        i = bisect.bisect_left(candidates, body_start - 1)
        block = None
        if i < len(candidates):
            end = candidates[i]
            block = _parse_block(label, data[body_start:end + 1])
        if block is None:
            pos = begin.start() + 1
            continue
        blocks.append(block)
        pos = end + len(b"\n-----END ") + len(label) + len(b"-----")


def _parse_block(label: bytes, body: bytes) -> Block | None:
    lines = body.split(b"\n")
    headers: dict[str, str] = {}
    # RFC 1421 headers: "Name: value" lines that end at the first blank line.
    if lines and _HEADER.match(lines[0]):
        i = 0
        while i < len(lines) and lines[i].strip():
            match = _HEADER.match(lines[i])
            if match is None:
                return None
            headers[match.group(1).decode("latin-1")] = match.group(2).decode("latin-1")
            i += 1
        lines = lines[i:]
    text = b"".join(line.strip() for line in lines)
    try:
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        type_ = label.decode("ascii")
    except UnicodeDecodeError:
        return None
    return Block(type_, der, headers)


def encode(type_: str, der: bytes) -> bytes:
    """A PEM block as Go's pem.Encode writes it (64-column base64, final newline)."""
    b64 = base64.b64encode(der)
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    head = b"-----BEGIN " + type_.encode("ascii") + b"-----\n"
    tail = b"-----END " + type_.encode("ascii") + b"-----\n"
    return head + b"".join(line + b"\n" for line in lines) + tail
