#!/usr/bin/env python3
"""Build the golden test vectors of pkisign.

The expected outputs come from the reference signer `step-sign-ref` (it drives
go.step.sm/crypto x509util, like `step certificate sign`) and, for a few cases,
from OpenSSL (`openssl ca`), confirmed byte for byte against step-sign-ref.
This script never imports or runs pkisign. Python 3.10+, standard library only;
the code it shares with make_template_vectors.py is in vectorlib.py.

Usage:
    python3 tests/vectors/make_vectors.py [--only-sign] [--step PATH]
                                          [--openssl PATH] [-j N]

  (default)     delete and re-create every input (keys, CSRs, issuers, bad
                inputs, password files), then sign
  --only-sign   keep the inputs, re-create out/ and cases.json only
  --step PATH   step-sign-ref binary (default: step-sign-ref on $PATH)
  --openssl P   openssl binary (default: openssl on $PATH)
  -j N          parallel jobs (default: 2 x CPUs, at most 16)

See README.md in this directory for the file format.
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import shlex
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vectorlib import (NA, NB, VEC, BaseCase, CaseList, Fail, Issuer, Tools, atv, auto_serial,
                       cert_parts, check_bundle, check_issuer_name, check_tags, check_tools,
                       der_children, dump_json, exit_on_problems, family, first_der, go_int,
                       go_time, guarded, oid, pem, pem_certs, pmap, problem, read_tlv, rfile,
                       same_cert, seq, set_of, sign_argv, split_argv, stdin_bytes, step_twice,
                       tally, tbs_fields, tlv, tool_options, tool_versions, validity,
                       verify_chain, verify_signature, write_file)
from vectorlib import case_json as base_case_json

INPUT_DIRS = ["keys", "csr", "issuers", "bad", "pass"]
PASSWORD = "golden-pass"

# ----------------------------------------------------------------------------
# Key types
# ----------------------------------------------------------------------------

GENPKEY = {
    "rsa2048": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    "rsa3072": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"],
    "rsa4096": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096"],
    "p256": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
             "-pkeyopt", "ec_param_enc:named_curve"],
    "p384": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384",
             "-pkeyopt", "ec_param_enc:named_curve"],
    "p521": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521",
             "-pkeyopt", "ec_param_enc:named_curve"],
    "ed25519": ["-algorithm", "ED25519"],
    "ed448": ["-algorithm", "ED448"],
}
CURVE_NAME = {"p256": "prime256v1", "p384": "secp384r1", "p521": "secp521r1"}
CSR_KTS = ["rsa2048", "rsa3072", "p256", "p384", "p521", "ed25519"]
ISSUER_KTS = ["rsa2048", "p256", "p384", "p521", "ed25519"]

# ----------------------------------------------------------------------------
# The plan: issuers
# ----------------------------------------------------------------------------


ROOTS = [
    # name, key type, subject, basicConstraints, string_mask, with SKI/AKI
    ("root-rsa2048", "rsa2048", "/C=US/O=Golden Vectors/OU=Roots/CN=Golden Root RSA-2048",
     "critical,CA:TRUE", "utf8only", True),
    ("root-p256", "p256", "/C=US/O=Golden Vectors/OU=Roots/CN=Golden Root P-256",
     "critical,CA:TRUE", "utf8only", True),
    ("root-p384", "p384", "/C=US/O=Golden Vectors/OU=Roots/CN=Golden Root P-384",
     "critical,CA:TRUE", "utf8only", True),
    ("root-p521", "p521", "/C=US/O=Golden Vectors/OU=Roots/CN=Golden Root P-521",
     "critical,CA:TRUE", "utf8only", True),
    # PrintableStrings in Go's attribute order: Go's re-encoding of this subject
    # (intermediate-ca profile) gives the same bytes.
    ("root-ed25519", "ed25519", "/C=US/O=Golden Vectors/CN=Golden Root Ed25519",
     "critical,CA:TRUE", "MASK:0x2002", True),
    ("root-pathlen0-ed25519", "ed25519", "/C=US/O=Golden Vectors/CN=Golden Root pathlen 0",
     "critical,CA:TRUE,pathlen:0", "utf8only", True),
    ("root-pathlen1-rsa2048", "rsa2048", "/C=US/O=Golden Vectors/CN=Golden Root pathlen 1",
     "critical,CA:TRUE,pathlen:1", "utf8only", True),
    ("root-pathlen2-ed25519", "ed25519", "/C=US/O=Golden Vectors/CN=Golden Root pathlen 2",
     "critical,CA:TRUE,pathlen:2", "utf8only", True),
    ("root-noski-ed25519", "ed25519", "/C=US/O=Golden Vectors/CN=Golden Root without SKI",
     "critical,CA:TRUE", "utf8only", False),
]
ROOT_SUBJ = {r[0]: (r[2], r[4]) for r in ROOTS}

INTERMEDIATES = [
    # name, key type, parent, --path-len (None: flag not given, i.e. 0)
    ("int-pl0-ed25519", "ed25519", "root-rsa2048", None),
    ("int-pl1-rsa2048", "rsa2048", "root-ed25519", 1),
    ("int2-pl0-ed25519", "ed25519", "int-pl1-rsa2048", 0),
    ("int-nolimit-p256", "p256", "root-p256", -1),
]
BUNDLES = {  # bundle file -> certificates in it
    "issuers/int-pl0-ed25519.bundle.pem": ["int-pl0-ed25519", "root-rsa2048"],
    "issuers/int2-pl0-ed25519.bundle.pem": ["int2-pl0-ed25519", "int-pl1-rsa2048", "root-ed25519"],
}

ISSUERS: dict[str, Issuer] = {_n: Issuer.root(_n, _kt) for _n, _kt, *_ in ROOTS}
for _n, _kt, _parent, _pl in INTERMEDIATES:
    ISSUERS[_n] = ISSUERS[_parent].child(_n, _kt)
SHAPE_ISSUERS = ["root-rsa2048", "root-ed25519", "root-p256"]

# ----------------------------------------------------------------------------
# The plan: CSR shapes
# ----------------------------------------------------------------------------


@dataclass
class Shape:
    name: str
    kts: list
    desc: str
    subj: str | None = None          # openssl -subj
    ext: list = field(default_factory=list)      # [ext] config lines
    mask: str = "utf8only"
    multivalue: bool = False
    digest: str | None = None
    dn: list = field(default_factory=list)       # prompt=no [dn] lines (instead of subj)
    attrs: list = field(default_factory=list)    # [attrs] lines
    extra_conf: str = ""
    crafted: bool = False                        # built in Python, signed with openssl
    profiles: tuple = ("leaf", "intermediate-ca", "csr")
    san: str | None = None           # the leaf SAN in step's order (openssl cases)
    errors: dict = field(default_factory=dict)   # profile -> (error kind, note)
    noverify: dict = field(default_factory=dict)  # profile -> why openssl cannot verify it
    # profiles signed by all of SHAPE_ISSUERS; the others only by root-ed25519
    wide: tuple = ("leaf", "intermediate-ca", "csr")


WEB_SAN = ("URI:spiffe://acme.example/ns/web,DNS:www.acme.example,IP:192.0.2.10,"
           "email:webmaster@acme.example,IP:2001:db8::10,DNS:acme.example,"
           "URI:https://acme.example/id,email:ops@acme.example,IP:198.51.100.7")
WEB_SAN_STEP = ("DNS:www.acme.example,DNS:acme.example,email:webmaster@acme.example,"
                "email:ops@acme.example,IP:192.0.2.10,IP:2001:db8::10,IP:198.51.100.7,"
                "URI:spiffe://acme.example/ns/web,URI:https://acme.example/id")
EXT_LINES = [
    "subjectAltName = DNS:csr.acme.example,IP:192.0.2.99,URI:urn:example:csr,email:csr@acme.example",
    "1.3.6.1.4.1.55555.1 = ASN1:UTF8String:golden custom extension",
    "keyUsage = critical,digitalSignature,keyEncipherment",
    "certificatePolicies = 2.23.140.1.2.1,1.3.6.1.4.1.55555.2",
    "basicConstraints = critical,CA:TRUE,pathlen:3",
    "subjectKeyIdentifier = 00112233445566778899aabbccddeeff00112233",
    "extendedKeyUsage = serverAuth,codeSigning,1.3.6.1.4.1.55555.7",
]
AKI_NOTE = ("the CSR's authorityKeyIdentifier does not match the issuer's SKI: openssl verify "
            "cannot build the chain; the signature is checked directly")
AKI_DER = "DER:30:16:80:14:" + ":".join(f"{i:02x}" for i in range(1, 21))
CANON_SUBJ = "/C=US/ST=California/L=Mountain View/O=Acme Corp/OU=Platform/CN=Acme Issuing CA"
URIS = [
    r"HTTPS://Example.COM:443/a%2Fb/../c?q=1&r=a b\#frag",
    "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
    "spiffe://acme.example/ns/a%20b",
    "mailto:x@acme.example",
    "http://[2001:db8::1]:8080/p",
    "no-scheme",
    "file:///etc/hosts",
    "http://user:pw@h.acme.example/%7Efoo",
    "HTTP://h.acme.example/caf%C3%A9/%e2%82%ac",
]

SHAPES = [
    Shape("web", CSR_KTS, "C/ST/L/O/OU/CN (UTF8String, openssl default) and a SAN mixing DNS, "
          "IPv4, IPv6, email and URI in a scrambled order",
          subj="/C=US/ST=California/L=San Francisco/O=Acme Corp/OU=Web Services/CN=www.acme.example",
          ext=[f"subjectAltName = {WEB_SAN}"], san=WEB_SAN_STEP),
    Shape("ext", CSR_KTS, "requested extensions for the csr profile, in a scrambled order: SAN, a "
          "custom OID extension, keyUsage (critical), certificatePolicies, basicConstraints "
          "CA:TRUE pathlen 3 (critical), its own subjectKeyIdentifier, extendedKeyUsage with an "
          "unknown OID", subj="/O=Acme Corp/CN=csr-profile.acme.example", ext=EXT_LINES),
    Shape("csr-tls", CSR_KTS, "a conformant TLS server CSR for the csr profile: SAN (DNS, IP), "
          "keyUsage digitalSignature (critical), extendedKeyUsage serverAuth and clientAuth",
          subj="/O=Acme Corp/CN=tls.acme.example",
          ext=["subjectAltName = DNS:tls.acme.example,DNS:acme.example,IP:192.0.2.20",
               "keyUsage = critical,digitalSignature",
               "extendedKeyUsage = serverAuth,clientAuth"],
          profiles=("csr",)),
    Shape("multi", ["p384"], "multi-valued RDN (OU=b+OU=a), repeated O and OU, DC, UID, title, "
          "street, postalCode, emailAddress, serialNumber, two CNs (Go keeps the last); no SAN "
          "(leaf: the last CN becomes the DNS SAN)",
          subj="/DC=org/DC=example/C=US/ST=California/L=Palo Alto/street=1 Main St/"
               "postalCode=94301/O=Org Two/O=Org One/OU=b+OU=a/OU=c/title=Engineer/UID=jdoe/"
               "emailAddress=jdoe@example.org/serialNumber=SN-1234/CN=first.example/"
               "CN=second.example", multivalue=True, san="DNS:second.example"),
    Shape("utf8", ["ed25519"], "UTF-8 (accents, CJK) in ST/O/OU/CN and characters that force "
          "UTF8String in Go's re-encoding (* & @ _); ASCII DNS SAN",
          subj="/C=DE/ST=Baden-Württemberg/O=Bücher & Söhne GmbH/OU=研究開発/OU=R_D*team@x/"
               "CN=Zoë Ünïcødé 東京", ext=["subjectAltName = DNS:utf8.acme.example"],
          san="DNS:utf8.acme.example"),
    Shape("utf8-cn", ["p256"], "non-ASCII CN and no SAN: the leaf CN->SAN fallback cannot be "
          "IA5-encoded (leaf is an error unless --omit-cn-san)", subj="/O=Acme Corp/CN=名前.example",
          errors={"leaf": ("san-not-ia5", "the CN becomes a DNS SAN, which must be ASCII "
                                          "(IA5String)")}),
    Shape("bmp", ["p256"], "BMPString subject values (string_mask MASK:0x800), non-ASCII O",
          subj="/O=Café 東京/OU=ascii in bmp/CN=bmp.acme.example", mask="MASK:0x800",
          ext=["subjectAltName = DNS:bmp.acme.example"], san="DNS:bmp.acme.example"),
    Shape("t61", ["rsa2048"], "T61String subject values (string_mask MASK:0x4) holding Latin-1 "
          "bytes; Go reads them as raw bytes, so intermediate-ca re-encodes them as a "
          "UTF8String with invalid UTF-8", subj="/O=Café Ltd/OU=Zürich/CN=t61.acme.example",
          mask="MASK:0x4", ext=["subjectAltName = DNS:t61.acme.example"],
          noverify={"intermediate-ca": "Go re-encodes the T61String (Latin-1) bytes unchanged as "
                    "a UTF8String, i.e. invalid UTF-8, which OpenSSL cannot load; the signature "
                    "is checked directly"}),
    Shape("strtypes", ["p521"], "hand-made DER subject: PrintableString C, UTF8String ST, "
          "T61String L, IA5String O and CN, NumericString OU, BMPString OU with a surrogate pair "
          "(emoji), serialNumber; no SAN", crafted=True,
          noverify={p: "OpenSSL cannot load a certificate whose subject has a BMPString with a "
                    "surrogate pair; the signature is checked directly" for p in ("leaf", "csr")}),
    Shape("univ-cn", ["ed25519"], "hand-made DER subject with a VisibleString title and a "
          "UniversalString CN: Go's CSR parser ignores both (the CN is empty), Go's certificate "
          "parser rejects them, so only intermediate-ca (re-encoded subject) can be signed",
          crafted=True,
          errors={p: ("subject-unparseable", "Go re-parses the certificate it made and rejects "
                      "VisibleString/UniversalString in the (copied) subject")
                  for p in ("leaf", "csr")}),
    Shape("empty", ["p256"], "empty subject with SANs (leaf and csr: SAN critical)", subj="/",
          ext=["subjectAltName = DNS:empty-subject.acme.example,IP:203.0.113.5,"
               "email:nobody@acme.example,URI:urn:example:empty"],
          san="critical,DNS:empty-subject.acme.example,email:nobody@acme.example,"
              "IP:203.0.113.5,URI:urn:example:empty"),
    Shape("empty-nosan", ["ed25519"], "empty subject and no SAN", subj="/"),
    Shape("cn-dns", ["rsa2048"], "CN only (a DNS name), no SAN", subj="/CN=cn-only.acme.example",
          san="DNS:cn-only.acme.example",
          wide=("leaf",)),
    Shape("cn-ipv4", ["p256"], "CN only (an IPv4 address), no SAN", subj="/CN=192.0.2.44",
          san="IP:192.0.2.44",
          wide=("leaf",)),
    Shape("cn-ipv6", ["p384"], "CN only (an IPv6 address), no SAN", subj="/CN=2001:db8::44",
          wide=("leaf",)),
    Shape("cn-email", ["ed25519"], "CN only (an email address), no SAN",
          subj="/CN=john.doe@acme.example", san="email:john.doe@acme.example",
          wide=("leaf",)),
    Shape("cn-uri", ["p521"], "CN only (a URI), no SAN", subj=r"/CN=spiffe:\/\/example.org\/x",
          wide=("leaf",)),
    Shape("cn-space", ["rsa3072"], "CN only ('John Doe', becomes a DNS SAN), no SAN",
          subj="/CN=John Doe",
          wide=("leaf",)),
    Shape("ipv6", ["rsa2048"], "SAN IPs: expanded/compressed IPv6, IPv4-mapped ::ffff:192.0.2.1 "
          "(4 bytes in leaf), IPv4-compatible, ::, ::1, NAT64",
          subj="/CN=ipv6.acme.example",
          ext=["subjectAltName = IP:2001:db8:0:0:1:0:0:1,IP:::ffff:192.0.2.1,IP:::1,"
               "IP:2001:0db8:0000:0000:0000:0000:0000:0002,DNS:v6.acme.example,IP:fe80::1:2:3:4,"
               "IP:::,IP:192.0.2.200,IP:64:ff9b::c000:221,IP:::192.0.2.33"],
          san="DNS:v6.acme.example,IP:2001:db8::1:0:0:1,IP:192.0.2.1,IP:::1,IP:2001:db8::2,"
              "IP:fe80::1:2:3:4,IP:::,IP:192.0.2.200,IP:64:ff9b::c000:221,IP:::c000:221",
          wide=("leaf", "csr")),
    Shape("ext-aki", ["p256"], "requests its own authorityKeyIdentifier (keyid 0102..14, which "
          "matches no issuer) plus keyUsage and a SAN", subj="/CN=aki.acme.example",
          ext=[f"2.5.29.35 = {AKI_DER}", "keyUsage = critical,digitalSignature",
               "subjectAltName = DNS:aki.acme.example"], profiles=("csr",)),
    Shape("sha1", ["rsa2048", "p256"], "CSR signed with SHA-1 (accepted by Go for CSRs)",
          subj="/CN=sha1.acme.example", ext=["subjectAltName = DNS:sha1.acme.example"],
          digest="-sha1",
          wide=("leaf", "csr")),
    Shape("attrs", ["rsa2048"], "CSR with challengePassword and unstructuredName attributes "
          "besides the extension request", dn=["CN = attrs.acme.example"],
          attrs=["challengePassword = golden-challenge", "unstructuredName = Golden Unstructured"],
          ext=["subjectAltName = DNS:attrs.acme.example"],
          wide=("leaf", "csr")),
    Shape("san-other", ["ed25519"], "SAN with otherName (UPN), dirName and registeredID next to "
          "DNS/email/IP: the leaf keeps only DNS/email/IP, csr copies it verbatim",
          subj="/O=Acme Corp/CN=other.acme.example",
          ext=["subjectAltName = otherName:1.3.6.1.4.1.311.20.2.3;UTF8:upn@acme.example,"
               "DNS:other.acme.example,dirName:dir_sect,RID:1.2.3.4,email:other@acme.example,"
               "IP:192.0.2.77"],
          extra_conf="[dir_sect]\nCN = Directory Name\nO = Acme Corp\n",
          wide=("leaf", "csr")),
    Shape("uri-norm", ["p384"], "URI SANs that Go re-serialises (scheme lower-cased) or "
          "re-classifies ('no-scheme' becomes a DNS SAN)", subj="/CN=uri.acme.example",
          ext=["subjectAltName = " + ",".join("URI:" + u for u in URIS)],
          wide=("leaf", "csr")),
    Shape("reclass", ["rsa2048"], "SAN values step re-classifies: DNS entries that are IPs, an "
          "email or a URI, an email without @ (becomes DNS), wildcard, upper case, trailing dot",
          subj="/CN=reclass.acme.example",
          ext=["subjectAltName = DNS:192.0.2.55,DNS:2001:db8::55,DNS:user@acme.example,"
               "email:not-an-email,DNS:spiffe://acme.example/x,DNS:*.acme.example,"
               "DNS:UPPER.Acme.EXAMPLE,DNS:trailing-dot.acme.example.,"
               "email:Mixed.Case@Acme.Example"],
          wide=("leaf", "csr")),
    Shape("many-sans", ["rsa4096"], "RSA-4096 key, long subject and 60 SANs (multi-byte DER "
          "lengths everywhere)",
          subj="/C=US/ST=California/L=San Francisco/O=A Rather Long Organization Name For "
               "Multi Byte Lengths Inc/OU=Another Long Organizational Unit Name To Grow The "
               "Subject/CN=many.acme.example",
          ext=["subjectAltName = " + ",".join(
              [f"DNS:host{i:02d}.many.acme.example" for i in range(40)]
              + [f"IP:10.0.{i}.{i + 1}" for i in range(10)]
              + [f"IP:2001:db8:{i:x}::{i + 1:x}" for i in range(10)])],
          wide=("leaf", "csr")),
    Shape("canon", ["p256", "ed25519", "rsa2048"], "subject already in Go's canonical encoding "
          "(PrintableString, Go attribute order, one value per RDN): intermediate-ca keeps "
          "its bytes", subj=CANON_SUBJ, mask="MASK:0x2002"),
]
for _r, _kt in (("root-rsa2048", "p256"), ("root-ed25519", "rsa2048"), ("root-p256", "ed25519")):
    SHAPES.append(Shape(f"same-as-{_r}", [_kt], f"subject byte-equal to {_r}'s subject "
                        "(leaf/csr: no AKI)", subj=ROOT_SUBJ[_r][0], mask=ROOT_SUBJ[_r][1]))
SHAPE = {s.name: s for s in SHAPES}


def csr_path(shape: str, kt: str) -> str:
    return f"csr/{shape}-{kt}.csr"


# ----------------------------------------------------------------------------
# The plan: key files
# ----------------------------------------------------------------------------

PW_FILES = {
    "pass/golden-pass.txt": (f"{PASSWORD}\n", "the password and a newline"),
    "pass/no-newline.txt": (PASSWORD, "the password, no newline"),
    "pass/crlf.txt": (f"{PASSWORD}\r\n", "the password and CRLF"),
    "pass/trailing-space.txt": (f"{PASSWORD} \t \n\n", "the password, trailing spaces, tab, blank line"),
    "pass/unicode-space.txt": (f"{PASSWORD}\u00a0\u0085\u3000\n",
                               "the password, trailing U+00A0 U+0085 U+3000 (Unicode spaces, trimmed by Go)"),
    "pass/bom.txt": (f"\ufeff{PASSWORD}\n", "UTF-8 BOM, the password (the BOM is skipped)"),
    "pass/leading-space.txt": (f"  {PASSWORD}\n", "two leading spaces (kept) + password"),
    "pass/unit-separator.txt": (f"{PASSWORD}\x1f\n", "the password + U+001F (not a Go space: kept, so wrong)"),
    "pass/wrong.txt": ("wrong-pass\n", "a wrong password"),
    "pass/empty.txt": ("", "empty file (no password: step falls back to the prompt)"),
    "pass/whitespace-only.txt": (" \t\r\n", "only whitespace (trimmed to empty: no password)"),
}

# root, format, openssl args after "-in SRC" ... (None: special), password
KEY_FORMATS = [
    ("root-rsa2048", "pkcs1", ["pkey", "-traditional"], None),
    ("root-rsa2048", "pkcs1-aes256", ["rsa", "-traditional", "-aes256"], PASSWORD),
    ("root-rsa2048", "pkcs1-aes128", ["rsa", "-traditional", "-aes128"], PASSWORD),
    ("root-rsa2048", "pkcs1-des3", ["rsa", "-traditional", "-des3"], PASSWORD),
    ("root-rsa2048", "pkcs8-aes256-sha256", ["pkcs8", "-topk8"], PASSWORD),  # openssl default
    ("root-rsa2048", "pkcs8-aes128-sha256", ["pkcs8", "-topk8", "-v2", "aes-128-cbc"], PASSWORD),
    ("root-rsa2048", "pkcs8-aes192-sha256", ["pkcs8", "-topk8", "-v2", "aes-192-cbc"], PASSWORD),
    ("root-rsa2048", "pkcs8-aes256-sha1", ["pkcs8", "-topk8", "-v2", "aes-256-cbc",
                                           "-v2prf", "hmacWithSHA1"], PASSWORD),
    ("root-rsa2048", "pkcs8-des3-sha256", ["pkcs8", "-topk8", "-v2", "des3"], PASSWORD),
    ("root-rsa2048", "pkcs8-des3-sha1", ["pkcs8", "-topk8", "-v2", "des3",
                                         "-v2prf", "hmacWithSHA1"], PASSWORD),
    ("root-p256", "sec1", ["ec"], None),
    ("root-p256", "sec1-aes256", ["ec", "-aes256"], PASSWORD),
    ("root-p256", "sec1-des3", ["ec", "-des3"], PASSWORD),
    ("root-p256", "pkcs8-aes256-sha256", ["pkcs8", "-topk8"], PASSWORD),
    ("root-p256", "pkcs8-aes128-sha1", ["pkcs8", "-topk8", "-v2", "aes-128-cbc",
                                        "-v2prf", "hmacWithSHA1"], PASSWORD),
    ("root-p256", "ecparams", None, None),
    ("root-p384", "sec1", ["ec"], None),
    ("root-p384", "sec1-aes128", ["ec", "-aes128"], PASSWORD),
    ("root-p384", "pkcs8-des3-sha256", ["pkcs8", "-topk8", "-v2", "des3"], PASSWORD),
    ("root-p384", "ecparams", None, None),
    ("root-p521", "sec1", ["ec"], None),
    ("root-p521", "sec1-aes256", ["ec", "-aes256"], PASSWORD),
    ("root-p521", "pkcs8-aes192-sha1", ["pkcs8", "-topk8", "-v2", "aes-192-cbc",
                                        "-v2prf", "hmacWithSHA1"], PASSWORD),
    ("root-ed25519", "pkcs8-aes256-sha256", ["pkcs8", "-topk8"], PASSWORD),
    ("root-ed25519", "pkcs8-aes128-sha1", ["pkcs8", "-topk8", "-v2", "aes-128-cbc",
                                           "-v2prf", "hmacWithSHA1"], PASSWORD),
    ("root-ed25519", "pkcs8-des3-sha256", ["pkcs8", "-topk8", "-v2", "des3"], PASSWORD),
    ("root-ed25519", "pkcs8-aes256-leading-space", ["pkcs8", "-topk8"], "  " + PASSWORD),
    ("root-ed25519", "leading-text", None, None),
]


def key_format_path(root: str, fmt: str) -> str:
    return f"keys/formats/{root}.{fmt}.key"


# ----------------------------------------------------------------------------
# Input generation
# ----------------------------------------------------------------------------

INPUTS: dict[str, str] = {}


def wfile(rel: str, data: bytes | str, desc: str | None = None):
    write_file(rel, data)
    if desc:
        INPUTS[rel] = desc


def req_config(mask="utf8only", ext=(), dn=(), attrs=(), extra="", x509_ext=None) -> str:
    lines = ["[req]", "distinguished_name = dn", f"string_mask = {mask}", "utf8 = yes"]
    if ext:
        lines.append("req_extensions = ext")
    if x509_ext is not None:
        lines.append("x509_extensions = v3")
    if attrs:
        lines.append("attributes = attrs")
    if dn:
        lines.append("prompt = no")
    lines += ["[dn]", *dn]
    if ext:
        lines += ["[ext]", *ext]
    if x509_ext is not None:
        lines += ["[v3]", *x509_ext]
    if attrs:
        lines += ["[attrs]", *attrs]
    return "\n".join(lines) + "\n" + extra


def make_cert_x509(T: Tools, key: str, subj: str, v3: list, out: str, mask="utf8only", serial=None):
    cf = T.tmpfile(".cnf")
    cf.write_text(req_config(mask=mask, x509_ext=v3))
    serial = serial or auto_serial(out)
    T.ssl("req", "-x509", "-new", "-config", cf, "-key", key, "-subj", subj, "-utf8",
          "-days", "7300", "-set_serial", serial, "-out", out)


def root_v3(bc, ski=True, ku="critical,keyCertSign,cRLSign"):
    v3 = []
    if bc:
        v3.append(f"basicConstraints = {bc}")
    if ku:
        v3.append(f"keyUsage = {ku}")
    v3.append(f"subjectKeyIdentifier = {'hash' if ski else 'none'}")
    v3.append(f"authorityKeyIdentifier = {'keyid:always' if ski else 'none'}")
    return v3


def make_csr(T: Tools, shape: Shape, kt: str, out: str | None = None, key: str | None = None):
    out = out or csr_path(shape.name, kt)
    key = key or f"keys/subject/{kt}.key"
    if shape.crafted:
        wfile(out, pem("CERTIFICATE REQUEST", crafted_csr(T, shape.name, key, kt)))
        return
    cf = T.tmpfile(".cnf")
    cf.write_text(req_config(shape.mask, shape.ext, shape.dn, shape.attrs, shape.extra_conf))
    args = ["req", "-new", "-config", cf, "-key", key, "-utf8", "-batch", "-out", out]
    if shape.subj is not None:
        args += ["-subj", shape.subj]
    if shape.multivalue:
        args.append("-multivalue-rdn")
    if shape.digest:
        args.append(shape.digest)
    T.ssl(*args)


SIGALG = {"rsa": ("1.2.840.113549.1.1.11", True, "sha256"),
          "p256": ("1.2.840.10045.4.3.2", False, "sha256"),
          "p384": ("1.2.840.10045.4.3.3", False, "sha384"),
          "p521": ("1.2.840.10045.4.3.4", False, "sha512"),
          "ed": ("1.3.101.112", False, None)}


def sign_blob(T: Tools, key: str, kt: str, data: bytes) -> tuple[bytes, bytes]:
    """(AlgorithmIdentifier, signature) as step's issuer kinds sign."""
    alg, null, hsh = SIGALG[family(kt) if family(kt) != "ec" else kt]
    f, s = T.tmpfile(".bin"), T.tmpfile(".sig")
    f.write_bytes(data)
    if hsh is None:
        T.ssl("pkeyutl", "-sign", "-inkey", key, "-rawin", "-in", f, "-out", s)
    else:
        T.ssl("dgst", f"-{hsh}", "-sign", key, "-out", s, f)
    return seq(oid(alg), b"\x05\x00" if null else b""), s.read_bytes()


