r"""Exact ports of the parts of Go's ``net`` and ``net/url`` that pkisign needs.

``step certificate sign`` (through go.step.sm/crypto/x509util and
crypto/x509) decides what a SAN is, how it is encoded and how error texts
read with Go 1.24's ``net.ParseIP``, ``net.IP.String``, ``net.ParseCIDR``,
``url.Parse`` and ``(*url.URL).String``.  This module reproduces their
behaviour byte for byte; it is a port of the behaviour, not of the code
layout.  Golden data produced by real Go (``tools/goref/regen_goldens.sh``)
pins it down in ``tests/test_gonet.py``.

Strings and bytes
-----------------
A Go string is a byte string that may hold invalid UTF-8; a Python ``str``
is text.  The convention here is the one of ``os.fsdecode``: a ``str`` is
the UTF-8 decoding of Go's bytes with ``errors="surrogateescape"``, so a
byte that is not part of valid UTF-8 appears as a lone surrogate
U+DC80..U+DCFF.  Every function converts its input to bytes that way, runs
Go's byte-level rules and decodes its results the same way, so that e.g.
``parse_url("%ff").path == "\udcff"`` (Go's ``"\xff"``) and ``str()`` of
that URL is ``"%FF"``.  Lone surrogates outside U+DC80..U+DCFF, which
surrogateescape cannot produce, are taken as their (WTF-8) three-byte
encoding -- bytes Go treats as invalid UTF-8 -- instead of raising.

IP addresses are ``bytes`` of length 4 or 16 (Go's ``net.IP``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "URL",
    "URLError",
    "Userinfo",
    "cidr_mask",
    "go_quote",
    "ip_mask",
    "ip_string",
    "is_valid_ip_mask",
    "parse_cidr",
    "parse_ip",
    "parse_url",
    "to4",
    "to16",
]


# --------------------------------------------------------------------------
# Go strings <-> Python str


def _b(s: str) -> bytes:
    """The Go string (bytes) a Python ``str`` stands for (see module doc)."""
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        # Only lone surrogates outside U+DC80..U+DCFF get here.
        return b"".join(
            bytes([ord(c) - 0xDC00])
            if 0xDC80 <= ord(c) <= 0xDCFF
            else c.encode("utf-8", "surrogatepass")
            for c in s
        )


def _s(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


# --------------------------------------------------------------------------
# strconv.Quote, for the texts of Go's error values

def go_quote(s: str | bytes) -> str:
    """Go's ``strconv.Quote`` (what ``%q`` prints for a string).

    Bytes that are not valid UTF-8 print as ``\\xHH``; runes that are not
    printable in Go's sense as ``\\xHH``/``\\uHHHH``/``\\UHHHHHHHH``.
    """
    from .strconv import quote  # the quoting rules live with strconv's port

    return quote(_s(s if isinstance(s, bytes) else _b(s)))


# --------------------------------------------------------------------------
# net/netip.ParseAddr (only validity and the address bytes matter here: the
# net package turns every failure into nil or a fixed ParseError text)

_HEXVAL = {c: int(chr(c), 16) for c in b"0123456789abcdefABCDEF"}


def _parse_ipv4_fields(s: bytes) -> bytes | None:
    fields = bytearray(4)
    val = pos = dig_len = 0
    for i, c in enumerate(s):
        if 0x30 <= c <= 0x39:
            if dig_len == 1 and val == 0:
                return None  # netip rejects octets with a leading zero
            val = val * 10 + c - 0x30
            dig_len += 1
            if val > 255:
                return None
        elif c == 0x2E:  # "."
            if i == 0 or i == len(s) - 1 or s[i - 1] == 0x2E or pos == 3:
                return None
            fields[pos] = val
            pos += 1
            val = dig_len = 0
        else:
            return None
    if pos < 3:
        return None
    fields[3] = val
    return bytes(fields)


def _parse_ipv6(s: bytes) -> tuple[bytes, bytes] | None:
    zone = b""
    pct = s.find(b"%")
    if pct != -1:
        s, zone = s[:pct], s[pct + 1 :]
        if not zone:
            return None
    ip = bytearray(16)
    ellipsis = -1
    if s[:2] == b"::":
        ellipsis = 0
        s = s[2:]
        if not s:
            return bytes(16), zone
    i = 0
    while i < 16:
        off = acc = 0
        while off < len(s) and s[off] in _HEXVAL:
            acc = (acc << 4) + _HEXVAL[s[off]]
            if off > 3:
                return None  # more than 4 hex digits in a group
            off += 1
        if off == 0:
            return None
        if off < len(s) and s[off] == 0x2E:
            # A dotted quad may only replace the last two groups, or end an
            # address that has a "::" somewhere.
            if (ellipsis < 0 and i != 12) or i + 4 > 16:
                return None
            v4 = _parse_ipv4_fields(s)
            if v4 is None:
                return None
            ip[i : i + 4] = v4
            s = b""
            i += 4
            break
        ip[i] = acc >> 8
        ip[i + 1] = acc & 0xFF
        i += 2
        s = s[off:]
        if not s:
            break
        if s[0] != 0x3A or len(s) == 1:
            return None
        s = s[1:]
        if s[0] == 0x3A:
            if ellipsis >= 0:
                return None
            ellipsis = i
            s = s[1:]
            if not s:
                break
    if s:
        return None
    if i < 16:
        if ellipsis < 0:
            return None
        n = 16 - i
        ip[ellipsis + n : 16] = ip[ellipsis:i]
        ip[ellipsis : ellipsis + n] = bytes(n)
    elif ellipsis >= 0:
        return None  # "::" must stand for at least one group of zeros
    return bytes(ip), zone


def _parse_addr(s: bytes) -> tuple[bytes, bytes] | None:
    """netip.ParseAddr: (4- or 16-byte address, zone) or None."""
    # The first ".", ":" or "%" decides the family, as in netip.
    for c in s:
        if c == 0x2E:
            v4 = _parse_ipv4_fields(s)
            return None if v4 is None else (v4, b"")
        if c == 0x3A:
            return _parse_ipv6(s)
        if c == 0x25:
            return None
    return None


# --------------------------------------------------------------------------
# net.IP

_V4_IN_V6_PREFIX = bytes(10) + b"\xff\xff"


def parse_ip(s: str) -> bytes | None:
    """Go's ``net.ParseIP``: None if ``s`` is not an IP address literal.

    Unlike Go, which always returns the 16-byte form, an IPv4 literal
    ("192.0.2.1") gives 4 bytes and an IPv6 literal 16 bytes (so
    "::ffff:192.0.2.1" gives 16).  ``to16(parse_ip(s))`` is exactly Go's
    result and ``to4`` maps both IPv4 forms to the same 4 bytes, as
    crypto/x509 does before encoding an iPAddress SAN.  Zones
    ("fe80::1%eth0") and octets with leading zeros ("010.1.1.1") are
    rejected, as in Go 1.24.
    """
    parsed = _parse_addr(_b(s))
    if parsed is None or parsed[1]:
        return None
    return parsed[0]


def to4(ip: bytes) -> bytes | None:
    """Go's ``IP.To4``: 4 bytes for an IPv4 or IPv4-mapped address, else None."""
    if len(ip) == 4:
        return bytes(ip)
    if len(ip) == 16 and ip[:12] == _V4_IN_V6_PREFIX:
        return bytes(ip[12:])
    return None


