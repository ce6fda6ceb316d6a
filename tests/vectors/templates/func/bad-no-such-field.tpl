{{/* an execution error: no-such-field */}}
{
  "subject": "no-such-field",
  "dnsNames": {{ toJson (.Subject.NoSuchField) }}
}
