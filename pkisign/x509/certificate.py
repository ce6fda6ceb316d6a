"""The certificate Go signs: the fields of crypto/x509's ``Certificate`` template.

``CertificateTemplate`` holds what Go's ``CreateCertificate`` reads, filled the
way x509util's ``Certificate.GetCertificate`` fills them (docs/step-sign-spec.md,
section 8); ``Extension``, ``SAN`` and ``NameConstraints`` are its parts, and
``KEY_USAGE_BITS`` / ``EXT_KEY_USAGE_OIDS`` the names x509util gives key usages.
How template JSON becomes one of these is :mod:`pkisign.x509util.certificate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..golang import net as gonet
from .names import GoName

__all__ = [
    "Extension",
    "SAN",
    "CertificateTemplate",
    "NameConstraints",
    "KEY_USAGE_BITS",
    "EXT_KEY_USAGE_OIDS",
]


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
