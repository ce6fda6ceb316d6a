{{/* no authorityKeyId and an issuer without SKI: no AKI extension */}}
{
  "subject": "no authorityKeyId"
}
