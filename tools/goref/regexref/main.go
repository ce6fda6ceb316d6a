// Command regexref prints how Go's regexp package and sprig's regex and atoi
// template functions treat a corpus of cases, and dumps the Unicode tables
// Go's regexp/syntax parser uses. Its output is the golden data for
// pkisign/golang/regexp.py and its sprig wrappers
// (tests/goldens/goregexp.json) and the generated table module
// pkisign/golang/unicode.py; see tools/goref/regen_regexp.sh.
//
// Usage: regexref cases < cases.json > records.json
//        regexref tables > pkisign/golang/unicode.py
//
// A case is {"f": name, "re": pattern, "s": input, "n": int, "repl": text}.
// f is a sprig function name (regexMatch, mustRegexMatch, regexFind,
// mustRegexFind, regexFindAll, mustRegexFindAll, regexReplaceAll,
// mustRegexReplaceAll, regexReplaceAllLiteral, mustRegexReplaceAllLiteral,
// regexSplit, mustRegexSplit, regexQuoteMeta, atoi) or "submatch", which
// records regexp.FindAllStringSubmatchIndex(s, n) (byte offsets), the
// number of groups and SubexpNames. Strings that are not valid UTF-8 are
// {"hex": ...} both ways. A record is {"out": value} or {"err": text}
// (an error returned) or {"panic": text} (a panic, e.g. MustCompile's).
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/Masterminds/sprig"
)

type gostr string

func (s gostr) MarshalJSON() ([]byte, error) {
	if utf8.ValidString(string(s)) {
		return json.Marshal(string(s))
	}
	return json.Marshal(map[string]string{"hex": hex.EncodeToString([]byte(s))})
}

func (s *gostr) UnmarshalJSON(b []byte) error {
	var plain string
	if err := json.Unmarshal(b, &plain); err == nil {
		*s = gostr(plain)
		return nil
	}
	var obj struct{ Hex string }
	if err := json.Unmarshal(b, &obj); err != nil {
		return err
	}
	raw, err := hex.DecodeString(obj.Hex)
	if err != nil {
		return err
	}
	*s = gostr(raw)
	return nil
}

type caseIn struct {
	F    string `json:"f"`
	Re   gostr  `json:"re"`
	S    gostr  `json:"s"`
	N    int    `json:"n"`
	Repl gostr  `json:"repl"`
}

type record struct {
	Out   interface{} `json:"out,omitempty"`
	Err   *gostr      `json:"err,omitempty"`
	Panic *gostr      `json:"panic,omitempty"`
}

func strs(l []string) interface{} {
	if l == nil {
		return "nil"
	}
	out := make([]gostr, len(l))
	for i, s := range l {
		out[i] = gostr(s)
	}
	return out
}

func errText(err error) *gostr {
	if err == nil {
		return nil
	}
	g := gostr(err.Error())
	return &g
}

func run(fm map[string]interface{}, c caseIn) (rec record) {
	defer func() {
		if r := recover(); r != nil {
			g := gostr(fmt.Sprint(r))
			rec = record{Panic: &g}
		}
	}()
	re, s, n, repl := string(c.Re), string(c.S), c.N, string(c.Repl)
	switch c.F {
	case "regexMatch":
		return record{Out: fm[c.F].(func(string, string) bool)(re, s)}
	case "mustRegexMatch":
		v, err := fm[c.F].(func(string, string) (bool, error))(re, s)
		if err != nil {
			return record{Err: errText(err)}
		}
		return record{Out: v}
	case "regexFind":
		return record{Out: gostr(fm[c.F].(func(string, string) string)(re, s))}
	case "mustRegexFind":
		v, err := fm[c.F].(func(string, string) (string, error))(re, s)
		if err != nil {
			return record{Err: errText(err)}
		}
		return record{Out: gostr(v)}
	case "regexFindAll", "regexSplit":
		return record{Out: strs(fm[c.F].(func(string, string, int) []string)(re, s, n))}
	case "mustRegexFindAll", "mustRegexSplit":
		v, err := fm[c.F].(func(string, string, int) ([]string, error))(re, s, n)
		if err != nil {
			return record{Err: errText(err)}
		}
		return record{Out: strs(v)}
	case "regexReplaceAll", "regexReplaceAllLiteral":
		return record{Out: gostr(fm[c.F].(func(string, string, string) string)(re, s, repl))}
	case "mustRegexReplaceAll", "mustRegexReplaceAllLiteral":
		v, err := fm[c.F].(func(string, string, string) (string, error))(re, s, repl)
		if err != nil {
			return record{Err: errText(err)}
		}
		return record{Out: gostr(v)}
	case "regexQuoteMeta":
		return record{Out: gostr(fm[c.F].(func(string) string)(s))}
	case "atoi":
		return record{Out: fm[c.F].(func(string) int)(s)}
	case "submatch":
		r, err := regexp.Compile(re)
		if err != nil {
			return record{Err: errText(err)}
		}
		names := make([]gostr, 0)
		for _, nm := range r.SubexpNames() {
			names = append(names, gostr(nm))
		}
		return record{Out: map[string]interface{}{
			"groups": r.NumSubexp(), "names": names,
			"index": r.FindAllStringSubmatchIndex(s, n),
		}}
	}
	panic("regexref: unknown function " + c.F)
}

