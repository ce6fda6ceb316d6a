{{/* extended SANs with an empty subject: x509util marks its SAN extension critical */}}
{
  "subject": {},
  "sans": [{"type": "permanentIdentifier", "value": "PID-2"}, {"type": "dns", "value": "e.acme.example"}]
}
