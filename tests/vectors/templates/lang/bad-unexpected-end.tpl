{{/* a template parse error: unexpected-end */}}
{"subject": "x"}
{{ end }}
