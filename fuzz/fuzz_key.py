"""Fuzz target: the issuer key file (``read_private_key``), with and without a password.

The key is read and decrypted, made into the signer the command uses
(``FileSigner``) and, when its public half is the key of a vector issuer
certificate, used to sign a certificate, which is then checked (a key whose
private half is damaged must give a clean error, never a bad certificate).
First input byte::

    bits 0-1  password: none (and no prompt), "golden-pass" (the vectors'),
              a wrong one, none but a prompt that answers "golden-pass"
    bits 2-4  0, 7: the rest is the key file as is
              1-4: the rest is DER, armoured as "RSA PRIVATE KEY",
                   "EC PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"
              5: the rest is a PKCS#1 key's DER, encrypted here as a legacy
                 "Proc-Type: 4,ENCRYPTED" AES-128-CBC PEM with "golden-pass"
              6: the rest is SEC1 DER after an "EC PARAMETERS" (P-256) block

Contract: a signer (and a good certificate) or a PkisignError whose message
does not contain the password.

    python fuzz/fuzz_key.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import sys

import _harness

with _harness.instrumented(__name__ == "__main__"):
    import _fixtures as fx
    from _lanes import check_certificate

    from pkisign.api import Issuer
    from pkisign.signers.file import FileSigner
    from pkisign.signers.keyfile import read_private_key

NAME = "key"
PASSWORD = b"golden-pass"
WRONG = b"not-the-password"
_LABELS = {1: "RSA PRIVATE KEY", 2: "EC PRIVATE KEY", 3: "PRIVATE KEY", 4: "ENCRYPTED PRIVATE KEY"}
_IV = bytes(range(16))
_P256_PARAMS = bytes.fromhex("06082a8648ce3d030107")


def legacy_encrypt(der: bytes, label: str = "RSA PRIVATE KEY") -> bytes:
    """OpenSSL's legacy encrypted PEM (EVP_BytesToKey MD5, AES-128-CBC) with PASSWORD."""
    import hashlib

    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = hashlib.md5(PASSWORD + _IV[:8]).digest()
    padder = padding.PKCS7(128).padder()
    enc = Cipher(algorithms.AES(key), modes.CBC(_IV)).encryptor()
    body = enc.update(padder.update(der) + padder.finalize()) + enc.finalize()
    headers = f"Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,{_IV.hex().upper()}\n\n"
    return fx.pem_armour(label, body, headers)


def key_file(data: bytes) -> tuple[bytes, int]:
    """The key file an input stands for, and its password mode."""
    flags, payload = (data[0], data[1:]) if data else (0, b"")
    form = (flags >> 2) & 7
    if form in _LABELS:
        payload = fx.pem_armour(_LABELS[form], payload)
    elif form == 5:
        payload = legacy_encrypt(payload)
    elif form == 6:
        payload = fx.pem_armour("EC PARAMETERS", _P256_PARAMS) + fx.pem_armour("EC PRIVATE KEY", payload)
    return payload, flags & 3


def one_input(data: bytes) -> str:
    payload, mode = key_file(data)
    password = {0: None, 1: PASSWORD, 2: WRONG, 3: None}[mode]
    prompt = (lambda name: PASSWORD) if mode == 3 else None

    def run() -> None:
        signer = FileSigner(read_private_key(payload, "issuer.key", password=password, prompt=prompt))
        for certificate in fx.issuer_certificates():
            if certificate.public_key is not None and certificate.public_key.kind == signer.public_key.kind \
                    and certificate.public_key.same_key(signer.public_key):
                issuer = Issuer([certificate], signer)
                csr = fx.csr("web-p256.csr")
                cert = issuer.sign(csr, fx.options(), now=fx.now)
                check_certificate(cert.der, issuer, "leaf", serial=fx.SERIAL, csr=csr)
                return

    return _harness.expect_clean(run, secrets=(PASSWORD, WRONG))


def _body(data: bytes) -> tuple[str, bytes] | None:
    """(label, DER) of a one-block PEM file without headers."""
    import base64

    text = data.decode("latin-1")
    if text.count("-----BEGIN ") != 1 or "Proc-Type" in text:
        return None
    label = text.split("-----BEGIN ", 1)[1].split("-----", 1)[0]
    body = text.split("-----", 2)[2].split("-----END")[0]
    try:
        return label, base64.b64decode("".join(body.split()))
    except ValueError:
        return None


def seeds() -> list[bytes]:
    out = []
    files = _harness.vector_files("keys/formats/*.key", "issuers/*.key", "bad/key-*", "bad/issuer-*.key")
    forms = {v: k for k, v in _LABELS.items()}
    for i, path in enumerate(files):
        data = path.read_bytes()
        encrypted = b"ENCRYPTED" in data
        out.append(bytes((1 if encrypted else (i % 4),)) + data)
        parsed = _body(data)
        if parsed and parsed[0] in forms:
            out.append(bytes(((forms[parsed[0]] << 2) | (1 if encrypted else 0),)) + parsed[1])
            if parsed[0] == "RSA PRIVATE KEY":
                out.append(bytes((5 << 2 | 1,)) + parsed[1])
            if parsed[0] == "EC PRIVATE KEY" and "p256" in path.name:
                out.append(bytes((6 << 2,)) + parsed[1])
    return out


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import der_mutations

    return der_mutations(seeds())


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
