"""man/pkisign.1 is generated from the argparse parser and must not drift."""

from __future__ import annotations

import importlib.util
import os
import subprocess

from conftest import ROOT, require, require_tool


def _render() -> str:
    spec = importlib.util.spec_from_file_location("make_manpage", ROOT / "tools" / "make_manpage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render()


def test_committed_man_page_matches_the_parser():
    try:
        import argparse_manpage  # noqa: F401
    except ImportError:
        require(False, "argparse-manpage is not installed (pip install '.[test]')")
    committed = (ROOT / "man" / "pkisign.1").read_text(encoding="utf-8")
    assert _render() == committed, "run: python tools/make_manpage.py"


def test_every_flag_is_documented():
    page = (ROOT / "man" / "pkisign.1").read_text(encoding="utf-8")
    from pkisign.cli.command import build_parser

    sign = build_parser()._subparsers._group_actions[0].choices["sign"]
    for action in sign._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option.replace("-", r"\-") in page, option


def test_man_renders():
    man = require_tool("man")
    proc = subprocess.run([man, "-l", str(ROOT / "man" / "pkisign.1")], capture_output=True, text=True,
                          env=dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="80"))
    assert proc.returncode == 0, proc.stderr
    assert "pkisign sign" in proc.stdout and "EXIT STATUS" in proc.stdout


def _man_text() -> str:
    man = require_tool("man")
    proc = subprocess.run([man, "-l", str(ROOT / "man" / "pkisign.1")], capture_output=True, text=True,
                          env=dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="80"))
    assert proc.returncode == 0
    assert proc.stderr == "", proc.stderr  # no troff warning: no line it cannot break, no stray request
    return proc.stdout


def test_no_uri_is_cut_in_two():
    text = _man_text()
    for word in ("pkcs11:module-path=MODULE;token=LABEL",
                 "'pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep?pin-source=pin.txt'"):
        assert word in text, word
    assert "\u2010" not in text  # groff's hyphenation mark


def test_every_command_has_a_description_with_examples():
    text = _man_text()
    for command in ("pkisign sign", "pkisign certificate sign", "pkisign inspect", "pkisign assemble"):
        section = text.split(f"COMMAND '{command}'", 1)[1].split("OPTIONS", 1)[0]
        assert "example" in section and f"\n         {command.split()[0]} " in section, command
    assert "usage: pkisign sign [flags] <csr-file> <crt-file> <key-file>" in text


def test_exit_statuses_are_the_codes_main_returns():
    import re
    import signal

    source = "".join((ROOT / "pkisign" / "cli" / name).read_text(encoding="utf-8") for name in ("command.py", "batch.py"))
    returned = {int(n) for n in re.findall(r"\breturn (\d+)$", source, re.M)} | {1}  # PkisignError.exit_code
    # Stopped by a signal: the shell's 128 + the signal's number.
    returned |= {128 + getattr(signal, name)
                 for name in re.findall(r"(?:return |SystemExit\()128 \+ signal\.(SIG\w+)", source)}
    from pkisign.errors import PkisignError

    assert PkisignError.exit_code == 1
    section = _man_text().split("EXIT STATUS", 1)[1].split("SEE ALSO", 1)[0]
    documented = {int(n) for n in re.findall(r"^       (\d+) ", section, re.M)}
    assert documented == returned | {0}
