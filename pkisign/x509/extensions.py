"""Certificate extensions: one encoder per extension, one function for order.

Each encoder returns the extnValue bytes of one RFC 5280 extension, built
with asn1crypto's declarative types where they encode exactly what Go does,
so that an auditor can read each one beside its RFC section.
``build_extensions`` is the only place that decides which extensions a
certificate gets, in which order and how critical: Go's
``buildCertExtensions`` (spec 9.6), whose rules it follows field by field.
"""

from __future__ import annotations

from functools import lru_cache

from asn1crypto import x509

from ..errors import SigningError
from ..golang import net as gonet
from . import der
from .certificate import CertificateTemplate, Extension, NameConstraints

__all__ = [
    "OID_KEY_USAGE",
    "OID_EXT_KEY_USAGE",
    "OID_BASIC_CONSTRAINTS",
    "OID_SUBJECT_KEY_ID",
    "OID_AUTHORITY_KEY_ID",
    "OID_AUTHORITY_INFO_ACCESS",
    "OID_SUBJECT_ALT_NAME",
    "OID_CERTIFICATE_POLICIES",
    "OID_NAME_CONSTRAINTS",
    "OID_CRL_DISTRIBUTION_POINTS",
    "key_usage",
    "ext_key_usage",
    "basic_constraints",
    "subject_key_identifier",
    "authority_key_identifier",
    "authority_info_access",
    "subject_alt_name",
    "certificate_policies",
    "name_constraints",
    "crl_distribution_points",
    "build_extensions",
    "encode_extension",
]

OID_KEY_USAGE = "2.5.29.15"
OID_EXT_KEY_USAGE = "2.5.29.37"
OID_BASIC_CONSTRAINTS = "2.5.29.19"
OID_SUBJECT_KEY_ID = "2.5.29.14"
OID_AUTHORITY_KEY_ID = "2.5.29.35"
OID_AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1"
OID_SUBJECT_ALT_NAME = "2.5.29.17"
OID_CERTIFICATE_POLICIES = "2.5.29.32"
OID_NAME_CONSTRAINTS = "2.5.29.30"
OID_CRL_DISTRIBUTION_POINTS = "2.5.29.31"

_KEY_USAGE_NAMES = (
    "digital_signature", "non_repudiation", "key_encipherment", "data_encipherment",
    "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only",
)


def _ia5(text: str) -> bytes:
    """crypto/x509 isIA5String: every rune ASCII, else Go's error."""
    if not text.isascii():
        raise SigningError(f"error creating certificate: x509: {gonet.go_quote(text)} "
                           "cannot be encoded as an IA5String")
    return text.encode("ascii")


# -- RFC 5280 4.2.1.3 ----------------------------------------------------------

@lru_cache(maxsize=64)
def key_usage(bits: int) -> bytes:
    """KeyUsage BIT STRING; DER drops trailing zero bits (Go's asn1BitLength)."""
    return x509.KeyUsage({name for i, name in enumerate(_KEY_USAGE_NAMES) if bits >> i & 1}).dump()


# -- RFC 5280 4.2.1.12 ---------------------------------------------------------

def ext_key_usage(oids: list[str]) -> bytes:
    """ExtKeyUsageSyntax: SEQUENCE OF KeyPurposeId, in the template's order."""
    return _ext_key_usage(tuple(oids))


@lru_cache(maxsize=64)
def _ext_key_usage(oids: tuple[str, ...]) -> bytes:
    return x509.ExtKeyUsageSyntax(list(oids)).dump()


# -- RFC 5280 4.2.1.9 ----------------------------------------------------------

@lru_cache(maxsize=64)
def basic_constraints(is_ca: bool, path_len: int | None) -> bytes:
    """BasicConstraints; cA FALSE (the DEFAULT) and an absent pathLen are omitted."""
    value: dict[str, object] = {"ca": is_ca}
    if path_len is not None:
        value["path_len_constraint"] = path_len
    return x509.BasicConstraints(value).dump()


