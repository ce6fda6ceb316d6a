"""Every command block of the README and every example of the man page runs as written.

Each block runs in a fresh copy of ``examples/`` with ``sh -e`` (a Python
block with this interpreter), with the installed ``pkisign`` first on PATH,
and its results are checked: exit status, the certificates it prints or
writes (parsed), what other tools say of them.  A block without a check
below fails, so that a new example cannot go untested.

The README's first block (install, then run the test suite) runs from a
clone's root, not from examples/: CI runs it (.ci/run).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import ROOT, require, require_tool

EXAMPLES = ROOT / "examples"
SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")


def readme_blocks() -> list[str]:
    """The README's indented code blocks (the first one excepted, see above)."""
    blocks, current = [], []
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("    ") or (current and not line.strip()):
            current.append(line[4:])
            continue
        if current:
            blocks.append("\n".join(current).strip("\n") + "\n")
            current = []
    blocks = [b for b in blocks if b.strip()]
    # Tables and prose are not indented; what is left is commands or code.
    assert blocks[0].startswith("python3 -m venv .venv"), blocks[0]
    return blocks[1:]


def man_examples() -> list[str]:
    """The no-fill blocks of the man page's EXAMPLES and FOR AUDITORS sections."""
    page = (ROOT / "man" / "pkisign.1").read_text(encoding="utf-8")
    out = []
    for section in ("EXAMPLES", "FOR AUDITORS"):
        body = page.split(f"\n.SH {section}\n", 1)[1].split("\n.SH ", 1)[0]
        for block in re.findall(r"^\.nf\n(.*?)^\.fi$", body, re.S | re.M):
            out.append(block.replace("\\\\", "\\"))
    return out


def certificates(data: bytes) -> list[x509.Certificate]:
    return [x509.Certificate.load(der) for kind, _, der in apem.unarmor(data, multiple=True)
            if kind == "CERTIFICATE"]


def cn(cert: x509.Certificate, field: str = "subject") -> str:
    return cert[field].native["common_name"] if field == "issuer" else cert.subject.native["common_name"]


def issuer_cn(cert: x509.Certificate) -> str:
    return cert.issuer.native["common_name"]


def extension(cert: x509.Certificate, name: str):  # type: ignore[no-untyped-def]
    for ext in cert["tbs_certificate"]["extensions"]:
        if ext["extn_id"].native == name:
            return ext["extn_value"].native
    return None


def verifies(work: Path, cert: Path, ca: str, at: int | None = None) -> bool:
    openssl = require_tool("openssl")
    argv = [openssl, "verify", "-CAfile", ca] + (["-attime", str(at)] if at else []) + [str(cert)]
    return subprocess.run(argv, cwd=work, capture_output=True).returncode == 0


# -- what each block must do --------------------------------------------------------

def check_two_spellings(work, out, err):
    certs = certificates(out)
    assert [cn(c) for c in certs] == ["www.example.com"] * 2
    assert {issuer_cn(c) for c in certs} == {"Example Root CA"}


def check_step_examples(work, out, err):
    leaf, intermediate, csr_profile, chain, encrypted = certificates(out)
    validity = leaf["tbs_certificate"]["validity"]
    span = validity["not_after"].native - validity["not_before"].native
    assert span.total_seconds() in (16 * 3600 + 59, 16 * 3600 + 60, 16 * 3600 + 61)  # whole seconds of "now"
    assert cn(intermediate) == "Example Issuing CA" and issuer_cn(intermediate) == "Example Offline Root CA"
    assert extension(intermediate, "basic_constraints") == {"ca": True, "path_len_constraint": 1}
    assert cn(csr_profile) == "api.example.com"
    assert extension(csr_profile, "extended_key_usage") == ["server_auth"]
    assert chain.dump() == certificates((work / "issuer.crt").read_bytes())[0].dump()
    assert cn(encrypted) == "www.example.com" and issuer_cn(encrypted) == "Example Offline Root CA"


def check_template(work, out, err):
    (cert,) = certificates(out)
    assert cert.subject.native == {"country_name": "US", "organization_name": "Coyote Corporation",
                                   "organizational_unit_name": "ops", "common_name": "Wile E. Coyote"}
    assert extension(cert, "subject_alt_name") == ["wile@coyote.example"]
    assert extension(cert, "extended_key_usage") == ["client_auth"]


def check_kms(work, out, err):
    (cert,) = certificates(out)
    assert cn(cert) == "www.example.com" and issuer_cn(cert) == "Example Root CA"
    (work / "kms.crt").write_bytes(out)
    assert verifies(work, work / "kms.crt", "issuer.crt")


def check_batch(work, out, err):
    assert out == b""
    written = sorted(p.name for p in (work / "issued").iterdir())
    assert written == ["alpha.crt", "bravo.crt", "charlie.crt", "int.crt", "leaf.crt"]
    for name in written:
        (cert,) = certificates((work / "issued" / name).read_bytes())
        assert issuer_cn(cert) == "Example Root CA"
        assert verifies(work, work / "issued" / name, "issuer.crt")


