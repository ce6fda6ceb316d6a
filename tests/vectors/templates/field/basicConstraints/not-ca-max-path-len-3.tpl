{{/* basicConstraints {"isCA": false, "maxPathLen": 3}: not a CA with maxPathLen 3: x509util drops the pathLen (Go's 'only CAs are allowed to specify MaxPathLen' check is never reached) */}}
{
  "subject": "basicConstraints not-ca-max-path-len-3",
  "keyUsage": "digitalSignature",
  "basicConstraints": {"isCA": false, "maxPathLen": 3}
}
