"""What an inspection produces: elements, findings and the report.

Every finding code is listed in :data:`CODES` with its severity and a one-line
description; the codes are stable (tools may match on them), the messages
are for people and may change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Element", "Finding", "Report", "CODES", "SEVERITIES", "KINDS"]

#: Severities, most serious first.
SEVERITIES = ("error", "warning", "notice")

#: What ``Report.kind`` can be.
KINDS = ("certificate", "csr", "tbs", "public-key", "unknown")


@dataclass(eq=False)
class Element:
    """One TLV element of the input, with its place in the X.509 schema.

    Offsets are absolute positions in the inspected DER.  For a primitive
    element, ``hex`` holds its content octets; for a constructed one it is
    ``None`` and the content is ``children``.  A *primitive* element that
    has children (an OCTET STRING ``extnValue``, a BIT STRING
    ``subjectPublicKey``...) contains DER: the children are that inner
    encoding, decoded, and cover the same bytes as ``hex``.  So walking the
    tree in pre-order, without descending into the children of primitive
    elements, and joining ``header_hex + (hex or "")`` gives back the input.

    Two pseudo elements exist: ``tag_name == "EOC"`` is an end-of-contents
    marker (universal 0, it closes an indefinite length) and
    ``tag_class == "none"`` (``tag_name == "unparsed"``) is a run of bytes
    that is not a TLV element (after a broken header, past a limit).
    """

    #: Offset of the first identifier octet.
    offset: int
    #: Identifier and length octets.
    header_length: int
    #: Length as written in the header; ``None`` for the indefinite form.
    length: int | None
    #: "universal", "application", "context", "private", or "none" (unparsed bytes).
    tag_class: str
    constructed: bool
    #: ``None`` for unparsed bytes.
    tag_number: int | None
    #: "SEQUENCE", "INTEGER", "[0]", "[APPLICATION 1]", "EOC", "unparsed"...
    tag_name: str
    #: Where the element is in the schema; "" for the outermost element.
    path: str = ""
    #: Decoded value, JSON-safe (see ``render_json`` for the type of each tag).
    value: Any = None
    #: Content octets (primitive elements), lower-case hex; None when constructed.
    hex: str | None = None
    children: list[Element] = field(default_factory=list)
    #: Offset just past the element as walked (after its EOC for the indefinite
    #: form; clamped to the data when the length runs past it).
    end: int = 0
    #: True for the indefinite length form (BER).
    indefinite: bool = False
    #: Identifier and length octets, lower-case hex.
    header_hex: str = ""
    #: The ASN.1 type from the schema ("TBSCertificate", "IA5String"...), if known.
    type: str | None = None
    #: One line for people: the value with names (OIDs, bits, versions...).
    display: str | None = None
    #: Nesting level: 0 for top-level elements; elements decoded from the
    #: content of a primitive element are one level below it.
    depth: int = 0

    def iter(self) -> Iterator[Element]:
        """This element and every element below it (encapsulated ones too), pre-order."""
        stack = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed(element.children))


@dataclass
class Finding:
    """Something in the encoding that DER or the schema does not allow."""

    #: Stable code such as ``der.nonminimal_length``; see :data:`CODES`.
    code: str
    #: "error", "warning" or "notice".
    severity: str
    #: Offset of the element concerned.
    offset: int
    #: Path of the element concerned ("" for the outermost one).
    path: str
    message: str
    #: The element concerned (not serialized).
    element: Element | None = field(default=None, repr=False, compare=False)


@dataclass
class Report:
    """The result of one inspection."""

    #: "certificate", "csr", "tbs", "public-key" or "unknown".
    kind: str
    #: The outermost element; ``None`` only for empty input.
    root: Element | None
    #: Sorted by offset (then in the order they were found).
    findings: list[Finding] = field(default_factory=list)
    #: Top-level elements after the root (each is also a ``der.trailing_data`` finding).
    trailing: list[Element] = field(default_factory=list)
    #: Size of the inspected DER.
    size: int = 0
    #: "der" or "pem".
    source: str = "der"
    #: The PEM label when the input was PEM.
    pem_label: str | None = None

    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def elements(self) -> Iterator[Element]:
        """Every element, the trailing ones included, pre-order."""
        for top in ([self.root] if self.root is not None else []) + self.trailing:
            yield from top.iter()


#: code -> (severity, what it means).  Codes are stable; new ones may be added.
CODES: dict[str, tuple[str, str]] = {
    # Framing (X.690 8.1): identifiers, lengths, nesting.
    "der.truncated": ("error", "the data ends inside an identifier or length field"),
    "der.length_overflow": ("error", "the length runs past the end of the enclosing element or of the data"),
    "der.indefinite_length": ("error", "indefinite length form (BER, not DER; X.690 10.1)"),
    "der.missing_eoc": ("error", "an indefinite length element is not closed by end-of-contents"),
    "der.bad_eoc": ("error", "end-of-contents where none may be, or with a non-zero length"),
    "der.nonminimal_length": ("error", "length not in the shortest form (X.690 10.1)"),
    "der.bad_length": ("error", "reserved length octet 0xFF (X.690 8.1.3.5)"),
    "der.long_form_tag": ("error", "high tag number form for a tag number below 31 (X.690 8.1.2.2)"),
    "der.nonminimal_tag": ("error", "high tag number with a leading 0x80 octet (X.690 8.1.2.4.2)"),
    "der.bad_tag": ("error", "tag number too large to be meaningful"),
    "der.trailing_data": ("error", "bytes after the outermost element, or after the value in an OCTET/BIT STRING"),
    "der.constructed_string": ("error", "constructed form of a string type (BER, not DER; X.690 10.2)"),
    "der.bad_constructed_bit": ("error", "primitive/constructed bit wrong for the type"),
    # Contents (X.690 8 and 11).
    "der.set_not_sorted": ("error", "SET OF elements not in ascending order of their encodings (X.690 11.6)"),
    "der.default_encoded": ("error", "a component equal to its DEFAULT value is encoded (X.690 11.5)"),
    "der.nonminimal_integer": ("error", "INTEGER or ENUMERATED with a redundant leading octet (X.690 8.3.2)"),
    "der.bad_integer": ("error", "INTEGER or ENUMERATED with no content octets"),
    "der.bad_boolean": ("error", "BOOLEAN not one octet of 00 or FF (X.690 11.1)"),
    "der.bad_null": ("error", "NULL with content octets"),
    "der.bad_oid": ("error", "malformed OBJECT IDENTIFIER (empty, or its last sub-identifier unfinished)"),
    "der.nonminimal_oid": ("error", "OBJECT IDENTIFIER sub-identifier with a leading 0x80 octet (X.690 8.19.2)"),
    "der.bad_bit_string": ("error", "BIT STRING without its initial octet, with more than 7 unused bits, "
                                    "or unused bits in an empty string"),
    "der.bit_string_padding": ("error", "BIT STRING unused bits not zero (X.690 11.2.1)"),
    "der.named_bits_trailing_zero": ("error", "named bit list with trailing zero bits (X.690 11.2.2)"),
    "der.invalid_printable_string": ("error", "PrintableString with a character outside its set"),
    "der.invalid_ia5_string": ("error", "IA5String with a byte above 0x7F"),
    "der.invalid_utf8_string": ("error", "UTF8String that is not valid UTF-8"),
    "der.invalid_bmp_string": ("error", "BMPString of odd length or with an unpaired surrogate"),
    "der.bmp_string_surrogates": ("warning", "BMPString holding UTF-16 surrogate pairs; BMPString is UCS-2"),
    "der.invalid_universal_string": ("error", "UniversalString of a length not a multiple of 4, or not characters"),
    "der.invalid_numeric_string": ("error", "NumericString with a character other than digits and space"),
    "der.invalid_visible_string": ("error", "VisibleString with a byte outside 0x20-0x7E"),
    "der.bad_time": ("error", "UTCTime or GeneralizedTime that is not a valid time in the DER form"),
    "der.time_missing_seconds": ("error", "time without seconds (X.690 11.7, 11.8)"),
    "der.time_fraction_zeros": ("error", "GeneralizedTime fraction empty or with trailing zeros (X.690 11.7.3)"),
    "der.time_not_utc": ("error", "time not ending in Z, or with a time zone offset (X.690 11.7.1, 11.8.1)"),
    # The X.509 / PKCS#10 schema.
    "schema.unexpected_element": ("error", "an element the schema does not allow here"),
    "schema.missing_element": ("error", "a required component is missing"),
    "schema.size": ("error", "a SEQUENCE OF or SET OF with fewer elements than its SIZE allows"),
    "x509.duplicate_extension": ("error", "two extensions with the same extnID (RFC 5280 4.2)"),
    "x509.signature_algorithm_mismatch": ("error", "signatureAlgorithm differs from tbsCertificate.signature"),
    "x509.bad_ip_length": ("error", "iPAddress not 4 or 16 octets (8 or 32 in name constraints)"),
    "x509.extension_not_der": ("warning", "an extension value that is not one DER element (RFC 5280 4.1)"),
    "x509.generalized_time_before_2050": ("warning", "GeneralizedTime for a date in 1950-2049 (RFC 5280 4.1.2.5)"),
    "x509.time_fraction": ("warning", "GeneralizedTime with fractional seconds (RFC 5280 4.1.2.5.2)"),
    # Limits of the inspector and the input.
    "limit.too_deep": ("error", "nesting deeper than the inspector follows; the rest is shown as bytes"),
    "limit.too_many_elements": ("error", "more elements than the inspector follows; the rest is shown as bytes"),
    "input.empty": ("error", "no data"),
    "input.bom": ("notice", "a byte order mark before the DER was skipped; offsets count from after it"),
    "input.private_key": ("notice", "a private key: its structure is shown, its private values are hidden"),
    "input.unknown_structure": ("notice", "not a certificate, CSR, TBSCertificate or public key: shown without schema"),
    "pem.no_block": ("error", "PEM armour with no block that decodes"),
    "pem.extra_blocks": ("notice", "more PEM blocks in the input; only one is inspected"),
}
