{{/* a template parse error: line-number */}}
{
  "subject": "x",

  "dnsNames": {{ .Subject.CommonName | | upper }}
}
