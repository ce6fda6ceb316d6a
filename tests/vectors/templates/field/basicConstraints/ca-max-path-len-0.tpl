{{/* basicConstraints {"isCA": true, "maxPathLen": 0}: pathLen 0 */}}
{
  "subject": "basicConstraints ca-max-path-len-0",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": 0}
}
