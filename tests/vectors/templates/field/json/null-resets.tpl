{{/* null values: a later null clears subject, keyUsage and dnsNames; null lists are empty */}}
{
  "subject": {"commonName": "reset by null"},
  "dnsNames": ["reset.acme.example"],
  "keyUsage": "digitalSignature",
  "subject": null,
  "keyUsage": null,
  "dnsNames": null,
  "sans": null,
  "extensions": null,
  "basicConstraints": null
}
