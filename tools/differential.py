"""Differential testing: pkisign against the step reference signer, on generated CSRs.

    python tools/differential.py --examples 3000 [--seed N] [--out DIR] [--keys DIR]

Hypothesis generates CSRs that probe what step copies, re-encodes or
refuses: subjects with every string type (Printable, UTF8, IA5, T61, BMP,
Numeric, Universal, Visible, and contents that break them), multi-valued
RDNs, repeated and non-standard attributes; SAN mixes (DNS names with
wildcards and odd characters, IPv4, IPv6, IPv4-mapped and malformed
addresses, emails, URIs, otherName, directoryName, registeredID);
requested extensions (keyUsage, extKeyUsage, basicConstraints with
CA:TRUE, key identifiers, nameConstraints, policies, custom and malformed
ones, duplicates, explicit critical=FALSE); every key type (RSA-2048,
P-256, P-384, P-521, Ed25519, and P-224, which Go also reads) and signature
hash.  Each CSR is signed by pkisign (in-process) and by ``step-sign-ref``
(``sudo bash tools/install-step.sh``) with every profile, the
same ``--serial``, ``--not-before`` and ``--not-after``, and an RSA or
Ed25519 vector issuer, so both signatures are deterministic:

* both sign: the PEM output must be byte-identical ("identical");
* both refuse ("both-refused"): the messages may be worded differently,
  but they must refuse for the same reason (the *class* of
  :func:`refusal_class`); a different class is a mismatch;
* anything else is a mismatch: different bytes (the first differing
  TBSCertificate field is named), or only one of the two refusing.

Each new kind of mismatch is shrunk (RDNs, attributes, SAN entries and
extensions dropped, values shortened, the key made Ed25519) while it stays
the same kind, and written to ``--out`` as ``<n>-<kind>.csr`` with a
``.json`` note: the argv, both exit codes, messages and outputs, and the
CSR's content.  The run ends with the counts.

The keys are made with ``openssl genpkey`` once per run (or kept in
``--keys DIR``).  ``tests/test_differential.py`` runs a bounded,
derandomised portion of this in CI.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REFERENCE = "step-sign-ref"
PROFILES = ("leaf", "intermediate-ca", "csr")
ISSUERS = {"rsa": ("issuers/root-rsa2048.crt", "issuers/root-rsa2048.key"),
           "ed25519": ("issuers/root-ed25519.crt", "issuers/root-ed25519.key")}
KEY_KINDS = ("rsa2048", "p256", "p384", "p521", "ed25519", "p224")
_GENPKEY = {
    "rsa2048": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    # e = 2^32 + 1: a real key whose exponent crypto/rsa refuses (> 2^31 - 1)
    "rsa2048-e2p32": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                      "-pkeyopt", "rsa_keygen_pubexp:4294967297"],
    "p224": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-224"],
    "p256": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
    "p384": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
    "p521": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
    "ed25519": ["-algorithm", "ED25519"],
}


# == DER: the golden-vector generators' writer (independent of pkisign) ==========

sys.path.insert(0, str(ROOT / "tests" / "vectors"))
from inprocess import captured  # noqa: E402 - tools/ is this file's directory
from vectorlib import integer, oid, seq, tlv  # noqa: E402

# == the CSR model =================================================================

@dataclass
class Attr:
    """One AttributeTypeAndValue: the OID, the value's tag and its bytes as encoded."""

    oid: str
    tag: int
    value: bytes

    def encode(self) -> bytes:
        return seq(oid(self.oid), tlv(self.tag, self.value))


@dataclass
class Ext:
    """A requested extension; ``names`` (GeneralName TLVs) make a SAN's value."""

    oid: str
    critical: bool | None  # None: the field is absent; False: encoded explicitly (not DER)
    value: bytes = b""
    names: list[bytes] | None = None

    def encode(self) -> bytes:
        value = seq(*self.names) if self.names is not None else self.value
        crit = b"" if self.critical is None else tlv(0x01, b"\xff" if self.critical else b"\x00")
        return seq(oid(self.oid), crit, tlv(0x04, value))


