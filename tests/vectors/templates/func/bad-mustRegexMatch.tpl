{{/* an execution error: mustRegexMatch */}}
{
  "subject": "mustRegexMatch",
  "dnsNames": {{ toJson (mustRegexMatch "(" "x") }}
}
