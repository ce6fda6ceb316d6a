{{/* an execution error: asn1Marshal-float */}}
{
  "subject": "asn1Marshal-float",
  "dnsNames": {{ toJson (asn1Marshal 1.5) }}
}
