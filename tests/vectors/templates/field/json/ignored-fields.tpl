{{/* version, issuer, notBefore and notAfter are decoded but ignored: always v3, the issuer is the signing certificate, the validity comes from the flags */}}
{
  "version": 1,
  "subject": {"commonName": "ignored fields"},
  "issuer": {"country": "XX", "commonName": "Not The Issuer"},
  "notBefore": "2030-01-01T00:00:00Z",
  "notAfter": "2031-01-01T00:00:00Z"
}
