{{/* basicConstraints {"isCA": true, "maxPathLen": -5}: any negative value: no pathLen */}}
{
  "subject": "basicConstraints ca-max-path-len-minus-5",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": -5}
}
