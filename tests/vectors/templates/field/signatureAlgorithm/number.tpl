{{/* signatureAlgorithm must be a string */}}
{
  "subject": "signatureAlgorithm 4",
  "signatureAlgorithm": 4
}
