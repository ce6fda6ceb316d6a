{{/* a SAN x509util refuses: permanent-identifier-bad-asn1-value */}}
{
  "subject": "permanent-identifier-bad-asn1-value",
  "sans": [{"type": "permanentIdentifier", "asn1Value": {"identifier": 5}}]
}
