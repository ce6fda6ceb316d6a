{{/* an execution error: field-of-string */}}
{
  "subject": "field-of-string",
  "dnsNames": {{ toJson (.Subject.CommonName.x) }}
}