def to16(ip: bytes) -> bytes | None:
    """Go's ``IP.To16``: the 16-byte form, or None for a bad length."""
    if len(ip) == 4:
        return _V4_IN_V6_PREFIX + bytes(ip)
    if len(ip) == 16:
        return bytes(ip)
    return None


def ip_string(ip: bytes) -> str:
    """Go's ``net.IP.String``.

    "<nil>" for an empty IP, "?" plus hex for a length other than 4 or 16,
    dotted decimal for IPv4 and IPv4-mapped addresses, RFC 5952 text
    otherwise (so IPv4-compatible "::1.2.3.4" prints as "::102:304").
    """
    if len(ip) == 0:
        return "<nil>"
    if len(ip) not in (4, 16):
        return "?" + bytes(ip).hex()
    v4 = to4(ip)
    if v4 is not None:
        return ".".join(str(b) for b in v4)
    groups = [ip[i] << 8 | ip[i + 1] for i in range(0, 16, 2)]
    # RFC 5952: "::" replaces the first longest run of two or more zero
    # groups.
    best_start, best_len = -1, 1
    i = 0
    while i < 8:
        j = i
        while j < 8 and groups[j] == 0:
            j += 1
        if j - i > best_len:
            best_start, best_len = i, j - i
        i = j + 1 if j > i else i + 1
    if best_start < 0:
        return ":".join(f"{g:x}" for g in groups)
    head = ":".join(f"{g:x}" for g in groups[:best_start])
    tail = ":".join(f"{g:x}" for g in groups[best_start + best_len :])
    return head + "::" + tail


