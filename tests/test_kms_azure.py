"""``--kms azurekms:``: azure-keyvault-keys against a Key Vault server on 127.0.0.1.

``tests/azurekms_server.py`` answers Key Vault's key and sign calls over
TLS (an OpenSSL certificate the client trusts through REQUESTS_CA_BUNDLE),
behind Key Vault's bearer challenge, with the token from a managed identity
endpoint that azure-identity's DefaultAzureCredential finds through
IDENTITY_ENDPOINT.  It holds the golden issuer keys, so the certificates
must be the golden ones step-sign-ref made from the same key files: the
same bytes for RSA PKCS#1 v1.5, the same TBS and a verifying signature for
ECDSA and RSA-PSS.  pkisign reaches the vault through
PKISIGN_AZUREKMS_VAULT_URL.
"""

from __future__ import annotations

import os
import sys

import pytest
from conftest import VECTORS, require, require_tool, run_cli, run_process
from kms_servers import free_port
from test_kms import CASES, TIMES, _cert, _issuer_pem, _ok, _same_certificate, _verify

KEYS = {"rsa2048": "root-rsa2048", "p256": "root-p256", "p384": "root-p384", "p521": "root-p521"}
SECRET = "Azure-Client-Secret-4242"


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    for module in ("azure.keyvault.keys", "azure.identity", "cryptography"):
        try:
            __import__(module)
        except ImportError:
            require(False, f"{module} is not installed (pip install 'pkisign[azure]')")
    require_tool("openssl")
    from azurekms_server import IdentityServer, KeyVaultServer

    vault = KeyVaultServer(tmp_path_factory.mktemp("keyvault"))
    identity = IdentityServer()
    try:
        for issuer, stem in KEYS.items():
            vault.add_key(issuer, str(VECTORS / "issuers" / f"{stem}.key"))
        vault.add_key("encrypt", str(VECTORS / "issuers" / "root-rsa2048.key"), ops=("encrypt", "decrypt"))
        vault.add_key("throttle", str(VECTORS / "issuers" / "root-p256.key"), "throttle")
        vault.add_key("stall", str(VECTORS / "issuers" / "root-p256.key"), "stall")
        yield vault, identity
    finally:
        vault.close()
        identity.close()


