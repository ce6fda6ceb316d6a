"""Fuzz target: a CSR (PEM or DER) through the whole signing pipeline.

``load_csr`` + ``check_signature`` + ``Issuer.sign`` with a fixed vector
issuer, every profile.  The first byte of the input chooses how the rest is
used (so a saved input replays exactly)::

    bits 0-1  0: the rest is the CSR file as is (PEM or DER)
              1: the rest is DER, armoured as a PEM "CERTIFICATE REQUEST"
              2: the rest is a CertificationRequestInfo, signed here with
                 the Ed25519 subject key (so that the signature verifies
                 and the input reaches the template and the TBS)
              3: the same, signed with the RSA-2048 subject key
    bits 2-3  profile: leaf, intermediate-ca, csr, leaf with --omit-cn-san
    bit  4    issuer: root-ed25519 or root-rsa2048
    bits 5-6  --path-len: 0, 1, -1, 3

Contract: a certificate (which then passes ``_lanes.check_certificate``) or
a PkisignError.

    python fuzz/fuzz_csr.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import sys

import _harness

with _harness.instrumented(__name__ == "__main__"):
    import _fixtures as fx
    from _lanes import check_certificate

    from pkisign.inputs import load_csr

NAME = "csr"
_PROFILES = (("leaf", False), ("intermediate-ca", False), ("csr", False), ("leaf", True))
_PATH_LENS = (0, 1, -1, 3)


def build(data: bytes) -> tuple[bytes, dict]:  # type: ignore[type-arg]
    """The CSR file and the signing choices an input stands for."""
    flags, payload = (data[0], data[1:]) if data else (0, b"")
    mode = flags & 3
    if mode == 1:
        payload = fx.pem_armour("CERTIFICATE REQUEST", payload)
    elif mode >= 2:
        payload = fx.resign(payload, fx.RESIGN_KINDS[mode - 2])
    profile, omit = _PROFILES[(flags >> 2) & 3]
    choices = dict(profile=profile, omit_cn_san=omit, issuer=fx.ISSUERS[(flags >> 4) & 1],
                   path_len=_PATH_LENS[(flags >> 5) & 3])
    return payload, choices


def one_input(data: bytes) -> str:
    csr_file, c = build(data)
    issuer = fx.issuer(c["issuer"])

    def run() -> None:
        csr = load_csr(csr_file, "leaf.csr")
        csr.check_signature()
        cert = issuer.sign(csr, fx.options(profile=c["profile"], omit_cn_san=c["omit_cn_san"],
                                           path_len=c["path_len"]), now=fx.now)
        check_certificate(cert.der, issuer, c["profile"], serial=fx.SERIAL, path_len=c["path_len"], csr=csr)
        cert.pem(bundle=True)

    return _harness.expect_clean(run)


def seeds() -> list[bytes]:
    out = []
    files = sorted((fx.VECTORS / "csr").iterdir()) + sorted((fx.VECTORS / "bad").glob("csr-*"))
    for i, path in enumerate(files):
        profile_bits = (i % 4) << 2
        out.append(bytes((profile_bits,)) + path.read_bytes())
    for i, der in enumerate(fx.vector_csr_ders()):
        out.append(bytes((1 | ((i % 3) << 2) | ((i & 1) << 4),)) + der)
        for mode, kind in ((2, "ed25519"), (3, "rsa2048")):
            info = fx.csr_info_with_key(der, kind)
            if info is not None:
                out.append(bytes((mode | ((i % 4) << 2) | ((i >> 2 & 1) << 4),)) + info)
    return out


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import der_mutations

    return der_mutations(seeds())


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
