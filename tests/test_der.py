"""pkisign's own DER writer against asn1crypto's encoder and parser."""

from __future__ import annotations

import random

import pytest
from asn1crypto import core, parser

from pkisign.x509 import der

EDGES = [0, 1, -1, 127, 128, -128, -129, 255, 256, -256, -257, 2**63 - 1, -2**63, 2**127, 2**128 - 1, -2**128]


def test_integer_is_asn1cryptos_minimal_encoding():
    rng = random.Random(7)
    values = EDGES + [rng.getrandbits(rng.randint(1, 600)) * rng.choice((1, -1)) for _ in range(5000)]
    for value in values:
        assert der.integer(value) == core.Integer(value).dump(), value


@pytest.mark.parametrize("size", [0, 1, 127, 128, 255, 256, 65535, 65536, 1 << 24])
def test_tlv_lengths_are_minimal(size):
    content = bytes(size)
    encoded = der.tlv(0x30, content)
    info = parser.parse(encoded, strict=True)
    assert (info[0], info[1], info[2]) == (0, 1, 16) and info[4] == content
    # DER: the fewest length octets (one below 128, else 0x80|n and n octets without a leading zero)
    header = encoded[:len(encoded) - size]
    expected = 2 if size < 128 else 2 + (size.bit_length() + 7) // 8
    assert len(header) == expected
