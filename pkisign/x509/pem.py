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


_BEGIN = b"-----BEGIN "
_END = b"\n-----END "
_DASHES = b"-----"


def _line(data: bytes, pos: int) -> tuple[bytes, int]:
    """Go's getLine: the line at ``pos`` without its LF (or CRLF) and
    trailing spaces and tabs, and where the next line starts."""
    end = data.find(b"\n", pos)
    if end < 0:
        return data[pos:].rstrip(b" \t"), len(data)
    line = data[pos:end]
    if line.endswith(b"\r"):
        line = line[:-1]
    return line.rstrip(b" \t"), end + 1


def decode_blocks(data: bytes) -> list[Block]:
    """Every block Go's pem.Decode finds in ``data``, called until it finds none.

    As in Go, a block ends at the first END line after its BEGIN line, and
    is skipped when that line does not name its type or the body is not
    base64.  The END lines are indexed once, so that a file of many
    unterminated BEGIN lines costs a search each, not a scan to the end each.
    """
    ends = [m.start() for m in re.finditer(re.escape(_END), data)]
    blocks: list[Block] = []
    pos = 0
    while True:
        if data.startswith(_BEGIN, pos) and (pos == 0 or data[pos - 1] == 0x0A):
            pos += len(_BEGIN)
        else:
            found = data.find(b"\n" + _BEGIN, pos)
            if found < 0:
                return blocks
            pos = found + 1 + len(_BEGIN)
        type_line, pos = _line(data, pos)
        if not type_line.endswith(_DASHES):
            continue
        label = type_line[:-len(_DASHES)]
        headers, pos = _headers(data, pos)
        if not headers and data.startswith(_END[1:], pos):
            end, trailer = pos, pos + len(_END) - 1
        else:
            i = bisect.bisect_left(ends, pos)
            if i == len(ends):
                continue
            end, trailer = ends[i], ends[i] + len(_END)
        tail = label + _DASHES
        if data[trailer:trailer + len(tail)] != tail or _line(data, trailer + len(tail))[0]:
            continue
        try:
            der = base64.b64decode(data[pos:end].translate(None, b" \t\r\n"), validate=True)
        except (binascii.Error, ValueError):
            continue
        blocks.append(Block(label.decode("utf-8", "surrogateescape"), der, headers))
        pos = _line(data, trailer + len(tail))[1]


def _headers(data: bytes, pos: int) -> tuple[dict[str, str], int]:
    """RFC 1421 headers as Go reads them: the lines after BEGIN that hold a
    colon, each ``name: value`` with spaces trimmed."""
    headers: dict[str, str] = {}
    while pos < len(data):
        line, next_pos = _line(data, pos)
        name, colon, value = line.partition(b":")
        if not colon:
            break
        headers[name.strip().decode("latin-1")] = value.strip().decode("latin-1")
        pos = next_pos
    return headers, pos


def encode(type_: str, der: bytes) -> bytes:
    """A PEM block as Go's pem.Encode writes it (64-column base64, final newline)."""
    b64 = base64.b64encode(der)
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    head = b"-----BEGIN " + type_.encode("ascii") + b"-----\n"
    tail = b"-----END " + type_.encode("ascii") + b"-----\n"
    return head + b"".join(line + b"\n" for line in lines) + tail
