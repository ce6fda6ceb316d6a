{{/* sans of the types dns, email, ip and uri: Go's encoder regroups them (DNS, email, IP, URI) and keeps the case of DNS names */}}
{
  "subject": "typed sans",
  "sans": [
    {"type": "uri", "value": "spiffe://acme.example/typed"},
    {"type": "ip", "value": "2001:db8::53"},
    {"type": "email", "value": "typed@acme.example"},
    {"type": "dns", "value": "Typed.Acme.Example"},
    {"type": "ip", "value": "192.0.2.53"},
    {"type": "dns", "value": "second.acme.example"}
  ]
}
