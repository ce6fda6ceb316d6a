"""The signing pipeline of ``step certificate sign`` (docs/step-sign-spec.md, section 2).

``Issuer`` is the library's entry point: an issuer certificate (bundle) and
its key, checked once, that signs as many CSRs as asked.  ``sign_files`` is
what the command does: it reads the three files and runs the checks in
step's order, so that the first error a user sees is the one step shows.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator

from .errors import IssuerError, PkisignError, SigningError, UsageError
from .golang.time import format_rfc3339
from .golang.x509 import GoParseError
from .inputs import IssuerCertificate, read_csr, read_file, read_issuers
from .signers import Signer
from .signers.file import load_file_signer
from .signers.keyfile import PasswordSource
from .x509 import pem
from .x509.certificate import CertificateTemplate
from .x509.csr import CSR
from .x509.keys import algorithm_by_name, default_algorithm
from .x509.tbs import TBS, attach_signature, build_tbs
from .x509.validity import INTERMEDIATE_LIFETIME, LEAF_LIFETIME, NS, Validity, resolve_validity
from .x509.verify import VerifyError
from .x509util import profiles
from .x509util.render import render_certificate, render_profile

__all__ = ["SignOptions", "Certificate", "Draft", "Issuer", "sign_files", "prepare_files", "open_issuer",
           "resolve_options", "sign_many", "check_issuer_key", "load_signer", "load_file_signer", "key_file_path",
           "read_user_data", "ISSUER_VALIDITY_POLICIES"]


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
    user_data: Any = None  # a dict, or a typed nil map (--set-file null)
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
    warnings: tuple[str, ...] = ()  # e.g. the certificate outlives its issuer

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


ISSUER_VALIDITY_POLICIES = ("allow", "truncate", "error")


@dataclass(frozen=True)
class Draft:
    """Everything decided before the signature: the exact TBS and why it is so."""

    csr: CSR
    options: SignOptions
    template: CertificateTemplate
    validity: Validity
    tbs: TBS
    warnings: tuple[str, ...] = ()


class Issuer:
    """An issuer certificate and its key, ready to sign CSRs.

    ``certificates`` is the issuer file's bundle: the first one is the
    parent, all of them follow the new certificate with ``bundle``.
    ``signer`` may be None to build TBSCertificates only (``prepare``), as
    for a key held offline.
    """

    def __init__(self, certificates: list[IssuerCertificate], signer: Signer | None) -> None:
        if not certificates:
            raise IssuerError("no issuer certificate")
        self.certificates = tuple(certificates)
        self.certificate = certificates[0]
        self.signer = signer
        if signer is not None:
            check_issuer_key(self.certificate, signer)
        elif self.certificate.public_key is None:
            raise IssuerError("unknown public key algorithm")

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
        issuer_validity: str = "allow",
    ) -> Certificate:
        """Check the CSR and the options against this issuer, then sign."""
        return self.finish(self.prepare(csr, options, now=now, issuer_validity=issuer_validity))

    def prepare(
        self,
        csr: CSR,
        options: SignOptions = SignOptions(),
        *,
        now: Callable[[], int] = time.time_ns,
        issuer_validity: str = "allow",
    ) -> Draft:
        """Run every check and build the TBSCertificate, without signing it.

        ``issuer_validity`` says what to do when the certificate would
        outlive its issuer: "allow" it (step's behaviour, with a warning),
        "truncate" its notAfter to the issuer's, or raise an "error".
        """
        csr.check_signature()
        options.check()
        # With a template, step checks the issuer and picks the validity as for a leaf.
        profile = "leaf" if options.template is not None else options.profile
        _check_issuer(self.certificate, profile, options.path_len)
        lifetime = INTERMEDIATE_LIFETIME if profile == "intermediate-ca" else LEAF_LIFETIME
        validity = resolve_validity(options.not_before, options.not_after, default_lifetime=lifetime, now=now)
        validity, warnings = self._within_issuer(validity, issuer_validity)
        if options.template is None:
            template = render_profile(profile, csr, max_path_len=options.path_len, omit_cn_san=options.omit_cn_san)
            template_warnings: tuple[str, ...] = ()
        else:
            template, template_warnings = render_certificate(
                options.template, csr, max_path_len=options.path_len, omit_cn_san=options.omit_cn_san,
                user=options.user_data)
        tbs = self._build(csr, template, validity, options.serial)
        return Draft(csr, options, template, validity, tbs, warnings + template_warnings)

    def _within_issuer(self, validity: Validity, policy: str) -> tuple[Validity, tuple[str, ...]]:
        if policy not in ISSUER_VALIDITY_POLICIES:
            raise UsageError(f"invalid value '{policy}' for flag '--issuer-validity'; "
                             "options are allow, truncate, error")
        limit = self.certificate.not_after
        if validity.not_after // NS <= limit // NS:
            return validity, ()
        ends = f"the certificate would end at {format_rfc3339(validity.not_after)}, " \
               f"after its issuer ({format_rfc3339(limit)})"
        if policy == "error":
            raise IssuerError(f"{ends}; see --issuer-validity")
        if policy == "truncate":
            if validity.not_before > limit:
                raise IssuerError(f"the certificate would start after its issuer ends ({format_rfc3339(limit)})")
            return Validity(validity.not_before, limit), ()
        return validity, (f"warning: {ends}",)

    def _build(self, csr: CSR, template: CertificateTemplate, validity: Validity, serial: int | None) -> TBS:
        """The TBSCertificate Go would sign for this template and the CSR's key."""
        if csr.public_key is None:
            raise SigningError("error creating certificate: x509: unsupported public key type")
        if serial is None:
            serial = template.serial_number if template.serial_number is not None \
                else int.from_bytes(os.urandom(16), "big")  # secrets.randbits(128), without importing random
        key = self.certificate.public_key
        assert key is not None  # checked in __init__
        algorithm = default_algorithm(key)
        if template.signature_algorithm:
            requested = algorithm_by_name(template.signature_algorithm)
            if template.signature_algorithm.startswith("DSA-"):
                # Go knows DSA signatures but no DSA signer can reach here.
                raise SigningError(
                    "error creating certificate: x509: requested SignatureAlgorithm does not match private key type"
                )
            if requested is None:
                raise SigningError("error creating certificate: x509: unknown SignatureAlgorithm")
            if requested.key_kind != key.kind:
                raise SigningError(
                    "error creating certificate: x509: requested SignatureAlgorithm does not match private key type"
                )
            if requested.hash == "md5":
                raise SigningError("error creating certificate: x509: signing with MD5 is not supported")
            algorithm = requested
        return build_tbs(template, self.certificate.identity, csr.public_key, validity, serial, algorithm)

    def finish(self, draft: Draft) -> Certificate:
        """Sign a prepared TBSCertificate; verify and re-parse the result as Go does."""
        if self.signer is None:
            raise SigningError("no issuer key to sign with")
        tbs = draft.tbs
        signature = self.signer.sign(tbs.der, tbs.algorithm)
        return self.attach(draft, signature)

    def attach(self, draft: Draft, signature: bytes) -> Certificate:
        """The certificate made of a TBS and a signature made elsewhere, once verified.

        Go checks every signature it makes: a faulty signer (or a wrong
        external signature) never lets a bad certificate out.
        """
        tbs = draft.tbs
        try:
            der = attach_signature(tbs.der, tbs.algorithm.identifier, tbs.algorithm, signature,
                                   self.certificate.public_key, tbs)
        except VerifyError as exc:
            raise SigningError(
                f"error creating certificate: x509: signature returned by signer is invalid: {exc}"
            ) from None
        except GoParseError as exc:
            # A certificate Go's parser refuses (say, a CSR subject string
            # type it does not read) is an error, as in x509util.
            raise SigningError(f"error parsing certificate: {exc}") from None
        return Certificate(der, tbs, draft.validity, tuple(c.der for c in self.certificates), draft.warnings)


def read_user_data(set_values: list[str], set_file: str | None) -> Any:
    """``.Insecure.User``: the ``--set-file`` JSON object, then each ``--set k=v``.

    A ``--set`` value is JSON when it parses as JSON, else the raw string.  A
    ``--set-file`` holding ``null`` and no ``--set`` give a nil map.
    """
    from .golang.json import from_json

    data: dict[str, Any] = {}
    if set_file:
        raw = read_file(set_file, "set-file").decode("utf-8", "surrogateescape")
        value, json_error = from_json(raw)
        error = None if json_error is None else str(json_error)
        if error is None and not isinstance(value, dict) and value is not None:
            kind = "array" if isinstance(value, list) else "string" if isinstance(value, str) \
                else "bool" if isinstance(value, bool) else "number"
            error = f"json: cannot unmarshal {kind} into Go value of type map[string]interface {{}}"
        if error is not None:
            raise UsageError(f"error unmarshaling {set_file}: {error}")
        if value is None and not set_values:
            # json.Unmarshal of "null" leaves step's map nil: toJson prints null.
            from .golang.reflect import GoNil

            return GoNil("map[string]interface {}")
        data.update(value or {})
    for item in set_values:
        key, eq, raw = item.partition("=")
        if not eq:
            raise UsageError(f"invalid value '{item}' for flag '--set'")
        value, set_error = from_json(raw)
        data[key] = raw if set_error is not None else value
    return data


def prepare_files(
    csr_file: str,
    crt_file: str,
    key_file: str | None,
    options: SignOptions,
    *,
    password_file: str | None = None,
    prompt: PasswordSource | None = None,
    profile_given: bool = False,
    template_file: str | None = None,
    set_values: list[str] = (),  # type: ignore[assignment]
    set_file: str | None = None,
    kms: str | None = None,
    kms_plugin: bool = False,
    issuer_validity: str = "allow",
    now: Callable[[], int] = time.time_ns,
) -> tuple[Issuer, Draft]:
    """Read the files and run every check in step's order, up to the TBS.

    ``key_file`` None builds the TBS without the key (its match with the
    issuer certificate is then not checked).  ``profile_given`` says that
    ``--profile`` was on the command line, which step refuses together with
    ``--template``.  The caller closes ``issuer.signer``.
    """
    csr = read_csr(csr_file)
    csr.check_signature()
    issuer = open_issuer(crt_file, key_file, kms=kms, kms_plugin=kms_plugin, password_file=password_file,
                         prompt=prompt)
    try:
        options = resolve_options(options, profile_given=profile_given, template_file=template_file,
                                  set_values=set_values, set_file=set_file)
        return issuer, issuer.prepare(csr, options, now=now, issuer_validity=issuer_validity)
    except BaseException:
        if issuer.signer is not None:
            issuer.signer.close()
        raise


def open_issuer(
    crt_file: str,
    key_file: str | None,
    *,
    kms: str | None = None,
    kms_plugin: bool = False,
    password_file: str | None = None,
    prompt: PasswordSource | None = None,
) -> Issuer:
    """The issuer bundle and its key (in a file or a KMS); None: no key.

    ``kms_plugin``: reach a KMS key through step-kms-plugin even when
    pkisign has a backend of its own for the type.
    """
    certificates = read_issuers(crt_file)
    signer = None if key_file is None else load_signer(
        key_file, kms=kms, kms_plugin=kms_plugin, password_file=password_file, prompt=prompt)
    try:
        return Issuer(certificates, signer)
    except BaseException:
        if signer is not None:
            signer.close()
        raise


def resolve_options(
    options: SignOptions,
    *,
    profile_given: bool = False,
    template_file: str | None = None,
    set_values: list[str] = (),  # type: ignore[assignment]
    set_file: str | None = None,
) -> SignOptions:
    """Check the options, and read the template and its user data (step's order)."""
    options.check()
    if not template_file:
        return options
    if profile_given:
        raise UsageError("flag '--profile' is incompatible with '--template'")
    text = read_file(template_file, "template").decode("utf-8", "surrogateescape")
    return replace(options, template=text, user_data=read_user_data(list(set_values), set_file))


def sign_many(
    issuer: Issuer,
    csr_files: Iterable[str],
    options: SignOptions,
    *,
    issuer_validity: str = "allow",
    now: Callable[[], int] = time.time_ns,
) -> Iterator[tuple[str, Certificate | PkisignError]]:
    """Sign CSRs one after the other with one issuer (one HSM login).

    Yields each CSR file with its certificate or with the error that stopped
    it: a bad CSR does not stop the others.  Nothing is kept between CSRs,
    so memory stays flat however many there are.
    """
    for name in csr_files:
        try:
            csr = read_csr(name)
            csr.check_signature()
            yield name, issuer.sign(csr, options, now=now, issuer_validity=issuer_validity)
        except PkisignError as exc:
            yield name, exc


def sign_files(csr_file: str, crt_file: str, key_file: str, options: SignOptions, **kwargs: Any) -> Certificate:
    """``step certificate sign``: the files in, the certificate out, step's order of checks.

    Takes the keyword arguments of ``prepare_files``.
    """
    issuer, draft = prepare_files(csr_file, crt_file, key_file, options, **kwargs)
    try:
        return issuer.finish(draft)
    finally:
        if issuer.signer is not None:
            issuer.signer.close()


def uses_kms(key: str, kms: str | None) -> bool:
    """step v0.28: the key is in the KMS when --kms is set and is not softkms.

    Beyond step, a key given as a URI of a KMS type step knows (``pkcs11:``,
    ``awskms:``, ...; not ``softkms:``) needs no --kms.
    """
    if kms:
        return not kms.startswith("softkms:")
    if ":" not in key:  # a plain path: the KMS code need not even be loaded
        return False
    from .signers.kms.uri import KNOWN_TYPES, has_scheme

    # URI schemes are case-insensitive.
    return has_scheme(key) and key.partition(":")[0].lower() in set(KNOWN_TYPES) - {"softkms"}


def load_signer(
    key: str,
    *,
    kms: str | None = None,
    kms_plugin: bool = False,
    password_file: str | None = None,
    prompt: PasswordSource | None = None,
) -> Signer:
    """The issuer's signer: a key in a KMS (HSM) or a key file."""
    if uses_kms(key, kms):
        from .signers.kms import open_kms_signer

        return open_kms_signer(kms or "", key, plugin=kms_plugin)
    return load_file_signer(key_file_path(key, kms), password_file=password_file, prompt=prompt)


def key_file_path(key: str, kms: str | None) -> str:
    """The file a key that is not in a KMS names: the key argument itself,
    or the file of a softkms key (``softkms:path=FILE``, ``softkms:FILE``, or
    any of these or a plain path with ``--kms softkms:``)."""
    if (kms or "").startswith("softkms:") or key[:8].lower() == "softkms:":
        from .signers.kms import resolve_kms_uri

        return resolve_kms_uri(kms or "", key).get("path")
    return key
