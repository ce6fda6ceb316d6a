#!/usr/bin/env python3
"""Write man/pkisign.1 from pkisign's argparse parser (argparse-manpage).

The man page is generated, never edited: tests/test_manpage.py regenerates
it and fails when the committed page differs.  Run this after changing a
flag or man/pkisign.include:

    python tools/make_manpage.py
"""

from __future__ import annotations

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
    from pkisign.cli import build_parser

    page = Manpage(build_parser(), {
        "date": RELEASE_DATE,
        "project_name": "pkisign",
        "version": __version__,
        "manual_title": "pkisign manual",
        "description": "sign certificate signing requests into X.509 certificates like step certificate sign",
        "include": str(INCLUDE),
    })
    return str(page)


if __name__ == "__main__":
    MAN.write_text(render(), encoding="utf-8")
    print(f"wrote {MAN.relative_to(ROOT)}")
