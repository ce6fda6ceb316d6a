{{/* uris list: Go re-serialises each URL (scheme lower-cased) */}}
{
  "subject": "uris-list",
  "uris": ["HTTPS://Example.COM:8443/a/%7Efoo?q=1#frag", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "mailto:jdoe@acme.example", "https://[2001:db8::1]:8443/x"]
}
