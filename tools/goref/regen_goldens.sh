#!/usr/bin/env bash
# regen_goldens.sh - rewrite tests/goldens/goturl.json and tests/goldens/goip.json
# from real Go, for pkisign/golang/net.py (tests/test_gonet.py only reads them).
#
# Builds tools/goref/netref offline (GOPATH mode) with the Go 1.24 toolchain
# and go.step.sm/crypto unpacked by tools/install-step.sh, feeds
# it the input corpus below and writes its answers.
#
# Usage: tools/goref/regen_goldens.sh
# Env:   STEP_REF_PREFIX (default /opt/step-sign-ref)
#        PYTHON          (default python3; only builds the input lists)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/goenv.sh" netref --gocode

# Input corpus: hand-picked cases plus seeded pseudo-random ones (stable
# across runs). Strings that are not valid UTF-8 are written {"hex": ...}.
"$PYTHON" - "$WORK" <<'PY'
import json, random, sys

work = sys.argv[1]
rng = random.Random(20240611)

def raw(b):  # a Go string that is not valid UTF-8
    return {"hex": bytes(b).hex()}

def v6_forms(groups):
    """Every textual form of an IPv6 address: full, unpadded, each legal
    '::' placement, upper case, and embedded-IPv4 tails."""
    hx = [f"{g:x}" for g in groups]
    forms = {":".join(hx), ":".join(f"{g:04x}" for g in groups), ":".join(hx).upper()}
    for i in range(8):
        for j in range(i + 1, 9):
            if all(g == 0 for g in groups[i:j]):
                forms.add(":".join(hx[:i]) + "::" + ":".join(hx[j:]))
    tail = f"{groups[6] >> 8}.{groups[6] & 255}.{groups[7] >> 8}.{groups[7] & 255}"
    forms.add(":".join(hx[:6]) + ":" + tail)
    for i in range(6):
        for j in range(i + 1, 7):
            if all(g == 0 for g in groups[i:j]):
                forms.add(":".join(hx[:i]) + "::" + ":".join(hx[j:6]) + (":" if j < 6 else "") + tail)
    return sorted(forms)

ip_literals = [
    "1.2.3.4", "0.0.0.0", "255.255.255.255", "127.0.0.1", "10.0.0.1", "192.168.1.1",
    "256.1.1.1", "1.256.1.1", "010.1.1.1", "01.2.3.4", "0.0.0.00", "1.2.3.04", "1.2.3",
    "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4%eth0",
    "1.2.3.-4", "0x1.2.3.4", "1.2.3.4:80", "1.2.3.4/24", "1.2.3.a", "１.2.3.4", "1.2.3.4.",
    "4294967296", "1", "", ".", "...", "::", "::1", "1::", "::ffff:1.2.3.4", "::FFFF:1.2.3.4",
    "::1.2.3.4", "::ffff:0102:0304", "::ffff:0:1.2.3.4", "0:0:0:0:0:ffff:1.2.3.4",
    "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7::8", "1::2:3:4:5:6:7:8", "1:2:3:4:5:6::1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
    "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1::1.2.3.4.5", "::1.2.3", "::1.2.3.04",
    ":::1", "1:::2", "1::2::3", ":1::", "1::2:", "1:2", "12345::", "1234::", "::ffff:1.2.3",
    "::ffff:01.2.3.4", "[::1]", "2001:db8::0:1", "2001:0db8:0000:0000:0000:0000:0000:0001",
    "0:0:0:0:0:0:0:0", "1:0:0:1:0:0:0:1", "1:0:0:2:0:0:3:4", "2001:DB8::A", "fe80::1%eth0",
    "fe80::1%", "fe80::1%25eth0", "%eth0", "::%1", "g::1", "::g", "::1 ", "ffff::ffff:ffff",
    "::ffff", "::ffff:0:0", "::ffff:ffff:ffff", "64:ff9b::1.2.3.4", "2002:102:304::",
    "::0.0.0.1", "::255.255.255.255", "1:2:3:4:5:6:7:8%x", "fe80::1%en0%x", ":", "::.",
    "0::0", "0000::0000", "00000::", "::00000", "::1:", "1:2:3:4:5:6:7:", "1.2.3.4::",
]
for groups in ([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0, 1],
               [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304], [0, 0, 0, 0, 0, 0, 0x0102, 0x0304],
               [0xfe80, 0, 0, 0, 0x0202, 0xb3ff, 0xfe1e, 0x8329], [1, 0, 0, 0, 1, 0, 0, 0],
               [0, 0, 1, 0, 0, 0, 0, 0], [0xffff] * 8, [1, 2, 3, 4, 5, 6, 7, 0],
               [0, 1, 0, 1, 0, 1, 0, 1], [0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 1]):
    ip_literals += v6_forms(groups)