@dataclass
class CSRSpec:
    """A CSR to generate: a key, a subject, requested extensions, and odd corners."""

    key: str = "ed25519"
    subject: list[list[Attr]] = field(default_factory=list)
    extensions: list[Ext] = field(default_factory=list)
    ext_request: bool = True  # an extensionRequest attribute (even with no extensions)
    challenge: bool = False  # a challengePassword attribute too
    hash: str = "sha256"
    version: int = 0
    spki: bytes | None = None  # a SubjectPublicKeyInfo written instead of the signing key's own

    def info(self, spki: bytes) -> bytes:
        name = seq(*(tlv(0x31, b"".join(a.encode() for a in rdn)) for rdn in self.subject))
        attributes = []
        if self.challenge:
            attributes.append(seq(oid("1.2.840.113549.1.9.7"), tlv(0x31, tlv(0x13, b"secret"))))
        if self.ext_request:
            attributes.append(seq(oid("1.2.840.113549.1.9.14"),
                                  tlv(0x31, seq(*(e.encode() for e in self.extensions)))))
        return seq(integer(self.version), name, spki, tlv(0xA0, b"".join(attributes)))

    def describe(self) -> dict:  # type: ignore[type-arg]
        """A readable account of the CSR for the reproducer's note."""
        def value(a: Attr) -> str:
            return f"{a.oid} tag {a.tag:#04x} {a.value.hex()} ({a.value!r})"
        return {
            "key": self.key, "spki": self.spki.hex() if self.spki else None, "hash": self.hash, "version": self.version, "challengePassword": self.challenge,
            "subject": [[value(a) for a in rdn] for rdn in self.subject],
            "extensionRequest": self.ext_request,
            "extensions": [{"oid": e.oid, "critical": e.critical,
                            "value": (seq(*e.names) if e.names is not None else e.value).hex()}
                           for e in self.extensions],
        }


class Keys:
    """A small pool of CSR keys, one per kind, made with openssl once."""

    def __init__(self, directory: Path | None = None) -> None:
        self._tmp = None
        if directory is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="pkisign-diff-keys-")
            directory = Path(self._tmp.name)
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self._keys: dict[str, object] = {}

    def key(self, kind: str):  # type: ignore[no-untyped-def]
        if kind not in self._keys:
            from cryptography.hazmat.primitives import serialization

            path = self.directory / f"{kind}.key"
            if not path.exists():
                openssl = shutil.which("openssl")
                if openssl is None:
                    raise RuntimeError("openssl is needed to make the CSR keys")
                subprocess.run([openssl, "genpkey", *_GENPKEY[kind], "-out", str(path)], check=True,
                               capture_output=True)
            self._keys[kind] = serialization.load_pem_private_key(path.read_bytes(), None)
        return self._keys[kind]

    def csr(self, spec: CSRSpec) -> bytes:
        """The CSR's DER, signed with the pool's key of its kind."""
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding

        key = self.key(spec.key)
        spki = spec.spki or key.public_key().public_bytes(serialization.Encoding.DER,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo)
        info = spec.info(spki)
        hash_cls = {"sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
                    "sha512": hashes.SHA512}[spec.hash]
        if isinstance(key, ed25519.Ed25519PrivateKey):
            algorithm, sig = seq(oid("1.3.101.112")), key.sign(info)
        elif isinstance(key, ec.EllipticCurvePrivateKey):
            oids = {"sha1": "1.2.840.10045.4.1", "sha256": "1.2.840.10045.4.3.2",
                    "sha384": "1.2.840.10045.4.3.3", "sha512": "1.2.840.10045.4.3.4"}
            algorithm, sig = seq(oid(oids[spec.hash])), key.sign(info, ec.ECDSA(hash_cls()))
        else:
            oids = {"sha1": "1.2.840.113549.1.1.5", "sha256": "1.2.840.113549.1.1.11",
                    "sha384": "1.2.840.113549.1.1.12", "sha512": "1.2.840.113549.1.1.13"}
            algorithm = seq(oid(oids[spec.hash]), b"\x05\x00")
            sig = key.sign(info, padding.PKCS1v15(), hash_cls())
        return seq(info, algorithm, tlv(0x03, b"\x00" + sig))


@dataclass(frozen=True)
class Flags:
    """What both signers are given besides the CSR."""

    issuer: str = "ed25519"
    serial: int = 1
    not_before: str = "2025-01-01T00:00:00Z"
    not_after: str = "2025-07-01T00:00:00Z"
    omit_cn_san: bool = False
    path_len: int = 0

    def argv(self, csr: str, profile: str) -> list[str]:
        crt, key = ISSUERS[self.issuer]
        argv = [csr, str(VECTORS / crt), str(VECTORS / key), f"--profile={profile}", f"--serial={self.serial}",
                f"--not-before={self.not_before}", f"--not-after={self.not_after}"]
        if self.omit_cn_san:
            argv.append("--omit-cn-san")
        if profile == "intermediate-ca":
            argv.append(f"--path-len={self.path_len}")
        return argv


