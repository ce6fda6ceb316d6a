"""pkisign: sign CSRs into X.509 certificates, byte for byte as step does.

The library API (the command line is a thin layer over it)::

    from pkisign import Issuer, SignOptions, load_csr

    issuer = Issuer.from_files("issuer.crt", "issuer.key", password_file="pass.txt")
    csr = load_csr(open("leaf.csr", "rb").read())
    cert = issuer.sign(csr, SignOptions(profile="leaf", not_after="720h"))
    open("leaf.crt", "wb").write(cert.pem())

Names are imported on first use, so that ``import pkisign`` (and the
command's start-up) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Issuer",
    "SignOptions",
    "Certificate",
    "load_csr",
    "sign_files",
    "PkisignError",
]

_LAZY = {
    "Issuer": "pkisign.api",
    "SignOptions": "pkisign.api",
    "Certificate": "pkisign.api",
    "sign_files": "pkisign.api",
    "load_csr": "pkisign.inputs",
    "PkisignError": "pkisign.errors",
}

if TYPE_CHECKING:  # pragma: no cover
    from .api import Certificate, Issuer, SignOptions, sign_files
    from .errors import PkisignError
    from .inputs import load_csr


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pkisign' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
