"""Text for a terminal: what a requester wrote never reaches one as a control.

A CSR's subject, a file name or a flag value may hold escape sequences (ESC
[8m hides the rest of a report), C1 controls (U+009B is a CSI on many
terminals), bidirectional overrides (U+202E shows text reversed) or line
separators.  Every line pkisign shows a person goes through ``escape``:
error lines, warnings, progress, ``--explain``, ``inspect`` and
``--dry-run``.
"""

from __future__ import annotations

__all__ = ["escape"]

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(ch: str) -> str:
    code = ord(ch)
    if ch in _SHORT:
        return _SHORT[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape(text: str, quote: str = "") -> str:
    """``text`` with every character that ``str.isprintable`` refuses escaped.

    That is every C0 and C1 control and DEL (as ``\\xHH``, or ``\\n``,
    ``\\r``, ``\\t``), format characters such as the bidirectional
    overrides U+202A-U+202E and U+2066-U+2069, line and paragraph
    separators, unassigned code points and undecodable bytes.  Characters in
    ``quote`` (and then the backslash) are escaped with a backslash too, for
    a quoted string.
    """
    if text.isprintable() and not quote:
        return text
    specials = quote + "\\" if quote else ""
    return "".join(
        "\\" + ch if ch in specials else ch if ch.isprintable() else _escaped(ch)
        for ch in text
    )