for _ in range(40):
    groups = [rng.choice([0, 0, 0, 1, 0xffff, rng.randrange(65536)]) for _ in range(8)]
    ip_literals += rng.sample(v6_forms(groups), 3)
for _ in range(20):
    ip_literals.append(".".join(str(rng.randrange(256)) for _ in range(4)))

san_cases = [
    # DNS names and things that are not URIs
    "example.com", "*.example.com", "localhost", "EXAMPLE.COM", "xn--bcher-kva.example",
    "foo_bar.example", "-leading.example", "trailing.", ".", "..", "*", "**", "a*b",
    "John Doe", "a b", "a b:c", "a:b", "a/b:c", "./a:b", "rel/path", "/abs", "//host/path",
    "///path", "////x", "?", "#", "#frag", "?q", "", " ", "  ", "-", "_",
    # emails
    "jane@example.com", "a@b", "@", "a@", "@b", "a@b@c", "John Doe <jd@example.com>",
    "user+tag@example.com", "é@x", "user@host:22", "git@github.com:owner/repo.git",
    "a@b c", "a@[::1]",
    # URIs
    "spiffe://example.org/ns/default/sa/x", "spiffe://example.org", "SPIFFE://Example.Org/X",
    "https://user:pass@host:8443/p a/t?q=1#frag", "https://example.com", "https://example.com/",
    "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "urn:ietf:rfc:3986", "mailto:",
    "mailto:jane@example.com", "mailto:John Doe <jd@example.com>", "file:///x", "file:///",
    "file://localhost/etc/hosts", "file:/x", "file:x", "file:", "file://", "file:////x",
    "http://[::1]:80/", "http://[::1]", "http://[::1]:", "http://[::1]x", "http://[::1]:8a/",
    "http://[::1", "http://::1/", "http://[fe80::1%25en0]:8080/", "http://[fe80::1%en0]/",
    "http://[fe80::1%25%41]/", "http://[fe80::1%25%2f]/", "http://[fe80::1%25%20]/",
    "http://[fe80::1%25%zz]/", "http://[fe80::1%25a b]/", "http://[fe80::1%25]/",
    "http://[%41::1]/", "http://[::1]]/", "http://[[::1]/", "http://x]/", "http://a[b]/",
    "http://a:b:c/", "http://host:/", "http://host:80", "http://host:80:90/", "http://host:+80/",
    "http://host:８０/", "http://:80/", "http://:/", "HTTP://EXAMPLE.COM/Path", "Https://x",
    "hTTp://x", "http://x/%7Efoo", "http://x/%7efoo", "http://x/~foo", "http://x/%2f",
    "http://x/a%2Fb", "http://x/%zz", "http://x/%", "http://x/a%2", "http://x/%%41",
    "http://%41/", "http://%c3%a9/", "http://%C3%A9/", "http://é.com/", "https://bücher.de/",
    "http://x/é", "http://x?é", "http://x#é", "http://x#%zz", "http://x#a b", "http://x#a%20b",
    "http://x#!$&'()*+,;=", "http://x#a'b", "http://x#a%27b", "http://x#[x]", "http://x#a#b",
    "http://x?a b", "http://x?a%zz", "http://x?", "http://x??", "http://x?a?", "http://x/?#",
    "http://x?#", "http://x#", "http://x/#", "http://user@/", "http://@host", "http://@",
    "http://us er@host", "http://user:p@ss@host", "http://user%40x:p%3Ass@host/",
    "http://us%zz@h", "http://user:pa%zzss@h", "http://user:@h", "http://:p@h", "http://:@h",
    "http://u:p:q@h", "http://u;p@h", "http://é@h", "http://u[1]@h", "http://u@h%zz",
    "http://[::1]%zz", "http://h%zz/", "http://h%25/", "http://h%2541/", "http://h%80/",
    "http://h%7f/", "http://h%20/", "http://<x>/", "http://x/<y>", "http://x\"/", "http://x{}/",
    "http://x|y/", "http://x`/", "http://x^/", "http://x\\y/", "http://x/a\\b", "http:/x",
    "http:", "http:?", "http:#", "http://", "http:///", "http:////x", "http:/", "http:/?",
    "http:x?", "mailto:?", "a:?x?", "s://u@", "s://u@/", "s:/u@h", "s:u@h", "s://u:p@h/p?q#f",
    "1http://x", "+a:b", ".a:b", "a+b-c.d:e", "a_b:c", "a1:b", "A:B", ":x", "::", ":",
    "*:x", "ü:x", "é b:c", "\u00a0:x", "\u00a0", "\u2028:x", "\U0001F6DC:x", "\u2FFC:x",
    "\U0001FAE0:x", "\U0001FAE9:x", "\u0378:x", "\ufeff:x", "\ufffd:x", "\u00ad:x",
    "日本語", "日本語:x", "😀", "http://x/😀", "http://x/\u2028", "http://x y/é",
    "ssh://git@github.com/x", "ldap://[2001:db8::7]/c=GB?objectClass?one",
    "tel:+1-816-555-1212", "news:comp.infosystems.www.servers.unix",
    "telnet://192.0.2.16:80/", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
    "*", "*?", "*#x", "/*", "s:*",
    # paths whose RawPath matters
    "/a%2Fb", "/a%2fb", "/a;b", "/a,b", "/a b", "/a%20b", "/%41", "/a%3Fb", "/a%3fb",
    "/[x]", "/a%5Bx%5D", "/!$&'()*+,;=:@", "/~", "/%7e", "/a%25b", "/%", "/a%", "/é",
    "/%C3%A9", "/%c3%a9", "/%ff", "%ff", "/a:b", "a%3Ab:c", "a%3Ab", "./a%3Ab", "#a%2Fb",
    "#%41", "#a b", "#[x]", "#a'b", "#a%27b", "#%zz", "x#a#b", "#%", "x#%4",
    # control characters (Go rejects every byte < 0x20 and 0x7f)
    "http://x/\x00", "a\tb", "a\x7fb", "a\nb", "\r", "http://x#\x01", "http://x?\x1f",
    # not UTF-8
    raw(b"\xff"), raw(b"http://\xff/"), raw(b"/%66\xff"), raw(b"\xc3(:x"), raw(b"\xed\xa0\x80:x"),
    raw(b"http://h/\xe2\x82"), raw(b"http://\xc3\xa9\xff@h"), raw(b"a\xff b:c"), raw(b"#\xfe"),
]
san_cases += ip_literals
alphabet = list(":/?#[]@%!$&'()*+,;=aA0. -_~\"<>\\^`{|}") + ["é", "%4", "%zz", "%25", "//", "::", "1.2", "\x7f", "\t", "\u00a0"]
for _ in range(300):
    san_cases.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))))
