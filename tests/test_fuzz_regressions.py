"""Hostile input: recorded fuzz findings stay fixed, and CI runs every fuzz target.

Three parts, all driven by the targets in ``fuzz/`` (see fuzz/README.md):

* ``test_regression``: every input under ``tests/fuzz_regressions/<target>/``
  (a crash, hang or contract break the fuzzers found, shrunk) is replayed
  through its target: it must now end in a result or in one clean error.
  Findings not fixed yet are listed in ``OPEN`` with why they fail, as
  strict xfails: the fix turns them into XPASS, a failure that says to
  drop the entry.
* ``test_hostile``: the hand-made big inputs of ``fuzz/hostile.py`` (depth,
  counts, sizes, key-derivation and template cost) in child processes,
  under a CPU-time watchdog, an address-space limit and a wall-clock limit.
* ``test_target_under_hypothesis``: a bounded, derandomised hypothesis run of
  each target (500 to 1000 mutated inputs each, about 40 s in all), which
  must find nothing new.  A failure it shows already known from ``OPEN``
  is counted, not reported, so that CI stays green on known bugs and red
  on new ones.

The contract is the targets': a certificate (checked by ``fuzz/_lanes.py``)
or a ``PkisignError``; the CLI exits 0, or 1 with
one error line and never 2; nothing longer than the watchdog (5 s of CPU for
one input, where a quiet machine needs milliseconds; 10 s for a hostile case).
"""

from __future__ import annotations

import os
import resource
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))

import _harness
import hostile

# Recorded findings pkisign does not survive yet: "<target>/<file>" -> why, and
# hostile cases likewise.  Each entry is a strict xfail: when its fix lands the
# test reports XPASS, so the entry goes.  Fixed findings (F1-F12) are listed in
# fuzz/README.md.
OPEN: dict[str, str] = {}
OPEN_HOSTILE: dict[str, str] = {}

# Examples per target for the bounded hypothesis run (about 35 s in all on one core).
BUDGET = {"csr": 800, "issuer": 1000, "key": 1000, "password": 600, "template": 1000, "regex": 300, "validity": 1000,
          "kms_uri": 1000, "inspect": 800, "cli": 1000, "output": 500}


def _regressions():
    for target in _harness.TARGETS:
        for path in _harness.regression_inputs(target):
            key = f"{target}/{path.name}"
            marks = [pytest.mark.xfail(strict=True, reason=OPEN[key])] if key in OPEN else []
            yield pytest.param(target, path, id=key, marks=marks)


def test_every_open_finding_has_its_file():
    files = {f"{t}/{p.name}" for t in _harness.TARGETS for p in _harness.regression_inputs(t)}
    assert set(OPEN) <= files
    assert set(OPEN_HOSTILE) <= set(hostile.CASES)


@pytest.mark.parametrize("target, path", list(_regressions()))
def test_regression(target, path):
    module = _harness.load_target(target)
    outcome = _harness.replay(module, path)  # raises on a crash, a hang or a broken contract
    assert outcome == "ok" or outcome.startswith(("ok:", "refused:", "exit:0", "exit:1"))


#: CPU seconds a hostile case may take: ten times the slowest case on a quiet
#: machine (about 1 s), so that only a blow-up (quadratic work, a hang) fails,
#: never a busy machine.  CPU time, not wall time: other processes do not count.
HOSTILE_CPU_SECONDS = 10


@lru_cache(maxsize=None)
def _hostile_results() -> dict:
    """Every hostile case in child processes, one per core."""
    def run(name: str) -> dict:
        return hostile.run_child(name, timeout=HOSTILE_CPU_SECONDS)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        return {r["name"]: r for r in pool.map(run, hostile.CASES)}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=OPEN_HOSTILE[n])] if n in OPEN_HOSTILE else [])
    for n in hostile.CASES])
def test_hostile(name):
    result = _hostile_results()[name]
    assert result["ok"], f"{result['error']}\n{result.get('stderr', '')}"


@lru_cache(maxsize=None)
def _known_signatures() -> frozenset:
    """The failure signatures of the OPEN regression inputs (still failing)."""
    known = set()
    for key in OPEN:
        target, name = key.split("/", 1)
        try:
            _harness.replay(_harness.load_target(target), _harness.REGRESSIONS / target / name)
        except BaseException as exc:  # noqa: BLE001 - that is the point
            known.add(_harness.signature(exc))
    return frozenset(known)


@pytest.mark.parametrize("target", _harness.TARGETS)
def test_target_under_hypothesis(target):
    from hypothesis import HealthCheck, given, settings

    module = _harness.load_target(target)
    known = _known_signatures()
    seen = {"known": 0, "outcomes": set()}
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    @settings(max_examples=BUDGET[target], derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(module.strategy())
    def explore(data: bytes) -> None:
        try:
            seen["outcomes"].add(_harness.guarded(module.one_input, data).split(":")[0])
        except Exception as exc:
            if _harness.signature(exc) not in known:
                raise
            seen["known"] += 1
        except _harness.Hang as exc:
            if _harness.signature(exc) not in known:
                raise AssertionError(f"hang: {exc}") from None
            seen["known"] += 1

    explore()
    # Both ends of the contract were reached: inputs were not all refused (or all accepted).
    if target not in ("inspect", "kms_uri", "cli"):
        assert {"ok", "refused"} <= seen["outcomes"], seen
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < 512, f"peak memory grew by {grown_mb:.0f} MB"
