"""Regression vectors for the places where pkisign once differed from step.

    python tools/divergence_vectors.py [--out tests/vectors/divergences]

Each case is a CSR (made with tools/differential.py's CSR builder and keys
from ``openssl genpkey``) and a ``step certificate sign`` argv; the script
runs ``step-sign-ref`` on it from the repository root and records the exit
code, the PEM output and the message in ``cases.json``.  It never runs
pkisign.  ``tests/test_divergences.py`` replays every case through pkisign
and wants the same exit code, the same bytes and the same message.
"""

from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import differential as diff  # noqa: E402
from differential import Attr, CSRSpec, Flags  # noqa: E402
from vectorlib import integer, oid, seq, tlv  # noqa: E402

ROOT = diff.ROOT


def _rsa_spki(n: int, e: int) -> bytes:
    key = seq(integer(n), integer(e))
    return seq(seq(oid("1.2.840.113549.1.1.1"), b"\x05\x00"), tlv(0x03, b"\x00" + key))


def _cn(value: str) -> list[Attr]:
    return [Attr("2.5.4.3", 0x0C, value.encode())]


def cases(keys: diff.Keys) -> list[tuple[str, str, CSRSpec, Flags, str]]:
    """(stem, why, CSR, flags, profile)."""
    n = keys.key("rsa2048").public_key().public_numbers().n
    fixed = Flags(issuer="ed25519", serial=7)
    return [
        ("rsa-exponent-too-large", "a real RSA key with e = 2^32+1: crypto/rsa refuses e > 2^31-1",
         CSRSpec(key="rsa2048-e2p32", subject=[_cn("ebig.example")]), fixed, "leaf"),
        ("rsa-exponent-even", "an RSA public key with e = 65538: crypto/rsa refuses an even exponent",
         CSRSpec(key="rsa2048", subject=[_cn("eeven.example")], spki=_rsa_spki(n, 65538)), fixed, "leaf"),
        ("rsa-exponent-one", "an RSA public key with e = 1",
         CSRSpec(key="rsa2048", subject=[_cn("eone.example")], spki=_rsa_spki(n, 1)), fixed, "leaf"),
        ("rsa-modulus-even", "an RSA public key with an even modulus",
         CSRSpec(key="rsa2048", subject=[_cn("neven.example")], spki=_rsa_spki(n + 1, 65537)), fixed, "leaf"),
        ("name-utctime-offset-2400", "a subject attribute holding a UTCTime with a +2400 offset, which Go reads",
         CSRSpec(key="ed25519", subject=[_cn("t.example"), [Attr("1.2.3.4", 0x17, b"250101000000+2400")]]),
         fixed, "leaf"),
        ("name-generalizedtime-long-fraction",
         "a subject attribute holding a GeneralizedTime with a 10-digit fraction, which Go refuses",
         CSRSpec(key="ed25519", subject=[_cn("t.example"),
                                         [Attr("1.2.3.4", 0x18, b"20250101000000.1234567891Z")]]),
         fixed, "leaf"),
        ("not-after-duration-leading-zeros",
         "--not-after 000000000000000000000001h, a duration Go's time.ParseDuration reads as 1h",
         CSRSpec(key="ed25519", subject=[_cn("d.example")]),
         Flags(issuer="ed25519", serial=7, not_before="2099-01-01T00:00:00Z",
               not_after="000000000000000000000001h"), "leaf"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "vectors" / "divergences")
    args = parser.parse_args(argv)
    if diff.reference_path() is None:
        print("divergence_vectors: step-sign-ref is not on PATH", file=sys.stderr)
        return 1
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    keys = diff.Keys()
    records = []
    for stem, why, spec, flags, profile in cases(keys):
        der = keys.csr(spec)
        b64 = base64.b64encode(der).decode()
        pem = "-----BEGIN CERTIFICATE REQUEST-----\n" + "".join(
            b64[i:i + 64] + "\n" for i in range(0, len(b64), 64)) + "-----END CERTIFICATE REQUEST-----\n"
        (out / f"{stem}.csr").write_text(pem)
        csr = str((out / f"{stem}.csr").relative_to(ROOT))
        argv = [a.replace(str(diff.VECTORS) + "/", "tests/vectors/") for a in flags.argv(csr, profile)]
        proc = subprocess.run([diff.REFERENCE, *argv], capture_output=True, cwd=ROOT, timeout=60,
                              env=diff.clean_env())
        records.append({"name": stem, "why": why, "argv": argv, "exit": proc.returncode,
                        "stdout": proc.stdout.decode("ascii"), "stderr": proc.stderr.decode("utf-8")})
    version = subprocess.run([diff.REFERENCE, "--version"], capture_output=True, text=True).stdout.strip()
    doc = {"generated_by": {"script": "tools/divergence_vectors.py", "step-sign-ref": version},
           "cases": records}
    (out / "cases.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    for r in records:
        print(f"{r['name']}: exit {r['exit']} {r['stderr'].strip()[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
