"""Distinguished names: Go's parsing rules and Go's re-encoding.

Two paths reach a certificate's subject (spec 9.5):

* *raw*: the CSR's subject bytes, copied verbatim (leaf and csr profiles);
* *re-encoded*: a ``pkix.Name`` (named fields plus ExtraNames) marshalled the
  way Go's ``Name.ToRDNSequence`` and ``encoding/asn1`` do (intermediate-ca
  profile and templates that give a ``subject`` object).

Go strings are byte strings.  Python ``str`` here holds them decoded as UTF-8
with ``surrogateescape``, so bytes that are not UTF-8 (possible in a
T61String) survive as lone surrogates and can be detected when re-encoding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..golang.asn1 import ASN1Error, is_printable, parse_string, time_ok
from . import der

__all__ = [
    "OID_COUNTRY",
    "OID_COMMON_NAME",
    "OID_SERIAL_NUMBER",
    "OID_EMAIL_ADDRESS",
    "STANDARD_ATTRIBUTES",
    "Attribute",
    "ParsedName",
    "GoName",
    "parse_name",
    "encode_go_name",
    "go_string",
    "is_valid_utf8",
    "NameError_",
    "EMPTY_NAME",
]

OID_COUNTRY = "2.5.4.6"
OID_PROVINCE = "2.5.4.8"
OID_LOCALITY = "2.5.4.7"
OID_STREET = "2.5.4.9"
OID_POSTAL_CODE = "2.5.4.17"
OID_ORGANIZATION = "2.5.4.10"
OID_ORG_UNIT = "2.5.4.11"
OID_COMMON_NAME = "2.5.4.3"
OID_SERIAL_NUMBER = "2.5.4.5"
OID_EMAIL_ADDRESS = "1.2.840.113549.1.9.1"

#: The attributes Go maps to named pkix.Name fields; all others are "extra".
STANDARD_ATTRIBUTES = {
    OID_COUNTRY: "C",
    OID_ORGANIZATION: "O",
    OID_ORG_UNIT: "OU",
    OID_COMMON_NAME: "CN",
    OID_SERIAL_NUMBER: "SERIALNUMBER",
    OID_LOCALITY: "L",
    OID_PROVINCE: "ST",
    OID_STREET: "STREET",
    OID_POSTAL_CODE: "POSTALCODE",
}

EMPTY_NAME = b"\x30\x00"

# Universal tags of the string types encoding/asn1 writes for a Go string.
_PRINTABLE, _UTF8, _IA5 = 0x13, 0x0C, 0x16


class NameError_(ValueError):
    """A name Go would refuse to parse or to marshal (message in Go's words)."""


def go_string(raw: bytes) -> str:
    """Go string bytes as Python text (invalid UTF-8 kept as surrogates)."""
    return raw.decode("utf-8", "surrogateescape")


def _go_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def is_valid_utf8(text: str) -> bool:
    """A Go string (surrogate escapes for non-UTF-8 bytes) that is valid UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_value(tag: int, value: bytes) -> str | None:
    """encoding/asn1 into ``interface{}``: a Go string for the string types.

    CSR subjects are read with ``asn1.Unmarshal``; the string rules are
    :func:`pkisign.golang.asn1.parse_string`.  Any other value is kept as a
    non-string, which Go leaves out of the named fields.
    """
    try:
        text = parse_string(tag, value)
    except ASN1Error as exc:
        raise NameError_(str(exc)) from None
    if text is None:
        _check_other_value(tag, value)
    return text


def _check_other_value(tag: int, value: bytes) -> None:
    """The non-string values encoding/asn1 still parses into ``interface{}``.

    A BOOLEAN, INTEGER, BIT STRING, OBJECT IDENTIFIER or time that Go cannot
    parse makes the whole CSR unparseable; other types are kept without a look.
    """
    if tag == 0x01:
        if len(value) != 1 or value[0] not in (0x00, 0xFF):
            raise NameError_("asn1: syntax error: invalid boolean")
    elif tag == 0x02:
        if not value:
            raise NameError_("asn1: structure error: empty integer")
        if len(value) > 1 and ((value[0] == 0 and value[1] < 0x80) or (value[0] == 0xFF and value[1] >= 0x80)):
            raise NameError_("asn1: structure error: integer not minimally-encoded")
        if len(value) > 8:
            raise NameError_("asn1: structure error: integer too large")
    elif tag == 0x03:
        if not value:
            raise NameError_("asn1: syntax error: zero length BIT STRING")
        pad = value[0]
        if pad > 7 or (len(value) == 1 and pad > 0) or (len(value) > 1 and value[-1] & ((1 << pad) - 1)):
            raise NameError_("asn1: syntax error: invalid padding bits in BIT STRING")
    elif tag == 0x06:
        try:
            der.decode_oid(der.tlv(0x06, value))
        except der.DERError as exc:
            raise NameError_(f"asn1: syntax error: {exc}") from None
    elif tag in (0x17, 0x18) and not time_ok(tag, value, fraction=True):
        raise NameError_(_asn1_time_error(tag, go_string(value)))


def _asn1_time_error(tag: int, text: str) -> str:
    """encoding/asn1's error for a time it refuses: time.Parse's, or the round trip's.

    Only reached for a refused value, so the template's time port (Go's
    layouts and messages) is loaded only then.
    """
    from ..golang.net import go_quote
    from ..golang.reflect import GoError
    from ..golang.time.values import parse

    layouts = ("0601021504Z0700", "060102150405Z0700") if tag == 0x17 else ("20060102150405.999999999Z0700",)
    message = ""
    for layout in layouts:
        try:
            serialized = parse(layout, text).format(layout)
        except GoError as exc:
            message = str(exc)
            continue
        return ("asn1: time did not serialize back to the original value and may be invalid: "
                f"given {go_quote(text)}, but serialized as {go_quote(serialized)}")
    return message


@dataclass(frozen=True)
class Attribute:
    """One AttributeTypeAndValue as Go parsed it."""

    oid: str
    value: str | None  # None: not a string type (Go keeps a non-string value)
    tag: int


@dataclass
class GoName:
    """Go's ``pkix.Name`` (x509util ``Subject``): named fields plus ExtraNames.

    ``extra_names`` holds (dotted OID, value) pairs; values come from template
    JSON and may be any JSON value, as in x509util's DistinguishedName.
    """

    country: list[str] = field(default_factory=list)
    organization: list[str] = field(default_factory=list)
    organizational_unit: list[str] = field(default_factory=list)
    locality: list[str] = field(default_factory=list)
    province: list[str] = field(default_factory=list)
    street_address: list[str] = field(default_factory=list)
    postal_code: list[str] = field(default_factory=list)
    serial_number: str = ""
    common_name: str = ""
    extra_names: list[tuple[str, Any]] = field(default_factory=list)


_LIST_FIELDS = {
    OID_COUNTRY: "country",
    OID_ORGANIZATION: "organization",
    OID_ORG_UNIT: "organizational_unit",
    OID_LOCALITY: "locality",
    OID_PROVINCE: "province",
    OID_STREET: "street_address",
    OID_POSTAL_CODE: "postal_code",
}


@dataclass(frozen=True)
class ParsedName:
    """A name from a CSR or certificate: its exact bytes and Go's reading."""

    der: bytes
    rdns: tuple[tuple[Attribute, ...], ...]

    @property
    def attributes(self) -> list[Attribute]:
        """Every attribute in order (Go's ``Name.Names``)."""
        return [atv for rdn in self.rdns for atv in rdn]

    def go_name(self) -> GoName:
        """Go's ``FillFromRDNSequence``: lists accumulate, CN/serial last wins."""
        name = GoName()
        for atv in self.attributes:
            if atv.value is None:
                continue
            if atv.oid in _LIST_FIELDS:
                getattr(name, _LIST_FIELDS[atv.oid]).append(atv.value)
            elif atv.oid == OID_COMMON_NAME:
                name.common_name = atv.value
            elif atv.oid == OID_SERIAL_NUMBER:
                name.serial_number = atv.value
        return name

    def extra_attributes(self) -> list[Attribute]:
        """Attributes outside the standard set (x509util ``NewExtraNames``)."""
        return [atv for atv in self.attributes if atv.oid not in STANDARD_ATTRIBUTES]

    @property
    def is_empty(self) -> bool:
        return self.der == EMPTY_NAME


