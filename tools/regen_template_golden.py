#!/usr/bin/env python3
"""Regenerate the expected outputs of the template golden corpus with Go.

For every ``tests/template/golden/cases/NAME.tpl`` (with ``NAME.json`` as
data when present) this runs the Go reference renderer built by
``tools/gotemplate-ref/build.sh`` and writes ``NAME.out`` (rendered bytes) or
``NAME.err`` (Go's error text), deleting the other one.  Go runs with
``TZ=UTC`` so that "Local" time is UTC, as the tests assume.

Usage: tools/regen_template_golden.py [NAME ...]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "template" / "golden" / "cases"


def build() -> str:
    out = subprocess.run([str(ROOT / "tools" / "gotemplate-ref" / "build.sh")], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


def main(argv: list[str]) -> int:
    binary = build()
    names = argv or sorted(p.stem for p in CASES.glob("*.tpl"))
    env = dict(os.environ, TZ="UTC")
    for name in names:
        tpl = CASES / f"{name}.tpl"
        data = CASES / f"{name}.json"
        cmd = [binary, str(tpl)] + ([str(data)] if data.exists() else [])
        res = subprocess.run(cmd, capture_output=True, env=env, timeout=60)
        if res.returncode not in (0, 1):
            print(f"{name}: reference failed: {res.stderr.decode(errors='replace')}", file=sys.stderr)
            return 1
        keep, drop = ("out", "err") if res.returncode == 0 else ("err", "out")
        (CASES / f"{name}.{keep}").write_bytes(res.stdout)
        (CASES / f"{name}.{drop}").unlink(missing_ok=True)
    print(f"{len(names)} cases regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