# -- RFC 5280 4.2.1.2 / 4.2.1.1 ------------------------------------------------

def subject_key_identifier(key_id: bytes) -> bytes:
    return der.octet_string(key_id)


@lru_cache(maxsize=64)  # one per issuer key
def authority_key_identifier(key_id: bytes) -> bytes:
    """AuthorityKeyIdentifier with keyIdentifier only, as Go writes it."""
    return x509.AuthorityKeyIdentifier({"key_identifier": key_id}).dump()


# -- RFC 5280 4.2.2.1 ----------------------------------------------------------

def authority_info_access(ocsp: list[str], issuers: list[str]) -> bytes:
    """OCSP access descriptions first, then caIssuers; each URI as [6] IA5String."""
    descriptions = [
        der.sequence(der.oid(method), der.tlv(0x86, _ia5_raw(uri)))
        for method, uris in (("1.3.6.1.5.5.7.48.1", ocsp), ("1.3.6.1.5.5.7.48.2", issuers))
        for uri in uris
    ]
    return der.sequence(*descriptions)


def _ia5_raw(text: str) -> bytes:
    """Go writes AIA and CRLDP URIs as raw bytes, without an IA5 check."""
    return text.encode("utf-8", "surrogateescape")


# -- RFC 5280 4.2.1.6 ----------------------------------------------------------

def subject_alt_name(dns: list[str], emails: list[str], ips: list[bytes], uris: list[gonet.URL]) -> bytes:
    """Go's marshalSANs: all dNSName, then rfc822Name, iPAddress, URI.

    An IPv4 address (or IPv4-mapped IPv6) is written in 4 bytes.
    """
    names = [der.tlv(0x82, _ia5(n)) for n in dns]
    names += [der.tlv(0x81, _ia5(e)) for e in emails]
    for ip in ips:
        names.append(der.tlv(0x87, gonet.to4(ip) or ip))
    names += [der.tlv(0x86, _ia5(str(u))) for u in uris]
    return der.sequence(*names)


# -- RFC 5280 4.2.1.4 ----------------------------------------------------------

def certificate_policies(oids: list[str]) -> bytes:
    """certificatePolicies with policyIdentifier only, no qualifiers."""
    return der.sequence(*(der.sequence(der.oid(o)) for o in oids))


# -- RFC 5280 4.2.1.10 ---------------------------------------------------------

def name_constraints(nc: NameConstraints) -> bytes:
    """NameConstraints: permitted [0] and excluded [1] GeneralSubtrees.

    Each subtree is dNSName, then iPAddress (address and mask), rfc822Name,
    uniformResourceIdentifier, in that order, as Go writes them.
    """

    def subtrees(dns: list[str], ips: list[tuple[bytes, bytes]], emails: list[str], uris: list[str]) -> bytes:
        out = [der.sequence(der.tlv(0x82, _ia5(d))) for d in dns]
        for ip, mask in ips:
            masked = bytes(a & b for a, b in zip(ip, mask))
            out.append(der.sequence(der.tlv(0x87, masked + mask)))
        out += [der.sequence(der.tlv(0x81, _ia5(e))) for e in emails]
        out += [der.sequence(der.tlv(0x86, _ia5(u))) for u in uris]
        return b"".join(out)

    permitted = subtrees(nc.permitted_dns_domains, nc.permitted_ip_ranges,
                         nc.permitted_email_addresses, nc.permitted_uri_domains)
    excluded = subtrees(nc.excluded_dns_domains, nc.excluded_ip_ranges,
                        nc.excluded_email_addresses, nc.excluded_uri_domains)
    body = b""
    if permitted:
        body += der.tlv(0xA0, permitted)
    if excluded:
        body += der.tlv(0xA1, excluded)
    return der.sequence(body)


# -- RFC 5280 4.2.1.13 ---------------------------------------------------------

