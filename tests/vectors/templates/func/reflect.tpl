{{/* typeOf, kindOf, typeIs, typeIsLike, kindIs, deepEqual on the template data (Go type names) */}}
{
  "subject": {
    "commonName": "reflect",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (typeOf .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (kindOf .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (typeIs "ed25519.PublicKey" .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (typeIsLike "rsa.PublicKey" .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (kindIs "ptr" .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (kindIs "slice" .Insecure.CR.PublicKey)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (typeOf .Subject)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (kindOf .Subject)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (typeOf .SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (typeOf .MaxPathLen)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (typeOf .Insecure)) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (typeOf .Insecure.User)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (kindOf .Insecure.User)) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (typeOf .Insecure.CR)) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (typeOf .Insecure.CR.IPAddresses)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (typeOf .Insecure.CR.URIs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (typeOf .Insecure.CR.RawSubject)) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (typeOf .Insecure.CR.Extensions)) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (typeOf .Insecure.CR.PublicKeyAlgorithm)) }}},
      {"type": "1.3.6.1.4.1.55555.9.22", "value": {{ toJson (toString (typeOf 1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.23", "value": {{ toJson (toString (typeOf 1.5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.24", "value": {{ toJson (toString (typeOf "s")) }}},
      {"type": "1.3.6.1.4.1.55555.9.25", "value": {{ toJson (toString (typeOf (list))) }}},
      {"type": "1.3.6.1.4.1.55555.9.26", "value": {{ toJson (toString (typeOf (dict))) }}},
      {"type": "1.3.6.1.4.1.55555.9.27", "value": {{ toJson (toString (typeOf nil)) }}},
      {"type": "1.3.6.1.4.1.55555.9.28", "value": {{ toJson (toString (typeOf .Insecure.User.missing)) }}},
      {"type": "1.3.6.1.4.1.55555.9.29", "value": {{ toJson (toString (deepEqual (list 1 2) (list 1 2))) }}}
    ]
  },
{{- if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey }}
  "keyUsage": ["digitalSignature", "keyEncipherment"]
{{- else if typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey }}
  "keyUsage": ["digitalSignature", "keyAgreement"]
{{- else if typeIs "ed25519.PublicKey" .Insecure.CR.PublicKey }}
  "keyUsage": "digitalSignature"
{{- else }}{{ fail "unexpected key type" }}{{ end }}
}
