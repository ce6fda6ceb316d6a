"""Template JSON to a certificate template, with x509util's decoding rules.

step renders a template (a built-in profile or the user's) to JSON and
decodes it into go.step.sm/crypto's ``x509util.Certificate``, then converts
that into the ``x509.Certificate`` template Go signs (docs/step-sign-spec.md,
section 8).  ``decode_certificate`` does both: it takes the decoded JSON value
and returns a :class:`pkisign.x509.certificate.CertificateTemplate`.

This module holds x509util's own rules: which JSON keys each of its types
reads, and what each type's ``UnmarshalJSON`` accepts (a string where a list
is expected, names for key usages, a serial number in math/big's syntax...)
and how it words a refusal.  Go's own encoding/json rules (keys matched
case-insensitively, the last duplicate winning, type mismatches saved until
the end of a call) are :mod:`pkisign.golang.json`'s; math/big's are
:mod:`pkisign.golang.big`'s.
"""

from __future__ import annotations

from typing import Any

from ..errors import DecodeError
from ..golang import net as gonet
from ..golang.big import big_int_base0
from ..golang.json import (
    Unmarshal,
    UnmarshalError,
    decode_bool,
    decode_bytes,
    decode_int,
    decode_string,
    last_value,
    struct_members,
    to_interface,
    type_error,
)
from ..x509 import keys
from ..x509.certificate import EXT_KEY_USAGE_OIDS, KEY_USAGE_BITS, SAN, CertificateTemplate, Extension, NameConstraints
from ..x509.names import GoName

__all__ = [
    "decode_certificate",
    "decode_name",
    "decode_struct",
    "object_identifier",
    "parse_object_identifier",
]


def _wrap(error: Exception) -> DecodeError:
    """x509util's UnmarshalJSON methods wrap what json.Unmarshal returns."""
    return DecodeError(f"error unmarshaling json: {error}")


def _finish(d: Unmarshal) -> None:
    """The end of one json.Unmarshal call: its saved mismatch, as a DecodeError."""
    try:
        d.finish()
    except UnmarshalError as exc:
        raise DecodeError(str(exc)) from None


# -- x509util's types with their own UnmarshalJSON (errors stop the decoder) -------

def _multi_string(value: Any) -> list[str]:
    """x509util MultiString: one string, or a list of strings."""
    if isinstance(value, str):
        return [value]
    d = Unmarshal()
    out: list[str] = []
    if isinstance(value, list):
        out = [decode_string(item, d) for item in value]
    elif value is not None:
        d.soft(type_error(value, "[]string"))
    try:
        d.finish()
    except (DecodeError, UnmarshalError) as exc:
        raise _wrap(exc) from None
    return out


def _unmarshal_multi_string(value: Any) -> list[str]:
    """x509util unmarshalMultiString: MultiString's error wrapped once more."""
    try:
        return _multi_string(value)
    except (DecodeError, UnmarshalError) as exc:
        raise _wrap(exc) from None


def _unmarshal_string(value: Any) -> str:
    """x509util unmarshalString."""
    d = Unmarshal()
    text = decode_string(value, d)
    try:
        d.finish()
    except (DecodeError, UnmarshalError) as exc:
        raise _wrap(exc) from None
    return text


def parse_object_identifier(text: str) -> str:
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


def object_identifier(value: Any) -> str:
    """x509util ObjectIdentifier.UnmarshalJSON."""
    return parse_object_identifier(_unmarshal_string(value))


def _multi_oid(value: Any) -> list[str]:
    """x509util MultiObjectIdentifier, inside UnknownExtKeyUsage/PolicyIdentifiers (one more wrap)."""
    try:
        return [parse_object_identifier(s) for s in _unmarshal_multi_string(value)]
    except (DecodeError, UnmarshalError) as exc:
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
    d = Unmarshal()
    number = decode_int(value, d, None, "int64")
    try:
        d.finish()
    except (DecodeError, UnmarshalError) as exc:
        raise _wrap(exc) from None
    return number or 0  # null leaves the int64 at 0


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
    from ..golang.time import parse_rfc3339
    from ..golang.time.values import LAYOUTS
    from ..golang.time.values import parse as go_parse

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
    d = Unmarshal()
    name = GoName()
    try:
        f = struct_members(value, d, "x509util.nameAlias", _NAME_FIELDS) or {}
        for key, values in f.items():
            for item in values:
                if key == "serialNumber":
                    name.serial_number = decode_string(item, d, ("nameAlias", key))
                elif key == "commonName":
                    name.common_name = decode_string(item, d, ("nameAlias", key))
                elif key == "extraNames":
                    name.extra_names = _extra_names(item, d)
                else:
                    setattr(name, _NAME_ATTRS[key], _multi_string(item))
        d.finish()
    except (DecodeError, UnmarshalError) as exc:
        raise _wrap(exc) from None
    return name


_NAME_ATTRS = {
    "country": "country", "organization": "organization", "organizationalUnit": "organizational_unit",
    "locality": "locality", "province": "province", "streetAddress": "street_address",
    "postalCode": "postal_code",
}


