"""Code shared by the golden-vector generators make_vectors.py and make_template_vectors.py.

A small DER / PEM toolkit, Go-compatible parsing of step-sign-ref's flag values, the runner
of step-sign-ref and openssl, the issuer and case records, the checks both generators apply
to step-sign-ref's outputs, and the JSON writer of cases.json / template_cases.json.

Both scripts live next to this file and import it by name (running a script puts its own
directory first on sys.path). Python 3.10+, standard library only; never imports or runs
pkisign.
"""
from __future__ import annotations

import argparse
import base64
import concurrent.futures
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

VEC = Path(__file__).resolve().parent
NB = "2025-01-01T00:00:00Z"          # default --not-before of the cases
NA = "2025-06-01T00:00:00Z"          # default --not-after of the cases

# ----------------------------------------------------------------------------
# Small DER / PEM toolkit
# ----------------------------------------------------------------------------


def der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + der_len(len(content)) + content


def seq(*items: bytes) -> bytes:
    return tlv(0x30, b"".join(items))


def set_of(*items: bytes) -> bytes:
    return tlv(0x31, b"".join(items))


def oid_content(dotted: str) -> bytes:
    """The contents octets of an OBJECT IDENTIFIER (X.690 8.19), base-128 arcs."""
    parts = [int(x) for x in dotted.split(".")]
    body = bytearray()
    for n in [parts[0] * 40 + parts[1]] + parts[2:]:
        enc = [n & 0x7F]
        n >>= 7
        while n:
            enc.append(0x80 | (n & 0x7F))
            n >>= 7
        body += bytes(reversed(enc))
    return bytes(body)


def oid(dotted: str) -> bytes:
    return tlv(0x06, oid_content(dotted))