@dataclass(frozen=True)
class Case:
    spec: CSRSpec
    flags: Flags


# == hypothesis strategies =========================================================

#: Attribute values of the other universal types encoding/asn1 parses into an
#: interface{} (and so may refuse): tag -> (valid contents, invalid contents).
_ANY_VALUES = {
    0x01: ([b"\x00", b"\xff"], [b"", b"\x01", b"\x00\x00"]),                                  # BOOLEAN (DER)
    0x02: ([b"\x00", b"\x7f", b"\xff", b"\x01\x00", b"\x7f" + b"\xff" * 7],          # INTEGER (int64 only)
           [b"", b"\x00\x01", b"\xff\x80", b"\x01" + b"\x00" * 8, b"\x00" * 9]),
    0x03: ([b"\x00", b"\x00\xff", b"\x04\xf0"], [b"", b"\x08\x00", b"\x01", b"\x03\x01"]),  # BIT STRING
    0x06: ([b"\x2a\x03", b"\x55\x04\x03", b"\x88\x37"], [b"", b"\x80", b"\x2a\x80\x01", b"\x2a\x86"]),  # OID
    0x17: ([b"250101000000Z", b"2501010000Z", b"250101000000+0100"],                          # UTCTime
           [b"", b"25010100000Z", b"250101000000", b"251301000000Z", b"250101000060Z"]),
    0x18: ([b"20250101000000Z", b"20250101000000.5Z"],                                        # GeneralizedTime
           [b"", b"2025010100000Z", b"20250101000000.Z", b"20250101000000.50Z", b"20250101000000"]),
}


