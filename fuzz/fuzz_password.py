"""Fuzz target: the password file (``read_password_file``) and the decryption it feeds.

The rest of the input after the first byte is the password file; the first
byte picks the encrypted vector key it must open.  Besides the usual
contract (a key or a PkisignError, the password never in the
message), the password read must be the file's content with a leading byte
order mark dropped and trailing white space (Go's ``unicode.IsSpace``)
trimmed, computed here independently; and the vectors' password (two leading
spaces for the ``leading-space`` key), however padded with trailing white
space, must open the key.

    python fuzz/fuzz_password.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import os
import sys
import tempfile

import _harness

with _harness.instrumented(__name__ == "__main__"):
    from pkisign.inputs import read_password_file
    from pkisign.signers.keyfile import read_private_key

NAME = "password"
PASSWORD = b"golden-pass"
_KEYS = sorted(p for p in _harness.vector_files("keys/formats/*.key") if b"ENCRYPTED" in p.read_bytes())
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")
_DIR = tempfile.mkdtemp(prefix="pkisign-fuzz-password-")


def expected_password(content: bytes) -> bytes:
    """step's reading of a password file, written from the spec (section 3.3)."""
    for bom in _BOMS:
        if content.startswith(bom):
            content = content[len(bom):]
            break
    text = content.decode("utf-8", "surrogateescape")
    end = len(text)
    # Go's unicode.IsSpace is Python's isspace() without the separators U+001C..U+001F.
    while end and text[end - 1].isspace() and text[end - 1] not in "\x1c\x1d\x1e\x1f":
        end -= 1
    return text[:end].encode("utf-8", "surrogateescape")


def one_input(data: bytes) -> str:
    flags, content = (data[0], data[1:]) if data else (0, b"")
    key_path = _KEYS[flags % len(_KEYS)]
    path = os.path.join(_DIR, "pass.txt")
    with open(path, "wb") as f:
        f.write(content)
    password = read_password_file(path)
    want = expected_password(content)
    if password != want:
        raise _harness.ContractViolation(f"password read as {password!r}, not {want!r}")

    def run() -> None:
        read_private_key(key_path.read_bytes(), key_path.name, password=password, prompt=None)

    outcome = _harness.expect_clean(run, secrets=(password,))
    right = b"  " + PASSWORD if "leading-space" in key_path.name else PASSWORD
    if password == right and outcome != "ok":
        raise _harness.ContractViolation(f"the right password did not open {key_path.name}: {outcome}")
    return outcome


def seeds() -> list[bytes]:
    out = []
    for i, path in enumerate(_harness.vector_files("pass/*")):
        out.append(bytes((i,)) + path.read_bytes())
    out += [bytes((i,)) + PASSWORD + tail for i, tail in
            enumerate([b"\n", b"\r\n", b" \t\n", "\u3000".encode(), "\x85".encode(), b"\x1f", b"\xff"])]
    return out


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import text_mutations

    return text_mutations(seeds(), "golden-pas \t\r\n\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000\ufeff\x00")


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
