{{/* keyUsage crlSign alone */}}
{
  "subject": "keyUsage crlSign",
  "keyUsage": ["crlSign"]
}
