{{/* a SAN x509util refuses: x400-address */}}
{
  "subject": "x400-address",
  "sans": [{"type": "x400Address", "value": "x"}]
}
