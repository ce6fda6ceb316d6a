"""Key handling beyond the vectors: the terminal prompt and missing extras."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time

from conftest import ROOT, VECTORS

ARGS = ["--serial=5", "--not-before=2025-01-01T00:00:00Z", "--not-after=2025-01-02T00:00:00Z"]


def _run_with_tty(argv: list[str], answer: bytes) -> tuple[int, bytes, bytes, bytes]:
    """Run pkisign with a pseudo-terminal as its controlling terminal."""
    master, slave = os.openpty()
    slave_name = os.ttyname(slave)

    def become_session_leader() -> None:
        os.setsid()
        os.open(slave_name, os.O_RDWR)  # the first tty a session leader opens becomes its terminal

    proc = subprocess.Popen(
        [sys.executable, "-m", "pkisign", *argv], cwd=VECTORS, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=become_session_leader,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 30
    while b"password" not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                seen += os.read(master, 1024)
            except OSError:  # EIO: the child has not opened the terminal yet
                time.sleep(0.05)
    os.write(master, answer + b"\n")
    out, err = proc.communicate(timeout=60)
    os.close(master)
    return proc.returncode, out, err, seen


def test_encrypted_key_asks_on_the_terminal():
    key = "keys/formats/root-ed25519.pkcs8-aes256-sha256.key"
    code, out, err, prompt = _run_with_tty(
        ["sign", "csr/web-p256.csr", "issuers/root-ed25519.crt", key, *ARGS], b"golden-pass")
    assert prompt.startswith(f"Please enter the password to decrypt {key}: ".encode())
    assert (code, err) == (0, b"")
    plain = subprocess.run(
        [sys.executable, "-m", "pkisign", "sign", "csr/web-p256.csr", "issuers/root-ed25519.crt",
         "issuers/root-ed25519.key", *ARGS], cwd=VECTORS, capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out == plain.stdout != b""


def test_wrong_password_on_the_terminal_is_one_line_without_the_password():
    key = "keys/formats/root-ed25519.pkcs8-aes256-sha256.key"
    code, out, err, _ = _run_with_tty(
        ["sign", "csr/web-p256.csr", "issuers/root-ed25519.crt", key, *ARGS], b"not-the-password")
    assert (code, out) == (1, b"")
    assert err == f"error decrypting {key}: x509: decryption password incorrect\n".encode()


def _without_cryptography(argv: list[str]) -> subprocess.CompletedProcess:
    code = ("import sys; sys.modules['cryptography'] = None; "
            "from pkisign.cli import main; sys.exit(main(sys.argv[1:]))")
    return subprocess.run([sys.executable, "-c", code, *argv], cwd=VECTORS, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))


def test_ed25519_issuer_key_without_the_extra_names_the_pip_command():
    proc = _without_cryptography(["sign", "csr/web-p256.csr", "issuers/root-ed25519.crt",
                                  "issuers/root-ed25519.key", *ARGS])
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == ("an Ed25519 key file needs the optional 'cryptography' extra: "
                           "pip install 'pkisign[cryptography]'\n")


def test_ed25519_csr_without_the_extra_names_the_pip_command():
    proc = _without_cryptography(["sign", "csr/web-ed25519.csr", "issuers/root-p256.crt",
                                  "issuers/root-p256.key", *ARGS])
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == ("an Ed25519 signature needs the optional 'cryptography' extra: "
                           "pip install 'pkisign[cryptography]'\n")


def test_core_works_without_the_extra():
    proc = _without_cryptography(["sign", "csr/web-p256.csr", "issuers/root-p256.crt",
                                  "issuers/root-p256.key", *ARGS])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("-----BEGIN CERTIFICATE-----\n")
