{{/* basicConstraints {"isCA": true}: a missing maxPathLen is 0 */}}
{
  "subject": "basicConstraints ca-no-max-path-len",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true}
}
