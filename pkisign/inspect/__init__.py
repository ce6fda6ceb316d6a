"""An annotated DER view of certificates, CSRs, TBSCertificates and public keys.

For every TLV element: its offset, header length, tag, length, its path in
the X.509 schema (``tbsCertificate.extensions[2].extnValue ->
basicConstraints.pathLenConstraint``), its decoded value and its bytes.  BER
and broken encodings are read as far as possible and every departure from
DER (or from the schema) becomes a :class:`Finding` with a stable code (see
:data:`CODES`) instead of an error::

    from pkisign.inspect import inspect_bytes, render_text, render_json

    report = inspect_bytes(open("leaf.crt", "rb").read())
    print(render_text(report))          # for people
    document = render_json(report)      # for tools
    errors = [f for f in report.findings if f.severity == "error"]

Nothing here raises on bad input: any bytes give a :class:`Report`.  Work
and memory are linear in the input (nesting depth and element count are
bounded, see :mod:`.tlv`).

Modules: :mod:`.model` (the result types and finding codes), :mod:`.tlv`
(the BER walker), :mod:`.values` (primitive decoding and checks),
:mod:`.spec` (the schema vocabulary), :mod:`.x509` (the X.509 / PKCS #10
schema), :mod:`.oids` (OID names), :mod:`.annotate` (schema over elements),
:mod:`.detect` (input kinds), :mod:`.render` (text and JSON).
"""

from __future__ import annotations

from ..x509.pem import decode_blocks, has_pem, strip_bom
from .annotate import Annotator
from .detect import PEM_LABELS, detect_kind
from .model import CODES, KINDS, SEVERITIES, Element, Finding, Report
from .render import JSON_FORMAT, render_json, render_text
from .tlv import Walker
from .x509 import SCHEMAS

__all__ = [
    "Element", "Finding", "Report", "CODES", "KINDS", "SEVERITIES", "JSON_FORMAT",
    "inspect_der", "inspect_bytes", "render_text", "render_json", "is_private_key", "hide_private_values",
]


#: Path of the outermost element per kind: a bare TBSCertificate gets the
#: paths it has inside a certificate, so that the two views line up.
ROOT_PATHS = {"tbs": "tbsCertificate"}


def _finding(code: str, offset: int, path: str, message: str, element: Element | None = None) -> Finding:
    return Finding(code, CODES[code][0], offset, path, message, element)


def inspect_der(der: bytes, kind: str | None = None) -> Report:
    """Inspect DER (or BER) bytes.

    ``kind`` ("certificate", "csr", "tbs", "public-key" or "unknown") says
    which schema to apply; when None it is guessed from the structure (see
    :mod:`.detect`), and "unknown" shows the elements without a schema.
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    der = bytes(der)
    if not der:
        return Report(kind or "unknown", None, [_finding("input.empty", 0, "", "no data")])
    walker = Walker(der)
    tops = walker.walk(0, len(der), 0)
    root, trailing = tops[0], tops[1:]
    guessed = kind is None
    if kind is None:
        kind = detect_kind(root)
    annotator = Annotator(walker)
    schema = SCHEMAS.get(kind)
    if schema is not None:
        annotator.annotate(root, schema, ROOT_PATHS.get(kind, ""))
    else:
        annotator.generic(root, "")
    for i, extra in enumerate(trailing, 1):
        if i == 1:
            walker.note(extra, "der.trailing_data",
                        f"{len(der) - extra.offset} bytes after the end of the outermost element")
        annotator.generic(extra, f"(trailing {i})")
    findings = [_finding(code, element.offset, element.path, message, element)
                for element, code, message in walker.pending]
    if guessed and kind == "unknown":
        findings.append(_finding("input.unknown_structure", root.offset, root.path,
                                 "not shaped like a certificate, CSR, TBSCertificate or public key; "
                                 "shown without schema", root))
    findings.sort(key=lambda f: f.offset)
    return Report(kind, root, findings, trailing, size=len(der))


def inspect_bytes(data: bytes) -> Report:
    """Inspect a file's bytes: PEM or DER; the kind comes from the PEM label or the structure.

    Of several PEM blocks, the first certificate, CSR or TBS block is
    inspected, else the first public key, else the first block.

    A byte order mark before DER is skipped (offsets count from after it).
    """
    data = bytes(data)
    stripped = strip_bom(data)
    bom = len(data) - len(stripped)
    if has_pem(stripped):
        blocks = decode_blocks(stripped)
        if not blocks:
            return Report("unknown", None, [_finding("pem.no_block", 0, "", "PEM armour, but no block decodes")],
                          source="pem")
        block = next((b for b in blocks if PEM_LABELS.get(b.type, "public-key") != "public-key"),
                     next((b for b in blocks if b.type in PEM_LABELS), blocks[0]))
        report = inspect_der(block.der, PEM_LABELS.get(block.type))
        report.source, report.pem_label = "pem", block.type
        if len(blocks) > 1:
            report.findings.insert(0, _finding(
                "pem.extra_blocks", 0, "",
                f"{len(blocks)} PEM blocks; only the {block.type!r} block "
                f"(number {blocks.index(block) + 1}) is inspected"))
        return report
    report = inspect_der(stripped)
    if bom:
        report.findings.insert(0, _finding("input.bom", 0, "",
                                           f"a {bom}-byte byte order mark before the DER was skipped"))
    return report


# -- private keys ---------------------------------------------------------------------

#: Elements of a private key whose values say nothing secret.
_PUBLIC_TAGS = frozenset(("OBJECT IDENTIFIER", "NULL", "BOOLEAN"))


def _private_key_shape(root: Element | None) -> bool:
    """PKCS#8 or SEC1 (a version INTEGER, then an OCTET STRING among the first
    three elements) or PKCS#1 (nine or more INTEGERs), judged by shape."""
    if root is None or root.tag_name != "SEQUENCE":
        return False
    names = [c.tag_name for c in root.children]
    if names[:1] != ["INTEGER"]:
        return False
    return "OCTET STRING" in names[1:3] or (len(names) >= 9 and set(names) == {"INTEGER"})


def is_private_key(report: Report) -> bool:
    """Whether the inspected input is a private key (by PEM label, or by shape)."""
    if report.pem_label is not None:
        return report.pem_label.endswith("PRIVATE KEY")
    return report.kind == "unknown" and _private_key_shape(report.root)


def hide_private_values(report: Report) -> None:
    """Blank the values of a private key's elements, keeping their structure
    (offsets, tags, lengths) and what is not secret: OIDs, NULLs, booleans
    and the version number."""
    version = report.root.children[0] if report.root is not None and report.root.children else None
    for element in report.elements():
        if element.hex is None or element.tag_name in _PUBLIC_TAGS or element is version:
            continue
        element.value, element.hex, element.children = None, "", []
        element.display = f"{element.length} bytes, hidden (a private value)"
    report.findings.insert(0, _finding("input.private_key", 0, "",
                                       "a private key: private values are hidden (--show-private shows them)"))
