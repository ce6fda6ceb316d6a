"""The ``pkisign`` command line: a thin layer over :mod:`pkisign.api`."""

from .command import build_parser, main

__all__ = ["build_parser", "main"]
