"""Certificates from a TBSCertificate and a signature made elsewhere.

For an offline key ceremony: ``pkisign sign --dry-run --tbs-out tbs.der``
writes the exact bytes to sign, the key holder signs them with any tool,
and ``pkisign assemble tbs.der sig.bin issuer.crt`` makes the certificate,
but only after the signature verifies with the issuer certificate's key:
the result is proven to be that TBS, signed by that issuer.
"""

from __future__ import annotations

from asn1crypto import x509

from .errors import InputError, SigningError
from .golang.x509 import GoParseError
from .inputs import IssuerCertificate
from .x509 import der, pem
from .x509.keys import algorithm_from_identifier
from .x509.tbs import attach_signature
from .x509.verify import VerifyError

__all__ = ["load_tbs", "assemble"]


def load_tbs(data: bytes, name: str) -> bytes:
    """A TBSCertificate from DER or PEM (``TBS CERTIFICATE``); its exact bytes."""
    if pem.has_pem(data):
        blocks = [b for b in pem.decode_blocks(data) if b.type == "TBS CERTIFICATE"]
        if not blocks:
            raise InputError(f"error parsing {name}: does not contain a PEM encoded TBS CERTIFICATE")
        data = blocks[0].der
    try:
        top = der.children(data)
        if len(top) != 1 or top[0][0] != 0x30:
            raise ValueError
        x509.TbsCertificate.load(data, strict=True).native  # noqa: B018 - every field must parse
    except (der.DERError, ValueError, TypeError):
        raise InputError(f"error parsing {name}: not a DER TBSCertificate") from None
    return data


def assemble(tbs: bytes, signature: bytes, issuer: IssuerCertificate) -> bytes:
    """The certificate DER, once the signature is proven to be the issuer's over ``tbs``."""
    parsed = x509.TbsCertificate.load(tbs)
    if parsed["issuer"].dump() != issuer.subject:
        raise SigningError("the TBSCertificate's issuer is not the subject of the issuer certificate")
    algorithm = algorithm_from_identifier(parsed["signature"].dump())
    if algorithm is None:
        raise SigningError("the TBSCertificate's signature algorithm is not one pkisign can verify")
    try:
        return attach_signature(tbs, parsed["signature"].dump(), algorithm, signature, issuer.public_key)
    except VerifyError as exc:
        raise SigningError(f"the signature does not verify with the issuer certificate's key: {exc}") from None
    except GoParseError as exc:
        raise SigningError(f"error parsing certificate: {exc}") from None
