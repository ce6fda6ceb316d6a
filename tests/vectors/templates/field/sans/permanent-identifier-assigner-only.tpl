{{/* permanentIdentifier with only an assigner */}}
{
  "subject": "permanent-identifier-assigner-only",
  "sans": [
    {"type": "permanentIdentifier", "asn1Value": {"assigner": "1.2.3.4"}}
  ]
}
