"""A bounded BER walker: every TLV element with its offsets, never trusting a length.

It parses BER (indefinite lengths, long-form tags and lengths, constructed
strings...) as far as the bytes allow and notes each departure from DER
instead of refusing it.  A header cut short, a reserved length octet or a
length past the end of the enclosing element is noted too; the bytes that
cannot be read as elements become one ``unparsed`` pseudo element.  Nesting
depth and the number of elements are bounded, so hostile input costs time
and memory linear in its size.
"""

from __future__ import annotations

from .model import Element

__all__ = ["Walker", "MAX_DEPTH", "MAX_ELEMENTS", "CLASSES", "UNIVERSAL_NAMES", "tag_name"]

#: Deepest nesting followed (an X.509 certificate needs about 15).
MAX_DEPTH = 48
#: Most elements read from one input (a large certificate has about 1000).
MAX_ELEMENTS = 50_000

CLASSES = ("universal", "application", "context", "private")

UNIVERSAL_NAMES = {
    0: "EOC", 1: "BOOLEAN", 2: "INTEGER", 3: "BIT STRING", 4: "OCTET STRING", 5: "NULL",
    6: "OBJECT IDENTIFIER", 7: "ObjectDescriptor", 8: "EXTERNAL", 9: "REAL", 10: "ENUMERATED",
    11: "EMBEDDED PDV", 12: "UTF8String", 13: "RELATIVE-OID", 14: "TIME", 16: "SEQUENCE", 17: "SET",
    18: "NumericString", 19: "PrintableString", 20: "T61String", 21: "VideotexString",
    22: "IA5String", 23: "UTCTime", 24: "GeneralizedTime", 25: "GraphicString",
    26: "VisibleString", 27: "GeneralString", 28: "UniversalString", 29: "CHARACTER STRING",
    30: "BMPString",
}

#: Findings after which the walked structure is not the one the bytes meant.
STRUCTURAL = frozenset({
    "der.truncated", "der.length_overflow", "der.bad_tag", "der.bad_length", "der.missing_eoc",
    "der.bad_eoc", "limit.too_deep", "limit.too_many_elements",
})


def tag_name(tag_class: str, number: int) -> str:
    """SEQUENCE, [0], [APPLICATION 3], [PRIVATE 1], [UNIVERSAL 31]..."""
    if tag_class == "universal":
        return UNIVERSAL_NAMES.get(number, f"[UNIVERSAL {number}]")
    if tag_class == "context":
        return f"[{number}]"
    return f"[{tag_class.upper()} {number}]"


def _spaced(raw: bytes) -> str:
    return raw.hex(" ")


