"""The TBSCertificate and the signed Certificate.

This is Go's ``x509.CreateCertificate`` without the signing call (spec 9.1):
a pure function from the certificate template, the issuer, the subject's key
and the validity to the exact DER that the issuer key signs::

    TBSCertificate ::= SEQUENCE {
        version [0] EXPLICIT v3, serialNumber, signature AlgorithmIdentifier,
        issuer Name, validity, subject Name, subjectPublicKeyInfo,
        extensions [3] EXPLICIT Extensions (only when there are some) }

The fields are concatenated as DER, each one encoded by its own module
(extensions.py with asn1crypto's types, names.py, keys.py, validity.py).
Go writes the issuer and a raw subject as opaque bytes (asn1.RawValue), even
when they are not valid DER; an asn1crypto object could not hold such bytes,
so the names are placed here verbatim, as Go places them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import SigningError
from ..golang.x509 import check_written_certificate, parse_certificate_checks
from . import der
from .certificate import CertificateTemplate, Extension
from .extensions import build_extensions, encode_extension
from .keys import PublicKey, SignatureAlgorithm
from .names import EMPTY_NAME, NameError_, encode_go_name
from .validity import Validity, encode_time
from .verify import check_signature

__all__ = ["IssuerIdentity", "TBS", "build_tbs", "assemble_certificate", "attach_signature", "subject_bytes"]

_VERSION_3 = bytes.fromhex("a003020102")  # [0] EXPLICIT INTEGER 2


@dataclass(frozen=True)
class IssuerIdentity:
    """What a new certificate takes from its issuer certificate."""

    subject: bytes  # the issuer's raw subject: the new certificate's issuer
    subject_key_id: bytes  # b"" when the issuer has no SKI extension


@dataclass(frozen=True)
class TBS:
    """A TBSCertificate and the facts it was built from."""

    der: bytes
    serial: int
    algorithm: SignatureAlgorithm
    subject: bytes
    extensions: tuple[Extension, ...]
    # The pieces build_tbs placed in ``der`` as they are (None: a TBS made
    # elsewhere): what Go's parse of the certificate must still look at.
    issuer: bytes | None = field(default=None, repr=False)
    spki: bytes = field(default=b"", repr=False)
    encoded_extensions: tuple[bytes, ...] = field(default=(), repr=False)


def subject_bytes(tpl: CertificateTemplate) -> bytes:
    """Go's subjectBytes: the raw subject if set, else the re-encoded Name."""
    if tpl.raw_subject:
        return tpl.raw_subject
    try:
        return encode_go_name(tpl.subject)
    except NameError_ as exc:
        raise SigningError(f"error creating certificate: {exc}") from None


def build_tbs(
    tpl: CertificateTemplate,
    issuer: IssuerIdentity,
    public_key: PublicKey,
    validity: Validity,
    serial: int,
    algorithm: SignatureAlgorithm,
) -> TBS:
    """Assemble the TBSCertificate Go would sign for this template.

    ``serial`` and the SKI default are x509util's business and are already
    decided by the caller; the AKI rule is Go's: the issuer's SKI whenever
    the issuer has one and the subject differs from the issuer, else the
    template's own ``authorityKeyId``.
    """
    if serial < 0:
        raise SigningError("error creating certificate: x509: serial number must be positive")
    if tpl.basic_constraints_valid and not tpl.is_ca and tpl.max_path_len != -1 and (
        tpl.max_path_len != 0 or tpl.max_path_len_zero
    ):
        raise SigningError("error creating certificate: x509: only CAs are allowed to specify MaxPathLen")
    subject = subject_bytes(tpl)
    authority_key_id = tpl.authority_key_id
    if issuer.subject != subject and issuer.subject_key_id:
        authority_key_id = issuer.subject_key_id
    # x509util computes the SKI when the template has none (nil); Go then
    # computes it for a CA whose SKI is still empty.
    subject_key_id = tpl.subject_key_id if tpl.subject_key_id is not None else public_key.subject_key_id
    if not subject_key_id and tpl.is_ca:
        subject_key_id = public_key.subject_key_id
    try:
        extensions = build_extensions(
            tpl,
            subject_is_empty=subject == EMPTY_NAME,
            authority_key_id=authority_key_id,
            subject_key_id=subject_key_id,
        )
        times = der.sequence(encode_time(validity.not_before), encode_time(validity.not_after))
        encoded_extensions = tuple(encode_extension(e) for e in extensions)
        extension_block = der.tlv(0xA3, der.sequence(*encoded_extensions)) if extensions else b""
    except (ValueError, der.InvalidOID) as exc:
        raise SigningError(f"error creating certificate: {exc}") from None
    encoded = der.sequence(
        _VERSION_3,
        der.integer(serial),
        algorithm.identifier,
        issuer.subject,
        times,
        subject,
        public_key.spki,
        extension_block,
    )
    return TBS(encoded, serial, algorithm, subject, tuple(extensions), issuer.subject, public_key.spki,
               encoded_extensions)


def assemble_certificate(tbs: bytes, identifier: bytes, signature: bytes) -> bytes:
    """Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }.

    ``identifier`` is the AlgorithmIdentifier DER, the same bytes as the
    TBS's own ``signature`` field.
    """
    return der.sequence(tbs, identifier, der.bit_string(signature))


def attach_signature(tbs: bytes, identifier: bytes, algorithm: SignatureAlgorithm, signature: bytes,
                     issuer_key: PublicKey | None, built: TBS | None = None) -> bytes:
    """The end of Go's CreateCertificate, for a signature made by any signer.

    The signature must verify with the issuer's key (Go checks every
    signature it makes: a faulty signer, or a wrong signature made
    elsewhere, never lets a certificate out), the Certificate is assembled,
    and Go's parser must accept it, as x509util re-parses what Go made.
    ``built`` is the TBS when ``build_tbs`` made it: then only the parts it
    copied or took from a template are parsed again.

    Raises VerifyError or GoParseError; each caller words them for its user.
    """
    check_signature(algorithm, tbs, signature, issuer_key, allow_sha1=True)
    certificate = assemble_certificate(tbs, identifier, signature)
    if built is not None and built.issuer is not None:
        check_written_certificate(certificate, built.issuer, built.subject, built.spki, built.encoded_extensions)
    else:
        parse_certificate_checks(certificate)
    return certificate
