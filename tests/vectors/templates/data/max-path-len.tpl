{{/* .MaxPathLen is the --path-len flag (default 0) */}}
{
  "subject": {"commonName": "max path len {{ .MaxPathLen }}", "organization": {{ typeOf .MaxPathLen | toJson }}},
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": {{ .MaxPathLen }}}
}
