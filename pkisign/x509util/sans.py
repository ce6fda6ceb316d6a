"""Subject alternative names that Go's encoder cannot write (x509util).

When a template's ``sans`` holds a type other than dns, email, ip, uri or
auto (an otherName such as permanentIdentifier, a directoryName, a
registeredID...), x509util builds the whole subjectAltName extension itself
(``createSubjectAltNameExtension``) and puts it first among the extra
extensions, after Go's built-in ones.  Its DNS entries go through IDNA
(golang.org/x/net/idna's Lookup profile), which lower-cases them and refuses
what UTS #46 with STD3 rules refuses, such as '*' and '_'.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import DecodeError, TemplateError
from ..golang import net as gonet
from ..x509 import der
from ..x509.certificate import SAN, CertificateTemplate, Extension
from ..x509.names import NameError_, encode_go_name, is_valid_utf8

if TYPE_CHECKING:  # pragma: no cover
    from ..x509.csr import CSR

__all__ = ["STANDARD_TYPES", "split_sans", "apply_sans", "csr_sans", "has_extended_sans", "subject_alt_name_extension",
           "sanitize_name", "SANError"]

STANDARD_TYPES = ("dns", "email", "ip", "uri", "auto", "")
OID_SAN = "2.5.29.17"
_OID_UPN = "1.3.6.1.4.1.311.20.2.3"
_OID_PERMANENT_IDENTIFIER = "1.3.6.1.5.5.7.8.3"
_OID_HARDWARE_MODULE_NAME = "1.3.6.1.5.5.7.8.4"


class SANError(TemplateError):
    """x509util could not build the SAN extension (its message, unprefixed)."""


def has_extended_sans(sans: list[SAN]) -> bool:
    """x509util hasExtendedSANs: a type Go's encoder does not know (exact, case-sensitive)."""
    return any(s.type not in STANDARD_TYPES for s in sans)


def sanitize_name(domain: str) -> str:
    """x509util SanitizeName: idna.Lookup.ToASCII, with x509util's two errors."""
    if domain == "":
        raise ValueError("empty server name")
    labels = []
    for label in domain.split("."):
        if not label.isascii():
            # UTS #46 mapping (approximated by NFKC case folding), then punycode.
            mapped = unicodedata.normalize("NFKC", label.casefold())
            try:
                label = "xn--" + mapped.encode("punycode").decode("ascii")
            except UnicodeError:
                raise ValueError("server name contains invalid character") from None
        label = label.lower()
        if any(not (c.isalnum() or c == "-") for c in label):
            raise ValueError("server name contains invalid character")  # STD3 rules
        if label and (label[0] == "-" or label[-1] == "-" or (len(label) > 4 and label[2:4] == "--"
                                                                and not label.startswith("xn--"))):
            raise ValueError("server name contains invalid character")  # CheckHyphens
        labels.append(label)
    return ".".join(labels)


def _context(tag: int, body: bytes, constructed: bool = False) -> bytes:
    return der.tlv(0x80 | (0x20 if constructed else 0) | tag, body)


def _marshal_explicit(value: str, params: str) -> bytes:
    from ..template.funcs.step import marshal_value

    return marshal_value(value, "explicit," + params)


def _other_name(oid: str, value: bytes) -> bytes:
    """otherName ::= [0] { type-id OID, [0] EXPLICIT value } (value already tagged)."""
    try:
        type_id = der.oid(oid)
    except der.InvalidOID as exc:
        raise SANError(f"error marshaling otherName SAN: {exc}") from None
    return _context(0, type_id + value, constructed=True)


def _json_source(san: SAN) -> Any:
    """asn1Value when given, else the value string parsed as JSON."""
    from ..golang.json import decode_first

    if san.asn1_present:
        return san.asn1_value
    return decode_first(san.value)




