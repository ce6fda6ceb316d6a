"""``--kms cloudkms:``: google-cloud-kms against a gRPC server the tests start on 127.0.0.1.

``tests/cloudkms_server.py`` serves Cloud KMS's GetPublicKey and
AsymmetricSign with the client library's own message types, holding the
golden issuer keys under CryptoKeyVersion names, and checks and sets the
CRC32C fields as the real service does.  So a certificate signed through
it must be the golden one step-sign-ref made from the same key file: the
same bytes for RSA PKCS#1 v1.5 and Ed25519 issuers, the same TBS and a
verifying signature for ECDSA and RSA-PSS.  pkisign reaches the server
through ``PKISIGN_CLOUDKMS_ENDPOINT``.
"""

from __future__ import annotations

import sys

import pytest
from conftest import VECTORS, require, run_cli, run_process
from kms_servers import free_port
from test_kms import CASES, TIMES, _cert, _issuer_pem, _ok, _same_certificate, _verify

RING = "projects/pkisign-test/locations/global/keyRings/ca/cryptoKeys"
KEYS = {  # issuer: (key file stem, Cloud KMS algorithm)
    "rsa2048": ("root-rsa2048", "RSA_SIGN_PKCS1_2048_SHA256"),
    "p256": ("root-p256", "EC_SIGN_P256_SHA256"),
    "p384": ("root-p384", "EC_SIGN_P384_SHA384"),
    "ed25519": ("root-ed25519", "EC_SIGN_ED25519"),
    "rsa2048-pss": ("root-rsa2048", "RSA_SIGN_PSS_2048_SHA256"),
}


def version(issuer: str) -> str:
    return f"{RING}/{issuer}/cryptoKeyVersions/1"


def _require_client() -> None:
    for module in ("google.cloud.kms_v1", "grpc", "cryptography"):
        try:
            __import__(module)
        except ImportError:
            require(False, f"{module} is not installed (pip install 'pkisign[gcp]')")


@pytest.fixture(scope="session")
def server():
    _require_client()
    from cloudkms_server import CloudKMSServer

    srv = CloudKMSServer()
    try:
        for issuer, (stem, algorithm) in KEYS.items():
            srv.add_key(version(issuer), str(VECTORS / "issuers" / f"{stem}.key"), algorithm)
        for behaviour in ("bad-crc", "unverified", "throttle", "stall"):
            srv.add_key(version(behaviour), str(VECTORS / "issuers" / "root-p256.key"), "EC_SIGN_P256_SHA256",
                        behaviour)
        srv.add_key(version("decrypt"), str(VECTORS / "issuers" / "root-rsa2048.key"), "RSA_DECRYPT_OAEP_2048_SHA256")
        srv.add_key(version("k1"), str(VECTORS / "issuers" / "root-p256.key"), "EC_SIGN_SECP256K1_SHA256")
        yield srv
    finally:
        srv.close()


@pytest.fixture
def gcp(server, monkeypatch):
    monkeypatch.setenv("PKISIGN_CLOUDKMS_ENDPOINT", server.address)
    server.calls.clear()
    return server


def _argv(case: dict, kms: str | None, key: str) -> list[str]:
    argv = ["sign"] + [key if a == case["argv"][2] else a for a in case["argv"]]
    return argv + ([f"--kms={kms}"] if kms is not None else [])


MATRIX = [f"{profile}/{issuer}-issuer/{csr}-{'ext' if profile == 'csr' else 'web'}"
          for issuer in ("rsa2048", "p256", "p384", "ed25519")
          for profile, csr in (("leaf", "p256"), ("intermediate-ca", "rsa2048"), ("csr", "ed25519"))]


@pytest.mark.parametrize("name", MATRIX)
def test_signs_like_step(gcp, name):
    case = CASES[name]
    issuer = next(k for k, (stem, _) in KEYS.items() if f"issuers/{stem}.key" == case["argv"][2])
    got = _ok(run_cli(_argv(case, "cloudkms:", version(issuer)), cwd=VECTORS))
    _same_certificate(got, (VECTORS / case["expect"]).read_bytes(), _issuer_pem(case),
                      exact=issuer in ("rsa2048", "ed25519"))
    assert gcp.calls == ["GetPublicKey", "AsymmetricSign"]


