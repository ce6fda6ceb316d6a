"""Reading the command's input files: CSR, issuer bundle, password file.

The I/O edge of the pipeline.  Messages follow step's (docs/step-sign-spec.md, section 12):
``error reading "<file>": no such file or directory``, ``error parsing
<file>: ...``.  ``-`` reads standard input.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from asn1crypto import x509

from .errors import CSRError, InputError
from .golang.x509 import GoParseError, parse_certificate_checks
from .x509 import der, pem
from .x509.csr import CSR, CSRParseError, parse_csr
from .x509.keys import KeyError_, PublicKey, parse_spki
from .x509.tbs import IssuerIdentity

__all__ = [
    "read_file",
    "read_limited",
    "ReadError",
    "INPUT_LIMITS",
    "read_csr",
    "load_csr",
    "IssuerCertificate",
    "read_issuers",
    "load_issuers",
    "read_password_file",
    "GO_SPACE",
]

#: Go's unicode.IsSpace: what step trims from the end of a password file.
GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
           "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


KIB = 1024
MIB = 1024 * KIB

#: The most pkisign reads of each kind of input file, in bytes, with the
#: words an error uses for it.  Real inputs are a few KB; a bigger file, or an
#: endless one (/dev/zero, a pipe), is refused after one byte more than its
#: limit, before anything in it is parsed.  The man page lists these.
INPUT_LIMITS: dict[str, tuple[str, int]] = {
    "csr": ("a CSR", 1 * MIB),
    "certificate": ("a certificate file", 4 * MIB),
    "key": ("a key file", 1 * MIB),
    "password": ("a password file", 64 * KIB),
    "pin": ("a PIN file", 64 * KIB),
    "template": ("a template", 1 * MIB),
    "set-file": ("a --set-file", 1 * MIB),
    "list": ("a list of CSR files", 4 * MIB),
    "inspect": ("a file to inspect", 4 * MIB),
    "tbs": ("a TBSCertificate", 1 * MIB),
    "signature": ("a signature", 64 * KIB),
}


_FIRST_READ = 64 * KIB


class ReadError(Exception):
    """A file that could not be read: ``reason`` in Go's lower-case words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _size_text(size: int) -> str:
    return f"{size // MIB} MiB" if size % MIB == 0 else f"{size // KIB} KiB"


def read_limited(name: str, kind: str) -> bytes:
    """The bytes of ``name`` (``-`` is stdin), at most the limit for ``kind``.

    Raises ReadError: the OS's reason, or the limit that the file exceeds.
    """
    what, limit = INPUT_LIMITS[kind]
    try:
        stream = sys.stdin.buffer if name == "-" else open(name, "rb")
        try:
            # A first read of a size real inputs fit in: read(limit + 1)
            # would allocate the whole limit (a megabyte) for every file.
            data = stream.read(min(limit + 1, _FIRST_READ))
            if len(data) == _FIRST_READ:
                data += stream.read(limit + 1 - _FIRST_READ)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    except OSError as exc:
        # Go prints the bare reason in lower case: "no such file or directory".
        raise ReadError(exc.strerror.lower() if exc.strerror else type(exc).__name__) from None
    if len(data) > limit:
        raise ReadError(f"larger than {_size_text(limit)}, the most pkisign reads for {what}")
    return data


def read_file(name: str, kind: str) -> bytes:
    """The file's bytes (see ``read_limited``), a leading byte order mark dropped."""
    try:
        data = read_limited(name, kind)
    except ReadError as exc:
        raise InputError(f'error reading "{name}": {exc.reason}') from None
    return pem.strip_bom(data)


# -- CSR --------------------------------------------------------------------------

def load_csr(data: bytes, name: str = "-") -> CSR:
    """pemutil.ParseCertificateRequest: the first PEM CSR block, else DER."""
    if pem.has_pem(data):
        for block in pem.decode_blocks(data):
            if block.type.endswith("CERTIFICATE REQUEST"):
                try:
                    return parse_csr(block.der)
                except CSRParseError as exc:
                    raise CSRError(f"error parsing {name}: error decoding PEM data: {exc}") from None
    try:
        return parse_csr(data)
    except CSRParseError as exc:
        raise CSRError(f"error parsing {name}: error parsing certificate request as DER format: {exc}") from None


def read_csr(name: str) -> CSR:
    return load_csr(read_file(name, "csr"), name)


# -- issuer -----------------------------------------------------------------------

@dataclass(frozen=True)
class IssuerCertificate:
    """An issuer certificate with the fields step's checks read (Go's view)."""

    der: bytes
    subject: bytes
    public_key: PublicKey | None
    basic_constraints_valid: bool
    is_ca: bool
    max_path_len: int  # -1 when absent, as Go reports it
    key_usage: int
    subject_key_id: bytes
    not_after: int  # nanoseconds since the epoch, UTC

    @property
    def identity(self) -> IssuerIdentity:
        return IssuerIdentity(self.subject, self.subject_key_id)


