"""A long hypothesis run of the targets: the fallback where atheris cannot be installed.

    python fuzz/hypothesis_campaign.py [--examples 20000] [--targets csr,key,...] [--seed N] [--out DIR]

Each target's ``strategy()`` (seeds mutated DER-aware and bytewise) feeds
``one_input`` under the watchdog.  Unlike a test, the run goes on after a
failure: each distinct failure (by :func:`_harness.signature`) is counted
and its first input written to ``OUT/<target>/<signature>.bin`` (shrink it
with ``fuzz/minimize.py``).  Prints, per target, the inputs tried, the
outcomes, the failures and the time.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness


def run(target: str, examples: int, seed: int | None, out: Path) -> dict:  # type: ignore[type-arg]
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    module = _harness.load_target(target)
    outcomes: Counter = Counter()  # type: ignore[type-arg]
    failures: Counter = Counter()  # type: ignore[type-arg]

    @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(module.strategy())
    def one(data: bytes) -> None:
        try:
            outcomes[_harness.guarded(module.one_input, data).split(":")[0]] += 1
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - recorded, and the run goes on
            sig = _harness.signature(exc)
            if not failures[sig]:
                directory = out / target
                directory.mkdir(parents=True, exist_ok=True)
                name = re.sub(r"[^A-Za-z0-9_.@-]+", "_", sig)[:80] + "-" + hashlib.sha1(data).hexdigest()[:8]
                (directory / f"{name}.bin").write_bytes(data)
                print(f"  {target}: new failure {sig}", flush=True)
            failures[sig] += 1

    if seed is not None:
        one = hypothesis_seed(seed)(one)
    started = time.monotonic()
    one()
    return {"target": target, "inputs": sum(outcomes.values()) + sum(failures.values()),
            "outcomes": dict(outcomes), "failures": dict(failures), "seconds": round(time.monotonic() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20000, help="per target")
    parser.add_argument("--targets", default=",".join(_harness.TARGETS))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", type=Path, default=_harness.FUZZ_DIR / "campaign" / "hypothesis")
    args = parser.parse_args(argv)
    results = []
    for target in args.targets.split(","):
        results.append(run(target, args.examples, args.seed, args.out))
        r = results[-1]
        print(f"{target:9} {r['inputs']:>7} inputs {r['seconds']:>7} s  outcomes {r['outcomes']}  "
              f"failures {r['failures'] or '-'}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
