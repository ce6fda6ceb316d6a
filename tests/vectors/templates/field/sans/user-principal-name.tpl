{{/* userPrincipalName: otherName 1.3.6.1.4.1.311.20.2.3, UTF8String */}}
{
  "subject": "user-principal-name",
  "sans": [
    {"type": "userPrincipalName", "value": "jdoe@ad.acme.example"}
  ]
}
