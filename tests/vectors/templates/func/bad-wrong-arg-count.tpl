{{/* an execution error: wrong-arg-count */}}
{
  "subject": "wrong-arg-count",
  "dnsNames": {{ toJson (upper "a" "b") }}
}
