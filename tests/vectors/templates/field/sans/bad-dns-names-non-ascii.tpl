{{/* Go's encoder refuses non-ASCII DNS names and emails (no IDNA on this path) */}}
{
  "subject": "dns-names-non-ascii",
  "dnsNames": ["b\u00fccher.example"]
}
