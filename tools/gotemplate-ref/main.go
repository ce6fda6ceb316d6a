// Command gotemplate-ref renders a Go text/template the way step's
// x509util.WithTemplate does, for differential tests of pkisign.template.
//
//	gotemplate-ref TEMPLATE_FILE [DATA_JSON_FILE]
//
// The template is parsed as template.New("template").Funcs(funcMap) where
// funcMap is x509util.GetFuncMap() (sprig's TxtFuncMap without env and
// expandenv, step's time functions and asn1 encoders) with "fail" replaced
// as go.step.sm/crypto/internal/templates does, so that a failed template
// reports the fail message alone, like x509util.
//
// The output is written to stdout with exit status 0. On error the error
// text is written to stdout (no newline) with exit status 1; a bad command
// line or data file exits 2.
//
// Data is JSON decoded into interface{} (float64 numbers, map[string]interface{}),
// except that an object with a single key starting with "@" builds a typed Go
// value, so tests can reach types JSON cannot express:
//
//	{"@int": 3} {"@int64": 3} {"@uint8": 3} {"@uint": 3} {"@float32": 1.5}
//	{"@bytes": "base64"}  {"@strings": ["a"]}  {"@ints": [1]}  {"@smap": {"a": "b"}}
//	{"@nil": "[]string" | "map[string]string" | "*main.Person" | "[]interface {}"}
//	{"@time": "RFC 3339 text"}  {"@duration": nanoseconds}  {"@ip": "10.0.0.1"}
//	{"@person": {...}}  {"@*person": {...}}  (main.Person, see below)
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"text/template"
	"time"

	"go.step.sm/crypto/x509util"
)

// Person is a struct with the json tag shapes certificate types use.
type Person struct {
	Name   string      `json:"name"`
	Age    int         `json:"age,omitempty"`
	Tags   []string    `json:"tags,omitempty"`
	Secret string      `json:"-"`
	Friend *Person     `json:"friend,omitempty"`
	Extra  interface{} `json:"extra"`
	Addr   net.IP      `json:"addr,omitempty"`
}

func typed(tag string, raw json.RawMessage) (interface{}, error) {
	var err error
	switch tag {
	case "@int", "@int64", "@uint8", "@uint", "@float32", "@duration":
		var f float64
		if err = json.Unmarshal(raw, &f); err != nil {
			return nil, err
		}
		switch tag {
		case "@int":
			return int(f), nil
		case "@int64":
			return int64(f), nil
		case "@uint8":
			return uint8(f), nil
		case "@uint":
			return uint(f), nil
		case "@float32":
			return float32(f), nil
		default:
			return time.Duration(int64(f)), nil
		}
	case "@bytes":
		var s string
		if err = json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return base64.StdEncoding.DecodeString(s)
	case "@strings":
		var v []string
		err = json.Unmarshal(raw, &v)
		return v, err
	case "@ints":
		var v []int
		err = json.Unmarshal(raw, &v)
		return v, err
	case "@smap":
		var v map[string]string
		err = json.Unmarshal(raw, &v)
		return v, err
	case "@nil":
		var s string
		if err = json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		switch s {
		case "[]string":
			return []string(nil), nil
		case "map[string]string":
			return map[string]string(nil), nil
		case "*main.Person":
			return (*Person)(nil), nil
		case "[]interface {}":
			return []interface{}(nil), nil
		}
		return nil, fmt.Errorf("unknown @nil type %s", s)
	case "@time":
		var s string
		if err = json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return time.Parse(time.RFC3339Nano, s)
	case "@ip":
		var s string
		if err = json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return net.ParseIP(s), nil
	case "@person", "@*person":
		var p Person
		if err = json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		if p.Extra, err = convertRaw(raw, "extra"); err != nil {
			return nil, err
		}
		if tag == "@person" {
			return p, nil
		}
		return &p, nil
	}
	return nil, fmt.Errorf("unknown tag %s", tag)
}

// convertRaw converts the member key of a JSON object with the tag rules.
func convertRaw(raw json.RawMessage, key string) (interface{}, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	v, ok := m[key]
	if !ok {
		return nil, nil
	}
	return convert(v)
}

func convert(raw json.RawMessage) (interface{}, error) {
	trimmed := bytes.TrimSpace(raw)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '{':
		var m map[string]json.RawMessage
		if err := json.Unmarshal(trimmed, &m); err != nil {
			return nil, err
		}
		if len(m) == 1 {
			for k, v := range m {
				if strings.HasPrefix(k, "@") {
					return typed(k, v)
				}
			}
		}
		out := make(map[string]interface{}, len(m))
		for k, v := range m {
			c, err := convert(v)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case len(trimmed) > 0 && trimmed[0] == '[':
		var l []json.RawMessage
		if err := json.Unmarshal(trimmed, &l); err != nil {
			return nil, err
		}
		out := make([]interface{}, len(l))
		for i, v := range l {
			c, err := convert(v)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	var v interface{}
	err := json.Unmarshal(trimmed, &v)
	return v, err
}

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: gotemplate-ref TEMPLATE_FILE [DATA_JSON_FILE]")
		os.Exit(2)
	}
	text, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var data interface{}
	if len(os.Args) == 3 {
		raw, err := os.ReadFile(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if data, err = convert(raw); err != nil {
			fmt.Fprintln(os.Stderr, "data:", err)
			os.Exit(2)
		}
	}

	var failMessage string
	funcMap := x509util.GetFuncMap()
	funcMap["fail"] = func(msg string) (string, error) {
		failMessage = msg
		return "", errors.New(msg)
	}
	tmpl, err := template.New("template").Funcs(funcMap).Parse(string(text))
	if err != nil {
		fmt.Print(err.Error())
		os.Exit(1)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		if failMessage != "" {
			fmt.Print(failMessage)
		} else {
			fmt.Print(err.Error())
		}
		os.Exit(1)
	}
	os.Stdout.Write(buf.Bytes())
}
