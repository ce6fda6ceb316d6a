{{/* signatureAlgorithm "ECDSA-SHA256" */}}
{
  "subject": "signatureAlgorithm ECDSA-SHA256",
  "signatureAlgorithm": "ECDSA-SHA256"
}
