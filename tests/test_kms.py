"""``--kms``: signing with keys in a real SoftHSM2 token through PKCS#11.

The session fixture makes a private token (its own SOFTHSM2_CONF and token
directory) and imports the golden issuer keys into it, so that the same key
lives in the token and in a file: a certificate signed through the token
must equal the golden one and the one signed from the file (RSA, Ed25519:
the same bytes; ECDSA: the same TBSCertificate and a signature that
verifies).  The URI tests at the top need no token.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap

import kms_helpers
import pytest
from conftest import ROOT, VECTORS, Result, require, run_cli, run_process

from pkisign.errors import KMSError, MissingExtraError
from pkisign.signers.kms import open_kms_signer, resolve_kms_uri
from pkisign.signers.kms.uri import decode_id, join, parse_kms_uri, softkms_path

PIN = kms_helpers.PIN
WRONG_PIN = "Wr0ng-PIN-4242"
TIMES = ["--not-before=2025-01-01T00:00:00Z", "--not-after=2025-06-01T00:00:00Z"]
CASES = {c["name"]: c for c in json.loads((VECTORS / "cases.json").read_text())["cases"]}

# The golden issuer keys in the token: (file stem, CKA_ID).
ISSUERS = {
    "rsa2048": ("root-rsa2048", 0x4001),
    "p256": ("root-p256", 0x4002),
    "p384": ("root-p384", 0x4003),
    "ed25519": ("root-ed25519", 0x4004),
    "p521": ("root-p521", 0x4005),
}


# -- URI parsing (no token needed) ---------------------------------------------------

@pytest.mark.parametrize("spelling", ["4001", "0x4001", "40:01", "%40%01"])
def test_id_spellings_name_the_same_bytes(spelling):
    uri = parse_kms_uri(f"pkcs11:id={spelling}")
    assert decode_id(uri.get_bytes("id")) == b"\x40\x01"


@pytest.mark.parametrize("value, expected", [
    ("abc", b"abc"),           # odd length: the text itself, as step does
    ("0x400", b"0x400"),
    ("zz", b"zz"),
    ("%ff%00", b"\xff\x00"),   # percent-encoded bytes that are not UTF-8
    ("0A10", b"\x0a\x10"),
    ("0a:10:ff", b"\x0a\x10\xff"),
])
def test_id_decoding(value, expected):
    assert decode_id(parse_kms_uri(f"pkcs11:id={value}").get_bytes("id")) == expected


def test_path_and_query_attributes():
    uri = parse_kms_uri("PKCS11:module-path=/usr/lib/x.so;token=my%20token;object=a+b?pin-value=p%26w&pin-source=/f")
    assert uri.type == "pkcs11"
    assert uri.get("module-path") == "/usr/lib/x.so"
    assert uri.get("token") == "my token"
    assert uri.get("object") == "a b"  # Go's QueryUnescape: + is a space
    assert uri.get("pin-value") == "p&w"
    assert uri.get("pin-source") == "/f"
    assert uri.get("serial") == ""


def test_path_attribute_wins_over_query_and_empty_falls_through():
    assert parse_kms_uri("pkcs11:token=a?token=b").get("token") == "a"
    assert parse_kms_uri("pkcs11:token=?token=b").get("token") == "b"
    assert parse_kms_uri("pkcs11:token=a;token=c").get("token") == "a"


def test_bad_escape_in_path_is_an_error_in_query_dropped():
    with pytest.raises(KMSError, match="--kms is not a valid URI: invalid URL escape '%zz' in the value of 'token'"):
        parse_kms_uri("pkcs11:token=%zz", "--kms")
    with pytest.raises(KMSError, match="invalid URL escape in the value of 'pin-value'") as caught:
        parse_kms_uri(f"pkcs11:pin-value={WRONG_PIN}%zz", "--kms")
    assert WRONG_PIN not in str(caught.value) and "%zz" not in str(caught.value)
    assert parse_kms_uri("pkcs11:token=a?pin-value=%zz&x=1").get("pin-value") == ""


def test_key_attributes_join_kms_and_win():
    kms = parse_kms_uri("pkcs11:module-path=/m.so;token=t;id=01?pin-value=p")
    key = parse_kms_uri("pkcs11:id=4001;token=other")
    joined = join(kms, key)
    assert (joined.get("module-path"), joined.get("token"), joined.get("id"), joined.get("pin-value")) == \
        ("/m.so", "other", "4001", "p")


def test_everything_in_the_key_uri():
    uri = resolve_kms_uri("", "pkcs11:module-path=/m.so;token=t;id=4001?pin-value=p")
    assert uri.get("token") == "t" and uri.get("pin-value") == "p"


def test_softkms_is_a_key_file():
    assert softkms_path("softkms:path=/k/issuer.key") == "/k/issuer.key"
    assert softkms_path("softkms:issuer.key") == "issuer.key"
    assert softkms_path("issuer.key") == "issuer.key"
    assert resolve_kms_uri("softkms:", "issuers/root-ed25519.key").get("path") == "issuers/root-ed25519.key"


SOFTKMS_KEYS = [
    ["softkms:path=issuers/root-ed25519.key"],
    ["softkms:issuers/root-ed25519.key"],
    ["SoftKMS:path=issuers/root-ed25519.key"],
    ["--kms", "softkms:", "issuers/root-ed25519.key"],
    ["--kms", "softkms:", "softkms:path=issuers/root-ed25519.key"],
    ["--kms=softkms:", "softkms:issuers/root-ed25519.key"],
]


@pytest.mark.parametrize("key", SOFTKMS_KEYS, ids=" ".join)
def test_softkms_keys_work_on_the_command_line(key):
    # The reference signer reads the key file itself: the certificates must be the same bytes.
    from conftest import require_tool

    ref = require_tool("step-sign-ref")
    argv = ["csr/canon-p256.csr", "issuers/root-ed25519.crt", "--serial=7", *TIMES]
    expected = subprocess.run([ref, *argv, "issuers/root-ed25519.key"], cwd=VECTORS, capture_output=True)
    assert expected.returncode == 0, expected.stderr
    result = run_cli(["sign", *argv, *key], cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == expected.stdout


def test_a_softkms_key_file_is_protected_from_out(tmp_path):
    key = tmp_path / "issuer.key"
    key.write_bytes((VECTORS / "issuers/root-ed25519.key").read_bytes())
    key.chmod(0o600)
    result = run_cli(["sign", "csr/canon-p256.csr", "issuers/root-ed25519.crt", f"softkms:path={key}",
                      "--out", str(key), "--force"], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == f"refusing to write over {key}: it is an input of this command\n"
    assert key.read_bytes() == (VECTORS / "issuers/root-ed25519.key").read_bytes()


def test_a_missing_softkms_key_file_names_the_file():
    result = run_cli(["sign", "csr/canon-p256.csr", "issuers/root-ed25519.crt", "softkms:path=nope.key"],
                     cwd=VECTORS)
    assert (result.code, result.stderr) == (1, 'error reading "nope.key": no such file or directory\n')


def test_softkms_signs_like_the_key_file():
    signer = open_kms_signer("softkms:", str(VECTORS / "issuers/root-ed25519.key"))
    assert signer.public_key.kind == "ed25519"
    signer.close()


def test_repr_and_str_hide_the_pin():
    uri = parse_kms_uri(f"pkcs11:token=t?pin-value={WRONG_PIN}")
    assert WRONG_PIN not in repr(uri) and WRONG_PIN not in str(uri)
    assert "pin-value=***" in str(uri)
    from pkisign.signers.kms.pkcs11 import PKCS11Config

    assert WRONG_PIN not in repr(PKCS11Config.from_uri(join(uri, parse_kms_uri("pkcs11:id=01"))))


@pytest.mark.parametrize("kind", ["awskms", "cloudkms", "azurekms", "yubikey", "tpmkms", "sshagentkms",
                                  "capi", "mackms"])
def test_other_kms_types_go_to_step_kms_plugin(kind, tmp_path, monkeypatch):
    """Without a backend of its own pkisign runs step-kms-plugin, as step does: here there is none."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("STEPPATH", str(tmp_path))
    from pkisign.signers.kms import BUILT_IN_TYPES

    for plugin in (True,) if kind in BUILT_IN_TYPES else (False, True):
        for kms, key in ((f"{kind}:name=x", "key"), ("", f"{kind}:name=x")):
            with pytest.raises(KMSError, match=r'^exec: "step-kms-plugin": executable file not found in \$PATH$'):
                open_kms_signer(kms, key, plugin=plugin)


