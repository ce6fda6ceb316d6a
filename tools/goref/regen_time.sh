#!/usr/bin/env bash
# regen_time.sh - rewrite tests/goldens/gotime.json from real Go: what
# time.ParseDuration (step's --not-before/--not-after durations, sprig's
# duration functions) and encoding/asn1's UTCTime/GeneralizedTime parsers
# (values inside a CSR's names) say about a corpus of inputs.
#
# Builds tools/goref/timeref with the Go 1.24 toolchain (standard library
# only); tests/test_gotime_goldens.py only reads the result.
#
# Usage: tools/goref/regen_time.sh
# Env:   STEP_REF_PREFIX (default /opt/step-sign-ref)
#        PYTHON          (default python3; only builds the input lists)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/goenv.sh" timeref

"$PYTHON" - "$WORK" <<'PY'
import json, random, sys

work = sys.argv[1]
rng = random.Random(20261204)

durations = [
    "", "0", "+0", "-0", "00", "0.0", "1", "1d", "1h-1m", ".s", "-.s", ".", "1.", "1.h", ".5h",
    "1e3s", "tomorrow", "1 h", "1H", "+", "-", "++1h", "1h ", " 1h", "1h\x00",
    "300ms", "-1.5h", "2h45m", "1h15m30.918273645s", "1.5µs", "1.5μs", "1us", "1ns", "16h",
    "1.0000000001s", "1.9999999999ns", "0.1ns", "1hh", "1m1m1m", "1hms", "1µ", "1\u00b5", "5.é",
    "9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns",
    "-9223372036854775809ns", "2562047h47m16.854775807s", "2562047h47m16.854775808s",
    "-2562047h47m16.854775808s", "99999999999999999999h", "18446744073709551616ns",
    "9223372036854775807ns1ns", "-9223372036854775807ns1ns", "-9223372036854775807ns2ns",
    # leading zeros do not count towards int64 overflow
    "000000000000000000000001h", "-0000000000000000000000000000000000000016h",
    "0" * 300 + "1s", "1." + "0" * 300 + "1h",
    # fractions past int64 precision: later digits are ignored
    "0.99999999999999999999999h", "1.9223372036854775807h", "1.9223372036854775808h",
    "0.0000000000000000001h", "0." + "9" * 40 + "s", "3.0000000000000000000000000001m",
    "1.5ms2.5us", "0.5m0.5s", "1h0.000000001s", "2562047.788015215h", "2562047.788015216h",
    "106751d", "1.h.5m", "1h.5m", "1h..5m",
]
for _ in range(150):
    parts = []
    for _ in range(rng.randint(1, 4)):
        whole = str(rng.choice([0, 1, 7, 59, 60, 999, rng.randrange(10**rng.randint(1, 20))]))
        frac = rng.choice(["", "", "." + str(rng.randrange(10**rng.randint(1, 12))).zfill(rng.randint(1, 12))])
        parts.append(whole + frac + rng.choice(["ns", "us", "µs", "ms", "s", "m", "h"]))
    durations.append(rng.choice(["", "", "-", "+"]) + "".join(parts))

times = []
for v in ["250101000000Z", "2501010000Z", "250101000000+0000", "250101000000-0000",
          "250101000000+2400", "250101000000-2400", "250101000000+2401", "250101000000+2500",
          "250101000000+2359", "250101000000+0060", "250101000000+0100", "2501010000+2400",
          "250101000060Z", "250229000000Z", "240229000000Z", "000229000000Z", "500229000000Z",
          "680229000000Z", "690101000000Z", "491231235959Z", "250101240000Z", "251301000000Z",
          "250100000000Z", "250101000000", "250101000000z", "25010100000Z", "2501010000000Z",
          "250101000000+01", "250101000000+01:00", "2501010000.5Z", "250101000000.5Z",
          "2501010000+0000", "-50101000000Z", "25010100000 Z"]:
    times.append({"tag": 23, "value": v})
for v in ["20250101000000Z", "20250101000000+0000", "20250101000000+2400", "20250101000000-2400",
          "20250101000000+2401", "20250101000000+0060", "20250101000000+1234",
          "20250101000000.5Z", "20250101000000.50Z", "20250101000000.05Z", "20250101000000.Z",
          "20250101000000,5Z", "20250101000000.123456789Z", "20250101000000.1234567891Z",
          "20250101000000.000000001Z", "20250101000000.0000000001Z", "20250101000000.0Z",
          "20250101000000.5+0100", "20250101000000.5+2400", "202501010000Z", "2025010100Z",
          "20250229000000Z", "20240229000000Z", "21000229000000Z", "20000229000000Z",
          "00000101000000Z", "99991231235959Z", "20250101000060Z", "20250101240000Z",
          "20250101000000", "2025010100000Z", "20250101000000+01"]:
    times.append({"tag": 24, "value": v})

rfc3339 = [
    "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.999999999Z", "2024-01-01T00:00:00.9999999999Z",
    "2024-01-01T02:00:00+02:00", "2023-12-31T19:00:00-05:00", "2024-01-01T1:00:00Z", "2024-02-29T23:59:59Z",
    "2050-01-01T00:00:00,5Z", "2025-02-29T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
    "2024-01-01T00:00:60Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z",
    "2024-01-01T00:00:00z", "2024-01-01t00:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00",
    "2024-01-01T00:00:00+0200", "2024-01-01T00:00:00+02", "2024-01-01T00:00:00+24:00",
    "2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00+23:59", "2024-01-01T00:00:00+00:60",
    "2024-01-01T00:00:00-00:00", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00Z",
    "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "10000-01-01T00:00:00Z",
    "-001-01-01T00:00:00Z", "2024-1-01T00:00:00Z", "2024-01-1T00:00:00Z", "2024-01-01T001:00:00Z",
    "2024-01-01T00:00:00.123+01:00", "2024-01-01T00:00:00,123456789123Z", " 2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00Z ", "2024-01-01T00:00:00Z\n", "２024-01-01T00:00:00Z", "2024-01-01T00:00:00+01:00:00",
    "1969-12-31T23:59:59.5Z", "2024-01-01T00:00:00.000000000Z", "2024-01-01T09:00:00Z",
    "2024-01-01T9:00:00Z", "2024-01-01T00:0:00Z", "2024-01-01T00:00:0Z", "2000-02-29T12:00:00Z",
    "1900-02-29T12:00:00Z", "2024-04-31T00:00:00Z", "2024-06-30T00:00:00-23:59",
]
json.dump(durations, open(f"{work}/duration.in.json", "w"), ensure_ascii=False)
json.dump(rfc3339, open(f"{work}/rfc3339.in.json", "w"), ensure_ascii=False)
json.dump(times, open(f"{work}/asn1time.in.json", "w"))
PY

for mode in duration rfc3339 asn1time; do
  "$WORK/timeref" "$mode" < "$WORK/$mode.in.json" > "$WORK/$mode.out.json"
done

"$PYTHON" - "$WORK" "$ROOT/tests/goldens/gotime.json" "$go_version" <<'PY'
import json, sys

work, dest, go_version = sys.argv[1:]
load = lambda mode: json.load(open(f"{work}/{mode}.out.json", encoding="utf-8"))
doc = {"note": "Generated by tools/goref/regen_time.sh from real Go (tools/goref/timeref). Do not edit.",
       "go": go_version, "duration": load("duration"), "rfc3339": load("rfc3339"),
       "asn1time": load("asn1time")}
with open(dest, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=0)
    f.write("\n")
PY
echo "wrote $ROOT/tests/goldens/gotime.json"
