{{/* subjectKeyId (base64) replaces the SHA-1 key identifier */}}
{
  "subject": "subjectKeyId given",
  "subjectKeyId": "Z29sZGVuLXN1YmplY3Qta2V5LWlk"
}
