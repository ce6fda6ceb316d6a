{{/* a SAN x509util refuses: unknown-type */}}
{
  "subject": "unknown-type",
  "sans": [{"type": "foo", "value": "x"}]
}