def int_content(value: int) -> bytes:
    """The contents octets of an INTEGER: minimal two's complement (X.690 8.3.2)."""
    return value.to_bytes((value + (value < 0)).bit_length() // 8 + 1, "big", signed=True)


def integer(value: int) -> bytes:
    return tlv(0x02, int_content(value))


def atv(o: str, tag: int, value: bytes) -> bytes:
    """AttributeTypeAndValue: SEQUENCE { OID, string of the given tag }."""
    return seq(oid(o), tlv(tag, value))


def read_tlv(buf: bytes, off: int = 0) -> tuple[int, int, int]:
    """Return (tag, content_start, end) of the TLV at off."""
    if off + 2 > len(buf):
        raise ValueError("truncated DER")
    tag, ln, hdr = buf[off], buf[off + 1], 2
    if ln & 0x80:
        n = ln & 0x7F
        ln = int.from_bytes(buf[off + 2:off + 2 + n], "big")
        hdr += n
    start, end = off + hdr, off + hdr + ln
    if end > len(buf):
        raise ValueError("truncated DER")
    return tag, start, end


def der_children(content: bytes) -> list[tuple[int, bytes, bytes]]:
    """Split a constructed value's content into (tag, full TLV, content)."""
    out, off = [], 0
    while off < len(content):
        tag, s, e = read_tlv(content, off)
        out.append((tag, content[off:e], content[s:e]))
        off = e
    return out


def oid_str(der_oid: bytes) -> str:
    """Dotted form of a DER OBJECT IDENTIFIER (the full TLV)."""
    _, s, e = read_tlv(der_oid)
    body, parts, n = der_oid[s:e], [], 0
    for b in body:
        n = (n << 7) | (b & 0x7F)
        if not b & 0x80:
            parts.append(n)
            n = 0
    first = min(parts[0] // 40, 2)
    return ".".join(str(x) for x in [first, parts[0] - 40 * first] + parts[1:])


def pem(label: str, der: bytes) -> bytes:
    b64 = base64.b64encode(der).decode()
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return (f"-----BEGIN {label}-----\n" + "\n".join(lines)
            + f"\n-----END {label}-----\n").encode()


PEM_RE = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----\r?\n(.*?)-----END \1-----\r?\n?", re.S)


def pem_blocks(data: bytes) -> list[tuple[str, bytes]]:
    """(label, DER) of every PEM block; header lines are skipped."""
    out = []
    for m in PEM_RE.finditer(data):
        body = b"".join(l for l in m.group(2).splitlines() if b":" not in l)
        out.append((m.group(1).decode(), base64.b64decode(body)))
    return out


def first_der(data: bytes, label: str = "CERTIFICATE") -> bytes:
    for lab, der in pem_blocks(data):
        if lab == label:
            return der
    raise ValueError(f"no {label} block")


def pem_certs(data: bytes) -> list[bytes]:
    """DER of the CERTIFICATE blocks without PEM headers (what step prints and bundles)."""
    out = []
    for m in PEM_RE.finditer(data):
        if m.group(1) == b"CERTIFICATE" and b":" not in m.group(2):
            out.append(base64.b64decode(b"".join(m.group(2).split())))
    return out


def bundled_certs(issuer_file: bytes) -> list[bytes]:
    """What step appends with --bundle: the issuer file's certificates (pem_certs), or the
    file itself when it is DER."""
    return pem_certs(issuer_file) if b"-----BEGIN " in issuer_file else [issuer_file]


# ----------------------------------------------------------------------------
# Certificates
# ----------------------------------------------------------------------------

AKI, SAN = "2.5.29.35", "2.5.29.17"
OID_ED25519, OID_RSAPSS = "1.3.101.112", "1.2.840.113549.1.1.10"


def cert_parts(der: bytes) -> tuple[bytes, bytes, bytes]:
    """(TBSCertificate TLV, signatureAlgorithm TLV, signature bytes)."""
    _, s, e = read_tlv(der)
    kids = der_children(der[s:e])
    return kids[0][1], kids[1][1], kids[2][2][1:]


def tbs_fields(tbs: bytes) -> dict:
    """serial, sigalg, issuer, validity, subject and extensions as (dotted OID, critical,
    extnValue content) of a TBSCertificate."""
    _, s, e = read_tlv(tbs)
    kids = der_children(tbs[s:e])
    f = {"serial": int.from_bytes(kids[1][2], "big", signed=True), "sigalg": kids[2][1],
         "issuer": kids[3][1], "validity": kids[4][2], "subject": kids[5][1],
         "extensions": []}
    for tag, _, content in kids[7:]:
        if tag == 0xA3:
            _, s2, e2 = read_tlv(content)
            for _, _, ext in der_children(content[s2:e2]):
                parts = der_children(ext)
                crit = len(parts) == 3 and parts[1][2] == b"\xff"
                f["extensions"].append((oid_str(parts[0][1]), crit, parts[-1][2]))
    return f


def der_time(tag: int, s: bytes) -> dt.datetime:
    t = s.decode()
    if tag == 0x17:
        yy = int(t[:2])
        t = ("19" if yy >= 50 else "20") + t
    return dt.datetime.strptime(t[:14].rjust(14, "0"), "%Y%m%d%H%M%S")


def validity(fields: dict) -> tuple[tuple[int, dt.datetime], tuple[int, dt.datetime]]:
    """((tag, time) of notBefore, (tag, time) of notAfter) of tbs_fields()."""
    v = fields["validity"]
    t1, s1, e1 = read_tlv(v, 0)
    t2, s2, e2 = read_tlv(v, e1)
    return (t1, der_time(t1, v[s1:e1])), (t2, der_time(t2, v[s2:e2]))


# ----------------------------------------------------------------------------
# Go-compatible parsing of the flag values (only used to self-check outputs)
# ----------------------------------------------------------------------------

RFC3339 = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:[.,](\d+))?"
                     r"(Z|[+-]\d\d:\d\d)$")


