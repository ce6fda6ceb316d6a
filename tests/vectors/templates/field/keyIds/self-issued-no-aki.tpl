{{/* a subject byte-equal to the issuer's and no authorityKeyId: no AKI extension */}}
{
  "subject": {"country": "US", "organization": "Golden Vectors", "commonName": "Golden Root Ed25519"}
}
