{{/* a template parse error: if-without-value */}}
{{ if }}{{ end }}{"subject": "x"}
