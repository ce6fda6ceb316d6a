"""Engine tests that golden files cannot express: limits, randomness, API."""

from __future__ import annotations

import re
import time

import pytest

from pkisign.errors import TemplateError
from pkisign.golang.reflect import GoField, GoStruct, typed
from pkisign.template import FUNCS, Limits, Template, TemplateExecError, TemplateFail, TemplateLimitError


def render(text: str, data: object = None, limits: Limits | None = None) -> str:
    return Template.parse(text, funcs=FUNCS).execute(data, limits=limits)


def test_fail_message_is_exact() -> None:
    with pytest.raises(TemplateFail) as err:
        render('{{ fail "no SANs allowed" }}')
    assert str(err.value) == "no SANs allowed"
    assert isinstance(err.value, TemplateError)


def test_step_limit_stops_long_loops_quickly() -> None:
    start = time.monotonic()
    with pytest.raises(TemplateLimitError, match=r"exceeded maximum number of execution steps \(10000\)"):
        render("{{ range 100000000 }}{{ end }}", limits=Limits(max_steps=10_000))
    assert time.monotonic() - start < 5


def test_recursive_template_hits_depth_limit() -> None:
    with pytest.raises(TemplateLimitError, match=r"exceeded maximum template depth \(100\)"):
        render('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" 1 }}')


def test_output_limit() -> None:
    with pytest.raises(TemplateLimitError, match="exceeded maximum output size"):
        render('{{ range 1000 }}{{ "0123456789" }}{{ end }}', limits=Limits(max_output=1000))


@pytest.mark.parametrize("text", [
    '{{ repeat 100000000 "x" }}',
    "{{ until 100000000 }}",
    "{{ randBytes 100000000 }}",
    '{{ indent 100000000 "x" }}',
    "{{ randAlphaNum 100000000 }}",
])
def test_allocating_functions_are_bounded(text: str) -> None:
    with pytest.raises(TemplateLimitError, match="exceeds the maximum output size"):
        render(text, limits=Limits(max_output=1 << 20))


def test_errors_are_template_errors() -> None:
    with pytest.raises(TemplateError, match=r'^template: template:1: function "nope" not defined$'):
        Template.parse("{{ nope }}")
    with pytest.raises(TemplateExecError, match=r"^template: template:1:3: executing"):
        render("{{ index 1 1 }}")


def test_random_functions_have_go_shapes() -> None:
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", render("{{ uuidv4 }}"))
    assert re.fullmatch(r"[A-Za-z0-9]{12}", render("{{ randAlphaNum 12 }}"))
    assert re.fullmatch(r"[A-Za-z]{7}", render("{{ randAlpha 7 }}"))
    assert re.fullmatch(r"[0-9]{5}", render("{{ randNumeric 5 }}"))
    assert re.fullmatch(r"[ -~]{9}", render("{{ randAscii 9 }}"))
    assert len(render("{{ randBytes 12 }}")) == 16
    assert 3 <= int(render("{{ randInt 3 6 }}")) < 6
    assert sorted(render('{{ shuffle "abcdef" }}')) == list("abcdef")
    assert render("{{ typeOf now }} {{ kindOf now }}") == "time.Time struct"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", render("{{ formatTime nil }}"))
    assert render("{{ ago now }}") == "0s"


def test_network_and_unavailable_functions_fail_clearly() -> None:
    with pytest.raises(TemplateExecError, match="getHostByName is not available"):
        render('{{ getHostByName "localhost" }}')
    with pytest.raises(TemplateExecError, match="error calling genPrivateKey: genPrivateKey is not available"):
        render('{{ genPrivateKey "ecdsa" }}')
    assert "env" not in FUNCS and "expandenv" not in FUNCS


class Subject(GoStruct):
    go_name = "test.Subject"
    go_fields = (GoField("CommonName", "commonName", omitempty=True, type="string"),
                 GoField("Country", "country", omitempty=True, type="[]string"))


class Key(GoStruct):
    go_name = "*test.Key"
    go_fields = (GoField("E", "e", type="int"),)


def test_value_model_for_the_rest_of_the_package() -> None:
    data = {"subj": Subject(CommonName="x"), "key": Key(E=65537),
            "sans": typed(["a"], "[]string"), "alg": typed(3, "int64")}
    assert render("{{ toJson .subj }}", data) == '{"commonName":"x"}'
    assert render("{{ .subj }} {{ .key }} {{ printf \"%v\" .key }}", data) == "{x []} {65537} &{65537}"
    assert render('{{ typeOf .key }} {{ kindIs "ptr" .key }} {{ kindIs "struct" .subj }} {{ typeOf .sans }}',
                  data) == "*test.Key true true []string"
    assert render("{{ .subj.CommonName }} {{ .key.E }} {{ %T }}".replace("{{ %T }}", '{{ printf "%T" .alg }}'),
                  data) == "x 65537 int64"


def test_output_keeps_invalid_utf8_as_surrogate_escapes() -> None:
    out = render('{{ b64dec "/w==" }}')
    assert out.encode("utf-8", "surrogateescape") == b"\xff"
