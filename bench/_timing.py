"""The one timing loop every benchmark here uses."""

from __future__ import annotations

import time
from typing import Callable

__all__ = ["rate"]


def rate(seconds: float, step: Callable[[], object]) -> float:
    """Operations per second of ``step`` over about ``seconds``."""
    step()  # warm up: first-call costs are not the rate
    count, start = 0, time.perf_counter()
    deadline = start + seconds
    while True:
        step()
        count += 1
        now = time.perf_counter()
        if now >= deadline:
            return count / (now - start)
