{{/* extKeyUsage "server auth": refused */}}
{
  "subject": "extKeyUsage space",
  "extKeyUsage": "server auth"
}
