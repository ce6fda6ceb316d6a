"""Fuzz target: KMS / PKCS#11 URIs (``pkisign.signers.kms.uri``).

The whole input is the URI text (invalid UTF-8 as surrogate escapes, as
argv gives it).  It is parsed as the --kms value and as the key name, every
accessor runs (``str``, ``repr``, ``get``, ``get_bytes``, ``names``,
``has``), a key URI is joined to itself, ``decode_id`` reads the ``id``,
and ``softkms_path`` and ``uses_kms`` read the text as a key argument.

Contract: a KMSURI or a KMSError, and a PIN (``pin-value``)
shown by neither ``str``/``repr`` nor an error message.

    python fuzz/fuzz_kms_uri.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import re
import sys
from urllib.parse import unquote

import _harness

with _harness.instrumented(__name__ == "__main__"):
    from pkisign.api import uses_kms
    from pkisign.signers.kms.uri import decode_id, join, parse_kms_uri, softkms_path

NAME = "kms_uri"


def _pins(text: str) -> tuple[str, ...]:
    """Every pin-value attribute's value in the text, raw and percent-decoded (what must stay hidden)."""
    raw = re.findall(r"(?:^[^:]*:|[;?&])pin-value=([^&;?#]*)", text)
    return tuple(raw) + tuple(unquote(v.replace("+", " "), errors="surrogateescape") for v in raw)


def one_input(data: bytes) -> str:
    text = _harness.text(data)
    pins = _pins(text)

    def run() -> None:
        uri = parse_kms_uri(text, "--kms")
        shown = str(uri) + repr(uri)
        attributes = uri.path + uri.query
        others = "\x00".join(n + "\x00" + v for n, v in attributes if n != "pin-value")
        for pin in (v for n, v in attributes if n == "pin-value"):
            # A value long enough not to occur by chance, and not also the text of another attribute.
            if len(pin) >= 6 and pin in shown and pin not in others:
                raise _harness.ContractViolation(f"a PIN is shown: {shown!r}")
        for name in uri.names() + ["id", "object", "token", "module-path", "pin-value", "pin-source", "path"]:
            uri.get(name)
            uri.has(name)
            uri.get_bytes(name)
        decode_id(uri.get_bytes("id"))
        join(uri, parse_kms_uri(text, "the key"))
        uses_kms(text, None)
        uses_kms("pkcs11:id=01", text)
        softkms_path(text)

    return _harness.expect_clean(run, secrets=pins)


def seeds() -> list[bytes]:
    uris = [
        "pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep?pin-value=password",
        "pkcs11:id=4001", "pkcs11:object=root-key;token=smallstep?pin-source=/run/secrets/pin",
        "pkcs11:id=%40%01;object=a+b", "pkcs11:id=0x4001", "pkcs11:id=40:01", "PKCS11:ID=ab",
        "softkms:path=/tmp/key.pem", "softkms:/abs/file.key", "softkms:", "yubikey:slot-id=9a",
        "cloudkms:projects/p/locations/l/keyRings/r/cryptoKeys/k", "awskms:key-id=abc?region=us-east-1",
        "pkcs11:token=a%zz", "pkcs11:?pin-value=%zzsecret123", "pkcs11:a=1;a=2?a=3&b=%41#frag", "pkcs11:/x?y=1",
        "not a uri", ":nothing", "pkcs11:id=%E9", "tpmkms:name=key1;device=/dev/tpmrm0",
    ]
    return [u.encode() for u in uris]


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import byte_mutations
    from hypothesis import strategies as st

    alphabet = "pkcs11:;?&=%#/+-_.xXidobjectokenpinvalue0123456789abcdefABCDEF \x00\x7f\u00e9"
    return st.one_of(byte_mutations([b"\x00" + s for s in seeds()]).map(lambda b: b[1:]),
                     st.text(alphabet=alphabet, max_size=60).map(lambda t: t.encode("utf-8", "surrogatepass")))


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
