{{/* without an extended SAN type, an ip san that does not parse and a uri san that does not parse are silently dropped */}}
{
  "subject": "invalid typed sans are dropped",
  "sans": [
    {"type": "dns", "value": "kept.acme.example"},
    {"type": "ip", "value": "not-an-ip"},
    {"type": "uri", "value": "http://[::1"}
  ]
}
