{{/* signatureAlgorithm "SHA512-RSAPSS" */}}
{
  "subject": "signatureAlgorithm SHA512-RSAPSS",
  "signatureAlgorithm": "SHA512-RSAPSS"
}
