{{/* issuingCertificateURL alone, as a string */}}
{
  "subject": "issuingCertificateURL",
  "issuingCertificateURL": "http://ca.acme.example/int.crt"
}
