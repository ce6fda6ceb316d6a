{{/* an execution error: asn1Seq-bad-base64 */}}
{
  "subject": "asn1Seq-bad-base64",
  "dnsNames": {{ toJson (asn1Seq "not base64!") }}
}
