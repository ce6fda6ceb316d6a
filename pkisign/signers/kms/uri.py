"""KMS URIs as step reads them: ``type:path-attributes?query-attributes``.

step (go.step.sm/crypto ``kms/uri``) names keys and key stores with URIs
shaped after RFC 7512, the PKCS#11 URI scheme::

    pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep?pin-value=password
    pkcs11:id=4001
    pkcs11:object=root-key;token=smallstep?pin-source=/run/secrets/pin

* The scheme (case-insensitive) is the KMS type: ``pkcs11``, ``softkms``,
  ``awskms``, ``cloudkms``, ...
* Path attributes follow the colon, separated by ``;``; query attributes
  follow ``?``, separated by ``&``.  Each is ``name=value``.  By convention
  the path identifies the key store and the key, the query carries
  credentials (``pin-value``, ``pin-source``).
* Names and values are percent-decoded with Go's ``url.QueryUnescape``, so
  ``%40%01`` is the two bytes 0x40 0x01 and, as in step, ``+`` is a space.
  A malformed escape in the path attributes makes the URI invalid; in the
  query it drops that one attribute (Go's ``url.Query`` ignores it).
* Looking an attribute up (``get``) takes the first path value of that
  name, and when it is empty the first query value (``uri.URI.Get``).

``--kms`` and the key argument are both such URIs; the key's attributes
join those of ``--kms`` and win where both have one (``join``).  Values are
kept as text; bytes that are not UTF-8 survive as surrogate escapes, which
``get_bytes`` turns back into the original bytes.

A ``KMSURI`` may carry a PIN (``pin-value``): its ``repr`` and ``str``
never show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from ...errors import KMSError

__all__ = [
    "KMSURI",
    "parse_kms_uri",
    "has_scheme",
    "join",
    "decode_id",
    "show_text",
    "softkms_path",
    "KNOWN_TYPES",
    "SECRET_ATTRIBUTES",
]

#: The KMS types step knows (go.step.sm/crypto ``apiv1.Type``), with what they are.
KNOWN_TYPES = {
    "pkcs11": "a PKCS#11 module (HSM)",
    "softkms": "a key file",
    "awskms": "AWS KMS",
    "cloudkms": "Google Cloud KMS",
    "azurekms": "Azure Key Vault",
    "yubikey": "a YubiKey (PIV)",
    "tpmkms": "a TPM",
    "sshagentkms": "an ssh-agent",
    "capi": "Windows CryptoAPI",
    "mackms": "the macOS keychain",
}

#: Attributes whose values are secrets: never shown by ``repr`` or ``str``.
SECRET_ATTRIBUTES = frozenset({"pin-value", "client-secret"})

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_HEX_PAIRS = re.compile(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2})*")


class _EscapeError(ValueError):
    pass


def _unescape(text: str) -> str:
    """Go's url.QueryUnescape: ``+`` is a space, ``%XX`` a byte, nothing else allowed after ``%``."""
    if "%" in text:
        for match in re.finditer(r"%(.{0,2})", text, re.S):
            if not re.fullmatch(r"[0-9A-Fa-f]{2}", match.group(1)):
                raise _EscapeError(match.group(0))
    # A Go string is bytes: text that came from a non-UTF-8 argv holds
    # surrogate escapes, which must go back to those bytes, not fail.
    raw = unquote_to_bytes(text.replace("+", " ").encode("utf-8", "surrogateescape"))
    return raw.decode("utf-8", "surrogateescape")


def _parse_pairs(text: str, *, strict: bool) -> tuple[tuple[str, str], ...]:
    """Go's url.ParseQuery on ``&``-separated pairs.

    ``strict`` (path attributes): a bad escape is an error.  Otherwise
    (query, read with Go's ``url.Query``): the bad pair, or one containing
    ``;``, is skipped.
    """
    pairs = []
    for part in text.split("&"):
        if not part:
            continue
        if ";" in part:  # only reachable in the query: Go refuses ";" there
            continue
        raw_name, _, raw_value = part.partition("=")
        try:
            name = _unescape(raw_name)
        except _EscapeError as exc:
            if strict:
                raise KMSError(f"invalid URL escape {str(exc)!r} in an attribute name") from None
            continue
        try:
            pairs.append((name, _unescape(raw_value)))
        except _EscapeError as exc:
            if strict:
                # Even a piece of a secret stays out of the message.
                shown = "" if name in SECRET_ATTRIBUTES else f" {str(exc)!r}"
                raise KMSError(f"invalid URL escape{shown} in the value of '{show_text(name)}'") from None
    return tuple(pairs)


