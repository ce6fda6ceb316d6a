{{/* rawSubject (base64 DER) is used verbatim and the subject is ignored: T61String, IA5String and an unsorted multi-valued RDN survive */}}
{
  "rawSubject": "MFwxCzAJBgNVBAYTAkRFMRQwEgYDVQQKFAtSYXcgVDYxIE9yZzEUMAgGA1UECwwBYjAIBgNVBAsWAWExITAfBgNVBAMMGHJhdy1zdWJqZWN0LmFjbWUuZXhhbXBsZQ==",
  "subject": {"commonName": "ignored: rawSubject wins"},
  "dnsNames": "raw-subject.acme.example"
}
