{{/* a SAN x509util refuses: registered-id-empty */}}
{
  "subject": "registered-id-empty",
  "sans": [{"type": "registeredID"}]
}
