{{/* subject as a plain JSON string: it is the common name */}}
{
  "subject": "Plain String Subject",
  "dnsNames": ["plain.acme.example"]
}