def rdn(*atvs: tuple[str, int, bytes]) -> bytes:
    return set_of(*(atv(o, t, v) for o, t, v in atvs))


def crafted_csr(T: Tools, shape: str, key: str, kt: str) -> bytes:
    if shape == "strtypes":
        name = seq(
            rdn(("2.5.4.6", 0x13, b"DE")),
            rdn(("2.5.4.8", 0x0C, "Bayern".encode())),
            rdn(("2.5.4.7", 0x14, b"Muenchen")),                       # T61String
            rdn(("2.5.4.10", 0x16, b"IA5 Org")),                       # IA5String
            rdn(("2.5.4.11", 0x12, b"12345")),                         # NumericString
            rdn(("2.5.4.11", 0x1E, "Emoji \U0001F600".encode("utf-16-be"))),  # BMPString
            rdn(("2.5.4.3", 0x16, b"strtypes.acme.example")),          # IA5String CN
            rdn(("2.5.4.5", 0x13, b"42")),
        )
    elif shape == "univ-cn":
        name = seq(rdn(("2.5.4.10", 0x0C, b"Acme Corp")),
                   rdn(("2.5.4.12", 0x1A, b"Visible Title")),                 # VisibleString
                   rdn(("2.5.4.3", 0x1C, "univ.acme.example".encode("utf-32-be"))))
    else:
        raise ValueError(shape)
    spki = T.ssl("pkey", "-in", key, "-pubout", "-outform", "DER")
    cri = seq(tlv(0x02, b"\x00"), name, spki, tlv(0xA0, b""))
    alg, sig = sign_blob(T, key, kt, cri)
    return seq(cri, alg, tlv(0x03, b"\x00" + sig))


