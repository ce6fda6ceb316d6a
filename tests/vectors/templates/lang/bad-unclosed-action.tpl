{{/* a template parse error: unclosed-action */}}
{"subject": {{ .Subject.CommonName
