r"""The checks of Go 1.24's ``x509.ParseCertificate``, ported to Python.

``step certificate sign`` (go.step.sm/crypto ``x509util.CreateCertificate``)
re-parses every certificate it has just made with Go's
``x509.ParseCertificate`` and fails with ``error parsing certificate:
<Go error>`` when that parse fails -- for instance when the subject copied
from a CSR holds a UniversalString, or when the ``csr`` profile copies a
malformed requested extension verbatim.  :func:`parse_certificate_checks`
refuses exactly the DER that Go refuses, with Go's error text, so pkisign
can fail where step fails.

This is a port of behaviour, not of code layout: it follows
``crypto/x509/parser.go`` (``parseCertificate``, ``parseName``,
``parseValidity``, ``parsePublicKey``, ``processExtensions`` and the
extension parsers) and the ``golang.org/x/crypto/cryptobyte`` reader it is
built on, but keeps none of the parsed values except what a later check
needs.  Golden answers of real Go (``tools/goref/regen_goparse.sh``) pin it
down in ``tests/test_goparse.py``.

One piece of bookkeeping that never fails a parse is kept as well:
:func:`unhandled_critical_extensions` returns Go's
``Certificate.UnhandledCriticalExtensions`` (which Go only acts on when
verifying a chain).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence

from .asn1 import time_ok as asn1_time_ok
from .crypto import CURVES, ED25519_PUBLIC_KEY_SIZE, ec_point_on_curve
from .net import URLError, go_quote, is_valid_ip_mask, parse_ip, parse_url

__all__ = [
    "GoParseError",
    "X509_NEGATIVE_SERIAL",
    "parse_certificate_checks",
    "check_written_certificate",
    "unhandled_critical_extensions",
    "parse_public_key",
    "KNOWN_KEY_ALGORITHMS",
    "OID_RSA",
    "OID_ECDSA",
    "OID_ED25519",
]

# GODEBUG x509negativeserial: Go 1.23 started to refuse negative serial
# numbers; "1" restores the old behaviour.  The default of a Go 1.24 binary
# depends on the "go" line of its main module: "0" (refuse) for go >= 1.23,
# "1" for older modules and for GOPATH-mode builds such as step-sign-ref.
# This follows the Go 1.24 default.  It never decides a signing outcome:
# x509.CreateCertificate refuses a negative serial before anything is
# parsed ("x509: serial number must be positive").
X509_NEGATIVE_SERIAL = False


class GoParseError(ValueError):
    """What Go's ``x509.ParseCertificate`` returns; ``str(e)`` is Go's
    ``err.Error()`` exactly."""


# --------------------------------------------------------------------------
# cryptobyte: a strict DER cursor

# golang.org/x/crypto/cryptobyte/asn1 tags (one identifier octet).
BOOLEAN = 0x01
INTEGER = 0x02
BIT_STRING = 0x03
OCTET_STRING = 0x04
OBJECT_IDENTIFIER = 0x06
UTF8_STRING = 0x0C
NUMERIC_STRING = 0x12
PRINTABLE_STRING = 0x13
T61_STRING = 0x14
IA5_STRING = 0x16
UTC_TIME = 0x17
GENERALIZED_TIME = 0x18
BMP_STRING = 0x1E
SEQUENCE = 0x30
SET = 0x31


def _ctx(n: int, constructed: bool = False) -> int:
    return 0x80 | n | (0x20 if constructed else 0)


class _Str:
    """A ``cryptobyte.String``: a cursor that reads DER elements.

    Like cryptobyte it refuses high-tag-number identifiers, indefinite and
    non-minimal lengths and lengths of more than four octets.  A failed
    read returns None; Go's callers turn every failure into an error at
    once, so where the cursor stands afterwards never matters.
    """

    __slots__ = ("_b", "_i")

    def __init__(self, data: bytes) -> None:
        self._b = data
        self._i = 0

    def empty(self) -> bool:
        return self._i >= len(self._b)

    def peek(self, tag: int) -> bool:
        return self._i < len(self._b) and self._b[self._i] == tag

    def read_any(self, element: bool = False) -> tuple[int, bytes] | None:
        """``ReadAnyASN1`` (content only) or ``ReadAnyASN1Element``."""
        b, i = self._b, self._i
        if len(b) - i < 2:
            return None
        tag, first = b[i], b[i + 1]
        if tag & 0x1F == 0x1F:
            return None
        if first & 0x80 == 0:
            header, length = 2, first
        else:
            n = first & 0x7F
            if n == 0 or n > 4 or len(b) - i < 2 + n:
                return None
            length = int.from_bytes(b[i + 2:i + 2 + n], "big")
            # X.690 10.1: DER lengths use the fewest octets possible.
            if length < 0x80 or length >> ((n - 1) * 8) == 0:
                return None
            header = 2 + n
        end = i + header + length
        if end > len(b):
            return None
        self._i = end
        return tag, b[i if element else i + header:end]

    def read(self, tag: int, element: bool = False) -> bytes | None:
        """``ReadASN1`` / ``ReadASN1Element``: the next element, of this tag."""
        got = self.read_any(element)
        if got is None or got[0] != tag:
            return None
        return got[1]

    def read_optional(self, tag: int) -> tuple[bool, bytes | None]:
        """``ReadOptionalASN1``: (ok, content or None when absent)."""
        if not self.peek(tag):
            return True, None
        content = self.read(tag)
        return content is not None, content

    def skip_optional(self, tag: int) -> bool:
        return not self.peek(tag) or self.read(tag) is not None

    def read_big_int(self, tag: int = INTEGER) -> int | None:
        content = self.read(tag)
        if content is None or not _minimal_integer(content):
            return None
        return int.from_bytes(content, "big", signed=True)

    def read_int64(self, tag: int = INTEGER) -> int | None:
        """``ReadASN1Integer`` into a Go ``int``/``int64`` (Go's int is 64
        bits on every platform step ships for), or ``ReadASN1Int64WithTag``."""
        content = self.read(tag)
        if content is None or not _minimal_integer(content) or len(content) > 8:
            return None
        return int.from_bytes(content, "big", signed=True)

    def read_boolean(self) -> bool | None:
        content = self.read(BOOLEAN)
        # DER booleans: exactly one octet, 0x00 or 0xFF.
        if content is None or len(content) != 1 or content[0] not in (0x00, 0xFF):
            return None
        return content[0] == 0xFF

    def read_oid(self) -> tuple[int, ...] | None:
        """``ReadASN1ObjectIdentifier``, with cryptobyte's limits."""
        content = self.read(OBJECT_IDENTIFIER)
        if not content:
            return None
        return _decode_oid(bytes(content))


    def read_bit_string(self) -> tuple[bytes, int] | None:
        """``ReadASN1BitString``: (bytes, bit length).  The count of unused
        bits is at most 7, zero for an empty string, and those bits are 0."""
        content = self.read(BIT_STRING)
        if not content:
            return None
        pad, body = content[0], content[1:]
        if pad > 7 or (not body and pad != 0) or (body and body[-1] & ((1 << pad) - 1)):
            return None
        return body, len(body) * 8 - pad


