#!/usr/bin/env python3
"""Write man/pkisign.1 from pkisign's argparse parser (argparse-manpage).

The man page is generated, never edited: tests/test_manpage.py regenerates
it and fails when the committed page differs.  Run this after changing a
flag or man/pkisign.include:

    python tools/make_manpage.py

It needs argparse-manpage and pkisign's own dependencies (asn1crypto,
oscrypto).  Run by an interpreter without them, it runs itself again with
the clone's .venv (made by tools/run-tests) when there is one, and
otherwise says what to install.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAN = ROOT / "man" / "pkisign.1"
INCLUDE = ROOT / "man" / "pkisign.include"
# The page's date is the release's, so that regenerating it is reproducible.
RELEASE_DATE = "2026-11-28"


def render() -> str:
    """The man page text for the current parser."""
    sys.path.insert(0, str(ROOT))
    from argparse_manpage.manpage import Manpage

    from pkisign import __version__
    from pkisign.cli.command import build_parser

    page = Manpage(build_parser(), {
        "date": RELEASE_DATE,
        "project_name": "pkisign",
        "version": __version__,
        "manual_title": "pkisign manual",
        "description": "sign certificate signing requests into X.509 certificates like step certificate sign",
        "include": str(INCLUDE),
    })
    return _groff_safe(str(page))


def _groff_safe(page: str) -> str:
    """Lay out what argparse-manpage leaves to groff's filling.

    Indented lines (usage continuations, the examples of a command's
    description) keep their lines: they go in no-fill blocks, else groff
    joins and justifies them.  A text line that starts with a quote would be
    read as a request: it gets a zero-width escape first.
    """
    out: list[str] = []
    nofill = block = False
    for line in page.split("\n"):
        if line.startswith(".nf"):
            nofill = True
        elif line.startswith(".fi"):
            nofill = False
        starts_block = line.startswith("usage: ") or (line.startswith("  ") and line.strip())
        if not nofill and block and not (line.startswith("  ") and line.strip()):
            out.append(".fi")
            block = False
        if not nofill and not block and starts_block:
            out.append(".nf")
            block = True
        out.append("\\&" + line if line.startswith("'") else line)
    if block:
        out.append(".fi")
    return "\n".join(out)


def _usable() -> bool:
    try:
        import argparse_manpage  # noqa: F401
        import asn1crypto  # noqa: F401
        import oscrypto  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    if not _usable():
        venv_python = ROOT / ".venv" / "bin" / "python"
        if venv_python.exists() and Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
            os.execv(str(venv_python), [str(venv_python), *sys.argv])
        sys.exit("make_manpage: needs argparse-manpage and pkisign's dependencies: "
                 "pip install -e . -r tests/requirements.txt (or run sh tools/run-tests once, "
                 "which makes .venv)")
    MAN.write_text(render(), encoding="utf-8")
    print(f"wrote {MAN.relative_to(ROOT)}")
