"""The signing pipeline of ``step certificate sign`` (spec section 2).

``Issuer`` is the library's entry point: an issuer certificate (bundle) and
its key, checked once, that signs as many CSRs as asked.  ``sign_files`` is
what the command does: it reads the three files and runs the checks in
step's order, so that the first error a user sees is the one step shows.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field, replace
from typing import Callable

from typing import Any

from . import pem, profiles
from .csr import CSR
from .errors import IssuerError, SigningError, UsageError
from .inputs import IssuerCertificate, read_csr, read_file, read_issuers, read_password_file
from .keyfile import PasswordSource, read_private_key
from .goparse import GoParseError, parse_certificate_checks
from .keys import algorithm_by_name, default_algorithm
from .model import CertificateTemplate
from .render import render_certificate
from .signers import Signer
from .signers.file import FileSigner
from .tbs import TBS, assemble_certificate, build_tbs
from .validity import INTERMEDIATE_LIFETIME, LEAF_LIFETIME, Validity, resolve_validity
from .verify import VerifyError, check_signature

__all__ = ["SignOptions", "Certificate", "Issuer", "sign_files", "check_issuer_key"]


@dataclass(frozen=True)
class SignOptions:
    """What to sign: step's flags (plus ``serial``, which step lacks).

    ``template`` is the text of a certificate template that replaces the
    profile (step refuses both together: the CLI checks that), with
    ``user_data`` as its ``.Insecure.User``.  ``not_before``/``not_after``
    take step's syntax: an RFC 3339 time or a Go duration relative to now;
    empty means the default (24 h, or 87,600 h for intermediate-ca).
    """

    profile: str = "leaf"
    template: str | None = None
    user_data: dict[str, Any] | None = None
    path_len: int = 0
    not_before: str = ""
    not_after: str = ""
    omit_cn_san: bool = False
    serial: int | None = None

    def check(self) -> None:
        if self.profile not in profiles.PROFILES:
            raise UsageError(
                f"invalid value '{self.profile}' for flag '--profile'; options are leaf, intermediate-ca, csr"
            )
        if self.path_len < -1:
            raise UsageError(
                f"invalid value '{self.path_len}' for flag '--path-len'; path-len must be -1 or greater"
            )
        if self.serial is not None and self.serial < 0:
            raise UsageError(f"invalid value '{self.serial}' for flag '--serial'; it must not be negative")


@dataclass(frozen=True)
class Certificate:
    """A signed certificate, with the TBS it proves and its issuer chain."""

    der: bytes
    tbs: TBS
    validity: Validity
    chain: tuple[bytes, ...] = field(default=(), repr=False)

    def pem(self, *, bundle: bool = False) -> bytes:
        """PEM as step prints it; with ``bundle`` the issuer file's certificates follow."""
        out = pem.encode("CERTIFICATE", self.der)
        if bundle:
            out += b"".join(pem.encode("CERTIFICATE", c) for c in self.chain)
        return out


def check_issuer_key(issuer: IssuerCertificate, signer: Signer) -> None:
    """step's validateIssuerKey: the key must be the issuer certificate's key."""
    if issuer.public_key is None:
        raise IssuerError("unknown public key algorithm")
    if issuer.public_key.kind != signer.public_key.kind:
        raise IssuerError("private key type does not match issuer public key type")
    if not issuer.public_key.same_key(signer.public_key):
        raise IssuerError("private key does not match issuer public key")


def _check_issuer(issuer: IssuerCertificate, profile: str, path_len: int) -> None:
    """step's validateIssuer: a CA with keyCertSign; room for an intermediate."""
    if not issuer.basic_constraints_valid or not issuer.is_ca:
        raise IssuerError("issuer certificate is not a certificate authority")
    if not issuer.key_usage & (1 << 5):
        raise IssuerError("issuer certificate does not have the keyCertSign usage")
    if profile != "intermediate-ca":
        return
    limit = issuer.max_path_len
    if limit == 0:
        raise IssuerError("issuer certificate cannot sign an intermediate-ca: pathLenConstraint is 0")
    if limit > 0 and (path_len == -1 or path_len >= limit):
        raise IssuerError(
            "issuer certificate cannot sign an intermediate-ca: "
            f"pathLenConstraint is {limit}, want at most {limit - 1}"
        )


