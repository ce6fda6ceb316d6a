{{/* a SAN x509util refuses: extended-ip-invalid */}}
{
  "subject": "extended-ip-invalid",
  "sans": [{"type": "registeredID", "value": "1.2.3"}, {"type": "ip", "value": "not-an-ip"}]
}
