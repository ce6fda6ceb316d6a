"""The command line: step's argument forms, one-line errors, stdout only for PEM."""

from __future__ import annotations

import base64
import subprocess

import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import ROOT, VECTORS, run_cli, run_process

EX = ROOT / "examples"
CSR, CRT, KEY = str(EX / "leaf.csr"), str(EX / "issuer.crt"), str(EX / "issuer.key")
FIXED = ["--serial=7", "--not-before=2030-01-01T00:00:00Z", "--not-after=2030-01-02T00:00:00Z"]


def parse(out: bytes) -> list[x509.Certificate]:
    return [x509.Certificate.load(der) for _, _, der in apem.unarmor(out, multiple=True)]


def tbs(out: bytes) -> bytes:
    return parse(out)[0]["tbs_certificate"].dump()


def test_version():
    import pkisign

    proc = run_process(["--version"])
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"pkisign {pkisign.__version__}"


def test_no_command_prints_help_on_stderr():
    result = run_cli([])
    assert result.code == 1 and result.stdout == b"" and "usage: pkisign" in result.stderr


def test_unknown_command_is_one_line():
    result = run_cli(["frobnicate"])
    assert result.code == 1 and result.stdout == b""
    assert result.stderr.count("\n") == 1 and "invalid choice: 'frobnicate'" in result.stderr


@pytest.mark.parametrize("argv, message", [
    (["sign", CSR, CRT], "not enough positional arguments were provided in 'pkisign sign <csr-file> <crt-file> <key-file>'"),
    (["sign", CSR, CRT, KEY, "x"], "too many positional arguments were provided in 'pkisign sign <csr-file> <crt-file> <key-file>'"),
    (["sign", CSR, CRT, KEY, "--path-len=abc"], "invalid value 'abc' for flag '--path-len'"),
    (["sign", CSR, CRT, KEY, "--serial=-5"], "invalid value '-5' for flag '--serial'; it must not be negative"),
    (["sign", CSR, CRT, KEY, "--bundle=maybe"], "invalid value 'maybe' for flag '--bundle'"),
    (["sign", CSR, CRT, KEY, "--nope"], "flag provided but not defined: --nope"),
    (["sign", CSR, CRT, KEY, "--profile"], "flag needs an argument: --profile"),
])
def test_usage_errors_are_one_line(argv, message):
    result = run_cli(argv)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == message + "\n"


def test_flags_anywhere_and_both_value_forms():
    a = run_cli(["sign", *FIXED, CSR, CRT, KEY])
    b = run_cli(["sign", CSR, "--serial", "7", CRT, "--not-before", "2030-01-01T00:00:00Z", KEY,
                 "--not-after", "2030-01-02T00:00:00Z"])
    c = run_cli(["certificate", "sign", CSR, CRT, KEY, "-serial=7", "-not-before", "2030-01-01T00:00:00Z",
                 "-not-after=2030-01-02T00:00:00Z"])
    assert a.code == b.code == c.code == 0, (a.stderr, b.stderr, c.stderr)
    assert tbs(a.stdout) == tbs(b.stdout) == tbs(c.stdout)


def test_negative_duration_as_a_separate_word():
    # The step documentation's own example.
    result = run_cli(["sign", CSR, CRT, KEY, "--not-before", "-1m", "--not-after", "16h"])
    assert result.code == 0, result.stderr
    validity = parse(result.stdout)[0]["tbs_certificate"]["validity"]
    span = validity["not_after"].native - validity["not_before"].native
    assert span.total_seconds() in (16 * 3600 + 60, 16 * 3600 + 61, 16 * 3600 + 59)


def test_bool_flag_values_and_bundle():
    plain = run_cli(["sign", *FIXED, CSR, CRT, KEY, "--bundle=false"])
    bundled = run_cli(["sign", *FIXED, CSR, CRT, KEY, "--bundle=true"])
    assert len(parse(plain.stdout)) == 1
    certs = parse(bundled.stdout)
    assert len(certs) == 2 and certs[1].dump() == parse((EX / "issuer.crt").read_bytes())[0].dump()