def strategies():  # type: ignore[no-untyped-def]
    """The hypothesis strategy of cases (imported lazily: the tool needs hypothesis).

    Seven cases in ten are *clean*: string contents valid for their type,
    string types Go reads, well-formed extensions, SANs Go parses, so that
    most comparisons are of certificates.  The others are *hostile*:
    anything goes, and most end in a refusal, whose class is compared.
    """
    from hypothesis import strategies as st

    printable = "ABCXYZabcxyz0129 '()+,-./:=?"
    odd = "*&@_!\"#;<>[]\\\x00\x7f\té漢\U0001f600"
    text = st.text(alphabet=printable, min_size=0, max_size=12)
    bad_text = st.text(alphabet=printable + odd, min_size=1, max_size=12)

    def strings(tag: int, clean: bool):  # type: ignore[no-untyped-def]
        """Contents for one string type: valid for it, or (hostile) anything."""
        if tag == 0x13:  # PrintableString
            valid = text.map(str.encode)
            invalid = bad_text.map(lambda s: s.encode("utf-8"))
        elif tag == 0x0C:  # UTF8String
            valid = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12).map(
                lambda s: s.encode("utf-8"))
            invalid = st.binary(min_size=1, max_size=6)
        elif tag in (0x16, 0x1A):  # IA5String, VisibleString
            valid = st.text(alphabet=st.characters(max_codepoint=0x7E, min_codepoint=0x20), max_size=12).map(str.encode)
            invalid = st.binary(min_size=1, max_size=6)
        elif tag == 0x14:  # T61String: Go takes any bytes
            valid = st.binary(max_size=10)
            invalid = valid
        elif tag == 0x1E:  # BMPString
            valid = st.text(alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)),
                            max_size=6).map(lambda s: s.encode("utf-16-be"))
            invalid = st.binary(min_size=1, max_size=5)
        elif tag == 0x12:  # NumericString
            valid = st.text(alphabet="0123456789 ", max_size=8).map(str.encode)
            invalid = bad_text.map(str.encode)
        elif tag == 0x1C:  # UniversalString
            valid = st.text(max_size=4).map(lambda s: s.encode("utf-32-be", "surrogatepass"))
            invalid = st.binary(max_size=6)
        elif tag in _ANY_VALUES:  # other types Go parses into an attribute's interface{} value
            valid = st.sampled_from(_ANY_VALUES[tag][0])
            invalid = st.one_of(st.sampled_from(_ANY_VALUES[tag][1]), st.binary(max_size=10))
        else:  # GeneralString, OCTET STRING, NULL, ENUMERATED...: Go keeps no value
            valid = invalid = st.binary(max_size=8)
        return valid if clean else st.one_of(valid, invalid)

    clean_tags = st.sampled_from([0x13] * 5 + [0x0C] * 5 + [0x16, 0x16, 0x14, 0x1E, 0x12])
    hostile_tags = st.sampled_from([0x13, 0x0C, 0x16, 0x14, 0x1E, 0x12, 0x1C, 0x1A, 0x04, 0x1B, 0x01, 0x05,
                                    0x02, 0x02, 0x03, 0x06, 0x17, 0x18])
    attr_oids = st.sampled_from([
        "2.5.4.3", "2.5.4.3", "2.5.4.6", "2.5.4.10", "2.5.4.11", "2.5.4.7", "2.5.4.8", "2.5.4.9", "2.5.4.17",
        "2.5.4.5", "1.2.840.113549.1.9.1", "0.9.2342.19200300.100.1.25", "0.9.2342.19200300.100.1.1",
        "2.5.4.12", "2.5.4.42", "2.5.4.4", "2.5.4.65", "1.3.6.1.4.1.311.60.2.1.3", "1.3.6.1.4.1.99999.1",
        "2.999.7"])

    @st.composite
    def attr(draw, clean: bool):  # type: ignore[no-untyped-def]
        tag = draw(clean_tags if clean else hostile_tags)
        return Attr(draw(attr_oids), tag, draw(strings(tag, clean)))

    def subject(clean: bool):  # type: ignore[no-untyped-def]
        return st.lists(st.lists(attr(clean), min_size=1, max_size=3), max_size=6)

    ascii_dns = st.sampled_from([
        "example.com", "*.example.com", "a.*.example.com", "*", "EXAMPLE.COM", "xn--bcher-kva.example",
        "_srv._tcp.example", "exa mple.com", "trailing.dot.", ".leading.example", "a..b", "", "-dash.example",
        "localhost", "1.2.3.4", "*.*.example", "a_b.example", "x" * 64 + ".example"])
    dns_clean = st.one_of(ascii_dns, st.text(alphabet="abc.-*_ 1", max_size=12))
    dns_hostile = st.one_of(dns_clean, st.sampled_from(["ünicode.example", "a\x00b"]),
                            st.text(alphabet="abc.-*_ 1é", max_size=12))
    ip_clean = st.one_of(st.binary(min_size=4, max_size=4), st.binary(min_size=16, max_size=16),
                         st.binary(min_size=4, max_size=4).map(lambda v4: b"\x00" * 10 + b"\xff\xff" + v4),
                         st.sampled_from([b"\x7f\x00\x00\x01", b"\x00" * 16, b"\x00" * 15 + b"\x01", b"\x00" * 4]))
    ip_hostile = st.one_of(ip_clean, st.sampled_from([b"", b"\x01\x02\x03", b"\x0a\x00\x00\x00\xff\xff\xff\x00"]))
    emails = ["user@example.com", "user@[1.2.3.4]", "@example.com", "example.com", "a@b@c", "", "user+tag@EXAMPLE.com",
              '"quoted local"@example.com', "user@", "user@-bad-.com"]
    email_clean = st.one_of(st.sampled_from(emails), st.text(alphabet="ab@. ", max_size=10))
    email_hostile = st.one_of(email_clean, st.sampled_from(["ü@example.com"]), st.text(alphabet="ab@.é ", max_size=10))
    uris = ["https://example.com/path", "spiffe://trust.example/ns/x/sa/y", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
            "http://[::1]:8080/", "mailto:a@b.example", "//nohost/path", "ftp://user:pass@host.example/",
            "HTTPS://EXAMPLE.COM/", "relative/path", "https://example.com:99999/", "https://example.com/#frag?x",
            "https://ex%41mple.com/p%20q"]
    uri_clean = st.sampled_from(uris)
    uri_hostile = st.one_of(uri_clean, st.sampled_from(["https://ex%41mple.com/%zz", "", "https://example.com/a b",
                                                        "https://ü.example/"]),
                            st.text(alphabet="abc:/%?#@[]é", max_size=12))
    other = st.sampled_from([
        tlv(0xA0, oid("1.3.6.1.4.1.311.20.2.3") + tlv(0xA0, tlv(0x0C, b"upn@example.com"))),
        tlv(0xA4, seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, b"dir"))))),
        tlv(0x88, oid("1.2.3.4")[2:]),
    ])

    def general_name(clean: bool):  # type: ignore[no-untyped-def]
        def enc(tag):  # type: ignore[no-untyped-def]
            return lambda s: tlv(tag, s.encode("utf-8") if isinstance(s, str) else s)

        return st.one_of(
            (dns_clean if clean else dns_hostile).map(enc(0x82)), (dns_clean if clean else dns_hostile).map(enc(0x82)),
            (ip_clean if clean else ip_hostile).map(enc(0x87)),
            (email_clean if clean else email_hostile).map(enc(0x81)),
            (uri_clean if clean else uri_hostile).map(enc(0x86)),
            other if clean else st.one_of(other, st.just(tlv(0xA3, b""))))

    def ku(clean: bool):  # type: ignore[no-untyped-def]
        if clean:  # one or two bytes, the unused bits counted as DER wants
            def encode(value: int) -> bytes:
                if value == 0:
                    return tlv(0x03, b"\x00")
                body = value.to_bytes(2, "big").rstrip(b"\x00") if value > 0xFF else bytes((value,))
                unused = (body[-1] & -body[-1]).bit_length() - 1
                return tlv(0x03, bytes((unused,)) + body)
            return st.integers(0, 0x1FF).map(lambda v: encode(v << 7 if v > 0xFF else v))
        return st.builds(lambda unused, body: tlv(0x03, bytes((unused,)) + body),
                         st.integers(0, 7), st.binary(max_size=2))

    eku_oids = st.sampled_from(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.3", "1.3.6.1.5.5.7.3.4",
                                "1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9", "2.5.29.37.0", "1.3.6.1.4.1.99999.5"])
    critical = st.sampled_from([None, None, True, False])

    @st.composite
    def basic_constraints(draw, clean: bool):  # type: ignore[no-untyped-def]
        ca = draw(st.sampled_from([None, True, False]))
        path = draw(st.sampled_from([None, 0, 1, 5] if clean else [None, 0, 1, 5, -1, 300]))
        body = (tlv(0x01, b"\xff" if ca else b"\x00") if ca is not None else b"") + \
            (integer(path) if path is not None and (ca or not clean) else b"")
        return seq(body) if clean or draw(st.integers(0, 9)) else body  # hostile: sometimes not a SEQUENCE

    def extension(clean: bool):  # type: ignore[no-untyped-def]
        return st.one_of(
            st.builds(lambda c, names: Ext("2.5.29.17", c, names=names), critical,
                      st.lists(general_name(clean), min_size=1 if clean else 0, max_size=5)),
            st.builds(lambda c, names: Ext("2.5.29.17", c, names=names), critical,
                      st.lists(general_name(clean), min_size=1, max_size=3)),
            st.builds(lambda c, v: Ext("2.5.29.15", c, v), critical, ku(clean)),
            st.builds(lambda c, os_: Ext("2.5.29.37", c, seq(*(oid(o) for o in os_))), critical,
                      st.lists(eku_oids, min_size=1 if clean else 0, max_size=4)),
            st.builds(lambda c, v: Ext("2.5.29.19", c, v), critical, basic_constraints(clean)),
            st.builds(lambda c, v: Ext("2.5.29.14", c, tlv(0x04, v)), critical, st.binary(max_size=20)),
            st.builds(lambda c, v: Ext("2.5.29.35", c, seq(tlv(0x80, v))), critical, st.binary(max_size=20)),
            st.builds(lambda c: Ext("2.5.29.30", c, seq(tlv(0xA0, seq(tlv(0x82, b"example.com"))))), critical),
            st.builds(lambda c: Ext("2.5.29.32", c, seq(seq(oid("2.23.140.1.2.1")))), critical),
            st.builds(lambda c: Ext("1.3.6.1.5.5.7.1.1", c, seq(seq(oid("1.3.6.1.5.5.7.48.1"),
                                                                  tlv(0x86, b"http://ocsp.example")))), critical),
            st.builds(lambda c, v: Ext("1.3.6.1.4.1.99999.9", c, v), critical,
                      st.one_of(st.just(seq(tlv(0x0C, b"custom"))), st.binary(max_size=12))),
        )

    @st.composite
    def extensions(draw, clean: bool):  # type: ignore[no-untyped-def]
        exts = draw(st.lists(extension(clean), max_size=5))
        if clean:  # one of each
            seen: set[str] = set()
            exts = [e for e in exts if not (e.oid in seen or seen.add(e.oid))]  # type: ignore[func-returns-value]
        elif exts and draw(st.integers(0, 3)) == 0:
            exts.append(dataclasses.replace(exts[draw(st.integers(0, len(exts) - 1))]))  # a duplicate
        return exts

    @st.composite
    def spec(draw):  # type: ignore[no-untyped-def]
        clean = draw(st.integers(0, 9)) < 7
        key = draw(st.sampled_from(["rsa2048", "p256", "p384", "p521", "ed25519", "ed25519", "p256", "p224"]))
        hashes = ["sha256"] if key == "ed25519" else ["sha256", "sha256", "sha384", "sha512", "sha1"]
        return CSRSpec(
            key=key,
            subject=draw(subject(clean)),
            extensions=draw(extensions(clean)),
            ext_request=clean or draw(st.integers(0, 9)) > 0,
            challenge=draw(st.integers(0, 9)) == 0,
            hash=draw(st.sampled_from(hashes)),
            version=0 if clean else draw(st.sampled_from([0, 0, 1, 2])),
        )

    times = st.sampled_from([
        ("2025-01-01T00:00:00Z", "2025-07-01T00:00:00Z"), ("2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z"),
        ("1949-12-31T23:59:59Z", "1950-01-01T00:00:00Z"), ("2024-02-29T12:34:56.999999999Z", "2024-03-01T00:00:00+05:30"),
        ("2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z"), ("0001-01-01T00:00:01Z", "9999-12-31T23:59:59Z"),
    ])
    serials = st.one_of(st.integers(0, 2 ** 64), st.sampled_from([0, 1, 2 ** 159 - 1, 2 ** 159, 2 ** 160, 2 ** 168,
                                                                  2 ** 63, 0x80, 0xFF, 0x8000]))
    flags = st.builds(lambda issuer, serial, t, omit, pl: Flags(issuer, serial, t[0], t[1], omit, pl),
                      st.sampled_from(sorted(ISSUERS)), serials, times, st.booleans(),
                      st.sampled_from([0, 1, -1, 10]))
    return st.builds(Case, spec(), flags)


