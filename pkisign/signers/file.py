"""A signer for a private key read from a file."""

from __future__ import annotations

from typing import Any

from asn1crypto import keys as asn1_keys

from .._oscrypto_compat import asymmetric
from ..errors import KeyFileError, MissingExtraError, PasswordError, PkisignError, SigningError
from ..inputs import read_file, read_password_file
from ..x509.keys import PublicKey, SignatureAlgorithm, parse_spki
from .keyfile import PasswordSource, read_private_key

__all__ = ["FileSigner", "load_file_signer"]


class FileSigner:
    """An RSA, EC or Ed25519 private key held in memory (PKCS#8 form).

    oscrypto signs RSA PKCS#1 v1.5 and ECDSA.  Ed25519 and RSA-PSS go to
    ``cryptography``: oscrypto has no Ed25519, and on OpenSSL 3 it signs PSS
    with the maximum salt length, which Go (and so step) refuses.
    """

    def __init__(self, key_info: asn1_keys.PrivateKeyInfo) -> None:
        self._info = key_info
        self._oscrypto_key: Any = None
        self._cryptography_key: Any = None
        try:
            self._public_key = self._derive_public_key()
        except PkisignError:
            raise
        except Exception:  # noqa: BLE001 - OpenSSL or cryptography refusing the key material
            # A key that parses but cannot be loaded (a zero scalar, a point
            # off the curve...).  The libraries' messages are not shown: they
            # are not the user's words, and key material has no place in errors.
            raise KeyFileError("the private key is not a usable key") from None

    @property
    def public_key(self) -> PublicKey:
        return self._public_key

    def _derive_public_key(self) -> PublicKey:
        algorithm = self._info["private_key_algorithm"]["algorithm"].native
        if algorithm == "ed25519":
            key = self._cryptography()
            from cryptography.hazmat.primitives import serialization

            raw = key.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        else:
            raw = self._oscrypto().public_key.asn1.dump()
        key = parse_spki(raw)
        if key is None:
            raise SigningError("the key cannot be used to sign X509 certificates")
        return key

    def _oscrypto(self) -> Any:
        if self._oscrypto_key is None:
            self._oscrypto_key = asymmetric().load_private_key(self._info)
        return self._oscrypto_key

    def _cryptography(self) -> Any:
        if self._cryptography_key is None:
            try:
                from cryptography.hazmat.primitives import serialization
            except ImportError:
                raise MissingExtraError(self._needs_cryptography(), "cryptography") from None
            self._cryptography_key = serialization.load_der_private_key(self._info.dump(), None)
        return self._cryptography_key

    def _needs_cryptography(self) -> str:
        algorithm = self._info["private_key_algorithm"]["algorithm"].native
        return "an Ed25519 key file" if algorithm == "ed25519" else "RSA-PSS signing with a key file"

    def sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        try:
            return self._sign(message, algorithm)
        except PkisignError:
            raise
        except Exception:  # noqa: BLE001 - OpenSSL refusing key material it loaded (empty RSA factors...)
            raise SigningError("error signing certificate: the private key is not a usable key") from None

    def _sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        if algorithm.key_kind == "ed25519":
            return self._cryptography().sign(message)
        if algorithm.pss:
            key = self._cryptography()
            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.asymmetric import padding

            hash_types: dict[str, type[Any]] = {
                "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
            hash_alg = hash_types[algorithm.hash]()
            return key.sign(message, padding.PSS(padding.MGF1(hash_alg), hash_alg.digest_size), hash_alg)
        osc = asymmetric()
        if algorithm.key_kind == "rsa":
            return osc.rsa_pkcs1v15_sign(self._oscrypto(), message, algorithm.hash)
        return osc.ecdsa_sign(self._oscrypto(), message, algorithm.hash)

    def close(self) -> None:
        self._oscrypto_key = None
        self._cryptography_key = None


def load_file_signer(
    key_file: str,
    *,
    password: bytes | None = None,
    password_file: str | None = None,
    prompt: PasswordSource | None = None,
) -> FileSigner:
    """Read an issuer key file; the password file is read after the key file, as step does."""
    data = read_file(key_file, "key")
    if password_file:
        password = read_password_file(password_file)
        if not password:
            prompt = _after_empty_password_file(password_file, prompt)
    key_info = read_private_key(data, key_file, password=password, prompt=prompt)
    try:
        return FileSigner(key_info)
    except KeyFileError as exc:
        raise KeyFileError(f"error parsing {key_file}: {exc}") from None


def _after_empty_password_file(password_file: str, prompt: PasswordSource | None) -> PasswordSource:
    """An empty password file means no password: step asks on the terminal.
    Without one, the error names the empty file, not the flag that gave it."""
    def ask(key_file: str) -> bytes:
        why = f"error decrypting {key_file}: the password file {password_file} is empty"
        if prompt is None:
            raise PasswordError(why)
        try:
            return prompt(key_file)
        except PasswordError:
            raise PasswordError(why + " and there is no terminal to ask for the password") from None
    return ask
