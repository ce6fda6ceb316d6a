"""The TBSCertificate and the signed Certificate, assembled with asn1crypto.

This is Go's ``x509.CreateCertificate`` without the signing call (spec 9.1):
a pure function from the certificate template, the issuer, the subject's key
and the validity to the exact DER that the issuer key signs.  Every piece
that comes from an input (issuer name, subject name, public key) is loaded
from its encoded bytes, and asn1crypto writes a loaded value back unchanged,
so those bytes reach the certificate verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import algos, core, keys as asn1_keys, x509

from .errors import SigningError
from .extensions import build_extensions, encode_extension
from .keys import PublicKey, SignatureAlgorithm
from .model import CertificateTemplate, Extension
from .names import EMPTY_NAME, NameError_, encode_go_name
from .validity import Validity, encode_time

__all__ = ["IssuerIdentity", "TBS", "build_tbs", "assemble_certificate", "subject_bytes"]


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
    subject_key_id = tpl.subject_key_id if tpl.subject_key_id is not None else public_key.subject_key_id
    extensions = build_extensions(
        tpl,
        subject_is_empty=subject == EMPTY_NAME,
        authority_key_id=authority_key_id,
        subject_key_id=subject_key_id,
    )
    not_before, not_after = validity.not_before, validity.not_after
    try:
        times = [x509.Time.load(encode_time(t)) for t in (not_before, not_after)]
    except ValueError as exc:
        raise SigningError(f"error creating certificate: {exc}") from None
    fields = {
        "version": "v3",
        "serial_number": serial,
        "signature": algos.SignedDigestAlgorithm.load(algorithm.identifier),
        "issuer": x509.Name.load(issuer.subject),
        "validity": x509.Validity({"not_before": times[0], "not_after": times[1]}),
        "subject": x509.Name.load(subject),
        "subject_public_key_info": asn1_keys.PublicKeyInfo.load(public_key.spki),
    }
    if extensions:
        fields["extensions"] = x509.Extensions(
            [x509.Extension.load(encode_extension(e)) for e in extensions]
        )
    der = x509.TbsCertificate(fields).dump()
    return TBS(der, serial, algorithm, subject, tuple(extensions))


def assemble_certificate(tbs: bytes, algorithm: SignatureAlgorithm, signature: bytes) -> bytes:
    """Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }."""
    return x509.Certificate({
        "tbs_certificate": x509.TbsCertificate.load(tbs),
        "signature_algorithm": algos.SignedDigestAlgorithm.load(algorithm.identifier),
        "signature_value": core.OctetBitString(signature),
    }).dump()