@pytest.mark.parametrize("kms, key, message", [
    ("pkcs11:token=t;serial=1?pin-value=p", "pkcs11:id=01", "'token' and 'serial' are mutually exclusive"),
    ("pkcs11:token=t;slot-id=1?pin-value=p", "pkcs11:id=01", "'token' and 'slot-id' are mutually exclusive"),
    ("pkcs11:module-path=/m.so?pin-value=p", "pkcs11:id=01", "names no token"),
    ("pkcs11:token=t;slot-id=x?pin-value=p", "pkcs11:id=01", "invalid slot-id 'x'"),
    ("pkcs11:token=t?pin-value=p", "pkcs11:token=t", "names no key"),
    ("pkcs11:token=t?pin-value=p", "issuer.key", "the key must be a pkcs11: URI"),
    ("pkcs11:token=t?pin-value=p", "awskms:key", "the key URI's type awskms: differs from the --kms type pkcs11:"),
    ("", "issuer.key", "not a KMS URI"),
])
def test_uri_errors(kms, key, message):
    with pytest.raises(KMSError, match=message) as caught:
        open_kms_signer(kms, key)
    assert "\n" not in str(caught.value)


def test_missing_python_pkcs11_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pkcs11", None)
    with pytest.raises(MissingExtraError, match=r"--kms with a PKCS#11 module needs the optional 'kms' extra"):
        open_kms_signer("pkcs11:module-path=/m.so;token=t?pin-value=p", "pkcs11:id=01")


