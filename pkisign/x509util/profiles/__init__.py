"""The built-in profiles, as the templates step runs for them (docs/step-sign-spec.md, section 7).

A profile is a template shipped with pkisign, as in step, and these files
define it.  The leaf profile's output also has a closed form
(``render.leaf_json``) that skips the interpreter; tests hold it to this
template's exact text.

* ``leaf.tpl``: the CSR's subject bytes, ``.SANs``, digitalSignature (plus
  keyEncipherment for an RSA key), serverAuth and clientAuth (step v0.27+);
* ``intermediate-ca.tpl``: the re-encoded ``.Subject``, certSign and
  crlSign, a CA with pathLenConstraint ``.MaxPathLen``;
* ``csr.tpl``: x509util's CertificateRequestTemplate, the CSR as it is.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["PROFILES", "template_text"]

PROFILES = ("leaf", "intermediate-ca", "csr")


@lru_cache(maxsize=None)
def template_text(profile: str) -> str:
    """The template of a built-in profile."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}")
    from importlib import resources  # only when a profile's template runs: the leaf has a closed form

    return resources.files(__package__).joinpath(f"{profile}.tpl").read_text(encoding="utf-8")
