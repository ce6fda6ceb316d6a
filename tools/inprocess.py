"""Run pkisign's command line in this process, its standard streams captured.

The tests, the command-line fuzz target and the differential tool call
``pkisign.cli.main`` thousands of times; an interpreter per call would cost
far more than the call.  stdout is captured as bytes (the command writes DER
and PEM to ``sys.stdout.buffer``), stderr as text.
"""

from __future__ import annotations

import contextlib
import io
import sys
from typing import Iterator

__all__ = ["Stdout", "captured"]


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


class Stdout:
    """A text stream whose bytes land in ``buffer`` (text written is UTF-8 encoded)."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def write(self, text: str) -> int:
        return self.buffer.write(text.encode("utf-8", "surrogateescape"))

    def flush(self) -> None:
        pass


@contextlib.contextmanager
def captured(stdin: bytes = b"") -> Iterator[tuple[Stdout, io.StringIO]]:
    """``sys.stdin`` reads ``stdin``; yields (stdout, stderr), restored afterwards."""
    old = (sys.stdin, sys.stdout, sys.stderr)
    out, err = Stdout(), io.StringIO()
    sys.stdin, sys.stdout, sys.stderr = _Stdin(stdin), out, err  # type: ignore[assignment]
    try:
        yield out, err
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
