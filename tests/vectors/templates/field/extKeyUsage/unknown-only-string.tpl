{{/* unknownExtKeyUsage as a single string, without extKeyUsage */}}
{
  "subject": "unknownExtKeyUsage string",
  "unknownExtKeyUsage": "1.3.6.1.4.1.55555.20.2"
}
