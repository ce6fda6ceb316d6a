// Command certparse prints what Go's crypto/x509.ParseCertificate says about
// each certificate of a list. Its output is the golden data for
// pkisign/golang/x509.py (tests/goldens/goparse.json); see
// tools/goref/regen_goparse.sh.
//
// Usage:
//
//	certparse parse < certs.json > results.json
//	certparse seed > seeds.json
//
// parse: input is a JSON list of hex-encoded DER certificates; output is a
// JSON list with one object per input, in order:
//
//	{"result": "ok", "unhandled": ["2.5.29.99", ...]}
//	{"result": "<err.Error()>"}
//
// where "unhandled" is Certificate.UnhandledCriticalExtensions (dotted OIDs)
// of a certificate that parsed. ParseCertificate never checks signatures.
//
// seed: prints a JSON object name -> hex DER of a few certificates made by
// x509.CreateCertificate (Ed25519 issuer key from a fixed seed, fixed
// dates and serials, so the output never changes). The corpus generator
// mutates them.
package main

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/url"
	"os"
	"time"
)

type result struct {
	Result    string   `json:"result"`
	Unhandled []string `json:"unhandled,omitempty"`
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "certparse: "+format+"\n", args...)
	os.Exit(1)
}

func parse() {
	var inputs []string
	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
		fail("reading input: %v", err)
	}
	out := make([]result, 0, len(inputs))
	for i, h := range inputs {
		der, err := hex.DecodeString(h)
		if err != nil {
			fail("input %d: %v", i, err)
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			out = append(out, result{Result: err.Error()})
			continue
		}
		r := result{Result: "ok"}
		for _, oid := range cert.UnhandledCriticalExtensions {
			r.Unhandled = append(r.Unhandled, oid.String())
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fail("writing output: %v", err)
	}
}

