"""A private SoftHSM2 token for the PKCS#11 tests and the benchmark.

``SoftHSM`` writes a softhsm2.conf pointing at its own token directory,
points ``SOFTHSM2_CONF`` at it, and initialises one token with
``softhsm2-util``; keys go in through python-pkcs11: ``import_key_file``
copies a PEM key file into the token (private and public objects, the same
key material, so the token and the file sign alike; ``softhsm2-util
--import`` cannot take Ed25519), ``generate_p256`` makes a key on the token.
The system's token directory is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from pkisign.x509.der import octet_string as _octet_string

#: Where Debian's softhsm2 package puts the module.
MODULE_PATHS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")

LABEL = "smallstep"
PIN = "password"
SO_PIN = "so-secret-1234"

OID_PARAMS = {
    "secp256r1": bytes.fromhex("06082a8648ce3d030107"),
    "secp384r1": bytes.fromhex("06052b81040022"),
    "secp521r1": bytes.fromhex("06052b81040023"),
    "secp256k1": bytes.fromhex("06052b8104000a"),
}
#: CKA_EC_PARAMS for Ed25519: the curve's OID, or the PrintableString form of PKCS#11 3.0.
ED25519_OID = bytes.fromhex("06032b6570")
ED25519_PRINTABLE = b"\x13\x0cedwards25519"


def find_module() -> str | None:
    return next((p for p in MODULE_PATHS if os.path.exists(p)), None)


def missing() -> str | None:
    """Why the PKCS#11 tests cannot run here, or None."""
    if find_module() is None:
        return "SoftHSM2 is not installed (Debian: apt-get install softhsm2)"
    if shutil.which("softhsm2-util") is None:
        return "softhsm2-util is not installed (Debian: apt-get install softhsm2)"
    try:
        import pkcs11  # noqa: F401
    except ImportError:
        return "python-pkcs11 is not installed (pip install 'pkisign[kms]')"
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return "cryptography is not installed (pip install 'pkisign[cryptography]')"
    return None


class SoftHSM:
    """A SoftHSM2 configuration and token directory under ``directory``.

    Set up before python-pkcs11 first loads the module in this process:
    SoftHSM reads ``SOFTHSM2_CONF`` once, in C_Initialize.
    """

    def __init__(self, directory: Path, label: str = LABEL, pin: str = PIN) -> None:
        self.directory = Path(directory)
        self.label = label
        self.pin = pin
        self.module = find_module() or MODULE_PATHS[0]
        tokens = self.directory / "tokens"
        tokens.mkdir(parents=True, exist_ok=True)
        self.conf = self.directory / "softhsm2.conf"
        self.conf.write_text(
            f"directories.tokendir = {tokens}\n"
            "objectstore.backend = file\n"
            "log.level = ERROR\n"
            "slots.removable = false\n"
        )
        os.environ["SOFTHSM2_CONF"] = str(self.conf)
        subprocess.run(
            ["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", SO_PIN],
            check=True, capture_output=True, env=dict(os.environ, SOFTHSM2_CONF=str(self.conf)),
        )

    def kms_uri(self, **query: str) -> str:
        """The --kms URI of the documentation, with this machine's module path."""
        q = "&".join(f"{k}={v}" for k, v in ({"pin-value": self.pin} | query).items())
        return f"pkcs11:module-path={self.module};token={self.label}?{q}"

    def token(self) -> Any:
        import pkcs11

        return pkcs11.lib(self.module).get_token(token_label=self.label)

    def session(self) -> Any:
        """A read-write, logged-in session (use it with ``with``: closing it logs out)."""
        return self.token().open(rw=True, user_pin=self.pin)


