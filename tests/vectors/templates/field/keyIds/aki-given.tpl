{{/* authorityKeyId: ignored when the issuer has a SKI and the subject differs from the issuer's */}}
{
  "subject": "authorityKeyId given",
  "authorityKeyId": "AQIDBAUGBwg="
}
