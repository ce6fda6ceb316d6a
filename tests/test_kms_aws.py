"""``--kms awskms:``: boto3 against moto's KMS server, started here on 127.0.0.1.

The session fixture starts ``tests/moto_kms_server.py`` (moto's own server,
signing a DIGEST as AWS KMS does) on a free loopback port and creates keys
in it through boto3; the issuer certificate of each KMS key is made by
OpenSSL, certifying the KMS public key with an OpenSSL root.  Requests are
real HTTP, signed with SigV4 from fake credentials in the environment; the
certificates are checked with ``openssl verify`` and against the TBS pkisign
builds without the key (``--dry-run --tbs-out``).  The failure tests use a
port nothing listens on, a server that never answers and one that always
throttles.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, VECTORS, require, require_tool, run_cli, run_process
from kms_servers import MotoServer, OpenSSLRoot, free_port

ACCESS_KEY = "AKIAPKISIGNTESTKEY01"
SECRET_KEY = "pkisign-test-secret-key-do-not-print-0123"
REGION = "us-east-1"
TIMES = ["--not-before=2025-01-01T00:00:00Z", "--not-after=2025-06-01T00:00:00Z"]


class Moto:
    """The running server, its keys, and an OpenSSL root that certified each KMS key."""

    def __init__(self, directory: Path, server: MotoServer) -> None:
        self.dir = directory
        self.url = server.url
        self.client = server.client(ACCESS_KEY, SECRET_KEY, REGION)
        self.root = OpenSSLRoot(directory)
        self.keys: dict[str, str] = {}
        self.arns: dict[str, str] = {}
        for name, spec in (("rsa2048", "RSA_2048"), ("p256", "ECC_NIST_P256"), ("p384", "ECC_NIST_P384"),
                           ("p521", "ECC_NIST_P521")):
            meta = self.client.create_key(KeySpec=spec, KeyUsage="SIGN_VERIFY", Description=name)["KeyMetadata"]
            self.keys[name], self.arns[name] = meta["KeyId"], meta["Arn"]
            self.root.certify(name, self.client.get_public_key(KeyId=meta["KeyId"])["PublicKey"])
        self.client.create_alias(AliasName="alias/root-ca", TargetKeyId=self.keys["rsa2048"])
        self.keys["encrypt"] = self.client.create_key(KeySpec="RSA_2048", KeyUsage="ENCRYPT_DECRYPT")[
            "KeyMetadata"]["KeyId"]
        self.keys["k1"] = self.client.create_key(KeySpec="ECC_SECG_P256K1", KeyUsage="SIGN_VERIFY")[
            "KeyMetadata"]["KeyId"]

    def issuer(self, name: str) -> str:
        return str(self.dir / f"{name}.crt")

    def verify(self, cert: bytes, name: str) -> None:
        leaf = self.dir / "leaf-under-test.crt"
        leaf.write_bytes(cert)
        proc = subprocess.run(["openssl", "verify", "-no_check_time", "-CAfile", str(self.root.crt),
                               "-untrusted", self.issuer(name), str(leaf)], capture_output=True, text=True)
        assert proc.returncode == 0 and proc.stdout.strip().endswith(": OK"), proc.stdout + proc.stderr


@pytest.fixture(scope="session")
def moto(tmp_path_factory):
    for module in ("boto3", "moto", "cryptography"):
        try:
            __import__(module)
        except ImportError:
            require(False, f"{module} is not installed (pip install 'pkisign[aws,test]')")
    require_tool("openssl")
    directory = tmp_path_factory.mktemp("moto")
    server = MotoServer(directory)
    try:
        yield Moto(directory, server)
    finally:
        server.close()


@pytest.fixture
def aws(moto, monkeypatch, tmp_path):
    """Fake credentials in the environment, this user's AWS files out of the way, the endpoint set."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_ENDPOINT_URL_KMS", moto.url)
    return moto


