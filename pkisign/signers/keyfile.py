"""Issuer private key files: PEM parsing and decryption.

What step reads (spec 3.3): one PEM block of type ``RSA PRIVATE KEY``
(PKCS#1), ``EC PRIVATE KEY`` (SEC1), ``PRIVATE KEY`` (PKCS#8) or ``ENCRYPTED
PRIVATE KEY`` (PKCS#8 with PBES2), or a legacy OpenSSL-encrypted PEM block
(``Proc-Type: 4,ENCRYPTED``).  Beyond step, and because users expect it, a
file that starts with the ``EC PARAMETERS`` block ``openssl ecparam -genkey``
writes is accepted, and PBES2 with scrypt (which OpenSSL can write) is
decrypted too.

Decryption uses the standard library's key derivation (PBKDF2, scrypt, the
MD5-based EVP_BytesToKey of legacy PEM) and oscrypto's block ciphers.  The
password never appears in an error message.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable

from asn1crypto import keys as asn1_keys

from .._oscrypto_compat import symmetric
from ..errors import KeyFileError, PasswordError
from ..x509 import der, pem

__all__ = ["PasswordSource", "read_private_key", "decode_private_key"]

#: Called with the key file's name when the key is encrypted and no password
#: was given; returns the password (the CLI asks on the terminal).
PasswordSource = Callable[[str], bytes]

_INCORRECT = "x509: decryption password incorrect"

_OID_PBES2 = "1.2.840.113549.1.5.13"
_OID_PBKDF2 = "1.2.840.113549.1.5.12"
_OID_SCRYPT = "1.3.6.1.4.1.11591.4.11"
_PRF_HASHES = {
    "1.2.840.113549.2.7": "sha1",
    "1.2.840.113549.2.8": "sha224",
    "1.2.840.113549.2.9": "sha256",
    "1.2.840.113549.2.10": "sha384",
    "1.2.840.113549.2.11": "sha512",
}
# (cipher, key length)
_PBES2_CIPHERS = {
    "2.16.840.1.101.3.4.1.2": ("aes", 16),
    "2.16.840.1.101.3.4.1.22": ("aes", 24),
    "2.16.840.1.101.3.4.1.42": ("aes", 32),
    "1.2.840.113549.3.7": ("3des", 24),
    "1.3.14.3.2.7": ("des", 8),
}
_LEGACY_CIPHERS = {
    "AES-128-CBC": ("aes", 16),
    "AES-192-CBC": ("aes", 24),
    "AES-256-CBC": ("aes", 32),
    "DES-EDE3-CBC": ("3des", 24),
    "DES-CBC": ("des", 8),
}
# A key file must not make decryption run for minutes: PBKDF2 past two
# million iterations (OpenSSL writes 2048; OWASP suggests 600,000), scrypt
# past 1 GiB of memory (128*r*N bytes) or 2^22 blocks of work (N*r*p;
# OpenSSL's default is 2^17) are refused.
_PBKDF2_MAX_ITERATIONS = 2_000_000
_SCRYPT_MAX_MEMORY = 1 << 30
_SCRYPT_MAX_WORK = 1 << 22


@dataclass(frozen=True)
class _Source:
    name: str
    password: bytes | None
    prompt: PasswordSource | None

    def get_password(self) -> bytes:
        if self.password:
            return self.password
        if self.prompt is None:
            raise PasswordError(
                f"error decoding {self.name}: key is password protected "
                "and there is no terminal to ask for the password (use --password-file)"
            )
        return self.prompt(self.name)


def read_private_key(
    data: bytes,
    name: str,
    *,
    password: bytes | None = None,
    prompt: PasswordSource | None = None,
) -> asn1_keys.PrivateKeyInfo:
    """Parse (and decrypt) a PEM private key file into PKCS#8 form.

    ``name`` is the file name used in messages.  ``password`` is used for an
    encrypted key; when it is missing or empty, ``prompt`` is asked.
    """
    source = _Source(name, password, prompt)
    blocks = pem.decode_blocks(data)
    if not blocks:
        raise KeyFileError(f"error decoding {name}: not a valid PEM encoded block")
    curve = None
    if blocks[0].type == "EC PARAMETERS" and len(blocks) == 2 and blocks[1].type == "EC PRIVATE KEY":
        curve = _named_curve(blocks[0].der, name)
        blocks = blocks[1:]
    elif len(blocks) > 1 or _trailing_text(data):
        raise KeyFileError(f"error decoding {name}: contains more than one PEM encoded block")
    return decode_private_key(blocks[0], source, curve)


def _trailing_text(data: bytes) -> bool:
    """Go refuses anything but whitespace after the one PEM block."""
    end = data.find(b"-----END ")
    end = data.find(b"-----", end + 9) + 5 if end >= 0 else len(data)
    return bool(data[end:].strip())


def _named_curve(params: bytes, name: str) -> str:
    try:
        value = asn1_keys.ECDomainParameters.load(params)
        if value.name != "named":
            raise ValueError
        return value.chosen.dotted
    except (ValueError, TypeError):
        raise KeyFileError(f"error parsing {name}: EC PARAMETERS must name a curve") from None


def decode_private_key(block: pem.Block, source: _Source, curve: str | None = None) -> asn1_keys.PrivateKeyInfo:
    """One PEM block to a PrivateKeyInfo, decrypting it when needed."""
    name = source.name
    body = block.der
    if block.headers.get("Proc-Type") == "4,ENCRYPTED":
        body = _decrypt_legacy(block, source.get_password(), name)
    elif block.type == "ENCRYPTED PRIVATE KEY":
        body = _decrypt_pkcs8(body, source.get_password(), name)
    elif block.type == "ENCRYPTED COSIGN PRIVATE KEY" or block.type == "OPENSSH PRIVATE KEY":
        raise KeyFileError(f"error parsing {name}: {block.type} files are not supported; convert the key to PKCS#8")
    if block.type in ("PUBLIC KEY", "CERTIFICATE", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"):
        raise KeyFileError(f"file {name} does not contain a valid private key")
    try:
        if block.type == "RSA PRIVATE KEY":
            return asn1_keys.PrivateKeyInfo.wrap(_strict(asn1_keys.RSAPrivateKey, body), "rsa")
        if block.type == "EC PRIVATE KEY":
            return _wrap_ec(_strict(asn1_keys.ECPrivateKey, body), curve, name)
        if block.type in ("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"):
            info = _strict(asn1_keys.PrivateKeyInfo, body)
            algorithm = info["private_key_algorithm"]["algorithm"]
            if algorithm.native not in ("rsa", "ec", "ed25519"):
                raise KeyFileError(
                    f"error parsing {name}: x509: PKCS#8 wrapping contained private key "
                    f"with unknown algorithm: {algorithm.dotted}"
                )
            info["private_key"].parsed  # noqa: B018 - force the parse now, not at signing
            return info
    except KeyFileError:
        raise
    except der.ASN1_FAULTS:
        if block.type == "ENCRYPTED PRIVATE KEY" or "Proc-Type" in block.headers:
            raise PasswordError(f"error decrypting {name}: {_INCORRECT}") from None
        raise KeyFileError(f"error parsing {name}: the private key is malformed") from None
    raise KeyFileError(f"error decoding {name}: contains an unexpected header '{block.type}'")


def _strict(spec, body: bytes):
    value = spec.load(body, strict=True)
    value.native  # noqa: B018 - parse every field: a malformed key fails here
    return value


def _wrap_ec(key: asn1_keys.ECPrivateKey, curve: str | None, name: str) -> asn1_keys.PrivateKeyInfo:
    params = key["parameters"]
    if params.native is None:
        if curve is None:
            raise KeyFileError(f"error parsing {name}: the EC private key does not name its curve")
        params = asn1_keys.ECDomainParameters(name="named", value=curve)
    info = asn1_keys.PrivateKeyInfo({
        "version": 0,
        "private_key_algorithm": {"algorithm": "ec", "parameters": params},
        "private_key": key,
    })
    return info


# -- decryption -------------------------------------------------------------------

def _block_decrypt(cipher: str, key: bytes, iv: bytes, data: bytes) -> bytes:
    """CBC decryption with PKCS#7 padding checked here, not by the library."""
    osc = symmetric()
    block = 8 if cipher in ("des", "3des") else 16
    if not data or len(data) % block or len(iv) != block:
        raise ValueError("bad length")
    try:
        if cipher == "aes":
            plain = osc.aes_cbc_no_padding_decrypt(key, data, iv)
        elif cipher == "3des":
            plain = osc.tripledes_cbc_pkcs5_decrypt(key, data, iv)
            return plain
        else:
            plain = osc.des_cbc_pkcs5_decrypt(key, data, iv)
            return plain
    except (OSError, ValueError) as exc:
        raise ValueError("decryption failed") from exc
    pad = plain[-1]
    if not 1 <= pad <= block or plain[-pad:] != bytes((pad,)) * pad:
        raise ValueError("bad padding")
    return plain[:-pad]


