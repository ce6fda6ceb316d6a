"""``--explain``: where each field of a certificate comes from.

For an auditor: every field of the TBSCertificate with its value and its
source (the CSR, the profile, the template, a flag, the issuer certificate,
or a default).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from ..golang.time import format_rfc3339
from ..terminal import escape
from ..x509 import der
from ..x509.extensions import (
    OID_AUTHORITY_KEY_ID,
    OID_BASIC_CONSTRAINTS,
    OID_EXT_KEY_USAGE,
    OID_KEY_USAGE,
    OID_SUBJECT_ALT_NAME,
    OID_SUBJECT_KEY_ID,
)
from ..x509.names import parse_name

__all__ = ["Explanation", "explain", "render"]

_EXTENSION_NAMES = {
    OID_KEY_USAGE: "keyUsage",
    OID_EXT_KEY_USAGE: "extKeyUsage",
    OID_BASIC_CONSTRAINTS: "basicConstraints",
    OID_SUBJECT_KEY_ID: "subjectKeyIdentifier",
    OID_AUTHORITY_KEY_ID: "authorityKeyIdentifier",
    OID_SUBJECT_ALT_NAME: "subjectAltName",
    "1.3.6.1.5.5.7.1.1": "authorityInfoAccess",
    "2.5.29.32": "certificatePolicies",
    "2.5.29.30": "nameConstraints",
    "2.5.29.31": "cRLDistributionPoints",
}


@dataclass(frozen=True)
class Explanation:
    field: str
    value: str
    source: str


def _name_text(encoded: bytes) -> str:
    parsed = parse_name(encoded)
    parts = ["+".join(f"{a.oid}={a.value}" for a in rdn) for rdn in parsed.rdns]
    return ", ".join(parts) or "(empty)"


def _camel(name: str) -> str:
    """asn1crypto's snake_case to RFC 5280's spelling: digital_signature -> digitalSignature."""
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def _native_text(value: Any, names: bool) -> str:
    if isinstance(value, bytes):
        return value.hex(":")
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(_native_text(v, names) for v in value))
    if isinstance(value, (list, tuple)):
        return ", ".join(_native_text(v, names) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{_camel(k)}={_native_text(v, names)}" for k, v in value.items()
                         if v is not None and v != [])
    text = str(value)
    return _camel(text) if names else text


def _extension_text(oid: str, value: bytes) -> str:
    """The extension value decoded (asn1crypto's reading); base64 when it does not decode."""
    from asn1crypto import x509 as asn1_x509

    if oid in _EXTENSION_NAMES:
        try:
            encoded = der.sequence(der.oid(oid), der.tlv(0x04, value))
            native = asn1_x509.Extension.load(encoded)["extn_value"].parsed.native
            return _native_text(native, names=oid in (OID_KEY_USAGE, OID_EXT_KEY_USAGE))
        except Exception:  # noqa: BLE001 - a value asn1crypto cannot read is shown as bytes
            pass
    return "base64:" + base64.b64encode(value).decode("ascii")


def explain(draft, issuer, *, now_source: str = "the clock") -> list[Explanation]:
    """The provenance of every field of ``draft.tbs`` (a ``sign.Draft``)."""
    options, template, tbs, csr = draft.options, draft.template, draft.tbs, draft.csr
    origin = "template" if options.template is not None else f"profile {options.profile}"
    out = [Explanation("version", "v3", "always (Go)")]
    if options.serial is not None:
        serial_source = "flag --serial"
    elif template.serial_number is not None:
        serial_source = "template serialNumber"
    else:
        serial_source = "default: 128 random bits"
    out.append(Explanation("serialNumber", f"{tbs.serial:#x}", serial_source))
    algorithm_source = f"{origin} signatureAlgorithm" if template.signature_algorithm \
        else "default for the issuer key"
    out.append(Explanation("signature", tbs.algorithm.name, algorithm_source))
    out.append(Explanation("issuer", _name_text(issuer.subject), "issuer certificate's subject (verbatim)"))
    nb_source = f"flag --not-before {options.not_before}" if options.not_before else f"default: now ({now_source})"
    out.append(Explanation("validity.notBefore", format_rfc3339(draft.validity.not_before), nb_source))
    if options.not_after:
        na_source = f"flag --not-after {options.not_after}"
    else:
        na_source = "default: notBefore + " + ("87600h" if origin == "profile intermediate-ca" else "24h")
    if any(w.startswith("warning:") for w in draft.warnings):
        na_source += " (outlives the issuer)"
    out.append(Explanation("validity.notAfter", format_rfc3339(draft.validity.not_after), na_source))
    if template.raw_subject:
        subject_source = f"CSR subject (verbatim, via {origin} rawSubject)" \
            if template.raw_subject == csr.subject.der else f"{origin} rawSubject"
    elif options.template is None:
        subject_source = "CSR subject fields, re-encoded by Go's rules (profile intermediate-ca)"
    else:
        subject_source = "template subject, encoded by Go's rules"
    out.append(Explanation("subject", _name_text(tbs.subject), subject_source))
    out.append(Explanation("subjectPublicKeyInfo", csr.public_key.description, "CSR public key (re-encoded)"))
    csr_extensions = {(e.oid, e.value) for e in csr.extensions}
    for ext in tbs.extensions:
        name = _EXTENSION_NAMES.get(ext.oid, ext.oid)
        value = _extension_text(ext.oid, ext.value)
        critical = " (critical)" if ext.critical else ""
        if (ext.oid, ext.value) in csr_extensions:
            source = "CSR extensionRequest (verbatim)"
        elif ext.oid == OID_SUBJECT_KEY_ID and template.subject_key_id is None:
            source = "default: SHA-1 of the CSR public key"
        elif ext.oid == OID_AUTHORITY_KEY_ID and issuer.subject_key_id and ext.value.endswith(issuer.subject_key_id):
            source = "issuer certificate's subjectKeyIdentifier"
        elif ext.oid == OID_SUBJECT_ALT_NAME and options.template is None:
            source = "CSR common name (the CSR has no SANs)" if not (
                csr.dns_names or csr.email_addresses or csr.ip_addresses or csr.uris) \
                else "CSR SANs, regrouped dns/email/ip/uri"
        else:
            source = origin
        out.append(Explanation(f"extensions.{name}{critical}", value, source))
    return out


def render(explanations: list[Explanation]) -> str:
    """One line per field: ``field = value  <- source``, for a terminal: a
    value from the CSR (its subject, a SAN) is escaped, never sent raw."""
    width = max(len(e.field) for e in explanations)
    return "".join(f"{escape(e.field.ljust(width))}  {escape(e.value)}  <- {escape(e.source)}\n"
                   for e in explanations)
