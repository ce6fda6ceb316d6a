"""Unit and property tests of the Go encoding/json port."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pkisign.golang.json import JSONError, JSONNumber, JSONObject, decode_first, from_json, marshal


def test_decode_first_reads_only_the_first_value() -> None:
    assert decode_first('{"a": 1} trailing garbage') == JSONObject([("a", JSONNumber("1"))])
    assert decode_first("  [1, 2.5e3, -0]x") == [JSONNumber("1"), JSONNumber("2.5e3"), JSONNumber("-0")]
    assert decode_first("01") == JSONNumber("0")
    assert decode_first('"x" "y"') == "x"


def test_decode_first_keeps_duplicates_and_order() -> None:
    obj = decode_first('{"b": 1, "a": 2, "B": 3, "a": 4}')
    assert obj.keys() == ["b", "a", "B", "a"]
    assert obj.get("a") == JSONNumber("4")
    assert obj.get("b") == JSONNumber("3")  # case-insensitive, last match wins
    assert obj.get("missing", "d") == "d"
    assert "A" in obj


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "EOF"),
        ("   ", "EOF"),
        ("x", "invalid character 'x' looking for beginning of value"),
        ('{"a" 1}', "invalid character '1' after object key"),
        ('{"a": 1 "b"}', "invalid character '\"' after object key:value pair"),
        ("[1 2]", "invalid character '2' after array element"),
        ("{1: 2}", "invalid character '1' looking for beginning of object key string"),
        ('{"a": 1,}', "invalid character '}' looking for beginning of object key string"),
        ('"a\nb"', "invalid character '\\n' in string literal"),
        ('"\\q"', "invalid character 'q' in string escape code"),
        ('"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"),
        ("-x", "invalid character 'x' in numeric literal"),
        ("1.x", "invalid character 'x' after decimal point in numeric literal"),
        ("1ex", "invalid character 'x' in exponent of numeric literal"),
        ("tru e", "invalid character ' ' in literal true (expecting 'e')"),
        ("nul", "unexpected EOF"),
        ('{"a": [1, 2', "unexpected EOF"),
        ('"abc', "unexpected EOF"),
        ("é", "invalid character 'Ã' looking for beginning of value"),
        ("'a'", "invalid character '\\'' looking for beginning of value"),
    ],
)
def test_decode_first_errors(text: str, message: str) -> None:
    with pytest.raises(JSONError) as err:
        decode_first(text)
    assert str(err.value) == message


def test_decode_strings_like_go() -> None:
    assert decode_first('"\\ud83d\\ude00 \\ud800 \\udc00x"') == "\U0001F600 \ufffd \ufffdx"
    assert decode_first(b'"a\xffb"') == "a\ufffdb"
    assert decode_first('"\\u00e9\\/\\t"') == "é/\t"


def test_from_json_is_unmarshal_into_interface() -> None:
    assert from_json('{"a": 1, "a": 2, "b": [true, null]}') == ({"a": 2.0, "b": [True, None]}, None)
    value, err = from_json("{} x")
    assert value is None and str(err) == "invalid character 'x' after top-level value"
    assert str(from_json("")[1]) == "unexpected end of JSON input"
    assert str(from_json("tru")[1]) == "invalid character ' ' in literal true (expecting 'e')"
    value, err = from_json('{"x": 1e400}')
    assert value == {"x": None}
    assert str(err) == "json: cannot unmarshal number 1e400 into Go value of type float64"


def test_marshal_like_go() -> None:
    assert marshal({"b": 1, "a": [1.5, None, True, "x"]}) == '{"a":[1.5,null,true,"x"],"b":1}'
    assert marshal(1e21) == "1e+21"
    assert marshal(1e20) == "100000000000000000000"
    assert marshal(1e-7) == "1e-7"
    assert marshal(0.000001) == "0.000001"
    assert marshal(3.0) == "3"
    assert marshal(b"\x01\x02\x03") == '"AQID"'
    assert marshal("<&>\u2028\u2029") == '"\\u003c\\u0026\\u003e\\u2028\\u2029"'
    assert marshal("<&>\u2028", escape_html=False) == '"<&>\\u2028"'
    assert marshal("\udcff") == '"\\ufffd"'
    assert marshal({"a": [], "b": {}}, indent="  ") == '{\n  "a": [],\n  "b": {}\n}'
    with pytest.raises(JSONError, match="json: unsupported value: NaN"):
        marshal(math.nan)
    with pytest.raises(JSONError, match=r"json: unsupported value: \+Inf"):
        marshal([math.inf])


_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**53), max_value=2**53) | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(_json)
def test_marshal_round_trips_and_escapes(value: object) -> None:
    out = marshal(value)
    assert json.loads(out) == value
    for ch in "<>&\u2028\u2029":
        assert ch not in out
    assert json.loads(marshal(value, indent="  ")) == value
