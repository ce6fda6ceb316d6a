"""Requester-controlled data stays in its lane; secrets stay secret; a bad signature never gets out."""

from __future__ import annotations

import warnings

import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import VECTORS, run_cli

ISSUER = ["issuers/root-ed25519.crt", "issuers/root-ed25519.key"]
FIXED = ["--serial=3", "--not-before=2025-01-01T00:00:00Z", "--not-after=2025-02-01T00:00:00Z"]


def certificate(result) -> x509.Certificate:
    assert result.code == 0, result.stderr
    return x509.Certificate.load(next(d for _, _, d in apem.unarmor(result.stdout, multiple=True)))


@pytest.mark.parametrize("profile", ["leaf", "intermediate-ca"])
def test_csr_extensions_never_reach_leaf_or_intermediate(profile):
    # The "ext" CSR asks for CA:TRUE pathlen 3, keyEncipherment, codeSigning, its own SKI, a policy...
    cert = certificate(run_cli(["sign", f"--profile={profile}", *FIXED, "csr/ext-p256.csr", *ISSUER], cwd=VECTORS))
    extensions = {e["extn_id"].dotted: e for e in cert["tbs_certificate"]["extensions"]}
    assert "1.3.6.1.4.1.55555.1" not in extensions and "2.5.29.32" not in extensions
    assert extensions["2.5.29.14"]["extn_value"].native != bytes.fromhex("00112233445566778899aabbccddeeff00112233")
    if profile == "leaf":
        assert "2.5.29.19" not in extensions
        assert set(extensions["2.5.29.15"]["extn_value"].native) == {"digital_signature"}
        assert list(extensions["2.5.29.37"]["extn_value"].native) == ["server_auth", "client_auth"]
    else:
        assert extensions["2.5.29.19"]["extn_value"].native == {"ca": True, "path_len_constraint": 0}
    # Only the csr profile copies them, as step does.
    copied = certificate(run_cli(["sign", "--profile=csr", *FIXED, "csr/ext-p256.csr", *ISSUER], cwd=VECTORS))
    assert "1.3.6.1.4.1.55555.1" in {e["extn_id"].dotted for e in copied["tbs_certificate"]["extensions"]}


HOSTILE_CN = 'x", "basicConstraints": {"isCA": true}, "y": "\\\t'


@pytest.fixture(scope="module")
def hostile_csr(tmp_path_factory):
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    csr = cx509.CertificateSigningRequestBuilder().subject_name(
        cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, HOSTILE_CN)])
    ).add_extension(cx509.SubjectAlternativeName([cx509.DNSName("ok.example")]), critical=False).sign(
        key, hashes.SHA256())
    path = tmp_path_factory.mktemp("hostile") / "hostile.csr"
    path.write_bytes(csr.public_bytes(serialization.Encoding.PEM))
    return str(path)


def test_tojson_keeps_csr_strings_inside_their_json_string(hostile_csr, tmp_path):
    template = tmp_path / "safe.tpl"
    template.write_text('{"subject": {"commonName": {{ toJson .Subject.CommonName }}}, "sans": {{ toJson .SANs }}}')
    cert = certificate(run_cli(["sign", *FIXED, "--template", str(template), hostile_csr, *ISSUER], cwd=VECTORS))
    assert cert.subject.native == {"common_name": HOSTILE_CN}
    assert "2.5.29.19" not in {e["extn_id"].dotted for e in cert["tbs_certificate"]["extensions"]}


def test_raw_insertion_that_breaks_out_is_flagged(hostile_csr, tmp_path):
    template = tmp_path / "coyote.tpl"
    template.write_text('{"subject": {"commonName": "{{ .Subject.CommonName }}"}}')
    result = run_cli(["sign", *FIXED, "--template", str(template), hostile_csr, *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr.startswith("error unmarshaling certificate: invalid character ")
    assert "the template prints the CSR value" in result.stderr and "without toJson" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_quote_that_still_parses_is_a_warning(tmp_path):
    # A CN with a backslash-free quote pair that keeps the JSON valid still gets the warning.
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    cn = 'a", "organization": "Forged Org'
    csr = cx509.CertificateSigningRequestBuilder().subject_name(
        cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, cn)])).sign(key, hashes.SHA256())
    (tmp_path / "q.csr").write_bytes(csr.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "t.tpl").write_text('{"subject": {"commonName": "{{ .Subject.CommonName }}"}}')
    result = run_cli(["sign", *FIXED, "--template", str(tmp_path / "t.tpl"), str(tmp_path / "q.csr"), *ISSUER],
                     cwd=VECTORS)
    assert certificate(result).subject.native == {"common_name": "a", "organization_name": "Forged Org"}
    assert result.stderr == (f"warning: the template prints the CSR value {cn!r} without toJson; "
                             "its quotes or backslashes change the template's JSON\n")


