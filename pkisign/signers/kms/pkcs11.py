"""Signing with a key held in a PKCS#11 module: an HSM, a smart card, SoftHSM.

step hands ``--kms pkcs11:...`` to the external ``step-kms-plugin``, which
uses go.step.sm/crypto's ``kms/pkcs11``; pkisign talks to the module itself
with python-pkcs11 (the optional ``kms`` extra) and reads the same URIs.

URI attributes
--------------
``--kms`` and the key argument are joined (``uri.join``: the key's
attributes win), so any attribute may sit in either URI::

    --kms 'pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep?pin-value=password'
    key   'pkcs11:id=4001'

``module-path``
    The PKCS#11 module (shared library) to load.  Without it, step's default
    ``p11-kit-proxy.so``, found by the dynamic loader.
``token`` / ``serial`` / ``slot-id``
    Which token: by label, by serial number, or by the decimal slot ID.
    Exactly one of them, as in step.
``id``
    The key's CKA_ID: hex, with or without ``0x`` and ``:`` separators, or
    percent-encoded bytes (``4001``, ``0x4001``, ``40:01``, ``%40%01``).
``object``
    The key's CKA_LABEL.  ``id`` and ``object`` may be combined; at least
    one is needed, and together they must match exactly one private key.
``pin-value``
    The user PIN.
``pin-source``
    A file holding the user PIN (a path or a ``file:`` URI); trailing
    whitespace is trimmed.  ``pin-value`` wins when both are given.
``max-sessions``
    Accepted and ignored: pkisign uses one session per token.

Without a PIN, pkisign logs in through the token's protected authentication
path (a PIN pad) when it has one, opens an unauthenticated session when the
token does not require a login, and otherwise stops.

Mechanisms
----------
* RSA PKCS#1 v1.5: ``CKM_SHA{1,256,384,512}_RSA_PKCS`` over the message; a
  token without them gets the hash and DigestInfo made in software and
  ``CKM_RSA_PKCS``.
* RSA-PSS (asked for by a template): ``CKM_SHA*_RSA_PKCS_PSS`` with MGF1
  over the same hash and a salt as long as the hash, as Go requires; else
  the hash in software and ``CKM_RSA_PKCS_PSS``.
* ECDSA (P-224, P-256, P-384, P-521): the hash in software (SoftHSM 2.6
  has no hash-and-ECDSA mechanism), ``CKM_ECDSA`` on the digest, and the
  token's raw ``r || s`` re-encoded as a DER ECDSA-Sig-Value.
* Ed25519: ``CKM_EDDSA`` over the whole message.

Sessions and PINs
-----------------
A signer opens one session and logs in once, when it is opened; ``close``
logs out and closes the session (twice is harmless).  PKCS#11 keeps the
login state per process and token, not per session: a second signer on the
same token in the same process therefore shares the first one's session
(and must present the same PIN), and the last one to close logs out.  The
loaded module stays loaded for the life of the process, as python-pkcs11
shares it with any other user in the process.

The PIN is held in a ``Pin`` whose ``repr`` hides it, is passed to the
module only for the login, and never appears in a message: every error is
a one-line ``KMSError`` raised ``from None``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from asn1crypto import core

from ...errors import KMSError, MissingExtraError
from ...inputs import GO_SPACE, ReadError, read_limited
from ...x509 import der
from ...x509.keys import CURVES, PublicKey, SignatureAlgorithm
from .common import public_key_from_der, raw_ecdsa_to_der
from .uri import KMSURI, decode_id, show_text

__all__ = ["DEFAULT_MODULE", "Pin", "PKCS11Config", "PKCS11Signer", "open_pkcs11_signer"]

#: step's module when the URI has no ``module-path``: p11-kit's proxy.
DEFAULT_MODULE = "p11-kit-proxy.so"

_OID_RSA = "1.2.840.113549.1.1.1"
_OID_EC = "1.2.840.10045.2.1"
_OID_ED25519 = "1.3.101.112"
# Ed25519 as GnuPG and OpenSC name it in CKA_EC_PARAMS.
_ED25519_PARAMS = {
    der.oid(_OID_ED25519),
    der.oid("1.3.6.1.4.1.11591.15.1"),
    der.tlv(0x13, b"edwards25519"),
}
_ED448_PARAMS = {der.oid("1.3.101.113"), der.tlv(0x13, b"edwards448")}

# DigestInfo prefixes (RFC 8017 9.2) for tokens that only have CKM_RSA_PKCS.
_DIGEST_INFO = {
    "sha1": bytes.fromhex("3021300906052b0e03021a05000414"),
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
}


def _pkcs11() -> Any:
    try:
        import pkcs11
    except ImportError:
        raise MissingExtraError("--kms with a PKCS#11 module", "kms") from None
    return pkcs11


def _reason(exc: BaseException) -> str:
    """A PKCS#11 failure in words: python-pkcs11 errors mostly carry only their class."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _utf8(data: bytes) -> str | None:
    """The text, or None: a decoding error would carry the PIN's bytes in its ``object``."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


class Pin:
    """A PIN that does not show itself in a repr, a log or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Pin(***)"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("a PIN is not picklable")


