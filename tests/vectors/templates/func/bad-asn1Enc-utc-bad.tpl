{{/* an execution error: asn1Enc-utc-bad */}}
{
  "subject": "asn1Enc-utc-bad",
  "dnsNames": {{ toJson (asn1Enc "utc:yesterday") }}
}