def _extra_names(value: Any, d: Unmarshal) -> list[tuple[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        d.soft(type_error(value, "[]x509util.DistinguishedName", ("nameAlias", "extraNames")))
        return []
    out = []
    for item in value:
        f = struct_members(item, d, "x509util.DistinguishedName", ("type", "value"), ("nameAlias", "extraNames"))
        if f is None:
            continue
        oid = ""
        for v in f.get("type", []):
            oid = object_identifier(v)
        out.append((oid, to_interface(last_value(f.get("value")))))
    return out


# -- x509util.Certificate ---------------------------------------------------------

_CERT_FIELDS = (
    "version", "subject", "rawSubject", "issuer", "serialNumber", "dnsNames",
    "emailAddresses", "ipAddresses", "uris", "sans", "notBefore", "notAfter",
    "extensions", "keyUsage", "extKeyUsage", "unknownExtKeyUsage", "subjectKeyId",
    "authorityKeyId", "ocspServer", "issuingCertificateURL", "crlDistributionPoints",
    "policyIdentifiers", "basicConstraints", "nameConstraints", "signatureAlgorithm",
)
_CERT = "Certificate"


def _sans(value: Any, d: Unmarshal) -> list[SAN]:
    if value is None:
        return []
    where = (_CERT, "sans")
    if not isinstance(value, list):
        d.soft(type_error(value, "[]x509util.SubjectAlternativeName", where))
        return []
    out = []
    for item in value:
        f = struct_members(item, d, "x509util.SubjectAlternativeName", ("type", "value", "asn1Value"), where)
        if f is None:
            out.append(SAN("", ""))
            continue
        typ = value_ = ""
        for v in f.get("type", []):
            typ = decode_string(v, d, ("SubjectAlternativeName", "sans.type"))
        for v in f.get("value", []):
            value_ = decode_string(v, d, ("SubjectAlternativeName", "sans.value"))
        asn1 = f.get("asn1Value")
        out.append(SAN(typ, value_, asn1[-1] if asn1 else None, asn1_present=bool(asn1)))
    return out


def _extensions(value: Any, d: Unmarshal) -> list[Extension]:
    if value is None:
        return []
    where = (_CERT, "extensions")
    if not isinstance(value, list):
        d.soft(type_error(value, "[]x509util.Extension", where))
        return []
    out = []
    for item in value:
        f = struct_members(item, d, "x509util.Extension", ("id", "critical", "value"), where) or {}
        oid, critical, data = "", False, b""
        for v in f.get("id", []):
            oid = object_identifier(v)
        for v in f.get("critical", []):
            b = decode_bool(v, d, ("Extension", "extensions.critical"))
            critical = critical if b is None else b
        for v in f.get("value", []):
            data = decode_bytes(v, d, ("Extension", "extensions.value")) or data
        out.append(Extension(oid, critical, data))
    return out


def _basic_constraints(values: list[Any], d: Unmarshal, tpl: CertificateTemplate) -> None:
    """*x509util.BasicConstraints: duplicates decode into the same struct (merge);
    null resets it; a missing maxPathLen means 0 (BasicConstraints.Set)."""
    is_ca: bool | None = None
    path: int | None = None
    present = False
    for value in values:
        if value is None:
            present, is_ca, path = False, None, None
            continue
        f = struct_members(value, d, "x509util.BasicConstraints", ("isCA", "maxPathLen"), (_CERT, "basicConstraints"))
        if f is None:
            continue
        present = True
        for v in f.get("isCA", []):
            b = decode_bool(v, d, ("BasicConstraints", "basicConstraints.isCA"))
            is_ca = is_ca if b is None else b
        for v in f.get("maxPathLen", []):
            n = decode_int(v, d, ("BasicConstraints", "basicConstraints.maxPathLen"))
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


def _name_constraints(values: list[Any], d: Unmarshal) -> NameConstraints | None:
    """*x509util.NameConstraints: duplicates merge into the same struct; null resets it."""
    nc: NameConstraints | None = None
    for value in values:
        if value is None:
            nc = None
            continue
        f = struct_members(value, d, "x509util.NameConstraints", _NC_FIELDS, (_CERT, "nameConstraints"))
        if f is None:
            continue
        nc = nc or NameConstraints()
        for key, items in f.items():
            for item in items:
                if key == "critical":
                    b = decode_bool(item, d, ("NameConstraints", "nameConstraints.critical"))
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
    d = Unmarshal()
    tpl = CertificateTemplate()
    f = struct_members(doc, d, "x509util.Certificate", _CERT_FIELDS) or {}
    for key, values in f.items():
        if key == "basicConstraints":
            _basic_constraints(values, d, tpl)
            continue
        if key == "nameConstraints":
            tpl.name_constraints = _name_constraints(values, d)
            continue
        for value in values:
            _decode_field(key, value, d, tpl)
    _finish(d)
    return tpl


def _decode_field(key: str, value: Any, d: Unmarshal, tpl: CertificateTemplate) -> None:
    where = (_CERT, key)
    if key == "version":
        decode_int(value, d, where)
    elif key == "subject":
        tpl.subject = decode_name(value)
    elif key == "issuer":
        decode_name(value)
    elif key in ("rawSubject", "subjectKeyId", "authorityKeyId"):
        go_type = {"rawSubject": "[]uint8", "subjectKeyId": "x509util.SubjectKeyID",
                   "authorityKeyId": "x509util.AuthorityKeyID"}[key]
        data = decode_bytes(value, d, where, go_type)
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


def decode_struct(value: Any, go_type: str, struct: str, fields: tuple[str, ...]) -> dict[str, Any]:
    """json.Unmarshal into a plain x509util struct: the last value of each field."""
    d = Unmarshal()
    f = struct_members(value, d, go_type, fields) or {}
    out: dict[str, Any] = {}
    for key, values in f.items():
        for item in values:
            if key in ("identifier",):
                out[key] = decode_string(item, d, (struct, key))
            elif key in ("assigner", "type"):
                out[key] = object_identifier(item)
            elif key == "serialNumber":
                out[key] = decode_bytes(item, d, (struct, key))
    _finish(d)
    return out
