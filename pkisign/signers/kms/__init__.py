"""Issuer keys held in a key management system (``--kms``).

``open_kms_signer(kms, key)`` is what the rest of pkisign calls: ``kms`` is
the ``--kms`` URI ("" when the flag is absent) and ``key`` the key argument,
a URI too.  The key's attributes join those of ``--kms`` (the key's win),
so both of these name the same key::

    open_kms_signer("pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep?pin-value=password",
                    "pkcs11:id=4001")
    open_kms_signer("", "pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep;id=4001"
                        "?pin-value=password")

Built in: ``pkcs11:`` (a PKCS#11 module, see ``pkisign.signers.kms.pkcs11`` for
the attributes, mechanisms and session rules), ``awskms:`` (AWS KMS, see
``pkisign.signers.kms.awskms``), ``cloudkms:`` (Google Cloud KMS, see
``pkisign.signers.kms.cloudkms``), ``azurekms:`` (Azure Key Vault, see
``pkisign.signers.kms.azurekms``) and ``softkms:`` (a plain key file, as in step).
Every other type (yubikey,
tpmkms, sshagentkms, capi, mackms, and types pkisign does not know) goes
to ``step-kms-plugin`` as step sends it (``pkisign.signers.kms.plugin``), and so
does any type but softkms when ``plugin`` is true.

The URI syntax is in ``pkisign.signers.kms.uri``.  The signer returned follows
pkisign's ``Signer`` protocol; close it (``close()``, or ``with``) to log out.
"""

from __future__ import annotations

from ...errors import KMSError
from .. import Signer
from .uri import KMSURI, KNOWN_TYPES, has_scheme, join, parse_kms_uri, softkms_path

__all__ = ["open_kms_signer", "resolve_kms_uri", "kms_type", "KMSURI", "parse_kms_uri", "SUPPORTED_TYPES",
           "BUILT_IN_TYPES"]

#: The KMS types pkisign signs with itself; the others go through step-kms-plugin.
BUILT_IN_TYPES = ("pkcs11", "softkms", "awskms", "cloudkms", "azurekms")
#: The KMS types whose attributes ``resolve_kms_uri`` joins.
SUPPORTED_TYPES = ("pkcs11", "softkms")


def _check_type(kind: str) -> None:
    if kind in SUPPORTED_TYPES:
        return
    what = f" ({KNOWN_TYPES[kind]})" if kind in KNOWN_TYPES else ""
    raise KMSError(f"KMS type '{kind}'{what} is not supported: pkisign signs with pkcs11: "
                   "(a PKCS#11 module) and softkms: (a key file)")


def resolve_kms_uri(kms: str, key: str) -> KMSURI:
    """The one URI that names the key: ``--kms`` joined with the key argument.

    Without ``--kms`` the key URI says everything.  With ``--kms softkms:``
    the key is a file (a path or ``softkms:path=FILE``), returned as the
    ``path`` attribute of a softkms URI.
    """
    if not kms:
        uri = parse_kms_uri(key, "the key")
        _check_type(uri.type)
        if uri.type == "softkms":
            return KMSURI("softkms", (("path", softkms_path(key)),))
        return uri
    base = parse_kms_uri(kms, "--kms")
    _check_type(base.type)
    if base.type == "softkms":
        return KMSURI("softkms", (("path", softkms_path(key)),))
    if not has_scheme(key):
        raise KMSError(f"with --kms {base.type}:..., the key must be a {base.type}: URI "
                       f"such as {base.type}:id=4001 or {base.type}:object=LABEL, not '{key}'")
    named = parse_kms_uri(key, "the key")
    if named.type != base.type:
        raise KMSError(f"the key URI's type {named.type}: differs from the --kms type {base.type}:")
    return join(base, named)


def kms_type(kms: str, key: str) -> str:
    """The KMS type: that of ``--kms``, or without it that of the key URI."""
    return parse_kms_uri(kms, "--kms").type if kms else parse_kms_uri(key, "the key").type


def open_kms_signer(kms: str, key: str, *, plugin: bool = False) -> Signer:
    """A signer for the key that ``--kms`` (may be "") and the key argument name.

    ``plugin``: go through step-kms-plugin for every type but softkms.
    """
    kind = kms_type(kms, key)
    if kind != "softkms" and (plugin or kind not in BUILT_IN_TYPES):
        from .plugin import open_plugin_signer

        return open_plugin_signer(kms, key)
    if kind == "awskms":
        from .awskms import open_awskms_signer

        return open_awskms_signer(kms, key)
    if kind == "cloudkms":
        from .cloudkms import open_cloudkms_signer

        return open_cloudkms_signer(kms, key)
    if kind == "azurekms":
        from .azurekms import open_azurekms_signer

        return open_azurekms_signer(kms, key)
    uri = resolve_kms_uri(kms, key)
    if uri.type == "softkms":
        from ..file import load_file_signer

        return load_file_signer(uri.get("path"))
    from .pkcs11 import open_pkcs11_signer

    return open_pkcs11_signer(uri)
