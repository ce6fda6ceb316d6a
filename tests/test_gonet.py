"""pkisign.golang.net against golden answers of real Go 1.24.

The goldens (tests/goldens/goturl.json, goip.json) are written by
tools/goref/regen_goldens.sh; these tests never run Go.  A golden string
that is not valid UTF-8 is stored as {"hex": ...} and compared here in the
module's surrogateescape convention.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pkisign.golang import net as gonet
from pkisign.golang.net import URL, URLError, Userinfo
from pkisign.golang.strconv import is_print_rune
from pkisign.x509util.sans import split_sans

GOLDENS = Path(__file__).parent / "goldens"
URL_GOLDEN = json.loads((GOLDENS / "goturl.json").read_text(encoding="utf-8"))
IP_GOLDEN = json.loads((GOLDENS / "goip.json").read_text(encoding="utf-8"))


def gostr(v: Any) -> str:
    """A golden Go string as the module's Python str."""
    if isinstance(v, dict):
        return bytes.fromhex(v["hex"]).decode("utf-8", "surrogateescape")
    return v


def unhex(v: str | None) -> bytes | None:
    return None if v is None else bytes.fromhex(v)


def case_id(rec: dict[str, Any]) -> str:
    return ascii(gostr(rec["in"]))[1:-1][:60] or "<empty>"


URL_CASES = URL_GOLDEN["url"]
IP_CASES = IP_GOLDEN["ip"]
BYTES_CASES = IP_GOLDEN["bytes"]


def test_goldens_are_big_enough() -> None:
    assert len(URL_CASES) > 500 and len(IP_CASES) > 300 and len(BYTES_CASES) > 100


# --------------------------------------------------------------------------
# url.Parse, String(), SplitSANs, ParseIP on the same inputs


@pytest.mark.parametrize("rec", URL_CASES, ids=case_id)
def test_url_parse_matches_go(rec: dict[str, Any]) -> None:
    s = gostr(rec["in"])
    if rec["url_error"] is not None:
        with pytest.raises(URLError) as info:
            gonet.parse_url(s)
        assert str(info.value) == gostr(rec["url_error"])
        return
    u = gonet.parse_url(s)
    want = rec["url"]
    for field in ("scheme", "opaque", "host", "path", "raw_path", "raw_query", "fragment", "raw_fragment"):
        assert getattr(u, field) == gostr(want[field]), field
    assert (u.omit_host, u.force_query) == (want["omit_host"], want["force_query"])
    if want["user"] is None:
        assert u.user is None
    else:
        assert u.user == Userinfo(
            gostr(want["user"]["username"]), gostr(want["user"]["password"]), want["user"]["password_set"]
        )
    assert str(u) == gostr(want["string"])
    assert u.go_json() == want["json"]
    assert list(u.go_json()) == list(want["json"])  # Go's field order


@pytest.mark.parametrize("rec", URL_CASES, ids=case_id)
def test_parse_ip_and_sans_match_go(rec: dict[str, Any]) -> None:
    s = gostr(rec["in"])
    ip = gonet.parse_ip(s)
    go_ip = unhex(rec["ip"])
    assert (None if ip is None else gonet.to16(ip)) == go_ip
    assert gonet.ip_string(ip or b"") == rec["ip_string"]
    dns, ips, emails, uris = split_sans([s])
    got = {"dns": dns, "ip": ips, "email": emails, "uri": uris}
    assert [k for k, v in got.items() if v] == [rec["san"]]
    if rec["san"] == "ip":
        assert ips == [go_ip]
    elif rec["san"] == "uri":
        assert str(uris[0]) == gostr(rec["url"]["string"])


def test_split_sans_keeps_order_within_each_kind() -> None:
    sans = ["b.example", "1.2.3.4", "x@y", "spiffe://a/b", "a.example", "::1", "urn:x", "u@v"]
    dns, ips, emails, uris = split_sans(sans)
    assert dns == ["b.example", "a.example"]
    assert ips == [bytes(10) + b"\xff\xff\x01\x02\x03\x04", bytes(15) + b"\x01"]
    assert emails == ["x@y", "u@v"]
    assert [str(u) for u in uris] == ["spiffe://a/b", "urn:x"]
    assert split_sans([]) == ([], [], [], [])


