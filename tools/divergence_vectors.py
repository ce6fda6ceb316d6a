"""Regression vectors for the places where pkisign once differed from step.

    python tools/divergence_vectors.py [--out tests/vectors/divergences]

Each case is a CSR (made with tools/differential.py's CSR builder and keys
from ``openssl genpkey``, or one of tests/vectors/csr) and a ``step
certificate sign`` argv, with a template and ``--set-file`` data for the
template cases; the script
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

import differential as diff
from differential import Attr, CSRSpec, Flags
from vectorlib import integer, oid, seq, tlv

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
        ("not-after-offset-60-minutes",
         "--not-after with a +00:60 offset, which Go's time.Parse accepts (minutes up to 60)",
         CSRSpec(key="ed25519", subject=[_cn("o.example")]),
         Flags(issuer="ed25519", serial=7, not_after="2030-01-01T00:00:00+00:60"), "leaf"),
    ]


def _probe_template(*exprs: str) -> str:
    """A template whose certificate carries ``printf "%v"`` of each expression."""
    shown = " ".join(f'(printf "%v" ({e}))' for e in exprs)
    return ('{"subject": {"commonName": "probe.example"}, "sans": [{"type": "dns", "value": "probe.example"}],\n'
            ' "extensions": [{"id": "1.3.6.1.4.1.55555.1", "value": {{ list ' + shown
            + ' | join "|" | b64enc | toJson }}}]}\n')


_URI = "(index .Insecure.CR.URIs 0)"


def _ip(i: int) -> str:
    return f"(index .Insecure.CR.IPAddresses {i})"


#: (stem, why, CSR under tests/vectors, files to write {suffix: text}, extra argv with {suffix} placeholders)
TEMPLATE_CASES = [
    ("template-ec-curve-params", "a template reading elliptic.CurveParams of the CSR's P-256 key",
     "csr/web-p256.csr",
     {"tpl": _probe_template(*(f".Insecure.CR.PublicKey.Curve.Params.{f}" for f in
                                ("Name", "BitSize", "P", "N", "B", "Gx", "Gy")))},
     ["--template", "{tpl}"]),
    ("template-ec-curve-params-p521", "elliptic.CurveParams of a P-521 key",
     "csr/web-p521.csr",
     {"tpl": _probe_template(*(f".Insecure.CR.PublicKey.Curve.Params.{f}" for f in
                                ("Name", "BitSize", "P", "N", "B", "Gx", "Gy")))},
     ["--template", "{tpl}"]),
    ("template-url-methods", "a template calling *url.URL's methods on the CSR's URI SAN",
     "csr/web-p256.csr",
     {"tpl": _probe_template(*(f"{_URI}.{m}" for m in
                                ("Hostname", "Port", "EscapedPath", "EscapedFragment", "IsAbs", "RequestURI",
                                 "Redacted", "String")))},
     ["--template", "{tpl}"]),
    ("template-ip-methods", "a template calling net.IP's methods on the CSR's IP SANs (v6, mapped, ::, ::1, link-local)",
     "csr/ipv6-rsa2048.csr",
     {"tpl": _probe_template(*(f"{_ip(i)}.{m}" for i in range(9) for m in
                                ("String", "To4", "To16", "DefaultMask", "IsUnspecified", "IsLoopback", "IsPrivate",
                                 "IsMulticast", "IsLinkLocalUnicast", "IsLinkLocalMulticast",
                                 "IsInterfaceLocalMulticast", "IsGlobalUnicast")),
                              ".Insecure.CR.PublicKey.E", ".Insecure.CR.PublicKey.Size")},
     ["--template", "{tpl}"]),
    ("template-set-file-null", "--set-file holding null: .Insecure.User is a nil map",
     "csr/web-p256.csr",
     {"tpl": _probe_template("toJson .Insecure.User", ".Insecure.User", "len .Insecure.User",
                             ".Insecure.User.a", 'dig "a" "zz" .Insecure.User', "toPrettyJson .Insecure.User",
                             'printf "%T" .Insecure.User', "empty .Insecure.User"),
      "json": "null\n"},
     ["--template", "{tpl}", "--set-file", "{json}"]),
    ("template-set-file-nulls-inside", "--set-file with null values inside objects and arrays",
     "csr/web-p256.csr",
     {"tpl": _probe_template("toJson .Insecure.User", ".Insecure.User", ".Insecure.User.a", ".Insecure.User.b",
                             "index .Insecure.User.b 0", "toJson .Insecure.User.c", "kindOf .Insecure.User.a",
                             'default "z" .Insecure.User.a', 'dig "c" "d" "q" .Insecure.User'),
      "json": '{"a": null, "b": [null, 1, "x"], "c": {"d": null, "e": [null]}}\n'},
     ["--template", "{tpl}", "--set-file", "{json}"]),
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
    for stem, why, csr, files, extra in TEMPLATE_CASES:
        names = {}
        for suffix, text in files.items():
            (out / f"{stem}.{suffix}").write_text(text)
            names[suffix] = str((out / f"{stem}.{suffix}").relative_to(ROOT))
        flags = Flags(issuer="ed25519", serial=9)
        argv = flags.argv(f"tests/vectors/{csr}", "leaf")
        argv = [a.replace(str(diff.VECTORS) + "/", "tests/vectors/") for a in argv if not a.startswith("--profile")]
        argv += [a.format(**names) for a in extra]
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
