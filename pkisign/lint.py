"""Pre-issuance lint: pkilint's RFC 5280 linter on the TBS, before the real signature.

cfssl runs zlint before signing; this does the same with pkilint, an
optional extra (``pip install 'pkisign[lint]'``).  The TBS is signed with a
throwaway key of the issuer's key type, so that the linted certificate is
the real one in everything but its signature value; the issuer key is only
used once the lint is clean.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from .errors import MissingExtraError
from .x509.keys import SignatureAlgorithm
from .x509.tbs import assemble_certificate

__all__ = ["LintFinding", "lint_tbs", "serious"]


@dataclass(frozen=True)
class LintFinding:
    code: str
    severity: str  # pkilint's: FATAL, ERROR, WARNING, NOTICE, INFO
    message: str
    path: str

    def __str__(self) -> str:
        text = f"{self.severity} {self.code} at {self.path}"
        return f"{text}: {self.message}" if self.message else text


def _throwaway_signature(tbs: bytes, algorithm: SignatureAlgorithm, curve: str | None, rsa_bits: int) -> bytes:
    """A signature by a fresh key of the same type (its value is never checked)."""
    if algorithm.key_kind == "ed25519":
        from cryptography.hazmat.primitives.asymmetric import ed25519

        return ed25519.Ed25519PrivateKey.generate().sign(tbs)
    from ._oscrypto_compat import asymmetric

    osc = asymmetric()
    if algorithm.key_kind == "rsa":
        _, private = osc.generate_pair("rsa", bit_size=max(rsa_bits, 2048))
        return osc.rsa_pkcs1v15_sign(private, tbs, algorithm.hash)
    curve_name = {"P-256": "secp256r1", "P-384": "secp384r1", "P-521": "secp521r1"}.get(curve or "", "secp256r1")
    _, private = osc.generate_pair("ec", curve=curve_name)
    return osc.ecdsa_sign(private, tbs, algorithm.hash)


def lint_tbs(tbs: bytes, algorithm: SignatureAlgorithm, *, curve: str | None = None,
             rsa_bits: int = 2048) -> list[LintFinding]:
    """pkilint's lint_pkix_cert findings for the certificate this TBS would make."""
    try:
        from pkilint import loader
        from pkilint.pkix import certificate, extension, name
    except ImportError:
        raise MissingExtraError("--lint", "lint") from None
    signature = _throwaway_signature(tbs, algorithm, curve, rsa_bits)
    der = assemble_certificate(tbs, algorithm.identifier, signature)
    validator = certificate.create_pkix_certificate_validator_container(
        certificate.create_decoding_validators(name.ATTRIBUTE_TYPE_MAPPINGS, extension.EXTENSION_MAPPINGS),
        [
            certificate.create_issuer_validator_container([]),
            certificate.create_validity_validator_container(),
            certificate.create_subject_validator_container([]),
            certificate.create_extensions_validator_container([]),
            certificate.create_spki_validator_container([]),
        ],
    )
    load = loader.RFC5280CertificateDocumentLoader().get_file_loader_func(loader.DocumentFormat.DER)
    results = validator.validate(load(io.BytesIO(der), "certificate").root)
    return [
        LintFinding(f.finding.code, f.finding.severity.name, str(f.message or ""), r.node.path)
        for r in results for f in r.finding_descriptions
    ]


def serious(findings: list[LintFinding]) -> list[LintFinding]:
    """The findings at ERROR or above, which stop the signature."""
    return [f for f in findings if f.severity in ("FATAL", "ERROR")]
