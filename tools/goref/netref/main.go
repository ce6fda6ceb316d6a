// Command netref prints how Go's net and net/url packages, and
// go.step.sm/crypto/x509util.SplitSANs, treat a list of inputs. Its output
// is the golden data for pkisign/golang/net.py (tests/goldens/goturl.json and
// tests/goldens/goip.json); see tools/goref/regen_goldens.sh.
//
// Usage: netref url|ip|bytes|quote|isprint < inputs.json > records.json
//
// Input is a JSON list. Each item is a string, or {"hex": "..."} for a
// string that is not valid UTF-8 (JSON cannot carry such bytes). Every
// string in the output uses the same convention, so the records describe
// Go's byte strings exactly.
//
//   - url:   per string: ParseIP, url.Parse (fields, String(), JSON) or its
//     error text, and the SplitSANs class.
//   - ip:    per string: ParseIP (+ To4, String()) and ParseCIDR.
//   - bytes: per hex string "ip" or "ip/mask": IP.String(), To4, To16,
//     isValidIPMask(ip), and for "ip/mask" IP.Mask(mask).
//   - quote: per string: strconv.Quote (the %q in Go's error texts).
//   - isprint: input ignored; the [first, last] rune ranges for which
//     strconv.IsPrint (which decides what Quote escapes) is true.
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.step.sm/crypto/x509util"
)

// gostr is a Go string that marshals as a JSON string when it is valid
// UTF-8 and as {"hex": ...} otherwise.
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

func hexOrNil(b []byte) *string {
	if b == nil {
		return nil
	}
	h := hex.EncodeToString(b)
	return &h
}

type userRec struct {
	Username    gostr `json:"username"`
	Password    gostr `json:"password"`
	PasswordSet bool  `json:"password_set"`
}

type urlRec struct {
	Scheme      gostr    `json:"scheme"`
	Opaque      gostr    `json:"opaque"`
	User        *userRec `json:"user"`
	Host        gostr    `json:"host"`
	Path        gostr    `json:"path"`
	RawPath     gostr    `json:"raw_path"`
	OmitHost    bool     `json:"omit_host"`
	ForceQuery  bool     `json:"force_query"`
	RawQuery    gostr    `json:"raw_query"`
	Fragment    gostr    `json:"fragment"`
	RawFragment gostr    `json:"raw_fragment"`
	String      gostr    `json:"string"`
	// JSON is what json.Marshal(u) writes (Go's encoder replaces invalid
	// UTF-8, so it is always valid JSON text).
	JSON json.RawMessage `json:"json"`
}

type urlModeRec struct {
	In       gostr   `json:"in"`
	IP       *string `json:"ip"`
	IPString gostr   `json:"ip_string"`
	URL      *urlRec `json:"url"`
	URLError *gostr  `json:"url_error"`
	SAN      string  `json:"san"`
}

type ipModeRec struct {
	In        gostr   `json:"in"`
	IP        *string `json:"ip"`
	IPTo4     *string `json:"ip_to4"`
	IPString  gostr   `json:"ip_string"`
	CIDRIP    *string `json:"cidr_ip"`
	CIDRNetIP *string `json:"cidr_net_ip"`
	CIDRMask  *string `json:"cidr_mask"`
	CIDRError *gostr  `json:"cidr_error"`
}

type bytesModeRec struct {
	In          string  `json:"in"`
	String      gostr   `json:"string"`
	To4         *string `json:"to4"`
	To16        *string `json:"to16"`
	ValidIPMask bool    `json:"valid_ip_mask"`
	Masked      *string `json:"masked,omitempty"`
}

// isValidIPMask is crypto/x509's unexported check (parser.go), copied so
// the goldens test our port against the same rule.
func isValidIPMask(mask []byte) bool {
	seenZero := false
	for _, b := range mask {
		if seenZero {
			if b != 0 {
				return false
			}
			continue
		}
		switch b {
		case 0x00, 0x80, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc, 0xfe:
			seenZero = true
		case 0xff:
		default:
			return false
		}
	}
	return true
}

func sanClass(s string) string {
	dns, ips, emails, uris := x509util.SplitSANs([]string{s})
	switch {
	case len(ips) == 1:
		return "ip"
	case len(uris) == 1:
		return "uri"
	case len(emails) == 1:
		return "email"
	case len(dns) == 1:
		return "dns"
	}
	panic("SplitSANs lost " + s)
}

