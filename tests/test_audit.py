"""For auditors: --dry-run, assemble, SOURCE_DATE_EPOCH, --explain, --out, --issuer-validity, --lint, inspect."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import ROOT, VECTORS, openssl_verify, require_tool, run_cli

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
FIXED = ["--serial=0x2a", "--not-after=720h"]


def sign(*argv: str, env: dict | None = None, cwd=VECTORS):
    old = dict(os.environ)
    os.environ.update(env or {"SOURCE_DATE_EPOCH": EPOCH})
    try:
        return run_cli(list(argv), cwd=cwd)
    finally:
        os.environ.clear()
        os.environ.update(old)


def der_of(pem_bytes: bytes) -> bytes:
    return next(d for _, _, d in apem.unarmor(pem_bytes, multiple=True))


ISSUERS = {
    "rsa2048": ("issuers/root-rsa2048.crt", "issuers/root-rsa2048.key"),
    "ed25519": ("issuers/root-ed25519.crt", "issuers/root-ed25519.key"),
    "p256": ("issuers/root-p256.crt", "issuers/root-p256.key"),
}


def external_signature(kind: str, key: str, tbs, out) -> None:
    """The key holder's signature over the TBS, made by OpenSSL."""
    openssl = require_tool("openssl")
    if kind == "ed25519":
        cmd = [openssl, "pkeyutl", "-sign", "-inkey", key, "-rawin", "-in", str(tbs), "-out", str(out)]
    else:
        cmd = [openssl, "dgst", "-sha256", "-sign", key, "-out", str(out), str(tbs)]
    subprocess.run(cmd, cwd=VECTORS, check=True, capture_output=True)


@pytest.mark.parametrize("kind", ["rsa2048", "ed25519", "p256"])
def test_dry_run_external_signature_assemble_round_trip(kind, tmp_path):
    crt, key = ISSUERS[kind]
    tbs, sig, cert = tmp_path / "tbs.der", tmp_path / "sig.bin", tmp_path / "leaf.crt"
    dry = sign("sign", "--dry-run", "--tbs-out", str(tbs), *FIXED, "csr/web-p256.csr", crt)
    assert dry.code == 0, dry.stderr
    assert b"tbsCertificate" in dry.stdout or b"serialNumber" in dry.stdout
    external_signature(kind, key, tbs, sig)
    done = run_cli(["assemble", "--out", str(cert), str(tbs), str(sig), crt], cwd=VECTORS)
    assert (done.code, done.stdout, done.stderr) == (0, b"", "")
    assert openssl_verify(cert, VECTORS / crt) == ""
    one_step = sign("sign", *FIXED, "csr/web-p256.csr", crt, key)
    assert one_step.code == 0, one_step.stderr
    assembled = x509.Certificate.load(der_of(cert.read_bytes()))
    direct = x509.Certificate.load(der_of(one_step.stdout))
    assert assembled["tbs_certificate"].dump() == direct["tbs_certificate"].dump() == tbs.read_bytes()
    if kind != "p256":  # RSA PKCS#1 v1.5 and Ed25519 are deterministic: the same certificate
        assert assembled.dump() == direct.dump()


