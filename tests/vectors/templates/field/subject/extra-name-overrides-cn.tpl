{{/* an extraName with the OID of a standard attribute replaces that attribute */}}
{
  "subject": {
    "organization": "Acme Corp",
    "commonName": "this CN is dropped",
    "extraNames": [
      {"type": "2.5.4.3", "value": "CN from extraNames"},
      {"type": "2.5.4.10", "value": "O from extraNames"}
    ]
  }
}
