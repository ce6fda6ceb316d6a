"""Template text and a CSR in, a certificate template out (spec 2.13).

What x509util's ``NewCertificate(csr, WithTemplate(text, data))`` does:
parse the template, execute it with the template data, decode the first
JSON value of the output into a certificate.  Each stage fails with step's
wording: ``error parsing template: ...``, ``error executing template: ...``
(or exactly the message of ``fail``), ``error unmarshaling certificate:
...``.  Templates are user code: their execution is bounded (see
``template.Limits``) and no function reaches files or the environment.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import DecodeError, TemplateError
from ..template.errors import TemplateExecError, TemplateFail, TemplateLimitError, TemplateSyntaxError
from ..x509.certificate import EXT_KEY_USAGE_OIDS, KEY_USAGE_BITS, SAN, CertificateTemplate
from ..x509.csr import CSR
from . import profiles
from .sans import apply_sans, csr_sans

if TYPE_CHECKING:  # pragma: no cover
    from ..template import Limits, Template

__all__ = ["parse_template", "render_certificate", "render_profile", "leaf_json"]


@lru_cache(maxsize=16)
def parse_template(text: str) -> Template:
    """Parse a certificate template (cached: profiles are parsed once)."""
    from ..template import FUNCS, Template  # the interpreter loads only when a template runs

    try:
        return Template.parse(text, name="template", funcs=FUNCS)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"error parsing template: {exc}") from None


def render_certificate(
    text: str,
    csr: CSR,
    *,
    max_path_len: int = 0,
    omit_cn_san: bool = False,
    user: Any = None,
    limits: Limits | None = None,
) -> tuple[CertificateTemplate, tuple[str, ...]]:
    """Run a template for ``csr``; decode its JSON into a certificate template.

    Also returns warnings: a CSR value that the template printed raw into
    its JSON (without ``toJson``) while it holds a quote, a backslash or a
    control character, which can change the JSON's structure.
    """
    from .data import template_data

    template = parse_template(text)
    data = template_data(csr, csr_sans(csr, omit_cn_san), max_path_len=max_path_len, user=user)
    try:
        output = template.execute(data, limits=limits)
    except TemplateFail as exc:
        raise TemplateError(str(exc)) from None
    except TemplateLimitError as exc:
        raise TemplateError(f"error executing template: {exc}") from None
    except TemplateExecError as exc:
        raise TemplateError(f"error executing template: {exc}") from None
    warnings = _raw_csr_values(csr, output)
    return _decode(output, warnings), warnings


def render_profile(profile: str, csr: CSR, *, max_path_len: int = 0,
                   omit_cn_san: bool = False) -> CertificateTemplate:
    """A built-in profile for ``csr``: what its template in ``profiles/`` renders.

    The leaf profile, the one provisioning lines run thousands of times,
    has its output written here in closed form (``leaf_json``), which
    skips the interpreter; tests hold it to the template's exact text for
    every CSR of the test vectors.  The other profiles run their template.
    """
    if profile == "leaf":
        sans = csr_sans(csr, omit_cn_san)
        return _leaf_certificate(csr, sans) or _decode(leaf_json(csr, sans), ())
    certificate, _ = render_certificate(profiles.template_text(profile), csr, max_path_len=max_path_len,
                                        omit_cn_san=omit_cn_san)
    return certificate


def leaf_json(csr: CSR, sans: list[tuple[str, str]]) -> str:
    """The text ``profiles/leaf.tpl`` renders for ``csr`` and its ``.SANs``."""
    from ..golang.json import marshal
    from .data import san_values

    rsa = csr.public_key is not None and csr.public_key.kind == "rsa"  # typeIs "*rsa.PublicKey"
    key_usage = '["digitalSignature", "keyEncipherment"]' if rsa else '["digitalSignature"]'
    return (
        '{\n  "rawSubject": ' + marshal(csr.subject.der)
        + ',\n  "sans": ' + marshal(san_values(sans))
        + ',\n  "keyUsage": ' + key_usage
        + ',\n  "extKeyUsage": ["serverAuth", "clientAuth"]\n}\n'
    )


_LEAF_EXT_KEY_USAGE = (EXT_KEY_USAGE_OIDS["serverauth"], EXT_KEY_USAGE_OIDS["clientauth"])


def _leaf_certificate(csr: CSR, sans: list[tuple[str, str]]) -> CertificateTemplate | None:
    """What decoding ``leaf_json`` gives, built without the JSON round trip.

    Only for ASCII SAN values, which JSON carries unchanged; other text
    (Go's json.Marshal turns invalid UTF-8 into U+FFFD) takes the JSON path.
    Tests hold this to the template's result for every vector CSR and for
    generated ones.
    """
    if not all(value.isascii() for _, value in sans):
        return None
    rsa = csr.public_key is not None and csr.public_key.kind == "rsa"
    certificate = CertificateTemplate(
        raw_subject=csr.subject.der,
        key_usage=KEY_USAGE_BITS["digitalsignature"] | (KEY_USAGE_BITS["keyencipherment"] if rsa else 0),
        ext_key_usage=list(_LEAF_EXT_KEY_USAGE),
        sans=[SAN(kind, value) for kind, value in sans],
    )
    apply_sans(certificate)
    return certificate


def _decode(output: str, warnings: tuple[str, ...]) -> CertificateTemplate:
    from ..golang.json import JSONError, decode_first
    from .certificate import decode_certificate

    try:
        certificate = decode_certificate(decode_first(output))
    except (JSONError, DecodeError) as exc:
        hint = f" ({warnings[0].removeprefix('warning: ')})" if warnings else ""
        raise TemplateError(f"error unmarshaling certificate: {exc}{hint}") from None
    apply_sans(certificate)  # SANError carries x509util's own message
    return certificate


_JSON_SIGNIFICANT = frozenset('"\\') | frozenset(chr(c) for c in range(0x20))


def _raw_csr_values(csr: CSR, output: str) -> tuple[str, ...]:
    """CSR strings that can break out of a JSON string and appear verbatim in the output.

    Through ``toJson`` such a value is escaped, so it never appears as is;
    printed raw inside quotes (as the step documentation's own example does
    with .Subject.CommonName), it ends the string early.
    """
    values = [a.value for a in csr.subject.attributes if isinstance(a.value, str)]
    values += list(csr.dns_names) + list(csr.email_addresses) + [str(u) for u in csr.uris]
    found = []
    for value in dict.fromkeys(values):
        if _JSON_SIGNIFICANT.intersection(value) and value in output:
            found.append(f"warning: the template prints the CSR value {value!r} without toJson; "
                         "its quotes or backslashes change the template's JSON")
    return tuple(found)
