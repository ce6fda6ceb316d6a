{{/* ocspServer and issuingCertificateURL lists: OCSP entries come first */}}
{
  "subject": "authorityInfoAccess",
  "issuingCertificateURL": ["http://ca.acme.example/root.crt", "ldap://ldap.acme.example/cn=root"],
  "ocspServer": ["http://ocsp1.acme.example", "http://ocsp2.acme.example/path?x=1"]
}
