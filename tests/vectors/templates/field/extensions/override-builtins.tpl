{{/* raw extKeyUsage, basicConstraints, subjectKeyIdentifier, authorityKeyIdentifier and subjectAltName extensions replace the built-in ones; with a raw SAN, dnsNames and sans are ignored (even an extended SAN type) */}}
{
  "subject": "built-ins from extensions",
  "dnsNames": ["ignored.acme.example"],
  "sans": [{"type": "permanentIdentifier", "value": "ignored"}],
  "extKeyUsage": ["serverAuth"],
  "basicConstraints": {"isCA": true, "maxPathLen": 2},
  "extensions": [
    {"id": "2.5.29.37", "value": "MAoGCCsGAQUFBwMI"},
    {"id": "2.5.29.19", "critical": true, "value": "MAA="},
    {"id": "2.5.29.14", "value": "BATerb7v"},
    {"id": "2.5.29.35", "value": "MAaABAECAwQ="},
    {"id": "2.5.29.17", "value": "MByCFHJhdy1zYW4uYWNtZS5leGFtcGxlhwTAAALI"}
  ]
}
