"""Run the atheris targets for a while each, go on past known failures, report.

    python fuzz/campaign.py [--targets csr,key,...] [--seconds 600] [--jobs 1] [--out fuzz/campaign]

For each target, libFuzzer runs ``fuzz/fuzz_<target>.py`` on the corpus
``OUT/<target>/corpus`` (seeded on first use) for the time left.  When it
stops on a failure, the failure's signature (``FUZZ-SIGNATURE`` on its
stderr: exception type and innermost pkisign frame) is added to
``OUT/<target>/known.txt``, the input is kept in ``OUT/<target>/`` as
``crash-*``/``timeout-*``/``oom-*``, and the fuzzer starts again with the
time left, so one bug does not end the campaign.  Failures already recorded
in ``tests/fuzz_regressions/<target>/`` are known from the start (give
``--fresh`` to report them again).

At the end, ``OUT/results.json`` and a table on stdout give, per target, the
executions, the seconds, the corpus size and the distinct failures found.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness

_UNIT = re.compile(r"Test unit written to (\S+)")


def known_signatures(target: str) -> set[str]:
    """The signatures of the target's recorded regression inputs that still fail."""
    module = _harness.load_target(target)
    out = set()
    for path in _harness.regression_inputs(target):
        try:
            _harness.replay(module, path)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - a recorded failure
            out.add(_harness.signature(exc))
    return out


def run_target(target: str, seconds: float, out: Path, known: set[str], extra: list[str]) -> dict:  # type: ignore[type-arg]
    directory = out / target
    corpus = directory / "corpus"
    directory.mkdir(parents=True, exist_ok=True)
    known_file = directory / "known.txt"
    if known_file.exists():
        known |= {line for line in known_file.read_text().splitlines() if line}
    known_file.write_text("".join(k + "\n" for k in sorted(known)))
    result = {"target": target, "executions": 0, "seconds": 0.0, "restarts": 0, "findings": []}
    started = time.monotonic()
    log = open(directory / "fuzz.log", "a")
    while True:
        left = int(seconds - (time.monotonic() - started))
        if left < 5 or result["restarts"] > 50:
            break
        cmd = [sys.executable, str(_harness.FUZZ_DIR / f"fuzz_{target}.py"), str(corpus),
               f"-max_total_time={left}", f"-artifact_prefix={directory}/", *extra]
        env = dict(os.environ, FUZZ_KNOWN=str(known_file))
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              errors="replace", env=env)
        text = proc.stdout
        log.write(text)
        log.flush()
        m = re.search(r"stat::number_of_executed_units: (\d+)", text)
        result["executions"] += int(m.group(1)) if m else 0
        units = _UNIT.findall(text)
        if not units:
            if proc.returncode != 0 and not m:
                result["findings"].append({"signature": f"fuzzer exited {proc.returncode}", "input": None})
            break
        sig = re.search(r"FUZZ-SIGNATURE (.+)", text)
        signature = sig.group(1).strip() if sig else (
            "libFuzzer:timeout" if "libFuzzer: timeout" in text else
            "libFuzzer:out-of-memory" if "out-of-memory" in text else "libFuzzer:crash")
        result["findings"].append({"signature": signature, "input": units[-1],
                                   "after_seconds": round(time.monotonic() - started, 1)})
        known.add(signature)
        known_file.write_text("".join(k + "\n" for k in sorted(known)))
        result["restarts"] += 1
    log.close()
    result["seconds"] = round(time.monotonic() - started, 1)
    result["corpus"] = sum(1 for _ in corpus.iterdir()) if corpus.is_dir() else 0
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", default=",".join(_harness.TARGETS))
    parser.add_argument("--seconds", type=float, default=600, help="per target")
    parser.add_argument("--jobs", type=int, default=1, help="targets run at the same time")
    parser.add_argument("--out", type=Path, default=_harness.FUZZ_DIR / "campaign")
    parser.add_argument("--fresh", action="store_true", help="do not treat recorded regressions as known")
    args, extra = parser.parse_known_args(argv)
    targets = [t for t in args.targets.split(",") if t]
    for t in targets:
        if t not in _harness.TARGETS:
            parser.error(f"unknown target {t}")
    args.out.mkdir(parents=True, exist_ok=True)
    # In the main thread: the replay's watchdog is a signal handler.
    known = {t: set() if args.fresh else known_signatures(t) for t in targets}
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda t: run_target(t, args.seconds, args.out, known[t], extra), targets))
    (args.out / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    print(f"{'target':10} {'executions':>11} {'seconds':>8} {'corpus':>7}  findings")
    for r in results:
        sigs = sorted({f["signature"] for f in r["findings"]})
        print(f"{r['target']:10} {r['executions']:>11} {r['seconds']:>8} {r['corpus']:>7}  {'; '.join(sigs) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