def show_text(value: str) -> str:
    """A value for a message: bytes that are not UTF-8 shown as \\x escapes."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True, repr=False)
class KMSURI:
    """A parsed KMS URI: its type and its attributes, in order.

    ``path`` holds the path attributes (after the colon), ``query`` those
    after ``?``; both keep their order and repeated names.
    """

    type: str
    path: tuple[tuple[str, str], ...] = ()
    query: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> str:
        """The attribute's value, or "": step's ``URI.Get`` (path first, then query)."""
        value = next((v for n, v in self.path if n == name), "")
        if value == "":
            value = next((v for n, v in self.query if n == name), "")
        return value

    def has(self, name: str) -> bool:
        return any(n == name for n, _ in self.path + self.query)

    def get_bytes(self, name: str) -> bytes:
        """The attribute's value as the bytes the URI spelled (percent-escapes included)."""
        return self.get(name).encode("utf-8", "surrogateescape")

    def names(self) -> list[str]:
        seen: dict[str, None] = {}
        for n, _ in self.path + self.query:
            seen.setdefault(n, None)
        return list(seen)

    def __str__(self) -> str:
        """The URI with secrets replaced by ``***`` (for messages)."""

        def pairs(items: tuple[tuple[str, str], ...]) -> list[str]:
            return [f"{n}={'***' if n in SECRET_ATTRIBUTES else show_text(v)}" for n, v in items]

        text = f"{self.type}:" + ";".join(pairs(self.path))
        if self.query:
            text += "?" + "&".join(pairs(self.query))
        return text

    def __repr__(self) -> str:
        return f"KMSURI({str(self)!r})"


def has_scheme(text: str) -> bool:
    """Whether ``text`` starts like a URI (``scheme:``), as Go's url.Parse decides."""
    scheme, sep, _ = text.partition(":")
    return bool(sep) and _SCHEME.fullmatch(scheme) is not None


def parse_kms_uri(text: str, what: str = "the KMS URI") -> KMSURI:
    """Parse a KMS URI the way step's ``uri.Parse`` does.

    ``what`` names the URI in error messages ("--kms", "the key"); the URI
    itself is never quoted in them because it may hold a PIN.
    """
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        raise KMSError(f"{what} is not a valid URI: it contains a control character")
    if not has_scheme(text):
        raise KMSError(f"{what} is not a KMS URI: it has no 'type:' prefix (such as pkcs11:)")
    scheme, _, rest = text.partition(":")
    rest, _, _fragment = rest.partition("#")
    opaque, _, query = rest.partition("?")
    path: tuple[tuple[str, str], ...] = ()
    # Go reads "type:/..." as a hierarchical URL: no opaque part, no path attributes.
    if not opaque.startswith("/"):
        try:
            path = _parse_pairs(opaque.replace(";", "&"), strict=True)
        except KMSError as exc:
            raise KMSError(f"{what} is not a valid URI: {exc}") from None
    return KMSURI(scheme.lower(), path, _parse_pairs(query, strict=False))


def join(kms: KMSURI, key: KMSURI) -> KMSURI:
    """The key's attributes on top of those of ``--kms``: the key wins.

    Each attribute is resolved with ``get`` on the key first, then on the
    KMS; the result holds them all as path attributes.
    """
    names = key.names() + [n for n in kms.names() if n not in key.names()]
    resolved = []
    for name in names:
        value = key.get(name) or kms.get(name)
        resolved.append((name, value))
    return KMSURI(kms.type, tuple(resolved), ())


def decode_id(value: bytes) -> bytes:
    """A key ``id`` (CKA_ID) as bytes.

    Like step's ``URI.GetEncoded``: an even-length value that is hex (with
    or without ``0x``) is decoded; anything else, such as the percent-decoded
    ``%40%01``, is taken as the bytes themselves.  Beyond step, hex bytes
    separated by colons (``40:01``, as ``pkcs11-tool`` prints them) are
    decoded too.  So ``4001``, ``0x4001``, ``40:01`` and ``%40%01`` all name
    the bytes 0x40 0x01.
    """
    text = value.decode("ascii", "replace")
    if len(value) % 2 == 0:
        digits = text[2:] if text.startswith("0x") else text
        if re.fullmatch(r"(?:[0-9A-Fa-f]{2})*", digits):
            return bytes.fromhex(digits)
    if _HEX_PAIRS.fullmatch(text) and ":" in text:
        return bytes.fromhex(text.replace(":", ""))
    return value


def softkms_path(key: str) -> str:
    """The file a softkms key names: ``softkms:path=FILE``, else the text after ``softkms:``, or a plain path.

    step's softkms uses ``path``, then the URI's raw opaque part; a
    ``softkms:/abs/file`` (no opaque part in Go) is read as that file too.
    """
    if not has_scheme(key) or key.partition(":")[0].lower() != "softkms":
        return key
    rest = key.partition(":")[2]
    return parse_kms_uri(key, "the key").get("path") or rest.partition("#")[0].partition("?")[0]
