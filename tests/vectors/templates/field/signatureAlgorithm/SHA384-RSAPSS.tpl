{{/* signatureAlgorithm "SHA384-RSAPSS" */}}
{
  "subject": "signatureAlgorithm SHA384-RSAPSS",
  "signatureAlgorithm": "SHA384-RSAPSS"
}
