{{/* signatureAlgorithm "": the default of the issuer key */}}
{
  "subject": "signatureAlgorithm empty",
  "signatureAlgorithm": ""
}