def _evp_bytes_to_key(password: bytes, salt: bytes, length: int) -> bytes:
    """OpenSSL's EVP_BytesToKey with MD5 and one iteration (legacy PEM)."""
    out = b""
    prev = b""
    while len(out) < length:
        prev = hashlib.md5(prev + password + salt).digest()
        out += prev
    return out[:length]


def _decrypt_legacy(block: pem.Block, password: bytes, name: str) -> bytes:
    dek = block.headers.get("DEK-Info", "")
    cipher_name, _, iv_hex = dek.partition(",")
    cipher = _LEGACY_CIPHERS.get(cipher_name.strip().upper())
    if cipher is None:
        raise KeyFileError(f"error decrypting {name}: x509: unknown encryption mode")
    try:
        iv = bytes.fromhex(iv_hex.strip())
    except ValueError:
        raise KeyFileError(f"error decrypting {name}: x509: malformed DEK-Info header") from None
    key = _evp_bytes_to_key(password, iv[:8], cipher[1])
    try:
        return _block_decrypt(cipher[0], key, iv, block.der)
    except ValueError:
        raise PasswordError(f"error decrypting {name}: {_INCORRECT}") from None


def _decrypt_pkcs8(body: bytes, password: bytes, name: str) -> bytes:
    try:
        top = der.children(der.children(body)[0][1])
        alg = der.children(top[0][1])
        scheme = der.decode_oid(alg[0][2])
        encrypted = top[1][1]
        if top[1][0] != 0x04:
            raise ValueError
    except (der.DERError, IndexError, ValueError, TypeError):
        raise KeyFileError(f"error decrypting {name}: failed to unmarshal private key") from None
    if scheme != _OID_PBES2:
        raise KeyFileError(f"error decrypting {name}: unsupported encrypted PEM: only PBES2 is supported")
    try:
        kdf, enc = der.children(alg[1][1])
        kdf_parts = der.children(kdf[1])
        kdf_oid = der.decode_oid(kdf_parts[0][2])
        kdf_params = der.children(kdf_parts[1][1])
        enc_parts = der.children(enc[1])
        cipher = _PBES2_CIPHERS.get(der.decode_oid(enc_parts[0][2]))
        iv = enc_parts[1][1]
    except (der.DERError, IndexError, ValueError, TypeError):
        raise KeyFileError(f"error decrypting {name}: failed to unmarshal PBES2 parameters") from None
    if cipher is None:
        raise KeyFileError(f"error decrypting {name}: unsupported PBES2 encryption scheme")
    key = _derive_key(kdf_oid, kdf_params, password, cipher[1], name)
    try:
        return _block_decrypt(cipher[0], key, iv, encrypted)
    except ValueError:
        raise PasswordError(f"error decrypting {name}: {_INCORRECT}") from None


