// Command timeref prints how Go's time.ParseDuration and encoding/asn1's
// UTCTime and GeneralizedTime parsers treat a list of inputs. Its output is
// the golden data for the duration parser in pkisign/golang/time/__init__.py and
// the ASN.1 time rule in pkisign/golang/x509.py (tests/goldens/gotime.json); see
// tools/goref/regen_time.sh.
//
// Usage: timeref duration|rfc3339|asn1time < inputs.json > records.json
//
//   - duration: per string: the nanoseconds, or ParseDuration's error text.
//   - rfc3339: per string: time.Time.UnmarshalText's instant (Unix seconds
//     and nanoseconds), or its error text.
//   - asn1time: per {"tag": 23|24, "value": "..."}: whether asn1.Unmarshal
//     of that primitive into an interface{} succeeds, or its error text.
package main

import (
	"encoding/asn1"
	"encoding/json"
	"fmt"
	"os"
	"time"
)

type timeIn struct {
	Tag   int    `json:"tag"`
	Value string `json:"value"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: timeref duration|rfc3339|asn1time < inputs.json")
		os.Exit(2)
	}
	dec := json.NewDecoder(os.Stdin)
	var out []map[string]any
	switch os.Args[1] {
	case "duration":
		var in []string
		if err := dec.Decode(&in); err != nil {
			panic(err)
		}
		for _, s := range in {
			d, err := time.ParseDuration(s)
			rec := map[string]any{"in": s}
			if err != nil {
				rec["error"] = err.Error()
			} else {
				rec["ns"] = int64(d)
			}
			out = append(out, rec)
		}
	case "rfc3339":
		var in []string
		if err := dec.Decode(&in); err != nil {
			panic(err)
		}
		for _, s := range in {
			var t time.Time
			err := t.UnmarshalText([]byte(s))
			rec := map[string]any{"in": s}
			if err != nil {
				rec["error"] = err.Error()
			} else {
				rec["unix"] = t.Unix()
				rec["nanos"] = t.Nanosecond()
			}
			out = append(out, rec)
		}
	case "asn1time":
		var in []timeIn
		if err := dec.Decode(&in); err != nil {
			panic(err)
		}
		for _, c := range in {
			der := append([]byte{byte(c.Tag), byte(len(c.Value))}, c.Value...)
			var v interface{}
			_, err := asn1.Unmarshal(der, &v)
			rec := map[string]any{"tag": c.Tag, "value": c.Value, "ok": err == nil}
			if err != nil {
				rec["error"] = err.Error()
			}
			out = append(out, rec)
		}
	default:
		fmt.Fprintln(os.Stderr, "timeref: unknown mode", os.Args[1])
		os.Exit(2)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
