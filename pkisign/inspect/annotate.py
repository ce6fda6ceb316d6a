"""Laying the schema over the walked elements: paths, types, values, DER content checks.

The walker has already split the bytes into elements; here each element is
matched with the component the schema expects at its place, gets its path
(``tbsCertificate.extensions[2].extnValue -> basicConstraints.cA``), its
decoded value and the findings about its content (non-minimal INTEGER,
DEFAULT encoded, unsorted SET OF...).  OCTET STRING and BIT STRING contents
that hold DER (``extnValue``, ``subjectPublicKey``, ECDSA signatures) are
walked here, when the schema says what they hold.  What the schema does
not describe (unknown OIDs, elements out of place) is annotated generically
from its universal tag, never dropped.
"""

from __future__ import annotations

from typing import Any as _Any

from .model import Element
from .spec import NO_DEFAULT, Any, Choice, Field, Opaque, Prim, Seq, SeqOf, SetOf, Spec, outer_tags, spec_tags
from .tlv import CLASSES, Walker
from .values import STRING_TYPES, decode, ip_display

__all__ = ["Annotator"]


def _key(element: Element) -> tuple[int, int]:
    if element.tag_class == "none" or element.tag_number is None:
        return (-1, -1)
    return (CLASSES.index(element.tag_class), element.tag_number)


def _matches(element: Element, f: Field) -> bool:
    if element.tag_class == "none":
        return False
    tags = outer_tags(f)
    return tags is None or _key(element) in tags


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _describe(f: Field) -> str:
    name = f.spec.name or "a value"
    if f.explicit is not None:
        return f"[{f.explicit}] {name}"
    if f.implicit is not None:
        return f"[{f.implicit}] IMPLICIT {name}"
    return name


