{{/* basicConstraints {"isCA": true, "maxPathLen": 3}: pathLen 3 */}}
{
  "subject": "basicConstraints ca-max-path-len-3",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": 3}
}
