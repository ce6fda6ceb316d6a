{{/* extKeyUsage ["serverAuth", "foo"]: refused */}}
{
  "subject": "extKeyUsage unknown-name",
  "extKeyUsage": ["serverAuth", "foo"]
}