# == running both signers ==========================================================

@dataclass
class Outcome:
    code: int
    stdout: bytes
    stderr: str

    @property
    def message(self) -> str:
        """The error line (warnings left out)."""
        lines = [line for line in self.stderr.splitlines() if line and not line.startswith("warning: ")]
        return lines[-1] if lines else ""


def reference_path() -> str | None:
    return shutil.which(REFERENCE)


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("STEP_") and k != "PKISIGN_DEBUG"}


def run_reference(argv: list[str]) -> Outcome:
    proc = subprocess.run([REFERENCE, *argv], capture_output=True, env=clean_env(), timeout=60)
    return Outcome(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))


def run_pkisign(argv: list[str]) -> Outcome:
    """``pkisign sign ARGV`` in this process (no interpreter start-up per case)."""
    from pkisign.cli.command import main

    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("STEP_")}
    try:
        with captured() as (out, err):
            code = main(["sign", *argv])
    finally:
        os.environ.update(saved)
    return Outcome(code, out.buffer.getvalue(), err.getvalue())


#: Why a signer refused, from its message: (class, pattern), first match wins.
#: Both signers' messages go through the same table.
_CLASSES = [
    ("internal-error", r"internal error|panic|Something unexpected"),
    ("csr-signature", r"invalid signature|cannot verify signature|signature algorithm"),
    ("csr-parse", r"error parsing \S+: error (parsing certificate request|decoding PEM)|certificate request"),
    ("issuer-file", r"does not contain a valid (PEM encoded )?certificate|error parsing certificate as DER"),
    ("template", r"error (executing|parsing) template|error unmarshaling|template:"),
    ("certificate-reparse", r"error parsing certificate"),
    ("create-certificate", r"error creating certificate|x509: "),
    ("flags", r"invalid value|flag|incompatible"),
    ("issuer", r"issuer|private key"),
]


