{{/* Go's encoder refuses non-ASCII DNS names and emails (no IDNA on this path) */}}
{
  "subject": "typed-dns-non-ascii",
  "sans": [{"type": "dns", "value": "b\u00fccher.example"}]
}