def _sign(moto: Moto, issuer: str, key: str, kms: str | None, *extra: str, csr: str = "csr/web-rsa2048.csr") -> bytes:
    argv = ["sign", csr, moto.issuer(issuer), key, *([f"--kms={kms}"] if kms is not None else []),
            "--serial=4711", *TIMES, *extra]
    result = run_cli(argv, cwd=VECTORS)
    assert (result.code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def _tbs_without_key(moto: Moto, issuer: str, tmp_path: Path, *extra: str, csr: str = "csr/web-rsa2048.csr") -> bytes:
    out = tmp_path / "tbs.der"
    result = run_cli(["sign", csr, moto.issuer(issuer), "--dry-run", f"--tbs-out={out}", "--serial=4711", *TIMES,
                      *extra], cwd=VECTORS)
    assert result.code == 0, result.stderr
    return out.read_bytes()


def _tbs(cert: bytes) -> bytes:
    from cryptography import x509

    return x509.load_pem_x509_certificate(cert).tbs_certificate_bytes


def _key_forms(moto: Moto, tmp_path: Path, monkeypatch) -> list[tuple[str | None, str]]:
    key_id, arn = moto.keys["rsa2048"], moto.arns["rsa2048"]
    return [
        (f"awskms:region={REGION}", f"awskms:key-id={key_id}"),
        (f"awskms:region={REGION}", arn),
        (f"awskms:region={REGION}", key_id),
        (f"awskms:region={REGION}", "alias/root-ca"),
        (f"awskms:region={REGION}", f"awskms:key-id={arn}"),
        ("awskms:", arn),  # the region comes from the ARN
        (None, f"awskms:region={REGION};key-id=alias/root-ca"),
    ]


def test_every_uri_form_signs(aws, tmp_path, monkeypatch):
    want_tbs = _tbs_without_key(aws, "rsa2048", tmp_path)
    first = None
    for kms, key in _key_forms(aws, tmp_path, monkeypatch):
        cert = _sign(aws, "rsa2048", key, kms)
        assert _tbs(cert) == want_tbs, (kms, key)
        aws.verify(cert, "rsa2048")
        first = first or cert
        assert cert == first  # RSA PKCS#1 v1.5 is deterministic: every form reaches the same key


def test_profile_and_credentials_file(aws, tmp_path, monkeypatch):
    """step's region, profile and credentials-file attributes, with no credentials in the environment."""
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    config = tmp_path / "aws-config"
    config.write_text(f"[profile ca]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n"
                      f"region = {REGION}\n")
    credentials = tmp_path / "aws-credentials"
    credentials.write_text(f"[default]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n")
    for kms in (f"awskms:profile=ca;credentials-file={config}", f"awskms:region={REGION};credentials-file={credentials}"):
        cert = _sign(aws, "p256", f"awskms:key-id={aws.keys['p256']}", kms)
        aws.verify(cert, "p256")


@pytest.mark.parametrize("issuer, template_algorithm", [
    ("rsa2048", None), ("rsa2048", "SHA384-RSA"), ("rsa2048", "SHA512-RSA"),
    ("rsa2048", "SHA256-RSAPSS"), ("rsa2048", "SHA384-RSAPSS"), ("rsa2048", "SHA512-RSAPSS"),
    ("p256", None), ("p384", None), ("p521", None),
])
def test_key_types_and_algorithms(aws, tmp_path, pkilint, issuer, template_algorithm):
    extra = []
    if template_algorithm:
        template = tmp_path / "t.tpl"
        template.write_text('{"subject": {{ toJson .Subject }}, "sans": {{ toJson .SANs }}, '
                            f'"keyUsage": ["digitalSignature"], "signatureAlgorithm": "{template_algorithm}"}}')
        extra = [f"--template={template}"]
    # A CSR without a spiffe: URI SAN, which pkilint takes for invalid (see test_judges.py).
    csr = "csr/csr-tls-p256.csr"
    cert = _sign(aws, issuer, aws.keys[issuer], f"awskms:region={REGION}", *extra, csr=csr)
    assert _tbs(cert) == _tbs_without_key(aws, issuer, tmp_path, *extra, csr=csr)
    aws.verify(cert, issuer)
    from asn1crypto import pem as apem

    der = next(d for _, _, d in apem.unarmor(cert, multiple=True))
    issuer_der = next(d for _, _, d in apem.unarmor(Path(aws.issuer(issuer)).read_bytes(), multiple=True))
    findings = pkilint.lint_cert(der) + pkilint.lint_chain(issuer_der, der)
    if template_algorithm and "PSS" in template_algorithm:
        # pkilint's chain check verifies every RSA signature as PKCS#1 v1.5 (it does not pass the
        # algorithm on to its own PSS code): openssl verify above is the judge for PSS.
        findings = [f for f in findings if f[0] != "pkix.signature_verification_failed"]
    assert findings == []


def test_a_batch_uses_one_client_and_one_get_public_key(aws, tmp_path, monkeypatch):
    import boto3.session

    calls: list[str] = []
    clients: list[object] = []
    plain_client = boto3.session.Session.client

    def counting_client(self, *args, **kwargs):
        client = plain_client(self, *args, **kwargs)
        clients.append(client)
        client.meta.events.register("before-call.kms.*", lambda model, **_: calls.append(model.name))
        return client

    monkeypatch.setattr(boto3.session.Session, "client", counting_client)
    csrs = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-ed25519.csr", "csr/web-rsa2048.csr"]
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli(["sign", *[f"--csr={c}" for c in csrs], "--out-dir", str(out), f"--kms=awskms:region={REGION}",
                      aws.issuer("p384"), aws.keys["p384"]], cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert len(clients) == 1
    assert calls == ["GetPublicKey", "Sign", "Sign", "Sign", "Sign"]
    for crt in out.iterdir():
        aws.verify(crt.read_bytes(), "p384")


def test_in_a_real_process(aws):
    proc = run_process(["certificate", "sign", "--kms", f"awskms:region={REGION}", "csr/web-p256.csr",
                        aws.issuer("rsa2048"), "alias/root-ca", *TIMES], cwd=VECTORS)
    assert proc.returncode == 0, proc.stderr
    aws.verify(proc.stdout, "rsa2048")


# -- failures ---------------------------------------------------------------------------

def _fails(aws: Moto, key: str, kms: str | None, issuer: str = "rsa2048") -> str:
    argv = ["sign", "csr/web-p256.csr", aws.issuer(issuer), key, *([f"--kms={kms}"] if kms is not None else []),
            *TIMES]
    result = run_cli(argv, cwd=VECTORS)
    assert result.code == 1, result.stderr
    assert result.stdout == b""
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert SECRET_KEY not in result.stderr and ACCESS_KEY not in result.stderr
    return result.stderr[:-1]


KMS = f"awskms:region={REGION}"


def test_unknown_key(aws):
    message = _fails(aws, "alias/nope", KMS)
    assert message.startswith("no AWS KMS key alias/nope"), message


def test_key_for_encryption(aws):
    assert _fails(aws, aws.keys["encrypt"], KMS) == (
        f"the AWS KMS key {aws.keys['encrypt']} is not a signing key (KeyUsage ENCRYPT_DECRYPT)")


def test_key_type_x509_cannot_use(aws):
    assert _fails(aws, aws.keys["k1"], KMS).startswith(
        f"unsupported key type for the AWS KMS key {aws.keys['k1']}: ECC_SECG_P256K1")


def test_key_that_is_not_the_issuers(aws):
    assert _fails(aws, aws.keys["p256"], KMS) == "private key type does not match issuer public key type"
    assert _fails(aws, aws.keys["p384"], KMS, issuer="p256") == "private key does not match issuer public key"


def test_algorithm_the_key_does_not_offer(aws, tmp_path):
    template = tmp_path / "t.tpl"
    template.write_text('{"subject": {{ toJson .Subject }}, "signatureAlgorithm": "ECDSA-SHA512"}')
    result = run_cli(["sign", "csr/web-p256.csr", aws.issuer("p256"), aws.keys["p256"], f"--kms={KMS}",
                      f"--template={template}", *TIMES], cwd=VECTORS)
    assert result.code == 1
    assert result.stderr == (f"the AWS KMS key {aws.keys['p256']} cannot sign ECDSA-SHA512 "
                             "(it offers ECDSA_SHA_256)\n")


def test_no_credentials(aws, monkeypatch):
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    assert _fails(aws, aws.keys["rsa2048"], KMS).startswith("no AWS credentials: set AWS_ACCESS_KEY_ID")


def test_no_region(aws):
    assert _fails(aws, aws.keys["rsa2048"], "awskms:") == (
        "no AWS region: add region=REGION to the awskms: URI, or set AWS_REGION")


def test_unknown_profile(aws):
    assert _fails(aws, aws.keys["rsa2048"], "awskms:profile=nobody") == "no AWS profile 'nobody' in the AWS config"


def test_key_uri_without_key_id(aws):
    assert _fails(aws, "awskms:region=us-east-1", None).startswith("the awskms: key URI names no key")


def test_connection_refused(aws, monkeypatch):
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("AWS_ENDPOINT_URL_KMS", url)
    assert _fails(aws, aws.keys["rsa2048"], KMS) == (
        f"GetPublicKey with key {aws.keys['rsa2048']}: cannot connect to AWS KMS ({url}): "
        "connection refused or unreachable")


class _Server:
    """A loopback HTTP server that stalls or throttles every request, and counts them."""

    def __init__(self, mode: str) -> None:
        outer = self
        self.requests = 0
        self.release = threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                outer.requests += 1
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if mode == "stall":
                    outer.release.wait(60)
                    return
                body = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode()
                self.send_response(400)
                self.send_header("Content-Type", "application/x-amz-json-1.1")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def test_throttling_is_retried_a_bounded_number_of_times(aws, monkeypatch):
    from pkisign.signers.kms.awskms import ATTEMPTS

    server = _Server("throttle")
    try:
        monkeypatch.setenv("AWS_ENDPOINT_URL_KMS", server.url)
        assert _fails(aws, aws.keys["rsa2048"], KMS) == (
            f"GetPublicKey with key {aws.keys['rsa2048']}: AWS KMS kept throttling the requests "
            f"(ThrottlingException), gave up after {ATTEMPTS} attempts")
        assert server.requests == ATTEMPTS
    finally:
        server.close()


def test_a_server_that_never_answers(aws, monkeypatch):
    server = _Server("stall")
    try:
        monkeypatch.setenv("AWS_ENDPOINT_URL_KMS", server.url)
        monkeypatch.setenv("PKISIGN_KMS_TIMEOUT", "1")
        assert _fails(aws, aws.keys["rsa2048"], KMS) == (
            f"GetPublicKey with key {aws.keys['rsa2048']}: no answer from AWS KMS ({server.url}) "
            "within 1 seconds (PKISIGN_KMS_TIMEOUT)")
    finally:
        server.close()


def test_missing_boto3_names_the_extra(aws, monkeypatch):
    monkeypatch.setitem(sys.modules, "boto3", None)
    assert _fails(aws, aws.keys["rsa2048"], KMS) == (
        "--kms awskms: needs the optional 'aws' extra: pip install 'pkisign[aws]'")


# -- many signers, one key ---------------------------------------------------------------

PROCESSES, CSRS_EACH = 4, 500


def _make_csrs(directory: Path, prefix: str, count: int) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    directory.mkdir()
    for i in range(count):
        name = f"{prefix}-{i:04d}.example"
        csr = (x509.CertificateSigningRequestBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
               .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
               .sign(key, hashes.SHA256()))
        (directory / f"{name}.csr").write_bytes(csr.public_bytes(serialization.Encoding.PEM))


def test_many_processes_share_one_key(aws, tmp_path):
    """4 pkisign processes x 500 CSRs at once on one KMS key: all signed, all verify, no serial twice."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = []
    for p in range(PROCESSES):
        _make_csrs(tmp_path / f"in{p}", f"host{p}", CSRS_EACH)
        (tmp_path / f"out{p}").mkdir()
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "pkisign", "sign", "--batch", str(tmp_path / f"in{p}"),
             "--out-dir", str(tmp_path / f"out{p}"), f"--kms={KMS}", aws.issuer("p256"), aws.keys["p256"]],
            cwd=VECTORS, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    for proc in procs:
        out, err = proc.communicate(timeout=3600)
        assert (proc.returncode, out, err) == (0, b"", b"")
    issuer_key = x509.load_pem_x509_certificate(Path(aws.issuer("p256")).read_bytes()).public_key()
    serials = set()
    for p in range(PROCESSES):
        files = sorted((tmp_path / f"out{p}").iterdir())
        assert [f.name for f in files] == [f"host{p}-{i:04d}.example.crt" for i in range(CSRS_EACH)]
        for f in files:
            cert = x509.load_pem_x509_certificate(f.read_bytes())
            issuer_key.verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(cert.signature_hash_algorithm))
            assert cert.subject.rfc4514_string() == f"CN={f.name[:-4]}"
            serials.add(cert.serial_number)
        proc = subprocess.run(["openssl", "verify", "-no_check_time", "-CAfile", str(aws.root.crt),
                               "-untrusted", aws.issuer("p256"), *map(str, files)], capture_output=True, text=True)
        assert proc.returncode == 0 and proc.stdout.count(": OK\n") == CSRS_EACH, proc.stderr
    assert len(serials) == PROCESSES * CSRS_EACH
