{{/* crlDistributionPoints list: one DistributionPoint per URL */}}
{
  "subject": "crlDistributionPoints",
  "crlDistributionPoints": ["http://crl1.acme.example/a.crl", "http://crl2.acme.example/b.crl"]
}