def test_url_error_attributes() -> None:
    with pytest.raises(URLError) as info:
        gonet.parse_url("http://[::1")
    e = info.value
    assert (e.op, e.url, e.err) == ("parse", "http://[::1", "missing ']' in host")
    assert str(e) == "parse \"http://[::1\": missing ']' in host"
    assert isinstance(e, ValueError)
    # A bad fragment names the whole input, other errors only the part
    # before "#".
    with pytest.raises(URLError, match=r'^parse "a b:c": first path'):
        gonet.parse_url("a b:c#x")
    with pytest.raises(URLError, match=r'^parse "x#%zz": invalid URL escape "%zz"$'):
        gonet.parse_url("x#%zz")


def test_string_of_constructed_urls() -> None:
    # Field combinations Parse never produces, as templates may build them.
    assert str(URL(scheme="https", host="ex.com", path="a b")) == "https://ex.com/a%20b"
    assert str(URL(path="a:b/c")) == "./a:b/c"
    assert str(URL(scheme="s", opaque="x", raw_query="q", fragment="f g")) == "s:x?q#f%20g"
    assert str(URL(scheme="s", omit_host=True, path="/p")) == "s:/p"
    assert str(URL(scheme="s", path="/p")) == "s:///p"
    assert str(URL(user=Userinfo("a@b", "c:d", True), host="h")) == "//a%40b:c%3Ad@h"
    assert str(URL(user=Userinfo("", "", False))) == "//@"
    assert str(URL(host="h é")) == "//h%20%C3%A9"
    assert str(URL(force_query=True)) == "?"
    assert str(URL(path="*")) == "*"
    # A RawPath that does not decode to Path is ignored.
    assert str(URL(path="/a/b", raw_path="/a%2Fc")) == "/a/b"
    assert str(URL(path="/a/b", raw_path="/a%2Fb")) == "/a%2Fb"
    assert str(URL(path="/a/b", raw_path="/a%zz")) == "/a/b"
    assert str(URL(fragment="a/b", raw_fragment="a%2Fb")) == "#a%2Fb"
    assert str(URL(fragment="a b", raw_fragment="a<b")) == "#a%20b"
    assert URL(path="/a b").escaped_path() == "/a%20b"
    assert URL(fragment="x'y").escaped_fragment() == "x%27y"


def test_surrogate_convention() -> None:
    u = gonet.parse_url("/%ff%C3%A9")
    assert u.path == "/\udcffé"
    assert str(u) == "/%ff%C3%A9"
    assert str(URL(path="/\udcff")) == "/%FF"
    # Lone surrogates outside U+DC80..U+DCFF stand for their WTF-8 bytes,
    # which Go sees as three invalid bytes.
    assert str(URL(path="\ud800")) == "%ED%A0%80"
    with pytest.raises(URLError) as info:
        gonet.parse_url("\ud800 b:c")
    assert str(info.value) == 'parse "\\xed\\xa0\\x80 b:c": first path segment in URL cannot contain colon'
    assert gonet.go_quote(b"\xff") == '"\\xff"'


# --------------------------------------------------------------------------
# strconv.Quote (error texts)


@pytest.mark.parametrize("rec", URL_GOLDEN["quote"], ids=case_id)
def test_go_quote_matches_go(rec: dict[str, Any]) -> None:
    assert gonet.go_quote(gostr(rec["in"])) == rec["quoted"]


def test_printable_runes_are_gos() -> None:
    # Every rune, against the ranges Go's strconv.IsPrint gives (netref isprint):
    # the table comes from Go (gounicode.PRINT), not from Python's unicodedata.
    ranges = URL_GOLDEN["isprint"]
    assert len(ranges) > 500
    printable = bytearray(0x110000)
    for start, end in ranges:
        printable[start:end + 1] = b"\x01" * (end + 1 - start)
    wrong = [r for r in range(0x110000) if is_print_rune(r) != bool(printable[r])]
    assert wrong == []


def test_quote_escapes_by_gos_table_not_pythons() -> None:
    # Unicode 15.0 (Go 1.24) vs other Python versions: U+1E030 (a Unicode 15
    # letter) prints as itself, U+2FFC (assigned in Unicode 15.1) is escaped.
    assert gonet.go_quote("\U0001e030") == '"\U0001e030"'
    assert gonet.go_quote("\u2ffc") == '"\\u2ffc"'


# --------------------------------------------------------------------------
# net: ParseIP, ParseCIDR, IP methods


