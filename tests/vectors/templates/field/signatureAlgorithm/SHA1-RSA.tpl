{{/* signatureAlgorithm "SHA1-RSA" */}}
{
  "subject": "signatureAlgorithm SHA1-RSA",
  "signatureAlgorithm": "SHA1-RSA"
}
