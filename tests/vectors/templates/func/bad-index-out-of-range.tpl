{{/* an execution error: index-out-of-range */}}
{
  "subject": "index-out-of-range",
  "dnsNames": {{ toJson (index .SANs 99) }}
}
