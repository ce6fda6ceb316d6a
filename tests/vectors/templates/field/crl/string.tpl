{{/* crlDistributionPoints as a string */}}
{
  "subject": "crlDistributionPoints",
  "crlDistributionPoints": "http://crl.acme.example/root.crl"
}
