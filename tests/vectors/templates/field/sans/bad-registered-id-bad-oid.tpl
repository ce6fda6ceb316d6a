{{/* a SAN x509util refuses: registered-id-bad-oid */}}
{
  "subject": "registered-id-bad-oid",
  "sans": [{"type": "registeredID", "value": "1.2.x"}]
}
