"""Fixed inputs the targets sign with: vector issuers, CSRs and subject keys.

Everything is read from ``tests/vectors`` once and cached.  The clock is
fixed (:data:`NOW`) and so are the validity and serial, so that an input
always gives the same outcome.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from _der import oid, tlv
from _harness import VECTORS

#: 2025-01-01T00:00:00Z, in nanoseconds: the clock of every target.
NOW = 1_735_689_600 * 1_000_000_000
NOT_BEFORE = "2025-01-01T00:00:00Z"
NOT_AFTER = "2025-07-01T00:00:00Z"
SERIAL = 0x1234

PROFILES = ("leaf", "intermediate-ca", "csr")
#: The issuers the targets sign with: deterministic signatures, so a certificate is reproducible.
ISSUERS = ("root-ed25519", "root-rsa2048")


def now() -> int:
    return NOW


@lru_cache(maxsize=None)
def issuer(name: str = "root-ed25519"):  # type: ignore[no-untyped-def]
    """A vector root CA with its key, as a pkisign ``Issuer``."""
    from pkisign.api import Issuer

    return Issuer.from_files(str(VECTORS / "issuers" / f"{name}.crt"), str(VECTORS / "issuers" / f"{name}.key"))


@lru_cache(maxsize=None)
def signers() -> tuple:  # type: ignore[type-arg]
    """A file signer for every vector issuer key (to match fuzzed certificates with)."""
    from pkisign.signers.file import FileSigner
    from pkisign.signers.keyfile import read_private_key

    out = []
    for path in sorted((VECTORS / "issuers").glob("*.key")) + sorted((VECTORS / "bad").glob("issuer-*.key")):
        out.append(FileSigner(read_private_key(path.read_bytes(), path.name)))
    return tuple(out)


@lru_cache(maxsize=None)
def issuer_certificates() -> tuple:  # type: ignore[type-arg]
    """Every vector issuer certificate, parsed by pkisign (to match fuzzed keys with)."""
    from pkisign.inputs import load_issuers

    out = []
    for path in sorted((VECTORS / "issuers").glob("*.crt")):
        out.extend(load_issuers(path.read_bytes(), path.name))
    return tuple(out)


@lru_cache(maxsize=None)
def csr(name: str = "ext-rsa2048.csr"):  # type: ignore[no-untyped-def]
    from pkisign.inputs import load_csr

    return load_csr((VECTORS / "csr" / name).read_bytes(), name)


def options(**changes):  # type: ignore[no-untyped-def]
    from pkisign.api import SignOptions

    values = dict(not_before=NOT_BEFORE, not_after=NOT_AFTER, serial=SERIAL)
    values.update(changes)
    return SignOptions(**values)


# -- re-signing fuzzed CSR bodies -------------------------------------------------

@lru_cache(maxsize=None)
def subject_key(kind: str):  # type: ignore[no-untyped-def]
    """A CSR key from tests/vectors/keys/subject (cryptography object)."""
    from cryptography.hazmat.primitives import serialization

    return serialization.load_pem_private_key((VECTORS / "keys" / "subject" / f"{kind}.key").read_bytes(), None)


@lru_cache(maxsize=None)
def subject_spki(kind: str) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return subject_key(kind).public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


#: Key kinds a fuzzed CertificationRequestInfo is signed with (deterministic signatures only).
RESIGN_KINDS = ("ed25519", "rsa2048")


def resign(info: bytes, kind: str) -> bytes:
    """A CSR made of ``info`` (any bytes, taken as the CertificationRequestInfo
    TLV) and a valid signature over them with the subject key ``kind``."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    key = subject_key(kind)
    if kind == "ed25519":
        algorithm = tlv(0x30, oid("1.3.101.112"))
        sig = key.sign(info)
    else:
        algorithm = tlv(0x30, oid("1.2.840.113549.1.1.11") + b"\x05\x00")
        sig = key.sign(info, padding.PKCS1v15(), hashes.SHA256())
    return tlv(0x30, info + algorithm + tlv(0x03, b"\x00" + sig))


def pem_armour(label: str, der: bytes, headers: str = "") -> bytes:
    b64 = base64.b64encode(der).decode()
    lines = "".join(b64[i:i + 64] + "\n" for i in range(0, len(b64), 64))
    return f"-----BEGIN {label}-----\n{headers}{lines}-----END {label}-----\n".encode()


def csr_info_with_key(csr_der: bytes, kind: str) -> bytes | None:
    """The CertificationRequestInfo of a vector CSR with its key replaced by ``kind``'s."""
    import _der

    try:
        info = _der.parse(csr_der).children[0]  # type: ignore[index]
        info.children[2] = _der.parse(subject_spki(kind))  # type: ignore[index]
        return info.encode()
    except (ValueError, IndexError, TypeError):
        return None


def vector_csr_ders() -> list[bytes]:
    """The DER of every vector CSR (good and bad), PEM unwrapped."""
    out = []
    for path in sorted((VECTORS / "csr").iterdir()) + sorted((VECTORS / "bad").glob("csr-*")):
        data = path.read_bytes()
        if b"-----BEGIN" in data:
            body = data.split(b"-----BEGIN", 1)[1].split(b"-----", 1)[1].split(b"-----END")[0]
            try:
                data = base64.b64decode(b"".join(body.split()))
            except ValueError:
                continue
        out.append(data)
    return out