def _read_pin_source(source: str) -> Pin | None:
    """The PIN in a pin-source file, trailing (Unicode) whitespace trimmed as step does."""
    path = source
    if source.lower().startswith("file:"):
        parts = urlsplit(source)
        path = unquote(parts.path or source[5:])
    try:
        data = read_limited(path, "pin")
    except ReadError as exc:
        raise KMSError(f"cannot read the PIN file (pin-source) {show_text(path)}: {exc.reason}") from None
    text = _utf8(data)
    if text is None:
        raise KMSError(f"the PIN file (pin-source) {show_text(path)} is not UTF-8 text")
    text = text.rstrip(GO_SPACE)
    return Pin(text) if text else None


@dataclass(frozen=True, repr=False)
class PKCS11Config:
    """What a PKCS#11 URI asks for: the module, the token, the key and the PIN."""

    module: str
    token_label: str | None
    token_serial: str | None
    slot_id: int | None
    key_id: bytes
    key_label: str
    pin: Pin | None

    @classmethod
    def from_uri(cls, uri: KMSURI) -> "PKCS11Config":
        """Read and check the attributes, in step's order; the PIN file is read here."""
        label = uri.get("token") or None
        serial = uri.get("serial") or None
        slot_text = uri.get("slot-id")
        slot_id = None
        if slot_text:
            # Go's strconv.Atoi: an optional sign and ASCII digits, nothing else.
            if not re.fullmatch(r"[+-]?[0-9]+", slot_text):
                raise KMSError(f"invalid slot-id '{show_text(slot_text)}' in the PKCS#11 URI: want a decimal number")
            slot_id = int(slot_text, 10)
        given = [name for name, value in (("token", label), ("serial", serial), ("slot-id", slot_id))
                 if value is not None]
        if not given:
            raise KMSError("the PKCS#11 URI names no token: give token=LABEL, serial=SERIAL or slot-id=N")
        if len(given) > 1:
            raise KMSError(f"the PKCS#11 URI attributes '{given[0]}' and '{given[1]}' are mutually exclusive")
        pin = None
        if uri.get("pin-value"):
            text = _utf8(uri.get_bytes("pin-value"))
            if text is None:
                raise KMSError("the PIN (pin-value) is not UTF-8 text")
            pin = Pin(text)
        elif uri.get("pin-source"):
            pin = _read_pin_source(uri.get("pin-source"))
        key_label = uri.get("object")
        try:
            key_label.encode("utf-8")
        except UnicodeEncodeError:
            raise KMSError("the key label (object) is not UTF-8 text") from None
        key_id = decode_id(uri.get_bytes("id"))
        if not key_id and not key_label:
            raise KMSError("the key URI names no key: give id=HEX or object=LABEL, such as pkcs11:id=4001")
        return cls(uri.get("module-path") or DEFAULT_MODULE, label, serial, slot_id, key_id, key_label, pin)

    @property
    def token_description(self) -> str:
        if self.token_label is not None:
            return f"token '{show_text(self.token_label)}'"
        if self.token_serial is not None:
            return f"token with serial '{show_text(self.token_serial)}'"
        return f"token in slot {self.slot_id}"

    @property
    def key_description(self) -> str:
        parts = []
        if self.key_id:
            parts.append(f"id {self.key_id.hex()}")
        if self.key_label:
            parts.append(f"label '{show_text(self.key_label)}'")
        return " and ".join(parts)

    def __repr__(self) -> str:
        return (f"PKCS11Config(module={self.module!r}, {self.token_description}, "
                f"key {self.key_description}, pin={'***' if self.pin else None})")


