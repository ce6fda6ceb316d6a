{{/* basicConstraints {"isCA": true, "maxPathLen": -1}: -1: no pathLen */}}
{
  "subject": "basicConstraints ca-max-path-len-minus-1",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": -1}
}
