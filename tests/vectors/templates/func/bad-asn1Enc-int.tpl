{{/* an execution error: asn1Enc-int */}}
{
  "subject": "asn1Enc-int",
  "dnsNames": {{ toJson (asn1Enc "int:abc") }}
}
