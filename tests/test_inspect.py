"""pkisign.inspect: the annotated DER view and the DER violations it reports.

Goldens live in tests/goldens/inspect/: each input (NAME.der or NAME.pem)
beside its text view (NAME.txt) and JSON view (NAME.json).  Inputs are
either copies of files from tests/vectors/ or built by the DER builders of
this module (hand-made, broken on purpose); a test checks that every input
still equals its source.  The goldens are made by pkisign itself, so the
tests below also check facts that do not come from it: offsets and lengths
against ``openssl asn1parse``, values against asn1crypto, the expected
finding code and path for each broken input, and byte coverage.

Regenerate the goldens (after reviewing the change!) with

    python tests/test_inspect.py
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # when run as a script to regenerate
    sys.path.insert(0, str(ROOT))

from pkisign.inspect import (  # noqa: E402
    CODES,
    Element,
    Report,
    inspect_bytes,
    inspect_der,
    render_json,
    render_text,
)
from pkisign.inspect.tlv import MAX_DEPTH, Walker  # noqa: E402

VECTORS = ROOT / "tests" / "vectors"
GOLDENS = ROOT / "tests" / "goldens" / "inspect"

# -- DER builders: the golden-vector generators' X.690 writer, independent of pkisign ----

sys.path.insert(0, str(ROOT / "tests" / "vectors"))

from vectorlib import int_content, integer, oid, oid_content, seq  # noqa: E402
from vectorlib import set_of as set_  # noqa: E402
from vectorlib import tlv as _tlv  # noqa: E402


def tlv(tag: int, *parts: bytes) -> bytes:
    return _tlv(tag, b"".join(parts))


def utf8(text: str) -> bytes:
    return tlv(0x0C, text.encode())


def boolean(value: bool) -> bytes:
    return tlv(0x01, b"\xff" if value else b"\x00")


def pem(label: str, der: bytes) -> bytes:
    b64 = base64.b64encode(der).decode()
    body = "".join(b64[i:i + 64] + "\n" for i in range(0, len(b64), 64))
    return f"-----BEGIN {label}-----\n{body}-----END {label}-----\n".encode()


ED25519 = seq(oid("1.3.101.112"))
NAME = seq(set_(seq(oid("2.5.4.3"), utf8("inspect.example"))))
VALIDITY = seq(tlv(0x17, b"250101000000Z"), tlv(0x17, b"250601000000Z"))
SPKI = seq(ED25519, tlv(0x03, b"\x00" + bytes(range(32))))
KEY_USAGE = seq(oid("2.5.29.15"), boolean(True), tlv(0x04, tlv(0x03, b"\x07\x80")))


def ext(dotted: str, value: bytes, critical: bool | None = None, raw_critical: bytes | None = None) -> bytes:
    flag = raw_critical if raw_critical is not None else (boolean(critical) if critical is not None else b"")
    return seq(oid(dotted), flag, tlv(0x04, value))


def tbs(*, version: bytes = tlv(0xA0, integer(2)), serial: bytes = integer(0x0123456789),
        signature: bytes = ED25519, issuer: bytes = NAME, validity: bytes = VALIDITY, subject: bytes = NAME,
        spki: bytes = SPKI, extensions: list[bytes] | None = None, raw_extensions: bytes | None = None) -> bytes:
    parts = [version, serial, signature, issuer, validity, subject, spki]
    if raw_extensions is not None:
        parts.append(raw_extensions)
    else:
        parts.append(tlv(0xA3, seq(*(extensions if extensions is not None else [KEY_USAGE]))))
    return seq(*parts)


def cert(tbs_der: bytes, algorithm: bytes = ED25519) -> bytes:
    return seq(tbs_der, algorithm, tlv(0x03, b"\x00" + bytes(range(64))))


def nested(depth: int) -> bytes:
    der = tlv(0x05, b"")
    for _ in range(depth):
        der = seq(der)
    return der


def rich_tbs() -> bytes:
    """A TBSCertificate with every extension pkisign writes or reads, and every GeneralName choice."""
    ipv6 = bytes.fromhex("20010db8000000000000000000000001")
    san = seq(
        tlv(0xA0, oid("1.3.6.1.4.1.311.20.2.3"), tlv(0xA0, utf8("user@example.com"))),
        tlv(0xA0, oid("1.3.6.1.5.5.7.8.4"), tlv(0xA0, seq(oid("1.3.6.1.4.1.55555.3"), tlv(0x04, b"\x01\x02")))),
        tlv(0x81, b"mail@example.com"),
        tlv(0x82, b"www.example.com"),
        tlv(0xA3, tlv(0x05, b"")),
        tlv(0xA4, NAME),
        tlv(0xA5, tlv(0xA0, utf8("assigner")), tlv(0xA1, utf8("party"))),
        tlv(0x86, b"https://example.com/path"),
        tlv(0x87, bytes([192, 0, 2, 1])),
        tlv(0x87, ipv6),
        tlv(0x88, oid_content("1.3.6.1.4.1.55555.4")),
    )
    policies = seq(
        seq(oid("2.23.140.1.2.1")),
        seq(oid("1.3.6.1.4.1.55555.2"), seq(
            seq(oid("1.3.6.1.5.5.7.2.1"), tlv(0x16, b"https://example.com/cps")),
            seq(oid("1.3.6.1.5.5.7.2.2"), seq(seq(utf8("Example Org"), seq(integer(1), integer(2))),
                                              utf8("explicit text"))),
        )),
    )
    name_constraints = seq(
        tlv(0xA0, seq(tlv(0x82, b".example.com")),
            seq(tlv(0x87, bytes([10, 0, 0, 0, 255, 0, 0, 0])), tlv(0x81, b"\x05"))),
        tlv(0xA1, seq(tlv(0xA4, NAME)), seq(tlv(0x81, b"example.org"))),
    )
    crl_dps = seq(
        seq(tlv(0xA0, tlv(0xA0, tlv(0x86, b"http://crl.example.com/ca.crl")))),
        seq(tlv(0xA0, tlv(0xA1, seq(oid("2.5.4.3"), utf8("crl1")))), tlv(0x81, b"\x05\x60"),
            tlv(0xA2, tlv(0xA4, NAME))),
    )
    aia = seq(
        seq(oid("1.3.6.1.5.5.7.48.1"), tlv(0x86, b"http://ocsp.example.com")),
        seq(oid("1.3.6.1.5.5.7.48.2"), tlv(0x86, b"http://example.com/ca.crt")),
    )
    extensions = [
        ext("2.5.29.14", tlv(0x04, bytes(range(20)))),
        ext("2.5.29.35", seq(tlv(0x80, bytes(range(20, 40))), tlv(0xA1, tlv(0xA4, NAME)), tlv(0x82, b"\x01\x02"))),
        ext("2.5.29.15", tlv(0x03, b"\x05\xa0"), critical=True),
        ext("2.5.29.37", seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"), oid("1.3.6.1.4.1.55555.7"))),
        ext("2.5.29.19", seq(boolean(True), integer(2)), critical=True),
        ext("2.5.29.17", san),
        ext("2.5.29.32", policies),
        ext("2.5.29.30", name_constraints, critical=True),
        ext("2.5.29.31", crl_dps),
        ext("1.3.6.1.5.5.7.1.1", aia),
        ext("2.5.29.36", seq(tlv(0x80, b"\x00"))),
        ext("2.5.29.54", integer(0)),
        ext("1.3.6.1.4.1.55555.9", utf8("an unknown extension that is DER")),
    ]
    subject = seq(
        set_(seq(oid("2.5.4.6"), tlv(0x13, b"US"))),
        set_(seq(oid("2.5.4.11"), utf8("Unit")), seq(oid("2.5.4.10"), utf8("Example Org"))),  # sorted
        set_(seq(oid("0.9.2342.19200300.100.1.25"), tlv(0x16, b"example"))),
        set_(seq(oid("1.2.840.113549.1.9.1"), tlv(0x16, b"ca@example.com"))),
        set_(seq(oid("2.5.4.3"), tlv(0x1E, "Bmp \u00e9".encode("utf-16-be")))),
    )
    pss = seq(oid("1.2.840.113549.1.1.10"), seq(
        tlv(0xA0, seq(oid("2.16.840.1.101.3.4.2.1"), tlv(0x05, b""))),
        tlv(0xA1, seq(oid("1.2.840.113549.1.1.8"), seq(oid("2.16.840.1.101.3.4.2.1"), tlv(0x05, b"")))),
        tlv(0xA2, integer(32)),
    ))
    validity = seq(tlv(0x17, b"250101000000Z"), tlv(0x18, b"20550101000000Z"))
    return tbs(signature=pss, subject=subject, validity=validity, extensions=extensions)


# Broken inputs: name -> (DER, expected code, expected path of the finding).
_OK = tbs()
_CERT = cert(_OK)
_SERIAL_AT = _CERT.index(integer(0x0123456789))

BROKEN: dict[str, tuple[bytes, str, str]] = {
    "nonminimal-length": (tbs(serial=b"\x02\x81\x05" + int_content(0x0123456789)),
                          "der.nonminimal_length", "tbsCertificate.serialNumber"),
    "nonminimal-integer": (tbs(serial=tlv(0x02, b"\x00" + int_content(0x0123456789))),
                           "der.nonminimal_integer", "tbsCertificate.serialNumber"),
    "bad-integer": (tbs(serial=b"\x02\x00"), "der.bad_integer", "tbsCertificate.serialNumber"),
    "indefinite-length": (tbs(validity=b"\x30\x80" + VALIDITY[2:] + b"\x00\x00"),
                          "der.indefinite_length", "tbsCertificate.validity"),
    "indefinite-primitive": (seq(integer(1)) + b"\x04\x80\x01\x02", "der.indefinite_length", "(trailing 1)"),
    "missing-eoc": (b"\x30\x80" + integer(1), "der.missing_eoc", ""),
    "bad-eoc": (seq(integer(1), b"\x00\x00"), "der.bad_eoc", ""),
    "set-not-sorted": (tbs(subject=seq(set_(seq(oid("2.5.4.3"), utf8("zz")), seq(oid("2.5.4.3"), utf8("aa"))))),
                       "der.set_not_sorted", "tbsCertificate.subject[0]"),
    "default-critical-false": (tbs(extensions=[ext("2.5.29.14", tlv(0x04, b"\x01\x02"), critical=False)]),
                               "der.default_encoded", "tbsCertificate.extensions[0].critical"),
    "default-ca-false": (tbs(extensions=[ext("2.5.29.19", seq(boolean(False)))]),
                         "der.default_encoded", "tbsCertificate.extensions[0].extnValue -> basicConstraints.cA"),
    "default-version-v1": (tbs(version=tlv(0xA0, integer(0)), raw_extensions=b""),
                           "der.default_encoded", "tbsCertificate.version"),
    "trailing-data": (_CERT + b"\x04\x02hi", "der.trailing_data", "(trailing 1)"),
    "trailing-in-extension": (tbs(extensions=[ext("2.5.29.14", tlv(0x04, b"\x01\x02") + b"\x05\x00")]),
                              "der.trailing_data", "tbsCertificate.extensions[0].extnValue -> (trailing 1)"),
    "bad-boolean": (tbs(extensions=[ext("2.5.29.14", tlv(0x04, b"\x01"), raw_critical=b"\x01\x01\x01")]),
                    "der.bad_boolean", "tbsCertificate.extensions[0].critical"),
    "bad-bit-string": (tbs(extensions=[ext("2.5.29.15", b"\x03\x01\x03", critical=True)]),
                       "der.bad_bit_string", "tbsCertificate.extensions[0].extnValue -> keyUsage"),
    "bit-string-padding": (tbs(extensions=[ext("2.5.29.15", b"\x03\x02\x05\xa1", critical=True)]),
                           "der.bit_string_padding", "tbsCertificate.extensions[0].extnValue -> keyUsage"),
    "named-bits-trailing-zero": (tbs(extensions=[ext("2.5.29.15", b"\x03\x02\x00\xa0", critical=True)]),
                                 "der.named_bits_trailing_zero",
                                 "tbsCertificate.extensions[0].extnValue -> keyUsage"),
    "invalid-printable-string": (tbs(subject=seq(set_(seq(oid("2.5.4.3"), tlv(0x13, b"user@example"))))),
                                 "der.invalid_printable_string", "tbsCertificate.subject[0][0].value"),
    "invalid-ia5-string": (tbs(extensions=[ext("2.5.29.17", seq(tlv(0x82, b"caf\xe9.example")))]),
                           "der.invalid_ia5_string",
                           "tbsCertificate.extensions[0].extnValue -> subjectAltName[0].dNSName"),
    "invalid-utf8-string": (tbs(subject=seq(set_(seq(oid("2.5.4.3"), tlv(0x0C, b"bad \xc3\x28"))))),
                            "der.invalid_utf8_string", "tbsCertificate.subject[0][0].value"),
    "invalid-bmp-string": (tbs(subject=seq(set_(seq(oid("2.5.4.3"), tlv(0x1E, b"\x00a\x00"))))),
                           "der.invalid_bmp_string", "tbsCertificate.subject[0][0].value"),
    "bmp-string-surrogates": (tbs(subject=seq(set_(seq(oid("2.5.4.3"),
                                                       tlv(0x1E, "smile \U0001f600".encode("utf-16-be")))))),
                              "der.bmp_string_surrogates", "tbsCertificate.subject[0][0].value"),
    "invalid-numeric-string": (tbs(subject=seq(set_(seq(oid("2.5.4.5"), tlv(0x12, b"12-34"))))),
                               "der.invalid_numeric_string", "tbsCertificate.subject[0][0].value"),
    "invalid-visible-string": (seq(tlv(0x1A, b"tab\there")), "der.invalid_visible_string", "[0]"),
    "invalid-universal-string": (seq(tlv(0x1C, b"\x00\x00\x00a\x00")), "der.invalid_universal_string", "[0]"),
    "time-missing-seconds": (tbs(validity=seq(tlv(0x17, b"2501010000Z"), tlv(0x17, b"250601000000Z"))),
                             "der.time_missing_seconds", "tbsCertificate.validity.notBefore"),
    "time-fraction-zeros": (tbs(validity=seq(tlv(0x17, b"250101000000Z"), tlv(0x18, b"20550101000000.50Z"))),
                            "der.time_fraction_zeros", "tbsCertificate.validity.notAfter"),
    "time-not-utc": (tbs(validity=seq(tlv(0x17, b"250101000000+0100"), tlv(0x17, b"250601000000Z"))),
                     "der.time_not_utc", "tbsCertificate.validity.notBefore"),
    "bad-time": (tbs(validity=seq(tlv(0x17, b"251301000000Z"), tlv(0x17, b"250601000000Z"))),
                 "der.bad_time", "tbsCertificate.validity.notBefore"),
    "generalized-time-before-2050": (tbs(validity=seq(tlv(0x18, b"20250101000000Z"), tlv(0x17, b"250601000000Z"))),
                                     "x509.generalized_time_before_2050", "tbsCertificate.validity.notBefore"),
    "time-fraction": (tbs(validity=seq(tlv(0x17, b"250101000000Z"), tlv(0x18, b"20550101000000.5Z"))),
                      "x509.time_fraction", "tbsCertificate.validity.notAfter"),
    "truncated": (_CERT[:_SERIAL_AT + 1], "der.truncated", "tbsCertificate"),
    "length-overflow": (_CERT[:-20], "der.length_overflow", ""),
    "too-deep": (nested(MAX_DEPTH + 5), "limit.too_deep", "[0]" * MAX_DEPTH),
    "long-form-tag": (tbs(serial=b"\x1f\x02" + integer(0x0123456789)[1:]),
                      "der.long_form_tag", "tbsCertificate.serialNumber"),
    "nonminimal-tag": (seq(b"\xdf\x80\x64\x01\x00"), "der.nonminimal_tag", "[0]"),
    "bad-tag": (seq(b"\x1f\xff\xff\xff\xff\x7f\x00"), "der.bad_tag", ""),
    "bad-length": (b"\x30\xff\x00", "der.bad_length", ""),
    "constructed-string": (tbs(subject=seq(set_(seq(oid("2.5.4.3"), tlv(0x2C, tlv(0x04, b"ab"), tlv(0x04, b"cd")))))),
                           "der.constructed_string", "tbsCertificate.subject[0][0].value"),
    "bad-constructed-bit": (tbs(serial=tlv(0x22, integer(5))), "der.bad_constructed_bit",
                            "tbsCertificate.serialNumber"),
    "bad-null": (tbs(signature=seq(oid("1.2.840.113549.1.1.11"), tlv(0x05, b"\x00"))),
                 "der.bad_null", "tbsCertificate.signature.parameters"),
    "bad-oid": (tbs(extensions=[seq(tlv(0x06, b"\x55\x9d"), tlv(0x04, b"\x05\x00"))]),
                "der.bad_oid", "tbsCertificate.extensions[0].extnID"),
    "nonminimal-oid": (tbs(extensions=[seq(tlv(0x06, b"\x55\x1d\x80\x0f"), tlv(0x04, b"\x03\x02\x07\x80"))]),
                       "der.nonminimal_oid", "tbsCertificate.extensions[0].extnID"),
    "schema-unexpected-element": (tbs(subject=utf8("not a Name")), "schema.unexpected_element",
                                  "tbsCertificate.subject"),
    "schema-missing-element": (seq(tlv(0xA0, integer(2)), ED25519, NAME, VALIDITY, NAME, SPKI),
                               "schema.missing_element", "tbsCertificate"),
    "schema-size": (tbs(extensions=[]), "schema.size", "tbsCertificate.extensions"),
    "duplicate-extension": (tbs(extensions=[KEY_USAGE, KEY_USAGE]), "x509.duplicate_extension",
                            "tbsCertificate.extensions[1]"),
    "signature-algorithm-mismatch": (cert(_OK, algorithm=seq(oid("1.3.101.113"))),
                                     "x509.signature_algorithm_mismatch", "signatureAlgorithm"),
    "bad-ip-length": (tbs(extensions=[ext("2.5.29.17", seq(tlv(0x87, b"\x01\x02\x03\x04\x05")))]),
                      "x509.bad_ip_length",
                      "tbsCertificate.extensions[0].extnValue -> subjectAltName[0].iPAddress"),
    "extension-not-der": (tbs(extensions=[ext("1.3.6.1.4.1.55555.1", b"\xff\xff\xff")]),
                          "x509.extension_not_der", "tbsCertificate.extensions[0].extnValue"),
    "unknown-structure": (integer(5), "input.unknown_structure", ""),
}


def _cert_der(path: Path) -> bytes:
    data = path.read_bytes()
    return base64.b64decode(b"".join(data.split(b"-----")[2].split()))


def _asn1crypto_slices() -> dict[str, bytes]:
    from asn1crypto import x509

    leaf = x509.Certificate.load(_cert_der(VECTORS / "out/leaf/rsa2048-issuer/rsa2048-web.pem"))
    return {
        "spki-rsa2048.der": leaf["tbs_certificate"]["subject_public_key_info"].dump(),
        "tbs-leaf-rsa2048-web.der": leaf["tbs_certificate"].dump(),
    }


#: Golden inputs copied from tests/vectors/.
COPIED = {
    "cert-leaf-rsa2048-web.pem": "out/leaf/rsa2048-issuer/rsa2048-web.pem",
    "cert-csr-profile-p256-ext.pem": "out/csr/p256-issuer/p256-ext.pem",
    "cert-intermediate-ed25519-issuer.pem": "out/intermediate-ca/ed25519-issuer/ed25519-canon.pem",
    "csr-web-p256.pem": "csr/web-p256.csr",
    "csr-ext-rsa2048.pem": "csr/ext-rsa2048.csr",
    "csr-web-p256-bom.der": "csr/web-p256.bom.der",
    "key-ed25519.pem": "bad/key-public.pem",
}


def built_inputs() -> dict[str, bytes]:
    """Golden inputs built here: name -> bytes."""
    out = {
        "tbs-rich.pem": pem("TBS CERTIFICATE", rich_tbs()),
        "pem-two-blocks.pem": pem("CERTIFICATE", _CERT) + pem("CERTIFICATE", cert(tbs(serial=integer(7)))),
        "pem-no-block.pem": b"-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n",
        "empty.der": b"",
    }
    out.update(_asn1crypto_slices())
    out.update({f"broken-{name}.der": der for name, (der, _, _) in BROKEN.items()})
    return out


def golden_inputs() -> dict[str, bytes]:
    inputs = {name: (VECTORS / source).read_bytes() for name, source in COPIED.items()}
    inputs.update(built_inputs())
    return inputs


def regenerate() -> None:
    GOLDENS.mkdir(parents=True, exist_ok=True)
    for old in GOLDENS.iterdir():
        old.unlink()
    for name, data in sorted(golden_inputs().items()):
        (GOLDENS / name).write_bytes(data)
        report = inspect_bytes(data)
        stem = name.rsplit(".", 1)[0]
        (GOLDENS / f"{stem}.txt").write_text(render_text(report), encoding="utf-8")
        (GOLDENS / f"{stem}.json").write_text(render_json(report, indent=1), encoding="utf-8")


# -- goldens ---------------------------------------------------------------------------


def _input_files() -> list[Path]:
    return sorted(p for p in GOLDENS.glob("*") if p.suffix in (".der", ".pem"))


def test_golden_inputs_are_their_sources() -> None:
    expected = golden_inputs()
    assert sorted(p.name for p in _input_files()) == sorted(expected)
    for name, data in expected.items():
        assert (GOLDENS / name).read_bytes() == data, f"{name} differs from its source; run {__file__}"


@pytest.mark.parametrize("path", _input_files(), ids=lambda p: p.name)
def test_golden(path: Path) -> None:
    report = inspect_bytes(path.read_bytes())
    stem = path.with_suffix("")
    assert render_text(report) == stem.with_suffix(".txt").read_text(encoding="utf-8")
    golden = stem.with_suffix(".json").read_text(encoding="utf-8")
    assert render_json(report, indent=1) == golden
    assert json.loads(render_json(report)) == json.loads(golden)


# -- broken DER: the expected finding, independently --------------------------------------


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_input_reports_its_code(name: str) -> None:
    der, code, path = BROKEN[name]
    report = inspect_bytes(der)
    hits = [f for f in report.findings if f.code == code]
    assert hits, f"{code} not reported: {[f.code for f in report.findings]}"
    assert path in [f.path for f in hits]
    for f in report.findings:
        assert f.severity == CODES[f.code][0]


def test_every_code_has_a_golden() -> None:
    covered = {code for _, code, _ in BROKEN.values()}
    covered |= {"pem.no_block", "pem.extra_blocks", "input.empty", "input.bom"}
    covered.add("limit.too_many_elements")  # test_element_limit: its golden would be huge
    covered.add("input.private_key")  # test_a_private_key_shows_structure_and_public_key_only
    assert set(CODES) <= covered, sorted(set(CODES) - covered)


def test_broken_offsets() -> None:
    # The nonminimal length is at the serial number, the first byte after version [0].
    report = inspect_der(BROKEN["nonminimal-length"][0])
    hit = next(f for f in report.findings if f.code == "der.nonminimal_length")
    assert hit.offset == 3 + 5  # SEQUENCE header 30 81 xx, version a0 03 02 01 02
    assert hit.element is not None and hit.element.header_length == 3 and hit.element.length == 5
    # Trailing data starts where the certificate ends.
    report = inspect_bytes(BROKEN["trailing-data"][0])
    assert report.kind == "certificate"
    hit = next(f for f in report.findings if f.code == "der.trailing_data")
    assert hit.offset == len(_CERT)
    assert report.trailing[0].value == b"hi".hex()
    # Truncated inside the serial's length octets: the outer elements overflow.
    report = inspect_bytes(BROKEN["truncated"][0])
    codes = {(f.code, f.offset) for f in report.findings}
    assert ("der.length_overflow", 0) in codes
    assert ("der.truncated", _SERIAL_AT) in codes


def test_indefinite_length_is_walked() -> None:
    report = inspect_der(BROKEN["indefinite-length"][0], "tbs")
    validity = next(e for e in report.elements() if e.path == "tbsCertificate.validity")
    assert validity.indefinite and validity.length is None
    assert [c.tag_name for c in validity.children] == ["UTCTime", "UTCTime", "EOC"]
    assert validity.children[0].value == "2025-01-01T00:00:00Z"
    subject = next(e for e in report.elements() if e.path == "tbsCertificate.subject")
    assert subject.type == "Name"  # the schema carries on after the indefinite element


def test_constructed_string_value() -> None:
    report = inspect_der(BROKEN["constructed-string"][0])
    value = next(e for e in report.elements() if e.path == "tbsCertificate.subject[0][0].value")
    assert value.value == "abcd"


def test_default_version_v1() -> None:
    report = inspect_der(BROKEN["default-version-v1"][0])
    assert report.kind == "tbs"
    version = [e for e in report.elements() if e.path == "tbsCertificate.version"]
    assert [e.tag_name for e in version] == ["[0]", "INTEGER"]
    assert version[1].value == 0 and version[1].display == "v1 (0)"


def test_too_deep_is_bounded() -> None:
    report = inspect_der(BROKEN["too-deep"][0])
    assert max(e.depth for e in report.elements()) == MAX_DEPTH + 1
    assert any(e.tag_name == "unparsed" for e in report.elements())


def test_element_limit() -> None:
    der = seq(tlv(0x05, b"") * 60_000)
    report = inspect_der(der)
    # The work is bounded by the element count, not by a clock.
    assert sum(1 for _ in report.elements()) <= 50_000 + 1
    hits = [f for f in report.findings if f.code == "limit.too_many_elements"]
    assert len(hits) == 1 and hits[0].offset == 5 + 2 * (50_000 - 1)  # the SEQUENCE counts too
    walker = Walker(seq(integer(1), integer(2), integer(3)), max_elements=2)
    elements = walker.walk(0, 11, 0)
    assert [c.tag_name for c in elements[0].children] == ["INTEGER", "unparsed"]


@pytest.mark.parametrize("data", [
    b"\x30\x80" * 100_000,                      # deep indefinite nesting
    b"\x05\x00" * 100_000,                      # many top-level elements
    b"\x30\x83\x03\x0d\x40" + b"\x31\x00" * 100_000,  # many SETs in one SEQUENCE
    b"\x06\x83\x03\x0d\x40" + b"\x81" * 200_000,     # a huge unfinished OID
    b"\x02\x83\x03\x0d\x40" + b"\x7f" * 200_000,     # a huge INTEGER
    b"\x30\x84\xff\xff\xff\xff" + b"\x04\x02\x30\x00" * 50_000,  # lengths past the end
], ids=["deep", "wide", "sets", "oid", "integer", "overflow"])
def test_large_hostile_inputs_are_bounded(data: bytes) -> None:
    report = inspect_der(data)
    text, document = render_text(report), render_json(report)
    assert text and document
    # Bounded by work, not by a clock: the element count is capped.
    assert sum(1 for _ in report.elements()) <= 50_000 + 100


def test_empty_and_pem_errors() -> None:
    report = inspect_bytes(b"")
    assert report.root is None and [f.code for f in report.findings] == ["input.empty"]
    report = inspect_bytes(b"-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n")
    assert report.root is None and [f.code for f in report.findings] == ["pem.no_block"]
    render_text(report), render_json(report)


def test_input_detection() -> None:
    assert inspect_bytes((VECTORS / "bad/csr-truncated.der").read_bytes()).kind == "csr"
    assert inspect_bytes((VECTORS / "bad/crt-truncated.der").read_bytes()).kind == "certificate"
    # Several PEM blocks: the CSR wins over the PUBLIC KEY block before it.
    report = inspect_bytes((VECTORS / "csr/cn-dns-rsa2048.leading-text.csr").read_bytes())
    assert (report.kind, report.pem_label) == ("csr", "CERTIFICATE REQUEST")
    assert report.findings[0].code == "pem.extra_blocks"
    # A byte order mark before DER is skipped; offsets count from after it.
    data = (VECTORS / "csr/web-p256.bom.der").read_bytes()
    report = inspect_bytes(data)
    assert report.kind == "csr" and report.size == len(data) - 3 and report.root.offset == 0
    assert [f.code for f in report.findings] == ["input.bom"]


def test_kind_argument() -> None:
    assert inspect_der(_OK).kind == "tbs"
    assert inspect_der(_CERT).kind == "certificate"
    report = inspect_der(_OK, "certificate")  # a TBS read as a certificate: schema findings, no crash
    assert report.kind == "certificate"
    assert any(f.code.startswith("schema.") for f in report.findings)
    assert inspect_der(_OK, "unknown").root.path == ""
    with pytest.raises(ValueError):
        inspect_der(_OK, "crl")


# -- vectors: facts checked against other tools --------------------------------------------

def _vector_certs() -> list[Path]:
    """Certificates made by step from ordinary inputs.

    out/templates/ is left out: there templates write raw ASN.1 of their
    choosing, and some of it is not valid (an unsorted SET, '@' in a
    PrintableString, step's hwSerialNum written as [4] instead of OCTET STRING).
    """
    return sorted(p for p in (VECTORS / "out").rglob("*.pem") if "templates" not in p.parts)


def _load_vector(path: Path) -> tuple[bytes, Report]:
    data = path.read_bytes()
    return _cert_der(path), inspect_bytes(data)


def test_intermediate_path_len() -> None:
    from asn1crypto import x509

    der, report = _load_vector(VECTORS / "out/intermediate-ca/rsa2048-issuer/rsa2048-web.pem")
    parsed = x509.Certificate.load(der)
    index = next(i for i, e in enumerate(parsed["tbs_certificate"]["extensions"])
                 if e["extn_id"].dotted == "2.5.29.19")
    path = f"tbsCertificate.extensions[{index}].extnValue -> basicConstraints.pathLenConstraint"
    element = next(e for e in report.elements() if e.path == path)
    assert element.value == parsed.basic_constraints_value["path_len_constraint"].native == 0
    assert element.tag_name == "INTEGER"
    assert der[element.offset:element.end] == b"\x02\x01\x00"
    extn_value = next(e for e in report.elements() if e.path == f"tbsCertificate.extensions[{index}].extnValue")
    assert bytes.fromhex(extn_value.hex) == parsed["tbs_certificate"]["extensions"][index]["extn_value"].contents
    ca = next(e for e in report.elements() if e.path.endswith("-> basicConstraints.cA"))
    assert ca.value is True and ca.offset == element.offset - 3


def test_csr_paths() -> None:
    report = inspect_bytes((VECTORS / "csr/ext-p256.csr").read_bytes())
    assert report.kind == "csr"
    by_path = {e.path: e for e in report.elements()}
    prefix = "certificationRequestInfo.attributes[0].values[0] -> extensionRequest"
    assert by_path[f"{prefix}[0].extnValue -> subjectAltName[0].dNSName"].value == "csr.acme.example"
    assert by_path[f"{prefix}[0].extnValue -> subjectAltName[1].iPAddress"].value == "192.0.2.99"
    assert by_path[f"{prefix}[2].extnValue -> keyUsage"].value["names"] == ["digitalSignature", "keyEncipherment"]
    assert by_path[f"{prefix}[4].extnValue -> basicConstraints.pathLenConstraint"].value == 3
    assert by_path["certificationRequestInfo.subjectPKInfo.algorithm.parameters.namedCurve"].value \
        == "1.2.840.10045.3.1.7"
    assert by_path["signature -> Ecdsa-Sig-Value.r"].type == "INTEGER"


def test_tbs_paths_match_the_certificate() -> None:
    der, report = _load_vector(VECTORS / "out/leaf/rsa2048-issuer/rsa2048-web.pem")
    tbs_report = inspect_bytes(_asn1crypto_slices()["tbs-leaf-rsa2048-web.der"])
    assert tbs_report.kind == "tbs"
    inner = [(e.path, e.offset + 4, e.value) for e in tbs_report.elements()]
    outer = [(e.path, e.offset, e.value) for e in report.elements() if e.path.startswith("tbsCertificate")]
    assert inner == outer


def test_public_key() -> None:
    report = inspect_bytes(_asn1crypto_slices()["spki-rsa2048.der"])
    assert report.kind == "public-key"
    by_path = {e.path: e for e in report.elements()}
    assert by_path["subjectPublicKey -> RSAPublicKey.publicExponent"].value == 65537
    assert by_path["algorithm.algorithm"].display == "rsaEncryption (1.2.840.113549.1.1.1)"
    report = inspect_bytes((VECTORS / "bad/key-public.pem").read_bytes())
    assert report.kind == "public-key" and report.pem_label == "PUBLIC KEY"
    assert {e.path: e for e in report.elements()}["subjectPublicKey"].display == "Ed25519 public key, 32 bytes"


def test_rich_tbs() -> None:
    report = inspect_bytes(pem("TBS CERTIFICATE", rich_tbs()))
    assert report.kind == "tbs" and report.findings == []
    values = {e.path: e.value for e in report.elements()}
    san = "tbsCertificate.extensions[5].extnValue -> subjectAltName"
    assert values[f"{san}[0].otherName.value -> userPrincipalName"] == "user@example.com"
    assert values[f"{san}[1].otherName.value -> HardwareModuleName.hwSerialNum"] == "0102"
    assert values[f"{san}[5].directoryName[0][0].value"] == "inspect.example"
    assert values[f"{san}[6].ediPartyName.partyName"] == "party"
    assert values[f"{san}[9].iPAddress"] == "2001:db8::1"
    assert values[f"{san}[10].registeredID"] == "1.3.6.1.4.1.55555.4"
    nc = "tbsCertificate.extensions[7].extnValue -> nameConstraints"
    assert values[f"{nc}.permittedSubtrees[1].base.iPAddress"] == "10.0.0.0/255.0.0.0"
    assert values[f"{nc}.permittedSubtrees[1].maximum"] == 5
    crl = "tbsCertificate.extensions[8].extnValue -> cRLDistributionPoints"
    assert values[f"{crl}[0].distributionPoint.fullName[0].uniformResourceIdentifier"] \
        == "http://crl.example.com/ca.crl"
    assert values[f"{crl}[1].reasons"]["names"] == ["keyCompromise", "cACompromise"]
    assert values["tbsCertificate.extensions[9].extnValue -> authorityInfoAccess[0].accessMethod"] \
        == "1.3.6.1.5.5.7.48.1"
    qualifier = ("tbsCertificate.extensions[6].extnValue -> certificatePolicies[1].policyQualifiers[1]"
                 ".qualifier -> UserNotice.explicitText")
    assert values[qualifier] == "explicit text"
    assert values["tbsCertificate.signature.parameters -> RSASSA-PSS-params.saltLength"] == 32
    assert values["tbsCertificate.subject[4][0].value"] == "Bmp \u00e9"
    assert values["tbsCertificate.extensions[12].extnValue -> unknown"] == "an unknown extension that is DER"


def _asn1parse(der: bytes) -> list[tuple[int, int, int, int, str]]:
    """(offset, depth, header length, length, tag) of each element, by ``openssl asn1parse``."""
    from conftest import require_tool

    openssl = require_tool("openssl")
    out = subprocess.run([openssl, "asn1parse", "-inform", "DER"], input=der, capture_output=True, check=True)
    rows = []
    for line in out.stdout.decode("latin-1").splitlines():
        m = re.match(r"\s*(\d+):d=\s*(\d+)\s+hl=\s*(\d+)\s+l=\s*(\d+)\s+(prim|cons):\s+(\S+(?: \S+)?)", line)
        assert m, line
        rows.append((int(m[1]), int(m[2]), int(m[3]), int(m[4]), m[5]))
    return rows


def _outer_elements(report: Report) -> list[Element]:
    """Pre-order, without the DER inside primitive elements."""
    out: list[Element] = []
    stack = [report.root] if report.root is not None else []
    while stack:
        element = stack.pop()
        out.append(element)
        if element.constructed:
            stack.extend(reversed(element.children))
    return out


@pytest.mark.parametrize("source", [
    "out/leaf/rsa2048-issuer/rsa2048-web.pem",
    "out/csr/p256-issuer/rsa4096-many-sans.pem",
    "out/csr/ed25519-issuer/p521-strtypes.pem",
])
def test_offsets_match_openssl(source: str) -> None:
    der, report = _load_vector(VECTORS / source)
    ours = [(e.offset, e.depth, e.header_length, e.length, "cons" if e.constructed else "prim")
            for e in _outer_elements(report)]
    assert ours == _asn1parse(der)


def test_every_byte_covered_once() -> None:
    for path in _vector_certs() + [VECTORS / "csr/many-sans-rsa4096.csr"]:
        data = path.read_bytes()
        der = _cert_der(path)
        report = inspect_bytes(data)
        seen = bytearray(len(der))
        rebuilt = []
        for element in _outer_elements(report):
            end = element.offset + element.header_length if element.constructed else element.end
            for i in range(element.offset, end):
                seen[i] += 1
            rebuilt.append(element.header_hex + (element.hex or ""))
        assert set(seen) == {1}, path
        assert bytes.fromhex("".join(rebuilt)) == der
        # The DER inside an OCTET STRING / BIT STRING covers its content exactly.
        for element in report.elements():
            if not element.constructed and element.children:
                skip = 1 if element.tag_name == "BIT STRING" else 0
                assert element.children[0].offset == element.offset + element.header_length + skip
                assert element.children[-1].end == element.end


def test_vector_certificates_have_no_errors() -> None:
    from asn1crypto import x509

    certs = _vector_certs()
    assert len(certs) > 300
    for path in certs:
        der, report = _load_vector(path)
        assert report.kind == "certificate", path
        assert [f for f in report.findings if f.severity == "error"] == [], path
        parsed = x509.Certificate.load(der)
        by_path = {e.path: e for e in report.elements()}
        assert by_path["tbsCertificate.serialNumber"].value in (
            parsed.serial_number, hex(parsed.serial_number))
        ids = [e.value for p, e in by_path.items() if re.fullmatch(r"tbsCertificate\.extensions\[\d+\]\.extnID", p)]
        assert ids == [e["extn_id"].dotted for e in parsed["tbs_certificate"]["extensions"]]


def test_vector_csrs() -> None:
    for path in sorted((VECTORS / "csr").glob("*.csr")):
        report = inspect_bytes(path.read_bytes())
        assert report.kind == "csr", path
        assert [f for f in report.findings if f.severity == "error"] == [], path


def test_text_view_shape() -> None:
    text = (GOLDENS / "broken-nonminimal-length.txt").read_text()
    lines = text.splitlines()
    assert lines[0] == f"tbs: {len(BROKEN['nonminimal-length'][0])} bytes of DER"
    serial = next(line for line in lines if "tbsCertificate.serialNumber =" in line)
    assert re.match(r"\s+8\s+3\s+5\s+02 81 05\s+INTEGER \(CertificateSerialNumber\)", serial)
    assert "!! error der.nonminimal_length:" in text
    assert lines[-1].startswith("  error   der.nonminimal_length  @8  tbsCertificate.serialNumber:")


def test_json_view_shape() -> None:
    document = json.loads(render_json(inspect_bytes(BROKEN["nonminimal-integer"][0])))
    assert list(document) == ["format", "kind", "source", "pem_label", "size", "root", "trailing", "findings",
                              "counts"]
    assert document["counts"] == {"error": 1, "warning": 0, "notice": 0}
    serial = document["root"]["children"][1]
    assert serial["path"] == "tbsCertificate.serialNumber" and serial["hex"] == "000123456789"
    assert serial["value"] == 0x0123456789 and serial["header_hex"] == "0206"
    big = json.loads(render_json(inspect_der(integer(1 << 70))))["root"]["value"]
    assert big == hex(1 << 70)


def test_speed() -> None:
    data = (VECTORS / "out/csr/p256-issuer/rsa4096-many-sans.pem").read_bytes()
    inspect_bytes(data)
    start = time.perf_counter()
    for _ in range(10):
        render_text(inspect_bytes(data))
    assert (time.perf_counter() - start) / 10 < 0.05


# -- hostile input ----------------------------------------------------------------------

_SAMPLE = _cert_der(VECTORS / "out/csr/p256-issuer/p256-ext.pem")


def _check_any(data: bytes, kind: str | None = None) -> None:
    start = time.perf_counter()
    if kind == "bytes":
        report = inspect_bytes(data)
    elif kind == "pem":
        report = inspect_bytes(pem("CERTIFICATE", data))
    else:
        report = inspect_der(data, kind)
    render_text(report)
    json.loads(render_json(report))
    assert time.perf_counter() - start < 1
    for f in report.findings:
        assert f.severity == CODES[f.code][0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from([None, "certificate", "csr", "tbs", "public-key", "unknown", "bytes"]))
def test_random_bytes_never_raise(data: bytes, kind: str | None) -> None:
    _check_any(data, kind)


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(_SAMPLE)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if not data:
            break
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            data[pos] = draw(st.sampled_from([0x00, 0x80, 0x81, 0x84, 0xFF, 0x1F, 0x30, 0x31]))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete":
            del data[pos]
        else:
            del data[pos:]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated(), st.sampled_from([None, "pem", "tbs"]))
def test_mutated_certificate_never_raises(data: bytes, kind: str | None) -> None:
    _check_any(data, kind)


if __name__ == "__main__":
    regenerate()
    print(f"wrote {len(list(GOLDENS.iterdir()))} files to {GOLDENS}")


# -- private keys ---------------------------------------------------------------------

def _secret_hex(path: Path) -> list[str]:
    """The private numbers of a key file, as the inspector would print their bytes."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import pem as asn1_pem

    _, _, der = asn1_pem.unarmor(path.read_bytes())
    if b"RSA PRIVATE KEY" in path.read_bytes():
        info = asn1_keys.RSAPrivateKey.load(der)
        return [format(info[name].native, "x") for name in ("private_exponent", "prime1", "prime2")]
    if b"EC PRIVATE KEY" in path.read_bytes():
        return [asn1_keys.ECPrivateKey.load(der)["private_key"].contents.hex()]
    info = asn1_keys.PrivateKeyInfo.load(der)
    inner = info["private_key"].parsed
    if info.algorithm == "ec":
        return [inner["private_key"].contents.hex()]
    return [inner.native.hex() if isinstance(inner.native, bytes) else format(inner["private_exponent"].native, "x")]


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-f]", "", text.lower())