func urlMode(in []gostr) any {
	out := make([]urlModeRec, 0, len(in))
	for _, gs := range in {
		s := string(gs)
		r := urlModeRec{In: gs, SAN: sanClass(s)}
		ip := net.ParseIP(s)
		r.IP = hexOrNil(ip)
		r.IPString = gostr(ip.String())
		u, err := url.Parse(s)
		if err != nil {
			e := gostr(err.Error())
			r.URLError = &e
		} else {
			j, jerr := json.Marshal(u)
			if jerr != nil {
				panic(jerr)
			}
			ur := &urlRec{
				Scheme: gostr(u.Scheme), Opaque: gostr(u.Opaque), Host: gostr(u.Host),
				Path: gostr(u.Path), RawPath: gostr(u.RawPath), OmitHost: u.OmitHost,
				ForceQuery: u.ForceQuery, RawQuery: gostr(u.RawQuery),
				Fragment: gostr(u.Fragment), RawFragment: gostr(u.RawFragment),
				String: gostr(u.String()), JSON: j,
			}
			if u.User != nil {
				p, set := u.User.Password()
				ur.User = &userRec{Username: gostr(u.User.Username()), Password: gostr(p), PasswordSet: set}
			}
			r.URL = ur
		}
		out = append(out, r)
	}
	return out
}

func ipMode(in []gostr) any {
	out := make([]ipModeRec, 0, len(in))
	for _, gs := range in {
		s := string(gs)
		r := ipModeRec{In: gs}
		ip := net.ParseIP(s)
		r.IP = hexOrNil(ip)
		r.IPTo4 = hexOrNil(ip.To4())
		r.IPString = gostr(ip.String())
		cip, cnet, err := net.ParseCIDR(s)
		if err != nil {
			e := gostr(err.Error())
			r.CIDRError = &e
		} else {
			r.CIDRIP = hexOrNil(cip)
			r.CIDRNetIP = hexOrNil(cnet.IP)
			r.CIDRMask = hexOrNil(cnet.Mask)
		}
		out = append(out, r)
	}
	return out
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func bytesMode(in []gostr) any {
	out := make([]bytesModeRec, 0, len(in))
	for _, gs := range in {
		s := string(gs)
		ipHex, maskHex, hasMask := strings.Cut(s, "/")
		ip := net.IP(mustHex(ipHex))
		r := bytesModeRec{
			In: s, String: gostr(ip.String()), To4: hexOrNil(ip.To4()),
			To16: hexOrNil(ip.To16()), ValidIPMask: isValidIPMask(ip),
		}
		if hasMask {
			m := ip.Mask(net.IPMask(mustHex(maskHex)))
			h := hex.EncodeToString(m)
			if m == nil {
				h = "<nil>"
			}
			r.Masked = &h
		}
		out = append(out, r)
	}
	return out
}

type quoteModeRec struct {
	In     gostr  `json:"in"`
	Quoted string `json:"quoted"`
}

func quoteMode(in []gostr) any {
	out := make([]quoteModeRec, 0, len(in))
	for _, gs := range in {
		out = append(out, quoteModeRec{In: gs, Quoted: strconv.Quote(string(gs))})
	}
	return out
}

func isPrintRanges() any {
	out := [][2]rune{}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !strconv.IsPrint(r) {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == r-1 {
			out[n-1][1] = r
		} else {
			out = append(out, [2]rune{r, r})
		}
	}
	return out
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: netref url|ip|bytes|quote|isprint < inputs.json")
		os.Exit(2)
	}
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	var in []gostr
	if err := json.Unmarshal(data, &in); err != nil {
		fmt.Fprintln(os.Stderr, "netref: bad input:", err)
		os.Exit(1)
	}
	var out any
	switch os.Args[1] {
	case "url":
		out = urlMode(in)
	case "ip":
		out = ipMode(in)
	case "bytes":
		out = bytesMode(in)
	case "quote":
		out = quoteMode(in)
	case "isprint":
		out = isPrintRanges()
	default:
		fmt.Fprintln(os.Stderr, "netref: unknown mode", os.Args[1])
		os.Exit(2)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
