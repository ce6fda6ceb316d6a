{{/* signatureAlgorithm "sha384-rsa" */}}
{
  "subject": "signatureAlgorithm sha384-rsa",
  "signatureAlgorithm": "sha384-rsa"
}