func mustOID(arcs ...uint64) x509.OID {
	oid, err := x509.OIDFromInts(arcs)
	if err != nil {
		panic(err)
	}
	return oid
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func seed() {
	signer := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	edPub := ed25519.NewKeyFromSeed([]byte("pkisign goparse seed key 32bytes")).Public()
	point := func(c elliptic.Curve) *ecdsa.PublicKey {
		p := c.Params()
		return &ecdsa.PublicKey{Curve: c, X: p.Gx, Y: p.Gy}
	}
	n, _ := new(big.Int).SetString("c4f8e9e15dcadf2b96c763d981006a644ffb4415030a16ed1283883340f2aa0e2be2be8fa60150b9046965837c3e7d151b7de237ebb957c20663898050b3b6d3d66e3d0ea34ff8d3ac21fb0fb02cd8bf4c1e7a4f8bcf3d8e4e5e1b3b3c0bd1b2a77a0e2e2c5e3d9ac7b5d8f3a1c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f5", 16)
	rsaPub := &rsa.PublicKey{N: n, E: 65537}

	notBefore := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	notAfter := time.Date(2050, 6, 7, 8, 9, 10, 0, time.UTC) // GeneralizedTime
	issuer := pkix.Name{CommonName: "pkisign goparse CA", Organization: []string{"pkisign"}, Country: []string{"NL"}}
	_, cidr4, _ := net.ParseCIDR("192.0.2.0/24")
	_, cidr6, _ := net.ParseCIDR("2001:db8::/32")

	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(0x1234567890),
		Subject: pkix.Name{
			CommonName: "leaf.example.com", Organization: []string{"Org & Co*"},
			OrganizationalUnit: []string{"Unit"}, Locality: []string{"Zürich"},
			Province: []string{"ZH"}, StreetAddress: []string{"Main 1"}, PostalCode: []string{"8000"},
			SerialNumber: "42", Country: []string{"CH"},
		},
		NotBefore:             notBefore,
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment | x509.KeyUsageDecipherOnly,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{{1, 3, 6, 1, 4, 1, 99999, 1}},
		BasicConstraintsValid: true,
		SubjectKeyId:          []byte{1, 2, 3, 4, 5, 6, 7, 8},
		DNSNames:              []string{"leaf.example.com", "*.example.com"},
		EmailAddresses:        []string{"jane@example.com"},
		IPAddresses:           []net.IP{net.ParseIP("192.0.2.1"), net.ParseIP("2001:db8::1")},
		URIs:                  []*url.URL{mustURL("spiffe://example.org/ns/a"), mustURL("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6")},
		OCSPServer:            []string{"http://ocsp.example.com"},
		IssuingCertificateURL: []string{"http://ca.example.com/ca.crt"},
		CRLDistributionPoints: []string{"http://crl.example.com/a.crl", "ldap://crl.example.com/cn=x"},
		Policies:              []x509.OID{mustOID(2, 23, 140, 1, 2, 1), mustOID(1, 2, 3, 1<<40, 5)},
		ExtraExtensions: []pkix.Extension{
			{Id: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 2}, Value: []byte{0x05, 0x00}},
			{Id: asn1.ObjectIdentifier{2, 5, 29, 36}, Critical: true, Value: []byte{0x30, 0x06, 0x80, 0x01, 0x00, 0x81, 0x01, 0x02}},
			{Id: asn1.ObjectIdentifier{2, 5, 29, 54}, Critical: true, Value: []byte{0x02, 0x01, 0x01}},
			{Id: asn1.ObjectIdentifier{2, 5, 29, 33}, Value: []byte{0x30, 0x0a, 0x30, 0x08, 0x06, 0x02, 0x2a, 0x03, 0x06, 0x02, 0x2a, 0x04}},
		},
	}
	ca := &x509.Certificate{
		SerialNumber:                big.NewInt(1),
		Subject:                     issuer,
		NotBefore:                   notBefore,
		NotAfter:                    time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC),
		KeyUsage:                    x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid:       true,
		IsCA:                        true,
		MaxPathLen:                  1,
		PermittedDNSDomainsCritical: true,
		PermittedDNSDomains:         []string{"example.com", ".example.org"},
		ExcludedDNSDomains:          []string{"bad.example.com"},
		PermittedIPRanges:           []*net.IPNet{cidr4},
		ExcludedIPRanges:            []*net.IPNet{cidr6},
		PermittedEmailAddresses:     []string{"jane@example.com", ".example.com"},
		ExcludedEmailAddresses:      []string{"example.net"},
		PermittedURIDomains:         []string{".example.com"},
		ExcludedURIDomains:          []string{"bad.example.org"},
	}
	rsaLeaf := &x509.Certificate{
		SerialNumber: new(big.Int).Lsh(big.NewInt(1), 158),
		Subject:      pkix.Name{CommonName: "rsa"},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		DNSNames:     []string{"rsa.example.com"},
	}
	plain := &x509.Certificate{
		SerialNumber: big.NewInt(7),
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		URIs:         []*url.URL{mustURL("https://user@[::1]:8443/p?q#f")},
	}

	seeds := map[string]string{}
	add := func(name string, tmpl *x509.Certificate, pub any) {
		parent := &x509.Certificate{Subject: issuer, SubjectKeyId: []byte{9, 9, 9, 9}}
		der, err := x509.CreateCertificate(nil, tmpl, parent, pub, signer)
		if err != nil {
			fail("seed %s: %v", name, err)
		}
		seeds[name] = hex.EncodeToString(der)
	}
	add("go-leaf-ed25519", leaf, edPub)
	add("go-ca-p256", ca, point(elliptic.P256()))
	add("go-rsa", rsaLeaf, rsaPub)
	add("go-p224", plain, point(elliptic.P224()))
	add("go-p384", rsaLeaf, point(elliptic.P384()))
	add("go-p521", plain, point(elliptic.P521()))
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(seeds); err != nil {
		fail("writing output: %v", err)
	}
}

func main() {
	if len(os.Args) != 2 {
		fail("usage: certparse parse|seed")
	}
	switch os.Args[1] {
	case "parse":
		parse()
	case "seed":
		seed()
	default:
		fail("usage: certparse parse|seed")
	}
}
