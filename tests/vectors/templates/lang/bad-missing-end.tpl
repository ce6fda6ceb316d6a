{{/* a template parse error: missing-end */}}
{{ if true }}
{"subject": "x"}