_WANTED_EXTENSIONS = frozenset(("2.5.29.19", "2.5.29.15", "2.5.29.14"))  # basicConstraints, keyUsage, SKI
_KU_BITS = ("digital_signature", "non_repudiation", "key_encipherment", "data_encipherment",
            "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")


def parse_certificate(data: bytes) -> IssuerCertificate:
    """Parse a certificate with Go's checks (x509.ParseCertificate), then read it."""
    try:
        parse_certificate_checks(data)
    except GoParseError as exc:
        raise ValueError(str(exc)) from None
    try:
        top = der.children(data)
        if len(top) != 1 or top[0][0] != 0x30:
            raise ValueError("x509: malformed certificate")
        cert = x509.Certificate.load(data, strict=True)
        tbs = cert["tbs_certificate"]
        spki = tbs["subject_public_key_info"].dump()
        subject = tbs["subject"].dump()
        # Only the three extensions read below are decoded: Go's checks above
        # have walked every field once already, and decoding the rest again
        # costs more than the whole check on a long bundle.
        wanted = {}
        for extension in tbs["extensions"] or ():
            oid = extension["extn_id"].dotted
            if oid in _WANTED_EXTENSIONS:
                wanted[oid] = extension["extn_value"].parsed
        bc = wanted.get("2.5.29.19")
        ku = wanted.get("2.5.29.15")
        ski = wanted.get("2.5.29.14")
        not_after = _instant(tbs["validity"]["not_after"].native)
        key_usage = 0
        if ku is not None:
            names = ku.native
            key_usage = sum(1 << i for i, n in enumerate(_KU_BITS) if n in names)
        max_path_len = -1
        is_ca = False
        if bc is not None:
            is_ca = bool(bc["ca"].native)
            if bc["path_len_constraint"].native is not None:
                max_path_len = bc["path_len_constraint"].native
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(_clean(exc)) from None
    except der.ASN1_FAULTS:  # asn1crypto's internals failing: their words mean nothing to a user
        raise ValueError("x509: malformed certificate") from None
    try:
        public_key = parse_spki(spki)
    except KeyError_ as exc:
        raise ValueError(str(exc)) from None
    return IssuerCertificate(
        der=data,
        subject=subject,
        public_key=public_key,
        basic_constraints_valid=bc is not None,
        is_ca=is_ca,
        max_path_len=max_path_len,
        key_usage=key_usage,
        subject_key_id=ski.native if ski is not None else b"",
        not_after=not_after,
    )


def _instant(value) -> int:
    """A certificate time (asn1crypto's datetime, or its extended_datetime
    for year 0) as nanoseconds since the epoch."""
    from .golang.time import parse_rfc3339
    from .x509.validity import NS

    offset = value.utcoffset()
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:{value.second:02d}Z"
    instant = parse_rfc3339(text)
    assert instant is not None
    return instant - (int(offset.total_seconds()) * NS if offset else 0)


def _clean(exc: BaseException) -> str:
    """asn1crypto messages span lines; keep the first, it names the problem."""
    text = str(exc).strip().splitlines()
    return "x509: malformed certificate" + (f" ({text[0].strip()})" if text else "")


def load_issuers(data: bytes, name: str) -> list[IssuerCertificate]:
    """pemutil.ParseCertificateBundle: every headerless CERTIFICATE block, else DER."""
    if pem.has_pem(data):
        bundle = []
        for block in pem.decode_blocks(data):
            if block.type != "CERTIFICATE" or block.headers:
                continue
            try:
                bundle.append(parse_certificate(block.der))
            except ValueError as exc:
                raise InputError(f"error parsing {name}: error decoding PEM data: {exc}") from None
        if not bundle:
            raise InputError(f"error parsing {name}: does not contain a valid PEM encoded certificate")
        return bundle
    try:
        return [parse_certificate(data)]
    except ValueError as exc:
        raise InputError(f"error parsing {name}: error parsing certificate as DER format: {exc}") from None


def read_issuers(name: str) -> list[IssuerCertificate]:
    return load_issuers(read_file(name, "certificate"), name)


# -- password ---------------------------------------------------------------------

def read_password_file(name: str) -> bytes:
    """The password: the whole file, trailing (Unicode) whitespace trimmed."""
    # read_file's error names the file already; step says it twice
    # ('error reading pass.txt: error reading "pass.txt": ...'), pkisign once.
    data = read_file(name, "password")
    text = data.decode("utf-8", "surrogateescape").rstrip(GO_SPACE)
    return text.encode("utf-8", "surrogateescape")
