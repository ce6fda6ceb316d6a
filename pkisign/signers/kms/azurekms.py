"""Signing with a key in Azure Key Vault, through azure-keyvault-keys (the optional ``azure`` extra).

URIs, as step reads them (go.step.sm/crypto ``kms/azurekms``)::

    key 'azurekms:name=root-key;vault=my-vault'
    key 'azurekms:name=root-key;vault=my-vault?version=0123abcd&hsm=true'
    --kms 'azurekms:client-id=ID;client-secret=SECRET;tenant-id=TENANT'

``vault`` is the vault's name (``https://VAULT.vault.azure.net``, or
``https://VAULT.managedhsm.azure.net`` with ``hsm=true``); ``version``
picks a key version (the current one without it).  With ``client-id``,
``client-secret`` and ``tenant-id`` pkisign signs in as that service
principal; without them azure-identity's DefaultAzureCredential applies
(``AZURE_CLIENT_ID``/``AZURE_TENANT_ID``/``AZURE_CLIENT_SECRET``, a managed
identity, ``az login``).  ``PKISIGN_AZUREKMS_VAULT_URL`` replaces the
vault's URL, for a private endpoint or a test server.

pkisign reads the key once (``GetKey``), checks that it may sign and is an
RSA or EC (P-256, P-384, P-521) key, and signs each certificate with one
``Sign`` call on its digest (``RS256``..., ``PS256``..., ``ES256``...; EC
signatures come back as r || s and are written as DER).  One client serves
a whole ``--batch``.  Each call is bounded by ``PKISIGN_KMS_TIMEOUT``
seconds; the SDK retries throttling (429) and transient errors, at most
``ATTEMPTS`` attempts in all.  Every failure is one ``KMSError`` line; the
client secret and tokens never appear in one.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from ...errors import KMSError, MissingExtraError
from ...x509 import der
from ...x509.keys import CURVES, PublicKey, SignatureAlgorithm
from .common import KMSSigner, digest_for, public_key_from_der, raw_ecdsa_to_der, timeout
from .uri import KMSURI, parse_kms_uri

__all__ = ["ATTEMPTS", "AzureConfig", "AzureKMSSigner", "open_azurekms_signer"]

#: Attempts per call, the first included, when Key Vault throttles or fails transiently.
ATTEMPTS = 4

_CURVE_OIDS = {c.name: c.oid for c in CURVES.values()}
_ALGORITHMS = {  # (key kind, hash, pss): Key Vault algorithm
    ("rsa", "sha256", False): "RS256", ("rsa", "sha384", False): "RS384", ("rsa", "sha512", False): "RS512",
    ("rsa", "sha256", True): "PS256", ("rsa", "sha384", True): "PS384", ("rsa", "sha512", True): "PS512",
    ("ec", "sha256", False): "ES256", ("ec", "sha384", False): "ES384", ("ec", "sha512", False): "ES512",
}


def _azure() -> tuple[Any, Any, Any]:
    try:
        import azure.core.exceptions as exceptions
        import azure.identity as identity
        import azure.keyvault.keys as keys
    except ImportError:
        raise MissingExtraError("--kms azurekms:", "azure") from None
    return keys, identity, exceptions


class AzureConfig:
    def __init__(self, vault_url: str, name: str, version: str, client_id: str, client_secret: str,
                 tenant_id: str) -> None:
        self.vault_url = vault_url
        self.name = name
        self.version = version
        self.client_id = client_id
        self.client_secret = client_secret
        self.tenant_id = tenant_id

    @classmethod
    def from_arguments(cls, kms: str, key: str) -> "AzureConfig":
        base = parse_kms_uri(kms, "--kms") if kms else KMSURI("azurekms")
        named = parse_kms_uri(key, "the key")
        if named.type != "azurekms":
            raise KMSError("with --kms azurekms:..., the key must be an azurekms: URI such as "
                           "azurekms:name=KEY;vault=VAULT")

        def pick(name: str) -> str:
            return named.get(name) or base.get(name)

        name, vault = pick("name"), pick("vault")
        if not name or not vault:
            raise KMSError("the azurekms: key URI needs name=KEY and vault=VAULT, such as "
                           "azurekms:name=root-key;vault=my-vault")
        domain = "managedhsm.azure.net" if pick("hsm").lower() == "true" else "vault.azure.net"
        url = os.environ.get("PKISIGN_AZUREKMS_VAULT_URL") or f"https://{vault}.{domain}"
        return cls(url, name, pick("version"), pick("client-id"), pick("client-secret"), pick("tenant-id"))

    def __repr__(self) -> str:
        return (f"AzureConfig(vault_url={self.vault_url!r}, name={self.name!r}, version={self.version!r}, "
                f"client_id={self.client_id!r}, client_secret={'***' if self.client_secret else ''!r})")


def _b64url(text: str | bytes | None) -> bytes:
    if isinstance(text, bytes):
        return text
    text = text or ""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _spki_from_jwk(jwk: Any, where: str) -> bytes:
    def text(value: Any) -> str:  # the SDK gives enums (JsonWebKeyType, KeyCurveName)
        return str(getattr(value, "value", value) or "")

    kty = text(getattr(jwk, "kty", ""))
    if kty in ("RSA", "RSA-HSM"):
        n, e = int.from_bytes(_b64url(jwk.n), "big"), int.from_bytes(_b64url(jwk.e), "big")
        bits = der.sequence(der.integer(n), der.integer(e))
        return der.sequence(der.sequence(der.oid("1.2.840.113549.1.1.1"), b"\x05\x00"), der.bit_string(bits))
    if kty in ("EC", "EC-HSM"):
        crv = text(getattr(jwk, "crv", ""))
        oid = _CURVE_OIDS.get(crv)
        if oid is None:
            raise KMSError(f"unsupported key type for {where}: an EC key on curve {crv or 'unknown'} "
                           "(pkisign signs with P-256, P-384 and P-521)")
        point = b"\x04" + _b64url(jwk.x) + _b64url(jwk.y)
        return der.sequence(der.sequence(der.oid("1.2.840.10045.2.1"), der.oid(oid)), der.bit_string(point))
    raise KMSError(f"unsupported key type for {where}: {kty or 'unknown'} (pkisign signs with RSA and EC keys)")


class AzureKMSSigner(KMSSigner):
    """An issuer key in Azure Key Vault (pkisign's ``Signer`` protocol)."""

    KIND = "the Azure Key Vault signer"

    def __init__(self, config: AzureConfig) -> None:
        keys, identity, self._exc = _azure()
        self._keys = keys
        self.description = f"key {config.name} in {config.vault_url}"
        self._limit = timeout()
        options = {"retry_total": ATTEMPTS - 1, "connection_timeout": self._limit, "read_timeout": self._limit}
        if config.client_id or config.client_secret or config.tenant_id:
            if not (config.client_id and config.client_secret and config.tenant_id):
                raise KMSError("the azurekms: URI needs all of client-id, client-secret and tenant-id, or none")
            self._credential = identity.ClientSecretCredential(config.tenant_id, config.client_id,
                                                               config.client_secret, **options)
        else:
            self._credential = identity.DefaultAzureCredential(exclude_interactive_browser_credential=True,
                                                               **options)
        self._client: Any = keys.KeyClient(config.vault_url, self._credential, **options)
        self._crypto: Any = None
        try:
            self._load(config, options)
        except BaseException:
            self.close()
            raise

    def _call(self, action: str, function: Any, *args: Any) -> Any:
        e = self._exc
        failure = None
        try:
            return function(*args)
        except e.ClientAuthenticationError:
            failure = (f"{action} with {self.description}: no usable Azure credentials: add client-id, "
                       "client-secret and tenant-id to the azurekms: URI, or set AZURE_CLIENT_ID, AZURE_TENANT_ID "
                       "and AZURE_CLIENT_SECRET, or run 'az login'")
        except e.ResourceNotFoundError:
            failure = f"no Azure Key Vault {self.description}"
        except e.ServiceRequestError as exc:
            if "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower():
                failure = f"{action} with {self.description}: no answer within {self._limit:g} seconds " \
                          "(PKISIGN_KMS_TIMEOUT)"
            else:
                failure = f"{action} with {self.description}: cannot connect to Key Vault"
        except e.ServiceResponseError:
            failure = f"{action} with {self.description}: no answer within {self._limit:g} seconds " \
                      "(PKISIGN_KMS_TIMEOUT)"
        except e.HttpResponseError as exc:
            status = getattr(exc, "status_code", None)
            if status == 429:
                failure = (f"{action} with {self.description}: Key Vault kept throttling the requests (429), "
                           f"gave up after {ATTEMPTS} attempts")
            elif status == 403:
                failure = f"{action} with {self.description}: access denied by Key Vault"
            else:
                failure = f"{action} with {self.description} failed: HTTP {status}"
        except e.AzureError as exc:
            failure = f"{action} with {self.description} failed: {type(exc).__name__}"
        raise KMSError(failure)

    def _load(self, config: AzureConfig, options: dict) -> None:
        key = self._call("GetKey", self._client.get_key, config.name, config.version or None)
        where = f"the Azure Key Vault {self.description}"
        ops = [str(getattr(op, "value", op)) for op in (key.key_operations or [])]
        if ops and "sign" not in ops:
            raise KMSError(f"{where} may not sign (its operations: {', '.join(ops)})")
        if key.properties.enabled is False:
            raise KMSError(f"{where} is disabled")
        self._public_key: PublicKey = public_key_from_der(_spki_from_jwk(key.key, where), where)
        self._crypto = self._keys.crypto.CryptographyClient(key, self._credential, **options)

    @property
    def public_key(self) -> PublicKey:
        return self._public_key

    def sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        self._check(algorithm)
        name = _ALGORITHMS.get((algorithm.key_kind, algorithm.hash, algorithm.pss))
        if name is None:
            raise KMSError(f"Azure Key Vault cannot sign {algorithm.name}")
        result = self._call("Sign", self._crypto.sign, self._keys.crypto.SignatureAlgorithm(name),
                            digest_for(message, algorithm))
        signature = bytes(result.signature or b"")
        if not signature:
            raise KMSError(f"Azure Key Vault returned no signature for {self.description}")
        if algorithm.key_kind == "ec":
            size = next(c.size for c in CURVES.values() if c.name == self._public_key.curve)
            if len(signature) != 2 * size:
                raise KMSError(f"Azure Key Vault returned a {len(signature)}-byte ECDSA signature for "
                               f"{self.description}, not {2 * size} bytes")
            return raw_ecdsa_to_der(signature)
        return signature

    def _release(self) -> None:
        for attribute in ("_crypto", "_client", "_credential"):
            client = getattr(self, attribute, None)
            setattr(self, attribute, None)
            if client is not None and hasattr(client, "close"):
                client.close()


def open_azurekms_signer(kms: str, key: str) -> AzureKMSSigner:
    """Read the URIs, make the clients, fetch and check the key: a ready signer."""
    return AzureKMSSigner(AzureConfig.from_arguments(kms, key))
