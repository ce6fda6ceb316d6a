"""pkisign reads PEM as Go's encoding/pem does: the blocks found in each
input of tests/goldens/gopem.json (whitespace of every kind in every place
of a block) are the ones Go found.  Made by tools/goref/regen_pem.sh."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, VECTORS, run_cli

from pkisign.x509 import pem

GOLDEN = json.loads((ROOT / "tests/goldens/gopem.json").read_text())


def _blocks(data: bytes) -> list[dict]:
    return [{"type": b.type, "headers": b.headers, "bytes": b.der.hex()} for b in pem.decode_blocks(data)]


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: bytes.fromhex(c["input"])[:40].hex())
def test_blocks_are_the_ones_go_finds(case):
    assert _blocks(bytes.fromhex(case["input"])) == case["blocks"]


def test_the_golden_has_accepted_and_refused_cases():
    found = [bool(c["blocks"]) for c in GOLDEN["cases"]]
    assert found.count(True) >= 50 and found.count(False) >= 50


@pytest.mark.parametrize("inside", [b" ", b"\t", b"\r", b" \t\r "])
def test_a_csr_with_whitespace_inside_its_lines_signs_as_step_signs_it(tmp_path, inside):
    import subprocess

    from conftest import require_tool

    ref = require_tool("step-sign-ref")
    lines = (VECTORS / "csr/canon-p256.csr").read_bytes().split(b"\n")
    body = [line if line.startswith(b"-----") else line[:8] + inside + line[8:20] + inside + line[20:]
            for line in lines]
    path = tmp_path / "spaced.csr"
    path.write_bytes(b"\n".join(body))
    argv = ["--serial=5", "--not-before=2025-01-01T00:00:00Z", "--not-after=2025-02-01T00:00:00Z",
            str(path), "issuers/root-ed25519.crt", "issuers/root-ed25519.key"]
    step = subprocess.run([ref, *argv], cwd=VECTORS, capture_output=True)
    assert step.returncode == 0, step.stderr
    result = run_cli(["sign", *argv], cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == step.stdout


def test_a_vertical_tab_inside_a_line_is_refused_as_step_refuses_it(tmp_path):
    lines = (VECTORS / "csr/canon-p256.csr").read_bytes().split(b"\n")
    lines[1] = lines[1][:8] + b"\x0b" + lines[1][8:]
    path = tmp_path / "vt.csr"
    path.write_bytes(b"\n".join(lines))
    result = run_cli(["sign", str(path), "issuers/root-ed25519.crt", "issuers/root-ed25519.key"], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr.startswith(f"error parsing {path}: error parsing certificate request as DER format")
