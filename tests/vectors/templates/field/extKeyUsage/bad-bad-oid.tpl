{{/* unknownExtKeyUsage ["1.2.x"]: refused */}}
{
  "subject": "unknownExtKeyUsage bad-oid",
  "unknownExtKeyUsage": ["1.2.x"]
}
