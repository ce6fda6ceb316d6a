{{/* an empty subjectKeyId: no SKI extension at all (x509util computes none, Go only computes one for CAs) */}}
{
  "subject": "subjectKeyId empty",
  "subjectKeyId": ""
}
