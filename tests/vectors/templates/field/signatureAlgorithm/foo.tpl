{{/* signatureAlgorithm "foo" */}}
{
  "subject": "signatureAlgorithm foo",
  "signatureAlgorithm": "foo"
}