# -- the token --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def hsm(tmp_path_factory):
    why = kms_helpers.missing()
    require(why is None, why or "")
    old = os.environ.get("SOFTHSM2_CONF")
    h = kms_helpers.SoftHSM(tmp_path_factory.mktemp("softhsm"))
    issuers = VECTORS / "issuers"
    with h.session() as session:
        for stem, key_id in ISSUERS.values():
            kms_helpers.import_key_file(session, issuers / f"{stem}.key", key_id.to_bytes(2, "big"), stem)
        # The same Ed25519 key with CKA_EC_PARAMS in PKCS#11 3.0's PrintableString form.
        kms_helpers.import_key_file(session, issuers / "root-ed25519.key", b"\x40\x44", "ed25519-printable",
                                    kms_helpers.ED25519_PRINTABLE)
        kms_helpers.generate_p256(session, b"\x40\x10", "generated-p256")
        # Two keys under one label, keys pkisign cannot use, a key without its public half.
        kms_helpers.import_key_file(session, issuers / "root-p256.key", b"\x40\x20", "dup")
        kms_helpers.import_key_file(session, issuers / "root-p384.key", b"\x40\x21", "dup")
        kms_helpers.import_ec_scalar(session, "secp256k1", 0x1234567, b"\x40\x30", "k1")
        kms_helpers.import_dsa(session, b"\x40\x31", "dsa")
        kms_helpers.import_ec_scalar(session, "secp256r1", 0x7654321, b"\x40\x32", "no-public")
    yield h
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


def _argv(case: dict, key: str, *, kms: str | None) -> list[str]:
    """The case's argv with the key argument replaced (and --kms added)."""
    argv = ["sign"] + [key if a == case["argv"][2] else a for a in case["argv"]]
    return argv + ([f"--kms={kms}"] if kms is not None else [])


def _ok(result: Result) -> bytes:
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def _cert(pem: bytes):
    from cryptography import x509

    return x509.load_pem_x509_certificate(pem)


def _verify(cert, issuer_pem: bytes) -> None:
    """The certificate's signature checked by pyca/cryptography with the issuer's key."""
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    key = _cert(issuer_pem).public_key()
    params = cert.signature_algorithm_parameters
    if isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(cert.signature, cert.tbs_certificate_bytes, params)
    elif isinstance(key, rsa.RSAPublicKey):
        if isinstance(params, padding.PSS):
            hash_alg = cert.signature_hash_algorithm
            params = padding.PSS(padding.MGF1(hash_alg), hash_alg.digest_size)
        key.verify(cert.signature, cert.tbs_certificate_bytes, params, cert.signature_hash_algorithm)
    else:
        key.verify(cert.signature, cert.tbs_certificate_bytes)


