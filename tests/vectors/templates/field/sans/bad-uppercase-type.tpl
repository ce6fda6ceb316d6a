{{/* a SAN x509util refuses: uppercase-type */}}
{
  "subject": "uppercase-type",
  "sans": [{"type": "DNS", "value": "x.acme.example"}]
}
