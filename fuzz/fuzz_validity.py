"""Fuzz target: --not-before / --not-after (durations and RFC 3339 times).

The input after the first byte is split at the first NUL into the two flag
values (text, invalid UTF-8 as surrogate escapes, as argv gives it).
``validity.parse_duration`` and ``parse_rfc3339`` must answer (a value or
None) for any text, ``resolve_validity`` must give a validity or a
UsageError, and signing with those flags must give a certificate whose
encoded times are the resolved ones truncated to seconds, as UTCTime
exactly for the years 1950-2049 (docs/step-sign-spec.md, section 5; decoded here, not by
pkisign), or a PkisignError.  First byte: bits 0-1 profile (leaf,
intermediate-ca, csr, leaf), bits 2-3 --issuer-validity (allow, truncate,
error, allow).

    python fuzz/fuzz_validity.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import datetime
import sys

import _harness

with _harness.instrumented(__name__ == "__main__"):
    import _der
    import _fixtures as fx

    from pkisign.golang.time import parse_rfc3339
    from pkisign.x509.validity import (
        INTERMEDIATE_LIFETIME,
        LEAF_LIFETIME,
        parse_duration,
        resolve_validity,
    )

NAME = "validity"
_PROFILES = ("leaf", "intermediate-ca", "csr", "leaf")
_POLICIES = ("allow", "truncate", "error", "allow")


def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 by the standard library (not pkisign's own calendar code);
    year 0, which ``datetime`` lacks, is year 400 less one 146,097-day Gregorian cycle."""
    if y < 1:
        return datetime.date(y + 400, m, d).toordinal() - 146_097 - _EPOCH
    return datetime.date(y, m, d).toordinal() - _EPOCH


_EPOCH = datetime.date(1970, 1, 1).toordinal()


def decode_time(node: _der.Node) -> tuple[int, int]:
    """(seconds since the epoch, year) of a UTCTime or GeneralizedTime 'Z' value."""
    text = node.content.decode("ascii")
    if node.tag == 0x17:
        if len(text) != 13:
            raise _harness.ContractViolation(f"UTCTime {text!r} is not YYMMDDHHMMSSZ")
        yy = int(text[:2])
        year, rest = (2000 + yy if yy < 50 else 1900 + yy), text[2:]
    elif node.tag == 0x18:
        if len(text) != 15:
            raise _harness.ContractViolation(f"GeneralizedTime {text!r} is not YYYYMMDDHHMMSSZ")
        year, rest = int(text[:4]), text[4:]
    else:
        raise _harness.ContractViolation(f"validity time with tag {node.tag:#x}")
    if not rest.endswith("Z"):
        raise _harness.ContractViolation(f"time {text!r} is not in UTC")
    mo, d, h, mi, s = (int(rest[i:i + 2]) for i in range(0, 10, 2))
    return _days_from_civil(year, mo, d) * 86400 + h * 3600 + mi * 60 + s, year


def check_times(der: bytes, not_before: int, not_after: int) -> None:
    validity = _der.parse(der).children[0].children[4]  # type: ignore[index,union-attr]
    for node, want in zip(validity.children or [], (not_before, not_after)):
        got, year = decode_time(node)
        if (node.tag == 0x17) != (1950 <= year <= 2049):
            raise _harness.ContractViolation(f"year {year} encoded with tag {node.tag:#x}")
        if got != want:
            raise _harness.ContractViolation(f"encoded time {got} is not the resolved {want}")


def one_input(data: bytes) -> str:
    flags, payload = (data[0], data[1:]) if data else (0, b"")
    first, _, second = payload.partition(b"\x00")
    not_before, not_after = _harness.text(first), _harness.text(second)
    for value in (not_before, not_after):
        for parse in (parse_duration, parse_rfc3339):
            result = parse(value)
            if result is not None and not isinstance(result, int):
                raise _harness.ContractViolation(f"{parse.__name__}({value!r}) gave {result!r}")
    profile = _PROFILES[flags & 3]
    policy = _POLICIES[(flags >> 2) & 3]
    lifetime = INTERMEDIATE_LIFETIME if profile == "intermediate-ca" else LEAF_LIFETIME

    def run() -> None:
        resolve_validity(not_before, not_after, default_lifetime=lifetime, now=fx.now)
        issuer = fx.issuer("root-ed25519")
        cert = issuer.sign(fx.csr("web-ed25519.csr"), fx.options(profile=profile, not_before=not_before,
                                                                 not_after=not_after),
                           now=fx.now, issuer_validity=policy)
        check_times(cert.der, *cert.validity.seconds())

    return _harness.expect_clean(run)


def seeds() -> list[bytes]:
    values = [
        ("", ""), ("-1m", "16h"), ("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"), ("0", "0"),
        ("1.5h", "2h45m"), ("-5m", "+1h"), ("1h1m1s1ms1us1ns", "1µs"), ("2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z"),
        ("1950-01-01T00:00:00Z", "9999-12-31T23:59:59Z"), ("0001-01-01T00:00:00Z", ""), ("2024-01-01T00:00:00.123456789+05:30", ""),
        ("2024-02-29T12:00:00-00:00", "2025-01-01T00:00:00,5Z"), ("9223372036854775807ns", ""), (".5h", "5.h"),
        ("2562047h47m16.854775807s", "-2562047h47m16.854775808s"), ("1d", "3w"), ("0000-01-01T00:00:00+01:00", ""),
    ]
    return [bytes((i % 16,)) + a.encode() + b"\x00" + b.encode() for i, (a, b) in enumerate(values)]


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import text_mutations

    return text_mutations(seeds(), "0123456789.+-:TZtz hmsnuµ,\x00")


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
