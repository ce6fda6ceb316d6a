{{/* signatureAlgorithm "SHA256-RSA" */}}
{
  "subject": "signatureAlgorithm SHA256-RSA",
  "signatureAlgorithm": "SHA256-RSA"
}
