{{/* signatureAlgorithm "ED25519" */}}
{
  "subject": "signatureAlgorithm ED25519",
  "signatureAlgorithm": "ED25519"
}