@pytest.fixture
def azure(servers, monkeypatch):
    from azurekms_server import IDENTITY_SECRET

    vault, identity = servers
    for name in list(os.environ):
        if name.startswith(("AZURE_", "IDENTITY_", "MSI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("IDENTITY_ENDPOINT", identity.url)
    monkeypatch.setenv("IDENTITY_HEADER", IDENTITY_SECRET)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(vault.ca_file))
    monkeypatch.setenv("PKISIGN_AZUREKMS_VAULT_URL", vault.url)
    vault.calls.clear()
    return vault


def key(name: str) -> str:
    return f"azurekms:name={name};vault=ca-vault"


def _argv(case: dict, kms: str | None, key_uri: str) -> list[str]:
    argv = ["sign"] + [key_uri if a == case["argv"][2] else a for a in case["argv"]]
    return argv + ([f"--kms={kms}"] if kms is not None else [])


MATRIX = [f"{profile}/{issuer}-issuer/{csr}-{'ext' if profile == 'csr' else 'web'}"
          for issuer in KEYS for profile, csr in (("leaf", "p256"), ("intermediate-ca", "rsa2048"))]


@pytest.mark.parametrize("name", MATRIX)
def test_signs_like_step(azure, name):
    case = CASES[name]
    issuer = next(k for k, stem in KEYS.items() if f"issuers/{stem}.key" == case["argv"][2])
    got = _ok(run_cli(_argv(case, "azurekms:", key(issuer)), cwd=VECTORS))
    _same_certificate(got, (VECTORS / case["expect"]).read_bytes(), _issuer_pem(case), exact=issuer == "rsa2048")
    assert azure.calls == ["GET key", "POST sign"]


@pytest.mark.parametrize("kms, key_uri", [
    ("azurekms:", key("rsa2048")),
    ("azurekms:vault=ca-vault", "azurekms:name=rsa2048"),
    (None, key("rsa2048")),
    (None, f"{key('rsa2048')}?version=0123456789abcdef"),
])
def test_every_uri_form(azure, kms, key_uri):
    case = CASES["leaf/rsa2048-issuer/p384-web"]
    assert _ok(run_cli(_argv(case, kms, key_uri), cwd=VECTORS)) == (VECTORS / case["expect"]).read_bytes()


def test_rsa_pss(azure, tmp_path):
    template = tmp_path / "t.tpl"
    template.write_text('{"subject": {{ toJson .Subject }}, "sans": {{ toJson .SANs }}, '
                        '"signatureAlgorithm": "SHA384-RSAPSS"}')
    common = ["sign", "csr/web-p256.csr", "issuers/root-rsa2048.crt", f"--template={template}", "--serial=77", *TIMES]
    from_file = _ok(run_cli(common + ["issuers/root-rsa2048.key"], cwd=VECTORS))
    got = _ok(run_cli(common + [key("rsa2048"), "--kms=azurekms:"], cwd=VECTORS))
    issuer_pem = (VECTORS / "issuers" / "root-rsa2048.crt").read_bytes()
    _same_certificate(got, from_file, issuer_pem, exact=False)
    _verify(_cert(got), issuer_pem)


def test_a_batch_reads_the_key_once(azure, tmp_path, servers):
    case = CASES["leaf/p384-issuer/p256-web"]
    csrs = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-ed25519.csr", "csr/web-rsa2048.csr"]
    result = run_cli(["sign", *[f"--csr={c}" for c in csrs], "--out-dir", str(tmp_path), "--kms=azurekms:",
                      case["argv"][1], key("p384")], cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert azure.calls == ["GET key"] + ["POST sign"] * 4
    for crt in tmp_path.iterdir():
        _verify(_cert(crt.read_bytes()), _issuer_pem(case))


def test_in_a_real_process(azure):
    case = CASES["intermediate-ca/p256-issuer/rsa2048-web"]
    proc = run_process(["certificate", "sign", "--kms", "azurekms:", case["argv"][0], case["argv"][1], key("p256"),
                        *case["argv"][3:]], cwd=VECTORS)
    assert proc.returncode == 0, proc.stderr
    _same_certificate(proc.stdout, (VECTORS / case["expect"]).read_bytes(), _issuer_pem(case), exact=False)


# -- failures ---------------------------------------------------------------------------

def _fails(key_uri: str, kms: str | None = "azurekms:", issuer_file: str = "issuers/root-p256.crt") -> str:
    from azurekms_server import TOKEN

    argv = ["sign", "csr/web-p256.csr", issuer_file, key_uri, *([f"--kms={kms}"] if kms is not None else []), *TIMES]
    result = run_cli(argv, cwd=VECTORS)
    assert result.code == 1, result.stderr
    assert result.stdout == b""
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert TOKEN not in result.stderr and SECRET not in result.stderr
    return result.stderr[:-1]


def test_unknown_key(azure):
    assert _fails(key("nope")) == f"no Azure Key Vault key nope in {azure.url}"


def test_key_that_may_not_sign(azure):
    assert _fails(key("encrypt")) == (
        f"the Azure Key Vault key encrypt in {azure.url} may not sign (its operations: encrypt, decrypt)")


def test_key_that_is_not_the_issuers(azure):
    assert _fails(key("rsa2048")) == "private key type does not match issuer public key type"
    assert _fails(key("p384")) == "private key does not match issuer public key"


def test_key_uri_errors(azure):
    assert _fails("azurekms:name=x").startswith("the azurekms: key URI needs name=KEY and vault=VAULT")
    assert _fails(key("p256"), kms=f"azurekms:client-id=app;client-secret={SECRET}") == (
        "the azurekms: URI needs all of client-id, client-secret and tenant-id, or none")


def test_throttling_is_retried_a_bounded_number_of_times(azure):
    from pkisign.signers.kms.azurekms import ATTEMPTS

    assert _fails(key("throttle")) == (
        f"GetKey with key throttle in {azure.url}: Key Vault kept throttling the requests (429), "
        f"gave up after {ATTEMPTS} attempts")
    assert azure.calls == ["GET key"] * ATTEMPTS


def test_a_server_that_never_answers(azure, monkeypatch):
    monkeypatch.setenv("PKISIGN_KMS_TIMEOUT", "1")
    assert _fails(key("stall")) == (
        f"GetKey with key stall in {azure.url}: no answer within 1 seconds (PKISIGN_KMS_TIMEOUT)")


def test_connection_refused(azure, monkeypatch):
    url = f"https://127.0.0.1:{free_port()}"
    monkeypatch.setenv("PKISIGN_AZUREKMS_VAULT_URL", url)
    assert _fails(key("p256")) == f"GetKey with key p256 in {url}: cannot connect to Key Vault"


def test_no_credentials(azure, monkeypatch, tmp_path):
    monkeypatch.delenv("IDENTITY_ENDPOINT")
    monkeypatch.delenv("IDENTITY_HEADER")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))  # no az, azd or pwsh to ask
    monkeypatch.setenv("AZURE_POD_IDENTITY_AUTHORITY_HOST", f"http://127.0.0.1:{free_port()}")
    assert _fails(key("p256")).startswith(f"GetKey with key p256 in {azure.url}: no usable Azure credentials")


def test_missing_azure_sdk_names_the_extra(azure, monkeypatch):
    monkeypatch.setitem(sys.modules, "azure.keyvault.keys", None)
    assert _fails(key("p256")) == "--kms azurekms: needs the optional 'azure' extra: pip install 'pkisign[azure]'"
