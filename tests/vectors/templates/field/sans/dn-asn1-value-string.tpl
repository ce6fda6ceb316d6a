{{/* dn from an asn1Value string: the common name */}}
{
  "subject": "dn-asn1-value-string",
  "sans": [
    {"type": "dn", "asn1Value": "Only A CN"}
  ]
}