def test_the_password_never_appears(tmp_path):
    secret = "s3cr3t-Pa55w0rd-never-print"
    (tmp_path / "pw").write_text(secret + "\n")
    for key in ("keys/formats/root-ed25519.pkcs8-aes256-sha256.key", "keys/formats/root-p256.sec1-aes256.key"):
        result = run_cli(["sign", "--password-file", str(tmp_path / "pw"), "csr/web-p256.csr",
                          "issuers/root-ed25519.crt", key], cwd=VECTORS)
        assert result.code == 1 and secret not in result.stderr and result.stdout == b""


def test_a_key_file_others_can_read_is_a_warning(tmp_path):
    key = tmp_path / "issuer.key"
    key.write_bytes((VECTORS / ISSUER[1]).read_bytes())
    key.chmod(0o644)
    result = run_cli(["sign", *FIXED, "csr/web-p256.csr", ISSUER[0], str(key)], cwd=VECTORS)
    assert result.code == 0
    assert result.stderr == f"warning: {key} can be read by other users (mode 0644); chmod 600 {key}\n"
    key.chmod(0o600)
    assert run_cli(["sign", *FIXED, "csr/web-p256.csr", ISSUER[0], str(key)], cwd=VECTORS).stderr == ""


def test_a_faulty_signer_never_lets_a_certificate_out():
    from pkisign import Issuer, SignOptions, load_csr
    from pkisign.errors import SigningError

    issuer = Issuer.from_files(str(VECTORS / "issuers/root-p256.crt"), str(VECTORS / "issuers/root-p256.key"))
    real = issuer.signer.sign

    def faulty(message, algorithm):
        signature = bytearray(real(message, algorithm))
        signature[-1] ^= 0x01
        return bytes(signature)

    issuer.signer.sign = faulty  # type: ignore[method-assign]
    csr = load_csr((VECTORS / "csr/web-p256.csr").read_bytes())
    with pytest.raises(SigningError, match="signature returned by signer is invalid"):
        issuer.sign(csr, SignOptions(serial=1))


def test_template_regexes_on_a_10kb_common_name_finish(tmp_path):
    """Go's regexp is linear; the patterns that backtrack for minutes must answer at once."""
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    with warnings.catch_warnings():  # cryptography warns past X.520's 64 characters; step takes any length
        warnings.simplefilter("ignore")
        name = cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, "a" * 9_999 + "!", _validate=False)])
    csr = cx509.CertificateSigningRequestBuilder().subject_name(name).sign(ec.generate_private_key(ec.SECP256R1()),
                                                                           hashes.SHA256())
    (tmp_path / "long.csr").write_bytes(csr.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "re.tpl").write_text(
        '{"subject": {"commonName": "{{ regexMatch "(a|aa)+$" .Subject.CommonName }} '
        '{{ len (regexFind "(a?){25}a{25}" .Subject.CommonName) }} '
        '{{ regexReplaceAll "(.*a){12}" .Subject.CommonName "$1" }} '
        '{{ regexMatch `^(.*)\\.(.*)\\.(.*)\\.example\\.com$` .Subject.CommonName }} '
        '{{ regexMatch `^([a-z0-9-]+\\.)*example\\.com$` "www.example.com" }}"}}')
    cert = certificate(run_cli(["sign", *FIXED, "--template", str(tmp_path / "re.tpl"), str(tmp_path / "long.csr"),
                                *ISSUER], cwd=VECTORS))
    assert cert.subject.native == {"common_name": "false 50 a! false true"}
