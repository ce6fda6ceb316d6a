{{/* uris as a string */}}
{
  "subject": "uris-string",
  "uris": "spiffe://acme.example/ns/default/sa/web"
}
