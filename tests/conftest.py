"""Shared test helpers: running the command in-process, and outside judges."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
sys.path.insert(0, str(ROOT / "tools"))

from inprocess import captured  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _private_keys_are_private():
    """git checks files out 0644; pkisign warns about a key file others can read."""
    for key in [*(VECTORS.rglob("*.key")), ROOT / "examples" / "issuer.key"]:
        key.chmod(0o600)


def require(condition: bool, why: str) -> None:
    """Skip when a tool is missing, unless CI demands every test (PKISIGN_REQUIRE_ALL)."""
    if condition:
        return
    if os.environ.get("PKISIGN_REQUIRE_ALL"):
        pytest.fail(f"required for this test and missing: {why}")
    pytest.skip(why)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    require(path is not None, f"{name} is not installed")
    return path  # type: ignore[return-value]


@dataclass
class Result:
    code: int
    stdout: bytes
    stderr: str


def run_cli(argv: list[str], *, cwd: Path | None = None, stdin: bytes = b"") -> Result:
    """Run ``pkisign`` in-process (fast), capturing bytes on stdout."""
    from pkisign.cli.command import main

    old_cwd = os.getcwd()
    with captured(stdin) as (out, err):
        try:
            if cwd is not None:
                os.chdir(cwd)
            code = main(argv)
        finally:
            os.chdir(old_cwd)
    return Result(code, out.buffer.getvalue(), err.getvalue())


def run_process(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run ``python -m pkisign`` as a real process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "pkisign", *argv], capture_output=True, env=env, **kwargs)


_FLAG_SUFFIX = {
    "profile": "; options are leaf, intermediate-ca, csr",
}


def step_wording(ref: str) -> str:
    """The reference's message, worded as step words it."""
    ref = ref.split("\nrun 'step-sign-ref --help'")[0]
    if m := re.fullmatch(r'invalid value "(.*)" for flag --([a-z-]+)(.*)', ref, re.S):
        value, flag, rest = m.groups()
        suffix = _FLAG_SUFFIX.get(flag, "")
        if flag == "serial" and value.startswith("-"):
            suffix = "; it must not be negative"
        return f"invalid value '{value}' for flag '--{flag}'" + suffix
    if m := re.fullmatch(r"invalid value (-?\d+) for flag --path-len: must be -1 or greater", ref):
        return f"invalid value '{m.group(1)}' for flag '--path-len'; path-len must be -1 or greater"
    if m := re.fullmatch(r'flag --not-before "(.*)" is after --not-after "(.*)"', ref):
        return f"flag '--not-before {m.group(1)}' is incompatible with flag '--not-after {m.group(2)}'"
    if m := re.fullmatch(r'invalid boolean value "(.*)" for flag --([a-z-]+)', ref):
        return f"invalid value '{m.group(1)}' for flag '--{m.group(2)}'"
    if m := re.fullmatch(r"expected 3 positional arguments <csr-file> <crt-file> <key-file>, got (\d+)", ref):
        word = "not enough" if int(m.group(1)) < 3 else "too many"
        return f"{word} positional arguments were provided in 'pkisign sign <csr-file> <crt-file> <key-file>'"
    if ref == "the key is encrypted and there is no terminal to ask for its password: use --password-file" \
            or ref.endswith(": key is password protected"):
        # No password (an empty password file counts as none): step asks on the
        # terminal; the reference has no prompt.  Checked below.
        return None
    if ref == "flag --profile is incompatible with --template":
        return "flag '--profile' is incompatible with '--template'"
    if m := re.fullmatch(r"error reading (\S+): (?:open|read) \1: (.*)", ref):
        # step's utils.ReadFile quotes the name and drops Go's "open <file>: ".
        return f'error reading "{m.group(1)}": {m.group(2)}'
    # step v0.28 does not prefix issuer errors with "file X does not contain a valid certificate: ".
    return re.sub(r"^file \S+ does not contain a valid certificate: ", "", ref)



def outlives_issuer_warning(pem_out: bytes, issuer_file: Path) -> str:
    """The one stderr line pkisign prints when a certificate outlives its issuer."""
    from asn1crypto import pem as apem
    from asn1crypto import x509

    def not_after(der: bytes):
        return x509.Certificate.load(der)["tbs_certificate"]["validity"]["not_after"]

    data = issuer_file.read_bytes()
    issuer_der = next(d for _, _, d in apem.unarmor(data, multiple=True)) if b"-----BEGIN" in data else data
    ours, theirs = not_after(next(d for _, _, d in apem.unarmor(pem_out, multiple=True))), not_after(issuer_der)
    if ours.native <= theirs.native:
        return ""
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    return (f"warning: the certificate would end at {ours.native.strftime(fmt)}, "
            f"after its issuer ({theirs.native.strftime(fmt)})\n")


# -- golden vector cases -----------------------------------------------------------

def run_case(case: dict) -> Result:
    """Run a vector case's argv through ``pkisign sign`` in tests/vectors."""
    stdin = (VECTORS / case["stdin"]).read_bytes() if case.get("stdin") else b""
    return run_cli(["sign", *case["argv"]], cwd=VECTORS, stdin=stdin)


