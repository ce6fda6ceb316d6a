{{/* .Insecure.CR: the CSR as x509util sees it */}}
{
  "subject": {
    "commonName": "data cr",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (toJson .Insecure.CR.DNSNames)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (toJson .Insecure.CR.EmailAddresses)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (toJson .Insecure.CR.IPAddresses)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (toJson .Insecure.CR.URIs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": "{{ range .Insecure.CR.IPAddresses }}{{ . }} {{ end }}"},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": "{{ range .Insecure.CR.URIs }}{{ . }} {{ end }}"},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (.Insecure.CR.Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (toJson .Insecure.CR.Subject.ExtraNames)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (toJson .Insecure.CR.RawSubject)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (.Insecure.CR.Version)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (.Insecure.CR.PublicKeyAlgorithm)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (toJson .Insecure.CR.PublicKeyAlgorithm)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (typeOf .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (len .Insecure.CR.Extensions)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": "{{ range .Insecure.CR.Extensions }}{{ .ID }}/{{ .Critical }}/{{ len .Value }} {{ end }}"},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (toJson .Insecure.CR.SignatureAlgorithm)) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (toJson .Insecure.CR.SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (.Insecure.CR.SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (sha256sum (toJson .Insecure.CR.Signature))) }}}
    ]
  }
}
