"""Fuzz target: the DER inspector (``pkisign.inspect.inspect_bytes``).

The inspector promises more than the other parsers: *any* bytes give a
Report, never an exception (not even a PkisignError), in time and memory
linear in the input.  The report must render as text and as JSON (which
must parse), and every finding must carry a known code.  First input byte:
bit 0 armours the rest as a PEM block whose label bits 1-3 pick; else the
rest is the file as is.

    python fuzz/fuzz_inspect.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import json
import sys

import _harness

with _harness.instrumented(__name__ == "__main__"):
    import _fixtures as fx

    from pkisign.inspect import CODES, inspect_bytes, render_json, render_text

NAME = "inspect"
_LABELS = ("CERTIFICATE", "CERTIFICATE REQUEST", "TBS CERTIFICATE", "PUBLIC KEY", "NEW CERTIFICATE REQUEST",
           "PRIVATE KEY", "X509 CRL", "UNKNOWN")


def one_input(data: bytes) -> str:
    flags, payload = (data[0], data[1:]) if data else (0, b"")
    if flags & 1:
        payload = fx.pem_armour(_LABELS[(flags >> 1) & 7], payload)
    report = inspect_bytes(payload)
    render_text(report)
    document = json.loads(render_json(report))
    if not isinstance(document, dict):
        raise _harness.ContractViolation("render_json did not give a JSON object")
    for finding in report.findings:
        if finding.code not in CODES:
            raise _harness.ContractViolation(f"finding with an unknown code {finding.code!r}")
    errors = sum(f.severity == "error" for f in report.findings)
    return f"{report.kind}:{'errors' if errors else 'clean'}"


def seeds() -> list[bytes]:
    out = []
    files = _harness.vector_files("csr/*", "issuers/*", "bad/*") + _harness.vector_files("out/**/*.pem")[::8]
    for path in files:
        out.append(b"\x00" + path.read_bytes())
    for der in fx.vector_csr_ders():
        out.append(bytes((1 | (1 << 1),)) + der)  # armoured as a CERTIFICATE REQUEST
    return out


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import der_mutations

    return der_mutations(seeds())


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
