"""Certificate signing requests (PKCS#10), read as Go's crypto/x509 reads them.

``parse_csr`` keeps the exact bytes step uses (the raw subject, every
requested extension verbatim) next to Go's reading of them (the named
subject fields, the SANs), and applies Go's refusals with Go's messages, so
that a CSR step refuses is refused here too.  ``CSR.check_signature`` is
the proof-of-possession check (spec 2.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from asn1crypto import core

from ..errors import CSRError
from ..golang import net as gonet
from . import der
from .certificate import Extension
from .keys import KeyError_, PublicKey, SignatureAlgorithm, algorithm_from_identifier, parse_spki
from .names import GoName, NameError_, ParsedName, encode_go_name, parse_name
from .verify import VerifyError, check_signature

__all__ = ["CSR", "CSRParseError", "parse_csr", "OID_EXTENSION_REQUEST"]

OID_EXTENSION_REQUEST = "1.2.840.113549.1.9.14"
_OID_SAN = "2.5.29.17"


class CSRParseError(ValueError):
    """A CSR Go refuses to parse (message in Go's words)."""


@dataclass(frozen=True)
class CSR:
    """A parsed CSR: Go's view of it, and the exact bytes behind that view."""

    der: bytes
    tbs: bytes  # the signed CertificationRequestInfo
    version: int
    subject: ParsedName
    spki: bytes  # the SubjectPublicKeyInfo as it appears in the CSR
    public_key: PublicKey | None  # None: a key type Go cannot use
    public_key_oid: str
    signature_algorithm: SignatureAlgorithm | None
    signature_identifier: bytes
    signature: bytes
    extensions: tuple[Extension, ...]  # every requested extension, in order
    dns_names: tuple[str, ...] = ()
    email_addresses: tuple[str, ...] = ()
    ip_addresses: tuple[bytes, ...] = ()
    uris: tuple[gonet.URL, ...] = ()
    attributes: tuple[bytes, ...] = field(default=(), repr=False)

    @property
    def go_subject(self) -> GoName:
        return self.subject.go_name()

    def subject_is_empty(self) -> bool:
        """x509util's subjectIsEmpty: the *named* fields re-encode to ``30 00``.

        Go re-marshals the parsed pkix.Name, whose ExtraNames are empty after
        parsing, so a subject of only non-standard attributes counts as empty.
        """
        try:
            return encode_go_name(self.go_subject) == b"\x30\x00"
        except NameError_:
            return False  # Go: a subject that does not marshal is not "empty"

    @cached_property
    def signature_error(self) -> str | None:
        """Why Go's CheckSignature fails (SHA-1 allowed, MD5 not), or None.

        Computed once: step checks the signature twice, pkisign verifies once.
        """
        try:
            check_signature(self.signature_algorithm, self.tbs, self.signature, self.public_key, allow_sha1=True)
        except VerifyError as exc:
            return str(exc)
        return None

    def check_signature(self) -> None:
        """Raise CSRError unless the CSR's signature verifies with its own key."""
        if self.signature_error is not None:
            raise CSRError(f"certificate request has invalid signature: {self.signature_error}")


def _one(data: bytes, tag: int, what: str) -> bytes:
    parts = der.children(data)
    if not parts or parts[0][0] != tag:
        raise CSRParseError(f"asn1: structure error: tags don't match ({what})")
    return parts[0][1]


def parse_csr(data: bytes) -> CSR:
    """Go's x509.ParseCertificateRequest, with its checks and error texts."""
    # The outer header alone first, as Go's asn1.Unmarshal reads it: a file
    # that is not one SEQUENCE is refused before anything in it is split.
    if not data:
        raise CSRParseError("asn1: structure error: tags don't match (certificate request)")
    try:
        tag, start, end = der.element(data)
    except der.DERError as exc:
        raise CSRParseError(f"asn1: syntax error: {exc}") from None
    if tag != 0x30:
        raise CSRParseError("asn1: structure error: tags don't match (certificate request)")
    if end != len(data):
        raise CSRParseError("asn1: syntax error: trailing data")
    try:
        outer = der.children(data[start:end])
        if len(outer) < 3 or [t for t, _, _ in outer[:3]] != [0x30, 0x30, 0x03]:
            raise CSRParseError("asn1: structure error: tags don't match (certificate request)")
        tbs_tlv = outer[0][2]
        info = der.children(outer[0][1])
        if len(info) < 4 or [t for t, _, _ in info[:4]] != [0x02, 0x30, 0x30, 0xA0]:
            raise CSRParseError("asn1: structure error: tags don't match (certificate request info)")
        version = core.Integer.load(info[0][2]).native
        subject_der, spki, attributes = info[1][2], info[2][2], der.children(info[3][1])
        sig_bits = outer[2][1]
    except der.DERError as exc:
        raise CSRParseError(f"asn1: syntax error: {exc}") from None
    except (ValueError, TypeError) as exc:
        if isinstance(exc, CSRParseError):
            raise
        raise CSRParseError("asn1: syntax error: malformed certificate request") from None
    if not sig_bits or sig_bits[0] > 7:
        raise CSRParseError("asn1: syntax error: invalid padding bits in BIT STRING")
    try:
        algorithm = der.children(_one(spki, 0x30, "public key"))[0][1]
        key_oid = der.decode_oid(der.children(algorithm)[0][2])
        public_key = parse_spki(spki)
    except KeyError_ as exc:
        raise CSRParseError(str(exc)) from None
    except (der.DERError, ValueError, TypeError, IndexError):
        raise CSRParseError("asn1: structure error: malformed public key") from None
    try:
        subject = parse_name(subject_der)
    except NameError_ as exc:
        raise CSRParseError(str(exc)) from None
    extensions = _requested_extensions(attributes)
    csr = CSR(
        der=data,
        tbs=tbs_tlv,
        version=version,
        subject=subject,
        spki=spki,
        public_key=public_key,
        public_key_oid=key_oid,
        signature_algorithm=algorithm_from_identifier(outer[1][2]),
        signature_identifier=outer[1][2],
        signature=sig_bits[1:],
        extensions=tuple(extensions),
        attributes=tuple(a[2] for a in attributes),
    )
    for ext in extensions:
        if ext.oid == _OID_SAN:
            dns, emails, ips, uris = _parse_sans(ext.value)
            csr = _replace(csr, dns_names=tuple(dns), email_addresses=tuple(emails),
                           ip_addresses=tuple(ips), uris=tuple(uris))
    return csr


def _replace(csr: CSR, **changes: Any) -> CSR:
    from dataclasses import replace

    return replace(csr, **changes)


def _requested_extensions(attributes: list[tuple[int, bytes, bytes]]) -> list[Extension]:
    """Go's parseCSRExtensions: every extensionRequest attribute, in order.

    Attributes that do not parse are ignored, as Go ignores them; a
    malformed extension list or a duplicated extension is an error.
    """
    out: list[Extension] = []
    seen: set[str] = set()
    for tag, content, _ in attributes:
        try:
            if tag != 0x30:
                continue
            parts = der.children(content)
            if len(parts) != 2 or parts[0][0] != 0x06 or parts[1][0] != 0x31:
                continue
            oid = der.decode_oid(parts[0][2])
            values = der.children(parts[1][1])
        except (der.DERError, ValueError, TypeError):
            continue
        if oid != OID_EXTENSION_REQUEST or not values:
            continue
        try:
            extensions = [_parse_extension(t, c) for t, c, _ in der.children(_one(values[0][2], 0x30, "extensions"))]
        except der.DERError as exc:
            raise CSRParseError(f"asn1: syntax error: {exc}") from None
        for ext in extensions:
            if ext.oid in seen:
                raise CSRParseError("x509: certificate request contains duplicate requested extensions")
            seen.add(ext.oid)
        out.extend(extensions)
    return out


def _parse_extension(tag: int, content: bytes) -> Extension:
    """pkix.Extension: extnID, critical BOOLEAN DEFAULT FALSE, extnValue."""
    if tag != 0x30:
        raise CSRParseError("asn1: structure error: tags don't match (extension)")
    parts = der.children(content)
    try:
        if parts[0][0] != 0x06:
            raise IndexError
        oid = der.decode_oid(parts[0][2])
        critical = False
        rest = parts[1:]
        if rest and rest[0][0] == 0x01:
            if rest[0][1] not in (b"\x00", b"\xff"):
                raise CSRParseError("asn1: syntax error: invalid boolean")
            critical = rest[0][1] == b"\xff"
            rest = rest[1:]
        if not rest or rest[0][0] != 0x04:
            raise IndexError
        return Extension(oid, critical, rest[0][1])
    except der.DERError as exc:
        raise CSRParseError(f"asn1: syntax error: {exc}") from None
    except (IndexError, ValueError, TypeError) as exc:
        if isinstance(exc, CSRParseError):
            raise
        raise CSRParseError("asn1: structure error: tags don't match (extension)") from None


def _domain_ok(domain: str) -> bool:
    """crypto/x509 domainToReverseLabels: non-empty labels of printable ASCII."""
    if domain.endswith("."):
        return False
    return all(label and all(33 <= ord(c) <= 126 for c in label) for label in domain.split("."))


def _parse_sans(value: bytes) -> tuple[list[str], list[str], list[bytes], list[gonet.URL]]:
    """Go's parseSANExtension: DNS, email, IP and URI names; others skipped."""
    try:
        names = der.children(_one(value, 0x30, "SAN"))
    except (der.DERError, CSRParseError):
        raise CSRParseError("x509: invalid subject alternative names") from None
    dns: list[str] = []
    emails: list[str] = []
    ips: list[bytes] = []
    uris: list[gonet.URL] = []
    for tag, data, _ in names:
        kind = tag ^ 0x80  # context-specific primitive [n]; constructed ones never match
        if kind == 1:
            if not data.isascii():
                raise CSRParseError("x509: SAN rfc822Name is malformed")
            emails.append(data.decode("ascii"))
        elif kind == 2:
            if not data.isascii():
                raise CSRParseError("x509: SAN dNSName is malformed")
            dns.append(data.decode("ascii"))
        elif kind == 6:
            if not data.isascii():
                raise CSRParseError("x509: SAN uniformResourceIdentifier is malformed")
            text = data.decode("ascii")
            try:
                uri = gonet.parse_url(text)
            except gonet.URLError as exc:
                raise CSRParseError(f"x509: cannot parse URI {gonet.go_quote(text)}: {exc}") from None
            if uri.host and not _domain_ok(uri.host):
                raise CSRParseError(f"x509: cannot parse URI {gonet.go_quote(text)}: invalid domain")
            uris.append(uri)
        elif kind == 7:
            if len(data) not in (4, 16):
                raise CSRParseError(f"x509: cannot parse IP address of length {len(data)}")
            ips.append(data)
    return dns, emails, ips, uris
