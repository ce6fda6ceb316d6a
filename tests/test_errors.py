"""Every refusal is one line on stderr, exit 1, in step's words (docs/step-sign-spec.md, section 12).

The refusals come from the golden vectors: the step reference refused the
same argv.  The reference (step-sign-ref) words some messages differently
from step itself (tools/STEP-REFERENCE.md); ``step_wording`` maps those to
the wording of step that the spec records, so that what is compared is
step's message.  Where the message carries a Go library detail (an
encoding/asn1 parse error), the detail may differ and only the part before
it is compared.
"""

from __future__ import annotations

import json

import pytest
from conftest import VECTORS, run_case, step_wording

CASES = [c for c in json.loads((VECTORS / "cases.json").read_text())["cases"] if c.get("exit")]

# Refusals of step that pkisign deliberately does not copy (see the man page).
ACCEPTED_BY_PKISIGN = {
    "error/wrong-password/sha512-prf": "step derives every PBES2 key with HMAC-SHA1 unless the PRF is SHA-256",
    "error/key-unsupported/scrypt": "pkisign decrypts scrypt-encrypted PKCS#8 keys",
}

# Refusals pkisign words differently from step, on purpose: (message, why).
WORDED_DIFFERENTLY = {
    "error/key-unsupported/pbes1": (
        "error decrypting bad/key-pbes1.key: unsupported encrypted PEM: only PBES2 is supported",
        "step fails inside encoding/asn1 before it can say that PBES1 is not supported",
    ),
    "error/key-format/garbage-body": (
        "error parsing bad/key-garbage-body.pem: the private key is malformed",
        "Go's message is an encoding/asn1 struct dump",
    ),
    "error/missing-file/password-file-missing": (
        'error reading "pass/does-not-exist.txt": no such file or directory',
        "step names the file twice ('error reading X: error reading \"X\": ...')",
    ),
    "error/missing-file/password-file-missing-unencrypted-key": (
        'error reading "pass/does-not-exist.txt": no such file or directory',
        "step names the file twice ('error reading X: error reading \"X\": ...')",
    ),
    "error/no-password/empty-password-file": (
        "error decrypting keys/formats/root-ed25519.pkcs8-aes256-sha256.key: the password file pass/empty.txt "
        "is empty and there is no terminal to ask for the password",
        "step asks on the terminal, and has none; pkisign names the empty file",
    ),
    "error/no-password/whitespace-only-password-file": (
        "error decrypting keys/formats/root-ed25519.pkcs8-aes256-sha256.key: the password file "
        "pass/whitespace-only.txt is empty and there is no terminal to ask for the password",
        "step asks on the terminal, and has none; pkisign names the (after trimming) empty file",
    ),
}

def _detail_free(message: str) -> str:
    """Cut a Go library detail: asn1 parse errors and PKCS#8 algorithm lists."""
    for marker in (": asn1: ", ": x509: malformed certificate"):
        if marker in message:
            return message.split(marker)[0] + marker
    return message


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_refusal(case):
    result = run_case(case)
    if case["name"] in ACCEPTED_BY_PKISIGN:
        assert (result.code, result.stderr) == (0, ""), ACCEPTED_BY_PKISIGN[case["name"]]
        assert result.stdout.startswith(b"-----BEGIN CERTIFICATE-----\n")
        return
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    ours = result.stderr[:-1]
    if case["name"] in WORDED_DIFFERENTLY:
        assert ours == WORDED_DIFFERENTLY[case["name"]][0]
        return
    expected = step_wording(case["ref_stderr"])
    if expected is None:
        key = case["argv"][2]
        assert ours == (f"error decrypting {key}: the key is encrypted and there is no terminal "
                        "to ask for its password; use --password-file")
    else:
        assert _detail_free(ours) == _detail_free(expected)
