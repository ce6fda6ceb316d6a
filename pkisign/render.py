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
from typing import Any

from .csr import CSR
from .errors import TemplateError
from .model import CertificateTemplate, DecodeError, decode_certificate
from .template import FUNCS, Limits, Template, TemplateFail, TemplateSyntaxError
from .template.errors import TemplateExecError, TemplateLimitError
from .template.gojson import JSONError, decode_first
from .sans import apply_sans
from .template_data import csr_sans, template_data

__all__ = ["parse_template", "render_certificate"]


@lru_cache(maxsize=16)
def parse_template(text: str) -> Template:
    """Parse a certificate template (cached: profiles are parsed once)."""
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
    user: dict[str, Any] | None = None,
    limits: Limits | None = None,
) -> CertificateTemplate:
    """Run a template for ``csr`` and decode its JSON into a certificate template."""
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
    try:
        certificate = decode_certificate(decode_first(output))
    except (JSONError, DecodeError) as exc:
        raise TemplateError(f"error unmarshaling certificate: {exc}") from None
    apply_sans(certificate)  # SANError carries x509util's own message
    return certificate
