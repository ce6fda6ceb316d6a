{{/* signatureAlgorithm "SHA384-RSA" */}}
{
  "subject": "signatureAlgorithm SHA384-RSA",
  "signatureAlgorithm": "SHA384-RSA"
}