def test_assemble_refuses_a_bad_signature_and_writes_nothing(tmp_path):
    crt, key = ISSUERS["rsa2048"]
    tbs, sig, cert = tmp_path / "tbs.der", tmp_path / "sig.bin", tmp_path / "leaf.crt"
    assert sign("sign", "--dry-run", "--tbs-out", str(tbs), *FIXED, "csr/web-p256.csr", crt).code == 0
    external_signature("rsa2048", key, tbs, sig)
    bad = bytearray(sig.read_bytes())
    bad[-1] ^= 1
    sig.write_bytes(bytes(bad))
    result = run_cli(["assemble", "--out", str(cert), str(tbs), str(sig), crt], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == ("the signature does not verify with the issuer certificate's key: "
                             "crypto/rsa: verification error\n")
    assert not cert.exists()
    wrong_issuer = run_cli(["assemble", str(tbs), str(sig), ISSUERS["ed25519"][0]], cwd=VECTORS)
    assert wrong_issuer.stderr == "the TBSCertificate's issuer is not the subject of the issuer certificate\n"


def test_source_date_epoch_makes_signing_reproducible():
    crt, key = ISSUERS["ed25519"]
    a = sign("sign", "--serial=7", "csr/web-p256.csr", crt, key)
    b = sign("sign", "--serial=7", "csr/web-p256.csr", crt, key)
    assert a.code == 0 and a.stdout == b.stdout
    validity = x509.Certificate.load(der_of(a.stdout))["tbs_certificate"]["validity"].native
    assert validity["not_before"].isoformat() == "2026-01-01T00:00:00+00:00"
    assert validity["not_after"].isoformat() == "2026-01-02T00:00:00+00:00"
    assert sign("sign", "csr/web-p256.csr", crt, key, env={"SOURCE_DATE_EPOCH": "soon"}).stderr == (
        "invalid SOURCE_DATE_EPOCH 'soon': want a number of seconds\n")


def test_explain_names_the_source_of_every_field():
    crt, key = ISSUERS["rsa2048"]
    plain = sign("sign", *FIXED, "csr/web-p256.csr", crt, key)
    result = sign("sign", "--explain", *FIXED, "csr/web-p256.csr", crt, key)
    assert result.code == 0 and result.stdout == plain.stdout
    lines = result.stderr.splitlines()
    sources = {line.split()[0]: line.split("<- ", 1)[1] for line in lines}
    assert sources["serialNumber"] == "flag --serial"
    assert sources["validity.notBefore"] == "default: now (SOURCE_DATE_EPOCH=1767225600)"
    assert sources["validity.notAfter"] == "flag --not-after 720h"
    assert sources["issuer"] == "issuer certificate's subject (verbatim)"
    assert sources["subject"] == "CSR subject (verbatim, via profile leaf rawSubject)"
    assert sources["extensions.subjectKeyIdentifier"] == "default: SHA-1 of the CSR public key"
    assert sources["extensions.authorityKeyIdentifier"] == "issuer certificate's subjectKeyIdentifier"
    assert sources["extensions.subjectAltName"] == "CSR SANs, regrouped dns/email/ip/uri"
    assert sources["extensions.keyUsage"] == "profile leaf"
    # values are decoded, in RFC 5280's names; bytes as hex
    values = {line.split()[0]: line.split("<- ", 1)[0].split(None, 1 + ("(critical)" in line))[-1].strip()
              for line in lines}
    assert values["serialNumber"] == "0x2a"
    assert values["extensions.keyUsage"] == "digitalSignature"
    assert values["extensions.extKeyUsage"] == "serverAuth, clientAuth"
    assert re.fullmatch(r"([0-9a-f]{2}:){19}[0-9a-f]{2}", values["extensions.subjectKeyIdentifier"])
    cert = x509.Certificate.load(der_of(plain.stdout))
    assert values["extensions.subjectAltName"] == ", ".join(cert.subject_alt_name_value.native)


def test_out_is_atomic_careful_and_der_capable(tmp_path):
    crt, key = ISSUERS["rsa2048"]
    out = tmp_path / "leaf.crt"
    args = [*FIXED, "csr/web-p256.csr", crt, key]
    first = sign("sign", "--out", str(out), *args)
    assert (first.code, first.stdout) == (0, b"")
    pem_bytes = out.read_bytes()
    assert sign("sign", "--out", str(out), *args).stderr == f"{out} already exists; use --force to replace it\n"
    assert sign("sign", "--out", str(out), "--force", "--format", "der", *args).code == 0
    assert out.read_bytes() == der_of(pem_bytes)
    assert not [p for p in tmp_path.iterdir() if "pkisign-tmp" in p.name]  # no temporary left
    over_key = sign("sign", "--out", key, "--force", *args)
    assert (over_key.code, over_key.stderr) == (1, f"refusing to write over {key}: it is an input of this command\n")
    bundle_der = sign("sign", "--format", "der", "--bundle", *args)
    assert bundle_der.stderr == "flag '--bundle' is incompatible with '--format der'\n"
    nowhere = sign("sign", "--out", str(tmp_path / "missing" / "x.crt"), *args)
    assert nowhere.code == 1 and nowhere.stderr.startswith(f"cannot write {tmp_path / 'missing' / 'x.crt'}: ")


def test_issuer_validity_policies():
    crt, key = ISSUERS["rsa2048"]
    args = ["--serial=9", "--not-before=2030-01-01T00:00:00Z", "--not-after=2099-01-01T00:00:00Z",
            "csr/web-p256.csr", crt, key]
    issuer_end = x509.Certificate.load(der_of((VECTORS / crt).read_bytes()))["tbs_certificate"]["validity"]
    issuer_end = issuer_end["not_after"].native
    allowed = sign("sign", *args)
    assert allowed.code == 0
    assert allowed.stderr.startswith("warning: the certificate would end at 2099-01-01T00:00:00Z, after its issuer")
    truncated = sign("sign", "--issuer-validity", "truncate", *args)
    assert truncated.code == 0 and truncated.stderr == ""
    end = x509.Certificate.load(der_of(truncated.stdout))["tbs_certificate"]["validity"]["not_after"].native
    assert end == issuer_end
    refused = sign("sign", "--issuer-validity=error", *args)
    assert refused.code == 1 and refused.stdout == b""
    assert refused.stderr.endswith("; see --issuer-validity\n") and refused.stderr.count("\n") == 1


def test_lint_signs_a_clean_certificate_and_refuses_a_bad_one():
    crt, key = ISSUERS["ed25519"]
    clean = sign("sign", "--lint", *FIXED, "csr/csr-tls-p256.csr", crt, key)
    assert (clean.code, clean.stderr) == (0, ""), clean.stderr
    # A CN with a space becomes a DNS SAN, as in step: pkilint calls it an error.
    bad = sign("sign", "--lint", *FIXED, "csr/cn-space-rsa3072.csr", crt, key)
    assert (bad.code, bad.stdout) == (1, b"")
    assert "lint: ERROR pkix.invalid_domain_name_syntax" in bad.stderr
    assert bad.stderr.endswith("refusing to sign: pkilint reports 1 finding(s) at ERROR or above\n")


def test_lint_without_pkilint_names_the_extra():
    code = ("import sys; sys.modules['pkilint'] = None; "
            "from pkisign.cli import main; sys.exit(main(sys.argv[1:]))")
    crt, key = ISSUERS["p256"]
    proc = subprocess.run([sys.executable, "-c", code, "sign", "--lint", "csr/web-p256.csr", crt, key],
                          cwd=VECTORS, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == "--lint needs the optional 'lint' extra: pip install 'pkisign[lint]'\n"


def test_inspect_text_json_and_violations(tmp_path):
    text = run_cli(["inspect", "out/leaf/rsa2048-issuer/rsa2048-web.pem"], cwd=VECTORS)
    assert text.code == 0 and b"tbsCertificate.serialNumber" in text.stdout
    data = json.loads(run_cli(["inspect", "--json", "csr/web-p256.csr"], cwd=VECTORS).stdout)
    assert data["kind"] == "csr"
    broken = tmp_path / "broken.der"
    cert = der_of((VECTORS / "out/leaf/rsa2048-issuer/rsa2048-web.pem").read_bytes())
    broken.write_bytes(cert + b"\x00")  # trailing data
    result = run_cli(["inspect", str(broken)])
    assert result.code == 1 and b"der.trailing_data" in result.stdout
