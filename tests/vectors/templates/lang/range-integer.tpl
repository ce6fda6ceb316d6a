{{/* range over an integer (Go 1.22+) */}}
{
  "subject": {
    "commonName": "range over an integer",
    "organization": [{{ range $i := 3 }}{{ if $i }}, {{ end }}"o{{ $i }}"{{ end }}]
  }
}