def ip_default_mask(ip: bytes) -> bytes | None:
    """net.IP.DefaultMask: the class A/B/C mask of an IPv4 address, else nil."""
    v4 = to4(ip)
    if v4 is None:
        return None
    if v4[0] < 0x80:
        return b"\xff\x00\x00\x00"
    if v4[0] < 0xC0:
        return b"\xff\xff\x00\x00"
    return b"\xff\xff\xff\x00"


def ip_class(ip: bytes) -> dict[str, bool]:
    """The answers of net.IP's Is* methods (false for a malformed length)."""
    v4 = to4(ip)
    v6 = ip if len(ip) == 16 else None
    if v4 is not None:
        unspecified = v4 == b"\x00\x00\x00\x00"
        loopback = v4[0] == 127
        multicast = v4[0] & 0xF0 == 0xE0
        link_local_unicast = v4[:2] == b"\xa9\xfe"
        link_local_multicast = v4[:3] == b"\xe0\x00\x00"
        private = v4[0] == 10 or (v4[0] == 172 and v4[1] & 0xF0 == 16) or v4[:2] == b"\xc0\xa8"
        broadcast = v4 == b"\xff\xff\xff\xff"
        return {
            "IsUnspecified": unspecified, "IsLoopback": loopback, "IsMulticast": multicast,
            "IsLinkLocalUnicast": link_local_unicast, "IsLinkLocalMulticast": link_local_multicast,
            "IsInterfaceLocalMulticast": False, "IsPrivate": private,
            "IsGlobalUnicast": not (unspecified or loopback or multicast or link_local_unicast or broadcast),
        }
    if v6 is None:
        return dict.fromkeys(("IsUnspecified", "IsLoopback", "IsMulticast", "IsLinkLocalUnicast",
                              "IsLinkLocalMulticast", "IsInterfaceLocalMulticast", "IsPrivate",
                              "IsGlobalUnicast"), False)
    unspecified = v6 == bytes(16)
    loopback = v6 == bytes(15) + b"\x01"
    multicast = v6[0] == 0xFF
    link_local_unicast = v6[0] == 0xFE and v6[1] & 0xC0 == 0x80
    return {
        "IsUnspecified": unspecified, "IsLoopback": loopback, "IsMulticast": multicast,
        "IsLinkLocalUnicast": link_local_unicast,
        "IsLinkLocalMulticast": v6[0] == 0xFF and v6[1] & 0x0F == 0x02,
        "IsInterfaceLocalMulticast": v6[0] == 0xFF and v6[1] & 0x0F == 0x01,
        "IsPrivate": v6[0] & 0xFE == 0xFC,
        "IsGlobalUnicast": not (unspecified or loopback or multicast or link_local_unicast),
    }


