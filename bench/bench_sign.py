"""pkisign against its peers: library throughput, RSA, CLI wall time, memory.

    python bench/bench_sign.py [--section library|rsa|cli|memory ...] [--markdown]

Every section makes its inputs with ``openssl`` in a temporary directory (a
P-256 issuer, an RSA-2048 issuer, and a P-256 leaf CSR with one DNS SAN) and
measures pkisign and its peers in the same run, alternating between them, so
that the noise of a shared machine falls on all of them alike.  Rates are the
median of ``--rounds`` rounds; only ratios are meant to be compared across
machines.

library  ``Issuer.sign`` in a loop (the CSR parsed once, and parsed from its
         bytes every time) against pyca/cryptography's ``CertificateBuilder``
         making the same certificate (same subject, issuer, key and extension
         bytes, checked before timing), bare and followed by
         ``cert.verify_directly_issued_by(issuer)`` (pkisign, like Go, verifies
         every signature it makes), plus the bare ECDSA P-256 signature and
         verification through oscrypto (the binding pkisign uses) and the
         signature through cryptography.  Targets: pkisign >= 1.2x the builder
         with its verification and >= 0.7x the bare builder; for context,
         pkisign against its floor 1 / (signature + verification).
rsa      ``Issuer.sign`` with an RSA-2048 issuer against the raw PKCS#1 v1.5
         signature of the same key over the same TBSCertificate (oscrypto),
         and the verification pkisign runs on it, alone.  Target: >= 0.9x.
cli      wall time of one command that signs the leaf: ``pkisign sign``,
         ``openssl x509 -req`` with an extfile giving the same extensions, and
         the Go reference ``step-sign-ref``, interleaved; ``python -c pass``
         for Python's own start-up; and the top imports of
         ``python -X importtime -m pkisign sign ...``; pkisign's own imports
         are the wall time of a Python that imports what the command loads,
         less ``python -c pass``.  Target: pkisign <= 2x openssl.
batch    certificates per second of ``pkisign sign --batch DIR --out-dir DIR``
         with ``--jobs 1`` and ``--jobs N`` (``--jobs``, default the CPUs),
         ``--jobs-batch-size`` CSRs written to disk, ``--batch-runs`` runs
         each, alternating, with the load average of the machine.  Targets:
         ``--jobs N`` >= 1.7x ``--jobs 1``, and >= 3x the 805 certificates/s
         of a batch before worker processes and grouped syncs.
memory   peak RSS of one ``pkisign sign``, with openssl and step-sign-ref
         for comparison (GNU time's %M; target < 40 MB, where 1 MB = 10^6
         bytes), and a batch of ``--batch-size`` CSRs through ``pkisign sign
         --batch DIR --out-dir DIR --jobs N``, the VmRSS of the batch and
         its workers, summed, read from /proc every
         ``--sample-interval`` s while it runs (target: flat, within 10% from
         10% to 100% of progress).

The ``pkisign`` command is the venv's installed entry point when there is one
next to the interpreter, else ``python -m pkisign`` with this checkout on
PYTHONPATH.  The last table sums up every target; ``--markdown`` prints it as
a Markdown table for the README, with the command line that produced it.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _timing import rate  # noqa: E402

SECTIONS = ("library", "rsa", "cli", "batch", "memory")
DNS_NAME = "bench.example.com"
MB = 1_000_000

# One openssl config for everything: the two issuers, the leaf CSR, and the
# extensions `openssl x509 -req` adds (those of pkisign's and step's leaf
# profile: KU digitalSignature critical, EKU serverAuth+clientAuth, SKI, AKI,
# then the SAN).
OPENSSL_CONFIG = f"""\
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf_req]
subjectAltName = DNS:{DNS_NAME}
[leaf]
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:{DNS_NAME}
"""


# -- inputs ------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    """The files every section signs with, in one temporary directory."""

    dir: Path
    config: Path
    p256_crt: Path
    p256_key: Path
    rsa_crt: Path
    rsa_key: Path
    leaf_csr: Path


def _openssl(*args: str, cwd: Path) -> None:
    result = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"bench_sign: openssl {' '.join(args)}: {result.stderr.strip()}")


def make_inputs(tmp: Path) -> Inputs:
    """Two issuers (P-256, RSA-2048; PKCS#8 keys) and one P-256 leaf CSR, by openssl."""
    config = tmp / "bench.cnf"
    config.write_text(OPENSSL_CONFIG)
    for name, keyopt in (("p256", "ec_paramgen_curve:P-256"), ("rsa2048", "rsa_keygen_bits:2048")):
        algorithm = "EC" if name == "p256" else "RSA"
        _openssl("genpkey", "-algorithm", algorithm, "-pkeyopt", keyopt, "-out", f"ca-{name}.key", cwd=tmp)
        _openssl("req", "-x509", "-new", "-config", "bench.cnf", "-extensions", "ca", "-key", f"ca-{name}.key",
                 "-subj", f"/O=pkisign bench/CN=Bench {name} CA", "-days", "3650", "-out", f"ca-{name}.crt", cwd=tmp)
    _openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "leaf.key", cwd=tmp)
    _openssl("req", "-new", "-config", "bench.cnf", "-reqexts", "leaf_req", "-key", "leaf.key",
             "-subj", f"/CN={DNS_NAME}", "-out", "leaf.csr", cwd=tmp)
    return Inputs(tmp, config, tmp / "ca-p256.crt", tmp / "ca-p256.key", tmp / "ca-rsa2048.crt",
                  tmp / "ca-rsa2048.key", tmp / "leaf.csr")


