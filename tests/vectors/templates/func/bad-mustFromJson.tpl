{{/* an execution error: mustFromJson */}}
{
  "subject": "mustFromJson",
  "dnsNames": {{ toJson (mustFromJson "{bad") }}
}