def go_time(s: str) -> dt.datetime:
    """UTC (naive), truncated to seconds, of an RFC 3339 time as Go accepts it."""
    m = RFC3339.match(s)
    if not m:
        raise ValueError(s)
    y, mo, d, h, mi, se = (int(x) for x in m.groups()[:6])
    t = dt.datetime(y, mo, d, h, mi, se)
    tz = m.group(8)
    if tz != "Z":
        off = dt.timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6]))
        t = t - off if tz[0] == "+" else t + off
    return t


def go_int(s: str) -> int:
    """math/big SetString(s, 0) for the values used here."""
    neg = s.startswith("-")
    s = s.lstrip("+-").replace("_", "")
    low = s.lower()
    if low.startswith("0x"):
        v = int(s[2:], 16)
    elif low.startswith("0o"):
        v = int(s[2:], 8)
    elif low.startswith("0b"):
        v = int(s[2:], 2)
    elif len(s) > 1 and s[0] == "0":
        v = int(s[1:], 8)
    else:
        v = int(s, 10)
    return -v if neg else v


def auto_serial(name: str) -> str:
    return "0x" + hashlib.sha256(name.encode()).hexdigest()[:16]


def split_argv(argv: list) -> tuple[dict, list]:
    """(flags, positionals) as step-sign-ref reads them (last flag wins)."""
    flags, pos, i = {}, [], 0
    while i < len(argv):
        a = argv[i]
        if a.startswith("-") and a != "-":
            n = a.lstrip("-")
            if "=" in n:
                k, v = n.split("=", 1)
            elif n in ("bundle", "omit-cn-san"):
                k, v = n, "true"
            else:
                k, v = n, argv[i + 1]
                i += 1
            flags[k] = v
        else:
            pos.append(a)
        i += 1
    return flags, pos


def sign_argv(csr: str, crt: str, key: str, option: str | None, extra=(), serial: str | None = None,
              nb: str | None = NB, na: str | None = NA) -> list:
    """step-sign-ref's argv: the three files, option (--profile=... or --template=...; None:
    left out), the extra flags, then --serial, --not-before and --not-after (None: left out)."""
    a = [csr, crt, key]
    if option is not None:
        a.append(option)
    a += list(extra)
    if serial is not None:
        a.append(f"--serial={serial}")
    if nb is not None:
        a.append(f"--not-before={nb}")
    if na is not None:
        a.append(f"--not-after={na}")
    return a


# ----------------------------------------------------------------------------
# Tools
# ----------------------------------------------------------------------------


class Fail(Exception):
    pass


class Tools:
    def __init__(self, openssl: str, step: str, tmp: Path):
        self.openssl, self.step_bin, self.tmp = openssl, step, tmp
        empty = tmp / "empty.cnf"
        empty.write_text("# no system openssl.cnf\n")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("STEP_")}
        self.env.update(OPENSSL_CONF=str(empty), LC_ALL="C", TZ="UTC")
        self._n = 0
        self._lock = threading.Lock()

    @classmethod
    def from_args(cls, args: argparse.Namespace, tmp: str | Path) -> Tools:
        return cls(shutil.which(args.openssl), shutil.which(args.step), Path(tmp))

    def tmpfile(self, suffix: str = "") -> Path:
        with self._lock:
            self._n += 1
            return self.tmp / f"t{self._n}{suffix}"

    def run(self, argv, *, stdin: bytes | None = None, cwd: Path = VEC, check=True, env=None):
        kw = dict(capture_output=True, cwd=cwd, env=env or self.env, start_new_session=True)
        if stdin is None:
            kw["stdin"] = subprocess.DEVNULL
        else:
            kw["input"] = stdin
        p = subprocess.run([str(a) for a in argv], **kw)
        if check and p.returncode != 0:
            raise Fail(f"command failed ({p.returncode}): {' '.join(map(str, argv))}\n"
                       + p.stderr.decode(errors="replace"))
        return p

    def ssl(self, *args, stdin: bytes | None = None, cwd: Path = VEC) -> bytes:
        return self.run([self.openssl, *args], stdin=stdin, cwd=cwd).stdout

    def step(self, argv, stdin: bytes | None = None):
        return self.run([self.step_bin, *argv], stdin=stdin, check=False)


