"""A Google Cloud KMS gRPC server for the tests, built from google-cloud-kms's own message types.

``CloudKMSServer`` serves ``google.cloud.kms.v1.KeyManagementService``'s
``GetPublicKey`` and ``AsymmetricSign`` on 127.0.0.1 with grpcio, decoding
and encoding requests with the client library's messages (``kms_v1``).  It
holds real keys (``add_key``: a PEM key file or a pyca key, under a
CryptoKeyVersion name, with its Cloud KMS algorithm) and checks and sets
the CRC32C fields as the real service does: a request whose digest (or
data) does not match its CRC32C is refused with INVALID_ARGUMENT, and every
answer carries the CRC32C of its PEM or signature.

Some key names misbehave on purpose, for the failure tests: a key whose
``behaviour`` is "bad-crc" answers with a wrong signature CRC32C,
"unverified" does not confirm the request's CRC32C, "throttle" always
answers RESOURCE_EXHAUSTED, "stall" answers only after ``release``.
``calls`` records each method name served.
"""

from __future__ import annotations

import threading
from concurrent import futures

import grpc
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding
from cryptography.hazmat.primitives.asymmetric import utils as asym_utils
from google.cloud import kms_v1

from pkisign.signers.kms.cloudkms import crc32c

_HASHES = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}


class CloudKMSServer:
    def __init__(self) -> None:
        self.keys: dict[str, tuple[object, str, str]] = {}
        self.calls: list[str] = []
        self.release = threading.Event()
        handler = grpc.method_handlers_generic_handler("google.cloud.kms.v1.KeyManagementService", {
            "GetPublicKey": grpc.unary_unary_rpc_method_handler(
                self._get_public_key, request_deserializer=kms_v1.GetPublicKeyRequest.deserialize,
                response_serializer=kms_v1.PublicKey.serialize),
            "AsymmetricSign": grpc.unary_unary_rpc_method_handler(
                self._asymmetric_sign, request_deserializer=kms_v1.AsymmetricSignRequest.deserialize,
                response_serializer=kms_v1.AsymmetricSignResponse.serialize),
        })
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
        self.server.add_generic_rpc_handlers((handler,))
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.address = f"127.0.0.1:{port}"
        self.server.start()

    def add_key(self, name: str, key, algorithm: str, behaviour: str = "") -> None:  # type: ignore[no-untyped-def]
        if isinstance(key, str):
            with open(key, "rb") as f:
                key = serialization.load_pem_private_key(f.read(), None)
        self.keys[name] = (key, algorithm, behaviour)

    def close(self) -> None:
        self.release.set()
        self.server.stop(grace=None).wait()

    def _find(self, name: str, context: grpc.ServicerContext):  # type: ignore[no-untyped-def]
        if name not in self.keys:
            context.abort(grpc.StatusCode.NOT_FOUND, f"CryptoKeyVersion {name} not found.")
        key, algorithm, behaviour = self.keys[name]
        if behaviour == "throttle":
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "Quota exceeded for quota metric 'Crypto requests'")
        if behaviour == "stall":
            self.release.wait(60)
        return key, algorithm, behaviour

    def _get_public_key(self, request: kms_v1.GetPublicKeyRequest, context: grpc.ServicerContext):  # type: ignore[no-untyped-def]
        self.calls.append("GetPublicKey")
        key, algorithm, _ = self._find(request.name, context)
        pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                            serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        return kms_v1.PublicKey(pem=pem, pem_crc32c=crc32c(pem.encode()), name=request.name,
                                algorithm=kms_v1.CryptoKeyVersion.CryptoKeyVersionAlgorithm[algorithm],
                                protection_level=kms_v1.ProtectionLevel.SOFTWARE)

    def _asymmetric_sign(self, request: kms_v1.AsymmetricSignRequest, context: grpc.ServicerContext):  # type: ignore[no-untyped-def]
        self.calls.append("AsymmetricSign")
        key, algorithm, behaviour = self._find(request.name, context)
        if algorithm == "EC_SIGN_ED25519":
            payload, given_crc = bytes(request.data), request.data_crc32c
        else:
            which = kms_v1.Digest.pb(request.digest).WhichOneof("digest")
            if which is None:
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "digest is required")
            payload, given_crc = getattr(request.digest, which), request.digest_crc32c
        if given_crc is not None and crc32c(payload) != int(given_crc):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "The checksum in field digest_crc32c did not match")
        if isinstance(key, ed25519.Ed25519PrivateKey):
            signature = key.sign(payload)
        elif isinstance(key, ec.EllipticCurvePrivateKey):
            hash_name = "sha" + algorithm[-3:]
            signature = key.sign(payload, ec.ECDSA(asym_utils.Prehashed(_HASHES[hash_name])))
        else:
            hash_algorithm = _HASHES["sha" + algorithm[-3:]]
            pad = (padding.PSS(padding.MGF1(hash_algorithm), padding.PSS.DIGEST_LENGTH) if "_PSS_" in algorithm
                   else padding.PKCS1v15())
            signature = key.sign(payload, pad, asym_utils.Prehashed(hash_algorithm))
        checksum = crc32c(signature) ^ (1 if behaviour == "bad-crc" else 0)
        verified = given_crc is not None and behaviour != "unverified"
        return kms_v1.AsymmetricSignResponse(
            signature=signature, signature_crc32c=checksum, name=request.name,
            verified_digest_crc32c=verified and algorithm != "EC_SIGN_ED25519",
            verified_data_crc32c=verified and algorithm == "EC_SIGN_ED25519",
            protection_level=kms_v1.ProtectionLevel.SOFTWARE)
