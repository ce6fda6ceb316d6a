{{/* step's fail: stops with exactly its message */}}
{{- if not (hasKey .Insecure.User "team") -}}
  {{- fail "the 'team' value is required: use --set team=<name>" -}}
{{- end -}}
{
  "subject": {"organizationalUnit": {{ toJson .Insecure.User.team }}, "commonName": {{ toJson .Subject.CommonName }}},
  "dnsNames": {{ toJson .Insecure.CR.DNSNames }}
}
