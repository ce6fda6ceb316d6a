{{/* subject as an object with every field; list fields also as plain strings; multi-valued fields become one multi-valued RDN (DER-sorted) */}}
{
  "subject": {
    "country": ["US", "CA"],
    "province": "California",
    "locality": ["San Francisco"],
    "streetAddress": ["1 Main St", "Suite 100"],
    "postalCode": "94105",
    "organization": "Acme Corp",
    "organizationalUnit": ["Web", "Platform", "Ops"],
    "commonName": "subject-object.acme.example",
    "serialNumber": "SN-0001"
  },
  "dnsNames": "subject-object.acme.example"
}