def refusal_class(message: str) -> str:
    for name, pattern in _CLASSES:
        if re.search(pattern, message):
            return name
    return "other"


def first_difference(ours: bytes, theirs: bytes) -> str:
    """The first TBSCertificate field (or extension OID) in which two PEM outputs differ."""
    def tbs_fields(pem_bytes: bytes) -> list[tuple[str, bytes]]:
        from asn1crypto import pem as apem
        from asn1crypto import x509

        der = next(d for _, _, d in apem.unarmor(pem_bytes, multiple=True))
        cert = x509.Certificate.load(der)
        tbs = cert["tbs_certificate"]
        out = []
        for name in ("version", "serial_number", "signature", "issuer", "validity", "subject",
                     "subject_public_key_info"):
            out.append((name, tbs[name].dump()))
        for ext in tbs["extensions"]:
            out.append((f"extension {ext['extn_id'].dotted}", ext.dump()))
        out.append(("extension list", b"".join(e["extn_id"].dump() for e in tbs["extensions"])))
        out.append(("signature value", cert["signature_value"].dump()))
        return out

    try:
        a, b = tbs_fields(ours), tbs_fields(theirs)
    except Exception as exc:  # noqa: BLE001 - a certificate asn1crypto cannot read is itself the finding
        return f"unparsable output ({type(exc).__name__})"
    for (name_a, value_a), (name_b, value_b) in zip(a, b):
        if name_a != name_b:
            return f"extensions differ ({name_a} / {name_b})"
        if value_a != value_b:
            return name_a
    return "length" if len(a) != len(b) else "PEM text"