def _int_bytes(n: int, size: int = 0) -> bytes:
    return n.to_bytes(size or max(1, (n.bit_length() + 7) // 8), "big")


def import_key_file(session: Any, key_file: Path, key_id: bytes, label: str,
                    ed25519_params: bytes = ED25519_OID) -> None:
    """Create the private and the public key object of a PEM key file."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    from pkcs11 import Attribute as A
    from pkcs11 import KeyType, ObjectClass

    key = serialization.load_pem_private_key(key_file.read_bytes(), None)
    common = {A.TOKEN: True, A.ID: key_id, A.LABEL: label}
    private = {**common, A.CLASS: ObjectClass.PRIVATE_KEY, A.PRIVATE: True, A.SENSITIVE: True, A.SIGN: True}
    public = {**common, A.CLASS: ObjectClass.PUBLIC_KEY, A.VERIFY: True}
    if isinstance(key, rsa.RSAPrivateKey):
        numbers = key.private_numbers()
        n, e = _int_bytes(numbers.public_numbers.n), _int_bytes(numbers.public_numbers.e)
        session.create_object({
            **private, A.KEY_TYPE: KeyType.RSA, A.MODULUS: n, A.PUBLIC_EXPONENT: e,
            A.PRIVATE_EXPONENT: _int_bytes(numbers.d), A.PRIME_1: _int_bytes(numbers.p),
            A.PRIME_2: _int_bytes(numbers.q), A.EXPONENT_1: _int_bytes(numbers.dmp1),
            A.EXPONENT_2: _int_bytes(numbers.dmq1), A.COEFFICIENT: _int_bytes(numbers.iqmp),
        })
        session.create_object({**public, A.KEY_TYPE: KeyType.RSA, A.MODULUS: n, A.PUBLIC_EXPONENT: e})
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        params = OID_PARAMS[key.curve.name]
        size = (key.curve.key_size + 7) // 8
        point = key.public_key().public_bytes(serialization.Encoding.X962,
                                              serialization.PublicFormat.UncompressedPoint)
        session.create_object({**private, A.KEY_TYPE: KeyType.EC, A.EC_PARAMS: params,
                               A.VALUE: _int_bytes(key.private_numbers().private_value, size)})
        session.create_object({**public, A.KEY_TYPE: KeyType.EC, A.EC_PARAMS: params,
                               A.EC_POINT: _octet_string(point)})
    elif isinstance(key, ed25519.Ed25519PrivateKey):
        seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())
        point = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        session.create_object({**private, A.KEY_TYPE: KeyType.EC_EDWARDS, A.EC_PARAMS: ed25519_params,
                               A.VALUE: seed})
        session.create_object({**public, A.KEY_TYPE: KeyType.EC_EDWARDS, A.EC_PARAMS: ed25519_params,
                               A.EC_POINT: _octet_string(point)})
    else:
        raise TypeError(f"cannot import {type(key).__name__}")


def import_ec_scalar(session: Any, curve: str, scalar: int, key_id: bytes, label: str) -> None:
    """A bare EC private key object (no public object), e.g. on a curve pkisign refuses."""
    from pkcs11 import Attribute as A
    from pkcs11 import KeyType, ObjectClass

    session.create_object({A.TOKEN: True, A.ID: key_id, A.LABEL: label, A.CLASS: ObjectClass.PRIVATE_KEY,
                           A.PRIVATE: True, A.SENSITIVE: True, A.SIGN: True, A.KEY_TYPE: KeyType.EC,
                           A.EC_PARAMS: OID_PARAMS[curve], A.VALUE: _int_bytes(scalar, 32)})


def import_dsa(session: Any, key_id: bytes, label: str) -> None:
    """A DSA private key object: a key type X.509 signing with pkisign refuses."""
    from cryptography.hazmat.primitives.asymmetric import dsa
    from pkcs11 import Attribute as A
    from pkcs11 import KeyType, ObjectClass

    numbers = dsa.generate_private_key(1024).private_numbers()
    params = numbers.public_numbers.parameter_numbers
    session.create_object({A.TOKEN: True, A.ID: key_id, A.LABEL: label, A.CLASS: ObjectClass.PRIVATE_KEY,
                           A.PRIVATE: True, A.SENSITIVE: True, A.SIGN: True, A.KEY_TYPE: KeyType.DSA,
                           A.PRIME: _int_bytes(params.p), A.SUBPRIME: _int_bytes(params.q),
                           A.BASE: _int_bytes(params.g), A.VALUE: _int_bytes(numbers.x)})


def generate_p256(session: Any, key_id: bytes, label: str) -> Any:
    """A P-256 key pair generated on the token; returns the public key object."""
    from pkcs11 import Attribute as A
    from pkcs11 import KeyType

    params = session.create_domain_parameters(KeyType.EC, {A.EC_PARAMS: OID_PARAMS["secp256r1"]}, local=True)
    public, _ = params.generate_keypair(store=True, id=key_id, label=label)
    return public