def _raw_value(san: SAN) -> bytes:
    """x509util SubjectAlternativeName.RawValue: one GeneralName."""
    typ, value = san.type, san.value
    if typ in ("", "auto"):
        ip = gonet.parse_ip(value)
        if ip is not None:
            return _raw_value(SAN("ip", value))
        try:
            url = gonet.parse_url(value)
            if url.scheme:
                return _raw_value(SAN("uri", value))
        except gonet.URLError:
            pass
        return _raw_value(SAN("email" if "@" in value else "dns", value))
    if typ == "email":
        if not value.isascii():
            raise SANError(f"error converting {gonet.go_quote(value)} to ia5")
        return _context(1, value.encode("ascii"))
    if typ == "dns":
        try:
            return _context(2, sanitize_name(value).encode("ascii"))
        except ValueError as exc:
            raise SANError(f"error converting {gonet.go_quote(value)} to ia5: {exc}") from None
    if typ == "uri":
        if not value.isascii():
            raise SANError(f"error converting {gonet.go_quote(value)} to ia5")
        return _context(6, value.encode("ascii"))
    if typ == "ip":
        ip = gonet.parse_ip(value)
        if ip is None:
            raise SANError(f"error converting {gonet.go_quote(value)} to IP")
        return _context(7, gonet.to4(ip) or gonet.to16(ip) or ip)
    if typ == "registeredID":
        if value == "":
            raise SANError("error parsing RegisteredID SAN: empty value is not allowed")
        oid = _oid_or_error(value, "error parsing OID for RegisteredID SAN")
        return _context(8, _oid_contents(oid, "error marshaling RegisteredID SAN"))
    if typ == "permanentIdentifier":
        identifier, assigner = "", ""
        if san.asn1_present:
            try:
                f = _decoders().decode_struct(san.asn1_value, "x509util.PermanentIdentifier", "PermanentIdentifier",
                                      ("identifier", "assigner"))
            except DecodeError as exc:
                raise SANError(f"error unmarshaling PermanentIdentifier SAN: {exc}") from None
            identifier, assigner = f.get("identifier", ""), f.get("assigner", "")
        else:
            identifier = value
        body = b""
        if identifier:
            if not is_valid_utf8(identifier):
                raise SANError("error marshaling PermanentIdentifier SAN: asn1: string not valid UTF-8")
            body += der.tlv(0x0C, identifier.encode("utf-8"))
        if assigner:
            body += der.oid(assigner)
        return _other_name(_OID_PERMANENT_IDENTIFIER, _context(0, der.sequence(body), constructed=True))
    if typ == "hardwareModuleName":
        if not san.asn1_present and value == "":
            raise SANError("error parsing HardwareModuleName SAN: empty value or asn1Value is not allowed")
        from ..golang.json import JSONError

        try:
            f = _decoders().decode_struct(_json_source(san), "x509util.HardwareModuleName", "HardwareModuleName",
                                  ("type", "serialNumber"))
        except (DecodeError, JSONError) as exc:
            raise SANError(f"error unmarshaling HardwareModuleName SAN: {exc}") from None
        hw_type, serial = f.get("type", ""), f.get("serialNumber") or b""
        body = der.sequence(der.oid(hw_type) if hw_type else _empty_oid_error(), _context(4, serial))
        return _other_name(_OID_HARDWARE_MODULE_NAME, _context(0, body, constructed=True))
    if typ == "dn":
        if not san.asn1_present and value == "":
            raise SANError("error parsing DirectoryName SAN: empty value or asn1Value is not allowed")
        from ..golang.json import JSONError

        try:
            name = _decoders().decode_name(_json_source(san))
        except (DecodeError, JSONError) as exc:
            raise SANError(f"error unmarshaling DirectoryName SAN: {exc}") from None
        try:
            rdns = encode_go_name(name)
        except NameError_ as exc:
            raise SANError(f"error marshaling DirectoryName SAN: {exc}") from None
        if rdns == b"\x30\x00":
            raise SANError("error parsing DirectoryName SAN: empty or malformed asn1Value")
        return _context(4, rdns, constructed=True)
    if typ == "userPrincipalName":
        if value == "":
            raise SANError("error parsing UserPrincipalName SAN: empty value is not allowed")
        from ..golang.reflect import GoError

        try:
            inner = _marshal_explicit(value, "utf8")
        except GoError as exc:
            raise SANError(f"error marshaling ASN1 value {gonet.go_quote(value)}: {exc}") from None
        return _other_name(_OID_UPN, inner)
    if typ in ("x400Address", "ediPartyName"):
        raise SANError(f"unimplemented SAN type {typ}")
    try:
        oid = _decoders().parse_object_identifier(typ)
    except DecodeError:
        raise SANError(f"unsupported SAN type {typ}") from None
    params, text = "printable", value
    if ":" in value:
        params, _, text = value.partition(":")
    from ..golang.reflect import GoError

    try:
        inner = _marshal_explicit(text, params)
    except GoError as exc:
        raise SANError(f"error marshaling ASN1 value {gonet.go_quote(value)}: {exc}") from None
    return _other_name(oid, inner)


def _oid_contents(oid: str, context: str) -> bytes:
    from asn1crypto import core

    try:
        return core.ObjectIdentifier(oid).contents
    except ValueError:
        raise SANError(f"{context}: asn1: structure error: invalid object identifier") from None


def _empty_oid_error() -> bytes:
    raise SANError("error marshaling HardwareModuleName SAN: asn1: structure error: invalid object identifier")


def _oid_or_error(text: str, context: str) -> str:
    try:
        oid = _decoders().parse_object_identifier(text)
    except DecodeError as exc:
        raise SANError(f"{context}: {exc}") from None
    return oid


