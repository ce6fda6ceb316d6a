"""The leaf profile's closed forms (render.leaf_json, render_profile) against its template.

``profiles/leaf.tpl`` is the definition; ``leaf_json`` is a faster way to
the same text.  These tests hold the two to the same characters for every
CSR of the test vectors and for generated CSRs, so the template stays the
only place the profile is defined.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pkisign.errors import PkisignError
from pkisign.inputs import load_csr
from pkisign.x509util import profiles
from pkisign.x509util.data import template_data
from pkisign.x509util.render import leaf_json, parse_template, render_certificate, render_profile
from pkisign.x509util.sans import csr_sans

VECTORS = Path(__file__).parent / "vectors"

def _loaded(path: Path):
    try:
        return load_csr(path.read_bytes(), str(path))
    except PkisignError:
        return None


# Every CSR file of the vectors that pkisign reads (the bad ones it refuses are not CSRs to render).
CSR_FILES = [p for p in sorted(p for d in ("csr", "bad") for p in (VECTORS / d).iterdir()
                               if p.suffix in (".csr", ".der")) if _loaded(p) is not None]


def _template_text(csr, omit_cn_san: bool) -> str:
    data = template_data(csr, csr_sans(csr, omit_cn_san), max_path_len=0, user=None)
    return parse_template(profiles.template_text("leaf")).execute(data)


def test_the_vectors_hold_csrs_of_every_key_type():
    assert len(CSR_FILES) >= 50
    keys = [_loaded(p).public_key for p in CSR_FILES]
    assert {k.kind for k in keys if k is not None} == {"rsa", "ec", "ed25519"}
    assert None in keys  # a key type Go does not know: typeIs is false, as for EC


@pytest.mark.parametrize("omit_cn_san", [False, True])
@pytest.mark.parametrize("path", CSR_FILES, ids=lambda p: p.name)
def test_leaf_json_is_the_template_output(path, omit_cn_san):
    csr = _loaded(path)
    assert leaf_json(csr, csr_sans(csr, omit_cn_san)) == _template_text(csr, omit_cn_san)


def _same_as_the_template(csr, omit_cn_san: bool) -> None:
    """render_profile (closed form, no JSON for ASCII SANs) == the template run through the engine."""
    try:
        slow = render_certificate(profiles.template_text("leaf"), csr, omit_cn_san=omit_cn_san)[0]
    except PkisignError as exc:
        with pytest.raises(PkisignError) as fast:
            render_profile("leaf", csr, omit_cn_san=omit_cn_san)
        assert str(fast.value) == str(exc)
        return
    assert render_profile("leaf", csr, omit_cn_san=omit_cn_san) == slow


@pytest.mark.parametrize("omit_cn_san", [False, True])
@pytest.mark.parametrize("path", CSR_FILES, ids=lambda p: p.name)
def test_render_profile_decodes_like_the_template(path, omit_cn_san):
    _same_as_the_template(_loaded(path), omit_cn_san)


# Generated CSRs: names and SANs with JSON- and HTML-significant characters,
# CN-only CSRs (the CN becomes the SAN) and every key type.

@lru_cache(maxsize=None)
def _keys():
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    return (ec.generate_private_key(ec.SECP256R1()), rsa.generate_private_key(65537, 2048),
            ed25519.Ed25519PrivateKey.generate())


_TEXT = st.text(st.sampled_from(list("ab.-_@:/<>&\"\\'é \u2028") + ["x"]), min_size=1, max_size=12)
_LABEL = st.text(st.sampled_from(list("abz09-_*<>&")), min_size=1, max_size=8)
_WORD = st.text(st.sampled_from(list("abz09")), min_size=1, max_size=8)


@st.composite
def _csrs(draw):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    key = draw(st.sampled_from(_keys()))
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, draw(_TEXT))] if draw(st.booleans()) else []
    if draw(st.booleans()):
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, draw(_TEXT)))
    builder = x509.CertificateSigningRequestBuilder().subject_name(x509.Name(attrs))
    sans = draw(st.lists(st.one_of(
        st.builds(lambda labels: x509.DNSName(".".join(labels)), st.lists(_LABEL, min_size=1, max_size=3)),
        st.builds(x509.RFC822Name, st.builds("{}@{}".format, _WORD, _WORD)),
        st.builds(lambda n: x509.IPAddress(ipaddress.ip_address(n)), st.integers(0, 2**32 - 1)),
        st.builds(lambda n: x509.IPAddress(ipaddress.IPv6Address(n)), st.integers(0, 2**128 - 1)),
        st.builds(lambda p: x509.UniformResourceIdentifier("spiffe://d/" + p), _LABEL),
    ), max_size=4))
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    algorithm = None if "ed25519" in type(key).__name__.lower() else hashes.SHA256()
    return builder.sign(key, algorithm).public_bytes(serialization.Encoding.DER)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_csrs(), st.booleans())
def test_leaf_json_matches_the_template_on_generated_csrs(der, omit_cn_san):
    csr = load_csr(der)
    assert leaf_json(csr, csr_sans(csr, omit_cn_san)) == _template_text(csr, omit_cn_san)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_csrs(), st.booleans())
def test_render_profile_matches_the_template_on_generated_csrs(der, omit_cn_san):
    _same_as_the_template(load_csr(der), omit_cn_san)
