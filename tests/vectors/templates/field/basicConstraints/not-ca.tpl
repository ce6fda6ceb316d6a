{{/* basicConstraints {"isCA": false}: not a CA: empty SEQUENCE, critical */}}
{
  "subject": "basicConstraints not-ca",
  "keyUsage": "digitalSignature",
  "basicConstraints": {"isCA": false}
}