def _same_certificate(got: bytes, want: bytes, issuer_pem: bytes, *, exact: bool) -> None:
    if exact:
        assert got == want
        return
    got_cert, want_cert = _cert(got), _cert(want)
    assert got_cert.tbs_certificate_bytes == want_cert.tbs_certificate_bytes
    assert got_cert.signature_algorithm_oid == want_cert.signature_algorithm_oid
    _verify(got_cert, issuer_pem)


def _issuer_pem(case: dict) -> bytes:
    return (VECTORS / case["issuer"]).read_bytes()


def test_documented_command_line(hsm):
    """step's documented example, as written, with this machine's module path."""
    case = CASES["leaf/rsa2048-issuer/rsa2048-web"]
    kms = f"pkcs11:module-path={hsm.module};token=smallstep?pin-value=password"
    argv = ["sign", "--kms", kms, case["argv"][0], case["argv"][1], "pkcs11:id=4001", *case["argv"][3:]]
    got = _ok(run_cli(argv, cwd=VECTORS))
    assert got == (VECTORS / case["expect"]).read_bytes()
    assert got == _ok(run_cli(["sign", *case["argv"]], cwd=VECTORS))


def test_documented_command_line_in_a_real_process(hsm):
    """The same as a separate process: it loads the module, signs, exits."""
    case = CASES["leaf/ed25519-issuer/p256-web"]
    argv = ["certificate", "sign", "--kms", hsm.kms_uri(), case["argv"][0], case["argv"][1], "pkcs11:id=4004",
            *case["argv"][3:]]
    proc = run_process(argv, cwd=VECTORS)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (VECTORS / case["expect"]).read_bytes()


MATRIX = [f"{profile}/{issuer}-issuer/{csr}-{'ext' if profile == 'csr' else 'web'}"
          for issuer in ISSUERS
          for profile, csr in (("leaf", "p256"), ("intermediate-ca", "rsa2048"), ("csr", "ed25519"))]


@pytest.mark.parametrize("name", MATRIX)
def test_token_signs_like_the_key_file(hsm, name):
    case = CASES[name]
    issuer = next(k for k, (stem, _) in ISSUERS.items() if f"{stem}.key" in case["argv"][2])
    key_id = ISSUERS[issuer][1]
    exact = case["compare"] == "bytes"
    assert exact == (issuer in ("rsa2048", "ed25519"))
    got = _ok(run_cli(_argv(case, f"pkcs11:id={key_id:04x}", kms=hsm.kms_uri()), cwd=VECTORS))
    from_file = _ok(run_cli(["sign", *case["argv"]], cwd=VECTORS))
    _same_certificate(got, (VECTORS / case["expect"]).read_bytes(), _issuer_pem(case), exact=exact)
    _same_certificate(got, from_file, _issuer_pem(case), exact=exact)


@pytest.mark.parametrize("key", [
    "pkcs11:id=4001", "pkcs11:id=0x4001", "pkcs11:id=40:01", "pkcs11:id=%40%01",
    "pkcs11:object=root-rsa2048", "pkcs11:id=4001;object=root-rsa2048", "pkcs11:object=root%2Drsa2048",
])
def test_every_key_spelling(hsm, key):
    case = CASES["leaf/rsa2048-issuer/p384-web"]
    got = _ok(run_cli(_argv(case, key, kms=hsm.kms_uri()), cwd=VECTORS))
    assert got == (VECTORS / case["expect"]).read_bytes()


def test_ed25519_params_as_printable_string(hsm):
    case = CASES["intermediate-ca/ed25519-issuer/p256-web"]
    got = _ok(run_cli(_argv(case, "pkcs11:object=ed25519-printable", kms=hsm.kms_uri()), cwd=VECTORS))
    assert got == (VECTORS / case["expect"]).read_bytes()