def compare(ours: Outcome, theirs: Outcome) -> str:
    """The kind of a comparison: "identical", "both-refused", or "mismatch: ..."."""
    if ours.code == 2 or ours.code not in (0, 1):
        return f"mismatch: pkisign exit {ours.code} ({ours.message[:80]})"
    if ours.code == 0 and theirs.code == 0:
        return "identical" if ours.stdout == theirs.stdout else \
            f"mismatch: different certificate ({first_difference(ours.stdout, theirs.stdout)})"
    if ours.code != 0 and theirs.code != 0:
        a, b = refusal_class(ours.message), refusal_class(theirs.message)
        return "both-refused" if a == b else f"mismatch: refused for different reasons (pkisign {a}, step {b})"
    if ours.code != 0:
        return f"mismatch: only pkisign refuses ({refusal_class(ours.message)})"
    return f"mismatch: only step refuses ({refusal_class(theirs.message)})"


@dataclass
class Result:
    profile: str
    kind: str
    argv: list[str]
    ours: Outcome
    theirs: Outcome


def run_case(case: Case, keys: Keys, workdir: Path, profiles: Iterable[str] = PROFILES) -> list[Result]:
    """Sign the case's CSR with both signers, every profile; one Result per profile."""
    der = keys.csr(case.spec)
    path = workdir / (hashlib.sha1(der).hexdigest()[:16] + ".csr")
    path.write_bytes(der)
    results = []
    try:
        for profile in profiles:
            argv = case.flags.argv(str(path), profile)
            ours, theirs = run_pkisign(argv), run_reference(argv)
            results.append(Result(profile, compare(ours, theirs), argv, ours, theirs))
    finally:
        path.unlink()
    return results


# == shrinking and saving mismatches ===============================================

