"""Extension encoders and Go's order (spec 9.6, 9.7)."""

from pkisign.golang.net import parse_ip, parse_url
from pkisign.x509 import extensions as ext
from pkisign.x509.certificate import CertificateTemplate, Extension
from pkisign.x509.extensions import build_extensions, encode_extension


def encoded(oid, critical, value):
    return encode_extension(Extension(oid, critical, value)).hex()


def test_key_usage_bytes():
    assert encoded(ext.OID_KEY_USAGE, True, ext.key_usage(1)) == "300e0603551d0f0101ff040403020780"
    assert encoded(ext.OID_KEY_USAGE, True, ext.key_usage(1 | 4)) == "300e0603551d0f0101ff0404030205a0"
    assert encoded(ext.OID_KEY_USAGE, True, ext.key_usage(32 | 64)) == "300e0603551d0f0101ff040403020106"
    assert ext.key_usage(256).hex() == "0303070080"  # decipherOnly alone: two bytes


def test_ext_key_usage_bytes():
    value = ext.ext_key_usage(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"])
    assert encoded(ext.OID_EXT_KEY_USAGE, False, value) == (
        "301d0603551d250416301406082b0601050507030106082b06010505070302"
    )


def test_basic_constraints_bytes():
    assert encoded(ext.OID_BASIC_CONSTRAINTS, True, ext.basic_constraints(True, 0)) == (
        "30120603551d130101ff040830060101ff020100")
    assert encoded(ext.OID_BASIC_CONSTRAINTS, True, ext.basic_constraints(True, 1)) == (
        "30120603551d130101ff040830060101ff020101")
    assert encoded(ext.OID_BASIC_CONSTRAINTS, True, ext.basic_constraints(True, None)) == (
        "300f0603551d130101ff040530030101ff")
    assert ext.basic_constraints(False, None).hex() == "3000"


def test_key_identifier_bytes():
    key_id = bytes(range(20))
    assert encoded(ext.OID_SUBJECT_KEY_ID, False, ext.subject_key_identifier(key_id)) == (
        "301d0603551d0e04160414" + key_id.hex())
    assert encoded(ext.OID_AUTHORITY_KEY_ID, False, ext.authority_key_identifier(key_id)) == (
        "301f0603551d23041830168014" + key_id.hex())


def test_san_regroups_dns_email_ip_uri():
    value = ext.subject_alt_name(["a.example"], [], [parse_ip("10.0.0.1")], [])
    assert value.hex() == "30118209612e6578616d706c6587040a000001"
    value = ext.subject_alt_name(["d"], ["e@x"], [parse_ip("::ffff:192.0.2.1"), parse_ip("2001:db8::1")],
                                 [parse_url("spiffe://x/y")])
    assert value.hex() == (
        "302e" "820164" "8103654078" "8704c0000201" "871020010db8000000000000000000000001"
        "860c7370696666653a2f2f782f79")


def test_order_and_criticality():
    tpl = CertificateTemplate(
        key_usage=1, ext_key_usage=["1.3.6.1.5.5.7.3.1"], basic_constraints_valid=True, is_ca=True,
        max_path_len=-1, ocsp_server=["http://o"], dns_names=["d"], policy_identifiers=["2.23.140.1.2.1"],
        crl_distribution_points=["http://c"], extra_extensions=[Extension("1.2.3", False, b"\x05\x00")],
    )
    out = build_extensions(tpl, subject_is_empty=True, authority_key_id=b"a", subject_key_id=b"s")
    assert [(e.oid, e.critical) for e in out] == [
        ("2.5.29.15", True), ("2.5.29.37", False), ("2.5.29.19", True), ("2.5.29.14", False),
        ("2.5.29.35", False), ("1.3.6.1.5.5.7.1.1", False), ("2.5.29.17", True), ("2.5.29.32", False),
        ("2.5.29.31", False), ("1.2.3", False),
    ]


def test_an_extra_extension_overrides_the_built_in_one():
    tpl = CertificateTemplate(key_usage=1, extra_extensions=[Extension("2.5.29.15", False, b"\x03\x01\x00")])
    out = build_extensions(tpl, subject_is_empty=False, authority_key_id=b"", subject_key_id=b"s")
    assert [(e.oid, e.value) for e in out] == [("2.5.29.14", ext.subject_key_identifier(b"s")),
                                               ("2.5.29.15", b"\x03\x01\x00")]


def test_path_len_zero_needs_max_path_len_zero():
    tpl = CertificateTemplate(basic_constraints_valid=True, is_ca=True, max_path_len=0)
    assert build_extensions(tpl, subject_is_empty=False, authority_key_id=b"", subject_key_id=b"")[0].value == (
        ext.basic_constraints(True, None))
    tpl.max_path_len_zero = True
    assert build_extensions(tpl, subject_is_empty=False, authority_key_id=b"", subject_key_id=b"")[0].value == (
        ext.basic_constraints(True, 0))
