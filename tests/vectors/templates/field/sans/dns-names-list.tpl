{{/* dnsNames list: Go's encoder keeps case, wildcards, trailing dots and underscores */}}
{
  "subject": "dns-names-list",
  "dnsNames": ["a.acme.example", "*.Wild.Acme.Example", "trailing.dot.", "under_score.acme.example", "localhost"]
}