def test_everything_in_the_key_argument(hsm):
    case = CASES["leaf/ed25519-issuer/rsa2048-web"]
    key = f"pkcs11:module-path={hsm.module};token=smallstep;id=4004?pin-value={PIN}"
    got = _ok(run_cli(_argv(case, key, kms=None), cwd=VECTORS))
    assert got == (VECTORS / case["expect"]).read_bytes()
    signer = open_kms_signer("", key)
    try:
        assert signer.public_key.kind == "ed25519"
    finally:
        signer.close()


@pytest.mark.parametrize("content", [f"{PIN}\n", f"{PIN}  \r\n\t", PIN])
@pytest.mark.parametrize("as_uri", [False, True])
def test_pin_source(hsm, tmp_path, content, as_uri):
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text(content)
    source = f"file://{pin_file}" if as_uri else str(pin_file)
    kms = f"pkcs11:module-path={hsm.module};token=smallstep?pin-source={source}"
    case = CASES["leaf/rsa2048-issuer/p256-web"]
    got = _ok(run_cli(_argv(case, "pkcs11:id=4001", kms=kms), cwd=VECTORS))
    assert got == (VECTORS / case["expect"]).read_bytes()


def test_token_by_serial_and_by_slot_id(hsm):
    token = hsm.token()
    serial, slot_id = token.serial.decode(), token.slot.slot_id
    case = CASES["leaf/rsa2048-issuer/p256-web"]
    for where in (f"serial={serial}", f"slot-id={slot_id}"):
        kms = f"pkcs11:module-path={hsm.module};{where}?pin-value={PIN}"
        got = _ok(run_cli(_argv(case, "pkcs11:id=4001", kms=kms), cwd=VECTORS))
        assert got == (VECTORS / case["expect"]).read_bytes()


TEMPLATE = """{
  "rawSubject": {{ toJson .Insecure.CR.RawSubject }},
  "sans": {{ toJson .SANs }},
  "keyUsage": ["digitalSignature"],
  "extKeyUsage": ["serverAuth", "clientAuth"],
  "signatureAlgorithm": "%s"
}"""


@pytest.mark.parametrize("algorithm, issuer", [
    ("SHA256-RSAPSS", "rsa2048"), ("SHA384-RSAPSS", "rsa2048"), ("SHA512-RSAPSS", "rsa2048"),
    ("SHA384-RSA", "rsa2048"), ("SHA512-RSA", "rsa2048"), ("SHA1-RSA", "rsa2048"),
    ("ECDSA-SHA512", "p256"), ("ECDSA-SHA256", "p384"), ("ECDSA-SHA384", "p521"),
])
def test_template_signature_algorithms(hsm, tmp_path, algorithm, issuer):
    """PSS (salt = hash length, random) and the other hashes a template may ask for."""
    template = tmp_path / "t.tpl"
    template.write_text(TEMPLATE % algorithm)
    stem, key_id = ISSUERS[issuer]
    common = ["sign", "csr/web-p256.csr", f"issuers/{stem}.crt", f"--template={template}", "--serial=77", *TIMES]
    from_file = _ok(run_cli(common + [f"issuers/{stem}.key"], cwd=VECTORS))
    got = _ok(run_cli(common + [f"pkcs11:id={key_id:04x}", f"--kms={hsm.kms_uri()}"], cwd=VECTORS))
    issuer_pem = (VECTORS / "issuers" / f"{stem}.crt").read_bytes()
    exact = algorithm.endswith("-RSA")
    _same_certificate(got, from_file, issuer_pem, exact=exact)
    if "PSS" in algorithm:
        assert got != from_file  # the salt is random
        _verify(_cert(got), issuer_pem)


