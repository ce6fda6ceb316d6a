{{/* dnsNames as a string */}}
{
  "subject": "dns-names-string",
  "dnsNames": "single.acme.example"
}
