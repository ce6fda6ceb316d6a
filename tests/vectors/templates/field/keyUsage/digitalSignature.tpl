{{/* keyUsage digitalSignature alone */}}
{
  "subject": "keyUsage digitalSignature",
  "keyUsage": ["digitalSignature"]
}