def test_key_generated_on_the_token(hsm, tmp_path):
    """A key that never left the token: CSR made with it, an intermediate for it, a leaf signed by it."""
    import pkcs11
    from asn1crypto import csr as asn1_csr
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pkcs11.util.ec import encode_ec_public_key

    from pkisign.x509 import der

    with hsm.session() as session:
        public = session.get_key(object_class=pkcs11.ObjectClass.PUBLIC_KEY, label="generated-p256")
        private = session.get_key(object_class=pkcs11.ObjectClass.PRIVATE_KEY, label="generated-p256")
        info = asn1_csr.CertificationRequestInfo({
            "version": "v1",
            "subject": asn1_x509.Name.build({"common_name": "Token Intermediate"}),
            "subject_pk_info": asn1_keys.PublicKeyInfo.load(encode_ec_public_key(public)),
            "attributes": [],
        })
        raw = private.sign(hashlib.sha256(info.dump()).digest(), mechanism=pkcs11.Mechanism.ECDSA)
    signature = der.sequence(der.integer(int.from_bytes(raw[:32], "big")), der.integer(int.from_bytes(raw[32:], "big")))
    request = asn1_csr.CertificationRequest({
        "certification_request_info": info,
        "signature_algorithm": {"algorithm": "sha256_ecdsa"},
        "signature": signature,
    })
    (tmp_path / "int.csr").write_bytes(request.dump())
    intermediate = _ok(run_cli(["sign", str(tmp_path / "int.csr"), "issuers/root-p256.crt", "issuers/root-p256.key",
                                "--profile=intermediate-ca", *TIMES], cwd=VECTORS))
    (tmp_path / "int.crt").write_bytes(intermediate)
    leaf = _ok(run_cli(["sign", "csr/web-rsa2048.csr", str(tmp_path / "int.crt"), "pkcs11:object=generated-p256",
                        f"--kms={hsm.kms_uri()}", *TIMES], cwd=VECTORS))
    _verify(_cert(leaf), intermediate)
    _verify(_cert(intermediate), (VECTORS / "issuers/root-p256.crt").read_bytes())


# -- errors -------------------------------------------------------------------------------

def _error_cases(hsm, tmp_path):
    not_a_module = tmp_path / "not-a-module.so"
    not_a_module.write_text("not a shared library\n")
    good = hsm.kms_uri()
    token = f"pkcs11:module-path={hsm.module};token=smallstep"
    return [
        (f"pkcs11:module-path={tmp_path}/missing.so;token=smallstep?pin-value={PIN}", "pkcs11:id=4001",
         f"the PKCS#11 module {tmp_path}/missing.so does not exist"),
        (f"pkcs11:module-path={not_a_module};token=smallstep?pin-value={PIN}", "pkcs11:id=4001",
         f"cannot load the PKCS#11 module {not_a_module}"),
        (f"pkcs11:module-path={hsm.module};token=nope?pin-value={PIN}", "pkcs11:id=4001",
         "no token 'nope' in the PKCS#11 module"),
        (f"pkcs11:module-path={hsm.module};serial=0000?pin-value={PIN}", "pkcs11:id=4001",
         "no token with serial '0000'"),
        (f"pkcs11:module-path={hsm.module};slot-id=424242?pin-value={PIN}", "pkcs11:id=4001",
         "no token in slot 424242"),
        (f"{token}?pin-value={WRONG_PIN}", "pkcs11:id=4001", "wrong PIN for token 'smallstep'"),
        (f"{token}?pin-source={tmp_path}/missing-pin.txt", "pkcs11:id=4001", "cannot read the PIN file"),
        (token, "pkcs11:id=4001", "no PIN for token 'smallstep'"),
        (good, "pkcs11:id=4999", "no private key with id 4999 on token 'smallstep'"),
        (good, "pkcs11:object=missing", "no private key with label 'missing'"),
        (good, "pkcs11:object=dup", "2 private keys match label 'dup'"),
        (good, "pkcs11:id=4030", "unsupported key type: an EC key on curve 1.3.132.0.10"),
        (good, "pkcs11:id=4031", "unsupported key type: DSA"),
        (good, "pkcs11:id=4032", "no public key for the private key id 4032"),
        (good, "pkcs11:id=4002", "private key type does not match issuer public key type"),
        (good, "pkcs11:id=4003", "private key type does not match issuer public key type"),
    ]


def test_errors_are_one_line_and_never_show_the_pin(hsm, tmp_path):
    for kms, key, message in _error_cases(hsm, tmp_path):
        result = run_cli(["sign", "csr/web-p256.csr", "issuers/root-rsa2048.crt", key, f"--kms={kms}", *TIMES],
                         cwd=VECTORS)
        assert result.code == 1, (key, result.stderr)
        assert result.stdout == b""
        assert message in result.stderr, result.stderr
        assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
        for secret in (PIN, WRONG_PIN):
            assert secret not in result.stderr
    from pkisign.signers.kms import pkcs11 as kms_pkcs11

    assert kms_pkcs11._sessions == {}  # nothing left open by the failures


