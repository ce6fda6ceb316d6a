"""Shrink a failing input of a target to a small one that fails the same way.

    python fuzz/minimize.py TARGET INPUT [-o OUTPUT] [--seconds 120]

"The same way" is the same :func:`_harness.signature` (exception type and
innermost pkisign frame).  Three passes, repeated until nothing changes:
DER-aware (drop an element, empty it) when the input after its choice byte
is DER, then byte chunks removed (delta debugging), then bytes replaced by
``a``.  The choice byte is kept.  Prints the signature and the sizes; writes
OUTPUT (default: INPUT.min).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _der
import _harness


def failure(module, data: bytes) -> str | None:  # type: ignore[no-untyped-def]
    """The input's failure signature, or None when it passes."""
    try:
        _harness.guarded(module.one_input, data)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001
        return _harness.signature(exc)
    return None


def _der_candidates(payload: bytes):  # type: ignore[no-untyped-def]
    """Payloads with one element dropped or emptied, biggest first."""
    try:
        roots = _der.parse_all(payload)
    except ValueError:
        return
    count = sum(1 for r in roots for _ in r.walk())
    for index in range(count):
        for action in ("drop", "empty"):
            roots = _der.parse_all(payload)
            nodes = [(parent, n) for r in roots for parent, n in _with_parents(r, None)]
            parent, node = nodes[index]
            if action == "drop":
                if parent is None:
                    continue
                parent.children.remove(node)
            elif node.children:
                node.children = []
            elif node.content and node.children is None:
                node.content = b""
            else:
                continue
            yield b"".join(r.encode() for r in roots)


def _with_parents(node, parent):  # type: ignore[no-untyped-def]
    yield parent, node
    for child in node.children or ():
        yield from _with_parents(child, node)


def minimize(module, data: bytes, seconds: float = 120) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    want = failure(module, data)
    if want is None:
        raise SystemExit("the input does not fail")
    deadline = time.monotonic() + seconds
    head, payload = data[:1], data[1:]

    def same(candidate: bytes) -> bool:
        return time.monotonic() < deadline and failure(module, head + candidate) == want

    changed = True
    while changed and time.monotonic() < deadline:
        changed = False
        for candidate in _der_candidates(payload):
            if len(candidate) < len(payload) and same(candidate):
                payload, changed = candidate, True
                break
        if changed:
            continue
        chunk = max(1, len(payload) // 2)
        while chunk >= 1 and time.monotonic() < deadline:
            i = 0
            while i < len(payload):
                candidate = payload[:i] + payload[i + chunk:]
                if same(candidate):
                    payload, changed = candidate, True
                else:
                    i += chunk
            chunk //= 2
        for i in range(len(payload)):
            if payload[i] != 0x61 and time.monotonic() < deadline:
                candidate = payload[:i] + b"a" + payload[i + 1:]
                if same(candidate):
                    payload = candidate
    return head + payload, want


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=_harness.TARGETS)
    parser.add_argument("input", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args(argv)
    module = _harness.load_target(args.target)
    data = args.input.read_bytes()
    small, sig = minimize(module, data, args.seconds)
    out = args.output or args.input.with_name(args.input.name + ".min")
    out.write_bytes(small)
    print(f"{sig}: {len(data)} -> {len(small)} bytes, written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