@pytest.mark.parametrize("key", [
    ROOT / "examples" / "issuer.key",  # PKCS#8 EC
    VECTORS / "keys/formats/root-p384.sec1.key",
    VECTORS / "keys/formats/root-rsa2048.pkcs1.key",
    VECTORS / "issuers/root-ed25519.key",
], ids=["pkcs8-ec", "sec1", "pkcs1", "pkcs8-ed25519"])
def test_a_private_key_shows_structure_and_public_key_only(key: Path) -> None:
    from conftest import run_cli

    result = run_cli(["inspect", str(key)])
    assert result.code == 0, result.stderr
    text = result.stdout.decode()
    for secret in _secret_hex(key):
        assert _compact(secret)[:32] not in _compact(text)
    assert "input.private_key" in text and "hidden (a private value)" in text
    public = text.split("its public key:\n", 1)[1]
    assert public.startswith("public-key: ")
    from pkisign.signers.file import FileSigner
    from pkisign.signers.keyfile import read_private_key

    spki = FileSigner(read_private_key(key.read_bytes(), key.name)).public_key.spki
    document = json.loads(run_cli(["inspect", "--json", str(key)]).stdout)
    assert document["public_key"]["kind"] == "public-key" and document["public_key"]["size"] == len(spki)
    assert spki[-32:].hex() in json.dumps(document["public_key"])
    assert not any(_compact(s)[:32] in json.dumps(document) for s in _secret_hex(key))
    shown = run_cli(["inspect", "--show-private", str(key)])
    assert shown.code == 0 and "its public key" not in shown.stdout.decode()
    assert _compact(_secret_hex(key)[0])[:32] in _compact(shown.stdout.decode())


def test_an_encrypted_key_shows_structure_without_asking() -> None:
    from conftest import run_cli

    result = run_cli(["inspect", str(VECTORS / "keys/formats/root-p256.pkcs8-aes256-sha256.key")])
    assert result.code == 0 and result.stderr == ""
    text = result.stdout.decode()
    assert "from PEM 'ENCRYPTED PRIVATE KEY'" in text and "its public key" not in text
    assert "hidden (a private value)" in text


def test_a_der_private_key_is_recognised_by_shape() -> None:
    from asn1crypto import pem as asn1_pem

    _, _, der = asn1_pem.unarmor((VECTORS / "keys/formats/root-rsa2048.pkcs1.key").read_bytes())
    report = inspect_der(der)
    from pkisign.inspect import hide_private_values, is_private_key

    assert is_private_key(report)
    hide_private_values(report)
    values = [e for e in report.elements() if e.tag_name == "INTEGER"]
    assert values[0].hex == "00" and all(e.hex == "" and e.value is None for e in values[1:])
    assert not is_private_key(inspect_der(_SAMPLE))
