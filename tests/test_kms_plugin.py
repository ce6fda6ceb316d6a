"""``--kms`` through step-kms-plugin: step's argv, stdin and stdout, over a plugin made for the tests.

``tests/kms_plugin.py`` follows step-kms-plugin's ``key`` and ``sign``
protocol over the golden issuer key files and logs every call, so these
tests check what pkisign hands the plugin (the argv and the digest step
would send) and that the certificates equal the golden ones step-sign-ref
made from the same key files: the same bytes for RSA PKCS#1 v1.5 and
Ed25519 issuers, the same TBSCertificate and a verifying signature for the
others.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time

import pytest
from conftest import ROOT, VECTORS, require, run_cli, run_process
from test_kms import CASES, MATRIX, TIMES, _cert, _issuer_pem, _ok, _same_certificate, _verify

SECRET = "S3cr3t-Client-Value"

# issuer: (--kms, key argument) as a user of that KMS type would write them.
KEYS = {
    "rsa2048": (f"azurekms:vault=ca-vault?client-secret={SECRET}", "azurekms:name=root-rsa2048;vault=ca-vault"),
    "p256": ("cloudkms:credentials-file=/etc/gcp.json",
             "projects/p/locations/global/keyRings/ca/cryptoKeys/root-p256/cryptoKeyVersions/1"),
    "p384": ("", "yubikey:slot-id=9c"),
    "p521": ("tpmkms:", "tpmkms:name=root-p521"),
    "ed25519": ("sshagentkms:", "sshagentkms:root-ed25519"),
}
STEMS = {"rsa2048": "root-rsa2048", "p256": "root-p256", "p384": "root-p384", "p521": "root-p521",
         "ed25519": "root-ed25519"}
PKCS11 = ("pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep?pin-value=1234", "pkcs11:id=4001")


class Plugin:
    def __init__(self, tmp_path, monkeypatch) -> None:
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        self.path = self.bin / "step-kms-plugin"
        self.path.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{ROOT / "tests" / "kms_plugin.py"}" "$@"\n')
        self.path.chmod(0o755)
        self.log_file = tmp_path / "plugin.log"
        keymap = {key: str(VECTORS / "issuers" / f"{STEMS[issuer]}.key") for issuer, (_, key) in KEYS.items()}
        keymap[PKCS11[1]] = str(VECTORS / "issuers" / "root-rsa2048.key")
        (tmp_path / "keymap.json").write_text(json.dumps(keymap))
        monkeypatch.setenv("PATH", f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}")
        monkeypatch.setenv("STEPPATH", str(tmp_path / "step"))
        monkeypatch.setenv("KMS_PLUGIN_KEYMAP", str(tmp_path / "keymap.json"))
        monkeypatch.setenv("KMS_PLUGIN_LOG", str(self.log_file))
        monkeypatch.delenv("KMS_PLUGIN_MODE", raising=False)

    def calls(self) -> list[dict]:
        if not self.log_file.exists():
            return []
        return [json.loads(line) for line in self.log_file.read_text().splitlines()]


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    try:
        import cryptography  # noqa: F401 - the test plugin signs with it
    except ImportError:
        require(False, "cryptography is not installed (pip install 'pkisign[cryptography]')")
    return Plugin(tmp_path, monkeypatch)


def _argv(case: dict, kms: str, key: str) -> list[str]:
    argv = ["sign"] + [key if a == case["argv"][2] else a for a in case["argv"]]
    # cloudkms: and azurekms: have backends of their own: to the plugin only when asked.
    built_in = kms.startswith(("cloudkms:", "azurekms:"))
    return argv + ([f"--kms={kms}"] if kms else []) + (["--kms-plugin"] if built_in else [])


def _kms_args(kms: str) -> list[str]:
    return ["--kms", kms] if kms else []


@pytest.mark.parametrize("name", MATRIX)
def test_plugin_signs_like_step(plugin, name):
    case = CASES[name]
    issuer = next(k for k, stem in STEMS.items() if f"issuers/{stem}.key" == case["argv"][2])
    kms, key = KEYS[issuer]
    got = _ok(run_cli(_argv(case, kms, key), cwd=VECTORS))
    _same_certificate(got, (VECTORS / case["expect"]).read_bytes(), _issuer_pem(case),
                      exact=issuer in ("rsa2048", "ed25519"))
    tbs = _cert(got).tbs_certificate_bytes
    calls = plugin.calls()
    assert [c["argv"] for c in calls] == [
        ["key", *_kms_args(kms), key],
        ["sign", "--format", "base64", *_kms_args(kms), *(["--alg", "SHA256"] if issuer == "rsa2048" else []), key],
    ]
    assert calls[0]["stdin"] == ""
    hash_name = {"rsa2048": "sha256", "p256": "sha256", "p384": "sha384", "p521": "sha512"}.get(issuer)
    want = hashlib.new(hash_name, tbs).digest() if hash_name else tbs  # Ed25519: the whole TBS
    assert bytes.fromhex(calls[1]["stdin"]) == want


TEMPLATE = """{
  "subject": {{ toJson .Subject }},
  "sans": {{ toJson .SANs }},
  "keyUsage": ["digitalSignature"],
  "signatureAlgorithm": "%s"
}"""


@pytest.mark.parametrize("algorithm, alg_args", [
    ("SHA256-RSAPSS", ["--pss", "--salt-length", "-1", "--alg", "SHA256"]),
    ("SHA384-RSAPSS", ["--pss", "--salt-length", "-1", "--alg", "SHA384"]),
    ("SHA512-RSAPSS", ["--pss", "--salt-length", "-1", "--alg", "SHA512"]),
    ("SHA384-RSA", ["--alg", "SHA384"]),
    ("SHA512-RSA", ["--alg", "SHA512"]),
])
def test_rsa_pss_and_hashes(plugin, tmp_path, algorithm, alg_args):
    template = tmp_path / "t.tpl"
    template.write_text(TEMPLATE % algorithm)
    kms, key = KEYS["rsa2048"]
    common = ["sign", "csr/web-p256.csr", "issuers/root-rsa2048.crt", f"--template={template}", "--serial=77", *TIMES]
    from_file = _ok(run_cli(common + ["issuers/root-rsa2048.key"], cwd=VECTORS))
    got = _ok(run_cli(common + [key, f"--kms={kms}", "--kms-plugin"], cwd=VECTORS))
    issuer_pem = (VECTORS / "issuers" / "root-rsa2048.crt").read_bytes()
    _same_certificate(got, from_file, issuer_pem, exact="PSS" not in algorithm)
    _verify(_cert(got), issuer_pem)
    sign_call = plugin.calls()[-1]
    assert sign_call["argv"] == ["sign", "--format", "base64", "--kms", kms, *alg_args, key]
    hash_name = "sha" + algorithm[3:6]
    assert bytes.fromhex(sign_call["stdin"]) == hashlib.new(hash_name, _cert(got).tbs_certificate_bytes).digest()


def test_sha1_is_refused_as_step_does(plugin, tmp_path):
    template = tmp_path / "t.tpl"
    template.write_text(TEMPLATE % "SHA1-RSA")
    kms, key = KEYS["rsa2048"]
    result = run_cli(["sign", "csr/web-p256.csr", "issuers/root-rsa2048.crt", key, f"--kms={kms}", "--kms-plugin",
                      f"--template={template}", *TIMES], cwd=VECTORS)
    assert result.code == 1 and result.stdout == b""
    assert 'unsupported hash function "SHA-1"' in result.stderr and result.stderr.count("\n") == 1
    assert [c["argv"][0] for c in plugin.calls()] == ["key"]


def test_pkcs11_through_the_plugin_when_asked(plugin):
    """--kms-plugin: a type pkisign signs with itself goes to the plugin, the PIN handed over as given."""
    case = CASES["leaf/rsa2048-issuer/rsa2048-web"]
    kms, key = PKCS11
    got = _ok(run_cli(_argv(case, kms, key) + ["--kms-plugin"], cwd=VECTORS))
    assert got == (VECTORS / case["expect"]).read_bytes()
    assert [c["argv"] for c in plugin.calls()] == [
        ["key", "--kms", kms, key], ["sign", "--format", "base64", "--kms", kms, "--alg", "SHA256", key]]


def test_steppath_plugins_directory_comes_first(plugin, tmp_path, monkeypatch):
    plugins = tmp_path / "step" / "plugins"
    plugins.mkdir(parents=True)
    first = plugins / "step-kms-plugin"
    first.write_text(plugin.path.read_text().replace('"$@"', 'key "$@"'))  # marks its calls with an extra "key"
    first.chmod(0o755)
    case = CASES["leaf/ed25519-issuer/p256-web"]
    kms, key = KEYS["ed25519"]
    result = run_cli(_argv(case, kms, key), cwd=VECTORS)
    assert result.code == 1
    assert plugin.calls()[0]["argv"][:2] == ["key", "key"]


def test_a_batch_runs_key_once_and_sign_per_csr(plugin, tmp_path):
    case = CASES["leaf/rsa2048-issuer/p256-web"]
    kms, key = KEYS["rsa2048"]
    csrs = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-ed25519.csr", "csr/web-rsa2048.csr"]
    out = tmp_path / "out"
    out.mkdir()
    argv = ["sign", *[f"--csr={c}" for c in csrs], "--out-dir", str(out), f"--kms={kms}", "--kms-plugin",
            case["argv"][1], key]
    result = run_cli(argv, cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == [
        "csr-tls-p256.crt", "web-ed25519.crt", "web-p256.crt", "web-rsa2048.crt"]
    for crt in out.iterdir():
        _verify(_cert(crt.read_bytes()), _issuer_pem(case))
    assert [c["argv"][0] for c in plugin.calls()] == ["key", "sign", "sign", "sign", "sign"]


def test_documented_command_line_in_a_real_process(plugin):
    case = CASES["intermediate-ca/ed25519-issuer/rsa2048-web"]
    kms, key = KEYS["ed25519"]
    argv = ["certificate", "sign", "--kms", kms, case["argv"][0], case["argv"][1], key, *case["argv"][3:]]
    proc = run_process(argv, cwd=VECTORS)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (VECTORS / case["expect"]).read_bytes()


# -- failures ---------------------------------------------------------------------------

def _fails(argv: list[str]) -> str:
    result = run_cli(argv, cwd=VECTORS)
    assert result.code == 1, result.stderr
    assert result.stdout == b""
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert SECRET not in result.stderr
    return result.stderr[:-1]


RSA_ARGV = _argv(CASES["leaf/rsa2048-issuer/rsa2048-web"], *KEYS["rsa2048"])


def test_missing_plugin(plugin, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert _fails(RSA_ARGV) == 'exec: "step-kms-plugin": executable file not found in $PATH'


def test_plugin_that_is_not_executable(plugin):
    plugin.path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert _fails(RSA_ARGV) == 'exec: "step-kms-plugin": executable file not found in $PATH'


def test_failing_plugin_is_reported_as_step_does_without_the_secret(plugin, monkeypatch):
    monkeypatch.setenv("KMS_PLUGIN_MODE", "fail")
    kms, key = KEYS["rsa2048"]
    shown_kms = kms.replace(SECRET, "***")
    assert _fails(RSA_ARGV) == (
        f'command "{plugin.path} key --kms {shown_kms} {key}" failed with: '
        f"Error: the KMS refused the request; while running key --kms {shown_kms} {key}")
    assert plugin.calls()[0]["argv"] == ["key", "--kms", kms, key]  # the plugin itself got the secret


def test_plugin_that_hangs_is_killed(plugin, monkeypatch):
    monkeypatch.setenv("KMS_PLUGIN_MODE", "hang")
    monkeypatch.setenv("PKISIGN_KMS_TIMEOUT", "1")
    started = time.monotonic()
    message = _fails(RSA_ARGV)
    assert message.endswith("failed with: no answer within 1 seconds (PKISIGN_KMS_TIMEOUT)")
    assert message.startswith(f'command "{plugin.path} key --kms ')
    # The plugin's child held the pipes too: were it left alive, communicate() would wait 300 s.
    assert time.monotonic() - started < 120


def test_bad_timeout_setting(plugin, monkeypatch):
    monkeypatch.setenv("PKISIGN_KMS_TIMEOUT", "soon")
    assert _fails(RSA_ARGV) == "invalid PKISIGN_KMS_TIMEOUT 'soon': want a number of seconds greater than 0"


def test_plugin_printing_garbage_for_the_key(plugin, monkeypatch):
    monkeypatch.setenv("KMS_PLUGIN_MODE", "garbage")
    kms, key = KEYS["rsa2048"]
    assert _fails(RSA_ARGV) == f"the key '{key}' (through step-kms-plugin) gave no PEM public key"


def test_plugin_printing_garbage_for_the_signature(plugin, monkeypatch):
    monkeypatch.setenv("KMS_PLUGIN_MODE", "garbage-sign")
    kms, key = KEYS["rsa2048"]
    assert _fails(RSA_ARGV) == f"step-kms-plugin sign gave no base64 signature for '{key}' (through step-kms-plugin)"


def test_plugin_key_that_is_not_the_issuers(plugin):
    case = CASES["leaf/rsa2048-issuer/rsa2048-web"]
    assert _fails(_argv(case, *KEYS["p256"])) == "private key type does not match issuer public key type"
    assert [c["argv"][0] for c in plugin.calls()] == ["key"]  # nothing was signed
