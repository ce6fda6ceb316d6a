{{/* keyUsage ["digitalSignature", "foo"]: refused */}}
{
  "subject": "keyUsage unknown",
  "keyUsage": ["digitalSignature", "foo"]
}