@lru_cache(maxsize=1024)
def _decode_oid(content: bytes) -> tuple[int, ...] | None:
    """An OID's arcs (a pure function of its bytes: certificates repeat the same few)."""
    cur = _Base128(content)
    v = cur.next()
    if v is None:
        return None
    # The first subidentifier packs two arcs: 40*a + b with a in 0..2.
    arcs = [v // 40, v % 40] if v < 80 else [2, v - 80]
    while not cur.done():
        v = cur.next()
        if v is None:
            return None
        arcs.append(v)
    return tuple(arcs)


def _minimal_integer(b: bytes) -> bool:
    """cryptobyte's checkASN1Integer: at least one octet, minimally encoded."""
    if not b:
        return False
    if len(b) == 1:
        return True
    return not ((b[0] == 0x00 and b[1] & 0x80 == 0) or (b[0] == 0xFF and b[1] & 0x80))


class _Base128:
    """cryptobyte's readBase128Int over an OID's content."""

    __slots__ = ("_b", "_i")

    def __init__(self, b: bytes) -> None:
        self._b = b
        self._i = 0

    def done(self) -> bool:
        return self._i >= len(self._b)

    def next(self) -> int | None:
        ret = 0
        i = 0
        while self._i < len(self._b):
            # At most five octets, and no value that would overflow a 32-bit
            # int: cryptobyte wants the same answer on every platform.
            if i == 5 or ret >= 1 << (31 - 7):
                return None
            b = self._b[self._i]
            self._i += 1
            # X.690 8.19.2: no leading 0x80 octet (non-minimal encoding).
            if i == 0 and b == 0x80:
                return None
            ret = (ret << 7) | (b & 0x7F)
            if b & 0x80 == 0:
                return ret
            i += 1
        return None  # truncated


def _oid_str(oid: tuple[int, ...]) -> str:
    return ".".join(map(str, oid))


def _right_align(body: bytes, bit_length: int) -> bytes:
    """encoding/asn1 ``BitString.RightAlign``: move the unused bits to the
    front (what parsePublicKey reads the key from)."""
    shift = 8 - bit_length % 8
    if shift == 8 or not body:
        return body
    n = int.from_bytes(body, "big") >> shift
    return n.to_bytes(len(body), "big")


# --------------------------------------------------------------------------
# Names

def _is_printable(c: int) -> bool:
    # Go's PrintableString check, which also lets '*' and '&' through
    # because real certificates use them.
    return (
        0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A or 0x30 <= c <= 0x39
        or 0x27 <= c <= 0x29 or 0x2B <= c <= 0x2F
        or c in b" :=?*&"
    )


def _is_ia5(b: bytes) -> bool:
    # isIA5String ranges over runes; any byte >= 0x80 is either part of a
    # rune above U+007F or invalid UTF-8 (U+FFFD), so it fails either way.
    return all(c < 0x80 for c in b)


def _is_valid_utf8(b: bytes) -> bool:
    # Python's strict UTF-8 codec refuses what utf8.Valid refuses:
    # overlong forms, surrogates and values above U+10FFFF.
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _check_asn1_string(tag: int, value: bytes) -> str | None:
    """parseASN1String: the error text, or None when Go takes the value."""
    if tag == T61_STRING:
        return None
    if tag == PRINTABLE_STRING:
        return None if all(_is_printable(c) for c in value) else "invalid PrintableString"
    if tag == UTF8_STRING:
        return None if _is_valid_utf8(value) else "invalid UTF-8 string"
    if tag == BMP_STRING:
        # Any even length decodes (utf16.Decode maps bad surrogates to U+FFFD).
        return "invalid BMPString" if len(value) % 2 else None
    if tag == IA5_STRING:
        return None if _is_ia5(value) else "invalid IA5String"
    if tag == NUMERIC_STRING:
        return None if all(0x30 <= c <= 0x39 or c == 0x20 for c in value) else "invalid NumericString"
    # Go prints the cryptobyte Tag (a uint8) in decimal.
    return f"unsupported string type: {tag}"


@lru_cache(maxsize=256)
def _parse_name(raw: bytes) -> None:
    # Cached on the bytes (a pure check that raises or returns None): an
    # issuer signs many certificates with the same issuer name.
    s = _Str(raw)
    rdns = s.read(SEQUENCE)
    if rdns is None:
        raise GoParseError("x509: invalid RDNSequence")
    s = _Str(rdns)
    while not s.empty():
        rdn = s.read(SET)
        if rdn is None:
            raise GoParseError("x509: invalid RDNSequence")
        rdn_s = _Str(rdn)
        while not rdn_s.empty():
            atav = rdn_s.read(SEQUENCE)
            if atav is None:
                raise GoParseError("x509: invalid RDNSequence: invalid attribute")
            atav_s = _Str(atav)
            if atav_s.read_oid() is None:
                raise GoParseError("x509: invalid RDNSequence: invalid attribute type")
            value = atav_s.read_any()
            if value is None:
                raise GoParseError("x509: invalid RDNSequence: invalid attribute value")
            err = _check_asn1_string(*value)
            if err is not None:
                raise GoParseError(f"x509: invalid RDNSequence: invalid attribute value: {err}")


def _parse_ai(der: bytes) -> tuple[tuple[int, ...], bytes]:
    """parseAI: (algorithm OID, parameters element or b"" when absent)."""
    s = _Str(der)
    oid = s.read_oid()
    if oid is None:
        raise GoParseError("x509: malformed OID")
    if s.empty():
        return oid, b""
    params = s.read_any(element=True)
    if params is None:
        raise GoParseError("x509: malformed parameters")
    return oid, params[1]


def _parse_time(s: _Str) -> None:
    if s.peek(UTC_TIME):
        v = s.read(UTC_TIME)
        if v is None or not asn1_time_ok(UTC_TIME, v):
            raise GoParseError("x509: malformed UTCTime")
    elif s.peek(GENERALIZED_TIME):
        v = s.read(GENERALIZED_TIME)
        if v is None or not asn1_time_ok(GENERALIZED_TIME, v):
            raise GoParseError("x509: malformed GeneralizedTime")
    else:
        raise GoParseError("x509: unsupported time format")


# --------------------------------------------------------------------------
# Public keys

OID_RSA = (1, 2, 840, 113549, 1, 1, 1)
OID_DSA = (1, 2, 840, 10040, 4, 1)
OID_ECDSA = (1, 2, 840, 10045, 2, 1)
OID_ED25519 = (1, 3, 101, 112)
OID_X25519 = (1, 3, 101, 110)

_NULL = b"\x05\x00"

def parse_public_key(oid: tuple[int, ...], params: bytes, key: bytes) -> tuple[Any, ...]:
    """crypto/x509's parsePublicKey, shared by its certificate and CSR parsers.

    ``key`` is the subjectPublicKey's bits.  Returns ``("rsa", n, e)``,
    ``("ec", curve, point)``, ``("ed25519", key)`` or ``("dsa",)`` (read and
    checked, never signed with); raises GoParseError with Go's message.
    """
    der = _Str(key)
    if oid == OID_RSA:
        # RFC 3279 2.3.1: the parameters are a NULL.
        if params != _NULL:
            raise GoParseError("x509: RSA key missing NULL parameters")
        seq = der.read(SEQUENCE)
        if seq is None:
            raise GoParseError("x509: invalid RSA public key")
        seq_s = _Str(seq)
        n = seq_s.read_big_int()
        if n is None:
            raise GoParseError("x509: invalid RSA modulus")
        e = seq_s.read_int64()
        if e is None:
            raise GoParseError("x509: invalid RSA public exponent")
        if n <= 0:
            raise GoParseError("x509: RSA modulus is not a positive number")
        if e <= 0:
            raise GoParseError("x509: RSA public exponent is not a positive number")
        return ("rsa", n, e)
    if oid == OID_ECDSA:
        curve_oid = _Str(params).read_oid()
        if curve_oid is None:
            raise GoParseError("x509: invalid ECDSA parameters")
        curve = CURVES.get(".".join(map(str, curve_oid)))
        if curve is None:
            raise GoParseError("x509: unsupported elliptic curve")
        if not ec_point_on_curve(curve, key):
            raise GoParseError("x509: failed to unmarshal elliptic curve point")
        return ("ec", curve, key)
    if oid == OID_ED25519:
        # RFC 8410 3: the parameters MUST be absent.
        if params:
            raise GoParseError("x509: Ed25519 key encoded with illegal parameters")
        if len(key) != ED25519_PUBLIC_KEY_SIZE:
            raise GoParseError("x509: wrong Ed25519 public key size")
        return ("ed25519", key)
    if oid == OID_X25519:
        # Unreachable from certificates (Go maps X25519 to
        # UnknownPublicKeyAlgorithm and skips the key), kept for parity.
        if params:
            raise GoParseError("x509: X25519 key encoded with illegal parameters")
        if len(key) != 32:
            raise GoParseError("crypto/ecdh: invalid public key")
        return ("x25519", key)
    if oid == OID_DSA:
        y = der.read_big_int()
        if y is None:
            raise GoParseError("x509: invalid DSA public key")
        ps = _Str(params)
        seq = ps.read(SEQUENCE)
        values = []
        if seq is not None:
            seq_s = _Str(seq)
            for _ in range(3):
                v = seq_s.read_big_int()
                if v is None:
                    break
                values.append(v)
        if len(values) != 3:
            raise GoParseError("x509: invalid DSA parameters")
        if min(y, *values) <= 0:
            raise GoParseError("x509: zero or negative DSA parameter")
        return ("dsa",)
    # Unreachable from certificates, like the X25519 branch: only the
    # algorithms in KNOWN_KEY_ALGORITHMS get here.
    raise GoParseError("x509: unknown public key algorithm")


# getPublicKeyAlgorithmFromOID: only these get their key parsed.
KNOWN_KEY_ALGORITHMS = (OID_RSA, OID_DSA, OID_ECDSA, OID_ED25519)


# --------------------------------------------------------------------------
# Extensions

OID_AIA = (1, 3, 6, 1, 5, 5, 7, 1, 1)

_NAME_EMAIL, _NAME_DNS, _NAME_URI, _NAME_IP = 1, 2, 6, 7


def _domain_to_reverse_labels(domain: str) -> bool:
    """verify.go domainToReverseLabels: whether Go accepts the domain.

    Labels are split on '.'; a trailing dot (an absolute name) and empty
    labels are refused, and every rune must be in 33..126.
    """
    if not domain:
        return True
    labels = domain.split(".")
    return all(label and all(33 <= ord(c) <= 126 for c in label) for label in labels)


def _parse_rfc2821_mailbox(s: bytes) -> bool:
    """verify.go parseRFC2821Mailbox: whether Go accepts the mailbox."""
    if not s:
        return False
    i, n = 0, len(s)
    local = bytearray()
    if s[0] == 0x22:  # quoted-string local part
        i = 1
        while True:
            if i >= n:
                return False
            c = s[i]
            i += 1
            if c == 0x22:
                break
            if c == 0x5C:  # quoted-pair
                if i >= n:
                    return False
                d = s[i]
                if d in (11, 12) or 1 <= d <= 9 or 14 <= d <= 127:
                    local.append(d)
                    i += 1
                else:
                    return False
            elif (c in (11, 12, 32, 33, 127) or 1 <= c <= 8 or 14 <= c <= 31
                  or 35 <= c <= 91 or 93 <= c <= 126):
                local.append(c)
            else:
                return False
    else:
        # dot-atom, with backslash escapes tolerated as in RFC 3696.
        atext = b"!#$%&'*+-/=?^_`{|}~."
        while i < n:
            c = s[i]
            if c == 0x5C:
                i += 1
                if i >= n:
                    return False
                local.append(s[i])
                i += 1
            elif 0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A or c in atext:
                local.append(c)
                i += 1
            else:
                break
        if not local:
            return False
        # RFC 3696 3: no leading, trailing or doubled period.
        if local[0] == 0x2E or local[-1] == 0x2E or b".." in local:
            return False
    if i >= n or s[i] != 0x40:
        return False
    # Anything after the '@' is the domain, as long as its labels are sane.
    return _domain_to_reverse_labels(s[i + 1:].decode("latin-1"))


def _ia5_error(value: bytes) -> str:
    """isIA5String's error text (a Go string of the value's bytes)."""
    return f"x509: {go_quote(value)} cannot be encoded as an IA5String"


def _parse_key_usage(value: bytes) -> None:
    if _Str(value).read_bit_string() is None:
        raise GoParseError("x509: invalid key usage")


def _parse_basic_constraints(value: bytes) -> None:
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid basic constraints")
    s = _Str(seq)
    if s.peek(BOOLEAN) and s.read_boolean() is None:
        raise GoParseError("x509: invalid basic constraints")
    # pathLenConstraint goes into a Go int: eight octets at most, any sign.
    if s.peek(INTEGER) and s.read_int64() is None:
        raise GoParseError("x509: invalid basic constraints")


def _parse_san(value: bytes) -> bool:
    """parseSANExtension; returns whether it found any name Go keeps."""
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid subject alternative names")
    s = _Str(seq)
    found = False
    while not s.empty():
        got = s.read_any()
        if got is None:
            raise GoParseError("x509: invalid subject alternative name")
        # forEachSAN hands over tag ^ 0x80, so only the primitive
        # context-specific [1], [2], [6] and [7] are looked at.
        kind, data = got[0] ^ 0x80, got[1]
        if kind == _NAME_EMAIL:
            if not _is_ia5(data):
                raise GoParseError("x509: SAN rfc822Name is malformed")
            found = True
        elif kind == _NAME_DNS:
            if not _is_ia5(data):
                raise GoParseError("x509: SAN dNSName is malformed")
            found = True
        elif kind == _NAME_URI:
            if not _is_ia5(data):
                raise GoParseError("x509: SAN uniformResourceIdentifier is malformed")
            uri = data.decode("ascii")
            try:
                host = parse_url(uri).host
            except URLError as e:
                raise GoParseError(f"x509: cannot parse URI {go_quote(uri)}: {e}") from None
            if host and not _domain_to_reverse_labels(host):
                raise GoParseError(f"x509: cannot parse URI {go_quote(uri)}: invalid domain")
            found = True
        elif kind == _NAME_IP:
            if len(data) not in (4, 16):
                raise GoParseError(f"x509: cannot parse IP address of length {len(data)}")
            found = True
    return found


def _trim_dot(domain: str) -> str:
    # A constraint may start with '.' to exclude the domain itself; that
    # dot is not part of a domain name.
    return domain[1:] if domain.startswith(".") else domain


def _name_constraint_subtrees(subtrees: bytes) -> bool:
    """One list of GeneralSubtrees; returns whether a kind Go does not
    handle (e.g. directoryName) was seen."""
    unhandled = False
    s = _Str(subtrees)
    while not s.empty():
        seq = s.read(SEQUENCE)
        got = None if seq is None else _Str(seq).read_any()
        if got is None:
            raise GoParseError("x509: invalid NameConstraints extension")
        tag, value = got
        if tag == _ctx(_NAME_DNS):
            if not _is_ia5(value):
                raise GoParseError("x509: invalid constraint value: " + _ia5_error(value))
            domain = value.decode("ascii")
            if not _domain_to_reverse_labels(_trim_dot(domain)):
                raise GoParseError(f"x509: failed to parse dnsName constraint {go_quote(domain)}")
        elif tag == _ctx(_NAME_IP):
            if len(value) not in (8, 32):
                raise GoParseError(f"x509: IP constraint contained value of length {len(value)}")
            mask = value[len(value) // 2:]
            if not is_valid_ip_mask(mask):
                raise GoParseError(f"x509: IP constraint contained invalid mask {mask.hex()}")
        elif tag == _ctx(_NAME_EMAIL):
            if not _is_ia5(value):
                raise GoParseError("x509: invalid constraint value: " + _ia5_error(value))
            constraint = value.decode("ascii")
            # With an '@' it names one mailbox, otherwise a domain.
            if "@" in constraint:
                ok = _parse_rfc2821_mailbox(value)
            else:
                ok = _domain_to_reverse_labels(_trim_dot(constraint))
            if not ok:
                raise GoParseError(f"x509: failed to parse rfc822Name constraint {go_quote(constraint)}")
        elif tag == _ctx(_NAME_URI):
            if not _is_ia5(value):
                raise GoParseError("x509: invalid constraint value: " + _ia5_error(value))
            domain = value.decode("ascii")
            if parse_ip(domain) is not None:
                raise GoParseError(
                    f"x509: failed to parse URI constraint {go_quote(domain)}: cannot be IP address")
            if not _domain_to_reverse_labels(_trim_dot(domain)):
                raise GoParseError(f"x509: failed to parse URI constraint {go_quote(domain)}")
        else:
            unhandled = True
    return unhandled


def _parse_name_constraints(value: bytes) -> bool:
    """RFC 5280 4.2.1.10; returns Go's ``unhandled``."""
    outer = _Str(value)
    top = outer.read(SEQUENCE)
    # Unlike most extension parsers, this one refuses trailing bytes.
    if top is None or not outer.empty():
        raise GoParseError("x509: invalid NameConstraints extension")
    top_s = _Str(top)
    ok, permitted = top_s.read_optional(_ctx(0, True))
    if ok:
        ok, excluded = top_s.read_optional(_ctx(1, True))
    if not ok or not top_s.empty():
        raise GoParseError("x509: invalid NameConstraints extension")
    # RFC 5280: "either the permittedSubtrees field or the excludedSubtrees
    # MUST be present" -- and Go also wants one of them non-empty.
    if not permitted and not excluded:
        raise GoParseError("x509: empty name constraints extension")
    unhandled = _name_constraint_subtrees(permitted or b"")
    return _name_constraint_subtrees(excluded or b"") or unhandled


def _parse_crl_distribution_points(value: bytes) -> None:
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid CRL distribution points")
    s = _Str(seq)
    while not s.empty():
        dp = s.read(SEQUENCE)
        if dp is None:
            raise GoParseError("x509: invalid CRL distribution point")
        ok, name = _Str(dp).read_optional(_ctx(0, True))
        if not ok:
            raise GoParseError("x509: invalid CRL distribution point")
        if name is None:
            continue
        # Only a fullName [0] is understood; nameRelativeToCRLIssuer fails.
        full = _Str(name).read(_ctx(0, True))
        if full is None:
            raise GoParseError("x509: invalid CRL distribution point")
        names = _Str(full)
        # URIs are collected up to the first GeneralName of another kind.
        while not names.empty() and names.peek(_ctx(_NAME_URI)):
            if names.read(_ctx(_NAME_URI)) is None:
                raise GoParseError("x509: invalid CRL distribution point")


def _parse_authority_key_id(critical: bool, value: bytes) -> None:
    # RFC 5280 4.2.1.1: conforming CAs MUST mark it non-critical.
    if critical:
        raise GoParseError("x509: authority key identifier incorrectly marked critical")
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid authority key identifier")
    s = _Str(seq)
    if s.peek(_ctx(0)) and s.read(_ctx(0)) is None:
        raise GoParseError("x509: invalid authority key identifier")


def _parse_policy_constraints(value: bytes) -> None:
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid policy constraints extension")
    s = _Str(seq)
    # Both fields are int64s; Go's "overflows int" errors cannot happen
    # where int is 64 bits.
    for tag in (_ctx(0), _ctx(1)):
        if s.peek(tag) and s.read_int64(tag) is None:
            raise GoParseError("x509: invalid policy constraints extension")


def _parse_ext_key_usage(value: bytes) -> None:
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid extended key usages")
    s = _Str(seq)
    while not s.empty():
        if s.read_oid() is None:
            raise GoParseError("x509: invalid extended key usages")


def _parse_subject_key_id(critical: bool, value: bytes) -> None:
    # RFC 5280 4.2.1.2: conforming CAs MUST mark it non-critical.
    if critical:
        raise GoParseError("x509: subject key identifier incorrectly marked critical")
    if _Str(value).read(OCTET_STRING) is None:
        raise GoParseError("x509: invalid subject key identifier")


def _valid_oid_der(der: bytes) -> bool:
    """x509.newOIDFromDER: any arc size, but complete and minimally encoded."""
    if not der or der[-1] & 0x80:
        return False
    start = 0
    for i, v in enumerate(der):
        if i == start and v == 0x80:
            return False
        if v & 0x80 == 0:
            start = i + 1
    return True


def _parse_certificate_policies(value: bytes) -> None:
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid certificate policies")
    s = _Str(seq)
    seen: set[bytes] = set()
    while not s.empty():
        info = s.read(SEQUENCE)
        oid = None if info is None else _Str(info).read(OBJECT_IDENTIFIER)
        # A policy OID may appear once (RFC 5280 4.2.1.4), compared as DER.
        if oid is None or oid in seen or not _valid_oid_der(oid):
            raise GoParseError("x509: invalid certificate policies")
        seen.add(oid)


def _parse_policy_mappings(value: bytes) -> None:
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid policy mappings extension")
    s = _Str(seq)
    while not s.empty():
        pair = s.read(SEQUENCE)
        # The two OIDs are kept as raw bytes: only their tags are checked.
        ps = None if pair is None else _Str(pair)
        if ps is None or ps.read(OBJECT_IDENTIFIER) is None or ps.read(OBJECT_IDENTIFIER) is None:
            raise GoParseError("x509: invalid policy mappings extension")


def _parse_inhibit_any_policy(value: bytes) -> None:
    if _Str(value).read_int64() is None:
        raise GoParseError("x509: invalid inhibit any policy extension")


def _parse_authority_info_access(critical: bool, value: bytes) -> None:
    # RFC 5280 4.2.2.1: conforming CAs MUST mark it non-critical.
    if critical:
        raise GoParseError("x509: authority info access incorrectly marked critical")
    seq = _Str(value).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: invalid authority info access")
    s = _Str(seq)
    while not s.empty():
        ad = s.read(SEQUENCE)
        ad_s = None if ad is None else _Str(ad)
        if ad_s is None or ad_s.read_oid() is None:
            raise GoParseError("x509: invalid authority info access")
        # Only a URI accessLocation is read; other kinds are skipped.
        if ad_s.peek(_ctx(_NAME_URI)) and ad_s.read(_ctx(_NAME_URI)) is None:
            raise GoParseError("x509: invalid authority info access")


@lru_cache(maxsize=256)
def _process_extension(oid: tuple[int, ...], critical: bool, value: bytes) -> bool:
    """One step of processExtensions; returns Go's ``unhandled``.

    Cached (a pure function of its arguments): most extensions an issuer
    writes, such as keyUsage, extKeyUsage and the AKI, repeat byte for byte.
    """
    if len(oid) == 4 and oid[:3] == (2, 5, 29):
        kind = oid[3]
        if kind == 15:
            _parse_key_usage(value)
        elif kind == 19:
            _parse_basic_constraints(value)
        elif kind == 17:
            # A SAN with no name Go understands counts as unhandled.
            return not _parse_san(value)
        elif kind == 30:
            return _parse_name_constraints(value)
        elif kind == 31:
            _parse_crl_distribution_points(value)
        elif kind == 35:
            _parse_authority_key_id(critical, value)
        elif kind == 36:
            _parse_policy_constraints(value)
        elif kind == 37:
            _parse_ext_key_usage(value)
        elif kind == 14:
            _parse_subject_key_id(critical, value)
        elif kind == 32:
            _parse_certificate_policies(value)
        elif kind == 33:
            _parse_policy_mappings(value)
        elif kind == 54:
            _parse_inhibit_any_policy(value)
        else:
            return True
        return False
    if oid == OID_AIA:
        _parse_authority_info_access(critical, value)
        return False
    return True


@lru_cache(maxsize=256)
def _split_extension(element: bytes) -> tuple[tuple[int, ...], bool, bytes]:
    """One Extension SEQUENCE, whose framing was read already, as (OID,
    critical, value); cached, since most extensions an issuer writes repeat
    byte for byte."""
    es = _Str(_Str(element).read(SEQUENCE) or b"")
    oid = es.read_oid()
    if oid is None:
        raise GoParseError("x509: malformed extension OID field")
    critical = False
    if es.peek(BOOLEAN):
        c = es.read_boolean()
        if c is None:
            raise GoParseError("x509: malformed extension critical field")
        critical = c
    value = es.read(OCTET_STRING)
    if value is None:
        raise GoParseError("x509: malformed extension value field")
    return oid, critical, value


def _check_extensions(elements: Iterable[bytes]) -> list[str]:
    """processExtensions over the Extension SEQUENCEs, taken
    one at a time (a framing error comes in its turn); returns the unhandled
    critical OIDs."""
    exts = []
    seen: set[tuple[int, ...]] = set()
    # Every extension is split and checked for duplicates before any value
    # is looked at, as Go does.
    for element in elements:
        ext = _split_extension(element)
        if ext[0] in seen:
            raise GoParseError(f"x509: certificate contains duplicate extension with OID {go_quote(_oid_str(ext[0]))}")
        seen.add(ext[0])
        exts.append(ext)
    unhandled = []
    for oid, critical, value in exts:
        if _process_extension(oid, critical, value) and critical:
            unhandled.append(_oid_str(oid))
    return unhandled


def _parse_extensions(raw: bytes) -> list[str]:
    """The [3] extensions field; returns the unhandled critical OIDs."""
    seq = _Str(raw).read(SEQUENCE)
    if seq is None:
        raise GoParseError("x509: malformed extensions")
    return _check_extensions(_extension_contents(_Str(seq)))


def _extension_contents(s: _Str) -> Iterator[bytes]:
    while not s.empty():
        ext = s.read(SEQUENCE, element=True)
        if ext is None:
            raise GoParseError("x509: malformed extension")
        yield ext


@lru_cache(maxsize=256)
def _parse_spki(spki_el: bytes) -> None:
    """The subjectPublicKeyInfo element: its framing, then parsePublicKey for
    the algorithms Go knows.  Cached on the bytes: a pure check that raises
    or returns None, and a CSR's key is signed into each of its certificates."""
    spki_content = _Str(spki_el).read(SEQUENCE)
    if spki_content is None:
        raise GoParseError("x509: malformed spki")
    spki = _Str(spki_content)
    pk_ai = spki.read(SEQUENCE)
    if pk_ai is None:
        raise GoParseError("x509: malformed public key algorithm identifier")
    pk_oid, pk_params = _parse_ai(pk_ai)
    spk = spki.read_bit_string()
    if spk is None:
        raise GoParseError("x509: malformed subjectPublicKey")
    if pk_oid in KNOWN_KEY_ALGORITHMS:
        parse_public_key(pk_oid, pk_params, _right_align(*spk))


# --------------------------------------------------------------------------
# The certificate

_INT64_MAX = 2**63 - 1


def _parse_certificate(der: bytes, negative_serial: bool | None) -> list[str]:
    """parseCertificate plus ParseCertificate's trailing-data check."""
    der = bytes(der)
    top = _Str(der)
    raw = top.read(SEQUENCE, element=True)
    if raw is None:
        raise GoParseError("x509: malformed certificate")
    cert_content = _Str(raw).read(SEQUENCE)
    if cert_content is None:
        raise GoParseError("x509: malformed certificate")
    cert = _Str(cert_content)

    tbs_content = cert.read(SEQUENCE)
    if tbs_content is None:
        raise GoParseError("x509: malformed tbs certificate")
    tbs = _Str(tbs_content)

    # Version: an optional [0] EXPLICIT INTEGER holding nothing else,
    # default v1; Go counts from 1 and knows up to v3.
    ok, version_field = tbs.read_optional(_ctx(0, True))
    version = 0
    if ok and version_field is not None:
        vs = _Str(version_field)
        v = vs.read_int64()
        ok = v is not None and vs.empty()
        version = v or 0
    if not ok or version < 0:
        raise GoParseError("x509: malformed version")
    # Go's int wraps: a version of 2**63-1 becomes -2**63, passes the
    # "> 3" check and is then treated like v1 (no IDs, no extensions).
    version = version + 1 if version < _INT64_MAX else -_INT64_MAX - 1
    if version > 3:
        raise GoParseError("x509: invalid version")

    serial = tbs.read_big_int()
    if serial is None:
        raise GoParseError("x509: malformed serial number")
    if serial < 0 and not (X509_NEGATIVE_SERIAL if negative_serial is None else negative_serial):
        raise GoParseError("x509: negative serial number")

    sig_ai = tbs.read(SEQUENCE)
    if sig_ai is None:
        raise GoParseError("x509: malformed signature algorithm identifier")
    outer_sig_ai = cert.read(SEQUENCE)
    if outer_sig_ai is None:
        raise GoParseError("x509: malformed algorithm identifier")
    # Compared as bytes, before either is parsed.
    if outer_sig_ai != sig_ai:
        raise GoParseError("x509: inner and outer signature algorithm identifiers don't match")
    _parse_ai(sig_ai)

    issuer = tbs.read(SEQUENCE, element=True)
    if issuer is None:
        raise GoParseError("x509: malformed issuer")
    _parse_name(issuer)

    validity = tbs.read(SEQUENCE)
    if validity is None:
        raise GoParseError("x509: malformed validity")
    vs = _Str(validity)
    _parse_time(vs)
    _parse_time(vs)

    subject = tbs.read(SEQUENCE, element=True)
    if subject is None:
        # Go reuses the issuer's message here.
        raise GoParseError("x509: malformed issuer")
    _parse_name(subject)

    spki_el = tbs.read(SEQUENCE, element=True)
    if spki_el is None:
        raise GoParseError("x509: malformed spki")
    _parse_spki(spki_el)

    unhandled: list[str] = []
    if version > 1:
        # Unique IDs are primitive [1]/[2] (IMPLICIT BIT STRING); Go only
        # checks that they are well-formed TLVs.
        if not tbs.skip_optional(_ctx(1)):
            raise GoParseError("x509: malformed issuerUniqueID")
        if not tbs.skip_optional(_ctx(2)):
            raise GoParseError("x509: malformed subjectUniqueID")
        if version == 3:
            ok, extensions = tbs.read_optional(_ctx(3, True))
            if not ok:
                raise GoParseError("x509: malformed extensions")
            if extensions is not None:
                unhandled = _parse_extensions(extensions)
    # Whatever follows in the TBS (or after the signature) is not looked at.

    if cert.read_bit_string() is None:
        raise GoParseError("x509: malformed signature")

    if len(raw) != len(der):
        raise GoParseError("x509: trailing data")
    return unhandled


def parse_certificate_checks(der: bytes, *, negative_serial: bool | None = None) -> None:
    """Raise :class:`GoParseError` when Go's ``x509.ParseCertificate(der)``
    would fail, with Go's error text; return None when Go would succeed.

    ``negative_serial`` is GODEBUG ``x509negativeserial=1`` (accept negative
    serial numbers); None means :data:`X509_NEGATIVE_SERIAL`.
    """
    _parse_certificate(der, negative_serial)


def check_written_certificate(
    der: bytes, issuer: bytes, subject: bytes, spki: bytes, extensions: Sequence[bytes]
) -> None:
    """:func:`parse_certificate_checks` for a certificate pkisign has just
    written, looking only at the parts that can make Go refuse it.

    The caller vouches that ``der`` is pkisign's DER writer's encoding
    (single-octet tags, minimal lengths) of: v3, a non-negative serial, one
    algorithm identifier from its table (the same bytes inside and outside
    the TBS), validity times from ``validity.encode_time`` (canonical
    UTCTime or GeneralizedTime), ``issuer``, ``subject``, ``spki``, the
    Extension elements ``extensions`` (none: no [3] field), no unique IDs,
    and a signature BIT STRING with no unused bits -- every part but the
    four named ones is one Go always accepts.  Those four are checked as the
    full parse checks them, in its order and with its messages: the names,
    the key, then each extension's OID, critical flag and value, duplicates,
    and the value of every extension Go reads.  Each check is cached on its
    bytes, so an issuer name, a CSR's key or a profile's extension is parsed
    once however many certificates carry it.

    When the names or the key are not exactly one DER SEQUENCE each (a
    template's raw subject may be anything), they shift the fields that
    follow them, and the whole certificate is parsed instead.
    """
    if len(der) >= 1 << 32 or not (_one_sequence(issuer) and _one_sequence(subject) and _one_sequence(spki)):
        _parse_certificate(der, None)
        return
    _parse_name(issuer)
    _parse_name(subject)
    _parse_spki(spki)
    if extensions:
        _check_extensions(extensions)


@lru_cache(maxsize=256)
def _one_sequence(element: bytes) -> bool:
    """Whether cryptobyte reads these bytes as one SEQUENCE element and nothing more."""
    s = _Str(element)
    return s.read(SEQUENCE, element=True) is not None and s.empty()


def unhandled_critical_extensions(der: bytes, *, negative_serial: bool | None = None) -> list[str]:
    """Go's ``Certificate.UnhandledCriticalExtensions`` (dotted OIDs, in
    order) for a certificate Go parses; raises :class:`GoParseError` like
    :func:`parse_certificate_checks` otherwise.

    Go does not fail on these when parsing -- only ``Verify`` does.
    """
    return _parse_certificate(der, negative_serial)
