{{/* ocspServer as a string: authorityInfoAccess with one OCSP entry */}}
{
  "subject": "ocspServer",
  "ocspServer": "http://ocsp.acme.example"
}
