{{/* keyUsage keyAgreement alone */}}
{
  "subject": "keyUsage keyAgreement",
  "keyUsage": ["keyAgreement"]
}
