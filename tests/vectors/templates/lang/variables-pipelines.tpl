{{/* variables, $ inside range and with, pipelines (the piped value is the last argument), parenthesised calls, field access on an index result */}}
{{- $cn := .Subject.CommonName -}}
{{- $root := . -}}
{{- $n := 0 -}}
{{- range .SANs }}{{ $n = add $n 1 }}{{ end -}}
{
  "subject": {
    "commonName": {{ $cn | upper | replace "." "-" | printf "%s-pipe" | toJson }},
    "organization": [
      {{ printf "%d sans" $n | toJson }},
      {{ (index .SANs 0).Value | toJson }},
      {{ with index .SANs 1 }}{{ printf "%s via $ %s" .Value $.Subject.CommonName | toJson }}{{ end }},
      {{ range $root.SANs }}{{ if eq .Type "uri" }}{{ $.MaxPathLen | printf "dot %v, root %v" .Type | toJson }},{{ break }}{{ end }}{{ end }}
      {{ "last" | toJson }}
    ]
  }
}
