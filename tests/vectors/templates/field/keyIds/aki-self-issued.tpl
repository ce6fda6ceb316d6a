{{/* a subject byte-equal to the issuer's (self-issued): the template's authorityKeyId is used instead of the issuer's SKI */}}
{
  "subject": {"country": "US", "organization": "Golden Vectors", "commonName": "Golden Root Ed25519"},
  "authorityKeyId": "AQIDBAUGBwg="
}