def _pin_files(tmp_path):
    """pin-source files that must fail without showing what they hold."""
    secret = "S3cret-in-the-pin-file"
    files = {
        "wrong": (WRONG_PIN + "\n", "wrong PIN for token 'smallstep'"),
        "two-lines": (f"{PIN}\n{secret}\n", "wrong PIN for token 'smallstep'"),
        "pin-then-secret-line": (f"{secret}\n{PIN}\n", "wrong PIN for token 'smallstep'"),
        "binary": (b"\xff\xfe" + secret.encode() + b"\x00\x9b", "is not UTF-8 text"),
        "control-characters": (f"{secret}\x1b[8m\u009b", "wrong PIN for token 'smallstep'"),
        "long": (secret * 2000, "wrong PIN for token 'smallstep'"),
        "huge": (secret * 4000, "larger than 64 KiB, the most pkisign reads for a PIN file"),
    }
    out = []
    for name, (content, message) in files.items():
        path = tmp_path / f"{name}.pin"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        out.append((name, path, message))
    directory = tmp_path / "a-directory.pin"
    directory.mkdir()
    out.append(("directory", directory, "cannot read the PIN file (pin-source)"))
    return secret, out


def test_a_pin_source_file_is_never_echoed(hsm, tmp_path):
    secret, cases = _pin_files(tmp_path)
    token = f"pkcs11:module-path={hsm.module};token=smallstep"
    for name, path, message in cases:
        for argv in (["pkcs11:id=4001", f"--kms={token}?pin-source={path}"],
                     [f"{token};id=4001?pin-source=file:{path}"]):
            result = run_cli(["sign", "csr/web-p256.csr", "issuers/root-rsa2048.crt", *argv, *TIMES], cwd=VECTORS)
            assert (result.code, result.stdout) == (1, b""), (name, result.stderr)
            assert message in result.stderr, (name, result.stderr)
            assert result.stderr.count("\n") == 1, (name, result.stderr)
            for shown in (secret, PIN, WRONG_PIN, "S3cret"):
                assert shown not in result.stderr, (name, result.stderr)
    from pkisign.signers.kms import pkcs11 as kms_pkcs11

    assert kms_pkcs11._sessions == {}


def test_wrong_pin_leaves_no_trace_in_the_traceback(hsm):
    with pytest.raises(KMSError) as caught:
        open_kms_signer(hsm.kms_uri(**{"pin-value": WRONG_PIN}), "pkcs11:id=4001")
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    import traceback

    assert WRONG_PIN not in "".join(traceback.format_exception(caught.value))


def test_pin_that_is_not_utf8_is_refused_without_showing_it(tmp_path):
    pin_file = tmp_path / "pin"
    pin_file.write_bytes(b"\xffsecret-bytes\n")
    for kms in ("pkcs11:module-path=/m.so;token=t?pin-value=%ffsecret-bytes",
                f"pkcs11:module-path=/m.so;token=t?pin-source={pin_file}"):
        with pytest.raises(KMSError, match="is not UTF-8 text") as caught:
            open_kms_signer(kms, "pkcs11:id=01")
        assert caught.value.__context__ is None and "secret" not in str(caught.value)


def test_algorithm_that_does_not_fit_the_key(hsm):
    from pkisign.x509.keys import algorithm_by_name

    with open_kms_signer(hsm.kms_uri(), "pkcs11:id=4002") as signer:
        with pytest.raises(KMSError, match="cannot sign SHA256-RSA with the EC P-256 key id 4002"):
            signer.sign(b"tbs", algorithm_by_name("SHA256-RSA"))
        with pytest.raises(KMSError, match="cannot sign Ed25519"):
            signer.sign(b"tbs", algorithm_by_name("Ed25519"))


# -- sessions -------------------------------------------------------------------------------

def _logged_in(hsm) -> bool:
    """Whether this process is logged in to the token: only then are private objects visible."""
    import pkcs11

    with hsm.token().open() as public:
        return bool(list(public.get_objects({pkcs11.Attribute.CLASS: pkcs11.ObjectClass.PRIVATE_KEY})))


