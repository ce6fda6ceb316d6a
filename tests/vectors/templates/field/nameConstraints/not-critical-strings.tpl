{{/* nameConstraints lists given as single strings; not critical */}}
{
  "subject": "nameConstraints strings",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": 0},
  "nameConstraints": {
    "permittedDNSDomains": "acme.example",
    "excludedIPRanges": "0.0.0.0/0",
    "permittedEmailAddresses": "acme.example",
    "excludedURIDomains": "bad.example"
  }
}
