{{/* the same without an extended SAN: Go looks at the real subject bytes, not critical */}}
{
  "rawSubject": {{ toJson .Insecure.CR.RawSubject }},
  "dnsNames": ["r.acme.example"]
}
