{{/* copy the CSR's extensions (raw, in CSR order) except basicConstraints and subjectKeyIdentifier, with a comma-separated range */}}
{
  "subject": {{ toJson .Subject }},
  "extensions": [
{{- $first := true }}
{{- range .Insecure.CR.Extensions }}
  {{- $id := toJson .ID | trimAll "\"" }}
  {{- if and (ne $id "2.5.29.19") (ne $id "2.5.29.14") }}
    {{- if not $first }},{{ end }}{{ $first = false }}
    {"id": {{ toJson .ID }}, "critical": {{ .Critical }}, "value": {{ toJson .Value }}}
  {{- end }}
{{- end }}
  ]
}
