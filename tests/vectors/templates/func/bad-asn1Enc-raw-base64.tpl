{{/* an execution error: asn1Enc-raw-base64 */}}
{
  "subject": "asn1Enc-raw-base64",
  "dnsNames": {{ toJson (asn1Enc "raw:not base64") }}
}
