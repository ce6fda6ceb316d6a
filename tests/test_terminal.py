"""Requester data never reaches a terminal raw: one escaping function for
error lines, warnings, --explain, inspect and --dry-run."""

from __future__ import annotations

import re

import pytest
from conftest import VECTORS, run_cli

ISSUER = ["issuers/root-ed25519.crt", "issuers/root-ed25519.key"]
FIXED = ["--serial=3", "--not-before=2025-01-01T00:00:00Z", "--not-after=2025-02-01T00:00:00Z"]
# What a terminal may act on: C0 controls but the line feed, DEL, C1 controls,
# bidirectional controls, line and paragraph separators.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
HOSTILE_CN = "evil\x1b[8m\u009b8m\u202eoof\u2028x\x07"


@pytest.fixture(scope="module")
def hostile_csr(tmp_path_factory):
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    csr = cx509.CertificateSigningRequestBuilder().subject_name(
        cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, HOSTILE_CN)])).sign(key, hashes.SHA256())
    path = tmp_path_factory.mktemp("terminal") / "hostile.csr"
    path.write_bytes(csr.public_bytes(serialization.Encoding.PEM))
    return str(path)


def test_escape_refuses_every_control_a_terminal_acts_on():
    from pkisign.terminal import escape

    assert escape(HOSTILE_CN) == "evil\\x1b[8m\\x9b8m\\u202eoof\\u2028x\\x07"
    assert escape("a\tb\nc\r\x7f\udcff") == "a\\tb\\nc\\r\\x7f\\xff"
    assert escape('plain "text" \\ é 中') == 'plain "text" \\ é 中'
    assert escape('say "hi" \\', quote='"') == 'say \\"hi\\" \\\\'
    for code in [*range(0x20), *range(0x7f, 0xa0), 0x200e, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029]:
        assert not UNSAFE.search(escape(chr(code))), hex(code)


def test_explain_escapes_the_requester_subject(hostile_csr):
    result = run_cli(["sign", "--explain", "--profile=intermediate-ca", *FIXED, hostile_csr, *ISSUER], cwd=VECTORS)
    assert result.code == 0, result.stderr
    assert not UNSAFE.search(result.stderr)
    assert "evil\\x1b[8m\\x9b8m\\u202eoof\\u2028x\\x07" in result.stderr
    # The rest of the report is still there, on its own lines.
    assert re.search(r"^extensions\.basicConstraints \(critical\) +ca=True", result.stderr, re.M)


def test_dry_run_and_inspect_escape_the_subject(hostile_csr):
    for argv in (["sign", "--dry-run", "--profile=intermediate-ca", *FIXED, hostile_csr, *ISSUER], ["inspect", hostile_csr]):
        result = run_cli(argv, cwd=VECTORS)
        assert result.code == 0, result.stderr
        text = result.stdout.decode("utf-8")
        assert not UNSAFE.search(text) and "evil\\x1b[8m\\x9b8m\\u202eoof" in text


@pytest.mark.parametrize("name", ["x\u009b2Jy.csr", "x\u202eyy.csr", "x\x1b]0;t\x07.csr", "x\u0085y.csr"])
def test_error_lines_escape_c0_c1_and_bidi_controls(name):
    result = run_cli(["sign", name, *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert not UNSAFE.search(result.stderr.rstrip("\n")) and result.stderr.count("\n") == 1
    assert result.stderr.startswith('error reading "x\\')


def test_batch_lines_escape_the_csr_name(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli(["sign", *ISSUER, "--csr", "missing\u009b2J.csr", "--csr", "csr/canon-p256.csr",
                      "--out-dir", str(out)], cwd=VECTORS)
    assert result.code == 1
    assert not UNSAFE.search(result.stderr.replace("\n", "")) and "missing\\x9b2J.csr" in result.stderr
