"""pkisign.golang.x509 against golden answers of real Go 1.24.

The golden (tests/goldens/goparse.json) is written by
tools/goref/regen_goparse.sh: for every certificate of a corpus of
hand-made edge cases and seeded mutations it holds what Go's
``x509.ParseCertificate`` returned (GODEBUG=x509negativeserial=0), the
``UnhandledCriticalExtensions`` of those that parsed, and, where it
differs, the answer with x509negativeserial=1.  These tests never run Go.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pkisign.golang.x509 import GoParseError, parse_certificate_checks, unhandled_critical_extensions

GOLDEN = json.loads((Path(__file__).parent / "goldens" / "goparse.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = GOLDEN["cases"]
VALID = [bytes.fromhex(c["der"]) for c in CASES if c["result"] == "ok"]


def go_answer(der: bytes, **kw: Any) -> tuple[str, list[str]]:
    """(Go's result text, unhandled critical extensions) as pkisign sees it."""
    try:
        return "ok", unhandled_critical_extensions(der, **kw)
    except GoParseError as e:
        return str(e), []


def test_golden_is_big_and_varied() -> None:
    results = {c["result"] for c in CASES}
    assert len(CASES) > 800
    assert len(VALID) > 200
    assert len(results) > 150
    assert any(c.get("unhandled") for c in CASES)
    assert any("negativeserial1" in c for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_matches_go(case: dict[str, Any]) -> None:
    der = bytes.fromhex(case["der"])
    assert go_answer(der) == (case["result"], case.get("unhandled", []))
    if case["result"] == "ok":
        parse_certificate_checks(der)
    else:
        with pytest.raises(GoParseError) as info:
            parse_certificate_checks(der)
        assert str(info.value) == case["result"]


@pytest.mark.parametrize("case", [c for c in CASES if "negativeserial1" in c],
                         ids=lambda c: c["name"])
def test_matches_go_with_negative_serials_allowed(case: dict[str, Any]) -> None:
    other = case["negativeserial1"]
    der = bytes.fromhex(case["der"])
    assert go_answer(der, negative_serial=True) == (other["result"], other.get("unhandled", []))


def test_every_golden_difference_is_the_negative_serial_rule() -> None:
    for case in CASES:
        if "negativeserial1" in case:
            assert case["result"] == "x509: negative serial number"


def golden(name: str) -> dict[str, Any]:
    return next(c for c in CASES if c["name"] == name)


@pytest.mark.parametrize("name, text", [
    # The cases that motivated the module: a CSR subject Go's CSR parser
    # takes but its certificate parser does not.
    ("subject-visible-string",
     "x509: invalid RDNSequence: invalid attribute value: unsupported string type: 26"),
    ("issuer-universal-string",
     "x509: invalid RDNSequence: invalid attribute value: unsupported string type: 28"),
    ("ku-empty-bitstring", "x509: invalid key usage"),
    ("bc-pathlen-9-bytes", "x509: invalid basic constraints"),
    ("san-ip5", "x509: cannot parse IP address of length 5"),
    ("nc-permitted-dns-trailing-dot", 'x509: failed to parse dnsName constraint "example.com."'),
    ("dup-after-bad-value", 'x509: certificate contains duplicate extension with OID "2.5.29.17"'),
    ("trailing-data", "x509: trailing data"),
])
def test_known_texts(name: str, text: str) -> None:
    assert golden(name)["result"] == text
    with pytest.raises(GoParseError, match="^" + text.replace("(", r"\(").replace(".", r"\.") + "$"):
        parse_certificate_checks(bytes.fromhex(golden(name)["der"]))


def test_error_type() -> None:
    with pytest.raises(ValueError) as info:
        parse_certificate_checks(b"")
    assert type(info.value) is GoParseError
    assert str(info.value) == "x509: malformed certificate"


def test_accepts_bytes_like() -> None:
    der = VALID[0]
    parse_certificate_checks(bytearray(der))
    parse_certificate_checks(memoryview(der))  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Robustness: whatever the bytes, only GoParseError, and quickly.

def _mutate(der: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    b = bytearray(der)
    for kind, pos, value in edits:
        if not b:
            break
        i = pos % len(b)
        if kind == 0:
            b[i] = value
        elif kind == 1:
            b.insert(i, value)
        elif kind == 2:
            del b[i]
        else:
            del b[i:]
    return bytes(b)


edits = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1 << 16), st.integers(0, 255)),
                 min_size=1, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID), edits)
def test_mutations_only_raise_go_parse_error(der: bytes, changes: list[tuple[int, int, int]]) -> None:
    mutated = _mutate(der, changes)
    start = time.monotonic()
    try:
        parse_certificate_checks(mutated)
    except GoParseError as e:
        assert str(e)
    assert time.monotonic() - start < 0.5


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_only_raise_go_parse_error(data: bytes) -> None:
    try:
        parse_certificate_checks(data)
    except GoParseError:
        pass


def test_large_input_is_fast() -> None:
    # 20000 tiny RDNs: the reader is linear, not quadratic.
    from pkisign.x509.der import sequence, set_of, tlv

    base = bytes.fromhex(golden("base-ed25519")["der"])
    start = time.monotonic()
    rdn = set_of([sequence(tlv(0x06, b"\x55\x04\x03"), tlv(0x13, b"x"))])
    ed25519 = sequence(tlv(0x06, b"\x2b\x65\x70"))
    tbs = sequence(tlv(0x02, b"\x01"), ed25519, sequence(*[rdn] * 20000))
    big = sequence(tbs, ed25519, tlv(0x03, b"\x00"))
    with pytest.raises(GoParseError, match="^x509: malformed validity$"):
        parse_certificate_checks(big)  # after reading all 20000 RDNs
    parse_certificate_checks(base)
    assert time.monotonic() - start < 2
