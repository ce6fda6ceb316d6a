{{/* a SAN x509util refuses: other-name-numeric */}}
{
  "subject": "other-name-numeric",
  "sans": [{"type": "1.2.3.4", "value": "numeric:12a"}]
}
