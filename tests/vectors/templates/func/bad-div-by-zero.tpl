{{/* an execution error: div-by-zero */}}
{
  "subject": "div-by-zero",
  "dnsNames": {{ toJson (div 1 0) }}
}