@pytest.mark.parametrize("kms, key", [
    ("cloudkms:", version("rsa2048")),
    ("cloudkms:", f"cloudkms:{version('rsa2048')}"),
    ("cloudkms:", f"cloudkms:resource={version('rsa2048')}"),
    (None, f"cloudkms:{version('rsa2048')}"),
    (None, f"cloudkms:resource={version('rsa2048')}"),
])
def test_every_key_spelling(gcp, kms, key):
    case = CASES["leaf/rsa2048-issuer/p384-web"]
    assert _ok(run_cli(_argv(case, kms, key), cwd=VECTORS)) == (VECTORS / case["expect"]).read_bytes()


def test_rsa_pss_key(gcp, tmp_path):
    template = tmp_path / "t.tpl"
    template.write_text('{"subject": {{ toJson .Subject }}, "sans": {{ toJson .SANs }}, '
                        '"signatureAlgorithm": "SHA256-RSAPSS"}')
    common = ["sign", "csr/web-p256.csr", "issuers/root-rsa2048.crt", f"--template={template}", "--serial=77", *TIMES]
    from_file = _ok(run_cli(common + ["issuers/root-rsa2048.key"], cwd=VECTORS))
    got = _ok(run_cli(common + [version("rsa2048-pss"), "--kms=cloudkms:"], cwd=VECTORS))
    issuer_pem = (VECTORS / "issuers" / "root-rsa2048.crt").read_bytes()
    _same_certificate(got, from_file, issuer_pem, exact=False)
    _verify(_cert(got), issuer_pem)


