"""Load golden-case data the way tools/gotemplate-ref/main.go does.

JSON numbers become float64; an object with one "@tag" key builds a typed Go
value (see main.go for the list).
"""

from __future__ import annotations

import base64
import ipaddress
import json
from typing import Any

from pkisign.golang.reflect import GoBytes, GoField, GoFloat, GoInt, GoNil, GoStruct, go_method, named_type, typed
from pkisign.golang.time.values import LAYOUTS, Duration, parse

__all__ = ["load", "NetIP", "Person", "PersonPtr"]


class NetIP(GoBytes):
    go_type = named_type("net.IP", "[]uint8")

    @go_method("String")
    def string(self) -> str:
        b = bytes(self)
        if len(b) == 16 and b[:12] == b"\x00" * 10 + b"\xff\xff":
            b = b[12:]
        if len(b) == 4:
            return str(ipaddress.IPv4Address(b))
        if len(b) == 16:
            return str(ipaddress.IPv6Address(b))
        if not b:
            return "<nil>"
        return "?" + b.hex()

    @go_method("MarshalText", result="[]uint8", error=True)
    def marshal_text(self) -> bytes:
        return b"" if not bytes(self) else self.string().encode()


def parse_ip(s: str) -> NetIP:
    ip = ipaddress.ip_address(s)
    raw = ip.packed if ip.version == 6 else b"\x00" * 10 + b"\xff\xff" + ip.packed
    return NetIP(raw)


_FIELDS = (
    GoField("Name", "name", type="string"),
    GoField("Age", "age", omitempty=True, type="int"),
    GoField("Tags", "tags", omitempty=True, type="[]string"),
    GoField("Secret", "-", type="string"),
    GoField("Friend", "friend", omitempty=True, type="*main.Person"),
    GoField("Extra", "extra", type="interface {}"),
    GoField("Addr", "addr", omitempty=True, type="net.IP"),
)


class Person(GoStruct):
    go_name = "main.Person"
    go_fields = _FIELDS


class PersonPtr(Person):
    go_name = "*main.Person"
    go_fields = _FIELDS


def _person(obj: dict[str, Any], cls: type) -> Any:
    friend = obj.get("friend")
    tags = obj.get("tags")
    addr = obj.get("addr")
    return cls(
        Name=obj.get("name", ""),
        Age=int(obj.get("age", 0)),
        Tags=typed(tags, "[]string") if tags is not None else None,
        Friend=_person(friend, PersonPtr) if friend is not None else None,
        Extra=convert(obj["extra"]) if "extra" in obj else None,
        Addr=parse_ip(addr) if addr else None,
    )


def _typed(tag: str, v: Any) -> Any:
    if tag == "@int":
        return int(v)
    if tag in ("@int64", "@uint8", "@uint"):
        return GoInt(int(v), tag[1:])
    if tag == "@float32":
        return GoFloat(float(v), "float32")
    if tag == "@duration":
        return Duration(int(v))
    if tag == "@bytes":
        return base64.b64decode(v)
    if tag == "@strings":
        return typed(v, "[]string")
    if tag == "@ints":
        return typed([int(x) for x in v], "[]int")
    if tag == "@smap":
        return typed(v, "map[string]string")
    if tag == "@nil":
        return GoNil(v) if v != "[]interface {}" else GoNil("[]interface {}")
    if tag == "@time":
        return parse(LAYOUTS["RFC3339Nano"], v)
    if tag == "@ip":
        return parse_ip(v)
    if tag == "@person":
        return _person(v, Person)
    if tag == "@*person":
        return _person(v, PersonPtr)
    raise ValueError(f"unknown tag {tag}")


def convert(v: Any) -> Any:
    if isinstance(v, dict):
        if len(v) == 1:
            (k, inner), = v.items()
            if k.startswith("@"):
                return _typed(k, inner)
        return {k: convert(e) for k, e in v.items()}
    if isinstance(v, list):
        return [convert(e) for e in v]
    return v


def load(text: str) -> Any:
    return convert(json.loads(text, parse_int=float))
