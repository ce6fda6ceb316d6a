{{/* an empty subjectKeyId on a CA: Go computes the SHA-1 key identifier itself */}}
{
  "subject": "subjectKeyId empty, CA",
  "subjectKeyId": "",
  "keyUsage": ["certSign"],
  "basicConstraints": {"isCA": true}
}