# -- measuring ---------------------------------------------------------------------


def alternate(contenders: dict[str, Callable[[], object]], rounds: int, seconds: float) -> dict[str, list[float]]:
    """Rates of every contender, one phase each per round, the order rotated each round."""
    names = list(contenders)
    rates: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            rates[name].append(rate(seconds, contenders[name]))
    return rates


def spread(values: Sequence[float]) -> str:
    """Half the interquartile range, as a percentage of the median (robust to a stray outlier)."""
    if len(values) < 2:
        return "-"
    q1, _, q3 = statistics.quantiles(values, n=4)
    return f"±{(q3 - q1) / 2 / statistics.median(values) * 100:.0f}%"


@dataclass
class Run:
    seconds: float
    max_rss_kib: int | None  # only with ``rss_file``


TIME = "/usr/bin/time"  # GNU time: -f %M is the peak RSS of the command, in KiB


def run_command(argv: Sequence[str], cwd: Path, env: dict[str, str], rss_file: Path | None = None) -> Run:
    """Wall time of one command, its output discarded; with ``rss_file``, its peak RSS too.

    The peak RSS comes from GNU time, which forks the command from its own
    small process: Linux counts in a child's ru_maxrss the memory of the
    process it was forked from, so wait4 here would report at least this
    benchmark's own RSS.
    """
    if rss_file is not None:
        argv = [TIME, "-f", "%M", "-o", str(rss_file), *argv]
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"bench_sign: {shlex.join(argv)} exited with {result.returncode}")
    return Run(elapsed, int(rss_file.read_text().split()[-1]) if rss_file is not None else None)


def interleave(commands: dict[str, list[str]], runs: int, cwd: Path, env: dict[str, str],
               rss_file: Path | None = None) -> dict[str, list[Run]]:
    """``runs`` runs of each command, one of each in turn, the order rotated each time."""
    names = list(commands)
    results: dict[str, list[Run]] = {name: [] for name in names}
    for name in names:  # warm up the page cache and Python's bytecode caches
        run_command(commands[name], cwd, env)
    for r in range(runs):
        for name in names[r % len(names):] + names[:r % len(names)]:
            results[name].append(run_command(commands[name], cwd, env, rss_file))
    return results


# -- the pkisign command -------------------------------------------------------------


def pkisign_command() -> tuple[list[str], dict[str, str], str]:
    """The command, its environment, and how it was chosen (for the tables)."""
    # No flags from the environment; and bytecode caches may be written (by
    # the warm-up run), as pip writes them when it installs pkisign.
    env = {k: v for k, v in os.environ.items() if not k.startswith("STEP_") and k != "PYTHONDONTWRITEBYTECODE"}
    entry = Path(sys.executable).parent / "pkisign"
    if entry.is_file() and os.access(entry, os.X_OK):
        return [str(entry)], env, f"{entry} (installed entry point)"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "pkisign"], env, \
        f"{sys.executable} -m pkisign (no entry point in the venv; PYTHONPATH={ROOT})"


# -- output --------------------------------------------------------------------------


@dataclass
class Target:
    """One line of the summary."""

    measure: str
    pkisign: str
    peer: str
    ratio: str
    target: str
    met: bool | None  # None: context only


@dataclass
class Report:
    targets: list[Target] = field(default_factory=list)


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]], notes: Sequence[str] = ()) -> None:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n== {title}")
    for row in [header, *rows]:
        cells = [str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(row)]
        print("  ".join(cells).rstrip())
    for note in notes:
        print(note)
    sys.stdout.flush()


def _rate(value: float) -> str:
    return f"{value:,.0f}"


def _verdict(met: bool | None) -> str:
    return "-" if met is None else "yes" if met else "NO"


# -- library -------------------------------------------------------------------------


def _same_certificate(pkisign_der: bytes, other_der: bytes) -> list[str]:
    """The TBS parts that differ between two certificates (validity and serial aside)."""
    from asn1crypto import x509 as asn1_x509

    a = asn1_x509.Certificate.load(pkisign_der)["tbs_certificate"]
    b = asn1_x509.Certificate.load(other_der)["tbs_certificate"]
    return [part for part in ("signature", "issuer", "subject", "subject_public_key_info", "extensions")
            if a[part].dump() != b[part].dump()]


