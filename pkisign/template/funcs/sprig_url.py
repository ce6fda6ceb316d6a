"""sprig's URL, semver and network functions (url.go, semver.go, network.go).

``getHostByName`` would resolve a name over the network; templates are
untrusted, so it is an error here.  ``semver``/``semverCompare`` are not
available (Masterminds/semver's constraint language is not reimplemented).
"""

from __future__ import annotations

from typing import Any

from ...golang.reflect import GoError, type_of
from ...golang.strconv import quote, to_bytes
from .base import FuncTable

_HEX_DIGITS = "0123456789abcdefABCDEF"

__all__ = ["URLS", "parse_url"]

URLS = FuncTable()


@URLS.func("getHostByName", ["string"], "string")
def _get_host_by_name(name: str) -> str:
    raise GoError("getHostByName is not available in pkisign templates (no network access)")


@URLS.func("semver", ["string"], "interface {}", error=True)
def _semver(version: str) -> Any:
    raise GoError("semver is not available in pkisign templates")


@URLS.func("semverCompare", ["string", "string"], "bool", error=True)
def _semver_compare(constraint: str, version: str) -> bool:
    raise GoError("semverCompare is not available in pkisign templates")


# -- net/url ------------------------------------------------------------------
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def _unhex(c: int) -> int:
    return int(chr(c), 16)


def _unescape(s: str, mode: str) -> str:
    """url.unescape for encodePath/encodeFragment/encodeHost/encodeUserPassword."""
    b = to_bytes(s)
    out = bytearray()
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x25:
            if i + 2 >= len(b) or chr(b[i + 1]) not in _HEX_DIGITS or chr(b[i + 2]) not in _HEX_DIGITS:
                seg = b[i:i + 3].decode("utf-8", "surrogateescape")
                raise GoError(f'invalid URL escape "{seg}"')
            v = _unhex(b[i + 1]) << 4 | _unhex(b[i + 2])
            if mode == "host" and v < 0x80 and _should_escape(v, "host"):
                raise GoError(f'invalid URL escape "{b[i:i + 3].decode()}"')
            out.append(v)
            i += 3
        else:
            if mode == "host" and c < 0x80 and _should_escape(c, "host"):
                raise GoError(f'invalid character {quote(chr(c))} in host name')
            out.append(c)
            i += 1
    return out.decode("utf-8", "surrogateescape")


def _should_escape(c: int, mode: str) -> bool:
    if c in _UNRESERVED:
        return False
    if mode in ("host", "zone") and chr(c) in "!$&'()*+,;=:[]<>\"":
        return False
    if chr(c) in "$&+,/:;=?@":
        if mode == "path":
            return c == ord("?")
        if mode == "pathseg":
            return chr(c) in "/;,?"
        if mode == "userinfo":
            return chr(c) in "@/?:"
        if mode == "query":
            return True
        if mode == "fragment":
            return False
    if mode == "fragment" and chr(c) in "!()*":
        return False
    return True


def _escape(s: str, mode: str) -> str:
    out = []
    for c in to_bytes(s):
        if _should_escape(c, mode):
            out.append("%%%02X" % c)
        else:
            out.append(chr(c))
    return "".join(out)


class URL:
    def __init__(self) -> None:
        self.scheme = self.opaque = self.user = self.host = self.path = ""
        self.raw_path = self.raw_query = self.fragment = self.raw_fragment = ""
        self.has_user = self.force_query = self.omit_host = False

    def hostname(self) -> str:
        host = self.host
        if host.startswith("["):
            end = host.find("]")
            return host[1:end] if end >= 0 else host[1:]
        i = host.rfind(":")
        return host[:i] if i >= 0 else host

    def string(self) -> str:
        """url.URL.String."""
        out = []
        if self.scheme:
            out.append(self.scheme + ":")
        if self.opaque:
            out.append(self.opaque)
        else:
            if self.scheme or self.host or self.has_user:
                if self.omit_host and not self.host and not self.has_user:
                    pass
                elif self.host or self.path or self.has_user:
                    out.append("//")
                if self.has_user:
                    out.append(self.user + "@")
                if self.host:
                    out.append(_escape(self.host, "host"))
            path = self.escaped_path()
            if path and path[0] != "/" and self.host:
                out.append("/")
            if not out:
                seg = path.split("/", 1)[0]
                if ":" in seg:
                    out.append("./")
            out.append(path)
        if self.force_query or self.raw_query:
            out.append("?" + self.raw_query)
        if self.fragment:
            out.append("#" + _escape(self.fragment, "fragment"))
        return "".join(out)

    def escaped_path(self) -> str:
        return _escape(self.path, "path")


