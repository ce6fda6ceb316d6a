{{/* basicConstraints {"isCA": true, "maxPathLen": 1.5}: refused */}}
{
  "subject": "basicConstraints max-path-len-fraction",
  "basicConstraints": {"isCA": true, "maxPathLen": 1.5}
}