def cryptography_builder(inputs: Inputs, crt: Path, key: Path):  # type: ignore[no-untyped-def]
    """``build(csr) -> DER``: the leaf certificate of pkisign's profile, with CertificateBuilder;
    ``build_verified`` also checks its signature with ``verify_directly_issued_by``.

    What does not change between certificates (issuer certificate and key,
    issuer name, KU, EKU, AKI) is made once; subject, key, SKI and SAN come
    from the CSR, the serial (128 random bits, as step) and validity (now,
    24 h) are new each time.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import ExtendedKeyUsageOID

    issuer_cert = x509.load_pem_x509_certificate(crt.read_bytes())
    issuer_key = serialization.load_pem_private_key(key.read_bytes(), None)
    issuer_name = issuer_cert.subject
    aki = x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
        issuer_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value)
    ku = x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                       data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                       encipher_only=False, decipher_only=False)
    eku = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH])
    sha256 = hashes.SHA256()
    der = serialization.Encoding.DER
    day = timedelta(hours=24)

    def build_certificate(csr: x509.CertificateSigningRequest) -> x509.Certificate:
        public_key = csr.public_key()
        now = datetime.now(timezone.utc).replace(microsecond=0)
        builder = (
            x509.CertificateBuilder()
            .subject_name(csr.subject)
            .issuer_name(issuer_name)
            .public_key(public_key)
            .serial_number(secrets.randbits(128) or 1)
            .not_valid_before(now)
            .not_valid_after(now + day)
            .add_extension(ku, critical=True)
            .add_extension(eku, critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(aki, critical=False)
            .add_extension(csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value,
                           critical=False)
        )
        return builder.sign(issuer_key, sha256)

    def build(csr: x509.CertificateSigningRequest) -> bytes:
        return build_certificate(csr).public_bytes(der)

    def build_verified(csr: x509.CertificateSigningRequest) -> bytes:
        certificate = build_certificate(csr)
        certificate.verify_directly_issued_by(issuer_cert)
        return certificate.public_bytes(der)

    return build, build_verified, issuer_key


def section_library(inputs: Inputs, args: argparse.Namespace, report: Report) -> None:
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    from pkisign import Issuer, SignOptions, load_csr
    from pkisign._oscrypto_compat import asymmetric  # oscrypto as pkisign loads it (ctypes binding)

    csr_bytes = inputs.leaf_csr.read_bytes()
    issuer = Issuer.from_files(str(inputs.p256_crt), str(inputs.p256_key))
    options = SignOptions()  # the leaf profile, valid 24 h from now
    csr = load_csr(csr_bytes)
    build, build_verified, crypto_key = cryptography_builder(inputs, inputs.p256_crt, inputs.p256_key)
    crypto_csr = x509.load_pem_x509_csr(csr_bytes)

    def crypto_each() -> bytes:
        request = x509.load_pem_x509_csr(csr_bytes)
        if not request.is_signature_valid:
            raise SystemExit("bench_sign: the CSR's signature does not verify")
        return build(request)

    sample = issuer.sign(csr, options)
    differ = _same_certificate(sample.der, build(crypto_csr))
    tbs = sample.tbs.der
    osc = asymmetric()
    osc_key = osc.load_private_key(inputs.p256_key.read_bytes())
    # The issuer's public key, loaded once as pkisign loads it.
    osc_public = osc.load_public_key(asn1_x509.Certificate.load(asn1_pem.unarmor(inputs.p256_crt.read_bytes())[2])
                                     ["tbs_certificate"]["subject_public_key_info"])
    signature = osc.ecdsa_sign(osc_key, tbs, "sha256")
    ecdsa = ec.ECDSA(hashes.SHA256())

    contenders = {
        "pkisign Issuer.sign, CSR parsed once": lambda: issuer.sign(csr, options).der,
        "pkisign Issuer.sign, CSR parsed each time": lambda: issuer.sign(load_csr(csr_bytes), options).der,
        "cryptography CertificateBuilder": lambda: build(crypto_csr),
        "cryptography CertificateBuilder + verify_directly_issued_by": lambda: build_verified(crypto_csr),
        "cryptography, CSR parsed+checked each time": crypto_each,
        "ECDSA P-256 signature alone, oscrypto": lambda: osc.ecdsa_sign(osc_key, tbs, "sha256"),
        "ECDSA P-256 verification alone, oscrypto": lambda: osc.ecdsa_verify(osc_public, signature, tbs, "sha256"),
        "ECDSA P-256 signature alone, cryptography": lambda: crypto_key.sign(tbs, ecdsa),
    }
    rates = alternate(contenders, args.rounds, args.seconds)
    med = {name: statistics.median(values) for name, values in rates.items()}
    builder = med["cryptography CertificateBuilder"]
    rows = [[name, _rate(med[name]), f"{1e6 / med[name]:.0f}", spread(rates[name]), f"{med[name] / builder:.2f}x"]
            for name in contenders]
    once = med["pkisign Issuer.sign, CSR parsed once"]
    each = med["pkisign Issuer.sign, CSR parsed each time"]
    verified = med["cryptography CertificateBuilder + verify_directly_issued_by"]
    osc_sig = med["ECDSA P-256 signature alone, oscrypto"]
    osc_verify = med["ECDSA P-256 verification alone, oscrypto"]
    floor = 1 / (1 / osc_sig + 1 / osc_verify)  # a signature and its verification, nothing else
    table(
        f"Library: P-256 issuer, P-256 leaf CSR with one DNS SAN ({args.rounds} rounds of {args.seconds:g} s, median)",
        ["", "per second", "us each", "spread", "vs builder"], rows,
        [f"same issuer, subject, key, signature algorithm and extension bytes as the builder's: "
         f"{'yes' if not differ else 'NO, differ in ' + ', '.join(differ)}",
         f"pkisign per certificate: {1e6 / once:.0f} us = its oscrypto signature ({1e6 / osc_sig:.0f} us) "
         f"+ verification ({1e6 / osc_verify:.0f} us) + {1e6 / once - 1e6 / floor:.0f} us of its own "
         f"({once / floor:.2f}x the rate of 1 / (signature + verification), {_rate(floor)}/s)"])
    report.targets.append(Target("Library, P-256 leaf, certificates/s (issuer loaded once, CSR parsed once)",
                                 _rate(once), f"cryptography builder + verify_directly_issued_by {_rate(verified)}",
                                 f"{once / verified:.2f}x", ">= 1.2x", once / verified >= 1.2))
    report.targets.append(Target("Library, P-256 leaf, certificates/s, against the bare builder",
                                 _rate(once), f"cryptography CertificateBuilder {_rate(builder)}",
                                 f"{once / builder:.2f}x", ">= 0.7x", once / builder >= 0.7))
    crypto_each_rate = med["cryptography, CSR parsed+checked each time"]
    report.targets.append(Target("Library, P-256 leaf, certificates/s, CSR parsed (and checked) each time",
                                 _rate(each), f"cryptography, same {_rate(crypto_each_rate)}",
                                 f"{each / crypto_each_rate:.2f}x", "-", None))
    report.targets.append(Target("Library, P-256 leaf, certificates/s, against its floor (oscrypto)",
                                 _rate(once), f"1 / (signature + verification) {_rate(floor)}",
                                 f"{once / floor:.2f}x", "-", None))


# -- rsa -----------------------------------------------------------------------------


def section_rsa(inputs: Inputs, args: argparse.Namespace, report: Report) -> None:
    from pkisign import Issuer, SignOptions, load_csr
    from pkisign._oscrypto_compat import asymmetric
    from pkisign.x509.verify import check_signature

    issuer = Issuer.from_files(str(inputs.rsa_crt), str(inputs.rsa_key))
    options = SignOptions()
    csr = load_csr(inputs.leaf_csr.read_bytes())
    sample = issuer.sign(csr, options).tbs
    tbs = sample.der
    osc = asymmetric()
    osc_key = osc.load_private_key(inputs.rsa_key.read_bytes())
    signature = osc.rsa_pkcs1v15_sign(osc_key, tbs, "sha256")
    public_key = issuer.certificate.public_key
    contenders = {
        "pkisign Issuer.sign, RSA-2048 issuer": lambda: issuer.sign(csr, options).der,
        "RSA-2048 PKCS#1 v1.5 signature alone, oscrypto": lambda: osc.rsa_pkcs1v15_sign(osc_key, tbs, "sha256"),
        "its verification alone, as pkisign checks it": lambda: check_signature(
            sample.algorithm, tbs, signature, public_key, allow_sha1=True),
    }
    rates = alternate(contenders, args.rounds, args.seconds)
    med = {name: statistics.median(values) for name, values in rates.items()}
    raw = med["RSA-2048 PKCS#1 v1.5 signature alone, oscrypto"]
    cert = med["pkisign Issuer.sign, RSA-2048 issuer"]
    check = med["its verification alone, as pkisign checks it"]
    rows = [[name, _rate(med[name]), f"{1e6 / med[name]:.0f}", spread(rates[name]), f"{med[name] / raw:.2f}x"]
            for name in contenders]
    table(f"RSA-2048 issuer, the same P-256 leaf CSR ({args.rounds} rounds of {args.seconds:g} s, median)",
          ["", "per second", "us each", "spread", "vs raw"], rows,
          [f"pkisign adds {1e6 / cert - 1e6 / raw:.0f} us per certificate to the signature: its verification "
           f"({1e6 / check:.0f} us) and {1e6 / cert - 1e6 / raw - 1e6 / check:.0f} us of its own; "
           f"0.9x leaves {1e6 / (0.9 * raw) - 1e6 / raw:.0f} us for both"])
    report.targets.append(Target("RSA-2048 issuer, certificates/s vs raw signatures/s (oscrypto, same key)",
                                 _rate(cert), f"raw signature {_rate(raw)}", f"{cert / raw:.2f}x", ">= 0.9x",
                                 cert / raw >= 0.9))


# -- cli -----------------------------------------------------------------------------


def cli_commands(inputs: Inputs) -> tuple[dict[str, list[str]], dict[str, str], str]:
    """The commands that sign the leaf (outputs to standard output), and pkisign's environment."""
    pkisign, env, how = pkisign_command()
    files = [inputs.leaf_csr.name, inputs.p256_crt.name, inputs.p256_key.name]
    commands = {
        "pkisign sign": [*pkisign, "sign", *files],
        "openssl x509 -req": ["openssl", "x509", "-req", "-in", files[0], "-CA", files[1], "-CAkey", files[2],
                              "-extfile", inputs.config.name, "-extensions", "leaf", "-days", "1"],
    }
    step = shutil.which("step-sign-ref")
    if step:
        commands["step-sign-ref"] = [step, *files]
    return commands, env, how


