{{/* signatureAlgorithm "Ed25519" */}}
{
  "subject": "signatureAlgorithm Ed25519",
  "signatureAlgorithm": "Ed25519"
}
