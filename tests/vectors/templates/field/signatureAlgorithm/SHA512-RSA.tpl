{{/* signatureAlgorithm "SHA512-RSA" */}}
{
  "subject": "signatureAlgorithm SHA512-RSA",
  "signatureAlgorithm": "SHA512-RSA"
}