def _check_outputs(commands: dict[str, list[str]], inputs: Inputs, env: dict[str, str]) -> str:
    """Run each command once and compare its certificate with pkisign's."""
    from asn1crypto import pem as asn1_pem

    ders = {}
    for name, argv in commands.items():
        result = subprocess.run(argv, cwd=inputs.dir, env=env, capture_output=True)
        if result.returncode:
            raise SystemExit(f"bench_sign: {shlex.join(argv)}: {result.stderr.decode(errors='replace').strip()}")
        ders[name] = asn1_pem.unarmor(result.stdout)[2]
    mine = ders.pop("pkisign sign")
    bad = {name: _same_certificate(mine, der) for name, der in ders.items()}
    bad = {name: parts for name, parts in bad.items() if parts}
    if not bad:
        return f"same issuer, subject, key and extension bytes from every command: yes ({', '.join(ders)})"
    return "same certificate from every command: NO: " + "; ".join(f"{n} differs in {', '.join(p)}"
                                                                   for n, p in bad.items())


def importtime(pkisign_env: dict[str, str], inputs: Inputs, runs: int) -> tuple[list[tuple[str, float, float]], float]:
    """The top imports of ``python -X importtime -m pkisign sign``: (module, self us, cumulative us), medians.

    Also the median total of the top-level imports.
    """
    argv = [sys.executable, "-X", "importtime", "-m", "pkisign", "sign", inputs.leaf_csr.name,
            inputs.p256_crt.name, inputs.p256_key.name]
    samples: dict[str, list[tuple[int, int]]] = {}
    totals = []
    for i in range(runs + 1):
        result = subprocess.run(argv, cwd=inputs.dir, env=pkisign_env, capture_output=True, text=True)
        if result.returncode:
            raise SystemExit(f"bench_sign: {shlex.join(argv)}: {result.stderr.strip()}")
        if i == 0:
            continue  # warm-up: bytecode caches
        total = 0
        for line in result.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, cumulative, name = line[len("import time:"):].split("|", 2)
            samples.setdefault(name.rstrip(), []).append((int(own), int(cumulative)))
            if not name.startswith("  "):  # the top level: one space after the bar
                total += int(cumulative)
        totals.append(total)
    rows = [(name, statistics.median(s[0] for s in values), statistics.median(s[1] for s in values))
            for name, values in samples.items()]
    rows.sort(key=lambda row: -row[2])
    return rows[:10], statistics.median(totals)