class Issuer:
    """An issuer certificate and its key, ready to sign CSRs.

    ``certificates`` is the issuer file's bundle: the first one is the
    parent, all of them follow the new certificate with ``bundle``.
    """

    def __init__(self, certificates: list[IssuerCertificate], signer: Signer) -> None:
        if not certificates:
            raise IssuerError("no issuer certificate")
        self.certificates = tuple(certificates)
        self.certificate = certificates[0]
        self.signer = signer
        check_issuer_key(self.certificate, signer)

    @classmethod
    def from_files(
        cls,
        crt_file: str,
        key_file: str,
        *,
        password: bytes | None = None,
        password_file: str | None = None,
        prompt: PasswordSource | None = None,
    ) -> "Issuer":
        """Read an issuer certificate (bundle) and its private key file."""
        certificates = read_issuers(crt_file)
        return cls(certificates, load_file_signer(key_file, password=password,
                                                  password_file=password_file, prompt=prompt))

    def sign(
        self,
        csr: CSR,
        options: SignOptions = SignOptions(),
        *,
        now: Callable[[], int] = time.time_ns,
    ) -> Certificate:
        """Check the CSR and the options against this issuer, then sign."""
        csr.check_signature()
        options.check()
        # With a template, step checks the issuer and picks the validity as for a leaf.
        profile = "leaf" if options.template is not None else options.profile
        _check_issuer(self.certificate, profile, options.path_len)
        lifetime = INTERMEDIATE_LIFETIME if profile == "intermediate-ca" else LEAF_LIFETIME
        validity = resolve_validity(options.not_before, options.not_after, default_lifetime=lifetime, now=now)
        text = options.template if options.template is not None else profiles.template_text(profile)
        template = render_certificate(text, csr, max_path_len=options.path_len, omit_cn_san=options.omit_cn_san,
                                      user=options.user_data if options.template is not None else None)
        return self.sign_template(csr, template, validity, serial=options.serial)

    def sign_template(
        self,
        csr: CSR,
        template: CertificateTemplate,
        validity: Validity,
        *,
        serial: int | None = None,
    ) -> Certificate:
        """Sign a decoded certificate template for the CSR's public key."""
        if csr.public_key is None:
            raise SigningError("error creating certificate: x509: unsupported public key type")
        if serial is None:
            serial = template.serial_number if template.serial_number is not None else secrets.randbits(128)
        algorithm = default_algorithm(self.signer.public_key)
        if template.signature_algorithm:
            requested = algorithm_by_name(template.signature_algorithm)
            if requested is None:
                raise SigningError("error creating certificate: x509: unknown SignatureAlgorithm")
            if requested.key_kind != self.signer.public_key.kind:
                raise SigningError(
                    "error creating certificate: x509: requested SignatureAlgorithm does not match private key type"
                )
            if requested.hash == "md5":
                raise SigningError("error creating certificate: x509: signing with MD5 is not supported")
            algorithm = requested
        tbs = build_tbs(template, self.certificate.identity, csr.public_key, validity, serial, algorithm)
        signature = self.signer.sign(tbs.der, algorithm)
        # Go checks every signature it makes: a faulty signer never lets a bad
        # certificate out.
        try:
            check_signature(algorithm, tbs.der, signature, self.signer.public_key, allow_sha1=True)
        except VerifyError as exc:
            raise SigningError(
                f"error creating certificate: x509: signature returned by signer is invalid: {exc}"
            ) from None
        der = assemble_certificate(tbs.der, algorithm, signature)
        # x509util re-parses what Go made: a certificate Go's parser refuses
        # (say, a CSR subject string type it does not read) is an error.
        try:
            parse_certificate_checks(der)
        except GoParseError as exc:
            raise SigningError(f"error parsing certificate: {exc}") from None
        return Certificate(der, tbs, validity, tuple(c.der for c in self.certificates))


def load_file_signer(
    key_file: str,
    *,
    password: bytes | None = None,
    password_file: str | None = None,
    prompt: PasswordSource | None = None,
) -> FileSigner:
    """Read an issuer key file; the password file is read after the key file, as step does."""
    data = read_file(key_file)
    if password_file:
        password = read_password_file(password_file)
    return FileSigner(read_private_key(data, key_file, password=password, prompt=prompt))


def read_user_data(set_values: list[str], set_file: str | None) -> dict[str, Any]:
    """``.Insecure.User``: the ``--set-file`` JSON object, then each ``--set k=v``.

    A ``--set`` value is JSON when it parses as JSON, else the raw string.
    """
    from .template.gojson import from_json

    data: dict[str, Any] = {}
    if set_file:
        raw = read_file(set_file).decode("utf-8", "surrogateescape")
        value, error = from_json(raw)
        if error is None and not isinstance(value, dict) and value is not None:
            kind = "array" if isinstance(value, list) else "string" if isinstance(value, str) \
                else "bool" if isinstance(value, bool) else "number"
            error = f"json: cannot unmarshal {kind} into Go value of type map[string]interface {{}}"
        if error is not None:
            raise UsageError(f"error unmarshaling {set_file}: {error}")
        data.update(value or {})
    for item in set_values:
        key, eq, raw = item.partition("=")
        if not eq:
            raise UsageError(f"invalid value '{item}' for flag '--set'")
        value, error = from_json(raw)
        data[key] = raw if error is not None else value
    return data


def sign_files(
    csr_file: str,
    crt_file: str,
    key_file: str,
    options: SignOptions,
    *,
    password_file: str | None = None,
    prompt: PasswordSource | None = None,
    profile_given: bool = False,
    template_file: str | None = None,
    set_values: list[str] = (),  # type: ignore[assignment]
    set_file: str | None = None,
    now: Callable[[], int] = time.time_ns,
) -> Certificate:
    """``step certificate sign``: the files in, the certificate out, step's order of checks.

    ``profile_given`` says that ``--profile`` was on the command line, which
    step refuses together with ``--template``.
    """
    csr = read_csr(csr_file)
    csr.check_signature()
    certificates = read_issuers(crt_file)
    signer = load_file_signer(key_file, password_file=password_file, prompt=prompt)
    issuer = Issuer(certificates, signer)
    options.check()
    if template_file:
        if profile_given:
            raise UsageError("flag '--profile' is incompatible with '--template'")
        text = read_file(template_file).decode("utf-8", "surrogateescape")
        options = replace(options, template=text, user_data=read_user_data(list(set_values), set_file))
    return issuer.sign(csr, options, now=now)
