"""What a signed certificate must be, whatever the CSR asked for.

Checked on every certificate a target makes, with asn1crypto (not with
pkisign): the issuer name and key, the serial, and "requester data stays in
its lane": a leaf carries only SAN, keyUsage, extKeyUsage and the
key identifiers; an intermediate only keyUsage, basicConstraints (CA, with
the --path-len asked) and the key identifiers; only the csr profile copies
the CSR's extensions.
"""

from __future__ import annotations

import _der
from _harness import ContractViolation
from asn1crypto import core, keys, x509

OID_SKI, OID_AKI = "2.5.29.14", "2.5.29.35"
OID_KU, OID_EKU, OID_BC, OID_SAN = "2.5.29.15", "2.5.29.37", "2.5.29.19", "2.5.29.17"

_ALLOWED = {
    "leaf": {OID_SAN, OID_KU, OID_EKU, OID_SKI, OID_AKI},
    "intermediate-ca": {OID_KU, OID_BC, OID_SKI, OID_AKI},
}


def check_certificate(der: bytes, issuer, profile: str, *, serial: int | None = None,  # type: ignore[no-untyped-def]
                      path_len: int = 0, csr=None) -> None:  # type: ignore[no-untyped-def]
    """Raise ContractViolation when the certificate breaks a rule above."""
    try:
        tbs = _der.parse(der).children[0]  # type: ignore[index]
        fields = tbs.children or []
        # version [0], serial, signature, issuer, validity, subject, spki, ..., extensions [3]
        cert_serial = int.from_bytes(fields[1].content, "big", signed=True)
        issuer_name = fields[3].encode()
        spki = keys.PublicKeyInfo.load(fields[6].encode())["public_key"].native
        exts = []
        for field in fields[7:]:
            if field.tag == 0xA3:
                for ext in field.children[0].children:  # type: ignore[index,union-attr]
                    oid_node, value = ext.children[0], ext.children[-1]  # type: ignore[index]
                    exts.append((core.ObjectIdentifier.load(oid_node.encode()).dotted, value.encode()))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise ContractViolation(f"signed certificate does not parse: {exc}") from None
    if issuer_name != issuer.certificate.subject:
        raise ContractViolation("issuer name is not the issuer certificate's subject")
    if serial is not None and cert_serial != serial:
        raise ContractViolation(f"serial {cert_serial} is not the requested {serial}")
    if csr is not None:
        if spki != keys.PublicKeyInfo.load(csr.spki)["public_key"].native:
            raise ContractViolation("the certificate's key is not the CSR's key")
    allowed = _ALLOWED.get(profile)
    if allowed is None:
        return
    oids = [o for o, _ in exts]
    stray = sorted(set(oids) - allowed)
    if stray:
        raise ContractViolation(f"{profile} certificate carries CSR-requested extensions {stray}")
    if len(oids) != len(set(oids)):
        raise ContractViolation(f"{profile} certificate repeats an extension: {oids}")
    values = {o: core.OctetString.load(v).native for o, v in exts}
    ku = set(x509.KeyUsage.load(values[OID_KU]).native) if OID_KU in values else set()
    if profile == "leaf":
        if not ku <= {"digital_signature", "key_encipherment"} or "digital_signature" not in ku:
            raise ContractViolation(f"leaf key usage {sorted(ku)}")
        eku = x509.ExtKeyUsageSyntax.load(values[OID_EKU]).native if OID_EKU in values else []
        if eku != ["server_auth", "client_auth"]:
            raise ContractViolation(f"leaf extended key usage {eku}")
    else:
        if ku != {"key_cert_sign", "crl_sign"}:
            raise ContractViolation(f"intermediate key usage {sorted(ku)}")
        bc = x509.BasicConstraints.load(values[OID_BC]) if OID_BC in values else None
        if bc is None or not bc["ca"].native:
            raise ContractViolation("intermediate without CA:TRUE")
        got = bc["path_len_constraint"].native
        want = None if path_len == -1 else path_len
        if got != want:
            raise ContractViolation(f"intermediate pathLenConstraint {got}, asked {want}")
