"""Signers: the one small protocol every key backend implements.

A signer holds an issuer private key somewhere (a file, an HSM) and signs a
whole message (the TBSCertificate DER) with one of Go's signature algorithms;
hashing is the signer's business because Ed25519 signs the message itself.
File keys use oscrypto, pkisign's core dependency, for RSA PKCS#1 v1.5 and
ECDSA, and the optional ``cryptography`` package for what oscrypto cannot do:
Ed25519, and RSA-PSS with the salt length Go requires.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..x509.keys import PublicKey, SignatureAlgorithm

__all__ = ["Signer"]


@runtime_checkable
class Signer(Protocol):
    """Signs messages with an issuer key."""

    @property
    def public_key(self) -> PublicKey:
        """The public half of the key, as Go would parse it."""

    def sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        """The signature of ``message``: DER ECDSA-Sig-Value for ECDSA, raw otherwise."""

    def close(self) -> None:
        """Release the key (an HSM session); signing afterwards is an error."""