@pytest.fixture
def count_logins(monkeypatch):
    from pkisign.signers.kms import pkcs11 as kms_pkcs11

    calls = []
    real = kms_pkcs11._open_session

    def counting(*args):
        calls.append(args[2] is not None)
        return real(*args)

    monkeypatch.setattr(kms_pkcs11, "_open_session", counting)
    return calls


def test_one_session_one_login_closed_after_the_run(hsm, count_logins):
    case = CASES["leaf/rsa2048-issuer/p256-web"]
    _ok(run_cli(_argv(case, "pkcs11:id=4001", kms=hsm.kms_uri()), cwd=VECTORS))
    assert count_logins == [True]
    assert not _logged_in(hsm)


def test_close_logs_out_closes_and_may_be_repeated(hsm, count_logins):
    import pkcs11

    from pkisign.x509.keys import algorithm_by_name

    signer = open_kms_signer(hsm.kms_uri(), "pkcs11:id=4004")
    for _ in range(3):
        signer.sign(b"tbs", algorithm_by_name("Ed25519"))
    assert count_logins == [True]
    assert _logged_in(hsm)
    session = signer._shared.session
    signer.close()
    signer.close()
    assert signer.closed and not _logged_in(hsm)
    with pytest.raises(pkcs11.SessionHandleInvalid):
        session.generate_random(64)
    with pytest.raises(KMSError, match="is closed"):
        signer.sign(b"tbs", algorithm_by_name("Ed25519"))


def test_signers_on_one_token_share_its_login(hsm, count_logins):
    from pkisign.x509.keys import algorithm_by_name

    first = open_kms_signer(hsm.kms_uri(), "pkcs11:id=4001")
    second = open_kms_signer(hsm.kms_uri(), "pkcs11:id=4002")
    assert count_logins == [True]
    with pytest.raises(KMSError, match="wrong PIN"):
        open_kms_signer(hsm.kms_uri(**{"pin-value": WRONG_PIN}), "pkcs11:id=4003")
    first.close()
    second.sign(b"tbs", algorithm_by_name("ECDSA-SHA256"))
    assert _logged_in(hsm)
    second.close()
    assert not _logged_in(hsm)


def test_the_module_through_another_path_is_the_same_module(hsm, tmp_path, count_logins):
    """A module is initialised once per process: a symlink to it must not load it again."""
    link = tmp_path / "libsofthsm2-link.so"
    link.symlink_to(hsm.module)
    first = open_kms_signer(hsm.kms_uri(), "pkcs11:id=4001")
    second = open_kms_signer(f"pkcs11:module-path={link};token=smallstep?pin-value={PIN}", "pkcs11:id=4004")
    assert count_logins == [True]
    first.close()
    second.close()
    assert not _logged_in(hsm)


def test_a_failed_open_unloads_the_module_it_loaded(hsm):
    """In a process of its own: the wrong PIN's half-open session goes with C_Finalize."""
    script = textwrap.dedent(f"""
        import pkcs11
        from pkisign.errors import KMSError
        from pkisign.signers.kms import open_kms_signer
        try:
            open_kms_signer({hsm.kms_uri(**{"pin-value": WRONG_PIN})!r}, "pkcs11:id=4001")
        except KMSError as exc:
            print(exc)
        print({hsm.module!r} in pkcs11._loaded)
        with open_kms_signer({hsm.kms_uri()!r}, "pkcs11:id=4001") as signer:
            print(signer.public_key.description)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["wrong PIN for token 'smallstep'", "False", "RSA-2048"]


def test_a_batch_of_csrs_logs_in_once(hsm, count_logins, tmp_path):
    case = CASES["leaf/rsa2048-issuer/p256-web"]
    csrs = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-ed25519.csr", "csr/web-rsa2048.csr"]
    argv = ["sign", *[f"--csr={c}" for c in csrs], "--out-dir", str(tmp_path), f"--kms={hsm.kms_uri()}",
            case["argv"][1], "pkcs11:id=4001"]
    result = run_cli(argv, cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "csr-tls-p256.crt", "web-ed25519.crt", "web-p256.crt", "web-rsa2048.crt"]
    assert count_logins == [True]
    assert not _logged_in(hsm)
