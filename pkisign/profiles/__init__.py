"""The built-in profiles: leaf, intermediate-ca and csr (spec section 7).

Each profile is the JSON document step's built-in template renders for a
CSR, decoded the same way a user's template is.  ``render`` returns that
document as a parsed JSON value, ready for ``model.decode_certificate``.
"""

from __future__ import annotations

import base64
from typing import Any

from .. import gonet
from ..csr import CSR
from ..json_value import JSONNumber, JSONObject
from ..names import GoName

__all__ = ["PROFILES", "render", "template_sans"]

PROFILES = ("leaf", "intermediate-ca", "csr")


def _text(value: str) -> str:
    """A Go string after toJson and back: bytes that are not UTF-8 become U+FFFD."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def template_sans(csr: CSR, omit_cn_san: bool) -> list[tuple[str, str]]:
    """``.SANs`` (spec 6.2): the CSR's SANs as strings, else its CN, re-classified.

    Order: every dns, then ip, email, uri (x509util CreateSANs).
    """
    names = list(csr.dns_names) + list(csr.email_addresses)
    names += [gonet.ip_string(ip) for ip in csr.ip_addresses]
    names += [str(uri) for uri in csr.uris]
    common_name = csr.go_subject.common_name
    if not names and not omit_cn_san and common_name:
        names = [common_name]
    dns, ips, emails, uris = gonet.split_sans(names)
    return (
        [("dns", n) for n in dns]
        + [("ip", gonet.ip_string(ip)) for ip in ips]
        + [("email", e) for e in emails]
        + [("uri", str(u)) for u in uris]
    )


def _subject_json(name: GoName) -> JSONObject:
    """x509util Subject as toJson writes it (omitempty on every field)."""
    pairs: list[tuple[str, Any]] = []
    for key, values in (
        ("country", name.country), ("organization", name.organization),
        ("organizationalUnit", name.organizational_unit), ("locality", name.locality),
        ("province", name.province), ("streetAddress", name.street_address),
        ("postalCode", name.postal_code),
    ):
        if values:
            pairs.append((key, [_text(v) for v in values]))
    if name.serial_number:
        pairs.append(("serialNumber", _text(name.serial_number)))
    if name.common_name:
        pairs.append(("commonName", _text(name.common_name)))
    return JSONObject(pairs)


def _leaf(csr: CSR, omit_cn_san: bool) -> JSONObject:
    rsa = csr.public_key is not None and csr.public_key.kind == "rsa"
    usages = ["digitalSignature", "keyEncipherment"] if rsa else ["digitalSignature"]
    sans = [JSONObject([("type", t), ("value", _text(v))]) for t, v in template_sans(csr, omit_cn_san)]
    return JSONObject([
        ("rawSubject", base64.b64encode(csr.subject.der).decode("ascii")),
        ("sans", sans),
        ("keyUsage", usages),
        ("extKeyUsage", ["serverAuth", "clientAuth"]),
    ])


def _intermediate(csr: CSR, path_len: int) -> JSONObject:
    return JSONObject([
        ("subject", _subject_json(csr.go_subject)),
        ("keyUsage", ["certSign", "crlSign"]),
        ("basicConstraints", JSONObject([("isCA", True), ("maxPathLen", JSONNumber(str(path_len)))])),
    ])


def _csr(csr: CSR) -> JSONObject:
    """x509util.CertificateRequestTemplate: the CSR as it is.

    The SAN extension is marked critical when the subject is empty (x509util
    fixSubjectAltName).  Typed SAN fields are ignored by x509util because the
    SAN extension travels in ``extensions``.
    """
    empty = csr.subject_is_empty()
    extensions = [
        JSONObject([
            ("id", ext.oid),
            ("critical", ext.critical or (empty and ext.oid == "2.5.29.17")),
            ("value", base64.b64encode(ext.value).decode("ascii")),
        ])
        for ext in csr.extensions
    ]
    return JSONObject([
        ("rawSubject", base64.b64encode(csr.subject.der).decode("ascii")),
        ("extensions", extensions),
    ])


def render(profile: str, csr: CSR, *, path_len: int = 0, omit_cn_san: bool = False) -> JSONObject:
    """The JSON document of a built-in profile for this CSR."""
    if profile == "leaf":
        return _leaf(csr, omit_cn_san)
    if profile == "intermediate-ca":
        return _intermediate(csr, path_len)
    if profile == "csr":
        return _csr(csr)
    raise ValueError(f"unknown profile {profile!r}")