def cidr_mask(ones: int, bits: int) -> bytes | None:
    """Go's ``net.CIDRMask``: ``ones`` 1 bits then 0s, ``bits`` 32 or 128."""
    if bits not in (32, 128) or not 0 <= ones <= bits:
        return None
    return (((1 << ones) - 1) << (bits - ones)).to_bytes(bits // 8, "big")


def ip_mask(ip: bytes, mask: bytes) -> bytes | None:
    """Go's ``IP.Mask``: ``ip`` AND ``mask``, None if the lengths don't fit.

    As in Go, a 16-byte mask whose first 12 bytes are 0xff applies to a
    4-byte IP, and a 4-byte mask to an IPv4-mapped 16-byte IP (giving 4
    bytes).
    """
    if len(mask) == 16 and len(ip) == 4 and mask[:12] == b"\xff" * 12:
        mask = mask[12:]
    if len(mask) == 4 and len(ip) == 16 and ip[:12] == _V4_IN_V6_PREFIX:
        ip = ip[12:]
    if len(ip) != len(mask):
        return None
    return bytes(a & b for a, b in zip(ip, mask))


def is_valid_ip_mask(mask: bytes) -> bool:
    """crypto/x509's ``isValidIPMask``: some 1 bits followed only by 0 bits.

    Any length is accepted (the caller checks for 4 or 16 bytes).
    """
    seen_zero = False
    for b in mask:
        if seen_zero:
            if b != 0:
                return False
        elif b in (0x00, 0x80, 0xC0, 0xE0, 0xF0, 0xF8, 0xFC, 0xFE):
            seen_zero = True
        elif b != 0xFF:
            return False
    return True


def parse_cidr(s: str) -> tuple[bytes, bytes]:
    """Go's ``net.ParseCIDR``, returning its ``IPNet`` as (ip, mask).

    As in Go the network IP is masked and is 4 bytes with a 4-byte mask
    for an IPv4 literal, 16 and 16 for IPv6 (including "::ffff:1.2.3.4/n",
    whose prefix length counts up to 128).  Raises ``ValueError`` with Go's
    text ``invalid CIDR address: <s>``.
    """
    raw = _b(s)
    addr, slash, prefix = raw.partition(b"/")
    parsed = _parse_addr(addr) if slash else None
    if parsed is None or parsed[1]:
        raise ValueError("invalid CIDR address: " + s)
    ip = parsed[0]
    bits = len(ip) * 8
    # net.dtoi: ASCII digits only, any number of leading zeros, no sign.
    digits = prefix.lstrip(b"0") or b"0"
    if (
        not prefix
        or not all(0x30 <= c <= 0x39 for c in prefix)
        or len(digits) > 3
        or int(digits) > bits
    ):
        raise ValueError("invalid CIDR address: " + s)
    mask = cidr_mask(int(digits), bits)
    assert mask is not None
    net_ip = ip_mask(to16(ip) or b"", mask)
    assert net_ip is not None
    return net_ip, mask


# --------------------------------------------------------------------------
# net/url

_ENCODE_PATH = 1
_ENCODE_PATH_SEGMENT = 2
_ENCODE_HOST = 3
_ENCODE_ZONE = 4
_ENCODE_USER_PASSWORD = 5
_ENCODE_QUERY_COMPONENT = 6
_ENCODE_FRAGMENT = 7


def _should_escape_rule(c: int, mode: int) -> bool:
    """url.shouldEscape; only used to fill ``_SHOULD_ESCAPE``."""
    ch = chr(c)
    if ch.isascii() and ch.isalnum():  # RFC 3986 2.3 unreserved: alphanum
        return False
    if mode in (_ENCODE_HOST, _ENCODE_ZONE) and ch in "!$&'()*+,;=:[]<>\"":
        # Host sub-delims, ":" for the port, "[]" for IPv6 literals, and
        # "<>\"" which Parse rejects anyway if escaped (hosts cannot
        # %-encode ASCII).
        return False
    if ch in "-_.~":
        return False
    if ch in "$&+,/:;=?@":  # RFC 3986 2.2 reserved
        if mode == _ENCODE_PATH:
            return ch == "?"  # Go manipulates the path as a whole
        if mode == _ENCODE_PATH_SEGMENT:
            return ch in "/;,?"
        if mode == _ENCODE_USER_PASSWORD:
            return ch in "@/?:"  # ":" separates the password
        if mode == _ENCODE_QUERY_COMPONENT:
            return True
        if mode == _ENCODE_FRAGMENT:
            return False
    if mode == _ENCODE_FRAGMENT and ch in "!()*":
        return False  # sub-delims left alone in fragments only (Go #19917)
    return True


_SHOULD_ESCAPE = {
    mode: bytes(_should_escape_rule(c, mode) for c in range(256))
    for mode in range(_ENCODE_PATH, _ENCODE_FRAGMENT + 1)
}
_IS_HEX = bytes(c in _HEXVAL for c in range(256))
_PCT_ENCODED = [b"%%%02X" % c for c in range(256)]  # Go's upperhex


class _GoError(Exception):
    """An error value of net/url before it is wrapped in a url.Error."""


def _escape_error(s: bytes) -> _GoError:
    return _GoError("invalid URL escape " + go_quote(s))


def _unescape(s: bytes, mode: int) -> bytes:
    """url.unescape: decode %XX (and "+" in query components)."""
    table = _SHOULD_ESCAPE[mode]
    host_like = mode in (_ENCODE_HOST, _ENCODE_ZONE)
    n = 0
    has_plus = False
    i = 0
    while i < len(s):
        c = s[i]
        if c == 0x25:  # "%"
            n += 1
            if i + 2 >= len(s) or not _IS_HEX[s[i + 1]] or not _IS_HEX[s[i + 2]]:
                raise _escape_error(s[i : i + 3])
            # RFC 3986 3.2.2: a host may %-encode only non-ASCII bytes,
            # except %25 which RFC 6874 allows for zone identifiers.
            if mode == _ENCODE_HOST and _HEXVAL[s[i + 1]] < 8 and s[i : i + 3] != b"%25":
                raise _escape_error(s[i : i + 3])
            if mode == _ENCODE_ZONE:
                # Go lets a zone escape only bytes a host could hold
                # literally, plus space (Windows zone names).
                v = _HEXVAL[s[i + 1]] << 4 | _HEXVAL[s[i + 2]]
                if s[i : i + 3] != b"%25" and v != 0x20 and _SHOULD_ESCAPE[_ENCODE_HOST][v]:
                    raise _escape_error(s[i : i + 3])
            i += 3
        elif c == 0x2B:  # "+"
            has_plus = mode == _ENCODE_QUERY_COMPONENT
            i += 1
        else:
            if host_like and c < 0x80 and table[c]:
                raise _GoError("invalid character " + go_quote(s[i : i + 1]) + " in host name")
            i += 1
    if n == 0 and not has_plus:
        return s
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c == 0x25:
            out.append(_HEXVAL[s[i + 1]] << 4 | _HEXVAL[s[i + 2]])
            i += 3
            continue
        if c == 0x2B and mode == _ENCODE_QUERY_COMPONENT:
            out.append(0x20)
        else:
            out.append(c)
        i += 1
    return bytes(out)


def _escape(s: bytes, mode: int) -> bytes:
    """url.escape: %XX-encode every byte shouldEscape names for ``mode``."""
    table = _SHOULD_ESCAPE[mode]
    out = bytearray()
    for c in s:
        if c == 0x20 and mode == _ENCODE_QUERY_COMPONENT:
            out.append(0x2B)
        elif table[c]:
            out += _PCT_ENCODED[c]
        else:
            out.append(c)
    return bytes(out)


def _valid_encoded(s: bytes, mode: int) -> bool:
    """url.validEncoded: may ``s`` stand as the escaped form as it is?"""
    table = _SHOULD_ESCAPE[mode]
    # RFC 3986 pchar sub-delims plus ":@", "[]" (left alone by browsers) and
    # "%" are fine; anything else must not need escaping.
    return all(c in b"!$&'()*+,;=:@[]%" or not table[c] for c in s)


def _valid_optional_port(port: bytes) -> bool:
    """url.validOptionalPort: empty, or ":" followed by ASCII digits."""
    if not port:
        return True
    return port[0] == 0x3A and all(0x30 <= c <= 0x39 for c in port[1:])


_USERINFO_OK = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._:~!$&'()*+,;=%@"
)


