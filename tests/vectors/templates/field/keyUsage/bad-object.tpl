{{/* keyUsage {"digitalSignature": true}: refused */}}
{
  "subject": "keyUsage object",
  "keyUsage": {"digitalSignature": true}
}
