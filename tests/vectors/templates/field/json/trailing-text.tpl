{{/* only the first JSON value of the output is decoded; anything after it is ignored */}}
{
  "subject": "only the first JSON value counts",
  "dnsNames": "first.acme.example"
}
{"subject": "a second value, never read"}
this is not JSON {{ .Subject.CommonName }} ]]] {