@dataclass(frozen=True)
class Userinfo:
    """Go's ``url.Userinfo``: a username and an optional password."""

    username: str = ""
    password: str = ""
    password_set: bool = False

    def __str__(self) -> str:
        """Go's ``(*Userinfo).String``: ``user[:password]``, escaped."""
        s = _escape(_b(self.username), _ENCODE_USER_PASSWORD)
        if self.password_set:
            s += b":" + _escape(_b(self.password), _ENCODE_USER_PASSWORD)
        return _s(s)


class URLError(ValueError):
    """Go's ``*url.Error`` from ``url.Parse``; ``str(e)`` is Go's ``e.Error()``.

    ``op`` is "parse", ``url`` the (part of the) input Go names, ``err`` the
    text of the wrapped error (e.g. "missing protocol scheme").
    """

    def __init__(self, op: str, url: str, err: str) -> None:
        self.op = op
        self.url = url
        self.err = err
        super().__init__(f"{op} {go_quote(url)}: {err}")


@dataclass
class URL:
    """Go's ``url.URL``; the fields hold Go's values (decoded, not escaped,
    except ``opaque``, ``raw_path``, ``raw_query`` and ``raw_fragment``).
    ``str(url)`` is Go's ``String()``.
    """

    scheme: str = ""
    opaque: str = ""
    user: Userinfo | None = None
    host: str = ""
    path: str = ""
    raw_path: str = ""
    omit_host: bool = False
    force_query: bool = False
    raw_query: str = ""
    fragment: str = ""
    raw_fragment: str = ""

    def escaped_path(self) -> str:
        """Go's ``EscapedPath``: ``raw_path`` if it is a valid escaping of
        ``path``, else Go's own escaping of ``path``."""
        return _s(self._escaped_path())

    def _escaped_path(self) -> bytes:
        path = _b(self.path)
        raw = _b(self.raw_path)
        if raw and _valid_encoded(raw, _ENCODE_PATH):
            try:
                if _unescape(raw, _ENCODE_PATH) == path:
                    return raw
            except _GoError:
                pass
        if path == b"*":
            return b"*"  # Go issue 11202
        return _escape(path, _ENCODE_PATH)

    def escaped_fragment(self) -> str:
        """Go's ``EscapedFragment`` (same rule as ``escaped_path``)."""
        frag = _b(self.fragment)
        raw = _b(self.raw_fragment)
        if raw and _valid_encoded(raw, _ENCODE_FRAGMENT):
            try:
                if _unescape(raw, _ENCODE_FRAGMENT) == frag:
                    return self.raw_fragment
            except _GoError:
                pass
        return _s(_escape(frag, _ENCODE_FRAGMENT))

    def _split_host_port(self) -> tuple[str, str]:
        """url's splitHostPort: a trailing valid ":port" off, brackets off."""
        host, port = _b(self.host), b""
        colon = host.rfind(b":")
        if colon != -1 and _valid_optional_port(host[colon:]):
            host, port = host[:colon], host[colon + 1:]
        if host.startswith(b"[") and host.endswith(b"]"):
            host = host[1:-1]
        return _s(host), _s(port)

    def hostname(self) -> str:
        """Go's ``Hostname``: the host without port or IPv6 brackets."""
        return self._split_host_port()[0]

    def port(self) -> str:
        """Go's ``Port``: the port digits of the host, or ""."""
        return self._split_host_port()[1]

    def request_uri(self) -> str:
        """Go's ``RequestURI``: the opaque part or escaped path, and the query."""
        result = self.opaque
        if not result:
            result = self.escaped_path() or "/"
        elif result.startswith("//"):
            result = self.scheme + ":" + result
        if self.force_query or self.raw_query:
            result += "?" + self.raw_query
        return result

    def redacted(self) -> str:
        """Go's ``Redacted``: ``String()`` with a password shown as "xxxxx"."""
        if self.user is not None and self.user.password_set:
            shown = URL(**{**self.__dict__, "user": Userinfo(self.user.username, "xxxxx", True)})
            return str(shown)
        return str(self)

    def __str__(self) -> str:
        buf = bytearray()
        scheme, host = _b(self.scheme), _b(self.host)
        if scheme:
            buf += scheme + b":"
        if self.opaque:
            buf += _b(self.opaque)
        else:
            if scheme or host or self.user is not None:
                # OmitHost keeps "scheme:/path" from growing an empty "//".
                if not (self.omit_host and not host and self.user is None):
                    if host or self.path or self.user is not None:
                        buf += b"//"
                    if self.user is not None:
                        buf += _b(str(self.user)) + b"@"
                    if host:
                        buf += _escape(host, _ENCODE_HOST)
            path = self._escaped_path()
            if path and path[:1] != b"/" and host:
                buf += b"/"
            if not buf and b":" in path.partition(b"/")[0]:
                # RFC 3986 4.2: a first segment with ":" would read as a
                # scheme, so it gets a "./" prefix.
                buf += b"./"
            buf += path
        if self.force_query or self.raw_query:
            buf += b"?" + _b(self.raw_query)
        if self.fragment:
            buf += b"#" + _b(self.escaped_fragment())
        return _s(bytes(buf))

    def go_json(self) -> dict[str, Any]:
        """The object Go's ``json.Marshal`` writes for this ``*url.URL``.

        Keys in Go's field order; ``User`` is ``{}`` (Userinfo has no
        exported fields) or None; invalid UTF-8 bytes become U+FFFD each,
        as Go's encoder does.
        """

        def text(s: str) -> str:
            return "".join("\ufffd" if 0xDC80 <= ord(c) <= 0xDCFF else c for c in _s(_b(s)))

        return {
            "Scheme": text(self.scheme),
            "Opaque": text(self.opaque),
            "User": None if self.user is None else {},
            "Host": text(self.host),
            "Path": text(self.path),
            "RawPath": text(self.raw_path),
            "OmitHost": self.omit_host,
            "ForceQuery": self.force_query,
            "RawQuery": text(self.raw_query),
            "Fragment": text(self.fragment),
            "RawFragment": text(self.raw_fragment),
        }


