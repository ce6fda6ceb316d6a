{{/* signatureAlgorithm "MD5-RSA" */}}
{
  "subject": "signatureAlgorithm MD5-RSA",
  "signatureAlgorithm": "MD5-RSA"
}