def rebuild_csr(der: bytes, cri: bytes | None = None, sig: bytes | None = None) -> bytes:
    _, s, e = read_tlv(der)
    kids = der_children(der[s:e])
    return seq(cri if cri is not None else kids[0][1], kids[1][1],
               tlv(0x03, b"\x00" + sig) if sig is not None else kids[2][1])


def csr_sig(der: bytes) -> bytes:
    _, s, e = read_tlv(der)
    return der_children(der[s:e])[2][2][1:]


def gen_inputs(T: Tools, jobs: int):
    for d in INPUT_DIRS:
        shutil.rmtree(VEC / d, ignore_errors=True)
    for d in ["keys/subject", "keys/formats", "csr", "issuers", "bad", "pass"]:
        (VEC / d).mkdir(parents=True, exist_ok=True)

    # 1. private keys (in parallel: RSA generation is the slow part)
    keys = {f"keys/subject/{kt}.key": kt for kt in CSR_KTS + ["rsa4096"]}
    keys.update({f"issuers/{n}.key": kt for n, kt, *_ in ROOTS})
    keys.update({f"issuers/{n}.key": kt for n, kt, *_ in INTERMEDIATES})
    keys.update({f"bad/issuer-{n}.key": "ed25519"
                 for n in ("leaf", "no-certsign", "no-ku", "ca-false", "no-bc")})
    keys["bad/csr-ed448.key"] = "ed448"
    pmap(jobs, lambda kv: T.ssl("genpkey", *GENPKEY[kv[1]], "-out", kv[0]), keys.items())
    for p, kt in keys.items():
        INPUTS[p] = f"{kt} private key (PKCS#8, unencrypted, openssl genpkey)"

    # 2. roots
    def mk_root(r):
        name, kt, subj, bc, mask, ski = r
        make_cert_x509(T, f"issuers/{name}.key", subj, root_v3(bc, ski), f"issuers/{name}.crt", mask)
        INPUTS[f"issuers/{name}.crt"] = (
            f"self-signed {kt} root '{subj}', basicConstraints {bc}, keyUsage critical "
            f"keyCertSign+cRLSign, " + ("SKI+AKI" if ski else "no SKI, no AKI")
            + (", PrintableString subject" if "2002" in mask else ""))
    pmap(jobs, mk_root, ROOTS)

    # 3. intermediates, made by step-sign-ref
    for name, kt, parent, pl in INTERMEDIATES:
        shape = Shape(name, [kt], "", subj=f"/C=US/O=Golden Vectors/OU=Intermediates/CN=Golden "
                      f"Intermediate {name}")
        make_csr(T, shape, kt, out=f"issuers/{name}.csr", key=f"issuers/{name}.key")
        INPUTS[f"issuers/{name}.csr"] = f"CSR of the intermediate {name}"
        p = ISSUERS[parent]
        argv = [f"issuers/{name}.csr", p.crt, p.key, "--profile=intermediate-ca",
                f"--serial={auto_serial(name)}", "--not-before=2024-01-01T00:00:00Z",
                "--not-after=2034-01-01T00:00:00Z"] + ([] if pl is None else [f"--path-len={pl}"])
        r = T.step(argv)
        if r.returncode:
            raise Fail(f"step-sign-ref {' '.join(argv)}: {r.stderr.decode()}")
        wfile(f"issuers/{name}.crt", r.stdout,
              f"{kt} intermediate CA signed by {parent} with step-sign-ref: "
              + " ".join(argv))
    for path, members in BUNDLES.items():
        wfile(path, b"".join(rfile(ISSUERS[m].crt) for m in members),
              "PEM bundle: " + " + ".join(members) + " (first = issuer)")

    # 4. issuer file variants
    rsa_der = T.ssl("x509", "-in", "issuers/root-rsa2048.crt", "-outform", "DER")
    wfile("issuers/root-rsa2048.der", rsa_der, "root-rsa2048.crt in DER")
    wfile("issuers/root-ed25519.commented.pem",
          b"# Golden Root Ed25519 - a comment line before everything\n"
          + rfile("issuers/root-ed25519.key")
          + b"\nSome text between the blocks.\n\n" + rfile("issuers/root-ed25519.crt")
          + b"# trailing comment\n",
          "comment lines + the root-ed25519 private key block + root-ed25519.crt")
    p256_der = first_der(rfile("issuers/root-p256.crt"))
    b64 = base64.b64encode(p256_der).decode()
    hdr_block = ("-----BEGIN CERTIFICATE-----\nComment: ignored by step because it has a "
                 "header\n\n" + "\n".join(b64[i:i + 64] for i in range(0, len(b64), 64))
                 + "\n-----END CERTIFICATE-----\n")
    wfile("issuers/root-rsa2048.headers.pem", hdr_block.encode() + rfile("issuers/root-rsa2048.crt"),
          "a CERTIFICATE block with a PEM header (root-p256, skipped by step) then "
          "root-rsa2048.crt")

    # 5. bad issuers
    bad_issuers = {
        "no-certsign": (root_v3("critical,CA:TRUE", ku="critical,digitalSignature,cRLSign"),
                        "CA:TRUE but keyUsage without keyCertSign"),
        "no-ku": (root_v3("critical,CA:TRUE", ku=None), "CA:TRUE, no keyUsage extension"),
        "ca-false": (root_v3("critical,CA:FALSE"), "CA:FALSE with keyCertSign"),
        "no-bc": (root_v3(None), "keyCertSign but no basicConstraints"),
    }
    for n, (v3, d) in bad_issuers.items():
        make_cert_x509(T, f"bad/issuer-{n}.key", f"/O=Golden Vectors/CN=Bad issuer {n}", v3,
                       f"bad/issuer-{n}.crt")
        INPUTS[f"bad/issuer-{n}.crt"] = f"self-signed Ed25519 certificate: {d}"
    leaf_csr = T.tmpfile(".csr")
    T.ssl("req", "-new", "-config", write_tmp(T, req_config()), "-key", "bad/issuer-leaf.key",
          "-subj", "/CN=leaf-as-issuer.acme.example", "-out", leaf_csr)
    r = T.step([leaf_csr, "issuers/root-ed25519.crt", "issuers/root-ed25519.key",
                "--serial=0x1eaf", f"--not-before={NB}", "--not-after=2035-01-01T00:00:00Z"])
    wfile("bad/issuer-leaf.crt", r.stdout, "an Ed25519 leaf certificate (not a CA) signed by "
          "root-ed25519 with step-sign-ref")

    # 6. password files
    for p, (txt, d) in PW_FILES.items():
        wfile(p, txt.encode("utf-8"), d)

    # 7. key formats
    for root, fmt, args, pw in KEY_FORMATS:
        out = key_format_path(root, fmt)
        src = f"issuers/{root}.key"
        if fmt == "ecparams":
            kt = ISSUERS[root].kt
            params = T.ssl("ecparam", "-name", CURVE_NAME[kt])
            wfile(out, params + T.ssl("ec", "-in", src),
                  f"{root} key as `openssl ecparam -genkey` writes it: EC PARAMETERS block, "
                  "then the SEC1 EC PRIVATE KEY block")
            continue
        if fmt == "leading-text":
            wfile(out, b"Golden Root Ed25519 private key (text before the PEM block)\n\n"
                  + rfile(src), f"{root} key (PKCS#8) after a line of text")
            continue
        make_key_variant(T, src, out, args, pw, ISSUERS[root])
        INPUTS[out] = (f"{root} key, {fmt}" + (f", password {pw!r}" if pw else "")
                       + f" (openssl {' '.join(args)})")

    # 8. CSRs
    jobs_csr = [(s, kt) for s in SHAPES for kt in s.kts]
    pmap(jobs, lambda sk: make_csr(T, sk[0], sk[1]), jobs_csr)
    for s, kt in jobs_csr:
        INPUTS[csr_path(s.name, kt)] = f"{kt} CSR, shape '{s.name}': {s.desc}" + (
            f" (-subj '{s.subj}')" if s.subj is not None else "")
    web = rfile("csr/web-p256.csr")
    web_der = first_der(web, "CERTIFICATE REQUEST")
    wfile("csr/web-p256.der", web_der, "csr/web-p256.csr in DER")
    wfile("csr/web-p256.bom.der", b"\xef\xbb\xbf" + web_der, "UTF-8 BOM + csr/web-p256.der")
    wfile("csr/web-ed25519.new-label.csr",
          rfile("csr/web-ed25519.csr").replace(b"CERTIFICATE REQUEST", b"NEW CERTIFICATE REQUEST"),
          "csr/web-ed25519.csr with the label NEW CERTIFICATE REQUEST")
    pub = T.ssl("pkey", "-in", "keys/subject/rsa2048.key", "-pubout")
    wfile("csr/cn-dns-rsa2048.leading-text.csr",
          b"Text before the PEM blocks.\n" + pub + b"some text\n" + rfile("csr/cn-dns-rsa2048.csr")
          + rfile("csr/web-p384.csr") + b"trailing text\n",
          "text, a PUBLIC KEY block, csr/cn-dns-rsa2048.csr, csr/web-p384.csr (ignored), text")
    wfile("csr/web-rsa2048.crlf.csr", rfile("csr/web-rsa2048.csr").replace(b"\n", b"\r\n"),
          "csr/web-rsa2048.csr with CRLF line ends")
    wfile("csr/web-p521.bom.csr", b"\xef\xbb\xbf" + rfile("csr/web-p521.csr"),
          "UTF-8 BOM + csr/web-p521.csr")

    gen_bad(T)


