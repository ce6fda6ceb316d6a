"""Certificates per second through SoftHSM, against the token's raw signing rate.

    python bench/bench_kms.py [--seconds 2] [--rounds 3]

Makes its own SoftHSM2 token in a temporary directory (it never touches
the system's), imports the golden RSA-2048, P-256 and Ed25519 issuer keys,
and for each key type measures, in the same run and alternating:

* raw: C_Sign in a loop on the token with the mechanism pkisign uses
  (CKM_SHA256_RSA_PKCS over a TBSCertificate, CKM_ECDSA over a SHA-256
  digest, CKM_EDDSA over a TBSCertificate), in a session of its own;
* pkisign: ``Issuer(certificates, signer).sign(csr, SignOptions(...))`` in
  a loop with one PKCS#11 signer: CSR check, template, TBS, the signature on
  the token, the signature check and Go's re-parse, per certificate.

* key file: the same pipeline with the same key read from its file, for
  comparison (what pkisign costs without PKCS#11).

Then the same for AWS KMS, against moto's KMS server started on 127.0.0.1
(``tests/moto_kms_server.py``; needs boto3, moto and OpenSSL), with an
RSA-2048 and a P-256 key made in it:

* raw: boto3 ``Sign`` calls (``MessageType=DIGEST``) in a loop, one client;
* pkisign: the same pipeline as above with ``--kms awskms:`` (one client,
  one ``Sign`` call per certificate).

And for Google Cloud KMS, against the gRPC test server
(``tests/cloudkms_server.py``, in this process, so the server's work and
pkisign's share one interpreter; needs google-cloud-kms)
holding the golden RSA-2048, P-256 and Ed25519 keys: raw ``AsymmetricSign``
calls with their CRC32C against certificates through ``--kms cloudkms:``.

And for Azure Key Vault, against the Key Vault test server
(``tests/azurekms_server.py``, TLS on 127.0.0.1, in this process; needs
azure-keyvault-keys and azure-identity) with the golden RSA-2048 and P-256
keys: raw CryptographyClient ``sign`` calls against certificates through
``--kms azurekms:``.

Each phase runs ``--seconds``; the best of ``--rounds`` is reported.  The
ratio is certificates per second over raw signatures per second; the
overhead column is what pkisign adds to each certificate.  A local server
measures pkisign's and the HTTP round trip's cost, not a real region's
latency (tens of milliseconds per call from outside AWS).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import kms_helpers  # noqa: E402
from _timing import rate  # noqa: E402
from kms_servers import MotoServer, OpenSSLRoot  # noqa: E402

VECTORS = ROOT / "tests" / "vectors"
KEYS = {  # name: (issuer file stem, CKA_ID)
    "RSA-2048": ("root-rsa2048", b"\x40\x01"),
    "P-256": ("root-p256", b"\x40\x02"),
    "Ed25519": ("root-ed25519", b"\x40\x04"),
}


def raw_rate(hsm: kms_helpers.SoftHSM, name: str, tbs: bytes, seconds: float) -> float:
    import pkcs11

    key_id = KEYS[name][1]
    with hsm.session() as session:
        key = session.get_key(object_class=pkcs11.ObjectClass.PRIVATE_KEY, id=key_id)
        if name == "RSA-2048":
            return rate(seconds, lambda: key.sign(tbs, mechanism=pkcs11.Mechanism.SHA256_RSA_PKCS))
        if name == "P-256":
            digest = hashlib.sha256(tbs).digest()
            return rate(seconds, lambda: key.sign(digest, mechanism=pkcs11.Mechanism.ECDSA))
        return rate(seconds, lambda: key.sign(tbs, mechanism=pkcs11.Mechanism.EDDSA))


def pkisign_rate(hsm: kms_helpers.SoftHSM | None, name: str, seconds: float) -> tuple[float, bytes]:
    """Certificates per second, and the TBS of one of them (the raw phase signs the same bytes).

    With ``hsm`` None the same pipeline signs with the key file instead:
    what pkisign costs without PKCS#11.
    """
    from pkisign.api import Issuer, SignOptions, load_file_signer
    from pkisign.inputs import read_csr, read_issuers
    from pkisign.signers.kms import open_kms_signer

    stem, key_id = KEYS[name]
    csr = read_csr(str(VECTORS / "csr" / "web-p256.csr"))
    options = SignOptions(serial=0x1234, not_before="2025-01-01T00:00:00Z", not_after="2025-06-01T00:00:00Z")
    if hsm is None:
        signer = load_file_signer(str(VECTORS / "issuers" / f"{stem}.key"))
    else:
        signer = open_kms_signer(hsm.kms_uri(), f"pkcs11:id={key_id.hex()}")
    try:
        issuer = Issuer(read_issuers(str(VECTORS / "issuers" / f"{stem}.crt")), signer)
        tbs = issuer.sign(csr, options).tbs.der
        return rate(seconds, lambda: issuer.sign(csr, options)), tbs
    finally:
        signer.close()


AWS_KEYS = {"RSA-2048": ("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256"), "P-256": ("ECC_NIST_P256", "ECDSA_SHA_256")}


def aws_rows(seconds: float, rounds: int) -> None:
    """Raw Sign calls/s and certificates/s through --kms awskms:, on one local moto server."""
    try:
        import boto3
        import moto  # noqa: F401
    except ImportError as exc:
        print(f"AWS KMS: skipped ({exc.name} is not installed: pip install 'pkisign[aws,test]')")
        return
    import os

    from pkisign.api import Issuer, SignOptions
    from pkisign.inputs import read_csr, read_issuers
    from pkisign.signers.kms import open_kms_signer

    access, secret, region = "AKIABENCHMARK0000001", "bench-secret", "us-east-1"
    csr = read_csr(str(VECTORS / "csr" / "web-p256.csr"))
    options = SignOptions(serial=0x1234, not_before="2025-01-01T00:00:00Z", not_after="2025-06-01T00:00:00Z")
    with tempfile.TemporaryDirectory(prefix="pkisign-bench-aws-") as tmp:
        server = MotoServer(Path(tmp))
        try:
            os.environ.update(AWS_ACCESS_KEY_ID=access, AWS_SECRET_ACCESS_KEY=secret, AWS_ENDPOINT_URL_KMS=server.url,
                              AWS_EC2_METADATA_DISABLED="true")
            client = server.client(access, secret, region)
            root = OpenSSLRoot(Path(tmp))
            print(f"AWS KMS: moto server on {server.url}, boto3 {boto3.__version__}")
            print(f"{'key':<10} {'raw Sign/s':>13} {'pkisign certs/s':>16} {'ratio':>7} {'overhead/cert':>14}")
            for name, (spec, algorithm) in AWS_KEYS.items():
                key_id = client.create_key(KeySpec=spec, KeyUsage="SIGN_VERIFY")["KeyMetadata"]["KeyId"]
                crt = root.certify(name, client.get_public_key(KeyId=key_id)["PublicKey"])
                signer = open_kms_signer(f"awskms:region={region}", key_id)
                try:
                    issuer = Issuer(read_issuers(str(crt)), signer)
                    digest = hashlib.sha256(issuer.sign(csr, options).tbs.der).digest()
                    raws, certs = [], []
                    for _ in range(rounds):
                        certs.append(rate(seconds, lambda: issuer.sign(csr, options)))
                        raws.append(rate(seconds, lambda: client.sign(
                            KeyId=key_id, Message=digest, MessageType="DIGEST", SigningAlgorithm=algorithm)))
                finally:
                    signer.close()
                raw, cert = max(raws), max(certs)
                print(f"{name:<10} {raw:>13.0f} {cert:>16.0f} {cert / raw:>7.2f} {(1 / cert - 1 / raw) * 1000:>11.2f} ms")
        finally:
            server.close()


GCP_KEYS = {"RSA-2048": ("root-rsa2048", "RSA_SIGN_PKCS1_2048_SHA256"),
            "P-256": ("root-p256", "EC_SIGN_P256_SHA256"), "Ed25519": ("root-ed25519", "EC_SIGN_ED25519")}


def gcp_rows(seconds: float, rounds: int) -> None:
    """Raw AsymmetricSign calls/s and certificates/s through --kms cloudkms:, on one local gRPC server."""
    try:
        import google.cloud.kms_v1 as kms_v1
        from cloudkms_server import CloudKMSServer
    except ImportError as exc:
        print(f"Cloud KMS: skipped ({exc.name} is not installed: pip install 'pkisign[gcp]')")
        return
    import os

    import grpc
    from google.cloud.kms_v1.services.key_management_service.transports import KeyManagementServiceGrpcTransport

    from pkisign.api import Issuer, SignOptions
    from pkisign.inputs import read_csr, read_issuers
    from pkisign.signers.kms import open_kms_signer
    from pkisign.signers.kms.cloudkms import crc32c

    csr = read_csr(str(VECTORS / "csr" / "web-p256.csr"))
    options = SignOptions(serial=0x1234, not_before="2025-01-01T00:00:00Z", not_after="2025-06-01T00:00:00Z")
    server = CloudKMSServer()
    try:
        os.environ["PKISIGN_CLOUDKMS_ENDPOINT"] = server.address
        print(f"Cloud KMS: gRPC test server on {server.address}")
        print(f"{'key':<10} {'raw Sign/s':>13} {'pkisign certs/s':>16} {'ratio':>7} {'overhead/cert':>14}")
        for name, (stem, algorithm) in GCP_KEYS.items():
            version = f"projects/bench/locations/global/keyRings/r/cryptoKeys/{stem}/cryptoKeyVersions/1"
            server.add_key(version, str(VECTORS / "issuers" / f"{stem}.key"), algorithm)
            signer = open_kms_signer("cloudkms:", version)
            client = kms_v1.KeyManagementServiceClient(
                transport=KeyManagementServiceGrpcTransport(channel=grpc.insecure_channel(server.address)))
            try:
                issuer = Issuer(read_issuers(str(VECTORS / "issuers" / f"{stem}.crt")), signer)
                tbs = issuer.sign(csr, options).tbs.der
                if name == "Ed25519":
                    request = {"name": version, "data": tbs, "data_crc32c": crc32c(tbs)}
                else:
                    digest = hashlib.sha256(tbs).digest()
                    request = {"name": version, "digest": {"sha256": digest}, "digest_crc32c": crc32c(digest)}
                raws, certs = [], []
                for _ in range(rounds):
                    certs.append(rate(seconds, lambda: issuer.sign(csr, options)))
                    raws.append(rate(seconds, lambda: client.asymmetric_sign(request=request, retry=None)))
            finally:
                signer.close()
                client.transport.close()
            raw, cert = max(raws), max(certs)
            print(f"{name:<10} {raw:>13.0f} {cert:>16.0f} {cert / raw:>7.2f} {(1 / cert - 1 / raw) * 1000:>11.2f} ms")
    finally:
        server.close()


AZURE_KEYS = {"RSA-2048": ("root-rsa2048", "RS256"), "P-256": ("root-p256", "ES256")}


def azure_rows(seconds: float, rounds: int) -> None:
    """Raw Key Vault sign calls/s and certificates/s through --kms azurekms:, on one local server."""
    try:
        from azure.identity import DefaultAzureCredential
        from azure.keyvault.keys import KeyClient
        from azure.keyvault.keys.crypto import CryptographyClient, SignatureAlgorithm
        from azurekms_server import IDENTITY_SECRET, IdentityServer, KeyVaultServer
    except ImportError as exc:
        print(f"Azure Key Vault: skipped ({exc.name} is not installed: pip install 'pkisign[azure]')")
        return
    import os

    from pkisign.api import Issuer, SignOptions
    from pkisign.inputs import read_csr, read_issuers
    from pkisign.signers.kms import open_kms_signer

    csr = read_csr(str(VECTORS / "csr" / "web-p256.csr"))
    options = SignOptions(serial=0x1234, not_before="2025-01-01T00:00:00Z", not_after="2025-06-01T00:00:00Z")
    with tempfile.TemporaryDirectory(prefix="pkisign-bench-azure-") as tmp:
        vault, identity = KeyVaultServer(Path(tmp)), IdentityServer()
        try:
            os.environ.update(IDENTITY_ENDPOINT=identity.url, IDENTITY_HEADER=IDENTITY_SECRET,
                              REQUESTS_CA_BUNDLE=str(vault.ca_file), PKISIGN_AZUREKMS_VAULT_URL=vault.url)
            print(f"Azure Key Vault: test server on {vault.url}")
            print(f"{'key':<10} {'raw Sign/s':>13} {'pkisign certs/s':>16} {'ratio':>7} {'overhead/cert':>14}")
            credential = DefaultAzureCredential()
            for name, (stem, algorithm) in AZURE_KEYS.items():
                vault.add_key(stem, str(VECTORS / "issuers" / f"{stem}.key"))
                signer = open_kms_signer("azurekms:", f"azurekms:name={stem};vault=bench")
                crypto = CryptographyClient(KeyClient(vault.url, credential).get_key(stem), credential)
                try:
                    issuer = Issuer(read_issuers(str(VECTORS / "issuers" / f"{stem}.crt")), signer)
                    digest = hashlib.sha256(issuer.sign(csr, options).tbs.der).digest()
                    raws, certs = [], []
                    for _ in range(rounds):
                        certs.append(rate(seconds, lambda: issuer.sign(csr, options)))
                        raws.append(rate(seconds, lambda: crypto.sign(SignatureAlgorithm(algorithm), digest)))
                finally:
                    signer.close()
                    crypto.close()
                raw, cert = max(raws), max(certs)
                print(f"{name:<10} {raw:>13.0f} {cert:>16.0f} {cert / raw:>7.2f} {(1 / cert - 1 / raw) * 1000:>11.2f} ms")
            credential.close()
        finally:
            vault.close()
            identity.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="length of each measured phase (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best is kept (default 3)")
    args = parser.parse_args(argv)
    why = kms_helpers.missing()
    if why:
        print(f"bench_kms: {why}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="pkisign-bench-") as tmp:
        hsm = kms_helpers.SoftHSM(Path(tmp))
        with hsm.session() as session:
            for stem, key_id in KEYS.values():
                kms_helpers.import_key_file(session, VECTORS / "issuers" / f"{stem}.key", key_id, stem)
        import pkcs11

        lib = pkcs11.lib(hsm.module)
        print(f"module: {hsm.module} ({lib.library_description.strip()} {'.'.join(map(str, lib.library_version))}), "
              f"{args.rounds} rounds of {args.seconds:g} s per phase, best kept")
        print(f"{'key':<10} {'raw C_Sign/s':>13} {'pkisign certs/s':>16} {'ratio':>7} {'overhead/cert':>14} "
              f"{'key-file certs/s':>17}")
        for name in KEYS:
            raws, certs, files = [], [], []
            for _ in range(args.rounds):
                cert_rate, tbs = pkisign_rate(hsm, name, args.seconds)
                certs.append(cert_rate)
                raws.append(raw_rate(hsm, name, tbs, args.seconds))
                files.append(pkisign_rate(None, name, args.seconds)[0])
            raw, cert = max(raws), max(certs)
            overhead_ms = (1 / cert - 1 / raw) * 1000
            print(f"{name:<10} {raw:>13.0f} {cert:>16.0f} {cert / raw:>7.2f} {overhead_ms:>11.2f} ms "
                  f"{max(files):>17.0f}")
    aws_rows(args.seconds, args.rounds)
    gcp_rows(args.seconds, args.rounds)
    azure_rows(args.seconds, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
