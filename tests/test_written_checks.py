"""The Go re-parse of a certificate pkisign has just written.

``Issuer.attach`` checks only the parts of a new certificate that came from
outside pkisign's own DER writer (``golang.x509.check_written_certificate``);
these tests hold that shortcut to the full port of Go's parser
(``parse_certificate_checks``, itself held to real Go by test_goparse.py):
same verdict, same message, for templates whose certificates Go refuses and
for ones it accepts, and no refusal for any time pkisign writes.
"""

from __future__ import annotations

import base64

import pytest
from conftest import VECTORS

from pkisign import Issuer, SignOptions, load_csr
from pkisign.errors import SigningError
from pkisign.golang.x509 import GoParseError, check_written_certificate, parse_certificate_checks
from pkisign.x509.tbs import assemble_certificate

ISSUER = Issuer.from_files(str(VECTORS / "issuers/root-p256.crt"), str(VECTORS / "issuers/root-p256.key"))
CSR = load_csr((VECTORS / "csr/web-p256.csr").read_bytes())
TIMES = {"not_before": "2025-01-01T00:00:00Z", "not_after": "2025-02-01T00:00:00Z"}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def verdict(check, *args) -> str | None:  # type: ignore[no-untyped-def]
    try:
        check(*args)
    except GoParseError as exc:
        return str(exc)
    return None


def verdicts(template: str) -> tuple[str | None, str | None, str | None]:
    """(full parse, shortcut, what Issuer.attach says) for the template's certificate."""
    draft = ISSUER.prepare(CSR, SignOptions(template=template, serial=9, **TIMES))
    tbs = draft.tbs
    assert tbs.issuer is not None  # built by build_tbs: attach takes the shortcut
    signature = ISSUER.signer.sign(tbs.der, tbs.algorithm)
    der = assemble_certificate(tbs.der, tbs.algorithm.identifier, signature)
    full = verdict(parse_certificate_checks, der)
    fast = verdict(check_written_certificate, der, tbs.issuer, tbs.subject, tbs.spki, tbs.encoded_extensions)
    try:
        certificate = ISSUER.attach(draft, signature)
    except SigningError as exc:
        attached: str | None = str(exc)
    else:
        assert certificate.der == der
        attached = None
    return full, fast, attached


def ext(oid: str, value: bytes, critical: bool = False) -> str:
    return f'{{"id": "{oid}", "critical": {"true" if critical else "false"}, "value": "{b64(value)}"}}'


UNIVERSAL_STRING_CN = bytes.fromhex("300b3109300706035504031c00")

REFUSED = [
    # the extension's OID has an arc cryptobyte cannot hold in 31 bits
    ('{"extensions": [' + ext("1.2.2147483648", b"\x05\x00") + "]}",
     "x509: malformed extension OID field"),
    ('{"extensions": [' + ext("1.3.6.1.4.1.55555.1", b"\x05\x00") + ", "
     + ext("1.3.6.1.4.1.55555.1", b"\x01\x01\xff") + "]}",
     'x509: certificate contains duplicate extension with OID "1.3.6.1.4.1.55555.1"'),
    # a SAN value that is not a SEQUENCE
    ('{"extensions": [' + ext("2.5.29.17", b"\x04\x00") + "]}", "x509: invalid subject alternative names"),
    # a SAN URI whose host Go's domain check refuses
    ('{"extensions": [' + ext("2.5.29.17", bytes.fromhex("300e860c687474703a2f2f612e2e622f")) + "]}",
     'x509: cannot parse URI "http://a..b/": invalid domain'),
    # a SAN IP address of 5 octets
    ('{"extensions": [' + ext("2.5.29.17", bytes.fromhex("30078705 0102030405")) + "]}",
     "x509: cannot parse IP address of length 5"),
    ('{"extensions": [' + ext("2.5.29.35", bytes.fromhex("3000"), critical=True) + "]}",
     "x509: authority key identifier incorrectly marked critical"),
    ('{"extensions": [' + ext("2.5.29.19", bytes.fromhex("30030101 02")) + "]}", "x509: invalid basic constraints"),
    # a name constraint whose IP mask is not a prefix
    ('{"extensions": [' + ext("2.5.29.30", bytes.fromhex("300ea00c300a8708c0a80000ff00ff00")) + "]}",
     "x509: IP constraint contained invalid mask ff00ff00"),
    ('{"extensions": [' + ext("2.5.29.30", bytes.fromhex("3000")) + "]}", "x509: empty name constraints extension"),
    ('{"extensions": [' + ext("2.5.29.32", bytes.fromhex("300c300406022a03300406022a03")) + "]}",
     "x509: invalid certificate policies"),
    # raw subjects: not DER, two SEQUENCEs (which shift the key), a string type Go does not read
    (f'{{"rawSubject": "{b64(bytes.fromhex("010203"))}"}}', "x509: malformed issuer"),
    (f'{{"rawSubject": "{b64(bytes.fromhex("30003000"))}"}}', "x509: malformed public key algorithm identifier"),
    (f'{{"rawSubject": "{b64(UNIVERSAL_STRING_CN)}"}}',
     "x509: invalid RDNSequence: invalid attribute value: unsupported string type: 28"),
]


