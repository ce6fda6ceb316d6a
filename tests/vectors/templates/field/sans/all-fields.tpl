{{/* all four SAN fields: Go writes DNS, email, IP, URI in this order */}}
{
  "subject": "all-fields",
  "uris": ["https://acme.example/id"],
  "ipAddresses": ["198.51.100.7"],
  "emailAddresses": ["ops@acme.example"],
  "dnsNames": ["all.acme.example"]
}
