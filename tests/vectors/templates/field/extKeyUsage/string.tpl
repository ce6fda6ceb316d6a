{{/* extKeyUsage as a single string */}}
{
  "subject": "extKeyUsage string",
  "extKeyUsage": "emailProtection"
}
