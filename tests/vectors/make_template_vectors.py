#!/usr/bin/env python3
"""Build the golden test vectors of pkisign's `--template` support.

Every expected output comes from the reference signer `step-sign-ref`, which
runs real step templates through go.step.sm/crypto x509util
(`x509util.NewCertificate(csr, x509util.WithTemplate(...))`), as
`step certificate sign --template` does. OpenSSL is only used to check the
results. This script never imports or runs pkisign. Python 3.10+, standard
library only; the code it shares with make_vectors.py is in vectorlib.py.

It reuses the keys, CSRs and issuers made by make_vectors.py (it never
regenerates them), writes the templates it tests under templates/ (they are
meant to be read: each one starts with a comment saying what it is about),
runs step-sign-ref for every case, checks the results and writes
out/templates/ and template_cases.json.

Usage:
    python3 tests/vectors/make_template_vectors.py [--step PATH]
                                                   [--openssl PATH] [-j N]

See the "Template vectors" section of README.md in this directory.
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field

from vectorlib import (AKI, NA, NB, SAN, VEC, BaseCase, CaseList, Issuer, Tools, atv,
                       auto_serial, case_json, cert_parts, check_bundle, check_issuer_name,
                       check_tags, check_tools, dump_json, exit_on_problems, go_int, go_time,
                       guarded, oid, pem, pem_certs, pmap, problem, same_cert, seq, set_of,
                       sigalg_oid, sign_argv, split_argv, stdin_bytes, step_twice, tally,
                       tbs_fields, tlv, tool_options, tool_versions, validity, verify_chain,
                       verify_signature, write_file)

TPL_DIR = "templates"                 # template files and extra inputs (relative to VEC)
OUT_DIR = "out/templates"             # expected outputs
CASES_FILE = "template_cases.json"
PEN = "1.3.6.1.4.1.55555"            # private arc used for custom OIDs (same as make_vectors.py)

# ----------------------------------------------------------------------------
# Encodings for the templates and the expected extension values
# ----------------------------------------------------------------------------


def b64(data: bytes | str) -> str:
    return base64.b64encode(data.encode() if isinstance(data, str) else data).decode()


# Go's encodings of a few extension values, to check that a case produced what it is about.
KU_BITS = {"digitalSignature": 0, "contentCommitment": 1, "keyEncipherment": 2,
           "dataEncipherment": 3, "keyAgreement": 4, "certSign": 5, "crlSign": 6,
           "encipherOnly": 7, "decipherOnly": 8}


def ku_der(*names: str) -> str:
    """extnValue of keyUsage as Go's marshalKeyUsage writes it (hex)."""
    ku = 0
    for n in names:
        ku |= 1 << KU_BITS[n]
    a = [int(f"{ku & 0xFF:08b}"[::-1], 2), int(f"{(ku >> 8) & 0xFF:08b}"[::-1], 2)]
    data = bytes(a[:2] if a[1] else a[:1])
    last = max(i for i in range(len(data) * 8) if data[i // 8] & (0x80 >> (i % 8)))
    unused = len(data) * 8 - (last + 1)
    return tlv(0x03, bytes([unused]) + data).hex()


EKU_OIDS = {"serverAuth": "1.3.6.1.5.5.7.3.1", "clientAuth": "1.3.6.1.5.5.7.3.2",
            "codeSigning": "1.3.6.1.5.5.7.3.3", "emailProtection": "1.3.6.1.5.5.7.3.4",
            "ipsecEndSystem": "1.3.6.1.5.5.7.3.5", "ipsecTunnel": "1.3.6.1.5.5.7.3.6",
            "ipsecUser": "1.3.6.1.5.5.7.3.7", "timeStamping": "1.3.6.1.5.5.7.3.8",
            "ocspSigning": "1.3.6.1.5.5.7.3.9", "any": "2.5.29.37.0",
            "microsoftServerGatedCrypto": "1.3.6.1.4.1.311.10.3.3",
            "netscapeServerGatedCrypto": "2.16.840.1.113730.4.1",
            "microsoftCommercialCodeSigning": "1.3.6.1.4.1.311.2.1.22",
            "microsoftKernelCodeSigning": "1.3.6.1.4.1.311.61.1.1"}


def eku_der(*names_or_oids: str) -> str:
    return seq(*(oid(EKU_OIDS.get(n, n)) for n in names_or_oids)).hex()


def bc_der(ca: bool, pathlen: int | None = None) -> str:
    body = b""
    if ca:
        body += b"\x01\x01\xff"
        if pathlen is not None:
            body += tlv(0x02, pathlen.to_bytes(1, "big"))
    return seq(body).hex()


# extension OIDs
KU, EKU, BC, SKI = "2.5.29.15", "2.5.29.37", "2.5.29.19", "2.5.29.14"      # and AKI, SAN
AIA, CP, NC, CRL = "1.3.6.1.5.5.7.1.1", "2.5.29.32", "2.5.29.30", "2.5.29.31"
SIGALG_OID = {"sha1-rsa": "1.2.840.113549.1.1.5", "sha256-rsa": "1.2.840.113549.1.1.11",
              "sha384-rsa": "1.2.840.113549.1.1.12", "sha512-rsa": "1.2.840.113549.1.1.13",
              "rsapss": "1.2.840.113549.1.1.10", "ecdsa-sha1": "1.2.840.10045.4.1",
              "ecdsa-sha256": "1.2.840.10045.4.3.2", "ecdsa-sha384": "1.2.840.10045.4.3.3",
              "ecdsa-sha512": "1.2.840.10045.4.3.4", "ed25519": "1.3.101.112"}

# ----------------------------------------------------------------------------
# Issuers (made by make_vectors.py)
# ----------------------------------------------------------------------------

_ROOT_ED25519 = Issuer.root("root-ed25519", "ed25519")
_INT_PL1 = _ROOT_ED25519.child("int-pl1-rsa2048", "rsa2048")
ISSUERS = {i.name: i for i in [
    Issuer.root("root-rsa2048", "rsa2048"),
    _ROOT_ED25519,
    Issuer.root("root-p256", "p256"),
    Issuer.root("root-p384", "p384"),
    Issuer.root("root-p521", "p521"),
    Issuer.root("root-noski-ed25519", "ed25519"),
    _INT_PL1,
    _INT_PL1.child("int2-pl0-ed25519", "ed25519"),
]}
# the inputs of make_vectors.py this script relies on
NEEDED_INPUTS = [f"issuers/{n}.{x}" for n in ISSUERS for x in ("crt", "key")] + [
    "issuers/int2-pl0-ed25519.bundle.pem"]

# ----------------------------------------------------------------------------
# Templates, extra inputs and cases
# ----------------------------------------------------------------------------

FILES: dict[str, bytes] = {}          # path (relative to VEC) -> content, written under templates/
INPUTS: dict[str, str] = {}           # path -> one-line description (template_cases.json "inputs")


def tfile(name: str, text: str, doc: str | None = None, *, ext="tpl") -> str:
    """Register templates/<name>.<ext>. A `doc` becomes a leading template comment."""
    path = f"{TPL_DIR}/{name}.{ext}"
    if doc is not None:
        text = "{{/* " + doc + " */}}\n" + text.lstrip("\n")
    data = text.encode()
    if path in FILES and FILES[path] != data:
        raise ValueError(f"{path} registered twice with different content")
    FILES[path] = data
    INPUTS[path] = doc or INPUTS.get(path) or name
    return path


def dfile(name: str, data: bytes | str, desc: str) -> str:
    """Register an extra input file templates/<name> (set-files and the like)."""
    path = f"{TPL_DIR}/{name}"
    FILES[path] = data.encode() if isinstance(data, str) else data
    INPUTS[path] = desc
    return path


@dataclass
class Case(BaseCase):
    expect_err: str | None = None     # substring that stderr must contain
    random_sig: bool = False          # RSA-PSS: signature is randomised
    parse: bool = True                # openssl x509 must be able to print it
    want: dict = field(default_factory=dict)   # self-checks on the certificate
    twin: list | None = None          # argv of a --profile run that must give the same cert
    # results
    rc: int | None = None

    @property
    def compare(self) -> str:
        return "tbs" if self.random_sig else super().compare


CASES = CaseList()


def csr_file(csr: str) -> str:
    return csr if "/" in csr else f"csr/{csr}.csr"


def csr_tags(csr: str) -> list:
    base = csr.rsplit("/", 1)[-1].split(".")[0]
    shape, kt = base.rsplit("-", 1)
    return [f"csr:{kt}", f"shape:{shape}"]


def tpl_tag(tpl: str | None) -> list:
    if tpl not in FILES:
        return []
    return ["template:" + tpl.removeprefix(TPL_DIR + "/").removesuffix(".tpl")]


def build_argv(name, csr, iss, tpl, extra, serial, nb, na, crt=None):
    return sign_argv(csr_file(csr), crt or iss.crt, iss.key,
                     None if tpl is None else f"--template={tpl}", extra,
                     auto_serial(name) if serial == "auto" else serial, nb, na)


def ok(name: str, tpl: str | None, csr: str = "web-rsa2048", iss: str = "root-rsa2048", *,
       tags=(), extra=(), serial="auto", nb=NB, na=NA, argv=None, stdin=None, twin_profile=None,
       crt=None, **kw) -> Case:
    """A certificate case. serial: "auto" (--serial from the name), None (the template sets
    it) or a --serial value."""
    full = f"templates/{name}"
    I = ISSUERS[iss]
    if argv is None:
        argv = build_argv(full, csr, I, tpl, extra, serial, nb, na, crt)
    tg = I.tags + csr_tags(csr) + tpl_tag(tpl) + list(tags)
    twin = None
    if twin_profile:
        twin = [a if not a.startswith("--template=") else f"--profile={twin_profile}" for a in argv]
        tg.append(f"twin:profile-{twin_profile}")
    if serial not in ("auto", None) and "serial" not in kw.get("want", {}):
        kw.setdefault("want", {})["serial"] = go_int(serial)
    return CASES.add(Case(full, argv, tg, issuer=I, stdin=stdin, twin=twin, **kw))


def err(kind: str, name: str, tpl: str | None, expect: str, csr: str = "web-ed25519",
        iss: str = "root-ed25519", *, tags=(), extra=(), serial="auto", argv=None, stdin=None,
        note=None) -> Case:
    """A refusal: step-sign-ref must exit 1 and print `expect` (a substring) on stderr."""
    full = f"templates/error/{kind}/{name}"
    I = ISSUERS[iss]
    if argv is None:
        argv = build_argv(full, csr, I, tpl, extra, serial, NB, NA)
    tg = tpl_tag(tpl) + list(tags) + [f"error:{kind}"]
    return CASES.add(Case(full, argv, tg, stdin=stdin, error=kind, expect_err=expect, note=note))


# ----------------------------------------------------------------------------
# 1. Documented templates: the step docs' coyote example, step's own profile
#    templates and x509util's templates, verbatim, across several CSR shapes
# ----------------------------------------------------------------------------

COYOTE = """{
  "subject": {
    "country": "US",
        "organization": "Coyote Corporation",
        "commonName": "{{ .Subject.CommonName }}"
  },
  "emailAddresses": {{ toJson .Insecure.CR.EmailAddresses }},
  "keyUsage": ["digitalSignature"],
  "extKeyUsage": ["clientAuth"]
}
"""

# The verbatim templates below are assembled from the parts they share.
# Every leaf template ends with keyUsage by key type and extKeyUsage (%s: its usages):
LEAF_USAGES = """{{- if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey }}
\t"keyUsage": ["keyEncipherment", "digitalSignature"],
{{- else }}
\t"keyUsage": ["digitalSignature"],
{{- end }}
\t"extKeyUsage": [%s]
}"""
SERVER_CLIENT = '"serverAuth", "clientAuth"'
SUBJECT_SANS = """{
\t"subject": {{ toJson .Subject }},
\t"sans": {{ toJson .SANs }},
"""
CR_SAN_LISTS = """\t"dnsNames": {{ toJson .Insecure.CR.DNSNames }},
\t"emailAddresses": {{ toJson .Insecure.CR.EmailAddresses }},
\t"ipAddresses": {{ toJson .Insecure.CR.IPAddresses }},
\t"uris": {{ toJson .Insecure.CR.URIs }},
"""
# A CA template: the re-encoded subject, certSign and crlSign, isCA and a maxPathLen
# (%s: extra lines after the subject, then the maxPathLen)
CA_TEMPLATE = """{
\t"subject": {{ toJson .Subject }},%s
\t"keyUsage": ["certSign", "crlSign"],
\t"basicConstraints": {
\t\t"isCA": true,
\t\t"maxPathLen": %s
\t}
}"""

# step CLI command/certificate/sign.go (v0.27+): the templates behind --profile
STEP_LEAF = """{
\t"rawSubject": {{ toJson .Insecure.CR.RawSubject }},
\t"sans": {{ toJson .SANs }},
""" + LEAF_USAGES % SERVER_CLIENT
STEP_INTERMEDIATE = CA_TEMPLATE % ("", "{{ .MaxPathLen }}")

# go.step.sm/crypto x509util/templates.go (v0.57)
X509_DEFAULT_LEAF = SUBJECT_SANS + LEAF_USAGES % SERVER_CLIENT
X509_IID_LEAF = """{
\t"subject": {"commonName": {{ toJson .Insecure.CR.Subject.CommonName }}},
{{- if .SANs }}
\t"sans": {{ toJson .SANs }},
{{- else }}
""" + CR_SAN_LISTS + "{{- end }}\n" + LEAF_USAGES % SERVER_CLIENT
X509_ADMIN_LEAF = """{
\t"subject": {{ toJson .Insecure.CR.Subject }},
""" + CR_SAN_LISTS + LEAF_USAGES % SERVER_CLIENT
X509_INTERMEDIATE = CA_TEMPLATE % ("", "0")
X509_ROOT = CA_TEMPLATE % ('\n\t"issuer": {{ toJson .Subject }},', "1")
X509_CR = "{{ toJson .Insecure.CR }}"
X509_DEFAULT_CR = """{
\t"subject": {{ toJson .Subject }},
\t"sans": {{ toJson .SANs }}
}"""
X509_ATTESTED_LEAF = SUBJECT_SANS + LEAF_USAGES % '"clientAuth"'


def plan_docs():
    coyote = tfile("docs/coyote", COYOTE)
    INPUTS[coyote] = ("the coyote example of the step documentation, verbatim (odd indentation "
                      "kept): fixed C/O, the CSR's CN, the CSR's email SANs, clientAuth")
    for csr, iss in [("web-rsa2048", "root-rsa2048"), ("web-ed25519", "root-ed25519"),
                     ("web-p256", "root-p256"), ("cn-email-ed25519", "root-rsa2048"),
                     ("utf8-ed25519", "root-ed25519"), ("multi-p384", "root-p384")]:
        ok(f"docs/coyote/{csr}", coyote, csr, iss, tags=["doc:coyote", "data:Subject",
                                                        "data:Insecure.CR.EmailAddresses", "func:toJson"],
           want={"has": [KU, EKU, SKI, AKI], "ext": {KU: ku_der("digitalSignature"),
                                                   EKU: eku_der("clientAuth")}})

    leaf = tfile("docs/step-leaf", STEP_LEAF)
    INPUTS[leaf] = "step CLI's built-in leaf template (customLeafTemplate, sign.go v0.27+), verbatim"
    inter = tfile("docs/step-intermediate-ca", STEP_INTERMEDIATE)
    INPUTS[inter] = ("step CLI's built-in intermediate-ca template (customIntermediateTemplate), "
                     "verbatim")
    cr = tfile("docs/x509util-certificate-request", X509_CR)
    INPUTS[cr] = ("x509util.CertificateRequestTemplate, verbatim: the csr profile "
                  "(the CSR as it is)")
    for csr, iss, extra in [("web-rsa2048", "root-rsa2048", []), ("web-ed25519", "root-ed25519", []),
                            ("web-p256", "root-p256", []), ("multi-p384", "root-ed25519", []),
                            ("empty-p256", "root-rsa2048", []), ("cn-ipv6-p384", "root-ed25519", []),
                            ("cn-space-rsa3072", "root-ed25519", []),
                            ("utf8-cn-p256", "root-rsa2048", ["--omit-cn-san"]),
                            ("cn-dns-rsa2048", "root-ed25519", ["--omit-cn-san"])]:
        ok(f"docs/step-leaf/{csr}{'+omit-cn-san' if extra else ''}", leaf, csr, iss, extra=extra,
           twin_profile="leaf", tags=["doc:step-profile", "field:rawSubject", "field:sans",
                                      "func:typeIs"] + (["flag:omit-cn-san"] if extra else []))
    for csr, iss, extra in [("canon-rsa2048", "root-ed25519", ["--path-len=1"]),
                            ("web-p256", "root-rsa2048", []),
                            ("multi-p384", "root-ed25519", ["--path-len=-1"]),
                            ("canon-p256", "root-p256", ["--path-len=3"])]:
        pl = extra[0].split("=")[1] if extra else None
        ok(f"docs/step-intermediate-ca/{csr}{'+path-len=' + pl if pl else ''}", inter, csr, iss,
           extra=extra, twin_profile="intermediate-ca",
           tags=["doc:step-profile", "field:basicConstraints", "data:MaxPathLen"]
           + (["flag:path-len"] if extra else []),
           want={"ext": {BC: bc_der(True, None if pl == "-1" else int(pl or 0))}})
    for csr, iss in [("ext-rsa2048", "root-rsa2048"), ("csr-tls-ed25519", "root-ed25519"),
                     ("empty-p256", "root-ed25519"), ("san-other-ed25519", "root-rsa2048"),
                     ("ext-p256", "root-p256"), ("attrs-rsa2048", "root-ed25519")]:
        ok(f"docs/x509util-certificate-request/{csr}", cr, csr, iss, twin_profile="csr",
           tags=["doc:x509util", "data:Insecure.CR", "field:extensions", "field:rawSubject"])

    t = {n: tfile(f"docs/x509util-{n}", text) for n, text in [
        ("default-leaf", X509_DEFAULT_LEAF), ("iid-leaf", X509_IID_LEAF),
        ("admin-leaf", X509_ADMIN_LEAF), ("default-intermediate", X509_INTERMEDIATE),
        ("default-root", X509_ROOT), ("default-certificate-request", X509_DEFAULT_CR),
        ("attested-leaf", X509_ATTESTED_LEAF)]}
    INPUTS[t["default-leaf"]] = ("x509util.DefaultLeafTemplate, verbatim (step v0.24-0.26 leaf "
                                 "profile): re-encoded .Subject, .SANs")
    INPUTS[t["iid-leaf"]] = ("x509util.DefaultIIDLeafTemplate, verbatim: CN only; .SANs, or the "
                             "CSR's SAN lists when .SANs is empty")
    INPUTS[t["admin-leaf"]] = ("x509util.DefaultAdminLeafTemplate, verbatim: the CSR subject "
                               "(with its extra names) and SAN lists")
    INPUTS[t["default-intermediate"]] = "x509util.DefaultIntermediateTemplate, verbatim (pathLen 0)"
    INPUTS[t["default-root"]] = ("x509util.DefaultRootTemplate, verbatim: its \"issuer\" is "
                                 "ignored (the issuer is the signing certificate)")
    INPUTS[t["default-certificate-request"]] = ("x509util.DefaultCertificateRequestTemplate, "
                                                "verbatim (meant for CSRs; subject and SANs)")
    INPUTS[t["attested-leaf"]] = "x509util.DefaultAttestedLeafTemplate, verbatim (clientAuth only)"
    dtags = ["doc:x509util"]
    for csr, iss, extra in [("web-rsa2048", "root-rsa2048", []), ("web-ed25519", "root-ed25519", []),
                            ("multi-p384", "root-ed25519", []), ("cn-dns-rsa2048", "root-rsa2048", []),
                            ("utf8-ed25519", "root-ed25519", []), ("web-p384", "root-p384", [])]:
        ok(f"docs/x509util-default-leaf/{csr}", t["default-leaf"], csr, iss, extra=extra,
           tags=dtags + ["data:Subject", "data:SANs", "func:typeIs"])
    for csr, iss, extra in [("web-ed25519", "root-ed25519", []),
                            ("web-rsa2048", "root-rsa2048", ["--omit-cn-san"]),
                            ("cn-dns-rsa2048", "root-ed25519", ["--omit-cn-san"]),
                            ("ipv6-rsa2048", "root-rsa2048", [])]:
        ok(f"docs/x509util-iid-leaf/{csr}{'+omit-cn-san' if extra else ''}", t["iid-leaf"], csr,
           iss, extra=extra, tags=dtags + ["lang:if-else", "data:Insecure.CR.DNSNames"]
           + (["flag:omit-cn-san"] if extra else []))
    for csr, iss in [("web-p256", "root-p256"), ("multi-p384", "root-rsa2048"),
                     ("utf8-ed25519", "root-ed25519"), ("ipv6-rsa2048", "root-rsa2048"),
                     ("uri-norm-p384", "root-ed25519")]:
        ok(f"docs/x509util-admin-leaf/{csr}", t["admin-leaf"], csr, iss,
           tags=dtags + ["data:Insecure.CR.Subject", "data:Insecure.CR.IPAddresses",
                         "data:Insecure.CR.URIs", "field:subject:extraNames"])
    for csr, iss in [("canon-p256", "root-ed25519"), ("web-rsa2048", "root-rsa2048")]:
        ok(f"docs/x509util-default-intermediate/{csr}", t["default-intermediate"], csr, iss,
           tags=dtags + ["field:basicConstraints"], want={"ext": {BC: bc_der(True, 0)}})
    for csr, iss in [("canon-ed25519", "root-rsa2048"), ("web-ed25519", "root-ed25519")]:
        ok(f"docs/x509util-default-root/{csr}", t["default-root"], csr, iss,
           tags=dtags + ["field:issuer", "field:basicConstraints"],
           want={"ext": {BC: bc_der(True, 1)}})
    ok("docs/x509util-default-certificate-request/web-ed25519", t["default-certificate-request"],
       "web-ed25519", "root-ed25519", tags=dtags, want={"lacks": [KU, EKU]})
    ok("docs/x509util-attested-leaf/web-rsa2048", t["attested-leaf"], "web-rsa2048",
       "root-rsa2048", tags=dtags, want={"ext": {EKU: eku_der("clientAuth")}})


# ----------------------------------------------------------------------------
# 2. The JSON fields of an x509util Certificate, with Go's decoding rules
# ----------------------------------------------------------------------------

# A subject as raw DER (rawSubject): kept verbatim, so string types and the
# unsorted multi-valued RDN survive. C=DE (Printable), O (T61String),
# OU=b+OU=a (UTF8 + IA5, not DER-sorted), CN (UTF8String).
RAW_SUBJECT = seq(set_of(atv("2.5.4.6", 0x13, b"DE")),
                  set_of(atv("2.5.4.10", 0x14, b"Raw T61 Org")),
                  set_of(atv("2.5.4.11", 0x0C, b"b"), atv("2.5.4.11", 0x16, b"a")),
                  set_of(atv("2.5.4.3", 0x0C, b"raw-subject.acme.example")))


def plan_subject():
    g = "field/subject"
    p = tfile(f"{g}/object", """{
  "subject": {
    "country": ["US", "CA"],
    "province": "California",
    "locality": ["San Francisco"],
    "streetAddress": ["1 Main St", "Suite 100"],
    "postalCode": "94105",
    "organization": "Acme Corp",
    "organizationalUnit": ["Web", "Platform", "Ops"],
    "commonName": "subject-object.acme.example",
    "serialNumber": "SN-0001"
  },
  "dnsNames": "subject-object.acme.example"
}
""", "subject as an object with every field; list fields also as plain strings; "
        "multi-valued fields become one multi-valued RDN (DER-sorted)")
    ok(f"{g}/object", p, tags=["field:subject", "field:subject:object"])
    ok(f"{g}/object/ed25519", p, "web-ed25519", "root-ed25519", tags=["field:subject"])
    p = tfile(f"{g}/string", """{
  "subject": "Plain String Subject",
  "dnsNames": ["plain.acme.example"]
}
""", "subject as a plain JSON string: it is the common name")
    ok(f"{g}/string", p, "web-ed25519", "root-ed25519", tags=["field:subject", "field:subject:string"],
       want={"subject": seq(set_of(atv("2.5.4.3", 0x13, b"Plain String Subject"))).hex()})
    p = tfile(f"{g}/string-types", """{
  "subject": {
    "organization": ["Printable 'quote' (paren) +,-./:=?", "Star*Name", "Amp & Co", "At@Example", "Under_Score", "Bang!", "Caf\\u00e9", "\\u6771\\u4eac"],
    "commonName": "Printable or UTF8"
  }
}
""", "PrintableString when every character allows it, else UTF8String (Go rejects * & @ _ ! "
        "in PrintableString); JSON \\u escapes")
    ok(f"{g}/string-types", p, "web-ed25519", "root-ed25519", tags=["field:subject", "quirk:printable"])
    p = tfile(f"{g}/empty", """{
  "subject": {},
  "dnsNames": ["empty-subject.acme.example"],
  "keyUsage": ["digitalSignature"]
}
""", "an empty subject: Go marks the SAN extension critical")
    ok(f"{g}/empty", p, "web-p256", "root-ed25519", tags=["field:subject", "san:critical"],
       want={"subject": "3000", "crit": {SAN: True}})
    p = tfile(f"{g}/extra-names", """{
  "subject": {
    "country": "US",
    "commonName": "extra-names.acme.example",
    "extraNames": [
      {"type": "1.2.840.113549.1.9.1", "value": "jdoe@acme.example"},
      {"type": "0.9.2342.19200300.100.1.25", "value": "acme"},
      {"type": "0.9.2342.19200300.100.1.1", "value": "jdoe"},
      {"type": "2.5.4.12", "value": "Chief Tester"},
      {"type": "2.5.4.42", "value": "Zo\\u00eb"}
    ]
  }
}
""", "subject extraNames: each one its own RDN after the standard attributes; emailAddress "
        "(1.2.840.113549.1.9.1) is an IA5String, other strings Printable or UTF8")
    ok(f"{g}/extra-names", p, tags=["field:subject:extraNames"])
    p = tfile(f"{g}/extra-name-overrides-cn", """{
  "subject": {
    "organization": "Acme Corp",
    "commonName": "this CN is dropped",
    "extraNames": [
      {"type": "2.5.4.3", "value": "CN from extraNames"},
      {"type": "2.5.4.10", "value": "O from extraNames"}
    ]
  }
}
""", "an extraName with the OID of a standard attribute replaces that attribute")
    ok(f"{g}/extra-name-overrides-cn", p, "web-ed25519", "root-ed25519",
       tags=["field:subject:extraNames"])
    p = tfile(f"{g}/raw-subject", """{
  "rawSubject": "%s",
  "subject": {"commonName": "ignored: rawSubject wins"},
  "dnsNames": "raw-subject.acme.example"
}
""" % b64(RAW_SUBJECT), "rawSubject (base64 DER) is used verbatim and the subject is ignored: "
        "T61String, IA5String and an unsorted multi-valued RDN survive")
    ok(f"{g}/raw-subject", p, tags=["field:rawSubject"], want={"subject": RAW_SUBJECT.hex()})
    p = tfile(f"{g}/raw-subject-empty-string", """{
  "rawSubject": "",
  "subject": {"organization": "Acme Corp", "commonName": "used: rawSubject is empty"}
}
""", "an empty rawSubject string means no rawSubject: the subject is used")
    ok(f"{g}/raw-subject-empty-string", p, "web-ed25519", "root-ed25519", tags=["field:rawSubject"])
    p = tfile(f"{g}/cr-subject", """{
  "subject": {{ toJson .Insecure.CR.Subject }}
}
""", ".Insecure.CR.Subject re-encoded: its extraNames hold every non-standard attribute "
        "(DC, UID, title, emailAddress as IA5String), unlike .Subject")
    ok(f"{g}/cr-subject/multi-p384", p, "multi-p384", "root-ed25519",
       tags=["field:subject:extraNames", "data:Insecure.CR.Subject"])


SERIALS = [
    # label, JSON literal, expected serial (None: refused), note
    ("int", "1234567890", 1234567890, "a JSON integer (int64)"),
    ("int-max", "9223372036854775807", 2 ** 63 - 1, "the largest int64"),
    ("zero", "0", 0, "0 is accepted"),
    ("null", "null", 0, "null gives serial 0 (not a random serial)"),
    ("string-decimal", '"123456789012345678901234567890"', 123456789012345678901234567890,
     "a decimal string is not limited to int64"),
    ("string-hex", '"0x1f2e3d4c5b6a7988"', 0x1F2E3D4C5B6A7988, "0x prefix"),
    ("string-hex-upper", '"0XABCDEF"', 0xABCDEF, "0X prefix"),
    ("string-hex-top-bit", '"0x80"', 0x80, "a leading 00 byte is added"),
    ("string-octal-0o", '"0o755"', 0o755, "0o prefix"),
    ("string-octal-0O", '"0O17"', 0o17, "0O prefix"),
    ("string-octal-leading-zero", '"0755"', 0o755, "a leading 0 means octal"),
    ("string-binary", '"0b101010"', 42, "0b prefix"),
    ("string-binary-upper", '"0B11"', 3, "0B prefix"),
    ("string-underscores", '"1_000_000"', 1000000, "underscores between digits"),
    ("string-hex-underscores", '"0x_dead_beef"', 0xDEADBEEF, "an underscore after the prefix"),
    ("string-zero", '"0"', 0, "the string 0"),
    ("string-plus", '"+42"', 42, "a + sign"),
    ("string-huge", '"0x7f' + "ff" * 29 + '"', int("7f" + "ff" * 29, 16),
     "30 bytes: Go accepts serials longer than 20 octets"),
]
SERIAL_ERRORS = [
    ("negative-int", "-1", "serial number must be positive"),
    ("negative-string", '"-0x10"', "serial number must be positive"),
    ("fraction", "1.5", "cannot unmarshal number 1.5 into Go value of type int64"),
    ("exponent", "1e3", "cannot unmarshal number 1e3"),
    ("int64-overflow", "18446744073709551616", "cannot unmarshal number 18446744073709551616"),
    ("not-a-number", '"abc"', "serialNumber abc is not valid"),
    ("empty-string", '""', "serialNumber  is not valid"),
    ("hex-no-digits", '"0x"', "serialNumber 0x is not valid"),
    ("double-underscore", '"1__0"', "serialNumber 1__0 is not valid"),
    ("bool", "true", "cannot unmarshal bool"),
]


def plan_serial():
    for i, (label, lit, want, note) in enumerate(SERIALS):
        p = tfile(f"field/serial/{label}", '{\n  "subject": "serial %s",\n  "serialNumber": %s\n}\n'
                  % (label, lit), f"serialNumber {lit}: {note}")
        csr, iss = ("web-ed25519", "root-ed25519") if i % 2 else ("web-rsa2048", "root-rsa2048")
        ok(f"field/serial/{label}", p, csr, iss, serial=None,
           tags=["field:serialNumber"], want={"serial": want})
    p = f"{TPL_DIR}/field/serial/int.tpl"
    ok("field/serial/flag-overrides-template", p, serial="0x5e71a1", tags=["field:serialNumber",
       "flag:serial"], note="step-sign-ref's --serial (not in the real step) wins over the "
       "template's serialNumber")
    for label, lit, msg in SERIAL_ERRORS:
        p = tfile(f"field/serial/bad-{label}", '{\n  "subject": "serial %s",\n  "serialNumber": %s\n}\n'
                  % (label, lit), f"serialNumber {lit}: refused")
        err("serial", label, p, msg, serial=None, tags=["field:serialNumber"])


def plan_extensions():
    g = "field/extensions"
    hello = tlv(0x0C, b"hello")
    p = tfile(f"{g}/custom", """{
  "subject": "custom extensions",
  "extensions": [
    {"id": "%s.10.1", "value": "%s"},
    {"id": "%s.10.2", "critical": false, "value": "%s"},
    {"id": "%s.10.3", "value": ""}
  ]
}
""" % (PEN, b64(hello), PEN, b64(tlv(0x02, b"\x2a")), PEN),
        "raw extensions (id, critical, base64 value) are appended after Go's own, in order; "
        "an empty value is an empty OCTET STRING")
    ok(f"{g}/custom", p, tags=["field:extensions"],
       want={"ext": {f"{PEN}.10.1": hello.hex(), f"{PEN}.10.3": ""},
             "order": [SKI, AKI, f"{PEN}.10.1", f"{PEN}.10.2", f"{PEN}.10.3"]})
    p = tfile(f"{g}/critical", """{
  "subject": "critical custom extension",
  "keyUsage": "digitalSignature",
  "extensions": [
    {"id": "%s.10.4", "critical": true, "value": "%s"}
  ]
}
""" % (PEN, b64(hello)), "a critical custom extension")
    ok(f"{g}/critical", p, "web-ed25519", "root-ed25519", tags=["field:extensions", "ext:critical"],
       verify=False, note="openssl verify refuses the unknown critical extension; the signature "
       "is checked directly", want={"crit": {f"{PEN}.10.4": True}})
    custom_ku = tlv(0x03, b"\x06\xc0")   # digitalSignature + contentCommitment
    p = tfile(f"{g}/override-key-usage", """{
  "subject": "keyUsage from extensions",
  "keyUsage": ["digitalSignature", "keyEncipherment", "certSign"],
  "extensions": [
    {"id": "2.5.29.15", "critical": true, "value": "%s"}
  ]
}
""" % b64(custom_ku), "an extension with the OID of a built-in one (keyUsage) replaces it: "
        "the keyUsage field is ignored and the raw one comes last")
    ok(f"{g}/override-key-usage", p, tags=["field:extensions", "field:keyUsage", "ext:override"],
       want={"ext": {KU: custom_ku.hex()}, "order": [SKI, AKI, KU]})
    raw_san = seq(tlv(0x82, b"raw-san.acme.example"), tlv(0x87, bytes([192, 0, 2, 200])))
    p = tfile(f"{g}/override-builtins", """{
  "subject": "built-ins from extensions",
  "dnsNames": ["ignored.acme.example"],
  "sans": [{"type": "permanentIdentifier", "value": "ignored"}],
  "extKeyUsage": ["serverAuth"],
  "basicConstraints": {"isCA": true, "maxPathLen": 2},
  "extensions": [
    {"id": "2.5.29.37", "value": "%s"},
    {"id": "2.5.29.19", "critical": true, "value": "%s"},
    {"id": "2.5.29.14", "value": "%s"},
    {"id": "2.5.29.35", "value": "%s"},
    {"id": "2.5.29.17", "value": "%s"}
  ]
}
""" % (b64(bytes.fromhex(eku_der("timeStamping"))), b64(bytes.fromhex(bc_der(False))),
       b64(tlv(0x04, b"\xde\xad\xbe\xef")), b64(seq(tlv(0x80, b"\x01\x02\x03\x04"))), b64(raw_san)),
        "raw extKeyUsage, basicConstraints, subjectKeyIdentifier, authorityKeyIdentifier and "
        "subjectAltName extensions replace the built-in ones; with a raw SAN, dnsNames and "
        "sans are ignored (even an extended SAN type)")
    ok(f"{g}/override-builtins", p, "web-ed25519", "root-ed25519",
       tags=["field:extensions", "ext:override", "san:raw-extension"], verify=False,
       note="the raw authorityKeyIdentifier does not match the issuer's SKI: openssl verify "
            "cannot build the chain; the signature is checked directly",
       want={"order": [EKU, BC, SKI, AKI, SAN], "ext": {SAN: raw_san.hex(), BC: bc_der(False)}})


def plan_key_usage():
    g = "field/keyUsage"
    for n in KU_BITS:
        p = tfile(f"{g}/{n}", '{\n  "subject": "keyUsage %s",\n  "keyUsage": ["%s"]\n}\n' % (n, n),
                  f"keyUsage {n} alone")
        ok(f"{g}/{n}", p, "web-ed25519", "root-ed25519", tags=["field:keyUsage", f"ku:{n}"],
           want={"ext": {KU: ku_der(n)}, "crit": {KU: True}})
    p = tfile(f"{g}/all", """{
  "subject": "keyUsage all",
  "keyUsage": ["decipherOnly", "encipherOnly", "crlSign", "certSign", "keyAgreement",
               "dataEncipherment", "keyEncipherment", "contentCommitment", "digitalSignature"]
}
""", "every keyUsage name (decipherOnly needs a second byte)")
    ok(f"{g}/all", p, tags=["field:keyUsage"], want={"ext": {KU: ku_der(*KU_BITS)}})
    p = tfile(f"{g}/string", '{\n  "subject": "keyUsage string",\n  "keyUsage": "keyAgreement"\n}\n',
              "keyUsage as a single string")
    ok(f"{g}/string", p, tags=["field:keyUsage", "json:string-or-list"],
       want={"ext": {KU: ku_der("keyAgreement")}})
    p = tfile(f"{g}/spelling", """{
  "subject": "keyUsage spelling",
  "keyUsage": ["DIGITALSIGNATURE", "digital_signature", "Content_Commitment", "key_encipherment",
               "DataEncipherment", "KEY_AGREEMENT", "cert_sign", "CRLSIGN", "encipher_only",
               "Decipher_Only", "_d_i_g_i_t_a_l_s_i_g_n_a_t_u_r_e_"]
}
""", "keyUsage names are case-insensitive and underscores are ignored; duplicates are harmless")
    ok(f"{g}/spelling", p, "web-ed25519", "root-ed25519", tags=["field:keyUsage", "ku:spelling"],
       want={"ext": {KU: ku_der(*KU_BITS)}})
    p = tfile(f"{g}/empty-list", '{\n  "subject": "keyUsage []",\n  "keyUsage": []\n}\n',
              "an empty keyUsage list: no keyUsage extension")
    ok(f"{g}/empty-list", p, tags=["field:keyUsage"], want={"lacks": [KU]})
    for label, lit, msg, note in [
            ("nonRepudiation", '"nonRepudiation"', "unsupported keyUsage nonRepudiation",
             "the nonRepudiation alias only exists from go.step.sm/crypto v0.69 (step v0.29+); "
             "the reference (v0.57) refuses it"),
            ("unknown", '["digitalSignature", "foo"]', "unsupported keyUsage foo", None),
            ("space", '"digital signature"', "unsupported keyUsage digital signature", None),
            ("number", "5", "cannot unmarshal number into Go value of type []string", None),
            ("object", '{"digitalSignature": true}', "cannot unmarshal object", None)]:
        p = tfile(f"{g}/bad-{label}", '{\n  "subject": "keyUsage %s",\n  "keyUsage": %s\n}\n'
                  % (label, lit), f"keyUsage {lit}: refused")
        err("key-usage", label, p, msg, tags=["field:keyUsage"], note=note)


def plan_ext_key_usage():
    g = "field/extKeyUsage"
    names = list(EKU_OIDS)
    order = names[5:] + names[:5]
    p = tfile(f"{g}/all", """{
  "subject": "extKeyUsage all",
  "extKeyUsage": [%s]
}
""" % ", ".join(f'"{n}"' for n in order), "every extKeyUsage name, in template order")
    ok(f"{g}/all", p, tags=["field:extKeyUsage"], want={"ext": {EKU: eku_der(*order)}})
    p = tfile(f"{g}/string-and-spelling", """{
  "subject": "extKeyUsage spelling",
  "extKeyUsage": ["SERVERAUTH", "client_auth", "Code_Signing", "ocspsigning", "serverAuth"]
}
""", "extKeyUsage names are case-insensitive, underscores ignored; duplicates are kept")
    ok(f"{g}/string-and-spelling", p, "web-ed25519", "root-ed25519", tags=["field:extKeyUsage"],
       want={"ext": {EKU: eku_der("serverAuth", "clientAuth", "codeSigning", "ocspSigning",
                                  "serverAuth")}})
    p = tfile(f"{g}/string", '{\n  "subject": "extKeyUsage string",\n  "extKeyUsage": "emailProtection"\n}\n',
              "extKeyUsage as a single string")
    ok(f"{g}/string", p, tags=["field:extKeyUsage", "json:string-or-list"],
       want={"ext": {EKU: eku_der("emailProtection")}})
    p = tfile(f"{g}/unknown", """{
  "subject": "unknownExtKeyUsage",
  "unknownExtKeyUsage": ["%s.20.1", "1.3.6.1.5.5.7.3.21"],
  "extKeyUsage": ["clientAuth"]
}
""" % PEN, "unknownExtKeyUsage OIDs come after the named ones")
    ok(f"{g}/unknown", p, "web-ed25519", "root-ed25519", tags=["field:unknownExtKeyUsage"],
       want={"ext": {EKU: eku_der("clientAuth", f"{PEN}.20.1", "1.3.6.1.5.5.7.3.21")}})
    p = tfile(f"{g}/unknown-only-string", '{\n  "subject": "unknownExtKeyUsage string",\n'
              '  "unknownExtKeyUsage": "%s.20.2"\n}\n' % PEN,
              "unknownExtKeyUsage as a single string, without extKeyUsage")
    ok(f"{g}/unknown-only-string", p, tags=["field:unknownExtKeyUsage", "json:string-or-list"],
       want={"ext": {EKU: eku_der(f"{PEN}.20.2")}})
    for label, field_, lit, msg in [
            ("unknown-name", "extKeyUsage", '["serverAuth", "foo"]', "unsupported extKeyUsage foo"),
            ("space", "extKeyUsage", '"server auth"', "unsupported extKeyUsage server auth"),
            ("bad-oid", "unknownExtKeyUsage", '["1.2.x"]', "1.2.x is not an ASN1 object identifier")]:
        p = tfile(f"{g}/bad-{label}", '{\n  "subject": "%s %s",\n  "%s": %s\n}\n'
                  % (field_, label, field_, lit), f"{field_} {lit}: refused")
        err("ext-key-usage", label, p, msg, tags=[f"field:{field_}"])


def plan_key_ids():
    g = "field/keyIds"
    ski = b"golden-subject-key-id"
    p = tfile(f"{g}/ski-given", '{\n  "subject": "subjectKeyId given",\n  "subjectKeyId": "%s"\n}\n'
              % b64(ski), "subjectKeyId (base64) replaces the SHA-1 key identifier")
    ok(f"{g}/ski-given", p, tags=["field:subjectKeyId"], want={"ext": {SKI: tlv(0x04, ski).hex()}})
    p = tfile(f"{g}/ski-empty", '{\n  "subject": "subjectKeyId empty",\n  "subjectKeyId": ""\n}\n',
              "an empty subjectKeyId: no SKI extension at all (x509util computes none, Go only "
              "computes one for CAs)")
    ok(f"{g}/ski-empty", p, "web-ed25519", "root-ed25519", tags=["field:subjectKeyId"],
       want={"lacks": [SKI]})
    p = tfile(f"{g}/ski-empty-ca", """{
  "subject": "subjectKeyId empty, CA",
  "subjectKeyId": "",
  "keyUsage": ["certSign"],
  "basicConstraints": {"isCA": true}
}
""", "an empty subjectKeyId on a CA: Go computes the SHA-1 key identifier itself")
    ok(f"{g}/ski-empty-ca", p, tags=["field:subjectKeyId", "field:basicConstraints"],
       want={"has": [SKI]})
    aki = b"\x01\x02\x03\x04\x05\x06\x07\x08"
    p = tfile(f"{g}/aki-given", '{\n  "subject": "authorityKeyId given",\n  "authorityKeyId": "%s"\n}\n'
              % b64(aki), "authorityKeyId: ignored when the issuer has a SKI and the subject differs "
              "from the issuer's")
    ok(f"{g}/aki-given/issuer-with-ski", p, tags=["field:authorityKeyId"])
    ok(f"{g}/aki-given/issuer-without-ski", p, "web-ed25519", "root-noski-ed25519",
       tags=["field:authorityKeyId"], want={"ext": {AKI: seq(tlv(0x80, aki)).hex()}})
    p = tfile(f"{g}/no-aki", '{\n  "subject": "no authorityKeyId"\n}\n',
              "no authorityKeyId and an issuer without SKI: no AKI extension")
    ok(f"{g}/no-aki/issuer-without-ski", p, "web-rsa2048", "root-noski-ed25519",
       tags=["field:authorityKeyId", "aki:absent"], want={"lacks": [AKI]})
    self_subj = '{"country": "US", "organization": "Golden Vectors", "commonName": "Golden Root Ed25519"}'
    p = tfile(f"{g}/aki-self-issued", """{
  "subject": %s,
  "authorityKeyId": "%s"
}
""" % (self_subj, b64(aki)), "a subject byte-equal to the issuer's (self-issued): the template's "
        "authorityKeyId is used instead of the issuer's SKI")
    ok(f"{g}/aki-self-issued", p, "web-p256", "root-ed25519", tags=["field:authorityKeyId",
       "quirk:self-issued"], verify=False, note="self-issued and its AKI does not match the "
       "issuer's SKI: openssl verify cannot use it; the signature is checked directly",
       want={"ext": {AKI: seq(tlv(0x80, aki)).hex()}})
    p = tfile(f"{g}/self-issued-no-aki", '{\n  "subject": %s\n}\n' % self_subj,
              "a subject byte-equal to the issuer's and no authorityKeyId: no AKI extension")
    ok(f"{g}/self-issued-no-aki", p, "web-rsa2048", "root-ed25519",
       tags=["field:authorityKeyId", "quirk:self-issued", "aki:absent"], want={"lacks": [AKI]},
       verify=False, note="self-issued certificate: openssl takes it for a self-signed one; the "
       "signature is checked directly")


def plan_aia_crl_policies():
    g = "field/aia"
    p = tfile(f"{g}/ocsp-string", '{\n  "subject": "ocspServer",\n  "ocspServer": "http://ocsp.acme.example"\n}\n',
              "ocspServer as a string: authorityInfoAccess with one OCSP entry")
    ok(f"{g}/ocsp-string", p, tags=["field:ocspServer", "json:string-or-list"], want={"has": [AIA]})
    p = tfile(f"{g}/both-lists", """{
  "subject": "authorityInfoAccess",
  "issuingCertificateURL": ["http://ca.acme.example/root.crt", "ldap://ldap.acme.example/cn=root"],
  "ocspServer": ["http://ocsp1.acme.example", "http://ocsp2.acme.example/path?x=1"]
}
""", "ocspServer and issuingCertificateURL lists: OCSP entries come first")
    ok(f"{g}/both-lists", p, "web-ed25519", "root-ed25519",
       tags=["field:ocspServer", "field:issuingCertificateURL"], want={"has": [AIA]})
    p = tfile(f"{g}/issuing-only-string", '{\n  "subject": "issuingCertificateURL",\n'
              '  "issuingCertificateURL": "http://ca.acme.example/int.crt"\n}\n',
              "issuingCertificateURL alone, as a string")
    ok(f"{g}/issuing-only-string", p, tags=["field:issuingCertificateURL"], want={"has": [AIA]})
    g = "field/crl"
    p = tfile(f"{g}/string", '{\n  "subject": "crlDistributionPoints",\n'
              '  "crlDistributionPoints": "http://crl.acme.example/root.crl"\n}\n',
              "crlDistributionPoints as a string")
    ok(f"{g}/string", p, "web-ed25519", "root-ed25519", tags=["field:crlDistributionPoints"],
       want={"has": [CRL]})
    p = tfile(f"{g}/list", '{\n  "subject": "crlDistributionPoints",\n'
              '  "crlDistributionPoints": ["http://crl1.acme.example/a.crl", "http://crl2.acme.example/b.crl"]\n}\n',
              "crlDistributionPoints list: one DistributionPoint per URL")
    ok(f"{g}/list", p, tags=["field:crlDistributionPoints"], want={"has": [CRL]})
    g = "field/policyIdentifiers"
    p = tfile(f"{g}/list", '{\n  "subject": "policyIdentifiers",\n'
              '  "policyIdentifiers": ["2.23.140.1.2.1", "%s.1.2.3", "2.5.29.32.0"]\n}\n' % PEN,
              "policyIdentifiers: certificatePolicies with the OIDs only")
    ok(f"{g}/list", p, tags=["field:policyIdentifiers"],
       want={"ext": {CP: seq(*(seq(oid(o)) for o in ["2.23.140.1.2.1", f"{PEN}.1.2.3",
                                                     "2.5.29.32.0"])).hex()}})
    p = tfile(f"{g}/string", '{\n  "subject": "policyIdentifiers",\n'
              '  "policyIdentifiers": "2.23.140.1.2.2"\n}\n', "policyIdentifiers as a string")
    ok(f"{g}/string", p, "web-ed25519", "root-ed25519", tags=["field:policyIdentifiers"],
       want={"has": [CP]})
    p = tfile(f"{g}/bad-oid", '{\n  "subject": "policyIdentifiers",\n'
              '  "policyIdentifiers": ["2.23.140.1.2.1", "not.an.oid"]\n}\n', "a bad policy OID")
    err("oid", "policy-identifier", p, "not.an.oid is not an ASN1 object identifier",
        tags=["field:policyIdentifiers"])


def plan_basic_constraints():
    g = "field/basicConstraints"
    for label, body, want, note in [
            ("ca-no-max-path-len", '{"isCA": true}', bc_der(True, 0), "a missing maxPathLen is 0"),
            ("ca-max-path-len-0", '{"isCA": true, "maxPathLen": 0}', bc_der(True, 0), "pathLen 0"),
            ("ca-max-path-len-3", '{"isCA": true, "maxPathLen": 3}', bc_der(True, 3), "pathLen 3"),
            ("ca-max-path-len-minus-1", '{"isCA": true, "maxPathLen": -1}', bc_der(True),
             "-1: no pathLen"),
            ("ca-max-path-len-minus-5", '{"isCA": true, "maxPathLen": -5}', bc_der(True),
             "any negative value: no pathLen"),
            ("not-ca", '{"isCA": false}', bc_der(False), "not a CA: empty SEQUENCE, critical"),
            ("not-ca-max-path-len-3", '{"isCA": false, "maxPathLen": 3}', bc_der(False),
             "not a CA with maxPathLen 3: x509util drops the pathLen (Go's 'only CAs are "
             "allowed to specify MaxPathLen' check is never reached)"),
            ("empty-object", "{}", bc_der(False), "an empty object is isCA false"),
            ("null", "null", None, "null: no basicConstraints extension")]:
        ku = '["certSign", "crlSign"]' if "ca-" in label and "not-ca" not in label else '"digitalSignature"'
        p = tfile(f"{g}/{label}", '{\n  "subject": "basicConstraints %s",\n  "keyUsage": %s,\n'
                  '  "basicConstraints": %s\n}\n' % (label, ku, body), f"basicConstraints {body}: {note}")
        w = {"ext": {BC: want}, "crit": {BC: True}} if want else {"lacks": [BC]}
        ok(f"{g}/{label}", p, "web-ed25519" if "minus" in label else "web-rsa2048",
           "root-ed25519" if "minus" in label else "root-rsa2048",
           tags=["field:basicConstraints"] + (["quirk:non-ca-pathlen"] if label == "not-ca-max-path-len-3" else []),
           want=w)
    for label, body, msg in [("is-ca-string", '{"isCA": "yes"}', "cannot unmarshal string into Go struct field"),
                             ("max-path-len-fraction", '{"isCA": true, "maxPathLen": 1.5}',
                              "cannot unmarshal number 1.5"),
                             ("string", '"CA:TRUE"', "cannot unmarshal string into Go")]:
        p = tfile(f"{g}/bad-{label}", '{\n  "subject": "basicConstraints %s",\n  "basicConstraints": %s\n}\n'
                  % (label, body), f"basicConstraints {body}: refused")
        err("json-type", f"basic-constraints-{label}", p, msg, tags=["field:basicConstraints"])


def plan_name_constraints():
    g = "field/nameConstraints"
    head = ('  "subject": "%s",\n  "keyUsage": ["certSign", "crlSign"],\n'
            '  "basicConstraints": {"isCA": true, "maxPathLen": 0},\n')
    p = tfile(f"{g}/all-lists", "{\n" + head % "nameConstraints all" + """  "nameConstraints": {
    "critical": true,
    "permittedDNSDomains": ["acme.example", ".sub.acme.example"],
    "excludedDNSDomains": ["bad.acme.example"],
    "permittedIPRanges": ["10.0.0.0/8", "192.168.1.7/24", "2001:db8::/32"],
    "excludedIPRanges": ["10.1.0.0/16", "2001:db8:bad::/48"],
    "permittedEmailAddresses": ["acme.example", "admin@acme.example"],
    "excludedEmailAddresses": [".bad.example"],
    "permittedURIDomains": [".acme.example"],
    "excludedURIDomains": ["bad.acme.example"]
  }
}
""", "nameConstraints with every list; IP ranges v4/v6 (192.168.1.7/24 is stored as its "
        "network); critical")
    ok(f"{g}/all-lists", p, tags=["field:nameConstraints", "nc:critical"], want={"crit": {NC: True}})
    p = tfile(f"{g}/not-critical-strings", "{\n" + head % "nameConstraints strings" + """  "nameConstraints": {
    "permittedDNSDomains": "acme.example",
    "excludedIPRanges": "0.0.0.0/0",
    "permittedEmailAddresses": "acme.example",
    "excludedURIDomains": "bad.example"
  }
}
""", "nameConstraints lists given as single strings; not critical")
    ok(f"{g}/not-critical-strings", p, "web-ed25519", "root-ed25519",
       tags=["field:nameConstraints", "json:string-or-list"], want={"crit": {NC: False}})
    p = tfile(f"{g}/excluded-only", "{\n" + head % "nameConstraints excluded" + """  "nameConstraints": {
    "critical": true,
    "excludedDNSDomains": ["internal", ".corp"],
    "excludedIPRanges": ["::/0"]
  }
}
""", "only excluded subtrees")
    ok(f"{g}/excluded-only", p, "web-p256", "root-p256", tags=["field:nameConstraints"],
       want={"has": [NC]})
    for label, body, msg in [("bad-cidr-prefix", '{"permittedIPRanges": ["10.0.0.0/33"]}',
                              "invalid CIDR address: 10.0.0.0/33"),
                             ("bare-ip", '{"excludedIPRanges": "192.0.2.1"}',
                              "invalid CIDR address: 192.0.2.1"),
                             ("not-a-list", '{"permittedDNSDomains": 5}', "cannot unmarshal number")]:
        p = tfile(f"{g}/{label}", '{\n  "subject": "nameConstraints %s",\n  "nameConstraints": %s\n}\n'
                  % (label, body), f"nameConstraints {body}: refused")
        err("name-constraints", label, p, msg, tags=["field:nameConstraints"])


def plan_signature_algorithms():
    g = "field/signatureAlgorithm"
    for alg, iss, csr, want_alg, rnd in [
            ("SHA256-RSA", "root-rsa2048", "web-ed25519", "sha256-rsa", False),
            ("SHA384-RSA", "root-rsa2048", "web-p256", "sha384-rsa", False),
            ("SHA512-RSA", "root-rsa2048", "web-rsa2048", "sha512-rsa", False),
            ("sha384-rsa", "root-rsa2048", "web-ed25519", "sha384-rsa", False),
            ("SHA1-RSA", "root-rsa2048", "web-ed25519", "sha1-rsa", False),
            ("SHA256-RSAPSS", "root-rsa2048", "web-ed25519", "rsapss", True),
            ("SHA384-RSAPSS", "root-rsa2048", "web-p256", "rsapss", True),
            ("SHA512-RSAPSS", "int-pl1-rsa2048", "web-rsa2048", "rsapss", True),
            ("ECDSA-SHA256", "root-p256", "web-ed25519", "ecdsa-sha256", False),
            ("ECDSA-SHA384", "root-p256", "web-rsa2048", "ecdsa-sha384", False),
            ("ECDSA-SHA512", "root-p256", "web-p256", "ecdsa-sha512", False),
            ("ECDSA-SHA1", "root-p256", "web-ed25519", "ecdsa-sha1", False),
            ("ECDSA-SHA256", "root-p384", "web-ed25519", "ecdsa-sha256", False),
            ("ECDSA-SHA384", "root-p521", "web-p384", "ecdsa-sha384", False),
            ("Ed25519", "root-ed25519", "web-rsa2048", "ed25519", False),
            ("ED25519", "root-ed25519", "web-p256", "ed25519", False),
            ("", "root-rsa2048", "web-p384", "sha256-rsa", False),
            ("", "root-p384", "web-rsa2048", "ecdsa-sha384", False)]:
        label = alg or "empty"
        p = tfile(f"{g}/{label}", '{\n  "subject": "signatureAlgorithm %s",\n  "signatureAlgorithm": "%s"\n}\n'
                  % (label, alg), f'signatureAlgorithm "{alg}"'
                  + (": the default of the issuer key" if not alg else ""))
        note = None
        if alg.upper().startswith("SHA1") or alg.endswith("SHA1"):
            note = "SHA-1 signatures are still created by Go (checkSignature allows SHA-1 here)"
        if rnd:
            note = "RSA-PSS: the salt is random, so compare the TBSCertificate and verify the signature"
        ok(f"{g}/{label}/{iss}", p, csr, iss, random_sig=rnd, note=note,
           tags=["field:signatureAlgorithm", f"sigalg:{label}"] + (["quirk:sha1"] if note and "SHA-1" in note else []),
           want={"sigalg": SIGALG_OID[want_alg]})
    for alg, iss, msg in [("SHA256-RSA", "root-ed25519", "requested SignatureAlgorithm does not match private key type"),
                          ("ECDSA-SHA256", "root-rsa2048", "requested SignatureAlgorithm does not match private key type"),
                          ("Ed25519", "root-p256", "requested SignatureAlgorithm does not match private key type"),
                          ("SHA256-RSAPSS", "root-p384", "requested SignatureAlgorithm does not match private key type"),
                          ("DSA-SHA256", "root-rsa2048", "requested SignatureAlgorithm does not match private key type"),
                          ("MD5-RSA", "root-rsa2048", "signing with MD5 is not supported"),
                          ("MD2-RSA", "root-rsa2048", "unknown SignatureAlgorithm"),
                          ("foo", "root-rsa2048", "unsupported signatureAlgorithm foo"),
                          ("SHA256 RSA", "root-rsa2048", "unsupported signatureAlgorithm SHA256 RSA")]:
        label = alg.replace(" ", "_")
        p = tfile(f"{g}/{label}", '{\n  "subject": "signatureAlgorithm %s",\n  "signatureAlgorithm": "%s"\n}\n'
                  % (alg, alg), f'signatureAlgorithm "{alg}"')
        err("signature-algorithm", f"{label}-{iss}", p, msg, csr="web-p256", iss=iss,
            tags=["field:signatureAlgorithm", f"sigalg:{label}"])
    p = tfile(f"{g}/number", '{\n  "subject": "signatureAlgorithm 4",\n  "signatureAlgorithm": 4\n}\n',
              "signatureAlgorithm must be a string")
    err("signature-algorithm", "number", p, "cannot unmarshal number into Go value of type string",
        tags=["field:signatureAlgorithm"])


def plan_json_rules():
    g = "field/json"
    p = tfile(f"{g}/ignored-fields", """{
  "version": 1,
  "subject": {"commonName": "ignored fields"},
  "issuer": {"country": "XX", "commonName": "Not The Issuer"},
  "notBefore": "2030-01-01T00:00:00Z",
  "notAfter": "2031-01-01T00:00:00Z"
}
""", "version, issuer, notBefore and notAfter are decoded but ignored: always v3, the issuer "
        "is the signing certificate, the validity comes from the flags")
    ok(f"{g}/ignored-fields", p, tags=["field:version", "field:issuer", "field:notBefore",
                                       "field:notAfter"])
    p = tfile(f"{g}/case-insensitive-keys", """{
  "Subject": {"CommonName": "case-insensitive keys", "ORGANIZATION": "Acme Corp"},
  "DNSNAMES": ["keys.acme.example"],
  "KeyUsage": ["digitalSignature"],
  "extkeyusage": "serverAuth",
  "BasicConstraints": {"ISCA": false},
  "SERIALNUMBER": 77
}
""", "JSON keys match the field names case-insensitively (Go encoding/json)")
    ok(f"{g}/case-insensitive-keys", p, "web-ed25519", "root-ed25519", serial=None,
       tags=["json:case-insensitive-keys"], want={"serial": 77, "has": [KU, EKU, BC, SAN]})
    p = tfile(f"{g}/duplicate-keys", """{
  "subject": "first subject",
  "keyUsage": ["certSign"],
  "dnsNames": ["first.acme.example"],
  "subject": {"commonName": "last subject wins"},
  "keyUsage": ["digitalSignature"],
  "DNSNames": ["last.acme.example"]
}
""", "duplicate keys: the last one wins (also with another spelling of the key)")
    ok(f"{g}/duplicate-keys", p, tags=["json:duplicate-keys"],
       want={"ext": {KU: ku_der("digitalSignature")}})
    p = tfile(f"{g}/duplicate-objects-merge", """{
  "subject": "merged objects",
  "keyUsage": ["certSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": 2},
  "basicConstraints": {"isCA": true},
  "nameConstraints": {"critical": true, "permittedDNSDomains": ["acme.example"]},
  "nameConstraints": {"excludedDNSDomains": ["bad.acme.example"]}
}
""", "a duplicated plain object (basicConstraints, nameConstraints) is decoded into the same "
        "struct: the fields of both are merged, so maxPathLen 2 and critical survive")
    ok(f"{g}/duplicate-objects-merge", p, "web-ed25519", "root-ed25519",
       tags=["json:duplicate-keys", "quirk:json-merge", "field:basicConstraints",
             "field:nameConstraints"], want={"ext": {BC: bc_der(True, 2)}, "crit": {NC: True}})
    p = tfile(f"{g}/null-resets", """{
  "subject": {"commonName": "reset by null"},
  "dnsNames": ["reset.acme.example"],
  "keyUsage": "digitalSignature",
  "subject": null,
  "keyUsage": null,
  "dnsNames": null,
  "sans": null,
  "extensions": null,
  "basicConstraints": null
}
""", "null values: a later null clears subject, keyUsage and dnsNames; null lists are empty")
    ok(f"{g}/null-resets", p, tags=["json:null"], want={"subject": "3000", "lacks": [KU, SAN, BC]})
    p = tfile(f"{g}/unknown-keys", """{
  "subject": "unknown keys",
  "comment": "unknown keys are ignored",
  "x-extra": {"nested": [1, 2, {"deep": true}]},
  "keyUsages": ["certSign"],
  "dnsNames": "unknown-keys.acme.example"
}
""", "unknown keys (even near misses like keyUsages) are ignored")
    ok(f"{g}/unknown-keys", p, "web-ed25519", "root-ed25519", tags=["json:unknown-keys"],
       want={"lacks": [KU]})
    p = tfile(f"{g}/trailing-text", """{
  "subject": "only the first JSON value counts",
  "dnsNames": "first.acme.example"
}
{"subject": "a second value, never read"}
this is not JSON {{ .Subject.CommonName }} ]]] {
""", "only the first JSON value of the output is decoded; anything after it is ignored")
    ok(f"{g}/trailing-text", p, tags=["json:trailing-text"])
    p = tfile(f"{g}/empty-object", "{}\n", "the empty object: empty subject, no extension but SKI/AKI")
    ok(f"{g}/empty-object", p, "web-p256", "root-ed25519", tags=["json:empty-object"],
       want={"subject": "3000", "order": [SKI, AKI]})
    p = tfile(f"{g}/escapes", """{
  "subject": {"commonName": "esc \\u0041\\u00e9\\ud83d\\ude00 \\"q\\" \\\\ \\/ \\t"},
  "dnsNames": ["\\u0065scapes.acme.example"]
}
""", "JSON string escapes: \\u (with a surrogate pair), \\\", \\\\, \\/, \\t")
    ok(f"{g}/escapes", p, "web-ed25519", "root-ed25519", tags=["json:escapes"])
    # refusals of the JSON decoder
    for label, text, msg in [
            ("syntax-trailing-comma", '{\n  "subject": "x",\n}\n',
             "invalid character '}' looking for beginning of object key string"),
            ("syntax-missing-comma", '{\n  "subject": "x"\n  "dnsNames": "y"\n}\n',
             "invalid character '\"' after object key:value pair"),
            ("not-an-object", '["subject", "x"]\n', "cannot unmarshal array into Go value of type x509util.Certificate"),
            ("empty-output", "{{/* renders nothing */}}\n", "EOF"),
            ("unterminated", '{\n  "subject": "x"\n', "unexpected EOF"),
            ("single-quotes", "{'subject': 'x'}\n", "invalid character '\\'' looking for beginning of object key string"),
            ("dns-names-number", '{\n  "dnsNames": [1]\n}\n', "cannot unmarshal number into Go value of type string"),
            ("subject-number", '{\n  "subject": 5\n}\n', "cannot unmarshal number into Go value of type x509util.nameAlias"),
            ("sans-string", '{\n  "sans": "dns"\n}\n', "cannot unmarshal string into Go struct field"),
            ("extensions-object", '{\n  "extensions": {}\n}\n', "cannot unmarshal object into Go struct field"),
            ("version-string", '{\n  "version": "3"\n}\n', "cannot unmarshal string into Go struct field"),
            ("not-before-bad", '{\n  "notBefore": "yesterday"\n}\n', "parsing time"),
            ("raw-subject-bad-base64", '{\n  "rawSubject": "not base64!"\n}\n', "illegal base64 data"),
            ("extension-bad-base64", '{\n  "extensions": [{"id": "1.2.3.4", "value": "%%%"}]\n}\n',
             "illegal base64 data"),
            ("critical-string", '{\n  "extensions": [{"id": "1.2.3.4", "critical": "yes", "value": ""}]\n}\n',
             "cannot unmarshal string into Go struct field"),
            ("ip-addresses-bad", '{\n  "ipAddresses": ["192.0.2.1", "999.0.0.1"]\n}\n',
             "ip 999.0.0.1 is not valid")]:
        p = tfile(f"{g}/bad-{label}", text, f"refused by the JSON decoder: {label}")
        err("json", label, p, msg, tags=["json:error"])
    for label, text, msg in [
            ("extension-oid-letters", '{\n  "extensions": [{"id": "1.2.abc", "value": ""}]\n}\n',
             "1.2.abc is not an ASN1 object identifier"),
            ("extension-oid-one-arc", '{\n  "extensions": [{"id": "1", "value": ""}]\n}\n',
             "invalid object identifier"),
            ("extension-oid-empty", '{\n  "extensions": [{"id": "", "value": ""}]\n}\n',
             "invalid object identifier")]:
        p = tfile(f"{g}/bad-{label}", text, f"a bad extension OID: {label}")
        err("oid", label, p, msg, tags=["field:extensions"])
    p = tfile(f"{g}/bad-duplicate-extension", """{
  "subject": "duplicate extension",
  "extensions": [
    {"id": "%s.10.9", "value": "BQA="},
    {"id": "%s.10.9", "value": "BQA="}
  ]
}
""" % (PEN, PEN), "the same extension twice: Go creates the certificate but cannot parse it back")
    err("extension", "duplicate", p, "certificate contains duplicate extension", tags=["field:extensions"])
    p = tfile(f"{g}/bad-raw-subject-not-der", '{\n  "rawSubject": "%s"\n}\n' % b64("not DER"),
              "a rawSubject that is not DER: the certificate cannot be parsed back")
    err("raw-subject", "not-der", p, "error parsing certificate", tags=["field:rawSubject"])
    p = tfile(f"{g}/bad-extra-name-number", """{
  "subject": {"commonName": "x", "extraNames": [{"type": "2.5.4.12", "value": 5}]}
}
""", "an extraName with a number value: Go's asn1 cannot marshal a float64")
    err("subject", "extra-name-number", p, "unknown Go type: float64", tags=["field:subject:extraNames"])
    p = tfile(f"{g}/bad-extra-name-bool", """{
  "subject": {"commonName": "x", "extraNames": [{"type": "2.5.4.12", "value": true}]}
}
""", "an extraName with a bool value: marshalled as a BOOLEAN, which Go's parser refuses")
    err("subject", "extra-name-bool", p, "invalid RDNSequence", tags=["field:subject:extraNames"])


SAN_FIELD_TAGS = {"dns-names": "field:dnsNames", "email-addresses": "field:emailAddresses",
                  "ip-addresses": "field:ipAddresses", "uris": "field:uris", "all-fields": "field:san-fields"}


def plan_sans():
    g = "field/sans"
    # --- the plain SAN fields, Go's own encoder (order: DNS, email, IP, URI)
    for label, body, note in [
            ("dns-names-string", '"dnsNames": "single.acme.example"', "dnsNames as a string"),
            ("dns-names-list", '"dnsNames": ["a.acme.example", "*.Wild.Acme.Example", "trailing.dot.", '
             '"under_score.acme.example", "localhost"]',
             "dnsNames list: Go's encoder keeps case, wildcards, trailing dots and underscores"),
            ("email-addresses-string", '"emailAddresses": "jdoe@acme.example"', "emailAddresses as a string"),
            ("email-addresses-list", '"emailAddresses": ["a@acme.example", "B@Acme.Example", "no-at-sign"]',
             "emailAddresses list (no syntax check)"),
            ("ip-addresses-string", '"ipAddresses": "192.0.2.1"', "ipAddresses as a string"),
            ("ip-addresses-list", '"ipAddresses": ["192.0.2.1", "2001:db8::1", "::ffff:192.0.2.2", '
             '"2001:0DB8:0000:0000:0000:0000:0000:0002", "::", "0.0.0.0"]',
             "ipAddresses list: IPv4-mapped IPv6 is written as 4 bytes"),
            ("uris-string", '"uris": "spiffe://acme.example/ns/default/sa/web"', "uris as a string"),
            ("uris-list", '"uris": ["HTTPS://Example.COM:8443/a/%7Efoo?q=1#frag", '
             '"urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "mailto:jdoe@acme.example", '
             '"https://[2001:db8::1]:8443/x"]', "uris list: Go re-serialises each URL (scheme lower-cased)"),
            ("all-fields", '"uris": ["https://acme.example/id"],\n  "ipAddresses": ["198.51.100.7"],\n'
             '  "emailAddresses": ["ops@acme.example"],\n  "dnsNames": ["all.acme.example"]',
             "all four SAN fields: Go writes DNS, email, IP, URI in this order")]:
        p = tfile(f"{g}/{label}", '{\n  "subject": "%s",\n  %s\n}\n' % (label, body), note)
        ok(f"{g}/{label}", p, "web-ed25519" if "list" in label else "web-rsa2048",
           "root-ed25519" if "list" in label else "root-rsa2048",
           tags=[SAN_FIELD_TAGS[label.rsplit("-", 1)[0] if label != "all-fields" else label],
                 "json:string-or-list" if "string" in label else "san:go-encoder"],
           want={"has": [SAN]})
    # --- typed sans handled by Go's encoder
    p = tfile(f"{g}/typed-basic", """{
  "subject": "typed sans",
  "sans": [
    {"type": "uri", "value": "spiffe://acme.example/typed"},
    {"type": "ip", "value": "2001:db8::53"},
    {"type": "email", "value": "typed@acme.example"},
    {"type": "dns", "value": "Typed.Acme.Example"},
    {"type": "ip", "value": "192.0.2.53"},
    {"type": "dns", "value": "second.acme.example"}
  ]
}
""", "sans of the types dns, email, ip and uri: Go's encoder regroups them (DNS, email, IP, URI) "
        "and keeps the case of DNS names")
    ok(f"{g}/typed-basic", p, tags=["field:sans", "san:dns", "san:email", "san:ip", "san:uri"])
    p = tfile(f"{g}/typed-auto", """{
  "subject": "auto sans",
  "sans": [
    {"type": "auto", "value": "auto.acme.example"},
    {"type": "auto", "value": "10.0.0.1"},
    {"type": "auto", "value": "auto@acme.example"},
    {"type": "auto", "value": "https://acme.example/auto"},
    {"type": "", "value": "empty-type.acme.example"},
    {"type": "", "value": "::1"},
    {"value": "no-type@acme.example"},
    {"type": "auto", "value": "not a uri: has a space"}
  ]
}
""", "type auto, \"\" or missing: the value is classified like the CSR SANs (IP, URI with a "
        "scheme, contains @, else DNS)")
    ok(f"{g}/typed-auto", p, "web-ed25519", "root-ed25519", tags=["field:sans", "san:auto", "san:empty-type"])
    p = tfile(f"{g}/typed-and-fields", """{
  "subject": "sans and fields",
  "dnsNames": ["field.acme.example"],
  "ipAddresses": ["192.0.2.10"],
  "sans": [
    {"type": "dns", "value": "typed.acme.example"},
    {"type": "ip", "value": "192.0.2.11"}
  ]
}
""", "dnsNames/ipAddresses and sans together: the fields first, then the sans, per type")
    ok(f"{g}/typed-and-fields", p, tags=["field:sans", "field:dnsNames", "field:ipAddresses"])
    p = tfile(f"{g}/typed-invalid-dropped", """{
  "subject": "invalid typed sans are dropped",
  "sans": [
    {"type": "dns", "value": "kept.acme.example"},
    {"type": "ip", "value": "not-an-ip"},
    {"type": "uri", "value": "http://[::1"}
  ]
}
""", "without an extended SAN type, an ip san that does not parse and a uri san that does not "
        "parse are silently dropped")
    ok(f"{g}/typed-invalid-dropped", p, "web-ed25519", "root-ed25519",
       tags=["field:sans", "quirk:san-dropped"], want={"ext": {SAN: seq(tlv(0x82, b"kept.acme.example")).hex()}})
    # --- extended SAN types: x509util builds the whole SAN extension itself
    for i, (label, sans, note, tg) in enumerate([
            ("permanent-identifier-value", '{"type": "permanentIdentifier", "value": "SN-0123456789"}',
             "permanentIdentifier from value: otherName 1.3.6.1.5.5.7.8.3 with identifierValue",
             ["san:permanentIdentifier"]),
            ("permanent-identifier-asn1-value",
             '{"type": "permanentIdentifier", "asn1Value": {"identifier": "SN-42", "assigner": "%s.3"}}' % PEN,
             "permanentIdentifier from asn1Value: identifier and assigner", ["san:permanentIdentifier"]),
            ("permanent-identifier-assigner-only",
             '{"type": "permanentIdentifier", "asn1Value": {"assigner": "1.2.3.4"}}',
             "permanentIdentifier with only an assigner", ["san:permanentIdentifier"]),
            ("permanent-identifier-empty", '{"type": "permanentIdentifier"}',
             "permanentIdentifier without value: both parts are optional, an empty SEQUENCE",
             ["san:permanentIdentifier"]),
            ("hardware-module-name",
             '{"type": "hardwareModuleName", "asn1Value": {"type": "%s.4", "serialNumber": "%s"}}' % (PEN, b64("HSM-0001")),
             "hardwareModuleName from asn1Value (serialNumber is base64)", ["san:hardwareModuleName"]),
            ("hardware-module-name-value",
             '{"type": "hardwareModuleName", "value": %s}' % json.dumps(json.dumps(
                 {"type": "1.3.6.1.4.1.6876.1", "serialNumber": b64(b"\x01\x02\x03")})),
             "hardwareModuleName from value: a JSON text in a string", ["san:hardwareModuleName"]),
            ("user-principal-name", '{"type": "userPrincipalName", "value": "jdoe@ad.acme.example"}',
             "userPrincipalName: otherName 1.3.6.1.4.1.311.20.2.3, UTF8String", ["san:userPrincipalName"]),
            ("dn-asn1-value",
             '{"type": "dn", "asn1Value": {"country": "US", "organization": ["Acme", "Acme Labs"], '
             '"commonName": "Directory Name", "extraNames": [{"type": "0.9.2342.19200300.100.1.25", "value": "acme"}]}}',
             "dn (directoryName) from an asn1Value object (same fields as a subject)", ["san:dn"]),
            ("dn-value",
             '{"type": "dn", "value": "{\\"organization\\": \\"Acme\\", \\"commonName\\": \\"From Value\\"}"}',
             "dn from value: a JSON text in a string", ["san:dn"]),
            ("dn-asn1-value-string", '{"type": "dn", "asn1Value": "Only A CN"}',
             "dn from an asn1Value string: the common name", ["san:dn"]),
            ("registered-id", '{"type": "registeredID", "value": "%s.6.1"}' % PEN,
             "registeredID: an OID", ["san:registeredID"]),
            ("other-name-prefixes", ",\n    ".join(
                '{"type": "%s.5.%d", "value": "%s"}' % (PEN, i, v) for i, v in enumerate([
                    "no prefix is printable", "printable:Printable*Value", "utf8:UTF-8 v\\u00e4lue",
                    "ia5:ia5@acme.example", "int:42", "int:-300", "numeric:0123 456", "oid:1.2.840.113549",
                    "bool:true", "utc:2025-01-01T00:00:00Z", "generalized:2025-01-01T00:00:00Z",
                    "raw:" + b64(tlv(0xA0, tlv(0x0C, b"raw"))), "printable:with: colons"], 1)),
             "a bare OID as type makes an otherName; the value takes a printable:, utf8:, ia5:, "
             "int:, numeric:, oid:, bool:, utc:, generalized: or raw: prefix (raw: is the whole "
             "[0] EXPLICIT value, base64)", ["san:otherName", "san:otherName:prefixes"])]):
        p = tfile(f"{g}/{label}", '{\n  "subject": "%s",\n  "sans": [\n    %s\n  ]\n}\n' % (label, sans), note)
        csr, iss = ("web-rsa2048", "root-rsa2048") if i % 2 else ("web-ed25519", "root-ed25519")
        ok(f"{g}/{label}", p, csr, iss,
           tags=["field:sans", "san:extended"] + tg, want={"has": [SAN], "crit": {SAN: False}})
    p = tfile(f"{g}/raw-prefix-without-wrapper", """{
  "subject": "raw otherName value without [0]",
  "sans": [
    {"type": "%s.5.99", "value": "raw:%s"}
  ]
}
""" % (PEN, b64(tlv(0x0C, b"no wrapper"))), "raw: puts the bytes in place of the [0] EXPLICIT "
        "value as they are: without the a0 wrapper the otherName is malformed, and step does not "
        "check it")
    ok(f"{g}/raw-prefix-without-wrapper", p, "web-ed25519", "root-ed25519",
       tags=["field:sans", "san:extended", "san:otherName", "quirk:raw-othername"],
       verify=False, note="the otherName value lacks its [0] wrapper: Go does not look inside it, "
       "openssl prints it but refuses to verify the certificate ('invalid certificate'); the "
       "signature is checked directly")
    p = tfile(f"{g}/mixed-extended", """{
  "subject": "mixed standard and extended sans",
  "uris": ["https://acme.example/field"],
  "ipAddresses": ["192.0.2.1", "::ffff:192.0.2.2"],
  "emailAddresses": ["field@acme.example"],
  "dnsNames": ["Field.Acme.Example"],
  "sans": [
    {"type": "permanentIdentifier", "value": "PID-1"},
    {"type": "dns", "value": "B\\u00fccher.Example"},
    {"type": "email", "value": "sans@acme.example"},
    {"type": "uri", "value": "spiffe://acme.example/sans"},
    {"type": "ip", "value": "2001:db8::2"},
    {"type": "auto", "value": "Auto.Acme.Example"},
    {"type": "", "value": "192.0.2.3"},
    {"type": "registeredID", "value": "1.2.3.4"},
    {"type": "userPrincipalName", "value": "upn@acme.example"}
  ]
}
""", "an extended type among standard SANs: x509util writes the dnsNames, emailAddresses, "
        "ipAddresses and uris fields, then every san in template order; DNS names go through "
        "IDNA (lower case, punycode)")
    ok(f"{g}/mixed-extended", p, tags=["field:sans", "san:extended", "san:mixed", "san:idna"])
    p = tfile(f"{g}/extended-empty-subject", """{
  "subject": {},
  "sans": [{"type": "permanentIdentifier", "value": "PID-2"}, {"type": "dns", "value": "e.acme.example"}]
}
""", "extended SANs with an empty subject: x509util marks its SAN extension critical")
    ok(f"{g}/extended-empty-subject", p, "web-ed25519", "root-ed25519",
       tags=["field:sans", "san:extended", "san:critical"], want={"crit": {SAN: True}})
    p = tfile(f"{g}/extended-raw-subject-critical", """{
  "rawSubject": {{ toJson .Insecure.CR.RawSubject }},
  "sans": [{"type": "permanentIdentifier", "value": "PID-3"}, {"type": "dns", "value": "r.acme.example"}]
}
""", "extended SANs with a rawSubject and no subject: x509util looks at the (empty) subject "
        "field, so the SAN is critical although the certificate's subject is not empty")
    ok(f"{g}/extended-raw-subject-critical", p, tags=["field:sans", "san:extended", "san:critical",
       "field:rawSubject", "quirk:raw-subject-critical-san"], want={"crit": {SAN: True}})
    p = tfile(f"{g}/go-raw-subject-not-critical", """{
  "rawSubject": {{ toJson .Insecure.CR.RawSubject }},
  "dnsNames": ["r.acme.example"]
}
""", "the same without an extended SAN: Go looks at the real subject bytes, not critical")
    ok(f"{g}/go-raw-subject-not-critical", p, tags=["field:sans", "field:rawSubject"],
       want={"crit": {SAN: False}})
    # refusals
    for label, sans, msg, tg in [
            ("unknown-type", '{"type": "foo", "value": "x"}', "unsupported SAN type foo", "san:unknown"),
            ("uppercase-type", '{"type": "DNS", "value": "x.acme.example"}', "unsupported SAN type DNS",
             "san:unknown"),
            ("x400-address", '{"type": "x400Address", "value": "x"}', "unimplemented SAN type x400Address",
             "san:x400Address"),
            ("edi-party-name", '{"type": "ediPartyName", "value": "x"}', "unimplemented SAN type ediPartyName",
             "san:ediPartyName"),
            ("registered-id-empty", '{"type": "registeredID"}', "empty value is not allowed", "san:registeredID"),
            ("registered-id-bad-oid", '{"type": "registeredID", "value": "1.2.x"}',
             "1.2.x is not an ASN1 object identifier", "san:registeredID"),
            ("user-principal-name-empty", '{"type": "userPrincipalName"}', "empty value is not allowed",
             "san:userPrincipalName"),
            ("dn-empty", '{"type": "dn"}', "empty value or asn1Value is not allowed", "san:dn"),
            ("dn-empty-object", '{"type": "dn", "asn1Value": {}}', "empty or malformed asn1Value", "san:dn"),
            ("hardware-module-name-empty", '{"type": "hardwareModuleName"}',
             "empty value or asn1Value is not allowed", "san:hardwareModuleName"),
            ("permanent-identifier-bad-asn1-value",
             '{"type": "permanentIdentifier", "asn1Value": {"identifier": 5}}',
             "error unmarshaling PermanentIdentifier SAN", "san:permanentIdentifier"),
            ("other-name-int", '{"type": "1.2.3.4", "value": "int:abc"}', "invalid int value",
             "san:otherName"),
            ("other-name-numeric", '{"type": "1.2.3.4", "value": "numeric:12a"}', "invalid numeric value",
             "san:otherName"),
            ("other-name-printable", '{"type": "1.2.3.4", "value": "under_score"}',
             "invalid printable value", "san:otherName"),
            ("extended-dns-wildcard", '{"type": "permanentIdentifier", "value": "p"}, '
             '{"type": "dns", "value": "*.acme.example"}', "server name contains invalid character",
             "san:idna"),
            ("extended-dns-underscore", '{"type": "registeredID", "value": "1.2.3"}, '
             '{"type": "dns", "value": "under_score.acme.example"}',
             "server name contains invalid character", "san:idna"),
            ("extended-email-non-ascii", '{"type": "registeredID", "value": "1.2.3"}, '
             '{"type": "email", "value": "j\\u00f6rg@acme.example"}', "to ia5", "san:non-ia5"),
            ("extended-ip-invalid", '{"type": "registeredID", "value": "1.2.3"}, '
             '{"type": "ip", "value": "not-an-ip"}', "error converting \\\"not-an-ip\\\" to IP", "san:ip")]:
        p = tfile(f"{g}/bad-{label}", '{\n  "subject": "%s",\n  "sans": [%s]\n}\n' % (label, sans),
                  f"a SAN x509util refuses: {label}")
        err("san", label, p, msg.replace('\\"', '"'), tags=["field:sans", tg])
    for label, body, msg in [
            ("dns-names-non-ascii", '"dnsNames": ["b\\u00fccher.example"]', "cannot be encoded as an IA5String"),
            ("email-addresses-non-ascii", '"emailAddresses": "j\\u00f6rg@acme.example"',
             "cannot be encoded as an IA5String"),
            ("typed-dns-non-ascii", '"sans": [{"type": "dns", "value": "b\\u00fccher.example"}]',
             "cannot be encoded as an IA5String")]:
        p = tfile(f"{g}/bad-{label}", '{\n  "subject": "%s",\n  %s\n}\n' % (label, body),
                  "Go's encoder refuses non-ASCII DNS names and emails (no IDNA on this path)")
        err("san", label, p, msg, tags=["field:sans", "san:non-ia5", "san:go-encoder"])


# ----------------------------------------------------------------------------
# 3. Template functions. A "probe" template writes the result of each
#    expression, through toString and toJson, as the value of one subject
#    extraName (OID 1.3.6.1.4.1.55555.9.<n>, one RDN each, in order), so every
#    result ends up in the certificate's subject.
# ----------------------------------------------------------------------------


def probe(name: str, doc: str, exprs: list, pre: str = "", fields: str = "",
          cn: str | None = None) -> str:
    def value(e):
        if isinstance(e, tuple):          # ("raw", text): printed inside a JSON string as it is
            return '"%s"' % e[1]
        return "{{ toJson (toString (%s)) }}" % e
    lines = ",\n".join('      {"type": "%s.9.%d", "value": %s}' % (PEN, i, value(e))
                       for i, e in enumerate(exprs, 1))
    text = (pre + "{\n  \"subject\": {\n    \"commonName\": %s,\n    \"extraNames\": [\n%s\n    ]\n  }%s\n}\n"
            % (json.dumps(cn or name.rsplit("/", 1)[-1]), lines, (",\n" + fields) if fields else ""))
    return tfile(name, text, doc)


def plan_funcs():
    g = "func"
    p = probe(f"{g}/strings", "sprig string functions", [
        'trim "  padded  "', 'trimAll "-" "--x--"', 'trimPrefix "www." .Subject.CommonName',
        'trimSuffix ".example" .Subject.CommonName', 'upper .Subject.CommonName', 'lower "MiXeD CaSe"',
        'title "hello wide world"', 'untitle "Hello World"', 'replace "." "-" .Subject.CommonName',
        '(split "." .Subject.CommonName)._1', 'join "/" (splitList "." .Subject.CommonName)',
        'splitn "." 2 .Subject.CommonName | toJson', 'contains "acme" .Subject.CommonName',
        'hasPrefix "www" .Subject.CommonName', 'hasSuffix ".org" .Subject.CommonName',
        'quote "a" "b"', 'squote .Subject.CommonName', 'indent 4 "line1\\nline2"', 'nindent 2 "x"',
        'trunc 7 .Subject.CommonName', 'trunc -7 .Subject.CommonName', 'substr 4 8 .Subject.CommonName',
        'repeat 3 "ab"', 'cat "a" 1 true', 'nospace "a b  c"', 'abbrev 10 "abbreviate this string"',
        'abbrevboth 5 10 "1234 5678 9123 4567"', 'initials "Acme Web Services"',
        'camelcase "hello_world_x"', 'snakecase "HelloWorldX"', 'kebabcase "HelloWorldX"',
        'swapcase "Hello World"', 'wrap 5 "aaaa bbbb cccc"', 'wrapWith 5 "|" "aaaa bbbb"',
        'plural "one" "many" 2', 'toStrings (list 1 "a" true) | join ","', 'atoi "42"',
        'len .Subject.CommonName', 'sortAlpha (list "pear" "apple" "Fig") | join ","',
        'printf "%s|%5d|%-4s|%x|%q|%v|%t|%05.2f|%%" .Subject.CommonName 42 "ab" 255 "q" (list 1 2) true 3.14159',
        'print "a" 1 2 "b"', 'println "x" 1'])
    for csr, iss in [("web-rsa2048", "root-rsa2048"), ("utf8-ed25519", "root-ed25519")]:
        ok(f"{g}/strings/{csr}", p, csr, iss, tags=["func:strings", "func:printf"] + [
            f"func:{f}" for f in ("trim", "upper", "lower", "title", "replace", "split", "splitList",
                                  "join", "contains", "hasPrefix", "hasSuffix", "quote", "squote",
                                  "indent", "nindent", "trunc", "substr", "repeat")])
    p = probe(f"{g}/regex", "sprig regular expressions (Go RE2 syntax) and Go string literals", [
        'regexMatch `^www\\.[a-z]+\\.example$` .Subject.CommonName',
        'regexMatch "^[0-9]+$" .Subject.CommonName',
        'regexFind "[a-z]+\\\\.example" .Subject.CommonName',
        'regexFindAll "[0-9]+" "a1b22c333" -1 | join ","',
        'regexFindAll "[0-9]+" "a1b22c333" 2 | join ","',
        'regexReplaceAll `([a-z]+)\\.example` .Subject.CommonName "${1}.test"',
        'regexReplaceAllLiteral `\\.` .Subject.CommonName "${dot}"',
        'regexSplit "[.-]" "a.b-c.d" -1 | join "|"',
        'regexQuoteMeta "1.5*2+[x]"',
        'regexReplaceAll "(?i)ACME" .Subject.CommonName "Road-Runner"'])
    ok(f"{g}/regex", p, "web-ed25519", "root-ed25519",
       tags=["func:regexMatch", "func:regexFind", "func:regexReplaceAll"])
    p = probe(f"{g}/lists", "sprig list functions", [
        'list 1 "two" 3.5 true', 'first (list "a" "b" "c")', 'last (list "a" "b" "c")',
        'rest (list 1 2 3)', 'initial (list 1 2 3)', 'append (list "a") "b" | join ","',
        'prepend (list "b") "a" | join ","', 'concat (list 1) (list 2 3)', 'reverse (list 1 2 3)',
        'uniq (list "a" "b" "a" "c" "b") | join ","', 'without (list 1 2 3 2) 2',
        'has "b" (list "a" "b")', 'has 3 (list 1 2)', 'compact (list "a" "" "b" 0 nil)',
        'slice (list 1 2 3 4) 1 3', 'slice (list 1 2 3 4) 2', 'index (list "x" "y" "z") 2',
        'len (list 1 2 3)', 'until 5', 'untilStep 0 10 3', 'seq 5', 'seq 2 5', 'seq 10 -3 1',
        'chunk 2 (list 1 2 3 4 5)', 'len .SANs', 'first .SANs | toJson'])
    ok(f"{g}/lists", p, tags=["func:lists"] + [f"func:{f}" for f in ("list", "first", "last",
                                                                    "append", "uniq", "has",
                                                                    "until", "seq")])
    p = probe(f"{g}/dicts", "sprig dict functions (dicts print and marshal with sorted keys)", [
        'toJson $d', 'get $d "a"', 'get $d "missing"', 'hasKey $d "b"', 'hasKey $d "e"',
        'keys $d | sortAlpha | join ","', 'values (dict "x" "1" "y" "2") | sortAlpha | join ","',
        'pick $d "a" "c" | toJson', 'omit $d "a" | toJson',
        'merge (dict "a" 1 "b" 1) (dict "b" 2 "c" 2) | toJson',
        'mergeOverwrite (dict "a" 1 "b" 1) (dict "b" 2 "c" 2) | toJson',
        'dig "x" "y" "default" (dict "x" (dict "y" "deep"))',
        'dig "x" "nope" "fallback" (dict "x" (dict "y" "deep"))',
        'pluck "k" (dict "k" "v1") (dict "k" "v2") (dict "z" 1) | join ","',
        'deepCopy $d | toJson', 'index $d "a"', '$d.a', 'dict | toJson', '$d',
        'dict "z" 1 "a" 2 "m" (dict "y" 1 "b" 2) | toJson', 'len $d'],
        pre='{{- $d := dict "b" 2 "a" "x" "c" (list 1 2) -}}\n{{- $_ := set $d "e" "set-value" -}}\n'
            '{{- $_ := unset $d "b" -}}\n')
    ok(f"{g}/dicts", p, "web-ed25519", "root-ed25519", tags=["func:dicts"] + [
        f"func:{f}" for f in ("dict", "get", "set", "hasKey", "keys", "pick", "omit", "merge", "dig")])
    p = probe(f"{g}/defaults", "sprig default, empty, coalesce, ternary, all, any", [
        'default "fallback" ""', 'default "fallback" "given"', 'default "fallback" .Insecure.User.missing',
        'default 7 0', 'default "d" false', 'default "d" (list)', 'default "d" (dict)',
        'empty ""', 'empty 0', 'empty (list)', 'empty (dict)', 'empty false', 'empty "x"',
        'empty .Insecure.User.missing', 'coalesce "" .Insecure.User.missing "third" "fourth"',
        'coalesce 0 false ""', 'ternary "yes" "no" true', 'ternary "yes" "no" (eq 1 2)',
        'all 1 "a" true', 'all 1 ""', 'any 0 "" "x"', 'any 0 false', '.Insecure.User.missing'])
    ok(f"{g}/defaults", p, tags=["func:default", "func:empty", "func:coalesce", "func:ternary"])
    p = probe(f"{g}/math", "sprig integer and float math (integers are int64, via cast)", [
        'add 1 2 3', 'add1 41', 'sub 10 3', 'mul 6 7 2', 'div 7 2', 'div -7 2', 'mod 17 5', 'mod -7 3',
        'max 3 9 4', 'min 3 9 4', 'biggest 1 5 3', 'add "5" 1', 'add 1.9 1', 'floor 3.7', 'ceil 3.2',
        'round 2.555 2', 'addf 1.5 2.25', 'subf 5 1.25', 'mulf 1.5 3', 'divf 1 3', 'maxf 1.5 2 0.5',
        'minf 1.5 2 0.5', 'int64 "42"', 'float64 "2.5"', 'int 3.9', 'add .MaxPathLen 10',
        'until 3', 'seq 3'])
    ok(f"{g}/math", p, "web-ed25519", "root-ed25519", extra=["--path-len=2"], tags=["func:math"] + [
        f"func:{f}" for f in ("add", "sub", "mul", "div", "mod", "max", "min", "add1", "until", "seq")]
        + ["data:MaxPathLen", "flag:path-len"])
    p = probe(f"{g}/encoding", "sprig encodings and hashes; Go's html, js and urlquery", [
        'b64enc .Subject.CommonName', 'b64dec "Z29sZGVu"', 'b32enc "golden"', 'b32dec "M5XWYZDFNY======"',
        'sha256sum .Subject.CommonName', 'sha1sum "abc"', 'adler32sum "abc"',
        'urlquery "a b&c=d/\u00e9"', 'html "<a href=\'x\'>&</a>"', 'js "it\'s \\"quoted\\" <x>"',
        'b64enc (toJson .SANs)', 'b64enc ""'])
    ok(f"{g}/encoding", p, tags=["func:b64enc", "func:b64dec", "func:b32enc", "func:sha256sum",
                                 "func:encoding"])
    p = probe(f"{g}/json", "toJson, toRawJson, toPrettyJson, mustToJson, fromJson, mustFromJson: "
              "the JSON text itself is the value (toJson escapes < > & and U+2028)", [
        'toJson $obj', 'toRawJson $obj', 'toPrettyJson $obj', 'mustToJson (list 1 "two")',
        'mustToRawJson "<&>"', 'mustToPrettyJson (list)', '(fromJson "{\\"a\\":{\\"b\\":[1,2,3]}}").a.b',
        'fromJson "not json" | toJson', 'mustFromJson "{\\"k\\":\\"v\\"}" | toJson', 'toJson .Subject',
        'toJson .SANs', 'toJson nil', 'toJson 1.0', 'toJson 1e21', 'toJson 0.1', 'toJson "\\u2028 \\u00e9"',
        'toJson (fromJson "{\\"n\\": 12345678901234567890}")'],
        pre='{{- $obj := dict "html" "<b>&</b>" "n" 1 "list" (list "x" 2 true) "nested" (dict "k" "v") -}}\n',
        fields='  "keyUsage": {{ toJson (list "digitalSignature") }},\n'
               '  "sans": {{ toRawJson .SANs }},\n  "extKeyUsage": {{ toPrettyJson (list "serverAuth") }}')
    ok(f"{g}/json", p, "web-ed25519", "root-ed25519", tags=[
        f"func:{f}" for f in ("toJson", "toRawJson", "toPrettyJson", "fromJson", "mustToJson", "mustFromJson")])
    p = probe(f"{g}/reflect", "typeOf, kindOf, typeIs, typeIsLike, kindIs, deepEqual on the template "
              "data (Go type names)", [
        'typeOf .Insecure.CR.PublicKey', 'kindOf .Insecure.CR.PublicKey',
        'typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey', 'typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey',
        'typeIs "ed25519.PublicKey" .Insecure.CR.PublicKey', 'typeIsLike "rsa.PublicKey" .Insecure.CR.PublicKey',
        'kindIs "ptr" .Insecure.CR.PublicKey', 'kindIs "slice" .Insecure.CR.PublicKey',
        'typeOf .Subject', 'kindOf .Subject', 'typeOf .SANs', 'typeOf .MaxPathLen', 'typeOf .Insecure',
        'typeOf .Insecure.User', 'kindOf .Insecure.User', 'typeOf .Insecure.CR', 'typeOf .Insecure.CR.IPAddresses',
        'typeOf .Insecure.CR.URIs', 'typeOf .Insecure.CR.RawSubject', 'typeOf .Insecure.CR.Extensions',
        'typeOf .Insecure.CR.PublicKeyAlgorithm', 'typeOf 1', 'typeOf 1.5', 'typeOf "s"', 'typeOf (list)',
        'typeOf (dict)', 'typeOf nil', 'typeOf .Insecure.User.missing', 'deepEqual (list 1 2) (list 1 2)'],
        fields="""{{- if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey }}
  "keyUsage": ["digitalSignature", "keyEncipherment"]
{{- else if typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey }}
  "keyUsage": ["digitalSignature", "keyAgreement"]
{{- else if typeIs "ed25519.PublicKey" .Insecure.CR.PublicKey }}
  "keyUsage": "digitalSignature"
{{- else }}{{ fail "unexpected key type" }}{{ end }}""")
    for csr, kus in [("web-rsa2048", ("digitalSignature", "keyEncipherment")),
                     ("web-p256", ("digitalSignature", "keyAgreement")), ("web-ed25519", ("digitalSignature",))]:
        ok(f"{g}/reflect/{csr}", p, csr, "root-ed25519", tags=["func:typeOf", "func:typeIs", "func:kindIs",
                                                             "lang:else-if"],
           want={"ext": {KU: ku_der(*kus)}})
    p = tfile(f"{g}/fail", """{{- if not (hasKey .Insecure.User "team") -}}
  {{- fail "the 'team' value is required: use --set team=<name>" -}}
{{- end -}}
{
  "subject": {"organizationalUnit": {{ toJson .Insecure.User.team }}, "commonName": {{ toJson .Subject.CommonName }}},
  "dnsNames": {{ toJson .Insecure.CR.DNSNames }}
}
""", "step's fail: stops with exactly its message")
    ok(f"{g}/fail/given", p, extra=["--set=team=platform"], tags=["func:fail", "data:Insecure.User",
                                                                  "flag:set"])
    err("template-fail", "team-missing", p, "the 'team' value is required: use --set team=<name>",
        tags=["func:fail"], note="the whole message is the fail argument")
    p = probe(f"{g}/time", "step's time functions (toTime, formatTime, parseTime, mustParseTime, "
              "toTimeLayout) and sprig's unixEpoch, dateInZone, duration, with fixed times only", [
        'toTime 1700000000', 'formatTime 1700000000', 'formatTime (toTime 0)',
        'toTime .Insecure.User.epoch | formatTime', 'parseTime "2024-07-02T23:16:02Z" | formatTime',
        'parseTime "2024-07-02T23:16:02+02:00"', 'parseTime "2024-07-02T23:16:02+02:00" | formatTime',
        'parseTime "time.RFC1123" "Tue, 02 Jul 2024 16:20:48 UTC" | unixEpoch',
        'parseTime "DateOnly" "2024-07-02" | formatTime',
        'parseTime "time.DateTime" "2024-07-02 16:20:48" "Europe/Paris" | formatTime',
        'mustParseTime "2006-01-02" "2030-12-31" | formatTime', 'parseTime "garbage"',
        'toTimeLayout "RFC3339"', 'toTimeLayout "time.UnixDate"', 'toTimeLayout "kitchen"',
        'toTimeLayout "dateonly"', 'toTimeLayout "02/01/2006"',
        'dateInZone "2006-01-02 15:04 MST" (toTime 1700000000) "Asia/Tokyo"',
        'unixEpoch (toTime 86400)', 'duration 3725', 'duration "90"'])
    ok(f"{g}/time", p, "web-ed25519", "root-ed25519", extra=["--set=epoch=1700000000"], tags=[
        f"func:{f}" for f in ("toTime", "formatTime", "parseTime", "mustParseTime", "toTimeLayout",
                              "unixEpoch", "dateInZone")] + ["flag:set"])
    p = probe(f"{g}/time-methods", "Go methods called on time values (.Format, .Year, .Unix, .Add)", [
        '(toTime 1700000000).Format "2006-01-02T15:04"', '(toTime 1700000000).Year',
        '(parseTime "2024-07-02T23:16:02Z").Unix', '((toTime 0).Add 3600000000000) | formatTime'])
    ok(f"{g}/time-methods", p, tags=["func:toTime", "data:go-methods"])
    # ASN.1 helpers building custom extension values
    encs = ['asn1Enc "no prefix is printable"', 'asn1Enc "printable:Printable*Star"',
            'asn1Enc "utf8:UTF-8 v\u00e4lue"', 'asn1Enc "ia5:ia5@acme.example"', 'asn1Enc "numeric:0123 456"',
            'asn1Enc "int:-129"', 'asn1Enc "int:65535"', 'asn1Enc "oid:1.2.840.113549.1.1.11"',
            'asn1Enc "utc:2025-01-01T00:00:00Z"', 'asn1Enc "generalized:2049-12-31T23:59:59Z"',
            'asn1Enc "utc:2025-01-01 12:00:00 +0000 UTC"', 'asn1Enc "utc:2050-01-01T00:00:00Z"',
            'asn1Enc "bool:true"', 'asn1Enc "boolean:false"', 'asn1Enc "raw:BQA="',
            'asn1Enc "utf8,explicit:explicit [0]"', 'asn1Enc "ia5,explicit,application:application [0]"',
            'asn1Enc "tag:3:the prefix ends at the first colon"',
            'asn1Enc "unknown-type:unknown parameters are ignored"',
            'asn1Enc (printf "generalized:%s" (parseTime "2030-01-01T00:00:00Z" | formatTime))']
    p = tfile(f"{g}/asn1", """{
  "subject": "asn1 helpers",
  "extensions": [
    {"id": "%s.30.1", "value": {{ asn1Seq %s | toJson }}},
    {"id": "%s.30.2", "value": {{ asn1Set (asn1Enc "utf8:b") (asn1Enc "utf8:a") | toJson }}},
    {"id": "%s.30.3", "value": {{ asn1Marshal 5 | toJson }}},
    {"id": "%s.30.4", "value": {{ asn1Marshal "marshal" "utf8" | toJson }}},
    {"id": "%s.30.5", "value": {{ asn1Marshal "tagged" "ia5" "explicit" "tag:2" | toJson }}},
    {"id": "%s.30.6", "value": {{ asn1Marshal (list 1 2 3) | toJson }}},
    {"id": "%s.30.7", "value": {{ asn1Marshal true | toJson }}},
    {"id": "%s.30.8", "value": {{ asn1Marshal "printable by default" | toJson }}},
    {"id": "%s.30.9", "value": {{ asn1Marshal "implicit" "utf8" "tag:5" | toJson }}},
    {"id": "%s.30.10", "value": {{ asn1Seq (asn1Seq) (asn1Set) (asn1Seq (asn1Enc "int:1") (asn1Enc "oid:2.5.4.3")) | toJson }}},
    {"id": "%s.30.11", "value": {{ asn1Marshal "a&b" | toJson }}}
  ]
}
""" % ((PEN, " ".join(f"({e})" for e in encs)) + (PEN,) * 10),
        "asn1Enc with every type prefix, asn1Marshal with Go asn1 parameters, asn1Seq and asn1Set "
        "(not DER-sorted) building custom extension values")
    ok(f"{g}/asn1", p, tags=["func:asn1Enc", "func:asn1Marshal", "func:asn1Seq", "func:asn1Set",
                             "field:extensions"], want={"has": [f"{PEN}.30.{i}" for i in range(1, 12)]})
    ok(f"{g}/asn1/p384", p, "web-ed25519", "root-p384", tags=["func:asn1Enc", "func:asn1Seq"])
    # runtime errors of functions
    for label, expr, msg in [
            ("asn1Enc-int", 'asn1Enc "int:abc"', "invalid int value"),
            ("asn1Enc-numeric", 'asn1Enc "numeric:12a"', "invalid numeric value"),
            ("asn1Enc-printable-ampersand", 'asn1Enc "printable:a&b"', "PrintableString contains invalid character"),
            ("asn1Enc-raw-base64", 'asn1Enc "raw:not base64"', "illegal base64 data"),
            ("asn1Enc-utc-bad", 'asn1Enc "utc:yesterday"', "invalid utc value"),
            ("asn1Seq-bad-base64", 'asn1Seq "not base64!"', "illegal base64 data"),
            ("asn1Marshal-float", 'asn1Marshal 1.5', "unknown Go type"),
            ("mustParseTime", 'mustParseTime "not a time"', "cannot parse"),
            ("mustFromJson", 'mustFromJson "{bad"', "invalid character"),
            ("mustRegexMatch", 'mustRegexMatch "(" "x"', "missing closing )"),
            ("div-by-zero", 'div 1 0', "integer divide by zero"),
            ("index-out-of-range", 'index .SANs 99', "index out of range: 99"),
            ("sprig-slice-string", 'slice "abc" 1', "list should be type of slice or array but string"),
            ("wrong-arg-count", 'upper "a" "b"', "wrong number of args for upper: want 1 got 2"),
            ("wrong-arg-type", 'upper .SANs', "wrong type for value; expected string; got []x509util.SubjectAlternativeName"),
            ("no-such-field", '.Subject.NoSuchField', "can't evaluate field NoSuchField in type interface {}"),
            ("field-of-string", '.Subject.CommonName.x', "can't evaluate field x in type string"),
            ("fail-empty-message", 'fail ""', "error calling fail: ")]:
        p = tfile(f"{g}/bad-{label}", '{\n  "subject": "%s",\n  "dnsNames": {{ toJson (%s) }}\n}\n'
                  % (label, expr), f"an execution error: {label}")
        err("template-exec", label, p, msg, tags=["lang:exec-error"])


# ----------------------------------------------------------------------------
# 4. The template language
# ----------------------------------------------------------------------------


def plan_lang():
    g = "lang"
    p = tfile(f"{g}/control-flow", """{{- $kind := "other" -}}
{{- if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey -}}
  {{- $kind = "rsa" -}}
{{- else if typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey -}}
  {{- $kind = "ecdsa" -}}
{{- else -}}
  {{- $kind = "ed25519" -}}
{{- end -}}
{{- $dns := list -}}
{{- $rest := list -}}
{{- range $i, $san := .SANs -}}
  {{- if eq $san.Type "dns" -}}
    {{- $dns = append $dns $san.Value -}}
  {{- else -}}
    {{- $rest = append $rest (printf "%d:%s=%s" $i $san.Type $san.Value) -}}
  {{- end -}}
{{- end -}}
{
  "subject": {
    "commonName": "control flow {{ $kind }}",
    "organizationalUnit": {{ toJson $rest }},
    "locality": [
      {{- range $i, $v := until 10 -}}
        {{- if eq $v 2 }}{{ continue }}{{ end -}}
        {{- if gt $v 5 }}{{ break }}{{ end -}}
        {{- if $i }}, {{ end }}"v{{ $v }}"
      {{- end -}}
    ],
    "province": [
      {{- range $k, $v := dict "b" 2 "a" 1 "c" 3 -}}
        "{{ $k }}={{ $v }}",
      {{- end }} "end"
    ],
    "streetAddress": [
      {{- with .Insecure.User.street }}{{ toJson . }}{{ else }}"no street given"{{ end -}}
      ,{{ range .Insecure.CR.URIs }}{{ toJson .String }}, {{ else }}"no URIs", {{ end }}"last"
    ]
  },
  "dnsNames": {{ toJson $dns }}
}
""", "if / else if / else, range with $i $v (also over a map: sorted keys), break and continue, "
        "range ... else, with ... else, variables declared with := and assigned with =")
    for csr, iss, extra in [("web-rsa2048", "root-rsa2048", []), ("web-p256", "root-ed25519", ["--set=street=1 Main St"]),
                            ("cn-dns-rsa2048", "root-ed25519", [])]:
        ok(f"{g}/control-flow/{csr}", p, csr, iss, extra=extra,
           tags=["lang:if-else", "lang:else-if", "lang:range", "lang:range-map", "lang:break-continue",
                 "lang:with", "lang:variables", "data:SANs"] + (["flag:set"] if extra else []))
    p = tfile(f"{g}/define-template-block", """{{- define "ou" }}{{ printf "%s/%s" .a .b | toJson }}{{ end -}}
{{- define "keyUsage" -}}
  ["digitalSignature", "keyAgreement"]
{{- end -}}
{{- define "cnOf" }}{{ toJson (printf "%s (defined)" .) }}{{ end -}}
{
  "subject": {
    "commonName": {{ block "cn" .Subject.CommonName }}{{ template "cnOf" . }}{{ end }},
    "organizationalUnit": [{{ template "ou" (dict "a" "x" "b" "y") }}, {{ template "ou" (dict "a" 1 "b" 2) }}]
  },
  "keyUsage": {{ template "keyUsage" }}
}
""", "define, template (with and without data) and block")
    ok(f"{g}/define-template-block", p, "web-ed25519", "root-ed25519",
       tags=["lang:define", "lang:template", "lang:block"], want={"ext": {KU: ku_der("digitalSignature", "keyAgreement")}})
    p = tfile(f"{g}/variables-pipelines", """{{- $cn := .Subject.CommonName -}}
{{- $root := . -}}
{{- $n := 0 -}}
{{- range .SANs }}{{ $n = add $n 1 }}{{ end -}}
{
  "subject": {
    "commonName": {{ $cn | upper | replace "." "-" | printf "%s-pipe" | toJson }},
    "organization": [
      {{ printf "%d sans" $n | toJson }},
      {{ (index .SANs 0).Value | toJson }},
      {{ with index .SANs 1 }}{{ printf "%s via $ %s" .Value $.Subject.CommonName | toJson }}{{ end }},
      {{ range $root.SANs }}{{ if eq .Type "uri" }}{{ $.MaxPathLen | printf "dot %v, root %v" .Type | toJson }},{{ break }}{{ end }}{{ end }}
      {{ "last" | toJson }}
    ]
  }
}
""", "variables, $ inside range and with, pipelines (the piped value is the last argument), "
        "parenthesised calls, field access on an index result")
    ok(f"{g}/variables-pipelines", p, tags=["lang:variables", "lang:pipelines", "data:SANs"])
    p = tfile(f"{g}/trim-comments", """{{/* a comment */}}
{{- /* a trimmed comment */ -}}
{
  "subject": {
    "commonName": "x   {{- " y " -}}   z",
    "organization": ["a {{ "b" }} c", "a {{- "b" }} c", "a {{ "b" -}} c", "{{- " spaces kept " -}}"],
    "organizationalUnit": ["tab	{{- "|" -}}	newline
{{- "|" }}"]
  }
}
""", "whitespace trimming with {{- and -}} (spaces, tabs and newlines of the text around) and "
        "comments")
    ok(f"{g}/trim-comments", p, "web-ed25519", "root-ed25519", tags=["lang:trim", "lang:comments"])
    p = probe(f"{g}/builtins", "text/template's own functions", [
        'and 1 0 "x"', 'and 1 "x"', 'or 0 "" "first"', 'or 0 ""', 'not ""', 'not 1', 'eq "a" "b" "a"',
        'ne 1 2', 'lt 1 2', 'le 2 2', 'gt "b" "a"', 'ge 1.5 1.5', 'eq .MaxPathLen 0',
        'index .Insecure.CR.DNSNames 1', 'index (dict "k" (list "a" "b")) "k" 1', 'len .SANs',
        'len .Subject.CommonName', 'print 1 2 "x" 3', 'printf "%T %T %T" 1 "s" .SANs', 'println 1 2',
        'html "<&>"', 'js "\\u2028</script>"', 'urlquery "a b" "c/d"', 'print nil'])
    ok(f"{g}/builtins", p, tags=["lang:builtins", "func:printf"])
    p = tfile(f"{g}/multiline-actions", """{
  "subject": {
    "commonName": {{ toJson
        (printf "%s-%s"
           "multi"
           "line") }},
    "organization": {{ toJson `a raw
string` }}
  }
}
""", "actions spanning several lines (Go 1.16+) and a raw string with a newline")
    ok(f"{g}/multiline-actions", p, "web-ed25519", "root-ed25519", tags=["lang:multiline-action"])
    p = tfile(f"{g}/range-integer", """{
  "subject": {
    "commonName": "range over an integer",
    "organization": [{{ range $i := 3 }}{{ if $i }}, {{ end }}"o{{ $i }}"{{ end }}]
  }
}
""", "range over an integer (Go 1.22+)")
    ok(f"{g}/range-integer", p, tags=["lang:range-int"])
    p = tfile(f"{g}/trailing-pipe", """{
  "subject": {{ .Subject.CommonName | toJson | }}
}
""", "Go's parser accepts a pipeline that ends with | (the empty command is dropped)")
    ok(f"{g}/trailing-pipe", p, "web-ed25519", "root-ed25519", tags=["lang:pipelines", "quirk:trailing-pipe"])
    # parse errors
    for label, text, msg in [
            ("unclosed-action", '{"subject": {{ .Subject.CommonName\n', "template:3: unclosed action started at template:2"),
            ("unknown-function", '{"subject": {{ nosuchfunc 1 }}}\n', 'function "nosuchfunc" not defined'),
            ("env-removed", '{"subject": {{ env "HOME" | toJson }}}\n', 'function "env" not defined'),
            ("expandenv-removed", '{"subject": {{ expandenv "$HOME" | toJson }}}\n',
             'function "expandenv" not defined'),
            ("unexpected-end", '{"subject": "x"}\n{{ end }}\n', "unexpected {{end}}"),
            ("missing-end", '{{ if true }}\n{"subject": "x"}\n', "unexpected EOF"),
            ("if-without-value", '{{ if }}{{ end }}{"subject": "x"}\n', "missing value for if"),
            ("undefined-variable", '{"subject": {{ toJson $nope }}}\n', "undefined variable \"$nope\""),
            ("unterminated-string", '{"subject": {{ "abc }}}\n', "unterminated quoted string"),
            ("duplicate-define", '{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}{"subject": "x"}\n',
             'multiple definition of template "a"'),
            ("bad-number", '{"subject": "{{ 0x }}"}\n', "illegal number syntax"),
            ("line-number", '{\n  "subject": "x",\n\n  "dnsNames": {{ .Subject.CommonName | | upper }}\n}\n',
             'template:5: unexpected "|" in command')]:
        p = tfile(f"{g}/bad-{label}", text, f"a template parse error: {label}")
        err("template-parse", label, p, msg, tags=["lang:parse-error"])
    p = tfile(f"{g}/bad-missing-template", '{"subject": "x", "dnsNames": [{{ template "nope" }}]}\n',
              "a template that is not defined: an execution error")
    err("template-exec", "missing-template", p, 'template "nope" not defined', tags=["lang:exec-error"])


# ----------------------------------------------------------------------------
# 5. Template data: .Subject, .SANs, .MaxPathLen, .Insecure.CR, .Insecure.User
# ----------------------------------------------------------------------------


def plan_data():
    g = "data"
    p = probe(f"{g}/subject", ".Subject: the CSR's standard attributes (extraNames always empty)", [
        '.Subject.CommonName', 'toJson .Subject.Country', 'join "+" .Subject.Organization',
        'toJson .Subject.OrganizationalUnit', 'toJson .Subject.Locality', 'toJson .Subject.Province',
        'toJson .Subject.StreetAddress', 'toJson .Subject.PostalCode', '.Subject.SerialNumber',
        'toJson .Subject.ExtraNames', 'toJson .Subject', 'len .Subject.Organization'], cn="data subject")
    for csr, iss in [("web-rsa2048", "root-rsa2048"), ("multi-p384", "root-ed25519"),
                     ("strtypes-p521", "root-rsa2048"), ("utf8-ed25519", "root-ed25519"),
                     ("empty-nosan-ed25519", "root-ed25519")]:
        ok(f"{g}/subject/{csr}", p, csr, iss, tags=["data:Subject"])
    p = probe(f"{g}/sans", ".SANs: the CSR's SANs re-classified (DNS, IP, email, URI), or the CN when "
              "there are none (not with --omit-cn-san)", [
        'toJson .SANs', 'len .SANs', ("raw", '{{ range $i, $s := .SANs }}{{ $i }}:{{ $s.Type }}={{ $s.Value }};{{ end }}'),
        'typeOf .SANs'], fields='  "sans": {{ toJson .SANs }}', cn="data sans")
    for csr, iss, extra in [("web-ed25519", "root-ed25519", []), ("cn-dns-rsa2048", "root-rsa2048", []),
                            ("cn-dns-rsa2048", "root-ed25519", ["--omit-cn-san"]),
                            ("reclass-rsa2048", "root-rsa2048", []), ("cn-uri-p521", "root-ed25519", [])]:
        ok(f"{g}/sans/{csr}{'+omit-cn-san' if extra else ''}", p, csr, iss, extra=extra,
           tags=["data:SANs"] + (["flag:omit-cn-san"] if extra else ["san:cn-fallback"] if "cn-" in csr else []))
    p = tfile(f"{g}/max-path-len", """{
  "subject": {"commonName": "max path len {{ .MaxPathLen }}", "organization": {{ typeOf .MaxPathLen | toJson }}},
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": {{ .MaxPathLen }}}
}
""", ".MaxPathLen is the --path-len flag (default 0)")
    for pl, want in [(None, bc_der(True, 0)), ("2", bc_der(True, 2)), ("-1", bc_der(True))]:
        ok(f"{g}/max-path-len/{pl or 'default'}", p, "canon-p256", "root-ed25519",
           extra=[f"--path-len={pl}"] if pl else [], tags=["data:MaxPathLen"] + (["flag:path-len"] if pl else []),
           want={"ext": {BC: want}})
    p = probe(f"{g}/cr", ".Insecure.CR: the CSR as x509util sees it", [
        'toJson .Insecure.CR.DNSNames', 'toJson .Insecure.CR.EmailAddresses', 'toJson .Insecure.CR.IPAddresses',
        'toJson .Insecure.CR.URIs', ("raw", '{{ range .Insecure.CR.IPAddresses }}{{ . }} {{ end }}'),
        ("raw", '{{ range .Insecure.CR.URIs }}{{ . }} {{ end }}'), '.Insecure.CR.Subject.CommonName',
        'toJson .Insecure.CR.Subject.ExtraNames', 'toJson .Insecure.CR.RawSubject', '.Insecure.CR.Version',
        '.Insecure.CR.PublicKeyAlgorithm', 'toJson .Insecure.CR.PublicKeyAlgorithm',
        'typeOf .Insecure.CR.PublicKey', 'len .Insecure.CR.Extensions',
        ("raw", '{{ range .Insecure.CR.Extensions }}{{ .ID }}/{{ .Critical }}/{{ len .Value }} {{ end }}'),
        'toJson .Insecure.CR.SignatureAlgorithm', 'toJson .Insecure.CR.SANs', '.Insecure.CR.SANs',
        'sha256sum (toJson .Insecure.CR.Signature)'], cn="data cr")
    for csr, iss in [("web-rsa2048", "root-rsa2048"), ("ext-p256", "root-ed25519"),
                     ("multi-p384", "root-rsa2048"), ("empty-p256", "root-ed25519"),
                     ("ipv6-rsa2048", "root-ed25519"), ("uri-norm-p384", "root-rsa2048")]:
        ok(f"{g}/cr/{csr}", p, csr, iss, tags=[
            f"data:Insecure.CR.{f}" for f in ("DNSNames", "EmailAddresses", "IPAddresses", "URIs", "Subject",
                                              "RawSubject", "Extensions", "PublicKey", "PublicKeyAlgorithm",
                                              "Version")])
    p = tfile(f"{g}/cr-extensions-copy", """{
  "subject": {{ toJson .Subject }},
  "extensions": [
{{- $first := true }}
{{- range .Insecure.CR.Extensions }}
  {{- $id := toJson .ID | trimAll "\\"" }}
  {{- if and (ne $id "2.5.29.19") (ne $id "2.5.29.14") }}
    {{- if not $first }},{{ end }}{{ $first = false }}
    {"id": {{ toJson .ID }}, "critical": {{ .Critical }}, "value": {{ toJson .Value }}}
  {{- end }}
{{- end }}
  ]
}
""", "copy the CSR's extensions (raw, in CSR order) except basicConstraints and "
        "subjectKeyIdentifier, with a comma-separated range")
    for csr, iss in [("ext-rsa2048", "root-rsa2048"), ("ext-ed25519", "root-ed25519")]:
        ok(f"{g}/cr-extensions-copy/{csr}", p, csr, iss, tags=["data:Insecure.CR.Extensions", "field:extensions",
                                                             "lang:range"], want={"lacks": [BC]})
    p = probe(f"{g}/cr-public-key-fields", "Go fields and methods of the CSR's public key object", [
        ("raw", '{{ if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey }}{{ .Insecure.CR.PublicKey.E }}/'
         '{{ .Insecure.CR.PublicKey.N.BitLen }}{{ else if typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey }}'
         '{{ .Insecure.CR.PublicKey.Curve.Params.Name }}{{ else }}{{ len .Insecure.CR.PublicKey }}{{ end }}')],
        cn="public key fields")
    for csr in ["web-rsa2048", "web-p384", "web-ed25519"]:
        ok(f"{g}/cr-public-key-fields/{csr}", p, csr, "root-ed25519",
           tags=["data:Insecure.CR.PublicKey", "data:go-methods"])
    # .Insecure.User
    p = probe(f"{g}/user", ".Insecure.User from --set key=value: the value is JSON when it parses "
              "(numbers are float64), else the raw string; a missing key prints <no value> "
              "and marshals as null", [
        '.Insecure.User.n', 'typeOf .Insecure.User.n', '.Insecure.User.f', '.Insecure.User.big',
        'toJson .Insecure.User.big', '.Insecure.User.b', 'typeOf .Insecure.User.b', '.Insecure.User.s',
        '.Insecure.User.q', 'toJson .Insecure.User.obj', '.Insecure.User.obj.a', 'toJson .Insecure.User.arr',
        'typeOf .Insecure.User.nul', '.Insecure.User.empty', 'typeOf .Insecure.User.empty', '.Insecure.User.eq',
        '.Insecure.User.sp', '.Insecure.User.unicode', 'index .Insecure.User "a.b"', 'index .Insecure.User ""',
        '.Insecure.User.dup', '.Insecure.User.missing', 'toJson .Insecure.User.missing',
        'typeOf .Insecure.User.missing', 'keys .Insecure.User | sortAlpha | join ","',
        ("raw", "{{ .Insecure.User.missing }}"), ("raw", "{{ .Insecure.User.nul }}"),
        ("raw", "{{ .Insecure.User.n }} {{ .Insecure.User.big }} {{ .Insecure.User.b }} {{ .Insecure.User.arr }}")],
        cn="user data")
    sets = ["n=42", "f=1.5", "big=12345678901234567890", "b=true", "s=plain text", 'q="quoted"',
            'obj={"b": 2, "a": [1, "x"]}', "arr=[3,1,2]", "nul=null", "empty=", "eq=a=b=c",
            "sp= spaced ", "unicode=zo\u00eb", "a.b=dotted key", "=empty key", "dup=first", "dup=second"]
    ok(f"{g}/user", p, "web-ed25519", "root-ed25519", extra=[f"--set={s}" for s in sets],
       tags=["data:Insecure.User", "flag:set", "data:missing-key"])
    obj = {"team": "platform", "count": 3, "tags": ["a", "b"], "nested": {"k": "v", "n": 1.25},
           "unicode": "caf\u00e9", "override": "from the file"}
    sf = dfile("inputs/user.json", json.dumps(obj, indent=2, ensure_ascii=False) + "\n",
               "a --set-file: a JSON object")
    p = probe(f"{g}/user-set-file", "--set-file (a JSON object) then --set, which overrides its keys", [
        '.Insecure.User.team', '.Insecure.User.count', 'typeOf .Insecure.User.count', 'toJson .Insecure.User.tags',
        '.Insecure.User.nested.k', '.Insecure.User.nested.n', '.Insecure.User.unicode',
        '.Insecure.User.override', '.Insecure.User.added', 'toJson .Insecure.User'], cn="set-file")
    ok(f"{g}/user-set-file", p, extra=[f"--set-file={sf}", "--set=override=from --set", "--set=added=1"],
       tags=["data:Insecure.User", "flag:set-file", "flag:set"])
    ok(f"{g}/user-set-file/alone", p, "web-ed25519", "root-ed25519", extra=[f"--set-file={sf}"],
       tags=["data:Insecure.User", "flag:set-file"])
    p = probe(f"{g}/missing", "no --set: .Insecure.User is an empty map; missing keys and the "
              "CA-only variables (.Token, .Webhooks ...) print <no value> (toString gives <nil>, "
              "toJson null), and so do fields of missing values (.Token.sub): no error", [
        '.Insecure.User.anything', 'toJson .Insecure.User.anything', 'toJson .Insecure.User',
        '.Token', 'toJson .Token', '.Token.sub', 'toJson .Token.sub', '.Insecure.User.x.y.z', '.AuthorizationCrt', '.Webhooks', 'hasKey .Insecure "User"',
        'default "fallback" .Insecure.User.x', 'printf "%v" .Insecure.User.x', 'typeOf .Token',
        ("raw", "{{ .Insecure.User.anything }}"), ("raw", "{{ .Token }}"), ("raw", "{{ .Token.sub }}"),
        ("raw", "{{ .Insecure.User.x.y.z }}"), ("raw", "{{ print .Token }}"), ("raw", "{{ printf `%v` .Token }}"),
        ("raw", "{{ .Insecure.User }}")], cn="missing")
    ok(f"{g}/missing", p, tags=["data:missing-key", "data:Insecure.User"])


# ----------------------------------------------------------------------------
# 6. Flags around templates, issuers, and refusals of the command line
# ----------------------------------------------------------------------------


def plan_flags():
    g = "flags"
    coyote = f"{TPL_DIR}/docs/coyote.tpl"
    leaf = f"{TPL_DIR}/docs/step-leaf.tpl"
    ok(f"{g}/template-from-stdin", "-", "web-ed25519", "root-ed25519", stdin=coyote,
       tags=["flag:template-stdin", "doc:coyote", "template:docs/coyote"], note="--template=- reads the template from stdin")
    ok(f"{g}/flags-first", None, "web-rsa2048", "root-rsa2048",
       argv=["--template", leaf, "--not-before", NB, "--not-after", NA,
             "--serial", auto_serial(f"templates/{g}/flags-first"),
             "csr/web-rsa2048.csr", "issuers/root-rsa2048.crt", "issuers/root-rsa2048.key"],
       tags=["argv", "template:docs/step-leaf"], note="flags before the positionals, values as separate words")
    ok(f"{g}/default-validity", leaf, "web-ed25519", "root-ed25519", na=None,
       tags=["time:default-not-after"], note="with --template the default validity is 24 h")
    ok(f"{g}/bundle", leaf, "web-ed25519", "int2-pl0-ed25519", tags=["flag:bundle", "issuer:intermediate"],
       extra=["--bundle"], crt="issuers/int2-pl0-ed25519.bundle.pem")
    ok(f"{g}/intermediate-issuer", coyote, "web-p256", "int-pl1-rsa2048", tags=["issuer:intermediate"])
    ok(f"{g}/set-without-template", None, "web-ed25519", "root-ed25519",
       extra=["--set=ignored", "--set-file=templates/does-not-exist.json"],
       tags=["flag:set", "flag:set-file"], note="--set and --set-file are only read with --template")
    # refusals
    err("flags", "profile-and-template", leaf, "incompatible with --template",
        extra=["--profile=leaf"], tags=["flag:profile"])
    err("flags", "set-without-equals", leaf, "--set", extra=["--set=novalue"], tags=["flag:set"])
    arr = dfile("inputs/array.json", '["not", "an", "object"]\n', "a --set-file that is a JSON array")
    err("flags", "set-file-array", leaf, "cannot unmarshal array", extra=[f"--set-file={arr}"],
        tags=["flag:set-file"])
    bad = dfile("inputs/not-json.txt", "team=platform\n", "a --set-file that is not JSON")
    err("flags", "set-file-not-json", leaf, "invalid character", extra=[f"--set-file={bad}"],
        tags=["flag:set-file"])
    err("flags", "set-file-missing", leaf, "no such file or directory",
        extra=[f"--set-file={TPL_DIR}/inputs/does-not-exist.json"], tags=["flag:set-file"])
    err("flags", "template-missing", f"{TPL_DIR}/does-not-exist.tpl", "no such file or directory",
        tags=["flag:template"])
    err("flags", "template-is-a-directory", f"{TPL_DIR}/docs", "is a directory", tags=["flag:template"])


def plan():
    plan_docs()
    plan_subject()
    plan_serial()
    plan_sans()
    plan_extensions()
    plan_key_usage()
    plan_ext_key_usage()
    plan_key_ids()
    plan_aia_crl_policies()
    plan_basic_constraints()
    plan_name_constraints()
    plan_signature_algorithms()
    plan_json_rules()
    plan_funcs()
    plan_lang()
    plan_data()
    plan_flags()


# ----------------------------------------------------------------------------
# Running and checking
# ----------------------------------------------------------------------------

@guarded()
def run_case(T: Tools, c: Case):
    r1 = step_twice(T, c, c.argv)
    c.rc = r1.returncode
    if c.error:
        refused = r1.returncode == 1 and not r1.stdout
        if refused and c.expect_err and c.expect_err not in c.stderr:
            problem(f"{c.name}: stderr {c.stderr!r} lacks {c.expect_err!r}")
        return
    if c.out is None:
        return
    if r1.stderr:
        problem(f"{c.name}: step-sign-ref wrote to stderr: {r1.stderr!r}")
    if c.twin:
        r = T.step(c.twin, stdin_bytes(c))
        if r.returncode != 0 or not same_cert(r.stdout, c.out, c.compare):
            problem(f"{c.name}: the built-in profile gives another certificate: {r.stderr!r}")


@guarded("verification: ")
def verify_case(T: Tools, c: Case):
    blocks = pem_certs(c.out)
    der = blocks[0]
    f = T.tmpfile(".pem")
    f.write_bytes(pem("CERTIFICATE", der))
    if c.verify:
        verify_chain(T, c, f)
    verify_signature(T, der, c.issuer.crt)
    r = T.run([T.openssl, "x509", "-in", f, "-noout", "-text"], check=False)
    if (r.returncode == 0) != c.parse:
        problem(f"{c.name}: openssl x509 -text {'fails' if c.parse else 'unexpectedly works'}: "
                f"{r.stderr.decode()[:300]}")
    tbs, alg, _ = cert_parts(der)
    fl = tbs_fields(tbs)
    if fl["sigalg"] != alg:
        problem(f"{c.name}: inner and outer signature algorithms differ")
    flags, pos = split_argv(c.argv)
    want = dict(c.want)
    if "serial" in flags:
        want.setdefault("serial", go_int(flags["serial"]))
    if "serial" not in want:
        problem(f"{c.name}: no expected serial (random serials are not allowed in golden vectors)")
    elif fl["serial"] != want["serial"]:
        problem(f"{c.name}: serial {fl['serial']} != {want['serial']}")
    check_issuer_name(c, fl)
    (_, nbt), (_, nat) = validity(fl)
    want_nb = go_time(flags["not-before"])
    want_na = go_time(flags["not-after"]) if flags.get("not-after") else want_nb + dt.timedelta(hours=24)
    if (nbt, nat) != (want_nb, want_na):
        problem(f"{c.name}: validity {nbt}..{nat} != {want_nb}..{want_na}")
    check_bundle(c, blocks, flags, pos[1])
    exts = fl["extensions"]
    ids = [o for o, _, _ in exts]
    if len(set(ids)) != len(ids):
        problem(f"{c.name}: duplicate extensions {ids}")
    byid = {o: (crit, v) for o, crit, v in exts}
    for o in want.get("has", []):
        if o not in byid:
            problem(f"{c.name}: extension {o} missing")
    for o in want.get("lacks", []):
        if o in byid:
            problem(f"{c.name}: unexpected extension {o}")
    for o, crit in want.get("crit", {}).items():
        if o not in byid or byid[o][0] != crit:
            problem(f"{c.name}: extension {o} criticality is not {crit}")
    for o, hexv in want.get("ext", {}).items():
        if o not in byid or byid[o][1].hex() != hexv:
            problem(f"{c.name}: extension {o} is {byid.get(o, (0, b''))[1].hex()}, want {hexv}")
    if "order" in want and [o for o in ids if o in want["order"]] != want["order"]:
        problem(f"{c.name}: extension order {ids}, want {want['order']}")
    if "subject" in want and fl["subject"].hex() != want["subject"]:
        problem(f"{c.name}: subject {fl['subject'].hex()} != {want['subject']}")
    if "sigalg" in want and sigalg_oid(alg) != want["sigalg"]:
        problem(f"{c.name}: signature algorithm is not {want['sigalg']}")
    check_tags(c, fl)


# ----------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------


def summary(elapsed: float):
    ok_ = [c for c in CASES if not c.error]
    errs = [c for c in CASES if c.error]
    print(f"\n{len(CASES)} cases: {len(ok_)} certificates ({sum(c.compare == 'bytes' for c in ok_)} "
          f"bytes, {sum(c.compare == 'tbs' for c in ok_)} tbs), {len(errs)} refusals; "
          f"{sum(1 for p in FILES if p.endswith('.tpl'))} template files")
    print("by group: " + tally("error" if c.error else c.name.split("/")[1] for c in CASES))
    print("certificates by issuer key: " + tally((c.issuer.kt for c in ok_), sort=True))
    print("refusals: " + tally((c.error for c in errs), sort=True))
    tags: dict = {}
    for c in CASES:
        for t in c.tags:
            k = t.split(":")[0]
            if k in ("field", "func", "san", "lang", "data", "json", "doc", "flag", "sigalg", "ku", "quirk"):
                tags.setdefault(k, set()).add(t.split(":", 1)[1])
    for k in sorted(tags):
        print(f"{k}: {', '.join(sorted(tags[k]))}")
    print(f"\ndone in {elapsed:.1f} s")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    tool_options(ap)
    args = ap.parse_args()
    check_tools(args, "make_template_vectors")
    t0 = time.monotonic()
    plan()
    needed = set(NEEDED_INPUTS)
    for c in CASES:
        for a in split_argv(c.argv)[1][:1]:
            needed.add(a)
    missing = sorted(p for p in needed if p != "-" and not (VEC / p).exists())
    if missing:
        sys.exit(f"make_template_vectors: missing inputs (run make_vectors.py first): {missing[:5]}")
    # templates/ only holds files made here: write them afresh
    shutil.rmtree(VEC / TPL_DIR, ignore_errors=True)
    for rel, data in FILES.items():
        write_file(rel, data)
    with tempfile.TemporaryDirectory(prefix="tvectors-") as tmp:
        T = Tools.from_args(args, tmp)
        print(f"running {len(CASES)} cases ...", flush=True)
        pmap(args.jobs, lambda c: run_case(T, c), CASES)
        # keep the previous file of a randomised (tbs) case when it still matches: fewer diffs
        old = {}
        for c in CASES:
            p = VEC / c.expect
            if c.out is not None and c.compare == "tbs" and p.exists():
                prev = p.read_bytes()
                if same_cert(prev, c.out, "tbs"):
                    old[c.name] = prev
        for c in CASES:
            if c.name in old:
                c.out = old[c.name]
        print("verifying ...", flush=True)
        pmap(args.jobs, lambda c: verify_case(T, c), [c for c in CASES if c.out is not None])
        exit_on_problems()
        shutil.rmtree(VEC / OUT_DIR, ignore_errors=True)
        for c in CASES:
            if c.out is not None:
                write_file(c.expect, c.out)
        doc = {"generated_by": tool_versions(T, "make_template_vectors.py",
                                             {"not-before": NB, "not-after": NA}),
               "inputs": dict(sorted(INPUTS.items())),
               "cases": [case_json(c) for c in CASES]}
        (VEC / CASES_FILE).write_text(dump_json(doc))
    summary(time.monotonic() - t0)


if __name__ == "__main__":
    main()
