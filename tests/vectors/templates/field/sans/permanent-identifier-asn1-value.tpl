{{/* permanentIdentifier from asn1Value: identifier and assigner */}}
{
  "subject": "permanent-identifier-asn1-value",
  "sans": [
    {"type": "permanentIdentifier", "asn1Value": {"identifier": "SN-42", "assigner": "1.3.6.1.4.1.55555.3"}}
  ]
}
