"""moto's server with AWS KMS's ``Sign`` as the real service does it, for the tests.

    python tests/moto_kms_server.py PORT

moto 5.2 signs the ``Message`` as if ``MessageType`` were always ``RAW``
(it hashes a digest again) and salts RSA-PSS with the longest salt that
fits, where AWS KMS signs a ``DIGEST`` as given and salts PSS with as many
bytes as the hash has.  This runs moto's own server (``moto.server``,
listening on 127.0.0.1) with its key classes' ``sign`` doing what AWS does;
everything else (HTTP, SigV4 parsing, key storage, errors) is moto's.
"""

from __future__ import annotations

import contextvars
import sys

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric import utils as asym_utils
from moto.kms import responses as kms_responses
from moto.kms import utils as kms_utils

_digest = contextvars.ContextVar("digest", default=False)
_HASHES = {"256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512}

_plain_sign = kms_responses.KmsResponse.sign


def _sign_response(self):  # type: ignore[no-untyped-def]
    token = _digest.set(self._get_param("MessageType") == "DIGEST")
    try:
        return _plain_sign(self)
    finally:
        _digest.reset(token)


def _hash(signing_algorithm: str) -> hashes.HashAlgorithm:
    return _HASHES[signing_algorithm[-3:]]()


def _rsa_sign(self, message: bytes, signing_algorithm: str) -> bytes:  # type: ignore[no-untyped-def]
    kms_utils.validate_signing_algorithm(signing_algorithm, kms_utils.SigningAlgorithm.rsa_signing_algorithms())
    algorithm = _hash(signing_algorithm)
    if "_PSS_" in signing_algorithm:
        pad = padding.PSS(mgf=padding.MGF1(algorithm), salt_length=padding.PSS.DIGEST_LENGTH)
    else:
        pad = padding.PKCS1v15()
    return self.private_key.sign(message, pad, asym_utils.Prehashed(algorithm) if _digest.get() else algorithm)


def _ecdsa_sign(self, message: bytes, signing_algorithm: str) -> bytes:  # type: ignore[no-untyped-def]
    kms_utils.validate_signing_algorithm(signing_algorithm, self.valid_signing_algorithms)
    algorithm = _hash(signing_algorithm)
    return self.private_key.sign(message, ec.ECDSA(asym_utils.Prehashed(algorithm) if _digest.get() else algorithm))


kms_responses.KmsResponse.sign = _sign_response
kms_utils.RSAPrivateKey.sign = _rsa_sign
kms_utils.ECDSAPrivateKey.sign = _ecdsa_sign

if __name__ == "__main__":
    from moto.server import main

    main(["-H", "127.0.0.1", "-p", sys.argv[1]])
