{{/* a SAN x509util refuses: extended-dns-wildcard */}}
{
  "subject": "extended-dns-wildcard",
  "sans": [{"type": "permanentIdentifier", "value": "p"}, {"type": "dns", "value": "*.acme.example"}]
}
