// Command bigref prints what Go's math/big Int.SetString(s, 0) makes of a
// list of strings: the golden data for pkisign/golang/big.py
// (tests/goldens/gobig.json); see tools/goref/regen_big.sh.
//
// Usage: bigref < inputs.json > records.json
//
// Per string: {"in": s, "ok": true, "value": decimal} or {"in": s, "ok": false}.
package main

import (
	"encoding/json"
	"math/big"
	"os"
)

func main() {
	var in []string
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	out := make([]map[string]any, 0, len(in))
	for _, s := range in {
		n, ok := new(big.Int).SetString(s, 0)
		rec := map[string]any{"in": s, "ok": ok}
		if ok {
			rec["value"] = n.String()
		}
		out = append(out, rec)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
