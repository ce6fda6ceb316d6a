{{/* a SAN x509util refuses: dn-empty-object */}}
{
  "subject": "dn-empty-object",
  "sans": [{"type": "dn", "asn1Value": {}}]
}
