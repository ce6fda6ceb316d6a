"""Hand-made hostile inputs, too big for a fuzzer to stumble on: size, depth, count, cost.

    python fuzz/hostile.py [--list] [NAME ...]

Each case builds one input (up to a few MB) for one target (for ``cli``, a
command line as in a ``.argv`` regression file) and runs it
through the target's ``one_input`` in a child process, with the watchdog
(``FUZZ_TIMEOUT`` CPU seconds), an address-space limit (``FUZZ_MEMORY_MB``)
and a wall-clock limit (for a hang inside C code, which no Python signal
handler interrupts).  A case passes when the input ends in a result or a
clean PkisignError within those bounds.  ``tests/test_fuzz_regressions.py``
runs them all.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _der
import _harness

MB = 1024 * 1024


def _csr_info(name: bytes = b"\x30\x00", extensions: bytes | None = None, version: bytes = b"\x02\x01\x00") -> bytes:
    import _fixtures as fx

    attributes = b""
    if extensions is not None:
        attributes = _der.tlv(0x30, _der.oid("1.2.840.113549.1.9.14") + _der.tlv(0x31, _der.tlv(0x30, extensions)))
    return _der.tlv(0x30, version + name + fx.subject_spki("ed25519") + _der.tlv(0xA0, attributes))


def _signed(info: bytes, profile: int = 0) -> bytes:
    """A fuzz_csr input: ``info`` signed with the Ed25519 key (mode 2)."""
    return bytes((2 | profile << 2,)) + info


def _cn(value: bytes, tag: int = 0x0C) -> bytes:
    return _der.tlv(0x31, _der.tlv(0x30, _der.oid("2.5.4.3") + _der.tlv(tag, value)))


def _san(names: bytes) -> bytes:
    return _der.tlv(0x30, _der.oid("2.5.29.17") + _der.tlv(0x04, _der.tlv(0x30, names)))


def _regex_template(pattern: str, count: int, unit: str, fn: str = "regexMatch") -> bytes:
    """A certificate template whose common name is ``pattern`` applied to ``unit``
    repeated ``count`` times plus a mismatch (the result's length for a replace)."""
    call = f'{fn} "{pattern}" (print (repeat {count} "{unit}") "!")'
    if fn == "regexReplaceAll":
        call = f'len ({call} "$1")'
    return b"\x00" + ('{"subject": {"commonName": "{{' + call + '}}"}}').encode()


def _nested(depth: int, inner: bytes = b"\x05\x00") -> bytes:
    """``depth`` SEQUENCEs around ``inner``, built in linear time."""
    headers = []
    length = len(inner)
    for _ in range(depth):
        header = b"\x30" + _der.encode_length(length)
        headers.append(header)
        length += len(header)
    return b"".join(reversed(headers)) + inner


def _huge_arc_oid(digits: int) -> bytes:
    """An OID whose last arc has about ``digits`` decimal digits."""
    n_bytes = digits * 10 // 21 + 1  # 7 bits per byte, log2(10) bits per digit
    return _der.tlv(0x06, b"\x2a" + b"\xff" * (n_bytes - 1) + b"\x7f")


def _pbes2_key(kdf: bytes) -> bytes:
    """An ENCRYPTED PRIVATE KEY (fuzz_key form 4) with the given KDF AlgorithmIdentifier."""
    enc = _der.tlv(0x30, _der.oid("2.16.840.1.101.3.4.1.2") + _der.tlv(0x04, bytes(16)))
    alg = _der.tlv(0x30, _der.oid("1.2.840.113549.1.5.13") + _der.tlv(0x30, kdf + enc))
    return bytes((4 << 2 | 1,)) + _der.tlv(0x30, alg + _der.tlv(0x04, bytes(32)))


def _pbkdf2(iterations: int, prf: str = "1.2.840.113549.2.11") -> bytes:
    params = _der.tlv(0x04, bytes(8)) + _der.tlv(0x02, iterations.to_bytes(4, "big").lstrip(b"\x00") or b"\x00") \
        + _der.tlv(0x30, _der.oid(prf) + b"\x05\x00")
    return _pbes2_key(_der.tlv(0x30, _der.oid("1.2.840.113549.1.5.12") + _der.tlv(0x30, params)))


def _scrypt(log_n: int, r: int, p: int) -> bytes:
    def num(v: int) -> bytes:
        return _der.tlv(0x02, v.to_bytes((v.bit_length() + 8) // 8, "big"))
    params = _der.tlv(0x04, bytes(8)) + num(1 << log_n) + num(r) + num(p)
    return _pbes2_key(_der.tlv(0x30, _der.oid("1.3.6.1.4.1.11591.4.11") + _der.tlv(0x30, params)))


def _rsa_csr(bits: int) -> bytes:
    """A CSR with an RSA key of ``bits`` bits and e = 2^31-1 (the most Go
    takes), its signature the size of the modulus: checking it costs seconds."""
    n = (1 << bits) - 2 ** 20 - 1

    def integer(v: int) -> bytes:
        return _der.tlv(0x02, v.to_bytes(v.bit_length() // 8 + 1, "big"))

    spki = _der.tlv(0x30, _der.tlv(0x30, _der.oid("1.2.840.113549.1.1.1") + b"\x05\x00")
                    + _der.tlv(0x03, b"\x00" + _der.tlv(0x30, integer(n) + integer(2 ** 31 - 1))))
    info = _der.tlv(0x30, b"\x02\x01\x00" + _der.tlv(0x30, _cn(b"big")) + spki + _der.tlv(0xA0, b""))
    algorithm = _der.tlv(0x30, _der.oid("1.2.840.113549.1.1.11") + b"\x05\x00")
    return _der.tlv(0x30, info + algorithm + _der.tlv(0x03, b"\x00" + (n - 12345).to_bytes((bits + 7) // 8, "big")))


#: The vector files of a plain `pkisign sign`, by argument.
_SIGN_FILES = {"csr.pem": "csr/web-p256.csr", "issuer.crt": "issuers/root-ed25519.crt",
               "issuer.key": "issuers/root-ed25519.key"}


def _command(argv: list[str], files: dict | None = None) -> bytes:  # type: ignore[type-arg]
    """A cli case: a command line (a JSON spec, as in a .argv regression file)."""
    return json.dumps({"argv": argv, "files": dict(_SIGN_FILES, **(files or {}))}).encode()


def _endless(slot: str) -> bytes:
    """``pkisign sign`` with /dev/zero for one of its input files."""
    argv = {"csr": ["sign", "/dev/zero", "issuer.crt", "issuer.key"],
            "issuer": ["sign", "csr.pem", "/dev/zero", "issuer.key"],
            "key": ["sign", "csr.pem", "issuer.crt", "/dev/zero"],
            "template": ["sign", "csr.pem", "issuer.crt", "issuer.key", "--template=/dev/zero"],
            "set-file": ["sign", "csr.pem", "issuer.crt", "issuer.key", "--template=t.tpl", "--set-file=/dev/zero"],
            "password-file": ["sign", "csr.pem", "issuer.crt", "issuer.key", "--password-file=/dev/zero"],
            "batch": ["sign", "issuer.crt", "issuer.key", "--batch=/dev/zero", "--out-dir=."],
            "inspect": ["inspect", "/dev/zero"],
            "assemble": ["assemble", "/dev/zero", "/dev/zero", "issuer.crt"],
            "pin-source": ["sign", "csr.pem", "issuer.crt", "pkcs11:token=t;id=01?pin-source=/dev/zero"],
            }[slot]
    return _command(argv, {"t.tpl": "templates/docs/coyote.tpl"})


def _cert_bundle(copies: int) -> bytes:
    data = (_harness.VECTORS / "issuers" / "root-ed25519.crt").read_bytes()
    return b"\x00" + data * copies


#: name -> (target, builder).  Keep builders cheap: they run in every test session.
CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    # CSR: depth, counts and sizes
    "csr-nested-100k": ("csr", lambda: b"\x00" + _nested(100_000)),
    "csr-pem-begin-lines-no-end": ("csr", lambda: b"\x00" + b"-----BEGIN CERTIFICATE REQUEST-----\n" * 60_000),
    "csr-pem-begin-other-lines": ("csr", lambda: b"\x00" + b"-----BEGIN X-----\n-----END Y-----\n" * 60_000),
    "csr-20k-sans": ("csr", lambda: _signed(_csr_info(_der.tlv(0x30, _cn(b"x")),
                                                      _san(_der.tlv(0x82, b"a.example") * 20_000)))),
    "csr-20k-rdns": ("csr", lambda: _signed(_csr_info(_der.tlv(0x30, _cn(b"x") * 20_000)), profile=1)),
    "csr-10k-extensions": ("csr", lambda: _signed(_csr_info(_der.tlv(0x30, _cn(b"x")), b"".join(
        _der.tlv(0x30, _der.oid(f"1.3.6.1.4.1.99999.{i}") + _der.tlv(0x04, b"\x05\x00")) for i in range(10_000))),
        profile=2)),
    "csr-1mb-cn": ("csr", lambda: _signed(_csr_info(_der.tlv(0x30, _cn(b"a" * MB))), profile=1)),
    "csr-oid-arc-5000-digits": ("csr", lambda: _signed(_csr_info(_der.tlv(0x30, _der.tlv(0x31, _der.tlv(
        0x30, _huge_arc_oid(5000) + _der.tlv(0x0C, b"x"))))))),
    "csr-oid-100k-arcs": ("csr", lambda: _signed(_csr_info(_der.tlv(0x30, _der.tlv(0x31, _der.tlv(
        0x30, _der.tlv(0x06, b"\x2a" + b"\x01" * 100_000) + _der.tlv(0x0C, b"x"))))), profile=2)),
    "csr-version-100kb": ("csr", lambda: _signed(_csr_info(version=_der.tlv(0x02, b"\x01" * 100_000)))),
    "csr-16mb-zeros": ("csr", lambda: b"\x00" * (16 * MB)),
    "csr-rsa-300k-bit-modulus": ("csr", lambda: b"\x00" + _rsa_csr(300_000)),
    # issuer bundles
    "issuer-2000-certificates": ("issuer", lambda: _cert_bundle(2000)),
    "issuer-pem-begin-lines-no-end": ("issuer", lambda: b"\x00" + b"-----BEGIN CERTIFICATE-----\n" * 60_000),
    # key derivation cost
    "key-pbkdf2-10m-sha512": ("key", lambda: _pbkdf2(10_000_000)),
    "key-pbkdf2-huge-iterations": ("key", lambda: _pbkdf2(2 ** 31 - 1)),
    "key-scrypt-1gb-p16": ("key", lambda: _scrypt(20, 8, 16)),
    "key-scrypt-16mb-p4": ("key", lambda: _scrypt(14, 8, 4)),
    "key-pem-begin-lines-no-end": ("key", lambda: b"\x00" + b"-----BEGIN PRIVATE KEY-----\n" * 60_000),
    # templates: cost per step, regular expressions, nesting
    "template-10mb-values-in-a-loop": ("template", lambda: b"\x00" + b'{{range until 90000}}{{len (repeat 10000000 "a")}}{{end}}'),
    "template-regex-backtracking": ("template", lambda: b"\x00" + b'{{regexMatch "^(a+)+$" (print (repeat 40 "a") "b")}}'),
    "template-regex-alternation-10kb": ("template", lambda: _regex_template("(a|aa)+$", 10_000, "a")),
    "template-regex-optional-25-10kb": ("template", lambda: _regex_template("(a?){25}a{25}$", 10_000, "a")),
    "template-regex-dotstar-12-10kb": ("template", lambda: _regex_template("(.*a){12}$", 10_000, "a")),
    "template-regex-three-dotstars-10kb": ("template", lambda: _regex_template(
        r"^(.*)\\.(.*)\\.(.*)\\.example\\.com$", 5_000, "a.", fn="regexReplaceAll")),
    "template-regex-in-a-loop": ("template", lambda: b"\x00" + b'{{range until 100000}}{{regexMatch "(.*a){12}$" '
                                 b'(print (repeat 10000 "a") "b")}}{{end}}'),
    "template-nested-ifs": ("template", lambda: b"\x00" + b"{{if 1}}" * 20_000 + b"{{end}}" * 20_000),
    "template-nested-parens": ("template", lambda: b"\x00" + b"{{" + b"(" * 20_000 + b"1" + b")" * 20_000 + b"}}"),
    "template-recursive-define": ("template", lambda: b"\x00" + b'{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}'),
    "template-deep-json": ("template", lambda: b"\x00" + b"[" * 100_000 + b"]" * 100_000),
    "template-big-json-number": ("template", lambda: b"\x00" + b'{"serialNumber": 1' + b"0" * 100_000 + b"}"),
    "template-ten-lists-of-10m": ("template", lambda: b"\x00" + b"".join(
        b"{{ $a%d := until 9999999 }}" % i for i in range(10)) + b"{}"),
    "template-split-10mb": ("template", lambda: b"\x00" + b'{{ $a := splitList "" (repeat 10000000 "a") }}{}'),
    # durations and times
    "validity-1m-components": ("validity", lambda: b"\x00" + b"0h" * 500_000 + b"\x00" + b"1h"),
    "validity-long-fraction": ("validity", lambda: b"\x00" + b"0." + b"0" * MB + b"1s"),
    "validity-rfc3339-long-fraction": ("validity", lambda: b"\x00" + b"2025-01-01T00:00:00." + b"1" * MB + b"Z"),
    # URIs
    "kms-uri-1mb-escapes": ("kms_uri", lambda: b"pkcs11:id=" + b"%41" * 300_000),
    "kms-uri-100k-attributes": ("kms_uri", lambda: b"pkcs11:" + b"a=1;" * 100_000 + b"?" + b"b=2&" * 100_000),
    # output files: writers racing for the same names, the largest contents the target writes
    "output-3-writers-4-new-names": ("output", lambda: bytes((200, 2, 3, 0, 0, 0, 0, 0, 1, 2, 255, 255, 255))),
    "output-3-writers-force-over-4-files": ("output", lambda: bytes((0, 2, 3, 1, 1, 1, 1, 0, 1, 2, 255, 255, 255))),
    # every input file of the command line endless (/dev/zero), and many flags
    **{f"cli-endless-{slot}": ("cli", lambda slot=slot: _endless(slot)) for slot in (
        "csr", "issuer", "key", "template", "set-file", "password-file", "batch", "inspect", "assemble",
        "pin-source")},
    "cli-20k-set-flags": ("cli", lambda: _command(["sign", "csr.pem", "issuer.crt", "issuer.key", "--template=t.tpl",
                                                   *(f"--set=k{i}=v" for i in range(20_000))],
                                                  {"t.tpl": "templates/docs/coyote.tpl"})),
    "cli-20k-profile-flags": ("cli", lambda: _command(["sign", "csr.pem", "issuer.crt", "issuer.key",
                                                       *["--profile=leaf"] * 20_000])),
    "cli-20k-assemble-flags": ("cli", lambda: _command(["assemble", *["-bundle=1"] * 20_000, "csr.pem", "csr.pem",
                                                        "issuer.crt"])),
    # the inspector
    "inspect-nested-100k": ("inspect", lambda: b"\x00" + _nested(100_000)),
    "inspect-1m-elements": ("inspect", lambda: b"\x00" + _der.tlv(0x30, b"\x05\x00" * 500_000)),
    "inspect-indefinite-nesting": ("inspect", lambda: b"\x00" + b"\x30\x80" * 200_000),
}


#: Cases whose peak memory (tracemalloc, MiB) is bounded too: an input of
#: hostile size must be refused by its size or shape, not after it was
#: built in memory (or after a MemoryError was caught as an error).
MEMORY_BOUNDS = {
    "csr-16mb-zeros": 64,
    "template-ten-lists-of-10m": 160,
    "template-split-10mb": 400,
}


def run_here(name: str) -> str:
    """Run one case in this process, under the watchdog and the memory limit."""
    target, build = CASES[name]
    module = _harness.load_target(target)
    data = build()
    _harness.limit_memory()
    if target == "cli":  # a command line, as in a .argv regression file
        return _harness.guarded(lambda spec: module.one_spec(json.loads(spec)), data)
    if name not in MEMORY_BOUNDS:
        return _harness.guarded(module.one_input, data)
    import tracemalloc

    tracemalloc.start()
    outcome = _harness.guarded(module.one_input, data)
    peak = tracemalloc.get_traced_memory()[1] - len(data)
    tracemalloc.stop()
    if peak > MEMORY_BOUNDS[name] << 20:
        raise _harness.ContractViolation(f"{peak >> 20} MiB at the peak, more than {MEMORY_BOUNDS[name]} MiB")
    return outcome


def run_child(name: str, timeout: float | None = None) -> dict:  # type: ignore[type-arg]
    """Run one case in a child process with ``timeout`` CPU seconds (default
    FUZZ_TIMEOUT); returns {"name", "ok", "outcome" or "error"}.

    The wall-clock limit only catches a hang inside C code, which the CPU
    watchdog cannot interrupt: it is generous (six times the CPU budget plus
    a minute) so that a busy machine never trips it."""
    timeout = timeout or _harness.TIMEOUT
    wall = timeout * 6 + 60
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=wall, errors="replace",
                              env=dict(os.environ, PYTHONHASHSEED="0", FUZZ_TIMEOUT=str(timeout)))
    except subprocess.TimeoutExpired:
        return {"name": name, "ok": False, "error": f"Hang: no answer after {wall:g} s of wall time (inside C code?)"}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        return {"name": name, "ok": True, "outcome": lines[-1]}
    tail = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
    return {"name": name, "ok": False, "error": tail, "stderr": proc.stderr[-3000:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="cases to run (default: all)")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="one JSON object per case")
    args = parser.parse_args(argv)
    if args.child:
        try:
            print(run_here(args.child))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            print(f"{_harness.signature(exc)}: {str(exc)[:300]}", file=sys.stderr)
            return 1
        return 0
    if args.list:
        for name, (target, _) in CASES.items():
            print(f"{name:36} {target}")
        return 0
    failed = 0
    for name in args.names or list(CASES):
        result = run_child(name)
        failed += not result["ok"]
        if args.json:
            print(json.dumps({k: v for k, v in result.items() if k != "stderr"}))
        else:
            print(f"{'ok  ' if result['ok'] else 'FAIL'} {name:36} {result.get('outcome') or result.get('error')}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
