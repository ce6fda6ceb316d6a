{{/* an execution error: fail-empty-message */}}
{
  "subject": "fail-empty-message",
  "dnsNames": {{ toJson (fail "") }}
}
