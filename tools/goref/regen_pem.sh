#!/usr/bin/env bash
# regen_pem.sh - rewrite tests/goldens/gopem.json from real Go, for
# pkisign/x509/pem.py (tests/test_pem.py only reads the golden).
#
# Builds tools/goref/pemref with the Go 1.24 toolchain unpacked by
# tools/install-step.sh (standard library only), feeds it the
# corpus below (PEM text with spaces, tabs, CR, LF, VT, FF and non-ASCII
# spaces in every place of a block) and records the blocks pem.Decode finds.
#
# Usage: tools/goref/regen_pem.sh
# Env:   STEP_REF_PREFIX (default /opt/step-sign-ref)
#        PYTHON          (default python3; stdlib only)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/goenv.sh" pemref

"$PYTHON" - "$WORK" <<'PY'
import base64, itertools, json, sys

work = sys.argv[1]
payload = bytes(range(256)) * 2 + b"\x01\x02"   # 514 bytes: a padded last group
b64 = base64.b64encode(payload)
lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
spaces = {"sp": b" ", "tab": b"\t", "cr": b"\r", "crlf": b"\r\n", "lf": b"\n", "vt": b"\x0b", "ff": b"\x0c",
          "nbsp": "\u00a0".encode(), "nel": "\u0085".encode(), "sp2": b"  ", "tabsp": b"\t \t"}


def block(body_lines, label=b"CERTIFICATE", begin_tail=b"", end_tail=b"\n", headers=b""):
    return (b"-----BEGIN " + label + b"-----" + begin_tail + b"\n" + headers + b"\n".join(body_lines)
            + b"\n-----END " + label + b"-----" + end_tail)


cases = []
for name, ws in spaces.items():
    cases.append(block([ws + line for line in lines]))                       # leading
    cases.append(block([line + ws for line in lines]))                       # trailing
    cases.append(block([line[:10] + ws + line[10:] for line in lines]))      # inside
    cases.append(block([ws.join(bytes((c,)) for c in b"".join(lines))]))      # between every character
    cases.append(block(lines[:-1] + [lines[-1][:-2] + ws + lines[-1][-2:]]))  # before the padding
    cases.append(block(lines[:-1] + [lines[-1][:-1] + ws + lines[-1][-1:]]))  # between the = signs
    cases.append(block(lines + [ws]))                                        # a line of it before END
    cases.append(block([ws] + lines))                                        # a line of it after BEGIN
    cases.append(block(lines, begin_tail=ws))                                # after the BEGIN line
    cases.append(block(lines, end_tail=ws + b"\n"))                          # after the END line
    cases.append(block(lines, end_tail=ws))                                  # after END, at the end of input
    cases.append(block(lines, headers=b"Proc-Type:" + ws + b"4,ENCRYPTED\n" + ws + b"\n"))
    cases.append(block(lines, label=b"CERTIFICATE" + ws))                    # in the label
    cases.append(ws + block(lines))                                          # before BEGIN
    cases.append(block([line.replace(b"A", ws) for line in lines]))         # replacing characters
# Headers without a blank line after them, and a body line with a colon.
cases.append(block(lines, headers=b"Proc-Type: 4,ENCRYPTED\n"))
cases.append(block(lines, headers=b" Key : value \n\n"))
cases.append(block([lines[0] + b":"] + lines[1:]))
# Two blocks, the first with spaces inside, and an empty block.
cases.append(block([line[:5] + b" \t " + line[5:] for line in lines]) + block(lines, label=b"X"))
cases.append(b"-----BEGIN E-----\n-----END E-----\n")
cases.append(b"-----BEGIN E-----\n \t\r\n-----END E-----\n")
json.dump([c.hex() for c in cases], open(f"{work}/inputs.json", "w"))
PY

"$WORK/pemref" < "$WORK/inputs.json" > "$WORK/outputs.json"
"$PYTHON" - "$WORK" "$go_version" "$ROOT/tests/goldens/gopem.json" <<'PY'
import json, sys

work, version, target = sys.argv[1:]
inputs = json.load(open(f"{work}/inputs.json"))
outputs = json.load(open(f"{work}/outputs.json"))
record = {"generator": f"tools/goref/regen_pem.sh ({version} encoding/pem.Decode)",
          "cases": [{"input": i, "blocks": o} for i, o in zip(inputs, outputs)]}
with open(target, "w") as f:
    json.dump(record, f, indent=1)
    f.write("\n")
print(f"wrote {len(inputs)} cases to {target}")
PY