def write_tmp(T: Tools, text: str) -> Path:
    p = T.tmpfile(".cnf")
    p.write_text(text)
    return p


WRONG_PW_FILES = {"pass/wrong.txt": "wrong-pass", "pass/leading-space.txt": "  " + PASSWORD,
                  "pass/unit-separator.txt": PASSWORD + "\x1f", "pass/golden-pass.txt": PASSWORD}


def make_key_variant(T: Tools, src: str, out: str, args: list, pw: str | None, iss: Issuer,
                     misread=False, tries=40):
    """Write src re-encoded/encrypted by openssl. For encrypted keys, retry until
    step-sign-ref *detects* every wrong password used by the cases (the PKCS#5
    padding check passes by chance for about 1 key in 256), so that the
    recorded error messages are stable."""
    cmd = [args[0], "-in", src, *args[1:], "-out", out]
    if pw is not None:
        cmd += ["-passout", f"pass:{pw}"]
    for _ in range(tries):
        T.ssl(*cmd)
        if pw is None or wrong_password_detected(T, out, iss, pw, misread):
            return
    raise Fail(f"could not make {out} with detectable wrong passwords")


def wrong_password_detected(T: Tools, key: str, iss: Issuer, pw: str, misread: bool) -> bool:
    for f, value in WRONG_PW_FILES.items():
        if value == pw and not misread:
            continue
        # any CSR does: the key is read before anything is signed
        r = T.step(["issuers/int-pl0-ed25519.csr", iss.crt, key, f"--password-file={f}"])
        if b"password incorrect" not in r.stderr:
            return False
    return True