def _show_default(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


class Annotator:
    """Annotates the elements of one walker's buffer; findings go to the walker."""

    def __init__(self, walker: Walker) -> None:
        self.walker = walker
        self.data = walker.data

    # -- helpers ------------------------------------------------------------------

    def note(self, element: Element, code: str, message: str) -> None:
        self.walker.note(element, code, message)

    def raw(self, element: Element) -> bytes:
        """The whole encoding of the element."""
        return self.data[element.offset:element.end]

    def content(self, element: Element) -> bytes:
        return self.data[element.offset + element.header_length:element.end]

    def components(self, element: Element, path: str) -> list[Element]:
        """The children that are values: EOC markers and unparsed runs are annotated and left out."""
        out = []
        for child in element.children:
            if child.tag_class == "none" or (child.tag_class == "universal" and child.tag_number == 0):
                self.generic(child, path)
            else:
                out.append(child)
        return out

    @staticmethod
    def cut(element: Element) -> bool:
        """True when the element's content was cut short or holds unreadable bytes
        (then missing components are a consequence, not worth a finding)."""
        if element.length is not None and element.end < element.offset + element.header_length + element.length:
            return True
        return any(child.tag_class == "none" for child in element.children)

    def unexpected(self, element: Element, path: str, message: str) -> None:
        self.note(element, "schema.unexpected_element", message)
        self.generic(element, path)

    # -- the schema ---------------------------------------------------------------

    def annotate(self, element: Element, spec: Spec, path: str = "") -> None:
        """Annotate a top-level element with ``spec`` (or generically when its tag differs)."""
        tags = spec_tags(spec)
        if element.tag_class == "none":  # bytes the walker could not read: already a finding
            self.generic(element, path)
        elif tags is None or _key(element) in tags:
            self.element(element, spec, path, {})
        else:
            self.unexpected(element, path, f"expected {spec.name}, found {element.tag_name}")

    def element(self, element: Element, spec: Spec, path: str, ctx: dict[str, _Any]) -> _Any:
        """Annotate an element whose tag already matched ``spec``; returns its selector value."""
        element.path = path
        if isinstance(spec, Any):
            if spec.defined_by is not None:
                selector = ctx.get(spec.defined_by)
                entry = spec.table.get(selector) if isinstance(selector, str) else None
                if entry is not None:
                    label, inner = entry
                    return self.element(element, inner, f"{path} -> {label}" if label else path, ctx)
            return self.generic(element, path)
        if isinstance(spec, Opaque):
            return self.generic(element, path)
        element.type = spec.name
        if isinstance(spec, Choice):
            for alt in spec.alternatives:
                if _matches(element, alt):
                    return self.field(element, alt, path if spec.transparent else _join(path, alt.name), ctx)
            self.unexpected(element, path, f"expected {spec.name}, found {element.tag_name}")
            return None
        if isinstance(spec, Seq):
            return self.seq(element, spec, path)
        if isinstance(spec, SeqOf):
            return self.seq_of(element, spec, path, ctx)
        assert isinstance(spec, Prim)
        return self.prim(element, spec, path, ctx)

    def field(self, element: Element, f: Field, path: str, ctx: dict[str, _Any]) -> _Any:
        if f.explicit is None:
            return self.element(element, f.spec, path, ctx)
        element.path = path
        if not element.constructed:
            self.note(element, "der.bad_constructed_bit", f"[{f.explicit}] EXPLICIT tag in the primitive form")
            self.generic(element, path)
            return None
        inner = self.components(element, path)
        if not inner:
            self.note(element, "schema.missing_element",
                      f"[{f.explicit}] EXPLICIT with no {f.spec.name or 'value'} inside")
            return None
        tags = spec_tags(f.spec)
        selector = None
        if tags is None or _key(inner[0]) in tags:
            selector = self.element(inner[0], f.spec, path, ctx)
        else:
            self.unexpected(inner[0], path, f"expected {f.spec.name} inside [{f.explicit}], found {inner[0].tag_name}")
        for i, extra in enumerate(inner[1:], 1):
            self.unexpected(extra, f"{path}[{i}]", f"a second element inside [{f.explicit}] EXPLICIT")
        return selector

    def _constructed(self, element: Element, spec: Spec) -> bool:
        if element.constructed:
            return True
        self.note(element, "der.bad_constructed_bit", f"{spec.name} in the primitive form")
        content = self.content(element)
        element.value, element.display = content.hex(), f"{len(content)} bytes"
        return False

    def seq(self, element: Element, spec: Seq, path: str) -> _Any:
        if not self._constructed(element, spec):
            return None
        kids = self.components(element, path)
        if spec.open:
            for i, kid in enumerate(kids):
                self.generic(kid, f"{path}[{i}]")
            return None
        values: dict[str, _Any] = {}
        found: dict[str, Element] = {}
        i = 0
        for n, f in enumerate(spec.fields):
            fpath = _join(path, f.name)
            if i < len(kids) and _matches(kids[i], f):
                kid = kids[i]
                i += 1
                values[f.name] = selector = self.field(kid, f, fpath, values)
                found[f.name] = kid
                if f.has_default and self._is_default(kid, f, selector):
                    shown = _show_default(f.default) if f.default is not NO_DEFAULT else "its DEFAULT"
                    self.note(kid, "der.default_encoded",
                              f"{f.name} is encoded with its DEFAULT value {shown}; DER leaves it out")
            elif f.optional or f.has_default:
                continue
            elif i < len(kids) and not any(_matches(kids[i], g) for g in spec.fields[n + 1:]):
                kid = kids[i]
                i += 1
                found[f.name] = kid
                self.unexpected(kid, fpath, f"{f.name}: expected {_describe(f)}, found {kid.tag_name}")
            elif not self.cut(element):
                self.note(element, "schema.missing_element", f"{spec.name} has no {f.name} ({_describe(f)})")
        for j, kid in enumerate(kids[i:], i):
            self.unexpected(kid, f"{path}[{j}]", f"{spec.name} has no component for this {kid.tag_name}")
        if spec.check is not None:
            spec.check(self, element, found)
        return values.get(spec.key) if spec.key else None

    def _is_default(self, element: Element, f: Field, selector: _Any) -> bool:
        if f.default_der:
            inner = element
            if f.explicit is not None:
                kids = [c for c in element.children if c.tag_class != "none"]
                if not kids:
                    return False
                inner = kids[0]
            return self.raw(inner) in f.default_der
        return type(selector) is type(f.default) and selector == f.default

    def seq_of(self, element: Element, spec: SeqOf, path: str, ctx: dict[str, _Any]) -> None:
        if not self._constructed(element, spec):
            return None
        kids = self.components(element, path)
        tags = spec_tags(spec.item)
        for i, kid in enumerate(kids):
            item_path = f"{path}[{i}]"
            if tags is None or _key(kid) in tags:
                self.element(kid, spec.item, item_path, ctx)
            else:
                self.unexpected(kid, item_path, f"expected {spec.item.name} in {spec.name}, found {kid.tag_name}")
        if len(kids) < spec.min_size and not self.cut(element):
            self.note(element, "schema.size",
                      f"{spec.name} with {len(kids)} elements; it needs at least {spec.min_size}")
        if isinstance(spec, SetOf):
            self.check_sorted(element, kids)
        if spec.check is not None:
            spec.check(self, element, kids)
        return None

    def check_sorted(self, element: Element, kids: list[Element]) -> None:
        """X.690 11.6: encodings ascending, the shorter padded with zero octets."""
        previous = None
        for i, kid in enumerate(kids):
            encoding = self.raw(kid)
            if previous is not None:
                size = max(len(previous), len(encoding))
                if previous.ljust(size, b"\0") > encoding.ljust(size, b"\0"):
                    self.note(element, "der.set_not_sorted",
                              f"element {i} ({kid.tag_name} at offset {kid.offset}) sorts before element {i - 1}")
                    return
            previous = encoding

    def prim(self, element: Element, spec: Prim, path: str, ctx: dict[str, _Any]) -> _Any:
        universal = spec.universal
        if element.constructed:
            if universal not in STRING_TYPES:
                self.note(element, "der.bad_constructed_bit", f"{spec.name} in the constructed form")
                for i, kid in enumerate(self.components(element, path)):
                    self.generic(kid, f"{path}[{i}]")
                return None
            self.note(element, "der.constructed_string", f"{spec.name} in the constructed form")
            content = self.segments(element, path, universal)
        else:
            content = self.content(element)
        decoded = decode(universal, content, named_values=spec.named_values, named_bits=spec.named_bits)
        problems = decoded.problems + (spec.check(decoded.value) if spec.check else [])
        for code, message in problems:
            self.note(element, code, message)
        element.value, element.display = decoded.value, decoded.display
        if spec.ip is not None:
            address = ip_display(content, subnet=spec.ip == "subnet")
            if address is None:
                sizes = "8 or 32" if spec.ip == "subnet" else "4 or 16"
                self.note(element, "x509.bad_ip_length", f"iPAddress of {len(content)} octets; {sizes} expected")
            else:
                element.value = element.display = address
        if spec.contains is not None and not element.constructed:
            self.contained(element, spec, path, ctx, content)
        return element.value

    def contained(self, element: Element, spec: Prim, path: str, ctx: dict[str, _Any], content: bytes) -> None:
        """The DER inside an OCTET STRING or BIT STRING, chosen by a sibling's value."""
        assert spec.contains is not None
        selector = ctx.get(spec.contains.sibling)
        entry = spec.contains.table.get(selector) if isinstance(selector, str) else None
        start, end = element.offset + element.header_length, element.end
        if spec.universal == 3:
            if not content or content[0] != 0:
                return
            start += 1
        if entry is None:
            if spec.contains.unknown != "try-der" or start >= end:
                return
            inner = self.walker.try_walk(start, end, element.depth + 1)
            if inner is None:
                self.note(element, "x509.extension_not_der", "the value is not one DER element; shown as bytes")
                return
            element.children = [inner]
            self.generic(inner, f"{path} -> unknown")
            return
        label, inner_spec = entry
        if isinstance(inner_spec, Opaque):
            element.display = f"{inner_spec.name}, {end - start} bytes"
            if inner_spec.name == "ECPoint" and start < end:
                form = {0x04: "uncompressed", 0x02: "compressed", 0x03: "compressed"}.get(self.data[start])
                if form:
                    element.display = f"ECPoint, {form}, {end - start} bytes"
            return
        what = label or inner_spec.name
        if start >= end:
            self.note(element, "schema.missing_element", f"empty; {what} expected")
            return
        kids = self.walker.walk(start, end, element.depth + 1)
        element.children = kids
        inner_path = f"{path} -> {label}" if label else path
        self.annotate(kids[0], inner_spec, inner_path)
        for i, extra in enumerate(kids[1:], 1):
            if i == 1:
                self.note(extra, "der.trailing_data",
                          f"{end - extra.offset} bytes after the {what} inside the {element.tag_name}")
            self.generic(extra, f"{path} -> (trailing {i})")

    # -- without schema -------------------------------------------------------------

    def segments(self, element: Element, path: str, universal: int) -> bytes:
        """Annotate the segments of a constructed string; return the string's content."""
        for i, kid in enumerate(self.components(element, path)):
            self.generic(kid, f"{path}[{i}]")
        leaves = self._leaves(element)
        if universal == 3:
            unused = leaves[-1][0] if leaves and leaves[-1] else 0
            return bytes((unused,)) + b"".join(leaf[1:] for leaf in leaves)
        return b"".join(leaves)

    def _leaves(self, element: Element) -> list[bytes]:
        out: list[bytes] = []
        for kid in element.children:
            if kid.tag_class == "none" or (kid.tag_class == "universal" and kid.tag_number == 0):
                continue
            if kid.constructed:
                out.extend(self._leaves(kid))
            else:
                out.append(self.content(kid))
        return out

    def generic(self, element: Element, path: str) -> _Any:
        """Annotate from the tag alone (no schema); returns the value."""
        element.path = path
        if element.tag_class == "none":
            return None
        if element.tag_class != "universal":
            if element.constructed:
                for i, kid in enumerate(self.components(element, path)):
                    self.generic(kid, f"{path}[{i}]")
                return None
            content = self.content(element)
            element.value, element.display = content.hex(), f"{len(content)} bytes"
            return element.value
        universal = element.tag_number or 0
        if universal == 0:
            return None
        if element.constructed:
            if universal in (16, 17):
                kids = self.components(element, path)
                for i, kid in enumerate(kids):
                    self.generic(kid, f"{path}[{i}]")
                if universal == 17:
                    self.check_sorted(element, kids)
                return None
            if universal not in STRING_TYPES:
                self.note(element, "der.bad_constructed_bit", f"{element.tag_name} in the constructed form")
                for i, kid in enumerate(self.components(element, path)):
                    self.generic(kid, f"{path}[{i}]")
                return None
            self.note(element, "der.constructed_string", f"{element.tag_name} in the constructed form")
            content = self.segments(element, path, universal)
        else:
            content = self.content(element)
            if universal in (16, 17):
                self.note(element, "der.bad_constructed_bit", f"{element.tag_name} in the primitive form")
                element.value, element.display = content.hex(), f"{len(content)} bytes"
                return element.value
        decoded = decode(universal, content)
        for code, message in decoded.problems:
            self.note(element, code, message)
        element.value, element.display = decoded.value, decoded.display
        return element.value