def _derive_key(oid: str, params: list[tuple[int, bytes, bytes]], password: bytes, length: int, name: str) -> bytes:
    try:
        salt = params[0][1]
        if oid == _OID_PBKDF2:
            iterations = int.from_bytes(params[1][1], "big")
            prf = "sha1"  # RFC 8018 default when the PRF is absent
            for tag, content, _ in params[2:]:
                if tag == 0x30:
                    prf_oid = der.decode_oid(der.children(content)[0][2])
                    prf = _PRF_HASHES.get(prf_oid, "")
            if not prf:
                raise KeyFileError(f"error decrypting {name}: unsupported PBKDF2 pseudo-random function")
            if not 1 <= iterations <= _PBKDF2_MAX_ITERATIONS:
                raise KeyFileError(f"error decrypting {name}: PBKDF2 iteration count {iterations} is outside "
                                   f"1..{_PBKDF2_MAX_ITERATIONS}")
            return hashlib.pbkdf2_hmac(prf, password, salt, iterations, length)
        if oid == _OID_SCRYPT:
            n, r, p = (int.from_bytes(params[i][1], "big") for i in (1, 2, 3))
            if 128 * r * n > _SCRYPT_MAX_MEMORY or n * r * p > _SCRYPT_MAX_WORK:
                raise KeyFileError(f"error decrypting {name}: scrypt parameters N={n}, r={r}, p={p} are above "
                                   "pkisign's limits")
            return hashlib.scrypt(password, salt=salt, n=n, r=r, p=p,
                                  maxmem=_SCRYPT_MAX_MEMORY + (1 << 20), dklen=length)
    except (IndexError, ValueError, TypeError, der.DERError):
        raise KeyFileError(f"error decrypting {name}: malformed key derivation parameters") from None
    raise KeyFileError(f"error decrypting {name}: unsupported key derivation function {oid}")
