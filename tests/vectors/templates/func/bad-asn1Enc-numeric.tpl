{{/* an execution error: asn1Enc-numeric */}}
{
  "subject": "asn1Enc-numeric",
  "dnsNames": {{ toJson (asn1Enc "numeric:12a") }}
}
