"""Signing with a key in AWS KMS, through boto3 (the optional ``aws`` extra).

URIs, as step reads them (go.step.sm/crypto ``kms/awskms``)::

    --kms 'awskms:region=us-east-1'                        key 'awskms:key-id=1234abcd-12ab-34cd-56ef-1234567890ab'
    --kms 'awskms:region=eu-west-1;profile=ca'             key 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-...'
    --kms 'awskms:credentials-file=/etc/ca/aws-config'     key 'alias/root-ca'
    key 'awskms:region=us-east-1;key-id=alias/root-ca'     (no --kms)

``region``, ``profile`` and ``credentials-file`` choose where and as whom;
without them boto3's usual sources apply (``AWS_REGION``, ``AWS_PROFILE``,
``~/.aws/config``, ``AWS_ACCESS_KEY_ID``, instance roles, ...).  A
``credentials-file`` is read as both the shared config and the shared
credentials file, so either format works.  Without a region, a key ARN's
region is used.  ``AWS_ENDPOINT_URL_KMS`` (or ``AWS_ENDPOINT_URL``) points
the client at another endpoint, such as a VPC endpoint or a local test
server.

The key is the ``key-id`` attribute of an ``awskms:`` key URI, or the key
argument itself (a key ID, a key ARN, ``alias/NAME`` or an alias ARN).
pkisign asks ``GetPublicKey`` once, checks that the key is for signing and
of a type X.509 can use, and then signs each certificate with one ``Sign``
call (``MessageType=DIGEST``): ``RSASSA_PKCS1_V1_5_SHA_*``,
``RSASSA_PSS_SHA_*`` (salt as long as the hash, as Go wants) or
``ECDSA_SHA_*``.  One client serves a whole ``--batch``.

Each call is bounded by ``PKISIGN_KMS_TIMEOUT`` seconds (60 by default) to
connect and to read; throttling and transient errors are retried with
backoff, at most ``ATTEMPTS`` attempts in all.  Every failure is one
``KMSError`` line; credentials never appear in one.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import KMSError, MissingExtraError
from ...x509.keys import PublicKey, SignatureAlgorithm
from .common import KMSSigner, digest_for, public_key_from_der, timeout
from .uri import KMSURI, has_scheme, parse_kms_uri

__all__ = ["ATTEMPTS", "AWSConfig", "AWSKMSSigner", "open_awskms_signer"]

#: Attempts per call, the first included, when AWS KMS throttles or fails transiently.
ATTEMPTS = 4

_ARN_REGION = re.compile(r"arn:aws[a-z-]*:kms:([a-z0-9-]+):")
_PREFIXES = ("awskms", "aws")


def _boto() -> tuple[Any, Any, Any]:
    try:
        import boto3
        import botocore.config
        import botocore.exceptions
    except ImportError:
        raise MissingExtraError("--kms awskms:", "aws") from None
    return boto3, botocore.config, botocore.exceptions


class AWSConfig:
    """What ``--kms`` and the key argument say: where, as whom, which key."""

    def __init__(self, region: str, profile: str, credentials_file: str, key_id: str) -> None:
        self.region = region
        self.profile = profile
        self.credentials_file = credentials_file
        self.key_id = key_id

    @classmethod
    def from_arguments(cls, kms: str, key: str) -> "AWSConfig":
        base = parse_kms_uri(kms, "--kms") if kms else KMSURI("awskms")
        if has_scheme(key) and key.partition(":")[0].lower() in _PREFIXES:
            named = parse_kms_uri(key, "the key")
            key_id = named.get("key-id")
            if not key_id:
                raise KMSError("the awskms: key URI names no key: give key-id=ID, ARN or alias/NAME, "
                               "such as awskms:key-id=alias/root-ca")
        else:
            named, key_id = KMSURI("awskms"), key
        if not key_id:
            raise KMSError("no AWS KMS key: give its ID, ARN or alias/NAME")

        def pick(name: str) -> str:
            return named.get(name) or base.get(name)

        region = pick("region")
        if not region and (match := _ARN_REGION.match(key_id)):
            region = match.group(1)
        return cls(region, pick("profile"), pick("credentials-file"), key_id)

    def __repr__(self) -> str:
        return (f"AWSConfig(region={self.region!r}, profile={self.profile!r}, "
                f"credentials_file={self.credentials_file!r}, key_id={self.key_id!r})")


_SIGNING_ALGORITHMS = {
    # (key kind, hash, pss): AWS KMS SigningAlgorithm
    ("rsa", "sha256", False): "RSASSA_PKCS1_V1_5_SHA_256",
    ("rsa", "sha384", False): "RSASSA_PKCS1_V1_5_SHA_384",
    ("rsa", "sha512", False): "RSASSA_PKCS1_V1_5_SHA_512",
    ("rsa", "sha256", True): "RSASSA_PSS_SHA_256",
    ("rsa", "sha384", True): "RSASSA_PSS_SHA_384",
    ("rsa", "sha512", True): "RSASSA_PSS_SHA_512",
    ("ec", "sha256", False): "ECDSA_SHA_256",
    ("ec", "sha384", False): "ECDSA_SHA_384",
    ("ec", "sha512", False): "ECDSA_SHA_512",
}


class _Errors:
    """botocore's exceptions in one line each, without credentials or request details."""

    def __init__(self, exceptions: Any, endpoint: str, limit: float) -> None:
        self.exc = exceptions
        self.endpoint = endpoint
        self.limit = limit

    def describe(self, error: BaseException, action: str, key: str) -> str:
        e = self.exc
        where = f"AWS KMS ({self.endpoint})"
        if isinstance(error, e.NoCredentialsError):
            return ("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, "
                    "or add profile= or credentials-file= to the awskms: URI")
        if isinstance(error, e.PartialCredentialsError):
            return "incomplete AWS credentials: an access key ID needs its secret access key"
        if isinstance(error, e.ProfileNotFound):
            return f"no AWS profile '{getattr(error, 'kwargs', {}).get('profile', '')}' in the AWS config"
        if isinstance(error, e.NoRegionError):
            return "no AWS region: add region=REGION to the awskms: URI, or set AWS_REGION"
        if isinstance(error, (e.ConnectTimeoutError, e.ReadTimeoutError)):
            return f"{action} with {key}: no answer from {where} within {self.limit:g} seconds " \
                   "(PKISIGN_KMS_TIMEOUT)"
        if isinstance(error, e.EndpointConnectionError):
            return f"{action} with {key}: cannot connect to {where}: connection refused or unreachable"
        if isinstance(error, e.ClientError):
            code = str(error.response.get("Error", {}).get("Code", ""))
            text = str(error.response.get("Error", {}).get("Message", "")).splitlines()
            detail = f": {text[0]}" if text and text[0] else ""
            if code == "NotFoundException":
                return f"no AWS KMS {key}{detail}"
            if code in ("ThrottlingException", "Throttling", "TooManyRequestsException", "LimitExceededException"):
                return f"{action} with {key}: AWS KMS kept throttling the requests ({code}), " \
                       f"gave up after {ATTEMPTS} attempts"
            if code in ("UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignature",
                        "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch"):
                return f"{action} with {key}: AWS refused the credentials ({code})"
            if code == "AccessDeniedException":
                return f"{action} with {key}: access denied by AWS KMS"
            if code in ("DisabledException", "KMSInvalidStateException"):
                return f"the AWS KMS {key} cannot be used now ({code}){detail}"
            if code == "InvalidKeyUsageException":
                return f"the AWS KMS {key} cannot sign ({code}){detail}"
            return f"{action} with {key} failed: {code or 'error'}{detail}"
        if isinstance(error, e.BotoCoreError):
            return f"{action} with {key} failed: {type(error).__name__}"
        return f"{action} with {key} failed: {type(error).__name__}"