def parse_name(encoded: bytes) -> ParsedName:
    """Parse a Name (an RDNSequence) as Go's CSR parser does.

    Raises NameError_ with Go's message for anything Go refuses.
    """
    try:
        top = der.children(encoded)
        if len(top) != 1 or top[0][0] != 0x30:
            raise NameError_("asn1: structure error: tags don't match")
        rdns = []
        for tag, content, _ in der.children(top[0][1]):
            if tag != 0x31:
                raise NameError_("asn1: structure error: tags don't match")
            rdn = []
            for atv_tag, atv, _ in der.children(content):
                parts = der.children(atv) if atv_tag == 0x30 else []
                if len(parts) < 2 or parts[0][0] != 0x06:
                    raise NameError_("asn1: structure error: tags don't match")
                value_tag, value, _ = parts[1]
                rdn.append(Attribute(_dotted(parts[0][2]), _parse_value(value_tag, value), value_tag))
            rdns.append(tuple(rdn))
    except der.DERError as exc:
        raise NameError_(f"asn1: syntax error: {exc}") from None
    return ParsedName(encoded, tuple(rdns))


def _dotted(oid_tlv: bytes) -> str:
    try:
        return der.decode_oid(oid_tlv)
    except der.DERError as exc:
        raise NameError_(f"asn1: syntax error: {exc}") from None


