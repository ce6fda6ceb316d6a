{{/* permanentIdentifier from value: otherName 1.3.6.1.5.5.7.8.3 with identifierValue */}}
{
  "subject": "permanent-identifier-value",
  "sans": [
    {"type": "permanentIdentifier", "value": "SN-0123456789"}
  ]
}