def _get_scheme(raw: bytes) -> tuple[bytes, bytes]:
    """url.getScheme: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )."""
    for i, c in enumerate(raw):
        if 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A:
            continue
        if 0x30 <= c <= 0x39 or c in b"+-.":
            if i == 0:
                return b"", raw
            continue
        if c == 0x3A:
            if i == 0:
                raise _GoError("missing protocol scheme")
            return raw[:i], raw[i + 1 :]
        return b"", raw
    return b"", raw


def _parse_host(host: bytes) -> bytes:
    """url.parseHost: host[:port], with RFC 6874 zones in IP literals."""
    if host[:1] == b"[":
        i = host.rfind(b"]")
        if i < 0:
            raise _GoError("missing ']' in host")
        colon_port = host[i + 1 :]
        if not _valid_optional_port(colon_port):
            raise _GoError(f"invalid port {go_quote(colon_port)} after host")
        # "%25" starts a zone, which may %-encode more than a host may.
        zone = host[:i].find(b"%25")
        if zone >= 0:
            return (
                _unescape(host[:zone], _ENCODE_HOST)
                + _unescape(host[zone:i], _ENCODE_ZONE)
                + _unescape(host[i:], _ENCODE_HOST)
            )
    else:
        i = host.rfind(b":")
        if i != -1 and not _valid_optional_port(host[i:]):
            raise _GoError(f"invalid port {go_quote(host[i:])} after host")
    return _unescape(host, _ENCODE_HOST)


