"""--template, --set, --set-file: behaviour beyond the golden template vectors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import ROOT, VECTORS, run_cli

BASE = ["csr/web-p256.csr", "issuers/root-ed25519.crt", "issuers/root-ed25519.key",
        "--serial=9", "--not-before=2025-01-01T00:00:00Z", "--not-after=2025-02-01T00:00:00Z"]


def sign(tmp_path, template: str, *extra: str, stdin: bytes = b""):
    path = tmp_path / "t.tpl"
    path.write_text(template, encoding="utf-8")
    return run_cli(["sign", *BASE, "--template", str(path), *extra], cwd=VECTORS, stdin=stdin)


def certificate(result) -> x509.Certificate:
    assert result.code == 0, result.stderr
    return x509.Certificate.load(next(d for _, _, d in apem.unarmor(result.stdout, multiple=True)))


def test_user_data_from_set_file_and_set(tmp_path):
    (tmp_path / "user.json").write_text('{"org": "From File", "unit": "Kept", "n": 1}')
    template = ('{"subject": {"organization": {{ toJson .Insecure.User.org }}, '
                '"organizationalUnit": {{ toJson .Insecure.User.unit }}, '
                '"commonName": {{ printf "%v-%v-%v" .Insecure.User.n .Insecure.User.flag .Insecure.User.raw | toJson }}}}')
    result = sign(tmp_path, template, "--set-file", str(tmp_path / "user.json"), "--set", "org=From Set",
                  "--set", "n=2.5", "--set", "flag=true", "--set", "raw={not json")
    subject = certificate(result).subject.native
    assert subject == {"organization_name": "From Set", "organizational_unit_name": "Kept",
                       "common_name": "2.5-true-{not json"}


def test_missing_user_data_is_no_value_and_null(tmp_path):
    template = '{"subject": {"commonName": "{{ .Insecure.User.nope }}"}, "dnsNames": {{ toJson .Insecure.User.nope }}}'
    assert certificate(sign(tmp_path, template)).subject.native == {"common_name": "<no value>"}


@pytest.mark.parametrize("template, extra, message", [
    ("{{ fail \"stop: no such customer\" }}", [], "stop: no such customer"),
    ("{{ .Subject.CommonName", [], "error parsing template: template: template:1: unclosed action"),
    ("{{ env \"HOME\" }}", [], 'error parsing template: template: template:1: function "env" not defined'),
    ("{{ expandenv \"$HOME\" }}", [], 'error parsing template: template: template:1: function "expandenv" not defined'),
    ("{{ readFile \"/etc/passwd\" }}", [], 'error parsing template: template: template:1: function "readFile" not defined'),
    ('{"keyUsage": ["foo"]}', [], "error unmarshaling certificate: unsupported keyUsage foo"),
    ('{"keyUsage": ["digitalSignature"]', [], "error unmarshaling certificate: unexpected EOF"),
    # step's words for an otherName type that is no OID, and for an OID arc beyond strconv.Atoi's int64
    ('{"sans": [{"type": "9", "value": "x"}]}', [],
     "error marshaling otherName SAN: asn1: structure error: invalid object identifier"),
    ('{"extensions": [{"id": "1.2.9223372036854775808", "value": "BQA="}]}', [],
     "error unmarshaling certificate: error unmarshaling json: 1.2.9223372036854775808 is not an ASN1 object identifier"),
    ('{"extensions": [{"id": "1.2.%s", "value": "BQA="}]}' % ("9" * 5000), [],
     "error unmarshaling certificate: error unmarshaling json: 1.2.%s is not an ASN1 object identifier" % ("9" * 5000)),
    ("{}", ["--profile", "leaf"], "flag '--profile' is incompatible with '--template'"),
    ("{}", ["--set", "novalue"], "invalid value 'novalue' for flag '--set'"),
])
def test_template_refusals_are_one_line(tmp_path, template, extra, message):
    result = sign(tmp_path, template, *extra)
    assert (result.code, result.stdout, result.stderr) == (1, b"", message + "\n")


def test_set_file_must_be_an_object(tmp_path):
    (tmp_path / "user.json").write_text("[1, 2]")
    result = sign(tmp_path, "{}", "--set-file", str(tmp_path / "user.json"))
    assert result.code == 1
    assert result.stderr == (f"error unmarshaling {tmp_path / 'user.json'}: json: cannot unmarshal array "
                             "into Go value of type map[string]interface {}\n")


@pytest.mark.parametrize("template, limit", [
    ("{{ range $i := until 10000 }}{{ range $j := until 10000 }}{{ end }}{{ end }}", "steps"),
    ("{{ range $i := until 1000000000 }}{{ end }}", "maximum output size"),
    ('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}', "depth"),
    ('{{ range $i := until 100000 }}{{ repeat 1000 "x" }}{{ end }}', "output"),
])
def test_runaway_templates_end_with_a_clear_error(tmp_path, template, limit):
    path = tmp_path / "t.tpl"
    path.write_text(template)
    # A real process with a generous timeout: a hang fails the test instead of hanging it.
    proc = subprocess.run([sys.executable, "-m", "pkisign", "sign", *BASE, "--template", str(path)],
                          cwd=VECTORS, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error executing template: template: template:")
    assert limit in proc.stderr


def test_template_validity_defaults_to_24_hours(tmp_path):
    path = tmp_path / "t.tpl"
    path.write_text('{"subject": "x", "notBefore": "2000-01-01T00:00:00Z", "notAfter": "2099-01-01T00:00:00Z"}')
    result = run_cli(["sign", "csr/web-p256.csr", "issuers/root-ed25519.crt", "issuers/root-ed25519.key",
                      "--not-before=2025-01-01T00:00:00Z", "--template", str(path)], cwd=VECTORS)
    validity = certificate(result)["tbs_certificate"]["validity"]
    assert (validity["not_after"].native - validity["not_before"].native).total_seconds() == 86400
