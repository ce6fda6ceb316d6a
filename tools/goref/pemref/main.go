// pemref reads a JSON list of hex-encoded inputs on stdin and writes, for
// each, the blocks Go's encoding/pem finds in it (pem.Decode called until
// it returns nil), as JSON on stdout.  Used by regen_pem.sh only.
package main

import (
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"os"
)

type block struct {
	Type    string            `json:"type"`
	Headers map[string]string `json:"headers"`
	Bytes   string            `json:"bytes"`
}

func main() {
	var inputs []string
	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
		panic(err)
	}
	out := make([][]block, 0, len(inputs))
	for _, h := range inputs {
		rest, err := hex.DecodeString(h)
		if err != nil {
			panic(err)
		}
		blocks := []block{}
		for {
			var p *pem.Block
			p, rest = pem.Decode(rest)
			if p == nil {
				break
			}
			blocks = append(blocks, block{p.Type, p.Headers, hex.EncodeToString(p.Bytes)})
		}
		out = append(out, blocks)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