def _smaller_specs(spec: CSRSpec) -> Iterable[CSRSpec]:
    """Specs one step simpler than ``spec``: something dropped or shortened."""
    r = dataclasses.replace
    for i in range(len(spec.extensions)):
        yield r(spec, extensions=spec.extensions[:i] + spec.extensions[i + 1:])
    for i in range(len(spec.subject)):
        yield r(spec, subject=spec.subject[:i] + spec.subject[i + 1:])
    for i, rdn in enumerate(spec.subject):
        for j in range(len(rdn)):
            if len(rdn) > 1:
                yield r(spec, subject=spec.subject[:i] + [rdn[:j] + rdn[j + 1:]] + spec.subject[i + 1:])
            a = rdn[j]
            for shorter in ({a.value[:len(a.value) // 2], b"a"} - {a.value}):
                if len(shorter) < len(a.value):
                    new = rdn[:j] + [Attr(a.oid, a.tag, shorter)] + rdn[j + 1:]
                    yield r(spec, subject=spec.subject[:i] + [new] + spec.subject[i + 1:])
    for i, e in enumerate(spec.extensions):
        if e.names:
            for j in range(len(e.names)):
                smaller = Ext(e.oid, e.critical, e.value, e.names[:j] + e.names[j + 1:])
                yield r(spec, extensions=spec.extensions[:i] + [smaller] + spec.extensions[i + 1:])
        if e.critical is not None:
            yield r(spec, extensions=spec.extensions[:i] + [Ext(e.oid, None, e.value, e.names)] +
                    spec.extensions[i + 1:])
    if spec.key != "ed25519":
        yield r(spec, key="ed25519", hash="sha256")
    if spec.hash != "sha256" and spec.key != "ed25519":
        yield r(spec, hash="sha256")
    if spec.challenge:
        yield r(spec, challenge=False)
    if spec.version:
        yield r(spec, version=0)
    if spec.ext_request and not spec.extensions:
        yield r(spec, ext_request=False)


def shrink(case: Case, profile: str, kind: str, keys: Keys, workdir: Path, budget: int = 400) -> Case:
    """The smallest case found (greedily) that still gives ``kind`` for ``profile``."""
    tries = 0
    changed = True
    while changed and tries < budget:
        changed = False
        for spec in _smaller_specs(case.spec):
            tries += 1
            candidate = Case(spec, case.flags)
            if run_case(candidate, keys, workdir, (profile,))[0].kind == kind:
                case, changed = candidate, True
                break
            if tries >= budget:
                break
    return case


def _slug(kind: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")[:60]


def save_reproducer(directory: Path, number: int, case: Case, result: Result, keys: Keys,
                    stem: str | None = None) -> Path:
    """``<n>-<kind>.csr`` (PEM) and ``.json`` (argv, both outcomes, the CSR's content)."""
    directory.mkdir(parents=True, exist_ok=True)
    stem = stem or f"{number:03d}-{_slug(result.kind)}"
    der = keys.csr(case.spec)
    b64 = base64.b64encode(der).decode()
    pem = "-----BEGIN CERTIFICATE REQUEST-----\n" + "".join(b64[i:i + 64] + "\n" for i in range(0, len(b64), 64)) \
        + "-----END CERTIFICATE REQUEST-----\n"
    (directory / f"{stem}.csr").write_text(pem)
    csr_path = directory.resolve() / f"{stem}.csr"
    shown = str(csr_path.relative_to(ROOT)) if csr_path.is_relative_to(ROOT) else str(csr_path)
    argv = [shown] + [a.replace(str(VECTORS) + os.sep, "tests/vectors/") for a in result.argv[1:]]

    def outcome(o: Outcome) -> dict:  # type: ignore[type-arg]
        return {"exit": o.code, "stderr": o.stderr, "stdout": o.stdout.decode("ascii", "replace")}

    note = {
        "kind": result.kind,
        "profile": result.profile,
        "argv": argv,
        "how": "pkisign sign ARGV and step-sign-ref ARGV, from the repository root",
        "pkisign": outcome(result.ours),
        "step": outcome(result.theirs),
        "csr": case.spec.describe(),
    }
    (directory / f"{stem}.json").write_text(json.dumps(note, indent=1, ensure_ascii=False) + "\n")
    return directory / f"{stem}.csr"


# == the campaign ==================================================================

@dataclass
class Tally:
    cases: int = 0
    compared: int = 0
    counts: Counter = field(default_factory=Counter)  # type: ignore[type-arg]
    kinds: Counter = field(default_factory=Counter)  # type: ignore[type-arg]
    saved: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"CSRs generated: {self.cases}; comparisons (CSR x profile): {self.compared}",
                 f"  identical:     {self.counts['identical']}",
                 f"  both refused:  {self.counts['both-refused']}",
                 f"  mismatches:    {self.counts['mismatch']}"]
        for kind, n in self.kinds.most_common():
            lines.append(f"    {n:6d}  {kind}")
        for path in self.saved:
            lines.append(f"  reproducer: {path}")
        return "\n".join(lines)


def campaign(examples: int, seed: int | None, out: Path, keys: Keys, shrink_budget: int = 400) -> Tally:
    """Run ``examples`` generated cases; shrink and save the first case of each mismatch kind."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    tally = Tally()
    seen: set[str] = set()
    workdir = Path(tempfile.mkdtemp(prefix="pkisign-diff-"))

    @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategies())
    def one(case: Case) -> None:
        tally.cases += 1
        for result in run_case(case, keys, workdir):
            tally.compared += 1
            head = result.kind.split(":")[0]
            tally.counts[head] += 1
            if head == "mismatch":
                tally.kinds[f"{result.profile}: {result.kind}"] += 1
                key = f"{result.profile}|{result.kind}"
                if key not in seen:
                    seen.add(key)
                    small = shrink(case, result.profile, result.kind, keys, workdir, shrink_budget)
                    final = run_case(small, keys, workdir, (result.profile,))[0]
                    tally.saved.append(str(save_reproducer(out, len(tally.saved) + 1, small, final, keys)))
                    print(f"new mismatch ({result.profile}): {result.kind} -> {tally.saved[-1]}", flush=True)

    if seed is not None:
        one = hypothesis_seed(seed)(one)
    try:
        one()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="generated CSRs (each signed with 3 profiles)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, for a repeatable run")
    parser.add_argument("--out", type=Path, default=Path("differential-mismatches"),
                        help="where reproducers of mismatches are written")
    parser.add_argument("--keys", type=Path, default=None, help="keep the CSR keys in this directory")
    parser.add_argument("--shrink-budget", type=int, default=400, help="signings spent shrinking each mismatch")
    args = parser.parse_args(argv)
    if reference_path() is None:
        print(f"{REFERENCE} is not installed: sudo bash tools/install-step.sh", file=sys.stderr)
        return 2
    import time

    started = time.monotonic()
    tally = campaign(args.examples, args.seed, args.out, Keys(args.keys), args.shrink_budget)
    print(tally.summary())
    print(f"time: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