def gen_bad(T: Tools):
    web_der = first_der(rfile("csr/web-p256.csr"), "CERTIFICATE REQUEST")
    wfile("bad/csr-truncated.der", web_der[:len(web_der) // 2], "first half of csr/web-p256.der")
    wfile("bad/csr-truncated.pem", pem("CERTIFICATE REQUEST", web_der[:-10]),
          "PEM of csr/web-p256.der minus its last 10 bytes")
    wfile("bad/csr-garbage-body.pem",
          pem("CERTIFICATE REQUEST", hashlib.sha256(b"garbage").digest() * 4),
          "CERTIFICATE REQUEST block whose body is valid base64 of random bytes")
    wfile("bad/csr-bad-base64.pem",
          "-----BEGIN CERTIFICATE REQUEST-----\nthis is *not* base64!\n"
          "-----END CERTIFICATE REQUEST-----\n", "CERTIFICATE REQUEST block with invalid base64")
    wfile("bad/csr-is-certificate.pem", rfile("issuers/root-p256.crt"),
          "a certificate instead of a CSR")
    wfile("bad/csr-empty.csr", b"", "empty file")
    wfile("bad/csr-trailing-data.der", web_der + b"\x00\x00", "csr/web-p256.der + 2 zero bytes")
    rsa = first_der(rfile("csr/cn-dns-rsa2048.csr"), "CERTIFICATE REQUEST")
    sig = bytearray(csr_sig(rsa))
    sig[len(sig) // 2] ^= 0x01
    wfile("bad/csr-bitflip-rsa2048.csr", pem("CERTIFICATE REQUEST", rebuild_csr(rsa, sig=bytes(sig))),
          "csr/cn-dns-rsa2048.csr with one bit of the signature flipped")
    sig = bytearray(csr_sig(web_der))
    sig[-1] ^= 0x01                     # last byte of s: DER stays valid
    wfile("bad/csr-bitflip-p256.csr", pem("CERTIFICATE REQUEST", rebuild_csr(web_der, sig=bytes(sig))),
          "csr/web-p256.csr with the lowest bit of the ECDSA s value flipped")
    ed = first_der(rfile("csr/cn-email-ed25519.csr"), "CERTIFICATE REQUEST")
    sig = bytearray(csr_sig(ed))
    sig[3] ^= 0x80
    wfile("bad/csr-bitflip-ed25519.csr", pem("CERTIFICATE REQUEST", rebuild_csr(ed, sig=bytes(sig))),
          "csr/cn-email-ed25519.csr with one bit of the signature flipped")
    forged = web_der.replace(b"www.acme.example", b"www.evil.example", 1)
    assert forged != web_der
    wfile("bad/csr-subject-changed.csr", pem("CERTIFICATE REQUEST", forged),
          "csr/web-p256.csr with the subject CN changed after signing (same length)")
    ed448_csr = T.tmpfile(".csr")
    T.ssl("req", "-new", "-config", write_tmp(T, req_config()), "-key", "bad/csr-ed448.key",
          "-subj", "/CN=ed448.acme.example", "-out", ed448_csr)
    wfile("bad/csr-ed448.csr", ed448_csr.read_bytes(), "Ed448 CSR (key type Go does not support)")
    T.ssl("req", "-new", "-config", write_tmp(T, req_config()), "-key", "keys/subject/rsa2048.key",
          "-subj", "/CN=md5.acme.example", "-md5", "-out", "bad/csr-md5.csr")
    INPUTS["bad/csr-md5.csr"] = "RSA CSR signed with MD5 (Go refuses MD5)"

    root_der = first_der(rfile("issuers/root-ed25519.crt"))
    wfile("bad/crt-bad-base64.pem", "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n"
          "-----END CERTIFICATE-----\n", "CERTIFICATE block with invalid base64")
    wfile("bad/crt-garbage-body.pem", pem("CERTIFICATE", hashlib.sha256(b"crt").digest() * 3),
          "CERTIFICATE block whose body is random bytes")
    wfile("bad/crt-no-cert.pem", rfile("issuers/root-ed25519.key"),
          "PEM file with only a private key block (no certificate)")
    wfile("bad/crt-truncated.der", root_der[:-20], "root-ed25519 certificate DER minus 20 bytes")
    wfile("bad/crt-is-csr.pem", rfile("csr/web-p256.csr"), "a CSR instead of a certificate")

    key = rfile("issuers/root-ed25519.key")
    wfile("bad/key-cert-and-key.pem", rfile("issuers/root-ed25519.crt") + key,
          "root-ed25519.crt followed by root-ed25519.key (two PEM blocks)")
    wfile("bad/key-public.pem", T.ssl("pkey", "-in", "issuers/root-ed25519.key", "-pubout"),
          "public key of root-ed25519")
    wfile("bad/key-der.der", T.ssl("pkey", "-in", "issuers/root-ed25519.key", "-outform", "DER"),
          "root-ed25519 key as DER PKCS#8 (step only reads PEM keys)")
    wfile("bad/key-unknown-type.pem", key.replace(b"PRIVATE KEY", b"FOO PRIVATE KEY"),
          "root-ed25519 key re-labelled FOO PRIVATE KEY")
    wfile("bad/key-trailing-text.key", key + b"trailing text after the block\n",
          "root-ed25519 key followed by a line of text")
    wfile("bad/key-garbage-body.pem", pem("PRIVATE KEY", hashlib.sha256(b"key").digest() * 3),
          "PRIVATE KEY block whose body is random bytes")
    wfile("bad/key-ed448.pem", rfile("bad/csr-ed448.key"), "Ed448 private key (PKCS#8)")
    make_key_variant(T, "issuers/root-rsa2048.key", "bad/key-pkcs8-sha512-prf.key",
                     ["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA512"], PASSWORD,
                     ISSUERS["root-rsa2048"], misread=True)
    INPUTS["bad/key-pkcs8-sha512-prf.key"] = (
        "root-rsa2048 key, PBES2 AES-256-CBC with PRF hmacWithSHA512, the right password "
        "'golden-pass'; step treats every PRF other than hmacWithSHA256 as SHA-1")
    T.ssl("pkcs8", "-topk8", "-in", "issuers/root-rsa2048.key", "-v1", "PBE-SHA1-3DES",
          "-passout", f"pass:{PASSWORD}", "-out", "bad/key-pbes1.key")
    INPUTS["bad/key-pbes1.key"] = "root-rsa2048 key, PKCS#8 PBES1 pbeWithSHA1And3-KeyTripleDES-CBC"
    T.ssl("pkcs8", "-topk8", "-in", "issuers/root-rsa2048.key", "-scrypt",
          "-passout", f"pass:{PASSWORD}", "-out", "bad/key-scrypt.key")
    INPUTS["bad/key-scrypt.key"] = "root-rsa2048 key, PKCS#8 PBES2 with scrypt"


# ----------------------------------------------------------------------------
# The plan: cases
# ----------------------------------------------------------------------------


@dataclass
class Case(BaseCase):
    ref_argv: list | None = None      # what step-sign-ref runs when it differs from argv
    same_as: str | None = None        # must give the same certificate as that case
    osl: dict | None = None           # recipe for maker openssl
    expect_mismatch: bool = False     # openssl attempt expected to differ (documentation)
    # results
    refusal: str | None = None
    command: str | None = None
    config: str | None = None


CASES = CaseList()


def std_argv(csr, iss: Issuer, profile="leaf", *, serial=None, nb=NB, na=NA, extra=(),
             key=None, crt=None, name=""):
    return sign_argv(csr, crt or iss.crt, key or iss.key,
                     None if profile is None else f"--profile={profile}", extra,
                     serial or auto_serial(name), nb, na)


def base_tags(profile, iss: Issuer | None, kt=None, shape=None) -> list:
    t = []
    if profile:
        t.append(f"profile:{profile}")
    if iss:
        t += iss.tags
    if kt:
        t.append(f"csr:{kt}")
    if shape:
        t.append(f"shape:{shape}")
    return t


def sign_case(name, csr, iss: Issuer, profile="leaf", *, kt=None, shape=None, tags=(), extra=(),
              serial=None, nb=NB, na=NA, key=None, crt=None, argv=None, stdin=None, **kw) -> Case:
    if argv is None:
        argv = std_argv(csr, iss, profile, serial=serial, nb=nb, na=na, extra=extra, key=key,
                        crt=crt, name=name)
    return CASES.add(Case(name, argv, base_tags(profile, iss, kt, shape) + list(tags), issuer=iss,
                          stdin=stdin, **kw))


def err_case(name, argv, kind, tags=(), stdin=None, note=None):
    return CASES.add(Case(name, argv, list(tags) + [f"error:{kind}"], stdin=stdin, error=kind,
                          note=note))


def shape_tags(shape: str, profile: str) -> list:
    t = []
    if profile == "leaf" and (shape.startswith("cn-") or shape in ("multi", "strtypes")):
        t.append("san:cn-fallback")
    if profile != "intermediate-ca" and shape == "empty":
        t.append("san:critical")
    return t


def plan():
    R = ISSUERS

    # --- matrix: every profile x issuer key type x CSR key type ---------------
    for profile, shape in (("leaf", "web"), ("intermediate-ca", "web"), ("csr", "ext"), ("csr", "csr-tls")):
        for ikt in ISSUER_KTS:
            iss = R[f"root-{ikt}"]
            for kt in CSR_KTS:
                sign_case(f"{profile}/{ikt}-issuer/{kt}-{shape}", csr_path(shape, kt), iss,
                          profile, kt=kt, shape=shape, tags=["matrix"])

    # --- other shapes x profiles x (RSA, Ed25519, P-256) issuers ---------------
    for s in SHAPES:
        same = s.name.startswith("same-as-")
        issuers = [s.name[len("same-as-"):]] if same else SHAPE_ISSUERS
        for profile in s.profiles:
            for iname in issuers if profile in s.wide else ["root-ed25519"]:
                iss = R[iname]
                for kt in s.kts:
                    if s.name in ("web", "ext", "csr-tls") and kt != "p256":
                        continue        # the matrix has the other key types
                    name = f"{profile}/{iss.short}-issuer/{kt}-{s.name}"
                    if name in CASES.names:
                        continue
                    csr = csr_path(s.name, kt)
                    tags, kw = shape_tags(s.name, profile), {}
                    if same and profile != "intermediate-ca":
                        tags.append("aki:absent")
                    if s.name == "ext-aki":
                        kw.update(verify=False, note=AKI_NOTE)
                    if s.name == "t61" and profile == "intermediate-ca":
                        tags.append("quirk:invalid-utf8")
                    if profile in s.noverify:
                        kw.update(verify=False, note=s.noverify[profile])
                    if profile in s.errors:
                        kind, note = s.errors[profile]
                        ename = f"error/{kind}/{name}"
                        err_case(ename, std_argv(csr, iss, profile, name=ename), kind,
                                 tags=base_tags(profile, iss, kt, s.name), note=note)
                    else:
                        sign_case(name, csr, iss, profile, kt=kt, shape=s.name, tags=tags, **kw)
                    if profile == "leaf" and iname == "root-ed25519" and (
                            s.name.startswith("cn-") or s.name in ("utf8-cn", "multi", "strtypes")):
                        sign_case(name + "+omit-cn-san", csr, iss, profile, kt=kt, shape=s.name,
                                  extra=["--omit-cn-san"], tags=["flag:omit-cn-san"], **kw)
    # ext-aki with the issuer without SKI: openssl can verify that one
    sign_case("csr/root-noski-ed25519-issuer/p256-ext-aki", csr_path("ext-aki", "p256"),
              R["root-noski-ed25519"], "csr", kt="p256", shape="ext-aki")

    # --- CSR input encodings (leaf; same certificate as the PEM CSR) ----------
    variants = [
        ("der", "csr/web-p256.der", "p256", None),
        ("der-bom", "csr/web-p256.bom.der", "p256", None),
        ("stdin", "-", "p256", "csr/web-p256.csr"),
        ("stdin-der", "-", "p256", "csr/web-p256.der"),
        ("new-label", "csr/web-ed25519.new-label.csr", "ed25519", None),
        ("crlf", "csr/web-rsa2048.crlf.csr", "rsa2048", None),
        ("pem-bom", "csr/web-p521.bom.csr", "p521", None),
    ]
    for iname in SHAPE_ISSUERS:
        iss = R[iname]
        for v, csr, kt, stdin in variants:
            base = f"leaf/{iss.kt}-issuer/{kt}-web"
            sign_case(f"csr-input/{v}/{iss.kt}-issuer", csr, iss, "leaf", kt=kt, shape="web",
                      serial=auto_serial(base), stdin=stdin, tags=[f"input:{v}"], same_as=base)
        sign_case(f"csr-input/leading-text/{iss.kt}-issuer", "csr/cn-dns-rsa2048.leading-text.csr",
                  iss, "leaf", kt="rsa2048", shape="cn-dns", tags=["input:leading-text"],
                  serial=auto_serial(f"leaf/{iss.kt}-issuer/rsa2048-cn-dns"),
                  same_as=f"leaf/{iss.kt}-issuer/rsa2048-cn-dns")
    iss = R["root-ed25519"]
    for profile in ("csr", "intermediate-ca"):
        base = f"{profile}/ed25519-issuer/p256-{'ext' if profile == 'csr' else 'web'}"
        csr = "csr/ext-p256.csr" if profile == "csr" else "csr/web-p256.csr"
        sign_case(f"csr-input/stdin/ed25519-issuer-{profile}", "-", iss, profile, kt="p256",
                  stdin=csr, serial=auto_serial(base), tags=["input:stdin"], same_as=base)

    # --- issuers ---------------------------------------------------------------
    ed, rsa = R["root-ed25519"], R["root-rsa2048"]
    web = "csr/web-p256.csr"
    sign_case("issuers/der/leaf", web, rsa, crt="issuers/root-rsa2048.der", kt="p256",
              tags=["issuer-file:der"], serial=auto_serial("leaf/rsa2048-issuer/p256-web"),
              same_as="leaf/rsa2048-issuer/p256-web")
    sign_case("issuers/der/bundle", web, rsa, crt="issuers/root-rsa2048.der", kt="p256",
              extra=["--bundle"], tags=["issuer-file:der", "flag:bundle"])
    sign_case("issuers/commented-pem/leaf", web, ed, crt="issuers/root-ed25519.commented.pem",
              kt="p256", tags=["issuer-file:commented"],
              serial=auto_serial("leaf/ed25519-issuer/p256-web"),
              same_as="leaf/ed25519-issuer/p256-web")
    sign_case("issuers/commented-pem/bundle", web, ed, crt="issuers/root-ed25519.commented.pem",
              kt="p256", extra=["--bundle"], tags=["issuer-file:commented", "flag:bundle"])
    sign_case("issuers/headers-pem/leaf", web, rsa, crt="issuers/root-rsa2048.headers.pem",
              kt="p256", tags=["issuer-file:pem-headers"])
    sign_case("issuers/headers-pem/bundle", web, rsa, crt="issuers/root-rsa2048.headers.pem",
              kt="p256", extra=["--bundle"], tags=["issuer-file:pem-headers", "flag:bundle"])
    noski = R["root-noski-ed25519"]
    for profile, csr, kt in (("leaf", web, "p256"), ("csr", "csr/ext-ed25519.csr", "ed25519"),
                             ("intermediate-ca", "csr/canon-rsa2048.csr", "rsa2048")):
        sign_case(f"issuers/noski/{profile}", csr, noski, profile, kt=kt, tags=["aki:absent"])
    i0 = R["int-pl0-ed25519"]
    sign_case("issuers/int-pl0-ed25519/leaf-web", web, i0, kt="p256", shape="web")
    sign_case("issuers/int-pl0-ed25519/leaf-cn-dns", "csr/cn-dns-rsa2048.csr", i0, kt="rsa2048",
              shape="cn-dns")
    sign_case("issuers/int-pl0-ed25519/csr-ext", "csr/ext-p384.csr", i0, "csr", kt="p384",
              shape="ext")
    sign_case("issuers/int-pl0-ed25519/bundle", web, i0, kt="p256", extra=["--bundle"],
              tags=["flag:bundle"])
    sign_case("issuers/int-pl0-ed25519/bundle-file", web, i0, kt="p256",
              crt="issuers/int-pl0-ed25519.bundle.pem", tags=["issuer-file:bundle"])
    sign_case("issuers/int-pl0-ed25519/bundle-file+bundle", web, i0, kt="p256",
              crt="issuers/int-pl0-ed25519.bundle.pem", extra=["--bundle"],
              tags=["issuer-file:bundle", "flag:bundle"])
    i1 = R["int-pl1-rsa2048"]
    sign_case("issuers/int-pl1-rsa2048/leaf", "csr/cn-email-ed25519.csr", i1, kt="ed25519")
    sign_case("issuers/int-pl1-rsa2048/intermediate-ca-pl0", "csr/canon-ed25519.csr", i1,
              "intermediate-ca", kt="ed25519", extra=["--path-len=0"], tags=["flag:path-len"])
    sign_case("issuers/int-pl1-rsa2048/intermediate-ca-default", "csr/canon-p256.csr", i1,
              "intermediate-ca", kt="p256")
    i2 = R["int2-pl0-ed25519"]
    sign_case("issuers/int2-pl0-ed25519/leaf", web, i2, kt="p256")
    sign_case("issuers/int2-pl0-ed25519/bundle-file+bundle", web, i2, kt="p256",
              crt="issuers/int2-pl0-ed25519.bundle.pem", extra=["--bundle"],
              tags=["issuer-file:bundle", "flag:bundle"])
    sign_case("issuers/int2-pl0-ed25519/csr", "csr/ext-rsa3072.csr", i2, "csr", kt="rsa3072")
    inl = R["int-nolimit-p256"]
    sign_case("issuers/int-nolimit-p256/leaf", "csr/cn-ipv4-p256.csr", inl, kt="p256")
    sign_case("issuers/int-nolimit-p256/intermediate-ca-pl5", "csr/canon-ed25519.csr", inl,
              "intermediate-ca", kt="ed25519", extra=["--path-len=5"], tags=["flag:path-len"])
    sign_case("issuers/int-nolimit-p256/intermediate-ca-nolimit", "csr/canon-p256.csr", inl,
              "intermediate-ca", kt="p256", extra=["--path-len=-1"], tags=["flag:path-len"])
    p0, p1, p2 = R["root-pathlen0-ed25519"], R["root-pathlen1-rsa2048"], R["root-pathlen2-ed25519"]
    sign_case("issuers/root-pathlen0-ed25519/leaf", web, p0, kt="p256")
    sign_case("issuers/root-pathlen0-ed25519/csr", "csr/ext-p256.csr", p0, "csr", kt="p256")
    sign_case("issuers/root-pathlen1-rsa2048/leaf", web, p1, kt="p256")
    sign_case("issuers/root-pathlen1-rsa2048/intermediate-ca-default", "csr/canon-p256.csr", p1,
              "intermediate-ca", kt="p256")
    sign_case("issuers/root-pathlen1-rsa2048/intermediate-ca-pl0", "csr/canon-ed25519.csr", p1,
              "intermediate-ca", kt="ed25519", extra=["--path-len=0"], tags=["flag:path-len"])
    sign_case("issuers/root-pathlen2-ed25519/intermediate-ca-pl1", "csr/canon-rsa2048.csr", p2,
              "intermediate-ca", kt="rsa2048", extra=["--path-len=1"], tags=["flag:path-len"])
    sign_case("issuers/root-pathlen2-ed25519/intermediate-ca-pl0", "csr/canon-p256.csr", p2,
              "intermediate-ca", kt="p256", extra=["--path-len=0"], tags=["flag:path-len"])

    # --- flags -----------------------------------------------------------------
    canon = "csr/canon-p256.csr"
    for v in ["-1", "0", "1", "2", "7", "127", "128", "1000"]:
        sign_case(f"flags/path-len/{v}", canon, ed, "intermediate-ca", kt="p256", shape="canon",
                  extra=[f"--path-len={v}"], tags=["flag:path-len"])
    sign_case("flags/path-len/default", canon, ed, "intermediate-ca", kt="p256", shape="canon",
              tags=["flag:path-len"])
    sign_case("flags/path-len/leaf-ignored", web, ed, "leaf", kt="p256", extra=["--path-len=3"],
              tags=["flag:path-len"], serial=auto_serial("leaf/ed25519-issuer/p256-web"),
              same_as="leaf/ed25519-issuer/p256-web")
    sign_case("flags/path-len/csr-ignored", "csr/ext-p256.csr", ed, "csr", kt="p256",
              extra=["--path-len=-1"], tags=["flag:path-len"],
              serial=auto_serial("csr/ed25519-issuer/p256-ext"), same_as="csr/ed25519-issuer/p256-ext")
    for ikt in ISSUER_KTS:
        sign_case(f"flags/bundle/leaf-{ikt}-issuer", web, R[f"root-{ikt}"], kt="p256",
                  extra=["--bundle"], tags=["flag:bundle"])
    sign_case("flags/bundle/intermediate-ca", canon, ed, "intermediate-ca", kt="p256",
              extra=["--bundle"], tags=["flag:bundle"])
    sign_case("flags/bundle/csr", "csr/ext-p256.csr", rsa, "csr", kt="p256",
              extra=["--bundle"], tags=["flag:bundle"])
    for profile, csr, kt in (("leaf", web, "p256"), ("csr", "csr/cn-dns-rsa2048.csr", "rsa2048"),
                             ("intermediate-ca", "csr/cn-dns-rsa2048.csr", "rsa2048"),
                             ("leaf", "csr/empty-nosan-ed25519.csr", "ed25519")):
        tail = "empty-nosan" if "empty" in csr else profile
        sign_case(f"flags/omit-cn-san/{tail}", csr, ed, profile, kt=kt, extra=["--omit-cn-san"],
                  tags=["flag:omit-cn-san"])

    # --- validity --------------------------------------------------------------
    times = [
        ("utc-2049-to-generalized-2050", "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z", []),
        ("generalized-2050-2100", "2050-01-01T00:00:00Z", "2100-01-01T00:00:00Z", []),
        ("max-9999", "2050-01-01T00:00:00Z", "9999-12-31T23:59:59Z", []),
        ("1949-to-1950", "1949-12-31T23:59:59Z", "1950-01-01T00:00:00Z", []),
        ("1900-to-1949", "1900-01-01T00:00:00Z", "1949-12-31T23:59:59Z", []),
        ("year-1", "0001-01-01T00:00:01Z", "2025-01-01T00:00:00Z", []),
        ("fraction-truncated", "2025-01-01T00:00:00.999Z", "2025-06-01T00:00:00.5Z", []),
        ("nanoseconds", "2025-01-01T00:00:00.123456789Z", "2025-06-01T23:59:59.999999999Z", []),
        ("offsets", "2025-01-01T02:00:00+02:00", "2025-06-01T12:00:00-05:30", []),
        ("offset-previous-year", "2025-01-01T01:00:00+02:00", "2025-01-01T00:30:00+01:00", []),
        ("offset-back-below-2050", "2050-01-01T01:00:00+02:00", "2050-01-01T01:00:01+02:00", []),
        ("offset-forward-to-2050", "2049-12-31T20:00:00-05:00", "2049-12-31T23:00:00-03:00", []),
        ("offset-zero", "2025-01-01T00:00:00+00:00", "2025-06-01T00:00:00-00:00", []),
        ("equal", "2025-03-01T12:00:00Z", "2025-03-01T12:00:00Z", []),
        ("equal-after-truncation", "2025-03-01T12:00:00.1Z", "2025-03-01T12:00:00.9Z", []),
        ("leap-day", "2024-02-29T12:00:00Z", "2028-02-29T12:00:00Z", []),
        ("comma-fraction", "2025-01-01T00:00:00,5Z", NA, ["quirk:go-time"]),
        ("offset-24h", "2025-01-02T00:00:00+24:00", NA, ["quirk:go-time"]),
    ]
    for label, nb, na, tg in times:
        sign_case(f"time/{label}", web, ed, kt="p256", nb=nb, na=na, tags=["time"] + tg)
    defaults = [
        ("default-leaf", "leaf", web, NB),
        ("default-csr", "csr", "csr/ext-p256.csr", NB),
        ("default-intermediate-ca", "intermediate-ca", canon, NB),
        ("default-leaf-crosses-2050", "leaf", web, "2049-12-31T12:00:00Z"),
        ("default-intermediate-ca-crosses-2050", "intermediate-ca", canon, "2045-01-01T00:00:00Z"),
        ("default-leaf-fraction", "leaf", web, "2025-01-01T00:00:00.999Z"),
        ("default-leaf-offset", "leaf", web, "2025-01-01T00:00:00-08:00"),
    ]
    for label, profile, csr, nb in defaults:
        sign_case(f"time/{label}", csr, ed, profile, kt="p256", nb=nb, na=None,
                  tags=["time", "time:default-not-after"])
    sign_case("time/empty-not-after", web, ed, kt="p256", na=None, extra=["--not-after="],
              tags=["time", "time:default-not-after"])
    sign_case("time/rsa-issuer-2050", "csr/web-ed25519.csr", rsa, kt="ed25519",
              nb="2049-06-01T00:00:00Z", na="2051-01-01T00:00:00Z", tags=["time"])
    sign_case("time/p256-issuer-1949", "csr/web-rsa2048.csr", R["root-p256"], kt="rsa2048",
              nb="1949-06-01T00:00:00Z", na="1950-06-01T00:00:00Z", tags=["time"])

    # --- serial numbers --------------------------------------------------------
    serials = [("0", "0"), ("1", "1"), ("127", "127"), ("128", "128"), ("255", "255"),
               ("256", "256"), ("32767", "32767"), ("32768", "32768"),
               ("2^63-1", str(2**63 - 1)), ("2^63", str(2**63)), ("2^64", str(2**64)),
               ("2^128-1", str(2**128 - 1)), ("2^159", str(2**159)),
               ("2^160-1", str(2**160 - 1)),
               ("hex-0x0", "0x0"), ("hex-0x7f", "0x7f"), ("hex-0x80", "0x80"),
               ("hex-leading-zeros", "0x00ff"), ("hex-upper-prefix", "0X7F"),
               ("hex-upper-digits", "0xABCDEF"), ("hex-2^64", "0x10000000000000000"),
               ("hex-2^128-1", "0x" + "f" * 32)]
    for label, v in serials:
        sign_case(f"serial/{label}", web, ed, kt="p256", serial=v, tags=["serial"])
    for label, v in [("octal-0o", "0o17"), ("binary-0b", "0b101"), ("octal-leading-zero", "010"),
                     ("underscores", "1_000")]:
        sign_case(f"serial/go-syntax-{label}", web, ed, kt="p256", serial=v,
                  tags=["serial", "serial:go-syntax"],
                  note="--serial is parsed with Go math/big SetString(s, 0)")

    # --- argv forms ------------------------------------------------------------
    c, k = ed.crt, ed.key
    n_ = lambda n: f"--serial={auto_serial(f'argv/{n}')}"
    tnb, tna = f"--not-before={NB}", f"--not-after={NA}"
    cn = "csr/cn-dns-rsa2048.csr"
    args = [  # name, profile, CSR key type, argv
        ("flags-first", "leaf", "p256",
         ["--profile=leaf", n_("flags-first"), tnb, tna, web, c, k]),
        ("separate-values", "csr", "p256",
         [web, c, k, "--profile", "csr", "--serial", auto_serial("argv/separate-values"),
          "--not-before", NB, "--not-after", NA]),
        ("separate-values-first", "intermediate-ca", "p256",
         ["--profile", "intermediate-ca", "--path-len", "1", "--serial",
          auto_serial("argv/separate-values-first"), "--not-before", NB, "--not-after", NA,
          canon, c, k]),
        ("separate-negative-path-len", "intermediate-ca", "p256",
         ["--profile", "intermediate-ca", "--path-len", "-1", "--serial",
          auto_serial("argv/separate-negative-path-len"), "--not-before", NB, "--not-after", NA,
          canon, c, k]),
        ("interleaved", "csr", "p256",
         [web, "--profile=csr", c, n_("interleaved"), k, tnb, tna]),
        ("default-profile", "leaf", "p256", [web, c, k, n_("default-profile"), tnb, tna]),
        ("single-dash", "csr", "p256",
         [web, c, k, "-profile=csr", "-" + n_("single-dash")[2:], f"-not-before={NB}",
          f"-not-after={NA}"]),
        ("repeated-flag-last-wins", "leaf", "p256",
         [web, c, k, "--profile=csr", "--profile=leaf", n_("repeated-flag-last-wins"), tnb, tna]),
        ("bool-explicit-true", "leaf", "p256",
         [web, c, k, "--profile=leaf", "--bundle=true", n_("bool-explicit-true"), tnb, tna]),
        ("bool-explicit-false", "leaf", "rsa2048",
         [cn, c, k, "--profile=leaf", "--omit-cn-san=false", n_("bool-explicit-false"), tnb, tna]),
        ("bool-flags-last", "leaf", "rsa2048",
         [cn, c, k, "--profile=leaf", n_("bool-flags-last"), tnb, tna, "--omit-cn-san", "--bundle"]),
    ]
    for n, prof, kt, a in args:
        sign_case(f"argv/{n}", None, ed, prof, kt=kt, argv=a, tags=["argv"])

    # --- issuer keys -----------------------------------------------------------
    for root, fmt, _, pw in KEY_FORMATS:
        iss = R[root]
        path = key_format_path(root, fmt)
        csr, kt = web, "p256"
        extra = []
        if pw:
            extra = ["--password-file=pass/leading-space.txt" if pw.startswith(" ")
                     else "--password-file=pass/golden-pass.txt"]
        base = f"leaf/{iss.kt}-issuer/p256-web"
        tags = [f"key:{fmt}"] + (["key:encrypted"] if pw else [])
        if fmt == "ecparams":
            sec1 = key_format_path(root, "sec1")
            name = f"keys/{root}/{fmt}"
            sign_case(name, csr, iss, key=path, kt=kt, tags=tags + ["ecparams"],
                      ref_argv=std_argv(csr, iss, key=sec1, name=name),
                      note="step-sign-ref refuses a key file with two PEM blocks; pkisign accepts "
                           "a leading EC PARAMETERS block. The expected output was made by "
                           f"step-sign-ref with the same key in plain SEC1 form ({sec1}), see "
                           "ref_argv and ref_refusal")
            continue
        sign_case(f"keys/{root}/{fmt}", csr, iss, key=path, kt=kt, extra=extra, tags=tags,
                  serial=auto_serial(base), same_as=base)
    sign_case("keys/root-rsa2048/pkcs8-unencrypted+password-file", web, rsa, kt="p256",
              extra=["--password-file=pass/golden-pass.txt"], tags=["key:pkcs8", "password:unused"],
              serial=auto_serial("leaf/rsa2048-issuer/p256-web"), same_as="leaf/rsa2048-issuer/p256-web")
    enc = key_format_path("root-ed25519", "pkcs8-aes256-sha256")
    for pf in ["no-newline", "crlf", "trailing-space", "unicode-space", "bom"]:
        sign_case(f"password/{pf}", web, ed, key=enc, kt="p256",
                  extra=[f"--password-file=pass/{pf}.txt"], tags=[f"password:{pf}", "key:encrypted"],
                  serial=auto_serial("leaf/ed25519-issuer/p256-web"),
                  same_as="leaf/ed25519-issuer/p256-web")
    sign_case("password/stdin", web, ed, key=enc, kt="p256", extra=["--password-file=-"],
              stdin="pass/golden-pass.txt", tags=["password:stdin", "key:encrypted"],
              serial=auto_serial("leaf/ed25519-issuer/p256-web"), same_as="leaf/ed25519-issuer/p256-web")

    # --- OpenSSL-made ----------------------------------------------------------
    plan_openssl()

    # --- errors ----------------------------------------------------------------
    plan_errors()


def leaf_ext(kt: str, san: str | None) -> list:
    ku = "digitalSignature,keyEncipherment" if family(kt) == "rsa" else "digitalSignature"
    e = [f"keyUsage = critical,{ku}", "extendedKeyUsage = serverAuth,clientAuth",
         "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"]
    if san:
        e.append(f"subjectAltName = {san}")
    return e


def int_ext(pl: int) -> list:
    bc = "critical,CA:TRUE" + (f",pathlen:{pl}" if pl >= 0 else "")
    return ["keyUsage = critical,keyCertSign,cRLSign", f"basicConstraints = {bc}",
            "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"]


def plan_openssl():
    R = ISSUERS
    items = []   # name, issuer, shape, kt, profile, ext lines, copy, extra flags, kw
    for iname, kts in (("root-rsa2048", ["p256", "rsa2048"]), ("root-ed25519", ["ed25519", "rsa3072"])):
        for kt in kts:
            items.append((iname, "web", kt, "leaf", leaf_ext(kt, WEB_SAN_STEP), False, [], {}))
    for iname, shape, kt in (("root-rsa2048", "cn-dns", "rsa2048"), ("root-ed25519", "cn-email", "ed25519"),
                             ("root-ed25519", "cn-ipv4", "p256"), ("root-rsa2048", "ipv6", "rsa2048"),
                             ("root-ed25519", "multi", "p384"), ("root-rsa2048", "utf8", "ed25519"),
                             ("root-ed25519", "bmp", "p256"), ("root-rsa2048", "empty", "p256")):
        items.append((iname, shape, kt, "leaf", leaf_ext(kt, SHAPE[shape].san), False, [], {}))
    for iname, kt, pl in (("root-rsa2048", "p256", None), ("root-ed25519", "ed25519", -1),
                          ("root-ed25519", "rsa2048", 2)):
        items.append((iname, "canon", kt, "intermediate-ca", int_ext(pl or 0), False,
                      [] if pl is None else [f"--path-len={pl}"], {}))
    for iname, kt in (("root-rsa2048", "rsa2048"), ("root-ed25519", "p256"), ("root-ed25519", "ed25519")):
        items.append((iname, "ext", kt, "csr", ["authorityKeyIdentifier = keyid"], True, [], {}))
    items.append(("root-rsa2048", "ext-aki", "p256", "csr", ["subjectKeyIdentifier = hash"], True,
                  [], {"verify": False}))
    items.append(("root-ed25519", "cn-dns", "rsa2048", "csr",
                  ["subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"], False, [], {}))
    # validity and serial corner cases
    items.append(("root-ed25519", "web", "p256", "leaf", leaf_ext("p256", WEB_SAN_STEP), False, [],
                  {"nb": "2049-12-31T23:59:59Z", "na": "2050-01-01T00:00:00Z", "suffix": "+2050"}))
    items.append(("root-rsa2048", "web", "ed25519", "leaf", leaf_ext("ed25519", WEB_SAN_STEP), False,
                  [], {"serial": "0x80", "suffix": "+serial-0x80"}))
    # attempts OpenSSL cannot reproduce (kept out of cases.json, listed in the summary)
    items.append(("root-ed25519", "web", "p256", "intermediate-ca", int_ext(0), False, [],
                  {"mismatch": "intermediate-ca re-encodes the subject (UTF8String -> "
                               "PrintableString); openssl ca -preserveDN keeps the CSR's bytes"}))
    items.append(("root-ed25519", "empty", "p256", "csr", ["subjectKeyIdentifier = hash",
                  "authorityKeyIdentifier = keyid"], True, [],
                  {"mismatch": "csr profile with an empty subject marks the copied SAN critical; "
                               "openssl copy_extensions copies it unchanged"}))
    for iname, shape, kt, profile, ext, copy, extra, kw in items:
        iss = R[iname]
        name = f"openssl/{profile}/{iss.kt}-issuer/{kt}-{shape}{kw.get('suffix', '')}"
        nb, na = kw.get("nb", NB), kw.get("na", NA)
        serial = kw.get("serial", auto_serial(name))
        argv = std_argv(csr_path(shape, kt), iss, profile, serial=serial, nb=nb, na=na, extra=extra)
        c = Case(name, argv, base_tags(profile, iss, kt, shape) + ["maker:openssl"], issuer=iss,
                 maker="openssl", verify=kw.get("verify", True),
                 osl={"csr": csr_path(shape, kt), "ext": ext, "copy": copy, "serial": go_int(serial),
                      "nb": nb, "na": na},
                 expect_mismatch="mismatch" in kw, note=kw.get("mismatch"))
        if c.verify is False:
            c.note = AKI_NOTE
        CASES.add(c)


def plan_errors():
    R = ISSUERS
    ed, rsa = R["root-ed25519"], R["root-rsa2048"]
    web = "csr/web-p256.csr"

    def e(name, kind, csr=web, iss=ed, profile="leaf", extra=(), key=None, crt=None, argv=None,
          stdin=None, note=None, nb=NB, na=NA):
        full = f"error/{kind}/{name}"
        if argv is None:
            argv = std_argv(csr, iss, profile, extra=extra, key=key, crt=crt, nb=nb, na=na,
                            name=full)
        err_case(full, argv, kind, stdin=stdin, note=note)

    # CSR
    for f in ["csr-truncated.der", "csr-truncated.pem", "csr-garbage-body.pem", "csr-bad-base64.pem",
              "csr-is-certificate.pem", "csr-empty.csr", "csr-trailing-data.der"]:
        e(f.removeprefix("csr-").replace(".", "-"), "csr-malformed", csr=f"bad/{f}")
    e("stdin-empty", "csr-malformed", csr="-", stdin="bad/csr-empty.csr")
    for f in ["csr-bitflip-rsa2048.csr", "csr-bitflip-p256.csr", "csr-bitflip-ed25519.csr",
              "csr-subject-changed.csr"]:
        e(f.rsplit(".", 1)[0].removeprefix("csr-"), "csr-signature", csr=f"bad/{f}")
    e("md5", "csr-signature", csr="bad/csr-md5.csr")
    e("ed448", "csr-unsupported-key", csr="bad/csr-ed448.csr")
    # issuer file
    for f in ["crt-bad-base64.pem", "crt-garbage-body.pem", "crt-no-cert.pem", "crt-truncated.der",
              "crt-is-csr.pem"]:
        e(f.removeprefix("crt-").replace(".", "-"), "issuer-malformed", crt=f"bad/{f}")
    # keys and passwords
    enc = key_format_path("root-ed25519", "pkcs8-aes256-sha256")
    e("pkcs8", "wrong-password", key=enc, extra=["--password-file=pass/wrong.txt"])
    e("legacy-pem", "wrong-password", iss=R["root-p256"], key=key_format_path("root-p256", "sec1-aes256"),
      extra=["--password-file=pass/wrong.txt"])
    e("leading-space-stripped", "wrong-password", key=enc,
      extra=["--password-file=pass/leading-space.txt"],
      note="leading whitespace of a password file is kept")
    e("unit-separator-kept", "wrong-password", key=enc,
      extra=["--password-file=pass/unit-separator.txt"],
      note="U+001F is not a Unicode space: Go keeps it (Python's str.rstrip() would strip it)")
    e("sha512-prf", "wrong-password", iss=rsa, key="bad/key-pkcs8-sha512-prf.key",
      extra=["--password-file=pass/golden-pass.txt"],
      note="right password, but step derives the key with HMAC-SHA1 for every PRF other than "
           "hmacWithSHA256, so the decryption fails")
    e("no-password-file", "no-password", key=enc,
      note="encrypted key, no --password-file and no terminal (run without a controlling tty)")
    e("empty-password-file", "no-password", key=enc, extra=["--password-file=pass/empty.txt"],
      note="an empty password means 'ask': no terminal")
    e("whitespace-only-password-file", "no-password", key=enc,
      extra=["--password-file=pass/whitespace-only.txt"])
    e("password-file-missing", "missing-file", key=enc,
      extra=["--password-file=pass/does-not-exist.txt"])
    e("password-file-missing-unencrypted-key", "missing-file",
      extra=["--password-file=pass/does-not-exist.txt"],
      note="the password file is read even when the key is not encrypted")
    e("pbes1", "key-unsupported", iss=rsa, key="bad/key-pbes1.key",
      extra=["--password-file=pass/golden-pass.txt"])
    e("scrypt", "key-unsupported", iss=rsa, key="bad/key-scrypt.key",
      extra=["--password-file=pass/golden-pass.txt"])
    e("cert-and-key", "key-format", key="bad/key-cert-and-key.pem")
    e("trailing-text", "key-format", key="bad/key-trailing-text.key")
    e("public-key", "key-format", key="bad/key-public.pem")
    e("der-key", "key-format", key="bad/key-der.der")
    e("unknown-pem-type", "key-format", key="bad/key-unknown-type.pem")
    e("garbage-body", "key-format", key="bad/key-garbage-body.pem")
    e("ed448", "key-format", key="bad/key-ed448.pem")
    e("certificate-as-key", "key-format", key=ed.crt)
    # key / issuer mismatch
    e("same-type-rsa", "key-mismatch", iss=rsa, key=R["root-pathlen1-rsa2048"].key)
    e("same-type-ed25519", "key-mismatch", key=R["root-pathlen0-ed25519"].key)
    e("other-curve", "key-mismatch", iss=R["root-p256"], key=R["root-p384"].key)
    e("rsa-vs-ed25519", "key-mismatch", iss=rsa, key=ed.key)
    e("ec-vs-rsa", "key-mismatch", iss=R["root-p256"], key=rsa.key)
    e("first-cert-of-bundle", "key-mismatch", crt="issuers/int-pl0-ed25519.bundle.pem",
      key=rsa.key, note="the issuer is the first certificate of the bundle")
    # issuer checks
    for n, kind in (("leaf", "issuer-not-ca"), ("ca-false", "issuer-not-ca"),
                    ("no-bc", "issuer-not-ca"), ("no-certsign", "issuer-no-certsign"),
                    ("no-ku", "issuer-no-certsign")):
        for profile in ("leaf", "intermediate-ca", "csr"):
            e(f"{n}-{profile}", kind, profile=profile, crt=f"bad/issuer-{n}.crt",
              key=f"bad/issuer-{n}.key",
              csr=web if profile != "intermediate-ca" else "csr/canon-p256.csr")
    canon = "csr/canon-p256.csr"
    pl = [("root-pathlen0-default", "root-pathlen0-ed25519", []),
          ("root-pathlen0-nolimit", "root-pathlen0-ed25519", ["--path-len=-1"]),
          ("root-pathlen1-pl1", "root-pathlen1-rsa2048", ["--path-len=1"]),
          ("root-pathlen1-nolimit", "root-pathlen1-rsa2048", ["--path-len=-1"]),
          ("root-pathlen2-pl2", "root-pathlen2-ed25519", ["--path-len=2"]),
          ("root-pathlen2-pl3", "root-pathlen2-ed25519", ["--path-len=3"]),
          ("root-pathlen2-nolimit", "root-pathlen2-ed25519", ["--path-len=-1"]),
          ("int-pl0-default", "int-pl0-ed25519", []),
          ("int2-pl0-default", "int2-pl0-ed25519", []),
          ("int-pl1-pl1", "int-pl1-rsa2048", ["--path-len=1"])]
    for n, iname, extra in pl:
        e(n, "issuer-pathlen", csr=canon, iss=R[iname], profile="intermediate-ca", extra=extra)
    # flags
    e("minus-2", "path-len", csr=canon, profile="intermediate-ca", extra=["--path-len=-2"])
    e("not-a-number", "path-len", csr=canon, profile="intermediate-ca", extra=["--path-len=abc"])
    e("fraction", "path-len", csr=canon, profile="intermediate-ca", extra=["--path-len=1.5"])
    for p in ["LEAF", "intermediate", "ca", ""]:
        e(p or "empty", "profile", profile=p)
    for label, nb, na in [("duration-1d", "1d", NA), ("tomorrow", NB, "tomorrow"),
                          ("date-only", "2025-01-01", NA), ("space-separator", "2025-01-01 00:00:00Z", NA),
                          ("lowercase", "2025-01-01t00:00:00z", NA), ("no-seconds", "2025-01-01T00:00Z", NA),
                          ("no-timezone", "2025-01-01T00:00:00", NA),
                          ("leap-second", "2016-12-31T23:59:60Z", NA),
                          ("hour-24", "2025-01-01T24:00:00Z", NA), ("feb-29-2025", NB, "2025-02-29T00:00:00Z"),
                          ("year-10000", NB, "10000-01-01T00:00:00Z"),
                          ("trailing-dot-fraction", "2025-01-01T00:00:00.Z", NA)]:
        e(label, "time", nb=nb, na=na)
    e("before-after", "time-order", nb=NA, na=NB)
    e("before-after-by-fraction", "time-order", nb="2025-03-01T12:00:00.9Z",
      na="2025-03-01T12:00:00.1Z", note="compared before truncation to whole seconds")
    e("before-after-by-1s", "time-order", nb="2025-01-01T00:00:01Z", na="2025-01-01T00:00:00Z")
    e("offset-makes-it-later", "time-order", nb="2025-01-01T00:00:00-01:00", na="2025-01-01T00:30:00Z")
    e("not-after-in-past-only", "time-order", nb=None, na="2000-01-01T00:00:00Z",
      note="not-before defaults to now")
    e("not-after-negative-duration", "time-order", nb=None, na="-1h",
      note="a duration is relative to now; not-before defaults to now")
    e("negative", "serial", argv=std_argv(web, ed, serial="-1"))
    e("not-a-number", "serial", argv=std_argv(web, ed, serial="abc"))
    e("empty-hex", "serial", argv=std_argv(web, ed, serial="0x"))
    e("fraction", "serial", argv=std_argv(web, ed, serial="1.5"))
    # files and arguments
    e("csr", "missing-file", csr="csr/does-not-exist.csr")
    e("crt", "missing-file", crt="issuers/does-not-exist.crt")
    e("key", "missing-file", key="issuers/does-not-exist.key")
    e("no-positionals", "args", argv=["--profile=leaf", f"--not-before={NB}", f"--not-after={NA}"])
    e("two-positionals", "args", argv=[web, ed.crt, "--profile=leaf"])
    e("four-positionals", "args", argv=[web, ed.crt, ed.key, ed.key, "--profile=leaf"])
    e("unknown-flag", "flag", argv=std_argv(web, ed, extra=["--frobnicate"]))
    e("missing-flag-value", "flag", argv=[web, ed.crt, ed.key, "--profile"])
    e("bad-bool-value", "flag", argv=std_argv(web, ed, extra=["--bundle=maybe"]))


# ----------------------------------------------------------------------------
# Running
# ----------------------------------------------------------------------------

@guarded()
def run_case(T: Tools, c: Case):
    step_twice(T, c, c.ref_argv or c.argv)
    if c.error or c.out is None:
        return
    if c.ref_argv:
        r = T.step(c.argv, stdin_bytes(c))
        if r.returncode == 0:
            problem(f"{c.name}: step-sign-ref was expected to refuse {c.argv}")
        c.refusal = r.stderr.decode("utf-8", "replace").rstrip("\n")
    if c.maker == "openssl":
        run_openssl(T, c)


OSSL_CONF = """# openssl ca configuration; $ENV::CADIR is a fresh directory with an empty
# index.txt and a serial file
[ca]
default_ca = golden
[golden]
dir = $ENV::CADIR
database = $dir/index.txt
serial = $dir/serial
new_certs_dir = $dir
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = yes
copy_extensions = {copy}
[policy_any]
commonName = optional
[ext]
{ext}
"""


def osl_date(s: str) -> str:
    return go_time(s).strftime("%Y%m%d%H%M%S").rjust(14, "0") + "Z"


def run_openssl(T: Tools, c: Case):
    o = c.osl
    conf = OSSL_CONF.format(copy="copy" if o["copy"] else "none", ext="\n".join(o["ext"]))
    hexser = format(o["serial"], "X")
    hexser = hexser.rjust(len(hexser) + len(hexser) % 2, "0")
    cadir = Path(tempfile.mkdtemp(dir=T.tmp))
    (cadir / "index.txt").write_text("")
    (cadir / "serial").write_text(hexser + "\n")
    (cadir / "ca.cnf").write_text(conf)
    out = cadir / "out.pem"
    iss = c.issuer
    ca_args = ["ca", "-batch", "-config", "$CADIR/ca.cnf", "-cert", iss.crt, "-keyfile", iss.key,
               "-in", o["csr"], "-out", c.expect, "-notext", "-preserveDN",
               "-startdate", osl_date(o["nb"]), "-enddate", osl_date(o["na"]), "-extensions", "ext"]
    env = dict(T.env, CADIR=str(cadir))
    real = [a.replace("$CADIR", str(cadir)) if a != c.expect else str(out) for a in ca_args]
    T.run([T.openssl, *real], env=env)
    quoted = [shlex.quote(a) if "$CADIR" not in a else f'"{a}"' for a in ca_args]
    c.command = "; ".join([
        'export CADIR="$(mktemp -d)"', ': > "$CADIR/index.txt"',
        f'echo {hexser} > "$CADIR/serial"',
        f'printf %s {shlex.quote(conf)} > "$CADIR/ca.cnf"',
        "openssl " + " ".join(quoted)])
    c.config = conf
    made = out.read_bytes()
    c.osl["made"] = made
    c.osl["equal"] = made == c.out


@guarded("verification: ")
def verify_case(T: Tools, c: Case):
    blocks = pem_certs(c.out)
    der = blocks[0]
    if c.verify:
        f = T.tmpfile(".pem")
        f.write_bytes(pem("CERTIFICATE", der))
        verify_chain(T, c, f)
    else:
        verify_signature(T, der, c.issuer.crt)
    # serial, validity, issuer name, bundle, tags
    tbs, _, _ = cert_parts(der)
    f = tbs_fields(tbs)
    flags = split_argv(c.ref_argv or c.argv)[0]
    if "serial" in flags and f["serial"] != go_int(flags["serial"]):
        problem(f"{c.name}: serial {f['serial']} != {flags['serial']}")
    check_issuer_name(c, f)
    (t1, nbt), (t2, nat) = validity(f)
    for tag, t in ((t1, nbt), (t2, nat)):
        if (tag == 0x17) != (1950 <= t.year <= 2049):
            problem(f"{c.name}: time {t} encoded with tag {tag:#x}")
    if flags.get("not-before"):
        want_nb = go_time(flags["not-before"])
        if nbt != want_nb:
            problem(f"{c.name}: notBefore {nbt} != {want_nb}")
        if flags.get("not-after"):
            want_na = go_time(flags["not-after"])
        else:
            hours = 87600 if flags.get("profile") == "intermediate-ca" else 24
            want_na = want_nb + dt.timedelta(hours=hours)
        if nat != want_na:
            problem(f"{c.name}: notAfter {nat} != {want_na}")
    check_bundle(c, blocks, flags, split_argv(c.argv)[1][1])
    check_tags(c, f)


# ----------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------


def case_json(c: Case) -> dict:
    before = {"command": c.command, "openssl_config": c.config} if c.maker == "openssl" else {}
    after = {}
    if c.ref_argv:
        after.update({"ref_argv": c.ref_argv, "ref_refusal": c.refusal})
    if c.same_as:
        after["same_as"] = c.same_as
    return base_case_json(c, before, after)


def summary(cases: list, dropped: list, elapsed: float):
    ok = [c for c in cases if not c.error]
    errs = [c for c in cases if c.error]
    print(f"\n{len(cases)} cases: {len(ok)} certificates "
          f"({sum(c.compare == 'bytes' for c in ok)} bytes, {sum(c.compare == 'tbs' for c in ok)} tbs), "
          f"{len(errs)} error cases")
    grid = Counter((next(t.split(":")[1] for t in c.tags if t.startswith("profile:")),
                    c.issuer.kt, c.maker) for c in ok)
    print(f"\n{'profile':16} {'issuer':9} {'maker':14} cases")
    for (p, k, m), n in sorted(grid.items()):
        print(f"{p:16} {k:9} {m:14} {n:5}")
    print("\nby group: " + tally(c.name.split("/")[0] for c in cases))
    print("error kinds: " + tally((c.error for c in errs), sort=True))
    for c in dropped:
        print(f"openssl cannot reproduce {c.name}: {c.note or 'bytes differ'}")
    print(f"\ndone in {elapsed:.1f} s")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only-sign", action="store_true",
                    help="keep keys/CSRs/issuers/bad/pass, re-create out/ and cases.json")
    tool_options(ap)
    args = ap.parse_args()
    check_tools(args, "make_vectors")
    t0 = time.monotonic()
    cases_file = VEC / "cases.json"
    with tempfile.TemporaryDirectory(prefix="vectors-") as tmp:
        T = Tools.from_args(args, tmp)
        if args.only_sign:
            if not cases_file.exists():
                sys.exit("make_vectors: --only-sign needs an existing cases.json (its inputs list)")
            INPUTS.update(json.loads(cases_file.read_text())["inputs"])
            missing = [p for p in INPUTS if not (VEC / p).exists()]
            if missing:
                sys.exit(f"make_vectors: --only-sign: missing inputs: {missing[:5]}")
        else:
            print("generating inputs ...", flush=True)
            gen_inputs(T, args.jobs)
        print(f"inputs ready ({time.monotonic() - t0:.1f} s); planning ...", flush=True)
        plan()
        cases_file.unlink(missing_ok=True)
        shutil.rmtree(VEC / "out", ignore_errors=True)
        print(f"running {len(CASES)} cases ...", flush=True)
        pmap(args.jobs, lambda c: run_case(T, c), CASES)

        by_name = {c.name: c for c in CASES}
        dropped = []
        for c in CASES:
            if c.maker == "openssl" and c.out is not None and c.osl and "equal" in c.osl:
                if c.expect_mismatch:
                    if c.osl["equal"]:
                        problem(f"{c.name}: openssl unexpectedly reproduces step's bytes")
                    dropped.append(c)
                elif not c.osl["equal"]:
                    problem(f"{c.name}: openssl output differs from step-sign-ref's")
                    dropped.append(c)
            if c.same_as and c.out is not None:
                other = by_name[c.same_as]
                if other.out is not None and not same_cert(c.out, other.out, c.compare):
                    problem(f"{c.name}: differs from {c.same_as}")
        final = [c for c in CASES if c not in dropped]
        for c in final:
            if c.out is not None:
                write_file(c.expect, c.osl["made"] if c.maker == "openssl" else c.out)
        print("verifying ...", flush=True)
        pmap(args.jobs, lambda c: verify_case(T, c), [c for c in final if c.out is not None])
        exit_on_problems()
        doc = {"generated_by": tool_versions(T, "make_vectors.py", {"not-before": NB, "not-after": NA,
                                                                   "password": PASSWORD}),
               "inputs": dict(sorted(INPUTS.items())),
               "cases": [case_json(c) for c in final]}
        cases_file.write_text(dump_json(doc))
        summary(final, dropped, time.monotonic() - t0)


if __name__ == "__main__":
    main()
