"""Signing with a key in Google Cloud KMS, through google-cloud-kms (the optional ``gcp`` extra).

URIs, as step reads them (go.step.sm/crypto ``kms/cloudkms``)::

    --kms 'cloudkms:credentials-file=/etc/ca/gcp.json'
        key 'projects/P/locations/global/keyRings/R/cryptoKeys/K/cryptoKeyVersions/1'
        key 'cloudkms:projects/P/locations/global/keyRings/R/cryptoKeys/K/cryptoKeyVersions/1'
        key 'cloudkms:resource=projects/P/.../cryptoKeyVersions/1'
    --kms 'cloudkms:'      (Application Default Credentials)

``credentials-file`` is a service account key file; without it Google's
Application Default Credentials apply (``GOOGLE_APPLICATION_CREDENTIALS``,
``gcloud auth application-default login``, the metadata server).
``PKISIGN_CLOUDKMS_ENDPOINT=HOST:PORT`` sends the calls instead, without TLS
and without credentials, to an emulator or a test server.

The key is a CryptoKeyVersion resource name.  pkisign asks ``GetPublicKey``
once and checks the PEM against its CRC32C; each certificate is one
``AsymmetricSign`` with the digest (the whole message, ``data``, for
``EC_SIGN_ED25519``) and its CRC32C, and the answer must confirm the CRC32C
it received, name the same key version and carry a signature whose CRC32C
matches: the integrity checks Google asks clients to make.  A key version
signs with one algorithm only (``RSA_SIGN_PKCS1_2048_SHA256``,
``RSA_SIGN_PSS_3072_SHA256``, ``EC_SIGN_P384_SHA384``, ...): the
certificate's signature algorithm must be that one.  One client serves a
whole ``--batch``.

Each call is bounded by ``PKISIGN_KMS_TIMEOUT`` seconds (60 by default);
``RESOURCE_EXHAUSTED`` (quota) and ``UNAVAILABLE`` are retried with
backoff, at most ``ATTEMPTS`` attempts in all.  Every failure is one
``KMSError`` line; credentials never appear in one.
"""

from __future__ import annotations

import os
import time
from typing import Any

from ...errors import KMSError, MissingExtraError
from ...x509.keys import PublicKey, SignatureAlgorithm
from .common import KMSSigner, digest_for, public_key_from_pem, timeout
from .uri import KMSURI, has_scheme, parse_kms_uri

__all__ = ["ATTEMPTS", "crc32c", "CloudKMSConfig", "CloudKMSSigner", "open_cloudkms_signer"]

#: Attempts per call, the first included, when Cloud KMS runs out of quota or is unavailable.
ATTEMPTS = 4
_SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC_TABLE = _crc_table()


