"""Inputs of hostile size: every file is read up to a limit for its kind,
checked by its outer structure before it is split, RSA keys have an upper
size, many --set flags cost linear work, and the template budget counts memory.

Bounds here are sizes and counts; the few CPU bounds have a margin of more
than ten times over a quiet run."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from conftest import ROOT, VECTORS, run_cli

ISSUER = [str(VECTORS / "issuers/root-ed25519.crt"), str(VECTORS / "issuers/root-ed25519.key")]
CSR = str(VECTORS / "csr/canon-p256.csr")
LEAF_TPL = str(ROOT / "pkisign/x509util/profiles/leaf.tpl")


def run_capped(argv: list[str], cwd: str | None = None) -> subprocess.CompletedProcess:
    """Run pkisign with 1 GiB of address space: a regression must end in MemoryError
    in the child, not take the machine's memory.  The shell sets the limit (a
    preexec_fn would fork this process, with whatever it has loaded)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(["sh", "-c", 'ulimit -v 1048576 && exec "$0" "$@"', sys.executable, "-m", "pkisign",
                           *argv], capture_output=True, env=env, cwd=cwd, timeout=120)


ENDLESS = {
    "csr": (["sign", "/dev/zero", *ISSUER], "1 MiB", "a CSR"),
    "issuer": (["sign", CSR, "/dev/zero", ISSUER[1]], "4 MiB", "a certificate file"),
    "key": (["sign", CSR, ISSUER[0], "/dev/zero"], "1 MiB", "a key file"),
    "template": (["sign", CSR, *ISSUER, "--template", "/dev/zero"], "1 MiB", "a template"),
    "set-file": (["sign", CSR, *ISSUER, "--template", LEAF_TPL, "--set-file", "/dev/zero"], "1 MiB", "a --set-file"),
    "password-file": (["sign", CSR, *ISSUER, "--password-file", "/dev/zero"], "64 KiB", "a password file"),
    # A device is never read as a list (a FIFO would block): refused before any read.
    "batch-list": (["sign", *ISSUER, "--batch", "/dev/zero", "--out-dir", "."], None,
                   "--batch /dev/zero is not a directory, a CSR, or a list of CSR paths"),
    "inspect": (["inspect", "/dev/zero"], "4 MiB", "a file to inspect"),
    "assemble-tbs": (["assemble", "/dev/zero", "/dev/zero", ISSUER[0]], "1 MiB", "a TBSCertificate"),
    "pin-source": (["sign", CSR, ISSUER[0], "pkcs11:token=t;id=01?pin-source=/dev/zero"], "64 KiB", "a PIN file"),
}


@pytest.mark.parametrize("kind", sorted(ENDLESS))
def test_an_endless_input_is_refused_at_its_limit(kind, tmp_path):
    argv, size, what = ENDLESS[kind]
    proc = run_capped(argv, cwd=str(tmp_path))
    stderr = proc.stderr.decode()
    assert (proc.returncode, proc.stdout) == (1, b""), stderr
    assert stderr.count("\n") == 1 and "internal error" not in stderr
    if size is None:
        assert stderr == what + "\n"
    else:
        assert f"larger than {size}, the most pkisign reads for {what}" in stderr
    assert os.listdir(tmp_path) == []


