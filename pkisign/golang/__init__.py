"""Ports of Go's standard library: one module per Go package, pinned by goldens made by real Go.

==================  ==========================================================
module              Go package
==================  ==========================================================
``time``            time: ParseDuration, RFC 3339, the calendar (instants as
                    integers); ``time.values``: Time, Duration, Location and
                    layouts as template values
``strconv``         strconv: quoting, IsPrint, number parsing and formatting
``unicode``         unicode: the tables strconv and regexp use
``regexp``          regexp (RE2)
``fmt``             fmt: Sprint, Sprintf and ``%v``
``reflect``         reflect: the Go value model the other ports share
``json``            encoding/json: Marshal, the decoder, Unmarshal's rules
``big``             math/big: Int.SetString
``net``             net and net/url: IPs, masks, CIDRs, URLs
``crypto``          crypto/rsa, crypto/ecdsa (elliptic), crypto/ed25519 key checks
``asn1``            encoding/asn1: string types and times
``x509``            crypto/x509's parsers: parsePublicKey and the checks of
                    ParseCertificate
==================  ==========================================================

docs/go-ports.md lists every rule with its golden and generator.  Nothing
here imports the rest of pkisign (tests/test_layers.py).
"""