@pytest.mark.parametrize("template, message", REFUSED)
def test_refused_where_the_full_parse_refuses(template, message):
    full, fast, attached = verdicts(template)
    assert full == message
    assert fast == message
    assert attached == f"error parsing certificate: {message}"


ACCEPTED = [
    "{}",
    '{"subject": {"commonName": "ok"}, "sans": [{"type": "dns", "value": "a.example"}, '
    '{"type": "uri", "value": "spiffe://example.org/x"}, {"type": "ip", "value": "10.0.0.1"}], '
    '"keyUsage": ["digitalSignature"], "extKeyUsage": ["serverAuth"], '
    '"basicConstraints": {"isCA": false, "maxPathLen": -1}, '
    '"ocspServer": ["http://ocsp.example"], "issuingCertificateURL": ["http://ca.example/ca.crt"], '
    '"crlDistributionPoints": ["http://ca.example/crl"], "policyIdentifiers": ["1.2.3.4"], '
    '"nameConstraints": {"critical": true, "permittedDNSDomains": ["example.com"]}}',
    # critical extensions Go does not handle are kept, not refused
    '{"extensions": [' + ext("1.3.6.1.4.1.55555.7", b"\x05\x00", critical=True) + "]}",
    f'{{"rawSubject": "{b64(bytes.fromhex("3000"))}", "sans": [{{"type": "dns", "value": "x.example"}}]}}',
]


@pytest.mark.parametrize("template", ACCEPTED)
def test_accepted_where_the_full_parse_accepts(template):
    assert verdicts(template) == (None, None, None)


@pytest.mark.parametrize("not_before, not_after", [
    ("0001-01-01T00:00:01Z", "1949-12-31T23:59:59Z"),
    ("1950-01-01T00:00:00Z", "2000-02-29T12:34:56Z"),
    ("2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z"),
    ("2024-02-29T00:00:00Z", "9999-12-31T23:59:59Z"),
])
def test_every_time_pkisign_writes_parses(not_before, not_after):
    """The shortcut skips the validity: whatever encode_time writes, Go reads."""
    certificate = ISSUER.sign(CSR, SignOptions(serial=1, not_before=not_before, not_after=not_after))
    assert verdict(parse_certificate_checks, certificate.der) is None


def test_a_tbs_made_elsewhere_gets_the_full_parse():
    """A TBS not from build_tbs (no recorded parts) is parsed whole."""
    from dataclasses import replace

    draft = ISSUER.prepare(CSR, SignOptions(template=f'{{"rawSubject": "{b64(UNIVERSAL_STRING_CN)}"}}', **TIMES))
    bare = replace(draft, tbs=replace(draft.tbs, issuer=None, spki=b"", encoded_extensions=()))
    with pytest.raises(SigningError, match="unsupported string type: 28"):
        ISSUER.attach(bare, ISSUER.signer.sign(bare.tbs.der, bare.tbs.algorithm))


def _every_vector_csr():
    for path in sorted((VECTORS / "csr").iterdir()) + sorted((VECTORS / "bad").glob("csr*")):
        try:
            yield path.name, load_csr(path.read_bytes())
        except Exception:  # noqa: BLE001 - CSRs pkisign refuses never reach the re-parse
            continue


@pytest.mark.parametrize("profile", ["leaf", "intermediate-ca", "csr"])
def test_every_vector_csr_gets_the_full_parses_verdict(profile):
    """Every vector CSR under each profile: the shortcut's verdict is the full parse's."""
    checked = refused = 0
    for name, csr in _every_vector_csr():
        try:
            draft = ISSUER.prepare(csr, SignOptions(profile=profile, serial=5, **TIMES))
        except Exception:  # noqa: BLE001 - refused before any certificate exists
            continue
        tbs = draft.tbs
        signature = ISSUER.signer.sign(tbs.der, tbs.algorithm)
        der = assemble_certificate(tbs.der, tbs.algorithm.identifier, signature)
        full = verdict(parse_certificate_checks, der)
        assert verdict(check_written_certificate, der, tbs.issuer, tbs.subject, tbs.spki,
                       tbs.encoded_extensions) == full, name
        checked += 1
        refused += full is not None
    assert checked >= 40
    if profile != "intermediate-ca":  # which re-encodes the subject
        assert refused >= 1  # univ-cn-ed25519.csr: a subject string type Go does not read