# -- module, token, session ----------------------------------------------------------

class _SharedSession:
    """The one logged-in session of this process on one token."""

    def __init__(self, key: tuple[str, int], session: Any, credential: bytes) -> None:
        self.key = key
        self.session = session
        self.credential = credential
        self.users = 1


_lock = threading.RLock()
_sessions: dict[tuple[str, int], _SharedSession] = {}
# A random key per process: a shared session remembers an HMAC of its PIN,
# never the PIN, to check that a second signer presents the same one.
_credential_key = os.urandom(32)


def _credential(pin: Pin | None, protected: bool) -> bytes:
    if pin is not None:
        return hmac.new(_credential_key, b"pin:" + pin.reveal().encode("utf-8"), hashlib.sha256).digest()
    return b"protected" if protected else b"none"


def _module_key(p11: Any, path: str) -> str:
    """The name python-pkcs11 knows the module by in this process.

    It caches modules by the path given, but a module can be initialised
    only once per process: reached through a symlink or another path (Debian
    has two for SoftHSM), the same file must map to the name it was loaded
    under.
    """
    if "/" not in path:
        return path
    real = os.path.realpath(path)
    loaded = getattr(p11, "_loaded", None) or {}
    return next((name for name in loaded if "/" in name and os.path.realpath(name) == real), path)


