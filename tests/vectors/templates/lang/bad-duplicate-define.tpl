{{/* a template parse error: duplicate-define */}}
{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}{"subject": "x"}
