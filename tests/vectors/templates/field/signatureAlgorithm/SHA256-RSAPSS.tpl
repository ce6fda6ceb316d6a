{{/* signatureAlgorithm "SHA256-RSAPSS" */}}
{
  "subject": "signatureAlgorithm SHA256-RSAPSS",
  "signatureAlgorithm": "SHA256-RSAPSS"
}