class _HeaderError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Walker:
    """Walks one buffer; keeps the findings it notes and the element budget.

    Findings are kept as ``(element, code, message)`` in :attr:`pending`
    and turned into :class:`Finding` objects once paths are known.
    """

    def __init__(self, data: bytes, *, max_depth: int = MAX_DEPTH, max_elements: int = MAX_ELEMENTS) -> None:
        self.data = data
        self.max_depth = max_depth
        self.max_elements = max_elements
        self.count = 0
        self.pending: list[tuple[Element, str, str]] = []
        self._limit_noted = False

    def note(self, element: Element, code: str, message: str) -> None:
        self.pending.append((element, code, message))

    # -- public walks ----------------------------------------------------------

    def walk(self, start: int, end: int, depth: int) -> list[Element]:
        """Every element in ``data[start:end]``, siblings at ``depth``."""
        return self._walk(start, end, depth, False)[0]

    def try_walk(self, start: int, end: int, depth: int) -> Element | None:
        """The one element that exactly fills ``data[start:end]``, or None.

        Used where the bytes may or may not be DER (the value of an unknown
        extension): when they are not one well-framed element, nothing is
        kept (no findings, no elements counted).
        """
        mark, count, limit = len(self.pending), self.count, self._limit_noted
        elements = self._walk(start, end, depth, False)[0]
        broken = any(code in STRUCTURAL for _, code, _ in self.pending[mark:])
        if broken or len(elements) != 1 or elements[0].tag_class == "none":
            del self.pending[mark:]
            self.count, self._limit_noted = count, limit
            return None
        return elements[0]

    def unparsed(self, start: int, end: int, depth: int) -> Element:
        return Element(
            offset=start, header_length=0, length=end - start, tag_class="none", constructed=False,
            tag_number=None, tag_name="unparsed", hex=self.data[start:end].hex(), end=end, depth=depth,
        )

    # -- the walk --------------------------------------------------------------

    def _walk(self, start: int, end: int, depth: int, until_eoc: bool) -> tuple[list[Element], int, bool]:
        """Elements from ``start``; stops at ``end`` or (``until_eoc``) after an EOC.

        Returns the elements, the position after them and whether an EOC closed them.
        """
        out: list[Element] = []
        pos = start
        while pos < end:
            if self.count >= self.max_elements:
                rest = self.unparsed(pos, end, depth)
                if not self._limit_noted:
                    self._limit_noted = True
                    self.note(rest, "limit.too_many_elements",
                              f"more than {self.max_elements} elements; the remaining {end - pos} bytes are not read")
                out.append(rest)
                return out, end, False
            element = self._one(pos, end, depth)
            out.append(element)
            pos = element.end
            if element.tag_class == "universal" and element.tag_number == 0:
                if element.length != 0 or element.constructed:
                    self.note(element, "der.bad_eoc", "universal tag 0 (end-of-contents) that is not 00 00")
                elif until_eoc:
                    return out, pos, True
                else:
                    self.note(element, "der.bad_eoc", "end-of-contents outside an indefinite length element")
        return out, pos, False

    def _header(self, pos: int, end: int) -> tuple[int, bool, int, int | None, int, list[tuple[str, str]]]:
        """(class, constructed, number, length or None, content start, notes)."""
        data = self.data
        notes: list[tuple[str, str]] = []
        first = data[pos]
        cls = first >> 6
        constructed = bool(first & 0x20)
        number = first & 0x1F
        p = pos + 1
        if number == 0x1F:
            number = 0
            count = 0
            while True:
                if p >= end:
                    raise _HeaderError("der.truncated", "the data ends inside a high tag number")
                octet = data[p]
                p += 1
                count += 1
                if count == 1 and octet == 0x80:
                    notes.append(("der.nonminimal_tag", "high tag number starts with a 0x80 octet"))
                number = number << 7 | (octet & 0x7F)
                if not octet & 0x80:
                    break
                if count >= 4:
                    raise _HeaderError("der.bad_tag", "tag number of more than 4 octets")
            if number < 31:
                notes.append(("der.long_form_tag",
                              f"tag number {number} in the high tag number form; one octet fits it"))
        if p >= end:
            raise _HeaderError("der.truncated", "the data ends before the length")
        octet = data[p]
        p += 1
        if octet < 0x80:
            return cls, constructed, number, octet, p, notes
        if octet == 0x80:
            return cls, constructed, number, None, p, notes
        if octet == 0xFF:
            raise _HeaderError("der.bad_length", "reserved length octet 0xFF")
        n = octet & 0x7F
        if p + n > end:
            raise _HeaderError("der.truncated", f"the data ends inside a {n}-octet length")
        raw = data[p:p + n]
        p += n
        length = int.from_bytes(raw, "big")
        if raw[0] == 0 or length < 0x80:
            notes.append(("der.nonminimal_length",
                          f"length {length} written in {1 + n} octets ({_spaced(data[p - n - 1:p])}); "
                          f"DER uses the shortest form"))
        return cls, constructed, number, length, p, notes

    def _one(self, pos: int, end: int, depth: int) -> Element:
        try:
            cls, constructed, number, length, p, notes = self._header(pos, end)
        except _HeaderError as exc:
            rest = self.unparsed(pos, end, depth)
            count = end - pos
            self.note(rest, exc.code, f"{exc.message}; {count} byte{'' if count == 1 else 's'} not read")
            return rest
        self.count += 1
        tag_class = CLASSES[cls]
        element = Element(
            offset=pos, header_length=p - pos, length=length, tag_class=tag_class,
            constructed=constructed, tag_number=number, tag_name=tag_name(tag_class, number),
            header_hex=self.data[pos:p].hex(), depth=depth,
        )
        for code, message in notes:
            self.note(element, code, message)
        if length is None:
            element.indefinite = True
            if not constructed:
                self.note(element, "der.indefinite_length",
                          "indefinite length on a primitive element (not even BER allows it); "
                          "the rest of the enclosing data is taken as its content")
                element.hex = self.data[p:end].hex()
                element.end = end
                return element
            self.note(element, "der.indefinite_length", "indefinite length form")
            if depth + 1 > self.max_depth:
                self._too_deep(element, p, end, depth)
                return element
            children, after, closed = self._walk(p, end, depth + 1, True)
            element.children = children
            element.end = after
            if not closed:
                self.note(element, "der.missing_eoc", "no end-of-contents before the end of the enclosing data")
            return element
        content_end = p + length
        if content_end > end:
            self.note(element, "der.length_overflow",
                      f"length {length} runs {content_end - end} bytes past the end of the "
                      f"{'data' if depth == 0 else 'enclosing element'}")
            content_end = end
        element.end = content_end
        if not constructed:
            element.hex = self.data[p:content_end].hex()
            return element
        if depth + 1 > self.max_depth:
            self._too_deep(element, p, content_end, depth)
            return element
        element.children = self._walk(p, content_end, depth + 1, False)[0]
        return element

    def _too_deep(self, element: Element, start: int, end: int, depth: int) -> None:
        self.note(element, "limit.too_deep",
                  f"nesting deeper than {self.max_depth} levels; its content is not read")
        if start < end:
            element.children = [self.unparsed(start, end, depth + 1)]
        element.end = end
