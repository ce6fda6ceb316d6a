"""Names: Go's CSR subject parsing and Go's re-encoding (spec 9.5)."""

import pytest

from pkisign.x509 import der
from pkisign.x509.names import GoName, NameError_, encode_go_name, parse_name


def test_go_example_organization_and_common_name():
    name = GoName(organization=["Acme"], common_name="Intermediate")
    assert encode_go_name(name).hex() == (
        "3026310d300b060355040a130441636d65311530130603550403130c496e7465726d656469617465"
    )


def test_multi_valued_field_is_one_rdn_sorted_by_der():
    name = GoName(organizational_unit=["b", "a"])
    assert encode_go_name(name).hex() == (
        "3016" "3114" "3008060355040b130161" "3008060355040b130162"
    )


def test_fixed_attribute_order():
    name = GoName(common_name="cn", organization=["o"], country=["US"], province=["st"],
                  locality=["l"], street_address=["s"], postal_code=["p"],
                  organizational_unit=["ou"], serial_number="42")
    parsed = parse_name(encode_go_name(name))
    assert [a.oid for a in parsed.attributes] == [
        "2.5.4.6", "2.5.4.8", "2.5.4.7", "2.5.4.9", "2.5.4.17", "2.5.4.10", "2.5.4.11", "2.5.4.3", "2.5.4.5",
    ]


@pytest.mark.parametrize("value, tag", [
    ("plain text 09 '()+,-./:=?", 0x13),
    ("a*b", 0x0C), ("a&b", 0x0C), ("a@b", 0x0C), ("a_b", 0x0C), ("Ünïcödé", 0x0C), ("日本", 0x0C),
])
def test_printable_unless_a_character_forces_utf8(value, tag):
    encoded = encode_go_name(GoName(common_name=value))
    assert parse_name(encoded).attributes[0].tag == tag


def test_empty_name_and_empty_list_entries():
    assert encode_go_name(GoName()) == b"\x30\x00"
    # A list entry is kept even when empty; CN and serialNumber only when set.
    assert parse_name(encode_go_name(GoName(organization=[""]))).attributes[0].value == ""


def test_extra_names_follow_and_email_is_ia5():
    name = GoName(common_name="x", extra_names=[("1.2.840.113549.1.9.1", "a@b.c"), ("2.5.4.3", "override")])
    parsed = parse_name(encode_go_name(name))
    # CN is skipped because an ExtraName carries its OID.
    assert [(a.oid, a.value, a.tag) for a in parsed.attributes] == [
        ("1.2.840.113549.1.9.1", "a@b.c", 0x16), ("2.5.4.3", "override", 0x13),
    ]


def test_invalid_utf8_cannot_be_marshalled():
    with pytest.raises(NameError_, match="asn1: string not valid UTF-8"):
        encode_go_name(GoName(common_name=b"\xff".decode("utf-8", "surrogateescape")))


def _name(*rdns):
    return der.sequence(*(der.set_of([der.sequence(der.oid(o), der.tlv(t, v)) for o, t, v in rdn]) for rdn in rdns))


def test_go_reading_of_a_csr_subject():
    encoded = _name(
        [("2.5.4.6", 0x13, b"US")],
        [("2.5.4.11", 0x0C, b"b"), ("2.5.4.11", 0x0C, b"a")],
        [("2.5.4.3", 0x13, b"first")],
        [("2.5.4.3", 0x1E, "second".encode("utf-16-be"))],
        [("0.9.2342.19200300.100.1.25", 0x16, b"example")],
        [("2.5.4.10", 0x02, b"\x05")],  # not a string: left out of the named fields
    )
    parsed = parse_name(encoded)
    go = parsed.go_name()
    assert go.country == ["US"]
    assert sorted(go.organizational_unit) == ["a", "b"]
    assert go.common_name == "second"
    assert go.organization == []
    assert [a.oid for a in parsed.extra_attributes()] == ["0.9.2342.19200300.100.1.25"]
    assert parsed.der == encoded


@pytest.mark.parametrize("tag, value, message", [
    (0x13, b"a@b", "PrintableString contains invalid character"),
    (0x16, b"\xe9", "IA5String contains invalid character"),
    (0x0C, b"\xff", "invalid UTF-8 string"),
    (0x12, b"12a", "NumericString contains invalid character"),
    (0x1E, b"\x00", "invalid BMPString"),
])
def test_invalid_strings_are_refused(tag, value, message):
    with pytest.raises(NameError_, match=message):
        parse_name(_name([("2.5.4.3", tag, value)]))


def test_star_and_ampersand_are_tolerated_in_printable_string():
    assert parse_name(_name([("2.5.4.3", 0x13, b"*.a&b")])).go_name().common_name == "*.a&b"


@pytest.mark.parametrize("encoded", [b"", b"\x31\x00", b"\x30\x02\x30\x00", b"\x30\x81\x00", b"\x30\x05\x31\x03"])
def test_malformed_names(encoded):
    with pytest.raises(NameError_):
        parse_name(encoded)
