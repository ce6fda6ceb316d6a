{{/* dn (directoryName) from an asn1Value object (same fields as a subject) */}}
{
  "subject": "dn-asn1-value",
  "sans": [
    {"type": "dn", "asn1Value": {"country": "US", "organization": ["Acme", "Acme Labs"], "commonName": "Directory Name", "extraNames": [{"type": "0.9.2342.19200300.100.1.25", "value": "acme"}]}}
  ]
}