def test_a_batch_uses_one_get_public_key(gcp, tmp_path):
    case = CASES["leaf/ed25519-issuer/p256-web"]
    csrs = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-ed25519.csr", "csr/web-rsa2048.csr"]
    result = run_cli(["sign", *[f"--csr={c}" for c in csrs], "--out-dir", str(tmp_path), "--kms=cloudkms:",
                      case["argv"][1], version("ed25519")], cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert gcp.calls == ["GetPublicKey"] + ["AsymmetricSign"] * 4
    for crt in tmp_path.iterdir():
        _verify(_cert(crt.read_bytes()), _issuer_pem(case))


def test_in_a_real_process(gcp):
    case = CASES["intermediate-ca/rsa2048-issuer/rsa2048-web"]
    proc = run_process(["certificate", "sign", "--kms", "cloudkms:", case["argv"][0], case["argv"][1],
                        version("rsa2048"), *case["argv"][3:]], cwd=VECTORS)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (VECTORS / case["expect"]).read_bytes()


# -- failures ---------------------------------------------------------------------------

def _fails(key: str, issuer_file: str = "issuers/root-p256.crt", kms: str | None = "cloudkms:", *extra: str) -> str:
    argv = ["sign", "csr/web-p256.csr", issuer_file, key, *([f"--kms={kms}"] if kms is not None else []), *TIMES,
            *extra]
    result = run_cli(argv, cwd=VECTORS)
    assert result.code == 1, result.stderr
    assert result.stdout == b""
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr[:-1]


def test_unknown_key(gcp):
    assert _fails(version("nope")) == (
        f"no Cloud KMS key {version('nope')}: CryptoKeyVersion {version('nope')} not found.")


def test_not_a_key_version(gcp):
    assert _fails(f"{RING}/p256").startswith("the Cloud KMS key must be a key version")


def test_key_for_decryption(gcp):
    assert _fails(version("decrypt")) == (
        f"the Cloud KMS key {version('decrypt')} is not a signing key (RSA_DECRYPT_OAEP_2048_SHA256)")


def test_key_x509_cannot_use(gcp):
    assert _fails(version("k1")) == (
        f"the Cloud KMS key {version('k1')} is not a key X.509 can use (EC_SIGN_SECP256K1_SHA256)")


def test_key_that_is_not_the_issuers(gcp):
    assert _fails(version("p384")) == "private key does not match issuer public key"
    assert _fails(version("rsa2048")) == "private key type does not match issuer public key type"
    assert gcp.calls == ["GetPublicKey", "GetPublicKey"]


def test_algorithm_the_key_version_does_not_have(gcp, tmp_path):
    template = tmp_path / "t.tpl"
    template.write_text('{"subject": {{ toJson .Subject }}, "signatureAlgorithm": "ECDSA-SHA384"}')
    assert _fails(version("p256"), "issuers/root-p256.crt", "cloudkms:", f"--template={template}") == (
        f"the Cloud KMS key {version('p256')} signs only with EC_SIGN_P256_SHA256, not ECDSA-SHA384")


def test_corrupted_signature_is_caught_by_its_crc32c(gcp):
    assert _fails(version("bad-crc")) == (
        f"the signature from the Cloud KMS key {version('bad-crc')} arrived corrupted (CRC32C mismatch)")


def test_unconfirmed_request_crc32c(gcp):
    assert _fails(version("unverified")).startswith(
        f"Cloud KMS did not confirm the CRC32C of what it signed with key {version('unverified')}")


def test_throttling_is_retried_a_bounded_number_of_times(gcp):
    from pkisign.signers.kms.cloudkms import ATTEMPTS

    assert _fails(version("throttle")) == (
        f"GetPublicKey with key {version('throttle')}: Cloud KMS kept refusing for lack of quota "
        f"(RESOURCE_EXHAUSTED), gave up after {ATTEMPTS} attempts")
    assert gcp.calls == ["GetPublicKey"] * ATTEMPTS


def test_a_server_that_never_answers(gcp, monkeypatch):
    monkeypatch.setenv("PKISIGN_KMS_TIMEOUT", "1")
    assert _fails(version("stall")) == (
        f"GetPublicKey with key {version('stall')}: no answer from Cloud KMS ({gcp.address}) within 1 seconds "
        "(PKISIGN_KMS_TIMEOUT)")


def test_connection_refused(gcp, monkeypatch):
    address = f"127.0.0.1:{free_port()}"
    monkeypatch.setenv("PKISIGN_CLOUDKMS_ENDPOINT", address)
    assert _fails(version("p256")) == (
        f"GetPublicKey with key {version('p256')}: cannot reach Cloud KMS ({address}): unavailable after 4 attempts")


def test_no_credentials(monkeypatch, tmp_path):
    _require_client()
    monkeypatch.delenv("PKISIGN_CLOUDKMS_ENDPOINT", raising=False)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(tmp_path / "gcloud"))
    monkeypatch.setenv("NO_GCE_CHECK", "True")
    monkeypatch.setenv("GCE_METADATA_HOST", f"127.0.0.1:{free_port()}")
    assert _fails(version("p256")).startswith("no Google Cloud credentials: add credentials-file=FILE")


def test_unreadable_credentials_file(monkeypatch, tmp_path):
    _require_client()
    monkeypatch.delenv("PKISIGN_CLOUDKMS_ENDPOINT", raising=False)
    bad = tmp_path / "sa.json"
    bad.write_text('{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nc2VjcmV0\\n"}')
    for path, reason in ((tmp_path / "missing.json", "no such file or directory"),
                         (bad, "not a service account key file")):
        message = _fails(version("p256"), kms=f"cloudkms:credentials-file={path}")
        assert message.lower() == f"cannot read the cloud kms credentials-file {path}: {reason}".lower()
        assert "c2VjcmV0" not in message


def test_missing_google_cloud_kms_names_the_extra(gcp, monkeypatch):
    monkeypatch.setitem(sys.modules, "google.cloud.kms_v1", None)
    assert _fails(version("p256")) == "--kms cloudkms: needs the optional 'gcp' extra: pip install 'pkisign[gcp]'"
