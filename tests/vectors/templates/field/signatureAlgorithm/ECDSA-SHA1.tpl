{{/* signatureAlgorithm "ECDSA-SHA1" */}}
{
  "subject": "signatureAlgorithm ECDSA-SHA1",
  "signatureAlgorithm": "ECDSA-SHA1"
}