def test_a_batch_list_over_its_limit_is_refused(tmp_path):
    big = tmp_path / "list.txt"
    big.write_bytes(b"a.csr\n" * ((4 << 20) // 6 + 1))
    out = tmp_path / "out"
    out.mkdir()
    proc = run_capped(["sign", *ISSUER, "--batch", str(big), "--out-dir", str(out)])
    assert (proc.returncode, proc.stdout) == (1, b"")
    assert proc.stderr.decode() == (f'error reading "{big}": larger than 4 MiB, the most pkisign reads for '
                                    "a list of CSR files\n")
    assert os.listdir(out) == []


def test_stdin_is_read_through_the_same_limit():
    result = run_cli(["sign", "-", *ISSUER], stdin=b"\x00" * ((1 << 20) + 1))
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == 'error reading "-": larger than 1 MiB, the most pkisign reads for a CSR\n'


def test_a_file_at_its_limit_is_still_parsed(tmp_path):
    path = tmp_path / "big.csr"
    path.write_bytes(b"\x00" * (1 << 20))
    result = run_cli(["sign", str(path), *ISSUER])
    assert result.stderr.endswith("asn1: structure error: tags don't match (certificate request)\n")


def test_der_is_refused_by_its_outer_header_before_it_is_split(monkeypatch):
    from pkisign.x509 import der
    from pkisign.x509.csr import CSRParseError, parse_csr

    split = []
    real = der.children
    monkeypatch.setattr(der, "children", lambda content: split.append(len(content)) or real(content))
    for data, error in ((b"\x00" * 100_000, "tags don't match"), (b"\x30\x00" + b"\x00" * 100_000, "trailing data"),
                        (b"\x30\x84\x7f\xff\xff\xff", "truncated element")):
        with pytest.raises(CSRParseError, match=error):
            parse_csr(data)
    assert split == []


def _rsa_csr(bits: int) -> bytes:
    """A CSR whose RSA modulus has ``bits`` bits, e = 2^31-1 (the most Go's crypto/rsa takes)."""
    from pkisign.x509 import der

    n = (1 << bits) - 2 ** 20 - 1

    def integer(v: int) -> bytes:
        return der.tlv(0x02, v.to_bytes(v.bit_length() // 8 + 1, "big"))

    spki = der.sequence(der.sequence(der.oid("1.2.840.113549.1.1.1"), b"\x05\x00"),
                        der.bit_string(der.sequence(integer(n), integer(2 ** 31 - 1))))
    name = der.sequence(der.set_of([der.sequence(der.oid("2.5.4.3"), der.tlv(0x0C, b"big"))]))
    info = der.sequence(der.integer(0), name, spki, der.tlv(0xA0, b""))
    signature = (n - 12345).to_bytes((bits + 7) // 8, "big")
    return der.sequence(info, der.sequence(der.oid("1.2.840.113549.1.1.11"), b"\x05\x00"),
                        der.bit_string(signature))


def test_an_rsa_key_over_16384_bits_is_refused_before_any_arithmetic(tmp_path, monkeypatch):
    from pkisign.x509 import verify

    calls = []
    monkeypatch.setattr(verify, "check_signature", lambda *a, **k: calls.append(a))
    path = tmp_path / "huge.csr"
    path.write_bytes(_rsa_csr(16385))
    result = run_cli(["sign", str(path), *ISSUER])
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == (f"error parsing {path}: error parsing certificate request as DER format: "
                             "RSA key of 16385 bits: pkisign reads RSA keys of at most 16384 bits\n")
    assert calls == []


def test_an_rsa_key_of_16384_bits_is_still_read():
    from pkisign.x509.csr import parse_csr

    assert parse_csr(_rsa_csr(16384)).public_key.rsa_n.bit_length() == 16384


def test_many_set_flags_cost_linear_work():
    # 40,000 flags: ~1 s of CPU on a quiet machine; quadratic in argparse, they took ~35 s.
    sets = [f"--set=k{i}=v{i}" for i in range(40_000)]
    start = time.process_time()
    result = run_cli(["sign", CSR, *ISSUER, "--template", LEAF_TPL, *sets, "--serial=1"])
    assert time.process_time() - start < 10
    assert result.code == 0, result.stderr


def test_set_flags_keep_their_order_and_other_flags_their_last_value(tmp_path):
    template = tmp_path / "t.tpl"
    template.write_text('{"subject": {"commonName": {{ toJson .Insecure.User.cn }}}}')
    result = run_cli(["sign", CSR, *ISSUER, "--template", str(template), "--set=cn=a", "--serial=1",
                      "--set", "cn=b", "-set=cn=c", "--serial=7", "--format=pem"])
    from asn1crypto import pem as apem
    from asn1crypto import x509

    cert = x509.Certificate.load(apem.unarmor(result.stdout)[2])
    assert cert.subject.native == {"common_name": "c"} and cert.serial_number == 7


def test_the_template_budget_counts_memory_not_elements():
    from pkisign.template import Template
    from pkisign.template.errors import TemplateLimitError
    from pkisign.template.limits import Limits

    # Ten lists of 200,000 integers hold ~80 MB; counted as elements they were 2 MB.
    text = "".join(f"{{{{ $a{i} := until 200000 }}}}" for i in range(10))
    with pytest.raises(TemplateLimitError, match="template memory budget|bytes in all"):
        Template.parse(text).execute(None, limits=Limits(max_alloc=32 << 20))


def test_memory_size_is_close_to_real_memory():
    import tracemalloc

    from pkisign.template.limits import memory_size

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        value = {str(i): [i + 1000, "x" * (i % 50)] for i in range(50_000)}
        value["all"] = list(range(1000, 201_000))
        real = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert 0.8 * real <= memory_size(value) <= 1.5 * real


def test_memory_size_counts_a_shared_or_cyclic_value_once():
    from pkisign.template.limits import memory_size

    inner = list(range(1000, 2000))
    cyclic: dict = {"a": inner, "b": inner}
    cyclic["self"] = cyclic
    assert memory_size(cyclic) < memory_size(inner) + 1000


def test_the_man_page_lists_every_input_limit():
    from pkisign.inputs import INPUT_LIMITS, KIB, MIB
    from pkisign.x509.keys import MAX_RSA_BITS

    page = " ".join((ROOT / "man/pkisign.1").read_text().split())
    for what, size in INPUT_LIMITS.values():
        words = what.split(" ", 1)[1]
        text = f"{size // MIB} MiB" if size % MIB == 0 else f"{size // KIB} KiB"
        assert any(f"{words}{between} {text}" in page for between in ("", " (pin-source)", " (--batch)")), what
    assert f"more than {MAX_RSA_BITS} bits are refused" in page


def test_a_split_that_the_budget_cannot_hold_is_refused_before_it_is_built():
    from pkisign.template import Template
    from pkisign.template.errors import TemplateLimitError
    from pkisign.template.limits import Limits

    for text in ('{{ splitList "" (repeat 5000000 "a") }}', '{{ split "," (repeat 5000000 ",") }}',
                 '{{ splitn "," 4000000 (repeat 5000000 ",") }}'):
        with pytest.raises(TemplateLimitError, match=r"split of [45]0{5}[01] elements exceeds the template memory budget"):
            Template.parse(text).execute(None, limits=Limits(max_alloc=32 << 20))
    assert Template.parse('{{ len (splitList "," "a,b,c") }}').execute(None) == "3"


def test_measuring_a_result_stops_where_the_budget_ends():
    from pkisign.template.limits import memory_size

    big = [[str(i)] for i in range(100_000)]
    assert memory_size(big, stop=1_000_000) < 1_100_000 < 10_000_000 < memory_size(big)


@pytest.mark.parametrize("argv", [["inspect", *["--json"] * 40_000, CSR],
                                  ["assemble", *["-bundle=1"] * 40_000, CSR, CSR, ISSUER[0]]],
                         ids=["inspect", "assemble"])
def test_every_command_takes_repeated_flags_in_linear_work(argv):
    start = time.process_time()
    result = run_cli(argv)
    assert time.process_time() - start < 10  # ~0.5 s quiet; quadratic, ~35 s
    assert "internal error" not in result.stderr and result.stderr.count("\n") <= 1
