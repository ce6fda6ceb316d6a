{{/* an execution error: asn1Enc-printable-ampersand */}}
{
  "subject": "asn1Enc-printable-ampersand",
  "dnsNames": {{ toJson (asn1Enc "printable:a&b") }}
}
