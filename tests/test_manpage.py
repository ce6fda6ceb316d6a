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
    from pkisign.cli import build_parser

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
