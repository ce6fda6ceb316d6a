"""What every remote key backend shares: the public key, the algorithm check, secrets, waits.

A remote backend (step-kms-plugin, AWS KMS, ...) hands back a public key as
DER or PEM and signs digests; the checks on both, the timeout every call is
bounded by and the scrubbing of secrets from messages are the same for all
of them and live here.
"""

from __future__ import annotations

import hashlib
import os
import re

from ...errors import KMSError
from ...x509 import der, pem
from ...x509.keys import KeyError_, PublicKey, SignatureAlgorithm, parse_spki
from .uri import SECRET_ATTRIBUTES

__all__ = ["KMSSigner", "DEFAULT_TIMEOUT", "timeout", "public_key_from_der", "public_key_from_pem", "check_algorithm",
           "digest_for", "redact", "secret_values", "one_line", "raw_ecdsa_to_der"]

#: Seconds one call to a KMS (or the plugin) may take unless PKISIGN_KMS_TIMEOUT says otherwise.
DEFAULT_TIMEOUT = 60.0

_SECRET_PAIR = re.compile(r"(?i)((?:^|[:;?&])(?:%s)=)[^;&#\s]*" % "|".join(re.escape(n) for n in SECRET_ATTRIBUTES))


def timeout() -> float:
    """The bound on one KMS call: PKISIGN_KMS_TIMEOUT seconds, else ``DEFAULT_TIMEOUT``."""
    text = os.environ.get("PKISIGN_KMS_TIMEOUT", "")
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value != value or value == float("inf"):
        raise KMSError(f"invalid PKISIGN_KMS_TIMEOUT '{text}': want a number of seconds greater than 0")
    return value


def public_key_from_der(spki: bytes, where: str) -> PublicKey:
    try:
        key = parse_spki(spki)
    except KeyError_ as exc:
        raise KMSError(f"the public key of {where} is malformed: {exc}") from None
    if key is None:
        raise KMSError(f"unsupported key type for {where}: pkisign signs with RSA, ECDSA and Ed25519 keys")
    return key


def public_key_from_pem(data: bytes, where: str) -> PublicKey:
    """The one PUBLIC KEY block of ``data`` (what step's pemutil.Parse accepts from a plugin)."""
    keys = [b for b in pem.decode_blocks(data) if b.type == "PUBLIC KEY"]
    if not keys:
        raise KMSError(f"{where} gave no PEM public key")
    return public_key_from_der(keys[0].der, where)


def check_algorithm(key: PublicKey, algorithm: SignatureAlgorithm, where: str) -> None:
    if algorithm.key_kind != key.kind:
        raise KMSError(f"cannot sign {algorithm.name} with the {key.description} key {where}")


def digest_for(message: bytes, algorithm: SignatureAlgorithm) -> bytes:
    """What a KMS signs: the message's hash, or the message itself for Ed25519."""
    if not algorithm.hash:
        return message
    return hashlib.new(algorithm.hash, message).digest()


def redact(text: str) -> str:
    """``text`` with the values of secret URI attributes (pin-value, client-secret) as ``***``."""
    return _SECRET_PAIR.sub(lambda m: m.group(1) + "***", text)


def secret_values(*uris: str) -> list[str]:
    """The secret attribute values spelled in these URIs, longest first (to scrub them from output)."""
    found = set()
    for text in uris:
        for match in _SECRET_PAIR.finditer(text):
            start = match.end(1)
            value = text[start:match.end()]
            if value:
                found.add(value)
    return sorted(found, key=len, reverse=True)


def one_line(text: str, limit: int = 400) -> str:
    """Several lines of someone else's output as one line, cut to ``limit`` characters."""
    joined = "; ".join(line.strip() for line in text.splitlines() if line.strip())
    return joined if len(joined) <= limit else joined[:limit - 3] + "..."


def raw_ecdsa_to_der(raw: bytes) -> bytes:
    """An ECDSA signature given as r || s (PKCS#11, JOSE) as the DER ECDSA-Sig-Value X.509 wants."""
    size = len(raw) // 2
    r, s = int.from_bytes(raw[:size], "big"), int.from_bytes(raw[size:], "big")
    return der.sequence(der.integer(r), der.integer(s))


class KMSSigner:
    """What every KMS signer shares: ``close()`` (or ``with``) releases its
    client once, a closed signer refuses to sign, and ``repr`` names the key
    (its description holds no secret)."""

    #: What the key is, for messages: "key K in V", never a credential.
    description: str
    #: Who signs, for messages: "the AWS KMS signer".
    KIND = "the signer"
    _closed = False
    _public_key: PublicKey

    def _check(self, algorithm: SignatureAlgorithm) -> None:
        """Before each signature: the signer is open and the algorithm fits its key."""
        if self._closed:
            raise KMSError(f"{self.KIND} for {self.description} is closed")
        check_algorithm(self._public_key, algorithm, self.description)

    def _release(self) -> None:
        """Close the client's connections (called once, by ``close``)."""

    def close(self) -> None:
        """Release the client; twice is harmless."""
        if not self._closed:
            self._closed = True
            self._release()

    def __enter__(self) -> "KMSSigner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description}>"
