{{/* signatureAlgorithm "MD2-RSA" */}}
{
  "subject": "signatureAlgorithm MD2-RSA",
  "signatureAlgorithm": "MD2-RSA"
}
