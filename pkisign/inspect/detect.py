"""What an input is: PEM or DER, and a certificate, CSR, TBSCertificate or public key.

PEM is recognised by its label; DER by its shape:

* Certificate: SEQUENCE { SEQUENCE, SEQUENCE, BIT STRING }, the first
  SEQUENCE not shaped like a CertificationRequestInfo;
* CSR: the same, the first SEQUENCE being { INTEGER, SEQUENCE, SEQUENCE [, [0]] };
* cut short (fewer elements than that): a certificate when the first
  SEQUENCE starts with [0] (a version), a CSR when it is shaped like a
  CertificationRequestInfo;
* SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OBJECT IDENTIFIER ... }, BIT STRING };
* TBSCertificate: SEQUENCE { [0] version, INTEGER ... }, SEQUENCE { [0], 5 more ... } or
  SEQUENCE { INTEGER, SEQUENCE { OBJECT IDENTIFIER ... }, 4 more ... }.
"""

from __future__ import annotations

from .model import Element

__all__ = ["PEM_LABELS", "detect_kind"]

#: PEM labels and the kind they announce.
PEM_LABELS = {
    "CERTIFICATE": "certificate",
    "X509 CERTIFICATE": "certificate",
    "TRUSTED CERTIFICATE": "certificate",
    "CERTIFICATE REQUEST": "csr",
    "NEW CERTIFICATE REQUEST": "csr",
    "PUBLIC KEY": "public-key",
    "TBS CERTIFICATE": "tbs",
}


def _kids(element: Element) -> list[Element]:
    return [c for c in element.children
            if c.tag_class != "none" and not (c.tag_class == "universal" and c.tag_number == 0)]


def _is(element: Element | None, number: int, tag_class: str = "universal") -> bool:
    return element is not None and element.tag_class == tag_class and element.tag_number == number


def _algorithm_identifier(element: Element) -> bool:
    kids = _kids(element)
    return _is(element, 16) and bool(kids) and _is(kids[0], 6)


def detect_kind(root: Element | None) -> str:
    """The kind of the outermost element, judged by shape; "unknown" if none fits."""
    if root is None or not _is(root, 16) or not root.constructed:
        return "unknown"
    kids = _kids(root)
    if kids and _is(kids[0], 16):
        info = _kids(kids[0])
        request_info = (len(info) in (3, 4) and _is(info[0], 2) and _is(info[1], 16) and _is(info[2], 16)
                        and (len(info) == 3 or _is(info[3], 0, "context")))
        if len(kids) == 3 and _is(kids[1], 16) and _is(kids[2], 3):
            return "csr" if request_info else "certificate"
        # Cut short: judged by the first element alone.
        if request_info and len(kids) < 3:
            return "csr"
        if info and _is(info[0], 0, "context") and info[0].constructed:
            return "certificate"
    if len(kids) == 2 and _algorithm_identifier(kids[0]) and _is(kids[1], 3):
        return "public-key"
    if (len(kids) >= 6 or (len(kids) >= 2 and _is(kids[1], 2))) and _is(kids[0], 0, "context") \
            and kids[0].constructed:
        return "tbs"
    if len(kids) >= 6 and _is(kids[0], 2) and _algorithm_identifier(kids[1]):
        return "tbs"
    return "unknown"
