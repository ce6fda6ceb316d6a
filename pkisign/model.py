"""Template JSON to a certificate template, with x509util's decoding rules.

step renders a template (a built-in profile or the user's) to JSON and
decodes it into go.step.sm/crypto's ``x509util.Certificate``, then converts
that into the ``x509.Certificate`` template Go signs (spec section 8).  This
module does both steps: ``decode_certificate`` takes the decoded JSON value
and returns a ``CertificateTemplate``, the fields Go's CreateCertificate
reads.

The JSON value comes from ``gojson.decode_first`` (objects keep every member
in order, numbers keep their text), so Go's rules can be applied here: keys
match case-insensitively and the last duplicate wins, unknown keys are
ignored, and every x509util type accepts what its ``UnmarshalJSON`` accepts
(a string where a list is expected, names for key usages...).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from . import gonet, keys
from .errors import TemplateError
from .template.gojson import JSONNumber, JSONObject
from .names import GoName

__all__ = [
    "Extension",
    "SAN",
    "CertificateTemplate",
    "decode_certificate",
    "KEY_USAGE_BITS",
    "EXT_KEY_USAGE_OIDS",
    "DecodeError",
]


class DecodeError(TemplateError):
    """The template JSON does not decode (message after Go's)."""


@dataclass(frozen=True)
class Extension:
    """A pkix.Extension: an OID, the critical flag and the extnValue bytes."""

    oid: str
    critical: bool
    value: bytes


@dataclass(frozen=True)
class SAN:
    """x509util.SubjectAlternativeName: a typed SAN from the ``sans`` list."""

    type: str
    value: str
    asn1_value: Any = None  # the raw JSON of ``asn1Value``, if any


#: x509.KeyUsage bits (bit 0 = digitalSignature ... bit 8 = decipherOnly).
KEY_USAGE_BITS = {
    "digitalsignature": 1 << 0,
    "contentcommitment": 1 << 1,
    "keyencipherment": 1 << 2,
    "dataencipherment": 1 << 3,
    "keyagreement": 1 << 4,
    "certsign": 1 << 5,
    "crlsign": 1 << 6,
    "encipheronly": 1 << 7,
    "decipheronly": 1 << 8,
}

#: x509util extKeyUsage names (lower-cased, '_' dropped) to their OIDs.
EXT_KEY_USAGE_OIDS = {
    "any": "2.5.29.37.0",
    "serverauth": "1.3.6.1.5.5.7.3.1",
    "clientauth": "1.3.6.1.5.5.7.3.2",
    "codesigning": "1.3.6.1.5.5.7.3.3",
    "emailprotection": "1.3.6.1.5.5.7.3.4",
    "ipsecendsystem": "1.3.6.1.5.5.7.3.5",
    "ipsectunnel": "1.3.6.1.5.5.7.3.6",
    "ipsecuser": "1.3.6.1.5.5.7.3.7",
    "timestamping": "1.3.6.1.5.5.7.3.8",
    "ocspsigning": "1.3.6.1.5.5.7.3.9",
    "microsoftservergatedcrypto": "1.3.6.1.4.1.311.10.3.3",
    "netscapeservergatedcrypto": "2.16.840.1.113730.4.1",
    "microsoftcommercialcodesigning": "1.3.6.1.4.1.311.2.1.22",
    "microsoftkernelcodesigning": "1.3.6.1.4.1.311.61.1.1",
}


@dataclass
class CertificateTemplate:
    """The fields of Go's ``x509.Certificate`` that CreateCertificate reads.

    Filled the way x509util's ``Certificate.GetCertificate`` fills them.
    IP addresses are Go ``net.IP`` bytes (4 or 16); URIs are the parsed URLs.
    """

    raw_subject: bytes = b""
    subject: GoName = field(default_factory=GoName)
    dns_names: list[str] = field(default_factory=list)
    email_addresses: list[str] = field(default_factory=list)
    ip_addresses: list[bytes] = field(default_factory=list)
    uris: list[gonet.URL] = field(default_factory=list)
    key_usage: int = 0
    ext_key_usage: list[str] = field(default_factory=list)  # OIDs, known ones
    unknown_ext_key_usage: list[str] = field(default_factory=list)
    basic_constraints_valid: bool = False
    is_ca: bool = False
    max_path_len: int = 0
    max_path_len_zero: bool = False
    subject_key_id: bytes | None = None  # None: x509util computes it
    authority_key_id: bytes = b""
    ocsp_server: list[str] = field(default_factory=list)
    issuing_certificate_url: list[str] = field(default_factory=list)
    crl_distribution_points: list[str] = field(default_factory=list)
    policy_identifiers: list[str] = field(default_factory=list)
    name_constraints: "NameConstraints | None" = None
    extra_extensions: list[Extension] = field(default_factory=list)
    serial_number: int | None = None  # None: random
    signature_algorithm: str = ""  # x509util name; "" = the issuer key's default
    sans: list[SAN] = field(default_factory=list)  # before GetCertificate


@dataclass
class NameConstraints:
    critical: bool = False
    permitted_dns_domains: list[str] = field(default_factory=list)
    excluded_dns_domains: list[str] = field(default_factory=list)
    permitted_ip_ranges: list[tuple[bytes, bytes]] = field(default_factory=list)
    excluded_ip_ranges: list[tuple[bytes, bytes]] = field(default_factory=list)
    permitted_email_addresses: list[str] = field(default_factory=list)
    excluded_email_addresses: list[str] = field(default_factory=list)
    permitted_uri_domains: list[str] = field(default_factory=list)
    excluded_uri_domains: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any((
            self.permitted_dns_domains, self.excluded_dns_domains,
            self.permitted_ip_ranges, self.excluded_ip_ranges,
            self.permitted_email_addresses, self.excluded_email_addresses,
            self.permitted_uri_domains, self.excluded_uri_domains,
        ))


# -- Go json decoding of the basic types -----------------------------------------

def _kind(value: Any) -> str:
    """The word Go's json errors use for a JSON value."""
    if isinstance(value, JSONObject):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "bool"
    return "number"


def _type_error(value: Any, where: str, go_type: str) -> DecodeError:
    what = _kind(value)
    if what == "number":
        what = f"number {value}"
    return DecodeError(f"json: cannot unmarshal {what} into {where} of type {go_type}")


def _string(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    raise _type_error(value, where, "string")


def _int(value: Any, where: str, go_type: str = "int") -> int:
    if isinstance(value, JSONNumber):
        text = value.text
        if value.is_integer_literal():
            number = int(text)
            if -(1 << 63) <= number < (1 << 63):
                return number
    raise _type_error(value, where, go_type)


def _bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    raise _type_error(value, where, "bool")


def _bytes(value: Any, where: str) -> bytes:
    """Go decodes []byte from a base64 string (StdEncoding; CR/LF ignored)."""
    if isinstance(value, str):
        text = value.replace("\r", "").replace("\n", "")
        try:
            return base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raise DecodeError(f"illegal base64 data at input byte {_b64_error_offset(text)}") from None
    if isinstance(value, list):
        return bytes(_int(v, where, "uint8") & 0xFF for v in value)
    raise _type_error(value, where, "[]uint8")


def _b64_error_offset(text: str) -> int:
    alphabet = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    for i, ch in enumerate(text):
        if ch == "=":
            return i if (i % 4) < 2 else min(i, len(text))
        if ch not in alphabet:
            return i
    return len(text) - len(text) % 4


def _multi_string(value: Any, where: str) -> list[str]:
    """x509util MultiString: one string or a list of strings (null: empty)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [_string(v, where) for v in value]
    raise DecodeError("error unmarshaling json: " + str(_type_error(value, "Go value", "[]string")))


def _oid(text: str) -> str:
    """x509util parseObjectIdentifier: dotted integers (strconv.Atoi each)."""
    if text == "":
        return ""
    parts = text.split(".")
    for part in parts:
        digits = part[1:] if part[:1] in "+-" else part
        if not digits or not digits.isascii() or not digits.isdigit():
            raise DecodeError(f"error unmarshaling json: {text} is not an ASN1 object identifier")
    return ".".join(str(int(p)) for p in parts)


def _fields(obj: Any, struct: str, known: Iterable[str]) -> dict[str, Any]:
    """Members of a JSON object matched to struct fields as Go does.

    Exact key matches win over case-insensitive ones; among the members that
    map to one field the last one wins (each overwrites the previous).
    """
    if obj is None:
        return {}
    if not isinstance(obj, JSONObject):
        raise _type_error(obj, "Go value", struct)
    by_fold = {name.casefold(): name for name in known}
    out: dict[str, Any] = {}
    for key, value in obj.members:
        name = key if key in by_fold.values() else by_fold.get(key.casefold())
        if name is not None:
            out[name] = value
    return out


# -- x509util.Certificate ---------------------------------------------------------

_CERT_FIELDS = (
    "version", "subject", "rawSubject", "issuer", "serialNumber", "dnsNames",
    "emailAddresses", "ipAddresses", "uris", "sans", "notBefore", "notAfter",
    "extensions", "keyUsage", "extKeyUsage", "unknownExtKeyUsage", "subjectKeyId",
    "authorityKeyId", "ocspServer", "issuingCertificateURL", "crlDistributionPoints",
    "policyIdentifiers", "basicConstraints", "nameConstraints", "signatureAlgorithm",
)
_NAME_FIELDS = (
    "country", "organization", "organizationalUnit", "locality", "province",
    "streetAddress", "postalCode", "serialNumber", "commonName", "extraNames",
)


def _where(field_name: str) -> str:
    return f"Go struct field Certificate.{field_name}"


def _decode_name(value: Any) -> GoName:
    """x509util Name.UnmarshalJSON: a string is the CommonName."""
    if isinstance(value, str):
        return GoName(common_name=value)
    try:
        f = _fields(value, "x509util.nameAlias", _NAME_FIELDS)
        name = GoName(
            country=_multi_string(f.get("country"), "country"),
            organization=_multi_string(f.get("organization"), "organization"),
            organizational_unit=_multi_string(f.get("organizationalUnit"), "organizationalUnit"),
            locality=_multi_string(f.get("locality"), "locality"),
            province=_multi_string(f.get("province"), "province"),
            street_address=_multi_string(f.get("streetAddress"), "streetAddress"),
            postal_code=_multi_string(f.get("postalCode"), "postalCode"),
        )
        if f.get("serialNumber") is not None:
            name.serial_number = _string(f["serialNumber"], "Go struct field nameAlias.serialNumber")
        if f.get("commonName") is not None:
            name.common_name = _string(f["commonName"], "Go struct field nameAlias.commonName")
        for item in f.get("extraNames") or []:
            dn = _fields(item, "x509util.DistinguishedName", ("type", "value"))
            oid = _oid(_string(dn["type"], "Go value")) if dn.get("type") is not None else ""
            name.extra_names.append((oid, _plain(dn.get("value"))))
    except DecodeError as exc:
        if str(exc).startswith("error unmarshaling json"):
            raise
        raise DecodeError(f"error unmarshaling json: {exc}") from None
    return name


def _plain(value: Any) -> Any:
    """A JSON value as Go's interface{} holds it (numbers are float64)."""
    if isinstance(value, JSONNumber):
        return float(value)
    if isinstance(value, JSONObject):
        return {k: _plain(v) for k, v in value.members}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _decode_serial(value: Any) -> int:
    """x509util SerialNumber: a JSON integer, or a string in Go's base-0 syntax."""
    if isinstance(value, str):
        number = _big_int_base0(value)
        if number is None:
            raise DecodeError(f"error unmarshaling json: serialNumber {value} is not valid")
        return number
    if value is None:
        return 0  # json.Unmarshal of null into an int64 leaves 0
    try:
        return _int(value, "Go value", "int64")
    except DecodeError as exc:
        raise DecodeError(f"error unmarshaling json: {exc}") from None


def _big_int_base0(text: str) -> int | None:
    """math/big SetString(s, 0): a sign, a 0x/0o/0b or bare-0 (octal) prefix,
    and '_' between a prefix and a digit or between digits."""
    s = text
    sign = 1
    if s[:1] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    base = 10
    lower = s.lower()
    if lower.startswith(("0x", "0b", "0o")):
        base = {"x": 16, "b": 2, "o": 8}[lower[1]]
        s = s[2:]
        if s.startswith("_"):
            s = s[1:]  # allowed right after a prefix
    elif s.startswith("0") and len(s) > 1:
        base, s = 8, s[1:]
        if s.startswith("_"):
            s = s[1:]
    if not s or s.startswith("_") or s.endswith("_") or "__" in s:
        return None
    s = s.replace("_", "")
    digits = "0123456789abcdef"[:base]
    if not all(c in digits for c in s.lower()):
        return None
    return sign * int(s, base)


def _decode_ips(value: Any) -> list[bytes]:
    out = []
    for text in _multi_string(value, "ipAddresses"):
        ip = gonet.parse_ip(text)
        if ip is None:
            raise DecodeError(f"error unmarshaling json: ip {text} is not valid")
        out.append(ip)
    return out


def _decode_uris(value: Any) -> list[gonet.URL]:
    out = []
    for text in _multi_string(value, "uris"):
        try:
            out.append(gonet.parse_url(text))
        except gonet.URLError as exc:
            raise DecodeError(f"error unmarshaling json: {exc}") from None
    return out


def _decode_key_usage(value: Any) -> int:
    bits = 0
    for name in _multi_string(value, "keyUsage"):
        bit = KEY_USAGE_BITS.get(name.lower().replace("_", ""))
        if bit is None:
            raise DecodeError(f"unsupported keyUsage {name}")
        bits |= bit
    return bits


def _decode_ext_key_usage(value: Any) -> list[str]:
    out = []
    for name in _multi_string(value, "extKeyUsage"):
        oid = EXT_KEY_USAGE_OIDS.get(name.lower().replace("_", ""))
        if oid is None:
            raise DecodeError(f"unsupported extKeyUsage {name}")
        out.append(oid)
    return out


def _decode_oids(value: Any) -> list[str]:
    return [_oid(s) for s in _multi_string(value, "oid")]


def _decode_sans(value: Any) -> list[SAN]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _type_error(value, _where("sans"), "[]x509util.SubjectAlternativeName")
    out = []
    for item in value:
        f = _fields(item, "x509util.SubjectAlternativeName", ("type", "value", "asn1Value"))
        typ = _string(f["type"], "Go struct field SubjectAlternativeName.sans.type") if f.get("type") is not None else ""
        val = _string(f["value"], "Go struct field SubjectAlternativeName.sans.value") if f.get("value") is not None else ""
        out.append(SAN(typ, val, f.get("asn1Value")))
    return out


def _decode_extensions(value: Any) -> list[Extension]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _type_error(value, _where("extensions"), "[]x509util.Extension")
    out = []
    for item in value:
        f = _fields(item, "x509util.Extension", ("id", "critical", "value"))
        oid = _oid(_string(f["id"], "Go value")) if f.get("id") is not None else ""
        critical = _bool(f["critical"], "Go struct field Extension.extensions.critical") if f.get("critical") is not None else False
        data = _bytes(f["value"], "Go struct field Extension.extensions.value") if f.get("value") is not None else b""
        out.append(Extension(oid, critical, data))
    return out


def _decode_basic_constraints(value: Any, tpl: CertificateTemplate) -> None:
    """x509util BasicConstraints.Set; a missing maxPathLen is 0 (pathLen 0)."""
    if value is None:
        return
    f = _fields(value, "x509util.BasicConstraints", ("isCA", "maxPathLen"))
    is_ca = _bool(f["isCA"], "Go struct field BasicConstraints.basicConstraints.isCA") if f.get("isCA") is not None else False
    path = _int(f["maxPathLen"], "Go struct field BasicConstraints.basicConstraints.maxPathLen") if f.get("maxPathLen") is not None else 0
    tpl.basic_constraints_valid = True
    tpl.is_ca = is_ca
    if is_ca and path == 0:
        tpl.max_path_len, tpl.max_path_len_zero = 0, True
    elif is_ca and path < 0:
        tpl.max_path_len, tpl.max_path_len_zero = -1, False
    elif is_ca:
        tpl.max_path_len, tpl.max_path_len_zero = path, False
    else:
        tpl.max_path_len, tpl.max_path_len_zero = 0, False


_NC_FIELDS = (
    "critical", "permittedDNSDomains", "excludedDNSDomains", "permittedIPRanges",
    "excludedIPRanges", "permittedEmailAddresses", "excludedEmailAddresses",
    "permittedURIDomains", "excludedURIDomains",
)


def _decode_cidrs(value: Any) -> list[tuple[bytes, bytes]]:
    out = []
    for text in _multi_string(value, "ipRanges"):
        try:
            out.append(gonet.parse_cidr(text))
        except ValueError as exc:
            raise DecodeError(f"error unmarshaling json: {exc}") from None
    return out


def _decode_name_constraints(value: Any) -> NameConstraints | None:
    if value is None:
        return None
    f = _fields(value, "x509util.NameConstraints", _NC_FIELDS)
    nc = NameConstraints()
    if f.get("critical") is not None:
        nc.critical = _bool(f["critical"], "Go struct field NameConstraints.nameConstraints.critical")
    nc.permitted_dns_domains = _multi_string(f.get("permittedDNSDomains"), "permittedDNSDomains")
    nc.excluded_dns_domains = _multi_string(f.get("excludedDNSDomains"), "excludedDNSDomains")
    nc.permitted_ip_ranges = _decode_cidrs(f.get("permittedIPRanges"))
    nc.excluded_ip_ranges = _decode_cidrs(f.get("excludedIPRanges"))
    nc.permitted_email_addresses = _multi_string(f.get("permittedEmailAddresses"), "permittedEmailAddresses")
    nc.excluded_email_addresses = _multi_string(f.get("excludedEmailAddresses"), "excludedEmailAddresses")
    nc.permitted_uri_domains = _multi_string(f.get("permittedURIDomains"), "permittedURIDomains")
    nc.excluded_uri_domains = _multi_string(f.get("excludedURIDomains"), "excludedURIDomains")
    return nc


def _decode_signature_algorithm(value: Any) -> str:
    if value is None:
        return ""
    name = _string(value, "Go value")
    if name == "":
        return ""
    for alg in keys.SIGNATURE_ALGORITHMS:
        if alg.name.lower() == name.lower():
            return alg.name
    for other in ("MD2-RSA", "DSA-SHA1", "DSA-SHA256"):
        if other.lower() == name.lower():
            return other
    raise DecodeError(f"unsupported signatureAlgorithm {name}")


def _decode_time(value: Any) -> None:
    """notBefore/notAfter are ignored by sign, but Go still decodes them."""
    from .validity import parse_rfc3339

    if value is None:
        return
    if not isinstance(value, str):
        raise DecodeError("Time.UnmarshalJSON: input is not a JSON string")
    if parse_rfc3339(value) is None:
        raise DecodeError(f'parsing time "\\"{value}\\"" as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse "{value}" as RFC 3339')


def decode_certificate(doc: Any) -> CertificateTemplate:
    """x509util's json decoding of a Certificate.

    Raises DecodeError (message without step's "error unmarshaling
    certificate: " prefix, which the caller adds).  The SANs are applied
    afterwards by ``sans.apply_sans``.
    """
    f = _fields(doc, "x509util.Certificate", _CERT_FIELDS)
    tpl = CertificateTemplate()
    decoders: dict[str, Callable[[Any], None]] = {
        "version": lambda v: _int(v, _where("version")) if v is not None else None,
        "subject": lambda v: setattr(tpl, "subject", _decode_name(v)) if v is not None else None,
        "rawSubject": lambda v: setattr(tpl, "raw_subject", _bytes(v, _where("rawSubject")) if v is not None else b""),
        "issuer": lambda v: _decode_name(v) if v is not None else None,
        "serialNumber": lambda v: setattr(tpl, "serial_number", _decode_serial(v)),
        "dnsNames": lambda v: setattr(tpl, "dns_names", _multi_string(v, "dnsNames")),
        "emailAddresses": lambda v: setattr(tpl, "email_addresses", _multi_string(v, "emailAddresses")),
        "ipAddresses": lambda v: setattr(tpl, "ip_addresses", _decode_ips(v)),
        "uris": lambda v: setattr(tpl, "uris", _decode_uris(v)),
        "sans": lambda v: setattr(tpl, "sans", _decode_sans(v)),
        "notBefore": _decode_time,
        "notAfter": _decode_time,
        "extensions": lambda v: setattr(tpl, "extra_extensions", _decode_extensions(v)),
        "keyUsage": lambda v: setattr(tpl, "key_usage", _decode_key_usage(v)),
        "extKeyUsage": lambda v: setattr(tpl, "ext_key_usage", _decode_ext_key_usage(v)),
        "unknownExtKeyUsage": lambda v: setattr(tpl, "unknown_ext_key_usage", _decode_oids(v)),
        "subjectKeyId": lambda v: setattr(tpl, "subject_key_id", _bytes(v, _where("subjectKeyId")) if v is not None else None),
        "authorityKeyId": lambda v: setattr(tpl, "authority_key_id", _bytes(v, _where("authorityKeyId")) if v is not None else b""),
        "ocspServer": lambda v: setattr(tpl, "ocsp_server", _multi_string(v, "ocspServer")),
        "issuingCertificateURL": lambda v: setattr(tpl, "issuing_certificate_url", _multi_string(v, "issuingCertificateURL")),
        "crlDistributionPoints": lambda v: setattr(tpl, "crl_distribution_points", _multi_string(v, "crlDistributionPoints")),
        "policyIdentifiers": lambda v: setattr(tpl, "policy_identifiers", _decode_oids(v)),
        "basicConstraints": lambda v: _decode_basic_constraints(v, tpl),
        "nameConstraints": lambda v: setattr(tpl, "name_constraints", _decode_name_constraints(v)),
        "signatureAlgorithm": lambda v: setattr(tpl, "signature_algorithm", _decode_signature_algorithm(v)),
    }
    # Go decodes members in document order and stops at the first error.
    for key, value in f.items():
        decoders[key](value)
    return tpl