@pytest.mark.parametrize("rec", IP_CASES, ids=case_id)
def test_parse_ip_and_cidr_match_go(rec: dict[str, Any]) -> None:
    s = gostr(rec["in"])
    ip = gonet.parse_ip(s)
    assert (None if ip is None else gonet.to16(ip)) == unhex(rec["ip"])
    if ip is not None:
        assert len(ip) == (4 if ":" not in s else 16)
        assert gonet.to4(ip) == unhex(rec["ip_to4"])
        assert gonet.ip_string(ip) == rec["ip_string"]
        assert gonet.ip_string(gonet.to16(ip) or b"") == rec["ip_string"]
    if rec["cidr_error"] is not None:
        with pytest.raises(ValueError) as info:
            gonet.parse_cidr(s)
        assert str(info.value) == gostr(rec["cidr_error"])
    else:
        net_ip, mask = gonet.parse_cidr(s)
        assert (net_ip, mask) == (unhex(rec["cidr_net_ip"]), unhex(rec["cidr_mask"]))
        addr = s.partition("/")[0]
        assert gonet.to16(gonet.parse_ip(addr) or b"") == unhex(rec["cidr_ip"])


@pytest.mark.parametrize("rec", BYTES_CASES, ids=lambda r: r["in"] or "<empty>")
def test_ip_bytes_methods_match_go(rec: dict[str, Any]) -> None:
    ip_hex, slash, mask_hex = rec["in"].partition("/")
    ip = bytes.fromhex(ip_hex)
    assert gonet.ip_string(ip) == rec["string"]
    assert gonet.to4(ip) == unhex(rec["to4"])
    assert gonet.to16(ip) == unhex(rec["to16"])
    assert gonet.is_valid_ip_mask(ip) == rec["valid_ip_mask"]
    if slash:
        masked = gonet.ip_mask(ip, bytes.fromhex(mask_hex))
        assert (masked.hex() if masked is not None else "<nil>") == rec["masked"]


def test_cidr_mask() -> None:
    assert gonet.cidr_mask(24, 32) == b"\xff\xff\xff\x00"
    assert gonet.cidr_mask(0, 128) == bytes(16)
    assert gonet.cidr_mask(128, 128) == b"\xff" * 16
    assert gonet.cidr_mask(33, 32) is None
    assert gonet.cidr_mask(-1, 32) is None
    assert gonet.cidr_mask(8, 64) is None


# --------------------------------------------------------------------------
# Robustness: any text parses or fails with URLError only.

_URL_PIECES = list(":/?#[]@%!$&'()*+,;=aAz09.-_~ \"<>\\^`{|}\t\x7fé\u00a0\udcff\ud800") + [
    "%2",
    "%25",
    "%zz",
    "%4F",
    "%C3%A9",
    "//",
    "::",
    "http:",
    "[::1]",
]
_URLISH = st.lists(st.sampled_from(_URL_PIECES), max_size=16).map("".join)


@settings(max_examples=150, deadline=None, database=None)
@given(st.one_of(_URLISH, st.text(max_size=16)))
def test_parse_url_only_raises_url_error(s: str) -> None:
    try:
        u = gonet.parse_url(s)
    except URLError as e:
        assert str(e).startswith('parse "')
        return
    # No round-trip check: Go's own String() does not always re-parse (a
    # path "//x" without host reads back as a host).
    assert isinstance(str(u), str)
    assert list(u.go_json())[0] == "Scheme"


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(alphabet="0123456789abcdefABCDEF:.%/ x", max_size=45), st.text(max_size=10)))
def test_parse_ip_and_cidr_never_crash(s: str) -> None:
    ip = gonet.parse_ip(s)
    if ip is not None:
        assert len(ip) in (4, 16)
        # Go's String() of a parsed address parses back to the same address.
        assert gonet.to16(gonet.parse_ip(gonet.ip_string(ip)) or b"") == gonet.to16(ip)
    try:
        net_ip, mask = gonet.parse_cidr(s)
    except ValueError as e:
        assert str(e) == "invalid CIDR address: " + s
    else:
        assert len(net_ip) == len(mask) and gonet.is_valid_ip_mask(mask)


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(min_size=16, max_size=16))
def test_ipv6_string_round_trips(b: bytes) -> None:
    assert gonet.to16(gonet.parse_ip(gonet.ip_string(b)) or b"") == b
