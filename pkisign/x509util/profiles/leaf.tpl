{
  "rawSubject": {{ toJson .Insecure.CR.RawSubject }},
  "sans": {{ toJson .SANs }},
  "keyUsage": {{ if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey }}["digitalSignature", "keyEncipherment"]{{ else }}["digitalSignature"]{{ end }},
  "extKeyUsage": ["serverAuth", "clientAuth"]
}
