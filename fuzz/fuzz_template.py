"""Fuzz target: certificate templates, from the text to the signed certificate.

The rest of the input after the first byte is the template (UTF-8; other
bytes become surrogate escapes, as in a template file).  It is parsed and
executed on real template data (a vector CSR, ``.Insecure.User`` with
strings that need escaping) with the default ``Limits``, its output is
JSON-decoded into a certificate template, and that is signed by the
Ed25519 vector root, exactly as ``--template`` does.  First byte: bits 0-2
pick the CSR, bit 3 sets --omit-cn-san.

Contract: a certificate (its issuer and key checked by ``_lanes``) or a
PkisignError (a TemplateError for the template's own faults), within the
watchdog's time: the default limits must bound every template.

    python fuzz/fuzz_template.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import sys

import _harness

with _harness.instrumented(__name__ == "__main__"):
    import _fixtures as fx
    from _lanes import check_certificate

NAME = "template"
_CSRS = ("ext-rsa2048.csr", "attrs-rsa2048.csr", "san-other-ed25519.csr", "strtypes-p521.csr",
         "empty-p256.csr", "multi-p384.csr", "utf8-cn-p256.csr", "many-sans-rsa4096.csr")
USER = {"name": 'quote " backslash \\ newline \n', "list": [1, "two", None], "n": 3, "flag": True,
        "nested": {"k": "v"}}


def one_input(data: bytes) -> str:
    flags, payload = (data[0], data[1:]) if data else (0, b"")
    text = payload.decode("utf-8", "surrogateescape")
    csr = fx.csr(_CSRS[flags & 7])
    issuer = fx.issuer("root-ed25519")

    def run() -> None:
        options = fx.options(template=text, user_data=dict(USER), omit_cn_san=bool(flags & 8), serial=None)
        cert = issuer.sign(csr, options, now=fx.now)
        check_certificate(cert.der, issuer, "template", csr=csr)

    return _harness.expect_clean(run)


def seeds() -> list[bytes]:
    files = _harness.vector_files("templates/**/*.tpl") + sorted(
        (_harness.ROOT / "tests" / "template" / "golden" / "cases").glob("*.tpl")) + sorted(
        (_harness.ROOT / "pkisign" / "profiles").glob("*.tpl"))
    return [bytes((i % 16,)) + path.read_bytes() for i, path in enumerate(files)]


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import text_mutations

    return text_mutations(seeds(), '{}().$|"`\\ -=:,[]0123456789abcdefghijklmnopqrstuvwxyzDNSIPU\n')


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