# -- re-encoding ----------------------------------------------------------------

def _marshal_go_string(text: str) -> bytes:
    """encoding/asn1 for a Go string: PrintableString if it can, else UTF8String.

    The marshaller, unlike the parser, does not allow '*' or '&' in a
    PrintableString.
    """
    raw = _go_bytes(text)
    if all(is_printable(b, asterisk=False, ampersand=False) for b in raw):
        return der.tlv(_PRINTABLE, raw)
    if not is_valid_utf8(text):
        raise NameError_("asn1: string not valid UTF-8")
    return der.tlv(_UTF8, raw)


def _marshal_any(value: Any) -> bytes:
    """encoding/asn1 for the interface{} value of an ExtraName."""
    if isinstance(value, bool):
        return der.tlv(0x01, b"\xff" if value else b"\x00")
    if isinstance(value, str):
        return _marshal_go_string(value)
    if value is None:
        raise NameError_("asn1: cannot marshal nil value")
    if isinstance(value, int):
        return der.integer(value)
    if isinstance(value, list):  # []interface{}: a SEQUENCE of its elements
        return der.sequence(*(_marshal_any(v) for v in value))
    go_type = "float64" if isinstance(value, float) else "map[string]interface {}"
    raise NameError_(f"asn1: structure error: unknown Go type: {go_type}")


def _atv(oid: str, value: bytes) -> bytes:
    try:
        return der.sequence(der.oid(oid), value)
    except der.InvalidOID as exc:
        raise NameError_(str(exc)) from None


def encode_go_name(name: GoName) -> bytes:
    """Go's ``asn1.Marshal(name.ToRDNSequence())`` with x509util's ExtraNames.

    Order: C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER, then each
    ExtraName as its own RDN.  A multi-valued field is one RDN whose values
    are DER-sorted; a standard field is left out when an ExtraName carries
    the same OID.  x509util writes an emailAddress ExtraName as IA5String.
    """
    extra_oids = {oid for oid, _ in name.extra_names}
    rdns: list[bytes] = []

    def add(values: list[str], oid: str) -> None:
        if values and oid not in extra_oids:
            rdns.append(der.set_of([_atv(oid, _marshal_go_string(v)) for v in values]))

    add(name.country, OID_COUNTRY)
    add(name.province, OID_PROVINCE)
    add(name.locality, OID_LOCALITY)
    add(name.street_address, OID_STREET)
    add(name.postal_code, OID_POSTAL_CODE)
    add(name.organization, OID_ORGANIZATION)
    add(name.organizational_unit, OID_ORG_UNIT)
    if name.common_name:
        add([name.common_name], OID_COMMON_NAME)
    if name.serial_number:
        add([name.serial_number], OID_SERIAL_NUMBER)
    for oid, value in name.extra_names:
        if oid == OID_EMAIL_ADDRESS and isinstance(value, str):
            encoded = der.tlv(_IA5, _go_bytes(value))
        else:
            encoded = _marshal_any(value)
        rdns.append(der.set_of([_atv(oid, encoded)]))
    return der.sequence(*rdns)
