{{/* an execution error: wrong-arg-type */}}
{
  "subject": "wrong-arg-type",
  "dnsNames": {{ toJson (upper .SANs) }}
}
