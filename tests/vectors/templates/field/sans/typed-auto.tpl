{{/* type auto, "" or missing: the value is classified like the CSR SANs (IP, URI with a scheme, contains @, else DNS) */}}
{
  "subject": "auto sans",
  "sans": [
    {"type": "auto", "value": "auto.acme.example"},
    {"type": "auto", "value": "10.0.0.1"},
    {"type": "auto", "value": "auto@acme.example"},
    {"type": "auto", "value": "https://acme.example/auto"},
    {"type": "", "value": "empty-type.acme.example"},
    {"type": "", "value": "::1"},
    {"value": "no-type@acme.example"},
    {"type": "auto", "value": "not a uri: has a space"}
  ]
}