def verify_signature(der: bytes, issuer_file: str) -> None:
    """pyca/cryptography checks the signature with the issuer's key: a verifier pkisign did not write.

    PSS: the salt must be as long as the hash, as Go requires.  The key's
    verify is used directly because verify_directly_issued_by refuses SHA-1.
    """
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    issuer_key = cx509.load_pem_x509_certificate((VECTORS / issuer_file).read_bytes()).public_key()
    ours = cx509.load_der_x509_certificate(der)
    digest, signed = ours.signature_hash_algorithm, ours.tbs_certificate_bytes
    if isinstance(ours.signature_algorithm_parameters, padding.PSS):
        issuer_key.verify(ours.signature, signed, padding.PSS(padding.MGF1(digest), padding.PSS.DIGEST_LENGTH),
                          digest)
    elif isinstance(issuer_key, rsa.RSAPublicKey):
        issuer_key.verify(ours.signature, signed, padding.PKCS1v15(), digest)
    elif isinstance(issuer_key, ec.EllipticCurvePublicKey):
        issuer_key.verify(ours.signature, signed, ec.ECDSA(digest))
    else:
        issuer_key.verify(ours.signature, signed)


def assert_signed_like_the_reference(case: dict) -> None:
    """The case's output equals the reference's: every byte, or (random
    signatures: ECDSA, RSA-PSS) the TBSCertificate and algorithm, with a
    signature that verifies and the same bundle."""
    from asn1crypto import pem as apem
    from asn1crypto import x509

    result = run_case(case)
    assert result.code == 0, result.stderr
    assert result.stderr == outlives_issuer_warning(result.stdout, VECTORS / case["issuer"])
    expected = (VECTORS / case["expect"]).read_bytes()
    if case["compare"] == "bytes":
        assert result.stdout == expected
        return
    ours, theirs = ([x509.Certificate.load(d) for _, _, d in apem.unarmor(pem_bytes, multiple=True)]
                    for pem_bytes in (result.stdout, expected))
    assert len(ours) == len(theirs)
    assert ours[0]["tbs_certificate"].dump() == theirs[0]["tbs_certificate"].dump()
    assert ours[0]["signature_algorithm"].dump() == theirs[0]["signature_algorithm"].dump()
    assert [c.dump() for c in ours[1:]] == [c.dump() for c in theirs[1:]]
    verify_signature(ours[0].dump(), case["issuer"])


# -- outside judges ---------------------------------------------------------------

def openssl_verify(leaf: Path, trusted: Path, untrusted: list[Path] = (), purpose: str = "any") -> str:
    """``openssl verify``: "" when the chain verifies, else openssl's complaint."""
    openssl = require_tool("openssl")
    cmd = [openssl, "verify", "-purpose", purpose, "-CAfile", str(trusted)]
    for u in untrusted:
        cmd += ["-untrusted", str(u)]
    # Vectors have fixed dates, some in the past or far future: judge the chain, not the clock.
    cmd += ["-no_check_time", str(leaf)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return "" if proc.returncode == 0 else (proc.stdout + proc.stderr).strip()


class Pkilint:
    """pkilint's two RFC 5280 linters, built once (its CLI builds them per call).

    ``lint_cert`` is ``lint_pkix_cert``; ``lint_chain`` is
    ``lint_pkix_signer_signee_cert_chain``.  Both return the findings at
    ERROR or above as (code, message, path).
    """

    def __init__(self) -> None:
        from pkilint import loader
        from pkilint.bin import lint_pkix_signer_signee_cert_chain as chain
        from pkilint.pkix import certificate, extension, name
        from pkilint.validation import ValidationFindingSeverity

        self._error = ValidationFindingSeverity.ERROR
        self._load_der = loader.RFC5280CertificateDocumentLoader().get_file_loader_func(loader.DocumentFormat.DER)
        self._cert = certificate.create_pkix_certificate_validator_container(
            certificate.create_decoding_validators(name.ATTRIBUTE_TYPE_MAPPINGS, extension.EXTENSION_MAPPINGS),
            [
                certificate.create_issuer_validator_container([]),
                certificate.create_validity_validator_container(),
                certificate.create_subject_validator_container([]),
                certificate.create_extensions_validator_container([]),
                certificate.create_spki_validator_container([]),
            ],
        )
        self._chain_decoding = chain.create_decoder_validation_container()
        self._chain_issuer = chain.create_issuer_validation_container()
        self._chain_subject = chain.create_subject_validation_container()

    def _serious(self, results) -> list[tuple[str, str, str]]:
        return [
            (f.finding.code, str(f.message), r.node.path)
            for r in results for f in r.finding_descriptions
            if f.finding.severity <= self._error
        ]

    def lint_cert(self, der: bytes) -> list[tuple[str, str, str]]:
        return self._serious(self._cert.validate(self._load_der(io.BytesIO(der), "subject").root))

    def lint_chain(self, issuer_der: bytes, der: bytes) -> list[tuple[str, str, str]]:
        docs: dict = {}
        docs["issuer"] = issuer = self._load_der(io.BytesIO(issuer_der), "issuer", "issuer", docs)
        docs["subject"] = subject = self._load_der(io.BytesIO(der), "subject", "subject", docs)
        results = self._chain_decoding.validate(issuer.root)
        results += self._chain_decoding.validate(subject.root)
        results += self._chain_issuer.validate(issuer.root)
        results += self._chain_subject.validate(subject.root)
        return self._serious(results)


@pytest.fixture(scope="session")
def pkilint() -> Pkilint:
    require(True, "")
    try:
        import pkilint as _  # noqa: F401
    except ImportError:
        require(False, "pkilint is not installed (pip install '.[test]')")
    return Pkilint()
