"""The two views of a report: text for people, JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from .model import SEVERITIES, Element, Finding, Report

__all__ = ["render_text", "render_json", "JSON_FORMAT"]

#: Value of the "format" key of the JSON view; changes only when keys change incompatibly.
JSON_FORMAT = "pkisign-inspect/1"

_HEX_PER_LINE = 16
#: The text view shows at most this many content bytes of one element (JSON has all).
_TEXT_HEX_LIMIT = 4096
_PAD = " " * 29


def _title(report: Report) -> str:
    source = ""
    if report.source == "pem":
        source = f", from PEM {report.pem_label!r}" if report.pem_label is not None else ", from PEM"
    return f"{report.kind}: {report.size} bytes of DER{source}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _element_lines(element: Element, notes: list[Finding]) -> list[str]:
    indent = "  " * element.depth
    length = "inf" if element.indefinite else str(element.length)
    tag = element.tag_name
    if element.type and element.type != element.tag_name:
        tag += f" ({element.type})"
    header = bytes.fromhex(element.header_hex).hex(" ")
    line = f"{element.offset:>6} {element.header_length:>2} {length:>5}  {header:<11} {indent}{tag}"
    label = element.path
    if element.display is not None:
        label = f"{label} = {element.display}" if label else f"= {element.display}"
    if label:
        line += "  " + label
    lines = [line]
    if element.hex:
        shown = element.hex
        if element.children:  # content that is DER: only the octets before it (a BIT STRING's unused bits)
            shown = shown[:2 * (element.children[0].offset - element.offset - element.header_length)]
        size = len(shown) // 2
        for start in range(0, min(size, _TEXT_HEX_LIMIT), _HEX_PER_LINE):
            chunk = bytes.fromhex(shown[2 * start:2 * min(start + _HEX_PER_LINE, size)])
            lines.append(f"{_PAD}{indent}  {chunk.hex(' ')}")
        if size > _TEXT_HEX_LIMIT:
            lines.append(f"{_PAD}{indent}  ... {size - _TEXT_HEX_LIMIT} more bytes")
    for finding in notes:
        lines.append(f"{_PAD}{indent}  !! {finding.severity} {finding.code}: {finding.message}")
    return lines


def render_text(report: Report) -> str:
    """One line per element (offset, header length, length, header octets, tag, path = value),
    content hex wrapped beneath, findings flagged under their element and listed at the end."""
    inline: dict[int, list[Finding]] = {}
    for finding in report.findings:
        if finding.element is not None:
            inline.setdefault(id(finding.element), []).append(finding)
    lines = [_title(report)]
    if report.root is not None:
        lines.append(f"{'offset':>6} {'hl':>2} {'len':>5}  {'header':<11} element")
        for element in report.elements():
            lines.extend(_element_lines(element, inline.get(id(element), [])))
    lines.append("")
    counts = report.counts()
    if not report.findings:
        lines.append("findings: none")
    else:
        lines.append("findings: " + ", ".join(_plural(counts[s], s) for s in SEVERITIES))
        for f in report.findings:
            lines.append(f"  {f.severity:<7} {f.code}  @{f.offset}  {f.path or '(outermost)'}: {f.message}")
    return "\n".join(lines) + "\n"


def _element_json(element: Element) -> dict[str, Any]:
    return {
        "offset": element.offset,
        "end": element.end,
        "header_length": element.header_length,
        "length": element.length,
        "indefinite": element.indefinite,
        "tag_class": element.tag_class,
        "constructed": element.constructed,
        "tag_number": element.tag_number,
        "tag_name": element.tag_name,
        "path": element.path,
        "type": element.type,
        "value": element.value,
        "display": element.display,
        "header_hex": element.header_hex,
        "hex": element.hex,
        "children": [_element_json(child) for child in element.children],
    }


def render_json(report: Report, *, indent: int | None = None) -> str:
    """The report as JSON: one line of ASCII (``indent`` pretty-prints it),
    every key always present, in this order.

    Top level: ``format`` ("pkisign-inspect/1"), ``kind``, ``source`` ("der"
    or "pem"), ``pem_label`` (or null), ``size`` (bytes of DER), ``root``
    (an element, or null for empty input), ``trailing`` (top-level elements
    after the root), ``findings`` (list of ``{code, severity, offset, path,
    message}``, sorted by offset) and ``counts`` (``{error, warning,
    notice}``).

    Element: ``offset``, ``end``, ``header_length``, ``length`` (null for
    the indefinite form), ``indefinite``, ``tag_class`` (universal,
    application, context, private; "none" for unparsed bytes),
    ``constructed``, ``tag_number``, ``tag_name``, ``path``, ``type`` (ASN.1
    type from the schema, or null), ``value`` (see :mod:`.values` for its
    type per tag), ``display`` (for people), ``header_hex``, ``hex``
    (content octets of a primitive element, null for a constructed one) and
    ``children``.  The children of a *primitive* element are the DER it
    contains (extnValue, subjectPublicKey...).
    """
    document = {
        "format": JSON_FORMAT,
        "kind": report.kind,
        "source": report.source,
        "pem_label": report.pem_label,
        "size": report.size,
        "root": _element_json(report.root) if report.root is not None else None,
        "trailing": [_element_json(e) for e in report.trailing],
        "findings": [
            {"code": f.code, "severity": f.severity, "offset": f.offset, "path": f.path, "message": f.message}
            for f in report.findings
        ],
        "counts": report.counts(),
    }
    if indent is None:
        return json.dumps(document, separators=(",", ":")) + "\n"
    return json.dumps(document, indent=indent) + "\n"
