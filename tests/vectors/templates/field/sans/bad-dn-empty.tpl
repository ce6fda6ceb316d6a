{{/* a SAN x509util refuses: dn-empty */}}
{
  "subject": "dn-empty",
  "sans": [{"type": "dn"}]
}
