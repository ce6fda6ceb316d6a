{{/* a SAN x509util refuses: other-name-int */}}
{
  "subject": "other-name-int",
  "sans": [{"type": "1.2.3.4", "value": "int:abc"}]
}