for _ in range(100):
    san_cases.append(rng.choice(["http", "s", "H1+-.", "urn", "1a", ""]) + rng.choice([":", "://", ":/"])
                     + "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10))))

cidrs = [
    "10.0.0.0/8", "10.1.2.3/8", "192.168.1.1/24", "1.2.3.4/32", "1.2.3.4/33", "1.2.3.4/0",
    "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/+1", "1.2.3.4/024", "1.2.3.4/0000000000000000000024",
    "1.2.3.4/99999999999", "1.2.3.4/16777215", "1.2.3.4/1a", "1.2.3.4/ 8", "1.2.3.4/8 ",
    "::/0", "::1/128", "::1/129", "2001:db8::/32", "2001:db8::1/64", "2001:db8::ffff/127",
    "::ffff:1.2.3.4/96", "::ffff:1.2.3.4/120", "::ffff:1.2.3.4/24", "::ffff:1.2.3.4/128",
    "fe80::1%eth0/64", "1.2.3.4/8/9", "/8", "01.2.3.4/8", "1.2.3.4/１", "255.255.255.255/31",
    "1.2.3.4/%38", "1.2.3.4 /8", "[::1]/128", "::1/0128", "1.2.3.4/7", "1.2.3.4/9",
    "1.2.3.4/25", "0.0.0.0/0", "ffff::/1", "8000::/1", "::/128", "a/b", "//", "/",
]
for _ in range(30):
    cidrs.append(".".join(str(rng.randrange(256)) for _ in range(4)) + f"/{rng.randrange(34)}")
    groups = [rng.randrange(65536) for _ in range(8)]
    cidrs.append(rng.choice(v6_forms(groups)) + f"/{rng.randrange(130)}")

hexes = ["", "01", "0102", "010203", "0102030405", "7f000001", "00000000", "ffffffff",
         "c0000201", "00000000000000000000ffff01020304", "00000000000000000000000001020304",
         "00000000000000000000000000000001", "00000000000000000000000000000000",
         "20010db8000000000001000000000001", "20010db8000000010000000000000001",
         "00010000000000010000000000000000", "fe800000000000000202b3fffe1e8329",
         "0000000000000000000000000000ffff", "000000000000000000000000ffff0000",
         "ffffffffffffffffffffffffffffffff", "00000000000000000000fffe01020304",
         "00000000000000000001ffff01020304", "0102030405060708090a0b0c0d0e0f",
         "0102030405060708090a0b0c0d0e0f1011", "ff", "ffffff00", "ff00ff00", "fffffffe",
         "fffffff0", "80000000", "ffffffffffffffffffffffff00000000", "ffffffff00000000ffffffff00000000",
         "fffffffffffffffffffffffffffffffe", "ffffffffffffffff8000000000000000", "fe", "ff80", "ff01",
         "c0a80101/ffffff00", "c0a80101/ffffffffffffffffffffffffffffff00",
         "c0a80101/fffffffffffffffffffffffeffffff00", "00000000000000000000ffffc0a80101/ffffff00",
         "00000000000000000000fffec0a80101/ffffff00", "20010db8000000000001000000000001/ffffffffffffffff0000000000000000",
         "20010db8000000000001000000000001/ffffff00", "c0a80101/ffff", "/", "01/ff"]
for _ in range(40):
    n = rng.choice([4, 16, 16, 16])
    b = bytearray(rng.randrange(256) for _ in range(n))
    for k in range(n):
        if rng.random() < 0.4:
            b[k] = 0
    if n == 16 and rng.random() < 0.3:
        b[:12] = bytes(10) + b"\xff\xff"
    hexes.append(b.hex())
for bits in (32, 128):
    for ones in range(0, bits + 1, 3):
        hexes.append((((1 << ones) - 1) << (bits - ones)).to_bytes(bits // 8, "big").hex())

# strconv.Quote: escapes, bad UTF-8, and runes around the edges of the
# printable ranges (the isprint mode checks the ranges themselves).
quote_cases = ["", "abc", "\"\\'", "\x00\x07\x08\x0c\n\r\t\x0b\x1b\x7f", raw(b"\xff\xfe"),
               raw(b"\xc3"), raw(b"a\xc3(b"), raw(b"\xed\xa0\x80"), raw(b"\xf4\x90\x80\x80"),
               raw(b"\xe2\x82"), raw(b"\xf0\x9f\x98"), raw(b"\xc0\x80"), "\ufffd", "é日本😀"]
for cp in [0x80, 0x9f, 0xa0, 0xa1, 0xad, 0x378, 0x2028, 0x2029, 0x3000, 0xfeff, 0xfffe, 0xffff,
           0x10000, 0x1f6dc, 0x2ffc, 0x31ef, 0x1fae9, 0x2ebf0, 0xe0001, 0xe0100, 0xe01ef,
           0xe01f0, 0xf0000, 0x10ffff]:
    quote_cases.append(chr(cp))
cps = [c for c in range(0xa0, 0x32000, 97) if not 0xd800 <= c <= 0xdfff]
for i in range(0, len(cps), 100):
    quote_cases.append("".join(chr(c) for c in cps[i:i + 100]))

def dedup(items):
    seen, out = set(), []
    for item in items:
        key = json.dumps(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out

san_cases, ip_literals, cidrs, hexes = map(dedup, (san_cases, ip_literals, cidrs, hexes))
for name, data in (("url", san_cases), ("ip", ip_literals + cidrs), ("bytes", hexes),
                   ("quote", quote_cases), ("isprint", [])):
    with open(f"{work}/{name}.in.json", "w") as f:
        json.dump(data, f, ensure_ascii=False)
PY

for mode in url ip bytes quote isprint; do
  "$WORK/netref" "$mode" < "$WORK/$mode.in.json" > "$WORK/$mode.out.json"
done

"$PYTHON" - "$WORK" "$ROOT/tests/goldens" "$go_version" <<'PY'
import json, os, sys

work, outdir, go_version = sys.argv[1:4]
load = lambda mode: json.load(open(f"{work}/{mode}.out.json"))
note = ("Generated by tools/goref/regen_goldens.sh with " + go_version +
        " (tools/goref/netref); strings that are not UTF-8 are {\"hex\": ...}. Do not edit.")
os.makedirs(outdir, exist_ok=True)
for name, doc in (("goturl.json", {"note": note, "go": go_version, "url": load("url"),
                                   "quote": load("quote"), "isprint": load("isprint")}),
                  ("goip.json", {"note": note, "go": go_version, "ip": load("ip"), "bytes": load("bytes")})):
    # One record per line: small and readable in diffs.
    parts = []
    for key, value in doc.items():
        if isinstance(value, list):
            rows = ",\n".join(json.dumps(v, separators=(",", ":")) for v in value)
            parts.append(f"{json.dumps(key)}: [\n{rows}\n]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value)}")
    with open(f"{outdir}/{name}", "w") as f:
        f.write("{\n" + ",\n".join(parts) + "\n}\n")
    print(f"regen_goldens: wrote {outdir}/{name}", file=sys.stderr)
PY