def tool_options(ap: argparse.ArgumentParser):
    """--step, --openssl and -j of both generators."""
    ap.add_argument("--step", default="step-sign-ref", help="step-sign-ref binary")
    ap.add_argument("--openssl", default="openssl", help="openssl binary")
    ap.add_argument("-j", "--jobs", type=int, default=min(16, 2 * (os.cpu_count() or 2)))


def check_tools(args: argparse.Namespace, prog: str):
    for tool in (args.step, args.openssl):
        if shutil.which(tool) is None:
            sys.exit(f"{prog}: {tool} not found")


def family(kt: str) -> str:
    return "rsa" if kt.startswith("rsa") else "ed" if kt.startswith("ed") else "ec"


def pmap(jobs: int, fn, items):
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        return list(ex.map(fn, items))


def rfile(rel: str) -> bytes:
    return (VEC / rel).read_bytes()


def write_file(rel: str, data: bytes | str):
    p = VEC / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data.encode() if isinstance(data, str) else data)


# ----------------------------------------------------------------------------
# Issuers and cases
# ----------------------------------------------------------------------------


@dataclass
class Issuer:
    """A CA certificate of issuers/ and its key (made by make_vectors.py)."""
    name: str
    kt: str
    chain: list              # trust anchor first, then the intermediates; last = this issuer

    @classmethod
    def root(cls, name: str, kt: str) -> Issuer:
        return cls(name, kt, [f"issuers/{name}.crt"])

    def child(self, name: str, kt: str) -> Issuer:
        """An intermediate CA signed by this one."""
        return Issuer(name, kt, self.chain + [f"issuers/{name}.crt"])

    @property
    def crt(self) -> str:
        return f"issuers/{self.name}.crt"

    @property
    def key(self) -> str:
        return f"issuers/{self.name}.key"

    @property
    def short(self) -> str:
        return self.kt if self.name == f"root-{self.kt}" else self.name

    @property
    def tags(self) -> list:
        return [f"issuer:{self.kt}", f"issuer-cert:{self.name}"]


@dataclass
class BaseCase:
    """What both generators record of a case; each script extends it."""
    name: str
    argv: list
    tags: list
    issuer: Issuer | None = None
    stdin: str | None = None
    error: str | None = None          # error kind: step-sign-ref must exit 1
    maker: str = "step-sign-ref"
    note: str | None = None
    verify: bool = True               # openssl verify with the chain
    # results
    out: bytes | None = None
    stderr: str | None = None

    @property
    def compare(self) -> str:
        """bytes: the signature is deterministic (RSA PKCS#1 v1.5, Ed25519); tbs: ECDSA."""
        return "tbs" if family(self.issuer.kt) == "ec" else "bytes"

    @property
    def expect(self) -> str:
        return f"out/{self.name}.pem"


