{{/* basicConstraints {"isCA": "yes"}: refused */}}
{
  "subject": "basicConstraints is-ca-string",
  "basicConstraints": {"isCA": "yes"}
}
