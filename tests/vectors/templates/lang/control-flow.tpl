{{/* if / else if / else, range with $i $v (also over a map: sorted keys), break and continue, range ... else, with ... else, variables declared with := and assigned with = */}}
{{- $kind := "other" -}}
{{- if typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey -}}
  {{- $kind = "rsa" -}}
{{- else if typeIs "*ecdsa.PublicKey" .Insecure.CR.PublicKey -}}
  {{- $kind = "ecdsa" -}}
{{- else -}}
  {{- $kind = "ed25519" -}}
{{- end -}}
{{- $dns := list -}}
{{- $rest := list -}}
{{- range $i, $san := .SANs -}}
  {{- if eq $san.Type "dns" -}}
    {{- $dns = append $dns $san.Value -}}
  {{- else -}}
    {{- $rest = append $rest (printf "%d:%s=%s" $i $san.Type $san.Value) -}}
  {{- end -}}
{{- end -}}
{
  "subject": {
    "commonName": "control flow {{ $kind }}",
    "organizationalUnit": {{ toJson $rest }},
    "locality": [
      {{- range $i, $v := until 10 -}}
        {{- if eq $v 2 }}{{ continue }}{{ end -}}
        {{- if gt $v 5 }}{{ break }}{{ end -}}
        {{- if $i }}, {{ end }}"v{{ $v }}"
      {{- end -}}
    ],
    "province": [
      {{- range $k, $v := dict "b" 2 "a" 1 "c" 3 -}}
        "{{ $k }}={{ $v }}",
      {{- end }} "end"
    ],
    "streetAddress": [
      {{- with .Insecure.User.street }}{{ toJson . }}{{ else }}"no street given"{{ end -}}
      ,{{ range .Insecure.CR.URIs }}{{ toJson .String }}, {{ else }}"no URIs", {{ end }}"last"
    ]
  },
  "dnsNames": {{ toJson $dns }}
}
