"""Go's time.ParseDuration, time.Time.UnmarshalText and encoding/asn1's time rule against real Go.

tests/goldens/gotime.json is written by tools/goref/regen_time.sh (Go 1.24);
every caller of a duration (step's --not-before/--not-after, sprig's duration
functions) and of an ASN.1 time (names in a CSR, a certificate's validity)
goes through the one port checked here.
"""

import json
from pathlib import Path

import pytest

from pkisign.errors import UsageError
from pkisign.golang.asn1 import time_ok as asn1_time_ok
from pkisign.golang.reflect import GoError
from pkisign.golang.time import duration_ns, parse_rfc3339
from pkisign.golang.time.values import parse_duration as template_parse_duration
from pkisign.x509.names import NameError_, parse_name
from pkisign.x509.validity import NS, parse_duration, resolve_validity

GOLDEN = json.loads((Path(__file__).parent / "goldens" / "gotime.json").read_text(encoding="utf-8"))
DURATIONS = GOLDEN["duration"]
TIMES = GOLDEN["asn1time"]


def test_the_goldens_cover_both_outcomes():
    assert len(DURATIONS) > 200 and len(TIMES) > 60
    assert sum("ns" in r for r in DURATIONS) > 100 and sum("error" in r for r in DURATIONS) > 40
    assert sum(r["ok"] for r in TIMES) > 15 and sum(not r["ok"] for r in TIMES) > 30


@pytest.mark.parametrize("rec", DURATIONS, ids=range(len(DURATIONS)))
def test_duration_as_go_parses_it(rec):
    got = duration_ns(rec["in"])
    assert got == rec.get("ns", rec.get("error"))
    assert parse_duration(rec["in"]) == rec.get("ns")
    if "ns" in rec:
        assert int(template_parse_duration(rec["in"])) == rec["ns"]
    else:
        with pytest.raises(GoError) as err:
            template_parse_duration(rec["in"])
        assert str(err.value) == rec["error"]


def test_a_duration_go_accepts_is_a_valid_not_after():
    # Leading zeros do not overflow Go's leadingInt.
    v = resolve_validity("", "000000000000000000000001h", now=lambda: 10 * NS)
    assert v.not_after == 10 * NS + 3600 * NS
    with pytest.raises(UsageError) as err:
        resolve_validity("", "99999999999999999999h", now=lambda: 0)
    assert str(err.value) == "invalid value '99999999999999999999h' for flag '--not-after'"


def test_a_long_duration_is_parsed_in_linear_time():
    # 100k components and 100k-digit runs: work bounded by the text's length.
    assert duration_ns("0h" * 100_000) == 0
    assert duration_ns("0" * 100_000 + "1s") == NS
    assert duration_ns("1." + "0" * 100_000 + "1h") == 3600 * NS
    assert duration_ns("1" * 100_000 + "s") == 'time: invalid duration "' + "1" * 100_000 + 's"'


@pytest.mark.parametrize("rec", TIMES, ids=[r["value"] for r in TIMES])
def test_asn1_time_as_encoding_asn1_reads_it(rec):
    value = rec["value"].encode()
    assert asn1_time_ok(rec["tag"], value, fraction=True) is rec["ok"]
    # The same value inside a name: Go's CSR parser refuses the whole name.
    atv = bytes([0x30, 7 + len(value), 0x06, 3, 0x55, 0x04, 0x03, rec["tag"], len(value)]) + value
    rdn = bytes([0x31, len(atv)]) + atv
    name = bytes([0x30, len(rdn)]) + rdn
    if rec["ok"]:
        parsed = parse_name(name)
        assert [a.tag for a in parsed.attributes] == [rec["tag"]]
    else:
        with pytest.raises(NameError_) as err:
            parse_name(name)
        assert str(err.value) == rec["error"]


RFC3339 = GOLDEN["rfc3339"]


@pytest.mark.parametrize("rec", RFC3339, ids=range(len(RFC3339)))
def test_rfc3339_as_go_unmarshals_it(rec):
    expected = None if "error" in rec else rec["unix"] * NS + rec["nanos"]
    assert parse_rfc3339(rec["in"]) == expected
