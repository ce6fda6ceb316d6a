{{/* an execution error: sprig-slice-string */}}
{
  "subject": "sprig-slice-string",
  "dnsNames": {{ toJson (slice "abc" 1) }}
}