class AWSKMSSigner(KMSSigner):
    """An issuer key in AWS KMS (pkisign's ``Signer`` protocol)."""

    KIND = "the AWS KMS signer"

    def __init__(self, config: AWSConfig) -> None:
        boto3, botocore_config, exceptions = _boto()
        import botocore.session

        self.description = f"key {config.key_id}"
        self._key_id = config.key_id
        limit = timeout()
        session = botocore.session.Session()
        if config.credentials_file:
            session.set_config_variable("config_file", config.credentials_file)
            session.set_config_variable("credentials_file", config.credentials_file)
        endpoint = "the default endpoint"
        errors = _Errors(exceptions, endpoint, limit)
        failure: str | None = None
        try:
            boto_session = boto3.session.Session(botocore_session=session, profile_name=config.profile or None,
                                                 region_name=config.region or None)
            self._client = boto_session.client("kms", config=botocore_config.Config(
                connect_timeout=limit, read_timeout=limit,
                retries={"total_max_attempts": ATTEMPTS, "mode": "standard"}))
        except exceptions.BotoCoreError as exc:
            failure = errors.describe(exc, "GetPublicKey", self.description)
        if failure is not None:
            raise KMSError(failure)
        self._errors: _Errors = _Errors(exceptions, self._client.meta.endpoint_url, limit)
        try:
            loaded: tuple[PublicKey, tuple[str, ...]] = self._load()
            self._public_key, self._algorithms = loaded
        except BaseException:
            self.close()
            raise

    def _call(self, action: str, method: str, **kwargs: Any) -> dict:
        """One AWS KMS call (``action`` names it in messages)."""
        failure = None
        try:
            return getattr(self._client, method)(**kwargs)
        except (self._errors.exc.BotoCoreError, self._errors.exc.ClientError) as exc:
            failure = self._errors.describe(exc, action, self.description)
        # Raised outside the except block: the botocore error (and its request) stays out of the chain.
        raise KMSError(failure)

    def _load(self) -> tuple[PublicKey, tuple[str, ...]]:
        answer = self._call("GetPublicKey", "get_public_key", KeyId=self._key_id)
        usage = answer.get("KeyUsage", "")
        if usage != "SIGN_VERIFY":
            raise KMSError(f"the AWS KMS {self.description} is not a signing key (KeyUsage {usage or 'unknown'})")
        spec = answer.get("KeySpec") or answer.get("CustomerMasterKeySpec") or ""
        if spec.startswith("ECC_NIST_EDWARDS") or spec == "ECC_SECG_P256K1" or spec.startswith("ML_DSA"):
            raise KMSError(f"unsupported key type for the AWS KMS {self.description}: {spec} "
                           "(pkisign signs with its RSA and ECC_NIST keys; step-kms-plugin may do more: --kms-plugin)")
        key = public_key_from_der(answer.get("PublicKey", b""), f"the AWS KMS {self.description}")
        return key, tuple(answer.get("SigningAlgorithms") or ())

    @property
    def public_key(self) -> PublicKey:
        return self._public_key

    def sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        self._check(algorithm)
        name = _SIGNING_ALGORITHMS.get((algorithm.key_kind, algorithm.hash, algorithm.pss))
        if name is None or (self._algorithms and name not in self._algorithms):
            offered = ", ".join(self._algorithms) or "none"
            raise KMSError(f"the AWS KMS {self.description} cannot sign {algorithm.name} (it offers {offered})")
        answer = self._call("Sign", "sign", KeyId=self._key_id, Message=digest_for(message, algorithm),
                            MessageType="DIGEST", SigningAlgorithm=name)
        signature = answer.get("Signature", b"")
        if not signature:
            raise KMSError(f"AWS KMS returned no signature for {self.description}")
        return signature

    def _release(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()


def open_awskms_signer(kms: str, key: str) -> AWSKMSSigner:
    """Read the URIs, make the client, fetch and check the public key: a ready signer."""
    return AWSKMSSigner(AWSConfig.from_arguments(kms, key))