def check_auditor(work, out, err):
    assert out.decode().strip().endswith("leaf.crt: OK")
    (cert,) = certificates((work / "leaf.crt").read_bytes())
    assert cert.serial_number == 0x2A and cn(cert) == "www.example.com"
    assert cert["tbs_certificate"]["validity"]["not_before"].native.timestamp() == 1798761600
    tbs = (work / "tbs.der").read_bytes()
    assert cert["tbs_certificate"].dump() == tbs


def check_library(work, out, err):
    text = out.decode()
    (cert,) = certificates(out)
    assert issuer_cn(cert) == "Example Offline Root CA"
    assert text.rstrip().endswith(str(cert.serial_number))


def check_man_leaf(work, out, err):
    (cert,) = certificates((work / "leaf.crt").read_bytes())
    assert cn(cert) == "www.example.com" and verifies(work, work / "leaf.crt", "issuer.crt")


def check_man_intermediate(work, out, err):
    (cert,) = certificates((work / "int.crt").read_bytes())
    assert extension(cert, "basic_constraints") == {"ca": True, "path_len_constraint": 1}
    validity = cert["tbs_certificate"]["validity"]
    span = (validity["not_after"].native - validity["not_before"].native).total_seconds()
    assert span in (87600 * 3600 + 59, 87600 * 3600 + 60, 87600 * 3600 + 61)
    assert verifies(work, work / "int.crt", "root.crt")


def check_man_csr_profile(work, out, err):
    cert, chain = certificates(out)
    assert cert.serial_number == 0x1234 and cn(cert) == "api.example.com"
    assert cert["tbs_certificate"]["validity"]["not_before"].native.year == 2027
    assert chain.dump() == certificates((work / "issuer.crt").read_bytes())[0].dump()


def check_man_batch_kms(work, out, err):
    written = sorted(p.name for p in (work / "issued").iterdir())
    assert written == ["alpha.crt", "bravo.crt", "charlie.crt"]
    for name in written:
        assert verifies(work, work / "issued" / name, "issuer.crt")


def check_man_inspect_key(work, out, err):
    text = out.decode()
    assert "hidden (a private value)" in text and "its public key:" in text
    assert "input.private_key" in text


README_CHECKS = [
    ("pkisign certificate sign leaf.csr issuer.crt issuer.key", check_two_spellings),
    ("--not-before -1m --not-after 16h", check_step_examples),
    ("--template coyote.tpl", check_template),
    ("--kms", check_kms),
    ("--batch requests/", check_batch),
    ("pkisign assemble", check_auditor),
    ("from pkisign import", check_library),
]
MAN_CHECKS = [
    ("pkisign sign leaf.csr issuer.crt issuer.key > leaf.crt", check_man_leaf),
    ("--profile intermediate-ca", check_man_intermediate),
    ("--profile csr --bundle --serial 0x1234", check_man_csr_profile),
    ("--batch requests/", check_man_batch_kms),
    ("pkisign inspect issuer.key", check_man_inspect_key),
    ("pkisign assemble", check_auditor),
]


def _cases():
    for where, blocks, checks in (("README", readme_blocks(), README_CHECKS), ("man", man_examples(), MAN_CHECKS)):
        for i, block in enumerate(blocks, 1):
            found = [check for marker, check in checks if marker in block]
            yield pytest.param(block, found, id=f"{where}-{i}")


@pytest.mark.parametrize("block, checks", list(_cases()))
def test_example_runs_as_written(block, checks, tmp_path):
    assert len(checks) == 1, f"give this example one check in tests/test_examples.py:\n{block}"
    bindir = Path(sys.executable).parent
    require((bindir / "pkisign").exists(), f"pkisign is not installed in {bindir} (pip install -e '.[all]')")
    if "--kms" in block:
        require_tool("softhsm2-util")
        require(SOFTHSM.exists(), f"{SOFTHSM} is missing (apt-get install softhsm2)")
    work = tmp_path / "examples"
    shutil.copytree(EXAMPLES, work, ignore=shutil.ignore_patterns("softhsm", "issued"))
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    for name in ("SOFTHSM2_CONF", "SOURCE_DATE_EPOCH", *[k for k in os.environ if k.startswith("STEP_")]):
        env.pop(name, None)
    if block.startswith("from ") or "\nfrom pkisign" in block:
        argv = [sys.executable, "-c", block]
    else:
        argv = ["sh", "-e", "-c", block]
    proc = subprocess.run(argv, cwd=work, env=env, capture_output=True, timeout=600)
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 0, f"exit {proc.returncode}\n{block}\n{err}"
    assert "Traceback" not in err and "error" not in err.lower(), err
    checks[0](work, proc.stdout, err)


def test_every_block_was_found():
    assert len(readme_blocks()) == len(README_CHECKS)
    assert len(man_examples()) == len(MAN_CHECKS)