def crl_distribution_points(uris: list[str]) -> bytes:
    """One DistributionPoint per URI: fullName [0] { [6] uri }."""
    return der.sequence(*(
        der.sequence(der.tlv(0xA0, der.tlv(0xA0, der.tlv(0x86, _ia5_raw(uri)))))
        for uri in uris
    ))


# -- order and criticality ------------------------------------------------------

@lru_cache(maxsize=256)  # a pure function; an issuer writes the same few extensions again and again
def encode_extension(ext: Extension) -> bytes:
    """Extension ::= SEQUENCE { extnID, critical DEFAULT FALSE, extnValue }."""
    critical = b"\x01\x01\xff" if ext.critical else b""
    return der.sequence(der.oid(ext.oid), critical, der.octet_string(ext.value))


def build_extensions(
    tpl: CertificateTemplate,
    *,
    subject_is_empty: bool,
    authority_key_id: bytes,
    subject_key_id: bytes,
) -> list[Extension]:
    """The certificate's extensions, exactly as Go's buildCertExtensions.

    In this order, each only when the template has it and no extra extension
    with the same OID overrides it:

    1. keyUsage (critical) when key_usage != 0;
    2. extKeyUsage when known or unknown usages are given;
    3. basicConstraints (critical) when basic_constraints_valid; pathLen is
       omitted when max_path_len is -1, or 0 without max_path_len_zero;
    4. subjectKeyIdentifier when subject_key_id is not empty;
    5. authorityKeyIdentifier when authority_key_id is not empty;
    6. authorityInfoAccess when OCSP or issuer URLs are given;
    7. subjectAltName (critical iff the subject is empty) when DNS names,
       emails, IPs or URIs are given;
    8. certificatePolicies when policy identifiers are given;
    9. nameConstraints (critical as the template says) when any is given;
    10. cRLDistributionPoints when URLs are given;

    then every extra extension, in template order.
    """
    overridden = {e.oid for e in tpl.extra_extensions}
    out: list[Extension] = []

    def add(oid: str, critical: bool, value: bytes) -> None:
        if oid not in overridden:
            out.append(Extension(oid, critical, value))

    if tpl.key_usage:
        add(OID_KEY_USAGE, True, key_usage(tpl.key_usage))
    if tpl.ext_key_usage or tpl.unknown_ext_key_usage:
        add(OID_EXT_KEY_USAGE, False, ext_key_usage(tpl.ext_key_usage + tpl.unknown_ext_key_usage))
    if tpl.basic_constraints_valid:
        path_len: int | None = tpl.max_path_len
        if path_len == -1 or (path_len == 0 and not tpl.max_path_len_zero):
            path_len = None
        add(OID_BASIC_CONSTRAINTS, True, basic_constraints(tpl.is_ca, path_len))
    if subject_key_id:
        add(OID_SUBJECT_KEY_ID, False, subject_key_identifier(subject_key_id))
    if authority_key_id:
        add(OID_AUTHORITY_KEY_ID, False, authority_key_identifier(authority_key_id))
    if tpl.ocsp_server or tpl.issuing_certificate_url:
        add(OID_AUTHORITY_INFO_ACCESS, False,
            authority_info_access(tpl.ocsp_server, tpl.issuing_certificate_url))
    if tpl.dns_names or tpl.email_addresses or tpl.ip_addresses or tpl.uris:
        add(OID_SUBJECT_ALT_NAME, subject_is_empty,
            subject_alt_name(tpl.dns_names, tpl.email_addresses, tpl.ip_addresses, tpl.uris))
    if tpl.policy_identifiers:
        add(OID_CERTIFICATE_POLICIES, False, certificate_policies(tpl.policy_identifiers))
    nc = tpl.name_constraints
    if nc is not None and not nc.is_empty():
        add(OID_NAME_CONSTRAINTS, nc.critical, name_constraints(nc))
    if tpl.crl_distribution_points:
        add(OID_CRL_DISTRIBUTION_POINTS, False, crl_distribution_points(tpl.crl_distribution_points))
    return out + list(tpl.extra_extensions)
