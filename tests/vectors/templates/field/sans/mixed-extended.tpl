{{/* an extended type among standard SANs: x509util writes the dnsNames, emailAddresses, ipAddresses and uris fields, then every san in template order; DNS names go through IDNA (lower case, punycode) */}}
{
  "subject": "mixed standard and extended sans",
  "uris": ["https://acme.example/field"],
  "ipAddresses": ["192.0.2.1", "::ffff:192.0.2.2"],
  "emailAddresses": ["field@acme.example"],
  "dnsNames": ["Field.Acme.Example"],
  "sans": [
    {"type": "permanentIdentifier", "value": "PID-1"},
    {"type": "dns", "value": "B\u00fccher.Example"},
    {"type": "email", "value": "sans@acme.example"},
    {"type": "uri", "value": "spiffe://acme.example/sans"},
    {"type": "ip", "value": "2001:db8::2"},
    {"type": "auto", "value": "Auto.Acme.Example"},
    {"type": "", "value": "192.0.2.3"},
    {"type": "registeredID", "value": "1.2.3.4"},
    {"type": "userPrincipalName", "value": "upn@acme.example"}
  ]
}