def _userinfo_string(user: str, password: str | None) -> str:
    s = _escape(user, "userinfo")
    if password is not None:
        s += ":" + _escape(password, "userinfo")
    return s


def parse_url(raw: str) -> URL:
    """url.Parse (the parts sprig reads); errors read ``parse "<url>": <reason>``."""
    try:
        return _parse_url(raw)
    except GoError as e:
        msg = str(e)
        raise GoError(msg if msg.startswith("parse ") else f"parse {quote(raw)}: {msg}") from None


def _parse_url(raw: str) -> URL:
    u = URL()
    rest, frag_sep, frag = raw.partition("#")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in rest):
        raise GoError("net/url: invalid control character in URL")
    if frag_sep:
        u.fragment = _unescape(frag, "fragment")
    if rest == "*":
        u.path = "*"
        return u
    i = 0
    while i < len(rest):
        c = rest[i]
        if c.isascii() and c.isalpha():
            i += 1
            continue
        if c.isascii() and (c.isdigit() or c in "+-.") and i > 0:
            i += 1
            continue
        if c == ":" and i > 0:
            u.scheme = rest[:i].lower()
            rest = rest[i + 1:]
        elif c == ":":
            raise GoError("missing protocol scheme")
        break
    if rest.endswith("?") and rest.count("?") == 1:
        u.force_query = True
        rest = rest[:-1]
    else:
        rest, _, u.raw_query = rest.partition("?")
    if not rest.startswith("/"):
        if u.scheme:
            u.opaque = rest
            return u
        seg = rest.split("/", 1)[0]
        if ":" in seg:
            raise GoError("first path segment in URL cannot contain colon")
    if (u.scheme or not rest.startswith("///")) and rest.startswith("//"):
        authority, slash, rest = rest[2:].partition("/")
        rest = slash + rest
        at = authority.rfind("@")
        if at >= 0:
            userinfo = authority[:at]
            user, colon, password = userinfo.partition(":")
            u.has_user = True
            u.user = _userinfo_string(_unescape(user, "userinfo"),
                                      _unescape(password, "userinfo") if colon else None)
            authority = authority[at + 1:]
        u.host = _unescape(authority, "host")
    u.path = _unescape(rest, "path")
    return u


def _dict_get_or_empty(d: dict[str, Any], key: str) -> str:
    if key not in d:
        return ""
    v = d[key]
    t = type_of(v)
    if t is None:
        raise GoError("runtime error: invalid memory address or nil pointer dereference")
    if t.kind != "string":
        raise GoError(f"unable to parse {key} key, must be of type string, but {t.kind} found")
    return str(v)


@URLS.func("urlParse", ["string"], "map[string]interface {}")
def _url_parse(v: str) -> dict[str, Any]:
    try:
        u = parse_url(v)
    except GoError as e:
        raise GoError(f"unable to parse url: {e}") from None
    return {
        "scheme": u.scheme,
        "host": u.host,
        "hostname": u.hostname(),
        "path": u.path,
        "query": u.raw_query,
        "opaque": u.opaque,
        "fragment": u.fragment,
        "userinfo": u.user if u.has_user else "",
    }


@URLS.func("urlJoin", ["map[string]interface {}"], "string")
def _url_join(d: Any) -> str:
    d = d if isinstance(d, dict) else {}
    u = URL()
    u.scheme = _dict_get_or_empty(d, "scheme")
    u.host = _dict_get_or_empty(d, "host")
    u.path = _dict_get_or_empty(d, "path")
    u.raw_query = _dict_get_or_empty(d, "query")
    u.opaque = _dict_get_or_empty(d, "opaque")
    u.fragment = _dict_get_or_empty(d, "fragment")
    userinfo = _dict_get_or_empty(d, "userinfo")
    if userinfo:
        try:
            tmp = parse_url(f"proto://{userinfo}@host")
        except GoError as e:
            raise GoError(f"unable to parse userinfo in dict: {e}") from None
        u.has_user, u.user = tmp.has_user, tmp.user
    return u.string()
