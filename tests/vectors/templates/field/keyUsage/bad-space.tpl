{{/* keyUsage "digital signature": refused */}}
{
  "subject": "keyUsage space",
  "keyUsage": "digital signature"
}
