"""Outside judges: pkilint and `openssl verify` on every certificate the vectors issue.

pkilint's RFC 5280 linters (lint_pkix_cert, lint_pkix_signer_signee_cert_chain)
must report nothing at ERROR or above, and openssl must verify every chain.
Some vectors exist to prove that pkisign copies step even where step's
output is not RFC 5280-clean (a CSR's own extensions in the csr profile, a
CN turned into a DNS SAN, serial 0...).  Those findings are listed in
DELIBERATE, per CSR shape and finding code, each with the reason; anything
else fails.  pkilint's URI check only knows a few schemes (it uses the
`validators` package), so an RFC 3986 URI with another scheme (spiffe:,
urn:) is a false positive, which is checked here with RFC 3986's grammar.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from asn1crypto import pem as apem
from conftest import VECTORS, openssl_verify, run_case

CASES = [c for c in json.loads((VECTORS / "cases.json").read_text())["cases"] if "expect" in c]

_CN_AS_SAN = "step turns a CN that is not a host name into a DNS SAN"
_CSR_AS_IS = "the csr profile copies the CSR's own extensions, as step does"
_SAME_SUBJECT = "Go omits the AKI when the subject equals the issuer's subject"
DELIBERATE: dict[str, dict[str, str]] = {
    "ext": {
        "pkix.ca_certificate_keycertsign_keyusage_not_set": _CSR_AS_IS,
        "pkix.key_usage_value_prohibited_for_ec": _CSR_AS_IS,
        "pkix.key_usage_value_prohibited_for_edwards_curve": _CSR_AS_IS,
    },
    "ext-aki": {"pkix.issuer_and_subject_key_identifier_not_equal": _CSR_AS_IS},
    "multi": {
        "pkix.rdn_contains_duplicate_attribute_types": "the CSR's subject has a multi-valued RDN (OU=b+OU=a)",
        "pkix.subject_email_address_not_in_san": "the CSR's subject has an emailAddress that is not a SAN",
    },
    "utf8": {"pkix.rdn_contains_duplicate_attribute_types": "Go's re-encoding puts the CSR's two OUs in one RDN"},
    "strtypes": {
        "pkix.rdn_contains_duplicate_attribute_types": "Go's re-encoding puts the CSR's two OUs in one RDN",
        "itu.invalid_asn1_syntax": "the CSR's subject uses T61String/BMPString values pkilint cannot decode",
    },
    "canon": {"pkix.invalid_domain_name_syntax": _CN_AS_SAN},
    "cn-space": {"pkix.invalid_domain_name_syntax": _CN_AS_SAN},
    "reclass": {
        "pkix.invalid_domain_name_syntax": "step re-classifies odd SANs (an email without @) as DNS names",
        "pkix.invalid_email_address_syntax": _CSR_AS_IS,
        "pkix.invalid_uri_syntax": "step re-classifies odd SANs",
    },
    "uri-norm": {
        "pkix.invalid_domain_name_syntax": "the CSR's URI 'no-scheme' becomes a DNS SAN, as in step",
        "pkix.invalid_uri_syntax": "the CSR carries a URI without a scheme",
    },
    **{f"same-as-{root}": {
        "pkix.authority_key_id_extension_missing": _SAME_SUBJECT,
        "pkix.authority_key_identifier_extension_absent": _SAME_SUBJECT,
        "pkix.invalid_domain_name_syntax": _CN_AS_SAN,
        "base.unhandled_exception": "pkilint crashes checking an Ed25519 self-signature (a pkilint bug)",
    } for root in ("root-rsa2048", "root-p256", "root-ed25519")},
}
# Findings that come from flags or issuers rather than the CSR.
BY_CASE: dict[str, dict[str, str]] = {
    **{name: {"pkix.certificate_serial_number_out_of_range": "step accepts serial 0 and serials over 20 bytes"}
       for name in ("serial/0", "serial/hex-0x0", "serial/2^159", "serial/2^160-1")},
    **{f"issuers/noski/{p}": {
        "pkix.authority_key_identifier_extension_absent": "the issuer has no SKI, so Go writes no AKI",
    } for p in ("leaf", "csr", "intermediate-ca")},
}

# RFC 3986 section 3: scheme ":" hier-part, with only the characters a URI may hold.
_RFC3986 = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_PKILINT_SCHEMES = ("http", "https", "ftp", "ftps")


def _shape(case: dict) -> str:
    csr = case.get("stdin") or next(a for a in case["argv"] if not a.startswith("-"))
    stem = Path(csr).name.rsplit(".", 1)[0]
    return stem.rsplit("-", 1)[0]


def _tolerated(case: dict, code: str, message: str) -> bool:
    if code in DELIBERATE.get(_shape(case), {}) or code in BY_CASE.get(case["name"], {}):
        return True
    if code == "pkix.invalid_uri_syntax":
        uri = message.split('"', 1)[1].rsplit('"', 1)[0]
        scheme = uri.split(":", 1)[0].lower()
        return bool(_RFC3986.fullmatch(uri)) and scheme not in _PKILINT_SCHEMES
    return False


def _first_der(path: Path) -> bytes:
    data = path.read_bytes()
    return next(der for _, _, der in apem.unarmor(data, multiple=True)) if b"-----BEGIN" in data else data


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_outside_judges(case, pkilint, tmp_path):
    result = run_case(case)
    assert result.code == 0, result.stderr
    der = next(d for _, _, d in apem.unarmor(result.stdout, multiple=True))
    issuer = _first_der(VECTORS / case["issuer"])
    findings = pkilint.lint_cert(der) + pkilint.lint_chain(issuer, der)
    unexpected = [f for f in findings if not _tolerated(case, f[0], f[1])]
    assert unexpected == []
    if case.get("chain"):
        leaf = tmp_path / "leaf.pem"
        leaf.write_bytes(result.stdout)
        anchor, *untrusted = (VECTORS / p for p in case["chain"])
        assert openssl_verify(leaf, anchor, untrusted) == ""
