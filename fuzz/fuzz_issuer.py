"""Fuzz target: the issuer certificate file (``load_issuers``) and what uses it.

The issuer file is read (PEM bundle or DER), then used as step uses it:
``Issuer`` checks, the TBS build (issuer name, key identifier, pathLen and
validity checks), and, when the first certificate still holds the key of a
vector issuer, the signature and the bundle.  First input byte::

    bit  0    0: the rest is the file as is; 1: the rest is DER, armoured as
              a PEM "CERTIFICATE" block (so the fuzzer mutates the DER)
    bits 1-2  profile: leaf, intermediate-ca, csr, leaf
    bits 3-4  --path-len: 0, 1, -1, 3
    bits 5-6  --issuer-validity: allow, truncate, error, allow

Contract: a certificate (checked by ``_lanes``) or a PkisignError.

    python fuzz/fuzz_issuer.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import sys

import _harness

with _harness.instrumented(__name__ == "__main__"):
    import _fixtures as fx
    from _lanes import check_certificate

    from pkisign.api import Issuer
    from pkisign.inputs import load_issuers

NAME = "issuer"
_PROFILES = ("leaf", "intermediate-ca", "csr", "leaf")
_PATH_LENS = (0, 1, -1, 3)
_POLICIES = ("allow", "truncate", "error", "allow")


def one_input(data: bytes) -> str:
    flags, payload = (data[0], data[1:]) if data else (0, b"")
    if flags & 1:
        payload = fx.pem_armour("CERTIFICATE", payload)
    profile = _PROFILES[(flags >> 1) & 3]
    path_len = _PATH_LENS[(flags >> 3) & 3]
    policy = _POLICIES[(flags >> 5) & 3]

    def run() -> None:
        certificates = load_issuers(payload, "issuer.crt")
        first = certificates[0]
        signer = None
        if first.public_key is not None:
            signer = next((s for s in fx.signers() if s.public_key.kind == first.public_key.kind
                           and s.public_key.same_key(first.public_key)), None)
        issuer = Issuer(certificates, signer)  # without a signer: the TBS only
        csr = fx.csr("ext-rsa2048.csr")
        draft = issuer.prepare(csr, fx.options(profile=profile, path_len=path_len), now=fx.now,
                               issuer_validity=policy)
        if signer is not None:
            cert = issuer.finish(draft)
            check_certificate(cert.der, issuer, profile, serial=fx.SERIAL, path_len=path_len, csr=csr)
            cert.pem(bundle=True)

    return _harness.expect_clean(run)


def seeds() -> list[bytes]:
    out = []
    files = _harness.vector_files("issuers/*.crt", "issuers/*.pem", "issuers/*.der", "bad/crt-*", "bad/issuer-*.crt")
    for i, path in enumerate(files):
        data = path.read_bytes()
        out.append(bytes(((i % 4) << 1,)) + data)
        if b"-----BEGIN CERTIFICATE-----" in data and not data.startswith(b"-----BEGIN CERTIFICATE-----\nProc"):
            import base64

            body = data.split(b"-----BEGIN CERTIFICATE-----", 1)[1].split(b"-----END")[0]
            try:
                out.append(bytes((1 | ((i % 4) << 1) | ((i % 3) << 5),)) + base64.b64decode(b"".join(body.split())))
            except ValueError:
                pass
    return out


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import der_mutations

    return der_mutations(seeds())


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