def _parse_authority(authority: bytes) -> tuple[Userinfo | None, bytes]:
    i = authority.rfind(b"@")
    # Go checks the host before the userinfo, which decides which error
    # wins when both are bad.
    host = _parse_host(authority[i + 1 :] if i >= 0 else authority)
    if i < 0:
        return None, host
    userinfo = authority[:i]
    if not all(c in _USERINFO_OK for c in userinfo):
        raise _GoError("net/url: invalid userinfo")
    if b":" not in userinfo:
        return Userinfo(_s(_unescape(userinfo, _ENCODE_USER_PASSWORD))), host
    name, _, password = userinfo.partition(b":")
    return (
        Userinfo(
            _s(_unescape(name, _ENCODE_USER_PASSWORD)),
            _s(_unescape(password, _ENCODE_USER_PASSWORD)),
            True,
        ),
        host,
    )


def _set_path(u: URL, p: bytes) -> None:
    """url.setPath: RawPath only when Go's default escaping would differ."""
    path = _unescape(p, _ENCODE_PATH)
    u.path = _s(path)
    u.raw_path = "" if _escape(path, _ENCODE_PATH) == p else _s(p)


def _parse(raw: bytes) -> URL:
    """url.parse with viaRequest=false."""
    if any(c < 0x20 or c == 0x7F for c in raw):
        raise _GoError("net/url: invalid control character in URL")
    u = URL()
    if raw == b"*":
        u.path = "*"
        return u
    scheme, rest = _get_scheme(raw)
    u.scheme = _s(scheme.lower())
    if rest.endswith(b"?") and rest.count(b"?") == 1:
        u.force_query = True
        rest = rest[:-1]
    else:
        rest, _, query = rest.partition(b"?")
        u.raw_query = _s(query)
    if rest[:1] != b"/":
        if scheme:
            # RFC 3986 rootless paths are opaque.
            u.opaque = _s(rest)
            return u
        # RFC 3986 3.3: in a relative reference the first segment cannot
        # hold ":" (Go issue 16822).
        if b":" in rest.partition(b"/")[0]:
            raise _GoError("first path segment in URL cannot contain colon")
    if rest[:2] == b"//" and (scheme or rest[:3] != b"///"):
        authority, slash, tail = rest[2:].partition(b"/")
        rest = slash + tail
        u.user, host = _parse_authority(authority)
        u.host = _s(host)
    elif scheme and rest[:1] == b"/":
        u.omit_host = True  # "scheme:/path": empty authority (Go issue 46059)
    _set_path(u, rest)
    return u


def parse_url(s: str) -> URL:
    """Go's ``url.Parse``; raises ``URLError`` with Go's error text."""
    raw = _b(s)
    head, _, frag = raw.partition(b"#")
    try:
        u = _parse(head)
    except _GoError as e:
        raise URLError("parse", _s(head), str(e)) from None
    if not frag:
        return u
    try:
        f = _unescape(frag, _ENCODE_FRAGMENT)
    except _GoError as e:
        # Fragment errors name the whole input, unlike the others.
        raise URLError("parse", s, str(e)) from None
    u.fragment = _s(f)
    u.raw_fragment = "" if _escape(f, _ENCODE_FRAGMENT) == frag else _s(frag)
    return u