def crc32c(data: bytes) -> int:
    """CRC-32C (Castagnoli), the checksum Cloud KMS puts on what it receives and sends."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc = (crc >> 8) ^ _CRC_TABLE[(crc ^ byte) & 0xFF]
    return crc ^ 0xFFFFFFFF


# Cloud KMS algorithm name: (key kind, hash, pss); the hash signs "data" for Ed25519.
_ALGORITHMS = {
    "RSA_SIGN_PKCS1_2048_SHA256": ("rsa", "sha256", False),
    "RSA_SIGN_PKCS1_3072_SHA256": ("rsa", "sha256", False),
    "RSA_SIGN_PKCS1_4096_SHA256": ("rsa", "sha256", False),
    "RSA_SIGN_PKCS1_4096_SHA512": ("rsa", "sha512", False),
    "RSA_SIGN_PSS_2048_SHA256": ("rsa", "sha256", True),
    "RSA_SIGN_PSS_3072_SHA256": ("rsa", "sha256", True),
    "RSA_SIGN_PSS_4096_SHA256": ("rsa", "sha256", True),
    "RSA_SIGN_PSS_4096_SHA512": ("rsa", "sha512", True),
    "EC_SIGN_P256_SHA256": ("ec", "sha256", False),
    "EC_SIGN_P384_SHA384": ("ec", "sha384", False),
    "EC_SIGN_ED25519": ("ed25519", "", False),
}


def _google() -> tuple[Any, Any]:
    try:
        import google.cloud.kms_v1 as kms_v1
        from google.api_core import exceptions
    except ImportError:
        raise MissingExtraError("--kms cloudkms:", "gcp") from None
    return kms_v1, exceptions


class CloudKMSConfig:
    """What ``--kms`` and the key argument say: the credentials and the key version."""

    def __init__(self, credentials_file: str, name: str) -> None:
        self.credentials_file = credentials_file
        self.name = name

    @classmethod
    def from_arguments(cls, kms: str, key: str) -> "CloudKMSConfig":
        base = parse_kms_uri(kms, "--kms") if kms else KMSURI("cloudkms")
        named = KMSURI("cloudkms")
        name = key
        if has_scheme(key) and key.partition(":")[0].lower() == "cloudkms":
            named = parse_kms_uri(key, "the key")
            opaque = key.partition(":")[2].partition("?")[0].partition("#")[0]
            first = opaque.split(";")[0]
            name = named.get("resource") or ("" if "=" in first else first)
        if not name.startswith("projects/") or "/cryptoKeyVersions/" not in name:
            raise KMSError("the Cloud KMS key must be a key version, such as projects/P/locations/L/keyRings/R/"
                           "cryptoKeys/K/cryptoKeyVersions/1")
        return cls(named.get("credentials-file") or base.get("credentials-file"), name)


class CloudKMSSigner(KMSSigner):
    """An issuer key in Google Cloud KMS (pkisign's ``Signer`` protocol)."""

    KIND = "the Cloud KMS signer"

    def __init__(self, config: CloudKMSConfig) -> None:
        kms_v1, self._exc = _google()
        self._kms_v1 = kms_v1
        self._name = config.name
        self.description = f"key {config.name}"
        self._limit = timeout()
        self._endpoint = os.environ.get("PKISIGN_CLOUDKMS_ENDPOINT", "")
        self._client: Any = None
        self._client = self._make_client(config)
        try:
            self._public_key, self._algorithm = self._load()
        except BaseException:
            self.close()
            raise

    def _make_client(self, config: CloudKMSConfig) -> Any:
        kms_v1 = self._kms_v1
        if self._endpoint:
            import grpc
            from google.cloud.kms_v1.services.key_management_service.transports import (
                KeyManagementServiceGrpcTransport,
            )

            channel = grpc.insecure_channel(self._endpoint)
            return kms_v1.KeyManagementServiceClient(transport=KeyManagementServiceGrpcTransport(channel=channel))
        import google.auth
        import google.auth.exceptions

        failure = None
        if config.credentials_file:
            from google.oauth2 import service_account

            try:
                credentials = service_account.Credentials.from_service_account_file(
                    config.credentials_file, scopes=_SCOPES)
            except OSError as exc:
                failure = (f"cannot read the Cloud KMS credentials-file {config.credentials_file}: "
                           f"{(exc.strerror or type(exc).__name__).lower()}")
            except (ValueError, google.auth.exceptions.GoogleAuthError):
                failure = f"cannot read the Cloud KMS credentials-file {config.credentials_file}: " \
                          "not a service account key file"
        else:
            try:
                credentials, _ = google.auth.default(scopes=_SCOPES)
            except google.auth.exceptions.DefaultCredentialsError:
                failure = ("no Google Cloud credentials: add credentials-file=FILE to the cloudkms: URI, set "
                           "GOOGLE_APPLICATION_CREDENTIALS, or run 'gcloud auth application-default login'")
        if failure is not None:
            raise KMSError(failure)
        return kms_v1.KeyManagementServiceClient(credentials=credentials)

    @property
    def _where(self) -> str:
        return f"Cloud KMS ({self._endpoint or 'cloudkms.googleapis.com'})"

    def _call(self, action: str, method: str, request: dict) -> Any:
        """One call, retried on RESOURCE_EXHAUSTED and UNAVAILABLE; any failure as one line."""
        e = self._exc
        failure = None
        for attempt in range(ATTEMPTS):
            try:
                return getattr(self._client, method)(request=request, retry=None, timeout=self._limit)
            except (e.ResourceExhausted, e.ServiceUnavailable) as exc:
                if attempt + 1 < ATTEMPTS:
                    time.sleep(min(0.2 * 2 ** attempt, 2.0))
                    continue
                if isinstance(exc, e.ResourceExhausted):
                    failure = (f"{action} with {self.description}: Cloud KMS kept refusing for lack of quota "
                               f"(RESOURCE_EXHAUSTED), gave up after {ATTEMPTS} attempts")
                else:
                    failure = (f"{action} with {self.description}: cannot reach {self._where}: "
                               f"unavailable after {ATTEMPTS} attempts")
            except e.GoogleAPICallError as exc:
                failure = self._describe(exc, action)
            except Exception as exc:  # noqa: BLE001 - transport errors of grpc and google-auth
                failure = f"{action} with {self.description} failed: {type(exc).__name__}"
            break
        # Raised outside the except block: the client's error (and its request) stays out of the chain.
        raise KMSError(failure)

    def _describe(self, exc: Any, action: str) -> str:
        e = self._exc
        text = (getattr(exc, "message", "") or "").splitlines()
        detail = f": {text[0]}" if text and text[0] else ""
        if isinstance(exc, e.NotFound):
            return f"no Cloud KMS {self.description}{detail}"
        if isinstance(exc, e.DeadlineExceeded):
            return f"{action} with {self.description}: no answer from {self._where} within {self._limit:g} " \
                   "seconds (PKISIGN_KMS_TIMEOUT)"
        if isinstance(exc, e.Unauthenticated):
            return f"{action} with {self.description}: Cloud KMS refused the credentials"
        if isinstance(exc, e.PermissionDenied):
            return f"{action} with {self.description}: permission denied by Cloud KMS"
        if isinstance(exc, e.FailedPrecondition):
            return f"the Cloud KMS {self.description} cannot be used now{detail}"
        return f"{action} with {self.description} failed: {type(exc).__name__}{detail}"

    def _load(self) -> tuple[PublicKey, str]:
        answer = self._call("GetPublicKey", "get_public_key", {"name": self._name})
        pem_text = answer.pem.encode("utf-8")
        if answer.pem_crc32c is not None and crc32c(pem_text) != int(answer.pem_crc32c):
            raise KMSError(f"the public key of the Cloud KMS {self.description} arrived corrupted (CRC32C mismatch)")
        algorithm = self._kms_v1.CryptoKeyVersion.CryptoKeyVersionAlgorithm(answer.algorithm).name
        if algorithm not in _ALGORITHMS:
            what = "not a signing key" if "SIGN" not in algorithm else "not a key X.509 can use"
            raise KMSError(f"the Cloud KMS {self.description} is {what} ({algorithm})")
        key = public_key_from_pem(pem_text, f"the Cloud KMS {self.description}")
        if key.kind != _ALGORITHMS[algorithm][0]:
            raise KMSError(f"the public key of the Cloud KMS {self.description} does not fit its algorithm {algorithm}")
        return key, algorithm

    @property
    def public_key(self) -> PublicKey:
        return self._public_key

    def sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        self._check(algorithm)
        if (algorithm.key_kind, algorithm.hash, algorithm.pss) != _ALGORITHMS[self._algorithm]:
            raise KMSError(f"the Cloud KMS {self.description} signs only with {self._algorithm}, "
                           f"not {algorithm.name}")
        payload = digest_for(message, algorithm)
        if algorithm.hash:
            request = {"name": self._name, "digest": {algorithm.hash: payload}, "digest_crc32c": crc32c(payload)}
        else:
            request = {"name": self._name, "data": payload, "data_crc32c": crc32c(payload)}
        answer = self._call("AsymmetricSign", "asymmetric_sign", request)
        verified = answer.verified_digest_crc32c if algorithm.hash else answer.verified_data_crc32c
        if not verified:
            raise KMSError(f"Cloud KMS did not confirm the CRC32C of what it signed with {self.description}: "
                           "the request was corrupted on the way")
        if answer.name != self._name:
            raise KMSError(f"Cloud KMS answered for {answer.name or 'no key'}, not {self.description}")
        signature = bytes(answer.signature)
        if answer.signature_crc32c is None or crc32c(signature) != int(answer.signature_crc32c):
            raise KMSError(f"the signature from the Cloud KMS {self.description} arrived corrupted "
                           "(CRC32C mismatch)")
        return signature

    def _release(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.transport.close()


def open_cloudkms_signer(kms: str, key: str) -> CloudKMSSigner:
    """Read the URIs, make the client, fetch and check the public key: a ready signer."""
    return CloudKMSSigner(CloudKMSConfig.from_arguments(kms, key))
