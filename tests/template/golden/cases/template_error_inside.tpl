{{ define "T" }}
  {{ .a.b }}{{ end }}{{ template "T" .s }}