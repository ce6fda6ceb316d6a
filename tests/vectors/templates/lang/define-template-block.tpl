{{/* define, template (with and without data) and block */}}
{{- define "ou" }}{{ printf "%s/%s" .a .b | toJson }}{{ end -}}
{{- define "keyUsage" -}}
  ["digitalSignature", "keyAgreement"]
{{- end -}}
{{- define "cnOf" }}{{ toJson (printf "%s (defined)" .) }}{{ end -}}
{
  "subject": {
    "commonName": {{ block "cn" .Subject.CommonName }}{{ template "cnOf" . }}{{ end }},
    "organizationalUnit": [{{ template "ou" (dict "a" "x" "b" "y") }}, {{ template "ou" (dict "a" 1 "b" 2) }}]
  },
  "keyUsage": {{ template "keyUsage" }}
}
