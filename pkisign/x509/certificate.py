"""Template JSON to a certificate template, with x509util's decoding rules.

step renders a template (a built-in profile or the user's) to JSON and
decodes it into go.step.sm/crypto's ``x509util.Certificate``, then converts
that into the ``x509.Certificate`` template Go signs (docs/step-sign-spec.md, section 8).  This
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
from typing import Any, Iterable

from ..errors import TemplateError
from ..golang import net as gonet
from . import keys
from .names import GoName

__all__ = [
    "big_int_base0",
    "Extension",
    "SAN",
    "CertificateTemplate",
    "decode_certificate",
    "decode_name",
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
    asn1_value: Any = None  # the decoded JSON of ``asn1Value``
    asn1_present: bool = False  # asn1Value given (even as null)


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


# -- Go's encoding/json, as x509util's types use it ------------------------------
#
# Go's decoder keeps going after a type mismatch (it saves the first one and
# returns it at the end of that json.Unmarshal call), while an error from a
# type's own UnmarshalJSON stops it at once.  x509util's types call
# json.Unmarshal again inside their UnmarshalJSON and wrap what it returns
# in "error unmarshaling json: ", sometimes twice.  The helpers below follow
# those rules so that the messages are Go's, word for word.

class _Unmarshal:
    """One json.Unmarshal call: its first saved type mismatch."""

    def __init__(self) -> None:
        self.saved: DecodeError | None = None

    def soft(self, error: DecodeError) -> None:
        if self.saved is None:
            self.saved = error

    def finish(self) -> None:
        if self.saved is not None:
            raise self.saved


def _what(value: Any, integer: bool = False) -> str:
    """The JSON value as Go's UnmarshalTypeError names it."""
    from ..golang.json import JSONObject

    if isinstance(value, JSONObject):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "bool"
    # A number that does not fit an integer type is quoted with its text.
    return f"number {value.text}" if integer else "number"


def _mismatch(value: Any, go_type: str, where: tuple[str, str] | None = None, integer: bool = False) -> DecodeError:
    place = f"Go struct field {where[0]}.{where[1]}" if where else "Go value"
    return DecodeError(f"json: cannot unmarshal {_what(value, integer)} into {place} of type {go_type}")


def _wrap(error: DecodeError) -> DecodeError:
    return DecodeError(f"error unmarshaling json: {error}")


