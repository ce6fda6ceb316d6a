"""Many CSRs in one run: one output file per CSR, failures reported, one issuer."""

from __future__ import annotations

import shutil

from asn1crypto import pem as apem, x509

from conftest import VECTORS, run_cli

ISSUER = ["issuers/root-p256.crt", "issuers/root-p256.key"]
GOOD = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-rsa2048.csr"]
BAD = "bad/csr-bitflip-p256.csr"


def _subject(path) -> dict:
    der = next(d for _, _, d in apem.unarmor(path.read_bytes(), multiple=True))
    return x509.Certificate.load(der).subject.native


def test_a_directory_of_csrs_with_a_bad_one(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    for name in [*GOOD, BAD]:
        shutil.copy(VECTORS / name, src)
    (src / "notes.txt").write_text("not a CSR, not listed")
    result = run_cli(["sign", "--batch", str(src), "--out-dir", str(out), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == (f"{src / 'csr-bitflip-p256.csr'}: certificate request has invalid signature: "
                             "x509: ECDSA verification failure\n")
    assert sorted(p.name for p in out.iterdir()) == ["csr-tls-p256.crt", "web-p256.crt", "web-rsa2048.crt"]
    assert _subject(out / "csr-tls-p256.crt") == {"organization_name": "Acme Corp", "common_name": "tls.acme.example"}


def test_repeated_csr_flags_and_a_list_file_all_succeed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    listing = tmp_path / "list.txt"
    listing.write_text(f"# CSRs to sign\n\n{VECTORS / GOOD[2]}\n")
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[1], "--batch", str(listing), "--format", "der",
                      "--out-dir", str(out), "--profile", "leaf", *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout, result.stderr) == (0, b"", "")
    assert sorted(p.name for p in out.iterdir()) == ["csr-tls-p256.der", "web-p256.der", "web-rsa2048.der"]
    x509.Certificate.load((out / "web-p256.der").read_bytes()).native  # noqa: B018 - a whole DER certificate


def test_batch_usage_errors(tmp_path):
    assert run_cli(["sign", "--csr", GOOD[0], *ISSUER], cwd=VECTORS).stderr == "signing many CSRs needs '--out-dir'\n"
    assert run_cli(["sign", "--csr", GOOD[0], "--out-dir", str(tmp_path), GOOD[1], *ISSUER], cwd=VECTORS).stderr == (
        "with --csr or --batch, the arguments are 'pkisign sign <crt-file> <key-file>'\n")
    assert run_cli(["sign", "--csr", GOOD[0], "--serial=5", "--out-dir", str(tmp_path), *ISSUER],
                   cwd=VECTORS).stderr == "flag '--serial' is incompatible with '--csr' and '--batch'\n"
    missing = tmp_path / "missing"
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[1], "--out-dir", str(missing), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stderr) == (1, f"--out-dir {missing}: no such directory\n")
    assert not missing.exists()


def test_an_existing_output_is_a_failure_of_that_csr_only(tmp_path):
    (tmp_path / "web-p256.crt").write_text("keep me")
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[1], "--out-dir", str(tmp_path), *ISSUER], cwd=VECTORS)
    assert result.code == 1
    assert result.stderr == f"{GOOD[0]}: {tmp_path / 'web-p256.crt'} already exists; use --force to replace it\n"
    assert (tmp_path / "web-p256.crt").read_text() == "keep me"
    assert (tmp_path / "csr-tls-p256.crt").exists()