def subject_alt_name_extension(tpl: CertificateTemplate, subject_is_empty: bool) -> Extension:
    """x509util createSubjectAltNameExtension: dnsNames, emails, IPs, URIs, then ``sans``.

    Critical when the template's ``subject`` object is empty (x509util looks
    at the subject object even when rawSubject is set).
    """
    names = [_raw_value(SAN("dns", n)) for n in tpl.dns_names]
    names += [_raw_value(SAN("email", e)) for e in tpl.email_addresses]
    names += [_raw_value(SAN("ip", gonet.ip_string(ip))) for ip in tpl.ip_addresses]
    names += [_raw_value(SAN("uri", str(u))) for u in tpl.uris]
    names += [_raw_value(s) for s in tpl.sans]
    return Extension(OID_SAN, subject_is_empty, der.sequence(*names))


def apply_sans(tpl: CertificateTemplate) -> None:
    """x509util's SAN handling after decoding, then in GetCertificate.

    Extended SAN types: x509util builds the SAN extension and prepends it to
    the extra extensions (unless the template already has one).  Then, when
    no extension carries the SANs, the typed fields and the ``sans`` list go
    to Go's encoder; when one does, they are all dropped.
    """
    if has_extended_sans(tpl.sans) and not any(e.oid == OID_SAN for e in tpl.extra_extensions):
        tpl.extra_extensions.insert(0, subject_alt_name_extension(tpl, _subject_is_empty(tpl)))
    if any(e.oid == OID_SAN for e in tpl.extra_extensions):
        tpl.dns_names, tpl.email_addresses, tpl.ip_addresses, tpl.uris = [], [], [], []
        return
    for san in tpl.sans:
        kind = san.type.lower()
        if kind == "dns":
            tpl.dns_names.append(san.value)
        elif kind == "email":
            tpl.email_addresses.append(san.value)
        elif kind == "ip":
            ip = gonet.parse_ip(san.value)
            if ip is not None:
                tpl.ip_addresses.append(ip)
        elif kind == "uri":
            try:
                tpl.uris.append(gonet.parse_url(san.value))
            except gonet.URLError:
                pass  # x509util drops a URI that does not parse
        else:
            dns, ips, emails, uris = split_sans([san.value])
            tpl.dns_names += dns
            tpl.ip_addresses += ips
            tpl.email_addresses += emails
            tpl.uris += uris


def _subject_is_empty(tpl: CertificateTemplate) -> bool:
    """x509util Subject.IsEmpty: the subject *object* re-encodes to ``30 00``."""
    try:
        return encode_go_name(tpl.subject) == b"\x30\x00"
    except NameError_:
        return False


def csr_sans(csr: CSR, omit_cn_san: bool) -> list[tuple[str, str]]:
    """``.SANs`` (spec 6.2): the CSR's SANs as strings, else its CN, re-classified.

    Order: every dns, then ip, email, uri (x509util CreateSANs).
    """
    names = list(csr.dns_names) + list(csr.email_addresses)
    names += [gonet.ip_string(ip) for ip in csr.ip_addresses]
    names += [str(uri) for uri in csr.uris]
    common_name = csr.go_subject.common_name
    if not names and not omit_cn_san and common_name:
        names = [common_name]
    return list(_classified_sans(tuple(names)))


@lru_cache(maxsize=256)
def _classified_sans(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # A pure function of the strings, cached: re-classifying means a URL
    # parse per name, and a CSR signed again gives the same names.
    dns, ips, emails, uris = split_sans(list(names))
    return tuple(
        [("dns", n) for n in dns]
        + [("ip", gonet.ip_string(ip)) for ip in ips]
        + [("email", e) for e in emails]
        + [("uri", str(u)) for u in uris]
    )


def _decoders() -> Any:
    """x509util's JSON decoders, loaded only when a SAN needs them (a plain leaf never does)."""
    from . import certificate

    return certificate


def split_sans(sans: list[str]) -> tuple[list[str], list[bytes], list[str], list[gonet.URL]]:
    """x509util.SplitSANs: (dns names, IPs, emails, URIs) in input order.

    An IP literal wins, then a string ``url.Parse`` accepts with a scheme,
    then anything containing "@" is an email, the rest DNS names.  IPs are
    in Go's 16-byte form (``to16``), exactly what Go's list holds.
    """
    dns: list[str] = []
    ips: list[bytes] = []
    emails: list[str] = []
    uris: list[gonet.URL] = []
    for san in sans:
        ip = gonet.parse_ip(san)
        if ip is not None:
            ips.append(gonet.to16(ip) or ip)
            continue
        try:
            u: gonet.URL | None = gonet.parse_url(san)
        except gonet.URLError:
            u = None
        if u is not None and u.scheme:
            uris.append(u)
        elif "@" in san:
            emails.append(san)
        else:
            dns.append(san)
    return dns, ips, emails, uris
