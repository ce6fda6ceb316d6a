{{/* signatureAlgorithm "ECDSA-SHA512" */}}
{
  "subject": "signatureAlgorithm ECDSA-SHA512",
  "signatureAlgorithm": "ECDSA-SHA512"
}
