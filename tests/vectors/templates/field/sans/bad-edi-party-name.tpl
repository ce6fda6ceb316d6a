{{/* a SAN x509util refuses: edi-party-name */}}
{
  "subject": "edi-party-name",
  "sans": [{"type": "ediPartyName", "value": "x"}]
}