def _load_module(p11: Any, path: str) -> tuple[Any, str, bool]:
    """The loaded module, its name (``_module_key``), and whether this call loaded it."""
    if "/" in path and not os.path.exists(path):
        raise KMSError(f"the PKCS#11 module {path} does not exist (module-path)")
    name = _module_key(p11, path)
    loaded = getattr(p11, "_loaded", None)
    fresh = isinstance(loaded, dict) and name not in loaded
    default = " (the default without module-path)" if path == DEFAULT_MODULE else ""
    try:
        return p11.lib(name), name, fresh
    except p11.PKCS11Error as exc:
        # python-pkcs11 words a dlopen failure "OS exception while loading
        # <so>: <dlerror>", and dlerror repeats the path: keep its reason.
        detail = str(exc).strip()
        for prefix in (f"OS exception while loading {path}: ", f"{path}: "):
            detail = detail[len(prefix):] if detail.startswith(prefix) else detail
        if "C_GetFunctionList" in detail:
            detail += " (is it a PKCS#11 module?)"
        raise KMSError(f"cannot load the PKCS#11 module {path}{default}: {detail or _reason(exc)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise KMSError(f"cannot load the PKCS#11 module {path}{default}: {_reason(exc)}") from None


def _unload_if_fresh(p11: Any, path: str, fresh: bool) -> None:
    """After a failed open: C_Finalize a module this open loaded and nobody else uses.

    python-pkcs11 opens the session before C_Login and leaves it open when
    the login fails; finalizing the module is the only way to close it.
    """
    with _lock:
        in_use = any(key[0] == path for key in _sessions)
    if fresh and not in_use and hasattr(p11, "unload"):
        try:
            p11.unload(path)
        except p11.PKCS11Error:
            pass


def _find_token(p11: Any, lib: Any, config: PKCS11Config) -> Any:
    try:
        slots = lib.get_slots(token_present=True)
    except p11.PKCS11Error as exc:
        raise KMSError(f"cannot list the slots of the PKCS#11 module {config.module}: {_reason(exc)}") from None
    tokens = []
    for slot in slots:
        try:
            tokens.append(slot.get_token())
        except p11.PKCS11Error:
            continue  # an empty or unrecognised slot
    if config.slot_id is not None:
        matches = [t for t in tokens if t.slot.slot_id == config.slot_id]
    elif config.token_label is not None:
        matches = [t for t in tokens if t.label == config.token_label]
    else:
        wanted = (config.token_serial or "").encode("utf-8", "surrogateescape")
        matches = [t for t in tokens if t.serial == wanted]
    if not matches:
        initialized = int(p11.TokenFlag.TOKEN_INITIALIZED)
        present = ", ".join(f"'{t.label}' (serial {t.serial.decode('ascii', 'replace')}, slot {t.slot.slot_id})"
                            for t in tokens if int(t.flags) & initialized) or "none"
        raise KMSError(f"no {config.token_description} in the PKCS#11 module {config.module} "
                       f"(tokens present: {present})")
    if len(matches) > 1:
        raise KMSError(f"{len(matches)} tokens match {config.token_description} in the PKCS#11 module "
                       f"{config.module}: name one by serial or slot-id")
    return matches[0]


def _open_session(p11: Any, token: Any, pin: Pin | None, protected: bool) -> Any:
    """C_OpenSession and C_Login: the one place the PIN is handed to the module."""
    if pin is not None:
        return token.open(user_pin=pin.reveal())
    if protected:
        return token.open(user_pin=p11.PROTECTED_AUTH)
    return token.open()


def _login(p11: Any, module: str, token: Any, config: PKCS11Config) -> _SharedSession:
    """This process's session on the token: a new one logged in, or the one already open."""
    flags = int(token.flags)
    protected = bool(flags & int(p11.TokenFlag.PROTECTED_AUTHENTICATION_PATH))
    if config.pin is None and not protected and flags & int(p11.TokenFlag.LOGIN_REQUIRED):
        raise KMSError(f"no PIN for {config.token_description}: add pin-value=PIN or pin-source=FILE "
                       "to the PKCS#11 URI")
    credential = _credential(config.pin, protected)
    key = (module, int(token.slot.slot_id))
    with _lock:
        shared = _sessions.get(key)
        if shared is not None:
            if not hmac.compare_digest(shared.credential, credential):
                raise KMSError(f"wrong PIN for {config.token_description}: this process is logged in to it "
                               "with another PIN")
            shared.users += 1
            return shared
        failure = None
        try:
            session = _open_session(p11, token, config.pin, protected)
        except p11.PKCS11Error as exc:
            failure = _login_failure(p11, exc, config.token_description)
        if failure is not None:
            # Raised outside the except block: the error keeps no context
            # (the module's exception, the frames that held the PIN).
            raise KMSError(failure)
        shared = _SharedSession(key, session, credential)
        _sessions[key] = shared
        return shared


def _login_failure(p11: Any, exc: Exception, where: str) -> str:
    if isinstance(exc, p11.PinIncorrect):
        return f"wrong PIN for {where}"
    if isinstance(exc, (p11.PinLenRange, p11.PinInvalid)):
        return f"wrong PIN for {where}: the token refuses its length or characters"
    if isinstance(exc, p11.PinLocked):
        return f"the PIN of {where} is locked"
    if isinstance(exc, p11.PinExpired):
        return f"the PIN of {where} has expired"
    if isinstance(exc, p11.UserAlreadyLoggedIn):
        return f"cannot log in to {where}: other code in this process is already logged in"
    return f"cannot log in to {where}: {_reason(exc)}"


def _release(shared: _SharedSession) -> None:
    """One user fewer; the last one logs out and closes the session."""
    with _lock:
        shared.users -= 1
        if shared.users > 0:
            return
        _sessions.pop(shared.key, None)
        try:
            shared.session.close()
        except Exception:  # noqa: BLE001
            # close() runs in finally blocks: a token that vanished (or a
            # session the module already dropped) must not hide the real
            # outcome, and there is nothing left to release.
            pass


# -- key objects and public keys ---------------------------------------------------

def _attribute(obj: Any, attribute: Any) -> Any:
    """An attribute's value, or None when the object lacks it or keeps it secret."""
    try:
        return obj[attribute]
    except Exception:  # noqa: BLE001 - AttributeTypeInvalid, AttributeSensitive, ...
        return None


def _find_private_key(p11: Any, session: Any, config: PKCS11Config) -> Any:
    template: dict[Any, Any] = {p11.Attribute.CLASS: p11.ObjectClass.PRIVATE_KEY}
    if config.key_id:
        template[p11.Attribute.ID] = config.key_id
    if config.key_label:
        template[p11.Attribute.LABEL] = config.key_label
    try:
        keys = list(session.get_objects(template))
    except p11.PKCS11Error as exc:
        raise KMSError(f"cannot search {config.token_description} for keys: {_reason(exc)}") from None
    if not keys:
        raise KMSError(f"no private key with {config.key_description} on {config.token_description}")
    if len(keys) > 1:
        hint = "the token holds duplicates" if config.key_id and config.key_label else \
            "give both id and object to pick one"
        raise KMSError(f"{len(keys)} private keys match {config.key_description} on {config.token_description}: "
                       f"{hint}")
    return keys[0]


def _find_public_objects(p11: Any, session: Any, private: Any, key_type: Any) -> list[Any]:
    """The CKO_PUBLIC_KEY objects paired with the private key: same CKA_ID, else same label."""
    for attribute in (p11.Attribute.ID, p11.Attribute.LABEL):
        value = _attribute(private, attribute)
        if not value:
            continue
        template = {p11.Attribute.CLASS: p11.ObjectClass.PUBLIC_KEY, p11.Attribute.KEY_TYPE: key_type,
                    attribute: value}
        try:
            found = list(session.get_objects(template))
        except p11.PKCS11Error:
            found = []
        if found:
            return found
    return []


def _ec_point(value: bytes | None, size: int) -> bytes | None:
    """CKA_EC_POINT: a DER OCTET STRING around the point, or (some modules) the bare point."""
    if not value:
        return None
    if len(value) == size:
        return value
    try:
        parts = der.children(value)
    except der.DERError:
        return None
    if len(parts) == 1 and parts[0][0] == 0x04 and len(parts[0][1]) == size:
        return parts[0][1]
    return None


def _spki(p11: Any, obj: Any, key_type: Any) -> bytes | None:
    """The SubjectPublicKeyInfo built from one object's attributes, or None when it lacks them."""
    A = p11.Attribute
    if key_type == p11.KeyType.RSA:
        n, e = _attribute(obj, A.MODULUS), _attribute(obj, A.PUBLIC_EXPONENT)
        if not n or not e:
            return None
        bits = der.sequence(der.integer(int.from_bytes(n, "big")), der.integer(int.from_bytes(e, "big")))
        return der.sequence(der.sequence(der.oid(_OID_RSA), b"\x05\x00"), der.bit_string(bits))
    params = _attribute(obj, A.EC_PARAMS)
    if not params:
        return None
    if key_type == p11.KeyType.EC:
        try:
            parts = der.children(params)
            oid = core.ObjectIdentifier.load(parts[0][2]).dotted if len(parts) == 1 and parts[0][0] == 0x06 else ""
        except (der.DERError, ValueError):
            oid = ""
        curve = CURVES.get(oid)
        if curve is None:
            raise KMSError(f"unsupported key type: an EC key on curve {oid or params.hex()}; "
                           "pkisign signs with P-224, P-256, P-384 and P-521")
        point = _ec_point(_attribute(obj, A.EC_POINT), 1 + 2 * curve.size)
        if point is None:
            return None
        return der.sequence(der.sequence(der.oid(_OID_EC), der.oid(curve.oid)), der.bit_string(point))
    if params in _ED448_PARAMS:
        raise KMSError("unsupported key type: Ed448 (X.509 certificates are signed with Ed25519, ECDSA or RSA)")
    if params not in _ED25519_PARAMS:
        raise KMSError(f"unsupported key type: an EdDSA key with parameters {params.hex()}")
    point = _ec_point(_attribute(obj, A.EC_POINT), 32)
    if point is None:
        return None
    return der.sequence(der.sequence(der.oid(_OID_ED25519)), der.bit_string(point))


def _key_kind(p11: Any, key_type: Any) -> str:
    if key_type is None:
        raise KMSError("unsupported key type: the private key does not tell its type (CKA_KEY_TYPE)")
    kinds = {p11.KeyType.RSA: "rsa", p11.KeyType.EC: "ec"}
    edwards = getattr(p11.KeyType, "EC_EDWARDS", None)
    if edwards is not None:
        kinds[edwards] = "ed25519"
    kind = kinds.get(key_type)
    if kind is None:
        name = getattr(key_type, "name", None) or f"0x{int(key_type):x}"
        raise KMSError(f"unsupported key type: {name} (pkisign signs with RSA, EC and Ed25519 keys)")
    return kind


def _public_key(p11: Any, session: Any, private: Any, key_type: Any, where: str) -> PublicKey:
    """The private key's public half: from its own attributes, else from its public key object."""
    spki = _spki(p11, private, key_type)
    if spki is None:
        candidates = {s for s in (_spki(p11, o, key_type)
                                  for o in _find_public_objects(p11, session, private, key_type)) if s}
        if len(candidates) > 1:
            raise KMSError(f"{len(candidates)} different public keys on the token have the id or label of "
                           f"the private key {where}")
        if not candidates:
            raise KMSError(f"no public key for the private key {where}: the token has no public key object "
                           "with its id or label, and the private key does not show its public part")
        spki = candidates.pop()
    return public_key_from_der(spki, where)


# -- the signer -------------------------------------------------------------------------

class PKCS11Signer:
    """An issuer key in a PKCS#11 token (pkisign's ``Signer`` protocol).

    Made by ``open_pkcs11_signer``; holds its session (see the module's
    notes) until ``close``.  Usable as a context manager.
    """

    def __init__(self, p11: Any, shared: _SharedSession, key: Any, public_key: PublicKey,
                 mechanisms: frozenset[int], description: str) -> None:
        self._p11 = p11
        self._shared: _SharedSession | None = shared
        self._key = key
        self._public_key = public_key
        self._mechanisms = mechanisms
        self.description = description

    @property
    def public_key(self) -> PublicKey:
        return self._public_key

    @property
    def closed(self) -> bool:
        return self._shared is None

    def sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        """Sign the whole message (the TBSCertificate) with ``algorithm``."""
        if self._shared is None:
            raise KMSError(f"the PKCS#11 signer for {self.description} is closed")
        kind = self._public_key.kind
        if algorithm.key_kind != kind:
            raise KMSError(f"cannot sign {algorithm.name} with the {self._public_key.description} key "
                           f"{self.description}")
        p11 = self._p11
        M = p11.Mechanism
        try:
            if kind == "ed25519":
                return self._key.sign(message, mechanism=M.EDDSA)
            if kind == "ec":
                raw = self._key.sign(hashlib.new(algorithm.hash, message).digest(), mechanism=M.ECDSA)
                return self._ecdsa_der(raw)
            return self._sign_rsa(message, algorithm)
        except p11.PKCS11Error as exc:
            raise KMSError(f"the token refused to sign with {self.description} ({algorithm.name}): "
                           f"{_reason(exc)}") from None

    def _sign_rsa(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        """The hash-and-sign mechanism when the token has it, else the hash made here."""
        M = self._p11.Mechanism
        hash_mechanism = {"sha1": M.SHA_1, "sha256": M.SHA256, "sha384": M.SHA384, "sha512": M.SHA512}
        if algorithm.hash not in hash_mechanism:
            raise KMSError(f"{algorithm.name} signatures are not supported")
        name = algorithm.hash.upper()
        if algorithm.pss:
            param = (hash_mechanism[algorithm.hash], getattr(self._p11.MGF, name), algorithm.hash_size)
            combined = getattr(M, f"{name}_RSA_PKCS_PSS")
            if combined in self._mechanisms or M.RSA_PKCS_PSS not in self._mechanisms:
                return self._key.sign(message, mechanism=combined, mechanism_param=param)
            digest = hashlib.new(algorithm.hash, message).digest()
            return self._key.sign(digest, mechanism=M.RSA_PKCS_PSS, mechanism_param=param)
        combined = getattr(M, f"{name}_RSA_PKCS")
        if combined in self._mechanisms or M.RSA_PKCS not in self._mechanisms:
            return self._key.sign(message, mechanism=combined)
        digest_info = _DIGEST_INFO[algorithm.hash] + hashlib.new(algorithm.hash, message).digest()
        return self._key.sign(digest_info, mechanism=M.RSA_PKCS)

    def _ecdsa_der(self, raw: bytes) -> bytes:
        """PKCS#11 returns r || s, each as long as the curve's order; X.509 wants ECDSA-Sig-Value."""
        size = next(c.size for c in CURVES.values() if c.name == self._public_key.curve)
        if len(raw) != 2 * size:
            raise KMSError(f"the token returned a {len(raw)}-byte ECDSA signature for {self.description}, "
                           f"not {2 * size} bytes")
        return raw_ecdsa_to_der(raw)

    def close(self) -> None:
        """Log out and close the session (or leave it to the signers still sharing it)."""
        with _lock:
            shared, self._shared, self._key = self._shared, None, None
        if shared is not None:
            _release(shared)

    def __enter__(self) -> "PKCS11Signer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._shared is None else "open"
        return f"<PKCS11Signer {self.description} {self._public_key.description} {state}>"


def open_pkcs11_signer(uri: KMSURI) -> PKCS11Signer:
    """Load the module, find the token, log in, find the key: a ready signer.

    Every failure is a ``KMSError``; whatever was opened on the way is
    closed again before it is raised.
    """
    config = PKCS11Config.from_uri(uri)
    p11 = _pkcs11()
    lib, module, fresh = _load_module(p11, config.module)
    shared = None
    try:
        token = _find_token(p11, lib, config)
        shared = _login(p11, module, token, config)
        description = f"{config.key_description} on {config.token_description}"
        private = _find_private_key(p11, shared.session, config)
        key_type = _attribute(private, p11.Attribute.KEY_TYPE)
        kind = _key_kind(p11, key_type)
        public_key = _public_key(p11, shared.session, private, key_type, description)
        if kind != public_key.kind:
            raise KMSError(f"the public key of {description} is not a {kind} key")
        if _attribute(private, p11.Attribute.SIGN) is False:
            raise KMSError(f"the key {description} is not allowed to sign (CKA_SIGN is false)")
        if _attribute(private, p11.Attribute.ALWAYS_AUTHENTICATE):
            raise KMSError(f"the key {description} wants the PIN again for every signature "
                           "(CKA_ALWAYS_AUTHENTICATE), which pkisign does not support")
        try:
            mechanisms = frozenset(int(m) for m in token.slot.get_mechanisms())
        except p11.PKCS11Error:
            mechanisms = frozenset()
        signer = PKCS11Signer(p11, shared, private, public_key, mechanisms, description)
        shared = None  # the signer owns it now
        return signer
    except BaseException:
        if shared is not None:
            _release(shared)
        _unload_if_fresh(p11, module, fresh)
        raise