class CaseList(list):
    """The cases of a generator, in order; their names are unique."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def add(self, case):
        if case.name in self.names:
            raise ValueError(f"duplicate case {case.name}")
        self.names.add(case.name)
        self.append(case)
        return case


# ----------------------------------------------------------------------------
# Running and checking
# ----------------------------------------------------------------------------

PROBLEMS: list[str] = []
_plock = threading.Lock()


def problem(msg: str):
    with _plock:
        PROBLEMS.append(msg)


def exit_on_problems():
    if PROBLEMS:
        print(f"\n{len(PROBLEMS)} problem(s):", file=sys.stderr)
        for p in PROBLEMS:
            print("  " + p, file=sys.stderr)
        sys.exit(1)


def guarded(what: str = ""):
    """Decorator of fn(T, c): an exception becomes a problem of case c."""
    def deco(fn):
        def run(T: Tools, c: BaseCase):
            try:
                fn(T, c)
            except Exception as ex:  # noqa: BLE001
                problem(f"{c.name}: {what}{type(ex).__name__}: {ex}")
        return run
    return deco


def stdin_bytes(c: BaseCase) -> bytes | None:
    return rfile(c.stdin) if c.stdin else None


def same_cert(a: bytes, b: bytes, compare: str) -> bool:
    if compare == "bytes":
        return a == b
    da, db = pem_certs(a), pem_certs(b)
    return (len(da) == len(db) and len(da) > 0 and cert_parts(da[0])[:2] == cert_parts(db[0])[:2]
            and da[1:] == db[1:])


def step_twice(T: Tools, c: BaseCase, argv: list):
    """Run step-sign-ref twice with argv (and c's stdin): both runs must agree. An error case
    must be refused (exit 1, nothing on stdout); its stderr goes to c.stderr. Otherwise the
    certificate goes to c.out (None after a problem). Returns the first run."""
    r1 = T.step(argv, stdin_bytes(c))
    r2 = T.step(argv, stdin_bytes(c))
    if c.error:
        c.stderr = r1.stderr.decode("utf-8", "replace").rstrip("\n")
        if r1.returncode != 1 or r1.stdout:
            problem(f"{c.name}: expected a refusal (exit 1), got exit {r1.returncode}: {c.stderr!r}")
        if r2.stderr != r1.stderr or r2.returncode != r1.returncode:
            problem(f"{c.name}: error output differs between two runs")
    elif r1.returncode != 0 or not r1.stdout.startswith(b"-----BEGIN CERTIFICATE-----\n"):
        problem(f"{c.name}: step-sign-ref failed ({r1.returncode}): "
                f"{r1.stderr.decode(errors='replace')!r}")
    else:
        if not same_cert(r1.stdout, r2.stdout, c.compare):
            problem(f"{c.name}: two step-sign-ref runs differ ({c.compare})")
        c.out = r1.stdout
    return r1


def verify_chain(T: Tools, c: BaseCase, cert_file: Path):
    """openssl verify of cert_file with the chain of c's issuer."""
    chain = c.issuer.chain
    args = ["verify", "-no_check_time", "-CAfile", chain[0]]
    if len(chain) > 1:
        u = T.tmpfile(".pem")
        u.write_bytes(b"".join(rfile(x) for x in chain[1:]))
        args += ["-untrusted", u]
    r = T.run([T.openssl, *args, cert_file], check=False)
    if r.returncode != 0:
        problem(f"{c.name}: openssl verify failed: {r.stdout.decode()} {r.stderr.decode()}")


HASH_OIDS = {"2.16.840.1.101.3.4.2.1": "sha256", "2.16.840.1.101.3.4.2.2": "sha384",
             "2.16.840.1.101.3.4.2.3": "sha512"}
SIG_HASH = {"1.2.840.113549.1.1.5": "sha1", "1.2.840.113549.1.1.11": "sha256",
            "1.2.840.113549.1.1.12": "sha384", "1.2.840.113549.1.1.13": "sha512",
            "1.2.840.10045.4.1": "sha1", "1.2.840.10045.4.3.2": "sha256",
            "1.2.840.10045.4.3.3": "sha384", "1.2.840.10045.4.3.4": "sha512"}


def sigalg_oid(alg: bytes) -> str:
    """The OID of an AlgorithmIdentifier TLV."""
    _, s, e = read_tlv(alg)
    return oid_str(der_children(alg[s:e])[0][1])


def verify_signature(T: Tools, der: bytes, issuer_crt: str):
    """Check the certificate's signature with the issuer's public key (any algorithm used here)."""
    tbs, alg, sig = cert_parts(der)
    pub, tf, sf = T.tmpfile(".pub"), T.tmpfile(".tbs"), T.tmpfile(".sig")
    pub.write_bytes(T.ssl("x509", "-in", issuer_crt, "-noout", "-pubkey"))
    tf.write_bytes(tbs)
    sf.write_bytes(sig)
    _, s, e = read_tlv(alg)
    kids = der_children(alg[s:e])
    a = oid_str(kids[0][1])
    if a == OID_ED25519:
        T.ssl("pkeyutl", "-verify", "-pubin", "-inkey", pub, "-rawin", "-in", tf, "-sigfile", sf)
    elif a == OID_RSAPSS:
        # params: SEQ { [0] { SEQ { hash OID ... } } ... }
        a0 = der_children(kids[1][2])[0][2]             # [0] -> hashAlgorithm
        alg_id = der_children(a0)[0][2]                  # AlgorithmIdentifier content
        h = HASH_OIDS[oid_str(der_children(alg_id)[0][1])]
        T.ssl("dgst", f"-{h}", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:-1",
              "-verify", pub, "-signature", sf, tf)
    else:
        T.ssl("dgst", f"-{SIG_HASH[a]}", "-verify", pub, "-signature", sf, tf)


def check_issuer_name(c: BaseCase, fields: dict):
    issuer_der = pem_certs(rfile(c.issuer.crt))[0]
    if fields["issuer"] != tbs_fields(cert_parts(issuer_der)[0])["subject"]:
        problem(f"{c.name}: issuer name differs from the issuer's subject")


def check_bundle(c: BaseCase, blocks: list, flags: dict, crt: str):
    """With --bundle the certificates of the issuer file crt follow; without, nothing does."""
    if flags.get("bundle") == "true":
        if blocks[1:] != bundled_certs(rfile(crt)):
            problem(f"{c.name}: bundle tail differs from the issuer file's certificates")
    elif len(blocks) != 1:
        problem(f"{c.name}: {len(blocks)} certificates without --bundle")


def check_tags(c: BaseCase, fields: dict):
    """The tags aki:absent and san:critical hold."""
    crit = {o: cr for o, cr, _ in fields["extensions"]}
    if "aki:absent" in c.tags and AKI in crit:
        problem(f"{c.name}: unexpected authorityKeyIdentifier")
    if "san:critical" in c.tags and not crit.get(SAN):
        problem(f"{c.name}: SAN is not critical")


# ----------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------


def case_json(c: BaseCase, before: dict | None = None, after: dict | None = None) -> dict:
    """A case of cases.json / template_cases.json; before and after: the maker's own keys of
    a certificate case, placed around the common ones."""
    d = {"name": c.name, "argv": c.argv, "stdin": c.stdin, "maker": c.maker}
    if c.error:
        d.update({"exit": 1, "ref_stderr": c.stderr, "tags": c.tags})
    else:
        d.update(before or {})
        d.update({"expect": c.expect, "compare": c.compare, "issuer": c.issuer.crt,
                  "chain": c.issuer.chain if c.verify else None, "tags": c.tags})
        d.update(after or {})
    if c.note:
        d["note"] = c.note
    return d


def dump_json(doc: dict) -> str:
    """JSON with one case per block and one key per line (lists stay inline)."""
    j = lambda v: json.dumps(v, ensure_ascii=False)
    out = ['{"generated_by": ' + json.dumps(doc["generated_by"], indent=1).replace("\n", "\n ")
           + ",", ' "inputs": {']
    out.append(",\n".join(f"  {j(k)}: {j(v)}" for k, v in doc["inputs"].items()) + "},")
    out.append(' "cases": [')
    out.append(",\n".join("  {" + ",\n   ".join(f"{j(k)}: {j(v)}" for k, v in c.items()) + "}"
                          for c in doc["cases"]))
    out.append(" ]}")
    text = "\n".join(out) + "\n"
    assert json.loads(text) == doc
    return text


def tool_versions(T: Tools, script: str, defaults: dict) -> dict:
    return {"step-sign-ref": T.run([T.step_bin, "--version"]).stdout.decode().strip(),
            "openssl": T.ssl("version").decode().strip(),
            "python": sys.version.split()[0],
            "script": f"tests/vectors/{script}",
            "defaults": defaults}


def tally(keys, sort: bool = False) -> str:
    """"key count, ..." of the keys, in the order first seen (or sorted)."""
    n = Counter(keys)
    return ", ".join(f"{k} {v}" for k, v in (sorted(n.items()) if sort else n.items()))