def _string(value: Any, d: _Unmarshal, where: tuple[str, str] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    d.soft(_mismatch(value, "string", where))
    return ""


def _integer(value: Any, d: _Unmarshal, where: tuple[str, str] | None, go_type: str = "int") -> int | None:
    from ..golang.json import JSONNumber

    if value is None:
        return None
    if isinstance(value, JSONNumber):
        # More than 20 digits cannot fit 64 bits (and Python refuses to
        # convert thousands of digits).
        if value.is_integer_literal() and len(value.text.lstrip("-")) <= 20:
            number = int(value.text)
            bits = 8 if go_type == "uint8" else 64
            low, high = (0, 1 << bits) if go_type.startswith("u") else (-(1 << (bits - 1)), 1 << (bits - 1))
            if low <= number < high:
                return number
        d.soft(_mismatch(value, go_type, where, integer=True))
        return None
    d.soft(_mismatch(value, go_type, where))
    return None


def _boolean(value: Any, d: _Unmarshal, where: tuple[str, str] | None) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    d.soft(_mismatch(value, "bool", where))
    return None


def _byteslice(value: Any, d: _Unmarshal, where: tuple[str, str] | None, go_type: str = "[]uint8") -> bytes | None:
    """Go decodes []byte from a base64 string (StdEncoding; CR/LF ignored)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.replace("\r", "").replace("\n", "")
        try:
            return base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            d.soft(DecodeError(f"illegal base64 data at input byte {_b64_error_offset(text)}"))
            return None
    if isinstance(value, list):
        out = bytearray()
        for item in value:
            number = _integer(item, d, where, "uint8")
            out.append(number or 0)
        return bytes(out)
    d.soft(_mismatch(value, go_type, where))
    return None


def _b64_error_offset(text: str) -> int:
    alphabet = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    for i, ch in enumerate(text):
        if ch == "=":
            return i if (i % 4) < 2 else min(i, len(text))
        if ch not in alphabet:
            return i
    return len(text) - len(text) % 4


def _members(obj: Any, d: _Unmarshal, go_type: str, known: Iterable[str],
             where: tuple[str, str] | None = None) -> dict[str, list[Any]] | None:
    """The members of a JSON object matched to a struct's fields, as Go does.

    Keys match the field names exactly or case-insensitively; unknown keys
    are ignored; every member that matches a field is decoded in turn, so
    the values are returned in order (the last one wins, or merges into a
    struct).  None for JSON null; a non-object is a saved type mismatch.
    """
    from ..golang.json import JSONObject

    if obj is None:
        return None
    if not isinstance(obj, JSONObject):
        d.soft(_mismatch(obj, go_type, where))
        return None
    by_fold = {name.casefold(): name for name in known}
    exact = set(known)
    out: dict[str, list[Any]] = {}
    for key, value in obj.members:
        name = key if key in exact else by_fold.get(key.casefold())
        if name is not None:
            out.setdefault(name, []).append(value)
    return out


def _last(values: list[Any] | None) -> Any:
    return values[-1] if values else None


# -- x509util's types with their own UnmarshalJSON (errors stop the decoder) -------

def _multi_string(value: Any) -> list[str]:
    """x509util MultiString: one string, or a list of strings."""
    if isinstance(value, str):
        return [value]
    d = _Unmarshal()
    out: list[str] = []
    if isinstance(value, list):
        out = [_string(item, d) for item in value]
    elif value is not None:
        d.soft(_mismatch(value, "[]string"))
    try:
        d.finish()
    except DecodeError as exc:
        raise _wrap(exc) from None
    return out


def _unmarshal_multi_string(value: Any) -> list[str]:
    """x509util unmarshalMultiString: MultiString's error wrapped once more."""
    try:
        return _multi_string(value)
    except DecodeError as exc:
        raise _wrap(exc) from None


def _unmarshal_string(value: Any) -> str:
    """x509util unmarshalString."""
    d = _Unmarshal()
    text = _string(value, d)
    try:
        d.finish()
    except DecodeError as exc:
        raise _wrap(exc) from None
    return text


def _oid(text: str) -> str:
    """x509util parseObjectIdentifier: dotted integers (strconv.Atoi each)."""
    if text == "":
        return ""
    parts = text.split(".")
    for part in parts:
        digits = part[1:] if part[:1] in "+-" else part
        # strconv.Atoi: an int64, so more than 19 digits is already out of range
        if not digits or not digits.isascii() or not digits.isdigit() or len(digits) > 19 \
                or not -(1 << 63) <= int(part) < (1 << 63):
            raise DecodeError(f"error unmarshaling json: {text} is not an ASN1 object identifier")
    return ".".join(str(int(p)) for p in parts)


def _object_identifier(value: Any) -> str:
    """x509util ObjectIdentifier.UnmarshalJSON."""
    return _oid(_unmarshal_string(value))


def _multi_oid(value: Any) -> list[str]:
    """x509util MultiObjectIdentifier, inside UnknownExtKeyUsage/PolicyIdentifiers (one more wrap)."""
    try:
        return [_oid(s) for s in _unmarshal_multi_string(value)]
    except DecodeError as exc:
        raise _wrap(exc) from None


def _multi_ip(value: Any) -> list[bytes]:
    out = []
    for text in _unmarshal_multi_string(value):
        ip = gonet.parse_ip(text)
        if ip is None:
            raise DecodeError(f"error unmarshaling json: ip {text} is not valid")
        out.append(ip)
    return out


def _multi_url(value: Any) -> list[gonet.URL]:
    out = []
    for text in _unmarshal_multi_string(value):
        try:
            out.append(gonet.parse_url(text))
        except gonet.URLError as exc:
            raise DecodeError(f"error unmarshaling json: {exc}") from None
    return out


def _multi_ipnet(value: Any) -> list[tuple[bytes, bytes]]:
    out = []
    for text in _unmarshal_multi_string(value):
        try:
            out.append(gonet.parse_cidr(text))
        except ValueError as exc:
            raise DecodeError(f"error unmarshaling json: {exc}") from None
    return out


def _key_usage(value: Any) -> int:
    bits = 0
    for name in _unmarshal_multi_string(value):
        bit = KEY_USAGE_BITS.get(name.lower().replace("_", ""))
        if bit is None:
            raise DecodeError(f"unsupported keyUsage {name}")
        bits |= bit
    return bits


def _ext_key_usage(value: Any) -> list[str]:
    out = []
    for name in _unmarshal_multi_string(value):
        oid = EXT_KEY_USAGE_OIDS.get(name.lower().replace("_", ""))
        if oid is None:
            raise DecodeError(f"unsupported extKeyUsage {name}")
        out.append(oid)
    return out


def _serial(value: Any) -> int:
    """x509util SerialNumber: a JSON integer, or a string in Go's base-0 syntax."""
    if isinstance(value, str):
        number = big_int_base0(value)
        if number is None:
            raise DecodeError(f"error unmarshaling json: serialNumber {value} is not valid")
        return number
    d = _Unmarshal()
    number = _integer(value, d, None, "int64")
    try:
        d.finish()
    except DecodeError as exc:
        raise _wrap(exc) from None
    return number or 0  # null leaves the int64 at 0


def big_int_base0(text: str) -> int | None:
    """math/big SetString(s, 0): a sign, a 0x/0o/0b or bare-0 (octal) prefix,
    and '_' between a prefix and a digit or between digits."""
    s = text
    sign = 1
    if s[:1] in ("+", "-"):
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
    if base == 10 and len(s) > _MAX_DECIMAL_DIGITS:
        return None  # Python bounds decimal conversions (CVE-2020-10735); Go's big.Int does not
    return sign * int(s, base)


# Python refuses int() of more decimal digits than this (sys.int_info).
_MAX_DECIMAL_DIGITS = 4300


def _signature_algorithm(value: Any) -> str:
    name = _unmarshal_string(value)
    if name == "":
        return ""
    for alg in keys.SIGNATURE_ALGORITHMS:
        if alg.name.lower() == name.lower():
            return alg.name
    for other in ("MD2-RSA", "DSA-SHA1", "DSA-SHA256"):
        if other.lower() == name.lower():
            return other
    raise DecodeError(f"unsupported signatureAlgorithm {name}")


def _time(value: Any) -> None:
    """notBefore/notAfter are ignored by sign, but Go still decodes them."""
    from ..golang.reflect import GoError
    from ..golang.time import LAYOUTS
    from ..golang.time import parse as go_parse
    from .validity import parse_rfc3339

    if value is None:
        return
    if not isinstance(value, str):
        raise DecodeError("Time.UnmarshalJSON: input is not a JSON string")
    if parse_rfc3339(value) is None:
        try:
            go_parse(LAYOUTS["RFC3339"], value)
        except GoError as exc:
            raise DecodeError(str(exc)) from None


_NAME_FIELDS = (
    "country", "organization", "organizationalUnit", "locality", "province",
    "streetAddress", "postalCode", "serialNumber", "commonName", "extraNames",
)


def decode_name(value: Any) -> GoName:
    """x509util Name.UnmarshalJSON: a string is the CommonName, else a nameAlias object."""
    if isinstance(value, str):
        return GoName(common_name=value)
    d = _Unmarshal()
    name = GoName()
    try:
        f = _members(value, d, "x509util.nameAlias", _NAME_FIELDS) or {}
        for key, values in f.items():
            for item in values:
                if key == "serialNumber":
                    name.serial_number = _string(item, d, ("nameAlias", key))
                elif key == "commonName":
                    name.common_name = _string(item, d, ("nameAlias", key))
                elif key == "extraNames":
                    name.extra_names = _extra_names(item, d)
                else:
                    setattr(name, _NAME_ATTRS[key], _multi_string(item))
        d.finish()
    except DecodeError as exc:
        raise _wrap(exc) from None
    return name


_NAME_ATTRS = {
    "country": "country", "organization": "organization", "organizationalUnit": "organizational_unit",
    "locality": "locality", "province": "province", "streetAddress": "street_address",
    "postalCode": "postal_code",
}


def _extra_names(value: Any, d: _Unmarshal) -> list[tuple[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        d.soft(_mismatch(value, "[]x509util.DistinguishedName", ("nameAlias", "extraNames")))
        return []
    out = []
    for item in value:
        f = _members(item, d, "x509util.DistinguishedName", ("type", "value"), ("nameAlias", "extraNames"))
        if f is None:
            continue
        oid = ""
        for v in f.get("type", []):
            oid = _object_identifier(v)
        out.append((oid, _plain(_last(f.get("value")))))
    return out


def _plain(value: Any) -> Any:
    """A JSON value as Go's interface{} holds it (numbers are float64)."""
    from ..golang.json import JSONNumber, JSONObject

    if isinstance(value, JSONNumber):
        return float(value)
    if isinstance(value, JSONObject):
        return {k: _plain(v) for k, v in value.members}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# -- x509util.Certificate ---------------------------------------------------------

_CERT_FIELDS = (
    "version", "subject", "rawSubject", "issuer", "serialNumber", "dnsNames",
    "emailAddresses", "ipAddresses", "uris", "sans", "notBefore", "notAfter",
    "extensions", "keyUsage", "extKeyUsage", "unknownExtKeyUsage", "subjectKeyId",
    "authorityKeyId", "ocspServer", "issuingCertificateURL", "crlDistributionPoints",
    "policyIdentifiers", "basicConstraints", "nameConstraints", "signatureAlgorithm",
)
_CERT = "Certificate"


def _sans(value: Any, d: _Unmarshal) -> list[SAN]:
    if value is None:
        return []
    where = (_CERT, "sans")
    if not isinstance(value, list):
        d.soft(_mismatch(value, "[]x509util.SubjectAlternativeName", where))
        return []
    out = []
    for item in value:
        f = _members(item, d, "x509util.SubjectAlternativeName", ("type", "value", "asn1Value"), where)
        if f is None:
            out.append(SAN("", ""))
            continue
        typ = value_ = ""
        for v in f.get("type", []):
            typ = _string(v, d, ("SubjectAlternativeName", "sans.type"))
        for v in f.get("value", []):
            value_ = _string(v, d, ("SubjectAlternativeName", "sans.value"))
        asn1 = f.get("asn1Value")
        out.append(SAN(typ, value_, asn1[-1] if asn1 else None, asn1_present=bool(asn1)))
    return out


def _extensions(value: Any, d: _Unmarshal) -> list[Extension]:
    if value is None:
        return []
    where = (_CERT, "extensions")
    if not isinstance(value, list):
        d.soft(_mismatch(value, "[]x509util.Extension", where))
        return []
    out = []
    for item in value:
        f = _members(item, d, "x509util.Extension", ("id", "critical", "value"), where) or {}
        oid, critical, data = "", False, b""
        for v in f.get("id", []):
            oid = _object_identifier(v)
        for v in f.get("critical", []):
            b = _boolean(v, d, ("Extension", "extensions.critical"))
            critical = critical if b is None else b
        for v in f.get("value", []):
            data = _byteslice(v, d, ("Extension", "extensions.value")) or data
        out.append(Extension(oid, critical, data))
    return out


def _basic_constraints(values: list[Any], d: _Unmarshal, tpl: CertificateTemplate) -> None:
    """*x509util.BasicConstraints: duplicates decode into the same struct (merge);
    null resets it; a missing maxPathLen means 0 (BasicConstraints.Set)."""
    is_ca: bool | None = None
    path: int | None = None
    present = False
    for value in values:
        if value is None:
            present, is_ca, path = False, None, None
            continue
        f = _members(value, d, "x509util.BasicConstraints", ("isCA", "maxPathLen"), (_CERT, "basicConstraints"))
        if f is None:
            continue
        present = True
        for v in f.get("isCA", []):
            b = _boolean(v, d, ("BasicConstraints", "basicConstraints.isCA"))
            is_ca = is_ca if b is None else b
        for v in f.get("maxPathLen", []):
            n = _integer(v, d, ("BasicConstraints", "basicConstraints.maxPathLen"))
            path = path if n is None else n
    if not present:
        return
    tpl.basic_constraints_valid = True
    tpl.is_ca = bool(is_ca)
    path = path or 0
    if tpl.is_ca and path == 0:
        tpl.max_path_len, tpl.max_path_len_zero = 0, True
    elif tpl.is_ca and path < 0:
        tpl.max_path_len, tpl.max_path_len_zero = -1, False
    elif tpl.is_ca:
        tpl.max_path_len, tpl.max_path_len_zero = path, False
    else:
        tpl.max_path_len, tpl.max_path_len_zero = 0, False


_NC_FIELDS = (
    "critical", "permittedDNSDomains", "excludedDNSDomains", "permittedIPRanges",
    "excludedIPRanges", "permittedEmailAddresses", "excludedEmailAddresses",
    "permittedURIDomains", "excludedURIDomains",
)
_NC_ATTRS = {
    "permittedDNSDomains": ("permitted_dns_domains", _multi_string),
    "excludedDNSDomains": ("excluded_dns_domains", _multi_string),
    "permittedIPRanges": ("permitted_ip_ranges", _multi_ipnet),
    "excludedIPRanges": ("excluded_ip_ranges", _multi_ipnet),
    "permittedEmailAddresses": ("permitted_email_addresses", _multi_string),
    "excludedEmailAddresses": ("excluded_email_addresses", _multi_string),
    "permittedURIDomains": ("permitted_uri_domains", _multi_string),
    "excludedURIDomains": ("excluded_uri_domains", _multi_string),
}


def _name_constraints(values: list[Any], d: _Unmarshal) -> "NameConstraints | None":
    """*x509util.NameConstraints: duplicates merge into the same struct; null resets it."""
    nc: NameConstraints | None = None
    for value in values:
        if value is None:
            nc = None
            continue
        f = _members(value, d, "x509util.NameConstraints", _NC_FIELDS, (_CERT, "nameConstraints"))
        if f is None:
            continue
        nc = nc or NameConstraints()
        for key, items in f.items():
            for item in items:
                if key == "critical":
                    b = _boolean(item, d, ("NameConstraints", "nameConstraints.critical"))
                    nc.critical = nc.critical if b is None else b
                else:
                    attr, decode = _NC_ATTRS[key]
                    setattr(nc, attr, decode(item))
    return nc


def decode_certificate(doc: Any) -> CertificateTemplate:
    """x509util's json decoding of a Certificate.

    Raises DecodeError (message without step's "error unmarshaling
    certificate: " prefix, which the caller adds).  The SANs are applied
    afterwards by ``sans.apply_sans``.
    """
    d = _Unmarshal()
    tpl = CertificateTemplate()
    f = _members(doc, d, "x509util.Certificate", _CERT_FIELDS) or {}
    for key, values in f.items():
        if key == "basicConstraints":
            _basic_constraints(values, d, tpl)
            continue
        if key == "nameConstraints":
            tpl.name_constraints = _name_constraints(values, d)
            continue
        for value in values:
            _decode_field(key, value, d, tpl)
    d.finish()
    return tpl


def _decode_field(key: str, value: Any, d: _Unmarshal, tpl: CertificateTemplate) -> None:
    where = (_CERT, key)
    if key == "version":
        _integer(value, d, where)
    elif key == "subject":
        tpl.subject = decode_name(value)
    elif key == "issuer":
        decode_name(value)
    elif key in ("rawSubject", "subjectKeyId", "authorityKeyId"):
        go_type = {"rawSubject": "[]uint8", "subjectKeyId": "x509util.SubjectKeyID",
                   "authorityKeyId": "x509util.AuthorityKeyID"}[key]
        data = _byteslice(value, d, where, go_type)
        if key == "rawSubject":
            tpl.raw_subject = data or b""
        elif key == "subjectKeyId":
            tpl.subject_key_id = data  # "" is an empty, non-nil id: none is computed
        else:
            tpl.authority_key_id = data or b""
    elif key == "serialNumber":
        tpl.serial_number = _serial(value)
    elif key == "dnsNames":
        tpl.dns_names = _multi_string(value)
    elif key == "emailAddresses":
        tpl.email_addresses = _multi_string(value)
    elif key == "ipAddresses":
        tpl.ip_addresses = _multi_ip(value)
    elif key == "uris":
        tpl.uris = _multi_url(value)
    elif key == "sans":
        tpl.sans = _sans(value, d)
    elif key in ("notBefore", "notAfter"):
        _time(value)
    elif key == "extensions":
        tpl.extra_extensions = _extensions(value, d)
    elif key == "keyUsage":
        tpl.key_usage = _key_usage(value)
    elif key == "extKeyUsage":
        tpl.ext_key_usage = _ext_key_usage(value)
    elif key == "unknownExtKeyUsage":
        tpl.unknown_ext_key_usage = _multi_oid(value)
    elif key == "policyIdentifiers":
        tpl.policy_identifiers = _multi_oid(value)
    elif key == "ocspServer":
        tpl.ocsp_server = _unmarshal_multi_string(value)
    elif key == "issuingCertificateURL":
        tpl.issuing_certificate_url = _unmarshal_multi_string(value)
    elif key == "crlDistributionPoints":
        tpl.crl_distribution_points = _unmarshal_multi_string(value)
    elif key == "signatureAlgorithm":
        tpl.signature_algorithm = _signature_algorithm(value)
