{{/* signatureAlgorithm "ECDSA-SHA384" */}}
{
  "subject": "signatureAlgorithm ECDSA-SHA384",
  "signatureAlgorithm": "ECDSA-SHA384"
}