def test_unset_flags_come_from_step_environment_variables(monkeypatch):
    monkeypatch.setenv("STEP_NOT_AFTER", "2030-01-05T00:00:00Z")
    monkeypatch.setenv("STEP_BUNDLE", "true")
    result = run_cli(["sign", "--serial=7", "--not-before=2030-01-01T00:00:00Z", CSR, CRT, KEY])
    certs = parse(result.stdout)
    assert len(certs) == 2
    assert certs[0]["tbs_certificate"]["validity"]["not_after"].native.day == 5
    # A flag on the command line wins over the environment.
    result = run_cli(["sign", *FIXED, CSR, CRT, KEY])
    assert parse(result.stdout)[0]["tbs_certificate"]["validity"]["not_after"].native.day == 2


def test_pem_output_is_64_columns_and_nothing_else():
    result = run_cli(["sign", *FIXED, CSR, CRT, KEY])
    lines = result.stdout.decode().split("\n")
    assert lines[0] == "-----BEGIN CERTIFICATE-----" and lines[-2] == "-----END CERTIFICATE-----"
    assert lines[-1] == "" and all(len(line) == 64 for line in lines[1:-3])
    assert base64.b64decode("".join(lines[1:-2])) == parse(result.stdout)[0].dump()
    assert result.stderr == ""


def test_python_dash_m_and_stdin():
    proc = run_process(["sign", *FIXED, "-", CRT, KEY], input=(EX / "leaf.csr").read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert tbs(proc.stdout) == tbs(run_cli(["sign", *FIXED, CSR, CRT, KEY]).stdout)


def test_a_directory_is_a_clean_error_not_a_traceback(tmp_path):
    proc = run_process(["sign", str(tmp_path), CRT, KEY])
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr.decode() == f'error reading "{tmp_path}": is a directory\n'


def test_without_posix_the_prompt_is_getpass_on_the_console(monkeypatch):
    # Windows has no /dev/tty: getpass reads the console, which a process has
    # when one of its standard streams is a terminal.
    import getpass
    import io

    from pkisign.cli import command as cli
    from pkisign.errors import PasswordError

    asked = []
    monkeypatch.setattr(cli.os, "name", "nt")
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "s3cret")
    monkeypatch.setattr(cli.os, "open", lambda *a: pytest.fail("/dev/tty opened on Windows"))

    class Console(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(cli.sys, "stdin", io.StringIO())
    monkeypatch.setattr(cli.sys, "stderr", io.StringIO())
    with pytest.raises(PasswordError, match="no terminal to ask for its password; use --password-file$"):
        cli._tty_prompt("root.key")
    monkeypatch.setattr(cli.sys, "stderr", Console())
    assert cli._tty_prompt("root.key") == b"s3cret"
    assert asked == ["Please enter the password to decrypt root.key: "]


def test_the_key_mode_warning_is_posix_only(monkeypatch, tmp_path):
    from pkisign.cli import command as cli

    key = tmp_path / "issuer.key"
    key.write_bytes(b"")
    key.chmod(0o644)
    assert cli._key_file_warning(str(key), None).startswith(f"warning: {key} can be read by other users")
    monkeypatch.setattr(cli.os, "name", "nt")
    assert cli._key_file_warning(str(key), None) is None


def test_an_empty_password_file_names_the_file(tmp_path):
    empty = tmp_path / "pass.txt"
    empty.write_text("\n")
    key = "keys/formats/root-p256.pkcs8-aes256-sha256.key"
    proc = run_process(["sign", "--password-file", str(empty), "csr/web-p256.csr", "issuers/root-p256.crt", key],
                       cwd=VECTORS, stdin=subprocess.DEVNULL, start_new_session=True)
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr.decode() == (f"error decrypting {key}: the password file {empty} is empty and there is "
                                    "no terminal to ask for the password\n")
    assert b"--password-file" not in proc.stderr


@pytest.mark.parametrize("command", [["sign"], ["certificate", "sign"], ["inspect"], ["assemble"]])
def test_help_describes_the_command_with_examples(command):
    result = run_cli([*command, "--help"])
    assert result.code == 0
    text = result.stdout.decode() + result.stderr
    prog = "pkisign " + " ".join(command)
    assert text.startswith(f"usage: {prog}")
    assert "\nexample" in text and f"\n  {prog} " in text.replace("pkisign sign", prog)
    assert "exit status: 0 on success; 1 on an error" in " ".join(text.split())
    if command[-1] == "sign":
        # The three files are required: no brackets around them.
        assert text.splitlines()[0] == f"usage: {prog} [flags] <csr-file> <crt-file> <key-file>"
        assert "pkcs11:module-path=MODULE;token=LABEL" in text
