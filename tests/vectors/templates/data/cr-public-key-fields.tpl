{{/* Go fields and methods of the CSR's public key object */}}
{
  "subject": {
    "commonName": "public key fields",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": "{{ if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey }}{{ .Insecure.CR.PublicKey.E }}/{{ .Insecure.CR.PublicKey.N.BitLen }}{{ else if typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey }}{{ .Insecure.CR.PublicKey.Curve.Params.Name }}{{ else }}{{ len .Insecure.CR.PublicKey }}{{ end }}"}
    ]
  }
}
