"""What one plain ``pkisign sign`` loads: nothing a file-key leaf does not use."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, VECTORS

# Code for templates, other profiles, KMS keys, linting, --explain and
# inspect, and the optional cryptography package.
NOT_FOR_A_LEAF = (
    "pkisign.golang.json", "pkisign.golang.reflect", "pkisign.golang.strconv",
    "pkisign.template.funcs", "pkisign.x509util.data", "pkisign.signers.kms", "pkisign.lint", "pkisign.inspect.explain",
    "pkisign.inspect", "pkisign.assemble", "cryptography", "importlib.resources", "secrets",
)

CODE = """
import json, sys
from pkisign.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules if m != "json" and not m.startswith("json."))}),
      file=sys.stderr)
"""


def loaded(*argv: str) -> dict:
    result = subprocess.run([sys.executable, "-c", CODE, *argv], cwd=VECTORS, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stderr.splitlines()[-1])
    state["pem"] = result.stdout.startswith("-----BEGIN CERTIFICATE-----\n")
    return state


def test_a_leaf_from_files_loads_no_template_kms_or_lint_code():
    state = loaded("sign", "csr/web-p256.csr", "issuers/root-p256.crt", "issuers/root-p256.key")
    assert state["code"] == 0 and state["pem"]
    assert "pkisign.api" in state["modules"] and "pkisign.x509util.render" in state["modules"]
    unwanted = [m for m in state["modules"] if m.startswith(NOT_FOR_A_LEAF)]
    assert unwanted == []


def test_a_template_still_loads_the_interpreter(tmp_path):
    template = tmp_path / "t.tpl"
    template.write_text('{"subject": {{ toJson .Subject }}, "sans": {{ toJson .SANs }}}')
    state = loaded("sign", "csr/web-p256.csr", "issuers/root-p256.crt", "issuers/root-p256.key",
                   "--template", str(template))
    assert state["code"] == 0 and state["pem"]
    assert {"pkisign.golang.json", "pkisign.x509util.data", "pkisign.template.funcs"} <= set(state["modules"])
