{{/* keyUsage as a single string */}}
{
  "subject": "keyUsage string",
  "keyUsage": "keyAgreement"
}
