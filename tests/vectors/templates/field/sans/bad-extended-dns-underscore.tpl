{{/* a SAN x509util refuses: extended-dns-underscore */}}
{
  "subject": "extended-dns-underscore",
  "sans": [{"type": "registeredID", "value": "1.2.3"}, {"type": "dns", "value": "under_score.acme.example"}]
}
