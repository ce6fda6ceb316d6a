{{/* a SAN x509util refuses: extended-email-non-ascii */}}
{
  "subject": "extended-email-non-ascii",
  "sans": [{"type": "registeredID", "value": "1.2.3"}, {"type": "email", "value": "j\u00f6rg@acme.example"}]
}