# What ``pkisign sign`` loads for a file-key leaf, OpenSSL's binding included.
IMPORTS_OF_A_LEAF = "import pkisign.cli, pkisign.api, pkisign._oscrypto_compat as o; o.asymmetric()"


def section_cli(inputs: Inputs, args: argparse.Namespace, report: Report) -> None:
    commands, env, how = cli_commands(inputs)
    check = _check_outputs(commands, inputs, env)
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "python: import what pkisign sign loads": [sys.executable, "-c", IMPORTS_OF_A_LEAF], **commands}
    results = interleave(commands, args.cli_runs, inputs.dir, env)
    wall = {name: statistics.median(r.seconds for r in runs) for name, runs in results.items()}
    ossl = wall["openssl x509 -req"]
    rows = [[name, f"{wall[name] * 1e3:.1f}", f"{min(r.seconds for r in results[name]) * 1e3:.1f}",
             spread([r.seconds for r in results[name]]), f"{wall[name] / ossl:.2f}x"]
            for name in commands]
    mine = wall["pkisign sign"]
    python = wall["python -c pass"]
    imports = wall["python: import what pkisign sign loads"] - python
    notes = [f"pkisign: {how}", check,
             f"pkisign beyond Python's start-up: {(mine - python) * 1e3:.1f} ms, of which its imports "
             f"(pkisign, asn1crypto, oscrypto and libcrypto): {imports * 1e3:.1f} ms"]
    table(f"CLI: one P-256 leaf per command ({args.cli_runs} runs each, interleaved, median)",
          ["command", "wall ms", "min ms", "spread", "vs openssl"], rows, notes)

    top, total = importtime(env, inputs, args.importtime_runs)
    table(f"python -X importtime -m pkisign sign leaf.csr ca.crt ca.key: top 10 cumulative "
          f"({args.importtime_runs} runs, median)",
          ["module", "cumulative ms", "self ms"],
          [[name, f"{cumulative / 1e3:.1f}", f"{own / 1e3:.1f}"] for name, own, cumulative in top],
          [f"all imports: {total / 1e3:.1f} ms"])

    report.targets.append(Target("CLI, one P-256 leaf, wall ms", f"{mine * 1e3:.1f}",
                                 f"openssl x509 -req {ossl * 1e3:.1f}", f"{mine / ossl:.2f}x", "<= 2x",
                                 mine <= 2 * ossl))
    if "step-sign-ref" in wall:
        step = wall["step-sign-ref"]
        report.targets.append(Target("CLI, one P-256 leaf, wall ms, against the Go reference", f"{mine * 1e3:.1f}",
                                     f"step-sign-ref {step * 1e3:.1f}", f"{mine / step:.2f}x", "-", None))
    report.targets.append(Target("CLI, Python's own start-up (python -c pass), wall ms",
                                 f"{mine * 1e3:.1f}", f"python -c pass {python * 1e3:.1f}",
                                 f"{mine / python:.2f}x", "-", None))
    report.targets.append(Target("CLI, pkisign's imports for a leaf (import time beyond python -c pass), ms",
                                 f"{imports * 1e3:.1f}", f"python -c pass {python * 1e3:.1f}",
                                 f"{imports / python:.2f}x", "-", None))


