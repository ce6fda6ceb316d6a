"""A small declarative ASN.1 vocabulary, enough to describe X.509 the way the RFCs do.

A schema is built from:

* :class:`Prim`: a primitive universal type, optionally with named values
  (``Version``), named bits (``KeyUsage``) or DER content it contains (an
  ``extnValue`` holds the DER of the extension's value, chosen by ``extnID``);
* :class:`Seq`: SEQUENCE with :class:`Field` components, in order;
* :class:`SeqOf` / :class:`SetOf`: SEQUENCE OF / SET OF with a minimum size;
* :class:`Choice`: CHOICE of tagged or untagged alternatives;
* :class:`Any`: ANY, or ANY DEFINED BY a sibling component (looked up in a
  table of ``oid -> (label, spec)``);
* :class:`Opaque`: a payload that is not DER, only described (an EC point).

A :class:`Field` carries the component name and its tagging
(``implicit=n`` or ``explicit=n``, context class), ``optional`` and
``default``.  As in ASN.1, an IMPLICIT tag on a CHOICE or ANY is EXPLICIT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any as _Any
from typing import Callable

__all__ = ["Spec", "Prim", "Seq", "SeqOf", "SetOf", "Choice", "Any", "Opaque", "Field", "DefinedBy", "NO_DEFAULT",
           "outer_tags"]

UNIVERSAL, CONTEXT = 0, 2
NO_DEFAULT = object()

class Spec:
    """Base of every type description; ``name`` is the ASN.1 type name."""

    name: str


@dataclass(eq=False)
class DefinedBy:
    """Content selected by the value of a sibling component (``extnID``, ``algorithm``...).

    ``table`` maps the sibling's value to ``(label, spec)``; the label (when
    not None) is added to the path after `` -> ``.  ``unknown`` says what to
    do for a value not in the table: ``"try-der"`` shows the content as DER
    when it is one DER element (else notes ``x509.extension_not_der``),
    ``"opaque"`` leaves it as bytes.
    """

    sibling: str
    table: dict[str, tuple[str | None, Spec]]
    unknown: str = "opaque"


@dataclass(eq=False)
class Prim(Spec):
    universal: int
    name: str = ""
    named_values: dict[int, str] | None = None
    named_bits: dict[int, str] | None = None
    #: For OCTET STRING / BIT STRING: the DER inside.
    contains: DefinedBy | None = None
    #: Extra checks: ``check(value) -> [(code, message)]``.
    check: Callable[[_Any], list[tuple[str, str]]] | None = None
    #: OCTET STRING holding an IP address ("address") or address and mask ("subnet").
    ip: str | None = None

    def __post_init__(self) -> None:
        if not self.name:
            from .tlv import UNIVERSAL_NAMES

            self.name = UNIVERSAL_NAMES[self.universal]


@dataclass(eq=False)
class Field:
    name: str
    spec: Spec
    implicit: int | None = None
    explicit: int | None = None
    optional: bool = False
    default: _Any = NO_DEFAULT
    #: DER encodings (of the whole component) that equal the DEFAULT, where
    #: the value alone cannot tell (an AlgorithmIdentifier with parameters).
    default_der: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        if self.implicit is not None and isinstance(self.spec, (Choice, Any)):
            self.explicit, self.implicit = self.implicit, None

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT or bool(self.default_der)


@dataclass(eq=False)
class Seq(Spec):
    name: str
    fields: list[Field] = field(default_factory=list)
    #: Component whose value selects content elsewhere (``algorithm``, ``extnID``).
    key: str | None = None
    #: Components not described: every child is shown generically, without findings.
    open: bool = False
    #: Checks across components: ``check(annotator, element, components)``.
    check: Callable[..., None] | None = None


@dataclass(eq=False)
class SeqOf(Spec):
    name: str
    item: Spec
    min_size: int = 0
    check: Callable[..., None] | None = None


@dataclass(eq=False)
class SetOf(SeqOf):
    pass


@dataclass(eq=False)
class Choice(Spec):
    name: str
    alternatives: list[Field] = field(default_factory=list)
    #: The alternative's name is not added to the path (Time, DirectoryString).
    transparent: bool = False


@dataclass(eq=False)
class Any(Spec):
    defined_by: str | None = None
    table: dict[str, tuple[str | None, Spec]] = field(default_factory=dict)
    name: str = "ANY"


@dataclass(eq=False)
class Opaque(Spec):
    """Content that is not DER (an EC point, an Ed25519 key): described, not decoded."""

    name: str


def outer_tags(f: Field) -> frozenset[tuple[int, int]] | None:
    """The (class, number) pairs the component can start with; None for any."""
    tagged = f.explicit if f.explicit is not None else f.implicit
    if tagged is not None:
        return frozenset({(CONTEXT, tagged)})
    return spec_tags(f.spec)


def spec_tags(spec: Spec) -> frozenset[tuple[int, int]] | None:
    if isinstance(spec, Prim):
        return frozenset({(UNIVERSAL, spec.universal)})
    if isinstance(spec, SetOf):
        return frozenset({(UNIVERSAL, 17)})
    if isinstance(spec, (Seq, SeqOf)):
        return frozenset({(UNIVERSAL, 16)})
    if isinstance(spec, Choice):
        tags: set[tuple[int, int]] = set()
        for alt in spec.alternatives:
            alt_tags = outer_tags(alt)
            if alt_tags is None:
                return None
            tags |= alt_tags
        return frozenset(tags)
    return None
