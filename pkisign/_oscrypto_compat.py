"""Import oscrypto on OpenSSL releases whose version has a two-digit part.

oscrypto 1.3.0, the newest release on PyPI, finds libcrypto's version with
the pattern ``\\b(\\d\\.\\d\\.\\d[a-z]*)\\b``, one digit per component: on
"OpenSSL 3.0.19" it matches nothing and ``import oscrypto.asymmetric`` fails
with "Error detecting the version of libcrypto" (wbond/oscrypto#75, fixed on
oscrypto's master but not released).

While oscrypto's libcrypto binding is first imported, and only then, that
one pattern is searched with a multi-digit equivalent instead.  Any other
pattern, including the fixed one a newer oscrypto uses, goes to ``re.search``
unchanged, so on a fixed oscrypto this is a no-op.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
from types import ModuleType
from typing import Iterator

__all__ = ["BROKEN_PATTERN", "FIXED_PATTERN", "multi_digit_versions", "asymmetric", "symmetric"]

BROKEN_PATTERN = "\\b(\\d\\.\\d\\.\\d[a-z]*)\\b"
FIXED_PATTERN = "\\b(\\d+\\.\\d+\\.\\d+[a-z]*)\\b"

_lock = threading.Lock()


@contextlib.contextmanager
def multi_digit_versions() -> Iterator[None]:
    """Within this block, re.search answers BROKEN_PATTERN with FIXED_PATTERN."""
    real_search = re.search

    def search(pattern, string, flags=0):
        if pattern == BROKEN_PATTERN:
            pattern = FIXED_PATTERN
        return real_search(pattern, string, flags)

    re.search = search
    try:
        yield
    finally:
        re.search = real_search


def _import(name: str) -> ModuleType:
    if name not in sys.modules:
        with _lock, multi_digit_versions():
            _prefer_ctypes()
            __import__(name)
    return sys.modules[name]


def _prefer_ctypes() -> None:
    """Use oscrypto's ctypes binding rather than its cffi one.

    Both call the same libcrypto; the cffi binding first parses C
    declarations with pycparser, which costs more than the rest of a
    signature's start-up.  Only possible before oscrypto loads a backend.
    """
    import oscrypto

    try:
        oscrypto.use_ctypes()
    except RuntimeError:  # another part of oscrypto is loaded already: keep its choice
        pass


def asymmetric() -> ModuleType:
    """``oscrypto.asymmetric``, imported through the compatibility step."""
    return _import("oscrypto.asymmetric")


def symmetric() -> ModuleType:
    """``oscrypto.symmetric``, imported through the compatibility step."""
    return _import("oscrypto.symmetric")