func cases() {
	var in []caseIn
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, "regexref:", err)
		os.Exit(1)
	}
	fm := sprig.TxtFuncMap()
	out := make([]record, len(in))
	for i, c := range in {
		out[i] = run(fm, c)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "regexref:", err)
		os.Exit(1)
	}
}

// table renders a RangeTable as "lo-hi/stride" hex triples, space separated.
func table(t *unicode.RangeTable) string {
	var b strings.Builder
	add := func(lo, hi, stride uint32) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if stride == 1 {
			fmt.Fprintf(&b, "%x-%x", lo, hi)
		} else {
			fmt.Fprintf(&b, "%x-%x/%x", lo, hi, stride)
		}
	}
	for _, r := range t.R16 {
		add(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range t.R32 {
		add(r.Lo, r.Hi, r.Stride)
	}
	return b.String()
}

func dict(name string, m map[string]*unicode.RangeTable) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("%s = {\n", name)
	for _, k := range keys {
		fmt.Printf("    %q: %q,\n", k, table(m[k]))
	}
	fmt.Printf("}\n\n")
}

func tables() {
	fmt.Printf("\"\"\"Go %s's Unicode tables used by regexp/syntax and strconv (generated by\n", unicode.Version)
	fmt.Printf("tools/goref/regen_regexp.sh; do not edit).\n\n")
	fmt.Printf("Each table is \"lo-hi\" or \"lo-hi/stride\" hexadecimal ranges; ORBITS lists\n")
	fmt.Printf("unicode.SimpleFold's case-folding orbits, each in increasing order; PRINT\n")
	fmt.Printf("the runes for which strconv.IsPrint is true (what Quote leaves as they are).\n\"\"\"\n\n")
	fmt.Printf("UNICODE_VERSION = %q\n\n", unicode.Version)
	dict("CATEGORIES", unicode.Categories)
	dict("SCRIPTS", unicode.Scripts)
	dict("FOLD_CATEGORY", unicode.FoldCategory)
	dict("FOLD_SCRIPT", unicode.FoldScript)
	var orbits []string
	for r := rune(0); r <= unicode.MaxRune; r++ {
		f := unicode.SimpleFold(r)
		if f == r {
			continue
		}
		// Emit each orbit once, from its smallest member.
		orbit := []rune{r}
		smallest := true
		for g := f; g != r; g = unicode.SimpleFold(g) {
			if g < r {
				smallest = false
				break
			}
			orbit = append(orbit, g)
		}
		if !smallest {
			continue
		}
		sort.Slice(orbit, func(i, j int) bool { return orbit[i] < orbit[j] })
		parts := make([]string, len(orbit))
		for i, o := range orbit {
			parts[i] = fmt.Sprintf("%x", o)
		}
		orbits = append(orbits, strings.Join(parts, ","))
	}
	fmt.Printf("ORBITS = (\n")
	for i := 0; i < len(orbits); i += 8 {
		j := i + 8
		if j > len(orbits) {
			j = len(orbits)
		}
		fmt.Printf("    %q\n", strings.Join(orbits[i:j], " ")+" ")
	}
	fmt.Printf(")\n")
	var printable []string
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !strconv.IsPrint(r) {
			continue
		}
		lo := r
		for r < unicode.MaxRune && strconv.IsPrint(r+1) {
			r++
		}
		printable = append(printable, fmt.Sprintf("%x-%x", lo, r))
	}
	fmt.Printf("\nPRINT = (\n")
	for i := 0; i < len(printable); i += 10 {
		j := i + 10
		if j > len(printable) {
			j = len(printable)
		}
		fmt.Printf("    %q\n", strings.Join(printable[i:j], " ")+" ")
	}
	fmt.Printf(")\n")
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: regexref cases|tables")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "cases":
		cases()
	case "tables":
		tables()
	default:
		fmt.Fprintln(os.Stderr, "usage: regexref cases|tables")
		os.Exit(2)
	}
}