# -- memory --------------------------------------------------------------------------


def make_csrs(directory: Path, count: int) -> None:
    """``count`` PEM CSRs with one P-256 key, each its own CN and DNS SAN."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    sha256 = hashes.SHA256()
    pem = serialization.Encoding.PEM
    for i in range(count):
        name = f"host{i:05d}.{DNS_NAME}"
        csr = (x509.CertificateSigningRequestBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
               .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
               .sign(key, sha256))
        (directory / f"csr-{i:05d}.csr").write_bytes(csr.public_bytes(pem))


def _vm_kib(pid: int) -> tuple[int, int] | None:
    """VmRSS and VmHWM (the peak so far) of a running process, in KiB; None once it has ended."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f if line.startswith(("VmRSS:", "VmHWM:")))
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])
    except (OSError, KeyError):  # gone, or a zombie (no memory left to show)
        return None


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(child) for child in f.read().split()]
    except OSError:
        return []


def _pss_kib(pid: int) -> int | None:
    """Proportional set size: the RSS with each shared page divided among the processes sharing it."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration, ValueError):
        return None


def _vm_kib_with_workers(pid: int) -> tuple[int, int, int, int] | None:
    """VmRSS, VmHWM and PSS summed over a process and its children (the
    workers of --jobs), and how many processes that is.  A forked worker's RSS
    counts every page it still shares with the parent, so the RSS sum counts
    them twice; the PSS sum is the memory the batch really holds."""
    own = _vm_kib(pid)
    if own is None:
        return None
    rss, hwm = own
    pss = _pss_kib(pid) or 0
    processes = 1
    for child in _children(pid):
        theirs = _vm_kib(child)
        if theirs is not None:
            rss, hwm, pss, processes = rss + theirs[0], hwm + theirs[1], pss + (_pss_kib(child) or 0), processes + 1
    return rss, hwm, pss, processes


def _count_certificates(directory: Path) -> int:
    with os.scandir(directory) as entries:
        return sum(1 for entry in entries if entry.name.endswith(".crt"))


@dataclass
class Sample:
    seconds: float
    done: int
    rss_kib: int
    hwm_kib: int
    pss_kib: int
    processes: int


def run_batch(argv: list[str], cwd: Path, env: dict[str, str], out: Path, interval: float
              ) -> tuple[list[Sample], float, int]:
    """Run a batch, sampling (time, certificates written, VmRSS, VmHWM) every ``interval`` s.

    Returns the samples, the wall time and the exit status.
    """
    samples: list[Sample] = []
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stderr is not None
    os.set_blocking(proc.stderr.fileno(), False)
    errors = b""
    while True:
        memory = _vm_kib_with_workers(proc.pid)
        if memory is not None:
            samples.append(Sample(time.perf_counter() - start, _count_certificates(out), *memory))
        errors += proc.stderr.read() or b""  # keep the pipe from filling up
        if proc.poll() is not None:
            break
        time.sleep(interval)
    elapsed = time.perf_counter() - start
    errors += proc.stderr.read() or b""
    proc.stderr.close()
    if proc.returncode:
        print(errors.decode(errors="replace")[-2000:], file=sys.stderr)
    return samples, elapsed, proc.returncode


def _at(samples: list[Sample], done: int) -> Sample | None:
    """The first sample with at least ``done`` certificates written."""
    return next((s for s in samples if s.done >= done), None)


def section_memory(inputs: Inputs, args: argparse.Namespace, report: Report) -> None:
    commands, env, how = cli_commands(inputs)
    if not os.access(TIME, os.X_OK):
        raise SystemExit(f"bench_sign: the memory section needs GNU time ({TIME}): apt-get install time")
    results = interleave(commands, args.memory_runs, inputs.dir, env, rss_file=inputs.dir / "time.out")
    rss = {name: statistics.median(r.max_rss_kib for r in runs) * 1024 / MB for name, runs in results.items()}
    wall = {name: statistics.median(r.seconds for r in runs) for name, runs in results.items()}
    table(f"Memory: peak RSS of one command ({TIME} -f %M; {args.memory_runs} runs each, interleaved, median)",
          ["command", "peak RSS MB", "max MB"],
          [[name, f"{rss[name]:.1f}", f"{max(r.max_rss_kib for r in runs) * 1024 / MB:.1f}"]
           for name, runs in results.items()],
          [f"pkisign: {how}"])
    mine = rss["pkisign sign"]
    report.targets.append(Target("CLI, one P-256 leaf, peak RSS MB", f"{mine:.1f}",
                                 f"openssl x509 -req {rss['openssl x509 -req']:.1f}",
                                 f"{mine / rss['openssl x509 -req']:.2f}x", "< 40 MB", mine < 40))

    n = args.batch_size
    src, out = inputs.dir / "batch-in", inputs.dir / "batch-out"
    src.mkdir()
    out.mkdir()
    start = time.perf_counter()
    make_csrs(src, n)
    made = time.perf_counter() - start
    pkisign, _, _ = pkisign_command()
    argv = [*pkisign, "sign", "--batch", str(src), "--out-dir", str(out), "--jobs", str(args.jobs),
            inputs.p256_crt.name, inputs.p256_key.name]
    samples, elapsed, code = run_batch(argv, inputs.dir, env, out, args.sample_interval)
    if not samples:
        raise SystemExit("bench_sign: the batch ended before its memory could be sampled; try a larger --batch-size")
    written = _count_certificates(out)
    if code or written != n:
        raise SystemExit(f"bench_sign: the batch exited with {code} and wrote {written} of {n} certificates")
    points = [(f"{p}%", _at(samples, -(-n * p // 100))) for p in (10, 50)]
    # The workers end with the last group: the last sample that still has them all.
    most = max(s.processes for s in samples)
    last = ([s for s in samples if s.processes == most] or samples)[-1]
    points.append(("100%" if last.done == n else f"last sample with every worker ({100 * last.done // n}%)", last))
    rows = [[label, f"{s.done:,}", f"{s.seconds:.1f}", f"{s.rss_kib * 1024 / MB:.1f}", f"{s.pss_kib * 1024 / MB:.1f}"]
            if s else [label, "-", "-", "-", "-"] for label, s in points]
    peak = max(samples, key=lambda s: s.hwm_kib)
    rows.append(["peak (VmHWM)", f"{peak.done:,}", f"{peak.seconds:.1f}", f"{peak.hwm_kib * 1024 / MB:.1f}", "-"])
    first = points[0][1]
    growth = (last.rss_kib - first.rss_kib) / first.rss_kib if first else float("nan")
    pss_growth = (last.pss_kib - first.pss_kib) / first.pss_kib if first else float("nan")
    rate = n / elapsed
    steady = (last.done - first.done) / (last.seconds - first.seconds) if first and last.seconds > first.seconds \
        else float("nan")
    per_command = 1 / wall["openssl x509 -req"]
    table(f"Memory: a batch of {n:,} CSRs, pkisign sign --batch DIR --out-dir DIR --jobs {args.jobs} (VmRSS of "
          f"the batch and its workers, summed, every "
          f"{args.sample_interval:g} s, {len(samples)} samples)",
          ["progress", "certificates", "at s", "RSS MB", "PSS MB"], rows,
          [f"{n:,} CSRs made in {made:.1f} s (cryptography, one key); the batch wrote {written:,} certificates",
           f"from 10% to {100 * last.done // n}% of progress: RSS {growth * 100:+.1f}%, PSS {pss_growth * 100:+.1f}% "
           f"({most} processes; RSS counts the pages the workers share with the batch once in each, PSS divides "
           "them: PSS grows as pages once shared are copied on write)",
           f"certificates per second: {rate:,.0f} over the whole command, {steady:,.0f} from 10% on; "
           f"openssl, one command per CSR: {per_command:,.0f}"])
    report.targets.append(Target(f"Batch of {n:,} CSRs, --jobs {args.jobs}, PSS of all its processes, growth "
                                 "from 10% to 100% of progress",
                                 f"{first.pss_kib * 1024 / MB:.1f} -> {last.pss_kib * 1024 / MB:.1f} MB"
                                 if first else "-", "-", f"{pss_growth * 100:+.1f}%", "-", None))
    report.targets.append(Target(f"Batch of {n:,} CSRs, --jobs {args.jobs}, RSS summed over its processes, growth "
                                 "from 10% to 100% of progress",
                                 f"{first.rss_kib * 1024 / MB:.1f} -> {last.rss_kib * 1024 / MB:.1f} MB"
                                 if first else "-", "-", f"{growth * 100:+.1f}%", "flat (within 10%)",
                                 abs(growth) <= 0.10))
    report.targets.append(Target(f"Batch of {n:,} CSRs, certificates/s", _rate(rate),
                                 f"openssl, one command per CSR {per_command:,.0f}", f"{rate / per_command:.0f}x",
                                 "-", None))


# -- batches ---------------------------------------------------------------------------

#: Certificates per second of a batch to disk before the worker processes and the grouped syncs.
OLD_BATCH_RATE = 805


def section_batch(inputs: Inputs, args: argparse.Namespace, report: Report) -> None:
    n = args.jobs_batch_size
    src = inputs.dir / "jobs-in"
    src.mkdir()
    make_csrs(src, n)
    pkisign, env, how = pkisign_command()
    contenders = {"--jobs 1": "1", f"--jobs {args.jobs}": str(args.jobs)}
    seconds: dict[str, list[float]] = {name: [] for name in contenders}
    loads = [os.getloadavg()[0]]
    names = list(contenders)
    outputs: list[Path] = []
    for r in range(args.batch_runs):
        for name in names[r % 2:] + names[:r % 2]:
            out = inputs.dir / f"jobs-out-{r}-{contenders[name]}"
            out.mkdir()
            argv = [*pkisign, "sign", "--batch", str(src), "--out-dir", str(out), "--jobs", contenders[name],
                    inputs.p256_crt.name, inputs.p256_key.name]
            start = time.perf_counter()
            code = subprocess.run(argv, cwd=inputs.dir, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL).returncode
            seconds[name].append(time.perf_counter() - start)
            written = _count_certificates(out)
            if code or written != n:
                raise SystemExit(f"bench_sign: the batch {name} exited with {code} and wrote {written} of {n}")
            # Kept until the section ends: deleting 5,000 files just before the
            # next run makes ext4 look through the freed inodes for each new
            # file (recently_deleted, in a perf profile), a cost of the
            # benchmark's cleanup, not of signing.
            outputs.append(out)
            loads.append(os.getloadavg()[0])
    for out in outputs:
        shutil.rmtree(out)
    rates = {name: [n / t for t in times] for name, times in seconds.items()}
    median = {name: statistics.median(values) for name, values in rates.items()}
    table(f"Batches to disk: {n:,} P-256 CSRs, pkisign sign --batch DIR --out-dir DIR "
          f"({args.batch_runs} runs each, alternating, median)",
          ["command", "certificates/s", "spread", "min", "max"],
          [[name, f"{median[name]:,.0f}", spread(values), f"{min(values):,.0f}", f"{max(values):,.0f}"]
           for name, values in rates.items()],
          [f"pkisign: {how}; every certificate durable (synced in groups) before the command ends",
           f"1-minute load average during the runs: {min(loads):.2f} to {max(loads):.2f} on {os.cpu_count()} CPUs "
           "(other work on the machine takes CPUs from the workers)"])
    one, many = median["--jobs 1"], median[f"--jobs {args.jobs}"]
    report.targets.append(Target(f"Batch to disk, --jobs {args.jobs} against --jobs 1, certificates/s",
                                 _rate(many), f"--jobs 1 {_rate(one)}", f"{many / one:.2f}x", ">= 1.7x",
                                 many / one >= 1.7))
    report.targets.append(Target(f"Batch to disk, --jobs {args.jobs}, certificates/s", _rate(many),
                                 f"before: {OLD_BATCH_RATE}", f"{many / OLD_BATCH_RATE:.2f}x", ">= 3x",
                                 many / OLD_BATCH_RATE >= 3))


# -- main ----------------------------------------------------------------------------


def _versions() -> str:
    import cryptography

    ossl = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.split()[:2]
    return (f"Python {platform.python_version()}, cryptography {cryptography.__version__}, {' '.join(ossl)}, "
            f"{os.cpu_count()} CPUs, {platform.machine()}")


def summary(report: Report, markdown: bool) -> None:
    header = ["measure", "pkisign", "peer", "ratio", "target", "met"]
    rows = [[t.measure, t.pkisign, t.peer, t.ratio, t.target, _verdict(t.met)] for t in report.targets]
    if not markdown:
        table("Summary", header, rows)
        return
    command = shlex.join(["python", os.path.relpath(sys.argv[0]) if not os.path.isabs(sys.argv[0]) else sys.argv[0],
                          *sys.argv[1:]])
    print(f"\nMeasured by `{command}` ({_versions()}):\n")
    print("| Measure | pkisign | Peer | Ratio | Target | Met |")
    print("|" + "|".join(["---", "---:", "---", "---:", "---", "---"]) + "|")
    for row in rows:
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--section", action="append", choices=SECTIONS, metavar="NAME",
                        help=f"run this section (repeatable; one of {', '.join(SECTIONS)}); all by default")
    parser.add_argument("--markdown", action="store_true", help="print the summary as a Markdown table")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds of the in-process sections (default %(default)s)")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of each in-process phase (default %(default)s)")
    parser.add_argument("--cli-runs", type=int, default=20, help="runs of each command in the cli section (default %(default)s)")
    parser.add_argument("--importtime-runs", type=int, default=5, help="runs of python -X importtime (default %(default)s)")
    parser.add_argument("--memory-runs", type=int, default=5, help="runs of each command for its peak RSS (default %(default)s)")
    parser.add_argument("--batch-size", type=int, default=10_000, help="CSRs in the memory section's batch (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes of the batches (default: the CPUs, %(default)s)")
    parser.add_argument("--jobs-batch-size", type=int, default=5_000,
                        help="CSRs in each batch of the batch section (default %(default)s)")
    parser.add_argument("--batch-runs", type=int, default=4,
                        help="runs of each batch command in the batch section (default %(default)s)")
    parser.add_argument("--sample-interval", type=float, default=0.2, help="seconds between RSS samples (default %(default)s)")
    args = parser.parse_args(argv)
    sections = args.section or list(SECTIONS)
    for tool in ("openssl",):
        if not shutil.which(tool):
            print(f"bench_sign: {tool} is needed", file=sys.stderr)
            return 1
    print(f"pkisign bench: {_versions()}; sections: {', '.join(s for s in SECTIONS if s in sections)}")
    report = Report()
    runners = {"library": section_library, "rsa": section_rsa, "cli": section_cli, "batch": section_batch,
               "memory": section_memory}
    with tempfile.TemporaryDirectory(prefix="pkisign-bench-") as tmp:
        inputs = make_inputs(Path(tmp))
        for name in SECTIONS:
            if name in sections:
                runners[name](inputs, args, report)
    summary(report, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
