{{/* an execution error: mustParseTime */}}
{
  "subject": "mustParseTime",
  "dnsNames": {{ toJson (mustParseTime "not a time") }}
}
